"""How well an answer fits the question's head noun, as verifier features: the cosine between the head
noun and the answer (`head_fit`), whether there is a head noun, and the cosine less the best candidate's
(`head_rel`), in article-folded 5-fold cross-validation on saved outcomes (session 14; this commit only,
the next one reverts it). At this commit:

    .venv/bin/qa fit-verifier --cv --data ../shared/data --out build/v.json --save-outcomes build/o.json
    .venv/bin/python eval/scripts/verifier_head_fit.py build/o.json
"""

import json
import sys

import numpy as np

import qa.read.verify as verify
from qa.evaluate.calibrate import Outcomes, _folds, cross_validate, fit_outcomes

NEW = ("head_fit", "has_head", "head_rel")
BASE = tuple(f for f in verify.FEATURES if f not in NEW)


def choice(outcomes, feats):
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
    ans = np.asarray(outcomes.answerable)
    return float(chosen[ans].mean())


o = Outcomes.load(sys.argv[1])
for rows in o.features:
    top = max((r["head_fit"] for r in rows), default=0.0)
    for r in rows:
        r["head_rel"] = r["head_fit"] - top
variants = {
    "base": BASE,
    "+head_fit": (*BASE, "head_fit"),
    "+head_fit+has_head": (*BASE, "head_fit", "has_head"),
    "+head_rel": (*BASE, "head_rel"),
    "+head_fit+head_rel": (*BASE, "head_fit", "head_rel"),
}
for name, feats in variants.items():
    c = choice(o, feats)
    verify.FEATURES = feats
    cv = cross_validate("learned", o)
    w = cv["squad2_calibration_on_squad2_style_articles"]
    within = {k[:6]: round(v, 3) for k, v in cv["auc_has_answer_within_article"].items()}
    print(
        f"{name:24s} choice {c:.4f} auc_has {cv['auc_has_answer']:.4f} in_par {cv['auc_has_answer_in_paragraph']:.4f}"
        f" within {json.dumps(within)} auc_right {cv['auc_right']:.4f} ece {cv['ece_weighted']:.4f}"
        f" sq2F1 {cv['squad2_f1_weighted']:.4f} ref {cv['unanswerable_refused']:.3f}/{cv['answerable_refused']:.3f}"
        f" | squad2 F1 {w['squad2_f1']:.4f} ece {w['ece']:.4f}"
        f" ref {w['unanswerable_refused']:.3f}/{w['answerable_refused']:.3f}",
        flush=True,
    )
