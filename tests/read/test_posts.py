"""The post checks of qa.read.posts, alone and through shape.misfits."""

import pytest

from qa.read.posts import (
    a_person,
    body_of_asked_persons_post,
    lesser_post,
    owner_of_post_elsewhere,
    post_before_asked_place,
    post_elsewhere,
    post_of_body_unsaid,
    post_owner_asked,
    post_unsaid,
)
from qa.read.question import analyze
from qa.read.shape import misfits

POSTS = (
    "‘We aim high,’ Shenzhen Mayor Qin Weizhong says.\n"
    "Sun Yuning, deputy director of the General Administration of Customs, spoke.\n"
    "Chinese President Xi Jinping attended, and at the Game Developers Conference, director Eiji Aonuma spoke.\n"
    "Hong Kong leader John Lee said Shenzhen Mayor Qin Weizhong would visit Hong Kong.\n"
    "The zone opens on Thursday, Mayor Qin Weizhong said at a press conference.\n"
    "On Tuesday, Qin and Sun Yuning, deputy director of the General Administration of Customs, promised more.\n"
    "The board met; its director (currently Mayor Qin Weizhong) spoke.\n"
    "Hong Kong No 2 official Eric Chan attends a press conference."
)


def _on_line(span: str, line: int) -> tuple[int, int]:
    """The offsets in ``POSTS`` of the first ``span`` from its line ``line`` (counted from 0) on."""
    start = POSTS.index(span, sum(len(text) + 1 for text in POSTS.split("\n")[:line]))
    return start, start + len(span)


@pytest.mark.parametrize(
    ("question", "span", "line", "elsewhere"),
    [
        # the text ties the asked post to another place or body, and the sentence never names the asked one
        ("Who is the mayor of Hong Kong?", "Qin Weizhong", 0, True),
        ("Who is Hong Kong's mayor?", "Qin Weizhong", 0, True),
        ("Who is the president of France?", "Xi Jinping", 2, True),
        ("Who is the deputy director of the Hong Kong Police?", "Sun Yuning", 1, True),
        # "Mayor Qin Weizhong said" names no city, but the text says elsewhere whose mayor he is; the span
        # may be a piece of his name, or hold the post itself
        ("Who is the mayor of Guangzhou?", "Qin Weizhong", 4, True),
        ("Who is the mayor of Guangzhou?", "Weizhong", 0, True),
        ("Who is the mayor of Guangzhou?", "Shenzhen Mayor Qin Weizhong", 0, True),
        ("Who is the mayor of Guangzhou?", "Qin Weizhong said at a press conference", 4, True),
        # the same post of the asked place or body, or another post, or nothing asked of a place
        ("Who is the mayor of Shenzhen?", "Qin Weizhong", 0, False),
        ("Who is the mayor of Shenzhen?", "Qin Weizhong", 4, False),
        ("Who is the Chinese President?", "Xi Jinping", 2, False),
        ("Who is the president of China?", "Xi Jinping", 2, False),  # "Chinese" President
        ("Who is the deputy director of the General Administration of Customs?", "Sun Yuning", 1, False),
        ("Who is the governor of Hong Kong?", "Qin Weizhong", 0, True),  # Shenzhen's mayor (see below)
        ("Who is the mayor?", "Qin Weizhong", 0, False),
        # a comma parts the post from the names before it: "Conference, director Eiji Aonuma"
        ("Who was the director that announced a Zelda game?", "Eiji Aonuma", 2, False),
        # the sentence names the asked place, so the reader, not this check, decides
        ("Who is the mayor of Hong Kong?", "Qin Weizhong", 3, False),
        # "Who heads …?" asks for any post of the asked body: Qin is Shenzhen's mayor, and the Customs the
        # sentence names are Sun Yuning's (a span of two names, one parted by a comma, is checked name by name)
        ("Who heads the General Administration of Customs?", "Qin", 5, True),
        ("Who heads the General Administration of Customs?", "Tuesday, Qin", 5, True),
        ("Who heads the Hong Kong Police?", "Qin", 5, True),
        ("Who heads the Hong Kong Police?", "Sun Yuning", 5, True),  # his post is of the Customs
        ("Who heads Shenzhen?", "Qin", 5, False),
        # where the sentence says neither the asked body nor the asked post, a post of another body rules the
        # person out for any asked post; where it says the post, a person may hold several
        ("Who is the director of the General Administration of Customs?", "Qin", 5, True),
        ("Who is the director of the Hong Kong Police?", "Qin Weizhong", 4, True),
        ("Who is the director of the Hong Kong Police?", "Qin Weizhong", 6, False),  # "its director (… Qin …)"
        # a rank between the post and its place's name: "Hong Kong No 2 official"
        ("Who is Macau's No 2 official?", "Eric Chan", 7, True),
        ("Who is the No 2 official of Macau?", "Eric Chan", 7, True),
        ("Who is Hong Kong's No 2 official?", "Eric Chan", 7, False),
    ],
)
def test_a_post_held_elsewhere_is_not_an_answer(question, span, line, elsewhere):
    start, end = _on_line(span, line)
    assert post_elsewhere(analyze(question), POSTS, start, end) is elsewhere
    assert misfits(analyze(question), POSTS, start, end) is elsewhere


@pytest.mark.parametrize(
    ("question", "span", "expected"),
    [
        # the place the question says the post is held at ends the post
        (
            "What is Lau Siu-kai's job at the think tank?",
            "a consultant at Beijing’s semi-official think tank the Chinese Association of Hong Kong and Macau Studies",
            "a consultant",
        ),
        (
            "What was the title of Sun Yuning at the customs agency?",
            "deputy director of the General Administration",  # "of Customs" follows the span: it names the place
            "deputy director",
        ),
        (
            "What was Hung's job at the Shenzhen Qianhai Authority?",
            "principal liaison officer for Hong Kong at the Shenzhen Qianhai Authority",
            "principal liaison officer for Hong Kong",  # "for Hong Kong" leads to no word of the place
        ),
        ("What was Hung's job at the Shenzhen Qianhai Authority?", "officer for Hong Kong", "officer for Hong Kong"),
        # no place asked, or a span that does not reach it
        ("What is Lau Siu-kai's job?", "a consultant at Beijing’s semi-official think tank", None),
        ("What is Lau Siu-kai's job at the think tank?", "a consultant", None),
        ("What is the title of Notre Dame's Theodore Hesburgh?", "deputy director of the General Administration", None),
    ],
)
def test_a_post_ends_before_the_place_the_question_says_it_is_held_at(question, span, expected):
    text = (
        "Professor Lau Siu-kai, a consultant at Beijing’s semi-official think tank the Chinese Association of Hong "
        "Kong and Macau Studies, said so. Sun Yuning, deputy director of the General Administration of Customs, "
        "agreed. Hung, also former principal liaison officer for Hong Kong at the Shenzhen Qianhai Authority, said so."
    )
    start = text.index(span)
    found = post_before_asked_place(analyze(question), text, start, start + len(span))
    assert text[found[0] : found[1]] == (expected or span)


LESSER_POSTS = (
    "On Tuesday, Qin and Sun Yuning, deputy director of the General Administration of Customs, promised it.\n"
    "The talks were opened by Vice-President Ana Ruiz and former mayor John Lee."
)


@pytest.mark.parametrize(
    ("question", "span", "lesser"),
    [
        # the holder of a post below the asked one, or of the asked post before
        ("Who heads the General Administration of Customs?", "Qin and Sun Yuning", True),
        ("Who is the director of the General Administration of Customs?", "Sun Yuning", True),
        ("Who is the head of the General Administration of Customs?", "Sun Yuning", True),
        ("Who is the president?", "Ana Ruiz", True),
        ("Who is the mayor?", "John Lee", True),
        # the lesser post asked for, a question in the past, or no post asked
        ("Who is the deputy director of the General Administration of Customs?", "Sun Yuning", False),
        ("Who is the vice-president?", "Ana Ruiz", False),
        ("Who was the mayor?", "John Lee", False),
        ("Who is the former mayor?", "John Lee", False),
        ("Who promised faster clearance?", "Qin and Sun Yuning", False),
        ("Who opened the talks?", "Ana Ruiz", False),
    ],
)
def test_the_holder_of_a_lesser_post_does_not_answer_for_the_post(question, span, lesser):
    start = LESSER_POSTS.index(span)
    assert lesser_post(analyze(question), LESSER_POSTS, start, start + len(span)) is lesser
    assert misfits(analyze(question), LESSER_POSTS, start, start + len(span)) is lesser


WAR = (
    "It matters in a technological war against China by the United States and the West, said Mayor Ann Lee. "
    "Lee was referring to the zone, which is home to a quantum-computing centre run by Bo Chen."
)


@pytest.mark.parametrize(
    ("question", "span", "fits"),
    [
        # no person's name, in a sentence without the asked post, and given it nowhere
        ("Who is the president of the United States?", "the West", False),
        # a name (it may hold a post the document does not say), the post said, or no post asked
        ("Who is the president of the United States?", "China", True),
        ("Who is the mayor?", "the United States and the West, said Mayor Ann Lee", True),
        ("Who is waging a technological war against China?", "the United States and the West", True),
        ("Which official spoke?", "the West", True),
        # a name the document gives only another post, in a sentence without the asked one
        ("Who is the director of the quantum-computing centre?", "Lee", False),
        ("Who is the director of the quantum-computing centre?", "Bo Chen", True),  # given no post
        # a consultant or an adviser is a post too
        ("Who is the consultant at the quantum-computing centre?", "Lee", False),
        ("Who advises the quantum-computing centre as its adviser?", "Lee", False),
    ],
)
def test_an_answer_for_a_post_that_neither_holds_nor_names_it_is_no_answer(question, span, fits):
    start = WAR.index(span)
    assert post_unsaid(analyze(question), WAR, start, start + len(span)) is not fits


OWNERS = (
    "‘We aim high,’ Shenzhen Mayor Qin Weizhong says.\n"
    "Shenzhen authorities will launch 40 projects, Mayor Qin Weizhong said at a press conference held by a number of"
    " ministries.\n"
    "Speaking to the Post, Chinese Big Data Society executive chairman Witman Hung hailed the plan.\n"
    "On Tuesday, Qin and Sun Yuning, deputy director of the General Administration of Customs, promised more."
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is Qin Weizhong mayor of?", ("Qin Weizhong", "mayor")),
        ("Qin Weizhong is the mayor of which city?", ("Qin Weizhong", "mayor")),
        ("Which city is Qin Weizhong mayor of?", ("Qin Weizhong", "mayor")),
        ("Of which city is Qin Weizhong the mayor?", ("Qin Weizhong", "mayor")),
        ("Witman Hung is executive chairman of what?", ("Witman Hung", "chairman")),
        ("What is Eric Chan the No 2 official of?", ("Eric Chan", "official")),
        ("Whose deputy director is Sun Yuning?", ("Sun Yuning", "director")),
        ("Whose executive chairman is Witman Hung?", ("Witman Hung", "chairman")),
        # no holder named, or no post asked of
        ("What is the mayor of?", None),
        ("Who is the mayor of Shenzhen?", None),
        ("What is Qin Weizhong proud of?", None),
    ],
)
def test_what_a_named_holders_post_is_of_is_read_from_the_question(question, asked):
    assert post_owner_asked(analyze(question)) == asked


@pytest.mark.parametrize(
    ("question", "span", "line", "elsewhere"),
    [
        # the document puts the post's place or body before it ("Shenzhen Mayor Qin …", "… Society executive
        # chairman Witman Hung") or after it ("Sun Yuning, deputy director of the General Administration of Customs")
        ("What is Qin Weizhong mayor of?", "a number of ministries", 1, True),
        ("What is Qin Weizhong mayor of?", "Shenzhen", 0, False),
        ("What is Qin Weizhong mayor of?", "Shenzhen", 1, False),  # the same place, said in another sentence
        ("Witman Hung is chairman of what?", "the Post", 2, True),
        ("Witman Hung is chairman of what?", "Chinese Big Data Society", 2, False),
        ("Witman Hung is chairman of what?", "Big Data Society", 2, False),
        ("What is Sun Yuning deputy director of?", "General Administration of Customs", 3, False),
        ("What is Sun Yuning deputy director of?", "Tuesday", 3, True),
        # a post the document never gives the holder, in a sentence that does not say it
        ("What company is Sun Yuning chief executive of?", "Qin and Sun Yuning", 3, True),
        # a holder given no post: nothing to hold the span to
        ("What is Ann Lee mayor of?", "a number of ministries", 1, False),
        # a post the document gives another person of the sentence: neither what it is of nor that person
        ("Whose deputy director is Qin Weizhong?", "General Administration of Customs", 3, True),
        ("Whose deputy director is Qin Weizhong?", "Sun Yuning", 3, True),
        ("Whose deputy director is Sun Yuning?", "General Administration of Customs", 3, False),
    ],
)
def test_what_a_named_holders_post_is_of_is_the_place_or_body_the_document_ties_it_to(question, span, line, elsewhere):
    start = OWNERS.index(span, sum(len(row) + 1 for row in OWNERS.split("\n")[:line]))
    assert owner_of_post_elsewhere(analyze(question), OWNERS, start, start + len(span)) is elsewhere
    assert misfits(analyze(question), OWNERS, start, start + len(span)) or not elsewhere


def test_whose_post_a_holder_has_is_answered_by_a_body_that_ends_before_the_post():
    from qa.read.posts import owner_before_post

    q = analyze("Whose executive chairman is Witman Hung?")
    span = "Chinese Big Data Society executive chairman Witman Hung"
    start = OWNERS.index(span)
    end = owner_before_post(q, OWNERS, start, start + len(span))
    assert OWNERS[start:end] == "Chinese Big Data Society"
    assert not misfits(q, OWNERS, start, end)  # a body answers whose post it is
    assert owner_before_post(analyze("Who hailed the plan?"), OWNERS, start, start + len(span)) == start + len(span)


@pytest.mark.parametrize(
    ("question", "unsaid"),
    [
        # a post of a body that the document gives the body no holder of, though it gives it another post
        ("Which publication did the Big Data Society treasurer speak to?", True),
        ("What did the Chinese Big Data Society treasurer hail?", True),
        # the post said (who holds it is for other checks), a body the document never names, or no body asked
        ("Which publication did the Big Data Society chairman speak to?", False),
        ("Which publication did the Big Data Society director speak to?", False),  # "director" said elsewhere
        ("Which publication did the Rotary Club treasurer speak to?", False),
        ("Which publication did the treasurer speak to?", False),
    ],
)
def test_a_post_of_a_body_that_the_document_never_gives(question, unsaid):
    text = (
        "Speaking to the Post, Chinese Big Data Society executive chairman Witman Hung hailed the plan.\n"
        "Sun Yuning, deputy director of the General Administration of Customs, spoke."
    )
    span = text.index("the Post")
    assert post_of_body_unsaid(analyze(question), text, span, span + len("the Post")) is unsaid


@pytest.mark.parametrize(
    ("question", "span", "line", "fits"),
    [
        # one word of a name the document gives a post, said alone, names that person: no agency
        ("Which agency does Sun Yuning work for?", "Qin", 5, False),
        ("Which agency does Sun Yuning work for?", "Tuesday, Qin", 5, False),
        ("Which agency does Sun Yuning work for?", "General Administration of Customs", 5, True),
        ("Which ministry held the press conference?", "Qin", 5, False),
        # nor a day, a month or a year
        ("Which agency does Sun Yuning work for?", "Tuesday", 5, False),
        ("Which city did Qin visit?", "Thursday", 4, False),
        # a word of no such name stays a possible body ("Shenzhen" of "Shenzhen Mayor Qin Weizhong" holds no post)
        ("Which city did Qin visit?", "Hong Kong", 3, True),
        # a body asked by a word that many kinds answer is no person either, and a thing of a kind no weekday
        ("Which group does Sun Yuning belong to?", "Qin and Sun Yuning", 5, False),
        ("Which body does Sun Yuning belong to?", "Qin", 5, False),
        ("Which group does Sun Yuning belong to?", "General Administration of Customs", 5, True),
        ("Which group does Sun Yuning belong to?", "Tuesday", 5, False),
        ("What ceremony did Qin attend?", "On Tuesday", 5, False),
        ("What day did Qin promise more?", "Tuesday", 5, True),
    ],
)
def test_a_piece_of_a_persons_name_or_a_date_is_no_body(question, span, line, fits):
    assert misfits(analyze(question), POSTS, *_on_line(span, line)) is not fits


@pytest.mark.parametrize(
    ("question", "span", "expected"),
    [
        # the body that the asked person's post is of, in an appositive of the span
        (
            "Which group does Sun Yuning belong to?",
            "Qin and Sun Yuning, deputy director of the General Administration of Customs",
            "the General Administration of Customs",
        ),
        (
            "Which organisation does Sun Yuning work for?",
            "Sun Yuning, deputy director of the General Administration of Customs",
            "the General Administration of Customs",
        ),
        # not another person's post, nor for a question for a person, nor a span without the post
        (
            "Which group does Qin belong to?",
            "Qin and Sun Yuning, deputy director of the General Administration of Customs",
            "Qin and Sun Yuning, deputy director of the General Administration of Customs",
        ),
        (
            "Who does Sun Yuning work with?",
            "Qin and Sun Yuning, deputy director of the General Administration of Customs",
            "Qin and Sun Yuning, deputy director of the General Administration of Customs",
        ),
        ("Which group does Sun Yuning belong to?", "Qin and Sun Yuning", "Qin and Sun Yuning"),
    ],
)
def test_the_body_of_the_asked_persons_post_is_kept_of_a_longer_span(question, span, expected):
    start = POSTS.index(span)
    begin, end = body_of_asked_persons_post(analyze(question), POSTS, start, start + len(span))
    assert POSTS[begin:end] == expected


@pytest.mark.parametrize(
    ("span", "person"),
    [
        # one word of a post holder's whole name, said alone or after a form of address
        ("Qin", True),
        ("Mr Qin", True),
        ("Dr. Qin", True),
        ("Mayor Qin", True),
        ("Tuesday, Qin", True),
        # a word of no post holder's name, a place, a form of address before another name
        ("Mr Lee", False),
        ("Hong Kong", False),
        ("Tuesday", False),
    ],
)
def test_a_person_is_said_by_one_word_of_a_post_holders_name(span, person):
    text = "Mayor Qin Weizhong spoke. Later Qin, Mr Qin, Dr. Qin, Mr Lee, Mayor Qin and Tuesday, Qin, Hong Kong."
    start = text.index(span, text.index("Later"))
    assert a_person(text, start, start + len(span)) is person


@pytest.mark.parametrize(
    ("question", "unsaid"),
    [
        ("Who is the adviser of the zone?", False),  # "advised": the sentence says the deed of the post
        ("Who was the zone's advisor?", False),  # spelt either way
        ("Who is the consultant of the zone?", True),  # the sentence says neither, the document gives a mayor
    ],
)
def test_the_deed_of_an_asked_post_says_the_post(question, unsaid):
    text = "Mayor Ann Lee spoke. Later Lee advised the zone on its plans."
    start = text.index("Lee", text.index("Later"))
    assert post_unsaid(analyze(question), text, start, start + 3) is unsaid
