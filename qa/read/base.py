"""What every reader shares: the ``Reader`` contract, the one citation check, and merging of answers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from qa.read.question import Question
from qa.records import Answer, Citation, Hit, Sentence, StageScores
from qa.text import answer_key


@dataclass(frozen=True, slots=True)
class Look:
    """The candidate answers after reading part of what the reader chose (``complete``: all of it)."""

    answers: tuple[Answer, ...]
    complete: bool


class Reader(Protocol):
    """Turns a question and fused hits into ranked candidate answers; every answer's citation is exact.

    ``kind`` names the reader ("learned", "rules"); the verifier is fitted for each kind. ``read``
    reads everything at once; ``looks`` reads in steps, each look's answers covering all read so far
    and the last one complete, so that a caller may stop after a sure first look and never pays for
    reading anything twice.
    """

    kind: str

    def read(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit], top_n: int) -> list[Answer]: ...

    def looks(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit], top_n: int) -> Iterator[Look]: ...


class CitationError(AssertionError):
    """An answer's text is not the very characters of the raw document at its offsets."""


def cite(raw: str, context: Sentence, start: int, end: int, score: float, scores: StageScores) -> Answer:
    """An answer cut from ``context`` at raw offsets ``[start, end)``, checked against the raw document.

    The text is taken from the context record and must equal ``raw[start:end]``: the one place where
    the promise "every answer is a substring of the document at its citation" is enforced.
    """
    text = context.text[start - context.start : end - context.start]
    if not (context.start <= start < end <= context.end) or raw[start:end] != text or not text.strip():
        raise CitationError(f"citation check failed for {context.doc_id}[{start}:{end}]")
    return Answer(text, Citation(context.doc_id, start, end), context, round(score, 4), scores)


def overlaps(a: Citation, b: Citation) -> bool:
    """Two citations share characters of one document."""
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def merge(answers: Sequence[Answer]) -> list[Answer]:
    """Fold answers with the same text (``answer_key``: normalized, possessives dropped), or overlapping in one
    place, into the best one.

    ``answers`` must come best first; the survivors keep that order.
    """
    kept: list[Answer] = []
    keys: list[str] = []  # each kept answer's key, worked out once
    for answer in answers:
        key = answer_key(answer.text)
        for i, best in enumerate(kept):
            same_text = keys[i] == key
            if same_text or overlaps(best.citation, answer.citation):
                if same_text and answer.citation not in best.also_at and answer.citation != best.citation:
                    kept[i] = replace(best, also_at=(*best.also_at, answer.citation))
                break
        else:
            kept.append(answer)
            keys.append(key)
    return kept
