"""The reader's own validation articles, as the verifier fitting and the evaluation scripts take them."""

import json

import pytest

from qa.errors import ConfigError
from qa.evaluate.reading import reader_validation_articles
from qa.read.span import DEFAULT_MODEL_DIR, META_FILE


def test_the_validation_articles_are_those_the_readers_training_json_names(tmp_path):
    (tmp_path / META_FILE).write_text(json.dumps({"validation_articles": ["Harvard_University", "Teacher"]}))
    assert reader_validation_articles(tmp_path) == {"Harvard_University", "Teacher"}
    served = json.loads((DEFAULT_MODEL_DIR / META_FILE).read_text())["validation_articles"]
    assert reader_validation_articles(DEFAULT_MODEL_DIR) == set(served) and served


def test_a_reader_without_validation_articles_is_a_clear_error(tmp_path):
    (tmp_path / META_FILE).write_text(json.dumps({"hyperparameters": {}}))
    with pytest.raises(ConfigError, match="names no validation articles"):
        reader_validation_articles(tmp_path)
    with pytest.raises(ConfigError, match="no trained reader"):
        reader_validation_articles(tmp_path / "missing")
