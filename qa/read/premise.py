"""What a question takes as given, checked against the sentence of its answer: a span cannot answer a question
whose premise its sentence does not share.

A reader trained to find "what Maududi advocated" finds the same span whether or not the question says "not",
and "Who won the election in 2012?" the same name whether the sentence says 2012 or 1924. SQuAD 2.0's questions
without an answer are often answerable ones changed in just this way, and so are a user's questions about what a
document does not say. These premises are checked:

- A denial (``negation_unsaid``): the question's own clause says "not", "never", "no longer", "-n't", "no" or
  "nothing" ("What does sleep have no effect on?"; not "No 2" nor "at no cost"), and the sentence says nothing
  negative: not "not", "never", "no", "without", "except" ("the exceptions of"), "refrain", "fail", "refuse",
  "lack", "only" and their like (session 63: "exceptions", "refraining", "not be solely"; 4 gold answers of 3
  questions of the pool less rejected), nor a word of the question with a negating prefix ("inactive" for "isn't
  active", "unmarried" for "not married"). A "not" inside a clause of condition, time or relation ("What happens
  when a doctor doesn't know …?", "… the teacher that was not an amateur"), "not only" and why-questions ("Why
  didn't he come?" is answered by "he died before …") are left alone. The answer's own words are not read: a denial
  inside it ("that the duty … cannot contradict plain words" for "What did the Court not acknowledge?") is not said
  of the asked deed; nor is the sentence's "not only" or "not just", which adds and denies nothing.
- A deed the sentence denies (``deed_denied``): the question asserts what the sentence, outside the answer, says
  is not done: "What type of jihad does HT prefer to engage in?" is not "armed" of "HT does not engage in armed
  jihad", "What happens if the deadline is met?" not what happens "if the deadline is not met". Not when the
  question says anything negative itself, asks yes or no, offers a choice or asks why, nor for "whether or not",
  "not … until" (a time), a denial in brackets or "not only".
- A word the question undoes (``opposite_unsaid``): "unofficial", "non-Muslim", "disapproved" or "inexperienced"
  in the question (un-, non-, dis-, mis-, in-, im-, il-, ir-), and "official", "Muslim", "approved" or
  "experienced" plainly in the sentence (or its adverb, "officially", and for "-nt" its noun, "importance"), which
  does not say the question's word itself; and the other way round
  (``undone_in_sentence``), the sentence undoing outside the answer what the question says plainly and the sentence
  nowhere ("uncivilized" for "civilized", "non-self" for "self"; "Hispanics" says "Hispanic"), unless the question
  says anything negative itself ("isn't active" may be said "inactive").
- An antonym (``antonym_said``): the question asks of "the least", "smaller", "the first", "western", "public" or
  "increased" what the sentence says of "the most", "larger", "the last", "eastern", "private" or "decreased",
  near a word the question has beside its own: "What is the least abundant type of phagocyte?" is not
  "Neutrophils" of "Neutrophils … are the most abundant type of phagocyte". Not when the sentence also says the
  question's word ("older sister" of "an elder sister and two younger sisters"), nor for "at least", "the first …
  since" (the last before) or a choice ("Which grossed more, Skyfall or Spectre?"). Pairs of plain words ("few" /
  "many", "support" / "opposition", "long" / "short", "hot" / "cold", "rarely" / "often", "gain" / "loss",
  "permanent" / "temporary", "ally" / "enemy", "weak" / "strong", "new" / "old", "strength" / "weakness", "father" /
  "mother", "real" / "fictional", "connect" / "separate", "heal" / "damage", "attack" / "defend", "enter" / "exit",
  "protect" / "destroy", "promote" / "discourage", "strengthen" / "weaken"; session 61: "launch" / "cancel",
  "build" / "demolish"; session 62: "praise", "hail", "applaud" / "criticise", "condemn", "denounce" and "finally" /
  "first", none of them said in the training pool; session 63: "include" / "exclude", "above" / "below", "similar" /
  "different", "hamper" / "help", "domestic" / "foreign", "urban" / "rural", "top" / "bottom", "wet" / "dry",
  "lack" / "possess", "upset" / "restore", "overthrow" / "support", "kill" / "rescue", "cheap" / "expensive",
  "arrive" / "depart", "birth" / "death": 2 more plausible answers, no gold answer)
  join the superlatives and comparatives; after "at" only a superlative is an idiom
  ("at least"; "at high levels" says "high").
  Words of relation ("before"/"after", "start"/"end", "win"/"lose", "buy"/"sell": "Which company bought the
  label?" is answered by "The label was sold to Universal Music Group") are left out: the training pool's gold
  answers are said with their opposites as often as plausible ones ("before"/"after": 4 plausible for 4 gold), and
  so are pairs it gives too little to judge ("large"/"small": 2 for 1; session 51: "inside"/"outside" and
  "allow"/"forbid" 1 for 1, "upper"/"lower" 0 for 1, "primary"/"secondary" 0 for 4).
- A number (``other_number``): the question names a number ("the 30th anniversary", "No 1", "five minutes")
  that the sentence does not say in any form ("fifth", "two hundred"; a number and its magnitude are one, "three
  thousand" is 3,000), and the sentence gives another beside a word the question has on the same side of its own
  ("the 40th anniversary", "No 2 official"; not "MVP, recording five tackles" for "the game 50 MVP"). Dates with
  slashes, ratings ("7.2/10"), codes ("007") and "one" are no such numbers.
- An ordinal (``other_ordinal``): an ordinal word before a word ("Marin's first fort") that the sentence does not
  say, where it says another before the same word ("a second fort").
- A year (``other_year``): the question names years, decades or centuries ("in 2012", "in the 1960s", "the 21st
  century"), none of which the sentence or the one before holds, and the sentence names another time: "1924" is
  not 2012, "the 20th century" not the 21st. A range ("1946 to 1952", "1916–20") holds every year inside it, a
  decade its ten years, a century its hundred ("2012" is of the 21st).
- A month or weekday (``other_day_or_month``): the question names one ("on 26 December", "its Tuesday screenings")
  that neither the sentence nor the one before names, and the sentence names another of its kind ("26 October").
- A time counted from now (``other_time``): "last year" of the question, "last week" of the sentence.
- A name (``other_name``): a name of the question of two or more words ("the American Commission", "Ten Eyes")
  that the document holds nowhere, and the sentence naming the same with one word another ("the European
  Commission", "Nine Eyes"). A name written two ways ("U.S. Army", "World War II" for "World War 2", "Déjà Vu",
  "iPods") is one name, and only an answer that is the other name itself passes ("Who was Harper Lee's sister?"
  is "Alice Lee"). Or the same last words of a thing's name after other first words, the asked name nowhere in the
  document: "the Macau Science Park", "the Hong Kong Science Park".
- A name swapped elsewhere (``name_swapped_elsewhere``, session 63): a name of the question of two or more words
  that the document holds nowhere, where the document, anywhere, names the same with one word another: "When is the
  HD version of Radar Princess slated for launch?" of a document about "Twilight Princess". A shared word the
  document also says on its own (a surname: "Lee"), titles and their short forms ("Father", "Fr"), a word written
  one letter otherwise or run together ("Longmenshan" of "Longmen Shan"), the question's own words and an answer
  that is the other name are left alone (pool: 5 more plausible answers rejected for 2 gold ones).
- A name before a noun (``other_name_before_noun``): "the Hong Kong part" of the question, "the Shenzhen part"
  of a sentence that names Hong Kong in no form (initials, "NYC" of "New York", and a shared opening, "British" of
  "Britain", are forms of it). A people's name alone ("Irish troops" for "English troops"), a possessive, the
  subject after "does" ("What does Qin aim to establish?"; not a plural after it: "will Hong Kong authorities") and
  an opening word that may or may not be a name's (unless the document capitalises it inside a sentence) are
  left alone, and an answer that names the other thing in full passes ("What US war …?" "Vietnam War") unless a
  number or a person is asked ("How many Shenzhen universities …?" is not "Five Hong Kong", "Which Macau leader …?"
  not "Hong Kong" of "Hong Kong leader John Lee").
- A name after the same words (``other_name_after_words``): a name of one word of the question that the document
  holds in no form ("Iraq"; "Iraqis", "British" for "Britain" and the same letters are forms of it), and another
  name of one word after the same two words in the sentence: "Who deployed its army into Iraq in 1979?" is not
  answered from "… deployed its army into Afghanistan", nor "What palace in France …?" from "… Palace in
  Oxfordshire"; or, each after a word that sets a place ("to", "in", "at", "from", "into", "near"), "Who flew to
  Shanghai …?" from "… attends a press conference in Beijing" (session 57: 8 more plausible answers for 18 gold
  ones of 12 questions, mostly of a paragraph that does not name its article's topic: "Frédéric", "Spectre").
  Initials, a name beside other capitalised words and a name written another way ("Manhatten") are left alone,
  and an answer that is the other name passes; so does a question whose name the document holds one letter
  otherwise ("Bedigo" for "Bendigo"; session 63: 4 gold answers' questions and 1 plausible answer less rejected).
- A title before a name (``other_title``): "Minister Robert Dinwiddie" of the question, "Governor Robert Dinwiddie"
  of the sentence, and the question's title before the name nowhere in the document. Only titles that rule each
  other out ("mayor", "governor", "king", "general"); "official" or "leader" may be said of any holder.
- What a post is of (``other_body_of_post``): the question's post of something whose first word the document holds
  in no form ("the deputy director of the police"), and the answer's sentence giving the same post of something else
  ("…, deputy director of the General Administration of Customs, promised …"). None of the pool's gold or plausible
  answers (session 58).
- A subject said elsewhere (``subject_elsewhere``): the question asks of a name as its subject ("How many hectares
  does Macau cover?", "Where is Midna working …?"), the document names it, but neither the answer's sentence nor
  the one before does in any form, and nothing in the sentence may stand for it ("he", "its", "these"): the
  sentence is about something else ("… the Shenzhen one occupying 302 hectares"). A name that ends in the kind of
  thing it names is named with that kind ("Shenzhen" alone is not the asked "Shenzhen River"; session 63: 2 more
  plausible answers rejected, no gold). A longer name that holds it in
  the sentence before ("The Hong Kong Science Park will open …" for "How many projects will Hong Kong launch?")
  names that other thing (session 62: 2 more plausible answers rejected for 3 gold). The subject of a clause the
  question reports ("Mayor Qin said Guangzhou would launch how many …?") is read, not its sayer (session 63: no
  pool answer changes). A possessive ("Chopin's
  funeral"), a people's name ("the French") and a name the document holds nowhere (a paragraph may be about its
  article's title without naming it) are left alone. The name's own last word ("the corporation" for "Acme
  Corporation") stands for it; another noun ("the city" for New York) is not read as one: sentences with "the" and
  a noun of a kind of thing hold 6 of the pool's plausible answers this check rejects and 14 of its gold ones (12
  questions), shares the rule still keeps.
- Names asked between (``ends_elsewhere``): "Name the river between Macau and Zhuhai." ("Which river divides,
  separates, links, connects or joins Macau and Zhuhai?") of a sentence that does not name one of them (session 63:
  one is enough, was both), nor the one before, nothing there standing for them, where the document names it
  elsewhere: "the Shenzhen River" separates other places; an answer named after the other ("Shenzhen River" for
  "… between Hong Kong and Shenzhen?") needs both unsaid. (Session 62: 14 questions of the training pool, one
  without an answer, ask between two names; none of their gold or plausible answers is rejected, before session
  63's change or after it.)

Against the training pool (``eval/scripts/plausible_answer_checks.py``, its table; as of session 63), of SQuAD 2.0's
1,674 plausible answers to its unanswerable questions the denial rejects 279, the deed denied 19, the undone word 47,
the antonym 106, the number 45, the ordinal 7, the year 61 (3 of them for a century), the month or weekday 11, the
name 41, the name swapped elsewhere 27, the name before a noun 9, the name after the same words (or place words) 19,
the title before a name 2 and the subject said elsewhere 39 (the time counted from now none: the pool says "last week"
nowhere); of its 9,600 gold answers, 13 (11 questions), 5 (4), 2, 1, 6, 2, 15 (14 questions), 2, 4, 5, 4, 14 (9
questions), 0 and 46 (39 questions); most of them name a year, month, number or name their gold answer's sentences do
not: "… in November 1995" of "… created on 8 November 1994", "all four boroughs" of "… won the five boroughs in 1924",
"in July of 2009" of "… explained in June 2009", "New York City's women's basketball team" of "… the New York Knicks";
the subject's are mostly a paragraph's own topic it names once ("How many hours of sunshine does New York receive
every year?" of a paragraph on New York's climate). Each is kept by the rule that script states: its share of
unanswerable questions more than twice its share of answerable ones (the subject 2.33 % against 0.51 %).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

from qa.read.names import BODY_HEADS, STANDS_FOR_PERSON, STANDS_FOR_THING, any_word_of
from qa.read.question import HONORIFICS, PLURAL, TITLE_WORDS, TITLES, WH_WORDS, Kind, Question
from qa.text import MAGNITUDES, MONTHS, NUMBER_VALUES, STOPWORDS, WEEKDAYS, stem, verb_base
from qa.text import words as text_words

# a year or decade, alone or opening a range: "1994", "the 1960s", "1946 to 1952", "1916–20"
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})(['’]?s)?(?:\s*(?:[–-]|to|until|through)\s*(\d{2,4})\b)?")
# ordinal words: "sixth" says 6 (the number check), "nineteenth century" the 19th (the year check)
_ORDINAL_WORDS = {
    **{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8},
    **{"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "thirtieth": 30, "fortieth": 40},
    **{"fiftieth": 50, "sixtieth": 60, "hundredth": 100},
}
# a century, in digits or words, and "BC" after it: "the 21st century", "nineteenth-century", "5th century BC"
_CENTURY_WORDS = {
    **{word: number for word, number in _ORDINAL_WORDS.items() if number <= 20},
    **{"thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17},
    **{"eighteenth": 18, "nineteenth": 19, "twenty-first": 21, "twenty first": 21},
}
_ORDINAL_CENTURY = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_CENTURY_WORDS, key=len, reverse=True)) + ")"
# one century or several joined ("the 19th and 20th centuries", "the 16th to 18th centuries"), "BC" after them
_CENTURY = re.compile(
    rf"\b(?P<ordinals>{_ORDINAL_CENTURY}(?:\s*(?:,|and|or|to|through|[–-])\s*(?:the\s+)?{_ORDINAL_CENTURY})*)"
    r"[\s-]+centur(?:y|ies)\b(?P<bc>\s+(?:BCE?\b|B\.C\.))?",
    re.IGNORECASE,
)
_CENTURY_ORDINAL = re.compile(_ORDINAL_CENTURY, re.IGNORECASE)
_CENTURY_RANGE = re.compile(r"\b(?:to|through)\b|[–-]\s*(?:the\s+)?\w", re.IGNORECASE)

# "only", "just", "merely", "simply", "solely" after "not": "not only … but" adds, it denies nothing
_ADDING = r"(?:only|just|merely|simply|solely)\b"
_DENIES = (
    rf"(?:\bnot\b(?!\s+(?:be\s+|been\s+)?{_ADDING})|"
    r"\bnever\b|\bno\s+longer\b|n['’]t\b|"
    r"\b(?:do|does|did|is|are|was|were|has|have|had|could|would|should|ca|wo)nt\b|"
    # "What does sleep have no effect on?", "What has nothing to do with …?"; not "No 2", "No.", "at no cost"
    r"(?<!\bat\s)(?<!\bwith\s)(?<!\bof\s)(?<!\bin\s)(?<!\bfor\s)(?<!\bby\s)(?<!\bto\s)"
    r"\b(?:no(?!\s*\d|\.|\s+longer\b)|none|nothing|nobody|nowhere|neither)\b)"
)
_DENIED = re.compile(_DENIES, re.IGNORECASE)
# the words that open a clause of condition, time or reason (a "not" there is not the question's own)
_SUBORDINATORS = r"if|when|whenever|unless|because|though|although|while|after|before|until|since|whether|even"
# a denial inside a clause that the question's wh-word does not ask about: condition, time, reason, relation
_IN_A_CLAUSE = re.compile(rf"\b(?:{_SUBORDINATORS}|that|who|which|whose|where)\b[^?]*?{_DENIES}", re.IGNORECASE)
# "If Link is not moving, …", "When the deadline is not met, …": a clause before the question's own
_OPENING_CLAUSE = re.compile(rf"^\s*(?:{_SUBORDINATORS})\b[^,?]*,\s*", re.IGNORECASE)
_WH = re.compile(rf"\b(?:{'|'.join(sorted(WH_WORDS))})\b", re.IGNORECASE)
# what a sentence says to deny, leave out, stop or single out; a question's denial may stand for any of these
_NEGATIVE = re.compile(
    r"\b(?:not|never|no|none|nor|neither|nothing|nobody|nowhere|without|except\w*|excluding|cannot|unable|instead|"
    r"refrain\w*|"
    r"rather\s+than|other\s+than|yet\s+to|lack\w*|fail\w*|refus\w*|den(?:y|ies|ied|ial)|only|remain\w*|"
    r"remov\w*|discontinu\w*|ceas\w*|stopp?(?:ed|s|ing)?|ban|bans|banned|prohibit\w*|forb[ai]\w*|avoid\w*|"
    r"prevent\w*|exclu\w*|exempt\w*|absen\w*|ignor\w*|reject\w*|declin\w*|lost|lose|loses|losing|unlike|"
    r"former\w*|once|despite|outside|beyond|apart\s+from|distinguish\w*|eliminat\w*)\b|n['’]t\b",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(rf"\bnot\s+{_ADDING}", re.IGNORECASE)
# a word of the question that denies by its prefix: "unofficial", "non-Muslim", "disapproved", and with "in-",
# "im-", "il-" or "ir-" an adjective ("inexperienced", "impossible", "illegal", "indirect", "incomplete", "immature";
# not "income", "import", "information", "insect")
_UNDONE = re.compile(
    r"\b(?:(?:un|non-?|dis|mis)([a-z]{4,})|(?:in|im|il|ir)([a-z]{2,}(?:able|ible|ate|ent|ant|al|ive|ed|ous|ful|ar|ect|ete|ure)))\b",
    re.IGNORECASE,
)
# a word with a negating prefix: "inactive", "unmarried", "non-self", "dislike"
_PREFIXED = re.compile(r"\b(?:un|in|im|il|ir|non-?|dis|mis)([a-z]{3,})", re.IGNORECASE)


@lru_cache(maxsize=1024)
def denies(q: Question) -> bool:
    """Whether the question's own clause says "not" (or "never", "no longer", "-n't"): "Which city did Xi not
    visit?", "Where wasn't the war fought?"; not "What happens if the deadline is not met?", "If Link is not
    moving, where …?" nor "not only … but"."""
    core = _OPENING_CLAUSE.sub("", q.core, count=1)
    wh = _WH.search(core)
    after = core[wh.end() :] if wh else core  # the question's own wh-word opens no clause
    found = len(_DENIED.findall(core))
    return found > 0 and found > len(_IN_A_CLAUSE.findall(after))


def opposite_unsaid(q: Question, sentence: str, answer: tuple[int, int] | None = None) -> bool:
    """A word of the question that says "un-", "non-", "dis-", "in-" or their like of what the answer's sentence
    says plainly: "Who refused to act until Loudoun disapproved plans?" is not "Abercrombie" of "… until Loudoun
    approved them", "The unofficial car of the film was what?" not "DB10" of "… unveiled the new DB10 as the
    official car for the film", nor "When was the non-Muslim Brotherhood founded?" "1928" of "The Muslim
    Brotherhood was founded in 1928". Not when the sentence denies the word itself ("not official") or undoes it
    too in any form ("ruled an incompletion" for "ruled incomplete"). And the other way round
    (``undone_in_sentence``): the sentence undoes what the question says plainly."""
    folded = sentence.casefold()
    for undone, said in _undone_words(q):
        forms = _plain_forms(said)
        if re.search(rf"\b{re.escape(_deed_form(undone))}", folded) or re.search(rf"\b{forms}\b", folded) is None:
            continue
        if re.search(rf"\b(?:not|no|never|non-?)\s+(?:\w+\s+)?{forms}\b", folded) is None:
            return True
    return undone_in_sentence(q, sentence, answer)


def _plain_forms(word: str) -> str:
    """A pattern of the word a question undoes as a sentence may say it: itself, its adverb ("officially") and,
    for an adjective in "-nt", its noun ("importance" of "important", "significance" of "significant")."""
    forms = [re.escape(word), re.escape(word) + "ly"]
    if word.endswith("nt"):
        forms.append(re.escape(word[:-1]) + "ce")
    return f"(?:{'|'.join(forms)})"


@lru_cache(maxsize=1024)
def _words_said_plainly(q: Question) -> frozenset[str]:
    """The words of a question that says nothing negative, hyphens dropped ("un-elected" is "unelected"); none
    for one that does ("What occurs when part of the system isn't active?" may be said "… is inactive")."""
    if _NEGATIVE.search(q.core) or denies(q):
        return frozenset()
    return frozenset(re.findall(r"[a-z]+", q.core.casefold().replace("-", "")))


@lru_cache(maxsize=256)
def _undone_said(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    """The sentence's words with a negating prefix, with their offsets and what they undo: (…, "uncivilized",
    "civilized"). Once per sentence."""
    return tuple(
        (m.start(), m.end(), m.group(0).casefold().replace("-", ""), (m.group(1) or m.group(2)).casefold())
        for m in _UNDONE.finditer(sentence)
    )


def undone_in_sentence(q: Question, sentence: str, answer: tuple[int, int] | None = None) -> bool:
    """The answer's sentence undoes, outside the answer, a word the question says plainly and the sentence
    nowhere: "Which theory suggested people in the tropics were civilized?" is not "environmental determinism" of
    "… suggested that tropical environments created uncivilized people", nor "What did Dutch health authorities
    regard as necessary?" of "… regarded as unnecessary". Not for a question that says anything negative itself."""
    asked = _words_said_plainly(q)
    if not asked:
        return False
    for start, end, undone, plain in _undone_said(sentence):
        if answer is not None and start < answer[1] and answer[0] < end:
            continue  # the answer's own word ("mistreatment" for "What treatment …?")
        if plain in asked and undone not in asked and stem(plain) not in _stems_outside_undoings(sentence):
            return True
    return False


@lru_cache(maxsize=256)
def _stems_outside_undoings(sentence: str) -> frozenset[str]:
    """The stems of the sentence's words outside its words with a negating prefix: "self" is not said plainly in
    "non-self molecules", "Hispanic" is in "Hispanics of any race"."""
    for start, end, _, _ in _undone_said(sentence):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return frozenset(stem(w) for w in re.findall(r"[a-z]+", sentence.casefold()))


@lru_cache(maxsize=1024)
def _undone_words(q: Question) -> tuple[tuple[str, str], ...]:
    """The question's words with a negating prefix and what they undo ("unofficial", "official"). Once per
    question."""
    return tuple((m.group(0).casefold(), (m.group(1) or m.group(2)).casefold()) for m in _UNDONE.finditer(q.core))


def _negates_a_question_word(q: Question, sentence: str) -> bool:
    asked = {t[:6] for t in q.plain_terms if len(t) >= 4}
    return any(stem(m.group(1).casefold())[:6] in asked for m in _PREFIXED.finditer(sentence))


def negation_unsaid(q: Question, sentence: str, answer: tuple[int, int] | None = None) -> bool:
    """A question that denies, and an answer's sentence that says nothing negative: "What type of revolution
    did Maududi not advocate?" is not "gradual" of "Maududi … advocated a gradual revolution". With the
    ``answer``'s offsets in the sentence, what the answer itself says is not read: "What did the Court not
    acknowledge?" is not "that the duty … cannot contradict plain words" of "The Court quickly acknowledged that
    the duty … cannot contradict plain words" (the denial is the answer's, not said of the asked deed)."""
    if q.kind is Kind.REASON:
        return False  # "Why didn't Yonten Gyatso make it to Beijing?" is answered by "he died" of "… he died before …"
    if not denies(q):
        return False
    if answer is not None:
        sentence = sentence[: answer[0]] + " " + sentence[answer[1] :]
    sentence = _NOT_ONLY.sub(" also ", sentence)  # "not only … but" adds, it denies nothing
    return _NEGATIVE.search(sentence) is None and not _negates_a_question_word(q, sentence)


# words and their opposites, each side with its like words: "the least" of a thing is not "the most" of it
_ANTONYMS = (
    ("least fewest", "most"),
    ("lowest", "highest"),
    ("smallest", "largest biggest greatest"),
    ("youngest", "oldest eldest"),
    ("shortest", "longest tallest"),
    ("weakest", "strongest"),
    ("worst", "best"),
    ("earliest", "latest"),
    ("minimum", "maximum"),
    ("less fewer", "more"),
    ("lower", "higher"),
    ("smaller lesser", "larger bigger greater"),
    ("younger", "older elder"),
    ("weaker", "stronger"),
    ("shorter", "longer taller"),
    ("worse", "better"),
    ("earlier", "later"),
    (
        "increase increased increases increasing rise rises rose risen grow grows grew growing",
        "decrease decreased decreases decreasing decline declined declines declining reduce reduced reduces "
        "reducing fall falls fell drop drops dropped",
    ),
    ("north northern", "south southern"),
    ("east eastern", "west western"),
    ("first", "last final latest finally"),
    ("public", "private"),
    ("internal", "external"),
    ("inner", "outer"),
    ("male men", "female women"),
    ("positive", "negative"),
    ("success successful", "failure unsuccessful"),
    ("accept accepts accepted", "reject rejects rejected"),
    ("import imports imported", "export exports exported"),
    ("rich wealthy", "poor"),
    ("open opens opened opening", "close closes closed closing"),
    ("war wars", "peace"),
    ("little", "great much"),
    ("few", "many"),
    ("minority", "majority"),
    ("winter", "summer"),
    ("long", "short"),
    ("hot warm", "cold cool"),
    ("support supports supported supporting", "opposition oppose opposes opposed opposing"),
    ("strength strengths", "weakness weaknesses"),
    ("prequel prequels", "sequel sequels"),
    ("few", "all"),
    ("father fathers", "mother mothers"),
    ("husband husbands", "wife wives"),
    ("son sons", "daughter daughters"),
    ("brother brothers", "sister sisters"),
    ("king kings", "queen queens"),
    ("surrender surrenders surrendered", "capture captures captured"),
    ("help helps helped", "hinder hinders hindered"),
    ("real", "fictional fictitious"),
    ("activated activate activates", "deactivated deactivate deactivates"),
    ("later", "early"),
    ("begin begins began begun", "conclude concludes concluded"),
    ("attract attracts attracted attracting", "repel repels repelled repelling"),
    # points of the compass: "the North" is neither "the West" nor "the East"
    ("north northern", "east eastern"),
    ("north northern", "west western"),
    ("south southern", "east eastern"),
    ("south southern", "west western"),
    ("rarely seldom", "often usually normally commonly frequently generally typically"),
    ("rare rarest", "common"),
    ("gain gains gained gaining", "loss losses lose loses lost losing"),
    ("permanent permanently", "temporary temporarily"),
    ("ally allies allied", "enemy enemies"),
    ("weak", "strong powerful"),
    ("fast faster fastest quick quicker quickest rapid", "slow slower slowest"),
    ("new", "old"),
    ("young", "old"),
    ("ancient", "modern"),
    ("legal", "illegal"),
    ("victory", "defeat"),
    ("high", "low"),
    ("early", "late"),
    ("easy", "difficult hard"),
    ("true", "false"),
    ("connect connects connected connecting", "separate separates separated separating"),
    ("heal heals healed healing", "damage damages damaged damaging harm harms harmed harming"),
    ("attack attacks attacked attacking", "defend defends defended defending"),
    ("enter enters entered entering", "exit exits exited exiting"),
    ("protect protects protected protecting", "destroy destroys destroyed destroying"),
    ("promote promotes promoted promoting", "discourage discourages discouraged discouraging"),
    ("underrepresented", "overrepresented"),
    ("strengthen strengthens strengthened strengthening", "weaken weakens weakened weakening"),
    (
        "launch launches launched launching",
        "cancel cancels cancelled canceled cancelling canceling scrap scraps scrapped scrapping",
    ),
    ("build builds built building construct constructs constructed", "demolish demolishes demolished demolishing"),
    ("include includes included including", "exclude excludes excluded excluding"),
    ("above", "below"),
    ("similar similarity similarities", "different difference differences"),
    (
        "hamper hampers hampered hampering impede impedes impeded impeding",
        "help helps helped helping facilitate facilitates facilitated facilitating",
    ),
    ("domestic", "foreign international"),
    ("urban", "rural"),
    ("top", "bottom"),
    ("wet", "dry"),
    ("lack lacks lacked lacking", "possess possesses possessed possessing"),
    ("upset upsets upsetting", "restore restores restored restoring"),
    ("overthrow overthrows overthrew overthrown", "support supports supported"),
    ("kill kills killed killing", "rescue rescues rescued save saves saved"),
    ("cheap cheaper cheapest", "expensive"),
    ("arrive arrives arrived", "depart departs departed"),
    ("birth born", "death died"),
    (
        "praise praises praised praising hail hails hailed hailing applaud applauds applauded applauding",
        "criticise criticises criticised criticising criticize criticizes criticized criticizing condemn condemns "
        "condemned condemning denounce denounces denounced denouncing",
    ),
)
_SIDES = tuple(
    (frozenset(one.split()), frozenset(other.split())) for pair in _ANTONYMS for one, other in (pair, pair[::-1])
)
_NEAR = 3  # words either side of an opposite that must hold a word the question has beside its own


def _lower_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.casefold())


def _content_stems(words: Iterable[str]) -> frozenset[str]:
    """The stems of words that are neither stopwords nor shorter than three letters."""
    return frozenset(stem(w) for w in words if len(w) > 2 and w not in STOPWORDS)


def _neighbours(words: list[str], at: int) -> frozenset[str]:
    return _content_stems(words[max(0, at - _NEAR) : at + _NEAR + 1])


@lru_cache(maxsize=1024)
def _antonyms_asked(q: Question) -> tuple[tuple[frozenset[str], frozenset[str], frozenset[str]], ...]:
    """For each word of the question with an opposite: its side, the other side and the question's words beside
    it ("least abundant type": {"abundant", "type"}). Once per question; none for a choice between things."""
    if q.choices:
        return ()  # "Which grossed more, Skyfall or Spectre?" may be said "Spectre grossed less than Skyfall"
    words = _lower_words(_OPENING_CLAUSE.sub("", q.core, count=1))
    present = frozenset(words)
    found = []
    for side, other in _SIDES:
        if side.isdisjoint(present) or not other.isdisjoint(present):
            continue
        at = [i for i, w in enumerate(words) if w in side]
        if at:
            beside = set().union(*(_neighbours(words, i) for i in at)) - side
            found.append((side, other, frozenset(beside)))
    return tuple(found)


# superlatives that say no opposite after "at": "at least 330 feet", "at first", "at best" ("at high levels" does)
_AFTER_AT = frozenset({"least", "most", "best", "worst", "first", "last", "earliest", "latest"})


def _idiom(words: list[str], at: int) -> bool:
    """An antonym's word that says no opposite: "at least 330 feet", and "the first touchdown since 1993" (the
    last one before it)."""
    return (at > 0 and words[at - 1] == "at" and words[at] in _AFTER_AT) or (
        words[at] == "first" and "since" in words[at + 1 :]
    )


def antonym_said(q: Question, sentence: str) -> bool:
    """The answer's sentence says the opposite of a word of the question ("most" for "least", "increased" for
    "decreased") beside a word the question has beside its own, and never the question's word: "Who wrote that
    imperialism is the lowest stage of capitalism?" is not "Lenin" of "Lenin … declared that Imperialism was the
    highest stage of capitalism"."""
    asked = _antonyms_asked(q)
    if not asked:
        return False
    words = _lower_words(sentence)
    said = set(words)
    for side, other, beside in asked:
        if side & said or not other & said:
            continue
        for i, w in enumerate(words):
            if w in other and not _idiom(words, i) and _neighbours(words, i) & beside:
                return True
    return False


# a numeral or a number word ("1.5", "10,000", "30th", "twenty-one"); years and decades are the year check's
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th|s)?|[a-z]+(?:-[a-z]+)?")
# numbers joined by slashes ("2/21/2016", "9/11") and a year's range ("2013-4") are dates, no counts
_DATED = re.compile(r"\d[\d.]*(?:/\d+)+|\b(?:1\d{3}|20\d{2})[–-]\d{1,4}\b")


def _calendar_words(words: frozenset[str]) -> str:
    """A pattern of month or weekday names, any case, but "May" and "March" only with their capital ("may",
    "march" are verbs as often)."""
    return r"(?:(?i:" + "|".join(sorted(words - {"may", "march"})) + r")|May|March|MAY|MARCH)"


# a day of a month ("8 December", "October 16th"): a date's day, no count ("filming taking seven months" is no
# "eight months" for "8 December 2014" in the same sentence); in a question, also "11 of what month"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_OF_MONTH = re.compile(rf"\b{_DAY}\s+(?i:of\s+)?{_calendar_words(MONTHS)}\b|\b{_calendar_words(MONTHS)}\s+{_DAY}\b")
_DAY_OF_A_MONTH_ASKED = re.compile(rf"\b{_DAY}\s+of\s+(?:what|which)\s+month\b", re.IGNORECASE)
_NUMBER_NEAR = 2  # words either side of a number that must hold a word the question has beside its own


def _value(token: str, following: str) -> float | None:
    """The number a token stands for ("30th", "1.5", "10,000", "twenty-one", "one-hundred"), or None: no number, a
    year ("2035"), a decade ("1960s"), a century ("20th century") or a code ("007")."""
    if token[0].isdigit():
        m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(st|nd|rd|th|s)?", token)
        if m is None or token.startswith("0") or m.group(2) == "s" or following.startswith("centur"):
            return None
        digits = m.group(1).replace(",", "")
        if not m.group(2) and re.fullmatch(r"1\d{3}|20\d{2}", digits):
            return None
        return float(digits)
    first, _, second = token.partition("-")
    if first not in NUMBER_VALUES or (second and second not in NUMBER_VALUES):
        return None
    if second in MAGNITUDES:
        return float(NUMBER_VALUES[first] * MAGNITUDES[second])  # "one-hundred"
    return float(NUMBER_VALUES[first] + NUMBER_VALUES.get(second, 0))  # "twenty-one"


def _magnitude_after(tokens: list[str], at: int) -> int:
    """What the word after a number multiplies it by: 1,000 for "three thousand", 1 for none (or a magnitude's own
    magnitude: "a hundred thousand" stays 100)."""
    if tokens[at] in MAGNITUDES or at + 1 >= len(tokens):
        return 1
    return MAGNITUDES.get(tokens[at + 1], 1)


def _numbers(text: str) -> tuple[list[str], list[tuple[int, float]]]:
    """A text's words and where its numbers stand, with their values: a number and the magnitude after it are one
    ("three thousand" is 3,000, "1.5 million" 1,500,000); a magnitude alone is none ("How many thousand …?") but
    after "a" ("a hundred")."""
    tokens = [t.rstrip(",") for t in _NUMERAL.findall(_DATED.sub(" ", text.casefold()))]
    values = [_value(t, tokens[i + 1] if i + 1 < len(tokens) else "") for i, t in enumerate(tokens)]
    return tokens, [
        (i, value * _magnitude_after(tokens, i))
        for i, value in enumerate(values)
        if value is not None and (tokens[i] not in MAGNITUDES or (i > 0 and tokens[i - 1] == "a"))
    ]


def _beside(tokens: list[str], at: int) -> tuple[frozenset[str], frozenset[str]]:
    """The words before a number and those after it, up to ``_NUMBER_NEAR`` either side ("Super Bowl 50 MVP":
    {"super", "bowl"} and {"mvp"}), numbers and stopwords left out but magnitudes ("$25.45 million": {"million"})."""

    def words(near: list[str]) -> frozenset[str]:
        return _content_stems(w for w in near if w[0].isalpha() and (w not in NUMBER_VALUES or w in MAGNITUDES))

    return words(tokens[max(0, at - _NUMBER_NEAR) : at]), words(tokens[at + 1 : at + _NUMBER_NEAR + 1])


@lru_cache(maxsize=1024)
def numbers_asked(q: Question) -> tuple[tuple[float, frozenset[str], frozenset[str]], ...]:
    """Each number the question names but "one" (a pronoun as often), with the words before and after it ("the
    30th anniversary": 30, {}, {"anniversary"}). Once per question."""
    tokens, numbers = _numbers(q.core)
    return tuple((value, *_beside(tokens, at)) for at, value in numbers if value != 1 or tokens[at] != "one")


def _values_said(tokens: list[str], numbers: list[tuple[int, float]]) -> set[float]:
    """Every number a sentence says, in any of its forms: "sixth" is 6, "two hundred" 200 (and 2)."""
    said = {value for _, value in numbers}
    said |= {float(_ORDINAL_WORDS[t]) for t in tokens if t in _ORDINAL_WORDS}
    said |= {value / _magnitude_after(tokens, at) for at, value in numbers}
    return said


@lru_cache(maxsize=1024)
def _day_asked(q: Question) -> bool:
    """Whether the question names a day of a month ("on 16 October 2015") or asks one ("on 11 of what month").
    Once per question."""
    return bool(_DAY_OF_MONTH.search(q.core) or _DAY_OF_A_MONTH_ASKED.search(q.core))


def other_number(q: Question, sentence: str) -> bool:
    """A number of the question that the answer's sentence does not hold, where the sentence gives another
    beside a word the question has beside its own: "What did Xi emphasise at the 30th anniversary?" is not
    answered by "… at the 40th anniversary …", nor "Who is Hong Kong's No 1 official?" by "Hong Kong's No 2
    official Eric Chan". Years are ``other_year``'s, ordinal words before a word ``other_ordinal``'s. A day of a
    month ("8 December") is a date's, no count, unless the question names or asks a day of a month."""
    asked = numbers_asked(q)
    if not asked:
        return False
    if not _day_asked(q):
        sentence = _DAY_OF_MONTH.sub(" ", sentence)  # "8 December" says no 8 of a count
    tokens, numbers = _numbers(sentence)
    said = _values_said(tokens, numbers)
    others = [_beside(tokens, at) for at, _ in numbers]
    # "the 40th anniversary" for "the 30th anniversary"; not "MVP, recording five" for "50 MVP" (another side)
    return any(
        value not in said and any(before & said_before or after & said_after for said_before, said_after in others)
        for value, before, after in asked
    )


_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


def _ordinal(word: str) -> bool:
    """An ordinal word, compounds included: "fourth", "twenty-fourth"."""
    tens, _, unit = word.partition("-")
    return word in _ORDINAL_WORDS or (tens in _TENS and unit in _ORDINAL_WORDS)


def _hyphened_words(text: str) -> list[str]:
    """A text's words in lower case, hyphened ones whole ("twenty-fourth"), where ``_lower_words`` splits them."""
    return re.findall(r"[a-z]+(?:-[a-z]+)*", text.casefold())


@lru_cache(maxsize=1024)
def ordinals_asked(q: Question) -> tuple[tuple[str, str], ...]:
    """The question's ordinal words with the stem of the word after them: ("fourth", "possibl") of "What is a
    fourth possible source …?", ("first", "fort") of "Where was Marin's first fort built?", ("thirty-fourth",
    "jam") of "the thirty-fourth James Bond film". Once per question."""
    words = _hyphened_words(q.core)
    return tuple((word, stem(after)) for word, after in pairwise(words) if _ordinal(word) and after not in STOPWORDS)


def other_ordinal(q: Question, sentence: str) -> bool:
    """An ordinal word of the question that the sentence does not say, and another before the same word: "Where
    was Marin's first fort built?" is not "Fort Le Boeuf" of "Marin built a second fort at Fort Le Boeuf", nor
    "What is the thirty-fourth James Bond film?" "Spectre" of "Spectre is the twenty-fourth James Bond film".
    Apart from ``other_number``: read as numbers beside a shared word, ordinals lose more gold answers than they
    save (6 plausible for 10 gold in the training pool, against 7 for 2 here)."""
    asked = ordinals_asked(q)
    if not asked:
        return False
    words = _hyphened_words(sentence)
    for ordinal, after in asked:
        if ordinal in words:
            continue
        for at in range(len(words) - 1):
            if _ordinal(words[at]) and words[at] != ordinal and stem(words[at + 1]) == after:
                return True
    return False


# a time counted from now: "last week", "the next two years" ("this" is left out: "this year" may be "this season")
_RELATIVE = re.compile(
    r"\b(last|next|past|previous|coming)\s+(?:(?:few|two|three|several)\s+)?"
    r"(day|week|weekend|month|year|decade|century|season|night|morning|evening|summer|winter|spring|autumn|quarter)s?\b",
    re.IGNORECASE,
)


def _times_counted(text: str) -> frozenset[tuple[str, str]]:
    return frozenset((m.group(1).casefold(), m.group(2).casefold()) for m in _RELATIVE.finditer(text))


@lru_cache(maxsize=1024)
def times_asked(q: Question) -> frozenset[tuple[str, str]]:
    """The times counted from now the question names ("last year": ("last", "year")). Once per question."""
    return _times_counted(q.core)


def other_time(q: Question, sentence: str) -> bool:
    """A time counted from now that the answer's sentence counts in another unit: "What did the State Council
    announce last year?" is not answered by "… announced a raft of measures last week …"."""
    asked = times_asked(q)
    if not asked:
        return False
    said = _times_counted(sentence)
    return any((det, unit) not in said and any(d == det for d, _ in said) for det, unit in asked)


@lru_cache(maxsize=1024)
def years_asked(q: Question) -> tuple[frozenset[int], ...]:
    """The years each year, decade or century of the question stands for ("in the 1960s": 1960 to 1969; "the 21st
    century": 2000 to 2099). Once per question."""
    years = [frozenset(_years_of(m)) for m in _YEAR.finditer(q.core)]
    return tuple(years + [frozenset(_century_of(m)) for m in _CENTURY.finditer(q.core)])


def _years_of(m: re.Match[str]) -> range:
    first = int(m.group(1))
    if m.group(2):
        return range(first, first + 10)
    last = m.group(3)
    if last:
        closing = int(m.group(1)[: 4 - len(last)] + last)
        if first < closing <= first + 200:
            return range(first, closing + 1)
    return range(first, first + 1)


def _century_number(ordinal: str) -> int:
    """ "19th" and "nineteenth" are 19."""
    digits = re.match(r"\d+", ordinal)
    return int(digits.group()) if digits else _CENTURY_WORDS[ordinal.casefold().replace("-", " ")]


def _century_of(m: re.Match[str]) -> set[int]:
    """The years of the centuries named: the 19th is 1800 to 1899 (as "the 1800s" says it), the 5th BC -500 to -401;
    "the 19th and 20th centuries" both, "the 16th to 18th centuries" the three."""
    ordinals = m.group("ordinals")
    numbers = [_century_number(o.group()) for o in _CENTURY_ORDINAL.finditer(ordinals)]
    if len(numbers) == 2 and _CENTURY_RANGE.search(ordinals) and numbers[0] < numbers[1] <= numbers[0] + 10:
        numbers = list(range(numbers[0], numbers[1] + 1))
    if m.group("bc"):
        return {year for number in numbers for year in range(-number * 100, -(number - 1) * 100)}
    return {year for number in numbers for year in range((number - 1) * 100, number * 100)}


def years_said(text: str) -> frozenset[int]:
    """Every year a text names, with those inside its ranges, decades and centuries."""
    years = {year for m in _YEAR.finditer(text) for year in _years_of(m)}
    return frozenset(years.union(*(_century_of(m) for m in _CENTURY.finditer(text))))


def other_year(q: Question, sentence: str, before: str) -> bool:
    """A question naming a year that neither the answer's ``sentence`` nor the sentence ``before`` it holds,
    when the sentence names another: "Who won the five boroughs in 2012?" is not "Calvin Coolidge" of "…
    Calvin Coolidge won the five boroughs in 1924"."""
    asked = years_asked(q)
    if not asked:
        return False
    said = years_said(sentence)
    near = said | years_said(before)
    return bool(said) and not any(years & near for years in asked)


# a month or a weekday
_DAY_OR_MONTH = re.compile(rf"\b{_calendar_words(MONTHS | WEEKDAYS)}\b")


def _days_and_months(text: str) -> tuple[frozenset[str], frozenset[str]]:
    named = {m.group().casefold() for m in _DAY_OR_MONTH.finditer(text)}
    return frozenset(named & MONTHS), frozenset(named & WEEKDAYS)


@lru_cache(maxsize=1024)
def days_or_months_asked(q: Question) -> tuple[frozenset[str], frozenset[str]]:
    """The months and the weekdays the question names. Once per question."""
    return _days_and_months(q.core)


def other_day_or_month(q: Question, sentence: str, before: str) -> bool:
    """A month or weekday of the question that neither the answer's ``sentence`` nor the sentence ``before`` it
    names, when the sentence names another of its kind: "Spectre had its world premiere on 26 December of what
    year?" is not "2015" of "… its world premiere in London on 26 October 2015"."""
    asked = days_or_months_asked(q)
    if not any(asked):
        return False
    said = _days_and_months(sentence)
    near = _days_and_months(before)
    return any(
        kind and said_kind and not kind & (said_kind | near_kind)
        for kind, said_kind, near_kind in zip(asked, said, near, strict=True)
    )


# A name of two or more capitalised words as written: "European Commission", "Court of Justice", "iPod Touch"
# (a word may open in lower case); "of", "the" and "for" may stand inside it, "and" parts two names
_NAME = re.compile(r"(?<![\w'’])\w*[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|for)\s+)*\w*[A-Z][\w'’.-]*)+")
_POSSESSIVE = re.compile(r"['’]s?$")
_ROMAN = re.compile(r"[ivxlc]+")
# words a name does not open or close with: a question's or sentence's opening words, titles, forms of address,
# quantifiers
_NOT_OF_A_NAME = (
    STOPWORDS
    | WH_WORDS
    | TITLES
    | HONORIFICS
    | {"according", "along", "besides", "since", "though", "although", "also", "name", "many", "several", "every"}
)


def _plain(text: str) -> str:
    """Lower case without accents or full stops: "Déjà Vu" → "deja vu", "U.S." → "us"."""
    if text.isascii():
        return text.lower().replace(".", "")  # no accents to drop
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)).replace(".", "")


def _names(text: str) -> Iterator[tuple[tuple[str, int, int], ...]]:
    """Each name of two or more words in ``text``: its words (plain) with their offsets. A possessive ends a
    name ("Harvard's Pell grant" holds none); opening and closing words that no name is made of are dropped."""
    for m in _NAME.finditer(text):
        name: list[tuple[str, int, int]] = []
        words = [(w.group(0), m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"\S+", m.group(0))]
        for at, (word, start, end) in enumerate(words):
            name.append((_plain(_POSSESSIVE.sub("", word)), start, end))
            if _POSSESSIVE.search(word) or at == len(words) - 1:
                while name and name[0][0] in _NOT_OF_A_NAME:
                    name.pop(0)
                while name and name[-1][0] in _NOT_OF_A_NAME:
                    name.pop()
                if len(name) >= 2:
                    yield tuple(name)
                name = []


@lru_cache(maxsize=256)
def _names_said(sentence: str) -> tuple[tuple[tuple[str, int, int], ...], ...]:
    """The names of an answer's sentence (``_names``), read once for the many spans of one sentence."""
    return tuple(_names(sentence))


@lru_cache(maxsize=1024)
def names_asked(q: Question) -> tuple[tuple[str, ...], ...]:
    """The question's names of two or more words, plain: ("european", "commission"). Once per question."""
    return tuple(tuple(word for word, _, _ in name) for name in _names(q.core))


def _alike(a: str, b: str) -> bool:
    """Two words that may be one written two ways or a part of it: a shared opening, most letters alike."""
    return a[:3] == b[:3] or a in b or b in a or SequenceMatcher(None, a, b).ratio() >= 0.6


def _one_word_swapped(asked: tuple[str, ...], said: tuple[tuple[str, int, int], ...]) -> bool:
    """Whether ``said`` differs from the ``asked`` name in just one word, and that word is another name's, not the
    same one written otherwise: "Nine Eyes" for "Ten Eyes", not "World War II" for "World War 2", "March 31" for
    "March 2011", "Deja Vu" for "Déjà Vu"."""
    if len(said) != len(asked):
        return False
    differ = [at for at, (a, (s, _, _)) in enumerate(zip(asked, said, strict=True)) if stem(a) != stem(s)]
    if len(differ) != 1:
        return False
    a, s = asked[differ[0]], said[differ[0]][0]
    if not (a.isalpha() and s.isalpha()) or _ROMAN.fullmatch(a) or _ROMAN.fullmatch(s) or _alike(a, s):
        return False
    return not {a, s} & (MONTHS | WEEKDAYS)


@lru_cache(maxsize=8)
def _document_plain_words(document: str) -> tuple[str, ...]:
    """The document's words, plain, possessives dropped: read once per document for every name looked up in it."""
    return tuple(re.findall(r"\w+", _plain(document).replace("’s ", " ").replace("'s ", " ")))


@lru_cache(maxsize=8)
def _document_words(document: str) -> tuple[str, ...]:
    """The document's words, plain and stemmed: what a name of several words is looked up in."""
    return tuple(stem(w) for w in _document_plain_words(document))


def _holds(document: str, name: tuple[str, ...]) -> bool:
    """The name's words in a row in the document, each in any plural form, a hyphenated word parted as the
    document's words are ("Busch-Reisinger" is "busch", "reisinger")."""
    words = _document_words(document)
    wanted = tuple(stem(part) for word in name for part in word.split("-") if part)
    return any(words[at : at + len(wanted)] == wanted for at, word in enumerate(words) if word == wanted[0])


# the last word of a name of a thing, which names of other things end in too (a person's surname may be shared by
# kin: "Harper Lee", "Amasa Coleman Lee")
_THING_TAILS = BODY_HEADS | {
    stem(word)
    for word in ("park", "hall", "war", "treaty", "river", "zone", "centre", "center", "tower", "bridge", "station")
}


def _first_words_swapped(asked: tuple[str, ...], said: tuple[tuple[str, int, int], ...]) -> bool:
    """Whether ``said`` ends in the same words as the ``asked`` name and begins with others, none of them alike:
    "Hong Kong Science Park" for "Macau Science Park". Not when the one word they share may be a surname."""
    shared = 0
    while shared < min(len(asked), len(said)) and stem(asked[-1 - shared]) == stem(said[-1 - shared][0]):
        shared += 1
    if shared in (0, len(asked), len(said)) or (shared == 1 and stem(asked[-1]) not in _THING_TAILS):
        return False
    first, other = asked[: len(asked) - shared], [word for word, _, _ in said[: len(said) - shared]]
    return not any(_alike(a, s) for a in first for s in other)


def _of_parts(asked: tuple[str, ...], said: tuple[tuple[str, int, int], ...]) -> bool:
    """Whether either name is made of parts ("University of Notre Dame", "Chopin for Italian"), whose first words
    may be another part than the other name's."""
    return bool({"of", "the", "for"} & {*asked, *(word for word, _, _ in said)})


def _in_order(asked: tuple[str, ...], words: Iterable[str], same: Callable[[str, str], bool]) -> bool:
    """Whether ``words`` hold each asked word, by ``same``, in the asked order (perhaps with more between)."""
    rest = iter(words)
    return all(any(same(a, w) for w in rest) for a in asked)


def _written_otherwise(asked: tuple[str, ...], said: tuple[tuple[tuple[str, int, int], ...], ...]) -> bool:
    """Whether the sentence writes the asked name another way: one of its names holds the asked words in order,
    each alike, perhaps with more ("Shenzhen Sepcial Economic Zone", "New York Fire Department" of "New York City
    Fire Department"); or its names read one after another hold them in order, each the same, where the sentence
    writes a name with commas inside ("the Shenzhen-Hong Kong Science, Technology and Innovation Co-operation Zone"
    holds "the Shenzhen-Hong Kong Co-operation Zone", though no one run of capitals does)."""
    if any(_in_order(asked, (word for word, _, _ in name), _alike) for name in said):
        return True
    return _in_order(asked, (word for name in said for word, _, _ in name), str.__eq__)


def other_name(q: Question, sentence: str, document: str, answer: tuple[int, int] | None = None) -> bool:
    """A name of the question that the document holds nowhere, and in the answer's sentence the same name with
    one word swapped for another: "Who can the American Commission take proceedings against?" is not "member
    state" of "The European Commission can take proceedings against member states", nor "Who prevents Ten Eyes
    from going online?" "Q" of "… stop Nine Eyes from going online". A name written another way ("U.S. Army",
    "World War II", "Déjà Vu", "iPods") is the same name. Only an answer that is the other name itself passes
    ("Who was Harper Lee's sister?" is "Alice Lee"); "Pawiak, an infamous German Gestapo" is no prison of "the
    German Heroic prison" for holding "Gestapo". Or the same last words after other first words (first words alike
    are one name written two ways: "Khubilai Khan", "Kublai Khan"), the asked name again nowhere in the document
    nor written otherwise in the sentence ("the Shenzhen Sepcial Economic Zone" beside another zone, "the New York
    City Fire Department" beside the Tokyo one), and neither name one of parts ("of", "the", "for": "the Appellate
    Division of the Supreme Court" is no other "First Department of the Supreme Court"): "What will the Macau
    Science Park open?" is not "its new branch" of "The Hong Kong Science Park will open its new branch", nor "Who
    had its world premiere at Westminster Hall?" "Spectre" of "… at the Royal Albert Hall"."""
    asked = names_asked(q)
    if not asked:
        return False
    said = _names_said(sentence)
    for name in asked:
        others = [other for other in said if not _answer_is(answer, other[0][1], other[-1][2])]
        swapped = any(_one_word_swapped(name, other) for other in others) or (
            any(_first_words_swapped(name, other) and not _of_parts(name, other) for other in others)
            and not _written_otherwise(name, said)
        )
        if swapped and not _holds(document, name):
            return True
    return False


def name_swapped_elsewhere(q: Question, sentence: str, document: str, answer: tuple[int, int] | None = None) -> bool:
    """A name of the question of two or more words that the document holds nowhere (nor one letter otherwise), where
    the document names the same with one word another, anywhere: "When is the HD version of Radar Princess slated
    for launch?" of a document about "Twilight Princess", "Who elects the members of the American Parliament?" of
    one about the European Parliament. Not when a word they share is a name the document also says on its own (a
    surname: "Harper Lee" beside "Alice Lee" and "Lee"), when one word is a title or the other's short form
    ("Father Sorin", "Fr Sorin") or the other word is the question's, nor for an answer that is the other name in
    full ("Alice Lee" for "Who was Harper Lee's sister?"; not "of Customs" for "Who is the deputy director of the
    General Administration of Taxation?")."""
    swapped = _names_swapped(q, document)
    if not swapped:
        return False
    named = {stem(w) for w in _name_words(sentence[answer[0] : answer[1]])} if answer is not None else set()
    # the answer that is the other name ("Alice Lee") passes, not a piece of it ("of Customs")
    return any(not (named and other <= named) for other in swapped)


@lru_cache(maxsize=64)
def _names_swapped(q: Question, document: str) -> tuple[frozenset[str], ...]:
    """The stems of each name of the document that ``name_swapped_elsewhere`` finds a question's name swapped for,
    read once per question and document (it is asked of every span)."""
    found = []
    for name in names_asked(q):
        if _holds(document, name):
            continue
        for other in _names_said(document):
            if not _one_word_swapped(name, other):
                continue
            pairs = [(a, word) for a, (word, _, _) in zip(name, other, strict=True)]
            a, other_word = next((a, w) for a, w in pairs if stem(a) != stem(w))
            shared = {stem(a) for a, w in pairs if stem(a) == stem(w)}
            if {a, other_word} & (TITLES | HONORIFICS) or _misspelt_in(document, a) or _shortened(a, other_word):
                continue
            if a in _words_run_together(document):
                continue  # "Longmenshan" of "Longmen Shan": the asked word written as two
            if shared & _names_alone(document) or stem(other_word) in set(q.terms):
                continue
            found.append(frozenset(stem(word) for word, _, _ in other))
    return tuple(found)


def _shortened(a: str, b: str) -> bool:
    """One word the other's short form: "Fr" of "Father", "St" of "Saint", "Mt" of "Mount"."""
    short, long = sorted((a, b), key=len)
    return len(short) <= 3 < len(long) and short[0] == long[0] and all(ch in long for ch in short)


@lru_cache(maxsize=64)
def _words_run_together(document: str) -> frozenset[str]:
    """Each two neighbouring plain words of the document written as one ("longmenshan" of "Longmen Shan")."""
    words = _document_plain_words(document)
    return frozenset(a + b for a, b in pairwise(words))


@lru_cache(maxsize=64)
def _names_alone(document: str) -> frozenset[str]:
    """The stems of the document's names of one word said on their own, not beside another capitalised word:
    "lee" of "Lee's father", "bond" of "Bond escapes"."""
    runs = (_POSSESSIVE.sub("", run.group()) for run in _CAPITALISED_RUN.finditer(document) if " " not in run.group())
    return frozenset(stem(_plain(run)) for run in runs)


# the question's subject: a name after a verb's helper and before the verb ("How many hectares does Macau cover?",
# "Where is Midna working?")
_SUBJECT = re.compile(
    r"\b(?:do|does|did|will|would|can|could|should|has|have|had|is|was|are|were)\s+"
    r"((?:the\s+)?(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)\s+(?P<next>[a-z]+)(?:\s+(?P<more>[a-z]+))?"
)
# the subject of a clause the question reports: "Guangzhou" of "Mayor Qin said Guangzhou would launch how many …?"
_REPORTED_SUBJECT = re.compile(
    r"\b(?:say|says|said|think|thinks|thought|believe|believes|believed|expect|expects|expected|claim|claims|claimed)"
    r"\s+(?:that\s+)?((?:the\s+)?(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)\s+(?:(?P<noun>[a-z]+)\s+)?"
    r"(?:will|would|can|could|should|must|might|may|has|have|had|is|was|are|were)\b"
)
# a noun a name's possessive word owns: "team" of "(the Notre Dame) men's basketball team", "band" of "women's band"
_OWNED_AFTER_NAME = re.compile(r"[a-z]+['’]s\s+(?:[a-z]+\s+)?([a-z]+)\b")
# words that open a verb's object or a phrase after it: "close |its branch", "cover |in total"
_OPENS_OBJECT = frozenset(
    {
        *("the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those"),
        *("in", "on", "at", "to", "for", "with", "by", "from", "of", "as", "into", "over", "about", "up", "out", "off"),
    }
)
# a word that may stand for a name said before it
_STANDS_FOR = any_word_of(STANDS_FOR_PERSON | STANDS_FOR_THING)


@lru_cache(maxsize=1024)
def subject_asked(q: Question) -> tuple[tuple[str, ...], str]:
    """The plain words of the question's subject when it is a name ("macau" of "How many hectares does Macau
    cover?"), and the noun after it when the name names a thing of that kind: a word that is no verb's form, before
    another that opens no object ("zone" of "What will the Hetao zone house?", not "close" of "When will the Park
    close its branch?"). The subject of a clause the question reports is the one that does the asked deed, not its
    sayer ("guangzhou" of "Mayor Qin said Guangzhou would launch how many …?", with the noun before its verb:
    "authorities" of "… say Shenzhen authorities would launch?"). Nothing for a possessive ("Does Chopin's funeral
    …": the funeral is the subject) or a people's name ("When did the French learn …?": they may be said
    otherwise). A noun after a gerund or a possessive word is the thing named ("band" of "the Notre Dame marching
    band", "team" of "the Notre Dame men's basketball team"). Once per question."""
    reported = _REPORTED_SUBJECT.search(q.core)
    m = reported or _SUBJECT.search(q.core)
    if m is None or _POSSESSIVE.search(m.group(1)):
        return (), ""
    name = [word for word in _name_words(m.group(1)) if word not in _NOT_OF_A_NAME and word != "the"]
    if not name or (len(name) == 1 and _DEMONYM.search(name[0])):
        return (), ""
    if reported is not None:
        return tuple(name), reported.group("noun") or ""
    following = m.group("next")
    more = m.group("more")  # the verb after a noun ("zone house", "zone be"), not a verb's object ("close its")
    noun = more and more not in _OPENS_OBJECT and not following.endswith(("ing", "ed")) and following not in STOPWORDS
    owned = _OWNED_AFTER_NAME.match(q.core, m.start("next"))
    if owned is not None:
        return tuple(name), owned.group(1)  # "team" of "the Notre Dame men's basketball team"
    if more and following.endswith("ing") and more not in _OPENS_OBJECT | STOPWORDS and not more.endswith("ed"):
        return tuple(name), more  # "teams" of "the Notre Dame fencing teams", "band" of "the … marching band"
    return tuple(name), following if noun else ""


def _unnamed_kind(text: str, noun: str) -> bool:
    """Whether ``text`` says ``noun`` (in any plural form) after no capitalised word: "cooperation zone" may be the
    asked "Hetao zone", "Shenzhen authorities" are not the asked "Macau authorities"."""
    said, wanted = _cased_words(text), stem(noun)
    return any(stem(word) == wanted and (at == 0 or not said[at - 1][3]) for at, (word, _, _, _) in enumerate(said))


def subject_elsewhere(q: Question, sentence: str, before: Callable[[], str], document: str) -> bool:
    """A name the question asks of as its subject, that the document names elsewhere but neither the answer's
    sentence nor the one before says in any form (a shared word or opening, initials; in the sentence before, not
    only inside a longer name) nor by the noun the question
    puts after it or the name's own last word, after no other name ("the cooperation zone" may be "the Hetao zone",
    "the corporation" "Acme Corporation"; "Shenzhen authorities" are no "Macau authorities"), in a sentence with no
    word that may stand for it ("he", "its", "these"): "How many hectares does Macau cover?" is not "302" of "…, and
    the Shenzhen one occupying 302 hectares", nor "Where is Midna working as a ranch hand?" "Ordon Village" of a
    sentence about Link. A name the document holds nowhere is left alone: a paragraph may be about it without naming
    it (its article's title, "Notre Dame")."""
    name, noun = subject_asked(q)
    if not name or _STANDS_FOR.search(sentence):
        return False
    said_before = before()
    near = f"{said_before} {sentence}"
    kinds = [word for word in (noun, name[-1] if len(name) > 1 else "") if word]
    if _names_it(name, _name_words(sentence)) or any(_unnamed_kind(near, kind) for kind in kinds):
        return False  # the name, or a thing of its kind ("cooperation zone", "the park" for "the Hetao Science Park")
    if _named_on_its_own(name, said_before):
        return False  # the sentence before names it, not only inside a longer name ("The Hong Kong Science Park")
    for said in _names(near):
        words = [word for word, _, _ in said]
        if _names_it(name, words) and not (len(words) > len(name) and set(name) < set(words)):
            return False  # "NYC" of "New York"; not "Hong Kong" of "The Hong Kong Science Park"
    return any(_holds_word(document, word) for word in name)


def _names_it(name: tuple[str, ...], words: list[str]) -> bool:
    """Whether ``words`` may name the thing ``name`` names (``_one_of_the_other``), and, for a name that ends in the
    kind of thing it names ("Shenzhen River", "Hong Kong Science Park"), that kind with it: "Shenzhen" alone names
    the city, not the river."""
    if not _one_of_the_other(list(name), words):
        return False
    return len(name) < 2 or stem(name[-1]) not in _THING_TAILS or stem(name[-1]) in {stem(w) for w in words}


def _named_on_its_own(name: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` says the name in a form of its own: a capitalised run that is the name in some form
    ("Hong Kong", "Britain" for "British"); not a longer name that holds it ("The Hong Kong Science Park" names the
    park, "The New York City Charter School Center" the center)."""
    for run in _CAPITALISED_RUN.finditer(text):
        said = [w for w in _name_words(run.group()) if w not in _NOT_OF_A_NAME and w != "s"]
        if said and len(said) <= len(name) and _names_it(name, said):
            return True
    return False


# the names between which a question asks: "the river between Macau and Zhuhai", "Which river divides Macau and
# Zhuhai?", "… links Britain and France?"
_BETWEEN_NAMES = re.compile(
    r"\b(?:between|(?:separat|divid|link|connect|join)(?:e|es|ed|s)?)\s+(?:the\s+)?(?P<one>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+and\s+(?:the\s+)?"
    r"(?P<other>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)


@lru_cache(maxsize=1024)
def ends_asked(q: Question) -> tuple[tuple[str, ...], ...]:
    """The plain words of the two names between which the question asks ("macau", "zhuhai" of "Name the river
    between Macau and Zhuhai."); none for a people's name alone. Once per question."""
    found = _BETWEEN_NAMES.search(q.core)
    if found is None:
        return ()
    ends = [[w for w in _name_words(found.group(g)) if w not in _NOT_OF_A_NAME] for g in ("one", "other")]
    if any(not end or (len(end) == 1 and _DEMONYM.search(end[0])) for end in ends):
        return ()
    return tuple(tuple(end) for end in ends)


def ends_elsewhere(
    q: Question, sentence: str, before: Callable[[], str], document: str, answer: tuple[int, int] | None = None
) -> bool:
    """Two names between which the question asks, one of them (or both) said in no form in the answer's sentence or
    the one before, and the document naming each such one elsewhere, with no word there that may stand for them:
    "Name the river between Macau and Zhuhai." or "Which river lies between Hong Kong and Macau?" is not "Shenzhen
    River" of "The two sections of the park are separated by the Shenzhen River, with the Hong Kong side …". A
    name the document holds nowhere is left alone, as for the subject. An answer named after one of them ("Shenzhen
    River" for "Which river runs between Hong Kong and Shenzhen?") needs both unsaid."""
    ends = ends_asked(q)
    if not ends or _STANDS_FOR.search(sentence):
        return False
    near = _name_words(f"{before()} {sentence}")
    missing = [end for end in ends if not _one_of_the_other(list(end), near)]
    named = _name_words(sentence[answer[0] : answer[1]]) if answer is not None else []
    if any(_one_of_the_other(list(end), named) for end in ends) and len(missing) < len(ends):
        return False  # "Shenzhen River" between Hong Kong and Shenzhen, Hong Kong unsaid
    return bool(missing) and all(any(_holds_word(document, word) for word in end) for end in missing)


def _answer_is(answer: tuple[int, int] | None, start: int, end: int) -> bool:
    """Whether the answer's offsets lie within ``start:end`` (a name of the sentence), "the " before it allowed."""
    return answer is not None and start - 4 <= answer[0] and answer[1] <= end + 1


# A name and the lowercase word after it: "the Macau side", "Hong Kong universities", "ABC executives"
_NAME_NOUN = re.compile(r"((?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*)\s+([a-z]{3,})\b")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*")
# a verb's helper right before a name: what follows the name is the verb ("What does Qin aim to establish?")
_AUXILIARY_BEFORE = re.compile(r"\b(?:do|does|did|will|would|can|could|should|may|might|must|shall)\s+$", re.IGNORECASE)
_OPENING_MARKS = " \t\n\"'“‘(["
# a one-word name that names a people or a language ("Chinese", "British", "Korean", "Israeli"): it says of whom,
# not which (not a place's own name: "Qianhai", "Pakistan")
_DEMONYM = re.compile(r"(?:ish|ese|ian|ean|can|(?<!s)tan|man|[bdlnqt]i|ch|ic)$")


def _name_words(text: str) -> list[str]:
    """The plain words of a name or sentence: "Hong Kong’s" → ["hong", "kong", "s"]."""
    return [w for w in re.split(r"[^a-z0-9]+", _plain(text)) if w]


def _one_of_the_other(a: list[str], b: list[str]) -> bool:
    """Two names that may name one thing: a shared word or opening ("Britain", "British"), the same letters
    ("TEFU", "TFEU") or one the other's initials ("NYC", "New York City"; "CUNY" holds New York's)."""
    if set(a) & set(b) or any(sorted(x) == sorted(y) for x in a for y in b):
        return True
    if any(x[:4] == y[:4] for x in a for y in b if len(x) >= 4 and len(y) >= 4):
        return True
    initials_a, initials_b = "".join(w[0] for w in a), "".join(w[0] for w in b)
    if any(len(i) > 1 and any(i in w for w in words) for i, words in ((initials_a, b), (initials_b, a))):
        return True
    return initials_a in a or initials_b in b or "".join(a) in initials_b or "".join(b) in initials_a


def _opening_word(words: list[str]) -> list[str] | None:
    """The words of a capitalised run that opens a sentence or question, past an opening word that is no name's
    ("What", "In", "The", "Five"); none when that word may or may not be a name's ("Shenzhen universities", "Low doses",
    "Another employee": capitalised whatever it is, it cannot tell)."""
    opening = _plain(words[0])
    return words[1:] if opening in _NOT_OF_A_NAME or opening in NUMBER_VALUES else None


@lru_cache(maxsize=1024)
def names_before_nouns(q: Question) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The question's names said before a lowercase noun, past its opening word: (("macau",), "side") of "How
    many hectares does the Macau side cover?". Not a possessive ("Harvard's football"), a noun of a verb's form
    ("Nintendo revealed") nor a people's name alone ("Chinese dynasty": it says of whom, not which)."""
    core = q.core.strip()
    found = []
    for m in _NAME_NOUN.finditer(core):
        words = m.group(1).split()
        if m.start() == 0 and (words := _opening_word(words)) is None:
            continue
        name, noun = _name_words(" ".join(words)), m.group(2)
        if noun in STOPWORDS or noun.endswith("ed") or verb_base(noun) != noun or _POSSESSIVE.search(m.group(1)):
            continue
        if _AUXILIARY_BEFORE.search(core, 0, m.start()) and not PLURAL.match(noun):
            continue  # "What does Qin aim to establish?": the subject of a verb ("will Shenzhen authorities" is not)
        if not name or (len(name) == 1 and _DEMONYM.search(name[0])):
            continue
        found.append((tuple(name), stem(noun)))
    return tuple(found)


def _names_before_nouns_said(sentence: str, names: frozenset[str]) -> Iterator[tuple[list[str], str]]:
    """Each name of the sentence with the noun it stands before: the lowercase word after a run of capitalised
    words, or a run's own last word ("European Union" is a union). A run that opens the sentence is a name when its
    first word is one of ``names`` (words the document capitalises inside a sentence: "Shenzhen authorities")."""
    for m in _CAPITALISED_RUN.finditer(sentence):
        opening = not sentence[: m.start()].strip(_OPENING_MARKS)
        kept = _opening_word(m.group().split()) if opening else m.group().split()
        if kept is None and _plain(m.group().split()[0]) in names:
            kept = m.group().split()
        if kept is None:
            continue
        words = kept
        while words and _plain(words[0]) in _NOT_OF_A_NAME:
            words = words[1:]  # "We aim", "He said"
        if not words:
            continue
        if not _POSSESSIVE.search(m.group()) and (after := re.match(r"\s+([a-z]{3,})\b", sentence[m.end() :])):
            yield _name_words(" ".join(words)), after.group(1)
        if len(words) > 1 and not _POSSESSIVE.search(words[-2]):
            yield _name_words(" ".join(words[:-1])), words[-1].casefold()


# a capitalised word after a lowercase word, a comma or a semicolon: a name's, not a sentence's opening
_NAME_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][\w’'-]*")


@lru_cache(maxsize=64)
def _names_inside(document: str) -> frozenset[str]:
    """The plain words the document capitalises inside a sentence ("shenzhen" of "… in Shenzhen"), once per
    document: such a word opening a sentence is a name's too."""
    return frozenset(_plain(m.group()) for m in _NAME_INSIDE.finditer(document))


@lru_cache(maxsize=256)
def _nouns_said(
    sentence: str, names: frozenset[str] = frozenset()
) -> tuple[list[str], tuple[tuple[list[str], str], ...], frozenset[str]]:
    """The sentence's plain words, its names before nouns and the stems of its words (what "one" may stand for:
    "the Shenzhen one" of "The two sections …"), read once for the many spans of one sentence."""
    plain = _name_words(sentence)
    return plain, tuple(_names_before_nouns_said(sentence, names)), frozenset(stem(word) for word in plain)


def other_name_before_noun(
    q: Question, sentence: str, answer: tuple[int, int] | None = None, document: str | None = None
) -> bool:
    """A name the question says before a noun, that the answer's sentence does not say in any form, and the
    sentence saying another name before the same noun, or before "one" that stands for the noun the sentence says:
    "How many hectares does the Macau side cover?" is not "87" of "… the Hong Kong side covering 87 hectares",
    "How many hectares does the Guangzhou section occupy?" not "302" of "The two sections …, and the Shenzhen one
    occupying 302 hectares", nor "Who released emails between ABC executives?" of
    "… between Sony executives". Not when the answer names the other thing in full, unless a number or a person is
    asked ("What US war …?" may be answered "Vietnam War", "What was the Jacksonville fire later known as?" "Great
    Fire of 1901"; "How many Shenzhen universities …?" is not "Five Hong Kong", "Which Macau leader …?" not "Hong
    Kong" of "Hong Kong leader John Lee"). A sentence's opening word is a name's where the ``document`` capitalises
    it inside a sentence ("Shenzhen authorities would also launch 40 other projects" for "How many projects will
    Hong Kong authorities launch?")."""
    asked = names_before_nouns(q)
    if not asked:
        return False
    said_words, said, stems_said = _nouns_said(sentence, _names_inside(document) if document else frozenset())
    named = ""  # the answer's own words, when an answer may name the other thing (not the other's count or person)
    if answer is not None and q.kind not in (Kind.COUNT, Kind.QUANTITY, Kind.PERSON):
        named = f" {' '.join(_name_words(sentence[answer[0] : answer[1]]))} "
    for name, noun in asked:
        if _one_of_the_other(list(name), said_words):
            continue
        for other, head in said:
            if head == "one" and noun in stems_said:
                head = noun  # "the Shenzhen one" of "The two sections …, and the Shenzhen one …": a section
            if stem(head) != noun or not other or (len(other) == 1 and _DEMONYM.search(other[0])):
                continue
            if not _one_of_the_other(other, list(name)) and f" {' '.join(other)} " not in named:
                return True
    return False


# Titles that say which post or rank a person holds, each ruling out the others ("Governor Robert Dinwiddie" is no
# minister, "King George" no queen): the posts of ``TITLES`` but those any holder may be called besides, and ranks
_ANY_HOLDER = {"chief", "executive", "leader", "official", "founder", "officer", "manager", "deputy", "ceo"}
_EXCLUSIVE_TITLES = frozenset(
    (TITLES - _ANY_HOLDER - {"chairperson", "spokesperson"})  # the same posts as "chairman", "spokesman"
    | {
        *("general", "king", "queen", "prince", "princess", "emperor", "empress", "pope", "bishop", "archbishop"),
        *("cardinal", "admiral", "colonel", "lieutenant", "sergeant", "duke", "duchess", "earl", "count"),
        *("countess", "baron", "saint", "sultan", "tsar", "czar", "pharaoh", "shah", "caliph"),
    }
)
_EXCLUSIVE_WORDS = "|".join(sorted(_EXCLUSIVE_TITLES))
# a title before a name of up to three capitalised words: "Minister Robert Dinwiddie", "Queen George's"
_TITLED_NAME = re.compile(rf"\b((?i:{_EXCLUSIVE_WORDS}))\s+((?:[A-Z][\w'’.-]*\s+){{0,2}}[A-Z][\w'’-]*)")


@lru_cache(maxsize=1024)
def _titles_asked(q: Question) -> tuple[tuple[str, str], ...]:
    """The titles the question gives before names, with the names: (("minister", "Robert Dinwiddie"),)."""
    return tuple((m.group(1).casefold(), m.group(2)) for m in _TITLED_NAME.finditer(q.core))


def other_title(q: Question, sentence: str, document: str) -> bool:
    """A title the question gives before a name, where the answer's sentence gives the same name another title and
    the document never the question's: "Minister Robert Dinwiddie had an investment in what company?" is not "Ohio
    Company" of "Governor Robert Dinwiddie of Virginia was an investor in the Ohio Company", nor "When was Queen
    George's war?" of "King George's War". Titles that any holder may be called besides ("official", "leader") are
    no other title."""
    for title, name in _titles_asked(q):
        said = {m.group(1).casefold() for m in re.finditer(rf"\b([A-Za-z]+)\s+{re.escape(name)}(?![\w'’-])", sentence)}
        if said & _EXCLUSIVE_TITLES - {title} and not re.search(
            rf"\b{title}\s+{re.escape(name)}(?![\w'’-])", document, re.IGNORECASE
        ):
            return True
    return False


# a post and the first word of what the question says it is of: "deputy director of the police"
_POST_OF = re.compile(
    rf"\b(?P<post>{TITLE_WORDS})\s+of\s+(?:the\s+)?(?P<body>[A-Za-z][\w-]*)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def bodies_of_posts_asked(q: Question) -> tuple[tuple[str, str], ...]:
    """The posts the question says are of something, with the first word of that something, lower case:
    (("director", "police"),) of "What did the deputy director of the police promise?"."""
    found = ((m.group("post").casefold(), m.group("body").casefold()) for m in _POST_OF.finditer(q.core))
    return tuple((post, _plain(body)) for post, body in found if body not in STOPWORDS)


def other_body_of_post(q: Question, sentence: str, document: str) -> bool:
    """A post the question says is of something whose first word the document holds in no form, where the answer's
    sentence gives the same post of something else: "What did the deputy director of the police promise?" is not
    "easier and faster immigration and clearance" of "…, deputy director of the General Administration of
    Customs, promised …"."""
    for post, body in bodies_of_posts_asked(q):
        if _holds_word(document, body):
            continue
        if re.search(rf"\b{post}\s+of\s+(?:the\s+)?(?!{re.escape(body)}\b)[A-Za-z]", sentence, re.IGNORECASE):
            return True
    return False


# a letter or a two-character code before a noun: "B cells", "T-cell", "WW-I communist", "Type A blood"
_LETTER_NOUN = re.compile(r"\b([A-Z][A-Z0-9]?)[\s-]+([a-z]{3,})\b")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")


def _letters_before_nouns(text: str) -> tuple[tuple[str, str, str, int, int], ...]:
    """The letters before nouns in ``text``, each with the noun's stem, the word before the letter (lower case,
    "" at the start) and the offsets. "A" and "I" only after a capitalised word ("Type A", "WW-I"): elsewhere they
    are an article or a person ("A cell …", "I think")."""
    found = []
    for m in _LETTER_NOUN.finditer(text):
        letter, before = m.group(1), _WORD_BEFORE.search(text, 0, m.start())
        previous = before.group(1) if before else ""
        if letter in ("A", "I") and not previous[:1].isupper():
            continue
        found.append((letter, stem(m.group(2).casefold()), previous.casefold(), m.start(), m.end()))
    return tuple(found)


@lru_cache(maxsize=1024)
def letters_asked(q: Question) -> frozenset[tuple[str, str, str]]:
    """The letters the question says before a noun, with the noun's stem and the word before the letter: {("B",
    "cell", "killer")} of "What do killer B cells kill?". Once per question."""
    return frozenset((letter, noun, previous) for letter, noun, previous, _, _ in _letters_before_nouns(q.core))


def other_letter(q: Question, sentence: str, answer: tuple[int, int] | None = None) -> bool:
    """A letter the question says before a noun, and an answer's sentence that says another letter before the
    same noun outside the answer, and never the question's: "What do killer B cells kill?" is not "cells that are
    infected with viruses" of "Killer T cells … kill cells that are infected with viruses", nor "Who supported post
    WW-I communist movements?" of "… post WW-II communist movements"; or never after the same word: "What attracts
    a matching helper B cell?" is not what attracts "a matching helper T cell, which … activates the B cell"."""
    asked = letters_asked(q)
    if not asked:
        return False
    said = _letters_before_nouns(sentence)
    outside = [
        (other, head, previous)
        for other, head, previous, start, end in said
        if answer is None or not (start < answer[1] and answer[0] < end)
    ]
    for letter, noun, previous in asked:
        if any(other == letter and head == noun and before == previous for other, head, before, _, _ in said):
            continue
        if not any(other == letter and head == noun for other, head, _, _, _ in said):
            if any(head == noun for _, head, _ in outside):
                return True
        elif previous not in STOPWORDS and any(head == noun and before == previous for _, head, before in outside):
            return True
    return False


# words that are no name of one word: a month or weekday has its own check
_NO_ONE_WORD_NAME = _NOT_OF_A_NAME | MONTHS | WEEKDAYS


@lru_cache(maxsize=256)
def _cased_words(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    """The words of ``text``, plain and without a possessive, with their offsets and whether they are capitalised:
    ("france", 10, 18, True) of "France's". Once per sentence."""
    return tuple(
        (_plain(_POSSESSIVE.sub("", word)), start, end, word[:1].isupper()) for word, start, end in text_words(text)
    )


def _one_word_name(words: tuple[tuple[str, int, int, bool], ...], at: int) -> bool:
    """Whether the word at ``at`` is a name of one word: capitalised, no capitalised word beside it (an opening
    word aside), no word no name is made of, no month, weekday or Roman numeral, letters only."""
    word, _, _, capitalised = words[at]
    if not capitalised or (at + 1 < len(words) and words[at + 1][3]) or (at > 1 and words[at - 1][3]):
        return False
    return word.isalpha() and word not in _NO_ONE_WORD_NAME and not _ROMAN.fullmatch(word)


@lru_cache(maxsize=1024)
def names_after_words(q: Question) -> tuple[tuple[str, tuple[str, str]], ...]:
    """The question's names of one word, past its first two words, with the two words before them: ("iraq",
    ("jihad", "against")) of "What organization is devoted to Jihad against Iraq?". No initials ("FLIS": any
    letters may stand for a name the document spells out), nor a name right after the opening word. Once per
    question."""
    words = _cased_words(q.core)
    found = []
    for at in range(2, len(words)):
        word, start, end = words[at][:3]
        if _one_word_name(words, at) and len(word) >= 3 and not _POSSESSIVE.sub("", q.core[start:end]).isupper():
            found.append((word, (words[at - 2][0], words[at - 1][0])))
    return tuple(found)


@lru_cache(maxsize=8)
def _document_forms(document: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The document's plain words, their openings of four letters and their letters sorted: what a name of one
    word is looked up in ("British" holds "Britain", "TEFU" "TFEU")."""
    words = frozenset(_document_plain_words(document))
    return words, frozenset(w[:4] for w in words if len(w) >= 4), frozenset("".join(sorted(w)) for w in words)


def _holds_word(document: str, word: str) -> bool:
    """Whether the document holds a name of one word in some form: itself, a word of the same opening ("Britain"
    for "British") or of the same letters. Not initials, which a whole document's words would spell by chance."""
    words, openings, letters = _document_forms(document)
    return word in words or (len(word) >= 4 and word[:4] in openings) or "".join(sorted(word)) in letters


# words that set a place after them: "flew to Beijing", "travelled from Shanghai", "a conference in Beijing"
_PLACE_SETTING = frozenset({"to", "in", "at", "from", "into", "near"})


def _same_setting(before: tuple[str, str], first: str, second: str) -> bool:
    """Whether a name of the sentence stands where the question's does: after the same two words ("deployed its army
    into"), or each after a word that sets a place ("flew to Shanghai" of the question, "a press conference in
    Beijing" of the sentence)."""
    return before == (first, second) or (before[1] in _PLACE_SETTING and second in _PLACE_SETTING)


def other_name_after_words(q: Question, sentence: str, document: str, answer: tuple[int, int] | None = None) -> bool:
    """A name of one word of the question that the document holds in no form, and in the answer's sentence another name
    after the same two words: "Who deployed its army into Iraq in 1979?" is not "the Soviet Union" of "… the
    Soviet Union deployed its army into Afghanistan", nor "What palace in France was used for filming?"
    "Blenheim" of "… Blenheim Palace in Oxfordshire". A name written another way ("Manhatten", "Bjornson": most
    letters alike) is the same name, and an answer that is the other name passes, wherever the sentence says it
    again."""
    asked = names_after_words(q)
    if not asked:
        return False
    said = _cased_words(sentence)
    # the answer's own name, wherever the sentence says it ("Filming moved to |Morocco|, … filmed in Morocco")
    answered = {word for word, start, end, _ in said if _answer_is(answer, start, end)}
    for name, before in asked:
        for at in range(2, len(said)):
            other = said[at][0]
            if not _same_setting(before, said[at - 2][0], said[at - 1][0]) or other == name:
                continue
            if not _one_word_name(said, at):
                continue
            if _alike(name, other) or other in answered:
                continue
            if not _holds_word(document, name) and not _misspelt_in(document, name):
                return True
    return False


@lru_cache(maxsize=256)
def _misspelt_in(document: str, word: str) -> bool:
    """Whether the document holds a name of one word of five letters or more written a little otherwise, one letter
    left out, added or changed ("Bendigo" for the question's "Bedigo")."""
    if len(word) < 5:
        return False
    words, _, _ = _document_forms(document)
    return any(abs(len(w) - len(word)) <= 1 and SequenceMatcher(None, word, w).ratio() >= 0.85 for w in words)


# the sentence denying a deed: "not", "never", "cannot", "no longer" or "-n't", an adverb, a helper, the word
_DEED_DENIED = re.compile(
    r"(?:\b(?:not|never|cannot|no\s+longer)|n['’]t)\s+(?:\w+ly\s+)?(?:be\s+|been\s+|have\s+|has\s+)?([a-z]+)\b",
    re.IGNORECASE,
)
_CONDITION_BEFORE = re.compile(r"\b(?:if|whether|or)\s*$", re.IGNORECASE)  # "if … is not met": a condition's
_TIME_AFTER = re.compile(r"^.{0,60}?\b(?:until|before|till)\b", re.IGNORECASE)  # "not … until": a time, no denial
_ADDS = re.compile(rf"\s*{_ADDING}", re.IGNORECASE)


@lru_cache(maxsize=1024)
def deeds_asserted(q: Question) -> frozenset[str]:
    """The content words (stemmed, irregular pasts undone) of a question that asserts a deed; none for one that says
    anything negative, asks yes or no, offers a choice ("or") or asks why. Once per question."""
    if q.polar or q.choices or q.kind is Kind.REASON or _NEGATIVE.search(q.core) or _DENIED.search(q.core):
        return frozenset()
    if re.search(r"\bor\b|\bnon\b|\bnon-", q.core, re.IGNORECASE):
        return frozenset()
    return frozenset(verb_base(stem(w)) for w in re.findall(r"[a-z]+", q.core.casefold()) if len(w) > 2) - STOPWORDS


def deed_denied(q: Question, sentence: str, answer: tuple[int, int] | None = None) -> bool:
    """A question that asserts a deed, and an answer's sentence that denies it outside the answer: "What type of
    jihad does HT prefer to engage in?" is not "armed" of "HT does not engage in armed jihad", nor "Who will return
    to direct the next film?" "Sam Mendes" of "Sam Mendes has stated he will not return …". Not when the question
    says anything negative itself, asks yes or no, offers a choice or asks why (``deeds_asserted``), nor for a
    denial of a condition ("if … is not met"), of a time ("not … until"), in brackets or one that adds ("not
    only")."""
    asked = deeds_asserted(q)
    if not asked:
        return False
    for m in _DEED_DENIED.finditer(sentence):
        word = m.group(1).casefold()
        if word in STOPWORDS or verb_base(stem(word)) not in asked:
            continue
        if answer is not None and answer[0] < m.end() and m.start() < answer[1]:
            continue  # the denial is the answer's own
        before, after = sentence[: m.start()], sentence[m.end() :]
        if _CONDITION_BEFORE.search(before[-25:]) or _TIME_AFTER.search(after) or before.count("(") > before.count(")"):
            continue
        if _ADDS.match(sentence, m.start() + len(m.group(0).split()[0])):
            continue
        return True
    return False


# a helper up to two words before a denial, which makes it the question's own deed's: "does not", "are … never",
# "to not" (case ignored: the question's words in any case)
_HELPER_BEFORE = re.compile(
    r"\b(?:do|does|did|is|are|was|were|has|have|had|can|could|would|should|will|may|might|must|shall|to)\b"
    r"(?:[^a-z]+[a-z]+){0,2}[^a-z]*$",  # numbers are no words here: "does TFEU article 288 not say"
    re.IGNORECASE,
)
# what sets a deed apart in a sentence without denying it, besides the words of ``_NEGATIVE`` ("except", "rather
# than", "instead", "unlike"): "the rest", "but", "other"
_SET_APART = re.compile(r"\b(?:rest|but|other)\b", re.IGNORECASE)
_DEED_NEAR = 6  # words either side of a deed the sentence says that must hold nothing negative


def _deed_form(word: str) -> str:
    """A word's stem, an irregular past undone, less an ending of tense or number: "use", "used", "uses" and
    "using" are one deed ("us"), "made" and "make" another; two letters stay ("is"). ``deed_said`` reads deeds so;
    ``deed_denied`` keeps the stricter ``verb_base(stem(…))``: read so, it rejects the same 19 plausible answers of
    the training pool and the gold answers of 8 questions instead of 4."""
    base = verb_base(stem(word.casefold()))
    bare = re.sub(r"(?:ing|ed|es|e|s)$", "", base)
    return bare if len(bare) >= 2 else base


# "unable to", "failed to", "refuses to": a deed denied without "not"
_UNABLE_TO = re.compile(r"\b(?:unable|fail(?:s|ed|ing)?|refus(?:e|es|ed|ing))\s+to\s+([a-z]+)\b", re.IGNORECASE)


@lru_cache(maxsize=1024)
def deeds_denied(q: Question) -> frozenset[str]:
    """The deeds (``_deed_form``) that the question denies: right after a helper ("What does Article 102 not
    prohibit?" {"prohibit"}, "Who wasn't given land …?" {"giv"}) or after "unable to", "fail to", "refuse to"
    ("What is unable to evade the immune system?" {"evad"}); none for a question that asks yes or no, offers a
    choice or asks why, nor for "Had X not died, …" (a condition). A name after the denial ("Where didn't
    Washington go?") is no deed. Once per question."""
    if q.kind is Kind.REASON or q.polar or q.choices or re.match(r"\s*had\b", q.core, re.IGNORECASE):
        return frozenset()
    found = {_deed_form(m.group(1)) for m in _UNABLE_TO.finditer(q.core) if m.group(1).casefold() not in STOPWORDS}
    if not denies(q):
        return frozenset(found)
    for m in _DEED_DENIED.finditer(q.core):
        word = m.group(1)
        if word.casefold() in STOPWORDS or word[0].isupper():
            continue
        if re.search(r"n['’]t", m.group(0)) or _HELPER_BEFORE.search(q.core, 0, m.start()):
            found.add(_deed_form(word))
    return frozenset(found)


def deed_said(q: Question, sentence: str) -> bool:
    """A question that denies a deed, and an answer's sentence that says it with nothing negative or setting apart
    within six words either side, and denies it nowhere: "What does Article 102 not prohibit?" is not "abuse of
    dominant position" of "Article 102 prohibits abuse of dominant position"; but "Which cities were not destroyed?"
    is "Novgorod and Pskov" of "… destroyed all of the cities with the exceptions of Novgorod and Pskov". The mirror
    of ``deed_denied``; ``negation_unsaid`` reads a sentence with nothing negative at all, this one a sentence whose
    negative words say something else ("cannot be repaid" beside "used"). The answer's own words count: "What did
    they refuse to facilitate?" is not "clearance to facilitate the flow"."""
    asked = deeds_denied(q)
    if not asked or re.search(r"\bexcept", sentence, re.IGNORECASE):
        return False
    denials = (*_DEED_DENIED.finditer(sentence), *_UNABLE_TO.finditer(sentence))
    if any(_deed_form(m.group(1)) in asked for m in denials):
        return False
    for m in re.finditer(r"[A-Za-z]+", sentence):
        if m.group(0).casefold() in STOPWORDS or _deed_form(m.group(0)) not in asked:
            continue
        before = " ".join(sentence[: m.start()].split()[-_DEED_NEAR:])
        after = " ".join(sentence[m.end() :].split()[:_DEED_NEAR])
        if not any(_says_otherwise(side) for side in (before, after)):
            return True
    return False


def _says_otherwise(words: str) -> bool:
    """Words beside a deed that deny, leave out or set it apart; not "only", which says it was done ("was only
    introduced in 2007", "only required £1")."""
    if _SET_APART.search(words):
        return True
    return any(m.group(0).casefold() != "only" for m in _NEGATIVE.finditer(words))


def unshared(
    q: Question,
    sentence: str,
    before: Callable[[], str],
    answer: tuple[int, int] | None = None,
    document: str | None = None,
) -> Iterator[str]:
    """The premises of the question that the answer's ``sentence`` does not share, by name, checked one at a time
    (the first is enough to reject a span; ``eval/scripts/plausible_answer_checks.py`` counts them all). ``before``
    gives the sentence before it, looked up only for a question that names a year, month or weekday or asks of a
    named subject the sentence does not name; ``answer`` the answer's offsets in the sentence, whose own words share
    no denial and swap no name; ``document`` the text the sentence stands in, where a name the sentence swaps must
    be nowhere and a subject it leaves out must be named (the sentence alone if not given)."""
    if negation_unsaid(q, sentence, answer):
        yield "denial"
    if deed_denied(q, sentence, answer):
        yield "deed denied"
    if deed_said(q, sentence):
        yield "deed said"
    if opposite_unsaid(q, sentence, answer):
        yield "undone word"
    if antonym_said(q, sentence):
        yield "antonym"
    if other_number(q, sentence):
        yield "number"
    if other_ordinal(q, sentence):
        yield "ordinal"
    if other_time(q, sentence):
        yield "time counted from now"
    if years_asked(q) or any(days_or_months_asked(q)):
        said_before = before()
        if other_year(q, sentence, said_before):
            yield "year"
        if other_day_or_month(q, sentence, said_before):
            yield "month or weekday"
    whole = sentence if document is None else document
    if other_name(q, sentence, whole, answer):
        yield "name"
    if document is not None and name_swapped_elsewhere(q, sentence, document, answer):
        yield "name swapped elsewhere"
    if other_name_before_noun(q, sentence, answer, document):
        yield "name before a noun"
    if other_title(q, sentence, whole):
        yield "title before a name"
    if other_body_of_post(q, sentence, whole):
        yield "body of a post"
    if other_letter(q, sentence, answer):
        yield "letter before a noun"
    if other_name_after_words(q, sentence, whole, answer):
        yield "name after the same words"
    if subject_elsewhere(q, sentence, before, whole):
        yield "subject said elsewhere"
    if ends_elsewhere(q, sentence, before, whole, answer):
        yield "ends said elsewhere"
