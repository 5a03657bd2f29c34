"""The answer checks (``shape.misfits``) on two sets of spans of the training pool (held-out articles never read):
every gold answer of its answerable questions, and the first plausible answer SQuAD 2.0 gives each of its
unanswerable questions (a span an annotator found tempting, though it does not answer). The counts back the
figures the README gives for each check. Then a table: each premise of ``qa.read.premise`` on its own (a span may
leave several unshared) and each check of ``shape.MISFIT_CHECKS`` (the premises are one of them,
``premise_unsaid``), with "plausible / gold answers (their questions)", the share of unanswerable and of answerable
questions whose span it rejects, and the verdict of ``KEEP_WHEN``. Seconds; ``-v`` prints each span rejected, with
the checks that reject it.

The rule a check is judged by (``worth_keeping``), stated once: a check is kept when the share of unanswerable
questions whose plausible answer it rejects is more than ``KEEP_WHEN`` (2) times the share of answerable questions
whose gold answer it rejects. Raw counts mislead: the pool holds about 4.5 answerable questions for each
unanswerable one, so "35 plausible for 17 gold" is 2.1 % of unanswerable questions against 0.2 % of answerable
ones. Rejecting a span gains one question when the question has no answer and loses at most one when it has, so a
check whose shares keep this rule raises SQuAD 2.0 F1 on any collection where at least one question in three has no
answer (SQuAD 2.0's own training mix; the held-out v2.0 articles have more than one in two, the seed article's gold
set one in five). What a kept check costs answerable questions is still a cost: it is the second share, and the
v1.1 benchmark and the gold set measure it. Counts too few to judge (fewer than ``FEW`` plausible answers) keep a
check only when it rejects no gold answer at all ("too few" in the table otherwise); the same rule judges a change to
a check by the spans it adds.

    .venv/bin/python eval/scripts/plausible_answer_checks.py [-v]
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from qa.evaluate.squad import DEFAULT_DATA_DIR, DEV_V20, HELDOUT_V20, TRAIN_V20, training_pool
from qa.read.question import analyze
from qa.read.shape import misfit_checks, premises_unshared, with_currency

KEEP_WHEN = 2.0  # unanswerable share rejected over answerable share rejected: the least a kept check has


FEW = 5  # fewer plausible answers than this are too few to set against any gold answer


def worth_keeping(unanswerable_share: float, answerable_share: float) -> bool:
    """The rule of the module's docstring: more than ``KEEP_WHEN`` times the share on unanswerable questions."""
    return unanswerable_share > KEEP_WHEN * answerable_share


def verdict(plausible: int, gold_questions: int, unanswerable: int, answerable: int) -> str:
    """ "yes" or "no" by ``worth_keeping``; "too few" for fewer than ``FEW`` plausible answers and any gold one."""
    if plausible < FEW and gold_questions:
        return "too few"
    return "yes" if worth_keeping(plausible / unanswerable, gold_questions / answerable) else "no"


def rejected(question: str, context: str, start: int, text: str) -> list[str]:
    """The checks that reject the span (all of them, not only the first)."""
    end = start + len(text)
    return list(misfit_checks(analyze(question), context, with_currency(context, start, end)[0], end))


def premises(question: str, context: str, start: int, text: str) -> set[str]:
    end = start + len(text)
    return set(premises_unshared(analyze(question), context, with_currency(context, start, end)[0], end))


def main(verbose: bool) -> None:
    gold = gold_rejected = answerable = 0
    by_premise: Counter[tuple[str, str]] = Counter()
    by_check: Counter[tuple[str, str]] = Counter()
    gold_questions: dict[str, set[str]] = {}
    check_questions: dict[str, set[str]] = {}
    for e in training_pool(DEFAULT_DATA_DIR):
        answerable += bool(e.answers)
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
    print(f"answerable questions {answerable}; unanswerable {plausible}")
    print(f"{'premise or check':<35} {'plausible / gold (questions)':<29} unanswerable  answerable  kept by the rule")
    premise_names = sorted({name for _, name in by_premise})
    check_names = sorted(
        {name for _, name in by_check}, key=lambda n: (-by_check["plausible", n], by_check["gold", n], n)
    )
    rows = [(f"premise: {n}", by_premise, gold_questions, n) for n in premise_names]
    rows += [(n, by_check, check_questions, n) for n in check_names]
    for label, counts, questions, n in rows:
        lost = len(questions.get(n, ()))
        shares = counts["plausible", n] / plausible, lost / answerable
        cell = f"{counts['plausible', n]} / {counts['gold', n]} ({lost})"
        kept = verdict(counts["plausible", n], lost, plausible, answerable)
        print(f"{label:<35} {cell:<29} {shares[0]:>11.2%} {shares[1]:>11.2%}  {kept}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
