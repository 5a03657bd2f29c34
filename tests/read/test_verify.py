"""The answer check on hand-made cases: its features, the fit, calibration and per-feature explanations."""

from dataclasses import replace

import numpy as np
import pytest

from qa.errors import ConfigError
from qa.read.question import analyze
from qa.read.verify import (
    FEATURES,
    LONE_GAP,
    RULE_FEATURES,
    Verifier,
    VerifierModel,
    features,
    fit_verifier,
    logistic_regression,
    question_weights,
    type_fits,
)
from qa.records import Answer, Chunk, Citation, Hit, Sentence, StageScores


class FlatRanker:
    """Every question term weighs the same (the real ranker weighs by idf); sentence similarities are given
    (by the sentence's start), and a sentence not given is not an indexed one."""

    passages = 5

    def __init__(self, cosines: dict[int, float] | None = None) -> None:
        self.cosines = cosines or {}

    def overlap(self, q, present):
        return sum(t in present for t in q.terms) / len(q.terms) if q.terms else 0.0

    def cosine(self, sentence, vector):
        return self.cosines.get(sentence.start)

    def best_cosine(self, hits, vector, floor):
        sentences = [s for h in hits[: self.passages] for s in h.chunk.sentences]
        found = [self.cosines[s.start] for s in sentences if s.start in self.cosines]
        return max([*found, floor])


VECTOR = np.zeros(3)  # the question's embedding: FlatRanker looks it up by sentence instead


def _answer(text: str, sentence: str, reader: float = 5.0) -> tuple[Answer, Hit]:
    start = sentence.index(text)
    context = Sentence("d", 0, len(sentence), sentence)
    chunk = Chunk(0, "d", 0, len(sentence), sentence, (context,))
    hit = Hit(chunk, 0.03, 1, 0.6, 1, 4.0)
    stages = StageScores(1.0, 0.8, 0.9, reader=reader, passage=1)
    return Answer(text, Citation("d", start, start + len(text)), context, 0.9, stages), hit


def test_a_sentence_without_the_questions_place_name_loses_coverage():
    q = analyze("Who is the mayor of Macau?")
    right, right_hit = _answer("Ho Iat-seng", "Ho Iat-seng is the mayor of Macau.")
    wrong, wrong_hit = _answer("Qin Weizhong", "Qin Weizhong is the mayor of Shenzhen.")
    good = features(q, right, [right], [right_hit], FlatRanker(), VECTOR)
    bad = features(q, wrong, [wrong], [wrong_hit], FlatRanker(), VECTOR)
    assert good["names_sentence"] == 1.0 and bad["names_sentence"] == 0.0
    assert bad["sentence_overlap"] < good["sentence_overlap"]


def test_the_speaker_of_a_quotation_is_checked_against_the_quotation():
    # "Mayor Qin Weizhong said …" names the speaker; the quotation after it is what the question restates
    q = analyze("Who said the plan was to take the zone to a new level?")
    answer, hit = _answer("Qin Weizhong", "Shenzhen would launch 40 projects, Mayor Qin Weizhong said.")
    alone = features(q, answer, [answer], [hit], FlatRanker(), VECTOR)
    quotation = Sentence("d", 60, 120, "“We aim high,” he said, adding the plan was to take the zone to a new level.")
    supported = features(q, replace(answer, support=quotation), [answer], [hit], FlatRanker(), VECTOR)
    assert alone["sentence_overlap"] < 0.5 and supported["sentence_overlap"] == 1.0


def test_a_credit_outside_every_passage_takes_its_captions_passage():
    # "Photo: Martin Chan" is no content, so no passage holds it: the caption's passage is what was found
    q = analyze("Who took the photo of the border area?")
    caption = "The border area is being developed."
    answer, hit = _answer("border area", caption)
    credit = Sentence("d", len(caption) + 1, len(caption) + 19, "Photo: Martin Chan")
    credited = replace(answer, text="Martin Chan", citation=Citation("d", credit.start + 7, credit.end), context=credit)
    alone = features(q, credited, [credited], [hit], FlatRanker(), VECTOR)
    supported = features(q, replace(credited, support=hit.chunk.sentences[0]), [credited], [hit], FlatRanker(), VECTOR)
    assert alone["in_bm25"] == 0.0 and alone["dense"] == 0.0
    assert supported["in_bm25"] == 1.0 and supported["dense"] == hit.dense_score


def test_dense_similarity_counts_as_a_lead_over_the_best_passage_not_as_a_level():
    # a short question scores low with every passage: only how far the answer's passage and sentence fall
    # behind the best ones may count, not the level itself
    q = analyze("Who attended the ceremony?")
    sentence = "Xi Jinping attended the signing ceremony."
    answer, hit = _answer("Xi Jinping", sentence)
    other = Sentence("e", 100, 120, "The zone opens soon.")
    behind = Hit(Chunk(1, "e", 100, 120, other.text, (other,)), 0.02, 2, 0.6, None, None)
    low, high = replace(hit, dense_score=0.2), replace(hit, dense_score=0.7)
    assert features(q, answer, [answer], [low], FlatRanker({0: 0.3}), VECTOR)["dense_lead"] == 0.0
    level = [features(q, answer, [answer], [h], FlatRanker({0: c}), VECTOR) for h, c in ((low, 0.3), (high, 0.8))]
    assert [f["sentence_lead"] for f in level] == [0.0, 0.0]
    found = features(q, answer, [answer], [behind, low], FlatRanker({0: 0.3, 100: 0.5}), VECTOR)
    assert found["dense_lead"] == pytest.approx(-0.4) and found["sentence_lead"] == pytest.approx(-0.2)
    # the best sentence found once a question (as rescore does) gives the same lead
    given = features(q, answer, [answer], [behind, low], FlatRanker({0: 0.3, 100: 0.5}), VECTOR, None, 0.5)
    assert given["sentence_lead"] == pytest.approx(found["sentence_lead"])
    # an answer whose sentence is not an indexed one takes its passage's lead
    assert features(q, answer, [answer], [behind, low], FlatRanker(), VECTOR)["sentence_lead"] == pytest.approx(-0.4)


def test_a_how_many_answer_without_a_number_does_not_fit_its_type():
    q = analyze("How many universities set up centres?")
    assert not type_fits(q, "Hong Kong universities") and type_fits(q, "Five") and type_fits(q, "10 centres")
    answer, hit = _answer("Hong Kong universities", "Five Hong Kong universities set up centres.")
    assert features(q, answer, [answer], [hit], FlatRanker(), VECTOR)["type_mismatch"] == 1.0
    assert type_fits(analyze("When did it open?"), "in 2017") and not type_fits(
        analyze("When did it open?"), "the park"
    )


def test_a_thing_named_in_full_fits_a_what_is_and_holds_the_asked_name():
    q = analyze("What is the Hetao zone?")
    full = "Hetao Shenzhen-Hong Kong Science and Technology Innovation Cooperation Zone"
    assert type_fits(q, full) and type_fits(q, "a cooperation zone") and not type_fits(q, "Shenzhen")
    answer, hit = _answer(full, f"Qin was referring to the {full}, home to a quantum-computing centre.")
    found = features(q, answer, [answer], [hit], FlatRanker(), VECTOR)
    # the name in full is where the sentence mentions the asked thing: its words count as the sentence's
    assert found["type_mismatch"] == 0.0 and found["sentence_overlap"] == 1.0 and found["names_sentence"] == 1.0
    # any other answer is measured against the rest of its sentence ("Hetao" of "… the Hetao zone" restates it)
    other, other_hit = _answer("Hetao zone", "Qin was referring to the Hetao zone.")
    assert features(q, other, [other], [other_hit], FlatRanker(), VECTOR)["sentence_overlap"] == 0.0


def test_a_who_answer_is_a_name_or_people_named_by_a_common_noun():
    q = analyze("Who held the press conference?")
    for fits in ("Qin Weizhong", "a number of ministries", "her mother", "government officials", "protesters"):
        assert type_fits(q, fits), fits
    for misfit in ("last week", "easier and faster immigration", "the park", "the agreement", "a number"):
        assert not type_fits(q, misfit), misfit


def test_the_gap_to_the_next_different_answer():
    q = analyze("Who spoke?")
    first, hit = _answer("Ana Ruiz", "Ana Ruiz spoke to Ben Ode.", reader=6.0)
    second, _ = _answer("Ben Ode", "Ana Ruiz spoke to Ben Ode.", reader=2.5)
    assert features(q, first, [first, second], [hit], FlatRanker(), VECTOR)["gap"] == pytest.approx(3.5)
    assert features(q, second, [first, second], [hit], FlatRanker(), VECTOR)["gap"] == pytest.approx(-3.5)
    # a lone answer leads by the most its reader's scores allow: the clamp of the learned reader's margins, or 1
    # for a rule score (in [0, 1]), not a value far out of the range its verifier was fitted on
    assert features(q, first, [first], [hit], FlatRanker(), VECTOR)["gap"] == 10.0
    assert features(q, first, [first], [hit], FlatRanker(), VECTOR, lone_gap=LONE_GAP["rules"])["gap"] == 1.0


def test_logistic_regression_recovers_a_separating_direction():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] + 0.1 * rng.normal(size=400) > 0).astype(float)
    w = logistic_regression(x, y, l2=0.1)
    assert w[0] > 3 * abs(w[1]) and w[0] > 1


def _rows(rng, n: int):
    """Synthetic questions whose candidates are right when their margin is high."""
    questions, answerable, f1s = [], [], []
    for _ in range(n):
        has = bool(rng.random() < 0.6)
        rows, scores = [], []
        for rank in range(3):
            margin = rng.normal(4 if has and rank == 0 else -1, 2)
            right = has and rank == 0 and margin > 2
            row = dict.fromkeys((*FEATURES, *RULE_FEATURES), 0.0)
            row.update({"margin": margin, "passage_rr": 1 / (rank + 1), "words": 1.0})
            rows.append((row, right))
            scores.append(1.0 if right else 0.0)
        questions.append(rows)
        answerable.append(has)
        f1s.append(scores)
    return questions, answerable, f1s


def test_each_reader_is_fitted_on_its_own_features():
    rng = np.random.default_rng(2)
    rows, answerable, f1s = _rows(rng, 200)
    top = lambda q, i: f1s[q][i] if i is not None else 0.0  # noqa: E731
    assert fit_verifier("learned", rows, answerable, top).features == FEATURES
    assert fit_verifier("rules", rows, answerable, top).features == RULE_FEATURES
    assert "dense" in RULE_FEATURES and "dense" not in FEATURES and "dense_lead" in FEATURES


def test_the_fitted_verifier_is_calibrated_and_explains_itself(tmp_path):
    rng = np.random.default_rng(1)
    rows, answerable, f1s = _rows(rng, 600)
    model = fit_verifier("learned", rows, answerable, lambda q, i: f1s[q][i] if i is not None else 0.0)
    assert 0.05 <= model.threshold <= 0.95 and model.fit["questions"] == 600
    tops = np.asarray([[r[0][0][f] for f in FEATURES] for r in rows])
    p = model.probability(model.logits(tops))
    right = np.asarray([r[0][1] for r in rows], dtype=float)
    assert abs(p.mean() - right.mean()) < 0.05  # Platt scaling on the top answers
    assert p[tops[:, 0] > 4].mean() > p[tops[:, 0] < 0].mean() + 0.5
    model.save(tmp_path / "v.json")
    loaded = VerifierModel.load(tmp_path / "v.json")
    assert loaded == model
    parts = dict(loaded.contributions(tops[0]))
    assert set(parts) == {*FEATURES, "bias"}
    assert sum(parts.values()) == pytest.approx(float(np.log(p[0] / (1 - p[0]))), abs=0.02)


def test_rescoring_orders_by_probability_and_keeps_explanations():
    q = analyze("Who spoke?")
    low, hit = _answer("Ana Ruiz", "Ana Ruiz spoke to Ben Ode.", reader=-3.0)
    high, _ = _answer("Ben Ode", "Ana Ruiz spoke to Ben Ode.", reader=6.0)
    weights = tuple(1.0 if f == "margin" else 0.0 for f in FEATURES)
    model = VerifierModel(
        "learned", FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), weights, 0.0, (1.0, 0.0), 0.5
    )
    rescored = Verifier(model).rescore(q, [low, high], [hit], FlatRanker(), VECTOR)
    assert [a.text for a in rescored] == ["Ben Ode", "Ana Ruiz"]
    assert rescored[0].score == pytest.approx(1 / (1 + np.exp(-6.0)), abs=1e-4)
    assert dict(rescored[0].scores.verifier)["margin"] == 6.0
    unfitted = Verifier(None, 0.7)
    assert unfitted.rescore(q, [low], [hit], FlatRanker(), VECTOR) == [low] and unfitted.threshold == 0.7


@pytest.mark.parametrize(("reader", "gap"), [("learned", 10.0), ("rules", 1.0)])
def test_a_lone_answer_leads_by_the_most_its_readers_scores_allow(reader, gap):
    q = analyze("Who spoke?")
    lone, hit = _answer("Ana Ruiz", "Ana Ruiz spoke.", reader=0.6)
    weights = tuple(1.0 if f == "gap" else 0.0 for f in FEATURES)
    model = VerifierModel(
        reader, FEATURES, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), weights, 0.0, (1.0, 0.0), 0.5
    )
    rescored = Verifier(model).rescore(q, [lone], [hit], FlatRanker(), VECTOR)
    assert dict(rescored[0].scores.verifier)["gap"] == gap


def test_the_head_noun_near_a_number_marks_the_right_one_of_two():
    q = analyze("How many innovation centres have universities set up?")
    sentence = "Five universities have set up 10 innovation centres."
    five, hit = _answer("Five", sentence)
    ten, _ = _answer("10", sentence)
    assert features(q, ten, [five, ten], [hit], FlatRanker(), VECTOR)["head_near"] == 1.0
    assert features(q, five, [five, ten], [hit], FlatRanker(), VECTOR)["head_near"] == -1.0
    assert features(analyze("Who spoke?"), five, [five], [hit], FlatRanker(), VECTOR)["head_near"] == 0.0


@pytest.mark.parametrize(
    ("question", "answer", "near"),
    [
        # a time noun names the type of the answer, not a word next to it
        ("What day was the press conference?", "Tuesday", 1.0),
        ("What day was the press conference?", "Beijing", -1.0),
        ("In what year did Beijing propose the park?", "2017", 1.0),
        ("In what year did Beijing propose the park?", "Tuesday", -1.0),
        ("What month did the park open?", "March", 1.0),
        ("What date did the park open?", "10 March", 1.0),
    ],
)
def test_a_time_head_noun_is_met_by_its_type(question, answer, near):
    sentence = f"It was said in Beijing on Tuesday in 2017, on 10 March: {answer}."
    found, hit = _answer(answer, sentence)
    assert features(analyze(question), found, [found], [hit], FlatRanker(), VECTOR)["head_near"] == near


def test_a_prior_reweights_questions_so_the_probability_fits_another_mix():
    assert question_weights([True, True, True, False], None) == [1.0] * 4
    weights = question_weights([True, True, True, False], 0.5)
    assert sum(weights) == pytest.approx(4) and weights[3] == pytest.approx(3 * weights[0])
    assert question_weights([True, True], 0.5) == [1.0, 1.0]  # nothing to reweigh
    with pytest.raises(ValueError, match="between 0 and 1"):
        question_weights([True, False], 1.5)
    rng = np.random.default_rng(2)
    rows, answerable, f1s = _rows(rng, 800)  # 40 % unanswerable
    natural = fit_verifier("learned", rows, answerable, lambda q, i: f1s[q][i] if i is not None else 0.0)
    shifted = fit_verifier("learned", rows, answerable, lambda q, i: f1s[q][i] if i is not None else 0.0, prior=0.7)
    tops = np.asarray([[r[0][0][f] for f in FEATURES] for r in rows])
    right = np.asarray([r[0][1] for r in rows], dtype=float)
    p = shifted.probability(shifted.logits(tops))
    w = np.asarray(question_weights(answerable, 0.7))
    # Calibrated on the reweighted mix: the weighted mean probability matches the weighted share right ...
    assert abs((w * p).sum() / w.sum() - (w * right).sum() / w.sum()) < 0.03
    # ... and lower than under the natural mix, where fewer questions go unanswered.
    assert p.mean() < natural.probability(natural.logits(tops)).mean()
    assert shifted.weights == natural.weights  # the prior moves the calibration, not the discriminating model
    # With more questions unanswerable, refusing is worth more: at least as many questions are refused.
    refused_natural = (natural.probability(natural.logits(tops)) < natural.threshold).sum()
    assert shifted.fit["prior_unanswerable"] == 0.7 and (p < shifted.threshold).sum() >= refused_natural


def test_the_share_of_windows_that_vote_no_answer():
    from qa.read.learned import null_votes
    from qa.read.span import WindowLogits

    def window(span_logit: float, null_logit: float) -> WindowLogits:
        starts = np.array([null_logit, span_logit, 0.0])
        ends = np.array([0.0, span_logit, 0.0])
        return WindowLogits(0, starts, ends, np.array([[0, 0], [0, 4], [5, 9]]), np.array([False, True, True]))

    windows = [window(3.0, 1.0), window(-2.0, 5.0)]
    assert null_votes(windows, [w.decode(5, 3) for w in windows]) == 0.5
    assert null_votes(windows[1:], [windows[1].decode(5, 3)]) == 1.0 and null_votes([], []) == 1.0
    answer, hit = _answer("Ana Ruiz", "Ana Ruiz spoke.")
    voted = Answer(answer.text, answer.citation, answer.context, 0.5, StageScores(1, 1, 1, null_votes=0.75))
    assert features(analyze("Who spoke?"), voted, [voted], [hit], FlatRanker(), VECTOR)["null_votes"] == 0.75


def test_an_answer_that_repeats_the_question_echoes_it():
    q = analyze("Which organisation does Sun Yuning work for?")
    sentence = "Qin and Sun Yuning, deputy director of the General Administration of Customs, spoke."
    echo, hit = _answer("Qin and Sun Yuning, deputy director of the General Administration of Customs", sentence)
    clean, _ = _answer("the General Administration of Customs", sentence)
    assert features(q, echo, [echo], [hit], FlatRanker(), VECTOR)["echoes_question"] > 0
    assert features(q, clean, [clean], [hit], FlatRanker(), VECTOR)["echoes_question"] == 0.0


def test_a_named_calibration_is_kept_beside_the_default_and_chosen_by_name(tmp_path):
    rng = np.random.default_rng(4)
    rows, answerable, f1s = _rows(rng, 600)
    model = fit_verifier(
        "learned", rows, answerable, lambda q, i: f1s[q][i] if i is not None else 0.0, priors={"squad2": 0.7}
    )
    squad2 = model.calibrated_for("squad2")
    assert model.calibrated_for("default") is model and squad2.weights == model.weights
    assert squad2.platt != model.platt and squad2.threshold == model.calibrations["squad2"]["threshold"]
    tops = np.asarray([[r[0][0][f] for f in FEATURES] for r in rows])
    assert squad2.probability(squad2.logits(tops)).mean() < model.probability(model.logits(tops)).mean()
    model.save(tmp_path / "v.json")
    assert VerifierModel.load(tmp_path / "v.json").calibrated_for("squad2") == squad2
    with pytest.raises(ConfigError, match="no calibration 'other'"):
        model.calibrated_for("other")
