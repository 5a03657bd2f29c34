"""What a text names and where: whole names, people and bodies named by a common noun, and the sentence around
a span. Offsets are into the text given (a whole document for the answer checks), so nothing is copied but the
stretch asked for. Shared by ``qa.read.posts`` and ``qa.read.shape``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qa.read.question import TITLES
from qa.text import STOPWORDS, TITLE_CASE_RUN, fold, stem, terms, words

EDGE = ",;:!?()[]{}\"'“”‘’ \t*_`#>"  # punctuation, quotes and Markdown markup never start or end an answer


def strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the punctuation, quotes and markup at its edges (``EDGE``)."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE and not _closes(text, start, end):
        end -= 1
    # A final full stop ends the sentence, not the answer ("U.S." and "No." keep theirs).
    if end - start > 1 and text[end - 1] == "." and text[end - 2].islower() and not _abbreviation(text, start, end):
        end -= 1
    return start, end


def _closes(text: str, start: int, end: int) -> bool:
    """The last character closes a bracket opened inside the span: "87 hectares (214 acres)" keeps it."""
    pairs = {")": "(", "]": "[", "}": "{"}
    last = text[end - 1]
    return last in pairs and text.count(pairs[last], start, end) >= text.count(last, start, end)


def _abbreviation(text: str, start: int, end: int) -> bool:
    """The span's last word is a short capitalised one whose full stop is its own ("U.S.", "No.")."""
    word = text[start:end].split()[-1]
    return len(word) <= 4 and word[:1].isupper()


NAME_WORD = re.compile(r"[A-Z][\w'’-]*")


# A name of two or more capitalised words, "of" / "the" / "and" / "for" allowed inside it
NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|and|for)\s+)*[A-Z][\w'’.-]*)+")
NAME_JUST_AFTER = re.compile(r" ([A-Z][\w'’-]*)")


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*) $")


def name_begins(text: str, start: int, stop: set[str] = TITLES) -> int:
    """Where the name that ``start`` may be inside of begins: back over capitalised words that are no post
    ("Chinese President Xi |Jinping" → "Xi"), or none of the words of ``stop``."""
    while (before := _WORD_BEFORE.search(text, max(0, start - 40), start)) and fold(before.group(1)) not in stop:
        start = before.start()
    return start


def whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The name of capitalised words that the span stands in, "of" / "the" / "and" / "for" inside it allowed
    (``NAME_RUN``): "the Chinese Association of Hong Kong and Macau Studies" for "Hong Kong and Macau Studies";
    the span to the end of its run of capitalised words (``name_run_end``) when it stands in no such name."""
    lower = max(0, start - 120)
    for m in NAME_RUN.finditer(text, lower, min(len(text), end + 120)):
        if m.start() <= start and end <= m.end():
            return m.start(), m.end()
    return start, name_run_end(text, end)


def name_run_end(text: str, end: int) -> int:
    """Where the run of capitalised words that ``end`` stands in ends: "Witman Hung| Wai-man" → after "Wai-man"."""
    while text[end : end + 1] == " " and (after := NAME_WORD.match(text, end + 1)) is not None:
        end = after.end()
    return end


def names_in(text: str, start: int, end: int) -> list[str]:
    """The runs of capitalised words in a span, parted by posts and lowercase words: "Qin Weizhong" of
    "Shenzhen Mayor Qin Weizhong" or of "Qin Weizhong said at a press conference"."""
    runs: list[list[str]] = [[]]
    last_end = None
    for word, begin, stop in words(text[start:end]):
        if runs[-1] and last_end is not None and re.search(r"[^\s.]", text[start + last_end : start + begin]):
            runs.append([])  # punctuation parts names: "Tuesday, Qin"
        if NAME_WORD.fullmatch(word) and fold(word) not in TITLES and fold(word) not in STOPWORDS:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
        last_end = stop
    return [" ".join(run) for run in runs if run]


_WORD = re.compile(r"[\w'’-]+")

# Past this length, a text's mentions are looked up from where each of its words stands, not read through
_LONG_TEXT = 20_000


def mentions(text: str, name: str) -> Iterator[re.Match[str]]:
    """Every whole-word occurrence of ``name`` in ``text``, in order. In a long text, only where the name's first
    word stands is tried: the same occurrences, without reading a book-sized document once for every name."""
    parts = name.split()
    pattern = _mention_pattern(tuple(parts))
    first = _WORD.fullmatch(parts[0]) if parts else None
    if len(text) < _LONG_TEXT or first is None:
        return pattern.finditer(text)
    return _mentions_at(text, pattern, _word_starts(text).get(first.group(), ()))


def _mentions_at(text: str, pattern: re.Pattern[str], starts: tuple[int, ...]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` at any of ``starts``, none overlapping the one before (as ``finditer``'s)."""
    after = 0
    for at in starts:
        found = pattern.match(text, at) if at >= after else None
        if found:
            after = found.end()
            yield found


@lru_cache(maxsize=256)
def _mention_pattern(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’-])" + r"\s+".join(map(re.escape, parts)) + r"(?![\w'’-])")


@lru_cache(maxsize=8)
def _word_starts(text: str) -> dict[str, tuple[int, ...]]:
    """Where each word of a text starts (words as ``mentions`` bounds them), once per text."""
    found: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        found.setdefault(m.group(), []).append(m.start())
    return {word: tuple(starts) for word, starts in found.items()}


def names_any(asked: set[str], text: str) -> bool:
    """``text`` names one of the ``asked`` terms, or the people or things of one ("Chinese" for "china"), or
    its capitalised words' first letters spell one ("Hong Kong" for "hk")."""
    found = set(terms(text))
    return (
        bool(asked & found)
        or any(
            len(a) >= 4 and len(f) >= 4 and a[:4] == f[:4] and (a.startswith(f[:-1]) or f.startswith(a[:-1]))
            for a in asked
            for f in found
        )
        or any(a in _initials(text) for a in asked if 2 <= len(a) <= 6 and a.isalpha())
    )


@lru_cache(maxsize=1024)
def _initials(text: str) -> frozenset[str]:
    """The first letters of two or more capitalised words in a row of ``text`` (``TITLE_CASE_RUN``), in lower case:
    "hk", "hksp", "ks", "sp" … of "Hong Kong Science Park"."""
    spelt: set[str] = set()
    for run in TITLE_CASE_RUN.finditer(text):
        letters = "".join(word[0] for word in run.group().split()).lower()
        spelt |= {letters[at:stop] for at in range(len(letters)) for stop in range(at + 2, len(letters) + 1)}
    return frozenset(spelt)


# Words that name people without a name: kin, groups and bodies ("her mother", "a number of ministries",
# "government officials"); a word of an agent's ending names them too ("protesters", "scientists")
_PEOPLE = {
    *("mother", "father", "parent", "wife", "husband", "son", "daughter", "sister", "brother", "family", "child"),
    *("children", "people", "men", "women", "public", "citizen", "resident", "member", "official", "student"),
    *("expert", "scholar", "monk", "lama", "priest", "king", "queen", "emperor", "soldier", "troop", "force"),
    *("police", "staff", "crowd", "media", "press", "nation", "state", "authority", "ministry", "friend"),
    *("group", "individual", "disciple", "elite", "tribe", "professional", "representative", "person"),
    *("employee", "boss"),
}


# the endings of a noun for one who does a deed ("advis|er", "consult|ant", "scient|ist")
AGENT_SUFFIX = r"(?:er|or|ist|ian|ant|ent)"
_AGENT_ENDING = re.compile(rf"[a-z]{{3,}}(?<!m){AGENT_SUFFIX}s?$")  # not "agreement", "movement"
_NOT_AGENTS = {"number", "water", "paper", "power", "order", "matter", "center", "border", "letter", "river"}


# Nouns that name a kind of body: "Which company …?" asks for a company (``shape.other_kind``); heads that many
# kinds answer ("group", "body") are none of them.
_BODIES = {
    *("company", "firm", "corporation", "authority", "organisation", "organization", "agency", "ministry"),
    *("department", "association", "society", "institute", "institution", "university", "college", "school"),
    *("council", "committee", "commission", "party", "union", "bank", "club", "team", "church", "newspaper"),
    *("network", "government", "court", "league", "foundation", "museum", "hospital", "army", "administration"),
    *("bureau", "publication", "magazine", "journal", "exchange"),
}


BODY_HEADS = {stem(word) for word in _BODIES}
# Words for a body that many kinds answer ("Which group …?", "Which body …?"): no kind check reads them as a kind,
# but no person answers them
ANY_BODY = frozenset(stem(word) for word in ("body", "group", "entity", "outfit", "organ"))


# Words that may stand for a person said before ("he", "their"), and, with ``STANDS_FOR_THING``, for anything said
# before ("its", "these"): a sentence with one may be about what the question names. "I" is left out: in any case
# it is as often a numeral ("Division I", "World War I")
STANDS_FOR_PERSON = frozenset({"he", "she", "they", "his", "her", "their", "him", "them", "we", "our"})
STANDS_FOR_THING = frozenset({"it", "its", "this", "these", "those"})


def any_word_of(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` as a whole word, in any case."""
    return re.compile(r"\b(?:" + "|".join(sorted(words)) + r")\b", re.IGNORECASE)


def phrase_heads(text: str, before_of: bool = True) -> list[str]:
    """A noun phrase's head words: its last word and, with ``before_of``, the word before its first "of"
    ("General Administration of Customs": "Customs", "Administration")."""
    bare = text.strip(EDGE + ". ")
    parts = re.split(r"\s+of\b", bare, maxsplit=1) if before_of else [bare]
    return [w for part in reversed(parts) for w in part.split()[-1:]]


def names_people(text: str) -> bool:
    """Whether a phrase's head (its last word, or the word before its "of") names a person, people or a body
    by a common noun: the answer to "who" that no capitalised name gives ("her mother", "a number of
    ministries", "government officials", "the Commission's President")."""
    for head in phrase_heads(text):
        folded = fold(head)
        if folded in TITLES or stem(folded) in BODY_HEADS or stem(folded) in _PEOPLE or folded in _PEOPLE:
            return True
        if _AGENT_ENDING.match(folded) and stem(folded) not in _NOT_AGENTS:
            return True
    return False


_SENTENCE_END = re.compile(r"[.!?][”’\"']?\s|\n")
_SENTENCE_REACH = 2000  # characters looked back for a sentence's start: the readers pass whole documents


_SENTENCE_NEAR = 300  # looked back first: most sentences start closer, and every check of every candidate asks


def sentence_start(text: str, start: int) -> int:
    """Where the sentence that ``start`` stands in starts (a line break starts one too)."""
    for reach in (_SENTENCE_NEAR, _SENTENCE_REACH):
        lower = max(0, start - reach)
        last = max(_SENTENCE_END.finditer(text, lower, start), key=lambda m: m.start(), default=None)
        if last is not None:
            return last.end()
        if lower == 0:
            break
    return max(0, start - _SENTENCE_REACH)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence (or sentences) around ``text[start:end]`` starts and ends."""
    closing = _SENTENCE_END.search(text, end)
    return sentence_start(text, start), closing.start() if closing else len(text)


def sentence_before(text: str, lower: int) -> str:
    """The sentence before the one that starts at ``lower``, across the blank line between paragraphs."""
    end = lower
    while end > 0 and text[end - 1].isspace():  # stepped over, not copied: the text is a whole document
        end -= 1
    return text[sentence_start(text, end - 1) : end] if end > 0 else ""


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or sentences) around ``text[start:end]``."""
    lower, upper = sentence_bounds(text, start, end)
    return text[lower:upper]
