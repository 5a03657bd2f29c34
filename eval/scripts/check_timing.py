"""How long the answer checks take: ``shape.misfits`` over every labelled span of the training pool (each gold
answer of its answerable questions and the first plausible answer of each unanswerable one; held-out articles never
read), best of three passes after one that fills the caches, in microseconds a span. Each span here has its own
question and often its own sentence, so the figure charges every span a question's analysis that the service does
once per question: an upper bound for what a check adds to ``/ask``. Compare two commits by running it in a
worktree of each, one after the other, with nothing else running.

    .venv/bin/python eval/scripts/check_timing.py [../shared/data]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from qa.evaluate.squad import DEFAULT_DATA_DIR, DEV_V20, HELDOUT_V20, TRAIN_V20, training_pool
from qa.read.question import Question, analyze
from qa.read.shape import misfits, with_currency


def spans(data: Path) -> list[tuple[Question, str, int, int]]:
    """Every gold answer of the training pool and the first plausible answer of each unanswerable question."""
    found = []
    for e in training_pool(data):
        for text, start in zip(e.answers, e.starts, strict=True):
            end = start + len(text)
            found.append((analyze(e.question), e.context, with_currency(e.context, start, end)[0], end))
    for name in (TRAIN_V20, DEV_V20):
        for article in json.loads((data / name).read_text())["data"]:
            if article["title"] in HELDOUT_V20:
                continue
            for paragraph in article["paragraphs"]:
                context = paragraph["context"]
                for qa in paragraph["qas"]:
                    if qa.get("is_impossible") and qa.get("plausible_answers"):
                        first = qa["plausible_answers"][0]
                        start, end = first["answer_start"], first["answer_start"] + len(first["text"])
                        found.append((analyze(qa["question"]), context, with_currency(context, start, end)[0], end))
    return found


def main(data: Path) -> None:
    every = spans(data)
    for span in every:
        misfits(*span)  # fills the caches, as a running service's are
    passes = []
    for _ in range(3):
        began = time.perf_counter()
        for span in every:
            misfits(*span)
        passes.append(time.perf_counter() - began)
    best = min(passes)
    print(f"{len(every)} spans, best of 3 {best:.2f} s, {best / len(every) * 1e6:.0f} us a span")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA_DIR)
