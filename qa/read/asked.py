"""What a typed query asks, as the plain question the readers read and the search looks for.

A query is rarely typed as a reader was trained to read one: "who is the mayor of shenzen", "Can you tell
me who Hung is?", "List the cities of the Greater Bay Area.", "Eric Chan?", "Eric Chan position", "So, who is
the mayor of Shenzhen?", "The mayor of Shenzhen is?". Each step here rewrites one
such habit into the question it stands for, using only what the documents say about their own words
(how they write and spell them, the names they hold); a question already plain passes unchanged.
``Pipeline.analyze`` runs them in order: respell → truecase → as_question → with_full_name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

from qa.read.names import names_people
from qa.read.question import AUX, HONORIFICS, PLURAL, TITLES, without_aside
from qa.read.units import is_unit
from qa.text import POSSESSIVE_END, STOPWORDS, fold, one_edit, words

CASED_SHARE = 0.75  # of a word's occurrences inside sentences, capitalised: a name ("Guangzhou")


RESPELL_MIN_LETTERS = 5  # shorter words are too often another word one letter away ("Chan", "Chen")
_OPENING = " \"'“‘(¿¡"  # what may stand before a question's first word

# Words people shorten as they type, each with the words it may stand for (the one the documents hold most is read)
SHORTENED = {
    "dep": ("deputy", "department"),
    "dept": ("department",),
    "depts": ("departments",),
    "govt": ("government",),
    "govts": ("governments",),
    "gov": ("government", "governor"),
    "univ": ("university",),
    "uni": ("university",),
    "univs": ("universities",),
    "unis": ("universities",),
    "prof": ("professor",),
    "profs": ("professors",),
    "pres": ("president",),
    "secy": ("secretary",),
    "dir": ("director",),
    "asst": ("assistant",),
    "assoc": ("association", "associate"),
    "intl": ("international",),
    "natl": ("national",),
    "approx": ("approximately",),
    "mgr": ("manager",),
    "chmn": ("chairman",),
    "exec": ("executive",),
    "admin": ("administration",),
    "yr": ("year",),
    "yrs": ("years",),
    "pop": ("population",),
    "hq": ("headquarters",),
    "avg": ("average",),
    "mtn": ("mountain",),
    "ppl": ("people",),
}
# letters of a short form read as a name's first letters ("GBA", "HKSP"); two letters are too many names' ("TB" is
# no "Tibetan Buddhism", "SD" no "South Dakota" in the training pool's articles)
SPELT_OUT_MIN, SPELT_OUT_MAX = 3, 6
# the most passages a name spelt out may stand in: a fifth of them, or two of a small collection; one that more
# hold is what the documents are about ("New York City" of an article on it), which spelt out adds no sign to the
# search and weighs down the sentences that answer (on the validation articles, 93 questions' "NYC" spelt out
# answered 28 otherwise, 0.5998 → 0.5963)
SPELT_OUT_SHARE = 0.2
_ROMAN = re.compile(r"^[IVXLCDM]+$")  # "World War II": no short form


def spell_out(
    question: str,
    spelt_out: Callable[[str], Counter[str]],
    forms: Callable[[str], Counter[str]],
    common: Callable[[str], bool],
    passages: int,
) -> str:
    """A question with the short forms the documents never write spelt out as they write them: "What will the HKSP
    open?" → "What will the Hong Kong Science Park open?", "Which cities does the GBA link?" → "… the Greater Bay
    Area …", "Who is the dep. director of customs?" → "Who is the deputy director of customs?".

    A word of ``SPELT_OUT_MIN`` to ``SPELT_OUT_MAX`` letters, typed in capitals or in lower case, that no document
    holds in that form is read as the first letters of a run of capitalised words (``spelt_out``:
    ``Index.spelt_out``), the run most of the ``passages`` (chunks) hold; none, or two held as often, and it stays as
    typed. So does one that more than ``SPELT_OUT_SHARE`` of the passages hold (and more than two): the documents'
    own topic ("Which NYC borough …?" of an article on New York City). Capitals the question goes on from with
    capitalised words, two letters too, are read with their first letters when a run so spelt ends in them ("the HK
    Science Park" → "the Hong Kong Science Park"). In lower case ("gba") only a word that is no stopword nor a word
    of the reader's vocabulary (``common``). A word of ``SHORTENED``
    ("govt", "dep.", "univ") that the documents do not hold becomes the one of its words they hold most, with the
    case it was typed in and without its full stop. A question typed all in capitals is left alone: every word of
    it looks like a short form, and so is a short form whose name the question says too ("the Initial Teacher
    Education (ITE) program")."""
    letters = [c for c in question if c.isalpha()]
    if not any(c.islower() for c in letters):
        return question
    out, at = [], 0
    for word, start, end in words(question):
        folded = fold(word)
        if not folded.isalpha() or start < at:
            continue
        initials = 2 <= len(word) <= SPELT_OUT_MAX and not _ROMAN.match(word) and _may_be_initials(word, common)
        if folded not in SHORTENED and not initials:
            continue  # most words: no look into the documents
        written = forms(folded)
        if written and not _only_lower(written, word):
            continue
        full = _unshortened(folded, forms) if folded in SHORTENED else None
        if full is not None:
            full = _cased_like(word, full)
            if question[end : end + 1] == "." and question[end + 1 :].strip():  # "dep. director"
                end += 1
        elif initials:
            full, end = _initials_spelt(question, word, end, spelt_out, max(2, int(SPELT_OUT_SHARE * passages)))
        if full is None:
            continue
        out += [question[at:start], full]
        at = end
    return "".join([*out, question[at:]])


# the capitalised words a short form goes on with ("HK| Science Park")
_NAME_GOES_ON = re.compile(r"(?:[ \t]+[A-Z][a-z]\w*)+")


def _initials_spelt(
    question: str, word: str, end: int, spelt_out: Callable[[str], Counter[str]], most: int
) -> tuple[str | None, int]:
    """The run ``word`` (ending the question at ``end``) spells, with where the words it stands for end there: first
    with the capitalised words the question goes on with ("the HK Science Park": the run "Hong Kong Science Park"
    that ends in them), then alone (three letters at least); none the question says already."""
    named = _NAME_GOES_ON.match(question, end) if word.isupper() else None
    if named is not None:
        going_on = named.group().split()
        full = _spelt_out_as(spelt_out(word + "".join(w[0] for w in going_on)), most)
        if full is not None and full.split()[-len(going_on) :] == going_on and fold(full) not in fold(question):
            return full, named.end()
    if len(word) < SPELT_OUT_MIN:
        return None, end
    full = _spelt_out_as(spelt_out(word.upper()), most)
    if full is None or fold(full) in fold(question):  # "the Initial Teacher Education (ITE) program" says it already
        return None, end
    return (full if word.isupper() else full.lower()), end


def _spelt_out_as(runs: Counter[str], most: int) -> str | None:
    """The run most passages hold, if no more than ``most`` of them do and no other run as many."""
    best = runs.most_common(2)
    if not best or best[0][1] > most or (len(best) > 1 and best[1][1] == best[0][1]):
        return None
    return best[0][0]


def _only_lower(written: Counter[str], word: str) -> bool:
    """Whether the documents write ``word``, typed in capitals ("US"), only otherwise ("us")."""
    return word.isupper() and not any(form.isupper() for form in written)


def _may_be_initials(word: str, common: Callable[[str], bool]) -> bool:
    """Whether ``word`` (two to six letters the documents never write so) may be a name's first letters."""
    if word.isupper():
        return True
    folded = fold(word)
    return word.islower() and folded not in STOPWORDS and not common(folded)


def _unshortened(folded: str, forms: Callable[[str], Counter[str]]) -> str | None:
    """The word of ``SHORTENED[folded]`` that the documents hold most often, or None."""
    held = [(sum(forms(full).values()), -k, full) for k, full in enumerate(SHORTENED[folded])]
    best = max(held)
    return best[2] if best[0] else None


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
    capitals ("SHENZEN" → "SHENZHEN").

    A common word misspelt ("pormise", "nwespaper"), which the documents hold in no form, is spelt as the
    reader's vocabulary spells the one word it holds one letter away (``_vocabulary_spelling``); not a
    capitalised word of a question with capitals of its own, which may be a name the documents do not hold, but its
    first word, which a capital opens whatever it is ("Accroding to Hung, …" → "According to Hung, …")."""

    def held(word: str) -> bool:
        return bool(forms(word))

    out, at = [], 0
    for word, start, end in words(question):
        if len(word) < RESPELL_MIN_LETTERS or not word.replace("-", "").isalpha() or fold(word) in STOPWORDS:
            continue
        if common(fold(word)):
            continue
        # a capital inside the question (not the first word's, which any word has) may open a name
        capital_inside = word[:1].isupper() and bool(question[:start].strip(_OPENING))
        fixed = respelled(word)
        if fixed is not None and _name_form(fixed, forms) is None and not (capital_inside and _cased(fixed, forms)):
            fixed = None  # not a name the documents hold: "pertain" is no "certain" ("mayjor" no "major")
        if fixed is None and not (capital_inside and not question.isupper()) and not held(fold(word)):
            fixed = _vocabulary_spelling(fold(word), lambda v: common(v) or held(v), held)  # "pormise", "hectars"
        if fixed is None:
            continue
        out += [question[at:start], _cased_like(word, fixed)]
        at = end
    return "".join([*out, question[at:]])


def _cased(folded: str, forms: Callable[[str], Counter[str]]) -> bool:
    """Whether the documents write the word with a capital at times, if not mostly (``_name_form``): "Association"
    of "the Chinese Association of …" beside "the Brics association", for "Associtaion" typed with its capital."""
    return any(form[:1].isupper() for form in forms(folded))


def _vocabulary_spelling(folded: str, known: Callable[[str], bool], held: Callable[[str], bool]) -> str | None:
    """The word one letter away from ``folded`` that the documents hold, or when they hold none such, the one
    word of the reader's vocabulary (``known``: the vocabulary or the documents) one letter away; None when
    there are several ("mayjor" may be "mayor" or "major"): "newspaper" for "nwespaper", "border" for
    "broder" in documents that never say "broader". A letter changed for another only into a word the
    documents hold ("seperates" → "separates"), and only a vowel for a vowel or a key for the one beside it:
    "pertain" is no misspelling of "certain", nor "defying" of "denying" (the vocabulary is no dictionary).
    No word that is another form of the typed one, nor a typed word that is another form of a word the
    vocabulary holds, which is no misspelling: "governs" (of "govern"), "smoother", "culminate" ("culminated"),
    "emphasise" ("emphasis"): no letter added or dropped at the end. Of two such words, the one with the typed
    letters, two of them swapped: "founded" for "fuonded", not "funded"; "portion" for "potrion", not "potion"."""
    if any(known(base) for base in _bases(folded)):
        return None
    found = {
        variant
        for variant in one_edit(folded)
        if known(variant)
        and (len(variant) != len(folded) or sorted(variant) == sorted(folded) or _slip(folded, variant, held))
        and folded not in _bases(variant)
        and not (variant.startswith(folded) or folded.startswith(variant))  # "emphasise" is no "emphasis"
    }
    chosen = {variant for variant in found if held(variant)} or found
    if len(chosen) > 1:  # two letters swapped keep every letter typed: "fuonded" is "founded", not "funded"
        chosen = {variant for variant in chosen if sorted(variant) == sorted(folded)} or chosen
    return chosen.pop() if len(chosen) == 1 else None


_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BESIDE = {key: set(row[max(0, k - 1) : k] + row[k + 1 : k + 2]) for row in _KEY_ROWS for k, key in enumerate(row)}
_VOWELS = set("aeiou")


def _slip(typed: str, word: str, held: Callable[[str], bool]) -> bool:
    """``word``, which the documents hold, differs from ``typed`` by one letter that a slip of the hand or of the
    ear gives: a key beside it, or another vowel."""
    if not held(word):
        return False
    a, b = next((x, y) for x, y in zip(typed, word, strict=True) if x != y)
    return b in _BESIDE.get(a, set()) or (a in _VOWELS and b in _VOWELS)


# Endings of a word's other forms: "governs", "consulted", "smoother", "interviewee", "cities" (-ies: "city")
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "est", "ee", "ees", "ly", "ness", "ment", "ments", "al", "ion")


def _bases(folded: str) -> set[str]:
    """What ``folded`` may be a form of: less an ending, with or without an "e" ("consulted" → "consult",
    "described" → "describe"), a "y" for "-ies"/"-ied"/"-ier" ("cities" → "city")."""
    found = set()
    for ending in _ENDINGS:
        if folded.endswith(ending):
            base = folded[: -len(ending)]
            found |= {base, base + "e"}
    for ending in ("ies", "ied", "ier", "iest", "ily"):
        if folded.endswith(ending):
            found.add(folded[: -len(ending)] + "y")
    return {base for base in found if len(base) >= 3}


def _cased_like(typed: str, word: str) -> str:
    """``word`` (lower case) with the capitals of ``typed``: all, the first, or none."""
    if typed.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def truecase(
    question: str, forms: Callable[[str], Counter[str]], names: Callable[[str], Counter[str]] | None = None
) -> str:
    """A question typed all in lower case (or all in capitals) with its words written as the documents write
    them: "who is the mayor of guangzhou" → "who is the mayor of Guangzhou", so that its names are seen.
    ``forms`` gives how the documents write a word (``Index.surface_forms``); a word the documents
    capitalise in at least ``CASED_SHARE`` of its occurrences takes their most common form. Posts
    ("Mayor Qin") and stopwords stay as typed; a question with any capital of its own is left alone.
    ``names`` (``Index.names_with``) gives the documents' runs of capitalised words that hold a word: from a
    word written as a name, the longest such run that the question's next words spell is written as the
    documents write it ("the shenzhen special economic zone" → "the Shenzhen Special Economic Zone", whose
    "special" alone is a common word). A word no document holds, after "of" (and "the") after a post or a word
    written as a name, is a name too ("the mayor of london" → "the mayor of London"), and so is one that names a
    people, a faith or a continent's people (``DEMONYMS``: "british", "african") or that the training pool's
    paragraphs write as a name (``name_words``: "who flew to shanghai …?"). Its first letter is written as a
    capital, as questions are."""
    letters = [c for c in question if c.isalpha()]
    if any(c.isupper() for c in letters) and any(c.islower() for c in letters):
        return question  # "Which river divides the park?" is written with capitals, and has no name
    found = list(words(question))
    written: list[str] = []
    for k, (word, _, _) in enumerate(found):
        folded = fold(word)
        after_how = k > 0 and fold(found[k - 1][0]) == "how"  # "how big …": no name ("Chinese Big Data Society")
        named = folded not in TITLES and word.replace("-", "").isalpha() and not after_how
        said = forms(folded) if named and folded not in STOPWORDS else None  # read once for both tests
        name = _cased_form(said) if said else None
        if name is not None:
            word = name
        elif (
            said is not None
            and not said
            and folded.isalpha()
            and (folded in DEMONYMS or folded in name_words() or _after_name_of(found, written, k))
        ):
            # "the mayor of london", "british", "shanghai": names the documents never write
            word = word[:1].upper() + word[1:].lower()
        elif letters and not any(c.islower() for c in letters):
            word = word.lower()  # "WHO IS LAU SIU-KAI?": the rest as typed, in lower case
        written.append(word)
    if names is not None:
        written = _in_named_runs(found, written, names)
    out, at = [], 0
    for (_, start, end), word in zip(found, written, strict=True):
        out.append(question[at:start] + word)
        at = end
    cased = "".join(out) + question[at:]
    first = re.search(r"[^\W\d_]", cased)  # the first letter a capital, as in the questions the model learned from
    return cased if first is None else cased[: first.start()] + cased[first.start()].upper() + cased[first.end() :]


# Peoples, faiths and continents' peoples, which English writes with a capital: a question typed in lower case that
# names one ("how many british universities …?") names what the documents may not
DEMONYMS = {
    *("african", "american", "asian", "european", "australian", "arab", "arabic", "latin", "british", "english"),
    *("scottish", "welsh", "irish", "french", "german", "italian", "spanish", "portuguese", "dutch", "belgian"),
    *("swiss", "austrian", "swedish", "norwegian", "danish", "finnish", "polish", "russian", "ukrainian", "greek"),
    *("turkish", "egyptian", "israeli", "iranian", "iraqi", "syrian", "saudi", "indian", "pakistani", "chinese"),
    *("japanese", "korean", "vietnamese", "thai", "indonesian", "filipino", "mongolian", "tibetan", "canadian"),
    *("mexican", "brazilian", "argentine", "argentinian", "chilean", "peruvian", "cuban", "nigerian", "kenyan"),
    *("christian", "catholic", "protestant", "jewish", "muslim", "islamic", "hindu", "buddhist", "sikh"),
}


NAME_WORDS = Path(__file__).parent.parent / "models" / "names" / "name_words.txt"


@cache
def name_words() -> frozenset[str]:
    """The words the training pool's paragraphs write as names, in lower case ("shanghai", "taiwan"; written by
    ``eval/scripts/name_words.py``): a question typed in lower case names them, whether the documents do or not."""
    lines = NAME_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _after_name_of(found: list[tuple[str, int, int]], written: list[str], k: int) -> bool:
    """Whether the question's word ``k`` follows "of" (and "the") after a post or a word written as a name: "the
    mayor of london", "the general administration of taxation" (Customs, in the documents)."""
    at = k - 1
    if at >= 0 and fold(found[at][0]) == "the":
        at -= 1
    if at < 1 or fold(found[at][0]) != "of":
        return False
    typed, cased = found[at - 1][0], written[at - 1]
    return fold(typed) in TITLES or (cased[:1].isupper() and cased != typed)


def _in_named_runs(
    found: list[tuple[str, int, int]], written: list[str], names: Callable[[str], Counter[str]]
) -> list[str]:
    """``written`` with each run of question words that spells a run of capitalised words of the documents, or the
    run's end from one of its words, from a word already written as a name, written as the documents write it (the
    longest first): "the macau science park" → "the Macau Science Park" ("park" alone is a common word; "Science
    Park" ends "Hong Kong Science Park")."""
    written, k = list(written), 0
    while k < len(found):
        named = written[k][:1].isupper() and written[k] != found[k][0]
        best = _longest_run_spelt(found, k, names) if named else []
        if len(best) > 1:
            written[k : k + len(best)] = best
            k += len(best)
        else:
            k += 1
    return written


def _longest_run_spelt(found: list[tuple[str, int, int]], k: int, names: Callable[[str], Counter[str]]) -> list[str]:
    """The longest end of a documents' run of capitalised words (two words or more) that opens with the question's
    word ``k`` and that its next words spell, as the documents write it; [] when there is none."""
    best: list[str] = []
    for run in names(fold(found[k][0])):
        whole = [POSSESSIVE_END.sub("", part) for part in run.split()]  # "Zone" of "… Economic Zone’s"
        for at in (i for i, part in enumerate(whole) if fold(part) == fold(found[k][0])):
            parts = whole[at:]
            typed = [fold(w) for w, _, _ in found[k : k + len(parts)]]
            if len(parts) > max(1, len(best)) and typed == [fold(p) for p in parts]:
                best = parts
    return best


def _name_form(folded: str, forms: Callable[[str], Counter[str]]) -> str | None:
    """How the documents write the word when they write it as a name (capitalised in at least ``CASED_SHARE``
    of its occurrences): "Guangzhou" for "guangzhou"; None for other words and stopwords ("When?")."""
    return _cased_form(forms(folded)) if folded not in STOPWORDS else None


def _cased_form(found: Counter[str]) -> str | None:
    """The most common capitalised form of a word's ``found`` forms when at least ``CASED_SHARE`` of them are."""
    cased = {f: n for f, n in found.items() if f[:1].isupper()}
    if not found or sum(cased.values()) < CASED_SHARE * sum(found.values()):
        return None
    return max(cased, key=lambda f: cased[f])


# "Eric Chan?", "Lau Siu-kai": nothing but a name (capitalised words, "of"/"and"/"the" between them)
_BARE_NAME = re.compile(
    r"^\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the|for|de|van|von)\s+)*[A-Z][\w'’.-]*){0,7})\s*\??\s*$"
)


# "Name the five Brics countries.", "List all the cities of …", "Find the mayor of Shenzhen": asked as "Which …?"
# (not "Name of the …")
_IMPERATIVE = re.compile(
    r"^\s*(?:please\s+)?(?:name|list|identify|find|look\s+up|search\s+for)\s+"
    r"(?!(?:of|is|are|was|were|for)\b|(?:the|a|an|some|any|all)\W*$)"
    r"(?:all\s+)?(?:(?:the|a|an|some|any)\s+)?(?P<rest>[^?.!]+?)\s*[?.!]?\s*$",
    re.IGNORECASE,
)

# "Tell me about the Hetao zone.", "Describe Eric Chan": a description, as "What is …?" asks; "Tell me the
# size of the Hong Kong side", "Give (me) the name of …": what that thing is
_TELL_ABOUT = re.compile(
    r"^\s*(?:(?:please\s+)?(?:tell\s+me(?:\s+about)?|give(?:\s+me)?|show\s+me|explain)|describe"
    r"|(?:(?:any|some|more)\s+)?(?:info(?:rmation)?|details?|anything|something)\s+(?:on|about|regarding))\s+"
    r"(?!(?:how|why|what|when|where|who|which|whether|if)\b)(?P<target>[^?.!]+?)\s*[?.!]?\s*$",
    re.IGNORECASE,
)

# "According to the article, who …?", "Who is …, according to the text?", "Which body, according to the
# article, announced …?", "Hi, who …?": a framing or a greeting that names no thing asked about
_SOURCE = (
    r"(?:according\s+to|in|based\s+on|from)\s+(?:the|this|these)\s+"
    r"(?:article|text|document|passage|story|report|page|file)s?"
)
_FRAMING = re.compile(rf"^\s*(?:(?:hi|hello|hey)(?:\s+there)?\s*[,!.]|{_SOURCE}\s*,)\s*", re.IGNORECASE)
_FRAMING_END = re.compile(rf"\s*,?\s+{_SOURCE}(?=\s*[?.!]?\s*$)", re.IGNORECASE)
_FRAMING_INSIDE = re.compile(rf"(?<=\w),\s*{_SOURCE}\s*,(?=\s*\w)", re.IGNORECASE)

_WH = r"(?:who|whom|whose|what|which|when|where|why|how)\b"
# "So, who is …?", "And which river …?", "Okay, what is …?", "Quick question: when …?", "Q: who …?", "Well, in which
# year …?": a lead-in before the question's own first words (its question word, or a preposition before it)
_LEAD_IN = re.compile(
    r"^\s*(?:(?:so|and|but|also|ok(?:ay)?|well|now|then|alright|hm+|um+|oh|next|lastly|finally|q"
    r"|(?:(?:a|one|another|quick|my|next|last|simple)\s+)?(?:quick\s+)?question(?:\s+\d+)?)\s*[,.:;!–—-]*\s+)+"
    rf"(?=(?:(?:in|on|at|for|from|with|by|to|of|during|after|before|since|until)\s+)?{_WH})",
    re.IGNORECASE,
)
# "I was reading about the Hetao zone. How many …?", "Thanks. Who is …?": sentences of the asker's own (their first
# word says so: "I", "we", "my", "thanks", "hello") before the question, which opens after them with its question
# word (after a word's end, not an initial or a title: "… Michael G. whom?"); not when the question refers back to
# them ("I saw two teams. What are they?"), or is too short to stand alone. Other sentences before a question say
# what it is about ("There are two hockey teams located in NYC. What are they?"): the query stays whole.
_BEFORE_QUESTION = re.compile(
    r"^\s*(?=(?:i|i['’](?:m|ve|d)|we|we['’](?:re|ve)|my|our|thanks|thank\s+you|sorry|hello|hi|hey|ok|okay|just)\b)"
    rf"[^?]*?[a-z]{{2}}[.!]\s+(?={_WH}[^.!?]*\??\s*$)",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(
    r"\b(?:he|she|it|they|him|her|them|his|its|their|this|that|these|those|there|one|ones)\b", re.IGNORECASE
)
# "How big is the Shenzhen side, please?", "Who is Eric Chan please?", "…, thanks?", "…? Thanks!": a courtesy at the
# end (thanks only after a comma or the question: "Whom do the cities owe thanks?" asks about thanks)
_COURTESY_END = re.compile(
    r"(?:[\s,]+(?:please|pls|plz)|(?:\s*,|(?<=[?.!]))\s*(?:thanks|thank\s+you))[\s.!]*(?=\?*\s*$)", re.IGNORECASE
)
# '"Who is Eric Chan?"', "Who is Eric Chan :)": quotation marks around the whole query, a smiley or emoji after it
_WHOLE_QUOTED = re.compile(r"^\s*[\"“”'‘’](?P<query>[^\"“”]+)[\"“”'‘’]\s*$")
_SMILEY_END = re.compile(r"(?:\s*(?:[:;]-?[)(DPp]|\^\^|[\U0001F300-\U0001FAFF\u2600-\u27BF]))+\s*$")
# "Lau Siu-kai - who is he?", "Sun Yuning: what is his job?", "The Hetao zone, how big is it?": a topic (a name, or
# a noun phrase with its article), then a question that refers to it by a pronoun
_TOPIC_THEN_QUESTION = re.compile(
    r"^\s*(?P<topic>[Tt]he\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?|[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the)\s+)*[A-Z][\w'’.-]*){0,6}?)"
    r"\s*(?::|,|;|\s[-–—]+)\s*"
    rf"(?P<question>{_WH}[^?]*\??)\s*$"
)
# words that open a phrase, not a topic: "Within the EU, which court …?"
_PREPOSITIONS = {
    *("within", "without", "despite", "besides", "beside", "among", "amongst", "amid", "under", "across", "through"),
    *("throughout", "unlike", "like", "against", "toward", "towards", "upon", "via", "per", "inside", "outside"),
    *("beyond", "near", "following", "regarding", "concerning", "including", "excluding", "according", "apart"),
}
_PRONOUN = re.compile(r"\b(?:(?P<owner>his|its|their|her(?=\s+[a-z]))|(?P<person>he|she|it|they|him|her|them))\b")

# "Can you name the Brics countries?", "Could you please tell me about …", "Would you list …": a request
# asked politely, not a yes/no question
_POLITE = re.compile(
    r"^\s*(?:please\s+)?(?:can|could|would|will)\s+you\s+(?:please\s+)?"
    r"(?=(?:name|list|identify|describe|explain|(?:tell|show|give)\s+me)\b)",
    re.IGNORECASE,
)

# "Eric Chan is who?": the question word put last, as one says it; "Who is Eric Chan?"
_WHO_LAST = re.compile(r"^\s*(?P<subject>[A-Z][^,;?]*?)\s+(?P<verb>is|are|was|were)\s+who\s*[?.!]?\s*$")
# "The mayor of Shenzhen is?": a statement left open for its answer; "Who is the mayor of Shenzhen?" (a person or
# body named) or "What is …?"
_LEFT_OPEN = re.compile(
    r"^\s*(?P<subject>(?:the|a|an)\s+[^,;?]+?)\s+(?P<verb>is|are|was|were)\s*\??\s*$", re.IGNORECASE
)
# "What about Lau Siu-kai?", "How about the budget?": what a name or a thing is
_WHAT_ABOUT = re.compile(r"^\s*(?:what|how)\s+about\s+(?P<target>[^?]+?)\s*\??\s*$", re.IGNORECASE)

# "What's …?", "Who’s …?", "Whats …?", "wheres …?": "What is …?", the apostrophe typed or not
# ("who's" only before a name, an article or "in": "Who's death caused …?" means "whose")
_CONTRACTED = re.compile(
    r"\b(what|where|when|why|how|who(?=['’]?s\s+(?:(?-i:[A-Z])|(?:the|a|an|in)\b)))['’]?s\b", re.IGNORECASE
)

# "Tell me who Eric Chan is" (also asked politely: _POLITE), "Do you know when …", "I'd like to know …":
# the question inside
_EMBEDDED = re.compile(
    r"^\s*(?:please\s+)?(?:(?:tell|show)\s+me|do\s+you\s+know|"
    r"i(?:['’]d|\s+would)\s+like\s+to\s+know|i\s+(?:want|wish|need)\s+to\s+know|explain)\s+"
    r"(?P<wh>(?:who|what|when|where|why)\b|how\s+(?!many\b|much\b)[a-z]+\b|(?=which\b|how\b))"
    r"(?P<rest>[^?]*?)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
# in the indirect question, the verb that comes first in the direct one ("who Eric Chan is" → "Who is …")
# the words a subject that is no name opens with: an article, a demonstrative, a pronoun or a possessive
_SUBJECT_OPENERS = r"(?:the|a|an|this|that|these|those|it|he|she|they|his|her|its|their)"
_SUBJECT_VERB = (
    rf"(?P<subject>(?:{_SUBJECT_OPENERS}|[A-Z][\w'’.-]*)\b[^,;]*?)\s+"
    r"(?P<verb>is|are|was|were|will|would|can|could|should|may|might|must)\b\s*(?P<tail>.*)$"
)
_SUBJECT_THEN_VERB = re.compile(rf"^{_SUBJECT_VERB}")
# … after the asked thing's words when "which", "how many" or "how much" opens it ("which association | the
# institute is devoted to", "how many projects | Macau will launch"): lower-case words, none a word that opens a
# phrase ("which of the cities will …" asks of its own subject); "how much" may ask alone before a subject that is
# no name ("how much | the park will cost"; "how much Hong Kong funding will …" is one phrase)
_ASKED_THING_THEN_SUBJECT = re.compile(
    r"^(?P<wh>(?i:which|how\s+many|how\s+much)(?:\s+(?!(?:of|the|a|an|and|or|in|on|at|to|for|with|by|from)\b)"
    rf"[a-z][\w'’-]*){{1,3}}?|(?i:how\s+much)(?=\s+{_SUBJECT_OPENERS}\b))\s+{_SUBJECT_VERB}"
)


# "Who is Eric Chan and what is his job?": two questions in one; the first is answered
_TWO_QUESTIONS = re.compile(
    r"^(?P<first>\s*(?:who|what|which|when|where|why|how)\s+[^\s?]+\s+[^\s?]+[^?]*?)\s*(?:,\s*)?\band\s+"
    r"(?:who|what|which|when|where|why|how)\b(?:\s+(?:is|are|was|were|does|do|did|can|will))?\b[^?]*\??\s*$",
    re.IGNORECASE,
)

# "what river separates the two sections", "with whom will the hub join hands", "the conference took place in which
# city": a question typed without its question mark (its wh-word first, after a preposition, or in the last words)
_UNMARKED_QUESTION = re.compile(
    r"^\s*(?:(?:with|to|from|for|by|in|on|at|of|under|after|before|during|since|until|about|into|between)\s+)?"
    r"(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would)\b"
    r".*\w\s*$|\b(?:who|whom|what|which|when|where)\b(?:\s+[\w'’-]+){0,2}\s*$",
    re.IGNORECASE | re.DOTALL,
)


# "How man boroughs …?", "How mcuh …?": "many" or "much" mistyped after "how"
_HOW_MANY_SLIP = re.compile(
    r"^(?P<how>\s*how)\s+(?:(?P<many>man|mnay|amny|mayn|manu|nany)|mcuh|muhc|mich|mucj|nuch)\b", re.IGNORECASE
)

# "Who is Xi Jinping??", "… based ?", "Really?!": the question marks and what follows them at the end
_QUESTION_MARKS = re.compile(r"\s*\?[?!.\s]*$")


def _direct(text: str) -> str:
    """The plain question a query frames or embeds: "According to the article, who is …?" → "who is …?", "So,
    who is …?" and "Quick question: who is …?" → "Who is …?", "I was reading about the zone. How big is …?" → "How
    big is …?", "… please?" → "…?", "Lau Siu-kai - who is he?" → "who is Lau Siu-kai?",
    "Can you tell me who Eric Chan is?" → "Who is Eric Chan?", "What's …" → "What is …", "what river …" →
    "what river …?", "Who is Eric Chan and what is his job?" → "Who is Eric Chan?" (the first of two), "Who is
    Xi Jinping?? " → "Who is Xi Jinping?" (one question mark, at the end)."""
    quoted = _WHOLE_QUOTED.match(text)
    if quoted is not None:
        text = quoted.group("query")
    text = _QUESTION_MARKS.sub("?", _SMILEY_END.sub("", text))
    text = _HOW_MANY_SLIP.sub(lambda m: f"{m.group('how')} {'many' if m.group('many') else 'much'}", text, count=1)
    text = _COURTESY_END.sub("", text, count=1)
    unframed = _FRAMING_END.sub("", _FRAMING.sub("", text, count=1), count=1)
    unframed = _FRAMING_INSIDE.sub("", unframed, count=1)
    before = _BEFORE_QUESTION.match(unframed)
    if before is not None:
        question = unframed[before.end() :]
        if len(question.split()) >= 3 and not _REFERS_BACK.search(question):
            unframed = question
    unframed = _LEAD_IN.sub("", unframed, count=1)
    unframed = _of_the_topic(unframed)
    if not re.search(r"\w", unframed):
        return text  # "According to the article," frames nothing: left as typed
    unframed = _POLITE.sub("", unframed, count=1)
    if unframed != text:
        text = unframed[:1].upper() + unframed[1:]
    text = _CONTRACTED.sub(lambda m: m.group(1) + (" IS" if m.group(1).isupper() else " is"), text)
    text = _left_open(_what_about(text))
    last = _WHO_LAST.match(text)
    if last is not None:
        subject = last.group("subject")
        if fold(subject.split()[0]) in STOPWORDS:  # "The mayor …" no longer starts the question
            subject = subject[:1].lower() + subject[1:]
        text = f"Who {last.group('verb')} {subject}?"
    two = _TWO_QUESTIONS.match(text)
    if two is not None:
        text = two.group("first").strip() + "?"
    embedded = _EMBEDDED.match(text)
    if embedded is None:  # "… bring about what, in Hung's view": a question once its aside is set apart
        unmarked = _UNMARKED_QUESTION.search(text) or _UNMARKED_QUESTION.search(without_aside(text)[0])
        return f"{text.rstrip()}?" if unmarked else text
    wh, rest = embedded.group("wh").strip(), embedded.group("rest").strip()
    thing = None if wh else _ASKED_THING_THEN_SUBJECT.match(rest)
    if thing is not None:  # "which association the institute is devoted to": the asked thing, then the subject
        wh, rest = thing.group("wh"), rest[thing.start("subject") :]
    inverted = _SUBJECT_THEN_VERB.match(rest) if wh else None
    if inverted is not None:
        rest = " ".join(
            part for part in (inverted.group("verb"), inverted.group("subject"), inverted.group("tail")) if part
        )
    asked = f"{wh} {rest}".strip()
    return f"{asked[:1].upper()}{asked[1:]}?"


def _left_open(text: str) -> str:
    """ "The mayor of Shenzhen is?" → "Who is the mayor of Shenzhen?", "The river separating the two sections is?" →
    "What is the river separating the two sections?"."""
    found = _LEFT_OPEN.match(text)
    if found is None:
        return text
    subject = found.group("subject")
    subject = subject[:1].lower() + subject[1:]
    asked = "Who" if names_people(subject) else "What"
    return f"{asked} {found.group('verb').lower()} {subject}?"


def _what_about(text: str) -> str:
    """ "What about Lau Siu-kai?" → "Lau Siu-kai?" (a bare name, which asks what it is), "How about the budget?" →
    "What is the budget?", "What about the mayor of Macau?" → "Who is the mayor of Macau?"; as it is when what
    follows "about" is more than a name or a short phrase with its article ("What about Chopin's music made it
    popular?")."""
    found = _WHAT_ABOUT.match(text)
    if found is None:
        return text
    target = found.group("target")
    if _BARE_NAME.match(target):
        return f"{target}?"
    said = [fold(word) for word in target.split()]
    if said[0] in ("the", "a", "an") and len(said) <= 5 and not _AUXILIARIES & set(said):
        return f"{'Who' if names_people(target) else 'What'} is {target}?"  # "Who is the mayor of Macau?"
    return text


def _of_the_topic(text: str) -> str:
    """A question about a topic put before it, with the topic in the place of its first pronoun: "Lau Siu-kai -
    who is he?" → "who is Lau Siu-kai?", "Sun Yuning: what is his job?" → "what is Sun Yuning's job?"; as it is
    when the question has no pronoun or the topic is no name or noun phrase ("In 1990, what …?")."""
    found = _TOPIC_THEN_QUESTION.match(text)
    if found is None or fold(found.group("topic").split()[0]) in (STOPWORDS | _PREPOSITIONS) - {"the"}:
        return text
    question = found.group("question")
    pronoun = _PRONOUN.search(question)
    if pronoun is None:
        return text
    topic = found.group("topic")
    if topic.split()[0] == "The":
        topic = "the" + topic[3:]
    said = f"{topic}'s" if pronoun.group("owner") else topic
    return question[: pronoun.start()] + said + question[pronoun.end() :]


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
        posts = [i for i, w in enumerate(parts) if {p.strip(".") for p in fold(w).split("-")} & (TITLES | HONORIFICS)]
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


# "the Hetao zone's complete official title", "its full title": its full name (not "official title" alone, which
# may be a post)
_TITLE_IN_FULL = re.compile(
    r"\b(?:full|complete|whole|entire)\s+(?:(?:official|formal|legal)\s+)?title\b", re.IGNORECASE
)
# "What area does the Shenzhen part cover?": how much, as "How much area does … cover?" asks (a measure, not a place)
_AREA_COVERED = re.compile(
    r"^\s*what\s+(?P<measure>area|land|space|expanse)\s+"
    r"(?=(?:does|do|did|will|would)\s+.+\s+(?:cover|occupy|span|encompass|take\s+up)\b)",
    re.IGNORECASE,
)
# "How is Eric Chan's name given in full?", "What is his name in full?": "What is Eric Chan's full name?"
_NAME_IN_FULL = re.compile(
    r"^\s*(?:how|what)\s+(?P<verb>is|was|are|were)\s+(?P<owner>[^?]+?)\s+names?\s+"
    r"(?:(?:given|written|spelt|spelled|stated|printed)\s+)?in\s+full\s*[?.!]?\s*$",
    re.IGNORECASE,
)


# "What is meant by the Greater Bay Area?", "What does the Greater Bay Area refer to?": what a named thing is
# ("What is the Greater Bay Area?"); the name, after its article, is a ``_BARE_NAME``
_MEANT_BY = re.compile(
    r"^\s*what\s+(?:(?P<verb>is|was|are|were)\s+meant\s+by\s+(?P<target>[^?]+?)"
    r"|(?P<aux>does|did|do)\s+(?P<target2>[^?]+?)\s+refer\s+to)\s*[?.!]?\s*$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)

# "What does Sun Yuning do?", "What does Witman Hung do for a living?": in the present, of a name, the post held
# ("What is Sun Yuning's job?"), not a deed ("What did the team of engineers do?" asks what was done)
_DOES_FOR_WORK = re.compile(
    r"^\s*what\s+(?:does|do)\s+(?P<name>[^?]+?)\s+do(?:\s+for\s+(?:a\s+)?(?:living|work|a\s+job))?\s*[?.!]?\s*$",
    re.IGNORECASE,
)
# "What does Hung work as?", "What did Hung previously work as?": the post held, or held before ("What was Hung's
# former job?")
_WORKS_AS = re.compile(
    r"^\s*what\s+(?P<aux>does|do|did)\s+(?P<name>[^?]+?)\s+(?:(?P<before>previously|formerly|once|earlier)\s+)?"
    r"work\s+as\s*[?.!]?\s*$",
    re.IGNORECASE,
)

# "Which post does Sun Yuning hold?", "What position did Hung once hold?": the post held, or held before
_HOLDS_POST = re.compile(
    r"^\s*(?:what|which)\s+(?:post|position|job|office|title)\s+(?P<aux>does|do|did)\s+(?P<name>[^?]+?)\s+"
    r"(?:(?P<before>previously|formerly|once|earlier)\s+)?(?:hold|have|occupy)\s*[?.!]?\s*$",
    re.IGNORECASE,
)


# "What did Eric Chan fly to Beijing for?", "What will Qin travel to Hong Kong for?": a journey's purpose, as "Why did
# Eric Chan fly to Beijing?" asks it (not what is asked for, stood for or used for: "What does Brics stand for?")
_JOURNEY_FOR = re.compile(
    r"^\s*what\s+(?P<rest>(?:did|does|do|will|would|has|have|had)\s+[^?]+?\s+"
    r"(?:fly|flew|flown|travel|travelled|traveled|go|went|gone|come|came|visit|visited|return|returned|head|headed)"
    r"\s+(?:to|from|into|back\s+to)\s+[^?]+?)\s+for\s*[?.!]?\s*$",
    re.IGNORECASE,
)


def _job_asked(text: str, forms: Callable[[str], Counter[str]]) -> str | None:
    """ "What does NAME do?", "What did NAME (previously) work as?" or "Which post does (did) NAME (once) hold?" of
    a name the documents write as one: "What is (was) NAME's (former) job?"; None otherwise."""
    works = _DOES_FOR_WORK.match(text) or _WORKS_AS.match(text) or _HOLDS_POST.match(text)
    if works is None or not _BARE_NAME.match(works.group("name")):
        return None
    name = works.group("name")
    if _name_form(fold(name.split()[0]), forms) is None:
        return None
    named = works.groupdict()  # _DOES_FOR_WORK has no "aux" or "before": the present
    before = named.get("before") is not None
    past = before or (named.get("aux") or "").lower() == "did"
    return f"What {'was' if past else 'is'} {name}'s {'former ' if before else ''}job?"


def _what_is_meant(text: str) -> str | None:
    """ "What is meant by X?" or "What does X refer to?" of a name X: "What is X?"; None otherwise."""
    meant = _MEANT_BY.match(text)
    if meant is None:
        return None
    target = meant.group("target") or meant.group("target2")
    if not _BARE_NAME.match(_ARTICLE.sub("", target, count=1)):
        return None
    past = (meant.group("verb") or meant.group("aux")).lower() in ("was", "were", "did")
    return f"What {'was' if past else 'is'} {target}?"


def as_question(text: str, forms: Callable[[str], Counter[str]]) -> str:
    """What a query that is only a name, or only a post of a named place, or a request, asks:
    "Eric Chan?" → "What is Eric Chan?" (a description of it, as "Who is Eric Chan?" asks), "mayor of
    Shenzhen" → "Who is the mayor of Shenzhen?", "Tell me about the Hetao zone." → "What is the Hetao
    zone?", "Name the five Brics countries." → "Which five Brics countries?", "Name the deputy director." →
    "Who is the deputy director?", "How is Eric Chan's name given in full?" → "What is Eric Chan's full
    name?", "What is meant by the Greater Bay Area?" → "What is the Greater Bay Area?", "What does Sun Yuning do?" →
    "What is Sun Yuning's job?", "What did Hung previously work as?" → "What was Hung's former job?", "Which post does
    Sun Yuning hold?" → "What is Sun Yuning's job?"; any other text
    as it is.
    ``forms`` (as for ``truecase``) says whether the documents write the first word as a name: "Purpose of
    Telnet" is no name."""
    text = _direct(text)
    about = _TELL_ABOUT.match(text)
    if about is not None:  # "Any info on the Shenzhen River's depth?" asks how deep it is
        text = _owners_attribute(about.group("target")) or f"What is {about.group('target')}?"
    meant = _what_is_meant(text)
    if meant is not None:
        return meant
    job = _job_asked(text, forms)
    if job is not None:
        return job
    journey = _JOURNEY_FOR.match(text)
    if journey is not None:  # "What did Eric Chan fly to Beijing for?" asks why he flew there
        return f"Why {journey.group('rest')}?"
    text = _TITLE_IN_FULL.sub("full name", text)
    text = _AREA_COVERED.sub(lambda m: f"How much {m.group('measure').lower()} ", text, count=1)
    in_full = _NAME_IN_FULL.match(text)
    if in_full is not None:
        return f"What {in_full.group('verb')} {in_full.group('owner')} full name?"
    if about is not None:
        return text
    imperative = _IMPERATIVE.match(text)
    if imperative is not None:
        rest = imperative.group("rest")
        if fold(rest.split()[-1]) in TITLES:  # a post's holder: "Name the customs administration's deputy director."
            article = re.search(r"\b(?:the|a|an)\s+$", text[: imperative.start("rest")], re.IGNORECASE)
            return f"Who is {article.group().lower() if article else ''}{rest}?"
        return f"Which {rest}?"
    bare = _BARE_NAME.match(text)
    if bare is not None and _name_form(fold(bare.group("name").split()[0]), forms) is not None:
        return f"What is {bare.group('name')}?"
    post = _POST_OF.match(text)
    said = [fold(w) for w in post.group("post").split()] if post else []
    if post and said[-1] in TITLES and not STOPWORDS & set(said) and _BARE_NAME.match(post.group("name")):
        return f"Who is the {post.group('post')} of {post.group('name')}?"  # not "Who is president of …?"
    keywords = _keywords_asked(text, forms)
    return text if keywords is None else keywords


# A query typed as keywords, with no question word: "Eric Chan position", "Brics members", "age of Eric Chan",
# "Guangzhou mayor", "number of projects Shenzhen will launch". Its first word is no auxiliary and no request (those
# are questions or requests of their own), and it has two to eight words.
_QUESTION_WORD = re.compile(rf"\b{_WH}", re.IGNORECASE)
_AUXILIARIES = AUX | {"be", "been", "may", "might", "must", "shall"}
_NO_KEYWORD_START = _AUXILIARIES | {
    *("name", "list", "tell", "give", "describe", "explain", "identify", "show", "please", "define", "find"),
    *("look", "search"),
}
_KEYWORDS_MAX = 8
# What a thing's attribute asks, the thing put in its place ("Eric Chan age" → "How old is Eric Chan?")
_ATTRIBUTE_ASKED = {
    "age": "How old is {}?",
    "birthplace": "Where was {} born?",
    "founder": "Who founded {}?",
    "founders": "Who founded {}?",
    "location": "Where is {}?",
    "address": "Where is {}?",
    "employer": "Which organisation does {} work for?",
    "members": "Who are the members of {}?",
    "size": "How big is {}?",
    "length": "How long is {}?",
    "height": "How tall is {}?",
    "depth": "How deep is {}?",
    "width": "How wide is {}?",
    "weight": "How heavy is {}?",
    "population": "What is the population of {}?",
    "name": "What is the name of {}?",
    "date": "When is {}?",
    "day": "When is {}?",
    "year": "When is {}?",
    "deadline": "When is the deadline for {}?",
    "budget": "What is the budget of {}?",
    "cost": "How much does {} cost?",
    "salary": "What is the salary of {}?",
}
_JOB_WORDS = {"job", "position", "post", "role", "title", "occupation", "profession"}
_BEFORE_NOW = {"former", "previous", "past", "earlier"}
# people named by how they stand to another: "Shenzhen mayor predecessor" asks for a person, as a post does
_RELATIONS = {"predecessor", "successor", "wife", "husband", "father", "mother", "son", "daughter", "boss"}


def _keywords_asked(text: str, forms: Callable[[str], Counter[str]]) -> str | None:
    """The question a query of keywords stands for, by the attribute it ends with (or opens with, before "of" or
    "for"): "Eric Chan position" → "What is Eric Chan's job?", "Witman Hung former job" → "What was Witman Hung's
    former job?", "Eric Chan age" and "age of Eric Chan" → "How old is Eric Chan?", "Hong Kong side area in acres"
    → "How big is Hong Kong side in acres?" (a length, height, depth, width or weight as its own "how" asks), "Eric
    Chan full name" → "What is Eric Chan's full name?", "Brics members" → "Who are the members of Brics?",
    "quantum-computing centre name" → "What is the name of the quantum-computing centre?" ("the" before a thing that
    is no name), "Science Park branch opening day" → "When is Science Park branch opening?", "Chinese Big Data
    Society founding year" → "When was Chinese Big Data Society founded?", "number of projects" and "projects
    count" → "How many projects?", "Hong Kong side acres" → "How many acres is Hong Kong side?", "Guangzhou mayor" →
    "Who is the Guangzhou mayor?". An owner's attribute asks it of the owner ("Witman Hung's age" → "How old is
    Witman Hung?"), another thing of an owner what it is ("Eric Chan's complete name" → "What is Eric Chan's
    complete name?"), and a plural noun after a name
    which of those things it holds ("Greater Bay Area cities" → "Which cities are in Greater Bay Area?"). None for
    anything else: a question above all (it has a question word, or opens as a question or a request does), and a
    name before another noun ("Witman Hung society", "Hetao zone": the society he chairs, or a name, as typed)."""
    typed = text.strip().rstrip("?.!").strip()
    found = typed.split()
    if not 2 <= len(found) <= _KEYWORDS_MAX or _QUESTION_WORD.search(typed) or fold(found[0]) in _NO_KEYWORD_START:
        return None
    said = [fold(word) for word in found]
    if said[:2] in (["number", "of"], ["count", "of"]) and len(found) > 2:
        return f"How many {' '.join(found[2:])}?"  # "number of projects Shenzhen will launch"
    if _AUXILIARIES & set(said):
        return None  # a sentence, or a question put as one: "Beyonce's grandma's name was?"
    owners = _owners_attribute(typed)
    if owners is not None:
        return owners
    if any(POSSESSIVE_END.search(word) for word in found[:-1]):  # "Eric Chan's complete name", "Eric Chan's boss"
        return f"{'Who' if names_people(found[-1]) else 'What'} is {typed}?"
    if said[-1] in ("count", "number"):
        return f"How many {' '.join(found[:-1])}?"
    size = 2 if is_unit(" ".join(said[-2:])) else 1 if is_unit(said[-1]) else 0  # "square miles", "acres"
    if size and len(found) > size and said[-size - 1] not in ("in", "of") and not is_unit(said[-size - 1]):
        measured = " ".join(found[:-size])  # "Hong Kong side acres", "Shenzhen side square miles"
        return f"How many {' '.join(found[-size:])} is {_with_article(measured, forms)}?"
    unit = ""
    if len(found) > 3 and said[-2] == "in" and said[-3] in ("size", "area") and found[-1].isalpha():
        unit, found, said = f" in {found[-1]}", found[:-2], said[:-2]  # "Hong Kong side area in acres"
    if len(found) > 2 and said[1] in ("of", "for") and said[0] in _ATTRIBUTE_ASKED:
        return _ATTRIBUTE_ASKED[said[0]].format(_with_article(" ".join(found[2:]), forms))  # "age of Eric Chan"
    attribute, thing = said[-1], " ".join(found[:-1])
    if attribute == "area" and not found[-2][:1].isupper():
        attribute = "size"  # "Hong Kong side area", not "the Hetao area"
    if attribute in _JOB_WORDS:
        if said[-2] in _BEFORE_NOW and len(found) > 2:
            return f"What was {' '.join(found[:-2])}'s former job?"
        return f"What is {thing}'s job?"
    if attribute == "name" and said[-2] in ("full", "complete", "whole") and len(found) > 2:
        return f"What is {' '.join(found[:-2])}'s full name?"  # "Eric Chan full name"
    if attribute in ("year", "date") and said[-2] in ("founding", "foundation") and len(found) > 2:
        return f"When was {' '.join(found[:-2])} founded?"
    if attribute in _ATTRIBUTE_ASKED:
        return _ATTRIBUTE_ASKED[attribute].format(_with_article(thing, forms))[:-1] + unit + "?"
    if attribute in TITLES or attribute in _RELATIONS:
        return f"Who is the {' '.join(found)}?"
    if all(word[:1].isupper() for word in found[:-1]) and PLURAL.search(found[-1]):
        return f"Which {found[-1]} are in {thing}?"
    return None


# "Witman Hung's age", "the Shenzhen River's depth": an owner, then one of its attributes
_OWNERS_ATTRIBUTE = re.compile(r"^\s*(?P<owner>(?:the\s+)?[^'’]+?)['’]s?\s+(?P<attribute>[a-z]+)\s*$", re.IGNORECASE)


def _owners_attribute(text: str) -> str | None:
    """What an owner's attribute asks of the owner: "Witman Hung's age" → "How old is Witman Hung?", "the Shenzhen
    River's depth" → "How deep is the Shenzhen River?"; None for another thing of an owner, which "What is …?"
    asks as typed ("Eric Chan's name" → "What is Eric Chan's name?", not "What is the name of Eric Chan?")."""
    found = _OWNERS_ATTRIBUTE.match(text)
    if found is None:
        return None
    attribute = fold(found.group("attribute"))
    if attribute == "name" or attribute not in _ATTRIBUTE_ASKED:
        return None
    return _ATTRIBUTE_ASKED[attribute].format(found.group("owner"))


def _with_article(thing: str, forms: Callable[[str], Counter[str]]) -> str:
    """A thing whose first word is no name (``forms``: how the documents write it) with "the" before it, as a
    question says it: "the quantum-computing centre" (also when typed with the capital a query's first word gets)."""
    first = thing.split()[0]
    folded = fold(first)
    if folded in ("the", "a", "an"):
        return thing
    written = forms(folded)  # read once: each read scans the chunks that hold the word
    if folded not in STOPWORDS and _cased_form(written) is not None:
        return thing  # a name ("Hong Kong side")
    cased = any(form[:1].isupper() for form in written)  # "Science" of "Science Park" keeps its capital
    return f"the {first if cased else first.lower()}{thing[len(first) :]}"
