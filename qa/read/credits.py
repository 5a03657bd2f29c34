"""Photo credits: "Photo: Martin Chan" at the end of a caption names who took the photo the caption describes.

Ingest leaves credits out of the content (``qa.ingest.files.CREDIT``: page furniture, never read as text, so
that "Martin Chan" answers no question about the article's people), so no sentence of the index holds one.
The raw document still does, just after the caption's last sentence: for a question about who took a photo
(``Wants.CREDIT``) the span model also reads the credit after a caption, as a sentence of its own that an
answer may cite, with the caption as the answer's ``support``.
"""

from __future__ import annotations

import re

from qa.ingest.files import CREDIT
from qa.records import Sentence
from qa.text import fold

# The labels that credit a picture ("Source:" and "Video:" credit something else)
_PICTURE = re.compile(r"photos?|pictures?|images?|illustrations?|credit", re.IGNORECASE)
# Credits that name no one who took the photo: "Photo: Handout" (supplied by those it shows), "Photo: File"
_NO_ONE = frozenset({"handout", "file", "files", "supplied", "courtesy", "stock"})


def _picture_credit(raw: str, at: int) -> re.Match[str] | None:
    """The picture credit that ends the line of raw offset ``at``, after it."""
    line_end = raw.find("\n", at)
    found = CREDIT.search(raw, at, len(raw) if line_end < 0 else line_end)
    return found if found is not None and _PICTURE.fullmatch(found.group("label")) else None


def credit_after(raw: str, caption: Sentence) -> Sentence | None:
    """The picture credit that ends ``caption``'s line ("Photo: Martin Chan"), as a sentence of raw; None where
    there is none, or something other than blanks stands between them."""
    found = _picture_credit(raw, caption.end)
    if found is None or raw[caption.end : found.start()].strip():
        return None
    end = found.end()
    while end > found.start() and raw[end - 1].isspace():
        end -= 1
    return Sentence(caption.doc_id, found.start(), end, raw[found.start() : end])


def in_caption(raw: str, start: int, end: int) -> bool:
    """The span ``raw[start:end]`` stands in a caption, before the picture credit that ends its line: "Eric
    Chan" of "Hong Kong No 2 official Eric Chan attends a press conference … Photo: Handout" is who the photo
    shows, not who took it."""
    return _picture_credit(raw, end) is not None


def names_no_photographer(span: str) -> bool:
    """A credit's words that name no one who took the photo: its label ("Photo") or a credit such as "Handout"
    (a picture handed out by those it shows) or "File"."""
    return _PICTURE.fullmatch(span.strip()) is not None or fold(span.strip()) in _NO_ONE
