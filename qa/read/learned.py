"""The learned reader: a span model trained by ``qa train-reader`` reads windows around the best sentences.

Sentence ranking (shared with the rule reader) picks where to look; each window is a run of whole
sentences of one chunk, cut from the raw text, so a span's offsets inside the window plus the
window's start are offsets into the raw file. Candidate spans are the model's best token spans and,
scored by the same start/end logits, the typed spans of the window's sentences (names, numbers,
dates, lists, causes and purposes for "Why …?", and titles and appositives for "Who is NAME?"), so that
one scale ranks them all. Spans are then shaped to the question (``qa.read.shape``); for a question that
asks for several things ("Which cities …?") an item of a list stands for the whole list, for "Why …?" a
span just inside a cause or purpose for all of it, and a quantity given in two units is answered in the
one the question names (``qa.read.units``). An answer's ``reader`` score is the span
score minus the window's null ([CLS]) score minus the margin calibrated on validation articles.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from qa import runtime
from qa.config import Settings
from qa.index.store import Index
from qa.read.base import Look, cite, merge
from qa.read.credits import credit_after
from qa.read.posts import body_of_asked_persons_post, post_before_asked_place
from qa.read.question import Kind, Question, Wants
from qa.read.rules import typed_spans
from qa.read.sentences import RankedSentence, SentenceRanker, stems
from qa.read.shape import (
    at_asked_kind,
    before_asked_name,
    ends_in_a_verb,
    full_name,
    item_asked,
    misfits,
    owner_asked,
    restates,
    shape_span,
    trimmed,
    whole_list,
    whole_range,
    with_currency,
    without_asked_person,
)
from qa.read.span import (
    DEFAULT_MODEL_DIR,
    SpanModel,
    WindowLogits,
    export_span_graph,
    load_onnx_span_model,
    load_span_model,
    span_graph,
    span_model_key,
)
from qa.read.speakers import may_say, quote_denies, speaker, speaks_for, unnamed_speaker
from qa.read.units import in_asked_unit
from qa.records import Answer, Hit, Sentence, StageScores

log = logging.getLogger("qa.read.learned")

# Spreads span-minus-null logit differences (about -10 to +30) over (0, 1) without saturating.
TEMPERATURE = 4.0
SPANS_PER_WINDOW = 20
SPEAKER_WORDS = 80  # words a window may reach back for the speaker of its quotation
REASON_OPENING_WORDS = 3  # words before a span that a cause or purpose it grows to may start with


@dataclass(frozen=True, slots=True)
class Window:
    """Consecutive sentences of one document; ``text == raw[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    ranked: RankedSentence  # the sentence the window was grown around
    speaker: tuple[int, int] | None = None  # document offsets of who says it, for "Who said …?"
    credit: Sentence | None = None  # "Photo: Martin Chan" after the last sentence, for "Who took the photo …?"


class LearnedReader:
    kind = "learned"

    def __init__(
        self,
        index: Index,
        span_model: SpanModel,
        margin: float,
        passages: int,
        windows: int,
        words: int,
    ) -> None:
        self.index = index
        self.span_model = span_model
        self.margin = margin
        self.windows = windows
        self.words = words
        self.ranker = SentenceRanker(index, passages)

    def read(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit], top_n: int) -> list[Answer]:
        windows = self.choose_windows(q, query_vector, hits)
        return self._answers(q, *self._run(q, windows), top_n, _Checked())

    def looks(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit], top_n: int) -> Iterator[Look]:
        """The best window alone first (a cheap look that is often enough), then every window: the other
        windows are read in one batch and the first window's logits are reused, so going on costs what
        reading everything at once would have cost."""
        windows = self.choose_windows(q, query_vector, hits)
        first, rest = windows[:1], windows[1:]
        checked = _Checked()  # the first window's candidates are not shaped and checked again
        read, decoded = self._run(q, first)
        yield Look(tuple(self._answers(q, read, decoded, top_n, checked)), complete=not rest)
        if rest:
            more, more_decoded = self._run(q, rest)
            yield Look(tuple(self._answers(q, read + more, decoded + more_decoded, top_n, checked)), complete=True)

    def _answers(
        self,
        q: Question,
        read: list[tuple[Window, WindowLogits]],
        decoded: list[list[tuple[int, int, float]]],
        top_n: int,
        checked: _Checked,
    ) -> list[Answer]:
        votes = null_votes([logits for _, logits in read], decoded)
        answers = []
        for (window, logits), proposed in zip(read, decoded, strict=True):
            if id(logits) not in checked.spans:
                checked.spans[id(logits)] = self._spans(q, window, logits, list(proposed), checked.misfit)
            for start, end, score, rule in checked.spans[id(logits)]:
                answer = self._answer(window, start, end, score, logits.null, rule, votes)
                if answer is not None:
                    answers.append(answer)
        return merge(sorted(answers, key=lambda a: -a.score))[: max(top_n, 5)]

    def _run(
        self, q: Question, chosen: Sequence[Window]
    ) -> tuple[list[tuple[Window, WindowLogits]], list[list[tuple[int, int, float]]]]:
        # the question without its aside ("…, according to Hung?"): the name drew the model to itself, away
        # from what the person says ("…,” he said); read as asked too, where the answer's own sentence names
        # whose words they are ("…,” said Hung", "…, according to Michelin") and the aside helps
        read = self.span_model.windows(q.core, [w.text for w in chosen])
        if q.core != q.text:
            read += self.span_model.windows(q.text, [w.text for w in chosen])
        pairs = [(chosen[logits.context], logits) for logits in read]
        return pairs, [list(logits.decode(self.span_model.max_answer_tokens, SPANS_PER_WINDOW)) for logits in read]

    def _spans(
        self,
        q: Question,
        window: Window,
        logits: WindowLogits,
        proposed: list[tuple[int, int, float]],
        misfit: dict[tuple[str, int, int], bool],
    ) -> list[tuple[int, int, float, float]]:
        """Window-relative ``(start, end, span score, rule score)`` of every candidate, shaped to the question:
        the model's ``proposed`` spans and the window's typed spans. ``misfit`` keeps what ``misfits`` said of
        each document span, for the question's other spans and windows (they overlap)."""
        raw = self.index.document(window.doc_id).raw
        rules: dict[tuple[int, int], float] = {}
        typed: dict[str, list[tuple[int, int]]] = {}
        for start, end, rule, kind in typed_spans(q, window.sentences, raw):
            key = (start - window.start, end - window.start)
            score = logits.score_span(*key)
            if score is not None:
                proposed.append((*key, score))
                rules[key] = max(rules.get(key, 0.0), rule)
                typed.setdefault(kind, []).append(key)
        if window.speaker is not None:
            # "Who said …?" of a quotation whose speaker is known: that name is a candidate, no other is
            key = (window.speaker[0] - window.start, window.speaker[1] - window.start)
            score = logits.score_span(*key)
            if score is not None:
                proposed.append((*key, score))
        if window.speaker is not None and quote_denies(q, window.ranked.sentence):
            return []  # "Who described the zone as strategically unimportant?" of a quotation of its importance
        found: dict[tuple[int, int], float] = {}
        for start, end, score in proposed:
            shaped = shape_span(q, window.text, start, end)
            if shaped is None:
                continue
            at = (window.doc_id, window.start + shaped[0], window.start + shaped[1])
            if at not in misfit:
                misfit[at] = misfits(q, raw, at[1], at[2])
            if misfit[at]:
                continue
            if shaped != (start, end):
                rescored = logits.score_span(*shaped)
                score = rescored if rescored is not None else score
            if restates(q, window.text[shaped[0] : shaped[1]]):
                continue
            # Completions that keep the score the model gave the span: one end of a range stands for the
            # range, a quantity for its conversion into the unit the question asks for, and a list of names
            # for the one item the question names ("South Africa" for "Which Brics country is in Africa?").
            shaped = with_currency(window.text, *whole_range(q, window.text, *shaped))
            shaped = full_name(
                q, window.text, *before_asked_name(q, window.text, *owner_asked(q, window.text, *shaped))
            )
            shaped = at_asked_kind(q, window.text, *item_asked(q, window.text, *whole_list(q, window.text, *shaped)))
            shaped = in_asked_unit(q, window.text, *shaped)
            shaped = trimmed(q, window.text, *_grown(q, window.text, shaped, typed))
            shaped = post_before_asked_place(q, window.text, *without_asked_person(q, window.text, *shaped))
            shaped = body_of_asked_persons_post(q, window.text, *shaped)
            if ends_in_a_verb(q, window.text, *shaped):
                continue  # "What flows would easier clearance make smoother?" is not "facilitate"
            if (Wants.SPEAKER in q.wants or window.speaker is not None) and not may_say(
                window.ranked.sentence, window.speaker, window.start + shaped[0], window.start + shaped[1], raw
            ):
                continue  # "Who said …?" of a quotation: its speaker, or not what it says
            found[shaped] = max(found.get(shaped, -math.inf), score)
        return [(s, e, score, rules.get((s, e), 0.0)) for (s, e), score in found.items()]

    def choose_windows(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit]) -> list[Window]:
        """Around each of the best sentences, its neighbours in the chunk, up to ``words`` words."""
        ranked = self.ranker.rank(q, query_vector, hits)
        chunk_of = {(s.doc_id, s.start): hit.chunk for hit in hits for s in hit.chunk.sentences}
        chosen: list[Window] = []
        for r in ranked:
            if len(chosen) == self.windows:
                break
            sentence = r.sentence
            if any(w.doc_id == sentence.doc_id and w.start <= sentence.start < w.end for w in chosen):
                continue
            run = _grow(chunk_of[(sentence.doc_id, sentence.start)].sentences, sentence, self.words)
            who = speaker(sentence, self.index.sentence_before) if speaks_for(q, sentence) else None
            if who is not None:
                run = self._back_to(run, who[0])
                who = who if run[0].start <= who[0] else None
            elif (named := self._asked_speaker(q, sentence)) is not None:
                run = self._back_to(run, named[0])  # "What does Qin aim to …?" of "“We aim to …,” he said"
            raw = self.index.document(sentence.doc_id).raw
            credit = credit_after(raw, run[-1]) if Wants.CREDIT in q.wants else None
            start, end = run[0].start, (credit or run[-1]).end
            run = run if credit is None else (*run, credit)
            chosen.append(Window(sentence.doc_id, start, end, raw[start:end], run, r, who, credit))
        return chosen

    def _asked_speaker(self, q: Question, sentence: Sentence) -> tuple[int, int] | None:
        """Document offsets of the speaker of ``sentence`` when the question names them and the sentence does
        not ("What does Qin aim to establish?" of "“We aim to establish …,” he said" after "…, Mayor Qin
        Weizhong said …"): the model reads who "we" and "he" are only when the window holds the name."""
        if not (q.proper or q.said_by) or not unnamed_speaker(sentence.text):
            return None
        said = stems(sentence.text)
        missing = [name for name in (*q.proper, *q.said_by) if name not in said]
        who = speaker(sentence, self.index.sentence_before) if missing else None
        if who is None:
            return None
        named = stems(self.index.document(sentence.doc_id).raw[who[0] : who[1]])
        if not any(name in named for name in missing):
            return None
        # only when the quotation says more of what is asked, besides the speaker's name, than the sentence that
        # names the speaker, which its own window reads, and when a window may reach back to it
        said_by = self._back_to((sentence,), who[0])[0]
        besides = stems(said_by.text) - set(missing)
        if said_by.start > who[0] or self.ranker.overlap(q, said) <= self.ranker.overlap(q, besides):
            return None
        return who

    def _back_to(self, run: tuple[Sentence, ...], offset: int) -> tuple[Sentence, ...]:
        """The window reaching back to the sentence at document ``offset`` (the speaker of the quotation it
        was grown around), within ``SPEAKER_WORDS`` more words; unchanged when that is further."""
        added: list[Sentence] = []
        first = run[0]
        while first.start > offset:
            before = self.index.sentence_before(first)
            if before is None or sum(len(s.text.split()) for s in (*added, before)) > SPEAKER_WORDS:
                return run
            added.insert(0, before)
            first = before
        return (*added, *run)

    def _answer(
        self, window: Window, start: int, end: int, span: float, null: float, rule: float, votes: float
    ) -> Answer | None:
        """The answer at window offsets ``[start, end)``; None for a span outside the window's sentences
        (in the page furniture or line breaks between two of them)."""
        reader = span - null - self.margin
        confidence = _sigmoid(reader / TEMPERATURE)
        raw = self.index.document(window.doc_id).raw
        start, end = window.start + start, window.start + end
        context = _context(window, start, end, raw)
        if not context.start <= start < end <= context.end or context not in window.sentences:
            return None  # outside the window's sentences, or across two of them
        stages = StageScores(
            round(window.ranked.retrieval, 4),
            round(window.ranked.score, 4),
            round(confidence, 4),
            reader=round(reader, 4),
            passage=window.ranked.passage,
            rule=round(rule, 4),
            null_votes=round(votes, 4),
        )
        answer = cite(raw, context, start, end, confidence, stages)
        if window.speaker is not None and context != window.ranked.sentence:
            return replace(answer, support=window.ranked.sentence)  # the speaker of the quotation read
        if window.credit is not None and context == window.credit:
            return replace(answer, support=window.sentences[-2])  # the caption the credit ends
        return answer


@dataclass
class _Checked:
    """What one question's reading has already worked out: each read window's shaped candidates (by the id of
    its logits, which the looks keep) and ``misfits`` of each document span."""

    spans: dict[int, list[tuple[int, int, float, float]]] = field(default_factory=dict)
    misfit: dict[tuple[str, int, int], bool] = field(default_factory=dict)


def null_votes(windows: Sequence[WindowLogits], decoded: Sequence[Sequence[tuple[int, int, float]]]) -> float:
    """The share of windows whose null ([CLS]) score beats their best decoded span (``decoded``: each
    window's spans, best first): the model's own vote, over everything it read, that the question has
    no answer here (1.0 when nothing was read)."""
    if not windows:
        return 1.0
    votes = sum(not spans or spans[0][2] < w.null for w, spans in zip(windows, decoded, strict=True))
    return votes / len(windows)


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


_GROWS_TO = {Kind.LIST: "list", Kind.REASON: "reason"}  # the typed spans an answer to the kind grows to


def _length(span: tuple[int, int]) -> int:
    return span[1] - span[0]


def _grown(q: Question, text: str, span: tuple[int, int], typed: dict[str, list[tuple[int, int]]]) -> tuple[int, int]:
    """``span`` grown to the typed span (of ``typed``, by kind) that holds it, where the question asks for the
    whole: "Which cities …?" all of a list an item stands in; "Why …?" the whole cause or purpose of a span
    a few words after its opening ("the Karmapa" of "to seek out the Karmapa")."""
    at, to = span
    holding = [s for s in typed.get(_GROWS_TO.get(q.kind, ""), ()) if s[0] <= at and to <= s[1]]
    if q.kind is Kind.REASON:
        near = [s for s in holding if len(text[s[0] : at].split()) <= REASON_OPENING_WORDS]
        return min(near, key=lambda s: at - s[0], default=span)
    return max(holding, key=_length, default=span)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(x, 50.0), -50.0)))


def load_configured_span_model(settings: Settings) -> tuple[SpanModel, dict[str, Any]]:
    """The span model the settings ask for: ONNX Runtime by default (torch where it cannot run), fp32
    unless ``reader_int8`` or ``reader_bf16`` (bf16 runs on torch: ONNX Runtime has no bf16 matrix
    product on the CPU). The reader and ``qa eval --reading-only`` both load it here. The graph is
    exported once, in a child process, so this process never imports torch or holds its weights."""
    model_dir = settings.reader_model or DEFAULT_MODEL_DIR
    if settings.reader_backend == "onnx" and not settings.reader_bf16:
        cache = settings.index_dir / "onnx"
        threads = settings.threads or os.cpu_count() or 1
        try:
            key = span_model_key(model_dir, cache)
            if not span_graph(cache, key).is_file():
                runtime.in_child(export_span_graph, model_dir, cache, key)  # torch and the weights stay there
            span_model, meta = load_onnx_span_model(model_dir, span_graph(cache, key))
            span_model.use_onnx(cache, key, threads, int8=settings.reader_int8)
            return span_model, meta
        except (ImportError, OSError, RuntimeError) as exc:
            log.warning("ONNX Runtime span model unavailable (%s); using torch", exc)
    span_model, meta = load_span_model(model_dir)
    if settings.reader_int8 and span_model.backend == "torch":
        span_model.quantize()
    if settings.reader_bf16:
        span_model.to_bf16()
    return span_model, meta


def load_learned_factory(settings: Settings) -> tuple[Any, dict[str, Any]]:
    """Load the span model once; returns ``index → LearnedReader`` and the model's metadata."""
    span_model, meta = load_configured_span_model(settings)
    margin = float(meta["no_answer_margin"])
    passages, windows, words = settings.reader_passages, settings.reader_windows, settings.reader_window_words
    return (lambda index: LearnedReader(index, span_model, margin, passages, windows, words)), meta
