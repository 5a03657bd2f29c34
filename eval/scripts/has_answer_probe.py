"""Would a has-answer head on the span model's [CLS] separate answerable from unanswerable questions
better than the model's own span-minus-null margin? A probe, before building one into the artifact.

For each question given its own paragraph, the window with the best span-minus-null margin gives two
things: that margin, and the encoder's last hidden state at [CLS] (384 numbers). A logistic regression
on the [CLS] state (and on it with the margin) is fitted on SQuAD questions of the training pool
outside the reader's validation articles (every unanswerable one and a seeded sample of answerable
ones; the encoder was trained on them, so the probe is fitted on features it has seen), then scored on
the validation articles: ROC AUC for "has an answer", pooled and within each article that holds both
kinds. Nothing here touches the held-out articles.

    .venv/bin/python eval/scripts/has_answer_probe.py [ANSWERABLE_SAMPLE]
"""

from __future__ import annotations

import json
import random
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from qa.evaluate.metrics import roc_auc
from qa.evaluate.reading import reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, SquadExample, training_pool
from qa.read.span import DEFAULT_MODEL_DIR, load_span_model


def features(examples: list[SquadExample]) -> tuple[np.ndarray, np.ndarray]:
    """Per question: the best window's margin and its [CLS] state."""
    import torch

    model, _ = load_span_model(DEFAULT_MODEL_DIR)
    captured: list[np.ndarray] = []

    def logits_and_cls(enc):  # the span model's own forward pass, keeping the last [CLS] states
        with torch.inference_mode():
            out = model.model(**{k: torch.from_numpy(v) for k, v in enc.inputs().items()}, output_hidden_states=True)
        captured.append(out.hidden_states[-1][:, 0].float().numpy())
        return out.start_logits.float().numpy(), out.end_logits.float().numpy()

    model._torch_logits = logits_and_cls  # type: ignore[method-assign]
    margins, states = [], []
    for n, e in enumerate(examples):
        captured.clear()
        windows = model.windows(e.question, [e.context])
        scored = []
        for w in windows:
            spans = w.decode(model.max_answer_tokens, 1)
            scored.append(spans[0][2] - w.null if spans else -50.0)
        best = int(np.argmax(scored))
        margins.append(scored[best])
        states.append(captured[0][best])
        if (n + 1) % 500 == 0:
            print(f"{n + 1}/{len(examples)} questions read", file=sys.stderr, flush=True)
    return np.asarray(margins), np.asarray(states)


def main(sample: int) -> None:
    pool = [e for e in training_pool(DEFAULT_DATA_DIR) if e.kind == "squad"]
    validation_names = reader_validation_articles(DEFAULT_MODEL_DIR)
    validation = [e for e in pool if e.article in validation_names]
    train = [e for e in pool if e.article not in validation_names]
    answerable = [e for e in train if not e.impossible]
    train = [e for e in train if e.impossible] + random.Random(13).sample(answerable, min(sample, len(answerable)))
    m_train, s_train = features(train)
    m_val, s_val = features(validation)
    y_train = np.array([not e.impossible for e in train])
    y_val = [not e.impossible for e in validation]
    scores = {"margin": m_val.tolist()}
    for name, x_train, x_val in (
        ("cls", s_train, s_val),
        ("cls+margin", np.column_stack([s_train, m_train]), np.column_stack([s_val, m_val])),
    ):
        scaler = StandardScaler().fit(x_train)
        probe = LogisticRegression(C=0.1, max_iter=2000).fit(scaler.transform(x_train), y_train)
        scores[name] = probe.decision_function(scaler.transform(x_val)).tolist()
    report: dict = {"train_questions": len(train), "train_unanswerable": int((~y_train).sum())}
    report["validation_questions"] = len(validation)
    report["validation_unanswerable"] = sum(not y for y in y_val)
    articles = sorted({e.article for e in validation if e.impossible})
    for name, values in scores.items():
        within = {}
        for article in articles:
            rows = [i for i, e in enumerate(validation) if e.article == article]
            within[article] = roc_auc([values[i] for i in rows], [y_val[i] for i in rows])
        report[name] = {"auc_has_answer": roc_auc(values, y_val), "within_article": within}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2500)
