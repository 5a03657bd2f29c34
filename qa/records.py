"""Frozen records passed between the stages: ingest → chunk → index → retrieve → read → pipeline.

Every record that points into a document carries ``start``/``end`` character offsets into the
document's *raw* text (the file as decoded, before any cleaning), so ``raw[start:end]`` is always
the record's ``text``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of a document's raw text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Location:
    """Where text from ``start`` on (up to the next location) stands in the original file:
    a page of a PDF (1-based), and/or the path of headings above it ("Results > Table 2")."""

    start: int
    page: int | None = None
    heading: str = ""

    def as_dict(self) -> dict[str, int | str]:
        shown: dict[str, int | str] = {}
        if self.page is not None:
            shown["page"] = self.page
        if self.heading:
            shown["heading"] = self.heading
        return shown


@dataclass(frozen=True, slots=True)
class Document:
    """One file of the corpus: its raw text and the parts of it that are content.

    ``raw`` is the text that every offset points into: the decoded file for plain text and
    Markdown, the extracted text for PDF, HTML and Word files. ``sections`` are maximal runs of
    content, with page furniture (adverts, photo credits, stray page numbers, repeated page headers,
    navigation) cut out; ``blocks`` are the content lines (paragraphs, headlines, bullets, table rows)
    inside them. Both are spans of ``raw``. ``locations`` map offsets to pages and headings.
    """

    doc_id: str
    path: str
    raw: str
    sha256: str
    size: int
    sections: tuple[tuple[Span, ...], ...]
    format: str = "text"
    title: str = ""
    pages: int = 0
    locations: tuple[Location, ...] = ()

    @property
    def blocks(self) -> tuple[Span, ...]:
        return tuple(block for section in self.sections for block in section)

    def location_at(self, offset: int) -> Location | None:
        """The location that holds ``offset`` (the last one starting at or before it), if any."""
        i = bisect.bisect_right([location.start for location in self.locations], offset)
        return self.locations[i - 1] if i else None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document, ``text == raw[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """A few consecutive sentences of one section; ``text == raw[start:end]``."""

    chunk_id: int
    doc_id: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """A chunk found by hybrid retrieval, with each retriever's rank and score (None if it missed)."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    dense_score: float | None = None
    bm25_rank: int | None = None
    bm25_score: float | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an answer stands: ``document.raw[start:end] == answer.text``, and on which page or
    under which heading of the original file (``location``, where the format has one)."""

    doc_id: str
    start: int
    end: int
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class StageScores:
    """The scores behind an answer's final score.

    ``retrieval``, ``sentence`` and ``span`` are in [0, 1]; ``reader`` is the reader's own raw score
    (the span model's span-minus-null logit margin, or the rule score); ``passage`` is the 1-based
    rank of the passage the answer came from; ``rule`` is the rule score of a typed candidate (0 for a
    span that is none); ``null_votes`` is the share of the question's windows in which the span model
    voted "no answer" (the learned reader; 0 for the rules); ``verifier`` lists each feature of the answer check
    with its contribution to the log-odds of the final score.
    """

    retrieval: float
    sentence: float
    span: float
    reader: float = 0.0
    passage: int = 0
    rule: float = 0.0  # the rule score of a typed candidate (type fit, closeness, novelty); 0 for other spans
    null_votes: float = 0.0  # share of the windows read for the question whose null beat their best span
    verifier: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Answer:
    """A short span cut out of a document, the sentence around it, and how sure we are.

    ``support``: the sentence that says what the question asks when it is not the answer's own: the
    quotation whose speaker the answer names ("“We aim …,” he said" for "Qin Weizhong" of "…, Mayor Qin
    Weizhong said" before it). The answer check reads it with the context."""

    text: str
    citation: Citation
    context: Sentence
    score: float
    scores: StageScores
    also_at: tuple[Citation, ...] = ()
    support: Sentence | None = None


@dataclass(frozen=True, slots=True)
class Response:
    """What the pipeline returns for one question.

    ``answers`` are those kept (none when ``no_answer``); ``candidates`` are all scored answers before
    the no-answer decision, and ``hits`` every fused hit (``passages`` is the first few of them), so
    that evaluation never asks or retrieves twice.
    """

    question: str
    asked: str  # the question as the readers read it ("Who is Hung?" → "Who is Witman Hung Wai-man?")
    answers: tuple[Answer, ...]
    no_answer: bool
    passages: tuple[Hit, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    index_version: str = ""
    candidates: tuple[Answer, ...] = ()
    hits: tuple[Hit, ...] = ()
    threshold: float = 0.0
    # A yes/no question is never answered with a span (none says yes or no): the sentence that bears on
    # it, when one holds its names and most of its terms, to read instead.
    evidence: Sentence | None = None
