"""The answer checks of ``qa/read/shape.py`` against every gold answer of the training pool (held-out
articles never read): how many gold answers ``misfits`` would reject (a post held elsewhere, a cost
question answered without money, a difference asked of a sentence that compares nothing, a number said
of another thing than the asked one) and how
many ``before_asked_name``, ``holder_of_asked_post`` or ``full_name`` would change. A check that
touches gold answers is too broad. Seconds; prints each gold answer touched and the counts.

    .venv/bin/python eval/scripts/gold_answer_checks.py [../shared/data]
"""

from __future__ import annotations

import sys
from pathlib import Path

from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.read.question import Kind, Wants, analyze
from qa.read.shape import (
    before_asked_name,
    full_name,
    holder_of_asked_post,
    misfits,
    with_currency,
)


def main(data_dir: Path) -> None:
    answerable = [e for e in training_pool(data_dir) if not e.impossible]
    who = money = difference = describe = measured = rejected = cut = 0
    for e in answerable:
        q = analyze(e.question)
        who += q.kind is Kind.PERSON
        money += Wants.MONEY in q.wants
        difference += Wants.DIFFERENCE in q.wants
        describe += q.kind is Kind.DESCRIBE
        measured += q.kind in (Kind.COUNT, Kind.QUANTITY, Kind.TIME) and bool(q.proper)
        for text, start in zip(e.answers, e.starts, strict=True):
            end = start + len(text)
            if misfits(q, e.context, with_currency(e.context, start, end)[0], end):
                rejected += 1
                print(f"rejected: {e.question} | {text}")
            if (
                before_asked_name(q, e.context, start, end) != (start, end)
                or holder_of_asked_post(q, e.context, start, end) != start
                or full_name(q, e.context, start, end) != (start, end)
            ):
                cut += 1
                print(f"changed: {e.question} | {text}")
    print(
        f"answerable questions {len(answerable)} (who {who}, asking for money {money}, for a difference {difference}, "
        f"for a description {describe}, for a number or date of a named thing {measured}); "
        f"gold answers rejected {rejected}, changed {cut}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA_DIR)
