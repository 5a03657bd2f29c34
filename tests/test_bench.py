"""The benchmark's building blocks on small sizes (the figures themselves come from `qa bench`)."""

import pytest

from qa.bench import _scale_in_child, corpus_documents, summary, synthetic_term_counts


def test_summary_reports_percentiles():
    figures = summary([float(x) for x in range(1, 101)])
    assert figures["p50"] == 50 and figures["p99"] == 99 and figures["mean"] == 50.5


def test_synthetic_counts_are_zipfian():
    counts = synthetic_term_counts(2000, 5000, 100, seed=1)
    per_term = counts.sum(axis=0).A1
    assert counts.shape == (2000, 5000) and per_term[0] > 10 * per_term[100] > 0


def test_scale_run_reports_every_stage_on_a_small_index():
    row = _scale_in_child(3000, hnsw_threshold=1000, queries=20, seed=2)
    assert row["dense_index"] == "IndexHNSWFlat" and 0.5 <= row["recall_at_10_vs_exact"] <= 1.0
    assert set(row["latency_ms"]) == {"bm25", "dense", "fusion", "retrieval"} and row["bm25_nonzeros"] > 0


def test_synthetic_documents_are_deterministic():
    documents, _ = corpus_documents(3, None)
    assert corpus_documents(3, None) == (documents, "synthetic") and len(documents) == 3


def test_the_report_prints_each_worker_count_and_client_load(capsys):
    from qa.bench import print_report

    latency = {"p50": 10.0, "p95": 12.0, "p99": 13.0}
    load = {"clients": 8, "requests": 40, "latency_ms": latency, "requests_per_second": 55.5}
    report = {
        "http": [
            {"workers": 1, "sequential": {"latency_ms": latency}, "concurrent": [load, {**load, "clients": 32}]},
            {"workers": 2, "sequential": {"latency_ms": latency}, "concurrent": [load]},
        ]
    }
    print_report(report)
    out = capsys.readouterr().out
    assert "1 worker process(es)" in out and "2 worker process(es)" in out
    assert "32 clients" in out and out.count("55.5 requests/s") == 3


def test_bench_formats_reads_every_format_and_reports_pages_per_second():
    from qa.bench import bench_formats

    result = bench_formats(3, rounds=1)
    assert set(result["formats"]) == {"pdf", "html", "docx", "markdown", "text"}
    assert result["formats"]["pdf"]["pages"] == 3
    assert all(row["pages_per_second"] > 0 and row["characters"] > 5000 for row in result["formats"].values())


@pytest.mark.slow
def test_the_seed_build_is_timed_in_a_child_that_exports_its_own_graph(tmp_path):
    """`qa bench` times a build in a child process on a fresh index folder, so the embedder's graph is
    exported there first, by a nested ``in_child`` (which once failed: a pool's worker may not start
    processes)."""
    from qa import runtime
    from qa.bench import _build_in_child
    from qa.config import BUNDLED_MODEL

    (tmp_path / "a.txt").write_text("The Shenzhen River separates the two sections of the zone. " * 20)
    row = runtime.in_child(_build_in_child, str(tmp_path), BUNDLED_MODEL)
    assert row["documents"] == 1 and row["chunks"] >= 1 and row["chunks_per_second"] > 0


def test_the_rebuild_run_times_loading_the_index_and_the_short_form_table(tiny_settings):
    from qa.bench import bench_rebuild

    row = bench_rebuild(tiny_settings.with_(model="hashing-test"), 6, None)
    assert row["source"] == "synthetic" and row["chunks"] >= 6
    assert row["load_seconds"] > 0 and row["short_form_table_seconds"] >= 0  # figures, not targets
    assert row["chunk_characters"] > 0
