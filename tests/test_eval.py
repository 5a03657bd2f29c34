import pytest

from qa.eval import (
    GoldQuestion,
    Outcome,
    calibrate,
    check_thresholds,
    exact_match,
    f1,
    percentile,
    precision_recall,
    recall_at_k,
    reciprocal_rank,
    token_f1,
)
from qa.records import Answer, Citation, Sentence, StageScores
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


def test_check_thresholds_reports_each_miss():
    missed = check_thresholds(
        {"f1_top1": 0.5, "citation_exact": 1.0, "latency_p95_ms": 80},
        {"f1_top1": 0.6, "citation_exact": 1.0, "latency_p95_ms_max": 50, "mrr": 0.5},
    )
    assert len(missed) == 3 and any("f1_top1" in m for m in missed) and any("mrr" in m for m in missed)


def _outcome(answerable: bool, text: str, score: float, gold=("x",)) -> Outcome:
    question = GoldQuestion("id", "tune", "q?", answerable, tuple(gold) if answerable else (), None, None)
    answer = Answer(text, Citation("d", 0, 1), Sentence("d", 0, 1, "x"), score, StageScores(1, 1, 1))
    return Outcome(question, (answer,), (), 0.01, 1, 1)


def test_calibration_separates_right_answers_from_unanswerable_questions():
    outcomes = [
        _outcome(True, "x", 0.9),
        _outcome(True, "x", 0.7),
        _outcome(False, "y", 0.4),
        _outcome(False, "y", 0.2),
    ]
    assert 0.4 < calibrate(outcomes) <= 0.7
