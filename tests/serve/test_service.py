"""The index follows the seeds folder: background rebuilds, atomic swaps, failures that lose nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from qa.errors import RebuildInProgressError
from qa.index.store import build_index, load_index
from qa.pipeline import Pipeline
from qa.serve.api import create_app
from qa.serve.service import Service, folder_fingerprint
from tests.conftest import write_corpus

TOKEN = "correct-horse-battery-staple"


@pytest.fixture
def service(tiny_pipeline: Pipeline) -> Service:
    return Service(tiny_pipeline)


def top_answer(service: Service, question: str) -> str:
    response = service.pipeline.ask(question, threshold=0.0)
    return response.answers[0].text if response.answers else ""


def all_text(service: Service) -> str:
    return " ".join(chunk.text for chunk in service.pipeline.index.chunks)


def test_an_added_document_answers_its_question(service: Service):
    assert "Hans Brandt" not in all_text(service)
    write_corpus(service.settings.seeds_dir, {"observatory.txt": "The Kepler Observatory was built by Hans Brandt."})
    status = service.rebuild(wait=True)
    assert status.state == "succeeded" and status.report.added == ("observatory.txt",)
    assert top_answer(service, "Who built the Kepler Observatory?") == "Hans Brandt"


def test_an_edited_sentence_replaces_the_old_fact(service: Service):
    garden = service.settings.seeds_dir / "garden.txt"
    garden.write_text(garden.read_text().replace("1921", "1935"))
    status = service.rebuild(wait=True)
    assert status.report.changed == ("garden.txt",)
    assert top_answer(service, "When was the botanical garden founded?") == "1935"
    assert "1921" not in all_text(service)


def test_a_deleted_document_loses_its_chunks(service: Service):
    (service.settings.seeds_dir / "garden.txt").unlink()
    status = service.rebuild(wait=True)
    assert status.report.removed == ("garden.txt",)
    assert "garden.txt" not in service.pipeline.index.documents
    assert all(chunk.doc_id != "garden.txt" for chunk in service.pipeline.index.chunks)
    assert "orchid" not in all_text(service)


def test_an_unchanged_folder_embeds_nothing(service: Service, fake_embedder):
    calls, version = fake_embedder.calls, service.pipeline.index.version
    status = service.rebuild(wait=True)
    assert status.state == "succeeded" and not status.report.rebuilt
    assert fake_embedder.calls == calls and service.pipeline.index.version == version


def test_a_failed_rebuild_keeps_the_old_index_serving(service: Service, monkeypatch):
    before = service.pipeline
    write_corpus(service.settings.seeds_dir, {"owls.txt": "Owls hunt at night."})

    def broken(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr("qa.serve.service.build_index", broken)
    status = service.rebuild(wait=True)
    assert status.state == "failed" and "No space left" in status.error and status.finished_at
    assert service.pipeline is before
    assert top_answer(service, "Who cut the ribbon?").endswith("Alice Wong")


def test_the_watch_picks_up_a_new_file(service: Service):
    service.watch(interval=0.05)
    try:
        write_corpus(service.settings.seeds_dir, {"zoo.txt": "The city zoo keeps 40 penguins."})
        deadline = time.monotonic() + 20
        while "zoo.txt" not in service.pipeline.index.documents and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        service.stop()
    assert "zoo.txt" in service.pipeline.index.documents
    assert service.status().trigger == "watch"


def test_fingerprint_sees_edits_and_ignores_unsupported_files(tiny_settings):
    before = folder_fingerprint(tiny_settings.seeds_dir)
    (tiny_settings.seeds_dir / "notes.xlsx").write_bytes(b"PK")
    assert folder_fingerprint(tiny_settings.seeds_dir) == before
    (tiny_settings.seeds_dir / "garden.txt").write_text("Changed.")
    assert folder_fingerprint(tiny_settings.seeds_dir) != before


# ------------------------------------------------------------------------------------ HTTP


@pytest.fixture
def admin_client(tiny_settings, fake_embedder, tiny_index) -> TestClient:
    settings = tiny_settings.with_(admin_token=TOKEN)
    return TestClient(create_app(Service(Pipeline(tiny_index, fake_embedder, settings))))


def test_rebuild_is_disabled_without_a_configured_token(tiny_pipeline):
    client = TestClient(create_app(tiny_pipeline))
    response = client.post("/index/rebuild", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "QA_ADMIN_TOKEN" in response.json()["error"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Basic abc"}, 401), ({"Authorization": "Bearer wrong-token-of-some-length"}, 403)],
)
def test_rebuild_refuses_bad_credentials(admin_client, headers, status):
    response = admin_client.post("/index/rebuild", headers=headers)
    assert response.status_code == status and response.json()["error"]
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_rebuild_over_http_swaps_the_index(admin_client, tiny_settings):
    old_version = admin_client.get("/health").json()["index_version"]
    write_corpus(tiny_settings.seeds_dir, {"zoo.txt": "The city zoo keeps 40 penguins."})
    response = admin_client.post("/index/rebuild", headers={"Authorization": f"Bearer {TOKEN}"}, json={"full": False})
    assert response.status_code == 202 and response.json()["state"] == "running"
    admin_client.app.state.service.wait()
    status = admin_client.get("/index/status").json()
    assert status["state"] == "succeeded" and status["report"]["added"] == ["zoo.txt"]
    health = admin_client.get("/health").json()
    assert health["index_version"] == status["serving_version"] != old_version and health["rebuilding"] is False
    assert "zoo.txt" in {d["doc_id"] for d in admin_client.get("/documents").json()}


def test_a_second_rebuild_while_one_runs_is_refused(admin_client, monkeypatch):
    gate = __import__("threading").Event()

    def slow_build(*args, **kwargs):
        gate.wait(10)
        raise RuntimeError("stopped by the test")

    monkeypatch.setattr("qa.serve.service.build_index", slow_build)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert admin_client.post("/index/rebuild", headers=auth).status_code == 202
    assert admin_client.get("/health").json()["rebuilding"] is True
    second = admin_client.post("/index/rebuild", headers=auth)
    gate.set()
    admin_client.app.state.service.wait()
    assert second.status_code == 409 and "already running" in second.json()["error"]


# ----------------------------------------------------------------------- a killed process

KILLED_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import faiss
    from qa.config import Settings
    from qa.index.embed import HashingEmbedder
    from qa.index.store import build_index

    real_write = faiss.write_index

    def stall(index, path):
        real_write(index, path)
        print("half-written", flush=True)
        time.sleep(60)

    faiss.write_index = stall
    settings = Settings(seeds_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]), model="hashing-test",
                        chunk_target_words=20, chunk_max_words=40)
    build_index(settings, HashingEmbedder())
    """
)


def test_a_killed_build_process_leaves_the_old_index_loadable(tiny_settings, fake_embedder):
    build_index(tiny_settings, fake_embedder)
    before = load_index(tiny_settings.index_dir)
    write_corpus(tiny_settings.seeds_dir, {"owls.txt": "Owls hunt at night."})
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(tiny_settings.seeds_dir), str(tiny_settings.index_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == "half-written"
        staging = [p for p in (tiny_settings.index_dir / "versions").iterdir() if p.name.startswith(".staging-")]
        assert staging, "the child should be killed mid-write"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    after = load_index(tiny_settings.index_dir)
    assert after.version == before.version and "owls.txt" not in after.documents
    pipeline = Pipeline(after, fake_embedder, tiny_settings)
    assert pipeline.ask("Who cut the ribbon?", threshold=0.0).answers[0].text.endswith("Alice Wong")

    report = build_index(tiny_settings, fake_embedder)  # the lock died with the process
    assert report.added == ("owls.txt",)
    assert not [p for p in (tiny_settings.index_dir / "versions").iterdir() if p.name.startswith(".")]


def test_a_rebuild_reuses_the_index_the_server_holds(service: Service, monkeypatch):
    def no_reload(*args, **kwargs):
        raise AssertionError("the current index was read from disk again")

    monkeypatch.setattr("qa.index.store.load_index", no_reload)
    status = service.rebuild(wait=True)
    assert status.state == "succeeded" and not status.report.rebuilt


def test_start_builds_the_index_once_and_serves_it(tiny_settings, fake_embedder):
    first = Service.start(tiny_settings, fake_embedder)
    assert sorted(first.pipeline.index.documents) == ["garden.txt", "harbour.txt", "museum.md"]
    version = first.pipeline.index.version
    again = Service.start(tiny_settings, fake_embedder, watch=True)  # an unchanged folder: nothing rebuilt
    try:
        assert again.pipeline.index.version == version and again._watcher is not None
        assert again.pipeline.ask("How many species of orchid does the garden grow?", threshold=0).answers
    finally:
        again.stop()


def test_a_damaged_current_index_falls_back_to_the_last_intact_version_at_once(tiny_settings, fake_embedder):
    from qa.index.store import current_version_path

    first = build_index(tiny_settings, fake_embedder).version
    (tiny_settings.seeds_dir / "owls.txt").write_text("Barn owls hunt voles at dusk near Kestrel Farm.\n")
    second = build_index(tiny_settings, fake_embedder).version
    faiss_file = current_version_path(tiny_settings.index_dir) / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])  # truncated
    service = Service.start(tiny_settings, fake_embedder)
    try:
        assert service.pipeline.index.version == first and service.fallback and "damaged" in service.fallback
        status = service.wait(timeout=60)
        assert status.state == "succeeded" and status.full
        assert service.fallback is None and "owls.txt" in service.pipeline.index.documents
        assert service.pipeline.index.version not in (first, second)
        versions = sorted(p.name for p in (tiny_settings.index_dir / "versions").iterdir())
        assert second not in versions and first in versions  # the damaged one pruned, the intact one kept
    finally:
        service.stop()


def test_a_worker_only_loads_and_falls_back_without_building(tiny_settings, fake_embedder):
    from qa.errors import IndexStateError
    from qa.index.store import current_version_path

    with pytest.raises(IndexStateError):
        Service.load(tiny_settings, fake_embedder)  # nothing built yet: a worker never builds
    first = build_index(tiny_settings, fake_embedder).version
    (tiny_settings.seeds_dir / "owls.txt").write_text("Barn owls hunt voles at dusk near Kestrel Farm.\n")
    loaded = Service.load(tiny_settings, fake_embedder)
    assert loaded.pipeline.index.version == first and "owls.txt" not in loaded.pipeline.index.documents
    second = build_index(tiny_settings, fake_embedder).version
    faiss_file = current_version_path(tiny_settings.index_dir) / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])  # truncated
    fallback = Service.load(tiny_settings, fake_embedder)
    assert fallback.pipeline.index.version == first != second and fallback.fallback
    assert fallback.status().state != "running"  # no rebuild started: the parent process rebuilds


def test_a_rebuild_reports_progress_and_can_be_cancelled(tiny_settings, fake_embedder, monkeypatch):
    import threading

    from qa.index import store

    build_index(tiny_settings, fake_embedder)
    service = Service(Pipeline(load_index(tiny_settings.index_dir), fake_embedder, tiny_settings), fake_embedder)
    before = service.pipeline.index.version
    for n in range(6):
        (tiny_settings.seeds_dir / f"extra{n}.txt").write_text(f"Report {n} says the tower is {n + 40} metres tall.\n")
    monkeypatch.setattr(store, "EMBED_BATCH", 2)
    in_batch, release = threading.Event(), threading.Event()
    real_encode = fake_embedder.encode

    def slow_encode(texts):
        in_batch.set()
        release.wait(10)
        return real_encode(texts)

    monkeypatch.setattr(fake_embedder, "encode", slow_encode)
    service.rebuild(trigger="test")
    assert in_batch.wait(10)
    progress = service.status().progress
    assert progress is not None and progress.phase == "embedding" and progress.total > 2
    service.cancel()
    release.set()
    status = service.wait(10)
    assert status.state == "cancelled" and "previous index" in status.error
    assert service.pipeline.index.version == before == load_index(tiny_settings.index_dir).version
    assert not [p for p in (tiny_settings.index_dir / "versions").iterdir() if p.name.startswith(".")]
    with pytest.raises(RebuildInProgressError, match="no rebuild"):
        service.cancel()


def test_a_rebuild_can_run_below_the_questions_priority(service: Service, monkeypatch):
    import threading

    assert service.settings.rebuild_nice == 0  # the default: the rebuild keeps its share (the slots bound it)
    service.settings = service.settings.with_(rebuild_nice=5)
    seen = []
    real_build = build_index

    def recording(*args, **kwargs):
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return real_build(*args, **kwargs)

    monkeypatch.setattr("qa.serve.service.build_index", recording)
    asking = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    write_corpus(service.settings.seeds_dir, {"owls.txt": "Owls hunt at night."})
    assert service.rebuild(wait=True).state == "succeeded"
    assert seen == [min(asking + 5, 19)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == asking  # only the rebuild's thread


def test_a_settled_change_is_reported_once_the_folder_stops_changing(tmp_path):
    import threading

    from qa.serve.service import settled_change

    folder = write_corpus(tmp_path / "seeds", {"a.txt": "First fact."})
    seen = folder_fingerprint(folder)
    stop = threading.Event()
    write_corpus(folder, {"b.txt": "Second fact."})
    now = settled_change(folder, 0.01, stop, seen)
    assert now is not None and now != seen and any(name == "b.txt" for name, _, _ in now)
    stop.set()
    assert settled_change(folder, 0.01, stop, now) is None  # stopped: nothing to report


def test_while_a_rebuild_runs_questions_take_turns_in_the_slots_given(tiny_index, fake_embedder, tiny_settings):
    import threading

    from qa.serve.service import RebuildStatus

    service = Service(Pipeline(tiny_index, fake_embedder, tiny_settings.with_(rebuild_ask_slots=1)))
    inside, peak, lock = [0], [0], threading.Lock()

    def answer() -> None:
        with service.answering():
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            time.sleep(0.05)
            with lock:
                inside[0] -= 1

    def run_four() -> int:
        peak[0] = 0
        threads = [threading.Thread(target=answer) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return peak[0]

    assert run_four() > 1  # no rebuild: no turns
    service._status = RebuildStatus("running", "api", False)
    assert run_four() == 1
    unlimited = Service(Pipeline(tiny_index, fake_embedder, tiny_settings.with_(rebuild_ask_slots=0)))
    unlimited._status = RebuildStatus("running", "api", False)
    service = unlimited
    assert run_four() > 1  # rebuild_ask_slots 0: no limit


def test_a_question_answered_beside_a_rebuild_is_lean(tiny_index, fake_embedder, tiny_settings):
    from qa import runtime
    from qa.serve.service import RebuildStatus

    service = Service(Pipeline(tiny_index, fake_embedder, tiny_settings.with_(rebuild_ask_slots=1)))
    with service.answering():
        assert not runtime.lean()
    service._status = RebuildStatus("running", "api", False)
    with service.answering():
        assert runtime.lean()
    assert not runtime.lean()
