"""The learned reader: a span model trained by ``qa train-reader`` reads windows around the best sentences.

The rule reader's sentence ranking (precomputed sentence vectors, keyword overlap, retrieval rank)
picks where to look; each window is a run of whole sentences of one chunk, cut from the raw text,
so a span's offsets inside the window plus the window's start are offsets into the raw file. An
answer's score is ``sigmoid((span - null - margin) / 4)``; the margin is calibrated on held-out
training articles when they hold unanswerable questions (0 otherwise), and the threshold on the
score in the open setting (``qa.train.calibrate_open``), also on held-out articles only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from qa.index import Index
from qa.question import Kind, Question, analyze
from qa.read import RULES_THRESHOLD, RuleReader, merge
from qa.records import Answer, Citation, Hit, Sentence, StageScores
from qa.span import DEFAULT_MODEL_DIR, SpanGuess, SpanModel, load_span_model
from qa.text import terms

# Spreads span-minus-null logit differences (about -10 to +30) over (0, 1) without saturating.
TEMPERATURE = 4.0


@dataclass(frozen=True, slots=True)
class Window:
    """Consecutive sentences of one document; ``text == raw[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    retrieval: float
    sentence_score: float


class LearnedReader:
    def __init__(
        self,
        index: Index,
        span_model: SpanModel,
        margin: float,
        threshold: float,
        passages: int,
        windows: int,
        words: int,
    ) -> None:
        self.index = index
        self.threshold = threshold
        self.span_model = span_model
        self.margin = margin
        self.windows = windows
        self.words = words
        self._ranker = RuleReader(index, passages)

    def read(self, question: str, query_vector: np.ndarray, hits: Sequence[Hit], top_n: int) -> list[Answer]:
        q = analyze(question)
        if is_definition(q):
            return [self._from_rules(a) for a in self._ranker.read(question, query_vector, hits, top_n)]
        windows = self.choose_windows(q, query_vector, hits)
        answers = []
        for g in self.span_model.guess(question, [w.text for w in windows], per_window=max(top_n, 5)):
            answer = self._answer(windows[g.context], g)
            if answer is not None and not restates(q, answer.text):
                answers.append(answer)
        return merge(sorted(answers, key=lambda a: -a.score))[:top_n]

    def _from_rules(self, answer: Answer) -> Answer:
        """A rule answer with its score mapped so that the rule threshold lands on this reader's threshold."""
        rules, learned, score = RULES_THRESHOLD, self.threshold, answer.score
        mapped = learned + (score - rules) * (1 - learned) / (1 - rules) if score >= rules else score * learned / rules
        return replace(answer, score=round(mapped, 4))

    def choose_windows(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit]) -> list[Window]:
        """Around each of the best sentences, its neighbours in the chunk, up to ``words`` words."""
        ranked = self._ranker.rank_sentences(q, query_vector, hits[: self._ranker.passages])
        chunk_of = {(s.doc_id, s.start): hit.chunk for hit in hits for s in hit.chunk.sentences}
        chosen: list[Window] = []
        for sentence, score, retrieval in ranked:
            if len(chosen) == self.windows:
                break
            if any(w.doc_id == sentence.doc_id and w.start <= sentence.start < w.end for w in chosen):
                continue
            run = _grow(chunk_of[(sentence.doc_id, sentence.start)].sentences, sentence, self.words)
            raw = self.index.document(sentence.doc_id).raw
            start, end = run[0].start, run[-1].end
            chosen.append(Window(sentence.doc_id, start, end, raw[start:end], run, retrieval, score))
        return chosen

    def _answer(self, window: Window, guess: SpanGuess) -> Answer | None:
        text = window.text[guess.start : guess.end]
        stripped = text.strip()
        if not stripped:
            return None
        start = window.start + guess.start + (len(text) - len(text.lstrip()))
        end = start + len(stripped)
        raw = self.index.document(window.doc_id).raw
        if raw[start:end] != stripped:
            raise AssertionError(f"citation check failed for {window.doc_id}[{start}:{end}]")
        confidence = _sigmoid((guess.score - guess.null - self.margin) / TEMPERATURE)
        return Answer(
            text=stripped,
            citation=Citation(window.doc_id, start, end),
            context=_context(window, start, end, raw),
            score=round(confidence, 4),
            scores=StageScores(round(window.retrieval, 4), round(window.sentence_score, 4), round(confidence, 4)),
        )


def is_definition(q: Question) -> bool:
    """ "Who is Eric Chan?", "What is the Hetao zone?": the answer is a description of a named thing.

    SQuAD's "who" questions mostly want names, so a span model trained on it answers these with
    names (measured on the seed article: "Who is Eric Chan?" → "Eric Chan Kwok-ki"). The rule
    reader's title and appositive candidates answer them; the learned reader defers to it here.
    """
    return q.kind is Kind.DESCRIBE and bool(q.target) and set(q.target) <= set(q.proper)


def restates(q: Question, span: str) -> bool:
    """A span made only of the question's words, or naming the very thing a "who/what is" asks about."""
    found = set(terms(span))
    return found <= set(q.terms) or (bool(q.target) and set(q.target) <= found)


def _grow(sentences: Sequence[Sentence], center: Sentence, words: int) -> tuple[Sentence, ...]:
    i = next(k for k, s in enumerate(sentences) if s.start == center.start)
    first = last = i
    budget = words - len(center.text.split())
    while budget > 0 and (first > 0 or last < len(sentences) - 1):
        grew = False
        for j in (last + 1, first - 1):
            if 0 <= j < len(sentences) and not first <= j <= last:
                cost = len(sentences[j].text.split())
                if cost <= budget:
                    first, last, budget, grew = min(first, j), max(last, j), budget - cost, True
        if not grew:
            break
    return tuple(sentences[first : last + 1])


def _context(window: Window, start: int, end: int, raw: str) -> Sentence:
    """The sentence holding the span, or the run of sentences when a span crosses a boundary."""
    inside = [s for s in window.sentences if s.start < end and start < s.end] or list(window.sentences)
    first, last = inside[0], inside[-1]
    if first is last:
        return first
    return Sentence(first.doc_id, first.start, last.end, raw[first.start : last.end])


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


def load_learned_factory(
    model_dir: Path | None, passages: int, windows: int, words: int, int8: bool, threads: int
) -> tuple[Any, dict[str, Any]]:
    """Load the span model once; returns ``index → LearnedReader`` and the model's metadata."""
    span_model, meta = load_span_model(model_dir or DEFAULT_MODEL_DIR, threads)
    if int8:
        span_model.quantize()
    margin = float(meta["no_answer_margin"])
    # The open-setting calibration (qa.train.calibrate_open) when it has run; else the margin itself.
    threshold = float(meta.get("threshold", 0.5))
    return (lambda index: LearnedReader(index, span_model, margin, threshold, passages, windows, words)), meta
