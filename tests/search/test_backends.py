"""One set of retrieval tests, run against every search backend: local FAISS + BM25, and Milvus.

Milvus runs as Milvus Lite in a temporary file. Set ``MILVUS_URI`` (and ``MILVUS_TOKEN``) to run the
same tests against a real Milvus server as well.
"""

from __future__ import annotations

import os
import uuid

import pytest

from qa.config import Settings
from qa.index.store import build_index, load_index
from qa.pipeline import make_backend
from tests.conftest import write_corpus

BACKENDS = [
    "local",
    "milvus-lite",
    pytest.param(
        "milvus-server",
        marks=pytest.mark.skipif(
            not os.environ.get("MILVUS_URI"), reason="set MILVUS_URI (and MILVUS_TOKEN) to test a real Milvus server"
        ),
    ),
]


def backend_settings(kind: str, settings: Settings, tmp_path) -> Settings:
    if kind == "local":
        return settings.with_(backend="local")
    pytest.importorskip("pymilvus", reason="the Milvus backend needs `pip install pymilvus milvus-lite`")
    collection = f"qa_test_{uuid.uuid4().hex[:12]}"
    if kind == "milvus-lite":
        return settings.with_(backend="milvus", milvus_uri=str(tmp_path / "milvus.db"), milvus_collection=collection)
    return settings.with_(
        backend="milvus",
        milvus_uri=os.environ["MILVUS_URI"],
        milvus_token=os.environ.get("MILVUS_TOKEN"),
        milvus_collection=collection,
    )


def drop(backend) -> None:
    if backend.name == "milvus":
        backend.client.drop_collection(backend.collection)


@pytest.fixture(params=BACKENDS)
def kind(request) -> str:
    return request.param


def texts(hits) -> str:
    return " ".join(hit.chunk.text for hit in hits)


def test_add_replace_and_delete_a_document(kind, tiny_settings, fake_embedder, tmp_path):
    settings = backend_settings(kind, tiny_settings, tmp_path)
    build_index(settings, fake_embedder)
    backend = make_backend(load_index(settings.index_dir), fake_embedder, settings)
    try:
        assert backend.stats()["documents"] == 3

        write_corpus(settings.seeds_dir, {"owls.txt": "The barn owl hunts voles at dusk near Kestrel Farm."})
        build_index(settings, fake_embedder)
        report = backend.sync(load_index(settings.index_dir))
        assert report.replaced == ("owls.txt",) and report.deleted == () and report.unchanged == 3
        assert "Kestrel Farm" in backend.search("Where does the barn owl hunt voles?", 3).hits[0].chunk.text

        write_corpus(settings.seeds_dir, {"owls.txt": "The tawny owl hunts mice at midnight near Heron Mill."})
        build_index(settings, fake_embedder)
        report = backend.sync(load_index(settings.index_dir))
        assert report.replaced == ("owls.txt",)
        found = texts(backend.search("Which owl hunts near the farm or the mill?", 10).hits)
        assert "Heron Mill" in found and "Kestrel Farm" not in found

        (settings.seeds_dir / "owls.txt").unlink()
        build_index(settings, fake_embedder)
        report = backend.sync(load_index(settings.index_dir))
        assert report.deleted == ("owls.txt",) and report.replaced == ()
        assert "owl" not in texts(backend.search("Which owl hunts mice?", 10).hits).lower()
        stats = backend.stats()
        assert stats["documents"] == 3 and stats["chunks"] == len(load_index(settings.index_dir).chunks)
    finally:
        drop(backend)


def test_an_unchanged_index_syncs_nothing(kind, tiny_settings, fake_embedder, tmp_path):
    settings = backend_settings(kind, tiny_settings, tmp_path)
    build_index(settings, fake_embedder)
    index = load_index(settings.index_dir)
    backend = make_backend(index, fake_embedder, settings)
    try:
        report = backend.sync(index)
        assert report.replaced == () and report.deleted == () and report.unchanged == 3
    finally:
        drop(backend)


def test_rrf_scores_are_one_over_60_plus_rank(kind, tiny_settings, fake_embedder, tmp_path):
    settings = backend_settings(kind, tiny_settings, tmp_path)
    build_index(settings, fake_embedder)
    backend = make_backend(load_index(settings.index_dir), fake_embedder, settings)
    try:
        hits = backend.search("Who cut the ribbon on the bridge?", 5).hits
        assert hits and any(h.dense_rank and h.bm25_rank for h in hits)
        for hit in hits:
            expected = sum(1 / (60 + rank) for rank in (hit.dense_rank, hit.bm25_rank) if rank)
            assert hit.score == pytest.approx(expected, abs=1e-6)
            assert hit.bm25_score is None or hit.bm25_score > 0
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    finally:
        drop(backend)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "answer_text"),
    [
        ("Who is Eric Chan?", "No 2 official Eric Chan"),
        ("Who is the mayor of Shenzhen?", "Mayor Qin Weizhong"),
        ("Which river separates the two sections?", "Shenzhen River"),
    ],
)
def test_name_questions_find_their_chunk_first(kind, seed_pipeline, real_embedder, tmp_path, question, answer_text):
    settings = backend_settings(kind, seed_pipeline.settings, tmp_path)
    backend = make_backend(seed_pipeline.index, real_embedder, settings)
    try:
        assert answer_text in backend.search(question, 5).hits[0].chunk.text
    finally:
        drop(backend)


def test_a_document_filter_searches_only_those_documents(kind, tiny_settings, fake_embedder, tmp_path):
    settings = backend_settings(kind, tiny_settings, tmp_path)
    build_index(settings, fake_embedder)
    backend = make_backend(load_index(settings.index_dir), fake_embedder, settings)
    try:
        question = "Who founded the botanical garden in 1921?"
        assert "garden.txt" in {hit.chunk.doc_id for hit in backend.search(question, 5).hits}
        hits = backend.search(question, 5, only=frozenset({"harbour.txt"})).hits
        assert hits and {hit.chunk.doc_id for hit in hits} == {"harbour.txt"}
        assert all(hit.dense_rank is not None or hit.bm25_rank is not None for hit in hits)
    finally:
        drop(backend)
