"""Span decoding and span scoring on hand-made logits (no model)."""

import numpy as np
import pytest

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


@pytest.mark.slow
def test_the_onnx_span_model_gives_the_torch_logits_and_is_cached(tmp_path):
    from qa.read.span import DEFAULT_MODEL_DIR, load_span_model, span_model_key

    model, _ = load_span_model()
    question = "Which river separates the two sections?"
    contexts = ["The Shenzhen River separates the two sections of the zone.", "Hong Kong is a city. " * 60]
    on_torch = model.windows(question, contexts)
    key = span_model_key(DEFAULT_MODEL_DIR, tmp_path)
    model.use_onnx(tmp_path, key, threads=1)
    on_onnx = model.windows(question, contexts)
    assert model.backend == "onnx" and len(on_onnx) == len(on_torch) > 2  # the long context is cut into windows
    for a, b in zip(on_torch, on_onnx, strict=True):
        finite = np.isfinite(a.start_logits)
        assert np.array_equal(finite, np.isfinite(b.start_logits))
        assert np.abs(a.start_logits[finite] - b.start_logits[finite]).max() < 1e-3
        spans_a, spans_b = a.decode(30, 3), b.decode(30, 3)
        assert [s[:2] for s in spans_a] == [s[:2] for s in spans_b]
        assert [s[2] for s in spans_a] == pytest.approx([s[2] for s in spans_b], abs=1e-3)
    graphs = list(tmp_path.glob("reader-*.onnx"))
    stamp = graphs[0].stat().st_mtime_ns
    load_span_model()[0].use_onnx(tmp_path, span_model_key(DEFAULT_MODEL_DIR, tmp_path), threads=1)
    assert len(graphs) == 1 and graphs[0].stat().st_mtime_ns == stamp  # exported once


@pytest.mark.slow
def test_int8_on_onnx_quantises_the_weights_but_not_the_output_head(tmp_path):
    import onnx

    from qa.config import Settings
    from qa.read.learned import load_configured_span_model

    settings = Settings(index_dir=tmp_path, reader_int8=True)
    model, _ = load_configured_span_model(settings)
    assert model.backend == "onnx-int8"
    graph = next(tmp_path.glob("onnx/*-int8.onnx"))
    nodes = onnx.load(str(graph)).graph.node
    assert any(n.op_type in ("MatMulInteger", "DynamicQuantizeMatMul") for n in nodes)
    assert any("qa_outputs" in n.name and n.op_type == "MatMul" for n in nodes)  # the head stays fp32
    fp32, _ = load_configured_span_model(settings.with_(reader_int8=False))
    question, context = "Which river separates the two sections?", "The Shenzhen River separates the two sections."
    for span_model in (model, fp32):  # int8 may move an edge ("The Shenzhen River"), never lose the answer
        start, end, _ = span_model.windows(question, [context])[0].decode(30, 1)[0]
        assert "Shenzhen River" in context[start:end]


@pytest.mark.slow
def test_bf16_on_torch_keeps_the_fp32_answers(tmp_path):
    from qa.config import Settings
    from qa.read.learned import load_configured_span_model

    settings = Settings(index_dir=tmp_path, reader_bf16=True)
    bf16, _ = load_configured_span_model(settings)
    fp32, _ = load_configured_span_model(settings.with_(reader_bf16=False))
    assert bf16.backend == "torch-bf16" and fp32.backend == "onnx"
    context = (
        "Shenzhen authorities would also launch 40 other projects in the new cooperation zone on the same day, "
        "Mayor Qin Weizhong said at a press conference held in Beijing on Tuesday. Five Hong Kong universities "
        "have already set up 10 innovation centres there. The Shenzhen River separates the two sections of the "
        "zone, which covers 3.89 square kilometres."
    )
    questions = [
        "Who is the mayor of Shenzhen?",
        "How many projects will be launched?",
        "How many universities have set up centres?",
        "Which river separates the two sections?",
        "How large is the zone?",
        "Where was the press conference held?",
    ]
    for question in questions:
        a, b = bf16.windows(question, [context])[0], fp32.windows(question, [context])[0]
        finite = np.isfinite(b.start_logits)
        assert np.array_equal(finite, np.isfinite(a.start_logits))
        assert np.abs(a.start_logits[finite] - b.start_logits[finite]).max() < 0.5  # bf16 keeps ~3 digits
        assert a.decode(30, 1)[0][:2] == b.decode(30, 1)[0][:2], question


def test_a_question_answered_beside_a_rebuild_runs_the_span_model_on_one_thread(seed_pipeline):
    from qa import runtime

    span_model = seed_pipeline.reader.span_model
    if span_model.backend != "onnx":
        pytest.skip("the span model runs on torch here")
    question, contexts = "Which river separates the two sections?", ["The Shenzhen River separates the two sections."]
    usual = span_model._onnx()
    with runtime.leanly():
        lean = span_model._onnx()
        leanly_read = span_model.windows(question, contexts)
    assert lean is not usual and lean.get_session_options().intra_op_num_threads == 1
    assert span_model._onnx() is usual  # only inside the block
    again = span_model.windows(question, contexts)
    assert np.allclose(leanly_read[0].start_logits, again[0].start_logits, atol=1e-4, equal_nan=True)
