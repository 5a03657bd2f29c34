"""Units of measure: the one a question asks for, and an answer's conversion into it.

Texts often give a quantity twice, in two units: "rises 69 feet (21 m) over the river", "2,700 acres
(1,093 ha)". A reader that finds the quantity may point at either; ``in_asked_unit`` moves an answer to
the other one when the question names that unit ("How many meters …?", "… in hectares?"). Only a
conversion standing right beside the answer, in brackets, is taken: nothing is computed. A rate
moves the same way ("71,672 people per square mile (27,673/km²)").
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.read.question import Kind, Question
from qa.text import MAGNITUDES, NUMBER_WORDS, NUMERAL

# Each unit's spellings; abbreviations of one or two letters are recognised after a number only.
_FORMS: dict[str, tuple[str, ...]] = {
    "m": ("meters", "metres", "meter", "metre", "m"),
    "km": ("kilometers", "kilometres", "kilometer", "kilometre", "km"),
    "cm": ("centimeters", "centimetres", "centimeter", "centimetre", "cm"),
    "mm": ("millimeters", "millimetres", "millimeter", "millimetre", "mm"),
    "mi": ("miles", "mile", "mi"),
    "ft": ("feet", "foot", "ft"),
    "in": ("inches", "inch"),
    "yd": ("yards", "yard", "yd"),
    "acre": ("acres", "acre"),
    "ha": ("hectares", "hectare", "ha"),
    "mi2": ("square miles", "square mile", "sq mi", "mi2", "mi²"),
    "km2": ("square kilometers", "square kilometres", "square kilometer", "square kilometre", "km2", "km²", "sq km"),
    "m2": ("square meters", "square metres", "square meter", "square metre", "m2", "m²"),
    "ft2": ("square feet", "square foot", "sq ft", "ft2", "ft²"),
    "gal": ("gallons", "gallon", "gal"),
    "l": ("liters", "litres", "liter", "litre"),
    "m3": ("cubic meters", "cubic metres", "cubic meter", "cubic metre", "m3", "m³"),
    "kg": ("kilograms", "kilogram", "kg"),
    "lb": ("pounds", "pound", "lb", "lbs"),
    "t": ("tonnes", "tonne", "metric tons"),
    "°F": ("°F", "fahrenheit"),
    "°C": ("°C", "celsius", "centigrade"),
}
_UNIT_OF = {form.lower(): unit for unit, forms in _FORMS.items() for form in forms}
# What each unit measures, and what a "How ADJ …?" question asks to be measured: "How deep is the river?" is
# not answered by "302 hectares". "How high" may ask for a temperature, "How long / far" for a time (a span
# of time, _DURATION, is a measure too), "How big / large / much" for anything.
_DIMENSION = {
    **dict.fromkeys(("m", "km", "cm", "mm", "mi", "ft", "in", "yd"), "length"),
    **dict.fromkeys(("acre", "ha", "mi2", "km2", "m2", "ft2"), "area"),
    **dict.fromkeys(("gal", "l", "m3"), "volume"),
    **dict.fromkeys(("kg", "lb", "t"), "mass"),
    **dict.fromkeys(("°F", "°C"), "temperature"),
}
_ASKED_DIMENSION = {
    **dict.fromkeys(("deep", "tall", "wide"), frozenset({"length"})),
    **dict.fromkeys(("long", "far"), frozenset({"length", "time"})),  # "six years", "two hours away"
    "high": frozenset({"length", "temperature"}),
    "heavy": frozenset({"mass"}),
}
# A measure the question names besides: "How wide of an area …?" asks for an area as well
_NAMED_DIMENSION = {"area": "area", "volume": "volume", "weight": "mass", "mass": "mass", "temperature": "temperature"}
_HOW_ADJ = re.compile(r"\bhow\s+(" + "|".join(_ASKED_DIMENSION) + r")\b", re.IGNORECASE)
_SPELLINGS = sorted(_UNIT_OF, key=len, reverse=True)  # longest first: "square miles" before "miles"
_ANY = "|".join(re.escape(f) for f in _SPELLINGS)
_NUMBER = NUMERAL + r"(?:\s(?:million|billion))?"
# A quantity: a number, then (after a space or a hyphen: "28-acre") one of the units.
_QUANTITY = re.compile(rf"({_NUMBER})\s?-?\s?({_ANY})(?![\w²³])", re.IGNORECASE)
# A span of time: "24 hours", "six years"
_DURATION = re.compile(
    rf"(?:{_NUMBER}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s?-?\s?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b",
    re.IGNORECASE,
)
# In a question, only spellings that cannot be an ordinary word ("in", "m", "t" are left out).
_NAMED = re.compile(
    r"(?<![\w°])(" + "|".join(re.escape(f) for f in _SPELLINGS if len(f) > 2 or f in ("km", "cm", "mm")) + r")(?!\w)",
    re.IGNORECASE,
)
# The conversion in brackets right after a quantity ("69 feet (21 m)"), or the one before it.
_ABOUT = r"(?:about\s+|approximately\s+|c\.\s*)?"
_AFTER = re.compile(rf"\s*\(\s*{_ABOUT}({_NUMBER}\s?-?\s?(?:{_ANY}))(?![\w²³])", re.IGNORECASE)
_BEFORE = re.compile(rf"({_NUMBER}\s?-?\s?(?:{_ANY}))\s*\(\s*{_ABOUT}$", re.IGNORECASE)
# A rate ("71,672 people per square mile", "$1,476 per square foot") and its conversion in brackets
# ("(27,673/km²)", "($15,887/m²)")
_RATE = re.compile(
    rf"[$€£]?(?P<number>{_NUMBER})(?:\s+[a-z]+){{0,2}}?\s+per\s+(?P<unit>{_ANY})(?![\w²³])", re.IGNORECASE
)
_RATE_AFTER = re.compile(
    rf"\s*\(\s*{_ABOUT}(?P<number>[$€£]?{_NUMBER})\s*/\s*(?P<unit>{_ANY})(?![\w²³])", re.IGNORECASE
)


def is_unit(word: str) -> bool:
    """Whether a word is a unit's spelling ("acre", "km"; "square miles" too)."""
    return word.lower() in _UNIT_OF


@lru_cache(maxsize=256)  # asked once per candidate span of the same question
def asked_unit(question: str) -> str | None:
    """The one unit a question names ("How many meters …?" → "m"); None for none or several."""
    found = {_UNIT_OF[m.group(1).lower()] for m in _NAMED.finditer(question)}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=256)  # asked once per candidate span of the same question
def asked_dimensions(q: Question) -> frozenset[str]:
    """What a "How deep / long / tall / wide / far / high / heavy …?" question, or a question for a number or
    quantity that names a unit ("In kilometers, how long …?", "How many acres …?"), asks to be measured, with
    any measure it names ("area", "weight"); nothing for other questions ("how often … exceed 90 degrees
    Fahrenheit?")."""
    question = q.core
    asked = _HOW_ADJ.search(question)
    unit = asked_unit(question) if q.kind in (Kind.COUNT, Kind.QUANTITY) else None
    named = {_NAMED_DIMENSION[w.lower()] for w in re.findall(r"[A-Za-z]+", question) if w.lower() in _NAMED_DIMENSION}
    if unit is not None:  # "In kilometers, how long is the ferry route?" asks for a length, not a time
        return frozenset({_DIMENSION[unit], *named})
    if asked is None:
        return frozenset()
    return _ASKED_DIMENSION[asked.group(1).lower()] | named


def dimensions(text: str, start: int, end: int) -> set[str]:
    """What the quantities that the span holds or is part of measure ("area" for "302 hectares" or its "302",
    "time" for "24 hours")."""
    line_end = text.find("\n", end)
    bounds = (text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end)
    quantities = _QUANTITY.finditer(text, *bounds)
    found = {_DIMENSION[_UNIT_OF[m.group(2).lower()]] for m in quantities if _over(m, start, end)}
    return found | {"time" for m in _DURATION.finditer(text, *bounds) if _over(m, start, end)}


def _over(m: re.Match[str], start: int, end: int) -> bool:
    return m.start() < end and start < m.end()


def other_dimension(q: Question, text: str, start: int, end: int) -> bool:
    """A span that measures something else than the question asks: every quantity it holds or is part of
    is in a unit of another dimension ("302 hectares", an area, for "How deep is the river?")."""
    asked = asked_dimensions(q)
    if not asked:
        return False
    found = dimensions(text, start, end)
    return bool(found) and not found & asked


# The unit a question asks its number in: "How many acres …?", "… in hectares?" (not "… 30 km northeast of …", nor
# "Harvard Yard")
_ASKED_IN = re.compile(rf"\bhow\s+many\s+({_ANY})(?![\w²³])|\bin\s+({_ANY})\s*\??\s*$", re.IGNORECASE)


def unconverted(q: Question, text: str, start: int, end: int) -> bool:
    """A quantity in another unit than the one a question for a number asks for, with no conversion beside it:
    "302 hectares" (or its "302") for "How many acres is the Shenzhen side?" (nothing is computed; "87 hectares"
    becomes "214 acres" of "87 hectares (214 acres)" in ``in_asked_unit``)."""
    asked = _ASKED_IN.search(q.core) if q.kind in (Kind.COUNT, Kind.QUANTITY) else None
    wanted = _UNIT_OF[(asked.group(1) or asked.group(2)).lower()] if asked else None
    quantity = _quantity_at(text, start, end) if wanted is not None else None
    if quantity is None or _UNIT_OF[quantity.group(2).lower()] == wanted:
        return False
    return in_asked_unit(q, text, start, end) == (start, end)


def in_asked_unit(q: Question, text: str, start: int, end: int) -> tuple[int, int]:
    """The same quantity in the unit the question asks for, when ``text[start:end]`` gives it in another
    and the conversion stands beside it in brackets ("69 feet (21 m)" → "21 m"); else the span as it is."""
    wanted = asked_unit(q.core)
    if wanted is None:
        return start, end
    per = _per_asked_unit(text, start, end, wanted)
    if per is not None:
        return per
    quantity = _quantity_at(text, start, end)
    if quantity is None or _UNIT_OF[quantity.group(2).lower()] == wanted:
        return start, end
    after = _AFTER.match(text, quantity.end())
    before = _BEFORE.search(text, max(0, quantity.start() - 60), quantity.start())
    for found in (after, before):
        if found is None:
            continue
        other = _quantity_at(text, found.start(1), found.end(1))
        if other is not None and _UNIT_OF[other.group(2).lower()] == wanted:
            hyphenated = "-" in text[other.end(1) : other.start(2)]  # "6-kilometer": the number alone
            return found.start(1), other.end(1) if hyphenated else found.end(1)
    return start, end


def _per_asked_unit(text: str, start: int, end: int, wanted: str) -> tuple[int, int] | None:
    """A rate's number in the asked unit from its conversion in brackets: "27,673" of "71,672 people per
    square mile (27,673/km²)" for "… per square kilometer?", "$17,104" of "$1,589 per square foot
    ($17,104/m²)"; None when the span holds no such rate."""
    rate = _RATE.match(text, start)
    if rate is None or rate.start("number") >= end or _UNIT_OF[rate.group("unit").lower()] == wanted:
        return None
    other = _RATE_AFTER.match(text, rate.end())
    if other is None or _UNIT_OF[other.group("unit").lower()] != wanted:
        return None
    return other.start("number"), other.end("number")


def unit_at(text: str, start: int, end: int) -> str | None:
    """The unit of the quantity that the span holds or is the number of ("ha" of "87 hectares (214 acres)" or of
    its "87", "acre" of its "214"); None for a span of no quantity."""
    m = _quantity_at(text, start, end)
    return _UNIT_OF[m.group(2).lower()] if m else None


def units_said(text: str, start: int, end: int) -> list[str]:
    """The unit of each quantity of ``text[start:end]``, conversions in brackets included: ["ha", "acre", "ha"] of
    "… 87 hectares (214 acres), and the Shenzhen one occupying 302 hectares"."""
    return [_UNIT_OF[m.group(2).lower()] for m in _QUANTITY.finditer(text, start, end)]


def measures_said(text: str, start: int, end: int) -> list[str]:
    """What each quantity of ``text[start:end]`` measures, less conversions in brackets: ["area", "area"] of "… 87
    hectares (214 acres), and the Shenzhen one occupying 302 hectares" (two areas, one of them given twice)."""
    return [
        _DIMENSION[_UNIT_OF[m.group(2).lower()]]
        for m in _QUANTITY.finditer(text, start, end)
        if not _IN_BRACKETS.search(text, max(0, m.start() - 20), m.start())
    ]


def measure_of(unit: str) -> str:
    """What a unit measures: "area" of "ha" and of "acre"."""
    return _DIMENSION[unit]


_IN_BRACKETS = re.compile(rf"\(\s*{_ABOUT}$", re.IGNORECASE)  # "(", "(about " just before a quantity


def quantities(text: str, start: int, end: int) -> list[tuple[int, float, str]]:
    """Where each quantity of ``text[start:end]`` starts, its value and its unit, conversions in brackets
    included: [(…, 87.0, "ha"), (…, 214.0, "acre"), (…, 302.0, "ha")] of "… 87 hectares (214 acres), and the
    Shenzhen one occupying 302 hectares"."""
    found = []
    for m in _QUANTITY.finditer(text, start, end):
        number = m.group(1).split()
        value = float(number[0].replace(",", "")) if number[0].count(".") <= 1 else None
        if value is not None:
            scale = MAGNITUDES.get(number[-1].lower(), 1) if len(number) > 1 else 1  # "3.5 million"
            found.append((m.start(), value * scale, _UNIT_OF[m.group(2).lower()]))
    return found


def _quantity_at(text: str, start: int, end: int) -> re.Match[str] | None:
    """The quantity that the span holds, or whose number it is ("468.9" of "468.9 square miles")."""
    for m in _QUANTITY.finditer(text, text.rfind("\n", 0, start) + 1):  # from the start of its line
        if m.start() >= end:
            return None
        if start < m.end():
            return m
    return None
