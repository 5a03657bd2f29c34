"""Where a request's time goes outside the pipeline: building and serialising the response, and running
``Pipeline.ask`` on a thread-pool thread (as the server does) instead of the main thread.

    .venv/bin/qa index --index /tmp/srv-index && .venv/bin/python eval/scripts/http_overhead.py
"""

import json, time, statistics
from pathlib import Path
from qa import runtime
from qa.config import Settings
from qa.pipeline import Pipeline
from qa.serve.schemas import to_response

s = Settings(seeds_dir=Path("seeds"), index_dir=Path("/tmp/srv-index"))
runtime.apply(s)
p = Pipeline.load(s)
qs = [json.loads(l)["question"] for l in open("eval/gold.jsonl")]
for q in qs[:5]:
    p.ask(q)
ask, conv, dump, size = [], [], [], []
import threading

for q in qs * 2:
    t = time.perf_counter()
    r = p.ask(q)
    t1 = time.perf_counter()
    m = to_response(r)
    t2 = time.perf_counter()
    b = m.model_dump_json()
    t3 = time.perf_counter()
    ask.append((t1 - t) * 1000)
    conv.append((t2 - t1) * 1000)
    dump.append((t3 - t2) * 1000)
    size.append(len(b))
print(
    "ask p50",
    statistics.median(ask),
    "to_response",
    statistics.median(conv),
    "dump",
    statistics.median(dump),
    "bytes",
    statistics.median(size),
)
# the same ask on a worker thread, as the server does
from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(1) as pool:
    th = []
    for q in qs * 2:
        t = time.perf_counter()
        pool.submit(p.ask, q).result()
        th.append((time.perf_counter() - t) * 1000)
print("ask on a pool thread p50", statistics.median(th))
