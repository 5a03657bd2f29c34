"""Word (.docx): paragraphs, headings and tables in document order (python-docx), with heading locations.

- Paragraphs styled "Heading N" start a section and set the location; the title is
  the document's core property, else its "Title" paragraph or first heading.
- Each table row is a block, its cells joined by " | " and labelled with their column's header
  (``table_rows``); a merged cell is written once.
- A file that is not a Word document (a zip of something else, a truncated file) is skipped with the reason.
"""

from __future__ import annotations

import io
import re
from typing import Any

from qa.ingest.extracted import Extracted, Headings, SkipFile, TextBuilder, squeeze, table_rows

_HEADING = re.compile(r"heading\s*(\d)", re.IGNORECASE)


def read_docx(data: bytes) -> Extracted:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
        title = document.core_properties.title or ""
    except Exception as exc:  # python-docx raises many kinds on a file that is not a Word document
        raise SkipFile(f"not a readable Word document ({type(exc).__name__}: {squeeze(str(exc))[:120]})") from exc
    out = TextBuilder()
    headings = Headings()
    first_heading = ""
    for block in blocks:
        if isinstance(block, Table):
            for row in _rows(block):
                out.block(row)
            continue
        text = block.text
        level = _level(block)
        if level == 0:  # the "Title" paragraph names the document; it is not a heading above the text
            first_heading = first_heading or squeeze(text)
        elif level is not None and squeeze(text):
            out.end_section()
            out.at(heading=headings.enter(level, text))
            first_heading = first_heading or squeeze(text)
        out.block(text)
    return out.build("docx", title or first_heading)


def _level(paragraph: Any) -> int | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name.lower() == "title":
        return 0
    match = _HEADING.match(name)
    return int(match.group(1)) if match else None


def _rows(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text)
        rows.append(cells)
    return table_rows(rows)
