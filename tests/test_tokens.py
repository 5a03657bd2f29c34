"""The tokenizer without transformers gives what transformers' fast tokenizer gives, for both models."""

import numpy as np
import pytest

from qa.read.span import DEFAULT_MODEL_DIR, base_model_path
from qa.tokens import load_tokenizer

CONTEXTS = [
    "Hong Kong's No 2 official, Eric Chan Kwok-ki, visited the Hetao zone on Tuesday.",
    "Ünïcödé — “quotes”, 1,200 km², naïve café; 中文字符 and emoji 🙂 in a row.\n\nA second paragraph.",
    " ".join(f"word{i} is followed by a much longer stretch of text, number {i * 7}." for i in range(60)),
    "",
    "x",
]
QUESTIONS = ["Who is Eric Chan?", "How many kilometres?", "What   is\tthis\u00a0question?"]


@pytest.mark.parametrize("folder", [DEFAULT_MODEL_DIR, None], ids=["reader", "embedder"])
def test_pairs_equal_transformers(folder):
    from transformers import AutoTokenizer

    path = folder or base_model_path()
    ours, theirs = load_tokenizer(path), AutoTokenizer.from_pretrained(str(path))
    for question in QUESTIONS:
        mine = ours.pairs(question, CONTEXTS, 64, 16)
        want = theirs(
            [question] * len(CONTEXTS),
            CONTEXTS,
            truncation="only_second",
            max_length=64,
            stride=16,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
            padding="longest",
            return_tensors="np",
        )
        assert len(mine.input_ids) > len(CONTEXTS)  # the long context overflowed into several windows
        for key in ("input_ids", "attention_mask", "token_type_ids", "overflow_to_sample_mapping"):
            assert np.array_equal(getattr(mine, key), want[key]), key
        assert np.array_equal(mine.offsets, want["offset_mapping"])
        for w in range(len(mine.input_ids)):
            assert [None if s < 0 else s for s in mine.sequence[w]] == want.sequence_ids(w)


@pytest.mark.parametrize("folder", [DEFAULT_MODEL_DIR, None], ids=["reader", "embedder"])
def test_texts_equal_transformers(folder):
    from transformers import AutoTokenizer

    path = folder or base_model_path()
    texts = CONTEXTS + QUESTIONS
    mine = load_tokenizer(path).texts(texts, 32)
    want = AutoTokenizer.from_pretrained(str(path))(
        texts, padding=True, truncation=True, max_length=32, return_tensors="np"
    )
    for key in ("input_ids", "attention_mask", "token_type_ids"):
        assert np.array_equal(getattr(mine, key), want[key]), key


def test_a_folder_without_a_fast_tokenizer_is_a_clear_error(tmp_path):
    from qa.errors import ConfigError

    with pytest.raises(ConfigError, match=r"tokenizer\.json"):
        load_tokenizer(tmp_path)


def test_the_vocabulary_holds_common_words_whole_and_misspellings_in_pieces():
    tokenizer = load_tokenizer(DEFAULT_MODEL_DIR)
    assert tokenizer.knows_whole("fraction") and tokenizer.knows_whole("night")
    assert not tokenizer.knows_whole("manhatten") and not tokenizer.knows_whole("shenzen")
