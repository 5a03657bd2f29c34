"""Read the files of ``seeds/`` into ``Document``s without losing a single raw offset.

Plain text and Markdown are read here: nothing is rewritten, a document keeps its decoded text as
it is, and cleaning only decides which spans of it are content. Page furniture (adverts, newsletter
promos, photo credits, stray page numbers, isolated section labels) is left out of those spans, so
it never reaches the index. Markdown is read through a view of the same length whose inline markup
(emphasis, code ticks, link brackets and targets) is blanked out, so offsets still point into the
raw file; its headings give locations ("Install > Linux").

PDF (``qa.ingest.pdf``), HTML (``qa.ingest.web``) and Word (``qa.ingest.word``) files are read by
their own readers into an extracted text, which is what offsets then point into.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from qa.errors import ConfigError
from qa.ingest.extracted import Extracted, Headings, SkipFile
from qa.records import Document, Location, Span

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WORD_SUFFIXES = (".docx",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + PDF_SUFFIXES + HTML_SUFFIXES + WORD_SUFFIXES

FURNITURE_LINES = frozenset(
    {
        "advertisement",
        "advert",
        "sponsored",
        "sponsored content",
        "learn more",
        "read more",
        "see more",
        "show more",
        "click here",
        "subscribe",
        "sign up",
        "share",
        "share this article",
        "get more with mynews",
        "a personalised news feed of stories that matter to you",
        "a personalized news feed of stories that matter to you",
        "why you can trust scmp",
    }
)
_PAGE_NUMBER = re.compile(r"\d{1,3}")
# "Photo: Martin Chan" at a line's end: furniture here; ``qa.read.credits`` reads it back for who took a photo
CREDIT = re.compile(
    r"(?:^|(?<=\s))(?P<label>Photos?|Pictures?|Images?|Illustrations?|Credit|Source|Video)\s*:\s*"
    r"(?P<name>[^.!?:\n]{1,60})$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^\s*(?:[•·▪◦‣*+\-–—]\s+|#{1,6}\s+|>\s+|\d{1,2}[.)]\s+)?")
_LABEL_MAX_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that was left out of the corpus, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Corpus:
    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]


def read_corpus(seeds_dir: Path, max_file_bytes: int | None = None) -> Corpus:
    """Read every supported regular file under ``seeds_dir``; anything else is skipped with a warning.

    Symbolic links are never followed (a link could point anywhere on the server), and fifos,
    devices and sockets are never opened (reading a fifo would hang the build); both are reported.
    Files larger than ``max_file_bytes`` are skipped unread.
    """
    if not seeds_dir.is_dir():
        raise ConfigError(f"seeds folder {seeds_dir} does not exist; create it and put documents in it")
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in _entries(seeds_dir):
        doc_id = path.relative_to(seeds_dir).as_posix()
        if any(part.startswith(".") for part in Path(doc_id).parts):
            continue
        try:
            _check_entry(path, max_file_bytes)
            documents.append(read_document(path, doc_id))
        except SkipFile as exc:
            log.warning("skipping %s: %s", doc_id, exc)
            skipped.append(Skipped(doc_id, str(exc)))
    return Corpus(tuple(documents), tuple(skipped))


def _entries(seeds_dir: Path) -> list[Path]:
    """Every non-directory entry below ``seeds_dir``, without descending into linked directories."""
    found = []
    for folder, dirs, files in os.walk(seeds_dir, followlinks=False):
        found += [Path(folder) / name for name in files]
        found += [Path(folder) / name for name in dirs if (Path(folder) / name).is_symlink()]
    return sorted(found)


def _check_entry(path: Path, max_file_bytes: int | None) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise SkipFile("a symbolic link; links are not followed (only regular files inside the seeds folder are read)")
    if not stat.S_ISREG(info.st_mode):
        raise SkipFile("not a regular file (a fifo, device or socket is never read)")
    if max_file_bytes is not None and info.st_size > max_file_bytes:
        raise SkipFile(
            f"{info.st_size / 1e6:.1f} MB, over the {max_file_bytes / 1e6:g} MB limit per file (QA_MAX_FILE_MB)"
        )


def read_document(path: Path, doc_id: str) -> Document:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise SkipFile(f"unsupported file type {path.suffix or '(none)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    data = _read_bytes(path)
    extracted = extract(data, path.suffix.lower())
    return Document(
        doc_id=doc_id,
        path=str(path),
        raw=extracted.text,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        sections=extracted.sections,
        format=extracted.format,
        title=extracted.title,
        pages=extracted.pages,
        locations=extracted.locations,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        # O_NOFOLLOW: a file swapped for a link after the check is still not followed.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise SkipFile("not a regular file")
            return handle.read()
    except OSError as exc:
        raise SkipFile(f"cannot be read ({exc.strerror or exc})") from exc


def read_source(seeds_dir: Path, doc_id: str, sha256: str) -> bytes:
    """The original file of an indexed document, as it was indexed: a regular file inside the seeds
    folder (no link followed, no path outside it), with the indexed content hash."""
    path = seeds_dir / doc_id
    if (
        ".." in Path(doc_id).parts
        or Path(doc_id).is_absolute()
        or not path.resolve().is_relative_to(seeds_dir.resolve())
    ):
        raise SkipFile("not a path inside the seeds folder")
    try:
        _check_entry(path, None)
    except FileNotFoundError as exc:
        raise SkipFile("no longer in the seeds folder") from exc
    data = _read_bytes(path)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SkipFile("changed since it was indexed; the next rebuild picks it up")
    return data


def extract(data: bytes, suffix: str) -> Extracted:
    """The file's text, content spans and locations, by the reader for its format."""
    if not data.strip():
        raise SkipFile("is empty")
    if suffix in PDF_SUFFIXES:
        from qa.ingest.pdf import read_pdf

        return read_pdf(data)
    if suffix in HTML_SUFFIXES:
        from qa.ingest.web import read_html

        return read_html(data)
    if suffix in WORD_SUFFIXES:
        from qa.ingest.word import read_docx

        return read_docx(data)
    raw = decode(data)
    sections = content_sections(raw)
    if not sections:
        raise SkipFile("holds no text content")
    if suffix in MARKDOWN_SUFFIXES:
        view = blank_markdown(raw)
        sections = content_sections(view)
        if not sections:
            raise SkipFile("holds no text content")
        return Extracted(view, sections, "markdown", _markdown_title(raw), 0, markdown_headings(raw))
    return Extracted(raw, sections, "text")


_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


_MD_LINK = re.compile(r"(!?\[)([^\]\n]+)(\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\))")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(
    r"(?<![\w*])(\*)(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"  # *emphasis*, not 2*3*4
    r"|(?<![\w_])(_)(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"  # _emphasis_, not snake_case
)
_MD_CODE = re.compile(r"(`+)([^`\n]+?)\1")


def blank_markdown(raw: str) -> str:
    """The Markdown text with its inline markup (emphasis, code ticks, link brackets and targets,
    image marks) replaced by spaces of the same length: what is read and indexed holds no markup,
    and every offset still points at the same character of the raw file."""
    chars = list(raw)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    for match in _MD_LINK.finditer(raw):
        blank(*match.span(1))
        blank(*match.span(3))
    for pattern in (_MD_STRONG, _MD_CODE):
        for match in pattern.finditer(raw):
            blank(match.start(), match.start(2))
            blank(match.end(2), match.end())
    for match in _MD_EMPHASIS.finditer(raw):
        body = 2 if match.group(1) else 4
        blank(match.start(), match.start(body))
        blank(match.end(body), match.end())
    return "".join(chars)


def markdown_headings(raw: str) -> tuple[Location, ...]:
    """A location at each ATX heading ("# Title", "## Part"), outside fenced code blocks."""
    fences = [m.start() for m in _MD_FENCE.finditer(raw)]
    headings = Headings()
    locations = []
    for match in _MD_HEADING.finditer(raw):
        if sum(1 for f in fences if f < match.start()) % 2:  # inside a fenced block
            continue
        path = headings.enter(len(match.group(1)), match.group(2))
        locations.append(Location(match.start(), None, path))
    return tuple(locations)


def _markdown_title(raw: str) -> str:
    match = _MD_HEADING.search(raw)
    return match.group(2).strip() if match else ""


def decode(data: bytes) -> str:
    """Decode UTF-8 text, refusing binary data and other encodings with a reason."""
    if b"\x00" in data[:8192]:
        raise SkipFile("looks binary (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SkipFile(
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`"
        ) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise SkipFile("looks binary (too many control characters)")
    return text


def content_sections(raw: str) -> tuple[tuple[Span, ...], ...]:
    """Group content lines into sections; furniture lines and photo credits end a section."""
    sections: list[list[Span]] = []
    current: list[Span] = []

    def close() -> None:
        if current:
            sections.append(list(current))
            current.clear()

    for start, end in _lines(raw):
        line = raw[start:end]
        if not line.strip():
            continue
        if _is_furniture(line):
            close()
            continue
        lead = _LEAD.match(line)
        body_start = start + (lead.end() if lead else 0)
        body_end = end
        credit = CREDIT.search(raw, body_start, end)
        if credit:
            body_end = credit.start()
        body_start, body_end = _strip(raw, body_start, body_end)
        if body_end > body_start:
            current.append(Span(body_start, body_end))
        if credit:
            close()
    close()
    return tuple(tuple(section) for section in sections if not _is_label(raw, section))


def _lines(raw: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", raw):
        yield start, match.start()
        start = match.end()
    if start < len(raw):
        yield start, len(raw)


def _strip(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def _is_furniture(line: str) -> bool:
    text = line.strip().rstrip(".").strip()
    return (
        text.casefold() in FURNITURE_LINES
        or _PAGE_NUMBER.fullmatch(text) is not None
        or CREDIT.fullmatch(text) is not None
    )


def _is_label(raw: str, section: list[Span]) -> bool:
    """A lone short line between furniture (a topic tag such as "Hong Kong economy")."""
    if len(section) != 1:
        return False
    text = raw[section[0].start : section[0].end]
    return len(text.split()) <= _LABEL_MAX_WORDS and not _SENTENCE_END.search(text)
