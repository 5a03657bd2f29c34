"""The on-disk index: built by ``build_index`` (writer), read by ``load_index`` (reader).

Layout of ``index/``::

    CURRENT                  name of the version being served (replaced atomically)
    versions/<version>/      one complete, immutable index
        manifest.json        parameters, versions, per-document hashes, per-file sha256
        documents.jsonl      a snapshot of each document's raw text and content sections
        sentences.json       [document row, start, end] of every sentence
        chunks.json          [document row, start, end, first sentence, sentence count]
        chunk_vectors.npy    float32, one normalized row per chunk
        sentence_vectors.npy float32, one normalized row per sentence (used by the reader)
        dense.faiss          inner-product FAISS index over chunk_vectors
        sentence_dense.faiss inner-product FAISS index over sentence_vectors
    .lock                    held while a build runs, across processes

A build writes a new version beside the old one and then swaps ``CURRENT``, so a crash at any
point leaves the previous index whole and a running server keeps its loaded copy.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from importlib import metadata
from pathlib import Path

import faiss
import numpy as np

from qa.config import Settings
from qa.errors import (
    IndexCorruptError,
    IndexMismatchError,
    IndexMissingError,
    RebuildInProgressError,
)
from qa.index.bm25 import BM25, EPSILON, K1, B
from qa.index.chunk import chunk_document
from qa.index.embed import Embedder
from qa.index.manifest import FORMAT_VERSION, TOKENIZER, DocumentEntry, Manifest, mismatch
from qa.ingest.files import Corpus, Skipped, read_corpus
from qa.records import Chunk, Document, Location, Sentence, Span
from qa.text import TITLE_CASE_RUN, fold, one_edit, stem, terms

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
CURRENT = "CURRENT"
VERSIONS = "versions"
KEEP_VERSIONS = 2
DATA_FILES = (
    "documents.jsonl",
    "sentences.json",
    "chunks.json",
    "chunk_vectors.npy",
    "sentence_vectors.npy",
    "dense.faiss",
    "sentence_dense.faiss",
    "bm25.npz",
    "bm25_vocabulary.json",
)


SURFACE_CHUNKS = 20  # chunks read for how a word is written
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.]*(?:-\w+)*(?:[ \t]+[A-Z][\w'’.]*(?:-\w+)*)*")
_SENTENCE_INITIAL = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[“\"‘(]\s*)$")


@dataclass(frozen=True)
class Index:
    """A loaded, read-only index: documents, chunks, vectors, FAISS and BM25."""

    path: Path
    manifest: Manifest
    documents: dict[str, Document]
    chunks: tuple[Chunk, ...]
    sentences: tuple[Sentence, ...]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    dense: faiss.Index
    sentence_dense: faiss.Index
    sentence_chunks: tuple[tuple[int, ...], ...]
    bm25: BM25
    _sentence_rows: dict[tuple[str, int], int] = field(repr=False)

    @property
    def version(self) -> str:
        return self.manifest.version

    def document(self, doc_id: str) -> Document:
        return self.documents[doc_id]

    def sentence_vector(self, sentence: Sentence) -> np.ndarray:
        return self.sentence_vectors[self._sentence_rows[(sentence.doc_id, sentence.start)]]

    def sentence_row(self, sentence: Sentence) -> int | None:
        """The row of ``sentence`` in ``sentence_vectors`` (None for a span that is not an indexed sentence)."""
        return self._sentence_rows.get((sentence.doc_id, sentence.start))

    def surface_forms(self, word: str, chunks: int = SURFACE_CHUNKS) -> Counter[str]:
        """How ``word`` is written inside sentences of the first ``chunks`` chunks that hold it (sentence-initial
        occurrences left out, where every word is capitalised): {"Guangzhou": 1} for "guangzhou"."""
        forms: Counter[str] = Counter()
        texts = list(self._texts_with(word, chunks))
        if not texts:  # most words asked about (a misspelling's every variant) are in no chunk: nothing to compile
            return forms
        pattern = re.compile(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)
        for text in texts:
            for m in pattern.finditer(text):
                if not _SENTENCE_INITIAL.search(text, max(0, m.start() - 8), m.start()):
                    forms[m.group()] += 1
        return forms

    def names_with(self, word: str, chunks: int = SURFACE_CHUNKS) -> Counter[str]:
        """The runs of capitalised words that hold ``word`` in the first ``chunks`` chunks that hold it:
        {"Shenzhen Mayor Qin Weizhong": 1, "Qin": 2} for "qin"."""
        runs: Counter[str] = Counter()
        folded = fold(word)
        for text in self._texts_with(word, chunks):
            for m in _CAPITALISED_RUN.finditer(text):
                run = m.group().rstrip(".")  # "… by Mary Lowe."
                if folded in (fold(part).strip(".") for w in run.split() for part in (w, *w.split("-"))):
                    runs[run] += 1
        return runs

    def spelt_out(self, initials: str) -> Counter[str]:
        """The runs of capitalised words whose first letters are ``initials`` (capitals), as the chunks write
        them, each with the number of chunks that hold it: {"Hong Kong": 7} for "HK", {"Hong Kong Science Park": 2}
        for "HKSP". A run goes on to its last capitalised word ("Governors Island National" of "Governors Island
        National Monument" is none; a short form after it, "Hong Kong HKU", ends none either); a word inside a
        hyphenated run ("Shenzhen-Hong Kong") opens none. Read from ``_runs_by_initials``."""
        return Counter(self._runs_by_initials.get(initials, {}))

    @cached_property
    def _runs_by_initials(self) -> dict[str, Counter[str]]:
        """``runs_by_initials`` of the chunks, built when a question first holds a short form, not at load: it
        would more than double the time to load an index (``qa bench --rebuild``), and most questions hold none."""
        return runs_by_initials(self.chunks)

    def _texts_with(self, word: str, chunks: int) -> Iterator[str]:
        """The texts of the first ``chunks`` chunks that hold ``word`` (one index term; none for a stopword
        or several words)."""
        found = terms(word)
        if len(found) == 1:
            for row in self.bm25.rows_with(found[0])[:chunks]:
                yield self.chunks[row].text

    def respelled(self, word: str) -> str | None:
        """The word the documents hold that ``word``, one they do not hold, is likely a misspelling of: with
        one letter added, dropped, changed, or two next to each other swapped ("shenzen" → "shenzhen"), the
        one in most chunks; None when the documents hold ``word``, or none or two such words equally."""
        found = terms(word)
        if len(found) != 1 or len(self.bm25.rows_with(found[0])):
            return None
        folded = fold(word)
        spellings: dict[str, list[str]] = {}  # by index term: "hectare" ← "hectare", "hectares"
        for variant in one_edit(folded):
            spellings.setdefault(stem(variant), []).append(variant)
        held = Counter({t: n for t in spellings if (n := len(self.bm25.rows_with(t)))})
        best = held.most_common(2)
        if not best or (len(best) > 1 and best[1][1] == best[0][1]):
            return None
        # of the spellings of that term, the one that ends as the word does ("hectars" → "hectares")
        return min(spellings[best[0][0]], key=lambda v: (v[-1:] != folded[-1:], v))

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` in its document (across chunks), or None at its start."""
        row = self._sentence_rows.get((sentence.doc_id, sentence.start))
        if not row:
            return None
        before = self.sentences[row - 1]
        return before if before.doc_id == sentence.doc_id else None


EMBED_BATCH = 256  # texts per embedding call: bounded memory, and a point to report progress and cancel


class BuildCancelled(Exception):
    """A build stopped on request; nothing was published and no staging is left."""


@dataclass(frozen=True)
class Progress:
    """How far a build is: its phase, texts embedded of those to embed, rate and estimated time left."""

    phase: str  # "reading", "embedding", "writing"
    done: int = 0
    total: int = 0
    rate: float = 0.0  # texts per second
    eta_seconds: float | None = None


@dataclass
class BuildControl:
    """What a caller can give a build: a progress callback and a cancel flag it may set at any time."""

    on_progress: Callable[[Progress], None] = lambda _: None
    cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, progress: Progress) -> None:
        self.on_progress(progress)
        if self.cancel.is_set():
            raise BuildCancelled("the rebuild was cancelled; the previous index still serves")


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the CLI, the API and the tests."""

    version: str
    full: bool
    reason: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    chunks: int
    embedded_texts: int
    reused_vectors: int
    seconds: float
    rebuilt: bool = True


# ---------------------------------------------------------------------------------------- build


def build_index(
    settings: Settings,
    embedder: Embedder,
    *,
    full: bool = False,
    loaded: Index | None = None,
    control: BuildControl | None = None,
) -> BuildReport:
    """Bring ``settings.index_dir`` in line with ``settings.seeds_dir``, re-embedding only new text.

    ``loaded``: the index a caller already holds (a server); used instead of reading and verifying
    the current version again when it is that version.
    """
    started = time.perf_counter()
    control = control or BuildControl()
    index_dir = settings.index_dir
    index_dir.mkdir(parents=True, exist_ok=True)
    with build_lock(index_dir):
        _remove_staging(index_dir)  # under the lock, so any staging folder is a killed build's leftover
        control.report(Progress("reading"))
        corpus = read_corpus(settings.seeds_dir, int(settings.max_file_mb * 1e6))
        previous = _previous_for_reuse(settings, loaded, full)
        reason = "full rebuild requested" if full else _full_rebuild_reason(settings, embedder, previous)
        if reason:
            previous = None
        diff = _diff(corpus, previous.manifest if previous else None)
        if previous is not None and not (diff["added"] or diff["changed"] or diff["removed"]):
            return BuildReport(
                previous.version,
                False,
                "seeds unchanged",
                (),
                (),
                (),
                diff["unchanged"],
                corpus.skipped,
                len(previous.chunks),
                0,
                0,
                time.perf_counter() - started,
                rebuilt=False,
            )
        version, embedded, reused, n_chunks = _write_version(settings, embedder, corpus, previous, control)
        _publish(index_dir, version)
    return BuildReport(
        version,
        previous is None,
        reason or "incremental",
        diff["added"],
        diff["changed"],
        diff["removed"],
        diff["unchanged"],
        corpus.skipped,
        n_chunks,
        embedded,
        reused,
        time.perf_counter() - started,
    )


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """An exclusive, non-blocking lock on ``index_dir/.lock``, held across processes."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RebuildInProgressError(
                f"another rebuild of {index_dir} is running; wait for it to finish and try again"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _previous_for_reuse(settings: Settings, loaded: Index | None, full: bool) -> Index | None:
    """The current index, to reuse its vectors; never read for a full rebuild, which builds beside it."""
    if full:
        return None
    try:
        if loaded is not None and loaded.path == current_version_path(settings.index_dir):
            return loaded
        return load_index(settings.index_dir)
    except IndexMissingError:
        return None
    except (IndexCorruptError, IndexMismatchError) as exc:
        log.warning("the current index cannot be reused (%s); rebuilding from scratch", exc)
        return None


def _full_rebuild_reason(settings: Settings, embedder: Embedder, previous: Index | None) -> str:
    if previous is None:
        return "no usable index yet"
    return mismatch(previous.manifest, settings, embedder.name, embedder.dim) or ""


def _diff(corpus: Corpus, manifest: Manifest | None) -> dict[str, tuple[str, ...]]:
    old = {doc_id: entry.sha256 for doc_id, entry in manifest.documents.items()} if manifest else {}
    new = {document.doc_id: document.sha256 for document in corpus.documents}
    return {
        "added": tuple(sorted(new.keys() - old.keys())),
        "changed": tuple(sorted(d for d in new.keys() & old.keys() if new[d] != old[d])),
        "removed": tuple(sorted(old.keys() - new.keys())),
        "unchanged": tuple(sorted(d for d in new.keys() & old.keys() if new[d] == old[d])),
    }


def _write_version(
    settings: Settings, embedder: Embedder, corpus: Corpus, previous: Index | None, control: BuildControl
) -> tuple[str, int, int, int]:
    documents = list(corpus.documents)
    chunk_rows, sentence_rows = _tables(documents, settings)
    sentence_texts = [documents[d].raw[s:e] for d, s, e in sentence_rows]
    chunk_texts = [documents[d].raw[s:e] for d, s, e, _, _ in chunk_rows]
    cache = _vector_cache(previous)
    pooled = settings.chunk_vectors == "pooled"
    to_embed = sentence_texts if pooled else chunk_texts + sentence_texts
    todo = len({_text_key(t) for t in to_embed if _text_key(t) not in cache})
    meter = _Meter(control, todo)
    sentence_vectors, embedded_s, reused_s = _embed_with_cache(embedder, sentence_texts, cache, meter)
    if pooled:
        chunk_vectors, embedded_c, reused_c = pooled_chunk_vectors(chunk_rows, sentence_vectors), 0, len(chunk_rows)
    else:
        chunk_vectors, embedded_c, reused_c = _embed_with_cache(embedder, chunk_texts, cache, meter)
    control.report(Progress("writing", meter.done, todo, meter.rate(), 0.0))

    versions = settings.index_dir / VERSIONS
    versions.mkdir(parents=True, exist_ok=True)
    staging = versions / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        with open(staging / "documents.jsonl", "w", encoding="utf-8") as out:
            out.writelines(json.dumps(_document_row(document), ensure_ascii=False) + "\n" for document in documents)
        (staging / "sentences.json").write_text(json.dumps(sentence_rows))
        (staging / "chunks.json").write_text(json.dumps(chunk_rows))
        np.save(staging / "chunk_vectors.npy", chunk_vectors)
        np.save(staging / "sentence_vectors.npy", sentence_vectors)
        for name, vectors in (("dense.faiss", chunk_vectors), ("sentence_dense.faiss", sentence_vectors)):
            faiss.write_index(dense_index(vectors, settings.hnsw_threshold, settings.hnsw_m), str(staging / name))
        BM25([terms(documents[d].raw[s:e]) for d, s, e, _, _ in chunk_rows]).save(
            staging / "bm25.npz", staging / "bm25_vocabulary.json"
        )
        files = {name: _sha256_file(staging / name) for name in DATA_FILES}
        version = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + _digest(files)[:10]
        manifest = _manifest(settings, embedder, corpus, chunk_rows, sentence_rows, files, version)
        (staging / MANIFEST).write_text(json.dumps(manifest.to_json(), indent=2, ensure_ascii=False))
        _fsync_dir(staging)
        os.rename(staging, versions / version)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return version, embedded_c + embedded_s, reused_c + reused_s, len(chunk_rows)


def dense_index(vectors: np.ndarray, hnsw_threshold: int, hnsw_m: int) -> faiss.Index:
    """Exact inner-product search below ``hnsw_threshold`` vectors, an HNSW graph (inner product) above."""
    index: faiss.Index
    if len(vectors) < hnsw_threshold:
        index = faiss.IndexFlatIP(vectors.shape[1])
    else:
        graph = faiss.IndexHNSWFlat(vectors.shape[1], hnsw_m, faiss.METRIC_INNER_PRODUCT)
        graph.hnsw.efConstruction = 80
        index = graph
    index.add(vectors)
    return index


def _tables(documents: Sequence[Document], settings: Settings) -> tuple[list, list]:
    chunk_rows: list[list[int]] = []
    sentence_rows: list[list[int]] = []
    for d, document in enumerate(documents):
        first_row: dict[int, int] = {}
        for chunk in chunk_document(document, **settings.chunking):
            for sentence in chunk.sentences:
                if sentence.start not in first_row:
                    first_row[sentence.start] = len(sentence_rows)
                    sentence_rows.append([d, sentence.start, sentence.end])
            chunk_rows.append([d, chunk.start, chunk.end, first_row[chunk.sentences[0].start], len(chunk.sentences)])
    return chunk_rows, sentence_rows


def pooled_chunk_vectors(chunk_rows: Sequence[Sequence[int]], sentence_vectors: np.ndarray) -> np.ndarray:
    """Each chunk's vector as the normalised mean of its sentences' vectors (rows ``first .. first + count``)."""
    out = np.zeros((len(chunk_rows), sentence_vectors.shape[1]), dtype=np.float32)
    for row, (_, _, _, first, count) in enumerate(chunk_rows):
        mean = sentence_vectors[first : first + count].mean(axis=0)
        out[row] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def _vector_cache(previous: Index | None) -> dict[str, np.ndarray]:
    if previous is None:
        return {}
    pooled = previous.manifest.dense.get("chunk_vectors") == "pooled"  # pooled rows are no text's embedding
    cache = {} if pooled else {_text_key(c.text): previous.chunk_vectors[i] for i, c in enumerate(previous.chunks)}
    cache.update({_text_key(s.text): previous.sentence_vectors[i] for i, s in enumerate(previous.sentences)})
    return cache


class _Meter:
    """Counts embedded texts across a build and reports progress (and checks for a cancel) per batch."""

    def __init__(self, control: BuildControl, total: int) -> None:
        self.control, self.total, self.done = control, total, 0
        self.started = time.perf_counter()
        control.report(Progress("embedding", 0, total))

    def rate(self) -> float:
        return self.done / max(time.perf_counter() - self.started, 1e-9)

    def add(self, count: int) -> None:
        self.done += count
        rate = self.rate()
        eta = (self.total - self.done) / rate if rate > 0 else None
        self.control.report(Progress("embedding", self.done, self.total, round(rate, 1), eta))


def _embed_with_cache(
    embedder: Embedder, texts: Sequence[str], cache: dict[str, np.ndarray], meter: _Meter
) -> tuple[np.ndarray, int, int]:
    keys = [_text_key(t) for t in texts]
    missing = sorted({k: i for i, k in enumerate(keys) if k not in cache}.values())
    for first in range(0, len(missing), EMBED_BATCH):
        batch = missing[first : first + EMBED_BATCH]
        fresh = embedder.encode([texts[i] for i in batch])
        for i, vector in zip(batch, fresh, strict=True):
            cache[keys[i]] = vector
        meter.add(len(batch))
    matrix = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for i, key in enumerate(keys):
        matrix[i] = cache[key]
    return matrix, len(missing), len(texts) - len(missing)


def _manifest(settings, embedder, corpus, chunk_rows, sentence_rows, files, version) -> Manifest:
    per_doc_chunks = np.bincount([row[0] for row in chunk_rows], minlength=len(corpus.documents))
    return Manifest(
        format_version=FORMAT_VERSION,
        version=version,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        model=embedder.name,
        dim=embedder.dim,
        chunking=settings.chunking,
        dense={
            "hnsw_threshold": settings.hnsw_threshold,
            "hnsw_m": settings.hnsw_m,
            "chunk_vectors": settings.chunk_vectors,
        },
        bm25={"k1": K1, "b": B, "epsilon": EPSILON, "tokenizer": TOKENIZER},
        counts={"documents": len(corpus.documents), "chunks": len(chunk_rows), "sentences": len(sentence_rows)},
        documents={
            document.doc_id: DocumentEntry(document.sha256, document.size, int(per_doc_chunks[d]))
            for d, document in enumerate(corpus.documents)
        },
        files=files,
        skipped=[{"path": str(s.path), "reason": s.reason} for s in corpus.skipped],
        libraries={
            name: _library_version(name) for name in ("qa", "faiss-cpu", "numpy", "sentence-transformers", "torch")
        },
    )


def _publish(index_dir: Path, version: str) -> None:
    pointer = index_dir / f".{CURRENT}.{uuid.uuid4().hex}"
    pointer.write_text(version + "\n")
    with open(pointer) as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, index_dir / CURRENT)
    _fsync_dir(index_dir)
    _prune(index_dir, keep=version)


def _remove_staging(index_dir: Path) -> None:
    folder = index_dir / VERSIONS
    if folder.is_dir():
        for path in folder.glob(".staging-*"):
            shutil.rmtree(path, ignore_errors=True)


def _prune(index_dir: Path, keep: str) -> None:
    """Keep the new version and the newest older one that verifies; remove the rest and any staging.

    A version that fails verification is never kept, and the last intact one before the new one is
    never removed (it is what a server falls back to if the new one is damaged later).
    """
    versions = sorted(p for p in (index_dir / VERSIONS).iterdir() if p.is_dir())
    finished = [p for p in versions if not p.name.startswith(".")]
    older = [p for p in reversed(finished) if p.name != keep]
    kept = next((p for p in older if intact(p)), None) if KEEP_VERSIONS > 1 else None
    old = [p for p in older if p != kept]
    # This runs under the build lock, so any staging folder left is from a build that was killed.
    stale_staging = [p for p in versions if p.name.startswith(".staging-")]
    for path in old + stale_staging:
        shutil.rmtree(path, ignore_errors=True)
    for pointer in index_dir.glob(f".{CURRENT}.*"):
        pointer.unlink(missing_ok=True)


# ----------------------------------------------------------------------------------------- load


def load_index(index_dir: Path) -> Index:
    """Load the current version, verifying every file against the manifest."""
    path = current_version_path(index_dir)
    try:
        data = json.loads((path / MANIFEST).read_text())
    except FileNotFoundError as exc:
        raise IndexCorruptError(f"{path} has no {MANIFEST}; rebuild it with `qa index --full`") from exc
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(f"{path / MANIFEST} is unreadable ({exc}); rebuild it with `qa index --full`") from exc
    if not isinstance(data, dict) or data.get("format_version") != FORMAT_VERSION:
        found = data.get("format_version") if isinstance(data, dict) else None
        raise IndexMismatchError(
            f"{path} has index format {found}, this qa reads {FORMAT_VERSION}; rebuild it with `qa index --full`"
        )
    try:
        manifest = Manifest.from_json(data)
    except (KeyError, TypeError) as exc:
        raise IndexCorruptError(f"{path / MANIFEST} is incomplete ({exc}); rebuild it with `qa index --full`") from exc
    _verify_files(path, manifest)
    try:
        return _read(path, manifest)
    except (OSError, ValueError, KeyError, IndexError, TypeError, RuntimeError) as exc:
        raise IndexCorruptError(f"{path} could not be read ({exc}); rebuild it with `qa index --full`") from exc


def intact(path: Path) -> bool:
    """Whether the version at ``path`` has a readable manifest of this format and every file matches it."""
    try:
        data = json.loads((path / MANIFEST).read_text())
        if data.get("format_version") != FORMAT_VERSION:
            return False
        _verify_files(path, Manifest.from_json(data))
        return True
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexCorruptError):
        return False


def load_newest_intact(index_dir: Path) -> Index | None:
    """The newest version that loads and verifies, whatever ``CURRENT`` says (None if there is none)."""
    folder = index_dir / VERSIONS
    if not folder.is_dir():
        return None
    for path in sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")), reverse=True):
        if not intact(path):
            continue
        try:
            return _read(path, Manifest.from_json(json.loads((path / MANIFEST).read_text())))
        except (OSError, ValueError, KeyError, IndexError, TypeError, RuntimeError):
            continue
    return None


def check_compatible(index: Index, settings: Settings, model: str, dim: int | None = None) -> None:
    """Refuse an index built with another model or chunking than ``settings`` ask for."""
    reason = mismatch(index.manifest, settings, model, dim)
    if reason:
        raise IndexMismatchError(f"the index in {index.path} does not match the settings: {reason}; run `qa index`")


def current_version_path(index_dir: Path) -> Path:
    pointer = index_dir / CURRENT
    if not pointer.exists():
        raise IndexMissingError(f"no index in {index_dir}; build it with `qa index`")
    version = pointer.read_text().strip()
    path = index_dir / VERSIONS / version
    if not version or not path.is_dir():
        raise IndexCorruptError(f"{pointer} names a missing version {version!r}; rebuild with `qa index --full`")
    return path


def _verify_files(path: Path, manifest: Manifest) -> None:
    expected = manifest.files
    for name in DATA_FILES:
        file = path / name
        if not file.exists():
            raise IndexCorruptError(f"{file} is missing; rebuild the index with `qa index --full`")
        if expected.get(name) != _sha256_file(file):
            raise IndexCorruptError(f"{file} does not match its checksum; rebuild the index with `qa index --full`")


def _read(path: Path, manifest: Manifest) -> Index:
    documents = [_document_from_row(json.loads(line)) for line in (path / "documents.jsonl").open(encoding="utf-8")]
    sentences = tuple(
        Sentence(documents[d].doc_id, s, e, documents[d].raw[s:e])
        for d, s, e in json.loads((path / "sentences.json").read_text())
    )
    sentence_rows = {(s.doc_id, s.start): i for i, s in enumerate(sentences)}
    chunks = tuple(
        Chunk(row, documents[d].doc_id, s, e, documents[d].raw[s:e], sentences[first : first + count])
        for row, (d, s, e, first, count) in enumerate(json.loads((path / "chunks.json").read_text()))
    )
    chunk_vectors = np.load(path / "chunk_vectors.npy")
    sentence_vectors = np.load(path / "sentence_vectors.npy")
    dense = faiss.read_index(str(path / "dense.faiss"))
    sentence_dense = faiss.read_index(str(path / "sentence_dense.faiss"))
    counts = manifest.counts
    shapes_ok = (
        len(documents) == counts["documents"]
        and len(chunks) == counts["chunks"] == dense.ntotal == chunk_vectors.shape[0]
        and len(sentences) == counts["sentences"] == sentence_dense.ntotal == sentence_vectors.shape[0]
        and dense.d == sentence_dense.d == manifest.dim == chunk_vectors.shape[1]
    )
    sentence_chunks: list[list[int]] = [[] for _ in sentences]
    for chunk in chunks:
        for sentence in chunk.sentences:
            sentence_chunks[sentence_rows[(sentence.doc_id, sentence.start)]].append(chunk.chunk_id)
    if not shapes_ok:
        raise ValueError("the index files disagree with the manifest's counts")
    return Index(
        path=path,
        manifest=manifest,
        documents={document.doc_id: document for document in documents},
        chunks=chunks,
        sentences=sentences,
        chunk_vectors=chunk_vectors,
        sentence_vectors=sentence_vectors,
        dense=dense,
        sentence_dense=sentence_dense,
        sentence_chunks=tuple(tuple(c) for c in sentence_chunks),
        bm25=BM25.load(path / "bm25.npz", path / "bm25_vocabulary.json", rows=len(chunks)),
        _sentence_rows=sentence_rows,
    )


def runs_by_initials(chunks: Sequence[Chunk]) -> dict[str, Counter[str]]:
    """Every run of capitalised words of the chunks, and each of its ends of two words or more, by their first
    letters, with the chunks that hold it (``Index.spelt_out`` reads it): one pass (about 160 ms a million
    characters, ``qa bench --rebuild``), then a lookup for each short form, where a scan of the chunks for each
    cost about 20 ms a million."""
    table: dict[str, Counter[str]] = {}
    for chunk in chunks:
        held: set[tuple[str, str]] = set()
        for run in TITLE_CASE_RUN.finditer(chunk.text):
            starts = [m.start() for m in re.finditer(r"\S+", run.group())]
            initials = "".join(run.group()[at] for at in starts)
            held.update((initials[k:], run.group()[starts[k] :]) for k in range(len(starts) - 1))
        for initials, text in held:
            table.setdefault(initials, Counter())[text] += 1
    return table


def _document_row(document: Document) -> dict:
    return {
        "doc_id": document.doc_id,
        "path": document.path,
        "sha256": document.sha256,
        "size": document.size,
        "raw": document.raw,
        "sections": [[[b.start, b.end] for b in section] for section in document.sections],
        "format": document.format,
        "title": document.title,
        "pages": document.pages,
        "locations": [[loc.start, loc.page, loc.heading] for loc in document.locations],
    }


def _document_from_row(row: dict) -> Document:
    sections = tuple(tuple(Span(s, e) for s, e in section) for section in row["sections"])
    return Document(
        row["doc_id"],
        row["path"],
        row["raw"],
        row["sha256"],
        row["size"],
        sections,
        format=row.get("format", "text"),  # snapshots written before formats other than text lack these
        title=row.get("title", ""),
        pages=row.get("pages", 0),
        locations=tuple(Location(s, p, h) for s, p, h in row.get("locations", ())),
    )


# ---------------------------------------------------------------------------------------- utils


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _digest(files: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _library_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
