"""Embedders: the ONNX Runtime default gives the torch model's vectors, and falls back to torch."""

import numpy as np
import pytest

from qa.config import Settings
from qa.index.embed import HashingEmbedder, OnnxEmbedder, SentenceTransformerEmbedder, embedder_for, make_embedder

QUESTIONS = ["Who is Eric Chan?", "Which river separates the two sections of the park?", "", "短い"]


def test_hashing_embedder_is_unit_length_and_counts_calls():
    embedder = HashingEmbedder()
    vectors = embedder.encode(["a b c", ""])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0) and embedder.calls == 1 and embedder.texts_embedded == 2


@pytest.mark.slow
def test_onnx_vectors_match_torch(real_embedder):
    assert isinstance(real_embedder, OnnxEmbedder)
    torch_vectors = SentenceTransformerEmbedder(Settings().model).encode(QUESTIONS)
    onnx_vectors = real_embedder.encode(QUESTIONS)
    assert onnx_vectors.shape == torch_vectors.shape == (len(QUESTIONS), 384)
    assert float((onnx_vectors * torch_vectors).sum(axis=1).min()) > 0.99999


@pytest.mark.slow
def test_the_exported_graph_is_cached_beside_the_index(tmp_path):
    embedder_for(Settings(index_dir=tmp_path))
    graphs = list((tmp_path / "onnx").glob("*.onnx"))
    assert len(graphs) == 1
    stamp = graphs[0].stat().st_mtime_ns
    embedder_for(Settings(index_dir=tmp_path)).encode(["again"])
    assert graphs[0].stat().st_mtime_ns == stamp


@pytest.mark.slow
def test_int8_vectors_are_close_and_an_index_knows_which_it_holds(real_embedder, tmp_path):
    from qa.index.manifest import mismatch
    from qa.index.store import build_index, load_index

    int8 = embedder_for(Settings(index_dir=tmp_path, embed_int8=True))
    assert int8.name == real_embedder.name + "+int8" and list((tmp_path / "onnx").glob("*-int8.onnx"))
    texts = [q for q in QUESTIONS if q]
    assert float((int8.encode(texts) * real_embedder.encode(texts)).sum(axis=1).min()) > 0.97
    settings = Settings(seeds_dir=tmp_path / "seeds", index_dir=tmp_path / "index")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Barn owls hunt voles at dusk.\n")
    build_index(settings, real_embedder)
    manifest = load_index(settings.index_dir).manifest
    assert "embedding model changed" in (mismatch(manifest, settings, int8.name, int8.dim) or "")


def test_a_model_onnx_cannot_run_falls_back_to_torch(tmp_path, monkeypatch, caplog):
    sentinel = object()
    monkeypatch.setattr("qa.index.embed.SentenceTransformerEmbedder", lambda model, batch_size: sentinel)
    assert make_embedder(str(tmp_path), backend="onnx") is sentinel  # an empty folder: not a mean-pooled model
    assert "using torch" in caplog.text


def test_a_weights_digest_is_read_once_then_found_by_size_and_time(tmp_path, monkeypatch):
    from pathlib import Path

    from qa.index.embed import weights_digest

    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"weights" * 1000)
    first = weights_digest(weights, tmp_path / "cache")
    real_read = Path.read_bytes

    def no_reading(path):
        if path == weights:
            raise AssertionError("the weights were read again")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert weights_digest(weights, tmp_path / "cache") == first
    monkeypatch.setattr(Path, "read_bytes", real_read)
    weights.write_bytes(b"other weights" * 1000)  # a new file: another size and time, another digest
    assert weights_digest(weights, tmp_path / "cache") != first
