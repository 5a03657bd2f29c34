"""The gold set's questions answer by answer: each question of a split of ``eval/gold.jsonl`` (default: test)
with its F1 (a refusal is right only for a question without an answer), the answer given and the best
candidate with its score. ``qa eval`` gives the split's totals; this says which answer moved when they move,
so two runs can be compared with ``diff``. Seconds on the seed index (build it first with ``qa index``).

    .venv/bin/python eval/scripts/gold_answers.py [test|tune|all] > A.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from qa.config import Settings
from qa.evaluate.harness import load_gold
from qa.evaluate.metrics import token_f1
from qa.pipeline import Pipeline

GOLD = Path(__file__).parent.parent / "gold.jsonl"


def main(split: str) -> None:
    pipeline = Pipeline.load(Settings.from_env())
    questions = [g for g in load_gold(GOLD) if split == "all" or g.split == split]
    total = 0.0
    for gold in questions:
        response = pipeline.ask(gold.question)
        text = "" if response.no_answer else response.answers[0].text
        f1 = max((token_f1(text, want) for want in gold.answers), default=0.0) if gold.answerable else float(not text)
        total += f1
        top = response.candidates[0] if response.candidates else None
        candidate = f"{top.text!r} {top.score:.2f}" if top else "-"
        print(f"{f1:.2f} {gold.id} {gold.question} -> {text!r} | top {candidate}")
    print(f"{split}: mean F1 {total / max(len(questions), 1):.3f} over {len(questions)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "test")
