import pytest

from qa.search.local import Retriever


def test_hits_carry_both_ranks_and_fused_scores(tiny_pipeline):
    hits = tiny_pipeline.backend.search("When did the Harbour Bridge open?", 3).hits
    assert hits[0].chunk.doc_id == "harbour.txt"
    assert hits[0].bm25_rank == 1 and hits[0].dense_rank is not None
    assert hits[0].score == pytest.approx(1 / (60 + hits[0].bm25_rank) + 1 / (60 + hits[0].dense_rank))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_weighted_fusion_is_selectable(tiny_index, fake_embedder, tiny_settings):
    retriever = Retriever(fake_embedder, tiny_settings.with_(fusion="weighted", dense_weight=0.3))
    report = retriever.sync(tiny_index)
    assert report.replaced == tuple(sorted(tiny_index.documents)) and report.unchanged == 0
    searched = retriever.search("orchid species in the botanical garden", 2)
    hits = searched.hits
    assert len(hits) == 2 and hits[0].chunk.doc_id == "garden.txt" and 0 <= hits[1].score <= hits[0].score <= 1
    assert set(searched.timings_ms) == {"embed", "dense", "bm25", "fusion"}


def test_a_backend_must_be_synced_before_it_searches(fake_embedder, tiny_settings):
    with pytest.raises(RuntimeError, match="synced"):
        Retriever(fake_embedder, tiny_settings).search("anything", 3)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "answer_text"),
    [
        ("Who is Eric Chan?", "No 2 official Eric Chan"),
        ("How big is the Shenzhen side of the park?", "the Shenzhen one occupying 302 hectares"),
        ("Which river separates the two sections?", "separated by the Shenzhen River"),
    ],
)
def test_seed_answer_chunk_is_the_top_hit(seed_pipeline, question, answer_text):
    top = seed_pipeline.backend.search(question, 5).hits[0]
    assert answer_text in top.chunk.text


def test_a_filtered_dense_search_is_exact_over_the_allowed_rows(tiny_pipeline):
    import numpy as np

    from qa.search.local import _search

    index = tiny_pipeline.index.dense
    query = np.ones((1, index.d), dtype=np.float32) / np.sqrt(index.d)
    allowed = np.array([0, 2], dtype=np.int64)
    everything = dict(_search(index, query, index.ntotal))
    filtered = _search(index, query, 5, allowed)
    assert [row for row, _ in filtered] == sorted((0, 2), key=lambda r: -everything[r])
    assert all(abs(score - everything[row]) < 1e-5 for row, score in filtered)
