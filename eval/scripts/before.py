"""Figures of the previous release (commit 4f7928b: int8 span reader, no verifier) on the held-out articles.

Run from a checkout of that commit, with this project's virtual environment:

    git worktree add /tmp/qa-before 4f7928b
    PYTHONPATH=/tmp/qa-before .venv/bin/python eval/scripts/before.py ../shared/data > eval/before.json

It uses that commit's own pipeline and metric functions (``qa.eval``) and scores only the held-out
questions of shared/data/README.md, the same way ``qa eval --squad v1.1|v2.0`` does now.
"""

# The qa.* imports name release 4f7928b's modules (qa.embed, qa.eval, qa.index), not today's: ruff cannot
# tell they are this project's own, so it would sort them as third-party.
# ruff: noqa: I001
from __future__ import annotations

import json
import sys
from pathlib import Path

from qa.config import Settings
from qa.embed import embedder_for
from qa.eval import f1, run_questions, score, squad_questions
from qa.index import build_index, load_index
from qa.pipeline import Pipeline

HELDOUT = {
    "v1.1": (
        "squad-dev-v1.1-part.json",
        {
            "Super_Bowl_50",
            "Oxygen",
            "Apollo_program",
            "Black_Death",
            "Geology",
            "Prime_number",
            "University_of_Chicago",
        },
    ),
    "v2.0": ("squad-dev-v2.0-part.json", {"Packet_switching", "Warsaw", "Force"}),
}


def auc(scores, labels):
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def ece(probabilities, outcomes, bins=10):
    total, error = len(probabilities), 0.0
    for b in range(bins):
        inside = [
            (p, o)
            for p, o in zip(probabilities, outcomes, strict=True)
            if b / bins <= p < (b + 1) / bins or (b == bins - 1 and p == 1)
        ]
        if inside:
            mean_p = sum(p for p, _ in inside) / len(inside)
            error += len(inside) / total * abs(mean_p - sum(o for _, o in inside) / len(inside))
    return error


def main(data: Path) -> dict:
    import tempfile

    settings = Settings.from_env()
    embedder = embedder_for(settings)
    out = {"commit": "4f7928b", "reader": settings.reader, "int8": settings.reader_int8}
    for name, (file, articles) in HELDOUT.items():
        path = data / file
        raw = json.loads(path.read_text())["data"]
        keep = {qa["id"] for a in raw if a["title"] in articles for p in a["paragraphs"] for qa in p["qas"]}
        documents, questions = squad_questions(path, None, 13)
        questions = [q for q in questions if q.id in keep]
        with tempfile.TemporaryDirectory() as tmp:
            local = settings.with_(seeds_dir=Path(tmp) / "seeds", index_dir=Path(tmp) / "index")
            local.seeds_dir.mkdir()
            for doc_id, text in documents.items():
                (local.seeds_dir / doc_id).write_text(text, encoding="utf-8")
            build_index(local, embedder, full=True)
            pipeline = Pipeline(load_index(local.index_dir), embedder, local)
            outcomes = run_questions(pipeline, questions)
            threshold = pipeline.threshold
            figures = score(outcomes, threshold, lambda d, pipeline=pipeline: pipeline.index.document(d).raw)
        top = [o.answers[0].score if o.answers else 0.0 for o in outcomes]
        right = [
            o.gold.answerable and bool(o.answers) and f1(o.answers[0].text, o.gold.answers) >= 0.5 for o in outcomes
        ]
        refused = [not o.answers or o.answers[0].score < threshold for o in outcomes]
        figures["ece"] = ece(top, right)
        figures["auc_right"] = auc(top, right)
        if any(not o.gold.answerable for o in outcomes):
            figures["auc_has_answer"] = auc(top, [o.gold.answerable for o in outcomes])
            figures["squad2_f1"] = sum(
                (f1("" if r else o.answers[0].text, o.gold.answers) if o.gold.answerable else float(r))
                for o, r in zip(outcomes, refused, strict=True)
            ) / len(outcomes)
            refused_unanswerable = sum(r for o, r in zip(outcomes, refused, strict=True) if not o.gold.answerable)
            figures["unanswerable_refused"] = refused_unanswerable / max(
                1, sum(not o.gold.answerable for o in outcomes)
            )
        out[name] = figures
        print(name, json.dumps({k: v for k, v in figures.items()}), file=sys.stderr)
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")), indent=2))
