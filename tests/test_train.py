"""Training the span model end to end on a tiny SQuAD-format sample the test writes itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.errors import ConfigError
from qa.evaluate.reading import best_margin
from qa.evaluate.squad import (
    HELDOUT_V11,
    HELDOUT_V20,
    SquadExample,
    load_squad,
    split_articles,
    synthetic_unanswerable,
    training_pool,
    validation_articles,
)
from qa.read.span import base_model_path, load_span_model
from qa.tokens import load_tokenizer
from qa.train import (
    TrainConfig,
    featurize,
    hard_negatives,
    length_batches,
    prepare,
    shared_norm_loss,
    train_reader,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

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


def test_validation_holds_out_whole_articles(tmp_path):
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    held = validation_articles(examples, 1, seed=3)
    train, validation = split_articles(examples, held)
    assert len(held) == 1 and validation and train
    assert {e.article for e in train}.isdisjoint({e.article for e in validation})
    assert validation_articles(examples, 1, seed=3) == held
    with pytest.raises(ConfigError, match="cannot hold out"):
        validation_articles(examples, 3, seed=3)


def test_the_split_seed_alone_picks_the_validation_articles(tmp_path):
    """Runs with other seeds (other batches and negatives, for a soup) validate on the same articles."""
    data, tokenizer = write_sample(tmp_path / "sample.json"), load_tokenizer(base_model_path())

    def held(seed: int, split_seed: int) -> list[str]:
        config = TrainConfig(data=data, seed=seed, split_seed=split_seed, validation_per_source=1)
        return prepare(config, tokenizer).validation_articles

    assert held(1, 13) == held(2, 13) == held(99, 13)
    assert len({tuple(held(13, split)) for split in range(12)}) > 1


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data beside the project")
def test_training_pool_never_holds_a_heldout_article():
    pool = training_pool(SHARED)
    articles = {e.article for e in pool}
    assert articles.isdisjoint(HELDOUT_V11) and articles.isdisjoint(HELDOUT_V20)
    assert len(pool) == 9287 and sum(e.impossible for e in pool) == 1674  # the counts of shared/data/README.md
    assert len({(e.qid, e.source) for e in pool}) == len(pool)


def test_hard_negatives_are_other_paragraphs_without_the_answer(tmp_path):
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    negatives = hard_negatives(examples, rate=1.0, seed=1)
    assert len(negatives) >= 4
    by_id = {e.qid: e for e in examples}
    for negative in negatives:
        source = by_id[negative.qid.removesuffix("/hard")]
        assert negative.impossible and negative.kind == "hard_negative"
        assert negative.context != source.context and negative.question == source.question
        assert source.answers[0].casefold() not in negative.context.casefold()


def test_synthetic_questions_swap_a_name_or_number_the_paragraph_lacks(tmp_path):
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    synthetic = synthetic_unanswerable(examples, rate=1.0, seed=1)
    assert synthetic, "the sample has names (Avalon, Borel, Cantor) to swap"
    by_id = {e.qid: e for e in examples}
    for s in synthetic:
        source = by_id[s.qid.removesuffix("/synthetic")]
        assert s.impossible and s.kind == "synthetic" and s.context == source.context
        assert s.question != source.question
        added = set(s.question.split()) - set(source.question.split())
        assert added and all(word.strip("?") not in source.context for word in added)


def test_same_article_swaps_take_a_name_asked_about_in_that_article():
    def example(qid: str, article: str, question: str, context: str, answer: str) -> SquadExample:
        return SquadExample(qid, article, question, context, (answer,), (context.index(answer),))

    examples = [
        example(
            "a1", "Shenzhen", "Who is the mayor of Shenzhen?", "Shenzhen Mayor Qin Weizhong spoke.", "Qin Weizhong"
        ),
        example("a2", "Shenzhen", "How large is Guangzhou?", "Guangzhou covers 7,434 square kilometres.", "7,434"),
        example("b1", "France", "Who is the mayor of Paris?", "Paris Mayor Anne Hidalgo spoke.", "Anne Hidalgo"),
    ]
    same = {s.qid: s.question for s in synthetic_unanswerable(examples, rate=1.0, seed=1, same_article=True)}
    other = {s.qid: s.question for s in synthetic_unanswerable(examples, rate=1.0, seed=1)}
    assert same["a1/synthetic"] == "Who is the mayor of Guangzhou?"
    assert other["a1/synthetic"] == "Who is the mayor of Paris?"
    assert "b1/synthetic" not in same  # no other name is asked about in its article


def test_featurize_targets_decode_to_the_answer(tmp_path):
    from transformers import AutoTokenizer

    from qa.read.span import base_model_path
    from qa.tokens import load_tokenizer

    tokenizer = AutoTokenizer.from_pretrained(base_model_path())  # decodes what the project's tokenizer made
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    features = featurize(load_tokenizer(base_model_path()), examples, max_length=64, stride=16)
    assert len(features["start"]) == len(examples)  # one window each: the contexts are short
    decoded_answers = 0
    for example, start, end, ids in zip(
        examples, features["start"], features["end"], features["input_ids"], strict=True
    ):
        if example.impossible:
            assert start == end == 0
        else:
            decoded = tokenizer.decode(ids[start : end + 1])
            assert decoded.replace(" ", "") == example.answers[0].lower().replace(" ", "")
            decoded_answers += 1
    assert decoded_answers == 8


def test_a_hard_negative_window_joins_its_question_group(tmp_path):
    from qa.read.span import base_model_path
    from qa.tokens import load_tokenizer

    examples = load_squad(write_sample(tmp_path / "sample.json"))
    negatives = hard_negatives(examples, rate=1.0, seed=1)
    features = featurize(load_tokenizer(base_model_path()), examples + negatives, max_length=64, stride=16)
    groups = features["group"]
    assert len(set(groups[: len(examples)])) == len(examples)  # one window, one group per question here
    for n, negative in enumerate(negatives):
        source = next(i for i, e in enumerate(examples) if e.qid == negative.qid.removesuffix("/hard"))
        assert groups[len(examples) + n] == groups[source]


def test_batches_keep_a_question_windows_together_and_use_each_once():
    import numpy as np

    groups = np.array([0, 0, 0, 1, 2, 2, 3, 4, 4, 4, 4, 4, 4, 5])  # group 4 has more windows than a batch
    lengths = np.arange(len(groups)) % 5 + 10
    batches = length_batches(lengths, batch_size=4, rng=np.random.default_rng(3), pool=2, groups=groups)
    assert sorted(np.concatenate(batches).tolist()) == list(range(len(groups)))
    for batch in batches:
        assert len(batch) <= 4 or len(set(groups[batch])) == 1
        for g in set(groups[batch].tolist()):
            assert set(np.flatnonzero(groups == g)) <= set(batch.tolist())


def test_shared_norm_loss_is_one_softmax_over_a_question_windows():
    import math

    import numpy as np
    import torch

    logits = torch.tensor([[1.0, 2.0, 0.5, 9.0], [0.0, 1.0, 3.0, 0.0], [2.0, 0.1, 0.2, 0.3]])
    allowed = torch.tensor([[True, True, True, False], [True, True, True, True], [True, True, True, True]])
    groups = np.array([7, 7, 8])  # question 7 has two windows, question 8 one
    # Question 7's answer starts at token 2 of its second window; question 8 has no answer ([CLS]).
    loss = shared_norm_loss(logits, allowed, torch.tensor([0, 2, 0]), groups)
    pooled = [1.0, 2.0, 0.5, 0.0, 1.0, 3.0, 0.0]  # the masked 9.0 takes no part
    q7 = math.log(sum(math.exp(x) for x in pooled)) - 3.0
    q8 = math.log(sum(math.exp(x) for x in [2.0, 0.1, 0.2, 0.3])) - 2.0
    assert loss.item() == pytest.approx((q7 + q8) / 2, rel=1e-5)
    # Without an answer in any window, every window's [CLS] is the target: their probabilities add up.
    unanswered = shared_norm_loss(logits[:2], allowed[:2], torch.tensor([0, 0]), groups[:2])
    expected = math.log(sum(math.exp(x) for x in pooled)) - math.log(math.exp(1.0) + math.exp(0.0))
    assert unanswered.item() == pytest.approx(expected, rel=1e-5)


def test_best_margin_trades_answers_for_refusals(tmp_path):
    examples = load_squad(write_sample(tmp_path / "sample.json"))
    answerable = next(e for e in examples if not e.impossible)
    impossible = next(e for e in examples if e.impossible)
    margin, f1 = best_margin([(answerable, answerable.answers[0], 3.0), (impossible, "moon", -1.0)])
    assert -1.0 <= margin < 3.0 and f1 == 1.0


def _config(tmp_path: Path, **changes) -> TrainConfig:
    values = {
        "data": write_sample(tmp_path / "sample.json"),
        "out": tmp_path / "reader",
        "checkpoints": tmp_path / "checkpoints",
        "max_length": 64,
        "stride": 16,
        "batch_size": 4,
        "epochs": 5,
        "learning_rate": 3e-4,
        "validation_per_source": 1,
        "threads": 1,
        "log_every": 1,
    }
    return TrainConfig(**{**values, **changes})


def test_training_runs_end_to_end_and_the_loss_falls(tmp_path):
    lines: list[str] = []
    meta = train_reader(_config(tmp_path), progress=lines.append)
    losses = meta["losses"]
    assert len(losses) >= 8
    assert sum(losses[-3:]) / 3 < sum(losses[:3]) / 3
    assert any("ETA" in line for line in lines)
    assert {p.name for p in (tmp_path / "reader").iterdir()} >= {"model.safetensors", "config.json", "training.json"}
    assert (tmp_path / "reader" / "model.safetensors").stat().st_size < 30_000_000  # fp16, no word embeddings
    assert (tmp_path / "checkpoints" / "checkpoint.pt").is_file()
    assert meta["hard_negatives"] > 0 and meta["synthetic_unanswerable"] >= 0 and len(meta["epochs"]) == 5
    model, loaded = load_span_model(tmp_path / "reader")
    assert loaded["chosen_epoch"] == meta["chosen_epoch"] and "no_answer_margin" in loaded
    context = FACTS[0][1]
    guesses = model.guess("Who designed the Avalon bridge?", [context])
    assert guesses
    for guess in guesses:
        assert 0 <= guess.start < guess.end <= len(context)


def test_shared_normalisation_trains_and_is_recorded(tmp_path):
    meta = train_reader(_config(tmp_path, shared_norm=0.5, epochs=3), progress=lambda _: None)
    assert meta["hyper_parameters"]["shared_norm"] == 0.5
    losses = meta["losses"]
    assert all(x == x for x in losses)  # no NaN from the masked positions
    assert sum(losses[-3:]) / 3 < sum(losses[:3]) / 3


def test_resume_continues_from_the_last_checkpoint(tmp_path, monkeypatch):
    import qa.train

    config = _config(tmp_path, epochs=2)
    real_evaluate = qa.train.read_paragraphs
    calls = []

    def crash_in_epoch_two(model, examples):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the run is stopped during epoch 2, after epoch 1's checkpoint
        return real_evaluate(model, examples)

    monkeypatch.setattr(qa.train, "read_paragraphs", crash_in_epoch_two)
    with pytest.raises(KeyboardInterrupt):
        train_reader(config, progress=lambda _: None)
    monkeypatch.setattr(qa.train, "read_paragraphs", real_evaluate)
    lines: list[str] = []
    meta = train_reader(config, progress=lines.append, resume=True)
    assert any(line.startswith("resumed after epoch 1") for line in lines)
    assert [e["epoch"] for e in meta["epochs"]] == [1, 2]
    assert not any(line.startswith("epoch 1/") for line in lines)  # epoch 1 was not trained again
    with pytest.raises(ConfigError, match="finished all 2 epochs"):
        train_reader(config, progress=lambda _: None, resume=True)
    with pytest.raises(ConfigError, match="other settings"):
        train_reader(_config(tmp_path, epochs=2, learning_rate=1e-3), progress=lambda _: None, resume=True)


def test_warm_start_validates_the_starting_model_first_and_keeps_it_unless_beaten(tmp_path):
    first = train_reader(_config(tmp_path, epochs=1), progress=lambda _: None)
    lines: list[str] = []
    config = _config(
        tmp_path, epochs=1, init=tmp_path / "reader", out=tmp_path / "warm", checkpoints=tmp_path / "warm-checkpoints"
    )
    meta = train_reader(config, progress=lines.append)
    assert [e["epoch"] for e in meta["epochs"]] == [0, 1]  # epoch 0: the starting model, before any step
    assert meta["initialised_from"]["chosen_epoch"] == first["chosen_epoch"]
    assert meta["initialised_from"]["path"] == str(tmp_path / "reader")
    start = meta["epochs"][0]
    assert start["has_answer_f1"] == pytest.approx(first["epochs"][-1]["has_answer_f1"], abs=0.05)
    key = "overall_f1_at_margin"
    if meta["epochs"][1][key] > start[key]:
        assert meta["chosen_epoch"] == 1 and (tmp_path / "warm" / "model.safetensors").is_file()
    else:  # not beaten: nothing is written over the starting model's copy
        assert meta["chosen_epoch"] == 0 and not (tmp_path / "warm" / "model.safetensors").exists()


def test_tuned_word_embeddings_are_stored_as_changed_rows_and_loaded_back(tmp_path):
    import torch
    from safetensors import safe_open

    from qa.read.span import TUNED_ROWS, TUNED_VALUES, WORD_EMBEDDINGS, _base_word_embeddings

    train_reader(_config(tmp_path, epochs=1, train_word_embeddings=True), progress=lambda _: None)
    with safe_open(str(tmp_path / "reader" / "model.safetensors"), framework="pt") as saved:
        rows = saved.get_tensor(TUNED_ROWS)
        values = saved.get_tensor(TUNED_VALUES)
    base = _base_word_embeddings()
    assert 0 < len(rows) < len(base) // 10  # only the sample's tokens moved (no weight decay on the others)
    assert values.shape == (len(rows), base.shape[1])
    model, _ = load_span_model(tmp_path / "reader")
    loaded = model.model.get_parameter(WORD_EMBEDDINGS).detach()
    assert (loaded[rows.long()] == values.float()).all()
    untouched = torch.ones(len(base), dtype=torch.bool)
    untouched[rows.long()] = False
    assert (loaded[untouched] == base[untouched]).all()
    assert not (loaded[rows.long()] == base[rows.long()]).all(dim=1).any()


def test_frozen_word_embeddings_are_not_stored(tmp_path):
    from safetensors import safe_open

    from qa.read.span import TUNED_ROWS

    train_reader(_config(tmp_path, epochs=1), progress=lambda _: None)
    with safe_open(str(tmp_path / "reader" / "model.safetensors"), framework="pt") as saved:
        assert TUNED_ROWS not in set(saved.keys())
