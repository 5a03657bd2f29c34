"""Spans with the right shape: whole names and numbers, one clause, the type the question asks for.

``shape_span`` takes a span that a reader proposed inside a text and returns the span to answer with
(offsets into the same text), or None when it cannot answer this question at all:

- an answer never crosses a line break (it would join two paragraphs or blocks);
- punctuation at the edges is dropped;
- a number cut at a thousands separator is made whole ("1,2|00" → "1,200"), and a name is made
  whole when the question's head noun follows it ("Which river …?": "Shenzhen" → "Shenzhen River")
  or, for "who" questions, when the person's name runs on ("Qin" → "Qin Weizhong");
- a "how many" answer must hold a number, and is cut to that number and its head noun; a hyphenated
  measure is cut to its number ("ten-day" for "How many days …?");
- a "who/what is NAME" answer must describe (hold a lowercase content word or a title), not repeat a name;
- a span that runs into the next clause, or past a comma into "with", "including", "such as" or "as well
  as", is cut there (except for lists and descriptions),
  and an answer that wants a number, date, name or place keeps only the first of coordinated phrases
  ("87 hectares (214 acres), and the Shenzhen one occupying 302 hectares" → "87 hectares (214 acres)");
- a bracket or quotation mark opened in an answer is closed in it;
- a span that opens with a name ends with it before "of" and lowercase words ("Harlem Renaissance| of literary
  and cultural life") or, a kind asked, before "to" and a verb; a number or measure ends before a participle's
  clause ("874.3 square miles (2,264 km2)|, making Jacksonville …");
- of names joined by "and", the one the asked post is said of is kept ("Qin and Sun Yuning, deputy
  director of …" → "Sun Yuning");
- within a longer span, the name of the kind of body or place asked for is kept ("principal liaison
  officer for Hong Kong at the Shenzhen Qianhai Authority" → "Shenzhen Qianhai Authority" for "Which
  authority …?");
- a span never opens with the end of a name cut off on its left, then a comma ("Customs, promised …");
- a "why" answer that opens by restating the question starts at the cause or purpose after it ("for
  research purposes" of "to visit overseas websites for research purposes");
- within a longer span, the agent of "Who VERBed X?" is kept ("a number of ministries" of "… a press
  conference held in Beijing by a number of ministries" for "Who held the press conference?");
- a span that starts in a sentence's opening phrase ends with it ("the Post" of "Speaking to the Post, Chinese
  Big Data Society executive chairman …").

``misfits`` rejects a span that cannot answer whatever its score: the holder of the asked post somewhere
else ("Shenzhen Mayor Qin Weizhong" for "Who is the mayor of Hong Kong?", also where the span's own
mention, "Mayor Qin Weizhong said", names no place but another mention in the document does), the
holder of a lesser or former post ("Sun Yuning, deputy director of the General Administration of Customs"
for "Who heads the General Administration of Customs?"), no sum of
money for "How much does … cost?" (a magnitude that counts the noun after it, "56.4 million visitors", is
none), a sum of money for "How much water …?", a sentence that compares nothing for "How much bigger …?", a number said
of another thing than the asked one in a sentence that measures both ("87 hectares" of "…, with the Hong
Kong side spread across 87 hectares, and the Shenzhen one occupying 302 hectares" for "How big is the
Shenzhen side?"), anything but a name when a full name is asked for, the short form itself when what it
stands for is asked ("Brics association" for "What does Brics stand for?"), another kind of body or place
than the asked one ("Brics association" for "Which company …?", the kind in the plural, "Hong Kong
universities", for "Which university …?"; no name at all for "… on what island?"), the post of the very
person a "who" question names ("executive chairman" of "executive chairman Witman Hung" for "Who did Witman
Hung speak to?"), a day, month or year alone for "who" or "where", a number alone for "why", another than the agent
the sentence names for "Who VERBed X?" ("… held in Beijing by a number of ministries"), the rest of the
asked thing's own name for a description ("zone" of "the Hetao zone" for "What is Hetao?"). Both readers apply
it to the whole document, so that every mention of a name is seen, not only the window's. Its checks are named, in
the order they run, in ``MISFIT_CHECKS``; those of posts and their holders live in ``qa.read.posts``, and the names
and sentences that every check reads are found by ``qa.read.names``.

Completions, applied by the learned reader after scoring the shaped span so that the score the model gave
stands for the completed one: ``whole_range`` ("1505–|1521|" → "1505–1521"), ``with_currency`` ("$500
million"), ``before_asked_name`` ("executive chairman" of "executive chairman Witman Hung …" for "What
position does Witman Hung hold?"), ``full_name`` ("Wai-man" → "Witman Hung Wai-man" when the full name
is asked for), ``whole_list`` ("regulation and immigration" → "laws, regulation and immigration") and
``item_asked`` ("Brazil, Russia, India, China and South Africa" → "South Africa" for "Which Brics country is in
Africa?").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from qa.read.credits import in_caption, names_no_photographer
from qa.read.names import (
    ANY_BODY,
    BODY_HEADS,
    EDGE,
    NAME_JUST_AFTER,
    NAME_RUN,
    NAME_WORD,
    name_begins,
    name_run_end,
    names_any,
    names_in,
    names_people,
    sentence_around,
    sentence_before,
    sentence_bounds,
    sentence_start,
    strip_edges,
    whole_name,
)
from qa.read.posts import (
    a_person,
    asked_holder_again,
    before_asked_post,
    body_for_post,
    chair_unsaid,
    greater_post,
    holder_for_founder,
    holder_of_asked_post,
    holds_another_post,
    holds_post,
    holds_the_owning_post,
    lesser_post,
    not_the_post_holder,
    owner_before_post,
    owner_of_post_elsewhere,
    place_of_post,
    post_elsewhere,
    post_holder_for_owner,
    post_of_body_unsaid,
    post_unsaid,
    subject_holder_unsaid,
    title_of_the_next_name,
)
from qa.read.premise import subject_asked, unshared
from qa.read.question import (
    COMPARATIVES,
    CURRENCY,
    HONORIFICS,
    MAGNITUDES,
    MONEY,
    NAME_ASKED,
    OWNER_ASKED,
    PERSON_NOUNS,
    POST_STEMS,
    ROLE_NOUNS,
    TIME_NOUNS,
    TITLES,
    Kind,
    Question,
    Wants,
    described_kind,
    things_of_a_kind,
)
from qa.read.speakers import said_by_another, said_by_another_holder
from qa.read.units import (
    asked_unit,
    is_unit,
    measure_of,
    measures_said,
    other_dimension,
    quantities,
    unconverted,
    unit_at,
)
from qa.text import (
    ATTRIBUTING,
    MONTHS,
    NUMBER_WORDS,
    NUMERAL,
    POSSESSIVE_END,
    STOPWORDS,
    WEEKDAYS,
    ends_as_a_sentence,
    fold,
    stem,
    terms,
    verb_base,
    words,
)

_WORD = re.compile(r"[\w'’.-]*\w|[^\w\s]")
# Where a span runs on past its answer: a new clause, or a modifier or examples tacked on after a comma
# ("Hong Kong, with over 50", "the Five Families, as well as in gangs, including …"), or "and then" and a verb
# ("the fifth Dalai Lama| and then did the same for …"; not "coal and steel, and then atomic energy").
_CLAUSE = re.compile(
    r";|\s[—–]\s|\sbecause\b|,\s+(?:which|who|whom|whose|where|while|whereas|although|but|because"
    r"|with|including|such\s+as|as\s+well\s+as)\b"
    r"|,?\s+and\s+then\s+(?:did|does|do|was|were|is|are|had|has|went|became|[a-z]+ed)\b"
)
# a participle's clause after a comma: ", making Jacksonville the largest city" (for a number or measure only: a list
# of things may hold such words, "cooking, drying and pasteurization")
_PARTICIPLE = re.compile(r",\s+[a-z]{2,}ing\b")
_AND = re.compile(r",?\s+and\s+(?:the|a|an|its|their|his|her)\b|,\s+(?:the|a|an)\s")
_SHORT = (Kind.COUNT, Kind.QUANTITY, Kind.TIME, Kind.PERSON, Kind.PLACE)
_RANGE_START = re.compile(r"(?<![\w.,])" + NUMERAL + r"\s?[–-]\s?$")  # "1505–" just before a number
_RANGE_END = re.compile(r"\s?[–-]\s?" + NUMERAL + r"(?!\w)")  # "–74" just after one
_NUMBER = rf"(?:{NUMERAL}|" + "|".join(sorted(NUMBER_WORDS)) + ")"  # a numeral or a number word
_HYPHENATED = re.compile(rf"({_NUMBER})-([A-Za-z]+)", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]* $")  # a capitalised word and one space, just before
# A year that words other than an era follow: none of the training pool's 307 gold answers to "what year" is so
_YEAR_THEN_WORDS = re.compile(r"(\d{3,4})\s+(?!(?:BC|AD|BCE|CE|B\.C\.|A\.D\.)(?!\w))\S")
_ONE_YEAR = re.compile(r"\b(?:what|which)\s+year\b|\byear\s+did\b", re.IGNORECASE)


def has_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) or any(fold(w) in NUMBER_WORDS for w in re.findall(r"[A-Za-z]+", text))


def describes(text: str) -> bool:
    """Holds a lowercase content word or a title: a description ("No 2 official", "Shenzhen Mayor"), not only
    a name ("Kwok-ki")."""
    return any(
        (w[:1].islower() and fold(w) not in STOPWORDS) or fold(w) in TITLES for w in re.findall(r"[\w'’-]+", text)
    )


def restates(q: Question, span: str) -> bool:
    """A span made only of the question's words, or naming the very thing a "who/what is" asks about (but
    not its name in full, which says what it is). One of the choices a question offers is its answer ("Which film
    grossed more, Skyfall or Spectre?" "Skyfall")."""
    found = set(terms(span))
    if (q.choices and _one_choice(q, found)) or _name_of_asked_kind(q, span):
        return False
    return found <= set(q.terms) or (bool(q.target) and set(q.target) <= found and not names_in_full(q, span))


def _name_of_asked_kind(q: Question, span: str) -> bool:
    """A name of the kind the question asks for, made of its words: "Shenzhen River" for "Which river runs
    between Hong Kong and Shenzhen?", "Jersey City" for "In what New Jersey city …?". Capitalised words (and
    "of", "the", "and"), the last one the asked noun, and at least one before it; not a name the question says
    itself (written so, or by its initials). (In the training pool two gold answers that restate their question's
    words are such names, and none of the plausible answers.)"""
    found = terms(span)
    if not q.head or len(found) < 2 or found[-1] != q.head:
        return False
    said = [w for w in re.findall(r"[\w'’-]+", span) if fold(w) not in ("of", "the", "and")]
    if not all(w[:1].isupper() for w in said):
        return False
    # not a name the question itself says, as written or by its initials ("Along with the New York Jets, what NFL
    # team …?" is not "the New York Jets", "… what NHL franchise …?" not "the National Hockey League")
    initials = "".join(w[0] for w in said)
    return " ".join(said) not in " ".join(re.findall(r"[\w'’-]+", q.core)) and not re.search(
        rf"\b{re.escape(initials)}\b", q.core
    )


def names_the_asked_thing(q: Question, span: str) -> bool:
    """A span that names a thing the question names by "the NAME KIND": it opens with a word of the name, holds
    all of them and ends in the kind ("Hetao cooperation zone" for "What does the Hetao zone already have?"; not
    "a pivotal event in the Arab Muslim world", which only ends in it). The question is about that thing, so it
    is no answer, unless the question asks for a name or what the thing is, or offers it as a choice ("Which is
    bigger, the Hong Kong side or the Shenzhen side?"). No gold answer of the training pool is such a span
    (``eval/scripts/gold_answer_checks.py``)."""
    if q.kind is Kind.DESCRIBE or Wants.FULL_NAME in q.wants or q.choices or NAME_ASKED.search(q.core):
        return False
    found = terms(span)
    return bool(found) and any(
        found[-1] == thing[-1] and found[0] in thing[:-1] and set(thing[:-1]) <= set(found)
        for thing in things_of_a_kind(q.core)
    )


def says_what_it_is(q: Question, span: str) -> bool:
    """What a "who/what is" may be answered with: a description, or the thing's name in full."""
    return describes(span) or names_in_full(q, span)


def names_in_full(q: Question, span: str) -> bool:
    """The thing a "what is" asks about, named in full: "Hetao Shenzhen-Hong Kong Science and Technology
    Innovation Cooperation Zone" for "What is the Hetao zone?". A name that holds every word of the asked
    one, ends in the same word (the same kind of thing, not "Hong Kong Science Park" for "What is Hong
    Kong?") and adds at least two words of its own (not "Eric Chan Kwok-ki", nor "Who is …?": a person's
    longer name does not say who they are)."""
    if q.kind is not Kind.DESCRIBE or not q.target or _WHO.match(q.core) or not is_name(span):
        return False
    found = terms(span)
    return set(q.target) <= set(found) and found[-1] == q.target[-1] and len(set(found) - set(q.terms)) >= 2


# a conjunction a span may open with, from the item before it ("Qin |and Sun Yuning")
_OPENING_JOINT = re.compile(r"(?:and|or|but|nor)\s+(?=\S)")


def shape_span(q: Question, text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = strip_edges(text, start, end)
    if start >= end or "\n" in text[start:end]:
        return None
    joint = _OPENING_JOINT.match(text, start, end)
    start = joint.end() if joint else start  # "and Sun Yuning": what a span opens with joins it to what stands before
    start = past_cut_name(text, start, end)
    start, end = _whole_number(text, start, end)
    start, end = asked_kind_name(q, text, *_whole_name(q, text, start, end))
    start, end = name_in_apposition(q, text, start, end)
    start = body_name_start(text, start, end)
    start = past_date_lead(q, text, start, end)
    start = year_of_event(q, text, start, end)
    end = before_asked_post(q, text, start, end)
    start = holder_of_asked_post(q, text, start, end)
    end = owner_before_post(q, text, start, end)
    start, end = asked_agent(q, text, start, end)
    start = past_restated_reason(q, text, start, end)
    start = past_the_asked_deed(q, text, start, end)
    start, end = trimmed(q, text, start, end)
    if q.short_form:
        start = long_form_start(q.short_form, text, start, end)
    if q.kind is Kind.DESCRIBE and not says_what_it_is(q, text[start:end]):
        return None  # "Who is Eric Chan?" wants a description, not (a piece of) a name
    if _ONE_YEAR.search(q.core):
        year = _YEAR_THEN_WORDS.match(text, start, end)
        end = year.end(1) if year else end  # "In what year …?" of "2007 as the program was believed …" → "2007"
    if q.kind is Kind.COUNT:
        counted = _count(q, text, start, end)
        if counted is None:
            return None
        start, end = counted
    end = before_place_topic(q, text, start, end)
    start = division_in_chain(q, text, start, end)
    end = before_time_modifier(q, text, start, end)
    end = before_restated_predicate(q, text, start, end)
    end = before_an_aside(q, text, start, end)
    end = end_of_name(q, text, start, end)
    end = before_saying_verb(text, start, end)
    end = before_list_after_kind(q, text, start, end)
    if Wants.MONEY in q.wants:
        start = sum_after_clause(text, start, end)
    if q.kind in (Kind.COUNT, Kind.QUANTITY):
        start, end = _number_of_adjective(q, text, start, end)
        led = _PREPOSITION_LED.match(text, start, end)
        start = led.end() if led else start  # "across 87 hectares" → "87 hectares"
        start = past_verb_before_number(text, start, end)
        clause = _PARTICIPLE.search(text, start, end)  # "874.3 square miles (2,264 km2)|, making Jacksonville …"
        end = clause.start() if clause is not None and clause.start() > start else end
    if q.kind not in (Kind.LIST, Kind.DESCRIBE):
        cut = _CLAUSE.search(text, start, end)
        if q.kind in _SHORT:  # a number, date, name or place: also one item of a coordination
            joined = _AND.search(text, start, end)
            if joined is not None and q.kind is Kind.PERSON and NAME_WORD.match(text, joined.end() + 1):
                joined = None  # who did it: all of "the United States and the West", names joined by "and the"
            cut = min(
                (c for c in (cut, joined) if c is not None),
                key=lambda c: c.start(),
                default=None,
            )
        if cut is not None and cut.start() > start:
            end = cut.start()
        end = min(end, opening_phrase_end(text, start, end))
    start, end = _balance(text, *strip_edges(text, start, end))
    return (start, end) if start < end else None


# a verb of saying that a span ends with, after one of its words: "Eric Chan| says" of a headline's "Eric Chan says
# financial hub will join hands with Shenzhen"
_SAYING_AT_END = re.compile(rf"(?<=\w)\s+{ATTRIBUTING}$", re.IGNORECASE)


def before_saying_verb(text: str, start: int, end: int) -> int:
    """Where a span ends that runs on into the verb that says what its subject says ("Eric Chan says" → "Eric
    Chan"): what follows the verb is said, so the verb alone ends no answer. No gold answer of the training pool
    ends in such a verb."""
    said = _SAYING_AT_END.search(text, start, end)
    return said.start() if said is not None else end


# A question that ends in a phrase of where things stand or move ("… between the two parts?"): the same phrase in
# a span restates it
_CLOSING_PHRASE = re.compile(
    r"\b(between|among|amongst|across|throughout|within)\s+(?!(?:[\w'’-]+\s+){0,2}(?:which|what|whom|whose)\b)"
    r"(?:[\w'’-]+\s+){0,2}[\w'’-]+\s*\?*\s*$",
    re.IGNORECASE,
)  # not "… between which places?", where the answer is the phrase's own noun


def before_restated_phrase(q: Question, text: str, start: int, end: int) -> int:
    """Where a span ends that runs on into the phrase the question closes with: "people, funds, vehicles,
    equipment and data| between the Shenzhen and Hong Kong parts" for "Which things should flow between the two
    parts?", "jointly building a common development zone| when attending the signing ceremony …" for "What did Xi
    call for when attending the signing ceremony?". (No gold answer of the training pool changes.)"""
    opener = _closing_opener(q)
    if opener is None:
        return end
    restated = opener.search(text, start, end)
    return restated.start() if restated is not None and restated.start() > start else end


# "Which anniversary of the Shenzhen Special Economic Zone did Xi mark?": the asked noun, and the first word of what
# the question says it is of
_NOUN_OF_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:[a-z][\w'’-]*\s+){0,2}?(?P<noun>[a-z][\w'’-]*)\s+of\s+(?:(?:the|a|an)\s+)?"
    r"(?P<of>[\w'’-]+)[^,?]*?\s+(?:did|does|do|is|was|are|were|will|would|has|have|had|can|could)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def _noun_of_asked(q: Question) -> tuple[str, str] | None:
    """The stems of the asked noun and of the first word of what it is of ("anniversary", "shenzhen"); None for a
    kind's noun ("What type of antibiotic …?" asks for the antibiotic). Once per question."""
    asked = _NOUN_OF_ASKED.search(q.core)
    if asked is None or stem(asked.group("noun").lower()) in _KIND_WORDS:
        return None
    return stem(asked.group("noun").lower()), stem(asked.group("of").lower())


def before_restated_of(q: Question, text: str, start: int, end: int) -> int:
    """Where a span ends that says of its asked noun what the question says it is of: "40th anniversary| of the
    Shenzhen Special Economic Zone’s establishment in 2020" for "Which anniversary of the Shenzhen Special
    Economic Zone did Xi mark?". Only where a word other than an article stands before the noun. (One gold answer
    of the training pool has such a span, of a kind's question: "specific types of antibiotics …", left whole.)"""
    asked = _noun_of_asked(q)
    if asked is None:
        return end
    noun, of = asked
    for found in re.finditer(r"([\w'’-]+)\s+of\s+(?:(?:the|a|an)\s+)?([\w'’-]+)", text[start:end]):
        before = text[start : start + found.start()].split()
        if (
            stem(found.group(1).lower()) == noun
            and stem(found.group(2).lower()) == of
            and any(word.lower() not in _DETERMINERS for word in before)
        ):
            return start + found.end(1)
    return end


@lru_cache(maxsize=1024)
def _closing_opener(q: Question) -> re.Pattern[str] | None:
    """The words that open the question's closing clause ("when attending") or phrase ("between"), as a pattern
    for a span; None when it closes with neither. Once per question."""
    clause = _RESTATED_CLAUSE.search(q.core)
    if clause is not None:  # "… when attending the signing ceremony?": "when attending"
        opener = re.escape(" ".join(q.core[clause.start() : clause.start(1)].split()))
    else:
        closing = _CLOSING_PHRASE.search(q.core)
        if closing is None:
            return None
        opener = closing.group(1)
    return re.compile(rf"\s{opener}\s", re.IGNORECASE)


def before_place_topic(q: Question, text: str, start: int, end: int) -> int:
    """Where a place answer that runs on into what is said of something there ends: "Beijing| on the Hetao
    zone" (of "a press conference in Beijing on the Hetao zone")."""
    topic = _PLACE_THEN_TOPIC.match(text, start, end) if q.kind is Kind.PLACE else None
    if topic is None or (topic.group("on") and not _IN_BEFORE.search(text, max(0, start - 4), start)):
        return end  # "Todt Hill on Staten Island": "on" places it further unless "in" placed it already
    return topic.start("cut")


def division_in_chain(q: Question, text: str, start: int, end: int) -> int:
    """Where a place answer starts for a borough, county, district or province, when the span names a chain of
    places from the least to the greatest: the last link, unless it ends in another division's noun ("Zuccotti Park
    in the Financial District of |Lower Manhattan", "Flushing Meadows-Corona Park, |Queens"; not "New York City" of
    "Brooklyn, New York City"), nor when a link before names the asked division ("the Eastern District of New
    York"). Cities are left alone ("East Rutherford, New Jersey" is one answer)."""
    if q.head not in _NESTING_DIVISIONS or q.kind not in (Kind.PLACE, Kind.ENTITY):
        return start
    last = next(reversed(list(_CHAIN_LINK.finditer(text, start, end))), None)
    if last is None or last.end() != end or not NAME_WORD.search(text, start, last.start()):
        return start
    if any(word[:1].isupper() and stem(fold(word)) == q.head for word in text[start : last.start()].split()):
        return start  # "the Eastern District of New York" names a district already
    return start if _other_division(q, last.group("place")) else last.start("place")


def before_time_modifier(q: Question, text: str, start: int, end: int) -> int:
    """Where a time answer that runs on into a modifier ends: "last week| aimed at creating …"."""
    modified = _TIME_THEN_PARTICIPLE.search(text, start, end) if q.kind is Kind.TIME else None
    return modified.end("time") if modified else end


def sum_after_clause(text: str, start: int, end: int) -> int:
    """Where an answer to a money question starts when a clause before its one sum of money runs into it:
    "about 200 feature films annually, employing 130,000 individuals, and generating |an estimated $7.1
    billion" for "How much money does the industry create every year?"."""
    sums = list(_SUM.finditer(text, start, end))
    if len(sums) != 1 or sums[0].end() != end or not _BREAK.search(text, start, sums[0].start()):
        return start
    return sums[0].start()


# A sum of money, with the words that qualify it: "an estimated $7.1 billion", "about US$5", "£2 million"
_SUM = re.compile(
    r"(?:(?:an?\s+)?(?:estimated|about|around|nearly|almost|over|more\s+than|less\s+than|some|roughly)\s+)?"
    r"(?:\b[A-Z]{1,3})?[$£€¥₹]\s?\d[\d,.]*(?:\s+(?:" + MAGNITUDES + r"))?"
)
# a comma or an "and" between clauses before it
_BREAK = re.compile(r",\s|\s+and\s")


def before_list_after_kind(q: Question, text: str, start: int, end: int) -> int:
    """Where an answer to "what kind of X" ends when X is followed by a list's next item: "direct leadership|,
    promotion, planning and coordinating role" for "… assuming what kind of leadership?" (the kind is said
    before X: "direct")."""
    asked = kind_asked(q) if q.kind is not Kind.LIST else None  # "What kinds of …?" may want them all
    if asked is None:
        return end
    kind = [stem(fold(word)) for word, _, _ in words(asked)]
    found = [(m, stem(fold(m.group()))) for m in _WORD.finditer(text, start, end)]
    for at, (match, word) in enumerate(found):
        if match.group() in ",;":
            return end  # X heads the span's first phrase, or the span is no kind of X
        if word != kind[0]:
            continue
        last = match
        for (more, more_word), want in zip(found[at + 1 :], kind[1:], strict=False):
            if more_word != want:
                break
            last = more
        return last.end() if at > 0 and _LIST_GOES_ON.match(text, last.end(), end) else end
    return end


_KIND_WORDS = {stem(word) for word in ("kind", "kinds", "type", "types", "sort", "sorts", "form", "forms")}


def the_kinds_setting(q: Question, text: str, start: int, end: int) -> bool:
    """For "what kind of X", a span that ends in another noun phrase of the question (two words or more) and adds
    nothing to the question's words but names: "Hetao cooperation zone" for "What kind of centre is already in the
    cooperation zone?" names where X is, not what kind it is. Of the training pool's 231 "what kind of" gold
    answers, none is so."""
    asked = kind_asked(q)
    if asked is None:
        return False
    kind = {stem(fold(word)) for word in asked.split()} | _KIND_WORDS
    said = [(word, stem(fold(word))) for word, _, _ in words(text[start:end]) if fold(word) not in STOPWORDS]
    plain = [stemmed for word, stemmed in said if word[:1].islower()]
    if len(plain) < 2 or not said[-1][0][:1].islower() or said[-1][1] in kind or said[-1][1] not in q.terms:
        return False
    return all(stemmed in q.terms for stemmed in plain)


def name_after_kind(q: Question, text: str, start: int, end: int) -> bool:
    """For "what kind of X", the name just after X is the X's name, and the owner just before it whose X it is,
    not its kind: "the Chinese Association of Hong Kong and Macau Studies" (or a piece of it) and "Beijing" of
    "Beijing’s semi-official think tank the Chinese Association …" for "Lau Siu-kai is a consultant at what
    kind of think tank?" (the kind is "semi-official"). No gold answer of the training pool's 231 what-kind-of
    questions stands so."""
    asked = kind_asked(q)
    if asked is None:
        return False
    phrase = list(itertools.takewhile(lambda w: len(w) == 1 or fold(w) not in STOPWORDS, asked.split()))
    if not phrase:
        return False
    noun = stem(fold(phrase[-1]))  # "tank" of "think tank?", "connector" of "connector was originally"
    lower, upper = sentence_bounds(text, start, end)
    for word in _WORD.finditer(text, lower, upper):
        if stem(fold(word.group())) != noun:
            continue
        name = _NAME_AFTER_NOUN.match(text, word.end(), upper)
        if name is not None and start < name.end() and name.start(1) < end:
            return True
    owned = _OWNS.match(text, end)  # "Beijing| ’s semi-official think tank": whose X, not what kind
    return owned is not None and noun in [stem(fold(w)) for w in text[owned.start("owned") : upper].split()[:4]]


# "what kind of X": X (up to three words), the noun the kind is asked of
_KIND_OF = re.compile(r"\b(?:what|which)\s+(?:kinds?|types?|sorts?|forms?)\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


@lru_cache(maxsize=1024)
def kind_asked(q: Question) -> str | None:
    """X of "what kind of X" as the question writes it (up to three words), or None: read once per question."""
    asked = _KIND_OF.search(q.core)
    return asked.group(1) if asked else None


# a list's next item after a comma or a semicolon
_LIST_GOES_ON = re.compile(r"\s*[,;]\s+\w")


# A place's name and what is said of something there after it: "Beijing| on the Hetao zone" ("a press conference
# in Beijing on the Hetao zone"; "on" only after "in" or "at" has placed it). Of the training pool's 512 place
# questions, no gold answer goes on so ("in" places it further: "Royal Albert Hall in London").
_PLACE_THEN_TOPIC = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*?[A-Z][\w'’-]*(?P<cut>\s+(?:(?P<on>on)|about|regarding|concerning|during|with|over)\s)"
)
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
# a link of a chain of places: ", Queens", " in Downtown Brooklyn", " of the Bronx" (a run of capitalised words)
_CHAIN_LINK = re.compile(r"(?:,\s+|\s+(?:in|of)\s+)(?:the\s+)?(?P<place>(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)")


# A time and the participle that starts a modifier after it: "last week| aimed at creating …". Of the training
# pool's time questions, no gold answer goes on so.
_TIME_THEN_PARTICIPLE = re.compile(
    r"(?P<time>\b(?:\d{3,4}s?|weeks?|months?|years?|days?|weekend|century|decade|"
    + "|".join(sorted(MONTHS | WEEKDAYS))
    + r"))\s+(?!(?:morning|evening|spring|during|following|ending|beginning|starting)\b)[a-z]+(?:ed|ing)\b",
    re.IGNORECASE,
)


# A sentence that opens with a participle or "according to" before its main clause ("Speaking to the Post,
# Chinese Big Data Society executive chairman Witman Hung …"); the comma that ends it is not a date's. The
# participle is followed by a preposition or a determiner, so that a name ("Beijing is …") opens none.
_OPENING_PHRASE = re.compile(
    r"(?:[A-Z][a-z]+ing\s+(?:to|the|a|an|on|in|at|with|from|for|of|his|her|their|its|this|that|up|out|over|after"
    r"|before|as|by|about|into|through|been)\s|According\s+to\s)[^;.]*?(?P<comma>,)\s(?!\d)"
)


def opening_phrase_end(text: str, start: int, end: int) -> int:
    """Where a span that starts in a sentence's opening phrase must end: at the comma closing the phrase, not in
    the main clause ("the Post|, Chinese Big Data Society executive chairman" for "Who did Witman Hung speak
    to?"). Of the training pool's 53 gold answers that start in such a phrase, none runs past its comma."""
    opening = _OPENING_PHRASE.match(text, sentence_start(text, start), end)
    return opening.start("comma") if opening and start < opening.start("comma") else end


def _goes_on_from_target(q: Question, text: str, start: int) -> bool:
    """The span goes on from a mention of the thing asked about, one space after it: "zone" of "the Hetao
    zone" for "What is Hetao?" is the rest of its own name, not a description. Of the training pool's 71
    "who/what is X" questions, no gold answer stands so."""
    if not q.target or not set(q.target) <= set(q.proper):
        return False  # the thing asked about is no name ("What was also donated?")
    if not text[start : start + 1].isalnum() or text[start - 1 : start] != " ":
        return False  # "construction managers (firms engaged in …)": an appositive in brackets describes
    if not text[start - 2 : start - 1].isalnum():
        return False
    return terms(text[max(0, start - 80) : start], keep_stopwords=True)[-len(q.target) :] == list(q.target)


# A preposition before a number ("spread across 87 hectares"); never one that qualifies it ("over 60",
# "about 40"): of the training pool's 843 how-many and how-much gold answers, none starts with these.
_PREPOSITION_LED = re.compile(r"(?:across|in|on|at|from|into|throughout|for|by|to|of)\s+(?=[^\s\d]*\d)", re.IGNORECASE)


def past_verb_before_number(text: str, start: int, end: int) -> int:
    """Where a count or quantity starts when the span opens with the verb of "to VERB NUMBER": "40" of "house 40"
    in "area to house 40 projects" (not "about 40" of "rose to about 40")."""
    verb = _VERB_BEFORE_NUMBER.match(text, start, end) if _TO_BEFORE.search(text, max(0, start - 4), start) else None
    return verb.end() if verb else start


# A verb between "to" and a number ("to house 40 projects"), not a word that says how near the number is ("to
# about 40")
_TO_BEFORE = re.compile(r"\bto\s+$")
_VERB_BEFORE_NUMBER = re.compile(
    r"(?!(?:about|around|over|under|some|nearly|almost|roughly|approximately|just|only|more|less|fewer|at|up|as"
    r"|between|half|a|an|the)\b)[a-z]+\s+(?=\d)"
)

_OPENS = {"(": ")", "[": "]", "{": "}", "“": "”"}


def _balance(text: str, start: int, end: int) -> tuple[int, int]:
    """A bracket or quotation mark opened inside the span is closed inside it: the closing mark right
    after the span is taken in ("87 hectares (214 acres" → "87 hectares (214 acres)"), else the span
    ends before the opening one ("87 hectares (214" → "87 hectares"). A span that starts inside one bracket and
    ends inside another ends where the first closes ("grants (|8%) and work-study (4|%)" → "8%"); one that only
    starts inside is kept ("(|Roman) Catholic, (Eastern) Orthodox Catholic, and Protestant")."""
    for opening, closing in _OPENS.items():
        depth, lowest, first_close = 0, 0, None
        for at in range(start, end):
            depth += (text[at] == opening) - (text[at] == closing)
            if depth < lowest:
                lowest, first_close = depth, at if first_close is None else first_close
        if first_close is not None and depth > lowest:
            start, end = strip_edges(text, start, first_close)
    for opening, closing in _OPENS.items():
        if text.count(opening, start, end) <= text.count(closing, start, end):
            continue
        if text[end : end + 1] == closing and text.count(opening, start, end) == text.count(closing, start, end) + 1:
            end += 1
        else:
            end = text.rindex(opening, start, end)
            start, end = strip_edges(text, start, end)
    return start, end


def _whole_number(text: str, start: int, end: int) -> tuple[int, int]:
    while end + 1 < len(text) and text[end] in ",." and text[end - 1].isdigit() and text[end + 1].isdigit():
        end += 1
        while end < len(text) and text[end].isdigit():
            end += 1
    while start > 1 and text[start - 1] in ",." and text[start].isdigit() and text[start - 2].isdigit():
        start -= 1
        while start > 0 and text[start - 1].isdigit():
            start -= 1
    return start, end


_A_NUMBER = re.compile(_NUMBER, re.IGNORECASE)
# A fraction said in words: "three out of five", "one out of every four"; a how-many question counts one side
_OUT_OF_BEFORE = re.compile(rf"(?<![\w.,]){_NUMBER}\s+out\s+of\s+(?:every\s+)?$", re.IGNORECASE)
_OUT_OF_AFTER = re.compile(rf"\s+out\s+of\s+(?:every\s+)?{_NUMBER}(?!\w)", re.IGNORECASE)


def whole_range(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """A number that is one end of a range is the whole range ("1505–|1521|" → "1505–1521", "|1973|–74"),
    unless the question asks for a single year ("In what year did he die?" of "(1617–1682)"); a number that is
    one side of a fraction in words is the whole fraction ("three out of |five|"), unless the question counts
    ("How many …?"). Applied to a shaped span, after scoring: the reader's score for one end stands for the range."""
    span = text[start:end]
    if q.kind is not Kind.COUNT and _A_NUMBER.fullmatch(span):
        before = _OUT_OF_BEFORE.search(text, max(0, start - 40), start)
        after = _OUT_OF_AFTER.match(text, end)
        if before or after:  # "three out of |five|" → "three out of five" for "What fraction …?"
            return (before.start() if before else start), (after.end() if after else end)
    if not (span[:1].isdigit() and span[-1:].isdigit()) or _ONE_YEAR.search(q.core):
        return start, end
    before = _RANGE_START.search(text, max(0, start - 40), start)  # a range's first number is short
    after = _RANGE_END.match(text, end)
    return (before.start() if before else start), (after.end() if after else end)


def _number_of_adjective(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """The number of a hyphenated measure ("a ten-day exploration" for "How many days …?", "a 28-acre
    facility" for "… in acres?"): the number itself, when the word after the hyphen is the question's
    head noun or a unit."""
    m = _HYPHENATED.fullmatch(text, start, end)
    if m and (stem(fold(m.group(2))) == q.head or is_unit(m.group(2))):
        return start, m.end(1)
    return start, end


_ITEM_WORD = re.compile(r"[a-z][a-z-]*")
_LIST_PARTS = re.compile(r",?\s+(?:and|or)\s+|,\s+")


def whole_list(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """The whole list when a span holds only its last items: "regulation and immigration" of "yawning
    differences in laws, regulation and immigration" → "laws, regulation and immigration". Only lists of
    plain lowercase words (one to three in each item, none a stopword, no longer than the span's items) that
    follow a stopword ("in"), and not for questions that want one number, date, name or place."""
    if q.kind in _SHORT:
        return start, end
    parts = _LIST_PARTS.split(text[start:end])
    if (
        len(parts) < 2
        or not all(_plain_item(part) for part in parts)
        or not re.search(r"\s(?:and|or)\s", text[start:end])
    ):
        return start, end
    longest, first = max(len(part.split()) for part in parts), start
    while True:
        before = text[max(0, first - 60) : first]
        if not re.search(r",\s+$", before):
            break
        head = before.rstrip()[:-1]
        tokens = words(head)
        item: list[tuple[str, int, int]] = []
        while tokens and len(item) <= longest and _item_word(tokens[-1][0]):
            if item and head[tokens[-1][2] : item[0][1]].strip():
                break  # punctuation parts the words: another item
            item.insert(0, tokens.pop())
        if not item or len(item) > longest or not tokens:
            break
        if _only_excluded(q, head[item[0][1] :]):
            break  # "Besides laboratory clusters, …": not grown back over what the question rules out
        parted = head[tokens[-1][2] : item[0][1]].strip()  # "," before another item
        if parted != "," and not (  # "differences in |laws, …", not "In the |lungs, …" or "In |2001, …"
            not parted and fold(tokens[-1][0]) in STOPWORDS and len(tokens) > 1 and _item_word(tokens[-2][0])
        ):
            break
        first = max(0, first - 60) + item[0][1]
    return first, end


def item_asked(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """For "Which Brics country is in Africa?" (one thing asked, not a list), of a span that lists three short names
    or more, the one item that holds a name of the question: "South Africa" of "Brazil, Russia, India, China and
    South Africa"; the span as it is when no item, or more than one, does, or when the question names an item
    itself ("… between Washington DC and what city?" of "Washington, D.C. and Boston")."""
    if q.kind not in (Kind.PLACE, Kind.ENTITY, Kind.PERSON) or q.head is None:
        return start, end
    items, at = [], start
    for joint in _CONNECTOR.finditer(text, start, end):
        items.append((at, joint.start()))
        at = joint.end()
    items.append((at, end))
    if len(items) < 3 or any(a >= b or not text[a].isupper() or len(text[a:b].split()) > 3 for a, b in items):
        return start, end  # a list of short names only
    named = [(a, b, terms(text[a:b])) for a, b in items]
    if any(said[:1] and said[0] in q.proper for _, _, said in named):
        return start, end  # "between Washington DC and what city?": the item the question names is not asked for
    asked = [(a, b) for a, b, _ in named if _holds_asked_name(q, text[a:b])]
    return asked[0] if len(asked) == 1 else (start, end)


# A list of three short names or more: "Brazil, Russia, India, China and South Africa"
_NAME_ITEM = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_NAME_LIST = re.compile(_NAME_ITEM + r"(?:(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)" + _NAME_ITEM + r"){2,}")


@lru_cache(maxsize=1024)
def _question_names(q: Question) -> tuple[frozenset[str], ...]:
    """The question's names, each a run of capitalised words after its first word, with nothing but spaces between
    them: "brics", "african"; "harrogate", "cheltenham" of "Harrogate, Cheltenham"."""
    runs: list[set[str]] = [set()]
    last = 0
    for at, (word, begin, stop) in enumerate(words(q.core)):
        if runs[-1] and q.core[last:begin].strip():
            runs.append(set())  # a comma parts two names
        if at > 0 and word[:1].isupper() and fold(word) not in STOPWORDS:
            runs[-1].add(stem(fold(word)))
        elif runs[-1]:
            runs.append(set())
        last = stop
    return tuple(frozenset(run) for run in runs if run)


def _holds_asked_name(q: Question, item: str) -> bool:
    """An item names every word of one of the question's names, or what a word of five letters or more says of
    it: "South Africa" for "African" (not "Fox News" for "New York")."""
    said = set(terms(item))

    def names(word: str) -> bool:
        return word in said or any(
            len(word) >= 5 and len(other) >= 5 and (word.startswith(other[:-1]) or other.startswith(word[:-1]))
            for other in said
        )

    return any(all(names(word) for word in run) for run in _question_names(q))


def other_item_asked(q: Question, text: str, start: int, end: int) -> bool:
    """For "Which country is the Brics association's African member?" (one thing asked), one item of a list of short
    names when another item, and only that one, holds a name of the question: "Brazil" of "Brazil, Russia, India,
    China and South Africa" (``item_asked`` picks that item out of the whole list). None of the training pool's 23
    gold answers inside such a list (``eval/scripts/gold_answer_checks.py``)."""
    if q.kind not in (Kind.PLACE, Kind.ENTITY, Kind.PERSON) or q.head is None or not q.proper or q.excluded:
        return False  # "What market other than Harrogate, …?" names the items it does not ask for
    lower, upper = sentence_bounds(text, start, end)
    for found in _NAME_LIST.finditer(text, lower, upper):
        if not found.start() <= start < end <= found.end():
            continue
        items, at = [], found.start()
        for joint in _CONNECTOR.finditer(text, found.start(), found.end()):
            items.append((at, joint.start()))
            at = joint.end()
        items.append((at, found.end()))
        asked = [item for item in items if _holds_asked_name(q, text[item[0] : item[1]])]
        first = terms(text[asked[0][0] : asked[0][1]])[:1] if len(asked) == 1 else []
        if not first or first[0] in q.proper:
            return False  # "Which customs official spoke alongside Qin?": the item the question names is not asked
        return (start, end) in items and asked[0] != (start, end)
    return False


def at_asked_kind(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """For "What exchange is already based in the Hetao zone?" (one thing of a kind), a span that runs on past
    the kind's noun into the next item: "data exchange" of "data exchange and institute devoted to the Brics
    association"; the span as it is when the noun is not followed by "and" (an "or" offers alternatives: "direct
    effect or indirect effect" answers "What effect …?")."""
    if q.kind is not Kind.ENTITY or q.head is None:
        return start, end
    for found in _WORD_THEN_JOINT.finditer(text, start, end):
        if stem(fold(found.group(1))) == q.head:
            return start, found.end(1)
    return start, end


_WORD_THEN_JOINT = re.compile(r"\b([a-z][\w-]*)\s+and\s")  # a lowercase noun, no comma: not "… Festival and Parade"
_CONNECTOR = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_FIRST_ITEM = re.compile(r"(.+?)(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_LAST_ITEM = re.compile(r"(.+)(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([^,]+)$")


def without_excluded(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """A listing span less the things the question rules out at its ends: for a list question, its first
    items while they end in such a thing ("Hong Kong, Macau, Guangzhou" → "Macau, Guangzhou" for "Which cities
    … besides Hong Kong?"; one inside stays, the list being the best a span can give); for one thing, what
    follows the last item that ends in one ("exchange of talent and capital" → "capital" for "What can both
    sides exchange besides talent?"); and a last item that is only such a thing ("Macau, Guangzhou and
    Zhuhai" → "Macau, Guangzhou" for "… apart from Zhuhai?")."""
    if not q.excluded:
        return start, end
    if q.kind is Kind.LIST:
        while (first := _FIRST_ITEM.match(text, start, end)) and _ends_in_excluded(q, first.group(1)):
            start = first.end()
    else:
        cuts = [c.end() for c in _CONNECTOR.finditer(text, start, end) if _ends_in_excluded(q, text[start : c.start()])]
        start = cuts[-1] if cuts else start
    while (last := _LAST_ITEM.match(text, start, end)) and _only_excluded(q, last.group(2)):
        end = last.end(1)
    return start, end


# "What could be put in place by 2025?": "what" is the subject, and what follows it is said of the answer
_WHAT_SUBJECT = re.compile(
    r"^\s*what\s+(?:(?:could|would|will|can|should|may|might|must)\s+(?:be|have\s+been)|is|was|are|were"
    r"|(?:has|have|had)\s+been)\s+(?:(?:first|also|later|then|soon|already|eventually)\s+)?"
    r"(?P<said>[a-z]+(?:ed|en|wn|ut|et|id|ld|lt|nt|ught)\b[^?]*)",
    re.IGNORECASE,
)  # a passive: "be" and a participle ("put", "set", "held", "built", "sent", "taught", "known", "given")
_AUXILIARY_IN = re.compile(r"\s+(?:could|would|will|can|should|may|might|must|is|was|are|were|has|have|had)\s+")


@lru_cache(maxsize=1024)
def _passive_what(q: Question) -> tuple[frozenset[str], str] | None:
    """For "What could be put in place by 2025?" (a passive, "what" its subject): the terms of its predicate and
    its participle ("put"); else None."""
    asked = _WHAT_SUBJECT.match(q.core)
    if asked is None:
        return None
    return frozenset(terms(asked.group("said"))), fold(asked.group("said").split()[0])


def _restated_predicates(q: Question, text: str, lower: int, upper: int, ahead: int) -> Iterator[int]:
    """For a passive what-question, where in ``text[lower:upper]`` an auxiliary opens the question's predicate
    again: its participle ("put") and another of its words among the next five, read up to ``ahead`` ("…
    mechanism| could be put in place by 2025")."""
    asked = _passive_what(q)
    if asked is None:
        return
    said, participle = asked
    for auxiliary in _AUXILIARY_IN.finditer(text, lower, upper):
        following = text[auxiliary.end() : min(ahead, auxiliary.end() + 60)]
        if (
            participle in [fold(word) for word, _, _ in words(following)][:5]
            and len(set(terms(following)[:5]) & said) >= 2
        ):
            yield auxiliary.start()


def before_restated_predicate(q: Question, text: str, start: int, end: int) -> int:
    """Where a span that runs on from the answer into what the question says of it ends: "a collaboration mechanism
    between the two cities| could be put in place by 2025 …" for "What could be put in place by 2025?". No gold
    answer of the training pool runs on so (``eval/scripts/gold_answer_checks.py``)."""
    if _passive_what(q) is None:
        return end
    upper = sentence_bounds(text, start, end)[1]  # the span may stop inside the predicate
    return next((at for at in _restated_predicates(q, text, start, end, upper) if at > start), end)


# An aside that singles out part of what came before (", particularly on high technology,"), and its end
_ASIDE_IN = re.compile(
    r",\s+(?:particularly|especially|notably|in\s+particular|mainly|chiefly|mostly|above\s+all)\s", re.IGNORECASE
)
_ASIDE_CLOSES = re.compile(r"[^,.;]{0,40}?,")


# After a name that opens a span, what is no part of it: "of" and a lowercase word ("Harlem Renaissance| of literary
# and cultural life"), or "to" and a verb ("Technion-Israel Institute of Technology| to build a …"; not "to the",
# "Caspian Sea to the Sea of Japan")
_OF_LOWERCASE = re.compile(r"\s+of\s+[a-z]")
_TO_A_VERB = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|be)\b)[a-z]+\b")


def end_of_name(q: Question, text: str, start: int, end: int) -> int:
    """Where a span that opens with a name ends, for a question that asks for a thing, place or person, when the
    span runs on past the name into "of" and lowercase words ("Harlem Renaissance| of literary and cultural life" for
    "What was the name of the cultural flourishing?"), or, for a kind asked ("what institution"), into "to" and a
    verb ("Technion-Israel Institute of Technology| to build a US$2 billion graduate school"). No gold answer of the
    training pool changes (``eval/scripts/gold_shapes.py``)."""
    if q.kind not in (Kind.ENTITY, Kind.PLACE, Kind.PERSON):
        return end
    name = NAME_RUN.match(text, start, end)
    if name is None:
        return end
    if _OF_LOWERCASE.match(text, name.end(), end) or (q.head is not None and _TO_A_VERB.match(text, name.end(), end)):
        return name.end()
    return end


def before_an_aside(q: Question, text: str, start: int, end: int) -> int:
    """Where a span that runs on into such an aside ends, when the question's words follow the aside: "the
    cooperation of both places|, particularly on high technology" for "What is the central government making a
    prime national strategy?"."""
    for aside in _ASIDE_IN.finditer(text, start, end):
        closed = _ASIDE_CLOSES.match(text, aside.end(), aside.end() + 60)
        if closed is not None and _asked_after(q, text, closed.end()):
            return aside.start()
    return end


def _asked_after(q: Question, text: str, at: int) -> bool:
    """Two of the question's words among the five words after ``at`` (an aside's end): the question reads past it."""
    return len(set(terms(text[at : at + 60])[:5]) & set(q.terms)) >= 2


def inside_an_aside(q: Question, text: str, start: int, end: int) -> bool:
    """A span inside an aside that singles out part of the thing before it, where the question's words follow the
    aside: "high technology" of "making the cooperation of both places, particularly on high technology, as a prime
    national strategy" for "What is the central government making a prime national strategy?" (the cooperation
    is). The training pool has no gold answer so."""
    comma = text.rfind(",", max(0, start - 40), start + 1)  # the span may open the aside, or stand inside it
    opened = _ASIDE_IN.match(text, comma) if comma >= 0 else None
    if opened is None or re.search(r"[,.;:]", text[opened.end() : start]):
        return False
    start = max(start, opened.end())
    closed = _ASIDE_CLOSES.match(text, start, start + 60)  # the span may run on out of the aside
    return closed is not None and _asked_after(q, text, closed.end())


def after_restated_predicate(q: Question, text: str, start: int, end: int) -> bool:
    """For such a question, a span after the place where its sentence says the question's predicate: the subject
    stands before it ("draw world-class talent" of "… mechanism could be put in place by 2025 to draw world-class
    talent"). None of the 88 such gold answers of the training pool (``eval/scripts/gold_answer_checks.py``)."""
    if _passive_what(q) is None:
        return False
    lower, _ = sentence_bounds(text, start, end)
    return any(at > lower for at in _restated_predicates(q, text, lower, start, start))


# "Why …?", "What for?", "… meant to …", "What did they do?": a question that may be answered by a purpose
_ASKS_PURPOSE = re.compile(
    r"\b(?:why|purposes?|aims?|aimed|goals?|objectives?|intend|intends|intended|meant|designed|used|order|do|does"
    r"|did|done|doing)\b|\bfor\s*\??\s*$",
    re.IGNORECASE,
)
_OPENING_DO = re.compile(r"^\s*\w+\s+(?:does|did|do)\b", re.IGNORECASE)  # "What does Beijing hope …": no deed asked
_THREE_THEN_TO = re.compile(r"((?:[\w'’-]+\s+){3})to\s+$")
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "this", "that", "these", "those", "our"})


def purpose_after_restated(q: Question, text: str, start: int, end: int) -> bool:
    """A span that opens the infinitive after words the question says in a row, for a question that asks no purpose:
    "draw world-class talent" of "… could be put in place by 2025 to draw world-class talent" answers what the
    mechanism is for, not "What does Beijing hope to have in place by 2025?". A span that opens with a name or an
    article ("to Grzymała", "to the American attack") is no infinitive. None of the training pool's gold or
    plausible answers (0 and 0)."""
    asked = _asked_without_purpose(q)
    if asked is None:
        return False
    first = text[start:end].split()[:1]
    if not first or not first[0].islower() or first[0] in _DETERMINERS:
        return False
    before = _THREE_THEN_TO.search(text, max(0, start - 80), start)
    if before is None:
        return False
    said = " ".join(before.group(1).split()).casefold()
    return said in asked and f"{said} to" not in asked


@lru_cache(maxsize=1024)
def _asked_without_purpose(q: Question) -> str | None:
    """The question's words in lower case, one space apart, for a question that asks no purpose or deed; else None.
    Once per question."""
    if q.kind is Kind.REASON or Wants.VERB in q.wants or _ASKS_PURPOSE.search(_OPENING_DO.sub("", q.core)):
        return None
    return " ".join(re.findall(r"[\w'’-]+", q.core.casefold()))


def trimmed(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """A span less what the question says at its ends: the verb it ends with (``past_asked_verb``) and the
    things it rules out (``without_excluded``), the phrase it closes with (``before_restated_phrase``) and what it
    says its asked noun is of (``before_restated_of``); also
    applied to a span grown to a whole list."""
    start = past_asked_verb(q, text, start, end)
    end = before_restated_of(q, text, start, end)
    return without_excluded(q, text, start, before_restated_phrase(q, text, start, end))


def _ends_in_excluded(q: Question, text: str) -> bool:
    said = terms(text)
    return any(said and set(said[-len(item) :]) == item for item in q.excluded)


def _only_excluded(q: Question, text: str) -> bool:
    said = set(terms(text))
    return bool(said) and said <= set().union(*q.excluded)


def ruled_out(q: Question, span: str) -> bool:
    """``span`` is what the question rules out: holds one such thing whole, or for a list question (whose
    answer may name one among others) is nothing but such things."""
    if not q.excluded:
        return False
    if q.kind is Kind.LIST:
        return _only_excluded(q, span)
    said = set(terms(span))
    return any(item <= said for item in q.excluded)


def whose_words(q: Question, text: str, start: int, end: int) -> bool:
    """The span names the person whose words the question asks about ("Professor Lau Siu-kai" for "In the
    words of Professor Lau, who …?", "Hong Kong’s No 2 official Eric Chan" for "Who, according to Eric Chan,
    will …?"): what they say is asked, not who says it (a place of the aside may answer: "Shenzhen" for
    "According to Shenzhen's mayor, where …?"). A name the span begins with is all of the name it stands in
    ("Wai-man" of "Witman Hung Wai-man" for "Who does Hung say supports …?")."""
    if not q.said_by:
        return False
    names = names_in(text, start, end)
    if names and text[start:].startswith(names[0]):  # a name the span begins inside of, all of it
        names = [text[name_begins(text, start) : start] + names[0], *names[1:]]
    return any(set(terms(name)) & set(q.said_by) and holds_post(text, name) for name in names)


def _plain_item(part: str) -> bool:
    found = part.split()
    return 1 <= len(found) <= 3 and all(_item_word(w) for w in found)


def _item_word(word: str) -> bool:
    """A lowercase word that may be (part of) a list's item: no stopword, no past participle ("executed")."""
    return bool(_ITEM_WORD.fullmatch(word)) and word not in STOPWORDS and not (word.endswith("ed") and len(word) > 4)


# what links a post to the name after it and is no part of the post: "at the", "of", "for the"
_LINKING_TAIL = re.compile(r"(?:\s+(?:at|in|of|for|with|on|to|by|from|the|a|an))+\s*$", re.IGNORECASE)


def before_asked_name(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """A description ends before the name it describes: "executive chairman Witman Hung Wai-man hailed …" →
    "executive chairman" for "What position does Witman Hung hold?" (a span that starts with the name is
    left to ``restates`` and the reader). Applied after scoring: the model found where the post starts,
    and a span ending at the name scores low only because titles come before names."""
    asked = set(q.target) & set(q.proper)
    if q.kind is not Kind.DESCRIBE or q.head not in ROLE_NOUNS or len(asked) < 2:
        return start, end
    found = words(text[start:end])
    named = [w[:1].isupper() and stem(fold(w)) in asked for w, _, _ in found]
    leading = True  # the name the span starts with, if any
    for i, (_, begin, _) in enumerate(found):
        if named[i] and not leading and i + 1 < len(found) and named[i + 1]:  # a full name: two of its words
            cut = _LINKING_TAIL.search(text, start, start + begin)  # "… for Hong Kong at the| Shenzhen Qianhai …"
            return strip_edges(text, start, cut.start() if cut else start + begin)
        leading = leading and named[i]
    return start, end


# "Whose scheme is the Greater Bay Area?", "Whose army liberated Warsaw?": the thing whose owner is asked
# ("scheme", "army"), before an auxiliary or a verb in the past
_WHOSE_THING = re.compile(
    r"^\s*whose\s+(?:[\w'’-]+\s+){0,2}?(?P<thing>[a-z][\w-]*)\s+"
    r"(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|may|might|must|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)
_POSSESSIVE_THEN = re.compile(r"(?<=\w)['’]s?(?=\s)")  # "Beijing’s", "the cities’": right after a word
_OWNER_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|of|and|the) $")  # a word of an owner's name, just before


@lru_cache(maxsize=1024)
def _whose_thing(q: Question) -> str:
    """The stem of the thing whose owner "Whose X …?" asks for ("scheme"), or ""."""
    asked = _WHOSE_THING.match(q.core)
    return stem(fold(asked.group("thing"))) if asked is not None else ""


def _owners(q: Question, text: str, lower: int, upper: int) -> Iterator[tuple[int, int, int]]:
    """In ``text[lower:upper]``, each owner of the thing "Whose X …?" asks for, up to its possessive: "Beijing’s" of
    "hailed Beijing’s support" for "Whose support did Witman Hung hail?" (its start, the possessive's start and
    end); "the Chinese Association’s" and "the cities’" keep their article, and a name of the thing after the
    possessive is no owner of it ("Hadrian's Wall")."""
    thing = _whose_thing(q)
    if not thing:
        return
    for possessive in _POSSESSIVE_THEN.finditer(text, lower, upper):
        following = [w for w, _, _ in words(text[possessive.end() : upper])][:3]
        named = [stem(fold(w)) for w in following if w[:1].isupper()]  # "Hadrian's Wall": the thing's name
        if thing not in [stem(fold(w)) for w in following] or thing in named:
            continue
        begin = _WORD_BEFORE_POSSESSIVE.search(text, lower, possessive.start())
        if begin is None:
            continue
        at = begin.start()
        if text[at : at + 1].isupper():  # back over the owner's name: "Emperor Napoleon’s", "Bank of England’s"
            while (before := _OWNER_WORD.search(text, max(lower, at - 40), at)) is not None:
                at = before.start()
            while text[at:].startswith(("of ", "and ")):  # a name starts at a capital
                at = text.index(" ", at) + 1
        elif (article := _ARTICLE_BEFORE.search(text, max(lower, at - 8), at)) is not None:
            at = article.start()
        yield at, possessive.start(), possessive.end()


_WORD_BEFORE_POSSESSIVE = re.compile(r"[\w.-]+$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her) $", re.IGNORECASE)


def owner_asked(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """For "Whose X …?", a span that names the owner and then the thing asked about is the owner, up to its
    possessive: "Beijing’s" of "Beijing’s scheme" for "Whose scheme is the Greater Bay Area?" (the training pool's
    gold answers are "Hadrian's", "Zelda's", "Qutb's"; "Hadrian's Wall", a name, stays whole), and of "Witman Hung
    hailed Beijing’s support" for "Whose support did Witman Hung hail?". Applied after scoring: the model found
    the owner."""
    for begin, possessive, stop in _owners(q, text, start, end):
        if possessive > start:
            return max(start, begin), stop
    return start, end


def owner_elsewhere(q: Question, text: str, start: int, end: int) -> bool:
    """For "Whose X …?", the span's sentence names an owner of X ("hailed Beijing’s support" for "Whose support did
    Witman Hung hail?"), and the span is not it ("the Hetao zone", the thing supported), nor the same name said
    elsewhere ("Mozart and |Clementi|; he used Clementi's piano method")."""
    if not _whose_thing(q):
        return False
    lower, upper = sentence_bounds(text, start, end)
    owners = list(_owners(q, text, lower, upper))
    named = set(terms(text[start:end]))
    return bool(owners) and not any(
        (start < stop and end > begin) or named == set(terms(text[begin:possessive]))
        for begin, possessive, stop in owners
    )


def full_name(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """For "What is Witman Hung's full name?", a piece of a name is the whole run of capitalised words it
    stands in ("Wai-man" → "Witman Hung Wai-man"). Applied after scoring, like ``whole_range``: the model
    found the name; the question asks for all of it."""
    if Wants.FULL_NAME not in q.wants or not text[start:end].split()[-1][:1].isupper():
        return start, end
    while (before := _NAME_BEFORE.search(text, max(0, start - 40), start)) is not None:
        start = before.start()
    return start, name_run_end(text, end)


def _whole_name(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    if not text[start:end].split()[-1][:1].isupper():
        return start, end
    following = NAME_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if following and q.head and stem(fold(following.group())) == q.head:
        return start, following.end()  # "Shenzhen" + "River" for "Which river …?"
    if q.kind is Kind.PERSON:
        for _ in range(2):  # "Qin" + "Weizhong": a person's name runs on
            following = NAME_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
            if not following or fold(following.group()) in NUMBER_WORDS:
                break
            end = following.end()
        start = name_start(text, start, end)
    return start, end


_QUOTES = "\"“‘'"


def body_name_start(text: str, start: int, end: int) -> int:
    """Where a body's name starts that a span cuts on its left: "Big Data Society" of "Chinese Big Data Society".
    The span ends in a capitalised word of a body ("Society", "Association", "Council") and capitalised words
    (up to three; no number: "Five Hong Kong universities") stand just
    before it that is neither a form of address, a title, an article nor a possessive ("US Supreme Court" keeps
    its initials out; "Chinese President" is no body). Of the training pool's 129 gold answers that end in such a
    word, one starts so ("Universities" of "Northumbria Universities")."""
    found = words(text[start:end])
    if not found or not all(w[:1].isupper() for w in (found[0][0], found[-1][0])):
        return start
    if stem(fold(found[-1][0])) not in BODY_HEADS:
        return start
    for _ in range(3):  # "Data Society" → "Chinese Big Data Society"
        before = _NAME_BEFORE.search(text, max(0, start - 40), start)
        if before is None:
            break
        word = before.group().strip()
        if word.isupper() or POSSESSIVE_END.search(word) or fold(word) in _NO_FIRST_NAME | TITLES | NUMBER_WORDS:
            break  # initials ("US Supreme Court"), a possessive ("Beijing's State Council"), a title, a number
        start = before.start()
    return start


_ADDRESS = TITLES | HONORIFICS
_NO_FIRST_NAME = _ADDRESS | STOPWORDS | WEEKDAYS | MONTHS  # words that never start a person's name


def name_start(text: str, start: int, end: int) -> int:
    """A one-word span that is the last word of a person's two-word name starts with the first: "Sun" +
    "Yuning", "Mayor Qin |Weizhong" → "Qin Weizhong" (``name_begins`` stops at the title); nothing where the
    name runs back further ("Def Jam |Reid"), nor over a function word, a date, a possessive or a title in
    quotation marks ("Independent |Women")."""
    if " " in text[start:end].strip() or end - start < 2:
        return start
    first = name_begins(text, start, stop=_ADDRESS)
    back = text[first:start].split()
    if len(back) != 1 or text[first - 1 : first] in _QUOTES:
        return start
    word = fold(back[0])
    if word in _NO_FIRST_NAME or word.endswith(("'s", "’s", "'", "’")) or not word.replace("-", "").isalpha():
        return start
    return first


# The end of a name and a comma opening a span: "Customs, promised easier …" of "Sun Yuning, deputy director
# of the General Administration of |Customs, promised easier …"
_NAME_TAIL = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:of\s+)?)*[A-Z][\w'’.-]*,\s+(?=[a-z])")
_NAME_BEFORE_SPAN = re.compile(r"[A-Z][\w'’.-]*(?: of)? $")


def past_cut_name(text: str, start: int, end: int) -> int:
    """A span that opens with the end of a name cut off on its left ("… Administration of |Customs"), then
    a comma, starts after the comma: the name belongs to the clause before. On the training pool, no gold
    answer opens so."""
    before = _NAME_BEFORE_SPAN.search(text, max(0, start - 40), start)
    if before is None or before.group().split()[0].endswith(".") or fold(before.group().split()[0]) in STOPWORDS:
        return start
    tail = _NAME_TAIL.match(text, start, end)
    return tail.end() if tail and tail.end() < end else start


# a name just after a noun, an article or a comma between: "think tank| the Chinese Association of … Studies"
_NAME_AFTER_NOUN = re.compile(r",?\s+(?:(?:the|a|an)\s+)?(" + NAME_RUN.pattern + r")")


def asked_kind_name(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """Within a longer span, the name of the kind of body or place asked for: "principal liaison officer for
    Hong Kong at the Shenzhen Qianhai Authority" → "Shenzhen Qianhai Authority" for "Which authority did
    Hung work for?". No gold answer of the training pool is cut (``eval/scripts/gold_answer_checks.py``)."""
    if q.kind not in (Kind.ENTITY, Kind.PLACE) or q.head not in _KIND_HEADS:
        return start, end
    for name in NAME_RUN.finditer(text, start, end):
        before, after = text[start : name.start()].strip().lower(), text[name.end() : end].strip(EDGE + ".")
        if stem(fold(name.group().split()[-1])) == q.head and (before not in ("", "the") or after):
            return name.start(), name.end()
    return start, end


# a common noun's last letters, "the" and a name of two or more words right after it, no comma between: "think
# tank| the Chinese Association of Hong Kong and Macau Studies"
_APPOSITIVE_NAME = re.compile(r"(?<=[a-z]{3})\s+(the\s+" + NAME_RUN.pattern + r")")


def name_in_apposition(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """A span of a common noun that the thing's name follows in apposition is that name: "think tank" of
    "Beijing’s semi-official think tank the Chinese Association of Hong Kong and Macau Studies" → "the Chinese
    Association of Hong Kong and Macau Studies" for "What is Lau Siu-kai a consultant at?". Not for "what kind of",
    which asks what the noun says."""
    if q.kind not in (Kind.ENTITY, Kind.PLACE) or kind_asked(q) is not None:
        return start, end
    said = text[start:end].split()
    if not said or not said[-1].isalpha() or not said[-1].islower() or fold(said[-1]) in STOPWORDS:
        return start, end
    name = _APPOSITIVE_NAME.match(text, end)
    return (name.start(1), name.end(1)) if name is not None else (start, end)


def _count(q: Question, text: str, start: int, end: int) -> tuple[int, int] | None:
    """A number and its head noun: "Five Hong Kong universities have already set up 10" → "Five"."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    numbers = [i for i, (w, _, _) in enumerate(tokens) if has_number(w) and not re.fullmatch(r"[^\w]", w)]
    if not numbers:
        return None
    if len([w for w, _, _ in tokens if w[0].isalnum()]) <= 4:
        return start, end

    def head_after(i: int) -> int | None:
        for j in range(i + 1, min(i + 4, len(tokens))):
            if q.head and stem(fold(tokens[j][0])) == q.head:
                return j
        return None

    with_head = [(i, j) for i in numbers if (j := head_after(i)) is not None]
    if with_head:
        i, j = with_head[0]
        return tokens[i][1], tokens[j][2]
    i = numbers[0]
    return tokens[i][1], tokens[i][2]


_CURRENCY_SIGNS = "$£€¥₹"
_CURRENCY_LETTERS = r"\b[A-Z]{1,3}"  # "US", "HK", "NZ" of "US$", "HK$", "NZ$"
_CURRENCY_BEFORE = re.compile(rf"(?:{_CURRENCY_LETTERS})?[{re.escape(_CURRENCY_SIGNS)}]$")
_LETTERS_BEFORE_SIGN = re.compile(rf"{_CURRENCY_LETTERS}$")
_COMPARES = re.compile(  # a sentence that states a difference
    rf"%|\b(?:{COMPARATIVES}|than|above|below|ahead|behind|over|under|twice|thrice|times|double|triple|half"
    r"|percent|increase[ds]?|decrease[ds]?|rose|fell|grew|gain(?:ed)?|los[st]|difference|compared|earlier|later)\b",
    re.IGNORECASE,
)


def misfit_checks(q: Question, text: str, start: int, end: int) -> Iterator[str]:
    """The names of the checks of ``MISFIT_CHECKS`` that reject the span, in order (lazily: the first is found
    without running the rest). ``eval/scripts/plausible_answer_checks.py`` counts each on the training pool."""
    return (check.__name__.lstrip("_") for check in MISFIT_CHECKS if check(q, text, start, end))


def misfits(q: Question, text: str, start: int, end: int) -> bool:
    """A span that cannot answer ``q``, whatever its score: one that any check of ``MISFIT_CHECKS`` rejects."""
    return any(check(q, text, start, end) for check in MISFIT_CHECKS)


def _no_sum_of_money(q: Question, text: str, start: int, end: int) -> bool:
    """No sum of money for a question about what something costs."""
    return Wants.MONEY in q.wants and not _money(text, with_currency(text, start, end)[0], end)


def _money_for_a_mass(q: Question, text: str, start: int, end: int) -> bool:
    """A sum of money for how much of a mass: "How much more water will be added …?" is no "$3.2 billion"."""
    if q.kind is not Kind.QUANTITY or Wants.MONEY in q.wants:
        return False
    return _other_mass(q) and CURRENCY.search(text, start, end) is not None


def _compares_nothing(q: Question, text: str, start: int, end: int) -> bool:
    """A sentence that compares nothing for a question about a difference ("How much bigger is the Shenzhen
    side?" of "… 87 hectares, and the Shenzhen one occupying 302 hectares": nothing is computed, so only a
    stated difference answers)."""
    return Wants.DIFFERENCE in q.wants and not _COMPARES.search(sentence_around(text, start, end))


def _no_name(q: Question, text: str, start: int, end: int) -> bool:
    """Anything but a name when a full name is asked for."""
    return Wants.FULL_NAME in q.wants and not is_name(text[start:end])


def _another_full_name(q: Question, text: str, start: int, end: int) -> bool:
    """The full name of the Hetao zone is no other name ("Eric Chan")."""
    return Wants.FULL_NAME in q.wants and bool(described_kind(q)) and not names_in_full(q, text[start:end])


def _no_number(q: Question, text: str, start: int, end: int) -> bool:
    """ "What is the Hong Kong side's area?" is no "science and technology cooperation zone"."""
    return Wants.NUMBER in q.wants and not has_number(text[start:end])


def _short_form_unspelt(q: Question, text: str, start: int, end: int) -> bool:
    """ "Brics association" does not say what "Brics" stands for."""
    return bool(q.short_form) and not spells(q.short_form, text[start:end])


def _not_one_choice(q: Question, text: str, start: int, end: int) -> bool:
    """ "Which is bigger, the Hong Kong side or the Shenzhen side?" is answered by one of them."""
    return bool(q.choices) and not _one_choice(q, set(terms(text[start:end])))


# What a comparing question's word picks of two quantities: the larger (1) or the smaller (-1)
_PICKS = {
    **dict.fromkeys(("more", "most", "bigger", "biggest", "larger", "largest", "greater", "greatest"), 1),
    **dict.fromkeys(("higher", "highest", "longer", "longest", "taller", "tallest", "heavier", "heaviest"), 1),
    **dict.fromkeys(("wider", "widest", "deeper", "deepest"), 1),
    **dict.fromkeys(("less", "least", "fewer", "fewest", "smaller", "smallest", "lower", "lowest"), -1),
    **dict.fromkeys(("shorter", "shortest", "lighter", "lightest", "narrower", "narrowest", "shallower"), -1),
}


# "more" and "less" compare sizes only before a measure ("more area", "more hectares"; not "more popular")
_AMOUNT_WORDS = frozenset({"more", "most", "less", "least"})
_MEASURES = frozenset({"area", "land", "space", "ground", "size", "length", "height", "weight", "distance", "room"})


def _size_picked(question: str) -> int | None:
    """Whether a comparing question picks the larger quantity (1) or the smaller (-1): "Which is smaller, …?",
    "Which covers more area, …?"; None where it compares no size ("Which is more popular, …?")."""
    found = re.findall(r"[a-z]+", question.casefold())
    for at, word in enumerate(found):
        if word not in _PICKS:
            continue
        following = found[at + 1] if at + 1 < len(found) else ""
        if word not in _AMOUNT_WORDS or following in _MEASURES or is_unit(following):
            return _PICKS[word]
    return None


def other_choice_by_size(q: Question, text: str, start: int, end: int) -> bool:
    """For a question that offers two choices to compare by size ("Which is smaller, the Hong Kong side or the
    Shenzhen side?"), the choice whose quantity in the span's sentence the comparison does not pick: "the Shenzhen
    one" of "… with the Hong Kong side spread across 87 hectares (214 acres), and the Shenzhen one occupying 302
    hectares". Each choice has the first quantity said after it, before the other choice is named again; only two
    quantities in one unit are compared. The picked choice is the mention its quantity follows: not "Shenzhen River"
    of "… separated by the Shenzhen River" for "Which covers more area, the Shenzhen section or …?"."""
    if not q.choices:
        return False
    picks = _size_picked(q.core)
    said = set(terms(text[start:end]))
    named = [at for at, choice in enumerate(q.choices) if choice & said]
    if picks is None or len(named) != 1:
        return False
    lower, upper = sentence_bounds(text, start, end)
    marks = [
        (lower + begin, at)
        for word, begin, _ in words(text[lower:upper])
        for at, choice in enumerate(q.choices)
        if set(terms(word)) & choice
    ]
    measured: dict[int, tuple[float, str, int]] = {}
    for where, value, unit in quantities(text, lower, upper):
        before = [(mark, at) for mark, at in marks if mark < where]
        if before and before[-1][1] not in measured:
            measured[before[-1][1]] = (value, unit, before[-1][0])  # "87 hectares (214 acres)": the first is its
    if len(measured) != 2 or measured[0][1] != measured[1][1] or measured[0][0] == measured[1][0]:
        return False
    larger = 0 if measured[0][0] > measured[1][0] else 1
    picked = larger if picks > 0 else 1 - larger
    return named[0] != picked or not start <= measured[picked][2] < end


# a comparative of size that a question ends with, which sets two things against each other ("Which side of the
# park is bigger?", "… is larger in area?"; not "the highest" of many, nor "higher education")
_COMPARES_TWO = re.compile(
    r"\b(?:is|are|was|were)\s+(?:(?:much|far|slightly|the)\s+)?(?:"
    + "|".join(word for word in _PICKS if word.endswith("er") or word in ("more", "less"))
    + r")(?:\s+in\s+(?:size|area))?\s*\?*\s*$",
    re.IGNORECASE,
)


_MEASURED_WITHIN = 4  # words between a thing and the quantity that measures it ("the Shenzhen one occupying 302")


def other_by_size(q: Question, text: str, start: int, end: int) -> bool:
    """For a question that compares by size and names no choices ("Which side of the park is bigger?"), a span
    whose quantity the comparison does not pick: "the Hong Kong side" of "… with the Hong Kong side spread across
    87 hectares (214 acres), and the Shenzhen one occupying 302 hectares"; nor a span the quantity after it does not
    measure, more than four words on ("Shenzhen River, with the Hong Kong side spread across 87 hectares"), nor one
    that runs over both things ("Hong Kong side spread across 87 hectares …, and the Shenzhen one"). The
    span's quantity is the first after it in its sentence; the sentence must give exactly two of that unit, of
    different values, and the question compare two at its end ("Which side … is bigger?"; not "the highest", of
    which there may be more than two). (In the training pool no gold or plausible answer is such a span.)"""
    if q.choices or q.kind not in (Kind.ENTITY, Kind.PLACE, Kind.LIST):
        return False
    picks = _size_picked(q.core)
    if picks is None or not _COMPARES_TWO.search(q.core):
        return False
    lower, upper = sentence_bounds(text, start, end)
    found = quantities(text, lower, upper)
    after = [(where, value, unit) for where, value, unit in found if where >= end]
    if not after:
        return False
    unit = after[0][2]
    values = [value for _, value, same in found if same == unit]
    if len(values) != 2 or values[0] == values[1]:
        return False
    inside = {same for where, _, same in found if start <= where < end}
    # one thing's quantity, run on to the other ("Hong Kong side … 87 hectares …, and the Shenzhen one")
    if unit in inside:
        return True
    if inside:
        return False  # the span is a quantity
    picked = max(values) if picks > 0 else min(values)
    # a quantity said further on measures another thing ("Shenzhen River, with the Hong Kong side … 87 hectares")
    return after[0][1] != picked or len(text[end : after[0][0]].split()) > _MEASURED_WITHIN


def size_unsaid(q: Question, text: str, start: int, end: int) -> bool:
    """For a question that compares two things by size at its end ("Which side of the park is bigger?"), a span
    whose sentence gives no number and says no comparative or superlative word: "Hong Kong" of "… complement each
    other with the Hong Kong side of the park" says nothing of its size. (In the training pool no gold or plausible
    answer is such a span.)"""
    if q.kind not in (Kind.ENTITY, Kind.PLACE, Kind.LIST) or _size_picked(q.core) is None:
        return False
    if not _COMPARES_TWO.search(q.core):
        return False
    sentence = sentence_around(text, start, end)
    sized = any(word in _PICKS for word in re.findall(r"[a-z]+", sentence.casefold()))
    return not sized and not has_number(sentence) and not _COMPARES.search(sentence)


def _rest_of_the_name(q: Question, text: str, start: int, end: int) -> bool:
    """ "zone" of "the Hetao zone" is the rest of the name asked about, not what it is."""
    return q.kind is Kind.DESCRIBE and _goes_on_from_target(q, text, start)


def _no_description(q: Question, text: str, start: int, end: int) -> bool:
    """ "Who is Mayor Qin?" is not answered "Shenzhen" (a "What is …?" may be: by a full name)."""
    return q.kind is Kind.DESCRIBE and _WHO.match(q.core) is not None and not describes(text[start:end])


def _number_for_a_reason(q: Question, text: str, start: int, end: int) -> bool:
    """ "Why did OPEC raise the price of oil to $5.11?" is not "70%"."""
    return q.kind is Kind.REASON and _only_a_number(text[start:end])


def _date_for_who_or_where(q: Question, text: str, start: int, end: int) -> bool:
    """ "Who heads the General Administration of Customs?" is not "Tuesday", nor "Which agency does Sun Yuning work
    for?" (a body or place asked by its kind); and a thing of any kind but a time is no weekday ("Which group does
    Sun Yuning belong to?" of "On Tuesday, Qin and Sun Yuning …"; a year may name a study, a battle: "Which study
    showed …?" "2012", so only a weekday; none of the training pool's gold or plausible answers, 0 and 0)."""
    asked = q.kind in (Kind.PERSON, Kind.PLACE) or (q.kind is not Kind.TIME and q.head in _KIND_HEADS)
    if asked:
        return _only_a_date(text[start:end])
    if q.kind not in (Kind.ENTITY, Kind.LIST) or q.head is None or q.head in _TIME_HEADS:
        return False
    return _A_WEEKDAY.fullmatch(text[start:end].strip(EDGE + ".")) is not None


# what a time answers: the time nouns of a time question ("What day …?") and the things a time may name ("Which
# anniversary …?", "At what age …?")
_TIME_HEADS = {
    stem(word)
    for word in (
        *TIME_NOUNS,
        *("holiday", "festival", "event", "occasion", "anniversary", "period", "season", "era", "deadline", "age"),
        *("night", "morning", "evening", "hour", "moment", "point", "stage", "phase", "term", "quarter", "semester"),
        "birthday",
    )
}
_A_WEEKDAY = re.compile(rf"(?i:on\s+)?(?i:{'|'.join(sorted(WEEKDAYS))})")


def _unnamed_thing(q: Question, text: str, start: int, end: int) -> bool:
    """ "What is the Hetao zone's official name?" is not "the Hetao cooperation zone", nor "Eric Chan"."""
    return thing_name_asked(q) and (
        not _named(text[start:end])
        or a_person(text, name_begins(text, start), name_run_end(text, end))
        or _name_of_another_kind(q, text, start, end)
    )


def _no_photographer(q: Question, text: str, start: int, end: int) -> bool:
    """ "Who photographed Eric Chan …?" is not "Handout" of "Photo: Handout", nor "Eric Chan" it shows."""
    return Wants.CREDIT in q.wants and (names_no_photographer(text[start:end]) or in_caption(text, start, end))


# Nouns that name a kind of body (``names.BODY_HEADS``) or place: "Which company …?" asks for a company, and a span
# that ends in another kind of thing in lowercase ("Brics association", "principal liaison officer" for "Which
# authority …?") names that other thing, whereas a name ending so ("Universal Music Group") may be one. Heads that
# many kinds answer ("group", "body", "area", "place") check nothing.
_PLACES = {"country", "city", "river", "town", "state", "island", "street", "building", "lake", "mountain", "province"}
_KIND_HEADS = BODY_HEADS | {stem(word) for word in _PLACES}
# Places people live in, which no name of a park, zone, river or body is ("Which city …?" is no "Science Park")
_SETTLEMENTS = {stem(word) for word in ("city", "town", "country", "state", "province", "village", "nation", "capital")}
# … but a country's name may end in a union's noun ("the Soviet Union")
_STATE_NAMES = {stem(word) for word in ("union", "federation", "republic", "kingdom", "empire", "commonwealth")}
_KINDS = _KIND_HEADS | {
    stem(word) for word in {"group", "body", "zone", "park", "centre", "center", "area", "region", *TITLES}
}
# Kinds of land and water, each a kind of its own ("Which mountain …?" is no "Shenzhen River")
_FEATURES = (
    {stem(word) for word in ("river", "stream", "creek", "canal")},
    {stem(word) for word in ("lake", "sea", "ocean", "bay", "gulf")},
    {stem(word) for word in ("mountain", "mount", "peak", "hill")},
    {stem(word) for word in ("island", "isle")},
)


# The divisions of a country, as a name's last word says ("Queens County", "New York City"); a town, a city and
# a village are one kind of place here, a state may be a country's ("the United States")
_DIVISIONS = {
    stem(word) for word in ("borough", "district", "county", "province", "state", "city", "country", "nation")
}
# divisions that hold places smaller than themselves, named before them ("Flushing Meadows-Corona Park, Queens")
_NESTING_DIVISIONS = {stem(word) for word in ("borough", "county", "district", "province")}
_SAME_DIVISION = (
    {stem(word) for word in ("city", "town", "village")},
    {stem(word) for word in ("country", "nation", "state")},
)


def _other_division(q: Question, span: str) -> bool:
    """Whether a name ends in a division's noun other than the asked one ("New York City" for "In what borough
    …?"), or in a body's or another kind of place's ("New York Stock Exchange")."""
    said = span.split()[-1:]
    if not said or not said[0][:1].isupper():
        return False
    last = stem(fold(POSSESSIVE_END.sub("", said[0])))
    if last in _KINDS - _SETTLEMENTS - _STATE_NAMES - _DIVISIONS - {stem("island")}:
        return True  # "New York Stock Exchange", "Central Park" (but "Staten Island" is a borough)
    if last not in _DIVISIONS | _SAME_DIVISION[0] or last == q.head:
        return False
    return not any(last in same and q.head in same for same in _SAME_DIVISION)


def other_kind(q: Question, text: str, start: int, end: int) -> bool:
    """A "which/what X" answer of another kind than X, for X a kind of body or place: one that ends in a
    lowercase noun naming another kind of body, place or post ("Brics association" for "Which company
    built the data exchange?"), or, for a body, a name that another kind of body follows ("Brics" of "the
    Brics association") or a person (a name that the document gives a post: "Qin Weizhong", "Mayor Qin
    Weizhong" elsewhere, for "Which ministry held the press conference?").
    Of a list, whose items may be of several kinds, only a person is ruled out, for bodies ("Qin Weizhong" for
    "Which ministries organised the press conference?"), and for a city, town or country a name that ends in
    another kind's noun ("Hong Kong Science Park" for "Which two cities …?"; none of the training pool's 116 gold
    names for such questions does; a union's may end a country's: "the Soviet Union"); so for a river, lake,
    mountain or island a name that ends in another kind's noun or another kind of land or water ("the Shenzhen
    River" for "What mountain separates the two sections?"); nothing where X owns what
    is asked ("Which country's courts …?"). For a university or publication, also a name that a rank follows, whole
    or in part ("Hong Kong", "Hong" of "Hong Kong’s No 2 official"). ``eval/scripts/gold_answer_checks.py`` counts
    the training pool's gold answers it rejects."""
    if OWNER_ASKED.search(q.core):
        return False
    if (
        q.kind in (Kind.ENTITY, Kind.PLACE)
        and q.head in _DIVISIONS
        and _kind_asked_alone(q)
        and _other_division(q, text[start:end].rstrip(EDGE + "."))
    ):
        return True  # "New York City" is no borough, "Westchester County" no city
    if q.head not in _KIND_HEADS:
        if q.head in ANY_BODY and q.kind is Kind.ENTITY and a_person(text, start, end):
            return True  # "Which group does Sun Yuning belong to?" is not "Qin and Sun Yuning"
        return _name_of_a_body(q, text, start, end)
    span = text[start:end].rstrip(EDGE + ".")
    if q.head in _SETTLEMENTS and span.split()[-1:] and span.split()[-1][:1].isupper():
        last_word = stem(fold(POSSESSIVE_END.sub("", span.split()[-1])))
        if last_word in _KINDS - _SETTLEMENTS - _STATE_NAMES:
            return True  # "Hong Kong Science Park" is no city (a list of cities holds none either)
    feature = next((kind for kind in _FEATURES if q.head in kind), None)
    if feature is not None and span.split()[-1:] and span.split()[-1][:1].isupper():
        whole = text[start : name_run_end(text, end)].split()  # "the Shenzhen| River"
        last_word = stem(fold(POSSESSIVE_END.sub("", whole[-1].rstrip(EDGE + "."))))
        if last_word in _KINDS.union(*_FEATURES) - feature - _STATE_NAMES:
            return True  # "the Shenzhen River" (or its "the Shenzhen") is no mountain, "… Science Park" no river
    if q.kind is Kind.LIST:
        return q.head in BODY_HEADS and a_person(text, start, end)
    if q.kind in (Kind.ENTITY, Kind.PLACE) and not any(ch.isupper() for ch in span) and _kind_asked_alone(q):
        return True  # "… is what river?" wants a river's name, not "fresh"
    if q.head in _SCHOOLS | _PUBLICATIONS and _RANKING_NAME.match(text, start):
        return True  # "Hong Kong", "Hong" of "Hong Kong’s No 2 official" ranks officials: no university, no paper
    last = [POSSESSIVE_END.sub("", word) for word in span.split()[-1:]]  # "Beijing" of "Beijing’s"
    if not last or not last[0].isalpha():
        return False
    if q.head == _MINISTRY and not _names_a_body(text, start, end):
        return True  # a ministry is named as one ("the Commerce Ministry"): "Beijing’s scheme" is none
    if last[0].islower():
        return stem(last[0]) in _KINDS and (stem(last[0]) != q.head or _plural_of_one(q, last[0]))
    if q.head not in BODY_HEADS:
        return False
    body = _word_after_name(text, end)  # "Hong" of "Hong Kong universities"
    if stem(body) in BODY_HEADS and (stem(body) != q.head or _plural_of_one(q, body)):
        return True  # "Brics" of "the Brics association" names an association, not a company
    if fold(last[0]) in TITLES:
        return True  # "Mayor" is a post, not a body
    if q.head in _SCHOOLS | _PUBLICATIONS and _other_kind_of_body(q, text, start, end):
        return True
    return a_person(text, start, end)


def _other_kind_of_body(q: Question, text: str, start: int, end: int) -> bool:
    """For a university or a publication asked, a span of a name of another kind of body, whole or in part, or a
    name that owns a thing other than a body."""
    # the whole name of "Chinese| Big Data Society" and of "the Chinese Association of |Hong Kong and Macau
    # Studies", not "FDi Magazine American Cities"
    lower, upper = whole_name(text, start, end)
    named = {stem(fold(word.rstrip(EDGE + "."))) for word in text[lower:upper].split()}
    if q.head in _PUBLICATIONS and named & _NO_PUBLICATIONS and not named & _PUBLICATIONS:
        return True  # "Chinese Big Data Society", "the Hetao … Cooperation Zone" are no publication
    if q.head in _SCHOOLS and named & BODY_HEADS and not named & _SCHOOLS:
        return True  # "the Chinese Association of Hong Kong and Macau Studies" is no university
    owner_end = name_run_end(text, end)
    owner_end -= len(m.group()) if (m := POSSESSIVE_END.search(text, start, owner_end)) else 0
    owned = _OWNED_PHRASE.match(text, owner_end)  # "Beijing" and "Beijing’s" alike
    # "Beijing" of "Beijing’s semi-official think tank the …" owns a thing: no university, no paper
    return owned is not None and not {stem(word) for word in owned.group("owned").split()} & BODY_HEADS


# Kinds of thing that no body or place is: "What language …?" is not answered by "Brics" or "Brics association"
_NO_BODIES = {stem(word) for word in ("language", "dialect", "religion", "faith", "currency", "sport", "alphabet")}


def _names_a_body(text: str, start: int, end: int) -> bool:
    """Whether a span, or the run of capitalised words it ends in and the word after that, holds a body's noun."""
    said = [
        POSSESSIVE_END.sub("", fold(word.strip(EDGE + "."))) for word in text[start : name_run_end(text, end)].split()
    ]
    return bool({stem(word) for word in [*said, _word_after_name(text, end)]} & BODY_HEADS)


def _word_after_name(text: str, end: int) -> str:
    """The lowercase word just after the run of capitalised words that ``end`` stands in ("association" of "the
    Brics| association"), or ""."""
    following = _FOLLOWING_WORD.match(text, name_run_end(text, end))
    return following.group(1) if following else ""


def _name_of_a_body(q: Question, text: str, start: int, end: int) -> bool:
    """For "what/which X" of an X that no body or place is ("language"), a span that ends in a body's or place's
    noun, or a name that such a noun follows: "Brics association" or "Brics" of "the Brics association" for
    "What language is spoken in Brazil?"."""
    words_said = text[start:end].rstrip(EDGE + ".").split()
    if q.head not in _NO_BODIES or q.kind is not Kind.ENTITY or not words_said or not words_said[-1].isalpha():
        return False
    if words_said[-1].islower():
        return stem(words_said[-1]) in _KIND_HEADS
    return words_said[-1][0].isupper() and stem(_word_after_name(text, end)) in _KIND_HEADS


_PUBLICATIONS = {stem(word) for word in ("newspaper", "publication", "magazine", "journal")}
# the last words of names of bodies, places and things that are no publication (a "Which department …?" may be a
# Commission, so only for a publication asked)
_NO_PUBLICATIONS = (_KINDS - POST_STEMS) - _PUBLICATIONS
# "’s semi-official think tank": a possessive and the lowercase words it owns
_OWNED_PHRASE = re.compile(r"(?:['’]s|s?['’])\s+(?P<owned>(?:[a-z][\w-]*\s+)*[a-z][\w-]*)")
# a name of up to four words that a rank follows, with or without its possessive: "Hong Kong’s No 2", "Hong Kong No 2"
_RANKING_NAME = re.compile(r"(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*(?:['’]s?)?\s+No\.?\s+\d+\b")
_MINISTRY = stem("ministry")
_SCHOOLS = {stem(word) for word in ("university", "college", "school", "institute", "institution", "academy")}


def owner_for_place(q: Question, text: str, start: int, end: int) -> bool:
    """A place that owns what follows it does not say where: "Beijing" of "a consultant at |Beijing|’s
    semi-official think tank the Chinese Association …" for "Where is Lau Siu-kai a consultant?" (the think
    tank is where). Not where the question asks for an owner ("Which country's invasion …?") or names what is
    owned ("a northern fortress for which country?" of "England's northern fortress"). No gold answer of
    the training pool's 512 place questions is rejected."""
    if q.kind is not Kind.PLACE or OWNER_ASKED.search(q.core):
        return False
    owned = _OWNS.match(text, end)
    return owned is not None and stem(fold(owned.group("owned"))) not in q.terms


# A possessive and a lowercase word after a span: "’s semi-official …"
_OWNS = re.compile(r"(?:['’]s|s?['’])\s+(?P<owned>[a-z][\w-]*)")


def not_what_it_becomes(q: Question, text: str, start: int, end: int) -> bool:
    """For "What should X become?" (or "… turn X into?"), a span of a sentence that says what something is
    turned "into", other than what follows it: "scheme" of "… Beijing’s scheme to link the cities … into an
    integrated economic and business hub" for "What should the Greater Bay Area become?" (the hub is what it
    becomes). For "… become?" and "… turn X into?", also a span of a sentence that says nothing becomes, is turned
    or made anything ("Science Park" of the headline "Hong Kong Science Park to open new branch …", "better
    collaboration" of "… placed great emphasis on better collaboration between the two neighbouring cities"; the
    training pool holds no question that ends so). No gold answer of the training pool is rejected."""
    if q.kind is not Kind.ENTITY or not _BECOME.search(q.core):
        return False
    lower, upper = sentence_bounds(text, start, end)
    if _ENDS_BECOME.search(q.core) and not _BECOMING.search(text, lower, upper):
        return True  # "What does Hong Kong want the park to become?" is not "Science Park" of a headline
    if _TURNED.search(q.core) and not _BECOMING.search(text, lower, upper):
        return True  # "What does Beijing want to turn the cities into?" is not "better collaboration"
    into = [m.end() for m in _INTO.finditer(text, lower, upper)]
    after = [at for at in into if at <= start and len(text[at:start].split()) <= 1]
    if into and not after:
        return True
    asked = _TURNED.search(q.core)  # "What will the park be turned into?": what the sentence turns must be the park
    if not asked or not after:
        return False
    turned = _TURNS.search(text, max(lower, after[-1] - 80), after[-1])
    what = asked.group("what") or asked.group("what2")
    return turned is not None and not set(terms(what)) & set(terms(turned.group("what")))


# "What should X become?", "What does Beijing want to turn the cities into?": what something ends up as; the
# question ends with its verb; "into" before it in a sentence
_BECOME = re.compile(r"^\s*(?:what|which)\b.*\b(?:become|into)\s*\??\s*$", re.IGNORECASE)
_INTO = re.compile(r"\binto\b", re.IGNORECASE)
# "… become?" is answered by a sentence that says something becomes, is turned or made into something
_ENDS_BECOME = re.compile(r"\bbecome\s*\??\s*$", re.IGNORECASE)
_BECOMING = re.compile(
    r"\b(?:into|become|becomes|becoming|became|turn\w*|transform\w*|convert\w*|made|mak\w*)\b", re.IGNORECASE
)
# What a question or a sentence turns into something: "… will the park be turned into?", "… to turn the park
# into?", "turn the neighbouring cities into"
_TURNED = re.compile(
    r"\b(?:will|would|is|are|was|were|be)\s+(?P<what>(?:[\w'’-]+\s+){1,5}?)(?:be\s+)?turned\s+into\s*\??\s*$"
    r"|\bturn\s+(?P<what2>(?:[\w'’-]+\s+){1,5}?)into\s*\??\s*$",
    re.IGNORECASE,
)
_TURNS = re.compile(r"\bturn(?:s|ed|ing)?\s+(?P<what>(?:[\w'’-]+\s+){1,6}?)into\s*$", re.IGNORECASE)


def holds_asked_person(q: Question, text: str, start: int, end: int) -> bool:
    """For a place question about a person, a span that names that person (someone the document gives a post):
    the question's subject, not a place ("Hong Kong No 2 official Eric Chan attends a press conference in
    Beijing" for "Which city did Eric Chan travel to …?")."""
    if q.kind is not Kind.PLACE or not q.proper:
        return False
    asked = set(q.proper)
    return any(asked & set(terms(name)) and holds_post(text, name) for name in names_in(text, start, end))


# a lowercase verb of saying between two words: "Eric Chan says financial hub" (not ``ATTRIBUTING``, whose
# "stated" is also a participle: "as soon as they enter into force, unless stated otherwise"), or a verb of
# reporting with its "that": "Chen Qingying states that Tsongkhapa"
_REPORTED = re.compile(
    r"\w[,’'”\"]?\s+(?:(?:says|said|tells|told|announced|announces|adds|added|insists|insisted)\s+"
    r"|(?:states|stated|writes|wrote|argues|argued|claims|claimed|notes|noted|asserts|asserted|believes|believed"
    r"|maintains|maintained|explains|explained|suggests|suggested|contends|contended)\s+that\s+)\w"
)


def reports_inside(q: Question, span: str) -> bool:
    """A span that holds someone's saying something is a clause, not a name, place, time, number or list:
    "Eric Chan says financial hub" (of a headline "… Eric Chan says financial hub will join hands with
    Shenzhen …") for "Who will Hong Kong join hands with?", "Chen Qingying states that Tsongkhapa" for "Who wrote
    the letter …?". Of the training pool's first gold answers to
    such questions (3,501) none holds such a verb; a what-question may want a statement ("What was the myth
    …?" of "a disproved legend says that Manhattan was purchased for …"), and 2 gold answers to why and how
    questions hold one."""
    return q.kind not in (Kind.ENTITY, Kind.DESCRIBE, Kind.REASON) and _REPORTED.search(span) is not None


# two names joined by "and": "Qin and Sun Yuning"
_TWO_NAMES = re.compile(
    r"(?P<first>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+and\s+(?P<second>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


# a who-question for whom someone did something with: "Who did Qin make the promise with?"
_COMPANION = re.compile(r"\b(?:with|together|alongside|joined|joint(?:ly)?)\b", re.IGNORECASE)


def without_asked_person(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """For a who-question for whom a person it names as its subject did something with ("Who did Qin make the
    promise with?"; not "Who does Sun Yuning work for?", whose answer the comma may add), a span of two
    names joined by "and", one of them that person's, keeps the other: "Qin and |Sun Yuning|" (the person the
    question names is no answer: ``_asked_person_again``), without what a comma adds after them: "|Qin| and Sun
    Yuning, deputy director of the General Administration of Customs" for "Who did Sun Yuning promise … with?"."""
    companion = q.kind is Kind.PERSON and _COMPANION.search(q.core)
    asked = set(terms(" ".join(subject_asked(q)[0]))) if companion else set()  # "Qin" of "Who did Qin …?"
    pair = _TWO_NAMES.match(text, start, end) if asked else None
    if pair is None or not (pair.end() == end or text.startswith(",", pair.end())):
        return start, end
    first, second = bool(set(terms(pair.group("first"))) & asked), bool(set(terms(pair.group("second"))) & asked)
    if first and not second:
        return pair.start("second"), pair.end("second")
    if second and not first:
        return start, pair.end("first")
    return start, end


def _asked_person_again(q: Question, text: str, start: int, end: int) -> bool:
    """A span that is only a person the question names, or part of that person's name, with a post before it
    or not ("Xi Jinping", "Jinping", "Chinese President Xi Jinping" for "What was Xi attending when he called
    for a zone?"): the question's subject or object, not its answer. A who-question asks for someone else too
    ("Who photographed Eric Chan …?" is not "Eric Chan Kwok-ki"; no gold answer of the training pool's 973
    who-questions is a person the question names); a question that asks to describe the person is not."""
    if q.kind is Kind.DESCRIBE or not q.proper or NAME_ASKED.search(q.core):
        return False
    if not all(w[:1].isupper() for w in text[start:end].split()):
        return False
    begin = name_begins(text, start)  # "Xi |Jinping": the whole name
    names = names_in(text, begin, end)
    if not names or not any(t in q.proper for t in terms(names[-1]) if t not in TITLES):
        return False
    return a_person(text, begin, end)  # last: it looks for the name's post through the whole document


# "the zone's official name", "the name of the Hetao zone": a name whose owner the question calls by a noun
_NAME_OWNED = re.compile(
    r"\b([a-z][\w-]*)['’]s?\s+(?:[a-z]+\s+){0,2}names?\b|\bnames?\s+of\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)", re.IGNORECASE
)
_THING_OWNERS = _KINDS - {stem(word) for word in TITLES}


@lru_cache(maxsize=1024)
def thing_name_asked(q: Question) -> bool:
    """A what-question for the name of a body or place it calls by a noun ("the Hetao zone's official name",
    "the name of the river"): a name answers it, and no person's. An owner that is a post or a person ("the
    name of the mayor's wife") asks nothing of the sort, nor does "Where does the state's name come from?"."""
    asked = _NAME_OWNED.search(q.core)
    if asked is None or q.kind not in (Kind.ENTITY, Kind.LIST):
        return False
    for word in (asked.group(1) or asked.group(2)).split():
        if asked.group(2) and word.endswith(("'s", "’s", "s'")):
            continue  # "the name of the university's founder": the founder's
        if stem(fold(word)) in _THING_OWNERS:
            return True
        if fold(word) in TITLES or fold(word) in PERSON_NOUNS:
            return False
    return False


# Two coarse kinds of named thing: a stretch of land or water, and a body or a building of one
_AREA_KINDS = {
    stem(word)
    for word in ("zone", "area", "region", "park", "district", "city", "town", "country", "state", "province", "island")
} | {stem(word) for word in ("river", "lake", "mountain", "street", "sea", "bay")}
_BODY_KINDS = BODY_HEADS | {stem(word) for word in ("centre", "center", "group", "body", "tower", "hospital")}


def _name_of_another_kind(q: Question, text: str, start: int, end: int) -> bool:
    """For "What is the name of the quantum-computing centre?", a name whose last word is a kind of the other
    coarse kind than the asked one: "… Innovation Cooperation Zone" names an area, not a centre (a body's name
    may end in another body's noun: "King's College" for a university); or a name that another kind's noun
    follows: "Brics" of "the Brics association" names an association, not the data exchange asked about. A piece of
    a name is read as the whole name ("Hetao … Technology Innovation" of "… Innovation Cooperation Zone")."""
    asked = _NAME_OWNED.search(q.core)
    owner = (asked.group(1) or asked.group(2)) if asked else ""
    owned = [stem(fold(word)) for word in owner.split() if stem(fold(word)) in _THING_OWNERS]
    said = text[start:end].rstrip(EDGE + ".").split()
    if not owned or not said:
        return False
    if stem(_word_after_name(text, end)) in _KIND_HEADS - {owned[-1]}:
        return True
    kinds = [k for k in (_AREA_KINDS, _BODY_KINDS) if owned[-1] in k]
    # the last word of the run of capitalised words the span ends in: "… Technology Innovation| Cooperation Zone"
    last = stem(fold(text[start : name_run_end(text, end)].rstrip(EDGE + ".").split()[-1]))
    return len(kinds) == 1 and last in (_AREA_KINDS | _BODY_KINDS) - kinds[0]


def _named(span: str) -> bool:
    """Opens and ends with a capitalised word, an article aside: "The Trout River", "US Interagency Task Force
    on Antimicrobial Resistance", lowercase only for function words; not "the Hetao cooperation zone", nor "Eric
    Chan attends a press conference in Beijing on the Hetao"."""
    found = [w for w, _, _ in words(span) if fold(w) not in ("the", "a", "an")]
    joined = all(w[:1].isupper() or not w[:1].isalpha() or fold(w) in STOPWORDS for w in found)
    return bool(found) and found[0][:1].isupper() and found[-1][:1].isupper() and joined


def _plural_of_one(q: Question, word: str) -> bool:
    """``word`` is the plural of the kind a question asks one of: "Hong Kong universities" names the kind, not
    the university that "Which university leads the innovation centres?" asks for."""
    asked = {fold(w) for w, _, _ in words(q.core) if stem(fold(w)) == q.head}
    return bool(asked) and fold(word) not in asked and fold(word).endswith("s")


_WHO = re.compile(r"\s*who\b", re.IGNORECASE)
# "… is what river?", "On which island is …": the kind named right after the wh-word, then the question's end,
# a verb's auxiliary or a preposition, so that the kind is the thing asked for ("what street drug" is a drug)
_KIND_THEN = re.compile(
    r"\b(?:what|which)\s+([a-z]+)\s*(?:\?|$|(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would"
    r"|in|on|at|of|by|from)\b)",
    re.IGNORECASE,
)


def _kind_asked_alone(q: Question) -> bool:
    """The kind asked for stands alone after its wh-word: a name of that kind is the answer."""
    asked = _KIND_THEN.search(q.core)
    return asked is not None and stem(fold(asked.group(1))) == q.head


_FOLLOWING_WORD = re.compile(r" ([a-z]+)\b")


def _one_choice(q: Question, said: set[str]) -> bool:
    """The span's terms name one of the question's choices, not the other, and at most one word the question
    does not ("the Shenzhen one", "Informal rule"; not "87 hectares (214 acres), and the Shenzhen one")."""
    first, second = q.choices
    named = [choice for choice in (first, second) if choice & said]
    return len(named) == 1 and len(said - set(q.terms) - first - second - {"one", "ones"}) <= 1


# A magnitude ("56.4 million") is a sum of money unless a counted noun follows it ("56.4 million visitors")
_MAGNITUDE = re.compile(rf"\b(?:{MAGNITUDES})$", re.IGNORECASE)
_COUNTED_NOUN = re.compile(r"\s+([a-z]+)")
# "How much (more) water …?": the thing measured, when the question names a physical one
_HOW_MUCH_OF = re.compile(rf"\bhow\s+much\s+(?:(?:{COMPARATIVES})\s+)?([a-z]+)\b", re.IGNORECASE)
_MASSES = {
    *("water", "oil", "gas", "fuel", "coal", "petroleum", "energy", "electricity", "power", "heat", "rain", "rainfall"),
    *("snow", "snowfall", "land", "space", "time", "food", "grain", "wheat", "rice", "sugar", "milk", "steel"),
    *("iron", "carbon", "oxygen", "sediment", "soil", "waste", "radiation", "light", "weight", "mass", "memory"),
}


def _money(text: str, start: int, end: int) -> bool:
    """The span holds a sum of money or a share; a bare magnitude that counts the noun after it holds none
    ("56.4 million" of "56.4 million visitors")."""
    span = text[start:end]
    magnitude = _MAGNITUDE.search(span)
    if magnitude and not MONEY.search(span[: magnitude.start()]):
        counted = _COUNTED_NOUN.match(text, end)
        return counted is None or fold(counted.group(1)) in STOPWORDS or bool(MONEY.fullmatch(counted.group(1)))
    return bool(MONEY.search(span))


def _other_mass(q: Question) -> bool:
    """The question measures a named thing other than money ("How much more water …?")."""
    asked = _HOW_MUCH_OF.search(q.core)
    if asked is None:
        return False
    return fold(asked.group(1)) in _MASSES


_YEAR = re.compile(r"(?:1\d|20)\d\d")
# A question about the past ("When did …?") and a time that a future verb governs ("will be reality by 2035")
PAST_ASKED = re.compile(r"^\s*(?:when|in\s+what\s+year|what\s+year)\s+(?:did|was|were)\b", re.IGNORECASE)
# where a clause of its own begins: "…, and it opened in 1970", "…; it opened …"
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|although|though|yet)\b", re.IGNORECASE)
# the modal, not the noun ("free will", "the will of the people", "his will")
_FUTURE_BEFORE = re.compile(
    r"(?<!\bfree )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\bown )(?<!\bgood )(?<!\btheir )"
    r"\b(?:will|shall)(?:\s+(?:not\s+)?[a-z]+\b(?<!\bbecame)(?<!\bwas)(?<!\bwere)|\s*$)",
    re.IGNORECASE,
)


def _future_for_past(q: Question, text: str, start: int, end: int) -> bool:
    """A question about the past ("When did …?") and a time after a future verb in the span's sentence or in
    the span, in the same clause ("will be reality by 2035", "will open its new branch in Shenzhen on
    Thursday, a key step in a wider effort by Beijing to turn the neighbouring cities into … by 2035"; not
    "… will open on Thursday, and it opened in 1970"); none of the training pool's 602 gold answers to such
    questions stands so."""
    if q.kind is not Kind.TIME or PAST_ASKED.match(q.core) is None:
        return False
    future = [m.end() for m in _FUTURE_BEFORE.finditer(text, sentence_start(text, start), end)]
    return bool(future) and (future[-1] > start or _NEW_CLAUSE.search(text, future[-1], start) is None)


def _only_a_number(span: str) -> bool:
    """A number, share or sum and nothing else ("70%", "$5.11", "two million"): no cause or purpose."""
    found = re.findall(r"[A-Za-z]+", span)
    return has_number(span) and all(fold(w) in NUMBER_WORDS or MONEY.fullmatch(w) for w in found)


# "… clearance to facilitate the flow …": a lowercase word between "to" and a determiner is a verb
_TO_BEFORE = re.compile(r"(?:^|\s)to\s+$")
_DETERMINER_AFTER = re.compile(r"\s+(?:the|a|an|its|their|his|her|this|these|those|our)\b", re.IGNORECASE)


def ends_in_a_verb(q: Question, text: str, start: int, end: int) -> bool:
    """The span stops at a verb, cut from its object: "facilitate" of "… clearance to facilitate the flow of
    people …", or "immigration and clearance to facilitate", unless the question asks for a verb ("… have a
    duty to what?", "… to do what?"). Of the training pool's gold answers, one other is such a word ("respect"
    of "expected to respect their students", for "What are teachers expected to give their students?"), and
    none ends so. For a finished span: the learned reader's completions grow "to facilitate" into the purpose
    it starts ("to facilitate the flow of people …")."""
    last = re.search(r"\b[a-z]+$", text[start:end])
    if last is None or Wants.VERB in q.wants:
        return False
    word = start + last.start()
    return (
        _TO_BEFORE.search(text, max(0, word - 4), word) is not None and _DETERMINER_AFTER.match(text, end) is not None
    )


def _only_a_date(span: str) -> bool:
    """A day, month or year and nothing else ("Tuesday", "March 1833", "2017"): no person or place."""
    found = [fold(w) for w in re.findall(r"[\w'’-]+", span)]
    numbered = any(w.isdigit() for w in found)  # a month alone may be a name ("May", "August")
    dated = [w for w in found if w in WEEKDAYS or (w in MONTHS and numbered) or _YEAR.fullmatch(w)]
    return bool(dated) and all(w in WEEKDAYS or w in MONTHS or w.isdigit() or w in STOPWORDS for w in found)


# "Who held the press conference?": the verb in the past and what it was done to
_WHO_DID = re.compile(
    r"^\s*who\s+(?:(?:first|also|later|originally|initially|eventually|then|once|formally|officially)\s+)?"
    r"(?P<verb>[a-z]+)\s+(?P<object>[^?]+)",
    re.IGNORECASE,
)
_PAST_IRREGULAR = {
    *("held", "built", "made", "wrote", "led", "founded", "won", "took", "gave", "sent", "found", "brought"),
    *("began", "ran", "set", "sold", "bought", "paid", "fought", "taught", "told", "kept", "chose", "drew"),
}
# "Which body announced the measures?": the same for a doer of a kind, named by one or two words before the verb
_WHICH_DID = re.compile(
    r"^\s*(?:which|what)\s+(?:(?!(?:was|were|is|are|did|does|do|had|has|have)\b)[a-z]+\s+){1,2}?"
    r"(?:(?:first|also|later|originally|initially|eventually|then|once|formally|officially)\s+)?"
    r"(?P<verb>[a-z]+ed|" + "|".join(sorted(_PAST_IRREGULAR)) + r")\s+(?P<object>[^?]+)",
    re.IGNORECASE,
)
# A verb with no object, only a time or place after it ("What member ratified in 1970?"): its doer may be
# left out of a list that shares the verb ("The Soviet Union ratified in 1954, the United Kingdom in 1970")
# Prepositions of a time or place ("in 1970", "on Tuesday", "during the war"): the base of the sets below
_TIME_PLACE_PREPOSITIONS = ("in", "on", "at", "during", "after", "before", "since", "until", "from")
_NO_OBJECT = re.compile(r"(?:" + "|".join((*_TIME_PLACE_PREPOSITIONS, "by", "for")) + r")\b", re.IGNORECASE)
_BY_AGENT = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+by\s+(?P<agent>[^,.;:]+(?:,\s+and\s+[^,.;:]+)?)")
# "Beijing first proposed the border park": the name that does the deed, just before its verb (an adverb
# between); a comma before the verb ends an appositive, whose last name did nothing
_AGENT_BEFORE = re.compile(
    r"(?P<agent>[A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*)*)\s+(?:(?:[a-z]+ly|first|also|later|then|once)\s+)?$"
)


# "… when attending the signing ceremony?": the clause of a question that says when or how the asked deed was done
_RESTATED_CLAUSE = re.compile(
    r"\b(?:when|while|after|before|by|upon|on)\s+\w+ing\s+((?:[\w'’-]+\s+){0,5}[\w'’-]+)\s*\?*\s*$", re.IGNORECASE
)
_TWO_WORDS_THEN_OF = re.compile(r"([\w'’-]+)\s+([\w'’-]+)\s+of\s+(?:the\s+|a\s+|an\s+)?$")


def of_the_restated_clause(q: Question, text: str, start: int, end: int) -> bool:
    """For "What did Xi call for when attending the signing ceremony?", a span that completes the clause the
    question restates: "Greater Bay Area framework" of "… when attending the signing ceremony of the Greater
    Bay Area framework". The question gives that thing; it does not ask for it. (Of the training pool's 58
    questions with such a clause, no gold answer is rejected, nor any of 10 SQuAD 2.0 plausible answers.)"""
    last = _restated_clause_end(q)
    if not last:
        return False
    before = _TWO_WORDS_THEN_OF.search(text, max(0, start - 80), start)
    return before is not None and set(terms(f"{before.group(1)} {before.group(2)}")) >= last


@lru_cache(maxsize=1024)
def _restated_clause_end(q: Question) -> frozenset[str]:
    """The last two terms of the question's closing clause ("signing", "ceremony" of "… when attending the signing
    ceremony?"); empty when it closes with none. Once per question."""
    clause = _RESTATED_CLAUSE.search(q.core)
    return frozenset(terms(clause.group(1))[-2:]) if clause is not None else frozenset()


def agent_elsewhere(q: Question, text: str, start: int, end: int) -> bool:
    """For "Who VERBed X?" (or "Which NOUN VERBed X?"), the document says by whom X was VERBed ("… a press
    conference held in Beijing by a number of ministries"), and the span is not that agent ("Qin Weizhong",
    who spoke at it, nor "Eric Chan", who attended it); or the span's sentence names the doer just before the
    verb ("The State Council announced a raft of measures"), and the span shares no word with it ("raft").
    A named thing may have been VERBed by many ("Who inspired Beyoncé …?"): then only the span's own
    sentence counts for the agent. Of the training pool's questions whose gold sentence says so
    (``eval/scripts/gold_answer_checks.py`` counts them), every gold answer is the agent or the doer."""
    deed = _asked_deed(q)
    if deed is None:
        return False
    lower, upper = sentence_bounds(text, start, end)
    agents = asked_agents(q, text)
    if deed[2]:  # a named thing
        agents = tuple((begin, stop) for begin, stop in agents if lower <= begin < upper)
    if agents and not any(start < stop and end > begin for begin, stop in agents):
        return True
    found = asked_doers(q, text)
    doers = [text[begin:stop] for begin, stop in found if lower <= begin < upper]
    if (
        found
        and not doers
        and _a_line_of_its_own(text, lower, upper)
        and not any(lower <= done.start() < upper for done, *_ in _deeds_done(q, text))
    ):
        return True  # "Hong Kong" of a headline, when "Beijing first proposed the border park" stands elsewhere
    mine = set(terms(text[start:end]))
    return bool(doers) and not any(mine & set(terms(doer)) for doer in doers)


# What opens a cause or a purpose: "because (of) …", "due to …", "in order to …", "to attend …", "for
# research purposes"; the words of the opening that stay out of the answer ("because") are counted.
REASON_OPENINGS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("because", "of"), 2),
    (("because",), 1),
    (("due", "to"), 0),
    (("owing", "to"), 0),
    (("thanks", "to"), 0),
    (("in", "order", "to"), 0),
    (("so", "as", "to"), 0),
    (("so", "that"), 0),
    (("in", "response", "to"), 0),
    (("for", "fear", "of"), 0),
    (("to",), 0),
    (("for",), 0),
)
PURPOSES = {"purpose", "purposes", "reason", "reasons", "sake"}
# The same openings in a text: "to" only before a lowercase word that is no article ("to attend", not "to the")
_REASON_OPENING = re.compile(
    "(?:"
    + "|".join(
        r"\s+".join(opening) + (r"(?=\s+(?!the\b|a\b|an\b)[a-z])" if opening == ("to",) else r"\b")
        for opening, _ in REASON_OPENINGS
    )
    + ")"
)


def past_restated_reason(q: Question, text: str, start: int, end: int) -> int:
    """A "why" answer that opens by restating the question starts at the cause or purpose after it:
    "to visit overseas websites |for research purposes" for "Why would researchers visit overseas
    websites?"; so does one that restates it further in, before a plain cause or purpose ("special data
    channel for researchers … to visit overseas websites |for research purposes")."""
    if q.kind is not Kind.REASON:
        return start
    restated = _restated_then_reason(q, text, start, end)
    if restated is not None:
        return restated
    asked = set(q.terms)
    restated_word = False  # the word just before was one of the question's
    for word, begin, _ in words(text[start:end]):
        if restated_word and _REASON_OPENING.match(text, start + begin):
            return start + begin
        folded = fold(word)
        restated_word = stem(folded) in asked
        if not restated_word and folded not in STOPWORDS:
            break
    return start


def _restated_then_reason(
    q: Question, text: str, start: int, end: int, opens: re.Pattern[str] | None = None
) -> int | None:
    """Where, in ``text[start:end]``, two or more of the question's terms in a row (stopwords between them
    aside) are followed by a plain cause or purpose (``opens``, by default ``_PLAIN_REASON``): the offset of
    that opening."""
    asked, run, opens = set(q.terms), 0, opens or _PLAIN_REASON
    for word, begin, _ in words(text[start:end]):
        folded = fold(word)
        if run >= 2 and opens.match(text, start + begin):
            return start + begin
        if stem(folded) in asked or stem(verb_base(folded)) in asked:  # "flew" restates "fly"
            run += 1
        elif folded not in STOPWORDS:
            run = 0
    return None


# "What kinds of clusters does Shenzhen aim to establish?": the verb that ends the question, after its auxiliary
# and up to four words (not a plural noun: "… that affects teachers?", nor a noun after an article)
_LAST_VERB = re.compile(
    r"\b(?:does|did|do|will|would|can|could|should)\s+(?:[\w'’-]+\s+){0,3}?([\w'’-]+)\s+([a-z]+)\s*\?\s*$"
)


@lru_cache(maxsize=1024)
def _asked_last_verb(q: Question) -> str:
    """The verb a what-question ends with ("establish"), or "" (not a plural noun, nor a noun after its
    article: "What can block a legislation?")."""
    asked = _LAST_VERB.search(q.core) if q.kind in (Kind.ENTITY, Kind.LIST) else None
    if asked is None:
        return ""
    before, verb = asked.groups()
    if verb in STOPWORDS or (verb.endswith("s") and not verb.endswith("ss")):
        return ""
    return "" if fold(before) in STOPWORDS and fold(before) != "to" else verb


def past_asked_verb(q: Question, text: str, start: int, end: int) -> int:
    """A what-answer that opens with the verb the question ends with starts after it: "establish |key laboratory
    clusters, …" for "What kinds of clusters does Shenzhen aim to establish?". Of the training pool's 900 or so
    such questions, no gold answer opens with its verb (``eval/scripts/gold_answer_checks.py``)."""
    verb = _asked_last_verb(q)
    if not verb:
        return start
    found = words(text[start:end])
    if len(found) > 1 and fold(found[0][0]) == verb:
        return start + found[1][1]
    return start


# The openings of a cause or purpose that open nothing else ("to" and "for" alone also open an infinitive's
# object or a noun's: "forced Ford to introduce", "punishment for a violation")
_PLAIN_REASON = re.compile(
    r"(?:because|due\s+to|owing\s+to|thanks\s+to|in\s+order\s+to|so\s+as\s+to|so\s+that|in\s+response\s+to"
    r"|for\s+fear\s+of|for\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(PURPOSES)) + r"))\b",
    re.IGNORECASE,
)


# a plain cause or purpose, or an infinitive: "flew to Beijing |to attend the press conference" (not "to Beijing",
# "to the …"); right after the question restated, a purpose
_REASON_OR_PURPOSE = re.compile(
    _PLAIN_REASON.pattern + r"|(?-i:to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|be)\b)[a-z]{2,}\b)",
    re.IGNORECASE,
)


def reason_after_restated(q: Question, text: str, start: int, end: int) -> bool:
    """For "why" questions, a span before the place where its sentence restates the question and then opens a
    cause or purpose ("… a special data channel for researchers … to visit overseas websites |for research
    purposes" for "Why would researchers visit overseas websites?"): the cause stands after, the span is not it;
    nor is a span that starts after the clause such an opening (or an infinitive: "to attend") begins has
    ended ("Eric Chan Kwok-ki, who flew to Beijing |to attend the press conference, said |the financial hub
    would …" for "Why did Eric Chan fly to Beijing?"). Of the 9 why-questions of the training pool whose gold
    sentence restates them before the gold answer so, none has the gold answer after such a break."""
    if q.kind is not Kind.REASON:
        return False
    lower, upper = sentence_bounds(text, start, end)
    if _restated_then_reason(q, text, end, upper) is not None:
        return True
    opening = _restated_then_reason(q, text, lower, start, _REASON_OR_PURPOSE)
    return opening is not None and _CLAUSE_BREAK.search(text, opening, start) is not None


# "Who will run the special data channel?": who does the deed (the question's verb, in its base or present
# form) to the thing (the object's last word); not "who is …", nor a verb of getting ("Who will use …?")
_WHO_DOES = re.compile(
    r"^\s*who\s+(?:(?:will|would|can|could|should|may|might|must|does|do|is\s+going\s+to|is\s+to)\s+)?"
    r"(?P<verb>[a-z]{3,})\s+(?P<object>(?:the|a|an|its|this|that)\s+[^?]+?)\s*\?*\s*$",
    re.IGNORECASE,
)
_GETTING = frozenset({"use", "get", "receive", "benefit", "need", "enjoy", "access", "gain", "want", "obtain", "serve"})


def for_whom_not_who(q: Question, text: str, start: int, end: int) -> bool:
    """For "Who will run the special data channel?", a span that says whom the thing is for ("a special data channel
    for |researchers|"), in a sentence without the asked deed: they get the channel, nobody says they run it."""
    asked = _WHO_DOES.match(q.core)
    verb = fold(asked.group("verb")) if asked is not None else ""
    if asked is None or q.kind is not Kind.PERSON or verb in STOPWORDS or {stem(verb), verb[:-2]} & _GETTING:
        return False  # "gets" is "get", "accesses" is "access"
    thing = _PREPOSITION.split(asked.group("object"), maxsplit=1)[0].split()[-1]
    lower, upper = sentence_bounds(text, start, end)
    for_whom = re.compile(rf"\b{re.escape(thing)}\s+(for\s+(?:the\s+)?)", re.IGNORECASE)
    if not any(said.start(1) <= start <= said.end(1) for said in for_whom.finditer(text, lower, upper)):
        return False
    deed = stem(verb_base(fold(asked.group("verb"))))
    return deed not in {stem(verb_base(fold(word))) for word, _, _ in words(text[lower:upper])}


def asked_agent(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """Within a longer span, the agent of "Who VERBed X?": "a number of ministries" of "Qin Weizhong said at a
    press conference held in Beijing by a number of ministries" for "Who held the press conference?", and a
    span that runs on from the doer into its deed ends before it ("the Ming| abolished the policy council")."""
    deed = _asked_deed(q)
    if deed is None:
        return start, end
    for found in asked_agents(q, text):
        for begin, stop in agent_phrases(text, *found):  # "a number of ministries| on Tuesday"
            stop = min(stop, end)  # the span may end inside the agent's phrase
            if start <= begin < stop and text[start:end].strip(EDGE + ".") != text[begin:stop]:
                return begin, stop
    for _, stop in asked_doers(q, text):  # the span may start inside the doer: "State Council| announced …"
        if start < stop < end and deed[0] in fold(text[stop:end]).split():
            return start, stop  # "the Ming| abolished the policy council …": the doer, not its deed
    return start, end


@lru_cache(maxsize=1024)
def _asked_deed(q: Question) -> tuple[str, frozenset[str], bool] | None:
    """For "Who VERBed X?", "Which NOUN VERBed X?" (the verb in the past) or "By whom was X VERBed?": the verb,
    the first content term of X and the head of its noun phrase, which ends at its first preposition ("press",
    "conference" of "the press conference in Beijing"; "beijing", "conference" of "the Beijing press
    conference"), and whether X is a name ("Beyoncé"); None for other questions."""
    asked = _WHO_DID.match(q.core) or _WHICH_DID.match(q.core) or _BY_WHOM.match(q.core)
    if asked is None:
        return None
    verb = fold(asked.group("verb"))
    noun_phrase = _PREPOSITION.split(asked.group("object"), maxsplit=1)[0]
    object_terms, phrase = terms(asked.group("object")), terms(noun_phrase)
    done_to = frozenset(object_terms[:1] + [t for t in phrase[-1:] if t not in NUMBER_WORDS])  # not "one" of "one of …"
    past = verb.endswith("ed") or verb in _PAST_IRREGULAR or asked.re is _BY_WHOM
    if not done_to or not past or _NO_OBJECT.match(asked.group("object")):
        return None
    # "Beyoncé" is a name; "Tuesday" of "the Tuesday press conference" is none
    thing = next((w for w, _, _ in words(asked.group("object")) if fold(w) not in STOPWORDS | WEEKDAYS | MONTHS), "")
    return verb, done_to, thing[:1].isupper()


# "By whom was the Beijing press conference held?": the passive's agent asked for, its verb last
_BY_WHOM = re.compile(
    r"^\s*by\s+whom\s+(?:was|were|is|are|has\s+been|had\s+been|have\s+been)\s+(?P<object>[^?]+?)\s+"
    r"(?:(?:first|also|later|originally|initially|eventually|then|once|formally|officially)\s+)?"
    r"(?P<verb>[a-z]+)\s*\?*\s*$",
    re.IGNORECASE,
)
# Where a question's object ends: its noun phrase stops at the first preposition
_PREPOSITION = re.compile(
    r"\s+(?:"
    + "|".join((*_TIME_PLACE_PREPOSITIONS, "of", "for", "to", "by", "with", "into", "over", "under", "about"))
    + r")\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=32)
def asked_agents(q: Question, text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` names the agent of the question's verb done to its object: "X VERBed … by AGENT". Once per
    question and text: every candidate of a question asks."""
    found = []
    for done, done_to, lower, upper in _deeds_done(q, text):
        by = _BY_AGENT.match(text, done.end(), upper)
        if by is not None and done_to & set(terms(text[max(lower, done.start() - 60) : done.start()])[-4:]):
            found.append((by.start("agent"), by.end("agent")))
    return tuple(found)


def agent_phrases(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """The noun phrases of an agent ``text[begin:stop]`` as ``asked_agents`` gives it: each ends before the time,
    place or clause that follows ("a number of ministries| on Tuesday"), and "… and by X" adds another ("her role
    in Dreamgirls and by singer Josephine Baker": "her role", "singer Josephine Baker")."""
    out = []
    for part in _AND_BY.split(text[begin:stop]):
        at = text.index(part, begin)
        after = _AFTER_AGENT.search(text, at, at + len(part))
        out.append((at, after.start() if after else at + len(part)))
        begin = at + len(part)
    return out


_AND_BY = re.compile(r",?\s+and\s+by\s+")
# What follows an agent's noun phrase: a time, place or clause; "of" and "and" stay inside it ("the Committee
# of Independent Experts")
_AFTER_AGENT = re.compile(
    r"\s+(?:"
    + "|".join((*_TIME_PLACE_PREPOSITIONS, "with", "to", "for", "when", "while", "as", "who", "which", "that"))
    + r")\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=32)
def asked_doers(q: Question, text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` names the doer of the question's verb just before it, with its object after: "AGENT VERBed
    X" ("Beijing first proposed the border park"). Once per question and text."""
    found = []
    for done, done_to, lower, upper in _deeds_done(q, text):
        doer = _AGENT_BEFORE.search(text, max(lower, done.start() - 80), done.start())
        if doer is not None and done_to & set(terms(text[done.end() : min(upper, done.end() + 60)])[:4]):
            found.append((doer.start("agent"), doer.end("agent")))
    return tuple(found)


# Verbs that say the same of an event: who "hosted" a press conference is who "held" it
_HOLDING = {"held", "hosted", "organised", "organized", "convened", "staged"}


def _deeds_done(q: Question, text: str) -> Iterator[tuple[re.Match[str], frozenset[str], int, int]]:
    """Each mention of the question's verb in ``text``, with the terms of what it was done to and the
    bounds of its sentence; none for a question that asks no "Who VERBed X?"."""
    deed = _asked_deed(q)
    if deed is None:
        return
    verb, done_to, _ = deed
    said = sorted(_HOLDING) if verb in _HOLDING else [verb]  # "Who hosted …?" of "… held … by …"
    for done in re.finditer(r"\b(?:" + "|".join(map(re.escape, said)) + r")\b", text, re.IGNORECASE):
        yield (done, done_to, *sentence_bounds(text, done.start(), done.end()))


_NAME_JUST_BEFORE = re.compile(  # "Hung, also former |principal liaison officer …"
    r"([A-Z][\w'’-]*), (?:(?:also|now|then|once|formerly|former|previously|currently|the|a|an) )*"
    r"(?:(?!(?:of|and|or|but|with|in|for|to|at|by|from|on|as|though|although|while|when|whereas|who|which|that)\b)"
    r"[a-z][\w-]* ){0,2}$"
)


def describes_named(q: Question, text: str, start: int, end: int) -> bool:
    """For "who" asking about someone the question names, a span that describes that very person: a post
    just before the name ("Chinese Big Data Society executive chairman| Witman Hung" for "Who did Witman
    Hung speak to?") or an appositive just after it ("Sun Yuning, |deputy director of …" for "Who is Sun
    Yuning's boss?"). "Who is NAME?" asks for such a description and is no PERSON question. Of the
    training pool's 866 gold answers to "who" questions that name someone, none stands so."""
    if q.kind is not Kind.PERSON or not q.proper or not describes(text[start:end]):
        return False
    last = text[start:end].split()[-1]
    post_last = last.isalpha() and (last.islower() or fold(last) in TITLES)  # "chairman", "Mayor"; not "Burns'"
    after = NAME_JUST_AFTER.match(text, end) if post_last else None
    before = _NAME_JUST_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and opening_phrase_end(text, before.start(), start) < start:
        before = None  # "Speaking to the Post, |…": the comma closes an opening phrase, no appositive follows
    return any(m is not None and stem(fold(m.group(1))) in q.proper for m in (after, before))


# Where a sentence parts into clauses that say the like of different things ("…, with the Hong Kong side
# spread across 87 hectares, and the Shenzhen one occupying 302 hectares").
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+(?:while|whereas)\s+")


def things_for_people(q: Question, text: str, start: int, end: int) -> bool:
    """A count of things, places or bodies for a question that counts people: "10" of "10 innovation centres"
    for "How many students study at the five universities?" ("Five" of "Five Hong Kong universities" for "How many
    residents does Hong Kong have?"). The counted noun is among the three lowercase words after the span's last
    number and the names that may qualify it; a word that names people there ("10,000 Tibetan people") keeps the
    span. Of the training pool's 186 questions that count people, no gold answer counts such a thing."""
    if q.kind is not Kind.COUNT or not q.head or is_unit(q.head) or q.head in BODY_HEADS or not names_people(q.head):
        return False
    numbers = [m for m in _WORD.finditer(text, start, end) if has_number(m.group())]
    if not numbers:
        return False
    after = _LOWER_WORDS.match(text, numbers[-1].end())
    said = [fold(word) for word in after.group(1).split()] if after else []
    if any(stem(word) == q.head or (names_people(word) and stem(word) not in _COUNTED_THINGS) for word in said):
        return False  # "30 |states|" for "How many US states …?", "thousands of school |children|"
    # a university is a body, but "Five Hong Kong universities" are no five residents
    return any(is_unit(word) or stem(word) in _COUNTED_THINGS for word in said)


def counted_vaguely(q: Question, text: str, start: int, end: int) -> bool:
    """A number that counts something else in a sentence that counts the asked things only vaguely: "40" of "40
    other projects" for "How many ministries held the press conference?" of "… launch 40 other projects …, Mayor
    Qin Weizhong said at a press conference held in Beijing by a number of ministries". The sentence does not say
    how many ministries. A span that is the vague count itself ("thousands") or whose number counts the asked
    noun is kept."""
    if q.kind is not Kind.COUNT or not q.head:
        return False
    lower, upper = sentence_bounds(text, start, end)
    vague = [m for m in _VAGUE_COUNT.finditer(text, lower, upper) if stem(fold(m.group("noun"))) == q.head]
    if not vague or any(m.start() < end and start < m.end() for m in vague):
        return False
    numbers = [m for m in _WORD.finditer(text, start, end) if has_number(m.group())]
    if not numbers:
        return False
    after = _LOWER_WORDS.match(text, numbers[-1].end())
    said = [stem(fold(word)) for word in after.group(1).split()] if after else []
    return q.head not in said


_HOW_MANY_MUCH = re.compile(r"^\s*how\s+(?:many|much)\b", re.IGNORECASE)
# A count or amount per one of something: "How many centres did each university set up?", "… per year?"
_PER_ASKED = re.compile(r"\b(?:each|per|apiece)\b", re.IGNORECASE)
# A sentence that says a count or amount per one of something
_PER_SAID = re.compile(
    r"\b(?:each|per|apiece|every|annual(?:ly)?|yearly|daily|weekly|monthly|average)\b|/"
    r"|\ba\s+(?:year|day|week|month|season|game|person|head|piece)\b|\ban\s+hour\b",
    re.IGNORECASE,
)


def total_for_each(q: Question, text: str, start: int, end: int) -> bool:
    """For a question for a count or amount per one of something ("How many innovation centres did each
    university set up?"), a number from a sentence that says nothing per one: "10" of "Five Hong Kong universities
    have already set up 10 innovation centres" is the total, and nothing is computed. The sentences of the training
    pool's 14 gold answers to such how-many/much questions all say "each", "per", "a year" or the like."""
    return per_one_asked(q) and not _PER_SAID.search(sentence_around(text, start, end))


# A question for the sum of parts ("… the two sides cover together?", "How big is the park in total?") where it names
# no one thing or several ("… do Hong Kong and Shenzhen cover in total?"), not the whole of one ("… is the Shenzhen
# section in all?", "How many acres does the Hong Kong side cover altogether?"); and a sentence that states a sum
_SUM_ASKED = re.compile(
    r"\b(?:together|combined|altogether|between\s+them|in\s+total)\b|\bin\s+all\s*(?=[?,.!]|$)", re.IGNORECASE
)
_SEVERAL_ASKED = re.compile(r"\b(?:and|both|two|three|four|five|sides|sections|parts)\b", re.IGNORECASE)
_SUM_SAID = re.compile(
    r"\b(?:total\w*|together|combined|altogether|in\s+all|overall|sum|aggregate|whole|entire)\b", re.IGNORECASE
)


def _sum_asked(q: Question) -> bool:
    """Whether the question asks for the sum of parts (``_SUM_ASKED``), of no named thing or of several."""
    return _SUM_ASKED.search(q.core) is not None and (not q.proper or _SEVERAL_ASKED.search(q.core) is not None)


def one_of_the_parts(q: Question, text: str, start: int, end: int) -> bool:
    """For a how-many/much question for the sum of parts ("How many hectares do the two sides cover together?", "How
    big is the park in total?"), one of the quantities of a sentence that gives two or more of what the asked unit
    (or the span's) measures, conversions in brackets aside, and says no total:
    "302" of "… the Hong Kong side spread across 87 hectares (214 acres), and the Shenzhen one occupying 302
    hectares" is one side's, and nothing is added up, nor "214" of its "(214 acres)" (``qa.read.units``). (The
    training pool asks no question of the form.)"""
    if q.kind not in (Kind.COUNT, Kind.QUANTITY) or not _sum_asked(q):
        return False
    lower, upper = sentence_bounds(text, start, end)
    own = unit_at(text, start, end)
    if own is None or _SUM_SAID.search(text, lower, upper):
        return False
    return measures_said(text, lower, upper).count(measure_of(asked_unit(q.core) or own)) > 1


def per_one_asked(q: Question) -> bool:
    """A how-many/much question for a count or amount per one of something (not "What is the cost per province's
    budget?", answered "one percent" of "… one percent of …")."""
    return q.kind in (Kind.COUNT, Kind.QUANTITY) and bool(_HOW_MANY_MUCH.match(q.core) and _PER_ASKED.search(q.core))


# What a count of people is not: places, bodies and things counted in their stead ("40 other projects")
# (bodies of people, such as a team or an army, are left out)
_COUNTED_THINGS = (_KIND_HEADS - BODY_HEADS) | {
    stem(word)
    for word in (
        *("university", "college", "school", "company", "hospital", "museum", "centre", "center", "zone", "park"),
        *("area", "region", "project", "programme", "program"),
    )
}
# names may qualify the counted noun first: "Five |Hong Kong| universities"
_LOWER_WORDS = re.compile(
    r"\s+(?:(?:other|more|new|additional|further)\s+)?(?:[A-Z][\w'’-]*\s+){0,3}((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
)


def counted_elsewhere(q: Question, text: str, start: int, end: int) -> bool:
    """A count of things a name qualifies when the question names another and the sentence never names it:
    "Five |Hong Kong| universities" for "How many universities are there in Shenzhen?" counts Hong Kong's.
    Names the question says too describe the counted things as it does ("two Minor League Baseball teams")."""
    if q.kind is not Kind.COUNT or not q.head or not q.proper:
        return False
    counted = _NAMED_COUNT.match(text, end)
    if counted is None or stem(fold(counted.group("noun"))) != q.head:
        return False
    if set(terms(counted.group("names"))) <= set(q.terms):
        return False  # "two |Minor League Baseball| teams" for "How many minor league baseball teams …?"
    asked = set(q.proper)
    return not names_any(asked, counted.group("names")) and not names_any(asked, sentence_around(text, start, end))


# After a number, the names that qualify what it counts and the counted noun: " Hong Kong universities"
_NAMED_COUNT = re.compile(r"\s+(?P<names>(?:[A-Z][\w'’-]*\s+)+)(?P<noun>[a-z][\w-]*)")


def other_clause_asked(q: Question, text: str, start: int, end: int) -> bool:
    """A number said of something else than what the question names, beside one said of it.

    "How big is the Shenzhen side?" against "…, with the Hong Kong side spread across 87 hectares, and the
    Shenzhen one occupying 302 hectares": the clause of "87 hectares" names Hong Kong and not Shenzhen,
    and another clause of the sentence names Shenzhen and holds a number, so "87 hectares" answers the
    question about Hong Kong. For questions that want a number, a quantity or a date.
    """
    asked = set(q.proper)
    if q.kind not in (Kind.COUNT, Kind.QUANTITY, Kind.TIME) or not asked:
        return False
    opens = sentence_start(text, start)
    sentence = sentence_around(text, start, end)
    if any(not names_any({name}, sentence) for name in asked):
        return False  # the question names what the sentence does not: it says it in other words
    clauses, at = [], 0
    for cut in [*_CLAUSE_BREAK.finditer(sentence), None]:
        stop = cut.start() if cut else len(sentence)
        clauses.append((opens + at, opens + stop, _names_of(sentence[at:stop])))
        at = cut.end() if cut else at
    own = next((names for begin, stop, names in clauses if begin <= start < stop), [])
    if not own or names_any(asked, " ".join(own)):
        return False  # the span's clause names nothing, or what is asked: nothing to contrast
    measured = next(_measures(text[begin:stop]) for begin, stop, _ in clauses if begin <= start < stop)
    return any(
        names_any(asked, " ".join(names)) and measured & _measures(text[begin:stop])
        for begin, stop, names in clauses
        if not begin <= start < stop
    )


_MEASURED = re.compile(rf"(?<![\w.]){NUMERAL}\s+(?:\([^)]*\)\s+)?([A-Za-z]+)|\b(1\d{{3}}|20\d\d)\b")


def _measures(clause: str) -> set[str]:
    """What the clause's numbers count or measure ("hectares" of "87 hectares"), and "year" for a year:
    two clauses that say the like of two things measure the same."""
    return {stem(fold(m.group(1))) if m.group(1) else "year" for m in _MEASURED.finditer(clause)}


def _names_of(clause: str) -> list[str]:
    """The names of a clause: its capitalised words after the first (which any sentence capitalises), but
    not months and weekdays, which date a clause rather than say what it is about."""
    return [
        w
        for i, (w, _, _) in enumerate(words(clause))
        if i > 0 and w[:1].isupper() and fold(w) not in STOPWORDS | MONTHS | WEEKDAYS
    ]


def long_form_start(short: str, text: str, start: int, end: int) -> int:
    """The long form starts at a capitalised word whose initial is one of the short form's letters:
    "association comprising Brazil, Russia, …" → "Brazil, Russia, …" for "Brics" (a span of lowercase
    words, "software development kit", is left as it is)."""
    for word in re.finditer(r"[^\W\d_]+", text[start:end]):
        if word.group()[:1].isupper() and fold(word.group())[:1] in short:
            return start + word.start()
    return start


def spells(short: str, long: str) -> bool:
    """Whether ``long`` can be what ``short`` stands for: the short form is not in it, and its letters are
    the initials of the long form's words (hyphenated parts count; one in four may be missing or out of
    place: "SPECTRE" of "SPecial Executive for Counter-intelligence, Terrorism, Revenge and Extortion")."""
    found = [fold(w) for w in re.findall(r"[^\W\d_]+", long)]
    if not short or short in found:
        return False
    initials = {w[0] for w in found}
    return sum(letter not in initials for letter in set(short)) <= (len(short) - 1) // 4


_NAME_JOINS = {"and", "of", "for", "the", "de", "del", "la", "le", "van", "von", "der", "da", "di", "du", "y", "&"}


def is_name(text: str) -> bool:
    """Capitalised words, joined by "of", "and" and the like: "American Institute of Architects",
    "Eric Chan Kwok-ki"; not "the Hetao cooperation zone"."""
    found = [w for w, _, _ in words(text)]
    if found and fold(found[0]) == "the":
        found = found[1:]
    return bool(found) and found[0][:1].isupper() and all(w[:1].isupper() or fold(w) in _NAME_JOINS for w in found)


def _a_line_of_its_own(text: str, lower: int, upper: int) -> bool:
    """Whether ``text[lower:upper]`` (a sentence's bounds) is a line that does not end as a sentence does: a
    headline or a link to another story ("Hong Kong, Shenzhen border zone blueprint hopes to offer …")."""
    return (upper == len(text) or text[upper] == "\n") and not ends_as_a_sentence(text[lower:upper])


def premises_unshared(q: Question, text: str, start: int, end: int) -> Iterator[str]:
    """What the question takes as given that the span's sentence does not share, by name: its denial, a word it
    undoes ("unofficial"), a word whose opposite it says ("the first" for "the last"), its number, its time counted
    from now ("last week" for "last year"), its year, month or weekday, a name the sentence swaps a word of, a
    name it says before a noun that the sentence gives another name, and a one-word name after two words the
    sentence has before another (``qa.read.premise``). ``text`` is the whole document: a swapped name must be
    nowhere in it."""
    lower, upper = sentence_bounds(text, start, end)
    answer = (max(start, lower) - lower, max(min(end, upper), start) - lower)
    return unshared(q, text[lower:upper], lambda: sentence_before(text, lower), answer, text)


def premise_unsaid(q: Question, text: str, start: int, end: int) -> bool:
    """Whether the span's sentence leaves any of the question's premises unshared (``premises_unshared``)."""
    return next(premises_unshared(q, text, start, end), None) is not None


def with_currency(text: str, start: int, end: int) -> tuple[int, int]:
    """A number's currency sign is part of it: "$|500 million|" → "$500 million", "HK$|2|" → "HK$2", and the
    letters of its currency before a sign the span opens with: "US|$1.95 billion|" → "US$1.95 billion". Applied,
    like ``whole_range``, after scoring: the model's score for the number stands for the sum."""
    if start < end and text[start] in _CURRENCY_SIGNS:  # "$|1.95 billion" of "US$1.95 billion": the letters too
        m = _LETTERS_BEFORE_SIGN.search(text, max(0, start - 3), start)
        return (m.start() if m else start), end
    m = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    return (m.start() if m and text[start : start + 1].isdigit() else start), end


def past_date_lead(q: Question, text: str, start: int, end: int) -> int:
    """A "who" answer starts after a date and a comma before its name: "Tuesday, |Qin and Sun Yuning" for
    "Which customs official spoke on Tuesday?"."""
    dated = _DATE_LEAD.match(text, start, end) if q.kind is Kind.PERSON else None
    return dated.end() if dated else start


def year_of_event(q: Question, text: str, start: int, end: int) -> int:
    """A "when" answer that names an event and then its year starts at the year: "the 40th anniversary of the
    Shenzhen Special Economic Zone’s establishment in |2020" for "When did Xi stress the construction of the zone?".
    Of the training pool's 974 gold answers to time questions, 131 are the year after such an event ("The College of
    Engineering was established in |1920") and none is the event (``eval/scripts/gold_answer_checks.py``); a span
    with another year before is a range ("1756 to the signing of the peace treaty in 1763") and stays."""
    if q.kind is not Kind.TIME:
        return start
    dated = _EVENT_THEN_YEAR.search(text, start, end)
    if dated is None or dated.end() != end or _YEAR.search(text, start, dated.start("year")):
        return start
    return dated.start("year")


# an event of three words or more, then "in" and a year: "… establishment in 2020"
_EVENT_THEN_YEAR = re.compile(rf"(?:[^\W\d][\w'’-]*\s+){{3,}}in\s+(?P<year>{_YEAR.pattern})\b")


# A date and a comma before a name: "Tuesday, |Qin and Sun Yuning"
_DATE_LEAD = re.compile(
    r"(?:(?:" + "|".join(sorted(WEEKDAYS | MONTHS)) + r")(?:\s+\d{1,2})?|(?:1\d|20)\d\d),\s+(?=[A-Z])",
    re.IGNORECASE,
)


# "the 40th anniversary of the Shenzhen Special Economic Zone’s establishment": what the anniversary is of
_ANNIVERSARY_OF = re.compile(r"\banniversar(?:y|ies)\s+of\s+(?P<of>[^,;.]+)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def time_of_deed_asked(q: Question) -> frozenset[str] | None:
    """For a time question that is not about an anniversary ("When was the zone established?"), the words of
    the question that are no names; else None."""
    if q.kind is not Kind.TIME or "anniversar" in q.core.lower():
        return None
    return q.plain_terms


# A single measure asked for: "What percentage …?", "What was the price per square foot …?"
_ONE_MEASURE = re.compile(r"\b(?:percent|percentage|proportion|share|price|cost|rate|population)\b", re.IGNORECASE)
_MEASURE = re.compile(r"[$£€¥]?\d[\d,.]*(?:\s?%|\s+percent\b)?")
_JUST_A_RANGE = re.compile(r"\s*(?:[–-]|to|and)\s*[$£€¥]?$")


def two_measures(q: Question, span: str) -> bool:
    """For a question that asks one percentage, share, price, cost, rate or population, a span that gives two of
    them apart ("1.2% of the city's population, and Japanese 0.3%", "$510 million, about $1,589"): a clause, not
    the answer; a range ("50% to 60%") is one. (1 of the training pool's 180 such gold answers holds two numbers:
    that range.)"""
    if q.kind not in (Kind.ENTITY, Kind.QUANTITY) or not _ONE_MEASURE.search(q.core):
        return False  # "Why did OPEC raise the price of oil?" asks no price
    found = list(_MEASURE.finditer(span))
    return any(not _JUST_A_RANGE.fullmatch(span[a.end() : b.start()]) for a, b in itertools.pairwise(found))


# "When did Chopin die?", "When was Qutb born?", "When did she marry?": a time of a life's event, and the words that
# say that event in a sentence (a life's span in brackets says both ends: "(1 March 1810 – 17 October 1849)")
_LIFE_EVENTS = (
    (
        re.compile(r"\b(?:die|died)\b", re.IGNORECASE),
        re.compile(
            r"\b(?:di(?:e|ed|es|ing)|death|dead|deceased|passed\s+away|killed|murdered|executed|assassinated|perished)\b"
            r"|†|[–-]\s*(?:\w+\s+){0,2}\d{3,4}\s*\)",
            re.IGNORECASE,
        ),
    ),
    (
        re.compile(r"\bborn\b", re.IGNORECASE),
        re.compile(r"\b(?:born|birth\w*|née|b\.)|\(\s*[^()]{0,30}\d{3,4}\s*[–-]", re.IGNORECASE),
    ),
    (
        re.compile(r"\bmarr(?:y|ied)\b", re.IGNORECASE),
        re.compile(r"\b(?:marri\w*|marry|wed\w*|wife|husband|spouse)\b", re.IGNORECASE),
    ),
)
_TIME_ASKED = re.compile(
    r"^\s*(?:when|(?:in\s+)?(?:what|which)\s+(?:year|date)|on\s+what\s+(?:day|date))\b", re.IGNORECASE
)


def life_event_unsaid(q: Question, text: str, start: int, end: int) -> bool:
    """For "When did X die?" (or be born, or marry), a time whose sentence says no such event: "1805" of "Henry
    Ware was elected to the chair in 1805". (No gold answer of the training pool's 23 such questions is rejected;
    4 of the 6 SQuAD 2.0 plausible answers to such unanswerable questions are.)"""
    if not _TIME_ASKED.match(q.core):
        return False
    for asked, said in _LIFE_EVENTS:
        if asked.search(q.core):
            return said.search(sentence_around(text, start, end)) is None
    return False


def anniversary_of_the_asked(q: Question, text: str, start: int, end: int) -> bool:
    """For "When was the Shenzhen Special Economic Zone established?", a time said of an anniversary of the
    asked event ("At the 40th anniversary of the Shenzhen Special Economic Zone’s establishment in 2020"): the
    year is the anniversary's, not the event's. The anniversary's phrase names every name of the question and
    a word of its deed ("establishment" for "established"); a question about the anniversary asks for its time,
    and one about another deed ("When did Xi emphasise …?") may be answered by it. No gold answer of the
    training pool's 847 time questions stands after an anniversary in its sentence."""
    deeds = time_of_deed_asked(q)
    if deeds is None:
        return False
    lower, upper = sentence_bounds(text, start, end)
    for said in _ANNIVERSARY_OF.finditer(text, lower, upper):
        if said.start() > end + 1:
            break  # an anniversary after the span says nothing of its time (but "40th| anniversary" is its count)
        of = said.group("of")
        named = all(names_any({name}, of) for name in q.proper)
        if named and any(a[:6] == b[:6] and len(a) >= 6 for a in deeds for b in terms(of)):
            return True
        if named and deeds & _BEGUN and any(b.startswith(_BEGINNINGS) for b in terms(of)):
            return True  # "set up" is what an anniversary of the "establishment" counts from
    return False


# A thing's beginning, asked with a verb ("When was the zone set up?") and counted from by an anniversary ("of the
# zone's establishment"): the question's words and the stems of the anniversary's
_BEGUN = frozenset({"set", "founded", "established", "created", "formed", "launched", "opened", "born", "started"})
_BEGINNINGS = ("establish", "found", "creation", "formation", "launch", "opening", "birth", "inception", "start")


# "Which think tank …?": the words after the wh-word, up to a small word ("is", "of", "the")
_ASKED_KIND = re.compile(r"\b(?:which|what)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", re.IGNORECASE)
# "What is the name of the think tank Lau works for?" asks for a think tank, as "Which think tank …?" does
_NAME_OF_KIND = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+(?:full\s+|official\s+)?names?\s+of\s+(?:the|a|an|its|his|her|their)\s+"
    r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)",
    re.IGNORECASE,
)
# Kinds of things that no person is: bodies, places and the things a document says a person does or makes
_THING_KINDS = _KINDS - {stem(word) for word in TITLES} | {
    stem(word)
    for word in (
        *("tank", "platform", "project", "programme", "program", "scheme", "plan", "policy", "strategy", "event"),
        *("ceremony", "conference", "anniversary", "channel", "exchange", "hub", "measure", "treaty", "law"),
        *("agreement", "framework", "mechanism", "cluster", "laboratory", "branch", "site", "website"),
    )
}


def person_for_thing(q: Question, text: str, start: int, end: int) -> bool:
    """For "Which think tank …?" (a kind of thing: a place, a project, a think tank …), a person: a name that
    the document gives a post ("Professor Lau Siu-kai"). A kind that names people or a body ("Which company
    director …?", "Which academic …?"; ``other_kind`` checks bodies) or a post in the question checks
    nothing. In the training pool, no gold answer to the 128 what/which-questions for such a thing is a person."""
    return thing_kind_asked(q) and a_person(text, name_begins(text, start), name_run_end(text, end))


def thing_kind_asked(q: Question) -> bool:
    """A what/which-question for a kind of thing that no person is ("Which think tank …?", "What is the name of the
    think tank …?"), naming no post."""
    asked = _NAME_OF_KIND.match(q.core) or _ASKED_KIND.search(q.core)
    if q.kind is not Kind.ENTITY or asked is None or q.posts:
        return False
    kind = [fold(word) for word in asked.group(1).split()]
    kind = kind[: next((i for i, word in enumerate(kind) if word in STOPWORDS), len(kind))]
    return any(stem(word) in _THING_KINDS for word in kind) and not any(names_people(word) for word in kind)


# A verb that reports speech after a name, before the clause it reports (a relative clause may come between)
# ("said at a press conference …" reports nothing). Not all of ``ATTRIBUTING``: "The Center … wrote Beyoncé an open
# letter asking her to reconsider the deal" answers "Who asked her to change her mind about the deal?"
_SAYS_THEN = re.compile(
    r"[^.!?;\n]{0,80}?\b(?:said|says|told|tells)\b(?!\s+(?:at|in|on|during|after|before|to|from|by|with|for|of)\b)"
    r"(?P<said>[^.!?;\n]+)"
)
# A question that asks who said or thought something
_ASKS_SAYER = re.compile(
    r"\b(?:sa(?:y|ys|id|ying)|t(?:ell|ells|old)|according|quot|comment|claim|argu|believ|stat|announc|not(?:e|ed)\b"
    r"|wr(?:ite|ote|itten)|think|thought|predict|suggest|propos|recommend|warn|report|describ|call|laud|prais|hail"
    r"|critic|condemn|express|declar|remark|mention|respond|repl|explain|insist|admit|den(?:y|ied|ies)|confirm"
    r"|sp(?:eak|oke)|address|promis|pledg|vow|expect|hop(?:e|es|ed|ing)\b|wish|want|feel|felt|view|consider|envisag)",
    re.IGNORECASE,
)


def sayer_of_the_deed(q: Question, text: str, start: int, end: int) -> bool:
    """For a who-question about a deed, the person who says that someone does it: "Eric Chan" of "Eric Chan
    Kwok-ki, who flew to Beijing …, said the financial hub would join hands with Shenzhen" for "Who will Hong
    Kong join hands with?". The reported clause holds two of the question's words that are no names; a
    question about saying, praising or expecting ("Who said …?", "Who lauded …?", "Who expects …?") asks for
    the sayer. In the training pool, 0 of the 806 who-questions that ask for no sayer have such a gold answer."""
    asked = deed_of_no_sayer(q)
    if asked is None:
        return False
    says = _SAYS_THEN.match(text, end)
    return says is not None and len(asked & set(terms(says.group("said")))) >= 2


@lru_cache(maxsize=1024)
def deed_of_no_sayer(q: Question) -> frozenset[str] | None:
    """For a who-question that asks about no saying, praising or expecting, its words that are no names; for one
    that names the sayer and asks about the deed said ("Who did Hong Kong say it would join hands with?"), its
    words but the saying verb."""
    if q.kind is not Kind.PERSON:
        return None
    reported = _WHO_IN_WHAT_WAS_SAID.match(q.core)
    if reported is not None:
        return q.plain_terms - {stem(fold(reported.group("says")))}
    return None if _ASKS_SAYER.search(q.core) else q.plain_terms


# "Who did Hong Kong say it would join hands with?": the sayer named after the auxiliary, then the reported deed
# with its own subject and auxiliary; who is asked is in what was said, not who said it
_WHO_IN_WHAT_WAS_SAID = re.compile(
    r"^\s*who(?:m)?\s+(?:did|does|do|will|would)\s+(?:[\w'’-]+\s+){1,6}?"
    r"(?P<says>say|think|believe|expect|hope|claim|predict|suggest|promise)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,3}?"
    r"(?:would|will|could|should|can|might|must|may|was|were|had)\s+[a-z]",
    re.IGNORECASE,
)


# "Who will Hong Kong join hands with?": a who-question whose subject the question names, after its auxiliary
_WHO_OBJECT = re.compile(
    r"^\s*(?:[Ww]ho|[Ww]hom)\s+(?:did|does|do|will|would|could|should|can|might|must)\s+"
    r"(?:[A-Z]|(?:the|a|an|his|her|its|their)\s)"
)
# After a span, an auxiliary and the verb it leads: " would join"
_AUXILIARY_THEN = re.compile(
    r"\s+(?:would|will|could|can|should|may|might|must|did|does|do)\s+(?:(?:also|not|then|later|soon)\s+)?"
    r"(?P<verb>[a-z][\w-]*)"
)


def doer_of_the_deed(q: Question, text: str, start: int, end: int) -> bool:
    """For "Who will Hong Kong join hands with?" (the question names who does the deed), the doer in the
    text, before an auxiliary and the asked verb: "the financial hub" of "… the financial hub would join hands
    with Shenzhen" is Hong Kong under another name; a span that holds the auxiliary and the verb holds the
    deed, not whom it is done with. In the training pool, 0 of the 134 such who-questions."""
    asked = deed_of_named_subject(q)
    if asked is None:
        return False
    for verb in _AUXILIARY_THEN.finditer(text, start):
        if verb.start() > end:
            return False
        if stem(fold(verb.group("verb"))) in asked:
            return True
    return False


@lru_cache(maxsize=1024)
def deed_of_named_subject(q: Question) -> frozenset[str] | None:
    """For "Who will Hong Kong join hands with?" (who, an auxiliary, a named subject), its words that are no
    names; else None."""
    if q.kind is not Kind.PERSON or not _WHO_OBJECT.match(q.core):
        return None
    return q.plain_terms


# "What should the mechanism between the two cities attract?": the subject's first word after the auxiliary
# (not "What must be done …?", nor "What does a teacher need to be …?", which asks what the subject is)
_SUBJECT_OF_DEED = re.compile(
    r"^\s*what\s+(?:(?:kinds?|types?|sorts?)\s+of\s+[\w-]+\s+)?(?!.*\b(?:be|been|become)\b)"
    r"(?:did|does|do|should|will|would|could|can|might|must|may)\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?!(?:have|has|had|do|get)\b)(?P<subject>[\w-]+)(?:\s+[\w'’-]+)*?\s+[a-z]+\s*\??\s*$",
    re.IGNORECASE,
)


def the_asked_subject(q: Question, text: str, start: int, end: int) -> bool:
    """A span that ends in the word of the subject of the question's verb, or comes right before it, names
    the doer, not what is done: "collaboration mechanism" or "collaboration| mechanism" for "What should the
    mechanism between the two cities attract?". None of the 319 gold answers of the training pool's "What
    did/should/… X verb?" questions ends so or stands so."""
    subject = deed_subject(q)
    if subject is None:
        return False
    said = words(text[start:end])
    if not said:
        return False
    following = _FOLLOWING_WORD.match(text, end)
    return stem(fold(said[-1][0])) == subject or (following is not None and stem(following.group(1)) == subject)


# Nouns that only say how many of what follows "of" there are: "a raft of measures", "a host of projects"
_QUANTIFIERS = {
    *("raft", "rafts", "host", "series", "range", "lot", "lots", "set", "variety", "handful", "slew", "string"),
    *("batch", "bunch", "array", "plethora", "multitude", "spate", "flurry", "number", "package", "swathe"),
}
# A count a sentence gives only vaguely: "a number of ministries", "several companies", "dozens of projects"
_VAGUE_COUNT = re.compile(
    r"\b(?:an?\s+(?:large\s+|small\s+|growing\s+|great\s+)?(?:" + "|".join(sorted(_QUANTIFIERS)) + r")\s+of"
    r"|several|numerous|various|a\s+few|(?:dozens|scores|hundreds|thousands|millions)\s+of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>[a-z][\w-]*)",
    re.IGNORECASE,
)
_OF_WHAT = re.compile(r"\s+of\s+(?:(?:the|a|an|its|their|his|her|these|those|new|other)\s+)*(?P<what>[\w-]+)")


def quantifier_of_the_asked(q: Question, text: str, start: int, end: int) -> bool:
    """A span of a noun that only counts what follows "of", where the question names that thing: "raft" or "raft
    of measures" of "a raft of measures" for "What were last week's measures aimed at?" (the measures are what is
    asked about, and "raft" says only that there are many). A count or an amount is asked as "how many/much", a
    kind as "what kind of", and the asked kind itself as "which" ("Which ministries held the press conference?" of
    "… by a number of ministries"): those keep it. No gold answer of the training pool ends so
    (``eval/scripts/gold_answer_checks.py``)."""
    if q.kind in (Kind.COUNT, Kind.QUANTITY) or kind_asked(q) is not None:
        return False  # "What kind of reasons …?" may be answered "variety of reasons"
    said = [fold(word) for word, _, _ in words(text[start:end])]
    counted = [at for at, word in enumerate(said) if word in _QUANTIFIERS and stem(word) not in q.terms]
    if not counted:
        return False
    if counted[-1] == len(said) - 1:  # "raft|": what it counts follows
        what = _OF_WHAT.match(text, end)
        return what is not None and _asked_not_as_kind(q, stem(fold(what.group("what"))))
    rest = said[counted[-1] + 1 :]  # "raft of measures": the rest is the question's own words
    named = [stem(word) for word in rest[1:] if word not in STOPWORDS]
    return rest[:1] == ["of"] and all(_asked_not_as_kind(q, word) for word in named)


def _asked_not_as_kind(q: Question, word: str) -> bool:
    """Whether a (stemmed) word is a term of the question other than the kind it asks for ("which ministries")."""
    return word in q.terms and word != q.head


# "… channel |for researchers in the Shenzhen part to visit| overseas websites": "for" whom, then "to" and a verb
_FOR_WHOM_TO = re.compile(r"\s*for\s+(?P<whom>(?:[\w'’-]+\s+){1,8}?)to\s+(?P<verb>[a-z]+)\s+(?=[\w“‘\"'])")
# "What will researchers be able to visit?": the question's verb, last
_WHAT_VERB = re.compile(
    r"^\s*what\s+(?:did|does|do|should|will|would|could|can|might|must|may)\s+.+?\s+(?P<verb>[a-z]+)\s*\??\s*$",
    re.IGNORECASE,
)


def before_the_asked_deed(q: Question, text: str, start: int, end: int) -> bool:
    """For "What will X VERB?", a span that "for X … to VERB" and an object follow: the deed is done to what comes
    after the verb, "overseas websites" of "a special data channel for researchers in the Shenzhen part to visit
    overseas websites", not to "special data channel" before it (which X is given to do it)."""
    then = _FOR_WHOM_TO.match(text, end)
    return then is not None and _the_asked_deed(q, then)


def past_the_asked_deed(q: Question, text: str, start: int, end: int) -> int:
    """Where a span that holds "for X … to VERB" of "What will X VERB?" starts: after it, at what the deed is done
    to ("special data channel for researchers in the Shenzhen part to visit |overseas websites")."""
    for then in _FOR_WHOM_TO.finditer(text, start, end):
        if then.end() < end and _the_asked_deed(q, then):
            return then.end()
    return start


def _the_asked_deed(q: Question, then: re.Match[str]) -> bool:
    """Whether "for WHOM … to VERB" is the deed of "What will X VERB?": the same verb, and X among WHOM."""
    asked = _WHAT_VERB.match(q.core)
    if asked is None or fold(then.group("verb")) != fold(asked.group("verb")):
        return False
    return bool(set(terms(then.group("whom"))) & set(q.terms))


@lru_cache(maxsize=1024)
def deed_subject(q: Question) -> str | None:
    """The subject's word of "What should the mechanism … attract?" ("mechanism"), or None."""
    asked = _SUBJECT_OF_DEED.match(q.core)
    return stem(fold(asked.group("subject"))) if asked else None


MisfitCheck = Callable[[Question, str, int, int], bool]


def _of_the_span(check: Callable[[Question, str], bool]) -> MisfitCheck:
    """A check that reads the span's words alone ("Hetao cooperation zone" for "What does the Hetao zone already
    have?"), run as the others are, on the span in its text; it keeps the check's name."""

    @functools.wraps(check)
    def of_the_span(q: Question, text: str, start: int, end: int) -> bool:
        return check(q, text[start:end])

    return of_the_span


# Every check of a span against its question, in the order they run (cheap and common ones first). Both readers
# apply them to the whole document, so that every mention of a name is seen, not only the window's.
MISFIT_CHECKS: tuple[MisfitCheck, ...] = (
    _no_sum_of_money,
    _money_for_a_mass,
    _compares_nothing,
    premise_unsaid,  # "Which city did Xi not visit?" is no city of "Xi visited Shenzhen", nor of "… in 2012" its 2019
    _no_name,
    _another_full_name,
    _of_the_span(names_the_asked_thing),
    _no_number,
    _short_form_unspelt,
    _not_one_choice,
    other_choice_by_size,  # "Which is smaller, the Hong Kong side or the Shenzhen side?" is not "the Shenzhen one"
    _rest_of_the_name,
    _no_description,
    lesser_post,
    greater_post,
    other_kind,
    _number_for_a_reason,
    reason_after_restated,  # "Why would researchers visit overseas websites?" is not "special data channel"
    _date_for_who_or_where,
    post_holder_for_owner,  # "Which city's mayor spoke …?" is not "Qin Weizhong"
    other_dimension,  # "How deep is the Shenzhen River?" is not "302 hectares"
    unconverted,  # … nor "How many acres …?" "87 hectares"
    _future_for_past,  # "When did John Lee become leader?" is not the "2035" of "… will be reality by 2035"
    agent_elsewhere,  # "Who held the press conference?" of "… held in Beijing by a number of ministries"
    of_the_restated_clause,  # "… when attending the signing ceremony?" is not "Greater Bay Area framework"
    for_whom_not_who,  # "Who will run the special data channel?" is not "researchers" (… channel for researchers)
    _asked_person_again,  # "What was Xi attending when …?" is not "Xi Jinping"
    asked_holder_again,
    subject_holder_unsaid,  # "Which think tank does the customs official consult for?" is not Lau's
    post_of_body_unsaid,  # "… did the Big Data Society treasurer speak to?": the document gives it a chairman only
    _of_the_span(ruled_out),
    whose_words,  # "In the words of Professor Lau, who is waging a technological war?" is not "Lau Siu-kai"
    owner_elsewhere,  # "Whose support did Witman Hung hail?" is not "the Hetao zone" of "Beijing’s support for …"
    owner_of_post_elsewhere,  # "What is Qin Weizhong mayor of?" is not "a number of ministries" (Shenzhen Mayor Qin …)
    said_by_another,  # "According to Hung, how many projects will Shenzhen launch?" is not "40" (…, Qin said)
    said_by_another_holder,  # "What did the Guangzhou mayor say … would launch?" is not "40" (…, Mayor Qin … said)
    _unnamed_thing,
    describes_named,  # "Who did Witman Hung speak to?" is not "Chinese Big Data Society executive chairman"
    owner_for_place,  # "Where is Lau Siu-kai a consultant?" is not "Beijing" of "Beijing’s semi-official think tank"
    place_of_post,  # "Which city did Eric Chan travel to …?" is not "Hong Kong" of "Hong Kong’s No 2 official Eric …"
    holds_asked_person,
    not_what_it_becomes,  # "What should the Greater Bay Area become?" is not "scheme" of "… scheme to link … into …"
    _no_photographer,
    the_kinds_setting,  # "What kind of centre is already in the cooperation zone?" is not "Hetao cooperation zone"
    name_after_kind,  # "… at what kind of think tank?" is not "the Chinese Association …" of "think tank the Chinese …"
    title_of_the_next_name,  # "Which ministries' press conference did Qin speak at?" is not "Mayor" of "Mayor Qin …"
    _of_the_span(reports_inside),
    other_item_asked,  # "Which country is the Brics association's African member?" is not "Brazil" (…, South Africa)
    inside_an_aside,  # "What is the government making a … strategy?" is not "high technology" (…, particularly …,)
    after_restated_predicate,  # "What could be put in place by 2025?" is not "draw world-class talent"
    purpose_after_restated,  # "What does Beijing hope to have in place by 2025?" is not "draw world-class talent"
    before_the_asked_deed,  # "What will researchers be able to visit?" is not "special data channel" (… to visit …)
    the_asked_subject,  # "What should the mechanism … attract?" is not "collaboration mechanism"
    quantifier_of_the_asked,  # "What were last week's measures aimed at?" is not "raft" of "a raft of measures"
    _of_the_span(two_measures),
    life_event_unsaid,  # "In what year did Henry Ware die?" is not "1805" of "Henry Ware was elected … in 1805"
    anniversary_of_the_asked,  # "When was the Shenzhen SEZ established?" is not "… its 40th anniversary in 2020"
    person_for_thing,  # "Which think tank is Lau a consultant at?" is not "Professor Lau Siu-kai"
    sayer_of_the_deed,  # "Who will Hong Kong join hands with?" is not "Eric Chan" of "Eric Chan …, said … join hands"
    doer_of_the_deed,  # … nor "the financial hub" of "the financial hub would join hands with Shenzhen"
    things_for_people,  # "How many people work at the Science Park?" is not "40" of "40 other projects"
    total_for_each,  # "How many centres did each university set up?" is not "10" of "Five … set up 10 centres"
    size_unsaid,  # "Which side of the park is bigger?" is not "Hong Kong" of "… with the Hong Kong side of the park"
    other_by_size,  # "Which side of the park is bigger?" is not "the Hong Kong side" (87 hectares against 302)
    one_of_the_parts,  # "How many hectares do the two sides cover together?" is not "302" of "… 87 hectares, … 302 …"
    counted_vaguely,  # "How many ministries held the press conference?" is not "40" of "40 other projects"
    counted_elsewhere,  # "How many universities are there in Shenzhen?" is not "Five" of "Five Hong Kong universities"
    not_the_post_holder,  # "Which customs official spoke on Tuesday?" is not "Qin" of "Qin and Sun Yuning, deputy …"
    _of_the_span(body_for_post),
    holds_the_owning_post,  # "Who is the Shenzhen mayor's deputy?" is not "Qin Weizhong" ("Shenzhen Mayor Qin …")
    holds_another_post,  # "Which mayor spoke at the press conference?" is not "Eric Chan" ("No 2 official Eric Chan")
    chair_unsaid,  # "Who chaired the press conference?" is not "Eric Chan" (… attends a press conference)
    post_unsaid,  # "Who is the president of the United States?" is not "the West" (… the United States and the West)
    holder_for_founder,  # "Who founded the Chinese Big Data Society?" is not its executive chairman
    post_elsewhere,
    other_clause_asked,
)
