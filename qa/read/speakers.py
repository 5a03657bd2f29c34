"""Who says what: the speaker of a quotation, also when the sentence names them only as "he" or "she".

News text quotes people and then goes on with "“…,” he said", or with a whole paragraph of quotation
and no attribution at all. "Who said the plan was to take the Hetao zone to a new level?" is answered
by the sentence that names the speaker ("…, Mayor Qin Weizhong said at a press conference"), not by
the quotation itself. ``speaker`` finds that name: in the sentence ("Qin Weizhong says", "said Hung",
"Professor Lau Siu-kai, a consultant at …, said"), or in one of the few sentences before it when the
sentence has a pronoun or no attribution. "He" and "she" are followed back; "they" only to two people
joined by "and" that the sentence just before opens with ("Qin and Sun Yuning, deputy director of …,
promised …"), since it may stand for any plural before it; otherwise a sentence that "they said" only
rules out its own words as the speaker. Reported speech (no quotation marks) is followed only when the
sentence opens or ends with the saying ("He also said the new branch could facilitate …", "…, they
said."): elsewhere the person it reports may be what is asked.

The same reading tells a question's aside from whose words a sentence really gives (``said_by_another``):
"According to Hung, how many projects will Shenzhen launch?" is not answered by "…, Mayor Qin Weizhong said".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from qa.index.chunk import split_sentences
from qa.read.names import names_in
from qa.read.posts import held_posts, post_subject
from qa.read.premise import antonym_said, deed_denied, deed_said, negation_unsaid, opposite_unsaid
from qa.read.question import POST_STEMS, Kind, Question, Wants, without_aside
from qa.records import Sentence, Span
from qa.text import ATTRIBUTING as SAYS
from qa.text import STOPWORDS, fold, stem, terms

_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"
# "Qin Weizhong says", "Hung, also former …, said": a name right before the verb, or at the sentence's start
_NAME_SAYS = re.compile(rf"(?P<name>{_NAME})\s+(?:also\s+)?{SAYS}\b")
_SAYS_NAME = re.compile(rf"\b{SAYS}\s+(?P<name>{_NAME})")
_SUBJECT_SAYS = re.compile(rf"^[^,“”\"‘]*?(?P<name>{_NAME}),[^“”\"]*?,\s+(?:also\s+)?{SAYS}\b")
# "Speaking to the Post, Chinese Big Data Society executive chairman Witman Hung Wai-man hailed …"
_SPEAKING = re.compile(
    rf"^\W*Speaking\s+(?:to|with|at|on)\b[^,]*,\s+(?:[^,]*?\b[a-z][\w'’-]*\s+)?(?P<name>{_NAME})\s+(?:[a-z]+ed|{SAYS})\b"
)
_PRONOUN_SAYS = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+)?{SAYS}\b|\b{SAYS}\s+(?:he|she)\b")
# "He also said the Hong Kong Science Park’s new branch could facilitate …": reported speech whose subject is
# the speaker, named before (not "He states that Chinese writers described …" for "Who described …?": only a
# sentence that opens with the saying)
_REPORTS = re.compile(
    rf"^\W*(?:He|She)\s+(?:also\s+|later\s+|then\s+)?{SAYS}\b|,\s+(?:he|she|they)\s+(?:also\s+)?{SAYS}\W*$"
)
# "Qin and Sun Yuning, deputy director of …, promised …": a sentence that opens (after "On Tuesday,") with two
# people joined by "and", whom a "they said" just after may stand for
_PAIR_OPENS = re.compile(rf"^(?:[^,“”\"]{{0,40}},\s+)?(?P<name>{_NAME}\s+and\s+{_NAME})\b")
_THEY_SAY = re.compile(rf"\b[Tt]hey\s+(?:also\s+)?(?:{SAYS}|say)\b")
_QUOTATION = re.compile(r"^\W*[“\"‘]")
_QUOTES = re.compile(r"[“”\"]|(?<!\w)‘|’(?!\w)")  # quotation marks (not the apostrophe of "Kong’s")
_ENDS_SENTENCE = re.compile(r"[.!?…][”’\"')\]]*\s*$")
REACH = 3  # sentences looked back for the speaker of an unattributed quotation
# "“We aim to establish …", "“We do not see it as …": what a quotation's speaker says they do
_FIRST_PERSON = re.compile(
    r"[“\"‘]\s*(?:We|I)\s+(?:(?:do|did|will|would|also|must|can|could|shall|should|have|had)(?:\s+not)?\s+|don’t\s+|"
    r"don't\s+)?(?P<verb>[a-z]+)"
)


def speaks_for(q: Question, sentence: Sentence) -> bool:
    """Whether ``q`` asks for whoever says ``sentence``: "Who said …?", or a "who" question whose verb the
    quotation says in the first person ("Who aims to establish key laboratory clusters?" of "“We aim to
    establish key laboratory clusters …,” he said": the speaker, or those they speak for)."""
    if Wants.SPEAKER in q.wants:
        return True
    if q.kind is not Kind.PERSON:
        return False
    return any(stem(m.group("verb")) in q.terms for m in _FIRST_PERSON.finditer(sentence.text))


def named_speaker(text: str) -> tuple[int, int] | None:
    """Offsets in ``text`` of the name it says is speaking, or None."""
    for pattern in (_SPEAKING, _SUBJECT_SAYS, _SAYS_NAME, _NAME_SAYS):
        for m in pattern.finditer(text):
            start, end = _trim(text, *m.span("name"))
            if start < end:
                return start, end
    return None


def unnamed_speaker(text: str) -> bool:
    """A sentence that quotes someone named only as "he" or "she", or a quotation with no attribution."""
    pronoun = _PRONOUN_SAYS.search(text) or _THEY_SAY.search(text)
    return bool(pronoun) or (bool(_QUOTATION.match(text)) and not _attributed(text))


def speaker(sentence: Sentence, before: Callable[[Sentence], Sentence | None]) -> tuple[int, int] | None:
    """Document offsets of the name of whoever says ``sentence``, a direct quotation: named in it, or, when
    it has a pronoun or no attribution, in one of the ``REACH`` sentences before it (``before`` gives the
    sentence before one). Reported speech counts only when the sentence opens with "He/She (also) said" or
    ends with ", he/she/they said"; otherwise None ("He also states that Chinese writers described …"),
    where the question may ask for someone reported inside."""
    if not _QUOTES.search(sentence.text) and not _REPORTS.search(sentence.text):
        return None
    if not unnamed_speaker(sentence.text):
        found = named_speaker(sentence.text)
        return (sentence.start + found[0], sentence.start + found[1]) if found else None
    if _THEY_SAY.search(sentence.text):
        return _pair_before(sentence, before)  # "they" stands for a pair just named, or is not followed
    current, looked = sentence, 0
    while looked < REACH:
        previous = before(current)
        if previous is None:
            return None
        current = previous
        if not _ENDS_SENTENCE.search(previous.text):
            continue  # a headline or a link to another story between paragraphs ("… will be reality by 2035")
        looked += 1
        found = named_speaker(previous.text)
        if found and not _PRONOUN_SAYS.search(previous.text[: found[0]]):
            return previous.start + found[0], previous.start + found[1]
        if not unnamed_speaker(previous.text):
            return None  # a sentence between that quotes nobody: the pronoun may stand for anyone
    return None


def _pair_before(sentence: Sentence, before: Callable[[Sentence], Sentence | None]) -> tuple[int, int] | None:
    """The two people the sentence just before opens with ("Qin and Sun Yuning"), for "… , they said";
    None when it opens otherwise: "they" may stand for any plural before it."""
    previous = before(sentence)
    pair = _PAIR_OPENS.match(previous.text) if previous is not None else None
    if previous is None or pair is None:
        return None
    return previous.start + pair.start("name"), previous.start + pair.end("name")


def may_say(quoted: Sentence, who: tuple[int, int] | None, start: int, end: int, raw: str) -> bool:
    """Whether the span at document ``[start, end)`` can answer "Who said …?" of the ``quoted`` sentence,
    whose speaker is ``who`` (``speaker``): that person; or, when the quotation names its speaker only
    as "he" or "they" or not at all and that could not be followed back, anything but the sentence
    itself (what is said is no speaker: "the development of the Hetao cooperation zone" of "“We aim to
    take the development of the Hetao cooperation zone to a new level,” he said", when "he" is not known)."""
    if who is not None:  # that person, and none of the quotation's words ("development,” said Hung")
        return same_person(raw[start:end], raw[who[0] : who[1]]) and not _QUOTES.search(raw[start:end])
    if not _QUOTES.search(quoted.text):
        return True  # reported speech: its speaker may be the answer, or someone it reports
    inside = quoted.start <= start and end <= quoted.end
    return not (inside and unnamed_speaker(quoted.text))


def quote_denies(q: Question, quoted: Sentence) -> bool:
    """Whether the quotation a speaker question asks about says otherwise than the question of what is said, so
    that its speaker is no answer: "Who described the zone as strategically unimportant?" is not Professor Lau,
    whose quotation gives it "particular strategic importance". The answer's own sentence names the speaker and
    is checked as any answer's is; this reads the quotation for what the question says of its words: a denial, a
    deed denied or said, an undone word and an antonym (``qa.read.premise``). Its names, numbers and times may
    stand in the sentence that names the speaker instead, and are not read here."""
    text = quoted.text
    return (
        negation_unsaid(q, text)
        or deed_denied(q, text)
        or deed_said(q, text)
        or opposite_unsaid(q, text)
        or antonym_said(q, text)
    )


def said_by_another(q: Question, text: str, start: int, end: int) -> bool:
    """The span at ``text[start:end]`` stands in a sentence that the text gives to someone else than the person
    whose words the question asks about: "According to Hung, how many projects will Shenzhen launch?" is not
    answered by "40" of "… 40 other projects …, Mayor Qin Weizhong said", nor "In Qin's view, who is waging a
    technological war …?" by a quotation of Professor Lau's, nor by a sentence that credits someone else in an
    aside of its own ("According to Forbes, …", "…, according to Michelin."). Nor by the text's own words,
    which name nobody as saying them, when the question's person has words of their own elsewhere in it and is
    not named in the sentence or the ``REACH`` sentences before ("Per Professor Lau, what kind of centres did
    five universities set up?" of the reporter's "Five Hong Kong universities have already set up 10 innovation
    centres"). A sentence that names the question's person, or whose speaker is not known (a "he" that cannot
    be followed back), may answer; so may the text's words when the person says nothing anywhere in it (a
    source the question cites: "According to IGN, …", "According to the census, …")."""
    if not q.said_by or Wants.SPEAKER in q.wants:
        return False
    sentences, starts = _sentences(text)
    at = bisect_right(starts, start) - 1
    if at < 0 or not start < end <= sentences[at].end:
        return False
    asked = set(q.said_by)
    if set(terms(sentences[at].text)) & asked:
        return False
    said_by, speaking = _speakers(text)
    who = said_by[at]
    if who is not None:
        return not set(terms(text[who[0] : who[1]])) & asked
    if not _narrated(sentences[at].text) or not asked & speaking:
        return False
    return not any(set(terms(s.text)) & asked for s in sentences[max(0, at - REACH) : at])


# what a post as the subject does when the question asks what it says: "did the Guangzhou mayor say"
_SAYING = frozenset({"say", "said", "think", "believe", "claim"})


def _names_of_whose_post(words: str, text: str) -> set[str]:
    """The terms of a place or body before a post ("guangzhou" of "the Guangzhou mayor", "custom" of "the customs
    director", the document naming "… of Customs"), not its modifiers ("former" of "the former liaison officer")."""
    named = set()
    for word in re.findall(r"[\w'’-]+", words):
        if word[:1].isupper() or re.search(rf"\b{re.escape(word[:1].upper() + word[1:])}\b", text):
            named.update(terms(word))
    return named - POST_STEMS


def said_by_another_holder(q: Question, text: str, start: int, end: int) -> bool:
    """For a question that asks what a post of a named place or body says ("What did the Guangzhou mayor say
    authorities would launch?", "What does the Macau leader say will be reality by 2035?"), a span whose sentence
    does not name that place, said by someone the document gives posts that are not the asked one of that place:
    "40 other projects" of "…, Mayor Qin Weizhong said" (Shenzhen's mayor), "cross-border tech hub" of "Hong Kong
    leader John Lee says …". ``said_by_another`` takes a sentence that shares a word of the aside ("leader") as the
    person's own; this one reads the question as asked, whether or not its aside was read as one (only when what is
    asked opens the clause said: "Who does Lau say is …?")."""
    m = post_subject(q.text)
    if m is None or (m.group("next") or "").casefold() not in _SAYING:
        return False
    named = _names_of_whose_post(m.group("words"), text)
    sentences, starts = _sentences(text)
    at = bisect_right(starts, start) - 1
    if not named or at < 0 or not start < end <= sentences[at].end or set(terms(sentences[at].text)) & named:
        return False
    who = _speakers(text)[0][at]
    if who is None:
        return False
    name = text[who[0] : who[1]]  # "Mayor Qin Weizhong": the posts are the name's ("Qin Weizhong")
    held = [post for found in names_in(text, *who) for post in held_posts(text, found)]
    asked = stem(fold(m.group("post")))
    if named & set(terms(name)) or any(
        asked in {stem(fold(w)) for w in post.split()} and named & set(terms(of)) for post, of in held
    ):
        return False
    return bool(held)


def _narrated(text: str) -> bool:
    """A sentence in the text's own words: no quotation, no "he said", no one named as saying it."""
    return not (_QUOTES.search(text) or _REPORTS.search(text) or unnamed_speaker(text) or named_speaker(text))


@lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[tuple[Sentence, ...], list[int]]:
    """The sentences of a whole text, line by line, and where each starts (read once per text)."""
    found = [
        Sentence("", span.start, span.end, text[span.start : span.end])
        for line in re.finditer(r"[^\n]*\S[^\n]*", text)
        for span in split_sentences(text, Span(line.start(), line.end()))
    ]
    return tuple(found), [s.start for s in found]


# Words of one's own besides saying: "Xi emphasised the construction of …", "Xi Jinping called for jointly building …"
_SPEECH_ACT = re.compile(
    rf"(?P<name>{_NAME})\s+(?:also\s+|first\s+|later\s+)?(?:emphasi[sz]ed|stressed|called\s+for|hailed|promised"
    r"|pledged|vowed|urged|announced|proposed|claimed|believed|praised|critici[sz]ed|suggested|predicted|described"
    r"|expressed|declared)\b"
)


@lru_cache(maxsize=8)
def _speakers(text: str) -> tuple[tuple[tuple[int, int] | None, ...], frozenset[str]]:
    """Who says each sentence of a whole text (whom its own aside credits, ``speaker``, or the name of reported
    speech: "… 40 other projects …, Mayor Qin Weizhong said"), and the terms of everyone it gives words of their
    own to, said or otherwise voiced ("Xi emphasised …", "Qin and Sun Yuning … promised …"; read once per text)."""
    sentences, _ = _sentences(text)
    row = {s.start: i for i, s in enumerate(sentences)}
    said_by: list[tuple[int, int] | None] = []
    for sentence in sentences:
        who = _credited(sentence) or speaker(
            sentence, lambda s: sentences[row[s.start] - 1] if row[s.start] > 0 else None
        )
        if who is None and not _QUOTES.search(sentence.text):
            found = named_speaker(sentence.text)
            who = (sentence.start + found[0], sentence.start + found[1]) if found else None
        said_by.append(who)
    named = [who for who in said_by if who is not None]
    named += [_trim(text, *m.span("name")) for m in _SPEECH_ACT.finditer(text)]
    return tuple(said_by), frozenset(t for start, end in named for t in terms(text[start:end]))


def _credited(sentence: Sentence) -> tuple[int, int] | None:
    """Document offsets of whose words a sentence says it gives in an aside of its own, as a question may ("In
    Michelin's view, the city has …", "…, according to the Office for National Statistics.")."""
    _, who = without_aside(sentence.text.rstrip().rstrip(".!"))
    at = sentence.text.find(who) if terms(who) else -1  # "According to him, …" names no one to tell apart
    return (sentence.start + at, sentence.start + at + len(who)) if at >= 0 else None


def same_person(name: str, other: str) -> bool:
    """Two mentions share a word of a name ("Qin Weizhong" and "Shenzhen Mayor Qin Weizhong")."""
    words = {fold(w) for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper()}
    return bool(words & {fold(w) for w in re.findall(r"[\w'’-]+", other) if w[:1].isupper()})


def _attributed(text: str) -> bool:
    return bool(_PRONOUN_SAYS.search(text) or named_speaker(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading words that are no name ("The", "But", "Speaking")."""
    words = list(re.finditer(r"[\w'’-]+", text[start:end]))
    keep = [w for w in words if fold(w.group()) not in STOPWORDS]
    if not keep:
        return start, start
    return start + keep[0].start(), start + words[-1].end()
