"""PDF: the text layer, page by page (pypdf), with furniture left out and page locations.

- Lines are joined into paragraphs; a word hyphenated at a line end ("transpor-" / "tation") is
  joined again ("transportation"); a blank line, or a short line that ends a sentence, ends a paragraph.
- Furniture: lines repeated at the top or bottom of most pages (running headers and footers,
  compared with their digits masked so "Page 3" matches "Page 4") and bare page numbers.
- Each page's text is marked with its 1-based page number, so a citation can say "p. 3".
- Encrypted (password-protected), corrupt and truncated files, and PDFs without a text layer
  (scans), are skipped with the reason.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import replace

from qa.ingest.extracted import Extracted, SkipFile, TextBuilder, squeeze

_PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE)
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_EDGE = 2  # lines at the top and bottom of a page that may be a running header or footer


def read_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed files are reported once, by the caller
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise SkipFile("an encrypted PDF that needs a password")
        pages = [_lines(page.extract_text() or "") for page in reader.pages]
        title = str(reader.metadata.get("/Title") or "") if reader.metadata else ""
    except SkipFile:
        raise
    except Exception as exc:  # pypdf raises many kinds on broken files; none of them may abort a build
        raise SkipFile(f"a corrupt or truncated PDF ({type(exc).__name__}: {squeeze(str(exc))[:120]})") from exc
    if not pages:
        raise SkipFile("a PDF without pages")
    if not any(line for lines in pages for line in lines):
        raise SkipFile("no text layer (a scanned PDF?); OCR is not supported")
    furniture = _repeated_edges(pages)
    out = TextBuilder()
    for number, lines in enumerate(pages, start=1):
        out.at(page=number)
        filled = [i for i, line in enumerate(lines) if line]
        edges = set(filled[:_EDGE] + filled[-_EDGE:])
        body = [line for i, line in enumerate(lines) if not (i in edges and _is_furniture(line, furniture))]
        for paragraph in _paragraphs(body):
            out.block(paragraph)
        out.end_section()
    extracted = out.build("pdf", title, len(pages))
    if not extracted.title:
        first = extracted.sections[0][0]
        extracted = replace(extracted, title=extracted.text[first.start : first.end][:120])
    return extracted


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _repeated_edges(pages: list[list[str]]) -> set[str]:
    """Masked lines found among the first or last lines of at least half the pages (3 pages at least)."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        text = [line for line in lines if line]
        seen.update({_mask(line) for line in text[:_EDGE] + text[-_EDGE:]})
    return {line for line, count in seen.items() if count >= max(3, len(pages) // 2)}


def _is_furniture(line: str, repeated: set[str]) -> bool:
    """A running header or footer, or a bare page number ("12", "- 12 -", "Page 3 of 10")."""
    return _mask(line) in repeated or _PAGE_NUMBER.fullmatch(line) is not None


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs, with words hyphenated at a line end joined again."""
    paragraphs: list[str] = []
    current = ""
    widest = max((len(line) for line in lines), default=0)
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if not current:
            current = line
        elif _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        if _SENTENCE_END.search(line) and len(line) < 0.7 * widest:  # a short last line ends its paragraph
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
