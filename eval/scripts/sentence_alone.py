"""A second reading of the answer's sentence alone, as a sign that a question has an answer: given each
question's own paragraph, the span model's best span in it (best span minus null over the paragraph's
windows), then the question with that span's sentence alone: the same span's margin there. ROC AUC of
"has an answer" for each margin, within each validation article that holds SQuAD 2.0's written
unanswerable questions (training pool only, never a held-out article).

    .venv/bin/python eval/scripts/sentence_alone.py [../shared/data]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from qa.evaluate.metrics import roc_auc
from qa.evaluate.reading import reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.index.chunk import split_sentences
from qa.read.span import DEFAULT_MODEL_DIR, load_span_model
from qa.records import Span

FLOOR = -20.0  # the margin of a span that cannot be scored in the sentence alone


def main(data_dir: Path) -> None:
    model, _ = load_span_model()
    pool = training_pool(data_dir)
    validation = reader_validation_articles(DEFAULT_MODEL_DIR)
    written = {e.article for e in pool if e.article in validation and e.impossible}
    for article in sorted(written):
        window, alone, has = [], [], []
        for e in (e for e in pool if e.article == article):
            best = None
            for w in model.windows(e.question, [e.context]):
                spans = w.decode(model.max_answer_tokens, 1)
                if spans and (best is None or spans[0][2] - w.null > best[2]):
                    best = (spans[0][0], spans[0][1], spans[0][2] - w.null)
            if best is None:
                continue
            sentence = next(
                s for s in split_sentences(e.context, Span(0, len(e.context))) if s.start <= best[0] < s.end
            )
            short = model.windows(e.question, [e.context[sentence.start : sentence.end]])
            at = (best[0] - sentence.start, best[1] - sentence.start)
            scored = [s - w.null for w in short if (s := w.score_span(*at)) is not None]
            window.append(best[2])
            alone.append(max(scored, default=FLOOR))
            has.append(not e.impossible)
        both = (np.asarray(window) + np.asarray(alone)).tolist()
        print(
            f"{article}: {len(has)} questions, {len(has) - sum(has)} unanswerable; has-answer ROC AUC of the"
            f" window margin {roc_auc(window, has):.3f}, sentence alone {roc_auc(alone, has):.3f},"
            f" their sum {roc_auc(both, has):.3f}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA_DIR)
