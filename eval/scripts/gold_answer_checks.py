"""The answer checks of ``qa/read/shape.py`` against every gold answer of the training pool (held-out
articles never read): how many gold answers ``misfits`` would reject (a post held elsewhere, a lesser
or former post, a cost question answered without money, a difference asked of a sentence that compares
nothing, a number said of another thing than the asked one, another kind than the asked one, the asked
person's own post, a measure in another dimension, a thing the question rules out, a person for the name
of a body or place, a body or the wrong one of joined names for a post's holder, a "why" answer before the
restated question's cause, the place of the asked person's post, what something becomes other than what
follows "into", the holder of another post than the asked one, the sayer or the doer of the asked deed, the
asked deed's subject, a person for a thing, the time of an anniversary of the asked event, a post holder for a
founder, an article-led span for a post nobody there holds, a noun that only counts the asked thing ("raft"), the
question's own words for where the asked kind of thing is, a span before "for X … to VERB" of "What will X VERB?",
the holder of the post of the place asked for ("Which city's mayor …?"), a sentence the text gives to someone else
than the person of the question's aside ("According to Hung, …?" of "…, Qin said"), a span after the restated
predicate of "What could be put in place …?", the owner's name elsewhere than where the sentence says "Whose X",
one item of a list when another holds the question's name; and ``ends_in_a_verb``, a span that
stops at a verb before its object) and how many ``before_asked_name``, ``before_asked_post``,
``holder_of_asked_post``, ``full_name``, ``whole_list``, ``asked_kind_name``, ``name_in_apposition``, ``past_cut_name``,
``opening_phrase_end``, ``asked_agent``, ``past_restated_reason``, ``without_excluded``, ``past_asked_verb``,
``past_date_lead``, ``year_of_event``, ``past_the_asked_deed``, ``item_asked``, ``at_asked_kind``,
``before_place_topic``, ``division_in_chain``, ``end_of_name``,
``before_time_modifier``, ``before_restated_predicate``, ``before_an_aside``, ``past_verb_before_number`` or
``name_start`` would change. A check that touches gold answers is too broad. The gold answers of questions with an
aside are also checked inside their whole article, where someone speaking elsewhere counts.
Seconds; prints each gold answer touched and the counts.

    .venv/bin/python eval/scripts/gold_answer_checks.py [../shared/data]
"""

from __future__ import annotations

import sys
from pathlib import Path

from qa.evaluate.squad import DEFAULT_DATA_DIR, SquadExample, training_pool
from qa.index.chunk import split_sentences
from qa.read.posts import (
    asks_founder,
    before_asked_post,
    holder_of_asked_post,
    narrow_post_asked,
    post_before_asked_place,
)
from qa.read.question import Kind, Wants, analyze
from qa.read.shape import (
    PAST_ASKED,
    asked_agent,
    asked_agents,
    asked_doers,
    asked_kind_name,
    at_asked_kind,
    before_an_aside,
    before_asked_name,
    before_place_topic,
    before_restated_predicate,
    before_time_modifier,
    deed_of_named_subject,
    deed_of_no_sayer,
    deed_subject,
    division_in_chain,
    end_of_name,
    ends_in_a_verb,
    full_name,
    item_asked,
    long_form_start,
    misfits,
    name_in_apposition,
    name_start,
    opening_phrase_end,
    owner_asked,
    past_asked_verb,
    past_cut_name,
    past_date_lead,
    past_restated_reason,
    past_the_asked_deed,
    past_verb_before_number,
    per_one_asked,
    thing_kind_asked,
    thing_name_asked,
    time_of_deed_asked,
    whole_list,
    with_currency,
    without_excluded,
    year_of_event,
)
from qa.read.speakers import may_say, said_by_another, speaker, speaks_for
from qa.read.units import asked_dimensions, dimensions
from qa.records import Sentence, Span
from qa.text import terms


def main(data_dir: Path) -> None:
    pool = training_pool(data_dir)
    answerable = [e for e in pool if not e.impossible]
    who = posts = first_person = money = difference = describe = measured = speakers = expansions = rejected = cut = 0
    opening = who_named = agent_said = doer_said = past = measures = excluding = thing_names = 0
    time_answers = after_event = 0
    no_sayer = named_subject = subject = thing_kinds = narrow_posts = founders = times = per_one = asides = 0
    for e in answerable:
        q = analyze(e.question)
        who += q.kind is Kind.PERSON
        posts += q.kind is Kind.PERSON and bool(q.posts or Wants.HEAD in q.wants)
        money += Wants.MONEY in q.wants
        difference += Wants.DIFFERENCE in q.wants
        describe += q.kind is Kind.DESCRIBE
        measured += q.kind in (Kind.COUNT, Kind.QUANTITY, Kind.TIME) and bool(q.proper)
        speakers += Wants.SPEAKER in q.wants
        expansions += bool(q.short_form)
        excluding += bool(q.excluded)
        thing_names += thing_name_asked(q)
        no_sayer += deed_of_no_sayer(q) is not None
        named_subject += deed_of_named_subject(q) is not None
        subject += deed_subject(q) is not None
        thing_kinds += thing_kind_asked(q)
        narrow_posts += narrow_post_asked(q)
        founders += asks_founder(q)
        times += time_of_deed_asked(q) is not None
        per_one += per_one_asked(q)
        asides += bool(q.said_by)
        quoted, who_said = _quoted(q.terms, e.context) if q.kind is Kind.PERSON else (None, None)
        if quoted is not None and not speaks_for(q, quoted):
            quoted, who_said = None, None
        first_person += quoted is not None and Wants.SPEAKER not in q.wants
        sentences = split_sentences(e.context, Span(0, len(e.context)))
        gold_sentence = next((s for s in sentences if s.start <= e.starts[0] < s.end), None)
        agent_said += gold_sentence is not None and any(
            gold_sentence.start <= begin < gold_sentence.end for begin, _ in asked_agents(q, e.context)
        )
        doer_said += gold_sentence is not None and any(
            gold_sentence.start <= begin < gold_sentence.end for begin, _ in asked_doers(q, e.context)
        )
        for text, start in zip(e.answers, e.starts, strict=True):
            end = start + len(text)
            opening += opening_phrase_end(e.context, start, len(e.context)) < len(e.context)
            who_named += q.kind is Kind.PERSON and bool(q.proper)
            past += q.kind is Kind.TIME and PAST_ASKED.match(q.core) is not None
            time_answers += q.kind is Kind.TIME
            # "… was established in |1920": the year that ends an event of the gold sentence, read from its start
            after_event += (
                q.kind is Kind.TIME
                and gold_sentence is not None
                and gold_sentence.start != start == year_of_event(q, e.context, gold_sentence.start, end)
            )
            measures += bool(asked_dimensions(q) and dimensions(e.context, start, end))
            if (
                misfits(q, e.context, with_currency(e.context, start, end)[0], end)
                or ends_in_a_verb(q, e.context, start, end)
                or (quoted is not None and not may_say(quoted, who_said, start, end, e.context))
            ):
                rejected += 1
                print(f"rejected: {e.question} | {text}")
            if (
                before_asked_name(q, e.context, start, end) != (start, end)
                or post_before_asked_place(q, e.context, start, end) != (start, end)
                or owner_asked(q, e.context, start, end) != (start, end)
                or holder_of_asked_post(q, e.context, start, end) != start
                or before_asked_post(q, e.context, start, end) != end
                or full_name(q, e.context, start, end) != (start, end)
                or whole_list(q, e.context, start, end) != (start, end)
                or asked_kind_name(q, e.context, start, end) != (start, end)
                or name_in_apposition(q, e.context, start, end) != (start, end)
                or past_cut_name(e.context, start, end) != start
                or opening_phrase_end(e.context, start, end) != end
                or asked_agent(q, e.context, start, end) != (start, end)
                or past_restated_reason(q, e.context, start, end) != start
                or without_excluded(q, e.context, start, end) != (start, end)
                or past_asked_verb(q, e.context, start, end) != start
                or past_date_lead(q, e.context, start, end) != start
                or year_of_event(q, e.context, start, end) != start
                or past_the_asked_deed(q, e.context, start, end) != start
                or item_asked(q, e.context, start, end) != (start, end)
                or at_asked_kind(q, e.context, start, end) != (start, end)
                or (q.kind in (Kind.COUNT, Kind.QUANTITY) and past_verb_before_number(e.context, start, end) != start)
                or before_place_topic(q, e.context, start, end) != end
                or division_in_chain(q, e.context, start, end) != start
                or before_time_modifier(q, e.context, start, end) != end
                or before_restated_predicate(q, e.context, start, end) != end
                or before_an_aside(q, e.context, start, end) != end
                or end_of_name(q, e.context, start, end) != end
                or (q.kind is Kind.PERSON and name_start(e.context, start, end) != start)
                or (q.short_form and long_form_start(q.short_form, e.context, start, end) != start)
            ):
                cut += 1
                print(f"changed: {e.question} | {text}")
    print(
        f"answerable questions {len(answerable)} (who {who}, of them for a post's holder {posts}, "
        f"asking for money {money}, for a difference {difference}, for a description {describe}, "
        f"for a number or date of a named thing {measured}, for a speaker {speakers}, "
        f"for who does what a quotation says in the first person {first_person}, "
        f"for what a short form stands for {expansions}, who- and which-questions whose gold sentence names "
        f"the agent of the asked deed {agent_said}, whose gold sentence names it just before the verb {doer_said}, "
        f"that rule something out {excluding}, for the name of a body or place {thing_names}); "
        f"gold answers in "
        f"a sentence's opening phrase {opening}, to who-questions "
        f"that name someone {who_named}, to questions about a past time {past}, "
        f"to time questions {time_answers}, of them the year after an event of their sentence {after_event}, "
        f"to how deep / long / high / heavy questions or ones naming a unit, in a unit {measures}; "
        f"gold answers rejected {rejected}, "
        f"changed {cut}"
    )
    print(
        f"questions some checks apply to: who-questions that ask for no sayer {no_sayer}, who-questions with a "
        f"named subject after an auxiliary {named_subject}, what-questions about a named subject's deed {subject}, "
        f"for a kind of thing no person is {thing_kinds}, for a narrow post {narrow_posts}, for a founder "
        f"{founders}, for the time of a deed (no anniversary asked) {times}, how many/much per one {per_one}, "
        f"with an aside naming whose words are asked ('…, according to Jones?') {asides}"
    )
    in_article, rejected_there = _asides_in_articles(pool)
    print(
        f"with the whole article as the text (where a speaker elsewhere counts), answerable questions with such an "
        f"aside {in_article}, gold answers said_by_another rejects {rejected_there}"
    )


def _asides_in_articles(pool: list[SquadExample]) -> tuple[int, int]:
    """``said_by_another`` on the gold answers of questions with an aside, each paragraph read inside its whole
    article (paragraphs joined by a blank line): how many questions, how many gold answers rejected."""
    paragraphs: dict[str, list[str]] = {}
    for e in pool:
        if e.context not in paragraphs.setdefault(e.article, []):
            paragraphs[e.article].append(e.context)
    questions = rejected = 0
    for e in pool:
        q = analyze(e.question)
        if e.impossible or not q.said_by:
            continue
        parts = paragraphs[e.article]
        at = sum(len(p) + 2 for p in parts[: parts.index(e.context)])
        text = "\n\n".join(parts)
        questions += 1
        for answer, start in zip(e.answers, e.starts, strict=True):
            if said_by_another(q, text, at + start, at + start + len(answer)):
                rejected += 1
                print(f"rejected in its article: {e.question} | {answer}")
    return questions, rejected


def _quoted(asked: tuple[str, ...], context: str) -> tuple[Sentence | None, tuple[int, int] | None]:
    """The paragraph's sentence that holds most of the question's terms (what the readers read first for
    "Who said …?"), and its speaker."""
    spans = split_sentences(context, Span(0, len(context)))
    sentences = [Sentence("gold", s.start, s.end, context[s.start : s.end]) for s in spans]
    if not sentences:
        return None, None
    quoted = max(sentences, key=lambda s: len(set(asked) & set(terms(s.text))))
    row = {s.start: i for i, s in enumerate(sentences)}
    return quoted, speaker(quoted, lambda s: sentences[row[s.start] - 1] if row[s.start] > 0 else None)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA_DIR)
