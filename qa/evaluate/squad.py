"""SQuAD data: one loader for v1.1 and v2.0 files, and the fixed article splits of ``shared/data``.

The held-out articles (``HELDOUT_V11``, ``HELDOUT_V20``) are the open benchmarks; nothing trains,
tunes or calibrates on them. ``training_pool`` is everything else, deduplicated: the v2.0 dev part
holds the same paragraphs as the v1.1 dev part for its ten articles, so those are read from the
v2.0 file only. ``synthetic_unanswerable`` makes unanswerable questions from answerable ones (for
training the reader).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from qa.errors import ConfigError
from qa.text import STOPWORDS, fold

TRAIN_V20 = "squad-train-v2.0-part.json"
DEV_V11 = "squad-dev-v1.1-part.json"
DEV_V20 = "squad-dev-v2.0-part.json"
DEFAULT_DATA_DIR = Path("../shared/data")

HELDOUT_V11 = (
    "Super_Bowl_50",
    "Oxygen",
    "Apollo_program",
    "Black_Death",
    "Geology",
    "Prime_number",
    "University_of_Chicago",
)
HELDOUT_V20 = ("Packet_switching", "Warsaw", "Force")


@dataclass(frozen=True, slots=True)
class SquadExample:
    qid: str
    article: str
    question: str
    context: str
    answers: tuple[str, ...]
    starts: tuple[int, ...]  # character offsets of the answers in ``context``
    kind: str = "squad"  # "squad", "hard_negative" (another paragraph) or "synthetic" (an edited question)
    source: str = ""  # the file it came from

    @property
    def impossible(self) -> bool:
        return not self.answers


def load_squad(path: Path) -> list[SquadExample]:
    """SQuAD 1.1 or 2.0 JSON → examples; answers are checked against their context, duplicates dropped."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))["data"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path} is not a readable SQuAD JSON file: {exc}") from exc
    examples = []
    for article in data:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            for qa in paragraph["qas"]:
                answers = {} if qa.get("is_impossible") else {a["text"]: a["answer_start"] for a in qa["answers"]}
                for text, start in answers.items():
                    if context[start : start + len(text)] != text:
                        raise ConfigError(f"{path}: answer of {qa['id']} does not match its context")
                examples.append(
                    SquadExample(
                        qid=qa["id"],
                        article=article["title"],
                        question=qa["question"],
                        context=context,
                        answers=tuple(answers),
                        starts=tuple(answers.values()),
                        source=Path(path).name,
                    )
                )
    return examples


def _require(data_dir: Path, name: str) -> Path:
    path = Path(data_dir) / name
    if not path.is_file():
        raise ConfigError(f"{path} not found: point --data at the shared data folder (../shared/data)")
    return path


def training_pool(data_dir: Path = DEFAULT_DATA_DIR) -> list[SquadExample]:
    """Every labelled question outside the held-out articles (shared/data/README.md)."""
    train = load_squad(_require(data_dir, TRAIN_V20))
    dev20 = load_squad(_require(data_dir, DEV_V20))
    dev11 = load_squad(_require(data_dir, DEV_V11))
    v20_articles = {e.article for e in dev20}
    pool = (
        train
        + [e for e in dev20 if e.article not in HELDOUT_V20]
        + [e for e in dev11 if e.article not in HELDOUT_V11 and e.article not in v20_articles]
    )
    leaked = {e.article for e in pool} & (set(HELDOUT_V11) | set(HELDOUT_V20))
    if leaked:  # pragma: no cover - a guard against editing the lists above
        raise ConfigError(f"held-out articles in the training pool: {sorted(leaked)}")
    return pool


def benchmark(data_dir: Path, version: str) -> tuple[Path, tuple[str, ...]]:
    """The file whose paragraphs are the collection, and the held-out articles scored on it."""
    if version == "v1.1":
        return _require(data_dir, DEV_V11), HELDOUT_V11
    if version == "v2.0":
        return _require(data_dir, DEV_V20), HELDOUT_V20
    raise ConfigError(f"unknown benchmark {version!r}: v1.1 or v2.0")


def validation_articles(examples: Sequence[SquadExample], per_source: int, seed: int) -> set[str]:
    """``per_source`` whole articles of each source file, by a seeded shuffle: kept out of training."""
    chosen: set[str] = set()
    for source in sorted({e.source for e in examples}):
        articles = sorted({e.article for e in examples if e.source == source})
        if per_source >= len(articles):
            raise ConfigError(f"cannot hold out {per_source} of {len(articles)} articles of {source}")
        random.Random(seed).shuffle(articles)
        chosen.update(articles[:per_source])
    return chosen


def split_articles(
    examples: Sequence[SquadExample], articles: set[str]
) -> tuple[list[SquadExample], list[SquadExample]]:
    """(examples outside ``articles``, examples inside)."""
    return [e for e in examples if e.article not in articles], [e for e in examples if e.article in articles]


def paragraphs(path: Path) -> dict[str, str]:
    """Every paragraph of a SQuAD file as a document: ``doc_id → context`` (ids name article and place)."""
    import re

    data = json.loads(Path(path).read_text(encoding="utf-8"))["data"]
    documents = {}
    for a, article in enumerate(data):
        title = re.sub(r"[^A-Za-z0-9_-]+", "_", article["title"])[:40]
        for p, paragraph in enumerate(article["paragraphs"]):
            documents[f"{a:03d}_{title}_{p:03d}.txt"] = paragraph["context"]
    return documents


_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*\d(?![\w])|(?<![\w.])\d(?![\w.])")
_NAME = re.compile(r"(?<!^)(?<![.?!] )\b[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+|de\s+|von\s+)?[A-Z][\w'’-]*)*")


def _entities(text: str) -> list[tuple[str, re.Match[str]]]:
    found = [("number", m) for m in _NUMBER.finditer(text)]
    found += [("name", m) for m in _NAME.finditer(text) if m.start() > 0 and fold(m.group()) not in STOPWORDS]
    return found


def _shape(kind: str, text: str) -> tuple[str, int]:
    """Entities are swapped for ones of the same shape: digit count for numbers, word count for names."""
    return (kind, len(re.sub(r"\D", "", text))) if kind == "number" else (kind, len(text.split()))


def synthetic_unanswerable(
    examples: Sequence[SquadExample], rate: float, seed: int, same_article: bool = False
) -> list[SquadExample]:
    """Answerable questions whose name or number (present in their paragraph) is swapped for one it lacks,
    taken from another article's questions, or with ``same_article`` from other questions about the same
    article: a name of the same subject that this paragraph never mentions, as in "Who is the mayor of
    Guangzhou?" asked of an article that names only Shenzhen's mayor (``qa train-reader
    --synthetic-same-article``)."""
    rng = random.Random(seed)
    pool: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for e in examples:
        for kind, m in _entities(e.question):
            pool.setdefault(_shape(kind, m.group()), []).append((m.group(), e.article))
    out = []
    for e in examples:
        if e.impossible or e.kind != "squad" or rng.random() >= rate:
            continue
        spots = [(k, m) for k, m in _entities(e.question) if m.group() in e.context]
        if not spots:
            continue
        kind, m = rng.choice(spots)
        folded = e.context.casefold()
        choices = [
            text
            for text, article in pool.get(_shape(kind, m.group()), [])
            if (article == e.article) == same_article and text.casefold() not in folded and text != m.group()
        ]
        if not choices:
            continue
        question = e.question[: m.start()] + rng.choice(choices) + e.question[m.end() :]
        out.append(replace(e, qid=f"{e.qid}/synthetic", question=question, answers=(), starts=(), kind="synthetic"))
    return out
