import pytest

from qa.read.names import whole_name

TEXT = "Lau, a consultant at Beijing’s think tank the Chinese Association of Hong Kong and Macau Studies, spoke."


@pytest.mark.parametrize(
    ("span", "name"),
    [
        # a piece of a name with "of" and "and" inside is that name's
        ("Hong Kong and Macau Studies", "Chinese Association of Hong Kong and Macau Studies"),
        ("Macau", "Chinese Association of Hong Kong and Macau Studies"),
        ("Chinese Association", "Chinese Association of Hong Kong and Macau Studies"),
        # a name of one word stands in no longer one: the span to the end of its capitalised run
        ("Lau", "Lau"),
        ("Beijing", "Beijing"),
    ],
)
def test_whole_name(span, name):
    start = TEXT.index(span)
    lower, upper = whole_name(TEXT, start, start + len(span))
    assert TEXT[lower:upper] == name


@pytest.mark.parametrize(
    ("phrase", "people"),
    [
        ("her mother", True),
        ("a number of ministries", True),
        ("government officials", True),
        ("protesters", True),  # an agent's ending
        ("employees", True),
        ("Eric Chan's boss", True),
        ("a person", True),
        ("40 other projects", False),
        ("the border", False),
    ],
)
def test_a_phrase_that_names_people_without_a_name(phrase, people):
    from qa.read.names import names_people

    assert names_people(phrase) is people


def test_a_short_form_names_what_its_letters_spell():
    from qa.read.names import names_any

    assert names_any({"hk"}, "Five Hong Kong universities have set up 10 centres")
    assert names_any({"hksp"}, "The Hong Kong Science Park will open a branch")
    assert names_any({"sp"}, "The Hong Kong Science Park will open a branch")  # a part of the run
    assert names_any({"china"}, "Chinese President Xi Jinping")  # as before: the people of a place
    assert not names_any({"hk"}, "Five Shenzhen universities have set up 10 centres")
    assert not names_any({"hk"}, "Hong and Kong are two words")  # not in a row
    assert not names_any({"h"}, "Hong Kong")  # one letter spells nothing


@pytest.mark.parametrize("name", ["Eric Chan", "Chan", "Hong Kong", "Kong", "O’Brien", "U.S.", "Chan Chan"])
def test_a_long_text_has_the_same_mentions_as_a_short_one(name):
    from qa.read.names import _LONG_TEXT, mentions

    part = "Eric Chan met O’Brien of the U.S. in Hong Kong. Chan Chan Chan and Chan-ki, Chan’s and Kong-based.\n"
    text = part * (_LONG_TEXT // len(part) + 1)  # read from where the first word stands, not through
    assert len(text) > _LONG_TEXT
    short = [(m.start(), m.end()) for m in mentions(part, name)]
    assert short  # every name is there
    width = len(part)
    found = [(m.start(), m.end()) for m in mentions(text, name)]
    assert found == [(start + width * n, end + width * n) for n in range(len(text) // width) for start, end in short]
