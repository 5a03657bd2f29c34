"""Training the span model end to end on a tiny SQuAD-format sample the test writes itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.errors import ConfigError
from qa.span import load_span_model
from qa.train import TrainConfig, best_margin, featurize, load_squad, split_articles, train_reader

pytestmark = pytest.mark.slow

FACTS = [
    (
        "Avalon",
        "The Avalon bridge was designed by Clara Mendes in 1931.",
        "Who designed the Avalon bridge?",
        "Clara Mendes",
    ),
    ("Avalon", "The Avalon bridge is 840 metres long.", "How long is the Avalon bridge?", "840 metres"),
    ("Avalon", "Trains cross the Avalon bridge every ten minutes.", "How often do trains cross?", "every ten minutes"),
    ("Borel", "Borel Lake freezes every January.", "When does Borel Lake freeze?", "every January"),
    ("Borel", "The lake is home to the silver trout.", "Which fish lives in the lake?", "the silver trout"),
    ("Borel", "Borel Lake lies 300 metres above the sea.", "How high is Borel Lake?", "300 metres"),
    ("Cantor", "Cantor Hall seats 2,000 people.", "How many people does Cantor Hall seat?", "2,000"),
    ("Cantor", "Cantor Hall was opened by Mayor Ruth Ames.", "Who opened Cantor Hall?", "Mayor Ruth Ames"),
]


def write_sample(path: Path) -> Path:
    articles: dict[str, list] = {}
    for n, (title, context, question, answer) in enumerate(FACTS):
        qas = [
            {"id": f"q{n}", "question": question, "answers": [{"text": answer, "answer_start": context.index(answer)}]}
        ]
        qas.append({"id": f"u{n}", "question": "What colour is the moon?", "answers": [], "is_impossible": True})
        articles.setdefault(title, []).append({"context": context, "qas": qas})
    data = [{"title": title, "paragraphs": paragraphs} for title, paragraphs in articles.items()]
    path.write_text(json.dumps({"version": "v2.0", "data": data}))
    return path


def test_load_squad_checks_answers(tmp_path):
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    assert len(examples) == 16 and sum(e.impossible for e in examples) == 8
    broken = json.loads((tmp_path / "sample.json").read_text())
    broken["data"][0]["paragraphs"][0]["qas"][0]["answers"][0]["answer_start"] = 1
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    with pytest.raises(ConfigError, match="does not match"):
        load_squad(tmp_path / "broken.json")


def test_split_holds_out_whole_articles(tmp_path):
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    train, heldout = split_articles(examples, 1, seed=3)
    assert {e.article for e in train}.isdisjoint({e.article for e in heldout}) and heldout
    assert split_articles(examples, 1, seed=3) == (train, heldout)


def test_featurize_targets_decode_to_the_answer(tmp_path):
    from transformers import AutoTokenizer

    from qa.span import base_model_path

    tokenizer = AutoTokenizer.from_pretrained(base_model_path())
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    features = featurize(tokenizer, examples, max_length=64, stride=16)
    for example, start, end, ids in zip(
        examples, features["start"], features["end"], features["input_ids"], strict=False
    ):
        if example.impossible:
            assert start == end == 0
        else:
            decoded = tokenizer.decode(ids[start : end + 1])
            assert decoded.replace(" ", "") == example.answers[0].lower().replace(" ", "")


def test_best_margin_trades_answers_for_refusals(tmp_path):
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    answerable = next(e for e in examples if not e.impossible)
    impossible = next(e for e in examples if e.impossible)
    margin, f1 = best_margin([(answerable, answerable.answers[0], 3.0), (impossible, "moon", -1.0)])
    assert -1.0 <= margin < 3.0 and f1 == 1.0


def test_training_runs_end_to_end_and_the_loss_falls(tmp_path):
    config = TrainConfig(
        data=write_sample(tmp_path / "sample.json"),
        out=tmp_path / "reader",
        max_length=64,
        stride=16,
        batch_size=4,
        epochs=5,
        learning_rate=3e-4,
        heldout_articles=1,
        threads=1,
        log_every=1,
    )
    meta = train_reader(config, progress=lambda _: None)
    losses = meta["losses"]
    assert len(losses) >= 8
    assert sum(losses[-3:]) / 3 < sum(losses[:3]) / 3
    assert {p.name for p in (tmp_path / "reader").iterdir()} >= {"model.safetensors", "config.json", "training.json"}
    assert (tmp_path / "reader" / "model.safetensors").stat().st_size < 30_000_000  # fp16, no word embeddings
    model, loaded = load_span_model(tmp_path / "reader")
    assert loaded["chosen_epoch"] == meta["chosen_epoch"] and "no_answer_margin" in loaded
    context = FACTS[0][1]
    for guess in model.guess("Who designed the Avalon bridge?", [context]):
        assert 0 <= guess.start < guess.end <= len(context)
