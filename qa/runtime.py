"""Process settings, applied once at start (``qa`` commands, the server, the test session): never per request.

- offline: ``HF_HUB_OFFLINE`` / ``TRANSFORMERS_OFFLINE`` are set, so nothing is fetched from a hub;
- threads: torch runs the span model's batch of windows on ``Settings.threads`` threads; FAISS
  searches one query on one OpenMP thread (faster than two on small machines). ONNX Runtime
  sessions take their thread counts when they are made (one for a query, every core for a build);
  inside ``leanly()`` (a question answered beside a rebuild, ``Service.answering``) the span model
  runs on a one-thread session instead.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator

from qa.config import Settings

_applied: dict[str, int] = {}
_lean = contextvars.ContextVar("qa_lean", default=False)


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


@contextlib.contextmanager
def leanly() -> Iterator[None]:
    """Within this block (this thread or task only), models that can run on one thread do: a question
    answered while a rebuild runs leaves the other cores to the rebuild."""
    token = _lean.set(True)
    try:
        yield
    finally:
        _lean.reset(token)


def lean() -> bool:
    return _lean.get()
