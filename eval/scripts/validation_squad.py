"""Write the reader's validation articles (named in its training.json, all inside the training pool)
as one SQuAD 2.0 file, so that settings can be chosen on them with `qa eval --squad FILE` and never
on the held-out articles:

    .venv/bin/python eval/scripts/validation_squad.py build/validation.json
    QA_EXIT_PROBABILITY=0.7 .venv/bin/qa eval --squad build/validation.json --limit 600
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from qa.evaluate.reading import reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.read.span import DEFAULT_MODEL_DIR


def main(out: Path) -> None:
    articles = reader_validation_articles(DEFAULT_MODEL_DIR)
    by_article: dict[str, dict[str, list[dict]]] = {}
    for e in training_pool(DEFAULT_DATA_DIR):
        if e.article not in articles:
            continue
        paragraph = by_article.setdefault(e.article, {}).setdefault(e.context, [])
        answers = [{"text": t, "answer_start": s} for t, s in zip(e.answers, e.starts, strict=True)]
        paragraph.append({"id": e.qid, "question": e.question, "answers": answers, "is_impossible": not answers})
    data = [
        {"title": title, "paragraphs": [{"context": c, "qas": qas} for c, qas in paragraphs.items()]}
        for title, paragraphs in sorted(by_article.items())
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"version": "v2.0", "data": data}))
    questions = sum(len(p["qas"]) for a in data for p in a["paragraphs"])
    print(f"wrote {out}: {len(data)} articles, {questions} questions")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/validation.json"))
