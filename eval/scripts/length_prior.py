"""A length prior in span decoding, measured on the validation articles' own paragraphs (answerable
questions; training pool only, never a held-out article): each span's score (start + end logit) less
``weight`` per word beyond ``free`` words, HasAns F1 of the best span for each setting.

    .venv/bin/python eval/scripts/length_prior.py [../shared/data]
"""

from __future__ import annotations

import sys
from pathlib import Path

from qa.evaluate.metrics import f1
from qa.evaluate.reading import reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.read.span import DEFAULT_MODEL_DIR, load_span_model

SETTINGS = ((0.0, 0), (0.1, 3), (0.3, 3), (0.1, 5), (0.2, 5), (0.4, 5), (0.2, 8), (0.5, 8))


def main(data_dir: Path) -> None:
    model, _ = load_span_model()
    validation = reader_validation_articles(DEFAULT_MODEL_DIR)
    questions = [e for e in training_pool(data_dir) if e.article in validation and not e.impossible]
    spans = []  # each question's decoded spans: (text, score)
    for e in questions:
        found = []
        for w in model.windows(e.question, [e.context]):
            found += [(e.context[a:b], score) for a, b, score in w.decode(model.max_answer_tokens, 20)]
        spans.append(found)
    print(f"{len(questions)} answerable validation questions")
    for weight, free in SETTINGS:
        total = 0.0
        for e, found in zip(questions, spans, strict=True):
            if found:
                best = max(found, key=lambda s: s[1] - weight * max(0, len(s[0].split()) - free))
                total += f1(best[0], e.answers)
        print(f"weight {weight:.1f} per word beyond {free}: HasAns F1 {total / len(questions):.4f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA_DIR)
