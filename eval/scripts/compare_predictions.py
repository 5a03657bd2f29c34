"""Two runs of an open benchmark compared answer by answer: every question of a SQuAD file whose top
answer differs between two predictions files (from ``qa eval --squad FILE --predictions P``), with its
SQuAD 2.0 F1 in each (a refusal scores 1 on a question without an answer, 0 on one with), then the count
of changed answers and both files' SQuAD 2.0 F1 over the questions they hold, and the changes by kind
(refused now or before, another span, the same span cut elsewhere) with the F1 each kind gained. Seconds.

    .venv/bin/qa eval --squad build/validation.json --predictions build/before.json   # on the old code
    .venv/bin/qa eval --squad build/validation.json --predictions build/after.json    # on the new code
    .venv/bin/python eval/scripts/compare_predictions.py build/validation.json build/before.json build/after.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from qa.evaluate.metrics import bootstrap_interval, f1


def squad2_f1(answer: str, golds: list[str]) -> float:
    """SQuAD 2.0 F1 of one answer: a refusal is right only where there is no gold answer."""
    return f1(answer, golds) if golds else float(not answer)


def main(squad: Path, before_path: Path, after_path: Path) -> None:
    before, after = json.loads(before_path.read_text()), json.loads(after_path.read_text())
    golds = {
        qa["id"]: (qa["question"], [a["text"] for a in qa["answers"]])
        for article in json.loads(squad.read_text())["data"]
        for paragraph in article["paragraphs"]
        for qa in paragraph["qas"]
        if qa["id"] in before or qa["id"] in after
    }
    total_before = total_after = 0.0
    gains: list[float] = []
    changed = 0
    kinds: dict[str, list[float]] = {}
    for qid, (question, answers) in golds.items():
        old, new = before.get(qid, ""), after.get(qid, "")
        old_f1, new_f1 = squad2_f1(old, answers), squad2_f1(new, answers)
        total_before += old_f1
        total_after += new_f1
        gains.append(new_f1 - old_f1)
        if old != new:
            changed += 1
            print(f"{old_f1:.2f} -> {new_f1:.2f} | {question} | {old!r} -> {new!r} | gold {answers[:2]}")
            kind = f"{change_kind(old, new)}, {'answerable' if answers else 'unanswerable'}"
            kinds.setdefault(kind, []).append(new_f1 - old_f1)
    n = max(len(golds), 1)
    print(f"changed {changed} of {len(golds)}; SQuAD 2.0 F1 {total_before / n:.4f} -> {total_after / n:.4f}")
    low, high = bootstrap_interval(gains, rounds=10_000)
    difference = (total_after - total_before) / n
    print(f"difference {difference:+.4f}, 95% paired bootstrap interval [{low:+.4f}, {high:+.4f}]")
    for kind, kind_gains in sorted(kinds.items()):
        print(f"  {kind}: {len(kind_gains)}, F1 gained in all {sum(kind_gains):+.1f}")


def change_kind(old: str, new: str) -> str:
    """How a top answer changed: a refusal either way, the same span cut longer or shorter, another span
    sharing words with it, or another span."""
    if not old or not new:
        return "refused now" if old else "answered now"
    if old in new or new in old:
        return "same span, longer" if len(new) > len(old) else "same span, shorter"
    if set(old.lower().split()) & set(new.lower().split()):
        return "another span sharing words"
    return "another span"


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
