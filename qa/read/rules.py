"""The extractive answerer: question + hits → short spans cut out of the raw documents.

The rule reader works in two steps. It ranks the sentences of the top hits by dense similarity
to the question (sentence vectors are precomputed at index time), weighted keyword overlap and the
passage's retrieval rank. Inside the best sentences it proposes typed candidate spans (names,
numbers with units, dates, lists, titles and appositives next to a name, and plain phrases) and
scores them by how well their type fits the question, how close they stand to the question's words,
and how much they add beyond those words. Every answer is checked to be ``raw[start:end]`` before
it leaves the reader.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from qa.index.store import Index
from qa.read.base import Look, cite, merge
from qa.read.posts import post_before_asked_place
from qa.read.question import HONORIFICS, TITLES, Kind, Question, Wants, described_kind
from qa.read.sentences import RankedSentence, SentenceRanker
from qa.read.shape import (
    PURPOSES,
    REASON_OPENINGS,
    agent_phrases,
    asked_agents,
    ends_in_a_verb,
    misfits,
    names_in_full,
    past_cut_name,
    with_currency,
)
from qa.read.speakers import may_say, quote_denies, speaker, speaks_for
from qa.records import Answer, Hit, Sentence, StageScores
from qa.text import MONTHS, NUMBER_WORDS, SAYING, STOPWORDS, WEEKDAYS, ends_as_a_sentence, fold, stem, words

# Calibrated on the tune split of eval/gold.jsonl; see eval/calibration.json.
RULES_THRESHOLD = 0.694


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # absolute offsets in the raw document
    end: int
    folded: str
    stem: str

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def numeric(self) -> bool:
        return _NUMBER.fullmatch(self.folded) is not None


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int  # token indices, inclusive
    last: int
    kind: str


_NUMBER = re.compile(r"\d[\d,.]*(?:st|nd|rd|th|%|m|bn|k)?|" + "|".join(sorted(NUMBER_WORDS)))
_RELATIVE_TIME = {"last", "next", "this", "earlier", "later"}
_TIME_UNITS = {"week", "month", "year", "decade", "day", "weekend", "morning", "evening"}
_YEAR = re.compile(r"1[89]\d\d|20\d\d|21\d\d")
_BREAK = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s|[.!?]\s")
_CONNECTORS = {"of", "for", "and"}
_COPULA = {"is", "was", "are", "were"}
# Stop words an appositive may start with ("Eric Chan, the No 2 official"; "Hung, also former …").
_APPOSITIVE_START = {"a", "an", "the", "also", "its", "his", "her", "their", "our", "one", "both", "now", "then"}
_DETERMINERS = {"the", "this", "that", "each", "any", "every", "which", "no", "another"}
UNITS = {
    "hectare",
    "acre",
    "km",
    "kilometre",
    "kilometer",
    "metre",
    "meter",
    "mile",
    "square",
    "percent",
    "per",
    "cent",
    "yuan",
    "dollar",
    "people",
    "resident",
    "person",
    "year",
    "month",
    "day",
    "hour",
    "minute",
    "tonne",
    "ton",
    "kg",
    "storey",
    "floor",
    "bn",
    "billion",
    "million",
}

# How well a candidate's kind answers each kind of question (0 = not at all).
FIT: dict[Kind, dict[str, float]] = {
    Kind.PERSON: {"name": 1.0, "agent": 1.0, "title": 0.45, "phrase": 0.25, "list": 0.3},
    Kind.DESCRIBE: {"title": 1.0, "name": 0.25, "phrase": 0.45, "list": 0.2},
    Kind.TIME: {"date": 1.0, "number": 0.3, "phrase": 0.1},
    Kind.PLACE: {"name": 0.9, "list": 0.5, "phrase": 0.3},
    Kind.COUNT: {"number": 1.0, "phrase": 0.05},
    Kind.QUANTITY: {"number": 0.75, "measure": 1.0, "phrase": 0.05},
    Kind.LIST: {"list": 1.0, "name": 0.55, "phrase": 0.35},
    Kind.REASON: {"reason": 1.0, "phrase": 0.4, "list": 0.2, "name": 0.1},
    Kind.ENTITY: {"name": 0.7, "list": 0.75, "phrase": 0.55, "title": 0.5, "number": 0.3, "date": 0.3, "measure": 0.3},
}
SENTENCES_PER_QUESTION = 8
MAX_SPAN_TOKENS = 14
MAX_TITLE_TOKENS = 20


class RuleReader:
    """A typed-candidate span extractor over the best sentences of the top hits."""

    kind = "rules"

    def __init__(self, index: Index, passages: int = 5) -> None:
        self.index = index
        self.ranker = SentenceRanker(index, passages)

    def looks(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit], top_n: int) -> Iterator[Look]:
        """One look: the rules read every chosen sentence at once (and cheaply)."""
        yield Look(tuple(self.read(q, query_vector, hits, top_n)), complete=True)

    def read(self, q: Question, query_vector: np.ndarray, hits: Sequence[Hit], top_n: int) -> list[Answer]:
        scored: list[Answer] = []
        for ranked in self.ranker.rank(q, query_vector, hits)[:SENTENCES_PER_QUESTION]:
            sentence = ranked.sentence
            raw = self.index.document(sentence.doc_id).raw
            tokens = sentence_tokens(sentence)
            who = speaker(sentence, self.index.sentence_before) if speaks_for(q, sentence) else None
            if who is not None and quote_denies(q, sentence):
                continue  # "Who described the zone as strategically unimportant?" of a quotation of its importance
            for candidate in candidates(q, tokens, gap_texts(raw, tokens), heading=is_heading(sentence)):
                span = span_score(q, tokens, candidate)
                start, end = post_before_asked_place(q, raw, *raw_span(tokens, candidate, raw))
                if span <= 0 or misfits(q, raw, start, end) or ends_in_a_verb(q, raw, start, end):
                    continue
                if (Wants.SPEAKER in q.wants or who is not None) and not may_say(sentence, who, start, end, raw):
                    continue  # "Who said …?" of a quotation: its speaker, or not what it says
                scored.append(self._answer(ranked, start, end, span))
            if who is not None and not sentence.start <= who[0] < sentence.end:
                scored += self._speaker_before(q, ranked, who)
        return merge(sorted(scored, key=lambda a: -a.score))[: max(top_n, 5)]

    def _speaker_before(self, q: Question, ranked: RankedSentence, who: tuple[int, int]) -> list[Answer]:
        """The speaker of the quotation ``ranked``, named in a sentence before it ("…, Mayor Qin Weizhong
        said …" for "“We aim …,” he said"): a name candidate of that sentence, with the quotation's
        sentence score (it is what matched the question)."""
        named: Sentence | None = ranked.sentence
        while named is not None and named.start > who[0]:
            named = self.index.sentence_before(named)
        if named is None or not named.start <= who[0] < named.end:
            return []
        tokens = sentence_tokens(named)
        inside = [i for i, t in enumerate(tokens) if who[0] <= t.start and t.end <= who[1]]
        if not inside:
            return []
        candidate = Candidate(inside[0], inside[-1], "name")
        span = span_score(q, tokens, candidate)
        if span <= 0:
            return []
        return [
            replace(
                self._answer(replace(ranked, sentence=named), tokens[inside[0]].start, tokens[inside[-1]].end, span),
                support=ranked.sentence,
            )
        ]

    def _answer(self, ranked: RankedSentence, start: int, end: int, span: float) -> Answer:
        sentence = ranked.sentence
        score = min(math.sqrt(max(ranked.score, 0.0) * span), 1.0)
        stages = StageScores(
            round(ranked.retrieval, 4),
            round(ranked.score, 4),
            round(span, 4),
            reader=score,
            passage=ranked.passage,
            rule=round(span, 4),
        )
        raw = self.index.document(sentence.doc_id).raw
        start, end = with_currency(raw, start, end)
        return cite(raw, sentence, start, end, score, stages)


# ------------------------------------------------------------------------------ candidate spans


def sentence_tokens(sentence: Sentence) -> list[Token]:
    return [
        Token(w, sentence.start + s, sentence.start + e, fold(w), stem(fold(w))) for w, s, e in words(sentence.text)
    ]


def gap_texts(raw: str, tokens: list[Token]) -> list[str]:
    """The raw text between consecutive tokens."""
    return [raw[a.end : b.start] for a, b in itertools.pairwise(tokens)]


def raw_span(tokens: list[Token], candidate: Candidate, raw: str) -> tuple[int, int]:
    """A candidate's raw offsets; a list whose first item is the end of a name cut off on its left
    ("Customs, promised easier …" of "… General Administration of Customs, promised …") starts after it."""
    start, end = tokens[candidate.first].start, tokens[candidate.last].end
    return past_cut_name(raw, start, end), end


def typed_spans(q: Question, sentences: Sequence[Sentence], raw: str) -> list[tuple[int, int, float, str]]:
    """Raw ``(start, end, rule score, kind)`` of the typed candidates (not plain phrases) of these sentences.

    The rule score is ``span_score``: how well the candidate's type fits the question, how close it
    stands to the question's words and how much it adds to them, in [0, 1]; the kind is the
    candidate's ("name", "number", "date", "list", "title", "agent").
    """
    out = []
    for sentence in sentences:
        tokens = sentence_tokens(sentence)
        for c in candidates(q, tokens, gap_texts(raw, tokens), heading=is_heading(sentence)):
            if c.kind != "phrase":
                out.append((*raw_span(tokens, c, raw), span_score(q, tokens, c), c.kind))
    return out


def is_heading(sentence: Sentence) -> bool:
    """A line that does not end as a sentence does: a headline ("Hong Kong, Shenzhen border zone blueprint
    hopes to offer best of both worlds"), where a comma joins names as "and" would."""
    return not ends_as_a_sentence(sentence.text)


def candidates(q: Question, tokens: list[Token], gaps: list[str], heading: bool = False) -> list[Candidate]:
    """Every typed span of the sentence worth scoring; ``gaps[i]`` is the text between tokens i, i+1;
    ``heading``: the sentence is a headline (``is_heading``), whose commas open no appositive."""
    asked = set(q.terms) - {q.head}
    names = _names(tokens, gaps)
    out: list[Candidate] = [c for c in (_strip_asked(n, tokens, asked) for n in names) if c]
    out += _numbers(tokens, gaps)
    out += _dates(tokens, gaps)
    lists = _lists(tokens, gaps)
    out += lists
    if q.kind is Kind.DESCRIBE or q.kind is Kind.PERSON:
        out += [c for c in (_strip_asked(t, tokens, asked) for t in _titles(q, tokens, gaps, lists, heading)) if c]
    if q.kind is Kind.DESCRIBE:  # "What is the Hetao zone?": its name in full says what it is
        out += [replace(n, kind="title") for n in names if names_in_full(q, _text(tokens, gaps, n))]
    if q.kind is Kind.PERSON:
        out += _agents(q, tokens, gaps)
    if q.kind is Kind.REASON:
        out += _reasons(tokens, gaps, lists)
    out += _phrases(q, tokens, gaps)
    return out


def _text(tokens: list[Token], gaps: list[str], c: Candidate) -> str:
    """A candidate's text as the sentence writes it."""
    return "".join(tokens[i].text + (gaps[i] if i < c.last else "") for i in range(c.first, c.last + 1))


def _agents(q: Question, tokens: list[Token], gaps: list[str]) -> list[Candidate]:
    """For "Who VERBed X?": the agent the sentence gives for it ("a number of ministries" of "a press conference
    held in Beijing by a number of ministries"), a candidate that names no one as a name does."""
    if not tokens:
        return []
    base = tokens[0].start
    text = tokens[0].text + "".join(gap + t.text for gap, t in zip(gaps, tokens[1:], strict=True))
    out = []
    for found in asked_agents(q, text):
        for begin, stop in agent_phrases(text, *found):
            inside = [i for i, t in enumerate(tokens) if begin <= t.start - base and t.end - base <= stop]
            if inside:
                out.append(Candidate(inside[0], inside[-1], "agent"))
    return out


# Words that open the next clause: a cause or purpose ends before them ("… Buddhist schools | but Deshin …")
_CLAUSE_OPENERS = {"but", "until", "while", "whereas", "although", "though", "unless", "which", "who", "whom"}


def _reasons(tokens: list[Token], gaps: list[str], lists: Sequence[Candidate] = ()) -> list[Candidate]:
    """Causes and purposes for "why" questions: from an opening ("because", "in order to", "to" before a
    lowercase word, "for … purposes") to the end of its clause, or of a list the clause runs into ("to
    facilitate the flow of people, funds, vehicles, equipment and data"), at most ``MAX_SPAN_TOKENS``
    tokens before the list."""
    out = []
    for i in range(len(tokens)):
        for opening, dropped in REASON_OPENINGS:
            n = len(opening)
            if tuple(t.folded for t in tokens[i : i + n]) != opening or any(
                _breaks(gaps, k) for k in range(i, i + n - 1)
            ):
                continue
            body = i + n
            if body >= len(tokens) or _breaks(gaps, body - 1):
                break
            if opening == ("to",) and (
                tokens[body].capitalized or tokens[body].folded in STOPWORDS or _NUMBER.fullmatch(tokens[body].folded)
            ):
                break  # "to Beijing", "to the …", "to 2035": a place, thing or time, no purpose
            last = body
            while (
                last + 1 < len(tokens)
                and not _breaks(gaps, last)
                and last - i < MAX_SPAN_TOKENS - 1
                and tokens[last + 1].folded not in _CLAUSE_OPENERS
            ):
                last += 1
            while last > body and tokens[last].folded in STOPWORDS:
                last -= 1  # "… until their economic and" cut at the length limit
            if opening == ("for",):  # "for research purposes": only a phrase that names a purpose
                ends = [k for k in range(body, min(body + 4, last + 1)) if tokens[k].folded in PURPOSES]
                if not ends:
                    break
                last = ends[0]
            last = max([last] + [c.last for c in lists if body <= c.first <= last + 1 < c.last + 1])
            out.append(Candidate(i + dropped, last, "reason"))
            break
    return out


def _breaks(gaps: list[str], i: int) -> bool:
    """Whether punctuation separates token i from token i+1."""
    return i >= len(gaps) or bool(_BREAK.search(gaps[i]))


def _names(tokens: list[Token], gaps: list[str]) -> list[Candidate]:
    out, i = [], 0
    while i < len(tokens):
        if not tokens[i].capitalized or tokens[i].numeric or tokens[i].folded in STOPWORDS:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and not _breaks(gaps, j):
            nxt = tokens[j + 1]
            if nxt.capitalized:
                j += 1
            elif _joins_name(tokens, gaps, i, j):
                j += 2
            else:
                break
        out.append(Candidate(i, j, "name"))
        i = j + 1
    return out


def _joins_name(tokens: list[Token], gaps: list[str], first: int, last: int) -> bool:
    """ "of" inside a name ("General Administration of Customs"); "and" only inside a long one
    ("Science and Technology Innovation Cooperation Zone"), so "Hong Kong and Shenzhen" stays two."""
    if last + 2 >= len(tokens) or not tokens[last + 2].capitalized or _breaks(gaps, last + 1):
        return False
    connector = tokens[last + 1].folded
    return connector == "of" or (connector == "and" and last - first >= 2)


def _strip_asked(c: Candidate, tokens: list[Token], asked: set[str]) -> Candidate | None:
    """ "Shenzhen Mayor Qin Weizhong" asked as "the mayor of Shenzhen" → "Qin Weizhong"; what linked the
    post to the asked name goes with it ("… officer for Hong Kong at the| Shenzhen Qianhai Authority")."""
    first, last = c.first, c.last
    while first <= last and tokens[first].stem in asked:
        first += 1
    while last >= first and tokens[last].stem in asked:
        last -= 1
    while c.last > last >= first and tokens[last].folded in STOPWORDS:
        last -= 1
    return Candidate(first, last, c.kind) if first <= last else None


def _numbers(tokens: list[Token], gaps: list[str]) -> list[Candidate]:
    out = []
    for i, token in enumerate(tokens):
        if not token.numeric or _YEAR.fullmatch(token.folded):
            continue
        if token.folded == "one" and i > 0 and (tokens[i - 1].capitalized or tokens[i - 1].folded in _DETERMINERS):
            continue  # "the Shenzhen one": a pronoun, not a count
        out.append(Candidate(i, i, "number"))
        j = i
        while j + 1 < len(tokens) and j - i < 2 and not _breaks(gaps, j):
            nxt = tokens[j + 1]
            if nxt.folded in STOPWORDS or (nxt.capitalized and j > i) or nxt.folded.endswith(("ing", "ed")):
                break
            j += 1
            out.append(Candidate(i, j, "measure"))
    return out


def _dates(tokens: list[Token], gaps: list[str]) -> list[Candidate]:
    out = []
    for i, token in enumerate(tokens):
        if token.folded in WEEKDAYS or _YEAR.fullmatch(token.folded):
            out.append(Candidate(i, i, "date"))
        elif token.folded in MONTHS and token.capitalized:
            j = i
            while j + 1 < len(tokens) and j - i < 2 and tokens[j + 1].numeric and not _breaks(gaps, j):
                j += 1
            out.append(Candidate(i, j, "date"))
        elif (
            token.stem in _TIME_UNITS and i > 0 and tokens[i - 1].folded in _RELATIVE_TIME and not _breaks(gaps, i - 1)
        ):
            out.append(Candidate(i - 1, i, "date"))
    return out


def _lists(tokens: list[Token], gaps: list[str]) -> list[Candidate]:
    """ "A, B, C and D": three or more items of up to four words, commas between, "and" before the last."""
    out = []
    items: list[tuple[int, int]] = []
    start = 0
    for i in range(len(tokens)):
        end_item = i + 1 >= len(tokens) or "," in gaps[i] or tokens[i + 1].folded == "and"
        if end_item:
            items.append((start, i))
            start = i + 2 if i + 1 < len(tokens) and tokens[i + 1].folded == "and" else i + 1
    for a in range(len(items)):
        for b in range(a + 2, len(items)):
            chosen = items[a : b + 1]
            if any(last - first > 3 or last < first for first, last in chosen[1:-1]):
                break
            joined_by_and = chosen[-1][0] >= 1 and tokens[chosen[-1][0] - 1].folded == "and"
            if joined_by_and and chosen[0][0] <= chosen[0][1]:
                capitals = tokens[chosen[-1][0]].capitalized
                start = _first_item_start(tokens, gaps, *chosen[0], capitals)
                out.append(Candidate(start, _last_item_end(tokens, *chosen[-1], capitals), "list"))
    return out


def _last_item_end(tokens: list[Token], first: int, last: int, capitals: bool) -> int:
    """The last item runs into the rest of the sentence; stop at its first lowercase or stop word."""
    end = first
    while end + 1 <= last and end - first < 3:
        following = tokens[end + 1]
        if following.folded in STOPWORDS or (capitals and not following.capitalized):
            break
        end += 1
    return end


def _first_item_start(tokens: list[Token], gaps: list[str], first: int, last: int, capitals: bool) -> int:
    """The first item of a list is glued to the words before it; keep its tail (not across a bracket:
    "boroughs (|Brooklyn, Queens, …")."""
    start = last
    while start - 1 >= first and last - start < 3:
        previous = tokens[start - 1]
        if previous.folded in STOPWORDS or (capitals and not previous.capitalized) or _breaks(gaps, start - 1):
            break
        start -= 1
    return start


def _titles(
    q: Question, tokens: list[Token], gaps: list[str], lists: list[Candidate], heading: bool = False
) -> list[Candidate]:
    """For "Who is NAME?": the title before the name, the appositive after it, a copula's complement."""
    target, kind = set(q.target or q.terms), described_kind(q)
    out = []
    i = 0
    while i < len(tokens):
        if tokens[i].stem not in target or not tokens[i].capitalized:  # the name, not "to turn the park"
            i += 1
            continue
        j = i
        while (
            j + 1 < len(tokens) and not _breaks(gaps, j) and (tokens[j + 1].stem in target or tokens[j + 1].capitalized)
        ):
            j += 1
        held = {tokens[k].stem for k in range(i, j + 1)}
        if _ends_other_name(q, tokens, gaps, i, j) or (kind and kind not in held):
            i = j + 1  # "The Greater Bay Area refers to …" says what the area is, not its framework
            continue
        before, after = _title_before(tokens, gaps, i), _phrase_after(tokens, gaps, j, lists, heading)
        if after and all(tokens[k].folded in HONORIFICS for c in before for k in range(c.first, c.last + 1)):
            before = []  # "Professor Lau Siu-kai, a consultant at …": a form of address describes less
        out += before + after
        i = j + 1
    return out


def _ends_other_name(q: Question, tokens: list[Token], gaps: list[str], first: int, last: int) -> bool:
    """For "What is the Hetao zone?", "Zone" of "… Innovation Cooperation Zone": a run holding only the last
    word of the thing asked about (the kind of thing it is), at the end of a longer name. A sentence's first
    word ("Though Chopin was born …") and a title ("Secretary Chan") start no such name."""
    held = {tokens[k].stem for k in range(first, last + 1)} & set(q.target)
    before = tokens[first - 1] if first > 1 else None  # the sentence's first word is capitalised as such
    return (
        q.kind is Kind.DESCRIBE
        and len(q.target) > 1
        and held == {q.target[-1]}
        and before is not None
        and before.capitalized
        and before.folded not in STOPWORDS | TITLES | HONORIFICS
        and not _breaks(gaps, first - 1)
    )


def _title_before(tokens: list[Token], gaps: list[str], name_start: int) -> list[Candidate]:
    if (
        name_start >= 2
        and tokens[name_start - 1].folded == "the"
        and not _breaks(gaps, name_start - 2)
        and not _breaks(gaps, name_start - 1)
    ):
        return _kind_before_the(tokens, gaps, name_start - 1)
    first = _phrase_start(tokens, gaps, name_start, through_of=True)
    if first == name_start or tokens[name_start - 1].folded in STOPWORDS:
        return []  # "the cities of Hong Kong": the name is what "of" governs, not what the words describe
    return [Candidate(first, name_start - 1, "title")]


def _phrase_start(tokens: list[Token], gaps: list[str], end: int, through_of: bool = False) -> int:
    """Where the words just before token ``end`` start: back over up to eight words, no punctuation between, to a
    verb of saying or a lowercase stopword; with ``through_of`` past "of" too, as a title before a name reads on
    ("Director of Customs Sun Yuning")."""
    first = end
    while first - 1 >= 0 and end - first < 8 and not _breaks(gaps, first - 1):
        previous = tokens[first - 1]
        stops = previous.folded in STOPWORDS and not previous.capitalized
        if previous.folded in SAYING or (stops and not (through_of and previous.folded == "of")):
            break
        first -= 1
    return first


def _kind_before_the(tokens: list[Token], gaps: list[str], the: int) -> list[Candidate]:
    """The noun phrase a name stands right after, with its own "the": "Beijing’s semi-official think tank" of "a
    consultant at Beijing’s semi-official think tank the Chinese Association of …". Two words at least, opened
    after a preposition, an article or a comma and ending in no verb's form ("to attend the press conference",
    "The plan covers the Hetao zone" describe nothing)."""
    first = _phrase_start(tokens, gaps, the)
    last = tokens[the - 1]
    opened = first == 0 or _breaks(gaps, first - 1) or tokens[first - 1].folded in STOPWORDS
    verb = last.folded.endswith(("ed", "ing")) or (last.folded.endswith("s") and not last.folded.endswith("ss"))
    if the - first < 2 or not opened or last.capitalized or verb:
        return []
    return [Candidate(first, the - 1, "title")]


def _phrase_after(
    tokens: list[Token], gaps: list[str], name_end: int, lists: list[Candidate], heading: bool = False
) -> list[Candidate]:
    """The appositive after a name ("Sun Yuning, deputy director of …") or a copula's complement; ``lists``
    are the sentence's list candidates; a headline's commas open no appositive."""
    nxt = name_end + 1
    if nxt >= len(tokens):
        return []
    if "," in gaps[name_end]:
        if heading:
            return []
        # an appositive is a noun phrase: not "…, with …", "…, which …", "…, said …", nor the next item
        # of a list the name is one of ("a quantum-computing centre, data exchange and institute")
        following = tokens[nxt].folded
        if following in SAYING or (following in STOPWORDS and following not in _APPOSITIVE_START):
            return []
        if any(c.first <= name_end < c.last for c in lists):
            return []
        first = nxt + 1 if following == "also" else nxt
    elif tokens[nxt].folded in _COPULA or tokens[nxt].folded == "refers":
        first = nxt + 1 + (nxt + 1 < len(tokens) and tokens[nxt + 1].folded == "to")
        if first < len(tokens) and not tokens[first].capitalized and tokens[first].folded.endswith(("ing", "ed")):
            return []  # "Qin was referring to …", "… was appointed in …": what the name did, not what it is
    else:
        return []
    last = _run_to_break(gaps, first, len(tokens))
    through = _list_through(tokens, gaps, first, last, lists)
    if through is not None:
        last = _run_to_break(gaps, through, len(tokens))
    return [Candidate(first, last, "title")] if first <= last < len(tokens) else []


def _list_through(tokens: list[Token], gaps: list[str], first: int, last: int, lists: list[Candidate]) -> int | None:
    """The end of a list that a phrase broken off at a comma runs into ("the cities of Hong Kong, Macau, …
    and Zhaoqing"): one starting inside the phrase, whose next item is short and ends at another comma
    (not a clause: "of Customs, promised easier and faster immigration and clearance to …, funds")."""
    if last + 1 >= len(tokens) or "," not in gaps[last]:
        return None
    item_end = _run_to_break(gaps, last + 1, len(tokens))
    if item_end - last > 4 or item_end >= len(gaps) or "," not in gaps[item_end]:
        return None
    return max((c.last for c in lists if first <= c.first <= last < c.last), default=None)


def _run_to_break(gaps: list[str], first: int, n_tokens: int) -> int:
    """The last token of the phrase from ``first`` up to a break, at most ``MAX_TITLE_TOKENS`` long."""
    last = first
    while last + 1 < n_tokens and last - first < MAX_TITLE_TOKENS - 1 and not _breaks(gaps, last):
        last += 1
    return last


def _phrases(q: Question, tokens: list[Token], gaps: list[str]) -> list[Candidate]:
    """Runs of words that are not the question's, between punctuation, edges trimmed of stopwords."""
    asked = set(q.terms)
    out, i = [], 0
    while i < len(tokens):
        if tokens[i].stem in asked:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and not _breaks(gaps, j) and tokens[j + 1].stem not in asked:
            j += 1
        first, last = i, j
        while first <= last and tokens[first].folded in STOPWORDS:
            first += 1
        while last >= first and tokens[last].folded in STOPWORDS:
            last -= 1
        if first <= last and last - first < MAX_SPAN_TOKENS:
            out.append(Candidate(first, last, "phrase"))
        i = j + 1
    return out


# ---------------------------------------------------------------------------------- scoring


def span_score(q: Question, tokens: list[Token], c: Candidate) -> float:
    """fit(type) × closeness to the question's words × novelty, in [0, 1]; 0 discards the span."""
    fit = FIT[q.kind].get(c.kind, 0.0)
    span = tokens[c.first : c.last + 1]
    if q.head and any(t.stem == q.head for t in span) and c.kind in ("name", "list", "phrase", "measure"):
        fit = max(fit, 0.95)
    if q.kind is Kind.COUNT and c.kind == "measure" and q.head and span[-1].stem != q.head:
        fit *= 0.6
    if q.kind is Kind.COUNT and c.kind == "number" and q.head:
        following = {t.stem for t in tokens[c.last + 1 : c.last + 5]}
        fit *= 1.0 if q.head in following else 0.8
    if q.kind is Kind.QUANTITY and c.kind == "measure" and span[-1].stem not in UNITS:
        fit *= 0.7
    if fit <= 0:
        return 0.0
    content = [t for t in span if t.folded not in STOPWORDS]
    if not content:
        return 0.0
    asked = set(q.terms)
    novel = sum(1 for t in content if t.stem not in asked or t.stem == q.head) / len(content)
    if novel == 0 or all(t.stem in asked for t in content):
        return 0.0
    names_head = q.head is not None and span[-1].stem == q.head
    # a span that names the asked thing in full stands where the question's words do
    holds_target = bool(q.target) and set(q.target) <= {t.stem for t in span}
    near = 1.0 if names_head or holds_target else proximity(tokens, c, asked)
    return fit * (0.45 + 0.55 * near) * novel**0.5 * length_prior(len(span), c.kind)


def proximity(tokens: list[Token], c: Candidate, asked: set[str]) -> float:
    """1 next to a question word, falling with the distance in words; 0.2 if none is in the sentence."""
    positions = [i for i, t in enumerate(tokens) if t.stem in asked and not c.first <= i <= c.last]
    if not positions:
        return 0.2
    distance = min(c.first - p if p < c.first else p - c.last for p in positions)
    return 1.0 / (1.0 + max(distance - 1, 0) / 4.0)


def length_prior(n_tokens: int, kind: str) -> float:
    """Short answers are the norm; titles and lists may run longer."""
    soft = 16 if kind in ("title", "list") else 12 if kind == "reason" else 6
    return 1.0 if n_tokens <= soft else soft / n_tokens
