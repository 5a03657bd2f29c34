"""``qa serve --workers N``: N worker processes answering from one index folder.

The parent builds or updates the index once, then lets uvicorn start the workers and supervise
them; it embeds nothing per request and holds no reader model. Each worker loads the current
index and the models once (``app``) and follows ``index/CURRENT``: a rebuild published by any
process (``POST /index/rebuild`` in one worker, or the parent's folder watch) is served by all
within ``QA_WATCH_INTERVAL`` seconds. The build lock keeps two builds apart across processes.
"""

from __future__ import annotations

import logging
import os
import threading

from fastapi import FastAPI

from qa.config import Settings
from qa.errors import RebuildInProgressError

log = logging.getLogger("qa.serve.workers")

WORKER_THREADS = "QA_THREADS"


def app() -> FastAPI:
    """The app of one worker process (uvicorn's factory): load, never build, and follow the index folder."""
    from qa import runtime
    from qa.serve import logs
    from qa.serve.api import create_app
    from qa.serve.service import Service

    settings = Settings.from_env()
    runtime.apply(settings)
    service = Service.load(settings)
    service.follow(settings.watch_interval)
    logs.install()
    log.warning("worker %d serving index %s", os.getpid(), service.pipeline.index.version)
    return create_app(service)


def serve(settings: Settings, workers: int, *, watch: bool = False) -> None:
    """Build or update the index, then run ``workers`` processes on ``settings.host:port`` until stopped."""
    import uvicorn

    from qa.index.embed import embedder_for
    from qa.index.store import build_index

    embedder = embedder_for(settings)
    report = build_index(settings, embedder)
    print(f"index {report.version}: {'rebuilt (' + report.reason + ')' if report.rebuilt else 'up to date'}")
    # Workers read their settings from the environment; the folders resolved here are passed on, and the
    # cores are shared out unless a thread count was asked for.
    os.environ.update({"QA_SEEDS_DIR": str(settings.seeds_dir), "QA_INDEX_DIR": str(settings.index_dir)})
    os.environ.setdefault(WORKER_THREADS, str(max(1, (os.cpu_count() or 1) // workers)))
    stop = threading.Event()
    if watch:
        threading.Thread(target=_watch, args=(settings, embedder, stop), name="qa-watch", daemon=True).start()
        print(f"watching {settings.seeds_dir} every {settings.watch_interval:g} s (the parent rebuilds)")
    try:
        uvicorn.run("qa.serve.workers:app", factory=True, host=settings.host, port=settings.port, workers=workers)
    finally:
        stop.set()


def _watch(settings: Settings, embedder, stop: threading.Event) -> None:
    """The parent's folder watch: rebuild once a change has settled; workers follow what it publishes."""
    from qa.index.store import build_index
    from qa.serve.service import folder_fingerprint, settled_change

    seen = folder_fingerprint(settings.seeds_dir)
    while (now := settled_change(settings.seeds_dir, settings.watch_interval, stop, seen)) is not None:
        try:
            report = build_index(settings, embedder)
            log.warning("watch: index %s (%s)", report.version, report.reason)
        except RebuildInProgressError:
            continue  # a worker is rebuilding; try again on the next tick
        except Exception:  # a failed rebuild never stops the server; the workers keep their index
            log.exception("watch: rebuild failed")
        seen = now
