import pytest

from qa.read.question import analyze
from qa.read.units import (
    asked_unit,
    in_asked_unit,
    measure_of,
    measures_said,
    other_dimension,
    unconverted,
    unit_at,
    units_said,
)

TEXT = (
    "Riverbank State Park, a 28-acre (110,000 m2) facility, rises 69 feet (21 m) over the river. "
    "Pelham Bay Park covers 2,700 acres (1,093 ha). The creek is a 3.5-mile (6-kilometer) estuary. "
    "The Hong Kong side spreads across 87 hectares (214 acres). Some 2 million people live there. "
    "Its density of 71,672 people per square mile (27,673/km²) is the highest; offices sold for $1,589 per "
    "square foot ($17,104/m²). The ferry runs 24 hours a day over 8.4 kilometers."
)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("How many meters is the park elevated?", "m"),
        ("How large is Pelham Bay Park in hectares?", "ha"),
        ("How many square miles are water?", "mi2"),  # not "miles"
        ("In millimeters, how much rain falls?", "mm"),
        ("How many people live in the city?", None),
        ("How tall is it in feet and in meters?", None),  # two units: none is the one
    ],
)
def test_the_unit_a_question_names(question, unit):
    assert asked_unit(question) == unit


@pytest.mark.parametrize(
    ("question", "span", "expected"),
    [
        ("How many meters does the park rise over the river?", "69 feet", "21 m"),  # the conversion after it
        ("How many meters does the park rise over the river?", "69", "21 m"),  # a bare number: its unit follows
        ("How large is Pelham Bay Park in hectares?", "2,700 acres", "1,093 ha"),
        ("How large is Pelham Bay Park in acres?", "1,093 ha", "2,700 acres"),  # the conversion before it
        ("How long is the creek in kilometers?", "3.5-mile", "6"),  # a hyphenated measure: its number
        ("How many acres is the Hong Kong side?", "87 hectares", "214 acres"),
        ("How many acres is the Hong Kong side?", "214 acres", None),  # already in the unit asked for: kept
        ("How big is the Hong Kong side?", "87 hectares", None),  # no unit asked for
        ("How many square meters is the park?", "2 million people", None),  # no quantity in a unit
        # a rate moves to its conversion after it, "N per UNIT (M/UNIT)", with its currency
        ("What is the density per square kilometer?", "71,672", "27,673"),
        ("What is the density per square kilometer?", "71,672 people per square mile", "27,673"),
        ("What was the price per square meter?", "$1,589", "$17,104"),
        ("What is the density per square mile?", "71,672", None),  # already in the unit asked for
    ],
)
def test_an_answer_moves_to_its_conversion_in_the_unit_asked_for(question, span, expected):
    start = TEXT.index(span)
    moved = in_asked_unit(analyze(question), TEXT, start, start + len(span))
    assert TEXT[moved[0] : moved[1]] == (expected or span)


@pytest.mark.parametrize(
    ("question", "span", "other"),
    [
        ("How deep is the river?", "87 hectares", True),  # an area for a length
        ("How deep is the river?", "87", True),  # the number of an area
        ("How high does the park rise over the river?", "69 feet", False),
        ("How high does the park rise over the river?", "21 m", False),
        ("How long is the creek?", "3.5-mile", False),
        ("How long is the creek?", "2,700 acres", True),
        ("How heavy is the park?", "2,700 acres", True),
        ("How wide of an area does the park cover?", "2,700 acres", False),  # the question names an area
        ("How long did the people live there?", "2 million people", False),  # no unit: a time may have none
        ("How big is the Hong Kong side?", "87 hectares", False),  # "big" may be any measure
        ("How many acres is the Hong Kong side?", "87 hectares", False),  # an area, as asked
        # a span of time is a measure too; a unit the question names says what it asks
        ("In kilometers, how long is the ferry route?", "24 hours", True),
        ("How long does the ferry run?", "24 hours", False),
        ("In kilometers, how long is the ferry route?", "8.4 kilometers", False),
        ("How many square meters is the park?", "8.4", True),
        ("How often is it above 90 degrees Fahrenheit?", "24 hours", False),  # the unit is no measure asked
    ],
)
def test_a_measure_of_another_dimension_does_not_answer(question, span, other):
    start = TEXT.index(span)
    assert other_dimension(analyze(question), TEXT, start, start + len(span)) is other


@pytest.mark.parametrize(
    ("question", "span", "unconverted_"),
    [
        # a number in another unit of the asked measure, with no conversion beside it: nothing is computed
        ("How many acres is Pelham Bay Park?", "1,093 ha", False),  # its conversion stands beside it
        ("How many hectares is the Hong Kong side?", "87 hectares", False),
        ("How many square kilometres does the ferry serve?", "2,700 acres", True),
        ("How many kilometers is the creek?", "3.5-mile", False),  # "6-kilometer" beside it: moved, not refused
        ("How many meters is the creek?", "3.5-mile", True),  # kilometers are no meters
        ("How long is the creek in yards?", "3.5-mile", True),
        # a unit the question names for no number asked ("Harvard Yard", "30 km northeast of …")
        ("How far from the state house is Harvard Yard?", "8.4 kilometers", False),
        ("How large was the slip 30 km northeast of the fault?", "87 hectares", False),
    ],
)
def test_a_number_in_another_unit_than_asked_with_no_conversion_does_not_answer(question, span, unconverted_):
    start = TEXT.index(span)
    assert unconverted(analyze(question), TEXT, start, start + len(span)) is unconverted_


def test_the_units_of_a_span_and_of_a_sentence():
    sentence = TEXT.index("The Hong Kong side")
    line_end = TEXT.index("Some 2 million")
    assert units_said(TEXT, sentence, line_end) == ["ha", "acre"]
    assert measures_said(TEXT, sentence, line_end) == ["area"]  # "(214 acres)" converts "87 hectares"
    assert measures_said("87 hectares (about 214 acres) and 302 ha", 0, 40) == ["area", "area"]
    assert measure_of("acre") == measure_of("ha") == "area"
    at = TEXT.index("87 hectares")
    assert unit_at(TEXT, at, at + 2) == "ha"  # the number of "87 hectares"
    at = TEXT.index("214 acres")
    assert unit_at(TEXT, at, at + 3) == "acre"
    at = TEXT.index("2 million")
    assert unit_at(TEXT, at, at + len("2 million")) is None  # people: no unit


def test_quantities_are_read_with_their_values_and_units():
    from qa.read.units import quantities

    text = "the Hong Kong side spread across 87 hectares (214 acres), and the Shenzhen one 1,302.5 hectares"
    found = [(text[at:].split()[0], value, unit) for at, value, unit in quantities(text, 0, len(text))]
    assert found == [("87", 87.0, "ha"), ("214", 214.0, "acre"), ("1,302.5", 1302.5, "ha")]
    assert [value for _, value, _ in quantities("3.5 million acres", 0, 17)] == [3_500_000.0]
