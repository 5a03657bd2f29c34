"""``qa serve --workers 2``: two processes answer from one index, and a rebuild in one reaches both."""

import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import write_corpus

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "worker-test-admin-token-0123"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _health(base: str) -> dict:
    return httpx.get(f"{base}/health", timeout=5).json()


def _until(condition, seconds: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    said = log.read_text()[-2000:] if log and log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n{said}")


def _versions_by_worker(base: str, requests: int = 24) -> dict[int, str]:
    with ThreadPoolExecutor(8) as pool:
        seen = list(pool.map(lambda _: _health(base), range(requests)))
    return {h["worker"]: h["index_version"] for h in seen}


@pytest.mark.slow
def test_two_workers_serve_one_index_and_follow_a_rebuild(tmp_path):
    seeds = write_corpus(tmp_path / "seeds", {"harbour.txt": "The harbour bridge was opened by Mayor Ines Duarte."})
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "QA_SEEDS_DIR": str(seeds),
        "QA_INDEX_DIR": str(tmp_path / "index"),
        "QA_MODEL": "hashing-test",
        "QA_READER": "rules",
        "QA_ADMIN_TOKEN": TOKEN,
        "QA_WATCH_INTERVAL": "0.3",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve", "--workers", "2", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "server.log").open("w"),
    )
    try:
        _until(lambda: _health(base) if _try(base) else None, 90, "the server to start", tmp_path / "server.log")
        first = _until(lambda: _both(_versions_by_worker(base)), 60, "both workers")
        assert len(set(first.values())) == 1 and server.pid not in first  # the parent answers nothing
        answer = httpx.get(f"{base}/ask", params={"q": "Who opened the harbour bridge?"}, timeout=30).json()
        assert answer["answers"][0]["text"] == "Ines Duarte" or "Ines Duarte" in answer["answers"][0]["text"]

        write_corpus(seeds, {"lake.txt": "Lake Morrow freezes every January."})
        rebuild = httpx.post(f"{base}/index/rebuild", headers={"Authorization": f"Bearer {TOKEN}"}, json={}, timeout=10)
        assert rebuild.status_code == 202
        old = next(iter(first.values()))

        def both_moved():
            now = _versions_by_worker(base)
            return now if len(now) == 2 and old not in now.values() and len(set(now.values())) == 1 else None

        moved = _until(both_moved, 60, "both workers to serve the rebuilt index")
        assert set(moved) == set(first)  # the same two processes, no restart
        assert _health(base)["documents"] == 2
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


def _both(versions: dict[int, str]) -> dict[int, str] | None:
    return versions if len(versions) == 2 else None


def _try(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
