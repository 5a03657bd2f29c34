"""Fitting the verifier from collected validation outcomes: saved, refitted, cross-validated."""

from pathlib import Path

import numpy as np
import pytest

from qa.evaluate import calibrate
from qa.evaluate.calibrate import Outcomes, collect_outcomes, cross_validate, fit_outcomes, weighted_ece
from qa.evaluate.reading import reader_validation_articles
from qa.read.span import DEFAULT_MODEL_DIR
from qa.read.verify import FEATURES

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def _outcomes(n: int = 500, seed: int = 3) -> Outcomes:
    """Questions whose top candidate is right when its margin is high; 40 % have no answer."""
    rng = np.random.default_rng(seed)
    rows, f1s, answerable = [], [], []
    for _ in range(n):
        has = bool(rng.random() < 0.6)
        found, scores = [], []
        for rank in range(2):
            margin = float(rng.normal(4 if has and rank == 0 else -1, 2))
            row = dict.fromkeys(FEATURES, 0.0)
            row.update({"margin": margin, "passage_rr": 1 / (rank + 1)})
            found.append(row)
            scores.append(1.0 if has and rank == 0 and margin > 2 else 0.0)
        rows.append(found)
        f1s.append(scores)
        answerable.append(has)
    return Outcomes(rows, f1s, answerable, {"reader": "learned", "prior_squad2": 0.5})


def test_outcomes_survive_a_round_trip_and_refit_the_same_model(tmp_path):
    outcomes = _outcomes()
    outcomes.save(tmp_path / "outcomes.json")
    again = Outcomes.load(tmp_path / "outcomes.json")
    assert again == outcomes
    assert fit_outcomes("learned", again) == fit_outcomes("learned", outcomes)
    model = fit_outcomes("learned", outcomes)
    assert model.fit["prior_unanswerable"] is None  # the default calibration: the questions as they are
    assert model.calibrations["squad2"]["prior_unanswerable"] == 0.5  # beside it, the recorded SQuAD 2.0 share
    assert fit_outcomes("learned", outcomes, prior="squad2").fit["prior_unanswerable"] == 0.5


def test_cross_validation_scores_every_question_out_of_fold():
    report = cross_validate("learned", _outcomes(), prior=0.5)
    assert report["questions"] == 500 and report["folds"] == 5
    assert report["auc_has_answer"] > 0.8 and report["auc_right"] > 0.8
    assert report["ece_weighted"] < 0.1
    assert 0 <= report["answerable_refused"] < report["unanswerable_refused"] <= 1


def test_cross_validation_reports_the_first_answer_against_the_best_candidate():
    outcomes = _outcomes()
    report = cross_validate("learned", outcomes)
    best = [max(f) for f, a in zip(outcomes.f1, outcomes.answerable, strict=True) if a]
    assert report["answerable_best_candidate_f1"] == pytest.approx(sum(best) / len(best))
    # Here the right candidate always has the higher margin, so the verifier puts it first.
    assert report["answerable_first_f1"] == pytest.approx(report["answerable_best_candidate_f1"])


def test_weighted_calibration_error():
    p = np.array([0.9, 0.9, 0.1, 0.1])
    right = np.array([True, True, False, False])
    assert weighted_ece(p, right, np.ones(4)) == pytest.approx(0.1)
    assert weighted_ece(np.array([0.5, 0.5]), np.array([True, False]), np.array([1.0, 3.0])) == pytest.approx(0.25)


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data")
def test_outcomes_are_collected_on_the_validation_articles(tiny_settings, fake_embedder):
    settings = tiny_settings.with_(reader="rules")
    kept = []
    outcomes = collect_outcomes(settings, fake_embedder, SHARED, limit=12, keep=lambda q, found: kept.append(found))
    assert len(outcomes.answerable) == len(outcomes.features) == len(outcomes.f1) == 12
    assert all(set(row) >= set(FEATURES) for found in outcomes.features for row in found)
    assert 0.3 < outcomes.info["prior_squad2"] < 0.7 and outcomes.info["validation_articles"]
    assert len(outcomes.articles) == 12 and all(outcomes.articles)
    # a probe's hook sees each question's candidates in the outcomes' order
    assert [len(found) for found in kept] == [len(rows) for rows in outcomes.features]
    assert set(outcomes.info["validation_articles"]) == set(reader_validation_articles(DEFAULT_MODEL_DIR))


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data")
def test_the_validation_questions_are_the_articles_own_then_off_topic_ones():
    from qa.read.span import DEFAULT_MODEL_DIR

    documents, questions, _ = calibrate.validation_questions(DEFAULT_MODEL_DIR, SHARED)
    off_topic = [unrelated for _, _, unrelated, _ in questions]
    assert off_topic == sorted(off_topic) and sum(off_topic) == calibrate.OFF_TOPIC  # asked last, as counted
    assert not any(golds for _, golds, unrelated, _ in questions if unrelated)  # their paragraphs are not read
    assert documents and questions == calibrate.validation_questions(DEFAULT_MODEL_DIR, SHARED)[1]  # seeded


def test_stage_one_can_learn_from_the_in_paragraph_questions_only(tmp_path):
    outcomes = _outcomes()
    flagged = Outcomes(
        outcomes.features, outcomes.f1, outcomes.answerable, outcomes.info, [i >= 400 for i in range(500)]
    )
    model = fit_outcomes("learned", flagged, in_paragraph_only=True)
    assert model.fit["stage1_questions"] == 400 and model.fit["questions"] == 500
    assert model.weights != fit_outcomes("learned", outcomes).weights
    assert fit_outcomes("learned", flagged).fit["stage1_questions"] == 500  # the default learns from all
    report = cross_validate("learned", flagged, in_paragraph_only=True)
    assert report["auc_has_answer_in_paragraph"] > 0.8


def test_outcomes_saved_before_the_off_topic_flag_mark_the_last_questions(tmp_path):
    import json
    from dataclasses import asdict

    data = asdict(_outcomes(n=10))
    del data["off_topic"]
    data["info"]["off_topic_questions"] = 3
    (tmp_path / "old.json").write_text(json.dumps(data))
    assert Outcomes.load(tmp_path / "old.json").off_topic == [False] * 7 + [True] * 3


def test_cross_validation_keeps_each_article_in_one_fold_and_scores_within_articles():
    outcomes = _outcomes(n=500)
    # Ten articles; in the last two every question is answerable, as in articles taken from SQuAD 1.1.
    articles = [f"article-{i % 10}" for i in range(500)]
    answerable = [has or i % 10 >= 8 for i, has in enumerate(outcomes.answerable)]
    grouped = Outcomes(outcomes.features, outcomes.f1, answerable, outcomes.info, [False] * 500, articles)
    for fold in calibrate._folds(grouped, 5, 13):
        assert fold and not {articles[i] for i in fold} & {articles[i] for i in range(500) if i not in fold}
    report = cross_validate("learned", grouped)
    assert report["folds_by"] == "article"
    assert set(report["auc_has_answer_within_article"]) == {f"article-{k}" for k in range(8)}
    assert all(auc > 0.7 for auc in report["auc_has_answer_within_article"].values())
    assert cross_validate("learned", _outcomes())["folds_by"] == "question"  # articles not recorded
    assert grouped.subset([0, 11]).articles == ["article-0", "article-1"]


def _written_and_off_topic(seed: int = 5) -> Outcomes:
    """Article "written" holds answerable questions and unanswerable ones written against its paragraphs,
    whose margins look like the answerable ones'; "plain" only answerable ones; the off-topic
    questions are unanswerable and easy to see (a low margin)."""
    rng = np.random.default_rng(seed)
    rows, f1s, answerable, off_topic, articles = [], [], [], [], []
    for article, n, share_unanswerable, easy in (("written", 300, 0.5, False), ("plain", 300, 0.0, False)):
        for _ in range(n):
            has = bool(rng.random() >= share_unanswerable)
            margin = float(rng.normal(3 if has else 2, 2))
            rows.append([{**dict.fromkeys(FEATURES, 0.0), "margin": margin}])
            f1s.append([1.0 if has and margin > 2 else 0.0])
            answerable.append(has)
            off_topic.append(easy)
            articles.append(article)
    for _ in range(300):
        rows.append([{**dict.fromkeys(FEATURES, 0.0), "margin": float(rng.normal(-4, 1))}])
        f1s.append([0.0])
        answerable.append(False)
        off_topic.append(True)
        articles.append("elsewhere")
    return Outcomes(rows, f1s, answerable, {"reader": "learned", "prior_squad2": 0.5}, off_topic, articles)


def test_the_squad2_calibration_is_fitted_on_the_articles_with_written_unanswerable_questions():
    outcomes = _written_and_off_topic()
    mask = calibrate.squad2_style(outcomes)
    assert mask == [a == "written" for a in outcomes.articles]
    model = fit_outcomes("learned", outcomes)
    assert model.calibrations["squad2"]["questions"] == 300
    squad2 = model.calibrated_for("squad2")
    everything = fit_outcomes("learned", Outcomes(outcomes.features, outcomes.f1, outcomes.answerable, outcomes.info))
    assert "questions" not in everything.calibrations["squad2"]  # articles not recorded: every question
    written = [i for i, m in enumerate(mask) if m]
    x = np.asarray([[outcomes.features[i][0][f] for f in FEATURES] for i in written])
    right = np.mean([outcomes.f1[i][0] >= 0.5 for i in written])
    # Counting the easy off-topic questions, a high score is trusted more than these articles allow.
    mine = squad2.probability(squad2.logits(x)).mean()
    counted_all = everything.calibrated_for("squad2")
    theirs = counted_all.probability(counted_all.logits(x)).mean()
    assert abs(mine - right) < 0.05 < abs(theirs - right)
    report = cross_validate("learned", outcomes, folds=3)
    assert report["squad2_calibration_on_squad2_style_articles"]["questions"] == 300
