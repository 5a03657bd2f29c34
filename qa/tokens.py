"""A model's word-piece tokenizer, run by the ``tokenizers`` library from the model's own ``tokenizer.json``.

The embedder and the span model both tokenize through this, at index time, at question time and in
training, so what a model was trained on is what it reads. It needs neither ``transformers`` nor
torch: a server whose models run on ONNX Runtime never imports them (about 220 MB less memory).
The encodings equal those of ``transformers``' fast tokenizer called with the same options
(``tests/test_tokens.py``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qa.errors import ConfigError

TOKENIZER_FILE = "tokenizer.json"


@dataclass(frozen=True)
class Encoded:
    """A padded batch: ``input_ids``, ``attention_mask`` and ``token_type_ids`` (int64, one row per
    window); for pairs also each window's sample (``overflow_to_sample_mapping``), each token's
    character offsets in its own text (``offsets``) and which sequence it belongs to (``sequence``:
    0 the first text, 1 the second, -1 a special or padding token)."""

    input_ids: np.ndarray
    attention_mask: np.ndarray
    token_type_ids: np.ndarray
    overflow_to_sample_mapping: np.ndarray
    offsets: np.ndarray
    sequence: np.ndarray

    def inputs(self) -> dict[str, np.ndarray]:
        return {
            "input_ids": self.input_ids,
            "attention_mask": self.attention_mask,
            "token_type_ids": self.token_type_ids,
        }


class Tokenizer:
    """``texts`` for single texts (the embedder), ``pairs`` for a question against contexts cut into
    overlapping windows (the span model). Truncation and padding are set for each call, under a lock:
    the ``tokenizers`` object keeps them as state."""

    def __init__(self, path: Path) -> None:
        from tokenizers import Tokenizer as Backend

        file = path / TOKENIZER_FILE
        if not file.is_file():
            raise ConfigError(f"no {TOKENIZER_FILE} in {path}: the model needs a fast (Rust) tokenizer")
        self._backend = Backend.from_file(str(file))
        config = _config(path)
        pad = str(config.get("pad_token") or "[PAD]")
        pad_id = self._backend.token_to_id(pad)
        if pad_id is None:
            raise ConfigError(f"the tokenizer in {path} has no padding token {pad!r}")
        self._pad = {"pad_id": pad_id, "pad_token": pad, "pad_type_id": int(config.get("pad_token_type_id", 0))}
        self._lock = threading.Lock()

    def knows_whole(self, word: str) -> bool:
        """Whether ``word`` (lower case) is one token of the vocabulary, not pieces: a common word
        ("fraction", "night"), where a misspelling ("manhatten") or a rare name is cut into pieces."""
        return self._backend.token_to_id(word) is not None

    def texts(self, texts: Sequence[str], max_length: int) -> Encoded:
        """Each text (cut at ``max_length`` tokens), padded to the longest."""
        with self._lock:
            self._backend.enable_truncation(max_length, strategy="longest_first")
            self._backend.enable_padding(**self._pad)
            found = self._backend.encode_batch(list(texts))
        return _batch(found, list(range(len(found))))

    def pairs(self, question: str, contexts: Sequence[str], max_length: int, stride: int) -> Encoded:
        """``question`` with each context, the context cut into windows of at most ``max_length`` tokens
        that overlap by ``stride``, all padded to the longest."""
        with self._lock:
            self._backend.enable_truncation(max_length, stride=stride, strategy="only_second")
            self._backend.enable_padding(**self._pad)
            found = self._backend.encode_batch([(question, context) for context in contexts])
        windows, samples = [], []
        for sample, encoding in enumerate(found):
            for window in (encoding, *encoding.overflowing):
                windows.append(window)
                samples.append(sample)
        return _batch(windows, samples)


def _batch(encodings: Sequence[object], samples: list[int]) -> Encoded:
    def rows(name: str) -> np.ndarray:
        return np.asarray([getattr(e, name) for e in encodings], dtype=np.int64).reshape(len(encodings), -1)

    sequence = np.asarray(
        [[-1 if s is None else s for s in e.sequence_ids] for e in encodings],  # type: ignore[attr-defined]
        dtype=np.int64,
    ).reshape(len(encodings), -1)
    return Encoded(
        input_ids=rows("ids"),
        attention_mask=rows("attention_mask"),
        token_type_ids=rows("type_ids"),
        overflow_to_sample_mapping=np.asarray(samples, dtype=np.int64),
        offsets=np.asarray([e.offsets for e in encodings], dtype=np.int64).reshape(len(encodings), -1, 2),  # type: ignore[attr-defined]
        sequence=sequence,
    )


def _config(path: Path) -> dict[str, Any]:
    try:
        found = json.loads((path / "tokenizer_config.json").read_text())
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


_loaded: dict[Path, Tokenizer] = {}
_loading = threading.Lock()


def load_tokenizer(path: str | Path) -> Tokenizer:
    """The tokenizer of the model folder ``path``, made once per process."""
    key = Path(path).resolve()
    with _loading:
        if key not in _loaded:
            _loaded[key] = Tokenizer(key)
        return _loaded[key]
