import pytest

from qa.evaluate.metrics import (
    bootstrap_interval,
    exact_match,
    expected_calibration_error,
    f1,
    percentile,
    precision_recall,
    recall_at_k,
    reciprocal_rank,
    reliability,
    roc_auc,
    token_f1,
)
from qa.text import normalize_answer


def test_normalization_follows_squad_and_folds_curly_apostrophes():
    assert normalize_answer("The  Hong Kong’s, No. 2!") == "hong kongs no 2"
    assert exact_match("Hong Kong’s No 2 official", ["Hong Kong's No 2 official"]) == 1.0
    assert exact_match("the Shenzhen River", ["Shenzhen River"]) == 1.0
    assert exact_match("Shenzhen", ["Shenzhen River"]) == 0.0


def test_token_f1_on_known_values():
    assert token_f1("302 hectares", "302 hectares") == 1.0
    assert token_f1("302", "302 hectares") == pytest.approx(2 / 3)
    assert token_f1("87 hectares", "302 hectares") == pytest.approx(0.5)
    assert token_f1("", "anything") == 0.0
    assert f1("302", ["87 hectares", "302 hectares"]) == pytest.approx(2 / 3)


def test_retrieval_metrics():
    assert recall_at_k([4, 2, 9], {9}, 1) == 0.0 and recall_at_k([4, 2, 9], {9}, 3) == 1.0
    assert reciprocal_rank([4, 2, 9], {2, 9}) == 0.5 and reciprocal_rank([1], {2}) == 0.0


def test_percentile_and_precision_recall():
    assert percentile([5, 1, 3, 2, 4], 50) == 3 and percentile([5, 1, 3, 2, 4], 95) == 5
    assert precision_recall([True, True, False], [True, False, False]) == (0.5, 1.0)


def test_roc_auc_on_known_rankings():
    assert roc_auc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert roc_auc([0.1, 0.2, 0.8, 0.9], [True, True, False, False]) == 0.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5  # a tie counts half
    assert roc_auc([0.9, 0.4, 0.6, 0.1], [True, True, False, False]) == pytest.approx(0.75)
    assert roc_auc([0.3], [True]) is None


def test_calibration_error_is_zero_when_frequencies_match_scores():
    probabilities = [0.25] * 4 + [0.75] * 4
    outcomes = [True, False, False, False, True, True, True, False]
    assert expected_calibration_error(probabilities, outcomes) == pytest.approx(0.0)
    table = reliability(probabilities, outcomes)
    assert [row["count"] for row in table] == [4, 4]
    assert [row["fraction_right"] for row in table] == [0.25, 0.75]
    overconfident = expected_calibration_error([0.95] * 4, [True, False, False, False])
    assert overconfident == pytest.approx(0.7)


def test_bootstrap_interval_holds_the_mean_and_narrows_with_more_questions():
    few, many = [1.0, 0.0] * 10, [1.0, 0.0] * 1000
    low, high = bootstrap_interval(few)
    assert low < 0.5 < high and bootstrap_interval(few) == (low, high)  # seeded
    wide, narrow = high - low, bootstrap_interval(many)[1] - bootstrap_interval(many)[0]
    assert narrow < wide / 5
    assert bootstrap_interval([0.7] * 5) == pytest.approx((0.7, 0.7))
    assert bootstrap_interval([]) == (0.0, 0.0)
