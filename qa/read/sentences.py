"""Sentence ranking, the first step of both readers: where in the retrieved passages to look.

Each sentence of the top hits is scored by dense similarity to the question (sentence vectors are
precomputed at index time), idf-weighted keyword overlap and its passage's retrieval rank, and
damped when the question's names are missing from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from qa.index.store import Index
from qa.read.names import STANDS_FOR_PERSON, any_word_of
from qa.read.question import ROLE_NOUNS, Question
from qa.records import Hit, Sentence
from qa.text import fold, stem, verb_base, words


@dataclass(frozen=True, slots=True)
class RankedSentence:
    sentence: Sentence
    score: float  # in [0, 1]
    retrieval: float  # the passage's fused score relative to the best, damped by rank
    passage: int  # 1-based rank of the passage (hit) it came from


class SentenceRanker:
    def __init__(self, index: Index, passages: int) -> None:
        self.index = index
        self.passages = passages

    def rank(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit]) -> list[RankedSentence]:
        """Every sentence of the first ``passages`` hits, best first (a sentence in two hits counts once)."""
        seen: dict[tuple[str, int], RankedSentence] = {}
        hits = hits[: self.passages]
        top = hits[0].score if hits else 1.0
        for rank, hit in enumerate(hits):
            retrieval = (hit.score / top if top > 0 else 0.0) / (1 + 0.1 * rank)
            chunk_terms = stems(hit.chunk.text)
            for sentence in hit.chunk.sentences:
                key = (sentence.doc_id, sentence.start)
                if key in seen and seen[key].retrieval >= retrieval:
                    continue
                cosine = float(self.index.sentence_vector(sentence) @ query_vector)
                sentence_terms = stems(sentence.text)
                score = sentence_score(cosine, self.overlap(q, sentence_terms), retrieval)
                missing = any(name not in sentence_terms for name in q.proper)
                before = self._referred(sentence) if missing else set()  # only a missing name is sought there
                score *= name_coverage(q.proper, sentence_terms, chunk_terms, before)
                seen[key] = RankedSentence(sentence, score, retrieval, rank + 1)
        return sorted(seen.values(), key=lambda r: -r.score)

    def _referred(self, sentence: Sentence) -> set[str]:
        """The terms of the sentence before ``sentence`` when ``sentence`` points back to it with a pronoun
        ("We aim to establish …," he said" after "…, Mayor Qin Weizhong said"), else none."""
        if not _POINTS_BACK.search(sentence.text):
            return set()
        before = self.index.sentence_before(sentence)
        return stems(before.text) if before is not None else set()

    def cosine(self, sentence: Sentence, query_vector: np.ndarray) -> float | None:
        """The dense similarity of ``sentence`` to the question (None for a span that is not an indexed sentence)."""
        row = self.index.sentence_row(sentence)
        return None if row is None else float(self.index.sentence_vectors[row] @ query_vector)

    def best_cosine(self, hits: Sequence[Hit], query_vector: np.ndarray, floor: float) -> float:
        """The best dense similarity to the question among the sentences of the passages read (at least ``floor``)."""
        rows = [
            row
            for hit in hits[: self.passages]
            for s in hit.chunk.sentences
            if (row := self.index.sentence_row(s)) is not None
        ]
        return max(float((self.index.sentence_vectors[rows] @ query_vector).max()), floor) if rows else floor

    def overlap(self, q: Question, present: set[str]) -> float:
        """idf-weighted share of the question's content terms found among ``present`` terms, or an irregular
        past form of one ("flew" for "fly": ``verb_base``). A head noun that names the kind of answer
        ("position" in "What is Witman Hung's position?") is not sought: the sentence that answers says
        "executive chairman", not "position"."""
        asked = [t for t in q.terms if not (t == q.head and t in ROLE_NOUNS)]
        if not asked:
            return 0.0
        weights = [self.idf(t) for t in asked]
        bases = {verb_base(t) for t in present}  # "fly" for "flew"
        found = sum(w for t, w in zip(asked, weights, strict=True) if t in present or verb_base(t) in bases)
        return found / sum(weights) if sum(weights) else 0.0

    def idf(self, term: str) -> float:
        bm25 = self.index.bm25
        column = bm25.vocabulary.get(term)
        return float(max(bm25.idf[column], 0.1)) if column is not None else float(max(bm25.idf.max(initial=1.0), 1.0))


def stems(text: str) -> set[str]:
    """The stems of ``text``'s words (a fresh set: callers add to it)."""
    return set(_stems(text))


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    # The same sentences and passages are stemmed again and again: for ranking, for each candidate's answer
    # check and for the citation, and by every question that retrieves them. A passage's stems take about
    # 10 kB: 4,096 of them at most about 40 MB (1,024 cost article_latency.py ~10 ms of p50).
    return frozenset(stem(fold(w)) for w, _, _ in words(text))


# A pronoun that may stand for a name of the sentence before
_POINTS_BACK = any_word_of(STANDS_FOR_PERSON | {"it", "its"})


def name_coverage(
    names: Sequence[str], sentence_terms: set[str], chunk_terms: set[str], before_terms: AbstractSet[str] = frozenset()
) -> float:
    """1 when every name in the question is in the sentence; less when only the sentence before that a pronoun
    points back to (``before_terms``), its passage, or nothing, has it.

    A sentence about Zhuhai's neighbours cannot give Zhuhai's population, and one that never names
    France cannot say who France's president is: the missing names are the strongest hint to abstain.
    """
    if not names:
        return 1.0
    return sum(
        1.0 if n in sentence_terms else 0.9 if n in before_terms else 0.75 if n in chunk_terms else 0.35 for n in names
    ) / len(names)


def sentence_score(cosine: float, overlap: float, retrieval: float) -> float:
    """Blend of dense similarity (rescaled so 0.1 → 0 and 0.7 → 1), keyword overlap and retrieval."""
    dense = min(max((cosine - 0.1) / 0.6, 0.0), 1.0)
    return min(0.55 * dense + 0.35 * overlap + 0.1 * retrieval, 1.0)
