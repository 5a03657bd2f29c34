"""Where the wrong top answers of an open benchmark come from: for each answerable question of a SQuAD
file, whether the service's top answer is right (F1 >= 0.5), refused, wrong but inside a sentence that
holds a gold answer (the span was chosen badly), or wrong from another sentence (the wrong sentence was
read or ranked first). The predictions come from ``qa eval --squad FILE --predictions P``. Seconds.

    .venv/bin/qa eval --squad build/validation.json --predictions build/pred.json
    .venv/bin/python eval/scripts/wrong_answers.py build/validation.json build/pred.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from qa.evaluate.harness import RIGHT_F1
from qa.evaluate.metrics import f1
from qa.index.chunk import split_sentences
from qa.records import Span


def main(squad: Path, predictions: Path) -> None:
    predicted = json.loads(predictions.read_text())
    counts: Counter[str] = Counter()
    for article in json.loads(squad.read_text())["data"]:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            sentences = split_sentences(context, Span(0, len(context)))
            for qa in paragraph["qas"]:
                golds = [a["text"] for a in qa["answers"]]
                if not golds or qa["id"] not in predicted:
                    continue
                answer = predicted[qa["id"]]
                if not answer:
                    counts["refused"] += 1
                elif f1(answer, golds) >= RIGHT_F1:
                    counts["right"] += 1
                else:
                    starts = [a["answer_start"] for a in qa["answers"]]
                    held = [context[s.start : s.end] for s in sentences if any(s.start <= x < s.end for x in starts)]
                    counts["wrong, in a gold sentence" if any(answer in s for s in held) else "wrong, elsewhere"] += 1
    total = sum(counts.values())
    for kind in ("right", "refused", "wrong, in a gold sentence", "wrong, elsewhere"):
        print(f"{kind:28} {counts[kind]:5}  {counts[kind] / max(total, 1):.3f}")
    print(f"{'answerable questions':28} {total:5}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
