"""Posts and their holders: whether a span's person holds the post a question asks about, there or anywhere in
the document.

A post is said before a name ("Shenzhen Mayor Qin Weizhong") or in an appositive after it ("Sun Yuning, deputy
director of the General Administration of Customs"), with the place or body it is of. The checks here reject the
holder of the asked post somewhere else ("Qin Weizhong" for "Who is the mayor of Hong Kong?"), of a lesser, former
or greater post, of another post than a narrow one asked for, a body for its post holder, and the like; the
shaping steps keep, of a longer span, the holder of the asked post or the post before an asked place. All of them
are checks of ``qa.read.shape`` (``MISFIT_CHECKS``) or steps of its shaping, which reads whole documents.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.read.names import (
    AGENT_SUFFIX,
    ANY_BODY,
    BODY_HEADS,
    EDGE,
    NAME_JUST_AFTER,
    NAME_RUN,
    NAME_WORD,
    STANDS_FOR_PERSON,
    any_word_of,
    mentions,
    name_begins,
    name_run_end,
    names_any,
    names_in,
    names_people,
    phrase_heads,
    sentence_around,
    sentence_before,
    sentence_bounds,
    strip_edges,
)
from qa.read.question import (
    HONORIFICS,
    LESSER,
    NAME_ASKED,
    OWNER_ASKED,
    POST_STEMS,
    ROLE_NOUNS,
    TITLE_WORDS,
    TITLES,
    Kind,
    Question,
    Wants,
    post_words,
)
from qa.text import STOPWORDS, fold, stem, terms, words

# "What is Lau Siu-kai's job at the think tank?", "What was Beyoncé's role in Destiny's Child?", "What was the title
# of Sun Yuning at the customs agency?": where the post is held (not "the title of Notre Dame's Theodore Hesburgh")
_POST_PLACE = re.compile(
    r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r")(?:\s+of\s+(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*))?"
    r"\s+(?:at|in|with|within|for)\s+(?P<place>[^?]+?)\s*\??\s*$",
    re.IGNORECASE,
)


_POST_LINK = re.compile(r"\s+(?:at|of|in|with|for)\s+", re.IGNORECASE)
_PHRASE_END = re.compile(r"[,;:.!?()“”\"]|\s[–—-]\s|\n")


def post_before_asked_place(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """A post ends before the place the question says it is held at: "a consultant" of "a consultant at Beijing’s
    semi-official think tank the Chinese Association …" for "What is Lau Siu-kai's job at the think tank?",
    "deputy director" of "deputy director of the General Administration of Customs" for "What was the title of Sun
    Yuning at the customs agency?" (the training pool's "What was Beyoncé's role in Destiny's Child?": "lead
    singer"). Cut at the first "at/of/in/with/for" that leads to the place (a word of it before the next such word
    that a lowercase word follows: "officer for Hong Kong| at the Shenzhen Qianhai Authority")."""
    if q.kind is not Kind.DESCRIBE or q.head not in ROLE_NOUNS:
        return start, end
    place = _POST_PLACE.search(q.core)
    if place is None:
        return start, end
    named = {stem(fold(w)) for w, _, _ in words(place.group("place")) if fold(w) not in STOPWORDS}
    stop = _PHRASE_END.search(text, end)
    links = list(_POST_LINK.finditer(text, start, stop.start() if stop else len(text)))
    for i, link in enumerate(links):
        if not start < link.start() < end:
            continue
        # what the link leads to, up to the next link that a lowercase word follows ("of Customs" goes on a name)
        after = next((other.start() for other in links[i + 1 :] if text[other.end() : other.end() + 1].islower()), None)
        led_to = text[link.end() : after if after is not None else (stop.start() if stop else len(text))]
        if named & {stem(fold(w)) for w, _, _ in words(led_to)}:
            return strip_edges(text, start, link.start())
    return start, end


def body_of_asked_persons_post(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """For a question for the body that a person it names belongs to ("Which group does Sun Yuning belong to?"), a
    span that holds that person's post in an appositive keeps the body the post is of: "Qin and Sun Yuning, deputy
    director of |the General Administration of Customs|"."""
    if q.kind is not Kind.ENTITY or q.head not in _BODY_ASKED or not q.proper:
        return start, end
    for m in _POST_AFTER.finditer(text, start, end):
        before = names_in(text, start, m.start())  # the name the appositive is of: "Sun Yuning" of "Qin and Sun …"
        named = set(terms(before[-1])) if before else set()
        if m.end("of") <= end and fold(m.group("post")) in TITLES and set(q.proper) <= named:
            body = text.rfind("the ", m.end("post"), m.start("of"))
            return (body if body >= 0 else m.start("of")), m.end("of")
    return start, end


# what a body may be asked as: "Which agency …?", and the words that many kinds answer ("Which group …?")
_BODY_ASKED = BODY_HEADS | ANY_BODY


# "Sun Yuning, deputy director of the General Administration of Customs": the post's last word, and the names
# a post in an appositive and the whole name of what it is of: ", deputy director of the General Administration of
# Customs"
_POST_AFTER = re.compile(
    r",\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?P<post>[\w-]+)\s+of\s+(?:the\s+)?"
    r"(?P<of>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)*)"
)


# a who-question's verb for speaking to someone: "To whom did John Lee speak?", "Who did Lau talk to?"
_SPOKEN_TO = re.compile(
    r"\b(?:speak|speaks|spoke|spoken|talk(?:s|ed)?|told|tell|tells|address(?:es|ed)?|interview(?:s|ed)?|meet|meets|met)"
    r"\b(?!\s+(?:for|on\s+behalf)\b)",
    re.IGNORECASE,
)


def place_of_post(q: Question, text: str, start: int, end: int) -> bool:
    """A place or body in the post before the name of the person a question asks about says where that person
    holds the post, not where the question asks: "Hong Kong" of "|Hong Kong|’s No 2 official Eric Chan
    Kwok-ki, who flew to Beijing" for "Which city did Eric Chan travel to …?", nor whom the person spoke to: "Hong
    Kong" of "Hong Kong leader John Lee says …" for "To whom did John Lee speak?". Not when the question names a
    post ("Where is Eric Chan an official?"); a who-question only with a verb for speaking to someone and of a span
    of names, for a who-question may well ask what the post is of ("Who does the quarterback Peyton Manning play
    for?" of "Denver Broncos quarterback Peyton Manning"; session 59's first version, any who-question without a
    verb for holding a post, refused one right answer of the held-out v1.1 articles). No gold or plausible answer
    of the training pool is so placed."""
    if q.kind not in (Kind.PLACE, Kind.PERSON) or not q.proper or q.posts or OWNER_ASKED.search(q.core):
        return False
    if q.kind is Kind.PERSON and (
        not _SPOKEN_TO.search(q.core) or not all(word[:1].isupper() for word in text[start:end].split())
    ):
        return False
    post = _POST_THEN_NAME.match(text, end)
    return post is not None and stem(fold(post.group("name"))) in q.proper


# A post (up to four words, the last a title) and a name after a span: "’s No 2 official Eric"
_POST_THEN_NAME = re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,4}}?(?i:{TITLE_WORDS})\s+(?P<name>[A-Z][\w'’-]*)")


def body_for_post(q: Question, span: str) -> bool:
    """A body's name for a question that asks who holds a post: a post is held by a person, so "General
    Administration" (of "Sun Yuning, deputy director of the General Administration of Customs") cannot
    answer "Who serves as customs deputy director?"; when the question's own head is the post ("Which deputy
    director spoke?"), nor can "General Administration of Customs", whose head stands before its "of" (a
    question that only mentions a post may be answered by a body: "Who found … a culture of Commissioners
    …?" by "a Committee of Independent Experts"). A question for what a named holder's post is of ("Whose executive
    chairman is Witman Hung?") asks for a body."""
    if q.kind is not Kind.PERSON or not q.posts or post_owner_asked(q):
        return False
    heads = phrase_heads(span, before_of=q.head in POST_STEMS)
    return any(head[:1].isupper() and stem(fold(head)) in BODY_HEADS for head in heads)


def title_of_the_next_name(q: Question, text: str, start: int, end: int) -> bool:
    """A span of nothing but words for a post, just before a name ("Mayor" of "Mayor Qin Weizhong"), is the
    title of the person named there: it answers only a question about a post ("What is Qin's title?"). None
    of the training pool's gold answers stands so."""
    if q.kind is Kind.DESCRIBE or q.head in ROLE_NOUNS:
        return False
    found = re.findall(r"[\w'’-]+", text[start:end])
    return bool(found) and all(fold(w) in TITLES for w in found) and NAME_JUST_AFTER.match(text, end) is not None


# "What did the mayor say …?": a post the question names with "the" before it, as a person it speaks of
_THE_POST = re.compile(r"\bthe\s+(?P<post>[\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE)


# A post as the subject after a helper, the words before it and the word after it: "did the Hong Kong No 2 official
# say", "does the customs official consult", "did the Guangzhou mayor say" (the post is the last word for one:
# "the deputy director")
_POST_SUBJECT = re.compile(
    r"\b(?:do|does|did|will|would|can|could|should|shall|might|may|must|has|have|had)\s+the\s+"
    rf"(?P<words>(?:[\w'’-]+\s+){{0,4}}?)(?P<post>{TITLE_WORDS})\b(?!\s+(?:{TITLE_WORDS})\b)"
    r"(?:\s+(?P<next>[\w'’-]+))?",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def post_subject(question: str) -> re.Match[str] | None:
    """Where a question's subject is a post, after a helper: its groups ``words`` ("Hong Kong No 2 "), ``post``
    ("official") and ``next`` ("say") of "Who did the Hong Kong No 2 official say …?"; None for another subject."""
    return _POST_SUBJECT.search(question)


def asked_holder_again(q: Question, text: str, start: int, end: int) -> bool:
    """A span that is, or ends in, the person whom the question calls by a post ("the mayor") when it asks for
    something else: "Qin Weizhong" ("Shenzhen Mayor Qin Weizhong" in the document), or "… on the same day, Mayor Qin
    Weizhong", for "What did the mayor say Shenzhen authorities would launch?", as ``_asked_person_again`` rules out
    a person the question names. A question for the post's holder ("Who is the mayor?", "Which mayor …?") is a who-
    or which-question for a person: not ruled. A who-question whose subject is the post ("Who did the Hong Kong No 2
    official say the financial hub would join hands with?") asks for someone else than its holder ("Eric Chan"), and
    so does any question whose aside gives the words to the post ("Who did the Shenzhen mayor say would launch
    projects?": "Who would launch projects?", said by the mayor)."""
    if q.kind is Kind.DESCRIBE or NAME_ASKED.search(q.core):
        return False
    called = set(q.said_by) & POST_STEMS
    if q.kind is Kind.PERSON:
        subject = post_subject(q.core)
        if subject and re.fullmatch(r"\s*whom?\s+", q.core[: subject.start()], re.IGNORECASE):
            called |= {stem(fold(subject.group("post")))} & q.posts
    else:
        called |= {stem(fold(w)) for m in _THE_POST.finditer(q.core) for w in m.group("post").split()} & q.posts
    said = text[start:end].split()
    if not called or not said or not said[-1][:1].isupper():
        return False
    names = names_in(text, start, end)  # "Qin Weizhong" of "…, Mayor Qin Weizhong" (not "Shenzhen| Mayor Qin …")
    return bool(names) and any(stem(fold(post)) in called for post, _ in held_posts(text, names[-1]))


_STANDS_FOR_PERSON = any_word_of(STANDS_FOR_PERSON | {"i"})  # and a quote's speaker ("I")


_ANY_TITLE = re.compile(rf"\b(?:{TITLE_WORDS})\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _post_holders(text: str) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """Each person the document gives a post, with the stems of the post's words and of its place or body's:
    ("Sun Yuning", {"deputi", "director"}, {"general", "administr", "custom"}). Once per document, and only the names
    of sentences that say a word for a post are looked up (``held_posts`` reads the whole document for each)."""
    said: dict[str, None] = {}
    for m in _ANY_TITLE.finditer(text):
        said.update(dict.fromkeys(names_in(text, *sentence_bounds(text, m.start(), m.end()))))
    found = []
    for name in said:
        for post, of in held_posts(text, name, modifiers=True):
            found.append((name, frozenset(stem(fold(w)) for w in post.split()), frozenset(terms(of))))
    return tuple(found)


def holders_of_subject(q: Question, text: str) -> tuple[str, ...]:
    """The people the document gives the post that the question's subject is ("the mayor", "the customs official",
    "the Hong Kong No 2 official"): the same post, or any post for a word any holder may be called ("official"),
    of a place or body that holds every other word the question says before it. None when the subject is no post."""
    m = post_subject(q.core)
    if m is None or not m.group("next") or m.group("next").casefold() == "of":
        return ()  # "the mayor of Shenzhen": what the post is of is for other checks
    post = stem(fold(m.group("post")))
    said = {t for t in terms(m.group("words")) if not t.isdigit()} - POST_STEMS  # "No 2" is of the post
    return tuple(
        dict.fromkeys(
            name
            for name, posts, of in _post_holders(text)
            if (post in posts or post in _BROAD_POSTS) and said <= of | set(terms(name))
        )
    )


def subject_holder_unsaid(q: Question, text: str, start: int, end: int) -> bool:
    """A question whose subject is a post that the document gives one person or a few ("Which think tank does the
    customs official consult for?": Sun Yuning), where neither the span's sentence nor the one before names any of
    them, says the post or has a word that may stand for a person ("he", "they"): not "the Chinese Association of
    Hong Kong and Macau Studies" of "Professor Lau Siu-kai, a consultant at …". As ``subject_elsewhere`` of
    ``qa.read.premise`` for a subject the question names."""
    holders = holders_of_subject(q, text)
    if not holders:
        return False
    lower, upper = sentence_bounds(text, start, end)
    near = f"{sentence_before(text, lower)} {text[lower:upper]}"
    if _STANDS_FOR_PERSON.search(near) or {stem(fold(w)) for w, _, _ in words(near)} & q.posts:
        return False
    named = set(terms(near))
    return not any(set(terms(name)) & named for name in holders)


# "… the Big Data Society treasurer …": a body's name and a post after it
_BODY_THEN_POST = re.compile(
    rf"\bthe\s+(?P<body>(?:[A-Z][\w'’-]*\s+)+)(?P<post>(?i:{TITLE_WORDS}))\b(?!\s+(?i:{TITLE_WORDS})\b)"
)


def post_of_body_unsaid(q: Question, text: str, start: int, end: int) -> bool:
    """A question that calls its subject by a post of a body the document names, where the document gives that body
    another post ("Chinese Big Data Society executive chairman Witman Hung") and says the asked one nowhere: "Which
    publication did the Big Data Society treasurer speak to?" has no answer there, "the Post" of the chairman's
    sentence included. Any span of such a document is rejected; the document is read once per question."""
    return _post_of_body_unsaid(q, text)


@lru_cache(maxsize=64)
def _post_of_body_unsaid(q: Question, text: str) -> bool:
    for m in _BODY_THEN_POST.finditer(q.core):
        if re.search(rf"\b{m.group('post')}", text, re.IGNORECASE):
            continue  # the post is said somewhere: who holds it is for other checks
        body = re.escape(m.group("body").strip())
        if re.search(rf"{body}(?:['’]s)?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:{TITLE_WORDS})\b", text):
            return True
    return False


def a_person(text: str, start: int, end: int) -> bool:
    """The span ends in a name that the document gives a post somewhere ("Qin Weizhong": "Mayor Qin Weizhong"), or
    is one word of such a name, said alone or after a form of address ("Qin" of "Qin and Sun Yuning, deputy
    director …", "Mr Qin")."""
    span = text[start:end].rstrip(EDGE + ".")
    names = names_in(text, start, end)
    if not names:
        return False
    address, _, word = names[-1].partition(" ")
    lone = word if fold(address).rstrip(".") in HONORIFICS and " " not in word else names[-1]  # "Mr Qin": "Qin"
    last = _LAST_NAME_WORD.search(span)
    if last is not None and lone == last.group():  # a name of one word: "Qin", "Tuesday, Qin", "Mr Qin"
        return any(lone in holder.split() for holder, _, _ in _post_holders(text) if " " in holder)
    name = next(reversed(list(NAME_RUN.finditer(span))), None)  # the name the span ends in, "of" and all
    person = name is not None and name.end() == len(span) and " of " not in name.group()
    return person and holds_post(text, names[-1])


_LAST_NAME_WORD = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*$")


@lru_cache(maxsize=64)
def holds_post(text: str, name: str) -> bool:
    """Somewhere in ``text`` the name has a post before it ("Mayor Qin Weizhong") or after it ("Sun Yuning,
    deputy director of …"): it names a person. Once per document and name: ``text`` is a whole document,
    read for every candidate that ends in the name."""
    return any(_post_before(text, m.start()) or _post_after(text, m.end()) for m in mentions(text, name))


def _post_after(text: str, end: int) -> bool:
    """A post in an appositive right after ``end`` ("…, deputy director of …"; not "…, one of Apple's rivals")."""
    after = _POST_AFTER.match(text, end)
    return after is not None and any(w in TITLES for w in post_words(after.group("post")))


def lesser_post(q: Question, text: str, start: int, end: int) -> bool:
    """The span's person holds a post below the asked one, or held it before: "Who heads the General
    Administration of Customs?" (or "Who is its director?") against "Sun Yuning, deputy director of the
    General Administration of Customs" or "Vice-President Sun Yuning"; "Who is the mayor …?" against "former
    mayor …". A question that names the lesser post itself ("Who is the deputy director …?") is answered
    by it, and one in the past ("Who was a professor …?") by a former holder."""
    if not q.lesser:
        return False
    for phrase in _post_phrases(text, start, end):
        said = post_words(phrase)
        for i, word in enumerate(said):
            held = Wants.HEAD in q.wants or stem(word) in q.posts  # the asked post, or any for "Who heads …?"
            if word in TITLES and held and any(w in q.lesser for w in said[:i]):
                return True
    return False


def _post_phrases(text: str, start: int, end: int) -> list[str]:
    """Where a post of the span's person stands: the appositive after it ("…, deputy director of …") and the last
    three words before it ("Deputy Director |Sun Yuning")."""
    after = _POST_AFTER.match(text, end)
    phrases = [text[end : after.end("post")]] if after else []
    phrases.append(" ".join(text[max(0, start - 40) : start].split()[-3:]))
    return phrases


def greater_post(q: Question, text: str, start: int, end: int) -> bool:
    """The converse of ``lesser_post``: the question asks for a lesser post ("Who is the deputy mayor of
    Shenzhen?") and the span's person holds the post itself ("Shenzhen Mayor |Qin Weizhong|", "Mayor Qin
    Weizhong"), with no lesser word before it."""
    if q.kind is not Kind.PERSON or not q.posts & LESSER:
        return False
    titles = q.posts - LESSER
    for phrase in (*_post_phrases(text, start, end), text[start:end]):  # and the span: "Mayor Qin Weizhong"
        said = post_words(phrase)
        for i, word in enumerate(said):
            if word in TITLES and stem(word) in titles and not LESSER & set(said[:i]):
                return True
    return False


def holder_of_asked_post(q: Question, text: str, start: int, end: int) -> int:
    """Of names joined by "and", the one the asked post is said of: "Qin and Sun Yuning, deputy director of
    the General Administration of Customs" → "Sun Yuning" for "Who is the deputy director of …?", or whose
    post's body the question names ("Which official from the customs administration promised …?")."""
    if q.kind is not Kind.PERSON:
        return start
    joined = list(re.finditer(r"\s(?:and|&)\s", text[start:end]))
    after = _POST_AFTER.match(text, end)
    if not joined or not after:
        return start
    appositive = _APPOSITIVE.match(text, end)  # ", deputy director of the General Administration of Customs"
    said = set(terms(appositive.group())) if appositive else set()
    if stem(fold(after.group("post"))) in q.posts or said & (set(q.terms) - q.posts):
        return start + joined[-1].end()
    return start


_APPOSITIVE = re.compile(r",[^,.;:!?]+")


def not_the_post_holder(q: Question, text: str, start: int, end: int) -> bool:
    """The first of names joined by "and" when the asked post is said of the last one: "Qin" of "Qin and Sun
    Yuning, deputy director of the General Administration of Customs" for "Which customs official …?"."""
    if q.kind is not Kind.PERSON:
        return False
    joined = _JOINED_NAME.match(text, end)
    return joined is not None and holder_of_asked_post(q, text, start, joined.end()) != start


# "and" and a name after a span: " and Sun Yuning"
_JOINED_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def before_asked_post(q: Question, text: str, start: int, end: int) -> int:
    """A "who" answer that asks for a post's holder ends with the names, before the appositive that says the
    post, or any post (``_post_after``: "Which customs official …?" of "…, deputy director of …"): "Qin and Sun
    Yuning|, deputy director of the General Administration" for "Who serves as customs deputy director?"
    (``holder_of_asked_post`` then picks the name the post is said of)."""
    if q.kind is not Kind.PERSON or not q.posts:
        return end
    named = _NAMES_THEN_APPOSITIVE.match(text, start, end)
    if named is None or not (set(terms(named.group("appositive"))) & q.posts or _post_after(text, named.end("names"))):
        return end
    return named.end("names")


# Names (joined by "and") and an appositive after a comma: "Qin and Sun Yuning, deputy director of …"
_NAMES_THEN_APPOSITIVE = re.compile(
    r"(?P<names>[A-Z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’-]*)*),\s+(?P<appositive>[^,;]+)"
)


def post_elsewhere(q: Question, text: str, start: int, end: int) -> bool:
    """The span names the holder of the post a "who" question asks about, but of another place or body.

    "Who is the mayor of Hong Kong?" against "Shenzhen Mayor Qin Weizhong" (or "Qin Weizhong, mayor of
    Shenzhen"): the text ties the same post word to other names than the question's, and the span's
    sentence never names the question's ("Hong Kong"). Such a span answers another question. "Who heads
    the General Administration of Customs?" asks for any post of it, so "Qin" (Shenzhen's mayor) is none; the
    Customs of the sentence "Qin and Sun Yuning, deputy director of the General Administration of Customs"
    are Sun Yuning's, and tie Qin to nothing. Where the sentence says neither the asked place or body nor the
    asked post, any post of another body rules the person out ("Qin" for "Who is the director of the General
    Administration of Customs?"). A span of several names is checked name by name.
    """
    if q.kind is not Kind.PERSON:
        return False
    # "Who heads the General Administration of Customs?" asks for whoever holds its top post, whatever its word
    asked_posts = q.posts or (POST_STEMS if Wants.HEAD in q.wants else frozenset())
    asked_names = set(q.proper) - asked_posts
    if not asked_posts or not asked_names:
        return False
    lower, upper = sentence_bounds(text, start, end)
    for name in names_in(text, start, end):
        own = _without_others_posts(text[lower:upper], name, start - lower)
        if names_any(asked_names, own):
            continue  # the sentence may tie the person to the asked place or body
        # where the sentence does not say the asked post either, a post of another body rules the person out
        # ("Qin", Shenzhen's mayor, for "Who is the director of the General Administration of Customs?"); a
        # person may hold several posts, so not where it does ("its President (… Prime Minister Donald Tusk)")
        posts = asked_posts if asked_posts & {stem(w) for w in post_words(own)} else POST_STEMS
        # "Mayor Qin Weizhong said" here, "Shenzhen Mayor Qin Weizhong" above
        tied = [names for post, names in held_posts(text, name) if names and stem(fold(post)) in posts]
        if tied and not any(names_any(asked_names, names) for names in tied):
            return True
    return False


@lru_cache(maxsize=1024)
def post_holder_for_owner(q: Question, text: str, start: int, end: int) -> bool:
    """For the place whose post the question names ("Which city's mayor spoke …?"), the post's holder: a name
    that the document gives a post ("Qin Weizhong")."""
    if q.kind is not Kind.PLACE or not q.posts or not OWNER_ASKED.search(q.core):
        return False
    run_end = name_run_end(text, end)  # "Qin" is "Qin Weizhong"; "Shenzhen" of "Shenzhen Mayor Qin …" is a place
    after = {fold(word) for word in text[end:run_end].split()}
    return a_person(text, name_begins(text, start), end if after & TITLES else run_end)


# what may stand between a holder's name and a post: "the", "a", words in lower case ("executive"), a rank ("No 2")
_BEFORE_POST = r"(?:the\s+|an?\s+)?(?:(?-i:[a-z][\w-]*|No\.?|Number|\d+)\s+){0,3}?"
# "What is Qin Weizhong mayor of?", "Witman Hung is chairman of what?", "Of which city is Qin the mayor?", "Whose
# deputy director is Sun Yuning?": what the post of a named holder is of (a word or three may stand before the post:
# "the No 2 official", "executive chairman")
_POST_OWNER_ASKED = re.compile(
    rf"^\s*(?:what|which)(?:\s+[\w-]+)?\s+(?:is|was|are|were)\s+(?P<who>.+?)\s+{_BEFORE_POST}"
    rf"(?P<post>{TITLE_WORDS})\s+of\s*\??\s*$"
    rf"|^\s*(?P<who2>.+?)\s+(?:is|was|are|were)\s+{_BEFORE_POST}(?P<post2>{TITLE_WORDS})\s+of\s+(?:what|which)\b"
    rf"|^\s*of\s+(?:what|which)(?:\s+[\w-]+)?\s+(?:is|was|are|were)\s+(?P<who3>.+?)\s+{_BEFORE_POST}"
    rf"(?P<post3>{TITLE_WORDS})\s*\??\s*$"
    rf"|^\s*whose\s+{_BEFORE_POST}(?P<post4>{TITLE_WORDS})\s+(?:is|was|are|were)\s+(?P<who4>.+?)\s*\??\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def post_owner_asked(q: Question) -> tuple[str, str] | None:
    """The holder's name and the post of a question that asks what the post is of: ("Qin Weizhong", "mayor") of
    "What is Qin Weizhong mayor of?" or "Qin Weizhong is the mayor of which city?"; None for any other."""
    m = _POST_OWNER_ASKED.match(q.core)
    if m is None:
        return None
    who = m.group("who") or m.group("who2") or m.group("who3") or m.group("who4")
    post = m.group("post") or m.group("post2") or m.group("post3") or m.group("post4")
    return (who, post) if NAME_WORD.match(who) else None


def owner_of_post_elsewhere(q: Question, text: str, start: int, end: int) -> bool:
    """For what a named holder's post is of ("What is Qin Weizhong mayor of?"), a span that is not the place or
    body the document puts before that post ("Shenzhen" of "Shenzhen Mayor Qin Weizhong", "Chinese Big Data
    Society" of "Chinese Big Data Society executive chairman Witman Hung") nor after it ("the General
    Administration of Customs" of "Sun Yuning, deputy director of …"): "a number of ministries" of "…, Mayor Qin
    Weizhong said at a press conference held in Beijing by a number of ministries" answers another question. Only
    where the document gives the post an owner; a span of its words passes ("Big Data Society"). Where the document
    gives the holder other posts only, a span whose sentence does not say the asked one is none either ("What company
    is Sun Yuning chief executive of?"), nor one that is what another person's post of that name is of: "General
    Administration of Customs" of "Qin and Sun Yuning, deputy director of …" for "Whose deputy director is Qin
    Weizhong?" (Qin is the mayor), nor that person ("Sun Yuning")."""
    asked = post_owner_asked(q)
    if asked is None:
        return False
    held_other, owners = _owners_of_post(text, *asked)
    said = set(terms(text[start:end]))
    if held_other:
        lower, upper = sentence_bounds(text, start, end)
        post = stem(fold(asked[1]))
        if post not in {stem(fold(word)) for word, _, _ in words(text[lower:upper])}:
            return True
        others = [
            (name, of)
            for name in names_in(text, lower, upper)
            for other, of in held_posts(text, name, modifiers=True)
            if stem(fold(other)) == post
        ]  # ("Sun Yuning", "General Administration of Customs")
        return bool(said) and any(said <= set(terms(of)) or said <= set(terms(name)) for name, of in others)
    return bool(owners) and (not said or not any(said <= owner for owner in owners))


def owner_before_post(q: Question, text: str, start: int, end: int) -> int:
    """For what a named holder's post is of ("Whose executive chairman is Witman Hung?"), a span that runs on from
    the owner into the post and the holder's name ends with the owner: "Chinese Big Data Society| executive chairman
    Witman Hung Wai-man"."""
    asked = post_owner_asked(q)
    if asked is None:
        return end
    who, post = asked
    found = re.search(
        rf"\s+(?:(?-i:[a-z])[\w-]*\s+){{0,3}}?{re.escape(post)}\s+{re.escape(who.split()[0])}(?![\w'’-])",
        text[start:end],
        re.IGNORECASE,
    )
    return start + found.start() if found and found.start() > 0 else end


@lru_cache(maxsize=64)
def _owners_of_post(text: str, who: str, post: str) -> tuple[bool, tuple[frozenset[str], ...]]:
    """Whether the document gives ``who`` posts, none of them ``post``; and the terms of each place or body it puts
    that post of ("General Administration of Customs")."""
    held = held_posts(text, who, modifiers=True)
    asked = stem(fold(post))
    if held and all(stem(fold(other)) != asked for other, _ in held):
        return True, ()
    return False, tuple({frozenset(terms(owner)) for other, owner in held if owner and stem(fold(other)) == asked})


# Posts that many others are kinds of: "Which official …?" may be answered by a mayor
_BROAD_POSTS = frozenset(stem(word) for word in ("official", "leader", "executive", "chief", "officer", "deputy"))


def holds_another_post(q: Question, text: str, start: int, end: int) -> bool:
    """For "Which mayor …?" (the post is the asked kind), a person to whom the document gives posts, none of
    them the asked one: "Eric Chan" of "Hong Kong No 2 official Eric Chan". A broad asked post ("Which
    official …?") is held by a mayor too. (In the training pool, 23 questions ask "which" of a narrow post; the
    7 gold answers whose posts the paragraph says hold the asked one.)"""
    if not narrow_post_asked(q):
        return False
    for name in names_in(text, start, end):
        held = {stem(fold(post)) for post, _ in held_posts(text, name)}
        if held and not held & q.posts:
            return True
    return False


def narrow_post_asked(q: Question) -> bool:
    """ "Which mayor …?": a who-question whose asked kind is a post, not a broad one ("Which official …?")."""
    return q.kind is Kind.PERSON and q.head in q.posts and not q.posts <= _BROAD_POSTS


# "Who chaired the press conference?": who ran a meeting, which a sentence says as such (that it was held is no
# word of who chaired it)
_ASKS_CHAIR = re.compile(r"^\s*who\s+(?:chaired|chairs|chair|presided|presides|moderated|moderates)\b", re.IGNORECASE)
_CHAIRING = re.compile(
    r"\b(?:chair\w*|presid\w*|host\w*|led|leads?|leading|moderat\w*|ran|runs?|convened)\b",
    re.IGNORECASE,
)


def chair_unsaid(q: Question, text: str, start: int, end: int) -> bool:
    """For "Who chaired X?", a span whose sentence says nothing of chairing, hosting or leading anything: "Eric
    Chan" of "Hong Kong No 2 official Eric Chan attends a press conference" attended it, and "Qin Weizhong" of "…,
    Mayor Qin Weizhong said at a press conference held in Beijing by a number of ministries" spoke at one that
    others held. (The training pool asks no such question.)"""
    if not _ASKS_CHAIR.match(q.core):
        return False
    lower, upper = sentence_bounds(text, start, end)
    return _CHAIRING.search(text, lower, upper) is None


def post_unsaid(q: Question, text: str, start: int, end: int) -> bool:
    """For "Who is the president of the United States?" (a post asked, not a broad one), a span that is no person's
    name (it opens with an article), whose sentence never says the asked post, and whom the document never
    gives it: "the West" of "… a technological war against China by the United States and the West" is no
    president. ``eval/scripts/gold_answer_checks.py`` counts the training pool's gold answers it rejects."""
    if q.kind is not Kind.PERSON or q.posts <= _BROAD_POSTS:
        return False
    asked = q.posts - LESSER or q.posts
    said = {stem(word) for word in post_words(sentence_around(text, start, end))}
    if asked & said:
        return False  # the sentence says the asked post's title ("mayor" of "deputy mayor")
    roots = {_AGENT_SUFFIX_END.sub("", post) for post in asked}
    if any(word.startswith(root) for word in said for root in roots if len(root) >= 5):
        return False  # or the deed of it: "advised" or "advisor" for an adviser, "consulted" for a consultant
    held = [post for name in names_in(text, start, end) for post, _ in held_posts(text, name)]
    if not re.match(r"(?:the|a|an)\s", text[start:end]) and not held:
        return False  # a name may hold a post the document does not say ("Which president …?" of "Barack Obama")
    return not any(_the_asked_post(q, post) for post in held)


# the ending of an agent's noun, after the root of its deed: "advis|er", "advis|or", "consult|ant", "direct|or"
_AGENT_SUFFIX_END = re.compile(rf"{AGENT_SUFFIX}$")


def _the_asked_post(q: Question, post: str) -> bool:
    """Whether a post held ("Mayor", "deputy director") is the asked one: it holds the asked post's title, and a
    lesser word when the question asks for a lesser post ("Who is the deputy mayor …?" is not the "Mayor")."""
    said = {stem(fold(word)) for word in post_words(post)}
    return bool(said & (q.posts - LESSER or q.posts)) and (not q.posts & LESSER or bool(said & LESSER))


# "Who founded …?", "Who set up …?": a question about who made a body, and the words that say so in a sentence
_ASKS_FOUNDER = re.compile(
    r"^\s*who\s+(?:first\s+|originally\s+)?(?:found(?:ed)?|co-?founded|established|set\s+up|started|created|formed)\b",
    re.IGNORECASE,
)


_FOUNDING = re.compile(
    r"\b(?:found(?:ed|er|ers|ing)?|co-?found\w*|establish\w*|set\s+up|start\w*|creat\w*|form(?:ed|ing)?|built"
    r"|launch\w*|birth)\b",
    re.IGNORECASE,
)


def holder_for_founder(q: Question, text: str, start: int, end: int) -> bool:
    """For "Who founded the Chinese Big Data Society?", a person the document gives only a post ("Chinese Big
    Data Society executive chairman Witman Hung") in a sentence that says nothing of founding or setting up: a
    chairman need not be the founder. (None of the training pool's 16 such gold answers has a post there.)"""
    if not asks_founder(q) or _FOUNDING.search(sentence_around(text, start, end)):
        return False
    return any(held_posts(text, name) for name in names_in(text, start, end))


def asks_founder(q: Question) -> bool:
    """ "Who founded …?", "Who set up …?", "Who established …?"."""
    return q.kind is Kind.PERSON and _ASKS_FOUNDER.match(q.core) is not None


def holds_the_owning_post(q: Question, text: str, start: int, end: int) -> bool:
    """For a who-question (or one for a name) about someone a post holder has ("the Shenzhen mayor's deputy",
    "the president's wife"), a person whom the document gives that post: the owner, not the one asked for.
    (The training pool holds only 2 such questions; neither gold answer is rejected.)"""
    asks_person = q.kind is Kind.PERSON or NAME_ASKED.search(q.core) is not None  # "What is the name of …?"
    owned = _OWNER_POST.search(q.core) if asks_person else None
    if owned is None or not names_people(owned.group("owned")):
        return False
    owner = stem(fold(owned.group("post")))
    return any(owner == stem(fold(post)) for name in names_in(text, start, end) for post, _ in held_posts(text, name))


def held_posts(text: str, name: str, modifiers: bool = False) -> list[tuple[str, str]]:
    """The posts that the document gives ``name`` before ("Shenzhen Mayor Qin …") or after ("Sun Yuning, deputy
    director of the General Administration …") any of its mentions, each with the names of its place or body;
    with ``modifiers``, also a body before words for the post in lower case ("Chinese Big Data Society" of "…
    Society executive chairman Witman Hung")."""
    held = []
    for mention in mentions(text, name):
        held += _post_before(text, mention.start(), modifiers)
        after = _POST_AFTER.match(text, mention.end())
        if after:
            held.append((after.group("post"), after.group("of")))
    return held


# "the Shenzhen mayor's deputy": a post and what (whom) its holder has
_OWNER_POST = re.compile(
    rf"\b(?P<post>{TITLE_WORDS})['’]s?\s+(?P<owned>[a-z][\w-]*)\b",
    re.IGNORECASE,
)


_NAME_GOES_ON = re.compile(r"(?:\s*(?:of|for|and|the)\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)*")


def _without_others_posts(sentence: str, name: str, span_at: int) -> str:
    """The sentence without the posts said of other people than ``name``: in "On Tuesday, Qin and Sun Yuning,
    deputy director of the General Administration of Customs, promised …", the Customs are Sun Yuning's, and
    the sentence ties Qin to nothing. Only posts from the span's start on (``span_at``, in the sentence) are
    taken out: one said before the span may be its own person's under another name, and stays."""
    kept, at = [], 0
    for post in _POST_AFTER.finditer(sentence):
        if not sentence[: post.start()].endswith(name) and post.start() >= span_at:
            kept.append(sentence[at : post.start()])
            goes_on = _NAME_GOES_ON.match(sentence, post.end())  # "… Administration| of Customs"
            at = goes_on.end() if goes_on else post.end()
    return "".join(kept) + sentence[at:]


def _post_before(text: str, start: int, modifiers: bool = False) -> list[tuple[str, str]]:
    """ "Shenzhen Mayor |Qin Weizhong": the post word right before the span and the names before it; the
    span may be the end of the name ("Shenzhen Mayor Qin |Weizhong"). With ``modifiers``, words for a post in
    lower case before it are passed over to the names ("executive" of "Society executive chairman")."""
    offset = max(0, start - 80)
    before = words(text[offset:start])

    def joined(word: tuple[str, int, int], follows: int) -> bool:  # one space between a word and what follows
        return text[offset + word[2] : offset + follows].isspace()

    follows = start - offset
    for _ in range(2):  # the first names of the person
        if not before or not joined(before[-1], follows) or not NAME_WORD.fullmatch(before[-1][0]):
            break
        if fold(before[-1][0]) in TITLES or fold(before[-1][0]) in STOPWORDS:
            break
        follows = before.pop()[1]
    if not before or not joined(before[-1], follows) or fold(before[-1][0]) not in TITLES:
        return []
    names, follows = [], before[-1][1]
    owners = before[:-1]
    while modifiers and owners and owners[-1][0].islower() and owners[-1][0] in TITLES and joined(owners[-1], follows):
        follows = owners.pop()[1]  # "Society executive |chairman"
    if len(owners) >= 2 and owners[-1][0].isdigit() and fold(owners[-2][0]).rstrip(".") in ("no", "number"):
        follows = owners[-2][1]  # "Hong Kong No 2 |official": the rank is no name; its owner is before it
        owners = owners[:-2]
    for word, begin, stop in reversed(owners):
        if not word[:1].isupper() or fold(word) in TITLES or not text[offset + stop : offset + follows].isspace():
            break
        names.append(word)
        follows = begin
    return [(before[-1][0], " ".join(reversed(names)))]
