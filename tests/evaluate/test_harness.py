from qa.evaluate.harness import GoldQuestion, Outcome, check_thresholds, run_questions, score, temporary_pipeline
from qa.records import Answer, Citation, Sentence, StageScores
from tests.conftest import TINY


def test_check_thresholds_reports_each_miss():
    missed = check_thresholds(
        {"f1_top1": 0.5, "citation_exact": 1.0, "latency_p95_ms": 80},
        {"f1_top1": 0.6, "citation_exact": 1.0, "latency_p95_ms_max": 50, "mrr": 0.5, "_comment": "ignored"},
    )
    assert len(missed) == 3 and any("f1_top1" in m for m in missed) and any("mrr" in m for m in missed)


def _outcome(answerable: bool, text: str, score: float, gold=("x",)) -> Outcome:
    question = GoldQuestion("id", "tune", "q?", answerable, tuple(gold) if answerable else (), None, None)
    answer = Answer(text, Citation("d", 0, 1), Sentence("d", 0, 1, "x"), score, StageScores(1, 1, 1))
    return Outcome(question, (answer,), (), 0.01, 1, 1)


def test_score_applies_the_threshold_and_squad2_rules():
    outcomes = [
        _outcome(True, "x", 0.9),  # right, kept
        _outcome(True, "x", 0.3),  # right, refused
        _outcome(False, "y", 0.4),  # unanswerable, refused
        _outcome(False, "y", 0.8),  # unanswerable, answered
    ]
    figures = score(outcomes, 0.5, lambda d: "x")
    assert figures["f1_top1"] == 0.5 and figures["f1_top3"] == 1.0
    assert figures["false_refusal"] == 0.5 and figures["abstain_recall"] == 0.5
    assert figures["squad2_f1"] == 0.5  # 1 (kept right) + 0 + 1 (refused) + 0
    assert figures["auc_has_answer"] == 0.5 and figures["auc_right"] == 0.5
    assert 0 < figures["ece"] < 1 and figures["reliability"]
    low, high = figures["squad2_f1_ci"]  # a 95 % bootstrap interval around each F1
    assert 0.0 <= low <= figures["squad2_f1"] <= high <= 1.0 and low < high
    assert figures["f1_top1_ci"][0] <= figures["f1_top1"] <= figures["f1_top1_ci"][1]


def test_temporary_pipeline_answers_from_its_own_documents(tiny_settings, fake_embedder):
    with temporary_pipeline(tiny_settings.with_(reader="rules"), TINY, fake_embedder) as pipeline:
        assert sorted(pipeline.index.documents) == sorted(TINY)
        response = pipeline.ask("How many species of orchid does the garden grow?", threshold=0.0)
        assert response.candidates and response.hits
        assert response.candidates[0].text == "500"


def test_retrieval_alone_finds_each_questions_paragraph(tiny_settings, fake_embedder, tmp_path):
    import json

    from qa.evaluate.benchmark import run_retrieval

    paragraphs = {
        "Avalon": "The Avalon bridge was designed by Clara Mendes in 1931.",
        "Borel": "Borel Lake freezes every January and is home to the silver trout.",
        "Cantor": "Cantor Hall seats 2,000 people and was opened by Mayor Ruth Ames.",
    }
    questions = {"Avalon": ("Who designed the Avalon bridge?", "Clara Mendes"), "Borel": ("When?", "every January")}
    data = [
        {
            "title": title,
            "paragraphs": [
                {
                    "context": text,
                    "qas": [
                        {
                            "id": title,
                            "question": questions[title][0] + " " + title,
                            "answers": [{"text": questions[title][1], "answer_start": text.index(questions[title][1])}],
                        }
                    ]
                    if title in questions
                    else [],
                }
            ],
        }
        for title, text in paragraphs.items()
    ]
    path = tmp_path / "sample.json"
    path.write_text(json.dumps({"version": "v2.0", "data": data}))
    for mode in ("embedded", "pooled"):
        figures = run_retrieval(tiny_settings.with_(chunk_vectors=mode), fake_embedder, str(path))
        assert figures["questions"] == 2 and figures["paragraphs"] == 3 and figures["chunk_vectors"] == mode
        assert figures["recall_at_1"] == 1.0 and figures["mrr"] == 1.0


def test_predictions_file_holds_each_top_answer_and_empty_refusals(tmp_path):
    import json
    from dataclasses import replace

    from qa.evaluate.benchmark import write_predictions

    def asked(qid: str, outcome: Outcome) -> Outcome:
        return replace(outcome, gold=replace(outcome.gold, id=qid))

    kept, refused = asked("q1", _outcome(True, "x", 0.9)), asked("q2", _outcome(False, "y", 0.2))
    nothing = replace(asked("q3", _outcome(False, "y", 0.9)), answers=())
    path = tmp_path / "out" / "predictions.json"
    write_predictions([kept, refused, nothing], 0.5, path)
    assert json.loads(path.read_text()) == {"q1": "x", "q2": "", "q3": ""}


def test_each_outcome_says_how_its_question_was_read(tiny_settings, fake_embedder):
    from qa.evaluate.harness import _row, run_questions

    asked = [
        GoldQuestion(
            "a", "test", "Can you tell me how many species of orchid the garden grows?", True, ("500",), None, None
        ),
        GoldQuestion("b", "test", "How many species of orchid does the garden grow?", True, ("500",), None, None),
    ]
    with temporary_pipeline(tiny_settings.with_(reader="rules"), TINY, fake_embedder) as pipeline:
        rows = [_row(o, pipeline.threshold) for o in run_questions(pipeline, asked)]
    assert rows[0]["asked"] == "How many species of orchid the garden grows?"
    assert rows[1]["asked"] is None  # read as written


def test_evaluation_refuses_a_yes_no_question_as_the_service_does_at_any_threshold(tiny_pipeline):
    gold = GoldQuestion("q1", "test", "Did Mayor Alice Wong cut the ribbon?", True, ("yes",), None, None)
    [outcome] = run_questions(tiny_pipeline, [gold])
    assert outcome.answers == () and outcome.abstains(0.0) and outcome.abstains(1.0)
