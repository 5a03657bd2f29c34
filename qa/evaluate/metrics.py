"""Pure metric functions: SQuAD's answer scores, retrieval ranks, abstention, ranking and calibration figures.

No I/O and no project types beyond plain values, so that training, the benchmark and the
harness all share them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from qa.text import normalize_answer


def exact_match(prediction: str, golds: Sequence[str]) -> float:
    """SQuAD EM: 1 if the normalized prediction equals any normalized gold answer."""
    return float(any(normalize_answer(prediction) == normalize_answer(g) for g in golds)) if golds else 0.0


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD token F1: harmonic mean of token precision and recall after normalization."""
    predicted, expected = normalize_answer(prediction).split(), normalize_answer(gold).split()
    common = sum((Counter(predicted) & Counter(expected)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def f1(prediction: str, golds: Sequence[str]) -> float:
    """Max token F1 over the acceptable answers."""
    return max((token_f1(prediction, g) for g in golds), default=0.0)


def recall_at_k(ranked: Sequence[object], relevant: set, k: int) -> float:
    """1 if any of the first ``k`` items is relevant (one relevant passage per question)."""
    return float(any(item in relevant for item in ranked[:k]))


def reciprocal_rank(ranked: Sequence[object], relevant: set) -> float:
    """1 / rank of the first relevant item, 0 if none is retrieved (MRR is its mean)."""
    return next((1.0 / rank for rank, item in enumerate(ranked, start=1) if item in relevant), 0.0)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in [0, 100]) of ``values``."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def precision_recall(predicted: Sequence[bool], actual: Sequence[bool]) -> tuple[float, float]:
    """Precision and recall of the positive class (here: "no answer")."""
    true_pos = sum(p and a for p, a in zip(predicted, actual, strict=True))
    return (
        true_pos / sum(predicted) if sum(predicted) else 1.0,
        true_pos / sum(actual) if sum(actual) else 1.0,
    )


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def bootstrap_interval(values: Sequence[float], rounds: int = 2000, seed: int = 13) -> tuple[float, float]:
    """A 95 % bootstrap interval of the mean of per-question ``values`` (the questions resampled with
    replacement, seeded): how far a figure could move on another draw of as many questions. Of paired
    differences between two runs, an interval that holds 0 does not tell them apart."""
    if not values:
        return 0.0, 0.0
    import numpy as np

    data = np.asarray(values, dtype=float)
    draws = np.random.default_rng(seed).integers(0, len(data), size=(rounds, len(data)))
    means = data[draws].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float | None:
    """Area under the ROC curve: the chance that a positive scores above a negative (ties count half)."""
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    negatives = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not positives or not negatives:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):  # average ranks over ties
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positive_ranks = sum(r for r, y in zip(ranks, labels, strict=True) if y)
    n_pos, n_neg = len(positives), len(negatives)
    return (positive_ranks - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def reliability(probabilities: Sequence[float], outcomes: Sequence[bool], bins: int = 10) -> list[dict]:
    """Equal-width bins of predicted probability: count, mean prediction and observed frequency."""
    table = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [
            (p, o)
            for p, o in zip(probabilities, outcomes, strict=True)
            if low <= p < high or (b == bins - 1 and p == 1)
        ]
        if inside:
            table.append(
                {
                    "bin": f"{low:.1f}-{high:.1f}",
                    "count": len(inside),
                    "mean_score": sum(p for p, _ in inside) / len(inside),
                    "fraction_right": sum(o for _, o in inside) / len(inside),
                }
            )
    return table


def expected_calibration_error(probabilities: Sequence[float], outcomes: Sequence[bool], bins: int = 10) -> float:
    """ECE: the count-weighted mean gap between predicted probability and observed frequency per bin."""
    total = len(probabilities)
    if not total:
        return 0.0
    return sum(
        row["count"] / total * abs(row["mean_score"] - row["fraction_right"])
        for row in reliability(probabilities, outcomes, bins)
    )
