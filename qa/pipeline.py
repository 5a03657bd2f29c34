"""The one entry point that the API, the CLI and the evaluation call: question → Response."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from qa.config import Settings
from qa.embed import Embedder, embedder_for
from qa.errors import InvalidRequestError
from qa.index import Index, check_compatible, load_index
from qa.read import Reader, RuleReader
from qa.records import Response
from qa.retrieve import Retriever, SearchBackend

T = TypeVar("T")
ReaderFactory = Callable[[Index], Reader]


def make_backend(index: Index, embedder: Embedder, settings: Settings) -> SearchBackend:
    """The search backend that ``settings.backend`` names, in line with ``index``."""
    if settings.backend == "local":
        return Retriever(index, embedder, settings)
    from qa.milvus import MilvusBackend

    backend = MilvusBackend(embedder, settings)
    backend.sync(index)
    return backend


def make_reader_factory(settings: Settings) -> ReaderFactory:
    """Readers are cheap to make per index; anything heavy (a model) is loaded once, here."""
    if settings.reader == "rules":
        return lambda index: RuleReader(index, settings.reader_passages)
    from qa.learned import load_learned_factory

    factory, _ = load_learned_factory(
        settings.reader_model,
        settings.reader_passages,
        settings.reader_windows,
        settings.reader_window_words,
        settings.reader_int8,
        settings.reader_threads,
    )
    return factory


class Pipeline:
    """Retrieve, read and decide whether to abstain, over one loaded index."""

    def __init__(
        self,
        index: Index,
        embedder: Embedder,
        settings: Settings,
        reader_factory: ReaderFactory | None = None,
    ) -> None:
        check_compatible(index, settings, embedder.name, embedder.dim)
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.retriever = make_backend(index, embedder, settings)
        self.reader_factory = reader_factory or make_reader_factory(settings)
        self.reader = self.reader_factory(index)

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder | None = None) -> Pipeline:
        embedder = embedder or embedder_for(settings)
        return cls(load_index(settings.index_dir), embedder, settings)

    @property
    def threshold(self) -> float:
        """Answers scoring below this mean "no answer": the setting if given, else the reader's calibration."""
        configured = self.settings.no_answer_threshold
        return self.reader.threshold if configured is None else configured

    def with_index(self, index: Index) -> Pipeline:
        """The same models and settings over another index (after a rebuild)."""
        return Pipeline(index, self.embedder, self.settings, self.reader_factory)

    def ask(self, question: str, top_n: int | None = None, *, threshold: float | None = None) -> Response:
        """Answer ``question``; ``threshold`` overrides the calibrated no-answer threshold."""
        question = self.validate(question)
        top_n = self.settings.top_n if top_n is None else top_n
        if not 1 <= top_n <= self.settings.max_top_n:
            raise InvalidRequestError(f"top_n must be between 1 and {self.settings.max_top_n}, not {top_n}")
        threshold = self.threshold if threshold is None else threshold

        timings: dict[str, float] = {}
        query_vector = _timed(timings, "embed", lambda: self.embedder.encode([question])[0])
        retriever, k = self.retriever, self.settings.retrieve_k
        if isinstance(retriever, Retriever):
            dense = _timed(timings, "dense", lambda: retriever.dense(query_vector))
            sparse = _timed(timings, "bm25", lambda: retriever.sparse(question))
            hits = _timed(timings, "fusion", lambda: retriever.fuse(dense, sparse, k))
        else:
            hits = _timed(timings, "search", lambda: retriever.search(question, k, query_vector))
        answers = _timed(timings, "read", lambda: self.reader.read(question, query_vector, hits, top_n))
        no_answer = not answers or answers[0].score < threshold
        timings["total"] = round(sum(timings.values()), 3)
        return Response(
            question=question,
            answers=() if no_answer else tuple(answers),
            no_answer=no_answer,
            passages=tuple(hits[: self.settings.reader_passages]),
            timings_ms=timings,
            index_version=self.index.version,
        )

    def validate(self, question: str) -> str:
        if not isinstance(question, str) or not question.strip():
            raise InvalidRequestError("the question is empty; ask something, e.g. 'Who is Eric Chan?'")
        if len(question) > self.settings.max_question_chars:
            raise InvalidRequestError(
                f"the question is {len(question)} characters long; the limit is {self.settings.max_question_chars}"
            )
        return " ".join(question.split())


def _timed(timings: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = work()
    timings[stage] = round((time.perf_counter() - started) * 1000, 3)
    return result
