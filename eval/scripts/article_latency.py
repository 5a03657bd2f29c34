"""/ask in process on documents the size people keep: every article of the training pool as one document
(28 documents, about a million characters; the seed article is 5,107), asked a seeded sample of the pool's
questions. Prints the p50 / p90 / p99 / max time per question, the slowest questions, and with ``--profile``
where the time goes (cProfile, by own time, of the same questions asked again). The answers are not scored
here: what it measures is the cost of reading and checking when documents are long.

    .venv/bin/python eval/scripts/article_latency.py [QUESTIONS] [--profile]
"""

from __future__ import annotations

import cProfile
import io
import pstats
import random
import sys
import time

from qa.config import Settings
from qa.evaluate.harness import temporary_pipeline
from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.index.embed import embedder_for


def main(n: int, profile: bool) -> None:
    pool = training_pool(DEFAULT_DATA_DIR)
    articles: dict[str, list[str]] = {}
    for e in pool:
        paragraphs = articles.setdefault(e.article, [])
        if e.context not in paragraphs:
            paragraphs.append(e.context)
    documents = {f"{k:02d}.txt": "\n\n".join(paragraphs) for k, paragraphs in enumerate(articles.values())}
    size = sum(len(d) for d in documents.values())
    print(f"{len(documents)} documents, {size:,} characters (the longest {max(map(len, documents.values())):,})")
    questions = random.Random(5).sample([e.question for e in pool], n)
    settings = Settings()
    with temporary_pipeline(settings, documents, embedder_for(settings)) as pipeline:
        pipeline.ask("What is a warm-up question?", 3)
        timed = []
        for question in questions:
            began = time.perf_counter()
            pipeline.ask(question, 3)
            timed.append((1000 * (time.perf_counter() - began), question))
        timed.sort()
        ms = [t for t, _ in timed]
        at = lambda share: ms[min(len(ms) - 1, int(share * len(ms)))]  # noqa: E731
        print(f"{n} questions: p50 {at(0.5):.1f} ms, p90 {at(0.9):.1f} ms, p99 {at(0.99):.1f} ms, max {ms[-1]:.1f} ms")
        for t, question in timed[-5:]:
            print(f"  {t:6.1f} ms  {question}")
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for question in questions:
                pipeline.ask(question, 3)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
            print(out.getvalue())


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 150, "--profile" in sys.argv)
