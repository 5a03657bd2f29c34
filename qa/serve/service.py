"""The long-running side of the pipeline: the pipeline serving now, background rebuilds and a folder watch.

Requests read ``service.pipeline``; a rebuild runs in a background thread with its own embedder,
writes a complete new index version (``qa.index.store`` publishes it atomically) and only then replaces
the pipeline in one assignment. A failed rebuild leaves the old pipeline serving and is reported by
``status()``.
"""

from __future__ import annotations

import logging
import os
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from qa import runtime
from qa.config import Settings
from qa.errors import IndexCorruptError, IndexStateError, RebuildInProgressError
from qa.index.embed import Embedder
from qa.index.manifest import mismatch
from qa.index.store import (
    BuildCancelled,
    BuildControl,
    BuildReport,
    Index,
    Progress,
    build_index,
    current_version_path,
    load_index,
    load_newest_intact,
)
from qa.ingest.files import SUPPORTED_SUFFIXES
from qa.pipeline import Pipeline

log = logging.getLogger("qa.serve.service")

State = Literal["idle", "running", "succeeded", "failed", "cancelled"]


@dataclass(frozen=True)
class RebuildStatus:
    """The outcome of the last rebuild (or the one running now)."""

    state: State = "idle"
    trigger: str | None = None
    full: bool = False
    started_at: str | None = None
    finished_at: str | None = None
    report: BuildReport | None = None
    error: str | None = None
    progress: Progress | None = None

    @property
    def running(self) -> bool:
        return self.state == "running"


class Service:
    """Holds the serving pipeline and swaps it after a successful background rebuild."""

    def __init__(self, pipeline: Pipeline, build_embedder: Embedder | Callable[[], Embedder] | None = None) -> None:
        self.pipeline = pipeline
        self.settings = pipeline.settings
        # The build gets its own embedder: a tokenizer shared between a batch build and live queries
        # is not safe to call from two threads at once.
        self._build_embedder = build_embedder
        self._status = RebuildStatus()
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None
        self._watcher: threading.Thread | None = None
        self._follower: threading.Thread | None = None
        self._stop = threading.Event()
        self.fallback: str | None = None
        self._cancel = threading.Event()  # why an older index version serves, until a rebuild succeeds
        slots = self.settings.rebuild_ask_slots
        self._rebuild_slots = threading.BoundedSemaphore(slots) if slots else None

    @contextmanager
    def answering(self) -> Iterator[None]:
        """Hold around answering a question: while a rebuild runs, at most ``rebuild_ask_slots``
        questions are answered at once, each with the span model on one thread, so that the rebuild
        keeps the other cores."""
        if self._rebuild_slots is None or not self._status.running:
            yield
            return
        with self._rebuild_slots, runtime.leanly():
            yield

    @classmethod
    def start(cls, settings: Settings, embedder: Embedder | None = None, *, watch: bool = False) -> Service:
        """Load the index (building or updating it from the seeds folder first), and the models, once.

        A damaged current version does not keep the port closed: the newest intact version serves at
        once (``fallback`` says so, and ``/health`` shows it) while a full rebuild runs in the background.
        """
        from qa.index.embed import embedder_for

        embedder = embedder or embedder_for(settings)
        try:
            index: Index | None = load_index(settings.index_dir)  # read once: the build compares against it
        except IndexCorruptError as exc:
            service = cls._fallback(settings, embedder, exc)
            if service is not None:
                service.rebuild(full=True, trigger="start")
                if watch:
                    service.watch(settings.watch_interval)
                return service
            index = None
        except IndexStateError:
            index = None
        report = build_index(settings, embedder, loaded=index)
        log.warning("index %s: %s", report.version, f"rebuilt ({report.reason})" if report.rebuilt else "up to date")
        if index is None or index.version != report.version:
            index = load_index(settings.index_dir)
        service = cls(Pipeline(index, embedder, settings), build_embedder=lambda: embedder_for(settings))
        if watch:
            service.watch(settings.watch_interval)
        return service

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder | None = None) -> Service:
        """Only load the index and the models, never build (a worker process, whose parent builds): the
        newest intact version when the current one is damaged, else the error."""
        from qa.index.embed import embedder_for

        embedder = embedder or embedder_for(settings)
        try:
            index = load_index(settings.index_dir)
        except IndexCorruptError as exc:
            service = cls._fallback(settings, embedder, exc)
            if service is None:
                raise
            return service
        return cls(Pipeline(index, embedder, settings), build_embedder=lambda: embedder_for(settings))

    @classmethod
    def _fallback(cls, settings: Settings, embedder: Embedder, damaged: IndexCorruptError) -> Service | None:
        """A service on the newest intact version, marked as a fallback; None when there is none to use."""
        from qa.index.embed import embedder_for

        intact = load_newest_intact(settings.index_dir)
        if intact is None or mismatch(intact.manifest, settings, embedder.name, embedder.dim):
            return None
        note = f"the current index is damaged ({damaged}); serving version {intact.version} until a rebuild completes"
        log.warning(note)
        service = cls(Pipeline(intact, embedder, settings), build_embedder=lambda: embedder_for(settings))
        service.fallback = note
        return service

    # ------------------------------------------------------------------------------ rebuilds

    def status(self) -> RebuildStatus:
        return self._status

    def rebuild(self, *, full: bool = False, trigger: str = "api", wait: bool = False) -> RebuildStatus:
        """Start a rebuild in the background; ``RebuildInProgressError`` if one is running already."""
        with self._guard:
            if self._status.running:
                raise RebuildInProgressError("a rebuild is already running; see GET /index/status")
            self._status = RebuildStatus("running", trigger, full, started_at=_now())
            self._cancel = threading.Event()
            self._thread = threading.Thread(target=self._run, args=(full,), name="qa-rebuild", daemon=True)
            self._thread.start()
        if wait:
            self.wait()
        return self._status

    def cancel(self) -> RebuildStatus:
        """Ask the running rebuild to stop at its next batch; the previous index keeps serving."""
        with self._guard:
            if not self._status.running:
                raise RebuildInProgressError("no rebuild is running")
            self._cancel.set()
        return self._status

    def _progress(self, progress: Progress) -> None:
        self._status = replace(self._status, progress=progress)

    def wait(self, timeout: float | None = None) -> RebuildStatus:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self._status

    def _run(self, full: bool) -> None:
        lower_priority(self.settings.rebuild_nice)
        try:
            control = BuildControl(on_progress=self._progress, cancel=self._cancel)
            embedder = self._embedder_for_build()
            report = build_index(self.settings, embedder, full=full, loaded=self.pipeline.index, control=control)
            if report.rebuilt or report.version != self.pipeline.index.version:
                self.pipeline = self.pipeline.with_index(load_index(self.settings.index_dir))
            self.fallback = None
            outcome = replace(self._status, state="succeeded", report=report)
            log.info("rebuild %s: index %s (%s)", outcome.trigger, report.version, report.reason)
        except BuildCancelled as exc:
            log.warning("rebuild cancelled; still serving index %s", self.pipeline.index.version)
            outcome = replace(self._status, state="cancelled", error=str(exc))
        except Exception as exc:  # a failed rebuild must never take the server down
            serving = self.pipeline.index.version
            log.error("rebuild failed, still serving index %s:\n%s", serving, traceback.format_exc())
            outcome = replace(self._status, state="failed", error=f"{type(exc).__name__}: {exc}")
        self._status = replace(outcome, finished_at=_now())

    def _embedder_for_build(self) -> Embedder:
        if self._build_embedder is None:
            return self.pipeline.embedder
        if callable(self._build_embedder):
            self._build_embedder = self._build_embedder()
        return self._build_embedder

    # ------------------------------------------------------------------------------- follow

    def follow(self, interval: float) -> None:
        """Poll ``index/CURRENT`` every ``interval`` seconds and serve whatever version another process
        published (worker processes share one index folder; a rebuild in one reaches all)."""
        if self._follower is not None:
            return
        self._follower = threading.Thread(target=self._follow, args=(interval,), name="qa-follow", daemon=True)
        self._follower.start()

    def _follow(self, interval: float) -> None:
        while not self._stop.wait(interval):
            if self._status.running:
                continue  # this process is publishing; it swaps in its own version
            try:
                version = current_version_path(self.settings.index_dir).name
                if version != self.pipeline.index.version:
                    self.pipeline = self.pipeline.with_index(load_index(self.settings.index_dir))
                    self.fallback = None
                    log.warning("now serving index %s (published by another process)", version)
            except (IndexStateError, OSError) as exc:  # a version being written or damaged: keep serving
                log.warning("cannot follow the index folder (%s); still serving %s", exc, self.pipeline.index.version)

    # ---------------------------------------------------------------------------------- watch

    def watch(self, interval: float) -> None:
        """Poll the seeds folder every ``interval`` seconds; rebuild once a change has settled."""
        if self._watcher is not None:
            return
        seen = folder_fingerprint(self.settings.seeds_dir)
        self._watcher = threading.Thread(target=self._watch, args=(interval, seen), name="qa-watch", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in (self._watcher, self._follower):
            if thread is not None:
                thread.join()
        self._watcher = self._follower = None
        self.wait()

    def _watch(self, interval: float, seen: tuple) -> None:
        while (now := settled_change(self.settings.seeds_dir, interval, self._stop, seen)) is not None:
            if self._status.running:
                continue
            try:
                self.rebuild(trigger="watch", wait=True)
            except RebuildInProgressError:
                continue
            seen = now  # a failed rebuild is reported once, and retried on the next change


def lower_priority(nice: int) -> None:
    """Raise the calling thread's nice value by ``nice`` (Linux: per thread; threads it starts inherit it,
    so the build embedder's batch threads, made on its first batch, run at the same lower priority)."""
    if nice <= 0 or not hasattr(os, "setpriority"):
        return
    tid = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, tid, min(os.getpriority(os.PRIO_PROCESS, tid) + nice, 19))
    except OSError as exc:  # not permitted here: the rebuild runs at the questions' priority
        log.warning("could not lower the rebuild's priority: %s", exc)


def settled_change(folder: Path, interval: float, stop: threading.Event, seen: tuple) -> tuple | None:
    """Wait until ``folder``'s fingerprint differs from ``seen`` and stays the same for one more tick (a
    copy in progress changes size and mtime); the new fingerprint, or None once ``stop`` is set."""
    while not stop.wait(interval):
        now = folder_fingerprint(folder)
        if now != seen and not stop.wait(interval) and folder_fingerprint(folder) == now:
            return now
    return None


def folder_fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every supported file: cheap enough to poll."""
    if not folder.is_dir():
        return ()
    entries = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
            stat = path.stat()
            entries.append((str(path.relative_to(folder)), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
