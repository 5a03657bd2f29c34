"""The search-backend contract, and the one hit assembly that every backend shares.

A backend is made from ``(embedder, settings)``, brought in line with a built index by ``sync``
(every index it serves goes through ``sync``, the first and every rebuilt one), and answers
``search(question, k, vector, only)`` with ``Searched``: typed hits, each with both legs' ranks and
scores, and the backend's own stage timings. The fusion function is chosen once, at construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from qa.config import Settings
from qa.index.store import Index
from qa.records import Chunk, Hit
from qa.search.fuse import ranked, reciprocal_rank_fusion, weighted_fusion

Scored = list[tuple[int, float]]  # (chunk key: a local row or a Milvus primary key, score), best first
Fusion = Callable[[Scored, Scored], dict[int, float]]


@dataclass(frozen=True)
class SyncReport:
    """What ``sync`` changed in a backend, by document id."""

    replaced: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    unchanged: int = 0


@dataclass(frozen=True)
class Searched:
    """The fused hits, best first, and how long each of the backend's stages took (ms)."""

    hits: tuple[Hit, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)


class SearchBackend(Protocol):
    name: str

    def sync(self, index: Index) -> SyncReport:
        """Hold exactly the chunks of ``index``: replace changed documents' chunks, delete removed ones."""
        ...

    def search(
        self, question: str, k: int, vector: np.ndarray | None = None, only: frozenset[str] | None = None
    ) -> Searched:
        """The ``k`` best chunks by hybrid search, each with both legs' ranks and scores; with ``only``,
        the best chunks of those documents (a filter inside the search, not after it)."""
        ...

    def stats(self) -> dict[str, object]: ...


def make_fusion(settings: Settings) -> Fusion:
    """Reciprocal rank fusion (k = ``rrf_k``) or min-max weighted fusion, as ``settings.fusion`` says."""
    if settings.fusion == "rrf":
        k = settings.rrf_k
        return lambda dense, sparse: reciprocal_rank_fusion([[r for r, _ in dense], [r for r, _ in sparse]], k)
    weight = settings.dense_weight
    return lambda dense, sparse: weighted_fusion(dict(dense), dict(sparse), weight)


def assemble_hits(
    fused: Sequence[tuple[int, float]],
    dense: Scored,
    sparse: Scored,
    chunk_of: Callable[[int], Chunk | None],
) -> list[Hit]:
    """``Hit`` records in fused order, each with its rank and score in either leg (None where it missed)."""
    dense_at = {key: (rank, score) for rank, (key, score) in enumerate(dense, start=1)}
    sparse_at = {key: (rank, score) for rank, (key, score) in enumerate(sparse, start=1)}
    hits = []
    for key, score in fused:
        chunk = chunk_of(key)
        if chunk is None:  # a row the local index does not know (a remote collection ahead of it)
            continue
        d_rank, d_score = dense_at.get(key, (None, None))
        s_rank, s_score = sparse_at.get(key, (None, None))
        hits.append(Hit(chunk, float(score), d_rank, d_score, s_rank, s_score))
    return hits


def fuse_ranked(fusion: Fusion, dense: Scored, sparse: Scored, k: int) -> Scored:
    return ranked(fusion(dense, sparse))[:k]


def document_changes(held: Mapping[str, str], index: Index) -> tuple[list[str], list[str], int]:
    """(documents to (re)place, documents to delete, unchanged count) from the ``doc_id → sha256`` held."""
    wanted = {doc_id: d.sha256 for doc_id, d in index.documents.items()}
    replace = sorted(doc_id for doc_id, sha in wanted.items() if held.get(doc_id) != sha)
    delete = sorted(doc_id for doc_id in held if doc_id not in wanted)
    return replace, delete, len(wanted) - len(replace)
