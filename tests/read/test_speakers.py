import pytest

from qa.read.question import Wants, analyze
from qa.read.speakers import (
    may_say,
    named_speaker,
    quote_denies,
    said_by_another,
    said_by_another_holder,
    same_person,
    speaker,
    speaks_for,
    unnamed_speaker,
)
from qa.records import Sentence

ARTICLE = [
    "Shenzhen would launch 40 projects, Mayor Qin Weizhong said at a press conference on Tuesday.",
    "“We aim to establish key laboratory clusters,” he said, adding the plan was to “take the zone to a new level”.",
    "Hong Kong leader John Lee says cross-border tech hub will be reality by 2035",
    "“We do not see it as a competition,” said Hung, also former principal liaison officer.",
    "“Instead, both sides can complement each other.”",
    "There would also be a special data channel for researchers, they said.",
    "“The channel is a first,” they said.",
    "He also states that Chinese writers described Tibet as a feudal dependency.",
    "Speaking to the Post, executive chairman Witman Hung Wai-man hailed the plan.",
    "He also said the new branch could facilitate closer cooperation between the two cities.",
    "The branch, he said, could also facilitate trade.",
    "On Tuesday, Qin and Sun Yuning, deputy director of the Customs, promised faster clearance.",
    "There would also be a data channel for researchers, they said.",
    "Five Hong Kong universities have already set up 10 innovation centres in the park.",
]


def _sentences() -> list[Sentence]:
    out, at = [], 0
    for text in ARTICLE:
        out.append(Sentence("d", at, at + len(text), text))
        at += len(text) + 1
    return out


def _before(sentences: list[Sentence]):
    def before(sentence: Sentence) -> Sentence | None:
        i = sentences.index(sentence)
        return sentences[i - 1] if i > 0 else None

    return before


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shenzhen would launch 40 projects, Mayor Qin Weizhong said at a press conference.", "Mayor Qin Weizhong"),
        ("‘We aim high,’ Shenzhen Mayor Qin Weizhong says", "Shenzhen Mayor Qin Weizhong"),
        ("“We do not see it as a competition,” said Hung, also former officer.", "Hung"),
        (
            "Professor Lau Siu-kai, a consultant at the Chinese Association of Hong Kong and Macau Studies, said it.",
            "Professor Lau Siu-kai",
        ),
        (
            "Hong Kong’s No 2 official Eric Chan Kwok-ki, who flew to Beijing, said the hub would grow.",
            "Eric Chan Kwok-ki",
        ),
        (
            "Speaking to the Post, Data Society executive chairman Witman Hung Wai-man hailed the plan.",
            "Witman Hung Wai-man",
        ),
        # a capitalised noun before "states" is no speaker: "Muslim states" are countries
        ("It attacked leaders of Muslim states, who were secular.", None),
        ("“We aim high,” he said.", None),
    ],
)
def test_the_name_a_sentence_says_is_speaking(text, name):
    found = named_speaker(text)
    assert (text[found[0] : found[1]] if found else None) == name


def test_he_is_followed_back_to_the_sentence_that_names_him():
    sentences = _sentences()
    raw = "\n".join(ARTICLE)
    who = speaker(sentences[1], _before(sentences))
    assert who is not None and raw[who[0] : who[1]] == "Mayor Qin Weizhong"
    # a quotation with no attribution goes on with the speaker of the one before
    who = speaker(sentences[4], _before(sentences))
    assert who is not None and raw[who[0] : who[1]] == "Hung"


def test_they_reported_speech_and_a_headline_between_are_not_followed():
    sentences = _sentences()
    assert speaker(sentences[6], _before(sentences)) is None  # "they" may stand for several names
    assert speaker(sentences[7], _before(sentences)) is None  # reported speech, no quotation marks
    assert unnamed_speaker(sentences[1].text) and unnamed_speaker(sentences[4].text)
    assert not unnamed_speaker(sentences[0].text)


def test_reported_speech_that_opens_with_he_said_is_followed_back():
    # "He also said the new branch could facilitate …": no quotation marks, but the sentence is the saying
    sentences = _sentences()
    raw = "\n".join(ARTICLE)
    who = speaker(sentences[9], _before(sentences))
    assert who is not None and raw[who[0] : who[1]] == "Witman Hung Wai-man"
    branch = raw.index("the new branch")
    assert not may_say(sentences[9], who, branch, branch + len("the new branch"), raw)
    # reported speech that does not open with the saying may report someone else's words
    assert speaker(sentences[10], _before(sentences)) is None


def test_they_said_just_after_a_sentence_that_opens_with_two_people_is_theirs():
    raw, _, who = _quoted(12)
    assert who is not None and raw[who[0] : who[1]] == "Qin and Sun Yuning"
    # after a sentence that opens otherwise, "they" is not followed
    assert _quoted(5)[2] is None


def _quoted(row: int):
    """The article's text, the sentence at ``row`` and its speaker."""
    sentences = _sentences()
    return "\n".join(ARTICLE), sentences[row], speaker(sentences[row], _before(sentences))


def test_only_the_speaker_or_nothing_the_quotation_says_may_answer():
    sentences = _sentences()
    raw, quoted, who = _quoted(1)
    qin = raw.index("Qin Weizhong")
    assert may_say(quoted, who, qin, qin + len("Qin Weizhong"), raw)
    chan = raw.index("John Lee")
    assert not may_say(quoted, who, chan, chan + len("John Lee"), raw)
    # "they" not followed back: anything but the quotation's own words
    they = sentences[6]
    first = raw.index("The channel")
    assert not may_say(they, None, first, first + len("The channel"), raw)
    assert may_say(they, None, chan, chan + len("John Lee"), raw)
    # reported speech: the person it reports may be the answer
    reported = sentences[7]
    writers = raw.index("Chinese writers")
    assert may_say(reported, None, writers, writers + len("Chinese writers"), raw)


def test_same_person_shares_a_word_of_the_name():
    assert same_person("Qin Weizhong", "Shenzhen Mayor Qin Weizhong")
    assert not same_person("Eric Chan", "Mayor Qin Weizhong")
    assert not same_person("the zone", "Mayor Qin Weizhong")


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who said the plan was to take the Hetao zone to a new level?", True),
        ("Who also says both sides can complement each other?", True),
        ("who say the plan is take Hetao zone to new level?", True),  # a learner's grammar
        ("Who described the zone as strategically important?", True),  # a saying that calls a thing something
        ("Who calls the zone a prime national strategy?", True),
        ("Who was the zone described by?", False),
        ("Who called for jointly building a common development zone?", False),  # a demand, a deed
        ("Who is Eric Chan?", False),
        ("What did Qin Weizhong say?", False),
    ],
)
def test_who_said_questions_ask_for_the_speaker(question, asks):
    assert (Wants.SPEAKER in analyze(question).wants) is asks


@pytest.mark.parametrize(
    ("question", "row", "asks"),
    [
        ("Who said the plan was to take the zone to a new level?", 1, True),
        # what the quotation's speaker says they do, in the first person
        ("Who aims to establish key laboratory clusters?", 1, True),
        ("Who does not see it as a competition?", 3, True),
        # another verb, a sentence that quotes no "we", or a question for no person
        ("Who established key laboratory clusters?", 1, False),
        ("Who would launch 40 projects?", 0, False),
        ("What do they aim to establish?", 1, False),
    ],
)
def test_who_does_what_a_quotation_says_in_the_first_person_asks_for_its_speaker(question, row, asks):
    assert speaks_for(analyze(question), _sentences()[row]) is asks


def test_a_speaker_answer_holds_no_words_of_the_quotation():
    raw, quoted, who = _quoted(3)
    tail = raw.index("competition,” said Hung")
    assert not may_say(quoted, who, tail, tail + len("competition,” said Hung"), raw)
    hung = raw.index("Hung", tail)
    assert may_say(quoted, who, hung, hung + len("Hung"), raw)


@pytest.mark.parametrize(
    ("question", "span", "other"),
    [
        # reported speech someone else is said to say
        ("According to Hung, how many projects would Shenzhen launch?", "40", True),
        ("According to Qin, how many projects would Shenzhen launch?", "40", False),
        ("Per Mayor Qin, how many projects would Shenzhen launch?", "40", False),
        # a quotation whose "he" is followed back to Qin, and one that goes on with Hung's
        ("In Lau's words, what do they aim to establish?", "key laboratory clusters", True),
        ("In Qin's words, what do they aim to establish?", "key laboratory clusters", False),
        ("As Qin put it, what can both sides do?", "complement each other", True),
        ("As Hung put it, what can both sides do?", "complement each other", False),
        # "they" after two people who open the sentence before: either of them
        ("According to Sun Yuning, who would get a data channel?", "researchers, they", False),
        ("According to Eric Chan, who would get a data channel?", "researchers, they", True),
        # the text's own words, while the question's person speaks elsewhere and not in the sentences before
        ("According to Hung, how many centres have the universities set up?", "10", True),
        ("As John Lee put it, how many centres have the universities set up?", "10", True),
        ("According to Qin, how many centres have the universities set up?", "10", False),  # named 2 before
        # … a person (or source) who says nothing in the text, or a question without an aside, may answer
        ("According to Lau, how many centres have the universities set up?", "10", False),
        ("According to Lau, what did Chinese writers describe Tibet as?", "a feudal dependency", False),
        ("How many projects would Shenzhen launch?", "40", False),
        # the sentence names the question's person too
        ("According to Hung, what did Witman Hung hail?", "the plan", False),
    ],
)
def test_an_aside_is_not_answered_by_someone_elses_words(question, span, other):
    raw = "\n".join(ARTICLE)
    at = raw.rindex(span)  # the last: "the plan" Witman Hung hailed, "researchers, they" after Qin and Sun
    end = at + len(span.removesuffix(", they"))
    assert said_by_another(analyze(question), raw, at, end) is other


def test_words_of_ones_own_are_voiced_otherwise_than_by_saying():
    raw = "\n".join(
        [
            "Chinese President Xi Jinping called for a common development zone in 2017.",
            "The zone lies on the border.",
            "It is home to a quantum-computing centre.",
            "Five universities have set up centres there.",
            "The Shenzhen side occupies 302 hectares.",
        ]
    )
    at = raw.index("302 hectares")
    asked = "{}, how many hectares does the Shenzhen side occupy?"
    assert said_by_another(analyze(asked.format("According to Xi")), raw, at, at + len("302 hectares"))
    assert not said_by_another(analyze(asked.format("According to the survey")), raw, at, at + len("302 hectares"))


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("According to Zagat, how many restaurants does the city have?", True),
        ("In the mayor's view, how many restaurants does the city have?", True),
        ("According to Michelin, how many restaurants does the city have?", False),
    ],
)
def test_a_sentence_credited_in_its_own_aside_is_that_persons(question, other):
    for raw in (
        "The city has 24,000 restaurants, according to Michelin.",
        "In Michelin's view, the city has 24,000 restaurants.",
    ):
        at = raw.index("24,000")
        assert said_by_another(analyze(question), raw, at, at + len("24,000 restaurants")) is other, raw
    raw = "According to him, the city has 24,000 restaurants."  # "him" is no one to tell apart
    assert not said_by_another(analyze(question), raw, raw.index("24,000"), raw.index(" restaurants"))


@pytest.mark.parametrize(
    ("question", "span", "other"),
    [
        # the sentence's speaker holds the asked post for another place, or only other posts
        ("What did the Guangzhou mayor say Shenzhen would launch?", "40", True),
        ("What did the customs director say Shenzhen would launch?", "40", True),
        # the speaker's own place, a place the sentence names, or a post of no place asked
        ("What did the Shenzhen mayor say the city would launch?", "40", False),
        ("What did the Shenzhen official say the city would launch?", "40", False),
        ("What did the mayor say Shenzhen would launch?", "40", False),
        ("What did the former mayor say Shenzhen would launch?", "40", False),  # a modifier, no place
        ("What did the Macau mayor say the think tank held?", "a meeting", False),  # no speaker known
        # an aside read as one ("… say will be …") that shares the post with the sentence
        ("What does the Macau leader say will be reality by 2035?", "cross-border tech hub", True),
        ("What does the Hong Kong leader say will be reality by 2035?", "cross-border tech hub", False),
        ("What does the leader say will be reality by 2035?", "cross-border tech hub", False),
    ],
)
def test_a_post_of_another_place_does_not_say_it(question, span, other):
    raw = "\n".join(
        [
            "‘We aim high,’ Shenzhen Mayor Qin Weizhong says.",
            "Shenzhen would launch 40 projects, Mayor Qin Weizhong said at a press conference on Tuesday.",
            "The think tank held a meeting.",
            "Hong Kong leader John Lee says cross-border tech hub will be reality by 2035",
            "Sun Yuning, deputy director of the General Administration of Customs, spoke.",
        ]
    )
    at = raw.index(span)
    assert said_by_another_holder(analyze(question), raw, at, at + len(span)) is other


QUOTED = Sentence(
    "d", 0, 0, "“This is also taking on particular strategic importance in the context of a technological war.”"
)


@pytest.mark.parametrize(
    ("question", "denies"),
    [
        # what the question says of the quotation's words, against what they say
        ("Who described the zone as strategically unimportant?", True),  # "importance" says it is important
        ("Who said the zone was not taking on strategic importance?", True),
        ("Who described the zone as strategically important?", False),
        ("Who spoke of the zone's strategic importance?", False),
        # names and times may stand in the sentence that names the speaker: not read here
        ("Who said in 2020 that the zone was taking on strategic importance?", False),
    ],
)
def test_a_quotation_that_says_otherwise_than_the_question(question, denies):
    assert quote_denies(analyze(question), QUOTED) is denies
