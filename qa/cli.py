"""The ``qa`` command: index, search, ask, serve, eval. A thin shell over the library."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qa.config import Settings
from qa.errors import ConfigError, QAError

if TYPE_CHECKING:
    from qa.index.store import BuildReport

log = logging.getLogger("qa")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        settings = Settings.from_env(seeds_dir=args.seeds, index_dir=args.index, model=args.model)
        if args.run is not cmd_train_reader:
            from qa import runtime

            runtime.apply(settings)  # offline flags and thread counts, once, before any model loads
        return args.run(settings, args)
    except QAError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qa", description="Question answering over seeds/ with cited spans.")
    parser.add_argument("--seeds", type=Path, help="documents folder (default: seeds, or $QA_SEEDS_DIR)")
    parser.add_argument("--index", type=Path, help="index folder (default: index, or $QA_INDEX_DIR)")
    parser.add_argument("--model", help="sentence-transformers model name or path (default: the bundled MiniLM)")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(required=True, metavar="command")

    p = sub.add_parser("index", help="build or update the index from the seeds folder")
    p.add_argument("--full", action="store_true", help="rebuild everything, reusing no vectors")
    p.set_defaults(run=cmd_index)

    p = sub.add_parser("search", help="show the passages retrieved for a question")
    p.add_argument("question")
    p.add_argument("-k", type=int, default=5)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("ask", help="answer a question with cited spans")
    p.add_argument("question")
    p.add_argument("--top-n", type=int)
    p.add_argument("--json", action="store_true", help="print the same JSON as the HTTP API")
    p.add_argument(
        "--documents", nargs="+", metavar="ID_OR_GLOB", help="search only these documents (ids or glob patterns)"
    )
    p.set_defaults(run=cmd_ask)

    p = sub.add_parser("serve", help="serve the HTTP API (builds or updates the index first)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--watch", action="store_true", help="rebuild when files in the seeds folder change")
    p.add_argument("--workers", type=int, default=1, help="worker processes sharing the index folder (default 1)")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("eval", help="run the gold question set, or an open SQuAD benchmark")
    p.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    p.add_argument("--thresholds", type=Path, default=Path("eval/thresholds.json"))
    p.add_argument("--split", default="test", choices=["test", "tune", "all"])
    p.add_argument(
        "--squad", help="v1.1 or v2.0 (held-out articles of the shared data), or a SQuAD file: run that benchmark"
    )
    p.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    p.add_argument("--gold-paragraph", action="store_true", help="also read each question's own paragraph alone")
    p.add_argument("--reading-only", action="store_true", help="only the span model on each question's paragraph")
    p.add_argument("--retrieval-only", action="store_true", help="only retrieval: recall@k and MRR, no reading")
    p.add_argument("--limit", type=int, help="ask only a seeded sample of this many questions")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--predictions", type=Path, help="open benchmark: also write the top answers as a SQuAD predictions file"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--reports", type=Path, default=Path("eval/reports"))
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("fit-verifier", help="fit the answer check of a reader on validation articles")
    p.add_argument("--reader", choices=["learned", "rules"], help="default: the configured reader")
    p.add_argument("--data", type=Path, default=Path("../shared/data"), help="the shared data folder")
    p.add_argument("--out", type=Path, help="where to write it (default: the packaged qa/models/verifier)")
    p.add_argument("--limit", type=int, help="fit on a seeded sample of this many questions (smoke runs)")
    p.add_argument(
        "--prior",
        default="none",
        help="share of unanswerable questions for the default calibration: 'none' (the validation questions as "
        "they are, the default), 'squad2' (the training pool's SQuAD 2.0 dev share) or a number; the 'squad2' "
        "calibration is always fitted beside it",
    )
    p.add_argument("--save-outcomes", type=Path, help="also keep the collected validation outcomes (JSON) here")
    p.add_argument("--outcomes", type=Path, help="fit on outcomes kept by --save-outcomes instead of collecting")
    p.add_argument("--cv", action="store_true", help="print 5-fold cross-validated figures on the validation questions")
    p.add_argument(
        "--in-paragraph-only",
        action="store_true",
        help="stage 1 learns from the validation articles' own questions only (not the off-topic ones)",
    )
    p.set_defaults(run=cmd_fit_verifier)

    p = sub.add_parser("bench", help="measure latency, throughput, rebuild time and scale; print and save figures")
    p.add_argument("--rounds", type=int, default=5, help="passes over the gold questions")
    p.add_argument("--gold", type=Path, default=Path("eval/gold.jsonl"))
    p.add_argument("--no-http", action="store_true", help="skip the HTTP run")
    p.add_argument("--workers", default="1", help="comma-separated worker-process counts for the HTTP run, e.g. 1,2")
    p.add_argument("--clients", default="8", help="comma-separated concurrent-client counts, e.g. 8,32")
    p.add_argument("--milvus", action="store_true", help="also time /ask in-process on the Milvus (Lite) backend")
    p.add_argument("--skip-seed", action="store_true", help="skip the seed-corpus runs (latency, HTTP, build)")
    p.add_argument("--rebuild", type=int, metavar="N", help="also time a full vs incremental rebuild of N documents")
    p.add_argument(
        "--rebuild-under-load",
        type=int,
        metavar="N",
        help="time a full rebuild of N documents in a server, alone and "
        "while clients ask (QA_REBUILD_NICE sets its priority)",
    )
    p.add_argument(
        "--squad", type=Path, action="append", help="SQuAD file(s) whose paragraphs are the --rebuild documents"
    )
    p.add_argument("--scale", help="comma-separated synthetic index sizes, e.g. 10000,100000,1000000")
    p.add_argument("--formats", type=int, metavar="PAGES", help="time reading a PAGES-page PDF, HTML, Word file ...")
    p.add_argument("--queries", type=int, default=300, help="queries per scale size")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    p.set_defaults(run=cmd_bench)

    p = sub.add_parser("train-reader", help="fine-tune the learned span reader on the shared SQuAD training pool")
    p.add_argument("--data", type=Path, default=Path("../shared/data"), help="shared data folder, or a SQuAD file")
    p.add_argument("--out", type=Path, help="artifact folder (default: the packaged qa/models/reader)")
    p.add_argument("--checkpoints", type=Path, default=Path("build/train-reader"), help="where each epoch is saved")
    p.add_argument("--resume", action="store_true", help="continue from the last checkpoint in --checkpoints")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--learning-rate", type=float, default=1e-4)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--max-length", type=int, default=192)
    p.add_argument("--stride", type=int, default=64)
    p.add_argument("--seed", type=int, default=13, help="seeds batches, negatives and initial weights")
    p.add_argument(
        "--split-seed", type=int, default=13, help="seeds which articles validate (keep it to compare or soup runs)"
    )
    p.add_argument("--device", default="cpu", help="cpu, or cuda where a GPU is present")
    p.add_argument("--limit", type=int, default=0, help="train on a seeded sample of this many questions")
    p.add_argument("--init", type=Path, help="warm start from this trained reader (fresh schedule) instead of the base")
    p.add_argument(
        "--train-word-embeddings", action="store_true", help="tune the word embeddings too (stores changed rows)"
    )
    p.add_argument("--hard-negative-rate", type=float, default=0.25, help="share of answerable questions given one")
    p.add_argument("--synthetic-rate", type=float, default=0.15, help="share given a synthetic unanswerable twin")
    p.add_argument(
        "--synthetic-same-article",
        action="store_true",
        help="swap in names and numbers asked about in the same article (not in other articles)",
    )
    p.add_argument(
        "--shared-norm",
        type=float,
        default=0.0,
        help="weight of the loss whose softmax spans all of a question's windows (0 to 1; default 0)",
    )
    p.set_defaults(run=cmd_train_reader)
    return parser


def cmd_index(settings: Settings, args: argparse.Namespace) -> int:
    from qa.index.embed import embedder_for
    from qa.index.store import BuildControl, build_index

    embedder = embedder_for(settings)
    try:
        report = build_index(settings, embedder, full=args.full, control=BuildControl(on_progress=_show_progress()))
    except KeyboardInterrupt:
        print("\ncancelled: nothing was published; the previous index is unchanged", file=sys.stderr)
        return 130
    for skipped in report.skipped:
        print(f"skipped {skipped.path}: {skipped.reason}")
    if not report.rebuilt:
        print(f"index {report.version} is up to date: {len(report.unchanged)} documents unchanged, nothing rebuilt")
    else:
        _print_build(report)
    if settings.backend != "local":
        from qa.index.store import load_index
        from qa.pipeline import make_backend

        backend = make_backend(load_index(settings.index_dir), embedder, settings)  # syncs the collection
        print(f"{settings.backend} in step with the index: {backend.stats()}")
    return 0


def _show_progress():  # -> Callable[[Progress], None]
    """Progress lines on stderr, at most one a second: phase, texts embedded / total, rate, time left."""
    import time

    last = [0.0]

    def show(progress) -> None:
        now = time.monotonic()
        if progress.phase == "embedding" and progress.done < progress.total and now - last[0] < 1.0:
            return
        last[0] = now
        if progress.phase != "embedding":
            print(f"{progress.phase} …", file=sys.stderr)
            return
        eta = f", about {progress.eta_seconds:.0f} s left" if progress.eta_seconds else ""
        print(f"embedding {progress.done}/{progress.total} texts ({progress.rate:.0f}/s{eta})", file=sys.stderr)

    return show


def _print_build(report: BuildReport) -> None:
    print(f"{'full' if report.full else 'incremental'} rebuild ({report.reason}) → index {report.version}")
    for label in ("added", "changed", "removed", "unchanged"):
        names = getattr(report, label)
        print(f"  {label:9} {len(names):5}  {', '.join(names[:5])}{' …' if len(names) > 5 else ''}")
    print(
        f"  {report.chunks} chunks; embedded {report.embedded_texts} texts, reused {report.reused_vectors} vectors;"
        f" {report.seconds:.1f} s"
    )


def cmd_search(settings: Settings, args: argparse.Namespace) -> int:
    from qa.pipeline import Pipeline

    pipeline = Pipeline.load(settings)
    for rank, hit in enumerate(pipeline.backend.search(args.question, args.k).hits, start=1):
        chunk = hit.chunk
        print(
            f"{rank}. {chunk.doc_id} [{chunk.start}:{chunk.end}] fused={hit.score:.4f} "
            f"dense=#{hit.dense_rank} ({_fmt(hit.dense_score)}) bm25=#{hit.bm25_rank} ({_fmt(hit.bm25_score)})"
        )
        print("   " + chunk.text[:240].replace("\n", " ") + ("…" if len(chunk.text) > 240 else ""))
    return 0


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    from qa.pipeline import Pipeline
    from qa.serve.schemas import to_response

    response = Pipeline.load(settings).ask(args.question, args.top_n, documents=args.documents)
    if args.json:
        print(to_response(response).model_dump_json(indent=2))
        return 0
    if response.asked != response.question:
        print(f"(read as: {response.asked})")
    if response.evidence:
        e = response.evidence
        print("A yes/no question: qa answers with spans of the documents, not yes or no. What they say:")
        print(f"   {e.doc_id} [{e.start}:{e.end}]")
        print(f"   {e.text}")
        return 0
    if response.no_answer:
        print("No answer in these documents. Closest passages:")
        for hit in response.passages[:3]:
            print(f"  {hit.chunk.doc_id} [{hit.chunk.start}:{hit.chunk.end}] {hit.chunk.text[:160]}…")
        return 0
    for rank, answer in enumerate(response.answers, start=1):
        c, s = answer.citation, answer.context
        marked = s.text[: c.start - s.start] + "[[" + answer.text + "]]" + s.text[c.end - s.start :]
        print(f"{rank}. {answer.text}   (score {answer.score:.2f})")
        where = "".join(f", {key} {value}" for key, value in (c.location.as_dict() if c.location else {}).items())
        print(f"   {c.doc_id} [{c.start}:{c.end}]{where}")
        print(f"   {marked}")
    return 0


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from qa.serve import logs
    from qa.serve.api import create_app
    from qa.serve.service import Service

    settings = settings.with_(host=args.host or settings.host, port=args.port or settings.port)
    if args.workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {args.workers}")
    if args.workers > 1:
        from qa.serve import workers

        workers.serve(settings, args.workers, watch=args.watch)
        return 0
    service = Service.start(settings, watch=args.watch)
    print(f"index {service.pipeline.index.version}: {len(service.pipeline.index.documents)} documents")
    if args.watch:
        print(f"watching {settings.seeds_dir} every {settings.watch_interval:g} s")
    if not settings.admin_token:
        print("POST /index/rebuild is disabled; set QA_ADMIN_TOKEN to enable it")
    app = create_app(service)
    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level="info")
    logs.install()  # after uvicorn configured its loggers: no secrets or huge query strings in the access log
    uvicorn.Server(config).run()
    service.stop()
    return 0


def cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict
    from datetime import UTC, datetime

    from qa.evaluate.harness import check_thresholds, git_commit, print_table, save_report
    from qa.index.embed import embedder_for

    embedder = embedder_for(settings)
    meta = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "reader": settings.reader,
        "settings": {k: str(v) for k, v in asdict(settings).items() if "token" not in k},
    }
    if args.squad:
        from qa.evaluate.benchmark import run_benchmark, run_reading, run_retrieval

        if args.reading_only:
            figures = run_reading(settings, args.squad, args.data, args.limit, args.seed)
        elif args.retrieval_only:
            figures = run_retrieval(settings, embedder, args.squad, args.data, args.limit, args.seed)
        else:
            figures = run_benchmark(
                settings,
                embedder,
                args.squad,
                args.data,
                args.limit,
                args.seed,
                gold_paragraph=args.gold_paragraph,
                predictions=args.predictions,
            )
        report = {**meta, "benchmark": args.squad, "limit": args.limit, "seed": args.seed, "figures": figures}
        path = save_report(report, args.reports, f"squad-{Path(args.squad).stem}")
        kind = (
            "reader alone on the gold paragraphs"
            if args.reading_only
            else "retrieval alone"
            if args.retrieval_only
            else "open benchmark"
        )
        title, missed = f"SQuAD {kind} {args.squad} ({figures['questions']} questions)", []
    else:
        from qa.evaluate.harness import run_gold

        figures, rows = run_gold(settings, embedder, args.gold, args.split, args.limit, args.seed)
        thresholds = json.loads(args.thresholds.read_text()) if args.thresholds.exists() else {}
        missed = check_thresholds(figures, thresholds.get(args.split, {})) if args.split == "test" else []
        report = {**meta, "gold": str(args.gold), "split": args.split, "figures": figures, "missed": missed}
        report["per_question"] = rows
        path = save_report(report, args.reports, f"gold-{args.split}")
        title = f"Gold set {args.gold} ({args.split} split, {settings.reader} reader)"
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_table(figures, title)
        print(f"report: {path}")
    for problem in missed:
        print(f"THRESHOLD MISSED: {problem}")
    return 1 if missed else 0


def cmd_fit_verifier(settings: Settings, args: argparse.Namespace) -> int:
    import json

    from qa.evaluate.calibrate import Outcomes, collect_outcomes, cross_validate, fit_outcomes
    from qa.index.embed import embedder_for
    from qa.read.verify import model_path

    reader = args.reader or settings.reader
    settings = settings.with_(reader=reader)
    out = args.out or model_path(reader, settings.reader_model)
    prior: float | str | None = None if args.prior == "none" else args.prior
    if prior not in (None, "squad2"):
        try:
            prior = float(args.prior)
        except ValueError:
            raise ConfigError(f"--prior takes a number, 'squad2' or 'none', not {args.prior!r}") from None
    if args.outcomes:
        outcomes = Outcomes.load(args.outcomes)
    else:
        outcomes = collect_outcomes(settings, embedder_for(settings), args.data, limit=args.limit)
    if args.save_outcomes:
        outcomes.save(args.save_outcomes)
    if args.cv:
        print(json.dumps(cross_validate(reader, outcomes, prior, in_paragraph_only=args.in_paragraph_only), indent=2))
    model = fit_outcomes(reader, outcomes, prior, in_paragraph_only=args.in_paragraph_only)
    model.save(out)
    print(f"verifier for the {reader} reader: threshold {model.threshold}, fit {model.fit} → {out}")
    return 0


def cmd_bench(settings: Settings, args: argparse.Namespace) -> int:
    from qa.bench import run_cli

    return run_cli(settings, args)


def cmd_train_reader(settings: Settings, args: argparse.Namespace) -> int:
    from qa.train import TrainConfig, train_reader

    config = TrainConfig(
        data=args.data,
        checkpoints=args.checkpoints,
        epochs=args.epochs,
        learning_rate=args.learning_rate,
        batch_size=args.batch_size,
        max_length=args.max_length,
        stride=args.stride,
        seed=args.seed,
        split_seed=args.split_seed,
        device=args.device,
        limit=args.limit,
        init=args.init,
        hard_negative_rate=args.hard_negative_rate,
        synthetic_rate=args.synthetic_rate,
        synthetic_same_article=args.synthetic_same_article,
        shared_norm=args.shared_norm,
        train_word_embeddings=args.train_word_embeddings,
        **({"out": args.out} if args.out else {}),
    )
    meta = train_reader(config, progress=lambda line: print(line, flush=True), resume=args.resume)
    print(f"saved to {config.out}: epoch {meta['chosen_epoch']} chosen, validation {meta['validation']}")
    return 0


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


if __name__ == "__main__":
    sys.exit(main())
