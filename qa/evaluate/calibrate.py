"""Fitting the verifier (``qa fit-verifier``) on validation articles of the training pool, in the open setting.

The collection is every paragraph of the reader's validation articles (recorded in its
``training.json``; never a held-out article). Its questions, answerable and SQuAD 2.0's in-paragraph
unanswerable ones, are asked against it, together with off-topic questions from other training
articles, whose paragraphs are not in the collection. The reader runs without a verifier; each
question's candidates, their features and whether each is right (F1 >= 0.5) fit the model.

The probability depends on how many questions have no answer at all. The default calibration
takes the validation questions as they come (27 % unanswerable, close to what people ask about
their own documents); a second one, ``squad2``, is for a collection where many questions are
written against their paragraph to have no answer (SQuAD 2.0): it is fitted on the questions of the
validation articles that hold such questions, weighed so that unanswerable ones make up their share
among the training pool's SQuAD 2.0 dev questions (about a half). Off-topic questions are easy to
refuse, so a calibration that counts them trusts a high score more than such a collection allows.
``QA_CALIBRATION`` chooses between them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from qa.config import Settings
from qa.errors import ConfigError
from qa.evaluate.harness import RIGHT_F1, temporary_pipeline
from qa.evaluate.metrics import expected_calibration_error, f1, mean, roc_auc
from qa.evaluate.reading import reader_validation_articles
from qa.evaluate.squad import DEV_V20, SquadExample, training_pool
from qa.index.embed import Embedder
from qa.read.question import Question, analyze
from qa.read.span import DEFAULT_MODEL_DIR
from qa.read.verify import LONE_GAP, MAX_GAP, Verifier, VerifierModel, features, fit_verifier, question_weights
from qa.records import Answer

OFF_TOPIC = 300  # off-topic questions added as unanswerable
CANDIDATES = 5


SQUAD2_CALIBRATION = "squad2"


def squad2_prior(pool: list[SquadExample]) -> float:
    """The share of unanswerable questions among the training pool's SQuAD 2.0 dev questions."""
    dev = [e for e in pool if e.source == DEV_V20]
    if not dev:
        raise ConfigError(f"the training pool holds no {DEV_V20} questions to take the prior from; pass --prior")
    return round(sum(e.impossible for e in dev) / len(dev), 3)


@dataclass(frozen=True)
class Outcomes:
    """What the reader did on the validation questions, without a verifier: each question's candidates
    (their verifier features and F1 against the gold answers) and whether it has an answer.

    Collecting them runs the whole pipeline over a few thousand questions; fitting is instant, so
    ``qa fit-verifier --save-outcomes`` keeps them and ``--outcomes`` fits (or cross-validates) again.
    """

    features: list[list[dict[str, float]]]
    f1: list[list[float]]
    answerable: list[bool]
    info: dict[str, Any] = field(default_factory=dict)
    off_topic: list[bool] = field(default_factory=list)  # asked against articles that are not about them
    articles: list[str] = field(default_factory=list)  # each question's own article (empty: not recorded)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self)))

    @classmethod
    def load(cls, path: Path) -> Outcomes:
        data = json.loads(Path(path).read_text())
        if "off_topic" not in data:  # saved before the flag: the off-topic questions were asked last
            n, extra = len(data["answerable"]), int(data.get("info", {}).get("off_topic_questions", 0))
            data["off_topic"] = [i >= n - extra for i in range(n)]
        return cls(**data)

    def subset(self, keep: list[int]) -> Outcomes:
        return Outcomes(
            [self.features[i] for i in keep],
            [self.f1[i] for i in keep],
            [self.answerable[i] for i in keep],
            self.info,
            [self.off_topic[i] for i in keep] if self.off_topic else [],
            [self.articles[i] for i in keep] if self.articles else [],
        )


def validation_questions(
    model_dir: Path, data_dir: Path, seed: int = 13
) -> tuple[dict[str, str], list[tuple[str, tuple[str, ...], bool, str]], list[SquadExample]]:
    """What the verifier is fitted on: the documents (every paragraph of the reader's validation articles), the
    questions in the order they are asked (``question, gold answers, off-topic?, article``: the articles' own,
    then ``OFF_TOPIC`` answerable ones from other training articles, seeded) and the training pool."""
    articles = reader_validation_articles(model_dir)
    pool = training_pool(data_dir)
    validation = [e for e in pool if e.article in articles]
    others = [e for e in pool if e.article not in articles and not e.impossible]
    off_topic = random.Random(seed).sample(others, min(OFF_TOPIC, len(others)))
    contexts = list(dict.fromkeys(e.context for e in validation))
    documents = {f"{n:04d}.txt": context for n, context in enumerate(contexts)}
    questions = [(e.question, e.answers, False, e.article) for e in validation]
    questions += [(e.question, (), True, e.article) for e in off_topic]
    return documents, questions, pool


def collect_outcomes(
    settings: Settings,
    embedder: Embedder,
    data_dir: Path,
    seed: int = 13,
    limit: int | None = None,
    keep: Callable[[Question, list[Answer]], None] | None = None,
) -> Outcomes:
    """Ask the reader's validation questions (and off-topic ones) against its validation articles. ``keep``, if
    given, sees each question as read and its candidates (in the outcomes' order), for a probe that needs more
    of them than their features."""
    documents, questions, pool = validation_questions(settings.reader_model or DEFAULT_MODEL_DIR, data_dir, seed)
    articles = {article for _, _, unrelated, article in questions if not unrelated}
    off_topic = sum(unrelated for _, _, unrelated, _ in questions)
    if limit:  # a seeded sample, for smoke runs
        questions = random.Random(seed).sample(questions, min(limit, len(questions)))

    from tqdm import tqdm

    rows, f1_rows, answerable, elsewhere, own = [], [], [], [], []
    # Every window is read: the first look (exit_probability) needs the verifier that is being fitted.
    unverified = settings.with_(exit_probability=None)
    lone = LONE_GAP.get(settings.reader, MAX_GAP)  # a lone answer's gap, as the verifier will read it
    with temporary_pipeline(unverified, documents, embedder, verifier=Verifier(None)) as pipeline:
        for question, golds, unrelated, article in tqdm(
            questions, desc="validation questions", unit="q", mininterval=5
        ):
            response = pipeline.ask(question, 3, threshold=0.0)
            q = analyze(response.asked)  # the question as the pipeline read it, not rewritten again
            candidates = list(response.candidates[:CANDIDATES])
            vector = pipeline.embedder.encode([response.asked])[0]  # as the pipeline searched with it
            rows.append(
                [features(q, a, candidates, response.hits, pipeline.ranker, vector, lone_gap=lone) for a in candidates]
            )
            if keep is not None:
                keep(q, candidates)
            f1_rows.append([f1(a.text, golds) if golds else 0.0 for a in candidates])
            answerable.append(bool(golds))
            elsewhere.append(unrelated)
            own.append(article)
    info = {
        "reader": settings.reader,
        "validation_articles": sorted(articles),
        "paragraphs": len(documents),
        "off_topic_questions": off_topic,
        "prior_squad2": squad2_prior(pool),
        "reader_model": str(settings.reader_model or "packaged"),
    }
    return Outcomes(rows, f1_rows, answerable, info, elsewhere, own)


def fit_outcomes(
    reader: str,
    outcomes: Outcomes,
    prior: float | str | None = None,
    balance: bool = True,
    in_paragraph_only: bool = False,
) -> VerifierModel:
    """The verifier fitted on collected outcomes, its default calibration for ``prior`` (as in
    ``qa fit-verifier --prior``; None: the questions as they are), with the ``squad2`` one beside it.
    ``balance``: the discriminating stage weighs questions to the SQuAD 2.0 share (see ``fit_verifier``).
    ``in_paragraph_only``: the discriminating stage learns from the validation articles' own
    questions only (the off-topic ones still count in the calibration stage). 5-fold on validation it
    lifts the in-paragraph has-answer AUC from 0.787 to 0.806, but on the held-out v2.0 articles it
    was level (0.66) and on the gold test split it refused two more answers, so it is off by default."""
    squad2 = float(outcomes.info["prior_squad2"]) if "prior_squad2" in outcomes.info else None
    share = outcomes.info.get("prior_squad2") if prior == "squad2" else prior
    if isinstance(share, str):
        raise ConfigError(f"prior must be a share between 0 and 1, 'squad2' or None, not {share!r}")
    rows = [
        [(row, score >= RIGHT_F1) for row, score in zip(found, scores, strict=True)]
        for found, scores in zip(outcomes.features, outcomes.f1, strict=True)
    ]
    written_unanswerable = squad2_style(outcomes)
    model = fit_verifier(
        reader,
        rows,
        outcomes.answerable,
        lambda q, i: outcomes.f1[q][i] if i is not None else 0.0,
        prior=share,
        priors={SQUAD2_CALIBRATION: squad2} if squad2 is not None else None,
        balance=squad2 if balance else None,
        learn_from=[not o for o in outcomes.off_topic] if in_paragraph_only and outcomes.off_topic else None,
        calibrate_on={SQUAD2_CALIBRATION: written_unanswerable} if written_unanswerable else None,
    )
    info = {k: v for k, v in outcomes.info.items() if k not in ("reader", "prior_squad2")}
    return replace(model, fit={**model.fit, **info})


def squad2_style(outcomes: Outcomes) -> list[bool] | None:
    """The questions asked about articles whose own questions include unanswerable ones (SQuAD 2.0 style),
    off-topic ones left out; None when the outcomes do not record articles or hold no such article."""
    if not outcomes.articles:
        return None
    inside = [not o for o in outcomes.off_topic] if outcomes.off_topic else [True] * len(outcomes.answerable)
    written = {a for a, ok, i in zip(outcomes.articles, outcomes.answerable, inside, strict=True) if i and not ok}
    mask = [i and a in written for a, i in zip(outcomes.articles, inside, strict=True)]
    return mask if any(mask) else None


def cross_validate(
    reader: str,
    outcomes: Outcomes,
    prior: float | str | None = None,
    folds: int = 5,
    seed: int = 13,
    balance: bool = True,
    in_paragraph_only: bool = False,
) -> dict[str, Any]:
    """Out-of-fold figures of the verifier on the validation questions (each question scored by a model
    fitted without it): ROC AUC for "has an answer" and "top answer right", calibration error under
    the prior's weights, SQuAD 2.0 F1 and refusal rates at each fold's threshold, and on answerable
    questions the F1 of the answer it puts first (no refusal) against the best of its candidates.

    Where the outcomes record each question's article, the folds are whole articles (no article's
    questions are both fitted and scored), and "has an answer" is also scored within each article
    that holds both kinds of question: pooled over articles, the AUC also rewards telling apart
    articles that have no unanswerable questions at all, which says nothing about abstention.
    """
    n = len(outcomes.answerable)
    probability, kept_f1, refused = np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool)
    right = np.zeros(n, dtype=bool)
    squad2_probability, squad2_refused = np.zeros(n), np.ones(n, dtype=bool)
    for test in _folds(outcomes, folds, seed):
        train = sorted(set(range(n)) - set(test))
        model = fit_outcomes(reader, outcomes.subset(train), prior, balance, in_paragraph_only)
        for_squad2 = model.calibrated_for(SQUAD2_CALIBRATION) if SQUAD2_CALIBRATION in model.calibrations else None
        for i in test:
            rows = outcomes.features[i]
            if not rows:
                refused[i] = True
                continue
            x = np.asarray([[row[f] for f in model.features] for row in rows], dtype=float)
            logits = model.logits(x)
            p = model.probability(logits)
            best = int(np.argmax(p))
            probability[i], kept_f1[i] = float(p[best]), outcomes.f1[i][best]
            right[i] = kept_f1[i] >= RIGHT_F1
            refused[i] = p[best] < model.threshold
            if for_squad2 is not None:
                squad2_probability[i] = float(for_squad2.probability(logits[best]))
                squad2_refused[i] = squad2_probability[i] < for_squad2.threshold
    share = outcomes.info.get("prior_squad2") if prior == "squad2" else prior
    weights = np.asarray(question_weights(outcomes.answerable, share if isinstance(share, float) else None))
    answerable = np.asarray(outcomes.answerable)
    inside = ~np.asarray(outcomes.off_topic or [False] * n, dtype=bool)
    squad2 = _squad2_scores(refused, answerable, kept_f1)
    within = _within_articles(probability, answerable, inside, outcomes.articles)
    written = np.asarray(squad2_style(outcomes) or [False] * n, dtype=bool)
    on_written = {  # the squad2 calibration, on the questions it is for (none when articles are not recorded)
        "questions": int(written.sum()),
        "ece": expected_calibration_error(squad2_probability[written].tolist(), right[written].tolist()),
        "squad2_f1": mean(_squad2_scores(squad2_refused, answerable, kept_f1)[written].tolist()),
        "unanswerable_refused": mean(squad2_refused[written & ~answerable].tolist()),
        "answerable_refused": mean(squad2_refused[written & answerable].tolist()),
    }
    return {
        "questions": n,
        "folds": folds,
        "folds_by": "article" if outcomes.articles else "question",
        "prior_unanswerable": share,
        "auc_has_answer": roc_auc(probability.tolist(), answerable.tolist()),
        # Questions about the very paragraphs that are read (no off-topic ones), pooled over articles.
        "auc_has_answer_in_paragraph": roc_auc(probability[inside].tolist(), answerable[inside].tolist()),
        # The hard part, measured fairly: within each article that has unanswerable questions.
        "auc_has_answer_within_article": within,
        "auc_right": roc_auc(probability.tolist(), right.tolist()),
        "ece_weighted": weighted_ece(probability, right, weights),
        "ece_unweighted": expected_calibration_error(probability.tolist(), right.tolist()),
        "squad2_f1_weighted": float((weights * squad2).sum() / weights.sum()),
        "unanswerable_refused": mean(refused[~answerable].tolist()),
        "answerable_refused": mean(refused[answerable].tolist()),
        # How well it chooses among the reader's candidates, and what the best choice would score.
        "answerable_first_f1": mean(kept_f1[answerable].tolist()),
        "answerable_best_candidate_f1": mean(
            [max(f, default=0.0) for f, a in zip(outcomes.f1, answerable, strict=True) if a]
        ),
        "squad2_calibration_on_squad2_style_articles": on_written,
    }


def _squad2_scores(refused: np.ndarray, answerable: np.ndarray, kept_f1: np.ndarray) -> np.ndarray:
    """Each question's SQuAD 2.0 score: a refusal scores 1 when there is no answer, a kept answer its F1."""
    return np.where(refused, ~answerable, np.where(answerable, kept_f1, 0.0))


def _within_articles(
    probability: np.ndarray, answerable: np.ndarray, inside: np.ndarray, articles: list[str]
) -> dict[str, float | None]:
    """The has-answer AUC among each article's own questions, for the articles that hold both kinds."""
    found: dict[str, float | None] = {}
    for article in sorted(set(articles)):
        mine = inside & (np.asarray(articles) == article)
        if 0 < answerable[mine].sum() < mine.sum():
            found[article] = roc_auc(probability[mine].tolist(), answerable[mine].tolist())
    return found


def _folds(outcomes: Outcomes, folds: int, seed: int) -> list[list[int]]:
    """The questions of each fold: whole articles dealt out in a seeded order when they are recorded,
    else single questions."""
    n = len(outcomes.answerable)
    if not outcomes.articles:
        order = np.random.default_rng(seed).permutation(n)
        return [sorted(order[k::folds].tolist()) for k in range(folds)]
    articles = sorted(set(outcomes.articles))
    random.Random(seed).shuffle(articles)
    fold_of = {article: k % folds for k, article in enumerate(articles)}
    return [[i for i in range(n) if fold_of[outcomes.articles[i]] == k] for k in range(min(folds, len(articles)))]


def weighted_ece(probability: np.ndarray, right: np.ndarray, weights: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error with per-question weights: sum over equal-width bins of the bin's weight
    share times |mean probability - weighted share right| (Guo et al., 2017, with weights)."""
    edges = np.minimum((probability * bins).astype(int), bins - 1)
    total, error = weights.sum(), 0.0
    for b in range(bins):
        inside = edges == b
        w = weights[inside].sum()
        if w > 0:
            gap = (weights[inside] * (probability[inside] - right[inside])).sum() / w
            error += w / total * abs(gap)
    return float(error)
