"""What the first look costs a question that is not sure after it: the seed article's gold questions
asked in process, three rounds, with every window read at once, with the first look always going on
(``QA_EXIT_PROBABILITY=1.0``: the best window, then the other three) and with the default first look.
Needs a built index (``qa index``); run on a quiet machine:

    .venv/bin/python eval/scripts/looks.py
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from qa.config import Settings
from qa.index.embed import embedder_for
from qa.pipeline import Pipeline

MODES = {"every window at once": None, "first look, then the rest": 1.0, "first look at 0.5 (default)": 0.5}
ROUNDS = 3


def main() -> None:
    settings = Settings.from_env()
    embedder = embedder_for(settings)
    loaded = Pipeline.load(settings, embedder)
    gold = Path(__file__).resolve().parents[1] / "gold.jsonl"
    questions = [json.loads(line)["question"] for line in gold.read_text().splitlines() if line.strip()]
    pipelines = {
        mode: Pipeline(loaded.index, embedder, settings.with_(exit_probability=exit_at), loaded.reader_factory)
        for mode, exit_at in MODES.items()
    }
    for pipeline in pipelines.values():  # warm-up
        for question in questions[:5]:
            pipeline.ask(question)
    totals: dict[str, list[float]] = {mode: [] for mode in MODES}
    stages: dict[str, dict[str, list[float]]] = {mode: {} for mode in MODES}
    for _ in range(ROUNDS):  # the modes take turns, so that a busy minute hits them alike
        for mode, pipeline in pipelines.items():
            for question in questions:
                started = time.perf_counter()
                response = pipeline.ask(question)
                totals[mode].append((time.perf_counter() - started) * 1000)
                for stage, ms in response.timings_ms.items():
                    stages[mode].setdefault(stage, []).append(ms)
    print("| mode | p50 | mean | p95 | mean read_first / read / verify_first / verify (ms, where run) |")
    print("|---|---|---|---|---|")
    for mode, times in totals.items():
        p95 = sorted(times)[int(0.95 * len(times))]
        parts = " / ".join(
            f"{statistics.mean(stages[mode][s]):.1f}" if s in stages[mode] else "-"
            for s in ("read_first", "read", "verify_first", "verify")
        )
        print(f"| {mode} | {statistics.median(times):.1f} | {statistics.mean(times):.1f} | {p95:.1f} | {parts} |")


if __name__ == "__main__":
    main()
