"""The answer check: a small calibrated model that decides how likely an answer is right, and so abstention.

The span score alone cannot tell a right answer from a confident wrong one: a question about a
thing the documents never name still gets its best span. The verifier looks at more: the reader's
own margin and its lead over the next answer, where the passage ranked in retrieval, how far its
passage and sentence fall behind the question's best ones in dense similarity, how much of
the question (and which of its names) the answer's sentence and passage hold, and whether the
answer has the shape the question asks for. A logistic regression over these features, fitted per
reader on validation articles of the training pool in the open setting (``qa fit-verifier``), then
Platt-scaled on the top answers, gives ``P(answer is right)``: that is ``Answer.score``, and
``abstains`` compares it with the threshold fitted alongside. Each answer's ``scores.verifier``
lists every feature's contribution to the log-odds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from qa.errors import ConfigError
from qa.read.names import names_people
from qa.read.question import Kind, Question
from qa.read.sentences import SentenceRanker, stems
from qa.read.shape import has_number, names_in_full, says_what_it_is
from qa.records import Answer, Hit
from qa.text import MONTHS, WEEKDAYS, answer_key, fold, stem, terms

MODELS_DIR = Path(__file__).parent.parent / "models" / "verifier"
FEATURES = (
    "margin",
    "gap",
    "passage_rr",
    "dense_lead",
    "sentence_lead",
    "in_bm25",
    "sentence_overlap",
    "passage_overlap",
    "names_sentence",
    "names_passage",
    "type_mismatch",
    "long_for_type",
    "words",
    "rule",
    "head_near",
    "null_votes",
    "echoes_question",
)
# The rule reader's verifier keeps the dense level: in the default pipeline it answers the definitions
# ("Who is Eric Chan?"), which name their subject, and article-folded cross-validation on its validation
# outcomes loses with the leads (has-answer AUC 0.814 → 0.755, SQuAD 2.0 F1 0.424 → 0.403).
RULE_FEATURES = tuple("dense" if f == "dense_lead" else f for f in FEATURES if f != "sentence_lead")
_TIME = re.compile(
    r"\b(1\d{3}|20\d\d|" + "|".join(sorted(MONTHS | WEEKDAYS)) + r"|century|centuries|bc|ad)\b", re.IGNORECASE
)
DEFAULT_CALIBRATION = "default"
MAX_GAP = 10.0  # the gap is clamped to ±10: the learned reader's margins differ by more only far behind the best
# A lone answer (the checks left no other to measure it against) leads by the most its reader's scores allow: the
# clamp for the learned reader's margins, 1 for the rule reader's scores, which lie in [0, 1] (a lead of 10 there
# is far out of the range its verifier was fitted on: it made a lone answer certain, +44 log-odds).
LONE_GAP = {"learned": MAX_GAP, "rules": 1.0}
_MAX_WORDS = {Kind.COUNT: 4, Kind.TIME: 5, Kind.PERSON: 5, Kind.PLACE: 5, Kind.QUANTITY: 5}


def abstains(answers: Sequence[Answer], threshold: float) -> bool:
    """The one no-answer rule: nothing was found, or the best answer is less likely right than ``threshold``."""
    return not answers or answers[0].score < threshold


def type_fits(q: Question, text: str) -> bool:
    """Whether an answer has the type the question asks for (always, for untyped questions)."""
    if q.kind in (Kind.COUNT, Kind.QUANTITY):
        return has_number(text)
    if q.kind is Kind.TIME:
        return bool(_TIME.search(text)) or has_number(text)
    if q.kind is Kind.PERSON:  # a name, or people named by a common noun ("her mother", "a number of ministries")
        return any(w[:1].isupper() for w in text.split()) or names_people(text)
    if q.kind is Kind.PLACE:
        return any(w[:1].isupper() for w in text.split())
    if q.kind is Kind.DESCRIBE:
        return says_what_it_is(q, text)
    return True


def features(
    q: Question,
    answer: Answer,
    others: Sequence[Answer],
    hits: Sequence[Hit],
    ranker: SentenceRanker,
    vector: np.ndarray,
    terms_of: dict[int, set[str]] | None = None,
    best_sentence: float | None = None,
    lone_gap: float = MAX_GAP,
) -> dict[str, float]:
    """The verifier's features of one answer (``others``: the other candidates of the same question;
    ``vector``: the question's embedding).

    Dense similarity enters only as a lead: how far the answer's passage (and sentence) falls behind
    the question's best one. Its level depends on how a question is worded: SQuAD's questions copy
    their sentence's words (a median cosine of 0.69 with the best passage when they have an answer,
    0.34 when off-topic), while a person's short question about a news article scores 0.2-0.45 with
    the passage that answers it, so a verifier that read the level refused right answers as off-topic.
    ``dense``, the level, is still computed: the rule reader's verifier reads it (``RULE_FEATURES``).

    ``terms_of`` caches each passage's terms by chunk id across the candidates of one question, and
    ``best_sentence`` is the best cosine among the sentences read (the same for all of them: found here when
    not given). ``lone_gap`` is the gap of an answer with no other to measure against (``LONE_GAP``).
    """
    mine = answer_key(answer.text)
    rivals = [a.scores.reader for a in others if answer_key(a.text) != mine and a is not answer]
    gap = answer.scores.reader - max(rivals) if rivals else lone_gap
    c = answer.citation
    hit = _hit_at(hits, c.doc_id, c.start)
    if hit is None and answer.support is not None:  # a photo credit, outside every passage: its caption's
        hit = _hit_at(hits, answer.support.doc_id, answer.support.start)
    # the sentence without the answer, which holds the question's words only when it restates them; a name
    # in full ("What is the Hetao zone?") is where the sentence mentions the thing asked about
    in_full = names_in_full(q, answer.text)
    sentence_terms = stems(answer.context.text if in_full else answer.context.text.replace(answer.text, " "))
    if answer.support is not None:  # the quotation a speaker said: what matched the question
        sentence_terms |= stems(answer.support.text)
    if hit is None:
        passage_terms = sentence_terms
    elif terms_of is None:
        passage_terms = stems(hit.chunk.text)
    else:
        if hit.chunk.chunk_id not in terms_of:
            terms_of[hit.chunk.chunk_id] = stems(hit.chunk.text)
        passage_terms = terms_of[hit.chunk.chunk_id]
    names = q.proper
    n_words = len(answer.text.split())
    dense = float(hit.dense_score) if hit and hit.dense_score is not None else 0.0
    dense_lead = dense - max((float(h.dense_score) for h in hits if h.dense_score is not None), default=dense)
    cosine = ranker.cosine(answer.context, vector)
    if cosine is None:
        sentence_lead = dense_lead
    else:
        best = ranker.best_cosine(hits, vector, cosine) if best_sentence is None else max(best_sentence, cosine)
        sentence_lead = cosine - best
    limit = _MAX_WORDS.get(q.kind)
    return {
        "margin": answer.scores.reader,
        "gap": max(min(gap, MAX_GAP), -MAX_GAP),
        "passage_rr": 1.0 / answer.scores.passage if answer.scores.passage else 0.0,
        "dense": dense,
        "dense_lead": dense_lead,
        "sentence_lead": sentence_lead,
        "in_bm25": float(hit is not None and hit.bm25_rank is not None),
        "sentence_overlap": ranker.overlap(q, sentence_terms),
        "passage_overlap": ranker.overlap(q, passage_terms),
        "names_sentence": sum(n in sentence_terms for n in names) / len(names) if names else 1.0,
        "names_passage": sum(n in passage_terms for n in names) / len(names) if names else 1.0,
        "type_mismatch": float(not type_fits(q, answer.text)),
        "long_for_type": max(0.0, n_words - limit) / limit if limit else 0.0,
        "words": math.log1p(n_words),
        "rule": answer.scores.rule,
        "head_near": _head_near(q, answer),
        "null_votes": answer.scores.null_votes,
        "echoes_question": _echoes(q, answer.text),
    }


def _hit_at(hits: Sequence[Hit], doc_id: str, offset: int) -> Hit | None:
    return next((h for h in hits if h.chunk.doc_id == doc_id and h.chunk.start <= offset < h.chunk.end), None)


_YEAR = r"\b(?:1\d{3}|20\d\d)s?\b"
_DAY = r"\b(?:" + "|".join(sorted(WEEKDAYS | MONTHS)) + r"|today|yesterday|tomorrow)\b|\b\d{1,2}(?:st|nd|rd|th)?\b"
_TIME_HEADS = {
    "year": re.compile(_YEAR),
    "decade": re.compile(_YEAR),
    "century": re.compile(r"\bcentur(?:y|ies)\b|\b\d{1,2}(?:st|nd|rd|th)\b", re.IGNORECASE),
    "month": re.compile(r"\b(?:" + "|".join(sorted(MONTHS)) + r")\b", re.IGNORECASE),
    "day": re.compile(_DAY, re.IGNORECASE),
    "weekday": re.compile(r"\b(?:" + "|".join(sorted(WEEKDAYS)) + r")\b", re.IGNORECASE),
    "date": re.compile(_DAY + "|" + _YEAR, re.IGNORECASE),
}


def _echoes(q: Question, text: str) -> float:
    """The share of the answer's content terms that the question already holds: an answer rarely repeats
    its question ("Qin and Sun Yuning, deputy director of …" for "Which organisation does Sun Yuning work for?")."""
    found = terms(text)
    return sum(t in q.terms for t in found) / len(found) if found else 0.0


def _head_near(q: Question, answer: Answer) -> float:
    """+1 when the question's head noun is in the answer or among the three words after it ("10 innovation
    centres" for "How many centres …?"), -1 when it is not, 0 when the question has no head noun. A time
    noun names a type instead: "Tuesday" for "What day …?", "2017" for "What year …?"."""
    if not q.head:
        return 0.0
    if q.kind is Kind.TIME and q.head in _TIME_HEADS:  # "What day …?" of "Tuesday": the head names a type
        return 1.0 if _TIME_HEADS[q.head].search(answer.text) else -1.0
    after = answer.context.text[answer.citation.end - answer.context.start :]
    window = answer.text.split() + after.split()[:3]
    return 1.0 if any(stem(fold(w.strip(".,;:!?()'\"’”"))) == q.head for w in window) else -1.0


@dataclass(frozen=True)
class VerifierModel:
    """Standardised logistic regression + Platt scaling; ``threshold`` on the calibrated probability."""

    reader: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    platt: tuple[float, float]
    threshold: float
    fit: dict[str, Any] = field(default_factory=dict)
    # Named alternative calibrations of the same model: {name: {prior_unanswerable, platt, threshold, ...}}.
    calibrations: dict[str, dict[str, Any]] = field(default_factory=dict)

    def calibrated_for(self, name: str) -> VerifierModel:
        """This model with the named calibration's Platt scaling and threshold (``default``: unchanged)."""
        if name == DEFAULT_CALIBRATION:
            return self
        if name not in self.calibrations:
            known = ", ".join([DEFAULT_CALIBRATION, *self.calibrations])
            raise ConfigError(f"the {self.reader} verifier has no calibration {name!r}; it has: {known}")
        chosen = self.calibrations[name]
        platt = (float(chosen["platt"][0]), float(chosen["platt"][1]))
        return replace(self, platt=platt, threshold=float(chosen["threshold"]))

    def logits(self, rows: np.ndarray) -> np.ndarray:
        z = (rows - np.asarray(self.mean)) / np.asarray(self.scale)
        return z @ np.asarray(self.weights) + self.bias

    def probability(self, logit: np.ndarray | float) -> np.ndarray:
        a, b = self.platt
        return 1.0 / (1.0 + np.exp(-np.clip(a * np.asarray(logit) + b, -50, 50)))

    def contributions(self, row: np.ndarray) -> list[tuple[str, float]]:
        """Each feature's share of the calibrated log-odds (the bias, scaled, is listed as ``bias``)."""
        a, b = self.platt
        z = (row - np.asarray(self.mean)) / np.asarray(self.scale)
        parts = [(name, round(float(a * w * v), 3)) for name, w, v in zip(self.features, self.weights, z, strict=True)]
        return [*parts, ("bias", round(float(a * self.bias + b), 3))]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), indent=2) + "\n")

    @classmethod
    def load(cls, path: Path) -> VerifierModel:
        data = json.loads(path.read_text())
        for key in ("features", "mean", "scale", "weights", "platt"):
            data[key] = tuple(data[key])
        return cls(**data)


def model_path(reader: str, reader_model: Path | None = None) -> Path:
    """The verifier fitted for a reader: beside a custom reader model, else in the packaged models."""
    if reader == "learned" and reader_model is not None:
        return Path(reader_model) / "verifier.json"
    return MODELS_DIR / f"{reader}.json"


class Verifier:
    """Rescores a question's candidate answers with a fitted ``VerifierModel``, best first."""

    def __init__(self, model: VerifierModel | None, fallback_threshold: float = 0.5) -> None:
        self.model = model
        self.fallback_threshold = fallback_threshold

    @property
    def threshold(self) -> float:
        return self.model.threshold if self.model else self.fallback_threshold

    def rescore(
        self, q: Question, answers: Sequence[Answer], hits: Sequence[Hit], ranker: SentenceRanker, vector: np.ndarray
    ) -> list[Answer]:
        if not answers or self.model is None:
            return list(answers)
        cache: dict[int, set[str]] = {}
        best = ranker.best_cosine(hits, vector, -1.0)  # once a question, not once a candidate
        lone = LONE_GAP.get(self.model.reader, MAX_GAP)
        found = [features(q, a, answers, hits, ranker, vector, cache, best, lone) for a in answers]
        rows = np.asarray([[f[name] for name in self.model.features] for f in found], dtype=float)
        probabilities = self.model.probability(self.model.logits(rows))
        rescored = [
            replace(
                a,
                score=round(float(p), 4),
                scores=replace(a.scores, verifier=tuple(self.model.contributions(row))),
            )
            for a, p, row in zip(answers, probabilities, rows, strict=True)
        ]
        return sorted(rescored, key=lambda a: -a.score)


# ------------------------------------------------------------------------------------ fitting


def question_weights(answerable: Sequence[bool], prior: float | None) -> list[float]:
    """Per-question weights (mean 1) under which a share ``prior`` of the questions is unanswerable."""
    n, unanswerable = len(answerable), sum(not a for a in answerable)
    if prior is None or not 0 < unanswerable < n:
        return [1.0] * n
    if not 0.0 < prior < 1.0:
        raise ValueError(f"prior must be between 0 and 1, not {prior}")
    w_no, w_yes = prior * n / unanswerable, (1 - prior) * n / (n - unanswerable)
    return [w_yes if a else w_no for a in answerable]


def logistic_regression(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50, sample_weight: np.ndarray | None = None
) -> np.ndarray:
    """Weights (last one the bias) of an L2-regularised, optionally sample-weighted logistic regression,
    by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    weight = np.ones(len(x)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ w, -50, 50)))
        gradient = design.T @ (weight * (p - y)) + penalty * w
        hessian = design.T @ (design * (weight * p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_verifier(
    reader: str,
    candidates: Sequence[Sequence[tuple[dict[str, float], bool]]],
    answerable: Sequence[bool],
    f1_of_top: Callable[[int, int | None], float],
    l2: float = 1.0,
    prior: float | None = None,
    priors: dict[str, float] | None = None,
    balance: float | None = None,
    learn_from: Sequence[bool] | None = None,
    calibrate_on: dict[str, Sequence[bool]] | None = None,
) -> VerifierModel:
    """Fit on validation questions: for each, its candidates' features and whether each is right.

    Stage 1 fits the logistic regression on every candidate; stage 2 fits Platt scaling on each
    question's top candidate under stage 1; the threshold maximises SQuAD 2.0 F1 on the same
    questions (``f1_of_top(question index, candidate index)`` gives the F1 of a kept answer).
    Stage 2 is done for the questions as they are (or weighted to ``prior``, a share of unanswerable
    ones), and once more for each of ``priors``: a named calibration kept beside the default one
    (``VerifierModel.calibrated_for``), for collections where another share of questions has no answer.
    ``balance``: stage 1 weighs the questions to this share of unanswerable ones, so that the few
    unanswerable questions weigh as much as the many answerable ones in what the model learns to see.
    ``learn_from``: the questions stage 1 learns from (default all); stage 2 uses every question, except
    that ``calibrate_on`` may name, for a calibration of ``priors``, the questions its Platt scaling and
    threshold are fitted on (those of the kind of collection it is for).
    """
    names = RULE_FEATURES if reader == "rules" else FEATURES
    learned = [q for q in range(len(candidates)) if learn_from is None or learn_from[q]]
    x = np.asarray([[f[n] for n in names] for q in learned for f, _ in candidates[q]], dtype=float)
    y = np.asarray([right for q in learned for _, right in candidates[q]], dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    balanced = question_weights([answerable[q] for q in learned], balance)
    row_weight = np.asarray([balanced[k] for k, q in enumerate(learned) for _ in candidates[q]], dtype=float)
    w = logistic_regression((x - mean) / scale, y, l2, sample_weight=row_weight)
    model = VerifierModel(reader, names, tuple(mean), tuple(scale), tuple(w[:-1]), float(w[-1]), (1.0, 0.0), 0.5)

    top_index: list[int | None] = []
    top_logits: list[float] = []
    for rows in candidates:
        if not rows:
            top_index.append(None)
            top_logits.append(0.0)
            continue
        logits = model.logits(np.asarray([[f[n] for n in names] for f, _ in rows], dtype=float))
        top_index.append(int(np.argmax(logits)))
        top_logits.append(float(logits[top_index[-1]]))
    right = [bool(rows[i][1]) if i is not None else False for rows, i in zip(candidates, top_index, strict=True)]

    def calibrate(share: float | None, among: Sequence[bool] | None = None) -> dict[str, Any]:
        chosen = [q for q in range(len(candidates)) if among is None or among[q]]
        weights = np.zeros(len(candidates))
        weights[chosen] = question_weights([answerable[q] for q in chosen], share)
        kept = [q for q in chosen if top_index[q] is not None]
        platt = logistic_regression(
            np.asarray([top_logits[q] for q in kept])[:, None],
            np.asarray([float(right[q]) for q in kept]),
            l2=1e-3,
            sample_weight=weights[kept],
        )
        scaled = replace(model, platt=(float(platt[0]), float(platt[1])))
        probability = scaled.probability(np.asarray(top_logits))
        threshold, best = 0.5, -1.0
        for t in np.arange(0.05, 0.96, 0.01):
            total = sum(
                weights[q] * (f1_of_top(q, i) if i is not None and probability[q] >= t else float(not answerable[q]))
                for q, i in ((q, top_index[q]) for q in chosen)
            )
            if total > best + 1e-9:
                threshold, best = round(float(t), 2), total
        found = {
            "prior_unanswerable": share,
            "platt": [float(platt[0]), float(platt[1])],
            "threshold": threshold,
            "squad2_f1_at_threshold": round(float(best) / max(float(weights.sum()), 1e-9), 4),
        }
        return found if among is None else {**found, "questions": len(chosen)}

    default = calibrate(prior)
    stats = {
        "questions": len(candidates),
        "unanswerable": int(sum(not a for a in answerable)),
        "candidates": len(y),
        "stage1_questions": len(learned),
        "right_candidates": int(y.sum()),
        "squad2_f1_at_threshold": default["squad2_f1_at_threshold"],
        "l2": l2,
        "prior_unanswerable": prior,
        "balance_unanswerable": balance,
    }
    return replace(
        model,
        platt=(default["platt"][0], default["platt"][1]),
        threshold=default["threshold"],
        fit=stats,
        calibrations={name: calibrate(share, (calibrate_on or {}).get(name)) for name, share in (priors or {}).items()},
    )
