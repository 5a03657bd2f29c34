"""Photo credits read back after their captions (``qa.read.credits``)."""

from __future__ import annotations

import pytest

from qa.read.credits import credit_after, in_caption, names_no_photographer
from qa.records import Sentence

RAW = (
    "Advertisement\n"
    "The border area is being developed into a cooperation zone. Photo: Martin Chan\n"
    "\n"
    "Eric Chan attends a press conference. Photo: Handout\n"
    "Figures are given in the report. Source: Census Office\n"
    "The park opens on Thursday. It will house 40 projects.\n"
)


def sentence(text: str) -> Sentence:
    start = RAW.index(text)
    return Sentence("d", start, start + len(text), text)


def test_the_credit_after_a_caption_is_a_raw_sentence_of_its_own():
    credit = credit_after(RAW, sentence("The border area is being developed into a cooperation zone."))
    assert credit is not None and credit.text == "Photo: Martin Chan"
    assert RAW[credit.start : credit.end] == credit.text


@pytest.mark.parametrize(
    "text",
    [
        "The park opens on Thursday.",  # another sentence follows on the line, then no credit
        "It will house 40 projects.",  # no credit on the line
        "Figures are given in the report.",  # a source credits no picture
    ],
)
def test_no_credit_where_the_line_does_not_end_in_a_picture_credit(text):
    assert credit_after(RAW, sentence(text)) is None


def test_a_span_of_a_caption_is_who_the_photo_shows_and_a_credit_may_name_no_one():
    start = RAW.index("Eric Chan")
    assert in_caption(RAW, start, start + len("Eric Chan"))
    start = RAW.index("Thursday")
    assert not in_caption(RAW, start, start + len("Thursday"))
    start = RAW.index("Martin Chan")
    assert not in_caption(RAW, start, start + len("Martin Chan"))  # the credit itself
    assert names_no_photographer("Handout") and names_no_photographer("Photo")
    assert not names_no_photographer("Martin Chan")
