"""Which questions an earlier commit's query reading reads otherwise than this tree's: how ``as_question`` (and
``truecase`` for a question typed in lower case) of ``qa/read/asked.py`` rewrites every question of the SQuAD
files, the gold set and the development lists, there and here. The held-out articles' questions are only counted,
never printed. No index is loaded, so the rules that read the documents' casing see none, in both versions alike.
What it shows: a rewriting rule written for typed queries leaves the benchmark questions as they were (session 55:
against d19399e, one validation question, "How man boroughs …?", and five held-out ones).

    .venv/bin/python eval/scripts/rewrites_against.py COMMIT [../shared/data]
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import qa.read.asked as here
from qa.evaluate.squad import DEFAULT_DATA_DIR, DEV_V11, DEV_V20, HELDOUT_V11, HELDOUT_V20, TRAIN_V20

EVAL = Path(__file__).resolve().parents[1]
HELDOUT = set(HELDOUT_V11) | set(HELDOUT_V20)


def _asked_at(commit: str) -> ModuleType:
    """``qa/read/asked.py`` as it stood at ``commit``, loaded beside this tree's (its imports are this tree's)."""
    source = subprocess.run(
        ["git", "show", f"{commit}:qa/read/asked.py"], capture_output=True, text=True, check=True
    ).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as file:
        file.write(source)
    spec = importlib.util.spec_from_file_location("asked_then", file.name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(module: ModuleType, question: str) -> str:
    def none(word: str) -> Counter[str]:
        return Counter()

    return module.as_question(module.truecase(question, none), none)


def _questions(data_dir: Path) -> Iterator[tuple[str, str, bool]]:
    """(source, question, held out) for every question the project scores."""
    for name in (TRAIN_V20, DEV_V20, DEV_V11):
        for article in json.loads((data_dir / name).read_text())["data"]:
            for paragraph in article["paragraphs"]:
                for qa in paragraph["qas"]:
                    yield name, qa["question"], article["title"] in HELDOUT
    for line in (EVAL / "gold.jsonl").read_text().splitlines():
        yield "gold.jsonl", json.loads(line)["question"], False
    for path in sorted((EVAL / "dev-questions").glob("*.tsv")):
        for line in path.read_text().splitlines():
            if line.strip():
                typed = line.split("\t")[0]
                yield path.name, typed, False
                yield f"{path.name} (typed)", typed.lower().replace("?", ""), False


def main(commit: str, data_dir: Path) -> None:
    then = _asked_at(commit)
    changed: Counter[str] = Counter()
    held: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for source, question, held_out in _questions(data_dir):
        total[source] += 1
        now = _read(here, question)
        if now == _read(then, question):
            continue
        if held_out:
            held[source] += 1
        else:
            changed[source] += 1
            print(f"{source}: {question!r} → {now!r} (was {_read(then, question)!r})")
    for source in total:
        print(f"{source}: {changed[source]} of {total[source]} read otherwise, {held[source]} of them held out")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_DATA_DIR)
