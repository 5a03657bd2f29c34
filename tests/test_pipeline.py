import pytest

from qa.errors import InvalidRequestError


@pytest.mark.parametrize("question", ["", "   ", "\n\t"])
def test_empty_questions_are_refused(tiny_pipeline, question):
    with pytest.raises(InvalidRequestError, match="empty"):
        tiny_pipeline.ask(question)


def test_overlong_question_is_refused(tiny_pipeline):
    with pytest.raises(InvalidRequestError, match="limit is 1000"):
        tiny_pipeline.ask("why " * 300)


@pytest.mark.parametrize("top_n", [0, 11, -1])
def test_top_n_out_of_range_is_refused(tiny_pipeline, top_n):
    with pytest.raises(InvalidRequestError, match="top_n"):
        tiny_pipeline.ask("Who cut the ribbon?", top_n)


def test_response_carries_timings_passages_and_version(tiny_pipeline, tiny_index):
    response = tiny_pipeline.ask("Who cut the ribbon?", 2, threshold=0)
    assert set(response.timings_ms) == {"embed", "dense", "bm25", "fusion", "read", "total"}
    assert response.index_version == tiny_index.version and response.passages
    assert len(response.answers) <= 2


def test_threshold_one_always_abstains_but_keeps_evidence(tiny_pipeline):
    response = tiny_pipeline.ask("Who cut the ribbon?", threshold=1.01)
    assert response.no_answer and not response.answers and response.passages
