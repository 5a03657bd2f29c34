"""How often a faster setting gives the same top answer (or the same refusal) as the default, on the
held-out questions of an open benchmark: one throw-away index, every question asked both ways.

    .venv/bin/python eval/scripts/same_top.py v1.1 exit_probability=0.5
    .venv/bin/python eval/scripts/same_top.py v2.0 reader_bf16=1     # the span model in bf16

A setting that changes how the span model is loaded (``reader_*`` precision or backend) gets its own
reader; any other change shares the default one.
"""

from __future__ import annotations

import sys

from qa.config import Settings
from qa.evaluate.benchmark import benchmark_set
from qa.evaluate.harness import temporary_pipeline
from qa.evaluate.squad import paragraphs
from qa.index.embed import embedder_for
from qa.pipeline import Pipeline, make_reader_factory

LOADING = ("reader_bf16", "reader_int8", "reader_backend")


def main(name: str, change: str) -> None:
    key, value = change.split("=")
    settings = Settings.from_env()
    faster = Settings.from_env({f"QA_{key.upper()}": value})
    path, examples = benchmark_set(name)
    embedder = embedder_for(settings)
    with temporary_pipeline(settings, paragraphs(path), embedder) as pipeline:
        changed = pipeline.settings.with_(**{key: getattr(faster, key)})
        factory = make_reader_factory(changed) if key in LOADING else pipeline.reader_factory
        other = Pipeline(pipeline.index, embedder, changed, factory)
        same = 0
        for e in examples:
            a, b = pipeline.ask(e.question), other.ask(e.question)
            top = (a.answers[0].citation.start, a.answers[0].text) if a.answers else None
            fast = (b.answers[0].citation.start, b.answers[0].text) if b.answers else None
            same += top == fast
    print(f"{name}: {change}: same top answer or refusal on {same} of {len(examples)} ({same / len(examples):.1%})")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
