"""The local search backend: FAISS (dense) and BM25 over the loaded index files, fused in this process."""

from __future__ import annotations

import time

import numpy as np

from qa.config import Settings
from qa.index.embed import Embedder
from qa.index.store import Index
from qa.search.contract import Searched, SyncReport, assemble_hits, document_changes, fuse_ranked, make_fusion
from qa.search.fuse import ranked
from qa.text import terms


class Retriever:
    """The local backend: FAISS and BM25 over the loaded index files, fused in this process."""

    name = "local"

    def __init__(self, embedder: Embedder, settings: Settings) -> None:
        self.embedder = embedder
        self.settings = settings
        self.fusion = make_fusion(settings)
        self.index: Index | None = None

    def sync(self, index: Index) -> SyncReport:
        """Adopt a built index (its build already replaced and deleted chunks by document)."""
        held = {doc_id: d.sha256 for doc_id, d in self.index.documents.items()} if self.index else {}
        replace, delete, unchanged = document_changes(held, index)
        for dense in (index.dense, index.sentence_dense):
            if hasattr(dense, "hnsw"):
                dense.hnsw.efSearch = self.settings.hnsw_ef_search
        self.index = index
        return SyncReport(tuple(replace), tuple(delete), unchanged)

    def stats(self) -> dict[str, object]:
        index = self._index()
        return {
            "backend": self.name,
            "documents": len(index.documents),
            "chunks": len(index.chunks),
            "dense_index": type(index.dense).__name__,
            "bm25_terms": len(index.bm25.vocabulary),
        }

    def search(self, question: str, k: int, vector: np.ndarray | None = None) -> Searched:
        index = self._index()
        timings: dict[str, float] = {}
        if vector is None:
            vector = _timed(timings, "embed", lambda: self.embedder.encode([question])[0])
        dense = _timed(timings, "dense", lambda: self.dense(vector))
        sparse = _timed(timings, "bm25", lambda: self.sparse(question))
        fused = _timed(timings, "fusion", lambda: fuse_ranked(self.fusion, dense, sparse, k))
        hits = assemble_hits(fused, dense, sparse, lambda row: index.chunks[row])
        return Searched(tuple(hits), timings)

    def dense(self, query_vector: np.ndarray) -> list[tuple[int, float]]:
        """Chunks by the better of their own cosine and their best sentence's cosine.

        A chunk vector blurs several sentences; one sentence that matches the question closely
        is the stronger signal, so each chunk takes the maximum of the two granularities.
        """
        index = self._index()
        query = query_vector.reshape(1, -1).astype(np.float32)
        n = self.settings.candidates_per_retriever
        best: dict[int, float] = {}
        for row, score in _search(index.dense, query, n):
            best[row] = max(best.get(row, -1.0), score)
        for row, score in _search(index.sentence_dense, query, 2 * n):
            for chunk_row in index.sentence_chunks[row]:
                best[chunk_row] = max(best.get(chunk_row, -1.0), score)
        return ranked(best)[:n]

    def sparse(self, question: str) -> list[tuple[int, float]]:
        rows, scores = self._index().bm25.top(terms(question), self.settings.candidates_per_retriever)
        return [(int(r), float(s)) for r, s in zip(rows, scores, strict=True)]

    def _index(self) -> Index:
        if self.index is None:
            raise RuntimeError("the local backend has not been synced with an index yet")
        return self.index


def _timed(timings: dict[str, float], stage: str, work):
    started = time.perf_counter()
    result = work()
    timings[stage] = round((time.perf_counter() - started) * 1000, 3)
    return result


def _search(index, query: np.ndarray, n: int) -> list[tuple[int, float]]:
    n = min(n, index.ntotal)
    if n == 0:
        return []
    scores, rows = index.search(query, n)
    return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
