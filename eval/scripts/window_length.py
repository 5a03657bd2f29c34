"""The span model alone on its validation articles (those its training.json names), given each question's
paragraph, read in windows of other lengths than the one it was trained on (192 tokens, stride 64): the
figures `qa train-reader` prints after an epoch, once per ``LENGTH:STRIDE``.

    .venv/bin/python eval/scripts/window_length.py 192:64 288:96 384:128

Session 14 (README, Evaluation, "Tried since"): HasAns F1 0.686 / 0.685 / 0.685, SQuAD 2.0 F1 at the
margin 0.584 / 0.585 / 0.586: longer windows buy nothing.
"""

from __future__ import annotations

import json
import sys
import time

from qa.evaluate.reading import read_paragraphs, reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, split_articles, training_pool
from qa.read.span import DEFAULT_MODEL_DIR, load_span_model


def main(settings: list[str]) -> None:
    articles = reader_validation_articles(DEFAULT_MODEL_DIR)
    _, validation = split_articles(training_pool(DEFAULT_DATA_DIR), articles)
    span_model = load_span_model(DEFAULT_MODEL_DIR)[0]
    for setting in settings:
        length, stride = (int(part) for part in setting.split(":"))
        span_model.max_length, span_model.stride = length, stride
        started = time.perf_counter()
        report = read_paragraphs(span_model, validation)
        seconds = round(time.perf_counter() - started, 1)
        print(json.dumps({"max_length": length, "stride": stride, **report, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
