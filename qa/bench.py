"""``qa bench``: figures for speed and scale, printed as tables and written as JSON.

* seed run: ``/ask`` latency in-process (p50/p95/p99 and each stage) and over HTTP against a real
  ``qa serve`` on 127.0.0.1 (sequential, then 8 concurrent clients), and a full index build
  (chunks and sentences per second, peak memory of the building process);
* ``--rebuild N``: a full build of N documents against an incremental one after changing one, the time to
  load the index, and apart the short-form table its first short-form question builds (``store.runs_by_initials``);
* ``--scale 10000,100000,1000000``: synthetic indexes (Zipfian text, random unit vectors, so no
  embedding) with the retrieval path's latency, build time and resident memory at each size.

Nothing here asserts a time; the figures are for the README.
"""

from __future__ import annotations

import json
import math
import os
import platform
import random
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from qa import runtime
from qa.config import Settings
from qa.errors import ConfigError
from qa.evaluate.harness import load_gold
from qa.evaluate.metrics import percentile

FALLBACK_QUESTIONS = ["Who is Eric Chan?", "What is the population of Zhuhai?"]


# ----------------------------------------------------------------------------------- helpers


def summary(values_ms: Sequence[float]) -> dict[str, float]:
    return {f"p{p}": round(percentile(values_ms, p), 2) for p in (50, 95, 99)} | {
        "mean": round(float(np.mean(values_ms)), 2) if values_ms else 0.0
    }


def rss_mb() -> float:
    """Resident memory of this process now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def questions_from(gold: Path) -> list[str]:
    return [g.question for g in load_gold(gold)] if gold.exists() else FALLBACK_QUESTIONS


# ---------------------------------------------------------------------------------- seed run


def bench_in_process(settings: Settings, questions: Sequence[str], rounds: int) -> dict:
    from qa.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline.load(settings)
    load_seconds = time.perf_counter() - started
    for question in questions:  # warm-up: first calls allocate
        pipeline.ask(question)
    totals: list[float] = []
    stages: dict[str, list[float]] = {}
    for _ in range(rounds):
        for question in questions:
            t = time.perf_counter()
            response = pipeline.ask(question)
            totals.append((time.perf_counter() - t) * 1000)
            for stage, ms in response.timings_ms.items():
                stages.setdefault(stage, []).append(ms)
    return {
        "requests": len(totals),
        "latency_ms": summary(totals),
        "stages_ms": {stage: summary(values) for stage, values in stages.items() if stage != "total"},
        "load_seconds": round(load_seconds, 2),
        "reader": settings.reader,
        "backend": settings.backend,
        "rss_mb": round(rss_mb(), 1),
    }


def bench_http(
    settings: Settings, questions: Sequence[str], rounds: int, clients: Sequence[int] = (8,), workers: int = 1
) -> dict:
    """A real ``qa serve --workers N`` on loopback: one client in sequence, then each count of concurrent clients."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "QA_SEEDS_DIR": str(settings.seeds_dir), "QA_INDEX_DIR": str(settings.index_dir)}
    env.update({"QA_READER": settings.reader})
    server = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(base)
        with httpx.Client(base_url=base, timeout=60) as client:
            for question in questions:
                client.post("/ask", json={"question": question}).raise_for_status()
            sequential = []
            for _ in range(rounds):
                for question in questions:
                    t = time.perf_counter()
                    client.post("/ask", json={"question": question}).raise_for_status()
                    sequential.append((time.perf_counter() - t) * 1000)

        work = [q for _ in range(rounds) for q in questions]

        def client_loop(share: list[str]) -> list[float]:
            out = []
            with httpx.Client(base_url=base, timeout=60) as client:
                for question in share:
                    t = time.perf_counter()
                    client.post("/ask", json={"question": question}).raise_for_status()
                    out.append((time.perf_counter() - t) * 1000)
            return out

        loads = []
        for count in clients:
            shares = [work[i::count] for i in range(count)]
            t = time.perf_counter()
            with ThreadPoolExecutor(count) as pool:
                concurrent = [ms for part in pool.map(client_loop, shares) for ms in part]
            wall = time.perf_counter() - t
            loads.append(
                {
                    "clients": count,
                    "requests": len(concurrent),
                    "latency_ms": summary(concurrent),
                    "requests_per_second": round(len(concurrent) / wall, 1),
                }
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "workers": workers,
        "sequential": {"requests": len(sequential), "latency_ms": summary(sequential)},
        "concurrent": loads,
    }


def _wait_for(base: str, seconds: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server at {base} did not come up within {seconds:.0f} s")


def _build_in_child(seeds: str, model: str) -> dict:
    from qa.index.embed import embedder_for
    from qa.index.store import build_index

    with tempfile.TemporaryDirectory(prefix="qa-bench-build-") as tmp:
        settings = Settings(seeds_dir=Path(seeds), index_dir=Path(tmp), model=model)
        embedder = embedder_for(settings)
        before = rss_mb()
        report = build_index(settings, embedder, full=True)
    return {
        "documents": len(report.unchanged) + len(report.added),
        "chunks": report.chunks,
        "texts_embedded": report.embedded_texts,
        "seconds": round(report.seconds, 2),
        "chunks_per_second": round(report.chunks / report.seconds, 1),
        "texts_per_second": round(report.embedded_texts / report.seconds, 1),
        "rss_before_build_mb": round(before, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


# -------------------------------------------------------------------------------- rebuild run


def corpus_documents(count: int, squad: Sequence[Path] | None, seed: int = 13) -> tuple[dict[str, str], str]:
    """``count`` documents and where they came from: SQuAD paragraphs if the files hold enough, else synthetic."""
    if squad:
        paragraphs = [
            p["context"]
            for path in squad
            for article in json.loads(path.read_text(encoding="utf-8"))["data"]
            for p in article["paragraphs"]
        ]
        if len(paragraphs) >= count:
            return {f"doc_{n:05d}.txt": text for n, text in enumerate(paragraphs[:count])}, "SQuAD paragraphs"
    rng = random.Random(seed)
    words = _zipf_vocabulary(5000)
    weights = [1 / (r + 1) ** 1.1 for r in range(len(words))]
    docs = {}
    for n in range(count):
        sentences = [" ".join(rng.choices(words, weights, k=rng.randint(8, 24))).capitalize() + "." for _ in range(8)]
        docs[f"doc_{n:05d}.txt"] = " ".join(sentences) + "\n"
    return docs, "synthetic"


def bench_rebuild(settings: Settings, count: int, squad: Sequence[Path] | None) -> dict:
    from qa.index.embed import embedder_for
    from qa.index.store import build_index, load_index, runs_by_initials

    documents, source = corpus_documents(count, squad)
    with tempfile.TemporaryDirectory(prefix="qa-bench-rebuild-") as tmp:
        local = settings.with_(seeds_dir=Path(tmp) / "seeds", index_dir=Path(tmp) / "index")
        local.seeds_dir.mkdir()
        for name, text in documents.items():
            (local.seeds_dir / name).write_text(text, encoding="utf-8")
        embedder = embedder_for(local)
        full = build_index(local, embedder, full=True)
        victim = sorted(local.seeds_dir.iterdir())[count // 2]
        victim.write_text(victim.read_text(encoding="utf-8") + "\nOne sentence was added to this document.\n")
        incremental = build_index(local, embedder)
        unchanged = build_index(local, embedder)
        started = time.perf_counter()
        index = load_index(local.index_dir)
        load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        runs_by_initials(index.chunks)  # the short-form table, built on the first question holding a short form
        table_seconds = time.perf_counter() - started
        characters = sum(len(chunk.text) for chunk in index.chunks)
    return {
        "documents": count,
        "source": source,
        "chunks": full.chunks,
        "full_seconds": round(full.seconds, 2),
        "full_texts_embedded": full.embedded_texts,
        "incremental_seconds": round(incremental.seconds, 2),
        "incremental_texts_embedded": incremental.embedded_texts,
        "incremental_changed": list(incremental.changed),
        "unchanged_seconds": round(unchanged.seconds, 2),
        "load_seconds": round(load_seconds, 3),
        "short_form_table_seconds": round(table_seconds, 3),
        "chunk_characters": characters,
        "speedup": round(full.seconds / incremental.seconds, 1),
        "full_chunks_per_second": round(full.chunks / full.seconds, 1),
        "full_documents_per_second": round(count / full.seconds, 1),
        "chunk_vectors": settings.chunk_vectors,
        "full_texts_per_second": round(full.embedded_texts / full.seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def bench_rebuild_under_load(
    settings: Settings, count: int, squad: Sequence[Path] | None, questions: Sequence[str], clients: int = 8
) -> dict:
    """A full rebuild of ``count`` documents in a real server, alone and while ``clients`` keep asking:
    the rebuild's time both ways, and the questions' latency before and during it."""
    import httpx

    documents, source = corpus_documents(count, squad)
    token = "bench-admin-token-" + "x" * 16
    with tempfile.TemporaryDirectory(prefix="qa-bench-load-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for name, text in documents.items():
            (seeds / name).write_text(text, encoding="utf-8")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "QA_SEEDS_DIR": str(seeds), "QA_INDEX_DIR": str(Path(tmp) / "index")}
        env.update({"QA_ADMIN_TOKEN": token, "QA_REBUILD_NICE": str(settings.rebuild_nice)})
        server = subprocess.Popen(
            [sys.executable, "-m", "qa.cli", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(base, 900)
            headers = {"Authorization": f"Bearer {token}"}

            def rebuild() -> float:
                httpx.post(f"{base}/index/rebuild", json={"full": True}, headers=headers, timeout=30)
                while True:
                    status = httpx.get(f"{base}/index/status", timeout=30).json()
                    if status["state"] != "running":
                        return float(status["report"]["seconds"])
                    time.sleep(0.5)

            def ask_until(stop: threading.Event, latencies: list[float], offset: int) -> None:
                with httpx.Client(base_url=base, timeout=120) as client:
                    n = offset
                    while not stop.is_set():
                        t = time.perf_counter()
                        client.post("/ask", json={"question": questions[n % len(questions)]})
                        latencies.append((time.perf_counter() - t) * 1000)
                        n += 1

            def under_load(work: Callable[[], float | None]) -> tuple[float | None, list[float], float]:
                stop, latencies = threading.Event(), list[float]()
                threads = [threading.Thread(target=ask_until, args=(stop, latencies, i)) for i in range(clients)]
                for thread in threads:
                    thread.start()
                started = time.perf_counter()
                result = work()
                wall = time.perf_counter() - started
                stop.set()
                for thread in threads:
                    thread.join()
                return result, latencies, wall

            alone = rebuild()
            _, quiet, quiet_wall = under_load(lambda: time.sleep(min(alone, 60)))
            loaded, during, during_wall = under_load(rebuild)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return {
        "documents": count,
        "source": source,
        "clients": clients,
        "rebuild_nice": settings.rebuild_nice,
        "rebuild_alone_seconds": round(alone, 1),
        "rebuild_under_load_seconds": round(float(loaded or 0.0), 1),
        "slowdown": round(float(loaded or 0.0) / alone, 2),
        "ask_without_rebuild": {"latency_ms": summary(quiet), "requests_per_second": round(len(quiet) / quiet_wall, 1)},
        "ask_during_rebuild": {
            "latency_ms": summary(during),
            "requests_per_second": round(len(during) / during_wall, 1),
        },
    }


def _rate(latencies: Sequence[float], seconds: float) -> float:
    return round(len(latencies) / seconds, 1)


# ---------------------------------------------------------------------------------- scale run


def _zipf_vocabulary(size: int) -> list[str]:
    rng = random.Random(7)
    letters = "etaoinshrdlucmfwypvbgkjqxz"
    vocabulary: list[str] = []
    seen: set[str] = set()
    while len(vocabulary) < size:
        length = min(3 + int(rng.expovariate(0.35)), 14)
        word = "".join(rng.choice(letters[: 8 + length]) for _ in range(length))
        if word not in seen:
            seen.add(word)
            vocabulary.append(word)
    return vocabulary


def synthetic_term_counts(n_docs: int, vocabulary: int, mean_length: int, seed: int):
    """A (chunks × terms) count matrix with Zipf-distributed terms (exponent 1.07, like English)."""
    from scipy import sparse

    rng = np.random.default_rng(seed)
    probabilities = 1.0 / np.arange(1, vocabulary + 1) ** 1.07
    cdf = np.cumsum(probabilities / probabilities.sum())
    blocks = []
    for first in range(0, n_docs, 50_000):
        n = min(50_000, n_docs - first)
        lengths = np.maximum(rng.poisson(mean_length, n), 10)
        terms = np.searchsorted(cdf, rng.random(int(lengths.sum()))).astype(np.int32)
        rows = np.repeat(np.arange(n, dtype=np.int32), lengths)
        block = sparse.csr_matrix((np.ones(len(terms), dtype=np.float64), (rows, terms)), shape=(n, vocabulary))
        block.sum_duplicates()
        blocks.append(block)
    return sparse.vstack(blocks, format="csr")


def _scale_in_child(n_docs: int, hnsw_threshold: int, queries: int, seed: int) -> dict:
    import faiss

    from qa.index.bm25 import BM25
    from qa.index.store import dense_index
    from qa.search.fuse import reciprocal_rank_fusion

    faiss.omp_set_num_threads(os.cpu_count() or 1)
    dim, vocabulary = 384, 50_000
    baseline = rss_mb()
    started = time.perf_counter()
    counts = synthetic_term_counts(n_docs, vocabulary, 100, seed)
    bm25 = BM25.from_term_counts(counts, {f"t{i}": i for i in range(vocabulary)})
    del counts
    bm25_seconds = time.perf_counter() - started

    rng = np.random.default_rng(seed)
    vectors = clustered_unit_vectors(n_docs, dim, rng)
    t = time.perf_counter()
    dense = dense_index(vectors, hnsw_threshold, 32)
    dense_seconds = time.perf_counter() - t
    kind = type(dense).__name__
    if hasattr(dense, "hnsw"):
        dense.hnsw.efSearch = 128

    # Queries: a stored vector plus noise, and 3-6 terms of middling frequency.
    picks = rng.integers(0, n_docs, queries)
    noise = rng.standard_normal((queries, dim), dtype=np.float32) * (0.3 / np.sqrt(dim))
    query_vectors = vectors[picks] + noise
    query_vectors /= np.linalg.norm(query_vectors, axis=1, keepdims=True)
    query_terms = [[f"t{int(x)}" for x in rng.integers(50, 5000, rng.integers(3, 7))] for _ in range(queries)]
    recall = _recall_at_10(dense, vectors, query_vectors[: min(100, queries)]) if kind != "IndexFlatIP" else 1.0
    del vectors
    resident = rss_mb()

    faiss.omp_set_num_threads(1)
    timings: dict[str, list[float]] = {"bm25": [], "dense": [], "fusion": [], "retrieval": []}
    for terms, vector in zip(query_terms, query_vectors, strict=True):
        t0 = time.perf_counter()
        rows, _ = bm25.top(terms, 50)
        t1 = time.perf_counter()
        _, found = dense.search(vector.reshape(1, -1), 50)
        t2 = time.perf_counter()
        reciprocal_rank_fusion([list(found[0]), list(rows)], 60)
        t3 = time.perf_counter()
        for stage, ms in (("bm25", t1 - t0), ("dense", t2 - t1), ("fusion", t3 - t2), ("retrieval", t3 - t0)):
            timings[stage].append(ms * 1000)
    return {
        "chunks": n_docs,
        "dense_index": kind,
        "recall_at_10_vs_exact": round(recall, 3),
        "build_seconds": {"bm25": round(bm25_seconds, 1), "dense": round(dense_seconds, 1)},
        "latency_ms": {stage: summary(values) for stage, values in timings.items()},
        "resident_mb": round(resident - baseline, 1),
        "resident_process_mb": round(resident, 1),
        "peak_process_mb": round(peak_rss_mb(), 1),
        "bm25_nonzeros": int(bm25.matrix.nnz),
    }


def clustered_unit_vectors(n: int, dim: int, rng: np.random.Generator, per_cluster: int = 50) -> np.ndarray:
    """Unit vectors around ``n / per_cluster`` random topics, like embeddings of a real collection.

    Uniformly random vectors in 384 dimensions have no neighbourhoods at all (every cosine is about
    0), which makes any approximate index look broken; text embeddings cluster by topic.
    """
    centers = rng.standard_normal((max(1, n // per_cluster), dim), dtype=np.float32)
    centers /= np.linalg.norm(centers, axis=1, keepdims=True)
    vectors = np.empty((n, dim), dtype=np.float32)
    for first in range(0, n, 100_000):
        count = min(100_000, n - first)
        block = centers[rng.integers(0, len(centers), count)]
        block += rng.standard_normal((count, dim), dtype=np.float32) * (0.6 / np.sqrt(dim))
        vectors[first : first + count] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return vectors


def _recall_at_10(dense: Any, vectors: np.ndarray, queries: np.ndarray) -> float:
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    _, approx = dense.search(queries, 10)
    return float(np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact, strict=True)]))


# ---------------------------------------------------------------------------------- printing


PAGE_CHARS = 3000  # a "page" of a format without pages, for pages/s


def bench_formats(pages: int, rounds: int = 3, seed: int = 13) -> dict[str, Any]:
    """Read the same text as PDF, HTML, Word, Markdown and plain text (``pages`` pages of about
    ``PAGE_CHARS`` characters each); the best of ``rounds`` reads of each file, in pages/s."""
    try:
        from fpdf import FPDF
    except ImportError as exc:
        raise ConfigError("qa bench --formats writes its PDF with fpdf2: pip install fpdf2 (in the dev extra)") from exc
    import docx

    from qa.ingest.files import read_document

    rng = random.Random(seed)
    words = [
        "harbour",
        "survey",
        "ferry",
        "river",
        "bridge",
        "council",
        "report",
        "budget",
        "winter",
        "museum",
        "garden",
        "library",
        "station",
    ]

    def paragraph() -> str:
        sentences = [
            " ".join(rng.choice(words) for _ in range(rng.randint(8, 18))).capitalize()
            + f" in {rng.randint(1900, 2030)}."
            for _ in range(rng.randint(3, 6))
        ]
        return " ".join(sentences)

    book: list[list[str]] = []
    for _ in range(pages):
        page: list[str] = []
        while sum(len(p) for p in page) < PAGE_CHARS * 0.9:
            page.append(paragraph())
        book.append(page)
    results: dict[str, Any] = {"pages": pages, "page_chars": PAGE_CHARS, "formats": {}}
    with tempfile.TemporaryDirectory(prefix="qa-bench-formats-") as tmp:
        folder = Path(tmp)
        pdf = FPDF()
        pdf.set_font("helvetica", size=10)
        for page in book:
            pdf.add_page()
            pdf.cell(0, 8, "Benchmark report - running header", new_x="LMARGIN", new_y="NEXT")
            for text in page:
                pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
        pdf.output(str(folder / "book.pdf"))
        html = "".join(f"<h2>Part {i}</h2>" + "".join(f"<p>{t}</p>" for t in page) for i, page in enumerate(book, 1))
        (folder / "book.html").write_text(
            f"<html><head><meta charset='utf-8'><title>Book</title></head><body>{html}</body></html>"
        )
        document = docx.Document()
        for i, page in enumerate(book, 1):
            document.add_heading(f"Part {i}", level=1)
            for text in page:
                document.add_paragraph(text)
        document.save(str(folder / "book.docx"))
        markdown = "\n\n".join(f"## Part {i}\n\n" + "\n\n".join(page) for i, page in enumerate(book, 1))
        (folder / "book.md").write_text(markdown)
        (folder / "book.txt").write_text("\n\n".join(t for page in book for t in page))
        for name in ("book.pdf", "book.html", "book.docx", "book.md", "book.txt"):
            path = folder / name
            best = math.inf
            for _ in range(rounds):
                started = time.perf_counter()
                doc = read_document(path, name)
                best = min(best, time.perf_counter() - started)
            page_count = doc.pages or len(doc.raw) / PAGE_CHARS
            results["formats"][doc.format] = {
                "seconds": round(best, 3),
                "pages": round(page_count, 1),
                "pages_per_second": round(page_count / best, 1),
                "megabytes": round(path.stat().st_size / 1e6, 2),
                "characters": len(doc.raw),
            }
    return results


def print_report(report: dict) -> None:
    for key in ("in_process", "in_process_milvus"):
        seed = report.get(key)
        if seed:
            print(
                f"\n/ask in-process, {seed['backend']} backend ({seed['requests']} requests, reader {seed['reader']})"
            )
            _row("latency", seed["latency_ms"])
            for stage, values in seed["stages_ms"].items():
                _row(f"  {stage}", values)
    for http in report.get("http", []):
        print(f"\n/ask over HTTP (real uvicorn on 127.0.0.1, {http['workers']} worker process(es))")
        _row("sequential", http["sequential"]["latency_ms"])
        for c in http["concurrent"]:
            _row(f"{c['clients']} clients", c["latency_ms"])
            print(f"  {'throughput':24} {c['requests_per_second']} requests/s")
    build = report.get("build")
    if build:
        print(
            f"\nindex build: {build['documents']} documents, {build['chunks']} chunks, "
            f"{build['texts_embedded']} texts embedded in {build['seconds']} s "
            f"({build['chunks_per_second']} chunks/s, {build['texts_per_second']} texts/s), "
            f"peak memory {build['peak_rss_mb']} MB"
        )
    rebuild = report.get("rebuild")
    if rebuild:
        print(
            f"\nrebuild of {rebuild['documents']} documents ({rebuild['source']}, {rebuild['chunks']} chunks): "
            f"full {rebuild['full_seconds']} s, after changing one {rebuild['incremental_seconds']} s "
            f"({rebuild['incremental_texts_embedded']} texts embedded, {rebuild['speedup']}x faster), "
            f"unchanged {rebuild['unchanged_seconds']} s; full build {rebuild['full_chunks_per_second']} chunks/s, "
            f"{rebuild.get('full_documents_per_second')} documents/s (chunk vectors {rebuild.get('chunk_vectors')}), "
            f"peak memory {rebuild['peak_rss_mb']} MB; loading the index {rebuild.get('load_seconds')} s, then the "
            f"short-form table {rebuild.get('short_form_table_seconds')} s ({rebuild.get('chunk_characters')} "
            "characters of chunks)"
        )
    formats = report.get("formats")
    if formats:
        pages, chars = formats["pages"], formats["page_chars"]
        print(f"\nreading documents: {pages} pages (a page is {chars} characters in formats without pages)")
        for name, row in formats["formats"].items():
            print(
                f"  {name:10} {row['seconds']:7.3f} s  {row['pages_per_second']:8.1f} pages/s  "
                f"({row['megabytes']} MB, {row['characters']} characters)"
            )
    load = report.get("rebuild_under_load")
    if load:
        print(
            f"\nfull rebuild of {load['documents']} documents in a live server (nice +{load['rebuild_nice']}): "
            f"{load['rebuild_alone_seconds']} s alone, {load['rebuild_under_load_seconds']} s while "
            f"{load['clients']} clients ask ({load['slowdown']}x)"
        )
        _row("/ask without a rebuild", load["ask_without_rebuild"]["latency_ms"])
        _row("/ask during the rebuild", load["ask_during_rebuild"]["latency_ms"])
        print(
            f"  {'throughput':24} {load['ask_without_rebuild']['requests_per_second']} requests/s without, "
            f"{load['ask_during_rebuild']['requests_per_second']} during"
        )
    for row in report.get("scale", []):
        lat = row["latency_ms"]
        print(
            f"\nscale {row['chunks']:>9,} chunks ({row['dense_index']}, recall@10 {row['recall_at_10_vs_exact']}): "
            f"retrieval p50 {lat['retrieval']['p50']} ms p99 {lat['retrieval']['p99']} ms "
            f"[bm25 p50 {lat['bm25']['p50']}, dense p50 {lat['dense']['p50']}, fusion p50 {lat['fusion']['p50']}]; "
            f"build {row['build_seconds']}; resident {row['resident_process_mb']} MB"
        )


def _row(label: str, values: dict[str, float]) -> None:
    print(f"  {label:24} p50 {values['p50']:7.2f}  p95 {values['p95']:7.2f}  p99 {values['p99']:7.2f} ms")


def run_cli(settings: Settings, args: Any) -> int:
    from qa.index.embed import embedder_for
    from qa.index.store import build_index

    report: dict[str, Any] = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    if not args.skip_seed:
        build_index(settings, embedder_for(settings))
        questions = questions_from(args.gold)
        report["in_process"] = bench_in_process(settings, questions, args.rounds)
        if args.milvus:
            with tempfile.TemporaryDirectory(prefix="qa-bench-milvus-") as tmp:
                milvus = settings.with_(backend="milvus", milvus_uri=str(Path(tmp) / "milvus.db"))
                report["in_process_milvus"] = bench_in_process(milvus, questions, args.rounds)
        if not args.no_http:
            clients = [int(c) for c in args.clients.split(",")]
            report["http"] = [
                bench_http(settings, questions, args.rounds, clients, int(w)) for w in args.workers.split(",")
            ]
        report["build"] = runtime.in_child(_build_in_child, str(settings.seeds_dir), settings.model)
    if args.rebuild:
        report["rebuild"] = runtime.in_child(bench_rebuild, settings, args.rebuild, args.squad)
    if args.rebuild_under_load:
        questions = questions_from(args.gold)
        first = int(args.clients.split(",")[0])
        report["rebuild_under_load"] = bench_rebuild_under_load(
            settings, args.rebuild_under_load, args.squad, questions, first
        )
    if args.formats:
        report["formats"] = bench_formats(args.formats)
    if args.scale:
        sizes = [int(size) for size in args.scale.split(",")]
        report["scale"] = [
            runtime.in_child(_scale_in_child, n, settings.hnsw_threshold, args.queries, args.seed) for n in sizes
        ]
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0
