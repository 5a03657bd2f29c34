import random

import numpy as np
from rank_bm25 import BM25Okapi

from qa.index.bm25 import BM25
from qa.text import terms


def test_scores_match_rank_bm25_on_a_few_thousand_documents():
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(800)]
    weights = [1 / (i + 1) for i in range(len(vocabulary))]
    corpus = [rng.choices(vocabulary, weights, k=rng.randint(5, 120)) for _ in range(3000)]
    ours, reference = BM25(corpus), BM25Okapi(corpus)
    for _ in range(25):
        query = [*rng.choices(vocabulary, weights, k=rng.randint(1, 6)), "unknown"]
        np.testing.assert_allclose(ours.scores(query), reference.get_scores(query), rtol=0, atol=1e-6)


def test_tiny_corpus_common_terms_do_not_go_negative_and_names_still_win():
    corpus = [
        terms(t)
        for t in (
            "Eric Chan is Hong Kong's No 2 official in Hong Kong.",
            "Hong Kong and Shenzhen share a park in Hong Kong.",
            "Hong Kong universities set up centres in Hong Kong.",
        )
    ]
    bm25 = BM25(corpus)
    assert (bm25.idf > 0).all()
    rows, scores = bm25.top(terms("Who is Eric Chan?"), 3)
    assert rows[0] == 0 and list(scores) == sorted(scores, reverse=True)


def test_possessives_and_plurals_match():
    assert terms("Chan's hectares") == terms("Chan hectare") == ["chan", "hectare"]
    assert terms("Hong Kong’s") == ["hong", "kong"]


def test_top_returns_only_positive_scores_best_first():
    bm25 = BM25([["a", "b"], ["c"], ["a", "a", "d"]])
    rows, scores = bm25.top(["a"], 10)
    assert set(rows) == {0, 2} and scores[0] >= scores[1] > 0
    assert bm25.top(["zzz"], 5)[0].size == 0


def test_from_term_counts_matches_building_from_tokens():
    from scipy import sparse

    corpus = [["a", "b", "a"], ["b", "c"], ["c", "c", "d"], ["a"]]
    direct = BM25(corpus)
    vocabulary = direct.vocabulary
    rows = [r for r, doc in enumerate(corpus) for _ in doc]
    cols = [vocabulary[t] for doc in corpus for t in doc]
    counts = sparse.csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(corpus), len(vocabulary)))
    rebuilt = BM25.from_term_counts(counts, vocabulary)
    for query in (["a"], ["b", "c"], ["d", "a", "a"]):
        assert np.allclose(rebuilt.scores(query), direct.scores(query), atol=1e-12)


def test_the_rows_that_hold_a_term():
    bm25 = BM25([["harbour", "bridge"], ["museum"], ["bridge", "river"]])
    assert list(bm25.rows_with("bridge")) == [0, 2]
    assert list(bm25.rows_with("zebra")) == []
