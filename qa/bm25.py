"""Okapi BM25 with rank_bm25's ``BM25Okapi`` definition, scored as one sparse matrix product.

score(q, d) = Σ_{t ∈ q} idf(t) · tf(t, d) · (k1 + 1) / (tf(t, d) + k1 · (1 − b + b · |d| / avgdl))
idf(t) = ln(N − n(t) + 0.5) − ln(n(t) + 0.5); a negative idf is replaced by ε · mean(idf), as
rank_bm25 does, so a term found in most chunks of a tiny corpus still counts a little.
Query terms are counted with multiplicity, like rank_bm25's loop over the query tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

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
        lengths = np.zeros(len(corpus), dtype=np.float64)
        for row, tokens in enumerate(corpus):
            lengths[row] = len(tokens)
            for term, count in Counter(tokens).items():
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
        n_docs = len(corpus)
        tf = sparse.csr_matrix((np.asarray(counts, dtype=np.float64), (rows, cols)), shape=(n_docs, len(vocabulary)))
        doc_freqs = np.bincount(np.asarray(cols, dtype=np.int64), minlength=len(vocabulary)).astype(np.float64)
        self.idf = idf_weights(doc_freqs, n_docs, epsilon)
        avgdl = float(lengths.mean()) if n_docs else 0.0
        norm = k1 * (1 - b + b * lengths / avgdl) if avgdl else np.full(n_docs, k1)
        tf = tf.tocoo()
        weights = self.idf[tf.col] * tf.data * (k1 + 1) / (tf.data + norm[tf.row])
        self.matrix = sparse.csc_matrix((weights, (tf.row, tf.col)), shape=tf.shape)
        self.vocabulary = vocabulary
        self.n_docs = n_docs

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """BM25 score of every chunk for the query terms (unknown terms score nothing)."""
        counts = Counter(self.vocabulary[t] for t in query if t in self.vocabulary)
        if not counts:
            return np.zeros(self.n_docs, dtype=np.float64)
        columns = list(counts)
        weights = np.asarray([counts[c] for c in columns], dtype=np.float64)
        return np.asarray(self.matrix[:, columns] @ weights).ravel()

    def top(self, query: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """Row ids and scores of the ``k`` best chunks with a positive score, best first."""
        scores = self.scores(query)
        positive = np.flatnonzero(scores > 0)
        if positive.size == 0:
            return positive, scores[positive]
        k = min(k, positive.size)
        best = positive[np.argpartition(-scores[positive], k - 1)[:k]]
        order = np.lexsort((best, -scores[best]))
        return best[order], scores[best[order]]
