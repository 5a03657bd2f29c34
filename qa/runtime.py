"""Process settings, applied once at start (``qa`` commands, the server, the test session): never per request.

- offline: ``HF_HUB_OFFLINE`` / ``TRANSFORMERS_OFFLINE`` are set, so nothing is fetched from a hub;
- threads: torch runs the span model's batch of windows on ``Settings.threads`` threads (set when a
  torch model is first loaded: serving on ONNX Runtime never imports torch); FAISS
  searches one query on one OpenMP thread (faster than two on small machines). ONNX Runtime
  sessions take their thread counts when they are made (one for a query, every core for a build);
  inside ``leanly()`` (a question answered beside a rebuild, ``Service.answering``) the span model
  runs on a one-thread session instead;
- ``in_child`` runs work whose memory must not stay here (torch, to export a graph) in a fresh process.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from qa.config import Settings

_applied: dict[str, int] = {}
_torch_set = False  # whether torch has been given its thread count
_lean = contextvars.ContextVar("qa_lean", default=False)
T = TypeVar("T")


def apply(settings: Settings) -> dict[str, int]:
    """Set the process-wide knobs from ``settings``; returns what was set (also kept in ``applied()``)."""
    global _torch_set
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import faiss

    threads = settings.threads or os.cpu_count() or 1
    faiss.omp_set_num_threads(1)
    _applied.update({"torch_threads": threads, "faiss_threads": 1})
    _torch_set = False
    if "torch" in sys.modules:  # already imported: set now; else when a torch model is loaded
        torch_threads()
    return dict(_applied)


def torch_threads() -> None:
    """Give torch the thread count decided by ``apply``, once: called where a torch model is loaded,
    so that a process whose models all run on ONNX Runtime never imports torch at all."""
    global _torch_set
    if _torch_set or "torch_threads" not in _applied:
        return
    import torch

    torch.set_num_threads(_applied["torch_threads"])
    _torch_set = True


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


def in_child(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` run in a fresh process, its result (or exception) handed back: work whose
    memory must not stay in this process (exporting a graph with torch, a benchmark's own figures)."""
    import multiprocessing

    if multiprocessing.current_process().daemon:
        # Already in a throw-away child (a pool's worker may not start processes of its own): run here.
        return function(*args)
    pool = multiprocessing.get_context("spawn").Pool(1)
    try:
        return pool.apply(function, args)
    finally:  # closed and joined, not terminated: a terminated pool leaks a semaphore (a warning at exit)
        pool.close()
        pool.join()
