"""HTML: the page's text block by block (lxml), with navigation and boilerplate left out and
heading locations.

- The encoding comes from a byte-order mark or the page's own declaration (``<meta charset>``,
  ``http-equiv`` Content-Type, an XML declaration), else UTF-8; it is never guessed from the bytes.
  A page that declares nothing and is not valid UTF-8 is skipped with the reason.
- Scripts, styles, templates, forms, navigation, page headers and footers, asides and anything
  hidden (``hidden``, ``aria-hidden``, ARIA roles navigation/banner/contentinfo/search) are not content.
- Paragraphs, list items, table rows (cells joined by " | ", labelled with their column's header),
  headings and preformatted blocks
  are blocks; each heading starts a section and sets the location ("Results > Table 2").
- The title is the ``<title>``, else the first heading.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from qa.ingest.extracted import Extracted, Headings, SkipFile, TextBuilder, squeeze, table_rows

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I
)
_SKIPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "svg",
        "iframe",
        "object",
        "canvas",
        "head",
        "menu",
        "dialog",
    }
)
_SKIPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary"})
_BLOCKS = frozenset(
    {
        "p",
        "li",
        "tr",
        "pre",
        "blockquote",
        "dt",
        "dd",
        "div",
        "section",
        "article",
        "main",
        "figcaption",
        "caption",
        "address",
        "summary",
        "details",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "figure",
        "body",
        "html",
        "br",
        "hr",
    }
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}


def decode_html(data: bytes) -> str:
    """The page's text in the encoding its BOM or its declaration names (UTF-8 when it names none)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="strict")
    match = _DECLARED.search(data[:4096])
    declared = (match.group(1) or match.group(2)).decode("ascii") if match else None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError as exc:
            raise SkipFile(f"declares an unknown encoding {declared!r}") from exc
        try:
            return data.decode("utf-8" if codec in ("utf-16", "utf-16-le", "utf-16-be") else codec)
        except UnicodeDecodeError as exc:
            raise SkipFile(
                f"is not valid {declared} as it declares (byte 0x{data[exc.start]:02x} at {exc.start})"
            ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SkipFile(
            f"declares no encoding (<meta charset>) and is not valid UTF-8 (byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start}); add the declaration or convert it to UTF-8"
        ) from exc


def read_html(data: bytes) -> Extracted:
    import lxml.html
    from lxml import etree

    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SkipFile("looks binary (contains NUL bytes)")
    text = decode_html(data)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str with an encoding declaration
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise SkipFile(f"HTML that cannot be parsed ({squeeze(str(exc))[:120]})") from exc
    title = squeeze(" ".join(root.xpath("//head/title//text()")))
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root)
    return walker.out.build("html", title or walker.first_heading)


class _Walker:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.headings = Headings()
        self.first_heading = ""
        self._inline: list[str] = []

    def walk(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or _skipped(element, tag):
            return
        if tag in _HEADINGS:
            self.flush()
            heading = squeeze(element.text_content())
            self.out.end_section()
            self.out.at(heading=self.headings.enter(_HEADINGS[tag], heading))
            self.out.block(heading)
            self.first_heading = self.first_heading or heading
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        if tag in ("td", "th") and "".join(self._inline).strip():
            self._inline.append(" | ")
        if tag == "pre":
            self.out.block(element.text_content())
            return
        if tag == "table" and not element.xpath(".//table"):  # a data table (a layout table holds tables)
            cells = [[squeeze(c.text_content()) for c in row.xpath("./th|./td")] for row in element.xpath(".//tr")]
            for line in table_rows(cells):
                self.out.block(line)
            return
        if element.text:
            self._inline.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self._inline.append(child.tail)
        if block:
            self.flush()

    def flush(self) -> None:
        if self._inline:
            self.out.block("".join(self._inline))
            self._inline = []


def _skipped(element: Any, tag: str) -> bool:
    if tag in _SKIPPED or (tag == "header" and not _inside(element, ("article", "main", "section"))):
        return True
    get = element.get
    if get("hidden") is not None or get("aria-hidden") == "true" or (get("role") or "").lower() in _SKIPPED_ROLES:
        return True
    style = (get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _inside(element: Any, tags: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False
