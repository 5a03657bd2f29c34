"""Hybrid search over a loaded index: dense (FAISS) and BM25, fused into one ranking."""

from __future__ import annotations

import numpy as np

from qa.config import Settings
from qa.embed import Embedder
from qa.fuse import ranked, reciprocal_rank_fusion, weighted_fusion
from qa.index import Index
from qa.records import Hit
from qa.text import terms


class Retriever:
    """``search(question, k)`` → fused ``Hit``s, each with both retrievers' ranks and scores."""

    def __init__(self, index: Index, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings

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
