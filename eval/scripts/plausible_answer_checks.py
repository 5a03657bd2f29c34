"""The answer checks (``shape.misfits``) on two sets of spans of the training pool (held-out articles never read):
every gold answer of its answerable questions, and the first plausible answer SQuAD 2.0 gives each of its
unanswerable questions (a span an annotator found tempting, though it does not answer). A check worth keeping
rejects plausible answers and leaves gold ones; the counts back the figures the README gives for each check. A
second line counts each premise of ``qa.read.premise`` on its own (a span may leave several unshared), as
"plausible / gold answers (their questions)"; a third line counts each check of ``shape.MISFIT_CHECKS`` the same
way (the premises are one of them, ``premise_unsaid``). Seconds; ``-v`` prints each span rejected, with the checks
that reject it.

    .venv/bin/python eval/scripts/plausible_answer_checks.py [-v]
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from qa.evaluate.squad import DEFAULT_DATA_DIR, DEV_V20, HELDOUT_V20, TRAIN_V20, training_pool
from qa.read.question import analyze
from qa.read.shape import misfit_checks, premises_unshared, with_currency


def rejected(question: str, context: str, start: int, text: str) -> list[str]:
    """The checks that reject the span (all of them, not only the first)."""
    end = start + len(text)
    return list(misfit_checks(analyze(question), context, with_currency(context, start, end)[0], end))


def premises(question: str, context: str, start: int, text: str) -> set[str]:
    end = start + len(text)
    return set(premises_unshared(analyze(question), context, with_currency(context, start, end)[0], end))


def main(verbose: bool) -> None:
    gold = gold_rejected = 0
    by_premise: Counter[tuple[str, str]] = Counter()
    by_check: Counter[tuple[str, str]] = Counter()
    gold_questions: dict[str, set[str]] = {}
    check_questions: dict[str, set[str]] = {}
    for e in training_pool(DEFAULT_DATA_DIR):
        for text, start in zip(e.answers, e.starts, strict=True):
            gold += 1
            for name in premises(e.question, e.context, start, text):
                by_premise["gold", name] += 1
                gold_questions.setdefault(name, set()).add(e.question)
            if checks := rejected(e.question, e.context, start, text):
                gold_rejected += 1
                for name in checks:
                    by_check["gold", name] += 1
                    check_questions.setdefault(name, set()).add(e.question)
                if verbose:
                    print(f"gold: {e.question} | {text} | {', '.join(checks)}")
    plausible = plausible_rejected = 0
    for name in (TRAIN_V20, DEV_V20):
        for article in json.loads((DEFAULT_DATA_DIR / name).read_text())["data"]:
            if article["title"] in HELDOUT_V20:
                continue
            for paragraph in article["paragraphs"]:
                for qa in paragraph["qas"]:
                    if not qa.get("is_impossible") or not qa.get("plausible_answers"):
                        continue
                    first = qa["plausible_answers"][0]
                    plausible += 1
                    for name in premises(qa["question"], paragraph["context"], first["answer_start"], first["text"]):
                        by_premise["plausible", name] += 1
                    if checks := rejected(qa["question"], paragraph["context"], first["answer_start"], first["text"]):
                        plausible_rejected += 1
                        for check in checks:
                            by_check["plausible", check] += 1
                        if verbose:
                            print(f"plausible: {qa['question']} | {first['text']} | {', '.join(checks)}")
    print(f"gold answers rejected {gold_rejected} of {gold}; ", end="")
    print(f"plausible answers rejected {plausible_rejected} of {plausible}")
    names = sorted({name for _, name in by_premise})
    counts = (
        f"{n} {by_premise['plausible', n]} / {by_premise['gold', n]} ({len(gold_questions.get(n, ()))})" for n in names
    )
    print("premises unshared, plausible / gold (questions): " + "; ".join(counts))
    checks = sorted({name for _, name in by_check}, key=lambda n: (-by_check["plausible", n], by_check["gold", n], n))
    counts = (
        f"{n} {by_check['plausible', n]} / {by_check['gold', n]} ({len(check_questions.get(n, ()))})" for n in checks
    )
    print("checks that reject, plausible / gold (questions): " + "; ".join(counts))


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
