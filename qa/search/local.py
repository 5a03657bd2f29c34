"""The local search backend: FAISS (dense) and BM25 over the loaded index files, fused in this process."""

from __future__ import annotations

import time
from dataclasses import dataclass

import faiss
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
        self._rows_index: Index | None = None
        self._doc_rows: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})

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

    def search(
        self, question: str, k: int, vector: np.ndarray | None = None, only: frozenset[str] | None = None
    ) -> Searched:
        index = self._index()
        timings: dict[str, float] = {}
        if vector is None:
            vector = _timed(timings, "embed", lambda: self.embedder.encode([question])[0])
        rows = None if only is None else self._rows_of(only)
        dense = _timed(timings, "dense", lambda: self.dense(vector, rows))
        sparse = _timed(timings, "bm25", lambda: self.sparse(question, rows))
        fused = _timed(timings, "fusion", lambda: fuse_ranked(self.fusion, dense, sparse, k))
        hits = assemble_hits(fused, dense, sparse, lambda row: index.chunks[row])
        return Searched(tuple(hits), timings)

    def dense(self, query_vector: np.ndarray, rows: Rows | None = None) -> list[tuple[int, float]]:
        """Chunks by the better of their own cosine and their best sentence's cosine.

        A chunk vector blurs several sentences; one sentence that matches the question closely
        is the stronger signal, so each chunk takes the maximum of the two granularities.
        """
        index = self._index()
        query = query_vector.reshape(1, -1).astype(np.float32)
        n = self.settings.candidates_per_retriever
        best: dict[int, float] = {}
        for row, score in _search(index.dense, query, n, None if rows is None else rows.chunks):
            best[row] = max(best.get(row, -1.0), score)
        for row, score in _search(index.sentence_dense, query, 2 * n, None if rows is None else rows.sentences):
            for chunk_row in index.sentence_chunks[row]:
                best[chunk_row] = max(best.get(chunk_row, -1.0), score)
        return ranked(best)[:n]

    def sparse(self, question: str, rows: Rows | None = None) -> list[tuple[int, float]]:
        found, scores = self._index().bm25.top(
            terms(question), self.settings.candidates_per_retriever, None if rows is None else rows.chunks
        )
        return [(int(r), float(s)) for r, s in zip(found, scores, strict=True)]

    def _rows_of(self, only: frozenset[str]) -> Rows:
        """The chunk and sentence rows of the documents ``only`` names (row lists made once per index)."""
        index = self._index()
        if self._rows_index is not index:
            chunks: dict[str, list[int]] = {}
            for chunk in index.chunks:
                chunks.setdefault(chunk.doc_id, []).append(chunk.chunk_id)
            sentences: dict[str, list[int]] = {}
            for row, owners in enumerate(index.sentence_chunks):
                if owners:
                    sentences.setdefault(index.chunks[owners[0]].doc_id, []).append(row)
            self._doc_rows = (chunks, sentences)
            self._rows_index = index
        chunks, sentences = self._doc_rows
        return Rows(_gather(chunks, only), _gather(sentences, only))

    def _index(self) -> Index:
        if self.index is None:
            raise RuntimeError("the local backend has not been synced with an index yet")
        return self.index


def _timed(timings: dict[str, float], stage: str, work):
    started = time.perf_counter()
    result = work()
    timings[stage] = round((time.perf_counter() - started) * 1000, 3)
    return result


EXACT_FILTER_ROWS = 50_000  # a filtered search scores up to this many rows exactly


@dataclass(frozen=True)
class Rows:
    """The chunk rows and sentence rows a filtered search may return."""

    chunks: np.ndarray
    sentences: np.ndarray


def _gather(rows: dict[str, list[int]], only: frozenset[str]) -> np.ndarray:
    return np.array(sorted(r for doc_id in only for r in rows.get(doc_id, ())), dtype=np.int64)


def _search(index, query: np.ndarray, n: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
    """FAISS search; with ``allowed``, only those rows are candidates (an ID selector inside the search)."""
    n = min(n, index.ntotal if allowed is None else len(allowed))
    if n == 0:
        return []
    if allowed is None:
        scores, rows = index.search(query, n)
    elif len(allowed) <= EXACT_FILTER_ROWS:  # few rows: score them all, exactly
        similarity = index.reconstruct_batch(allowed) @ query[0]
        best = np.argsort(-similarity, kind="stable")[:n]
        return [(int(allowed[i]), float(similarity[i])) for i in best]
    else:  # many rows: an ID selector inside the search (faiss's stubs lack these parameter classes)
        selector = faiss.IDSelectorBatch(allowed)
        params = (
            faiss.SearchParametersHNSW(sel=selector, efSearch=max(index.hnsw.efSearch, 2 * n))  # type: ignore[attr-defined]
            if hasattr(index, "hnsw")
            else faiss.SearchParameters(sel=selector)  # type: ignore[call-arg]
        )
        scores, rows = index.search(query, n, params=params)
    return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
