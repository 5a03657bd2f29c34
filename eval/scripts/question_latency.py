"""Time ``/ask`` in process for the questions of a development list, each as written and without its aside
("…, according to Hung?", ``Question.core``): the median of ``--rounds`` answers per question, then the median
over the questions that have an aside. A question with an aside is read by the span model twice (with and
without it), so this shows what that costs. Build the seed index first (``qa index``).

    .venv/bin/python eval/scripts/question_latency.py [--rounds 7] [eval/dev-questions/outside-s36.tsv]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from qa.config import Settings
from qa.pipeline import Pipeline
from qa.read.question import without_aside

DEFAULT = Path(__file__).parent.parent / "dev-questions" / "outside-s36.tsv"


def median_ms(pipeline: Pipeline, question: str, rounds: int) -> float:
    pipeline.ask(question)  # warm: the first answer loads what the rest reuse
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        pipeline.ask(question)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lists", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    pipeline = Pipeline.load(Settings.from_env())
    pairs = []
    for path in args.lists:
        for line in path.read_text(encoding="utf-8").splitlines():
            question = line.split("\t")[0].strip()
            core, _ = without_aside(question)
            if question and core != question:
                pairs.append((median_ms(pipeline, question, args.rounds), median_ms(pipeline, core, args.rounds)))
                print(f"{pairs[-1][0]:8.1f} ms as written, {pairs[-1][1]:8.1f} ms without the aside: {question}")
    if pairs:
        print(
            f"{len(pairs)} questions with an aside: median {statistics.median(p[0] for p in pairs):.1f} ms as "
            f"written, {statistics.median(p[1] for p in pairs):.1f} ms without the aside"
        )


if __name__ == "__main__":
    main()
