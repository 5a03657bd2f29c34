"""Sentence-aware chunking that keeps raw offsets: ``raw[chunk.start:chunk.end] == chunk.text``.

Sentences never cross a content line (a headline or bullet is its own sentence) and chunks never
cross a section (page furniture between two parts of a document ends a chunk).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa.records import Chunk, Document, Sentence, Span

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "rev",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "pres",
        "hon",
        "mt",
        "ft",
        "fig",
        "no",
        "nos",
        "vol",
        "vols",
        "pp",
        "ed",
        "eds",
        "est",
        "approx",
        "dept",
        "univ",
        "assn",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "vs",
        "etc",
        "al",
        "cf",
        "eg",
        "ie",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
# A sentence may end at . ! ? or … followed by closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)")
_NEXT_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]*[A-Z0-9]")
_DOTTED_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")


def split_sentences(raw: str, block: Span) -> list[Span]:
    """Split one content line of ``raw`` into sentence spans."""
    spans: list[Span] = []
    start = block.start
    for match in _BOUNDARY.finditer(raw, block.start, block.end):
        end = match.end(2)
        if _is_boundary(raw, start, match, block.end):
            spans.append(Span(start, end))
            start = match.end()
    if start < block.end:
        spans.append(Span(start, block.end))
    return spans


def _is_boundary(raw: str, start: int, match: re.Match[str], block_end: int) -> bool:
    if not _NEXT_STARTS_SENTENCE.match(raw, match.end(), block_end):
        return False
    if match.group(1) != ".":
        return True
    before = raw[start : match.start(1) + 1]
    last_word = re.search(r"[\w.]+\.$", before)
    token = last_word.group()[:-1].casefold() if last_word else ""
    return not (token in ABBREVIATIONS or _DOTTED_ACRONYM.search(before) or _INITIAL.search(before))


def document_sentences(document: Document) -> list[list[Sentence]]:
    """The sentences of each section of ``document``."""
    out = []
    for section in document.sections:
        sentences = []
        for block in section:
            for span in split_sentences(document.raw, block):
                sentences.append(Sentence(document.doc_id, span.start, span.end, document.raw[span.start : span.end]))
        out.append(sentences)
    return out


def chunk_document(document: Document, target_words: int, max_words: int, overlap_sentences: int) -> list[Chunk]:
    """Greedy sentence packing per section: about ``target_words`` per chunk, never over
    ``max_words`` unless a single sentence is longer, ``overlap_sentences`` shared with the next."""
    chunks: list[Chunk] = []
    for sentences in document_sentences(document):
        for group in _pack(sentences, target_words, max_words, overlap_sentences):
            start, end = group[0].start, group[-1].end
            chunks.append(Chunk(len(chunks), document.doc_id, start, end, document.raw[start:end], tuple(group)))
    return chunks


def _pack(sentences: Sequence[Sentence], target: int, limit: int, overlap: int) -> list[Sequence[Sentence]]:
    counts = [len(s.text.split()) for s in sentences]
    groups: list[Sequence[Sentence]] = []
    i = 0
    while i < len(sentences):
        j, words = i + 1, counts[i]
        while j < len(sentences) and words < target and words + counts[j] <= limit:
            words += counts[j]
            j += 1
        tail = sum(counts[j:])
        if 0 < tail < target // 3 and words + tail <= limit:
            j = len(sentences)
        groups.append(sentences[i:j])
        if j >= len(sentences):
            break
        i = max(j - overlap, i + 1)
    return groups
