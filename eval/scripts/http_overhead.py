"""Where a request's time goes outside the pipeline: building and serialising the response, and running
``Pipeline.ask`` on a thread-pool thread (as the server does) instead of the main thread.

    QA_INDEX_DIR=/tmp/overhead-index .venv/bin/qa index && \
        QA_INDEX_DIR=/tmp/overhead-index .venv/bin/python eval/scripts/http_overhead.py
"""

from __future__ import annotations

import json
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from qa import runtime
from qa.config import Settings
from qa.pipeline import Pipeline
from qa.serve.schemas import to_response


def main() -> None:
    settings = Settings.from_env()
    runtime.apply(settings)
    pipeline = Pipeline.load(settings)
    with Path("eval/gold.jsonl").open() as rows:
        questions = [json.loads(row)["question"] for row in rows] * 2
    for question in questions[:5]:
        pipeline.ask(question)
    ask, build, dump, size = [], [], [], []
    for question in questions:
        t0 = time.perf_counter()
        response = pipeline.ask(question)
        t1 = time.perf_counter()
        model = to_response(response)
        t2 = time.perf_counter()
        body = model.model_dump_json()
        t3 = time.perf_counter()
        ask.append((t1 - t0) * 1000)
        build.append((t2 - t1) * 1000)
        dump.append((t3 - t2) * 1000)
        size.append(len(body))
    on_pool = []
    with ThreadPoolExecutor(1) as pool:
        for question in questions:
            t0 = time.perf_counter()
            pool.submit(pipeline.ask, question).result()
            on_pool.append((time.perf_counter() - t0) * 1000)
    print(f"Pipeline.ask p50 on the main thread {statistics.median(ask):.1f} ms")
    print(f"Pipeline.ask p50 on a thread-pool thread {statistics.median(on_pool):.1f} ms")
    print(f"response built {statistics.median(build):.2f} ms, serialised {statistics.median(dump):.2f} ms")
    print(f"response size p50 {statistics.median(size):.0f} bytes")


if __name__ == "__main__":
    main()
