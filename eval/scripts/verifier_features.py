"""Which candidate verifier features help: article-folded 5-fold cross-validation on saved outcomes.

Session 14's experiment (this commit only; the next one reverts it). At this commit:

    .venv/bin/qa fit-verifier --cv --data ../shared/data --out build/v.json --save-outcomes build/o.json
    .venv/bin/python eval/scripts/verifier_features.py build/o.json

For the committed features ("base"), each new feature added alone, all of them, and "joint" with each
other one, it prints: the F1 of the answer the verifier puts first on answerable questions (no
refusal; "oracle5": the best of the five candidates), the has-answer ROC AUC (all, in-paragraph,
within each SQuAD 2.0 article), the "top answer right" AUC, calibration error, SQuAD 2.0 F1 and
refusals at each fold's threshold, and the same for the ``squad2`` calibration on its articles.
"""

import json
import sys

import numpy as np

import qa.read.verify as verify
from qa.evaluate.calibrate import Outcomes, _folds, cross_validate, fit_outcomes

NEW = ("mass", "support", "near_question", "in_hits", "joint")
BASE = tuple(f for f in verify.FEATURES if f not in NEW)


def choice(outcomes: Outcomes, feats: tuple[str, ...]) -> tuple[float, float]:
    verify.FEATURES = feats
    n = len(outcomes.answerable)
    chosen = np.zeros(n)
    for test in _folds(outcomes, 5, 13):
        train = sorted(set(range(n)) - set(test))
        model = fit_outcomes("learned", outcomes.subset(train))
        for i in test:
            rows = outcomes.features[i]
            if rows:
                x = np.asarray([[r[f] for f in model.features] for r in rows], dtype=float)
                chosen[i] = outcomes.f1[i][int(np.argmax(model.logits(x)))]
    answerable = np.asarray(outcomes.answerable)
    best = np.asarray([max(f) if f else 0 for f in outcomes.f1])
    return float(chosen[answerable].mean()), float(best[answerable].mean())


def main(path: str) -> None:
    outcomes = Outcomes.load(path)
    variants = {"base": BASE} | {"+" + f: (*BASE, f) for f in NEW} | {"+all": BASE + NEW}
    variants |= {"+joint+" + f: (*BASE, "joint", f) for f in NEW[:-1]}
    for name, feats in variants.items():
        picked, oracle = choice(outcomes, feats)
        verify.FEATURES = feats
        cv = cross_validate("learned", outcomes)
        within = {k[:6]: round(v, 3) for k, v in cv["auc_has_answer_within_article"].items()}
        w = cv["squad2_calibration_on_squad2_style_articles"]
        print(
            f"{name:22s} choice F1 {picked:.4f} (oracle5 {oracle:.4f}) has-answer AUC {cv['auc_has_answer']:.4f}"
            f" in-paragraph {cv['auc_has_answer_in_paragraph']:.4f} within {json.dumps(within)}"
            f" right AUC {cv['auc_right']:.4f} ECE {cv['ece_weighted']:.4f} SQuAD2 F1 {cv['squad2_f1_weighted']:.4f}"
            f" refused {cv['unanswerable_refused']:.3f}/{cv['answerable_refused']:.3f} | squad2 calibration:"
            f" F1 {w['squad2_f1']:.4f} ECE {w['ece']:.4f}"
            f" refused {w['unanswerable_refused']:.3f}/{w['answerable_refused']:.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1])
