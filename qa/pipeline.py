"""The one entry point that the API, the CLI and the evaluation call: question → Response.

One front half for every reader: the question is validated and analysed once; the backend
searches; the reader proposes candidate answers; the verifier turns them into calibrated
probabilities; ``abstains`` decides "no answer" in one place. The response keeps every candidate
and every hit, so evaluation never asks or retrieves twice.
"""

from __future__ import annotations

import fnmatch
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TypeVar

import numpy as np

from qa.config import Settings
from qa.errors import InvalidRequestError
from qa.index.embed import Embedder, embedder_for
from qa.index.store import Index, check_compatible, load_index
from qa.read.asked import as_question, respell, spell_out, truecase, with_full_name
from qa.read.base import Reader, cite
from qa.read.credits import in_caption
from qa.read.question import Question, analyze, asks_definition
from qa.read.rules import RULES_THRESHOLD, RuleReader
from qa.read.sentences import SentenceRanker, stems
from qa.read.shape import misfits
from qa.read.span import DEFAULT_MODEL_DIR
from qa.read.verify import Verifier, VerifierModel, abstains, model_path
from qa.records import Answer, Citation, Hit, Response, Sentence
from qa.search.contract import SearchBackend
from qa.tokens import load_tokenizer

T = TypeVar("T")
_GLOB = re.compile(r"[*?\[]")
CITE_MARGIN = 0.05  # how much more of the question (idf-weighted share) another sentence must hold to be cited
EVIDENCE_OVERLAP = 0.5  # the share of a yes/no question's terms (idf-weighted) its evidence sentence must hold
ReaderFactory = Callable[[Index], Reader]


def make_backend(index: Index, embedder: Embedder, settings: Settings) -> SearchBackend:
    """The search backend that ``settings.backend`` names, synced with ``index``."""
    backend: SearchBackend
    if settings.backend == "local":
        from qa.search.local import Retriever

        backend = Retriever(embedder, settings)
    else:
        from qa.search.milvus import MilvusBackend

        backend = MilvusBackend(embedder, settings)
    backend.sync(index)
    return backend


def make_reader_factory(settings: Settings) -> ReaderFactory:
    """Readers are cheap to make per index; anything heavy (a model) is loaded once, here."""
    if settings.reader == "rules":
        return lambda index: RuleReader(index, settings.reader_passages)
    from qa.read.learned import load_learned_factory

    factory, _ = load_learned_factory(settings)
    return factory


def load_verifier(settings: Settings) -> Verifier:
    """The verifier fitted for the configured reader; without one, answers keep the reader's own score."""
    path = model_path(settings.reader, settings.reader_model)
    fallback = RULES_THRESHOLD if settings.reader == "rules" else 0.5
    if not path.is_file():
        return Verifier(None, fallback)
    return Verifier(VerifierModel.load(path).calibrated_for(settings.calibration), fallback)


class Pipeline:
    """Retrieve, read, verify and decide whether to abstain, over one loaded index."""

    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        settings: Settings,
        reader_factory: ReaderFactory | None = None,
        verifier: Verifier | None = None,
        definition_verifier: Verifier | None = None,
    ) -> None:
        check_compatible(index, settings, embedder.name, embedder.dim)
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.backend = make_backend(index, embedder, settings)
        self.reader_factory = reader_factory or make_reader_factory(settings)
        self.reader = self.reader_factory(index)
        self.verifier = verifier or load_verifier(settings)
        self.ranker = SentenceRanker(index, settings.reader_passages)
        self._common_word = load_tokenizer(DEFAULT_MODEL_DIR).knows_whole  # the packaged reader's vocabulary
        # Definitions ("Who is NAME?") go to the rule reader's titles and appositives, scored by its own
        # fitted verifier: a span model trained on SQuAD answers them with names. Decided here, only.
        self.definitions: tuple[Reader, Verifier] | None = None
        if settings.reader == "learned":
            rules_verifier = definition_verifier or load_verifier(settings.with_(reader="rules"))
            if rules_verifier.model is not None:
                self.definitions = (RuleReader(index, settings.reader_passages), rules_verifier)

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder | None = None) -> Pipeline:
        embedder = embedder or embedder_for(settings)
        return cls(load_index(settings.index_dir), embedder, settings)

    @property
    def threshold(self) -> float:
        """Answers scoring below this mean "no answer": the setting if given, else the verifier's fitted one."""
        configured = self.settings.no_answer_threshold
        return self.verifier.threshold if configured is None else configured

    def analyze(self, question: str) -> Question:
        """The question as the readers read it (``qa/read/asked.py``): a name misspelt by a letter as the
        documents spell it ("Shenzen"); one typed all in lower case (or capitals) with its words cased as
        the documents write them ("who is eric chan?" names Eric Chan); a bare name as the question it asks
        ("eric chan?" → "What is Eric Chan?"); a request or a wrapped question as the plain question ("Can
        you tell me who Eric Chan is?"); and a person asked about by one word of the name by the whole
        name, where the documents name one ("Who is Qin?" → "Who is Qin Weizhong?")."""
        forms = self.index.surface_forms
        spelt = spell_out(question, self.index.spelt_out, forms, self._common_word, len(self.index.chunks))
        typed = truecase(respell(spelt, self.index.respelled, forms, self._common_word), forms, self.index.names_with)
        return analyze(with_full_name(as_question(typed, forms), self.index.names_with))

    def route(self, q: Question) -> tuple[Reader, Verifier]:
        """The reader and verifier that answer ``q``: the configured ones, or the definition path."""
        if self.definitions is not None and asks_definition(q):
            return self.definitions
        return self.reader, self.verifier

    def with_index(self, index: Index) -> Pipeline:
        """The same models and settings over another index (after a rebuild)."""
        definition_verifier = self.definitions[1] if self.definitions else None
        return Pipeline(index, self.embedder, self.settings, self.reader_factory, self.verifier, definition_verifier)

    def ask(
        self,
        question: str,
        top_n: int | None = None,
        *,
        threshold: float | None = None,
        documents: Sequence[str] | None = None,
    ) -> Response:
        """Answer ``question``; ``threshold`` overrides the no-answer threshold; ``documents`` (ids or glob
        patterns) limits the search to the documents they match."""
        question = self.validate(question)
        only = None if documents is None else self.select(documents)
        top_n = self.settings.top_n if top_n is None else top_n
        if not 1 <= top_n <= self.settings.max_top_n:
            raise InvalidRequestError(f"top_n must be between 1 and {self.settings.max_top_n}, not {top_n}")
        timings: dict[str, float] = {}
        q = self.analyze(question)
        reader, verifier = self.route(q)
        if threshold is None:
            configured = self.settings.no_answer_threshold
            threshold = verifier.threshold if configured is None else configured
        # searched for as read: "Can you tell me who Qin is?" as "Who is Qin Weizhong?"
        vector = _timed(timings, "embed", lambda: self.embedder.encode([q.text])[0])
        searched = self.backend.search(q.text, self.settings.retrieve_k, vector, only)
        timings.update(searched.timings_ms)
        hits = list(searched.hits)
        # A yes/no question has no span to propose (none says yes or no): nothing is read, so the one
        # abstention rule refuses it here, in evaluation and at any threshold; its evidence is shown instead.
        evidence = _timed(timings, "evidence", lambda: self.evidence(q, vector, hits)) if q.polar else None
        candidates = [] if q.polar else self._read(q, reader, verifier, vector, hits, top_n, timings)
        candidates = self.cited_where_said(q, candidates, hits)
        no_answer = abstains(candidates, threshold)
        timings["total"] = round(sum(timings.values()), 3)
        return Response(
            question=question,
            asked=q.text,
            answers=() if no_answer else tuple(self.locate(answer) for answer in candidates[:top_n]),
            no_answer=no_answer,
            passages=tuple(hits[: self.settings.reader_passages]),
            timings_ms=timings,
            index_version=self.index.version,
            candidates=tuple(candidates),
            hits=tuple(hits),
            threshold=threshold,
            evidence=evidence,
        )

    def evidence(self, q: Question, vector: np.ndarray, hits: Sequence[Hit]) -> Sentence | None:
        """For a yes/no question, the best-ranked sentence of the passages read, when it holds every name of
        the question and at least half of its terms (idf-weighted); else None: nothing bears on it."""
        ranked = self.ranker.rank(q, vector, hits)
        if not ranked:
            return None
        best = ranked[0].sentence
        terms = stems(best.text)
        holds = all(name in terms for name in q.proper) and self.ranker.overlap(q, terms) >= EVIDENCE_OVERLAP
        return best if holds else None

    def _read(
        self,
        q: Question,
        reader: Reader,
        verifier: Verifier,
        vector: np.ndarray,
        hits: list[Hit],
        top_n: int,
        timings: dict[str, float],
    ) -> list[Answer]:
        """The verified candidates. With ``exit_probability``, the reader's first look (its best window) is
        verified, and reading goes on only when the best answer is less sure than that; the stages of an
        incomplete look are timed as ``read_first`` and ``verify_first``."""
        exit_at = self.settings.exit_probability
        if exit_at is None:
            proposed = _timed(timings, "read", lambda: reader.read(q, vector, hits, top_n))
            return _timed(timings, "verify", lambda: verifier.rescore(q, proposed, hits, self.ranker, vector))
        looks = reader.looks(q, vector, hits, top_n)
        while True:
            started = time.perf_counter()
            look = next(looks)
            suffix = "" if look.complete else "_first"
            timings["read" + suffix] = round((time.perf_counter() - started) * 1000, 3)
            rescore = partial(verifier.rescore, q, look.answers, hits, self.ranker, vector)
            scored = _timed(timings, "verify" + suffix, rescore)
            if look.complete or (scored and scored[0].score >= exit_at):
                return scored

    def cited_where_said(self, q: Question, candidates: Sequence[Answer], hits: Sequence[Hit]) -> list[Answer]:
        """Each answer cited where its sentence says most of what the question asks. The same text may stand in
        several sentences of the passages read, and the reader may have read it where less is said: "Beijing"
        of the caption "Eric Chan attends a press conference in Beijing" for "Where did Eric Chan fly to for the
        press conference?", beside "Eric Chan Kwok-ki, who flew to Beijing to attend the press conference". The
        citation moves to the sentence that holds more of the question's terms (idf-weighted, every name the
        first one held among them) where the answer checks accept it (not "open" for "When will … close …?"), the
        first one joins ``also_at``; the score stays the reading's (and the text, but
        for the possessive an answer read in a caption may lack: ``_outside_caption``).
        The new citation is made by ``qa.read.base.cite``, which checks it against the raw document. An answer
        whose question a quotation answers (``support``) keeps its citation."""
        read = hits[: self.settings.reader_passages]
        sentences = list({(s.doc_id, s.start): s for hit in read for s in hit.chunk.sentences}.values())
        out = []
        for answer in candidates:
            found = None
            if answer.support is None:
                found = self._better_sentence(q, answer, sentences) or self._outside_caption(q, answer, sentences)
            if found is None:
                out.append(answer)
                continue
            sentence, start, end = found
            raw = self.index.document(sentence.doc_id).raw
            moved = cite(raw, sentence, start, end, answer.score, answer.scores)
            also = tuple(c for c in (answer.citation, *answer.also_at) if c != moved.citation)
            out.append(replace(answer, text=moved.text, citation=moved.citation, context=sentence, also_at=also))
        return out

    def _better_sentence(
        self, q: Question, answer: Answer, sentences: Sequence[Sentence]
    ) -> tuple[Sentence, int, int] | None:
        """The sentence (and the raw offsets of the answer in it) that holds the answer's text as a whole word or
        phrase and CITE_MARGIN more of the question's terms than the answer's own, every name of that one among
        them, where the answer checks (``misfits``) accept it; None when there is none."""
        cited = stems(answer.context.text)
        names = [name for name in q.proper if name in cited]
        best, best_overlap = None, self.ranker.overlap(q, cited) + CITE_MARGIN
        pattern = None  # compiled when a sentence holds the text at all (most hold none)
        for sentence in sentences:
            if sentence == answer.context or answer.text not in sentence.text:
                continue
            pattern = pattern or re.compile(r"(?<!\w)" + re.escape(answer.text) + r"(?!\w)")
            found = pattern.search(sentence.text)
            if found is None:
                continue
            terms = stems(sentence.text)
            if not all(name in terms for name in names):
                continue
            overlap = self.ranker.overlap(q, terms)
            if overlap <= best_overlap:
                continue
            at = sentence.start + found.start()
            if misfits(q, self.index.document(sentence.doc_id).raw, at, at + len(answer.text)):
                continue  # a sentence the checks reject the answer in: "open" for "When will … close …?"
            best, best_overlap = (sentence, at, at + len(answer.text)), overlap
        return best

    def _outside_caption(
        self, q: Question, answer: Answer, sentences: Sequence[Sentence]
    ) -> tuple[Sentence, int, int] | None:
        """For an answer cited in a photo caption, the first other place where the reading found the same
        answer (``also_at``) outside any caption, in a sentence of the passages read that holds as much of the
        question as the caption (every name of it among them): "Hong Kong’s No 2 official" of "Hong Kong’s No 2
        official Eric Chan says …" rather than "Hong Kong No 2 official" of the caption "… Eric Chan attends a press
        conference … Photo: Handout". A caption describes a picture; the article says it in its own words. The
        first such place is taken (the reading's order), not the one that says most."""
        raw = self.index.document(answer.citation.doc_id).raw
        if not answer.also_at or not in_caption(raw, answer.citation.start, answer.citation.end):
            return None
        cited = stems(answer.context.text)
        names = [name for name in q.proper if name in cited]
        least = self.ranker.overlap(q, cited)
        for place in answer.also_at:
            sentence = next(
                (s for s in sentences if s.doc_id == place.doc_id and s.start <= place.start and place.end <= s.end),
                None,
            )
            if sentence is None or in_caption(self.index.document(place.doc_id).raw, place.start, place.end):
                continue
            terms = stems(sentence.text)
            if all(name in terms for name in names) and self.ranker.overlap(q, terms) >= least:
                return sentence, place.start, place.end
        return None

    def select(self, patterns: Sequence[str]) -> frozenset[str]:
        """The ids of the documents that ``patterns`` name: exact ids, or globs such as ``reports/2024-*.pdf``."""
        if isinstance(patterns, str) or not all(isinstance(p, str) for p in patterns):
            raise InvalidRequestError("documents must be a list of document ids or glob patterns")
        if not patterns:
            raise InvalidRequestError("documents is an empty list; leave it out to search every document")
        if len(patterns) > self.settings.max_document_patterns:
            raise InvalidRequestError(
                f"documents holds {len(patterns)} patterns; the limit is {self.settings.max_document_patterns}"
            )
        chosen: set[str] = set()
        for pattern in patterns:
            if _GLOB.search(pattern):
                chosen.update(fnmatch.filter(self.index.documents, pattern))
            elif pattern in self.index.documents:
                chosen.add(pattern)
        if not chosen:
            shown = ", ".join(repr(p[:100]) for p in patterns[:5])
            raise InvalidRequestError(
                f"the documents filter ({shown}) matches no document in the index; see GET /documents"
            )
        return frozenset(chosen)

    def locate(self, answer: Answer) -> Answer:
        """The answer with the page or heading of each of its citations (for formats that have them)."""

        def located(citation: Citation) -> Citation:
            document = self.index.documents.get(citation.doc_id)
            return replace(citation, location=document.location_at(citation.start) if document else None)

        return replace(answer, citation=located(answer.citation), also_at=tuple(located(c) for c in answer.also_at))

    def validate(self, question: str) -> str:
        """The question with control and zero-width characters dropped and whitespace folded; or a clear error."""
        if not isinstance(question, str):
            raise InvalidRequestError("the question must be a string")
        if len(question) > self.settings.max_question_chars:
            raise InvalidRequestError(
                f"the question is {len(question)} characters long; the limit is {self.settings.max_question_chars}"
            )
        cleaned = "".join(
            " " if ch.isspace() else ch for ch in question if unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
        )
        cleaned = " ".join(cleaned.split())
        if not cleaned:
            raise InvalidRequestError("the question is empty; ask something, e.g. 'Who is Eric Chan?'")
        return cleaned


def _timed(timings: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = work()
    timings[stage] = round((time.perf_counter() - started) * 1000, 3)
    return result
