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
