"""How long the answer checks take to find the people a long document gives posts (``posts._post_holders``, once
per document, on the first question whose subject is a post), with the mentions of each name looked up from where
its first word stands (``names.mentions`` past ``names._LONG_TEXT``) and, for comparison, read through the whole
text for each name as before session 59. The text is the training pool's paragraphs joined into one document of the
given length (held-out articles never read); both ways must find the same holders.

    .venv/bin/python eval/scripts/post_holders_timing.py [CHARACTERS]
"""

from __future__ import annotations

import sys
import time

from qa.evaluate.squad import DEFAULT_DATA_DIR, training_pool
from qa.read import names, posts


def long_document(characters: int) -> str:
    """The training pool's paragraphs, each once, joined by blank lines and cut to ``characters``."""
    paragraphs = dict.fromkeys(e.context for e in training_pool(DEFAULT_DATA_DIR))
    return "\n\n".join(paragraphs)[:characters]


def timed(text: str, long_text: int) -> tuple[float, set[tuple[str, frozenset[str], frozenset[str]]]]:
    """Seconds for ``_post_holders`` with mentions looked up past ``long_text`` characters, and what it found."""
    names._LONG_TEXT = long_text
    for cached in (posts._post_holders, names._word_starts, posts.held_posts):
        getattr(cached, "cache_clear", lambda: None)()
    began = time.perf_counter()
    found = posts._post_holders(text)
    return time.perf_counter() - began, set(found)


def main() -> None:
    characters = int(sys.argv[1]) if len(sys.argv) > 1 else 600_000
    text = long_document(characters)
    shipped = names._LONG_TEXT
    fast, found = timed(text, shipped)
    slow, before = timed(text, len(text) + 1)
    names._LONG_TEXT = shipped
    print(f"{len(text):,} characters, {len(found)} people with posts")
    print(f"mentions from where each name's first word stands: {fast:.2f} s")
    print(f"the whole text read for each name (before):        {slow:.2f} s")
    print("same holders" if found == before else "DIFFERENT HOLDERS")


if __name__ == "__main__":
    main()
