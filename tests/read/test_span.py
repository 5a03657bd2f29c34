"""Span decoding and span scoring on hand-made logits (no model)."""

import numpy as np

from qa.read.span import WindowLogits, decode_spans, word_edges

TEXT = "Mount Kessel is 1,200 metres high"
# [CLS] Mount Kessel is 1 , 200 metres high [SEP]
OFFSETS = np.array([(0, 0), (0, 5), (6, 12), (13, 15), (16, 17), (17, 18), (18, 21), (22, 28), (29, 33), (0, 0)])
CONTEXT = np.array([False] + [True] * 8 + [False])


def _window(start_at: int, end_at: int) -> WindowLogits:
    starts = np.full(10, -5.0)
    ends = np.full(10, -5.0)
    starts[0] = ends[0] = 1.0  # the null vote
    starts[start_at], ends[end_at] = 6.0, 7.0
    word_start, word_end = word_edges(TEXT, OFFSETS, CONTEXT)
    return WindowLogits(
        context=0,
        start_logits=np.where(CONTEXT & ~word_start, -np.inf, starts),
        end_logits=np.where(CONTEXT & ~word_end, -np.inf, ends),
        offsets=OFFSETS,
        is_context=CONTEXT,
    )


def test_the_best_span_is_decoded_with_its_score_and_null():
    window = _window(4, 7)
    spans = window.decode(max_answer_tokens=10, per_window=3)
    assert spans and spans[0] == (16, 28, 13.0)
    assert TEXT[spans[0][0] : spans[0][1]] == "1,200 metres"
    assert window.null == 2.0


def test_spans_never_start_or_end_inside_a_number():
    word_start, word_end = word_edges(TEXT, OFFSETS, CONTEXT)
    assert not word_start[5] and not word_start[6]  # "," and "200" continue "1,200"
    assert not word_end[4] and not word_end[5]  # "1" and "," do not end it
    for start, end, _ in decode_spans(
        _window(6, 6).start_logits, _window(6, 6).end_logits, OFFSETS, CONTEXT, 10, per_window=20
    ):
        assert TEXT[start:end].split()[0] not in ("200", ",200", "1,")


def test_score_span_matches_decoding_and_refuses_unaligned_spans():
    window = _window(4, 7)
    assert window.score_span(16, 28) == 13.0
    assert window.score_span(0, 12) == -10.0  # "Mount Kessel": a valid, low-scoring span
    assert window.score_span(17, 28) is None  # starts inside "1,200"
    assert window.score_span(16, 30) is None  # ends inside "high"
    assert window.score_span(22, 21) is None
