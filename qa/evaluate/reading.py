"""The span model alone, given each question's own paragraph: how much of the error is reading.

Used to choose the training epoch on validation articles, and by ``qa eval --squad … --gold-paragraph``
on the held-out articles (the figure that a standard extractive QA pipeline reports).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qa.errors import ConfigError
from qa.evaluate.metrics import exact_match, f1, mean
from qa.evaluate.squad import SquadExample
from qa.read.span import SpanModel, load_meta


def reader_validation_articles(model_dir: Path) -> set[str]:
    """The articles a trained reader held out for validation, as its ``training.json`` names them (inside
    the training pool): where its verifier is fitted and its settings are chosen, never the held-out ones."""
    articles = set(load_meta(model_dir).get("validation_articles", ()))
    if not articles:
        raise ConfigError("the reader's training.json names no validation articles; retrain with `qa train-reader`")
    return articles


def best_span(span_model: SpanModel, example: SquadExample) -> str:
    """The span model's best span in the example's own paragraph ("" when it proposes none)."""
    guesses = span_model.guess(example.question, [example.context], per_window=1)
    best = max(guesses, key=lambda g: g.score, default=None)
    return example.context[best.start : best.end] if best else ""


def read_paragraphs(span_model: SpanModel, examples: Sequence[SquadExample]) -> dict[str, Any]:
    """Validation figures given each question's own paragraph (the reader alone, no retrieval).

    HasAns EM/F1 of the best span, how often the model itself votes "no answer" (best span below the
    null score) on unanswerable and answerable questions, and the margin on ``span - null`` that
    maximises SQuAD 2.0 F1 (the null score is the lowest [CLS] score over a question's windows).
    """
    rows = []
    for e in examples:
        guesses = span_model.guess(e.question, [e.context], per_window=1)
        best = max(guesses, key=lambda g: g.score, default=None)
        null = min((g.null for g in guesses), default=0.0)
        text = e.context[best.start : best.end] if best else ""
        diff = (best.score - null) if best else -math.inf
        rows.append((e, text, diff))
    answerable = [(e, t, d) for e, t, d in rows if not e.impossible]
    impossible = [(e, t, d) for e, t, d in rows if e.impossible]
    report: dict[str, Any] = {
        "questions": len(rows),
        "unanswerable": len(impossible),
        "has_answer_em": mean(exact_match(t, e.answers) for e, t, _ in answerable),
        "has_answer_f1": mean(f1(t, e.answers) for e, t, _ in answerable),
        "no_answer_votes_on_unanswerable": mean(d <= 0 for _, _, d in impossible) if impossible else None,
        "no_answer_votes_on_answerable": mean(d <= 0 for _, _, d in answerable),
    }
    margin, best_f1 = best_margin(rows)
    report.update({"no_answer_margin": margin, "overall_f1_at_margin": best_f1})
    return report


def best_margin(rows: Sequence[tuple[SquadExample, str, float]]) -> tuple[float, float]:
    """The margin on ``span - null`` that maximises SQuAD 2.0 F1 (a refusal scores 1 only if impossible)."""
    if not rows:
        return 0.0, 0.0
    if not any(e.impossible for e, _, _ in rows):
        # Without unanswerable questions any margin below every score "wins": nothing to calibrate.
        return 0.0, mean(f1(t, e.answers) if d > 0 else 0.0 for e, t, d in rows)
    answered_gain = [f1(t, e.answers) if not e.impossible else 0.0 for e, t, _ in rows]
    refused_gain = [1.0 if e.impossible else 0.0 for e, _, _ in rows]
    candidates = sorted({round(d, 3) for _, _, d in rows if math.isfinite(d)})
    best = (-math.inf, -math.inf)
    for margin in [-math.inf, *candidates]:
        score = sum(a if d > margin else r for (_, _, d), a, r in zip(rows, answered_gain, refused_gain, strict=True))
        if score > best[1] + 1e-9:
            best = (margin, score)
    margin = best[0] if math.isfinite(best[0]) else min(candidates, default=0.0) - 1.0
    return float(margin), best[1] / len(rows)
