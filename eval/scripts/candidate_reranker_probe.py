"""Would a second model that reads each candidate answer in its sentence choose and refuse better than the
verifier's features alone? A probe (session 38), before building one into the service.

The span model scores a span inside a window; the verifier then sees only numbers about that span. Here a
cross-encoder reads the question with the candidate's own sentence, the candidate marked in it
("… by << Alexander Glazunov >>."), and gives one logit: is this candidate right (F1 >= 0.5)? It starts
from the served reader's encoder (word embeddings frozen, a new 384 -> 1 head on [CLS]) and learns from
the pipeline's own top-5 candidates (every window read, no verifier) on a seeded sample of training-pool
questions outside the reader's validation articles, where the reader was trained. Its logit is then
added to the verifier's features on the validation outcomes of ``qa fit-verifier --save-outcomes`` and
scored by the same article-folded 5-fold cross-validation, with and without it. Nothing here touches the
held-out articles.

    .venv/bin/qa fit-verifier --cv --data ../shared/data --out build/rr/v.json --save-outcomes build/rr/o.json
    .venv/bin/python eval/scripts/candidate_reranker_probe.py collect train build/rr/train.jsonl 4500  # ~9 min
    .venv/bin/python eval/scripts/candidate_reranker_probe.py collect val build/rr/val.jsonl           # ~5 min
    .venv/bin/python eval/scripts/candidate_reranker_probe.py train build/rr/train.jsonl build/rr 2   # ~30 min
    .venv/bin/python eval/scripts/candidate_reranker_probe.py score build/rr build/rr/val.jsonl build/rr/s2.json 2
    .venv/bin/python eval/scripts/candidate_reranker_probe.py cv build/rr/o.json build/rr/s2.json build/rr/val.jsonl
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

from qa.config import Settings
from qa.evaluate.calibrate import CANDIDATES, Outcomes, cross_validate, validation_questions
from qa.evaluate.harness import RIGHT_F1, temporary_pipeline
from qa.evaluate.metrics import f1
from qa.evaluate.reading import reader_validation_articles
from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.index.embed import embedder_for
from qa.read import verify
from qa.read.span import DEFAULT_MODEL_DIR, load_span_model
from qa.read.verify import Verifier

MAX_TOKENS = 160
BATCH = 32
LEARNING_RATE = 3e-5


def collect(mode: str, out: Path, sample: int = 4500) -> None:
    """The pipeline's top candidates with their sentences: ``train``, a seeded sample of the training pool
    outside the validation articles, against all its paragraphs; ``val``, exactly the questions and
    collection of ``collect_outcomes``, in its order (so the logits line up with its saved outcomes)."""
    if mode == "val":  # the questions and documents qa fit-verifier asks, in its order
        documents, asked, _ = validation_questions(DEFAULT_MODEL_DIR, DEFAULT_DATA_DIR)
        questions = [(question, golds) for question, golds, _, _ in asked]
    else:
        articles = reader_validation_articles(DEFAULT_MODEL_DIR)
        train = [e for e in training_pool(DEFAULT_DATA_DIR) if e.article not in articles]
        contexts = list(dict.fromkeys(e.context for e in train))
        documents = {f"{n:04d}.txt": context for n, context in enumerate(contexts)}
        questions = [(e.question, e.answers) for e in random.Random(7).sample(train, min(sample, len(train)))]
    settings = Settings().with_(exit_probability=None)
    with (
        temporary_pipeline(settings, documents, embedder_for(settings), verifier=Verifier(None)) as pipeline,
        out.open("w") as f,
    ):
        for k, (question, golds) in enumerate(questions):
            response = pipeline.ask(question, 3, threshold=0.0)
            rows = [
                {
                    "text": a.text,
                    "sentence": a.context.text,
                    "at": a.citation.start - a.context.start,
                    "f1": f1(a.text, golds) if golds else 0.0,
                    "support": a.support.text if a.support is not None else None,
                }
                for a in response.candidates[:CANDIDATES]
            ]
            record = {"question": question, "asked": response.asked, "answerable": bool(golds), "candidates": rows}
            f.write(json.dumps(record) + "\n")
            if k % 500 == 0:
                print(f"{k} of {len(questions)}", flush=True)


def marked(candidate: dict[str, Any]) -> str:
    """The candidate's sentence with the candidate between << and >> (and the quotation it stands for)."""
    sentence, at, text = candidate["sentence"], candidate["at"], candidate["text"]
    if 0 <= at <= len(sentence) and sentence[at : at + len(text)] == text:
        sentence = f"{sentence[:at]}<< {text} >>{sentence[at + len(text) :]}"
    else:
        sentence = f"{text} >> {sentence}"
    return f"{sentence} {candidate['support']}" if candidate.get("support") else sentence


def _model(state: Path | None = None) -> tuple[Any, Any]:
    import torch

    span, _ = load_span_model(DEFAULT_MODEL_DIR)

    class Reranker(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert
            self.head = torch.nn.Linear(bert.config.hidden_size, 1)

        def forward(self, **inputs: Any) -> Any:
            return self.head(self.bert(**inputs).last_hidden_state[:, 0]).squeeze(-1)

    model = Reranker(span.model.bert)
    if state is not None:
        model.load_state_dict(torch.load(state))
    return model, span.tokenizer


def _inputs(tokenizer: Any, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    import torch

    backend = tokenizer._backend
    backend.enable_truncation(MAX_TOKENS, strategy="only_second")
    backend.enable_padding()
    found = backend.encode_batch(pairs)
    return {
        "input_ids": torch.tensor([e.ids for e in found]),
        "attention_mask": torch.tensor([e.attention_mask for e in found]),
        "token_type_ids": torch.tensor([e.type_ids for e in found]),
    }


def train(pairs_path: Path, out: Path, epochs: int) -> None:
    import torch

    torch.set_num_threads(2)
    torch.manual_seed(13)
    model, tokenizer = _model()
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    data = []
    for line in pairs_path.open():
        record = json.loads(line)
        data += [(record["asked"], marked(c), float(c["f1"] >= RIGHT_F1)) for c in record["candidates"]]
    print(f"{len(data)} candidates, {int(sum(y for *_, y in data))} right", flush=True)
    trained = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trained, lr=LEARNING_RATE, weight_decay=0.01)
    steps = epochs * math.ceil(len(data) / BATCH)
    warm = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    rng, step, began = random.Random(13), 0, time.time()
    model.train()
    for epoch in range(epochs):
        rng.shuffle(data)
        batches = []
        for i in range(0, len(data), BATCH * 50):  # batches of similar length, in a shuffled order
            block = sorted(data[i : i + BATCH * 50], key=lambda x: len(x[0]) + len(x[1]))
            batches += [block[j : j + BATCH] for j in range(0, len(block), BATCH)]
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            logits = model(**_inputs(tokenizer, [(q, s) for q, s, _ in batch]))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.tensor([y for *_, y in batch]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            total += loss.item()
            if step % 50 == 0:
                spent = time.time() - began
                eta = spent / step * (steps - step)
                print(f"step {step}/{steps} loss {total / 50:.4f} {spent:.0f} s, eta {eta:.0f} s", flush=True)
                total = 0.0
        out.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), out / f"reranker-epoch{epoch + 1}.pt")


def score(folder: Path, pairs_path: Path, out: Path, epoch: int) -> None:
    import torch

    torch.set_num_threads(2)
    model, tokenizer = _model(folder / f"reranker-epoch{epoch}.pt")
    model.eval()
    found = []
    with torch.inference_mode():
        for line in pairs_path.open():
            record = json.loads(line)
            pairs = [(record["asked"], marked(c)) for c in record["candidates"]]
            found.append(model(**_inputs(tokenizer, pairs)).tolist() if pairs else [])
    out.write_text(json.dumps(found))


def cv(outcomes_path: Path, logits_path: Path, pairs_path: Path) -> None:
    """The verifier's article-folded cross-validation without and with the reranker's logit."""
    outcomes = Outcomes.load(outcomes_path)
    logits = json.loads(logits_path.read_text())
    pairs = [json.loads(line) for line in pairs_path.open()]
    if not len(outcomes.f1) == len(logits) == len(pairs):
        raise SystemExit("the outcomes, logits and candidates hold different numbers of questions")
    for rows, scores, found, record in zip(outcomes.features, outcomes.f1, logits, pairs, strict=True):
        if [round(s, 6) for s in scores] != [round(c["f1"], 6) for c in record["candidates"]]:
            raise SystemExit(f"the candidates of {record['question']!r} differ from the outcomes'")
        for row, logit in zip(rows, found, strict=True):
            row["reranker"] = logit
    base = verify.FEATURES
    for label, names in (("verifier features", base), ("… and the reranker's logit", (*base, "reranker"))):
        verify.FEATURES = names
        r = cross_validate("learned", outcomes, None)
        squad2 = r["squad2_calibration_on_squad2_style_articles"]
        within = " / ".join(f"{v:.3f}" for v in r["auc_has_answer_within_article"].values())
        print(
            f"{label}: has-answer AUC {r['auc_has_answer']:.4f} (in-paragraph {r['auc_has_answer_in_paragraph']:.4f},"
            f" within {within}), top answer right AUC {r['auc_right']:.4f}, first answer F1"
            f" {r['answerable_first_f1']:.4f} (best candidate {r['answerable_best_candidate_f1']:.4f}), SQuAD 2.0 F1"
            f" {r['squad2_f1_weighted']:.4f}, refused {r['unanswerable_refused']:.3f} / {r['answerable_refused']:.3f};"
            f" squad2 calibration F1 {squad2['squad2_f1']:.4f}, calibration error {squad2['ece']:.4f}"
        )
    verify.FEATURES = base


def main(argv: list[str]) -> None:
    command, rest = argv[0], argv[1:]
    if command == "collect":
        collect(rest[0], Path(rest[1]), *(int(x) for x in rest[2:]))
    elif command == "train":
        train(Path(rest[0]), Path(rest[1]), int(rest[2]) if len(rest) > 2 else 2)
    elif command == "score":
        score(Path(rest[0]), Path(rest[1]), Path(rest[2]), int(rest[3]) if len(rest) > 3 else 2)
    elif command == "cv":
        cv(Path(rest[0]), Path(rest[1]), Path(rest[2]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
