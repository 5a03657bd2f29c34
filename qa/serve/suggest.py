"""Example questions about the documents now indexed, offered only if the pipeline answers them."""

from __future__ import annotations

import re
from collections import Counter
from itertools import zip_longest

from qa.pipeline import Pipeline
from qa.read.question import TITLES
from qa.text import SAYING, STOPWORDS

# Two or more capitalised words in a row: "Eric Chan", "Hong Kong Science Park", "Witman Hung Wai-man".
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?(?:[ \-][A-Z][a-z]+(?:-[a-z]+)?)+\b")
_TITLE_WORDS = {"mr", "mrs", "ms", "dr", "prof", "mayor", "president", "minister", "secretary", "chief", "director"}
_POSTS = _TITLE_WORDS | TITLES
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|official|chairman|spokesman|spokeswoman)\.? $", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_SPEECH_AFTER = re.compile(r"^(?:,[^,]{0,60},)?\s+(?:said|says|told|added)\b")


def suggest_questions(pipeline: Pipeline, limit: int = 4, tries: int = 16) -> list[str]:
    """Questions about the most frequent names, kept only when the pipeline finds an answer."""
    people: Counter[str] = Counter()
    things: Counter[str] = Counter()
    articled: Counter[str] = Counter()  # how often a thing's name follows "the": "the Greater Bay Area"
    for sentence in pipeline.index.sentences:
        for match in _NAME.finditer(sentence.text):
            parts = match.group().split()
            # a post inside the run names the person after it: "Shenzhen Mayor Qin Weizhong" is Qin Weizhong
            posts = [i for i, part in enumerate(parts[:-1]) if part.lower() in _POSTS]
            if posts and posts[-1] > 0:
                parts = parts[posts[-1] :]
            titled = parts[0].lower() in _POSTS
            dropped = []
            while parts and parts[0].lower() in _POSTS | STOPWORDS:
                dropped.append(parts.pop(0).lower())
            if len(parts) < 2:
                continue
            name = " ".join(parts)
            before, after = sentence.text[: match.start()], sentence.text[match.end() :]
            if titled or _TITLE_BEFORE.search(before) or _SPEECH_AFTER.match(after):
                people[name] += 1
            else:
                things[name] += 1
                articled[name] += "the" in dropped or bool(_THE_BEFORE.search(before))
    names: list[str] = []  # one question a person: "Eric Chan", not "Eric Chan Kwok-ki" beside it
    for name, _ in people.most_common(tries // 2):
        if not any(name.startswith(other) or other.startswith(name) for other in names):
            names.append(name)
    who = [f"Who is {name}?" for name in names]
    what = [
        f"What is {'the ' if 2 * articled[name] > n else ''}{name}?"
        for name, n in things.most_common(tries // 2)
        if n > 1 and name not in people
    ]
    kept: list[str] = []
    for question in [q for pair in zip_longest(who, what) for q in pair if q]:
        response = pipeline.ask(question)
        answer = response.answers[0].text if response.answers else ""
        subject = question.split(" ", 2)[2].rstrip("?")
        informative = [w for w in re.findall(r"\w{4,}", answer) if w.lower() not in STOPWORDS | SAYING]
        if informative and subject.lower() not in answer.lower():
            kept.append(question)
        if len(kept) == limit:
            break
    return kept
