"""Which SQuAD questions ``asked.spell_out`` rewrites, each against an index of its file's paragraphs (the collection
the benchmarks search: every paragraph of the file, one document each; a hashing embedder, since only the chunks'
text is read). Prints each rewritten question outside the held-out articles and counts those inside them, never
printing them. What it shows: how often questions carry a short form their documents never write, and what it is
read as ("NFL" → "National Football League"; session 56).

    .venv/bin/python eval/scripts/spelt_out_questions.py [SQUAD.json ...]   # default: the three files of ../shared/data
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from qa.config import Settings
from qa.evaluate.harness import temporary_pipeline
from qa.evaluate.squad import DEFAULT_DATA_DIR, DEV_V11, DEV_V20, HELDOUT_V11, HELDOUT_V20, TRAIN_V20
from qa.index.embed import HashingEmbedder
from qa.read.asked import spell_out

HELDOUT = set(HELDOUT_V11) | set(HELDOUT_V20)


def main(paths: list[Path]) -> None:
    for path in paths:
        articles = json.loads(path.read_text())["data"]
        documents = {f"{a['title']}-{k}.txt": p["context"] for a in articles for k, p in enumerate(a["paragraphs"])}
        questions = [
            (a["title"] in HELDOUT, qa["question"]) for a in articles for p in a["paragraphs"] for qa in p["qas"]
        ]
        with temporary_pipeline(Settings.from_env(), documents, HashingEmbedder()) as pipeline:
            index = pipeline.index
            outside, inside = 0, 0
            for held_out, question in questions:
                spelt = spell_out(
                    question, index.spelt_out, index.surface_forms, pipeline._common_word, len(index.chunks)
                )
                if spelt == question:
                    continue
                if held_out:
                    inside += 1
                else:
                    outside += 1
                    print(f"  {question!r} → {spelt!r}")
        print(f"{path.name}: {outside} of {len(questions)} rewritten outside the held-out articles, {inside} inside")


if __name__ == "__main__":
    given = [Path(arg) for arg in sys.argv[1:]]
    main(given or [DEFAULT_DATA_DIR / name for name in (TRAIN_V20, DEV_V20, DEV_V11)])
