"""Every gold answer of the training pool (held-out articles never read) as ``shape.shape_span`` shapes it, one
line each: question, gold answer, shaped answer (``None`` where shaping drops it). The checks of
``gold_answer_checks.py`` name each shaping step; this is the whole of ``shape_span`` at once, for comparing two
commits (a step that moves no gold answer leaves the output identical). Seconds.

    PYTHONPATH=A .venv/bin/python eval/scripts/gold_shapes.py > a.txt   # from a checkout (or worktree) A
    PYTHONPATH=B .venv/bin/python eval/scripts/gold_shapes.py > b.txt
    diff a.txt b.txt
"""

from __future__ import annotations

from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.read.question import analyze
from qa.read.shape import shape_span


def main() -> None:
    for e in training_pool(DEFAULT_DATA_DIR):
        q = analyze(e.question)
        for text, start in zip(e.answers, e.starts, strict=True):
            shaped = shape_span(q, e.context, start, start + len(text))
            print(e.question, "|", text, "|", None if shaped is None else e.context[shaped[0] : shaped[1]])


if __name__ == "__main__":
    main()
