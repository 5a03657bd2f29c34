"""Process-level policy: work run in a throw-away child process."""

import os

from qa import runtime


def _pid() -> int:
    return os.getpid()


def _pids_nested() -> tuple[int, int]:
    """Where this runs, and where an ``in_child`` started from here runs."""
    return os.getpid(), runtime.in_child(_pid)


def test_in_child_runs_in_another_process_and_in_place_inside_one():
    outer, inner = runtime.in_child(_pids_nested)
    # A pool's worker may not start processes of its own (qa bench builds its index in one, and a first
    # build there exports the embedder's graph with in_child): the nested call runs in that worker.
    assert outer != os.getpid() and inner == outer
