"""Fitting the verifier (``qa fit-verifier``) on validation articles of the training pool, in the open setting.

The collection is every paragraph of the reader's validation articles (recorded in its
``training.json``; never a held-out article). Its questions, answerable and SQuAD 2.0's in-paragraph
unanswerable ones, are asked against it, together with off-topic questions from other training
articles, whose paragraphs are not in the collection. The reader runs without a verifier; each
question's candidates, their features and whether each is right (F1 >= 0.5) fit the model.

The validation questions are weighted to a *prior* share of unanswerable questions, by default the
share among the training pool's SQuAD 2.0 dev questions (about one half: a collection where many
questions have no answer). Without it, the probability would be calibrated to whatever mix the
validation articles happen to have (27 % unanswerable) and would be too high wherever more
questions go unanswered.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from qa.config import Settings
from qa.errors import ConfigError
from qa.evaluate.harness import RIGHT_F1, temporary_pipeline
from qa.evaluate.metrics import f1
from qa.evaluate.squad import DEV_V20, SquadExample, training_pool
from qa.index.embed import Embedder
from qa.read.question import analyze
from qa.read.span import DEFAULT_MODEL_DIR, load_meta
from qa.read.verify import Verifier, VerifierModel, features, fit_verifier

OFF_TOPIC = 300  # off-topic questions added as unanswerable
CANDIDATES = 5


def squad2_prior(pool: list[SquadExample]) -> float:
    """The share of unanswerable questions among the training pool's SQuAD 2.0 dev questions."""
    dev = [e for e in pool if e.source == DEV_V20]
    if not dev:
        raise ConfigError(f"the training pool holds no {DEV_V20} questions to take the prior from; pass --prior")
    return round(sum(e.impossible for e in dev) / len(dev), 3)


def fit_on_validation(
    settings: Settings,
    embedder: Embedder,
    data_dir: Path,
    seed: int = 13,
    limit: int | None = None,
    prior: float | str | None = "squad2",
) -> VerifierModel:
    """``prior``: a share of unanswerable questions to calibrate for, ``"squad2"`` (the pool's SQuAD 2.0
    dev share) or None (the validation questions' own mix)."""
    meta = load_meta(settings.reader_model or DEFAULT_MODEL_DIR)
    articles = set(meta.get("validation_articles", ()))
    if not articles:
        raise ConfigError("the reader's training.json names no validation articles; retrain with `qa train-reader`")
    pool = training_pool(data_dir)
    share = squad2_prior(pool) if prior == "squad2" else prior
    if isinstance(share, str):
        raise ConfigError(f"prior must be a share between 0 and 1, 'squad2' or None, not {share!r}")
    validation = [e for e in pool if e.article in articles]
    others = [e for e in pool if e.article not in articles and not e.impossible]
    off_topic = random.Random(seed).sample(others, min(OFF_TOPIC, len(others)))
    contexts = list(dict.fromkeys(e.context for e in validation))
    documents = {f"{n:04d}.txt": context for n, context in enumerate(contexts)}
    questions = [(e.question, e.answers) for e in validation] + [(e.question, ()) for e in off_topic]
    if limit:  # a seeded sample, for smoke runs
        questions = random.Random(seed).sample(questions, min(limit, len(questions)))

    from tqdm import tqdm

    rows, answerable, f1_rows = [], [], []
    with temporary_pipeline(settings, documents, embedder, verifier=Verifier(None)) as pipeline:
        for question, golds in tqdm(questions, desc="validation questions", unit="q", mininterval=5):
            response = pipeline.ask(question, 3, threshold=0.0)
            q = analyze(response.question)
            candidates = list(response.candidates[:CANDIDATES])
            scored = [f1(a.text, golds) if golds else 0.0 for a in candidates]
            rows.append(
                [
                    (features(q, a, candidates, response.hits, pipeline.ranker), s >= RIGHT_F1)
                    for a, s in zip(candidates, scored, strict=True)
                ]
            )
            f1_rows.append(scored)
            answerable.append(bool(golds))
    model = fit_verifier(
        settings.reader, rows, answerable, lambda q, i: f1_rows[q][i] if i is not None else 0.0, prior=share
    )
    fit = {
        **model.fit,
        "validation_articles": sorted(articles),
        "paragraphs": len(documents),
        "off_topic_questions": len(off_topic),
        "reader_model": meta.get("trained_at", "") or str(settings.reader_model or "packaged"),
    }
    return replace(model, fit=fit)
