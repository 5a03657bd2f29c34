"""Sentence vectors pooled from their chunk's own forward pass, against embedding each sentence alone
(the index build's second pass, about half its embedding time): how close they are, and what dense
retrieval (each chunk scored by the better of its own and its best sentence's cosine, as
``LocalBackend.dense`` does) finds with each. The first 1,000 paragraphs of the v1.1 dev part are the
collection; only the questions of training-pool articles among them are asked (never a held-out one).

    .venv/bin/python eval/scripts/token_pooled_sentences.py [../shared/data]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from qa.config import Settings
from qa.evaluate.squad import HELDOUT_V11
from qa.index import store
from qa.index.embed import embedder_for
from qa.ingest.files import read_corpus

PARAGRAPHS = 1000


def main(data_dir: Path) -> None:
    articles = json.loads((data_dir / "squad-dev-v1.1-part.json").read_text())["data"]
    paragraphs = [(a["title"], p) for a in articles for p in a["paragraphs"]][:PARAGRAPHS]
    seeds = Path(tempfile.mkdtemp(prefix="qa-token-pooled-"))
    for n, (_, p) in enumerate(paragraphs):
        (seeds / f"d{n:04d}.txt").write_text(p["context"], encoding="utf-8")
    settings = Settings(seeds_dir=seeds)
    embedder = embedder_for(settings)
    documents = list(read_corpus(seeds).documents)
    paragraph_of_document = [int(d.doc_id[1:5]) for d in documents]
    chunk_rows, sentence_rows = store._tables(documents, settings)
    chunk_texts = [documents[d].raw[s:e] for d, s, e, _, _ in chunk_rows]
    sentence_texts = [documents[d].raw[s:e] for d, s, e in sentence_rows]
    embedder.encode(chunk_texts[:64])  # warm-up

    started = time.perf_counter()
    chunk_vectors = embedder.encode(chunk_texts)
    chunk_seconds = time.perf_counter() - started
    started = time.perf_counter()
    alone = embedder.encode(sentence_texts)
    sentence_seconds = time.perf_counter() - started

    # The same chunk pass again, keeping the token states: each sentence's vector is the normalised mean
    # of the states of its tokens in the first chunk that holds it.
    pooled, covered = np.zeros_like(alone), np.zeros(len(alone), dtype=bool)
    tokenizer, runner = embedder._tokenizer, embedder._batch_session
    order = sorted(range(len(chunk_texts)), key=lambda i: -len(chunk_texts[i]))
    started = time.perf_counter()
    for first in range(0, len(order), 32):
        rows = order[first : first + 32]
        batch = tokenizer.texts([chunk_texts[i] for i in rows], embedder._max_length)
        hidden = runner.run(None, {k: v for k, v in batch.inputs().items() if k in embedder._inputs})[0]
        for b, c in enumerate(rows):
            _, chunk_start, _, first_sentence, count = chunk_rows[c]
            offsets, mask = (
                batch.offsets[b],
                batch.attention_mask[b].astype(bool) & (batch.offsets[b][:, 1] > batch.offsets[b][:, 0]),
            )
            for r in range(first_sentence, first_sentence + count):
                _, start, end = sentence_rows[r]
                inside = mask & (offsets[:, 0] >= start - chunk_start) & (offsets[:, 1] <= end - chunk_start)
                if covered[r] or not inside.any():
                    continue
                v = hidden[b][inside].mean(axis=0)
                pooled[r], covered[r] = v / np.linalg.norm(v), True
    pooled_seconds = time.perf_counter() - started
    cosine = (pooled[covered] * alone[covered]).sum(axis=1)
    print(
        f"{len(chunk_texts)} chunks embedded in {chunk_seconds:.1f} s, {len(sentence_texts)} sentences in "
        f"{sentence_seconds:.1f} s; the chunk pass pooling sentences too: {pooled_seconds:.1f} s, "
        f"{covered.mean():.1%} of sentences covered"
    )
    print(
        f"cosine of pooled to embedded sentence vectors: mean {cosine.mean():.3f}, "
        f"5th percentile {np.percentile(cosine, 5):.3f}"
    )

    questions = [
        (q["question"], n) for n, (title, p) in enumerate(paragraphs) if title not in HELDOUT_V11 for q in p["qas"]
    ]
    query = embedder.encode([q for q, _ in questions])
    gold = np.asarray([n for _, n in questions])
    paragraph_of_chunk = np.asarray([paragraph_of_document[row[0]] for row in chunk_rows])
    owners: list[list[int]] = [[] for _ in sentence_rows]
    for c, (_, _, _, first_sentence, count) in enumerate(chunk_rows):
        for r in range(first_sentence, first_sentence + count):
            owners[r].append(c)
    for label, sentences in (("sentences embedded", alone), ("sentences pooled", pooled), ("chunks only", None)):
        scores = query @ chunk_vectors.T
        if sentences is not None:
            by_sentence = query @ sentences.T
            for r, chunks in enumerate(owners):
                for c in chunks:
                    scores[:, c] = np.maximum(scores[:, c], by_sentence[:, r])
        top = paragraph_of_chunk[np.argsort(-scores, axis=1)[:, :5]]
        at1, at5 = (top[:, 0] == gold).mean(), (top == gold[:, None]).any(axis=1).mean()
        print(f"{label:19s} dense recall@1 {at1:.3f}  @5 {at5:.3f}  ({len(questions)} questions)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data")
