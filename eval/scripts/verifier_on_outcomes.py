"""A fitted verifier scored, as it is (no refit), on validation outcomes kept by ``qa fit-verifier
--save-outcomes``: the figures ``qa fit-verifier --cv`` prints, for comparing a packaged verifier with a refit
on the same outcomes. The packaged one was fitted on earlier outcomes of the same questions, so this favours
neither by much; a refit scored here is scored in-sample. Seconds.

    .venv/bin/qa fit-verifier --cv --data ../shared/data --out build/v.json --save-outcomes build/o.json
    .venv/bin/python eval/scripts/verifier_on_outcomes.py qa/models/verifier/learned.json build/o.json
    .venv/bin/python eval/scripts/verifier_on_outcomes.py build/v.json build/o.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from qa.evaluate.calibrate import Outcomes, squad2_style
from qa.evaluate.harness import RIGHT_F1
from qa.evaluate.metrics import expected_calibration_error, mean, roc_auc
from qa.read.verify import VerifierModel


def main(model_path: Path, outcomes_path: Path) -> None:
    model = VerifierModel.load(model_path)
    outcomes = Outcomes.load(outcomes_path)
    n = len(outcomes.answerable)
    probability, kept, refused, right = np.zeros(n), np.zeros(n), np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
    for i, rows in enumerate(outcomes.features):
        if not rows:
            continue
        p = model.probability(model.logits(np.asarray([[r[f] for f in model.features] for r in rows], dtype=float)))
        best = int(np.argmax(p))
        probability[i], kept[i] = p[best], outcomes.f1[i][best]
        right[i], refused[i] = kept[i] >= RIGHT_F1, p[best] < model.threshold
    answerable = np.asarray(outcomes.answerable)
    inside = ~np.asarray(outcomes.off_topic or [False] * n, dtype=bool)
    squad2 = np.where(refused, ~answerable, np.where(answerable, kept, 0.0))
    figures = {
        "auc_has_answer": roc_auc(probability.tolist(), answerable.tolist()),
        "auc_has_answer_in_paragraph": roc_auc(probability[inside].tolist(), answerable[inside].tolist()),
        "auc_right": roc_auc(probability.tolist(), right.tolist()),
        "ece": expected_calibration_error(probability.tolist(), right.tolist()),
        "squad2_f1": float(squad2.mean()),
        "unanswerable_refused": mean(refused[~answerable].tolist()),
        "answerable_refused": mean(refused[answerable].tolist()),
        "answerable_first_f1": mean(kept[answerable].tolist()),
        "squad2_style_questions": sum(squad2_style(outcomes) or []),
    }
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
