"""Process settings, applied once at start (``qa`` commands, the server, the test session): never per request.

- offline: ``HF_HUB_OFFLINE`` / ``TRANSFORMERS_OFFLINE`` are set, so nothing is fetched from a hub;
- threads: torch runs the span model's batch of windows on ``Settings.threads`` threads; FAISS
  searches one query on one OpenMP thread (faster than two on small machines). ONNX Runtime
  sessions take their thread counts when they are made (one for a query, every core for a build).
"""

from __future__ import annotations

import os

from qa.config import Settings

_applied: dict[str, int] = {}


def apply(settings: Settings) -> dict[str, int]:
    """Set the process-wide knobs from ``settings``; returns what was set (also kept in ``applied()``)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import faiss
    import torch

    threads = settings.threads or os.cpu_count() or 1
    torch.set_num_threads(threads)
    faiss.omp_set_num_threads(1)
    _applied.update({"torch_threads": threads, "faiss_threads": 1})
    return dict(_applied)


def applied() -> dict[str, int]:
    return dict(_applied)
