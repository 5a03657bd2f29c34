"""Word-level text normalization shared by BM25 and the reader (a leaf module)."""

from __future__ import annotations

import re
import string
import unicodedata

# A written number with its thousands separators and decimals ("1,200", "10,521.83"), for patterns to build on.
NUMERAL = r"\d+(?:[,.]\d+)*"
_WORD = re.compile(NUMERAL + r"[^\W_]*|[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# A run of words of a capital and then lower case, to its last such word (not one a hyphen or a possessive's letter
# goes on from, nor one a short form in capitals follows): "Hong Kong Science Park"; what a short form's letters spell
TITLE_CASE_RUN = re.compile(r"(?<![\w'’-])[A-Z][a-z]\w*(?:[ \t]+[A-Z][a-z]\w*)*(?![\w-])(?![ \t]+[A-Z])")
_POSSESSIVE = re.compile(r"['’]s$")
POSSESSIVE_END = re.compile(r"['’]s?$")  # "Beijing’s", "countries’": a word's possessive ending, with or without "s"

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
    ]
)


# Words that multiply the number before them ("three thousand" is 3,000); "a thousand" is one
MAGNITUDES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
# The number words that stand for one number each ("twenty" is 20), and with them those that only count
NUMBER_VALUES = {
    **{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10},
    **{"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17},
    **{"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60},
    **{"seventy": 70, "eighty": 80, "ninety": 90},
    **MAGNITUDES,
}
NUMBER_WORDS = frozenset(NUMBER_VALUES) | frozenset(
    ("dozen", "dozens", "hundreds", "thousands", "millions", "billions")
)
# Verbs of saying: never a title ("…,” said Hung, also former …") nor what an answer says.
SAYING = frozenset(
    {
        *("said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote", "writes", "according"),
        *("adding", "stated", "explained", "noted", "argued", "warned", "insisted"),
    }
)
# The verbs of SAYING that attribute a quotation: "…,” he said', '… said Hung', "Hung, …, said".
ATTRIBUTING = r"(?:" + "|".join(sorted(SAYING - {"say", "asked", "asks", "according"})) + r")"
# What a line that ends as a sentence does ends with; a line that ends otherwise is a headline or a link
SENTENCE_CLOSERS = (".", "!", "?", "”", '"', "’", "'", ")", ":", ";")


def ends_as_a_sentence(line: str) -> bool:
    """Whether ``line`` ends as a sentence does, not as a headline ("Hong Kong, Shenzhen border zone blueprint
    hopes to offer best of both worlds") or a link to another story."""
    return line.rstrip().endswith(SENTENCE_CLOSERS)


WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def fold(text: str) -> str:
    """Case-fold and unify quote characters so "Hong Kong’s" and "Hong Kong's" compare equal."""
    text = unicodedata.normalize("NFKC", text)
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').casefold()


def stem(word: str) -> str:
    """Harman's S-stemmer: strip plural endings only ("cities" → "city", "hectares" → "hectare")."""
    if len(word) > 3 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


# Past forms that no suffix rule undoes ("flew" of "fly"); forms that are also other words ("left", "found",
# "lay", "bound") are left out
_IRREGULAR = {
    **{"flew": "fly", "flown": "fly", "held": "hold", "led": "lead", "built": "build", "made": "make"},
    **{"wrote": "write", "written": "write", "won": "win", "took": "take", "taken": "take", "gave": "give"},
    **{"given": "give", "sent": "send", "brought": "bring", "began": "begin", "begun": "begin", "ran": "run"},
    **{"sold": "sell", "bought": "buy", "paid": "pay", "fought": "fight", "taught": "teach", "told": "tell"},
    **{"kept": "keep", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw", "said": "say"},
    **{"went": "go", "gone": "go", "came": "come", "became": "become", "got": "get", "met": "meet"},
    **{"saw": "see", "seen": "see", "spoke": "speak", "spoken": "speak", "stood": "stand", "grew": "grow"},
    **{"grown": "grow", "knew": "know", "known": "know", "rose": "rise", "risen": "rise", "fell": "fall"},
    **{"fallen": "fall", "lost": "lose", "spent": "spend", "thought": "think", "struck": "strike"},
    **{"broke": "break", "broken": "break", "drove": "drive", "driven": "drive", "ate": "eat", "eaten": "eat"},
    **{"sang": "sing", "sung": "sing", "wore": "wear", "worn": "wear", "heard": "hear", "felt": "feel"},
    **{"meant": "mean", "caught": "catch", "sought": "seek", "threw": "throw", "thrown": "throw"},
    **{"fled": "flee", "fed": "feed", "stole": "steal", "stolen": "steal", "swam": "swim", "tore": "tear"},
    **{"torn": "tear", "woke": "wake", "wept": "weep", "withdrew": "withdraw", "understood": "understand"},
    **{"arose": "arise", "hid": "hide", "hidden": "hide", "shook": "shake", "blew": "blow", "dealt": "deal"},
}


_LETTERS = "abcdefghijklmnopqrstuvwxyz-"


def one_edit(word: str) -> set[str]:
    """Every string one letter added, dropped, changed or swapped with its neighbour away from ``word``."""
    parts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    dropped = {a + b[1:] for a, b in parts if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in parts if len(b) > 1}
    changed = {a + c + b[1:] for a, b in parts if b for c in _LETTERS}
    added = {a + c + b for a, b in parts for c in _LETTERS}
    return (dropped | swapped | changed | added) - {word}


def verb_base(term: str) -> str:
    """The base form of an irregular past form ("flew" → "fly"), else the term itself: "To which city did Chan
    fly?" is about the sentence that says he "flew to Beijing". Regular forms ("proposed") are left alone:
    matched with their bases too, they moved more validation answers to worse sentences than to better ones."""
    return _IRREGULAR.get(term, term)


def words(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their offsets; possessive 's is left out of the span."""
    out = []
    for match in _WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 2:
            word, end = word[: possessive.start()], start + possessive.start()
        out.append((word, start, end))
    return out


def terms(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Index terms: folded, possessive-stripped, plural-stemmed words, stopwords dropped."""
    out = []
    for word, _, _ in words(fold(text)):
        if not keep_stopwords and word in STOPWORDS:
            continue
        out.append(stem(word))
    return out


_PUNCTUATION = set(string.punctuation) | {"‘", "’", "“", "”", "—", "–", "…"}
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize_answer(text: str) -> str:
    """SQuAD's normalization (its evaluate-v1.1 script): lower-case, remove punctuation, articles and
    extra whitespace; curly quotes and apostrophes count as punctuation, so "Kong’s" == "Kong's"."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(ch for ch in text if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


_POSSESSIVE_END = re.compile(r"(?<=\w)['’]s\b")


def answer_key(text: str) -> str:
    """What makes two answers the same answer: ``normalize_answer`` with possessive endings dropped, so that
    "Hong Kong’s No 2 official" and "Hong Kong No 2 official" are one answer standing in two places (SQuAD's
    scoring keeps ``normalize_answer`` as it is)."""
    return normalize_answer(_POSSESSIVE_END.sub("", text))
