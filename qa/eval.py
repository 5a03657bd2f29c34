"""Evaluation: small pure metric functions, the gold-set harness, calibration and the SQuAD benchmark."""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from qa.config import Settings
from qa.embed import Embedder, embedder_for
from qa.errors import ConfigError
from qa.pipeline import Pipeline
from qa.records import Answer, Hit, Response
from qa.text import normalize_answer

# ------------------------------------------------------------------------------------ metrics


def exact_match(prediction: str, golds: Sequence[str]) -> float:
    """SQuAD EM: 1 if the normalized prediction equals any normalized gold answer."""
    return float(any(normalize_answer(prediction) == normalize_answer(g) for g in golds)) if golds else 0.0


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD token F1: harmonic mean of token precision and recall after normalization."""
    predicted, expected = normalize_answer(prediction).split(), normalize_answer(gold).split()
    common = sum((Counter(predicted) & Counter(expected)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def f1(prediction: str, golds: Sequence[str]) -> float:
    """Max token F1 over the acceptable answers."""
    return max((token_f1(prediction, g) for g in golds), default=0.0)


def recall_at_k(ranked: Sequence[object], relevant: set, k: int) -> float:
    """1 if any of the first ``k`` items is relevant (one relevant passage per question)."""
    return float(any(item in relevant for item in ranked[:k]))


def reciprocal_rank(ranked: Sequence[object], relevant: set) -> float:
    """1 / rank of the first relevant item, 0 if none is retrieved (MRR is its mean)."""
    return next((1.0 / rank for rank, item in enumerate(ranked, start=1) if item in relevant), 0.0)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in [0, 100]) of ``values``."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def precision_recall(predicted: Sequence[bool], actual: Sequence[bool]) -> tuple[float, float]:
    """Precision and recall of the positive class (here: "no answer")."""
    true_pos = sum(p and a for p, a in zip(predicted, actual, strict=True))
    return (
        true_pos / sum(predicted) if sum(predicted) else 1.0,
        true_pos / sum(actual) if sum(actual) else 1.0,
    )


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


# ------------------------------------------------------------------------------------ gold set


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    split: str
    question: str
    answerable: bool
    answers: tuple[str, ...]
    support: str | None
    doc_id: str | None
    category: str = ""


def load_gold(path: Path) -> list[GoldQuestion]:
    if not path.exists():
        raise ConfigError(f"gold set {path} not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [GoldQuestion(**{**row, "answers": tuple(row["answers"])}) for row in rows]


@dataclass(frozen=True)
class Outcome:
    """One question's result, with the answers before abstention was applied."""

    gold: GoldQuestion
    answers: tuple[Answer, ...]
    hits: tuple[Hit, ...]
    seconds: float
    citations_exact: int
    citations_total: int


def run_questions(pipeline: Pipeline, questions: Sequence[GoldQuestion], progress: bool = False) -> list[Outcome]:
    from tqdm import tqdm

    outcomes = []
    for gold in tqdm(questions, disable=not progress, desc="questions", unit="q"):
        started = time.perf_counter()
        response: Response = pipeline.ask(gold.question, 3, threshold=0.0)
        seconds = time.perf_counter() - started
        hits = tuple(pipeline.retriever.search(gold.question, 10))
        exact = sum(
            pipeline.index.document(a.citation.doc_id).raw[a.citation.start : a.citation.end] == a.text
            for a in response.answers
        )
        outcomes.append(Outcome(gold, response.answers, hits, seconds, exact, len(response.answers)))
    return outcomes


def score(outcomes: Sequence[Outcome], threshold: float, raw_of) -> dict:
    """Every figure of the report, from outcomes and the no-answer threshold."""
    answerable = [o for o in outcomes if o.gold.answerable]
    unanswerable = [o for o in outcomes if not o.gold.answerable]
    abstained = [not o.answers or o.answers[0].score < threshold for o in outcomes]
    by_id = dict(zip((o.gold.id for o in outcomes), abstained, strict=True))

    def top1(o: Outcome) -> str:
        return "" if by_id[o.gold.id] else o.answers[0].text

    precision, recall = precision_recall(abstained, [not o.gold.answerable for o in outcomes])
    relevant = [_relevant_chunks(o, raw_of) for o in answerable]
    ranked = [[h.chunk.chunk_id for h in o.hits] for o in answerable]
    latencies = [o.seconds * 1000 for o in outcomes]
    return {
        "questions": len(outcomes),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "em_top1": mean(exact_match(top1(o), o.gold.answers) for o in answerable),
        "f1_top1": mean(f1(top1(o), o.gold.answers) for o in answerable),
        "em_top3": mean(max((exact_match(a.text, o.gold.answers) for a in o.answers), default=0.0) for o in answerable),
        "f1_top3": mean(max((f1(a.text, o.gold.answers) for a in o.answers), default=0.0) for o in answerable),
        "citation_exact": sum(o.citations_exact for o in outcomes) / max(1, sum(o.citations_total for o in outcomes)),
        "citation_support": mean(_cites_support(o, raw_of) for o in answerable if o.answers and not by_id[o.gold.id]),
        "abstain_precision": precision,
        "abstain_recall": recall,
        "false_refusal": mean(by_id[o.gold.id] for o in answerable),
        "recall_at_1": mean(recall_at_k(r, rel, 1) for r, rel in zip(ranked, relevant, strict=True)),
        "recall_at_5": mean(recall_at_k(r, rel, 5) for r, rel in zip(ranked, relevant, strict=True)),
        "recall_at_10": mean(recall_at_k(r, rel, 10) for r, rel in zip(ranked, relevant, strict=True)),
        "mrr": mean(reciprocal_rank(r, rel) for r, rel in zip(ranked, relevant, strict=True)),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
        "threshold": threshold,
    }


def _support_span(o: Outcome, raw_of) -> tuple[int, int] | None:
    if not o.gold.support or not o.gold.doc_id:
        return None
    start = raw_of(o.gold.doc_id).find(o.gold.support)
    return (start, start + len(o.gold.support)) if start >= 0 else None


def _relevant_chunks(o: Outcome, raw_of) -> set[int]:
    """Chunks that hold the whole supporting text."""
    span = _support_span(o, raw_of)
    if span is None:
        return set()
    return {
        h.chunk.chunk_id
        for h in o.hits
        if h.chunk.doc_id == o.gold.doc_id and h.chunk.start <= span[0] and span[1] <= h.chunk.end
    }


def _cites_support(o: Outcome, raw_of) -> float:
    span = _support_span(o, raw_of)
    c = o.answers[0].citation
    return float(span is not None and c.doc_id == o.gold.doc_id and spans_overlap((c.start, c.end), span))


def calibrate(outcomes: Sequence[Outcome]) -> float:
    """The no-answer threshold that makes the most right decisions on these outcomes.

    An answerable question is decided right when its top answer is kept and scores F1 >= 0.5, an
    unanswerable one when it is refused. Among equally good thresholds the lowest (fewest refusals)
    wins, placed midway below the lowest kept score so it does not sit on a data point.
    """
    scores = sorted({o.answers[0].score for o in outcomes if o.answers} | {1.0})

    def right(threshold: float) -> int:
        total = 0
        for o in outcomes:
            keeps = bool(o.answers) and o.answers[0].score >= threshold
            if o.gold.answerable:
                total += keeps and f1(o.answers[0].text, o.gold.answers) >= 0.5
            else:
                total += not keeps
        return total

    best = max(scores, key=lambda t: (right(t), -t))
    below = max((s for s in scores if s < best), default=0.0)
    return round((below + best) / 2, 3)


# ------------------------------------------------------------------------------------ reports


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def save_report(report: dict, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    path = folder / f"{stamp}-{report['commit']}-{name}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return path


def check_thresholds(figures: dict, thresholds: dict) -> list[str]:
    """Each missed threshold as a sentence. Keys ending in ``_max`` are upper bounds."""
    missed = []
    for key, bound in thresholds.items():
        name, upper = (key[:-4], True) if key.endswith("_max") else (key, False)
        value = figures.get(name)
        if value is None:
            missed.append(f"{name}: not measured")
        elif (value > bound) if upper else (value < bound):
            missed.append(f"{name} = {value:.3f}, {'above' if upper else 'below'} the threshold {bound}")
    return missed


def print_table(figures: dict, title: str) -> None:
    print(title)
    rows = [
        ("answers: EM top-1", "em_top1"),
        ("answers: F1 top-1", "f1_top1"),
        ("answers: EM best of top-3", "em_top3"),
        ("answers: F1 best of top-3", "f1_top3"),
        ("citations: raw[start:end] == text", "citation_exact"),
        ("citations: overlap the gold support", "citation_support"),
        ("abstention: precision", "abstain_precision"),
        ("abstention: recall", "abstain_recall"),
        ("abstention: answerable refused", "false_refusal"),
        ("retrieval: recall@1", "recall_at_1"),
        ("retrieval: recall@5", "recall_at_5"),
        ("retrieval: recall@10", "recall_at_10"),
        ("retrieval: MRR", "mrr"),
        ("latency p50 (ms)", "latency_p50_ms"),
        ("latency p95 (ms)", "latency_p95_ms"),
    ]
    for label, key in rows:
        if key in figures:
            value = figures[key]
            print(f"  {label:40} {value:8.1f}" if key.startswith("latency") else f"  {label:40} {value:8.3f}")
    print(f"  questions: {figures['questions']} ({figures['answerable']} answerable), threshold {figures['threshold']}")


# ------------------------------------------------------------------------------------ SQuAD


def squad_questions(path: Path, limit: int | None, seed: int) -> tuple[dict[str, str], list[GoldQuestion]]:
    """Paragraphs as documents (id → text) and questions, from a SQuAD v1.1 or v2.0 file."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    documents: dict[str, str] = {}
    questions: list[GoldQuestion] = []
    for a, article in enumerate(data):
        title = re.sub(r"[^A-Za-z0-9_-]+", "_", article["title"])[:40]
        for p, paragraph in enumerate(article["paragraphs"]):
            doc_id = f"{a:03d}_{title}_{p:03d}.txt"
            documents[doc_id] = paragraph["context"]
            for qa in paragraph["qas"]:
                answers = tuple(dict.fromkeys(x["text"] for x in qa["answers"]))
                impossible = qa.get("is_impossible", False) or not answers
                questions.append(
                    GoldQuestion(
                        qa["id"],
                        "squad",
                        qa["question"],
                        not impossible,
                        answers,
                        None if impossible else paragraph["context"],
                        None if impossible else doc_id,
                    )
                )
    if limit:
        questions = random.Random(seed).sample(questions, min(limit, len(questions)))
    return documents, questions


def run_squad(settings: Settings, path: Path, limit: int | None, seed: int, embedder: Embedder) -> dict:
    from qa.index import build_index, load_index

    documents, questions = squad_questions(path, limit, seed)
    with tempfile.TemporaryDirectory(prefix="qa-squad-") as tmp:
        seeds, index_dir = Path(tmp) / "seeds", Path(tmp) / "index"
        seeds.mkdir()
        for doc_id, text in documents.items():
            (seeds / doc_id).write_text(text, encoding="utf-8")
        squad_settings = settings.with_(seeds_dir=seeds, index_dir=index_dir)
        print(f"indexing {len(documents)} paragraphs into a temporary index …")
        started = time.perf_counter()
        build = build_index(squad_settings, embedder, full=True)
        build_seconds = time.perf_counter() - started
        pipeline = Pipeline(load_index(index_dir), embedder, squad_settings)
        outcomes = run_questions(pipeline, questions, progress=True)
        figures = score(outcomes, pipeline.threshold, lambda d: pipeline.index.document(d).raw)
    figures.update({"paragraphs": len(documents), "chunks": build.chunks, "index_seconds": round(build_seconds, 1)})
    figures["abstain_rate"] = mean(not o.answers or o.answers[0].score < pipeline.threshold for o in outcomes)
    if figures["unanswerable"]:
        figures["squad2_em"] = mean(_squad2_em(o, pipeline.threshold) for o in outcomes)
        figures["squad2_f1"] = mean(_squad2_f1(o, pipeline.threshold) for o in outcomes)
    return figures


def _squad2_prediction(o: Outcome, threshold: float) -> str:
    return "" if not o.answers or o.answers[0].score < threshold else o.answers[0].text


def _squad2_em(o: Outcome, threshold: float) -> float:
    prediction = _squad2_prediction(o, threshold)
    return float(prediction == "") if not o.gold.answerable else exact_match(prediction, o.gold.answers)


def _squad2_f1(o: Outcome, threshold: float) -> float:
    prediction = _squad2_prediction(o, threshold)
    return float(prediction == "") if not o.gold.answerable else f1(prediction, o.gold.answers)


# ------------------------------------------------------------------------------------ command


def run_cli(settings: Settings, args: argparse.Namespace) -> int:
    embedder = embedder_for(settings)
    meta = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "model": settings.model,
        "settings": {k: str(v) for k, v in asdict(settings).items()},
    }
    if args.squad:
        figures = run_squad(settings, args.squad, args.limit, args.seed, embedder)
        report = {**meta, "benchmark": str(args.squad), "limit": args.limit, "seed": args.seed, "figures": figures}
        path = save_report(report, args.reports, "squad")
        _emit(report, args.json, f"SQuAD open benchmark ({args.squad.name})", figures, path)
        return 0

    from qa.index import build_index

    build_index(settings, embedder)
    pipeline = Pipeline.load(settings, embedder)
    gold = [g for g in load_gold(args.gold) if args.split == "all" or g.split == args.split]
    if args.limit:
        gold = random.Random(args.seed).sample(gold, min(args.limit, len(gold)))
    outcomes = run_questions(pipeline, gold)
    figures = score(outcomes, pipeline.threshold, lambda d: pipeline.index.document(d).raw)
    if args.split == "tune":
        figures["calibrated_threshold"] = calibrate(outcomes)
    thresholds = json.loads(args.thresholds.read_text()) if args.thresholds.exists() else {}
    missed = check_thresholds(figures, thresholds.get(args.split, {})) if args.split == "test" else []
    report = {
        **meta,
        "gold": str(args.gold),
        "split": args.split,
        "figures": figures,
        "missed": missed,
        "per_question": [_row(o, pipeline.threshold) for o in outcomes],
    }
    path = save_report(report, args.reports, f"gold-{args.split}")
    _emit(report, args.json, f"Gold set {args.gold} ({args.split} split)", figures, path)
    for problem in missed:
        print(f"THRESHOLD MISSED: {problem}")
    return 1 if missed else 0


def _row(o: Outcome, threshold: float) -> dict:
    top = o.answers[0] if o.answers else None
    return {
        "id": o.gold.id,
        "question": o.gold.question,
        "gold": list(o.gold.answers),
        "answer": top.text if top and top.score >= threshold else None,
        "score": top.score if top else None,
        "candidates": [a.text for a in o.answers],
        "ms": round(o.seconds * 1000, 1),
    }


def _emit(report: dict, as_json: bool, title: str, figures: dict, path: Path) -> None:
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_table(figures, title)
        for key in ("calibrated_threshold", "squad2_em", "squad2_f1", "abstain_rate", "paragraphs", "index_seconds"):
            if key in figures:
                print(f"  {key:40} {figures[key]}")
        print(f"report: {path}")
