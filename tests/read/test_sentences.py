"""Sentence ranking and the dense similarities the verifier reads from it, on the tiny corpus."""

from dataclasses import replace

import pytest

from qa.read.sentences import SentenceRanker
from qa.records import Hit


def test_a_sentences_cosine_is_its_stored_vector_against_the_question_and_the_best_is_over_the_passages_read(
    tiny_index, fake_embedder
):
    vector = fake_embedder.encode(["Who cut the ribbon of the Harbour Bridge?"])[0]
    hits = [Hit(chunk, 1.0 / (rank + 1)) for rank, chunk in enumerate(tiny_index.chunks)]
    ranker = SentenceRanker(tiny_index, passages=2)
    read = [s for hit in hits[:2] for s in hit.chunk.sentences]
    cosines = [ranker.cosine(s, vector) for s in read]
    assert cosines[0] == pytest.approx(float(tiny_index.sentence_vector(read[0]) @ vector))
    assert ranker.best_cosine(hits, vector, -1.0) == pytest.approx(max(cosines))
    assert ranker.best_cosine(hits, vector, 2.0) == 2.0  # never below the floor (the answer's own)
    assert ranker.best_cosine([], vector, 0.3) == 0.3
    assert ranker.cosine(replace(read[0], start=read[0].start + 1), vector) is None  # not an indexed sentence
