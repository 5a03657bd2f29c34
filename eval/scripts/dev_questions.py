"""The development lists of ``eval/dev-questions/``: questions about the seed article written outside the
gold set (one per line: the question, a tab, the expected answer; nothing after the tab when the article
does not answer it). They were written while the answer checks were built and looked at since, so they
are no benchmark: they show what a change does to questions asked as people ask them. Prints each
question's mark (OK: F1 ≥ 0.67, ~: partly, BAD), then per file the mean F1 (a refusal is right only for a
question without an answer), the right answers refused and the questions without an answer answered.
A minute on the seed index (build it first with ``qa index``). ``--typed`` asks each question as people
often type one: in lower case, without its question mark ("which river separates the two sections");
``--typos`` with one slip of the hand: two letters of one word of six letters or more swapped (a seeded
choice: "Which river spearates the two sections?").

    .venv/bin/python eval/scripts/dev_questions.py [--typed] [--typos] [eval/dev-questions/*.tsv]
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from qa.config import Settings
from qa.evaluate.metrics import token_f1
from qa.pipeline import Pipeline

DEFAULT = sorted((Path(__file__).parent.parent / "dev-questions").glob("*.tsv"))


def with_typo(question: str) -> str:
    """``question`` with two neighbouring letters of one of its longer words swapped (seeded by the question)."""
    found = list(re.finditer(r"[A-Za-z]{6,}", question))
    if not found:
        return question
    rng = random.Random(question)
    word = rng.choice(found)
    at = word.start() + rng.randrange(1, len(word.group()) - 2)
    return question[:at] + question[at + 1] + question[at] + question[at + 2 :]


def main(paths: list[Path], typed: bool = False, typos: bool = False) -> None:
    pipeline = Pipeline.load(Settings.from_env())
    for path in paths:
        rows = [line.rstrip("\n").split("\t") for line in path.read_text().splitlines() if line.strip()]
        if typos:
            rows = [[with_typo(question), *expected] for question, *expected in rows]
        if typed:
            rows = [[question.lower().replace("?", ""), *expected] for question, *expected in rows]
        total, refused_right, answered, without = 0.0, 0, 0, 0
        for question, *expected in rows:
            want = expected[0] if expected else ""
            response = pipeline.ask(question)
            text = "" if response.no_answer else response.answers[0].text
            top = response.candidates[0] if response.candidates else None
            if want:
                f1 = token_f1(text, want)
                refused_right += not text and top is not None and token_f1(top.text, want) >= 0.5
            else:
                f1 = float(not text)
                without += 1
                answered += bool(text)
            total += f1
            mark = "OK " if f1 >= 0.67 else ("~  " if f1 > 0 else "BAD")
            candidate = f"{top.text!r} {top.score:.2f}" if top else "-"
            print(f"{mark} {question} -> {text!r} | top {candidate} | want {want!r}")
        print(
            f"{path.name}: mean F1 {total / len(rows):.3f} over {len(rows)}; right answers refused {refused_right}; "
            f"{answered} of {without} questions without an answer answered",
            flush=True,
        )


if __name__ == "__main__":
    flags = {"--typed", "--typos"}
    args = [a for a in sys.argv[1:] if a not in flags]
    main([Path(p) for p in args] or DEFAULT, typed="--typed" in sys.argv[1:], typos="--typos" in sys.argv[1:])
