"""Two ways of combining trained readers, each read on the reader's own validation articles (the span
model alone, given each question's paragraph; the figures `qa train-reader` prints after an epoch):

- `soup`: one model whose weights are the weighted mean of the readers' weights (no extra cost);
- `ensemble`: every reader reads every window and their start/end logits are averaged (n times the cost).

    .venv/bin/python eval/scripts/combine_readers.py soup 0.5,0.5 qa/models/reader build/train-v5/reader
    .venv/bin/python eval/scripts/combine_readers.py ensemble - qa/models/reader build/train-v5/reader

The first reader alone: `soup 1 qa/models/reader`. Session 7 tried both (README, Evaluation).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from qa.evaluate.reading import read_paragraphs, reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, split_articles, training_pool
from qa.read.span import load_span_model


def main(mode: str, weights: str, dirs: list[Path]) -> None:
    _, validation = split_articles(training_pool(DEFAULT_DATA_DIR), reader_validation_articles(dirs[0]))
    models = [load_span_model(d)[0] for d in dirs]
    combined = models[0]
    if mode == "soup" and len(models) > 1:
        shares = [float(w) for w in weights.split(",")]
        states = [m.model.state_dict() for m in models]
        combined.model.load_state_dict(
            {k: sum(w * s[k].float() for w, s in zip(shares, states, strict=True)) for k in states[0]}
        )
    elif mode == "ensemble":
        readers = [m._torch_logits for m in models]

        def averaged(enc):  # the span model's own encoded windows
            outs = [read(enc) for read in readers]
            return sum(o[0] for o in outs) / len(outs), sum(o[1] for o in outs) / len(outs)

        combined._torch_logits = averaged  # type: ignore[method-assign]
    combined.model.eval()
    started = time.perf_counter()
    report = read_paragraphs(combined, validation)
    print(
        json.dumps(
            {
                "mode": mode,
                "weights": weights,
                "readers": [str(d) for d in dirs],
                **report,
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], [Path(d) for d in sys.argv[3:]])
