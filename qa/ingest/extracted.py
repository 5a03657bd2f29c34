"""The contract every format reader keeps, and the builder they share.

A reader turns a file's bytes into ``Extracted``: the text that offsets will point into, the spans
of it that are content (grouped in sections), the locations (page, heading path) that offsets map
to, a title and a page count. A reader that cannot read a file raises ``SkipFile`` with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.records import Location, Span


class SkipFile(Exception):
    """Raised for a file that cannot be part of the corpus; the message says why."""


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    sections: tuple[tuple[Span, ...], ...]
    format: str
    title: str = ""
    pages: int = 0
    locations: tuple[Location, ...] = ()


_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Whitespace runs (newlines included) folded to one space, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


class TextBuilder:
    """Builds an extracted text block by block: blocks are separated by a blank line, content blocks
    are grouped into sections, and a location is marked wherever the page or heading changes."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._sections: list[list[Span]] = []
        self._current: list[Span] = []
        self._locations: list[Location] = []
        self._page: int | None = None
        self._heading = ""

    def block(self, text: str, content: bool = True) -> Span | None:
        """Append one block (whitespace folded); content blocks join the current section."""
        text = squeeze(text)
        if not text:
            return None
        if self._parts:
            self._append("\n\n")
        self._mark()
        span = Span(self._length, self._length + len(text))
        self._append(text)
        if content:
            self._current.append(span)
        return span

    def end_section(self) -> None:
        if self._current:
            self._sections.append(self._current)
            self._current = []

    def at(self, page: int | None = None, heading: str | None = None) -> None:
        """From the next block on, text stands on ``page`` and/or under ``heading``."""
        if page is not None:
            self._page = page
        if heading is not None:
            self._heading = heading

    def build(self, fmt: str, title: str = "", pages: int = 0) -> Extracted:
        self.end_section()
        text = "".join(self._parts)
        if not self._sections:
            raise SkipFile("holds no text content")
        return Extracted(
            text, tuple(tuple(s) for s in self._sections), fmt, squeeze(title), pages, tuple(self._locations)
        )

    def _mark(self) -> None:
        if self._page is None and not self._heading:
            return
        last = self._locations[-1] if self._locations else None
        if last is None or (last.page, last.heading) != (self._page, self._heading):
            self._locations.append(Location(self._length, self._page, self._heading))

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)


class Headings:
    """The path of headings above the current point ("Guide > Install > Linux")."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def enter(self, level: int, text: str) -> str:
        text = squeeze(text)
        self._stack = [(lvl, t) for lvl, t in self._stack if lvl < level]
        if text:
            self._stack.append((level, text))
        return self.path

    @property
    def path(self) -> str:
        return " > ".join(t for _, t in self._stack)


def table_rows(rows: list[list[str]]) -> list[str]:
    """Table rows as self-describing lines. With a header row (every cell filled, more rows below),
    each later cell is labelled with its column ("Branch: Harbour branch | Visitors: 18,400"), so a
    row read on its own still says what its numbers are; otherwise cells are joined by " | "."""
    rows = [[squeeze(cell) for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    header = rows[0] if len(rows) > 1 and all(rows[0]) and len(rows[0]) > 1 else None
    if header is None:
        return [" | ".join(row) for row in rows]
    lines = [" | ".join(header)]
    for row in rows[1:]:
        cells = [
            f"{name}: {cell}" if i < len(header) and cell else cell for i, (name, cell) in enumerate(_pad(header, row))
        ]
        lines.append(" | ".join(cell for cell in cells if cell))
    return lines


def _pad(header: list[str], row: list[str]) -> list[tuple[str, str]]:
    return [(header[i] if i < len(header) else "", cell) for i, cell in enumerate(row)]
