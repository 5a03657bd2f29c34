"""Shared fixtures: a tiny inline corpus with a fake embedder, and the seed article with the real model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.config import Settings
from qa.index.embed import HashingEmbedder
from qa.index.store import build_index, load_index
from qa.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """The process settings (offline flags, thread counts) are applied once, as `qa` does at start."""
    from qa import runtime

    runtime.apply(Settings())


SEED = ROOT / "seeds" / "000_7e9bf9ad3c619b7e.txt"

TINY = {
    "harbour.txt": (
        "Advertisement\n"
        "The Harbour Bridge opened on Monday after four years of work. Photo: Jane Doe\n\n"
        "Mayor Alice Wong cut the ribbon. The bridge is 1,200 metres long.\n"
        "Learn more\n"
        "It links Northport and Southport across the Grey River.\n"
        "7\n"
    ),
    "museum.md": (
        "# The Science Museum\n\n"
        "Prof. Omar Haddad, director of the Science Museum, said the U.S. loan of 30 fossils arrived on Friday.\n"
        "- The museum covers 12 hectares.\n"
        "- Visitors come from France, Spain, Italy and Portugal.\n"
    ),
    "garden.txt": "The botanical garden grows 500 species of orchid. It was founded in 1921 by Mary Lowe.\n",
}


def write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def tiny_settings(tmp_path: Path) -> Settings:
    seeds = write_corpus(tmp_path / "seeds", TINY)
    return Settings(
        seeds_dir=seeds,
        index_dir=tmp_path / "index",
        model="hashing-test",
        chunk_target_words=20,
        chunk_max_words=40,
        reader="rules",
    )


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def tiny_index(tiny_settings: Settings, fake_embedder: HashingEmbedder):
    build_index(tiny_settings, fake_embedder)
    return load_index(tiny_settings.index_dir)


@pytest.fixture
def tiny_pipeline(tiny_settings: Settings, fake_embedder: HashingEmbedder, tiny_index) -> Pipeline:
    return Pipeline(tiny_index, fake_embedder, tiny_settings)


# -- the real model on the seed article (slow: loads sentence-transformers once per session) --


@pytest.fixture(scope="session")
def real_embedder(tmp_path_factory: pytest.TempPathFactory):
    from qa.index.embed import embedder_for

    # The default: ONNX Runtime, its graph exported into a temporary folder.
    return embedder_for(Settings(index_dir=tmp_path_factory.mktemp("onnx-cache")))


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("seed")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    return Settings(seeds_dir=seeds, index_dir=root / "index")


@pytest.fixture(scope="session")
def seed_pipeline(seed_settings: Settings, real_embedder) -> Pipeline:
    build_index(seed_settings, real_embedder)
    return Pipeline(load_index(seed_settings.index_dir), real_embedder, seed_settings)


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_rules_pipeline(seed_pipeline: Pipeline, real_embedder, seed_settings: Settings) -> Pipeline:
    return Pipeline(seed_pipeline.index, real_embedder, seed_settings.with_(reader="rules"))
