"""The evaluation harness: gold questions through the pipeline, every figure of the report, and reports.

``run_questions`` asks each question once and keeps the candidates before abstention and every
hit (``Response.candidates``, ``Response.hits``); ``score`` turns outcomes and a threshold into the
report's figures. ``temporary_pipeline`` builds a throw-away index over given texts: the one way the
SQuAD benchmarks, the verifier fit and the tests make a collection.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from qa.config import Settings
from qa.errors import ConfigError
from qa.evaluate.metrics import (
    bootstrap_interval,
    exact_match,
    expected_calibration_error,
    f1,
    mean,
    percentile,
    precision_recall,
    recall_at_k,
    reciprocal_rank,
    reliability,
    roc_auc,
    spans_overlap,
)
from qa.index.embed import Embedder
from qa.pipeline import Pipeline
from qa.read.verify import abstains
from qa.records import Answer, Hit

RIGHT_F1 = 0.5  # an answer counts as right (for calibration and abstention figures) from this F1 on


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
    """One question's result: its best answers before abstention (best first) and every hit."""

    gold: GoldQuestion
    answers: tuple[Answer, ...]
    hits: tuple[Hit, ...]
    seconds: float
    citations_exact: int
    citations_total: int
    threshold: float | None = None  # the threshold the pipeline applied to this question (its route's)
    asked: str = ""  # the question as the pipeline read it, where that differs from the gold question

    def abstains(self, threshold: float) -> bool:
        """The pipeline's own decision; ``threshold`` only where the outcome does not carry one."""
        return abstains(self.answers, threshold if self.threshold is None else self.threshold)

    def top_right(self) -> bool:
        """The best answer is right: the question has an answer and the best one scores F1 >= 0.5."""
        return self.gold.answerable and bool(self.answers) and f1(self.answers[0].text, self.gold.answers) >= RIGHT_F1


def run_questions(pipeline: Pipeline, questions: Sequence[GoldQuestion], progress: bool = False) -> list[Outcome]:
    from tqdm import tqdm

    outcomes = []
    for gold in tqdm(questions, disable=not progress, desc="questions", unit="q", mininterval=5):
        started = time.perf_counter()
        response = pipeline.ask(gold.question, 3)
        seconds = time.perf_counter() - started
        answers = response.candidates[:3]  # before abstention: the threshold is applied when scoring
        exact = sum(
            pipeline.index.document(a.citation.doc_id).raw[a.citation.start : a.citation.end] == a.text for a in answers
        )
        asked = response.asked if response.asked != gold.question else ""
        outcomes.append(Outcome(gold, answers, response.hits, seconds, exact, len(answers), response.threshold, asked))
    return outcomes


def score(outcomes: Sequence[Outcome], threshold: float, raw_of: Callable[[str], str]) -> dict:
    """Every figure of the report, from outcomes and the no-answer threshold."""
    answerable = [o for o in outcomes if o.gold.answerable]
    unanswerable = [o for o in outcomes if not o.gold.answerable]
    abstained = [o.abstains(threshold) for o in outcomes]

    def top1(o: Outcome) -> str:
        return "" if o.abstains(threshold) else o.answers[0].text

    precision, recall = precision_recall(abstained, [not o.gold.answerable for o in outcomes])
    latencies = [o.seconds * 1000 for o in outcomes]
    top_scores = [o.answers[0].score if o.answers else 0.0 for o in outcomes]
    right = [o.top_right() for o in outcomes]
    top1_f1 = [f1(top1(o), o.gold.answers) for o in answerable]
    figures = {
        "questions": len(outcomes),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "em_top1": mean(exact_match(top1(o), o.gold.answers) for o in answerable),
        "f1_top1": mean(top1_f1),
        "f1_top1_ci": bootstrap_interval(top1_f1),
        "em_top3": mean(max((exact_match(a.text, o.gold.answers) for a in o.answers), default=0.0) for o in answerable),
        "f1_top3": mean(max((f1(a.text, o.gold.answers) for a in o.answers), default=0.0) for o in answerable),
        "citation_exact": sum(o.citations_exact for o in outcomes) / max(1, sum(o.citations_total for o in outcomes)),
        "citation_support": mean(_cites_support(o, raw_of) for o in answerable if not o.abstains(threshold)),
        "abstain_precision": precision,
        "abstain_recall": recall,
        "false_refusal": mean(o.abstains(threshold) for o in answerable),
        **retrieval_figures(outcomes, raw_of),
        "ece": expected_calibration_error(top_scores, right),
        "auc_right": roc_auc(top_scores, right),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
        "threshold": threshold,
        "reliability": reliability(top_scores, right),
    }
    if unanswerable:
        figures["squad2_em"] = mean(
            exact_match(top1(o), o.gold.answers) if o.gold.answerable else float(o.abstains(threshold))
            for o in outcomes
        )
        squad2_f1 = [
            f1(top1(o), o.gold.answers) if o.gold.answerable else float(o.abstains(threshold)) for o in outcomes
        ]
        figures["squad2_f1"] = mean(squad2_f1)
        figures["squad2_f1_ci"] = bootstrap_interval(squad2_f1)
        figures["auc_has_answer"] = roc_auc(top_scores, [o.gold.answerable for o in outcomes])
        figures["unanswerable_refused"] = recall
    return figures


def retrieval_figures(outcomes: Sequence[Outcome], raw_of: Callable[[str], str]) -> dict[str, float]:
    """Recall@1/5/10 and MRR of the chunks that hold each answerable question's supporting text."""
    answerable = [o for o in outcomes if o.gold.answerable]
    relevant = [_relevant_chunks(o, raw_of) for o in answerable]
    ranked = [[h.chunk.chunk_id for h in o.hits] for o in answerable]
    pairs = list(zip(ranked, relevant, strict=True))
    return {
        "recall_at_1": mean(recall_at_k(r, rel, 1) for r, rel in pairs),
        "recall_at_5": mean(recall_at_k(r, rel, 5) for r, rel in pairs),
        "recall_at_10": mean(recall_at_k(r, rel, 10) for r, rel in pairs),
        "mrr": mean(reciprocal_rank(r, rel) for r, rel in pairs),
    }


def _support_span(o: Outcome, raw_of: Callable[[str], str]) -> tuple[int, int] | None:
    if not o.gold.support or not o.gold.doc_id:
        return None
    start = raw_of(o.gold.doc_id).find(o.gold.support)
    return (start, start + len(o.gold.support)) if start >= 0 else None


def _relevant_chunks(o: Outcome, raw_of: Callable[[str], str]) -> set[int]:
    """Chunks that hold the whole supporting text."""
    span = _support_span(o, raw_of)
    if span is None:
        return set()
    return {
        h.chunk.chunk_id
        for h in o.hits
        if h.chunk.doc_id == o.gold.doc_id and h.chunk.start <= span[0] and span[1] <= h.chunk.end
    }


def _cites_support(o: Outcome, raw_of: Callable[[str], str]) -> float:
    span = _support_span(o, raw_of)
    c = o.answers[0].citation
    return float(span is not None and c.doc_id == o.gold.doc_id and spans_overlap((c.start, c.end), span))


@contextlib.contextmanager
def temporary_pipeline(
    settings: Settings, documents: Mapping[str, str], embedder: Embedder, **pipeline_args
) -> Iterator[Pipeline]:
    """A pipeline over a throw-away index of ``documents`` (``doc_id → text``), removed afterwards."""
    from qa.index.store import build_index, load_index

    with tempfile.TemporaryDirectory(prefix="qa-corpus-") as tmp:
        local = settings.with_(seeds_dir=Path(tmp) / "seeds", index_dir=Path(tmp) / "index")
        local.seeds_dir.mkdir()
        for doc_id, text in documents.items():
            (local.seeds_dir / doc_id).write_text(text, encoding="utf-8")
        build_index(local, embedder, full=True)
        yield Pipeline(load_index(local.index_dir), embedder, local, **pipeline_args)


# ------------------------------------------------------------------------------------ reports


def git_commit() -> str:
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
        if key.startswith("_"):
            continue
        name, upper = (key[:-4], True) if key.endswith("_max") else (key, False)
        value = figures.get(name)
        if value is None:
            missed.append(f"{name}: not measured")
        elif (value > bound) if upper else (value < bound):
            missed.append(f"{name} = {value:.3f}, {'above' if upper else 'below'} the threshold {bound}")
    return missed


ROWS = [
    ("answers: EM top-1", "em_top1"),
    ("answers: F1 top-1 (refusal = wrong)", "f1_top1"),
    ("answers: EM best of top-3", "em_top3"),
    ("answers: F1 best of top-3", "f1_top3"),
    ("SQuAD 2.0: EM", "squad2_em"),
    ("SQuAD 2.0: F1", "squad2_f1"),
    ("citations: raw[start:end] == text", "citation_exact"),
    ("citations: overlap the gold support", "citation_support"),
    ("abstention: precision", "abstain_precision"),
    ("abstention: unanswerable refused", "abstain_recall"),
    ("abstention: answerable refused", "false_refusal"),
    ("score: ROC AUC, has an answer", "auc_has_answer"),
    ("score: ROC AUC, top answer right", "auc_right"),
    ("score: expected calibration error", "ece"),
    ("retrieval: recall@1", "recall_at_1"),
    ("retrieval: recall@5", "recall_at_5"),
    ("retrieval: recall@10", "recall_at_10"),
    ("retrieval: MRR", "mrr"),
    ("reader alone on the gold paragraph: HasAns F1", "gold_paragraph_f1"),
    ("latency p50 (ms)", "latency_p50_ms"),
    ("latency p95 (ms)", "latency_p95_ms"),
]


def print_table(figures: dict, title: str) -> None:
    print(title)
    for label, key in ROWS:
        value = figures.get(key)
        if value is None:
            continue
        line = f"  {label:48} {value:8.1f}" if key.startswith("latency") else f"  {label:48} {value:8.3f}"
        interval = figures.get(f"{key}_ci")  # a 95 % bootstrap interval over the questions
        print(f"{line}   [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else line)
    print(f"  questions: {figures['questions']} ({figures['answerable']} answerable), threshold {figures['threshold']}")
    extras = ("no_answer_votes_on_unanswerable", "no_answer_votes_on_answerable", "reader_backend", "index_seconds")
    for key in (*extras, "same_top_as_fp32", "gold_paragraph_f1_fp32", "chunk_vectors", "paragraphs", "chunks"):
        if figures.get(key) is not None:
            print(f"  {key}: {figures[key]}")


def run_gold(
    settings: Settings, embedder: Embedder, gold: Path, split: str, limit: int | None = None, seed: int = 13
) -> tuple[dict, list[dict]]:
    """The gold set (one split, or all) over the seeds folder's index (built or updated first)."""
    import random

    from qa.index.store import build_index

    build_index(settings, embedder)
    pipeline = Pipeline.load(settings, embedder)
    questions = [g for g in load_gold(gold) if split == "all" or g.split == split]
    if limit:
        questions = random.Random(seed).sample(questions, min(limit, len(questions)))
    outcomes = run_questions(pipeline, questions)
    figures = score(outcomes, pipeline.threshold, lambda d: pipeline.index.document(d).raw)
    return figures, [_row(o, pipeline.threshold) for o in outcomes]


def _row(o: Outcome, threshold: float) -> dict:
    top = o.answers[0] if o.answers else None
    return {
        "id": o.gold.id,
        "question": o.gold.question,
        "asked": o.asked or None,  # how it was read, when not as written ("Name …" → "Which …?")
        "gold": list(o.gold.answers),
        "answer": None if o.abstains(threshold) else top.text if top else None,
        "score": top.score if top else None,
        "candidates": [a.text for a in o.answers],
        "ms": round(o.seconds * 1000, 1),
    }
