"""How often SQuAD 2.0's unanswerable questions hold a negation ("not", "never", "n't", …) that the
sentence sharing most of their words lacks, on the training pool (held-out articles never read), and
how that splits between the verifier's validation articles and the rest of the pool. Seconds.

    .venv/bin/python eval/scripts/negated_questions.py [../shared/data]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from qa.evaluate.reading import reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.index.chunk import split_sentences
from qa.read.learned import DEFAULT_MODEL_DIR
from qa.records import Span
from qa.text import terms

NEGATION = re.compile(r"\b(?:not|never|none|nobody|nothing|neither|nor|cannot|no(?![\s.]*\d))\b|n['’]t\b", re.I)


def main(data_dir: Path) -> None:
    validation = reader_validation_articles(DEFAULT_MODEL_DIR)
    pairs: Counter[tuple[bool, bool, bool]] = Counter()  # (negated, sentence negated, unanswerable)
    by_part: Counter[tuple[bool, bool, bool]] = Counter()  # (validation article, unanswerable, negated)
    for e in training_pool(data_dir):
        if "v2.0" not in e.source:
            continue
        sentences = [e.context[s.start : s.end] for s in split_sentences(e.context, Span(0, len(e.context)))]
        asked = set(terms(e.question))
        best = max(sentences, key=lambda s: len(asked & set(terms(s))), default="")
        negated = NEGATION.search(e.question) is not None
        pairs[(negated, NEGATION.search(best) is not None, e.impossible)] += 1
        by_part[(e.article in validation, e.impossible, negated)] += 1
    for negated in (False, True):
        for said in (False, True):
            a, u = pairs[(negated, said, False)], pairs[(negated, said, True)]
            print(f"question negated {negated!s:5}, its sentence {said!s:5}: {a:5d} answerable, {u:5d} unanswerable")
    for inside in (True, False):
        where = "validation articles" if inside else "rest of the pool  "
        negated, total = by_part[(inside, True, True)], by_part[(inside, True, True)] + by_part[(inside, True, False)]
        print(f"{where}: {negated} of {total} unanswerable questions negated")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA_DIR)
