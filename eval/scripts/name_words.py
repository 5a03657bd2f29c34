"""Writes ``qa/models/names/name_words.txt``: the words that the training pool's paragraphs write as names, from
which a question typed all in lower case takes its capitals where the documents never write the word
(``qa.read.asked.truecase``: "who flew to shanghai …?" names Shanghai as "who is the mayor of london" names London).

A word is listed when, inside a sentence (not its first word), the paragraphs write it with a capital at least
``MIN_CAPITALISED`` times and at least ``SHARE`` of the times they write it at all there: "taiwan", "shanghai",
"london"; not "park" nor "river", which are names' last words as often as plain words. Posts ("mayor") and
stopwords are never listed. Held-out articles are never read.

    .venv/bin/python eval/scripts/name_words.py [../shared/data]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.read.question import TITLES
from qa.text import MONTHS, STOPWORDS, WEEKDAYS, fold

OUT = Path(__file__).resolve().parents[2] / "qa" / "models" / "names" / "name_words.txt"
MIN_CAPITALISED = 2
SHARE = 0.9
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


def name_words(data: Path) -> tuple[list[str], int]:
    """The listed words, sorted, and how many paragraphs they were read from."""
    capitalised: Counter[str] = Counter()
    written: Counter[str] = Counter()
    paragraphs = dict.fromkeys(example.context for example in training_pool(data))
    for paragraph in paragraphs:
        for sentence in _SENTENCE.finditer(paragraph):
            for word in _WORD.findall(sentence.group())[1:]:
                folded = fold(word)
                written[folded] += 1
                capitalised[folded] += word[:1].isupper()
    plain = {word for word, count in written.items() if capitalised[word] < count}  # written in lower case too
    listed = [
        word
        for word, count in capitalised.items()
        if count >= MIN_CAPITALISED
        and count >= SHARE * written[word]
        and len(word) >= 3
        and word not in STOPWORDS
        and word not in TITLES
        and word not in MONTHS
        and word not in WEEKDAYS
        and not _form_of_a_plain_word(word, plain)
    ]
    return sorted(listed), len(paragraphs)


def _form_of_a_plain_word(word: str, plain: set[str]) -> bool:
    """A verb's form of a word the paragraphs write in lower case: "Fulfilled" and "Functioning" of titles
    ("fulfil", "function"), not "Beijing" nor "Ming"."""
    for ending in ("ing", "ed"):
        base = word.removesuffix(ending)
        if base != word and len(base) >= 4 and {base, base + "e", base[:-1]} & plain:
            return True
    return False


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA_DIR
    listed, paragraphs = name_words(data)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# {len(listed)} words written as names in {paragraphs} paragraphs of the training pool "
        f"(capitalised inside a sentence at least {MIN_CAPITALISED} times and {SHARE:.0%} of the time); "
        "written by eval/scripts/name_words.py\n"
    )
    OUT.write_text(header + "".join(f"{word}\n" for word in listed), encoding="utf-8")
    print(f"{len(listed)} words from {paragraphs} paragraphs -> {OUT}")


if __name__ == "__main__":
    main()
