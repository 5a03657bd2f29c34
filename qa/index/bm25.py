"""Okapi BM25 with rank_bm25's ``BM25Okapi`` definition, scored as one sparse matrix product.

score(q, d) = Σ_{t ∈ q} idf(t) · tf(t, d) · (k1 + 1) / (tf(t, d) + k1 · (1 − b + b · |d| / avgdl))
idf(t) = ln(N − n(t) + 0.5) − ln(n(t) + 0.5); a negative idf is replaced by ε · mean(idf), as
rank_bm25 does, so a term found in most chunks of a tiny corpus still counts a little.
Query terms are counted with multiplicity, like rank_bm25's loop over the query tokens.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

K1 = 1.5
B = 0.75
EPSILON = 0.25


def idf_weights(doc_freqs: np.ndarray, n_docs: int, epsilon: float = EPSILON) -> np.ndarray:
    """rank_bm25's BM25Okapi idf, including its ε·mean floor for negative values."""
    idf = np.log(n_docs - doc_freqs + 0.5) - np.log(doc_freqs + 0.5)
    floor = epsilon * float(idf.mean()) if len(idf) else 0.0
    return np.where(idf < 0, floor, idf)


class BM25:
    """Term weights precomputed per (chunk, term); a query is a sparse-vector product."""

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float = K1, b: float = B, epsilon: float = EPSILON):
        vocabulary: dict[str, int] = {}
        rows, cols, counts = [], [], []
        for row, tokens in enumerate(corpus):
            for term, count in Counter(tokens).items():
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
        shape = (len(corpus), len(vocabulary))
        tf = sparse.csr_matrix((np.asarray(counts, dtype=np.float64), (rows, cols)), shape=shape)
        self._weigh(tf, vocabulary, k1, b, epsilon)

    @classmethod
    def from_term_counts(
        cls, tf: sparse.spmatrix, vocabulary: dict[str, int], k1: float = K1, b: float = B, epsilon: float = EPSILON
    ) -> BM25:
        """From a (chunks × terms) matrix of term counts: the way to build very large synthetic indexes."""
        bm25 = cls.__new__(cls)
        bm25._weigh(sparse.csr_matrix(tf, dtype=np.float64), vocabulary, k1, b, epsilon)
        return bm25

    def _weigh(self, tf: sparse.csr_matrix, vocabulary: dict[str, int], k1: float, b: float, epsilon: float) -> None:
        n_docs = tf.shape[0]
        lengths = np.asarray(tf.sum(axis=1)).ravel()
        doc_freqs = np.bincount(tf.indices, minlength=tf.shape[1]).astype(np.float64)
        self.idf = idf_weights(doc_freqs, n_docs, epsilon)
        avgdl = float(lengths.mean()) if n_docs else 0.0
        norm = k1 * (1 - b + b * lengths / avgdl) if avgdl else np.full(n_docs, k1)
        row_of = np.repeat(np.arange(n_docs), np.diff(tf.indptr))
        data = tf.data
        weights = self.idf[tf.indices] * data * (k1 + 1) / (data + norm[row_of])
        self.matrix = sparse.csr_matrix((weights, tf.indices, tf.indptr), shape=tf.shape).tocsc()
        self.vocabulary = vocabulary
        self.n_docs = n_docs

    def save(self, matrix_path: Path, vocabulary_path: Path) -> None:
        """The weighted (chunks × terms) matrix and idf as one ``.npz``, the vocabulary as JSON."""
        m = self.matrix
        with open(matrix_path, "wb") as handle:  # a file object: np.savez would add ".npz" to a path
            np.savez(handle, data=m.data, indices=m.indices, indptr=m.indptr, shape=np.asarray(m.shape), idf=self.idf)
        vocabulary_path.write_text(json.dumps(self.vocabulary, ensure_ascii=False))

    @classmethod
    def load(cls, matrix_path: Path, vocabulary_path: Path, rows: int) -> BM25:
        """What ``save`` wrote; only reads (no re-tokenizing, no re-weighing). ``rows``: the chunk count."""
        with np.load(matrix_path, allow_pickle=False) as arrays:
            shape = tuple(int(x) for x in arrays["shape"])
            matrix = sparse.csc_matrix((arrays["data"], arrays["indices"], arrays["indptr"]), shape=shape)
            idf = arrays["idf"]
        vocabulary = json.loads(vocabulary_path.read_text())
        if shape != (rows, len(vocabulary)) or len(idf) != len(vocabulary):
            raise ValueError(f"BM25 files disagree: matrix {shape}, {len(vocabulary)} terms, {rows} chunks")
        bm25 = cls.__new__(cls)
        bm25.matrix, bm25.idf, bm25.vocabulary, bm25.n_docs = matrix, idf, vocabulary, rows
        return bm25

    def rows_with(self, term: str) -> np.ndarray:
        """The chunk rows that hold ``term`` (an index term), as the column stores them (row order); empty
        for an unknown term."""
        column = self.vocabulary.get(term)
        if column is None:
            return np.zeros(0, dtype=np.int64)
        return self.matrix.indices[self.matrix.indptr[column] : self.matrix.indptr[column + 1]]

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the query terms (unknown terms score nothing)."""
        counts = Counter(self.vocabulary[t] for t in query if t in self.vocabulary)
        if not counts:
            return np.zeros(self.n_docs, dtype=np.float64)
        columns = list(counts)
        weights = np.asarray([counts[c] for c in columns], dtype=np.float64)
        return np.asarray(self.matrix[:, columns] @ weights).ravel()

    def top(self, query: Sequence[str], k: int, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Row ids and scores of the ``k`` best chunks with a positive score, best first (among ``rows``)."""
        scores = self.scores(query)
        positive = np.flatnonzero(scores > 0) if rows is None else rows[scores[rows] > 0]
        if positive.size == 0:
            return positive, scores[positive]
        k = min(k, positive.size)
        best = positive[np.argpartition(-scores[positive], k - 1)[:k]]
        order = np.lexsort((best, -scores[best]))
        return best[order], scores[best[order]]
