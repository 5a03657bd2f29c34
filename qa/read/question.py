"""What a question asks for: its expected answer type, its head noun, and its content terms."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from qa.text import ATTRIBUTING, NUMBER_WORDS, STOPWORDS, fold, stem, terms, words


class Kind(Enum):
    PERSON = "person"  # who did X → a name
    DESCRIBE = "describe"  # who is NAME / what is X → a title, role or definition
    TIME = "time"  # when, what year, which day
    PLACE = "place"  # where, in which city
    COUNT = "count"  # how many
    QUANTITY = "quantity"  # how much / big / large / far / long
    LIST = "list"  # which countries, what are the ...
    REASON = "reason"  # why, for what reason → a cause or purpose ("to attend the press conference")
    ENTITY = "entity"  # any other what / which


_TIME_NOUNS = {"year", "day", "date", "month", "time", "week", "decade", "century", "weekday"}
_PLACE_NOUNS = {"city", "country", "place", "location", "region", "town", "province", "area", "state"}
# Words that name a post a person holds: "the mayor of Shenzhen" is a person; "Shenzhen Mayor" describes one.
TITLES = {
    *("mayor", "president", "professor", "minister", "director", "chairman", "chairwoman", "chairperson"),
    *("chief", "executive", "governor", "secretary", "premier", "chancellor", "ambassador", "consul"),
    *("commissioner", "spokesman", "spokeswoman", "spokesperson", "leader", "official", "founder"),
    *("senator", "judge", "officer", "manager", "editor", "deputy", "ceo", "dean", "captain", "coach"),
}
# Forms of address: before a name they say less about the person than an appositive after it does.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "madam", "rev"}
# "Which official …?" asks for a person; narrower than TITLES, some of whose words head other things
# ("What executive order …?").
_PERSON_NOUNS = {
    "person",
    "official",
    "man",
    "woman",
    "leader",
    "mayor",
    "president",
    "professor",
    "minister",
    "director",
}
_REASON_NOUNS = {"reason", "reasons", "purpose", "purposes", "motive", "motives", "cause"}
_QUANTITY_ADJ = {"big", "large", "far", "long", "tall", "wide", "high", "old", "much", "deep", "heavy", "small"}
_AUX = {
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
}
ROLE_NOUNS = {"position", "post", "role", "title", "job", "office", "rank"}
_WH_WORDS = {"many", "much", "big", "large", "far", "long", "tall", "wide", "high", "old"}
_MEASURES = r"(population|size|area|number|cost|budget|distance|length|height|value|price|total)"
_MEASURE_OF = re.compile(rf"(?:the\s+)?{_MEASURES}\s+of\b", re.IGNORECASE)
_MEASURE_OWNED = re.compile(rf".+?['’]s?\s+{_MEASURES}$", re.IGNORECASE)  # "the Hong Kong side's area"
# A "what is X" whose X holds one of these, or a possessive ("Harvard's rival"), asks about something
# related to X, not for what X is.
_RELATION = {
    *("of", "in", "for", "at", "to", "by", "on", "from", "with", "about", "under", "during", "between", "than"),
    *("that", "which", "whose", "called", "named", "known"),
}
_POSSESSIVE = re.compile(r"\w['’]s?\s+\w")
# "What is Hung's (former) post?": a what-question ending in a possessive and a word for a post
_ROLE_OF = re.compile(
    r"^\s*what\b.*\w['’]s?\s+(?:[a-z]+\s+){0,2}(" + "|".join(sorted(ROLE_NOUNS)) + r")\s*\??\s*$",
    re.IGNORECASE,
)
_COST = re.compile(
    r"^\s*how\s+much\b.*\b(?:costs?|costed|price[ds]?|spen[dt]|spends|pa(?:y|id|ys)|worth|budget|fund(?:s|ed|ing)?"
    r"|invest(?:s|ed|ment)?|money|revenue|salary|fees?|earn(?:s|ed)?|raised?|sold\s+for|sell\s+for)\b",
    re.IGNORECASE,
)
# A sum of money or a share, in an answer or in the question ("… in cents?")
MONEY = re.compile(
    r"[$£€¥₹%]|\b(?:dollars?|cents?|yuan|renminbi|rmb|euros?|pounds?|sterling|yen|francs?|marks?|rupees?|pesos?"
    r"|lira|shillings?|guineas?|usd|hkd|gbp|eur|bn|billion|million|trillion|percent|per\s+cent)\b",
    re.IGNORECASE,
)
COMPARATIVES = (
    "more|less|fewer|bigger|larger|smaller|higher|lower|longer|shorter|older|younger|greater|taller|further"
    "|farther|heavier|lighter|cheaper|faster|slower|wider|deeper"
)
_DIFFERENCE = re.compile(rf"^\s*how\s+(?:much|many)\s+(?:{COMPARATIVES})\b", re.IGNORECASE)
_FULL_NAME = re.compile(r"\bfull\s+name\b", re.IGNORECASE)
# "What does Brics stand for?", "What is Brics short for?", "UHI is an abbreviation of what?"
_SHORT_FORM = re.compile(
    r"(?P<short>[\w.&-]+)\s+(?:originally\s+)?(?:stands?|stood)\s+for\b|(?P<short2>[\w.&-]+)\s+short\s+for\b"
    r"|^\s*(?P<first>[\w.&-]+)\s+(?:is|was)\s+an?\s+abbreviation\s+of\b",
    re.IGNORECASE,
)
# "Who said …?", "Who also says …?": the question asks for the speaker of what follows
# "Who heads the General Administration of Customs?": the holder of its first post, whatever its name
_ASKS_HEAD = re.compile(
    r"^\s*who\s+(?:now\s+|currently\s+)?(?:heads|headed|leads|led|chairs|chaired|runs|ran|directs|directed)\b",
    re.IGNORECASE,
)
# A post below the one named: "deputy director" is not the director
LESSER = {"deputy", "vice", "assistant", "associate", "sub", "under"}
# A post held before: the "former mayor" is not the mayor, but may answer "Who was a mayor …?"
FORMER = {"former", "ex"}
_ASKS_SPEAKER = re.compile(rf"^\s*who\s+(?:also\s+|has\s+|had\s+)?{ATTRIBUTING}\b", re.IGNORECASE)
_DESCRIBE = re.compile(r"^\s*(?:who|what)\s+(?:is|was|are|were)\s+(?P<target>[^?]+?)\s*\??\s*$", re.IGNORECASE)


class Wants(Enum):
    """What only some answers can give, whatever their type: checked on spans by ``shape.misfits`` (the
    speaker by ``speakers.may_say``; what a short form stands for by ``Question.short_form``)."""

    MONEY = "money"  # "How much does the branch cost?": a sum of money (or a share)
    DIFFERENCE = "difference"  # "How much bigger is …?": a difference a sentence states
    FULL_NAME = "full name"  # "What is Witman Hung's full name?": the whole name
    SPEAKER = "speaker"  # "Who said the plan was …?": whoever says it, also where a quotation says "he"
    HEAD = "head"  # "Who heads the Customs?": the holder of a post, not of a lesser one ("deputy director")


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    kind: Kind
    head: str | None  # the noun after which/what ("river" in "Which river ..."), stemmed
    terms: tuple[str, ...]  # content terms, stemmed
    target: tuple[str, ...]  # for DESCRIBE: the terms of the thing described
    proper: tuple[str, ...] = ()  # names in the question, stemmed
    posts: frozenset[str] = frozenset()  # words of TITLES it asks about ("mayor" of "the mayor of …"), stemmed
    wants: frozenset[Wants] = frozenset()
    short_form: str = ""  # "What does Brics stand for?": the short form asked about ("brics"), letters only


CASED_SHARE = 0.75  # of a word's occurrences inside sentences, capitalised: a name ("Guangzhou")


RESPELL_MIN_LETTERS = 5  # shorter words are too often another word one letter away ("Chan", "Chen")


def respell(
    question: str,
    respelled: Callable[[str], str | None],
    forms: Callable[[str], Counter[str]],
    common: Callable[[str], bool],
) -> str:
    """A question with a name the documents hold misspelt by one letter, spelt as they spell it: "Who is the
    mayor of Shenzen?" → "Who is the mayor of Shenzhen?" (or "shenzen" → "shenzhen").

    ``respelled`` gives the word the documents hold one letter away from one they do not
    (``Index.respelled``), ``forms`` how they write it (``Index.surface_forms``): only a word they write as a
    name is taken, so that "rename" is not read as "renamed". ``common`` says whether a word is a common one
    (the reader's vocabulary holds it whole, ``Tokenizer.knows_whole``): "fraction" or "Night" is no
    misspelling of "faction" or "Right" that happen to be in the documents. Words shorter than
    ``RESPELL_MIN_LETTERS``, stopwords and words with digits stay as typed; the word keeps the question's
    capitals ("SHENZEN" → "SHENZHEN")."""
    out, at = [], 0
    for word, start, end in words(question):
        if len(word) < RESPELL_MIN_LETTERS or not word.replace("-", "").isalpha() or fold(word) in STOPWORDS:
            continue
        if common(fold(word)):
            continue
        fixed = respelled(word)
        if fixed is None or _name_form(fixed, forms) is None:
            continue
        cased = fixed.upper() if word.isupper() else fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed
        out += [question[at:start], cased]
        at = end
    return "".join([*out, question[at:]])


def truecase(question: str, forms: Callable[[str], Counter[str]]) -> str:
    """A question typed all in lower case (or all in capitals) with its words written as the documents write
    them: "who is the mayor of guangzhou" → "who is the mayor of Guangzhou", so that its names are seen.
    ``forms`` gives how the documents write a word (``Index.surface_forms``); a word the documents
    capitalise in at least ``CASED_SHARE`` of its occurrences takes their most common form. Posts
    ("Mayor Qin") and stopwords stay as typed; a question with any capital of its own is left alone."""
    letters = [c for c in question if c.isalpha()]
    if any(c.isupper() for c in letters) and any(c.islower() for c in letters):
        return question  # "Which river divides the park?" is written with capitals, and has no name
    out, at = [], 0
    for word, start, end in words(question):
        folded = fold(word)
        name = _name_form(folded, forms) if folded not in TITLES and word.replace("-", "").isalpha() else None
        if name is not None:
            word = name
        elif letters and not any(c.islower() for c in letters):
            word = word.lower()  # "WHO IS LAU SIU-KAI?": the rest as typed, in lower case
        out.append(question[at:start] + word)
        at = end
    return "".join(out) + question[at:]


def _name_form(folded: str, forms: Callable[[str], Counter[str]]) -> str | None:
    """How the documents write the word when they write it as a name (capitalised in at least ``CASED_SHARE``
    of its occurrences): "Guangzhou" for "guangzhou"; None for other words and stopwords ("When?")."""
    found = forms(folded) if folded not in STOPWORDS else None
    cased = {f: n for f, n in found.items() if f[:1].isupper()} if found else {}
    if not found or sum(cased.values()) < CASED_SHARE * sum(found.values()):
        return None
    return max(cased, key=lambda f: cased[f])


# "Eric Chan?", "Lau Siu-kai": nothing but a name (capitalised words, "of"/"and"/"the" between them)
_BARE_NAME = re.compile(
    r"^\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the|for|de|van|von)\s+)*[A-Z][\w'’.-]*){0,7})\s*\??\s*$"
)


# "Name the five Brics countries.", "List all the cities of …": asked as "Which …?" (not "Name of the …")
_IMPERATIVE = re.compile(
    r"^\s*(?:please\s+)?(?:name|list|identify)\s+(?!(?:of|is|are|was|were|for)\b)"
    r"(?:all\s+)?(?:(?:the|a|an|some|any)\s+)?(?P<rest>[^?.!]+?)\s*[?.!]?\s*$",
    re.IGNORECASE,
)

# "Tell me about the Hetao zone.", "Describe Eric Chan": a description, as "What is …?" asks
_TELL_ABOUT = re.compile(
    r"^\s*(?:(?:please\s+)?tell\s+me\s+about|describe)\s+(?!(?:how|why|what|when|where|who|which|whether|if)\b)(?P<target>[^?.!]+?)\s*[?.!]?\s*$",
    re.IGNORECASE,
)

# "According to the article, who …?", "Who is …, according to the text?", "Hi, who …?": a framing or a
# greeting that names no thing asked about
_SOURCE = (
    r"(?:according\s+to|in|based\s+on|from)\s+(?:the|this|these)\s+"
    r"(?:article|text|document|passage|story|report|page|file)s?"
)
_FRAMING = re.compile(rf"^\s*(?:(?:hi|hello|hey)(?:\s+there)?\s*[,!.]|{_SOURCE}\s*,)\s*", re.IGNORECASE)
_FRAMING_END = re.compile(rf"\s*,?\s+{_SOURCE}(?=\s*[?.!]?\s*$)", re.IGNORECASE)

# "What's …?", "Who’s …?", "Whats …?": "What is …?"
# ("who's" only before a name or an article: "Who's death caused …?" means "whose")
_CONTRACTED = re.compile(
    r"\b(what|where|when|why|how|who(?=['’]s\s+(?:(?-i:[A-Z])|(?:the|a|an)\b)))(?:['’]|(?<=what))s\b", re.IGNORECASE
)

# "Can you tell me who Eric Chan is?", "Do you know when …", "I'd like to know …": the question inside
_EMBEDDED = re.compile(
    r"^\s*(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|show)\s+me|do\s+you\s+know|"
    r"i(?:['’]d|\s+would)\s+like\s+to\s+know|i\s+(?:want|wish|need)\s+to\s+know|tell\s+me|explain)\s+"
    r"(?P<wh>(?:who|what|when|where|why)\b|how\s+(?!many\b|much\b)[a-z]+\b|(?=which\b|how\b))"
    r"(?P<rest>[^?]*?)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
# in the indirect question, the verb that comes first in the direct one ("who Eric Chan is" → "Who is …")
_SUBJECT_THEN_VERB = re.compile(
    r"^(?P<subject>(?:the|a|an|this|that|these|those|it|he|she|they|his|her|its|their|[A-Z][\w'’.-]*)\b[^,;]*?)\s+"
    r"(?P<verb>is|are|was|were|will|would|can|could|should|may|might|must)\b\s*(?P<tail>.*)$"
)


# "Who is Eric Chan and what is his job?": two questions in one; the first is answered
_TWO_QUESTIONS = re.compile(
    r"^(?P<first>\s*(?:who|what|which|when|where|why|how)\s+[^\s?]+\s+[^\s?]+[^?]*?)\s*(?:,\s*)?\band\s+"
    r"(?:who|what|which|when|where|why|how)\b(?:\s+(?:is|are|was|were|does|do|did|can|will))?\b[^?]*\??\s*$",
    re.IGNORECASE,
)

# "what river separates the two sections": a question typed without its question mark
_UNMARKED_QUESTION = re.compile(
    r"^\s*(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would)\b"
    r".*\w\s*$",
    re.IGNORECASE | re.DOTALL,
)


def _direct(text: str) -> str:
    """The plain question a query frames or embeds: "According to the article, who is …?" → "who is …?",
    "Can you tell me who Eric Chan is?" → "Who is Eric Chan?", "What's …" → "What is …", "what river …" →
    "what river …?", "Who is Eric Chan and what is his job?" → "Who is Eric Chan?" (the first of two)."""
    unframed = _FRAMING_END.sub("", _FRAMING.sub("", text, count=1), count=1)
    if unframed != text:
        text = unframed[:1].upper() + unframed[1:]
    text = _CONTRACTED.sub(lambda m: m.group(1) + (" IS" if m.group(1).isupper() else " is"), text)
    two = _TWO_QUESTIONS.match(text)
    if two is not None:
        text = two.group("first").strip() + "?"
    embedded = _EMBEDDED.match(text)
    if embedded is None:
        return f"{text.rstrip()}?" if _UNMARKED_QUESTION.match(text) else text
    wh, rest = embedded.group("wh").strip(), embedded.group("rest").strip()
    inverted = _SUBJECT_THEN_VERB.match(rest) if wh else None
    if inverted is not None:
        rest = " ".join(
            part for part in (inverted.group("verb"), inverted.group("subject"), inverted.group("tail")) if part
        )
    asked = f"{wh} {rest}".strip()
    return f"{asked[:1].upper()}{asked[1:]}?"


# "Who is Qin?", "Who was Professor Lau?": a person asked about by one word of the name
_WHO_IS_ONE_NAME = re.compile(
    r"^\s*(?P<asked>who\s+(?:is|was)\s+(?:(?:mr|mrs|ms|dr|prof|professor)\.?\s+)?)(?P<word>[A-Z][\w'’-]*)\s*\??\s*$",
    re.IGNORECASE,
)


def with_full_name(text: str, names: Callable[[str], Counter[str]]) -> str:
    """ "Who is Qin?" asked as "Who is Qin Weizhong?" where the documents name one person with that word.

    ``names`` gives the runs of capitalised words around a word in the documents ("Shenzhen Mayor Qin
    Weizhong", ``Index.names_with``); the posts and forms of address before a name are no part of it. A word
    that stands in two names ("Chan": "Eric Chan", "Martin Chan") or in none longer is left as asked.
    """
    asked = _WHO_IS_ONE_NAME.match(text)
    if asked is None:
        return text
    word = fold(asked.group("word"))
    full: set[str] = set()
    for run in names(word):
        parts = run.split()
        posts = [i for i, w in enumerate(parts) if {p for p in fold(w).split("-")} & (TITLES | HONORIFICS)]
        name = parts[posts[-1] + 1 :] if posts else parts
        if word in (fold(w) for w in name) and len(name) > 1:
            full.add(" ".join(name))
    longest = max(full, key=len, default=None)
    if longest is None or any(f not in longest for f in full):
        return text
    return f"{asked.group('asked')}{longest}?"


# "mayor of Shenzhen", "the chief executive of Hong Kong": a post of a place or body
_POST_OF = re.compile(
    r"^\s*(?:the\s+)?(?P<post>(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:of|for|at)\s+(?P<name>[A-Z][^?]*?)\s*\??\s*$",
    re.IGNORECASE,
)


def as_question(text: str, forms: Callable[[str], Counter[str]]) -> str:
    """What a query that is only a name, or only a post of a named place, or a request, asks:
    "Eric Chan?" → "What is Eric Chan?" (a description of it, as "Who is Eric Chan?" asks), "mayor of
    Shenzhen" → "Who is the mayor of Shenzhen?", "Tell me about the Hetao zone." → "What is the Hetao
    zone?", "Name the five Brics countries." → "Which five Brics countries?"; any other text as it is.
    ``forms`` (as for ``truecase``) says whether the documents write the first word as a name: "Purpose of
    Telnet" is no name."""
    text = _direct(text)
    about = _TELL_ABOUT.match(text)
    if about is not None:
        return f"What is {about.group('target')}?"
    imperative = _IMPERATIVE.match(text)
    if imperative is not None:
        return f"Which {imperative.group('rest')}?"
    bare = _BARE_NAME.match(text)
    if bare is not None and _name_form(fold(bare.group("name").split()[0]), forms) is not None:
        return f"What is {bare.group('name')}?"
    post = _POST_OF.match(text)
    said = [fold(w) for w in post.group("post").split()] if post else []
    if post and said[-1] in TITLES and not STOPWORDS & set(said) and _BARE_NAME.match(post.group("name")):
        return f"Who is the {post.group('post')} of {post.group('name')}?"  # not "Who is president of …?"
    return text


def analyze(question: str) -> Question:
    tokens = [fold(w) for w, _, _ in words(question)]
    kind, head = _kind(question, tokens)
    target: tuple[str, ...] = ()
    describe = _DESCRIBE.match(question)
    if describe and kind in (Kind.PERSON, Kind.ENTITY):
        measure = _MEASURE_OF.match(describe.group("target")) or _MEASURE_OWNED.match(describe.group("target"))
        if measure:
            kind, head = Kind.QUANTITY, stem(fold(measure.group(1)))
        elif _names_a_thing(describe.group("target"), person=kind is Kind.PERSON):
            kind, target = Kind.DESCRIBE, tuple(terms(describe.group("target")))
    if kind is Kind.ENTITY and head is None and (role := _ROLE_OF.search(question)):
        head = role.group(1).lower()  # "What is Lau Siu-kai's title?" asks for the post, as "What title …" does
    if kind is Kind.ENTITY and head in ROLE_NOUNS:
        kind, target = Kind.DESCRIBE, _proper_nouns(question)
    content = tuple(_content_terms(question))
    posts = frozenset(stem(w) for w in tokens if w in TITLES)
    wants, short_form = _wants(question, kind), _short_form(question)
    return Question(question, kind, head, content, target, _proper_nouns(question), posts, wants, short_form)


def _short_form(question: str) -> str:
    """The short form whose long form is asked for, letters only ("bic" of "B.I.C."); "" for other questions."""
    found = _SHORT_FORM.search(question)
    if not found:
        return ""
    return re.sub(r"[^a-z]", "", fold(found.group("short") or found.group("short2") or found.group("first")))


def _wants(question: str, kind: Kind) -> frozenset[Wants]:
    wants = set()
    if kind is Kind.QUANTITY and _COST.search(question) and not MONEY.search(question):
        wants.add(Wants.MONEY)  # unless it names the unit itself ("How much … in cents?")
    if _DIFFERENCE.search(question):
        wants.add(Wants.DIFFERENCE)
    if _FULL_NAME.search(question):
        wants.add(Wants.FULL_NAME)
    if kind is Kind.PERSON and _ASKS_SPEAKER.match(question):
        wants.add(Wants.SPEAKER)
    if kind is Kind.PERSON and _ASKS_HEAD.match(question):
        wants.add(Wants.HEAD)
    return frozenset(wants)


def asks_definition(q: Question) -> bool:
    """ "Who is Eric Chan?", "What is the Hetao zone?": a description of a named thing is wanted."""
    if q.kind is not Kind.DESCRIBE or not q.target or not set(q.target) <= set(q.proper):
        return False
    # the whole question is "who/what is NAME" (or "NAME's title"), not "what post does NAME hold …"
    return _DESCRIBE.match(q.text) is not None


def _content_terms(question: str) -> list[str]:
    """The question's terms without the adjective of its wh-phrase ("big" in "How big is ...")."""
    out, previous = [], ""
    for word, _, _ in words(question):
        folded = fold(word)
        if not (previous == "how" and folded in _WH_WORDS) and folded not in STOPWORDS:
            out.append(stem(folded))
        previous = folded
    return out


def _names_a_thing(target: str, person: bool) -> bool:
    """ "Eric Chan" or "the Greater Bay Area" is described; "the mayor of Shenzhen", "the Chinese President",
    "the name of Verrazzano's ship", "the largest library in the US", "Harvard's rival" or "a reading of
    Islam called" ask for a name or a value."""
    tokens = [(w, fold(w)) for w, _, _ in words(target)]
    if _POSSESSIVE.search(target) or any(folded in _RELATION for _, folded in tokens):
        return False
    if person and tokens and tokens[0][1] == "the" and tokens[-1][1] in TITLES:
        return False  # "Who is the Chinese President?" asks who holds the post
    content = [w for w, folded in tokens if folded not in STOPWORDS]
    if not content or len(content) > 8:
        return False
    capitalized = [w[:1].isupper() for w in content]
    return all(capitalized) if person else any(capitalized) or len(content) <= 3


def _proper_nouns(question: str) -> tuple[str, ...]:
    """Stemmed capitalized words after the first word: names the answer's sentence should mention."""
    found = []
    for i, (word, _, _) in enumerate(words(question)):
        if i > 0 and word[:1].isupper() and fold(word) not in STOPWORDS:
            found.append(stem(fold(word)))
    return tuple(found)


def _kind(question: str, tokens: list[str]) -> tuple[Kind, str | None]:
    if not tokens:
        return Kind.ENTITY, None
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ("who", "whom", "whose"):
            return Kind.PERSON, None
        if token == "when":
            return Kind.TIME, None
        if token == "where":
            return Kind.PLACE, None
        if token == "why":
            return Kind.REASON, None
        if token == "how":
            if nxt == "many":
                return Kind.COUNT, _counted_noun(tokens[i + 2 :])
            if nxt in _QUANTITY_ADJ:
                return Kind.QUANTITY, None
            continue
        if token in ("which", "what"):
            head = _head_after(tokens, i + 1)
            named = [t for t in tokens[i + 1 : i + 5] if t not in _AUX and t not in ("the", "a", "an", "main")]
            if head in _REASON_NOUNS or (named and named[0] in _REASON_NOUNS):
                return Kind.REASON, None  # "For what reason …?", "What was the purpose of …?"
            return _kind_of_head(head), stem(head) if head else None
    return Kind.ENTITY, None


def _counted_noun(tokens: list[str]) -> str | None:
    """The last word before the verb: "universities" in "how many Hong Kong universities have ..."."""
    phrase = []
    for token in tokens[:4]:
        if token in _AUX:
            break
        phrase.append(token)
    return stem(phrase[-1]) if phrase else None


def _head_after(tokens: list[str], start: int) -> str | None:
    """The noun a which/what asks for: "countries" in "Which two countries …?" (a number is no head)."""
    for token in tokens[start : start + 3]:
        if token in _AUX:
            return None
        if token not in STOPWORDS and not token.isdigit() and token not in NUMBER_WORDS:
            return token
    return None


def _kind_of_head(word: str | None) -> Kind:
    if word is None:
        return Kind.ENTITY
    head = stem(word)
    if head != word and head not in _TIME_NOUNS:
        return Kind.LIST
    if head in _TIME_NOUNS:
        return Kind.TIME
    if head in _PLACE_NOUNS:
        return Kind.PLACE
    if head in _PERSON_NOUNS:
        return Kind.PERSON
    return Kind.ENTITY
