import pytest

from qa.search.fuse import min_max, ranked, reciprocal_rank_fusion, weighted_fusion


def test_rrf_is_the_sum_of_reciprocal_ranks():
    fused = reciprocal_rank_fusion([[7, 3, 5], [3, 9]], k=60)
    assert fused[3] == pytest.approx(1 / 62 + 1 / 61)
    assert fused[7] == pytest.approx(1 / 61)
    assert fused[9] == pytest.approx(1 / 62)
    assert [item for item, _ in ranked(fused)][:2] == [3, 7]


def test_weighted_fusion_normalizes_each_list():
    fused = weighted_fusion({1: 0.9, 2: 0.1}, {2: 10.0, 3: 5.0}, dense_weight=0.5)
    assert fused == {1: 0.5, 2: 0.5, 3: 0.0}


def test_min_max_of_equal_scores_is_one():
    assert min_max({1: 2.0, 2: 2.0}) == {1: 1.0, 2: 1.0}


def test_ties_are_broken_by_id():
    assert ranked({5: 1.0, 2: 1.0}) == [(2, 1.0), (5, 1.0)]
