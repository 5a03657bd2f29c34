"""Hybrid search: dense and BM25 legs fused into one ranking, behind a small backend contract.

``SearchBackend`` is what the pipeline needs from a search engine: bring it in line with a built
index (``sync``, replacing or deleting chunks by document), hybrid search returning typed ``Hit``s
with each leg's rank and score, and ``stats``. ``Retriever`` is the local implementation (FAISS +
BM25 in this process, over the index files); ``qa.milvus.MilvusBackend`` is the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import faiss
import numpy as np

from qa.config import Settings
from qa.embed import Embedder
from qa.fuse import ranked, reciprocal_rank_fusion, weighted_fusion
from qa.index import Index
from qa.records import Hit
from qa.text import terms


@dataclass(frozen=True)
class SyncReport:
    """What ``sync`` changed in a backend, by document id."""

    replaced: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    unchanged: int = 0


class SearchBackend(Protocol):
    name: str

    def sync(self, index: Index) -> SyncReport:
        """Hold exactly the chunks of ``index``: replace changed documents' chunks, delete removed ones."""
        ...

    def search(self, question: str, k: int | None = None, query_vector: np.ndarray | None = None) -> list[Hit]:
        """The ``k`` best chunks by hybrid search, each with both legs' ranks and scores."""
        ...

    def stats(self) -> dict[str, object]: ...


def document_changes(held: Mapping[str, str], index: Index) -> tuple[list[str], list[str], int]:
    """(documents to (re)place, documents to delete, unchanged count) from the ``doc_id → sha256`` held."""
    wanted = {doc_id: d.sha256 for doc_id, d in index.documents.items()}
    replace = sorted(doc_id for doc_id, sha in wanted.items() if held.get(doc_id) != sha)
    delete = sorted(doc_id for doc_id in held if doc_id not in wanted)
    return replace, delete, len(wanted) - len(replace)


class Retriever:
    """The local backend: FAISS and BM25 over the loaded index files, fused in this process."""

    name = "local"

    def __init__(self, index: Index, embedder: Embedder, settings: Settings) -> None:
        self.embedder = embedder
        self.settings = settings
        # Single queries: one OpenMP thread is faster than two for FAISS on small machines.
        faiss.omp_set_num_threads(1)
        self._adopt(index)

    def _adopt(self, index: Index) -> None:
        self.index = index
        for dense in (index.dense, index.sentence_dense):
            if hasattr(dense, "hnsw"):
                dense.hnsw.efSearch = self.settings.hnsw_ef_search

    def sync(self, index: Index) -> SyncReport:
        """Adopt a newly built index (its build already replaced and deleted chunks by document)."""
        held = {doc_id: d.sha256 for doc_id, d in self.index.documents.items()}
        replace, delete, unchanged = document_changes(held, index)
        self._adopt(index)
        return SyncReport(tuple(replace), tuple(delete), unchanged)

    def stats(self) -> dict[str, object]:
        return {
            "backend": self.name,
            "documents": len(self.index.documents),
            "chunks": len(self.index.chunks),
            "dense_index": type(self.index.dense).__name__,
            "bm25_terms": len(self.index.bm25.vocabulary),
        }

    def search(self, question: str, k: int | None = None, query_vector: np.ndarray | None = None) -> list[Hit]:
        k = k or self.settings.retrieve_k
        if query_vector is None:
            query_vector = self.embedder.encode([question])[0]
        dense = self.dense(query_vector)
        sparse = self.sparse(question)
        return self.fuse(dense, sparse, k)

    def dense(self, query_vector: np.ndarray) -> list[tuple[int, float]]:
        """Chunks by the better of their own cosine and their best sentence's cosine.

        A chunk vector blurs several sentences; one sentence that matches the question closely
        is the stronger signal, so each chunk takes the maximum of the two granularities.
        """
        query = query_vector.reshape(1, -1).astype(np.float32)
        n = self.settings.candidates_per_retriever
        best: dict[int, float] = {}
        for row, score in _search(self.index.dense, query, n):
            best[row] = max(best.get(row, -1.0), score)
        for row, score in _search(self.index.sentence_dense, query, 2 * n):
            for chunk_row in self.index.sentence_chunks[row]:
                best[chunk_row] = max(best.get(chunk_row, -1.0), score)
        return ranked(best)[:n]

    def sparse(self, question: str) -> list[tuple[int, float]]:
        rows, scores = self.index.bm25.top(terms(question), self.settings.candidates_per_retriever)
        return [(int(r), float(s)) for r, s in zip(rows, scores, strict=True)]

    def fuse(self, dense: list[tuple[int, float]], sparse: list[tuple[int, float]], k: int) -> list[Hit]:
        if self.settings.fusion == "rrf":
            fused = reciprocal_rank_fusion([[r for r, _ in dense], [r for r, _ in sparse]], self.settings.rrf_k)
        else:
            fused = weighted_fusion(dict(dense), dict(sparse), self.settings.dense_weight)
        dense_at = {row: (rank, score) for rank, (row, score) in enumerate(dense, start=1)}
        sparse_at = {row: (rank, score) for rank, (row, score) in enumerate(sparse, start=1)}
        hits = []
        for row, score in ranked(fused)[:k]:
            d_rank, d_score = dense_at.get(row, (None, None))
            s_rank, s_score = sparse_at.get(row, (None, None))
            hits.append(Hit(self.index.chunks[row], score, d_rank, d_score, s_rank, s_score))
        return hits


def _search(index, query: np.ndarray, n: int) -> list[tuple[int, float]]:
    n = min(n, index.ntotal)
    if n == 0:
        return []
    scores, rows = index.search(query, n)
    return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
