"""What a question asks for: its expected answer type, its head noun, and its content terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

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


TIME_NOUNS = {"year", "day", "date", "month", "time", "week", "decade", "century", "weekday"}
_PLACE_NOUNS = {"city", "country", "place", "location", "region", "town", "province", "area", "state"}
# Words that name a post a person holds: "the mayor of Shenzhen" is a person; "Shenzhen Mayor" describes one.
TITLES = {
    *("mayor", "president", "professor", "minister", "director", "chairman", "chairwoman", "chairperson"),
    *("chief", "executive", "governor", "secretary", "premier", "chancellor", "ambassador", "consul"),
    *("commissioner", "spokesman", "spokeswoman", "spokesperson", "leader", "official", "founder"),
    *("senator", "judge", "officer", "manager", "editor", "deputy", "ceo", "dean", "captain", "coach", "treasurer"),
    *("consultant", "adviser", "advisor"),
}
POST_STEMS = frozenset(stem(title) for title in TITLES)
# every word for a post, as one alternation for patterns (longest first)
TITLE_WORDS = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
# Forms of address: before a name they say less about the person than an appositive after it does.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "madam", "rev"}
# "Which official …?" asks for a person; narrower than TITLES, some of whose words head other things
# ("What executive order …?").
PERSON_NOUNS = {
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
AUX = {  # the auxiliaries a question may open with ("Is …?", "Does …?")
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
# "the population of", "the non-Hispanic white population of", "the total number of", "the land area of": a
# count, sum or measure may follow up to three words; an area, size or value only a word that measures it ("the
# specific area of gameplay", "the idealized value of imperialism" are no measures)
_MEASURE_OF = re.compile(
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(population|number|cost|budget|distance|length|height|price|total)"
    r"|(?:(?:total|land|water|surface|overall|combined|assessed|market|estimated|approximate|net|gross)\s+)?"
    r"(size|area|value))\s+of\b",
    re.IGNORECASE,
)
_MEASURE_OWNED = re.compile(rf".+?['’]s?\s+{_MEASURES}$", re.IGNORECASE)  # "the Hong Kong side's area"
# A "what is X" whose X holds one of these, or a possessive ("Harvard's rival"), asks about something
# related to X, not for what X is.
_RELATION = {
    *("of", "in", "for", "at", "to", "by", "on", "from", "with", "about", "under", "during", "between", "than"),
    *("that", "which", "whose", "called", "named", "known"),
}
_POSSESSIVE = re.compile(r"\w['’]s?\s+\w")
# "What is Hung's (former) post?", "What is Witman Hung's position at the Society?": a what-question ending in a
# possessive and a word for a post, or in such a word and where the post is held
_ROLE_OF = re.compile(
    r"^\s*what\b.*\w['’]s?\s+(?:[a-z]+\s+){0,2}(" + "|".join(sorted(ROLE_NOUNS)) + r")"
    r"(?:\s+(?:at|in|with|on|within|for)\s+[^?]+?)?\s*\??\s*$",
    re.IGNORECASE,
)
# "What was the title of Sun Yuning (at the customs agency)?": the same of a name (not "the title of the book", nor
# "… of Beyonce's mother's book", a name that a lowercase noun follows)
_ROLE_OF_NAME = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+(?:[a-z]+\s+)?(" + "|".join(sorted(ROLE_NOUNS)) + r")\s+of\s+"
    r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)(?:\s+(?:at|in|with|on|within|for)\s+[^?]+?)?\s*\??\s*$",
    re.IGNORECASE,
)
# "Notre Dame's " before "Theodore Hesburgh": an owner's name before a name
_OWNER_OF_NAME = re.compile(r"(?-i:(?:[A-Z][\w.-]*\s+)*[A-Z][\w.-]*)['’]s\s+(?=(?-i:[A-Z]))")
# "What is the budget of the Hetao zone?" asks for a sum as "How much …?" does
_SUM_OF = re.compile(
    r"^\s*what\s+(?:is|was|were|are|will\s+be|would\s+be)\s+"
    # whose: "the", "its", … or a name's ("Eric Chan's"; only capitalised words, "a teacher's" is no owner)
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|(?:the\s+)?(?-i:(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)['’]s\s+)?"
    r"(?:\w+\s+)?(?:budget|cost|price|salary|revenue|fee|funding|income|wage)s?\b",
    re.IGNORECASE,
)
_COST = re.compile(
    r"^\s*how\s+much\b.*\b(?:costs?|costed|price[ds]?|spen[dt]|spends|pa(?:y|id|ys)|worth|budget|fund(?:s|ed|ing)?"
    r"|invest(?:s|ed|ment)?|money|revenue|salary|fees?|earn(?:s|ed)?|raised?|sold\s+for|sell\s+for)\b",
    re.IGNORECASE,
)
_CURRENCY_NAMES = (
    r"dollars?|cents?|yuan|renminbi|rmb|euros?|yen|francs?|rupees?|pesos?|lira|shillings?|guineas?|usd|hkd|gbp|eur"
)
MAGNITUDES = r"bn|billion|million|trillion"
# A sum of money or a share, in an answer or in the question ("… in cents?")
MONEY = re.compile(
    rf"[$£€¥₹%]|\b(?:{_CURRENCY_NAMES}|pounds?|sterling|marks?|{MAGNITUDES}|percent|per\s+cent)\b", re.IGNORECASE
)
# A currency itself: a sign or a currency's name ("pounds" and "marks" alone may weigh or score)
CURRENCY = re.compile(rf"[$£€¥₹]|\b(?:{_CURRENCY_NAMES}|pounds?\s+sterling)\b", re.IGNORECASE)
COMPARATIVES = (
    "more|less|fewer|bigger|larger|smaller|higher|lower|longer|shorter|older|younger|greater|taller|further"
    "|farther|heavier|lighter|cheaper|faster|slower|wider|deeper"
)
# ("How many further projects …?" counts additional ones: "further" is a difference of "much" only)
_DIFFERENCE = re.compile(rf"^\s*how\s+(?:much|many(?!\s+f[au]rther\b))\s+(?:{COMPARATIVES})\b", re.IGNORECASE)
_FULL_NAME = re.compile(
    r"\b(?:full|complete|whole|entire|official|formal)\s+(?:(?:official|formal|legal)\s+)?name\b", re.IGNORECASE
)
# Any name asked for: "What is Eric Chan's full name?", "Eric Chan's given name?", "What is the zone called?"
NAME_ASKED = re.compile(r"\b(?:(?:full|given|first|last|sur|nick|middle)\s*)?names?\b|\bcalled\W*$", re.IGNORECASE)
# "Which country's courts …?", "What city's mayor …?": the wh-phrase owns the thing asked about
OWNER_ASKED = re.compile(r"\b(?:which|what)\s+[\w-]+['’]s?\s", re.IGNORECASE)
# "What does Brics stand for?", "What is Brics short for?", "UHI is an abbreviation of what?"
_SHORT_FORM = re.compile(
    r"(?P<short>[\w.&-]+)\s+(?:originally\s+)?(?:stands?|stood)\s+for\b|(?P<short2>[\w.&-]+)\s+short\s+for\b"
    r"|^\s*(?P<first>[\w.&-]+)\s+(?:is|was)\s+an?\s+abbreviation\s+of\b",
    re.IGNORECASE,
)
# "Who heads the General Administration of Customs?": the holder of its first post, whatever its name
_ASKS_HEAD = re.compile(
    r"^\s*who\s+(?:now\s+|currently\s+)?(?:heads|headed|leads|led|chairs|chaired|runs|ran|directs|directed)\b"
    # "Who is the head of the Customs?": its top post, whatever the document calls it
    r"|^\s*who\s+(?:is|was)\s+(?:now\s+|currently\s+)?the\s+(?:current\s+|present\s+)?(?:head|boss|chief)\s+of\b",
    re.IGNORECASE,
)
# "Who took the photo …?", "Who photographed …?", "Who is the photographer?", "Whose picture …?": who made a
# photo (not who is in it: "Who appears in the photo?")
_PHOTO = r"(?:photo(?:graph)?|picture|image|illustration)s?"
_ASKS_CREDIT = re.compile(
    rf"^\s*whose\s+{_PHOTO}\b"
    r"|^\s*(?:who|whose|by\s+whom)\b[^?]*?(?:\bphotograph(?:ed|ers?)\b|\billustrat(?:ed|ors?)\b"
    rf"|\b(?:took|take|takes|taken|shot|snapped|captured|credited)\b[^?]*\b{_PHOTO}\b"
    rf"|\b{_PHOTO}\b[^?]*\b(?:taken|shot|snapped|captured|credited)\b)",
    re.IGNORECASE,
)
# A post below the one named: "deputy director" is not the director
LESSER = {"deputy", "vice", "assistant", "associate", "sub", "under"}
# A post held before: the "former mayor" is not the mayor, but may answer "Who was a mayor …?"
FORMER = {"former", "ex"}
_ASKS_FORMER = FORMER | {"previous", "past"}  # "What previous mayor of New York …?" asks for a former one
_PAST = re.compile(r"\b(?:was|were|did|had|headed|led|chaired|ran|directed)\b", re.IGNORECASE)
# "Who said …?", "Who also says …?" (a learner's "who say …?" too), "Who described the zone as …?", "Who called it
# …?": the question asks for the speaker of what follows ("Who called for …?" asks who demanded it, a deed)
_ASKS_SPEAKER = re.compile(
    rf"^\s*who\s+(?:also\s+|has\s+|had\s+)?(?:{ATTRIBUTING}|say|describe[sd]|call(?:s|ed)(?!\s+(?:for|on|upon|off)\b))\b",
    re.IGNORECASE,
)
# "Which is bigger, the Hong Kong side or the Shenzhen side?": a comparing question, then two short choices
# (not the last items of a list: "a work like the Quran, Torah or Bible")
_SUPERLATIVES = "|".join(w[:-2] + "est" for w in COMPARATIVES.split("|") if w.endswith("er"))  # "biggest"
_COMPARING = rf"(?:{COMPARATIVES}|{_SUPERLATIVES}|better|worse|earlier|later|best|worst|first|last)"
_CHOICE = re.compile(
    rf"^\s*(?:which|who|what)\b[^,?]*\b{_COMPARING}\b[^,?]*,"
    r"\s*(?P<a>(?:[^\s,?]+\s+){0,4}[^\s,?]+),?\s+or\s+(?P<b>(?:[^\s,?]+\s+){0,4}[^\s,?]+)\s*\?\s*$",
    re.IGNORECASE,
)
_DESCRIBE = re.compile(r"^\s*(?:who|what)\s+(?:is|was|are|were)\s+(?P<target>[^?]+?)\s*\??\s*$", re.IGNORECASE)
# "the Hetao zone": a name and, last, the kind of thing it names
_NAME_KIND = r"(?i:the)\s+(?:[A-Z][\w'’.-]*\s+)+[a-z]+"
_THE_NAME_KIND = re.compile(_NAME_KIND + "$")
# whose full name is asked: "the full name of the Hetao zone", "the Hetao zone's official name"
_NAME_OF_KIND = re.compile(
    rf"\bname\s+of\s+(?P<of>{_NAME_KIND})\W*$|(?P<owner>{_NAME_KIND})['’]s\s+(?:\w+\s+){{0,2}}name\b"
)


class Wants(Enum):
    """What only some answers can give, whatever their type: checked on spans by ``shape.misfits`` (the
    speaker by ``speakers.may_say``; what a short form stands for by ``Question.short_form``)."""

    MONEY = "money"  # "How much does the branch cost?": a sum of money (or a share)
    DIFFERENCE = "difference"  # "How much bigger is …?": a difference a sentence states
    FULL_NAME = "full name"  # "What is Witman Hung's full name?": the whole name
    SPEAKER = "speaker"  # "Who said the plan was …?": whoever says it, also where a quotation says "he"
    HEAD = "head"  # "Who heads the Customs?": the holder of a post, not of a lesser one ("deputy director")
    NUMBER = "number"  # "What is the population of …?", "What is the Hong Kong side's area?": a number
    CREDIT = "credit"  # "Who took the photo of the border area?": whom a photo's credit names
    VERB = "verb"  # "… have a duty to what?", "… to do what?": a verb may answer (``shape.ends_in_a_verb``)


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
    # "Which is bigger, the Hong Kong side or the Shenzhen side?": the terms that set each choice apart
    choices: tuple[frozenset[str], ...] = ()
    # for a post's holder: the words before a post that make its holder none ("deputy", "former")
    lesser: frozenset[str] = frozenset()
    # "Did Xi Jinping attend the signing ceremony?": asks yes or no, which no span of a document says
    polar: bool = False
    # "Name a city … other than Hong Kong and Shenzhen": the terms of each thing the answer is not
    excluded: tuple[frozenset[str], ...] = ()
    # the question without an aside that says whose words it asks about ("What do the two sides exchange,
    # according to Hung?" → "What do the two sides exchange?"): what its type and shape are read from
    core: str = ""
    said_by: tuple[str, ...] = ()  # the terms of whose words the aside names ("lau"), stemmed

    def __post_init__(self) -> None:
        if not self.core:
            object.__setattr__(self, "core", self.text)

    @property
    def plain_terms(self) -> frozenset[str]:
        """The content terms that are no names: "join" and "hand" of "Who will Hong Kong join hands with?"."""
        return frozenset(self.terms) - frozenset(self.proper)


# "… have a duty to what?", "… expected to do what?", "What will Hong Kong do?": the answer is a verb
_ASKS_VERB = re.compile(r"\bto\s+(?:do\s+)?what\b|\bdo\s+what\b|\bwhat\b.*\bdo\s*\??\s*$", re.IGNORECASE)
# "What size is the Shenzhen portion?": a measure, as "What is the size of …?" asks
_WHAT_MEASURE_IS = re.compile(
    r"^\s*what\s+(size|length|height|weight|depth|width|distance|population|temperature|speed)\s+"
    r"(?:is|are|was|were|will|would)\b",
    re.IGNORECASE,
)
# "What did the quake measure?", "What does the parcel weigh?": a measure (the training pool's 2 such questions
# have a number for gold answer)
_MEASURE_VERB = re.compile(r"^\s*what\s+(?:does|do|did)\s+.+\s+(?:measure|weigh)\s*\??\s*$", re.IGNORECASE)


# An aside that says whose words a question asks about: "according to Hung", "in Lau's words", "in the view
# of Professor Lau", "as Qin put it", "says Lau", "per Hung"; or to whom they spoke: "speaking to the Post"
_WHOSE_WORDS = r"(?:words|view|views|opinion|eyes|estimation|account|telling)"
# a title or form of address after "per" in a question typed in lower case ("per professor lau", "per mayor qin"); not
# roles that also count things ("cost per officer")
_ADDRESSED = "|".join(sorted(HONORIFICS | {"mayor", "president", "minister", "governor", "senator", "premier"}))
_ASIDE_PHRASE = (
    rf"(?:according\s+to|in\s+the\s+{_WHOSE_WORDS}\s+of|says|said"
    r"|as\s+(?:stated|said|described|put|told|explained)\s+by)\s+(?P<who>[^,?;]{1,60}?)"
    # "per Hung", "per professor lau", not "per capita"
    rf"|per\s+(?P<per>(?:(?-i:[A-Z])|(?:{_ADDRESSED})\s+\w)[^,?;]{{0,60}}?)"
    r"|speaking\s+(?:to|with)\s+[^,?;]{1,60}?"  # to whom they spoke: no speaker
    rf"|in\s+(?P<owner>[^,?;]{{1,60}}?)['’]s?\s+(?:own\s+)?{_WHOSE_WORDS}"
    r"|as\s+(?P<sayer>[^,?;]{1,60}?)\s+(?:puts?\s+it|sees?\s+it|described\s+it|says|said|explained|noted|stated"
    r"|claimed|argued|told\s+the\s+\w+)"
)
_ASIDE_FIRST = re.compile(rf"^\s*(?:{_ASIDE_PHRASE})\s*,\s*", re.IGNORECASE)
_ASIDE_INSIDE = re.compile(rf"(?<=\w),\s*(?:{_ASIDE_PHRASE})\s*,\s*", re.IGNORECASE)
_ASIDE_LAST = re.compile(rf"\s*,\s*(?:{_ASIDE_PHRASE})\s*(?=\?*\s*$)", re.IGNORECASE)
# a sayer between the question word and what is asked: "Who does Lau say is waging …?" asks "Who is waging …?" of Lau
# ("How many people did Wei Hong say were dead?"); only before a verb, so that what is left is a question ("What did
# The Mail claim workers labored …?" keeps its sayer)
_ASIDE_SAYER = re.compile(
    r"^\s*(?P<wh>(?:who|what|which|where|when|why|how)\b[^,?;]{0,40}?)\s+(?:does|do|did)\s+"
    r"(?P<who>(?:(?!\b(?:that|which|who|they|it)\b)[^,?;]){1,60}?)\s+"
    r"(?:say|think|believe|claim|argue|feel|expect|suggest|consider|assert|contend)\s+(?:that\s+)?"
    r"(?=(?:is|are|was|were|will|would|can|could|should|has|have|had|might|may|must)\b"
    # or a verb in the past, or one in "-s" before an article: "… say influenced …", "… say supports the …"
    r"|(?-i:[a-z]{3,}ed\b|[a-z]{3,}s\s+(?:the|a|an|its|his|her|their|this|these|those)\b))",
    re.IGNORECASE,
)
# without a comma only before a name: "Who is Eric Chan according to Hung?", not "… ranked according to size?"
_ASIDE_LAST_NAME = re.compile(
    r"\s+according\s+to\s+(?P<who>(?:(?:the|his|her|their)\s+)?(?-i:[A-Z])[^,?;]{0,60}?)(?=\?*\s*$)", re.IGNORECASE
)


def without_aside(question: str) -> tuple[str, str]:
    """The question without an aside that says whose words it asks about, and whose they are: "What do the two
    sides exchange, according to Hung?", "According to Hung, what …?", "What, says Lau, is …?", "Who does Lau say
    is waging …?" and "For what purpose, as Qin put it, can …?" ask what the question left asks, of "Hung", "Lau" or
    "Qin"; the question and "" when it has no aside or nothing would be left. A sayer in lower case is part of what
    is asked ("What did cellular theory claim was in …?")."""
    for pattern, between in ((_ASIDE_FIRST, ""), (_ASIDE_INSIDE, " "), (_ASIDE_LAST, ""), (_ASIDE_LAST_NAME, "")):
        found = pattern.search(question)
        if found is None:
            continue
        core = (question[: found.start()] + between + question[found.end() :]).strip()
        if len(words(core)) >= 2:
            who = next((found.group(g) for g in ("who", "per", "owner", "sayer") if found.groupdict().get(g)), "")
            return core[:1].upper() + core[1:], who
    sayer = _ASIDE_SAYER.search(question)
    if sayer is not None and any(c.isupper() for c in sayer.group("who")):
        core = f"{sayer.group('wh')} {question[sayer.end() :]}".strip()
        return core[:1].upper() + core[1:], sayer.group("who")
    return question, ""


def analyze(question: str) -> Question:
    core, aside = without_aside(question)
    tokens = [fold(w) for w, _, _ in words(core)]
    kind, head = _kind(core, tokens)
    target: tuple[str, ...] = ()
    measured = False
    describe = _DESCRIBE.match(core)
    if describe and kind in (Kind.PERSON, Kind.ENTITY):
        measure = _MEASURE_OF.match(describe.group("target")) or _MEASURE_OWNED.match(describe.group("target"))
        if measure:
            kind, head, measured = Kind.QUANTITY, stem(fold(measure.group(measure.lastindex or 1))), True
        elif _names_a_thing(describe.group("target"), person=kind is Kind.PERSON):
            kind, target = Kind.DESCRIBE, tuple(terms(describe.group("target")))
    measure_is = _WHAT_MEASURE_IS.match(core) if kind is Kind.ENTITY else None
    if measure_is:  # "What size is the Shenzhen portion?" asks how big, as "What is the size of …?" does
        kind, head, measured = Kind.QUANTITY, stem(fold(measure_is.group(1))), True
    if kind is Kind.ENTITY and _MEASURE_VERB.match(core):
        kind = Kind.QUANTITY  # "What does the Hong Kong side measure?" asks how big, as "How big is …?" does
    holder = _holder_named(core) if kind is Kind.ENTITY else None
    if holder is not None:
        kind, head = Kind.PERSON, holder
    if kind is Kind.ENTITY and head is None and (role := _ROLE_OF.search(core) or _ROLE_OF_NAME.match(core)):
        head = role.group(1).lower()  # "What is Lau Siu-kai's title?" asks for the post, as "What title …" does
    if kind is Kind.ENTITY and head in ROLE_NOUNS:  # whose: "Theodore Hesburgh" of "Notre Dame's Theodore Hesburgh"
        kind, target = Kind.DESCRIBE, _proper_nouns(_OWNER_OF_NAME.sub("", core))
    content = tuple(_content_terms(core))
    posts = frozenset(stem(w) for w in tokens if w in TITLES)
    wants, short_form = _wants(core, kind) | ({Wants.NUMBER} if measured else set()), _short_form(core)
    named = _NAME_OF_KIND.search(core) if Wants.FULL_NAME in wants and kind is Kind.ENTITY else None
    if named is not None:
        # the full name of the Hetao zone is what names the zone in full: asked as "What is the Hetao zone?",
        # whose sentence need not say "full name"
        kind, head, target = Kind.DESCRIBE, None, tuple(terms(named.group("of") or named.group("owner")))
        content = target
    proper = _proper_nouns(core)
    lesser = _lesser(core) if kind is Kind.PERSON and (posts or Wants.HEAD in wants) else frozenset()
    choices = _choices(core)
    excluded = _excluded(core)
    return Question(
        question,
        kind,
        head,
        content,
        target,
        proper,
        posts,
        wants,
        short_form,
        choices,
        lesser,
        _polar(core, tokens),
        excluded,
        core,
        tuple(terms(aside)),
    )


_POLAR_OPENERS = AUX | {"may", "might", "must", "shall", "am"}
WH_WORDS = frozenset(("what", "which", "who", "whom", "whose", "when", "where", "why", "how"))


# "According to Hung, is …": the first word after an opening phrase and its comma
_OPENING_THEN_WORD = re.compile(r"^[^,?]{1,60},\s*(\w+)")


# "What is the name of the Brics institute's director?" asks for a person, as "Who is …?" does
_NAME_OF_HOLDER = re.compile(
    r"^\s*what\s+(?:is|was|are|were)\s+the\s+(?:full\s+)?names?\s+of\s+(?:the|a|an|its|his|her|their)\s+"
    r"([\w\s'’-]+?)(?:\s+(?:of|in|at|for|who|that|whose|which|on|from|with|to)\b|\s*\??\s*$)",
    re.IGNORECASE,
)


def _holder_named(question: str) -> str | None:
    """The person noun whose holder's name "What is the name of the X's director?" asks for ("director")."""
    phrase = _NAME_OF_HOLDER.match(question)
    found = [stem(fold(w)) for w, _, _ in words(phrase.group(1))] if phrase else []
    return found[-1] if found and found[-1] in PERSON_NOUNS | TITLES else None


def _polar(question: str, tokens: list[str]) -> bool:
    """A yes/no question: it opens with an auxiliary or a modal, or does so after an opening phrase ("According to
    Hung, is it a competition …?", "In 2020, did Xi …?"), and asks for neither a wh-thing nor a choice ("Is it
    rising or falling?" is answered by a span; "Had he not died, what …?" asks for a thing)."""
    if not tokens or any(t in WH_WORDS or t == "or" for t in tokens):
        return False
    opened = _OPENING_THEN_WORD.match(question)
    return tokens[0] in _POLAR_OPENERS or (opened is not None and fold(opened.group(1)) in _POLAR_OPENERS)


def post_words(text: str) -> list[str]:
    """The folded words of ``text`` with hyphens parted: "Vice-President" → "vice", "president"."""
    return [part for w, _, _ in words(text) for part in fold(w).split("-") if part]


def _lesser(question: str) -> frozenset[str]:
    """The words before a post that make its holder no answer to a question about the post: a lower post
    unless the question names one ("Who is the deputy director …?"), a former one unless the question names
    one or is in the past ("Who was a professor …?")."""
    asked = set(post_words(question))
    lesser = set() if LESSER & asked else set(LESSER)
    if not _ASKS_FORMER & asked and not _PAST.search(question):
        lesser |= FORMER
    return frozenset(lesser)


def _choices(question: str) -> tuple[frozenset[str], ...]:
    """The choices a question offers after a comma ("Which film grossed more, Skyfall or Spectre?"), each by
    the terms the other lacks; () for other questions."""
    offered = _CHOICE.match(question)
    if offered is None:
        return ()
    a, b = (set(terms(offered.group(side))) for side in ("a", "b"))
    if not a - b or not b - a:
        return ()
    return (frozenset(a - b), frozenset(b - a))


# "… other than Hong Kong and Shenzhen", "Besides laboratory clusters, …", "… along with Qin?": things the answer is not
_EXCLUDING = re.compile(
    r"\b(?:other\s+than|besides|apart\s+from|aside\s+from|except(?:\s+for)?|excluding"
    r"|along\s+with|together\s+with|alongside|in\s+addition\s+to)\s+([^,?.;]+?)"
    r"(?=\s*(?:[,?.;]|$)|\s+(?:" + "|".join(sorted(AUX | WH_WORDS)) + r")\b)",
    re.IGNORECASE,
)


# A name and a lowercase word after it that is no part of it: "Qin| promised"
_NAME_THEN_LOWER = re.compile(
    r"((?-i:[A-Z][\w'’.-]*)(?:\s+(?:(?:and|or|of|the|de)\s+)*(?-i:[A-Z][\w'’.-]*))*)"
    r"\s+(?!(?:and|or|of|the|de)\b)(?-i:[a-z])"
)


def _excluded(question: str) -> tuple[frozenset[str], ...]:
    """The terms of each thing a question rules out, without those the rest of the question says ("Other
    than T cells, what other immune cells …?" rules out no cell)."""
    found = _EXCLUDING.search(question)
    if found is None:
        return ()
    excluded, stop = found.group(1), found.end()
    ran_on = _NAME_THEN_LOWER.match(excluded)
    if ran_on is not None and not question[found.end() :].lstrip().startswith(","):
        # "Who else besides Qin promised easier immigration …?": the name, not the rest of the question after it
        excluded, stop = ran_on.group(1), found.start(1) + ran_on.end(1)
    rest = set(terms(question[: found.start()] + " " + question[stop:]))
    items = (frozenset(terms(item)) - rest for item in re.split(r",|\band\b|\bor\b", excluded))
    return tuple(item for item in items if item)


def _short_form(question: str) -> str:
    """The short form whose long form is asked for, letters only ("bic" of "B.I.C."); "" for other questions."""
    found = _SHORT_FORM.search(question)
    if not found:
        return ""
    return re.sub(r"[^a-z]", "", fold(found.group("short") or found.group("short2") or found.group("first")))


def _wants(question: str, kind: Kind) -> frozenset[Wants]:
    wants = set()
    costs = (kind is Kind.QUANTITY and _COST.search(question)) or _SUM_OF.search(question)
    if costs and not MONEY.search(question):
        wants.add(Wants.MONEY)  # unless it names the unit itself ("How much … in cents?")
    if _DIFFERENCE.search(question):
        wants.add(Wants.DIFFERENCE)
    if _FULL_NAME.search(question):
        wants.add(Wants.FULL_NAME)
    if kind is Kind.PERSON and _ASKS_SPEAKER.match(question):
        wants.add(Wants.SPEAKER)
    if kind is Kind.PERSON and _ASKS_HEAD.match(question):
        wants.add(Wants.HEAD)
    if _ASKS_CREDIT.search(question):
        wants.add(Wants.CREDIT)
    if _ASKS_VERB.search(question):
        wants.add(Wants.VERB)
    return frozenset(wants)


def asks_definition(q: Question) -> bool:
    """ "Who is Eric Chan?", "What is the Hetao zone?": a description of a named thing is wanted. The thing
    is a name, or "the" name and the kind of thing it names ("the Hetao zone"; not "Hong Kong described
    as")."""
    if q.kind is not Kind.DESCRIBE or not q.target or not set(q.target[:-1]) <= set(q.proper):
        return False
    # the whole question is "who/what is NAME" (or "NAME's title"), not "what post does NAME hold …"
    asked = _DESCRIBE.match(q.core)
    if asked is None:
        return False
    if q.target[-1] in q.proper:
        return True
    # "the Hetao zone", or its full name
    named = Wants.FULL_NAME in q.wants or _THE_NAME_KIND.match(asked.group("target")) is not None
    return named and described_kind(q) != ""


@lru_cache(maxsize=1024)
def things_of_a_kind(question: str) -> tuple[tuple[str, ...], ...]:
    """The terms of each "the NAME KIND" the question names ("hetao", "zone" of "What does the Hetao zone already
    have?"); not "the Environmental Protection Agency to", whose last word is no kind, nor "the Commission's
    proposals", which the name owns rather than names."""
    found = []
    for named in re.finditer(_NAME_KIND, question):
        if fold(named.group().split()[-1]) not in STOPWORDS and not re.search(r"['’]s?\s", named.group()):
            found.append(tuple(terms(named.group())))
    return tuple(t for t in found if len(t) > 1)


def described_kind(q: Question) -> str:
    """The kind of thing a "What is the NAME KIND?" names, stemmed ("zone" of "What is the Hetao zone?"); ""
    when the thing asked about is all name ("Who is Eric Chan?", "What is the Hetao Zone?")."""
    if q.kind is not Kind.DESCRIBE or len(q.target) < 2 or q.target[-1] in q.proper:
        return ""
    return q.target[-1] if set(q.target[:-1]) <= set(q.proper) else ""


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
    if _POSSESSIVE.search(target) or any(
        folded in _RELATION and (person or not _inside_a_name(tokens, at)) for at, (_, folded) in enumerate(tokens)
    ):
        return False
    if person and tokens and tokens[0][1] == "the" and tokens[-1][1] in TITLES:
        return False  # "Who is the Chinese President?" asks who holds the post
    content = [w for w, folded in tokens if folded not in STOPWORDS]
    if not content or len(content) > 8:
        return False
    capitalized = [w[:1].isupper() for w in content]
    return all(capitalized) if person else any(capitalized) or len(content) <= 3


# words that join a name's capitalised words: "the Chinese Association of Hong Kong and Macau Studies", "the
# Institute for Advanced Study", "the Commission on Human Rights"
_INSIDE_NAMES = frozenset({"of", "for", "on"})


def _inside_a_name(tokens: list[tuple[str, str]], at: int) -> bool:
    """Whether the word at ``at`` joins capitalised words of one name, the first not a post's ("the President of
    the United States" asks who holds it) and the one before it no initials ("the GDP of …" asks for a value)."""
    before = tokens[at - 1][0] if at else ""
    if tokens[at][1] not in _INSIDE_NAMES or not before[:1].isupper() or (len(before) > 1 and before.isupper()):
        return False  # "the GDP of the Greater Bay Area": a measure's initials, what it is of asked
    following = at + 1 + (at + 1 < len(tokens) and tokens[at + 1][1] == "the")
    opening = next((folded for _, folded in tokens if folded not in STOPWORDS), "")
    return following < len(tokens) and tokens[following][0][:1].isupper() and opening not in TITLES


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
                return Kind.COUNT, _counted_noun(tokens[i + 2 :], set(_proper_nouns(question)))
            if nxt == "long" and tokens[i + 2 : i + 3] == ["ago"]:
                return Kind.TIME, None  # "How long ago did the State Council …?" asks when
            if nxt in _QUANTITY_ADJ:
                return Kind.QUANTITY, None
            continue
        if token in ("which", "what"):
            found = list(words(question))
            owners = frozenset(k for k, (_, _, end) in enumerate(found) if _OWNER.match(question, end))
            head = _head_after(tokens, i + 1, [w for w, _, _ in found], owners)
            named = [t for t in tokens[i + 1 : i + 5] if t not in AUX and t not in ("the", "a", "an", "main")]
            if head in _REASON_NOUNS or (named and named[0] in _REASON_NOUNS):
                return Kind.REASON, None  # "For what reason …?", "What was the purpose of …?"
            return _kind_of_head(head), stem(head) if head else None
    return Kind.ENTITY, None


_OWNER = re.compile(r"['’](?:s\b|(?=\s))")  # after a word: "city's", "countries’ "

_IRREGULAR_PLURALS = {"people", "children", "men", "women", "staff", "personnel", "police", "cattle", "feet", "teeth"}


def _counted_noun(tokens: list[str], names: set[str]) -> str | None:
    """What "how many" counts: the first plural in the noun phrase after it ("universities" in "how many
    Hong Kong universities have …", "students" in "how many students attend the five universities",
    "copies" in "how many copies of 4 sold"), else the phrase's last word. The phrase ends at a verb
    form we know (an auxiliary) or at a function word after its first word; a name is no plural ("James")."""
    phrase: list[str] = []
    for token in tokens[:4]:
        if token in AUX or (phrase and token in STOPWORDS):
            break
        if token not in STOPWORDS:
            phrase.append(token)
    for token in phrase:
        if stem(token) not in names and (token in _IRREGULAR_PLURALS or PLURAL.search(token)):
            return stem(token)
    return stem(phrase[-1]) if phrase else None


PLURAL = re.compile(r"^[a-z-]{2,}[^isu]s$")  # a plural noun in lower case ("universities", not "James" or "bus")


# Words that modify the noun a which/what asks for rather than name it: "Which major award …?", "What famous
# musician …?"; adjectives of these endings ("historic", "semi-official", "foreign") and names ("Which Egyptian
# president …?", "Which Apple engineer …?") do so too.
_MODIFIERS = {
    *("major", "famous", "new", "old", "first", "last", "main", "big", "small", "other", "same", "only"),
    *("notable", "popular", "former", "current", "early", "late", "modern", "ancient", "local", "public"),
    *("private", "foreign", "large", "largest", "biggest", "best", "top", "great", "greatest", "important"),
}
_ADJECTIVE = re.compile(r"[a-z-]{3,}(?:al|ic|ous|ive|ful|ese|ish|ern|ary)$")
_VERB_FORM = re.compile(r"[a-z]{2,}(?:ed|ing|ly)$")


def _head_after(tokens: list[str], start: int, cased: list[str], owners: frozenset[int]) -> str | None:
    """The noun a which/what asks for: "countries" in "Which two countries …?" (a number is no head), "award"
    in "What major award …?", "president" in "Which Egyptian president …?": a word that modifies (a common
    adjective, a word of an adjective's ending, a name; never a post: "What Columbia President went …?", "What
    UN secretary went …?") passes the head on to the next word, unless that is a function word, a number or a
    verb's form in -ed, -ing ("Which Apple engineered …?"). An owner is the head itself: "Which city's mayor
    …?" asks for the city. ``cased``: the question's words as written, which tell a name; ``owners``: the
    indices of words a possessive follows."""
    for k in range(start, min(start + 3, len(tokens))):
        token = tokens[k]
        if token in AUX or token == "else":  # "what else …?" names no kind
            return None
        if token not in STOPWORDS and not token.isdigit() and token not in NUMBER_WORDS:
            return _modified(tokens, k, cased, owners)
    return None


def _modified(tokens: list[str], k: int, cased: list[str], owners: frozenset[int]) -> str:
    """The head from ``tokens[k]`` on: past its modifiers, at most two, never past an owner."""
    for _ in range(2):
        if k in owners:
            break
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        named = cased[k][:1].isupper()
        # a post after a noun heads it ("Which customs official …?"), as the post after a lesser one does
        # ("Which deputy director …?")
        modifies = tokens[k] not in TITLES and (
            tokens[k] in _MODIFIERS or _ADJECTIVE.match(tokens[k]) or named or nxt in TITLES
        )
        modifies = modifies or (tokens[k] in LESSER and nxt in TITLES)
        ends = not nxt or nxt in AUX or nxt in STOPWORDS or nxt in NUMBER_WORDS or nxt[:1].isdigit()
        if not modifies or ends or _VERB_FORM.match(nxt):
            break
        k += 1
    return tokens[k]


def _kind_of_head(word: str | None) -> Kind:
    if word is None:
        return Kind.ENTITY
    head = stem(word)
    if head != word and head not in TIME_NOUNS:
        return Kind.LIST
    if head in TIME_NOUNS:
        return Kind.TIME
    if head in _PLACE_NOUNS:
        return Kind.PLACE
    if head in PERSON_NOUNS:
        return Kind.PERSON
    return Kind.ENTITY
