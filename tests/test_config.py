from pathlib import Path

import pytest

from qa.config import BUNDLED_MODEL, Settings
from qa.errors import ConfigError


def test_defaults_use_the_bundled_model_and_rrf():
    settings = Settings()
    assert settings.model == BUNDLED_MODEL and settings.fusion == "rrf" and settings.rrf_k == 60


def test_environment_overrides_are_typed():
    settings = Settings.from_env(
        {"QA_INDEX_DIR": "/tmp/x", "QA_RRF_K": "30", "QA_DENSE_WEIGHT": "0.7", "QA_FUSION": "weighted"}
    )
    assert settings.index_dir == Path("/tmp/x") and settings.rrf_k == 30 and settings.dense_weight == 0.7
    assert settings.fusion == "weighted"


def test_explicit_overrides_win_and_none_is_ignored():
    settings = Settings.from_env({"QA_PORT": "9000"}, port=9100, host=None)
    assert settings.port == 9100 and settings.host == "127.0.0.1"


@pytest.mark.parametrize(
    "env",
    [
        {"QA_RRF_K": "many"},
        {"QA_FUSION": "max"},
        {"QA_DENSE_WEIGHT": "2"},
        {"QA_TOP_N": "0"},
        {"QA_READER_INT8": "1", "QA_READER_BF16": "1"},
    ],
)
def test_bad_settings_say_what_is_wrong(env):
    with pytest.raises(ConfigError):
        Settings.from_env(env)


def test_calibrated_threshold_is_the_one_recorded():
    import json

    recorded = json.loads((Path(__file__).parent.parent / "eval" / "calibration.json").read_text())
    from qa.read.rules import RULES_THRESHOLD

    assert recorded["threshold"] == RULES_THRESHOLD and Settings().no_answer_threshold is None


def test_an_optional_setting_is_switched_off_by_none():
    for raw in ("none", "off", "None"):
        assert Settings.from_env({"QA_EXIT_PROBABILITY": raw}).exit_probability is None
    assert Settings.from_env({"QA_EXIT_PROBABILITY": "0.7"}).exit_probability == 0.7
    assert Settings.from_env({"QA_NO_ANSWER_THRESHOLD": "none"}).no_answer_threshold is None
