"""The open SQuAD benchmarks: every paragraph of a file is a document, held-out articles' questions are asked.

``v1.1``: the collection is all 913 paragraphs of the v1.1 dev part, the 1,852 questions of its 7
held-out articles are scored (refusal = wrong). ``v2.0``: the collection is all 383 paragraphs of
the v2.0 dev part, the 1,236 questions of its 3 held-out articles are scored SQuAD 2.0 style (a
refusal is right when there is no gold answer). Any other SQuAD file: all of its questions.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from pathlib import Path

from qa.config import Settings
from qa.evaluate.harness import (
    GoldQuestion,
    Outcome,
    retrieval_figures,
    run_questions,
    score,
    temporary_pipeline,
)
from qa.evaluate.metrics import mean
from qa.evaluate.reading import best_span, read_paragraphs
from qa.evaluate.squad import DEFAULT_DATA_DIR, SquadExample, benchmark, load_squad, paragraphs
from qa.index.embed import Embedder


def benchmark_set(name: str, data_dir: Path = DEFAULT_DATA_DIR) -> tuple[Path, list[SquadExample]]:
    """The collection file and the scored questions of ``v1.1``, ``v2.0`` or a SQuAD file's path."""
    if name in ("v1.1", "v2.0"):
        path, articles = benchmark(data_dir, name)
        return path, [e for e in load_squad(path) if e.article in articles]
    return Path(name), load_squad(Path(name))


def sampled(examples: list[SquadExample], limit: int | None, seed: int) -> list[SquadExample]:
    """A seeded sample of ``limit`` examples (all of them without a limit): for quick runs."""
    return random.Random(seed).sample(examples, min(limit, len(examples))) if limit else examples


def gold_questions(examples: list[SquadExample], documents: dict[str, str]) -> list[GoldQuestion]:
    doc_of = {text: doc_id for doc_id, text in documents.items()}
    return [
        GoldQuestion(
            e.qid,
            "squad",
            e.question,
            not e.impossible,
            e.answers,
            None if e.impossible else e.context,
            None if e.impossible else doc_of[e.context],
        )
        for e in examples
    ]


def run_benchmark(
    settings: Settings,
    embedder: Embedder,
    name: str,
    data_dir: Path = DEFAULT_DATA_DIR,
    limit: int | None = None,
    seed: int = 13,
    gold_paragraph: bool = False,
    predictions: Path | None = None,
) -> dict:
    """The open benchmark's figures; ``predictions`` also writes each question's top answer ("" when
    refused) as a SQuAD predictions file (question id → text), the input of SQuAD's own evaluation script."""
    path, examples = benchmark_set(name, data_dir)
    examples = sampled(examples, limit, seed)
    documents = paragraphs(path)
    questions = gold_questions(examples, documents)
    started = time.perf_counter()
    with temporary_pipeline(settings, documents, embedder) as pipeline:
        index_seconds = time.perf_counter() - started
        outcomes = run_questions(pipeline, questions, progress=True)
        figures = score(outcomes, pipeline.threshold, lambda d: pipeline.index.document(d).raw)
        if predictions is not None:
            write_predictions(outcomes, pipeline.threshold, predictions)
        figures.update({"benchmark": name, "paragraphs": len(documents), "chunks": len(pipeline.index.chunks)})
        figures["index_seconds"] = round(index_seconds, 1)
        if gold_paragraph and hasattr(pipeline.reader, "span_model"):
            alone = read_paragraphs(pipeline.reader.span_model, examples)
            figures["gold_paragraph_f1"] = alone["has_answer_f1"]
            figures["gold_paragraph_em"] = alone["has_answer_em"]
    return figures


def write_predictions(outcomes: Sequence[Outcome], threshold: float, path: Path) -> None:
    """SQuAD's predictions format: question id → the top answer's text, "" for a refusal."""
    answers = {o.gold.id: "" if o.abstains(threshold) or not o.answers else o.answers[0].text for o in outcomes}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(answers, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def run_retrieval(
    settings: Settings,
    embedder: Embedder,
    name: str,
    data_dir: Path = DEFAULT_DATA_DIR,
    limit: int | None = None,
    seed: int = 13,
) -> dict:
    """Retrieval alone (no reading): recall@k and MRR of the gold paragraph's chunks, and the build time."""
    path, examples = benchmark_set(name, data_dir)
    examples = sampled([e for e in examples if not e.impossible], limit, seed)
    documents = paragraphs(path)
    started = time.perf_counter()
    with temporary_pipeline(settings.with_(reader="rules"), documents, embedder) as pipeline:
        index_seconds = time.perf_counter() - started
        outcomes = []
        for gold in gold_questions(examples, documents):
            asked = pipeline.analyze(gold.question).text  # searched for as /ask searches
            vector = embedder.encode([asked])[0]
            hits = pipeline.backend.search(asked, settings.retrieve_k, vector).hits
            outcomes.append(Outcome(gold, (), tuple(hits), 0.0, 0, 0))
        figures = retrieval_figures(outcomes, lambda d: pipeline.index.document(d).raw)
        return {
            "benchmark": name,
            "questions": len(outcomes),
            "paragraphs": len(documents),
            "chunks": len(pipeline.index.chunks),
            "chunk_vectors": settings.chunk_vectors,
            "index_seconds": round(index_seconds, 1),
            **figures,
        }


def run_reading(
    settings: Settings, name: str, data_dir: Path = DEFAULT_DATA_DIR, limit: int | None = None, seed: int = 13
) -> dict:
    """The span model alone on each scored question's own paragraph (no retrieval, no verifier), on the
    backend and precision the settings ask for; with ``reader_int8`` or ``reader_bf16`` also how often its
    best span is the fp32 model's and the fp32 model's F1."""
    from qa.read.learned import load_configured_span_model

    _, examples = benchmark_set(name, data_dir)
    examples = sampled(examples, limit, seed)
    span_model, _ = load_configured_span_model(settings)
    alone = read_paragraphs(span_model, examples)
    figures = {
        "benchmark": name,
        "questions": alone["questions"],
        "answerable": alone["questions"] - alone["unanswerable"],
        "threshold": None,
        "reader_backend": span_model.backend,
        "gold_paragraph_em": alone["has_answer_em"],
        "gold_paragraph_f1": alone["has_answer_f1"],
        "no_answer_votes_on_unanswerable": alone["no_answer_votes_on_unanswerable"],
        "no_answer_votes_on_answerable": alone["no_answer_votes_on_answerable"],
    }
    if settings.reader_int8 or settings.reader_bf16:
        reference, _ = load_configured_span_model(settings.with_(reader_int8=False, reader_bf16=False))
        figures["same_top_as_fp32"] = mean(
            best_span(span_model, e) == best_span(reference, e) for e in examples if not e.impossible
        )
        figures["gold_paragraph_f1_fp32"] = read_paragraphs(reference, examples)["has_answer_f1"]
    return figures
