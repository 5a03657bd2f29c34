import itertools
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from qa.errors import IndexCorruptError, IndexMismatchError, IndexMissingError, RebuildInProgressError
from qa.index.bm25 import BM25
from qa.index.manifest import FORMAT_VERSION, Manifest
from qa.index.store import build_index, build_lock, check_compatible, current_version_path, load_index
from qa.text import terms
from tests.conftest import write_corpus


def test_build_writes_manifest_with_hashes_and_parameters(tiny_settings, fake_embedder):
    report = build_index(tiny_settings, fake_embedder)
    manifest = json.loads((current_version_path(tiny_settings.index_dir) / "manifest.json").read_text())
    assert report.full and set(report.added) == {"harbour.txt", "museum.md", "garden.txt"}
    assert manifest["model"] == "hashing-test" and manifest["dim"] == fake_embedder.dim
    assert manifest["chunking"] == tiny_settings.chunking
    assert set(manifest["documents"]) == set(report.added)
    assert all(len(entry["sha256"]) == 64 for entry in manifest["documents"].values())
    assert {"faiss-cpu", "numpy"} <= set(manifest["libraries"])


def test_loaded_chunks_are_exact_slices(tiny_index):
    for chunk in tiny_index.chunks:
        assert tiny_index.document(chunk.doc_id).raw[chunk.start : chunk.end] == chunk.text
    assert tiny_index.dense.ntotal == len(tiny_index.chunks)


def test_the_sentence_before_stays_in_its_document_across_chunks(tiny_index):
    for doc_id in tiny_index.documents:
        mine = [s for s in tiny_index.sentences if s.doc_id == doc_id]
        assert tiny_index.sentence_before(mine[0]) is None
        for previous, sentence in itertools.pairwise(mine):
            assert tiny_index.sentence_before(sentence) == previous


def test_how_the_documents_write_a_word(tiny_index):
    # names inside sentences keep their capitals; a sentence's first word is capitalised anyway
    assert tiny_index.surface_forms("southport") == {"Southport": 1}
    assert set(tiny_index.surface_forms("haddad")) == {"Haddad"}
    assert tiny_index.surface_forms("bridge") == {"Bridge": 1, "bridge": 1}  # "The Harbour Bridge", "The bridge is …"
    assert tiny_index.surface_forms("the") == {}  # a stopword is no index term
    assert tiny_index.surface_forms("zebra") == {}


def test_the_names_a_word_stands_in(tiny_index):
    # runs of capitalised words that hold the word, as the documents write them
    assert set(tiny_index.names_with("wong")) == {"Mayor Alice Wong"}
    assert set(tiny_index.names_with("haddad")) == {"Prof. Omar Haddad"}
    assert set(tiny_index.names_with("lowe")) == {"Mary Lowe"}
    assert tiny_index.names_with("zebra") == {}


def test_the_runs_of_capitalised_words_that_initials_spell_with_the_chunks_that_hold_them(tiny_index):
    assert tiny_index.spelt_out("GR") == {"Grey River": 1}
    assert tiny_index.spelt_out("SM") == {"Science Museum": 2}  # chunks that hold it: the heading's, and the next
    assert tiny_index.spelt_out("AW") == {"Alice Wong": 1}  # inside "Mayor Alice Wong"
    assert tiny_index.spelt_out("MAW") == {"Mayor Alice Wong": 1}
    assert tiny_index.spelt_out("MA") == {}  # "Mayor Alice" goes on: no whole run
    assert tiny_index.spelt_out("ZZ") == {}
    assert tiny_index.spelt_out("gr") == {}  # initials are capitals


def test_a_word_the_documents_do_not_hold_is_respelled_as_one_they_hold_one_letter_away(tiny_index):
    assert tiny_index.respelled("Soutport") == "southport"  # a letter dropped
    assert tiny_index.respelled("hectars") == "hectares"  # of "hectare" and "hectares", the one ending as typed
    assert tiny_index.respelled("orcihd") == "orchid"  # two letters swapped
    assert tiny_index.respelled("bridge") is None  # held as it is
    assert tiny_index.respelled("zebra") is None  # nothing one letter away


def test_missing_index_says_what_to_run(tmp_path: Path):
    with pytest.raises(IndexMissingError, match="qa index"):
        load_index(tmp_path / "index")


def test_the_manifest_is_a_typed_record(tiny_index):
    manifest = tiny_index.manifest
    assert isinstance(manifest, Manifest) and manifest.format_version == FORMAT_VERSION
    assert manifest.counts["chunks"] == len(tiny_index.chunks)
    assert sum(entry.chunks for entry in manifest.documents.values()) == len(tiny_index.chunks)
    assert Manifest.from_json(manifest.to_json()) == manifest


def test_loading_reads_bm25_and_never_rebuilds_it(tiny_settings, fake_embedder, monkeypatch):
    build_index(tiny_settings, fake_embedder)
    rebuilt = BM25([terms(c.text) for c in load_index(tiny_settings.index_dir).chunks])

    def refuse(*args, **kwargs):
        raise AssertionError("BM25 was rebuilt at load")

    monkeypatch.setattr(BM25, "__init__", refuse)
    loaded = load_index(tiny_settings.index_dir).bm25
    assert loaded.vocabulary == rebuilt.vocabulary
    assert np.allclose(loaded.matrix.toarray(), rebuilt.matrix.toarray()) and np.allclose(loaded.idf, rebuilt.idf)
    question = terms("Who cut the ribbon on the bridge?")
    assert np.allclose(loaded.scores(question), rebuilt.scores(question))


def test_a_full_rebuild_recovers_from_an_index_format_it_cannot_read(tiny_settings, fake_embedder):
    build_index(tiny_settings, fake_embedder)
    path = current_version_path(tiny_settings.index_dir) / "manifest.json"
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "format_version": FORMAT_VERSION + 1}))
    with pytest.raises(IndexMismatchError, match="qa index --full"):
        load_index(tiny_settings.index_dir)
    report = build_index(tiny_settings, fake_embedder, full=True)
    assert report.rebuilt and report.full and load_index(tiny_settings.index_dir).version == report.version
    assert not path.exists()  # a version that fails verification is never kept
    assert not build_index(tiny_settings, fake_embedder).rebuilt  # the new current one is read and reused


def test_an_incremental_build_over_an_unreadable_format_rebuilds_from_scratch(tiny_settings, fake_embedder):
    build_index(tiny_settings, fake_embedder)
    path = current_version_path(tiny_settings.index_dir) / "manifest.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "format_version": 1}))
    report = build_index(tiny_settings, fake_embedder)
    assert report.rebuilt and report.full and "cannot be reused" not in report.reason
    assert load_index(tiny_settings.index_dir).version == report.version


@pytest.mark.parametrize(
    "victim", ["chunk_vectors.npy", "chunks.json", "dense.faiss", "manifest.json", "bm25.npz", "bm25_vocabulary.json"]
)
def test_corrupt_index_is_refused(tiny_settings, fake_embedder, victim):
    build_index(tiny_settings, fake_embedder)
    path = current_version_path(tiny_settings.index_dir) / victim
    path.write_bytes(path.read_bytes()[:-7] + b"garbage")
    with pytest.raises(IndexCorruptError, match="qa index --full"):
        load_index(tiny_settings.index_dir)


def test_deleted_file_is_refused(tiny_settings, fake_embedder):
    build_index(tiny_settings, fake_embedder)
    (current_version_path(tiny_settings.index_dir) / "sentence_vectors.npy").unlink()
    with pytest.raises(IndexCorruptError):
        load_index(tiny_settings.index_dir)


def test_mismatched_settings_are_refused(tiny_settings, tiny_index):
    with pytest.raises(IndexMismatchError, match="model"):
        check_compatible(tiny_index, tiny_settings, "another-model")
    with pytest.raises(IndexMismatchError, match="chunking"):
        check_compatible(tiny_index, tiny_settings.with_(chunk_target_words=25), "hashing-test")


def test_unchanged_seeds_rebuild_nothing(tiny_settings, fake_embedder):
    first = build_index(tiny_settings, fake_embedder)
    calls = fake_embedder.calls
    again = build_index(tiny_settings, fake_embedder)
    assert not again.rebuilt and again.version == first.version and fake_embedder.calls == calls


def test_incremental_rebuild_embeds_only_new_text(tiny_settings, fake_embedder):
    build_index(tiny_settings, fake_embedder)
    fake_embedder.texts_embedded = 0
    write_corpus(tiny_settings.seeds_dir, {"extra.txt": "The lighthouse keeper is called Tom Reed."})
    (tiny_settings.seeds_dir / "garden.txt").unlink()
    report = build_index(tiny_settings, fake_embedder)
    assert report.added == ("extra.txt",) and report.removed == ("garden.txt",) and not report.full
    assert fake_embedder.texts_embedded == report.embedded_texts == 1
    index = load_index(tiny_settings.index_dir)
    assert set(index.documents) == {"harbour.txt", "museum.md", "extra.txt"}


def test_a_crash_mid_build_leaves_the_old_index_serving(tiny_settings, fake_embedder, monkeypatch):
    build_index(tiny_settings, fake_embedder)
    before = load_index(tiny_settings.index_dir)
    write_corpus(tiny_settings.seeds_dir, {"extra.txt": "A new fact about owls."})

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "save", boom)
    with pytest.raises(OSError, match="disk full"):
        build_index(tiny_settings, fake_embedder)
    monkeypatch.undo()
    after = load_index(tiny_settings.index_dir)
    assert after.version == before.version and "extra.txt" not in after.documents
    assert not [p for p in (tiny_settings.index_dir / "versions").iterdir() if p.name.startswith(".staging")]


def test_two_builds_never_run_at_once(tiny_settings, fake_embedder):
    with build_lock(tiny_settings.index_dir), pytest.raises(RebuildInProgressError):
        build_index(tiny_settings, fake_embedder)


def test_model_change_forces_a_full_rebuild(tiny_settings, fake_embedder):
    from qa.index.embed import HashingEmbedder

    build_index(tiny_settings, fake_embedder)
    other = HashingEmbedder(dim=32, name="other-model")
    report = build_index(tiny_settings.with_(model="other-model"), other)
    assert report.full and "model" in report.reason


def test_hnsw_above_the_threshold_finds_what_exact_search_finds(tiny_settings, fake_embedder):
    from qa.pipeline import Pipeline

    build_index(tiny_settings, fake_embedder)
    exact = Pipeline(load_index(tiny_settings.index_dir), fake_embedder, tiny_settings.with_(reader="rules"))
    graph_settings = tiny_settings.with_(hnsw_threshold=1, reader="rules")
    build_index(graph_settings, fake_embedder, full=True)
    graph = Pipeline(load_index(tiny_settings.index_dir), fake_embedder, graph_settings)
    assert type(graph.index.dense).__name__ == "IndexHNSWFlat"
    for question in ("Who cut the ribbon?", "How many species of orchid?", "Where do visitors come from?"):
        assert graph.backend.search(question, 5).hits[0].chunk == exact.backend.search(question, 5).hits[0].chunk


def test_returning_to_an_earlier_folder_state_at_once_builds_a_new_version(tiny_settings, fake_embedder):
    first = build_index(tiny_settings, fake_embedder)
    write_corpus(tiny_settings.seeds_dir, {"extra.txt": "A passing fact."})
    build_index(tiny_settings, fake_embedder)
    (tiny_settings.seeds_dir / "extra.txt").unlink()
    last = build_index(tiny_settings, fake_embedder)  # same content as the first, within the same second
    assert last.version != first.version and "extra.txt" not in load_index(tiny_settings.index_dir).documents


def test_a_killed_builds_staging_is_removed_even_when_nothing_changed(tiny_settings, fake_embedder):
    build_index(tiny_settings, fake_embedder)
    leftover = tiny_settings.index_dir / "versions" / ".staging-0123456789abcdef"
    leftover.mkdir()
    (leftover / "chunk_vectors.npy").write_bytes(b"half written")
    report = build_index(tiny_settings, fake_embedder)
    assert not report.rebuilt and not leftover.exists()


def test_pooled_chunk_vectors_are_the_mean_of_their_sentences_and_halve_the_embedding(tiny_settings, fake_embedder):
    embedded = build_index(tiny_settings, fake_embedder).embedded_texts
    pooled_settings = tiny_settings.with_(chunk_vectors="pooled")
    report = build_index(pooled_settings, fake_embedder)
    assert report.full and "chunk vectors changed (embedded → pooled)" in report.reason
    index = load_index(tiny_settings.index_dir)
    assert index.manifest.dense["chunk_vectors"] == "pooled" and report.embedded_texts == len(index.sentences)
    assert report.embedded_texts < embedded
    for row, chunk in enumerate(index.chunks):
        mean = np.mean([index.sentence_vector(s) for s in chunk.sentences], axis=0)
        assert np.allclose(index.chunk_vectors[row], mean / np.linalg.norm(mean), atol=1e-6)
    with pytest.raises(IndexMismatchError, match="chunk vectors changed"):
        check_compatible(index, tiny_settings, fake_embedder.name, fake_embedder.dim)
    fake_embedder.texts_embedded = 0
    write_corpus(tiny_settings.seeds_dir, {"extra.txt": "The lighthouse keeper is called Tom Reed."})
    assert build_index(pooled_settings, fake_embedder).embedded_texts == fake_embedder.texts_embedded == 1


def test_each_indexed_sentence_has_a_row_of_sentence_vectors_and_other_spans_none(tiny_index):
    sentence = tiny_index.chunks[0].sentences[0]
    row = tiny_index.sentence_row(sentence)
    assert row is not None and (tiny_index.sentence_vectors[row] == tiny_index.sentence_vector(sentence)).all()
    assert tiny_index.sentence_row(replace(sentence, start=sentence.start + 1)) is None
