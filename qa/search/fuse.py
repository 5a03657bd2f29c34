"""Fusion of ranked lists into one ranking: pure functions, chosen by ``Settings.fusion``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], k: int = 60) -> dict[int, float]:
    """RRF (Cormack, Clarke & Büttcher, SIGIR 2009): score(d) = Σ_r 1 / (k + rank_r(d)), rank from 1."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


def min_max(scores: Mapping[int, float]) -> dict[int, float]:
    """Scale scores to [0, 1]; all-equal scores become 1."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    if high == low:
        return {item: 1.0 for item in scores}
    return {item: (value - low) / (high - low) for item, value in scores.items()}


def weighted_fusion(dense: Mapping[int, float], sparse: Mapping[int, float], dense_weight: float) -> dict[int, float]:
    """Convex combination of min-max-normalized scores; a list that misses an item gives it 0."""
    dense_n, sparse_n = min_max(dense), min_max(sparse)
    return {
        item: dense_weight * dense_n.get(item, 0.0) + (1 - dense_weight) * sparse_n.get(item, 0.0)
        for item in dense_n.keys() | sparse_n.keys()
    }


def ranked(scores: Mapping[int, float]) -> list[tuple[int, float]]:
    """Items best first; ties broken by the smaller id so results are deterministic."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
