"""The question's kind as verifier features: one-hots, and their products with the margin, the gap and the
type mismatch, in article-folded 5-fold cross-validation on saved outcomes (session 14; this commit only,
the next one reverts it). At this commit:

    .venv/bin/qa fit-verifier --cv --data ../shared/data --out build/v.json --save-outcomes build/o.json
    .venv/bin/python eval/scripts/verifier_kinds.py build/o.json
"""

import json
import sys

import numpy as np

import qa.read.verify as verify
from qa.evaluate.calibrate import Outcomes, _folds, cross_validate, fit_outcomes

KINDS = ("kind_time", "kind_person", "kind_place", "kind_number", "kind_describe", "kind_list")
BASE = tuple(f for f in verify.FEATURES if f not in KINDS)


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
    for r in rows:
        for k in KINDS:
            r["m_" + k] = r["margin"] * r[k]
            r["t_" + k] = r["type_mismatch"] * r[k]
            r["g_" + k] = r["gap"] * r[k]
variants = {
    "base": BASE,
    "+kinds": BASE + KINDS,
    "+kinds+margin_x": BASE + KINDS + tuple("m_" + k for k in KINDS),
    "+kinds+margin_x+gap_x": BASE + KINDS + tuple("m_" + k for k in KINDS) + tuple("g_" + k for k in KINDS),
    "+kinds+type_x": BASE + KINDS + tuple("t_" + k for k in KINDS),
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
