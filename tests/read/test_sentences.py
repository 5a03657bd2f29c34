"""Sentence ranking and the dense similarities the verifier reads from it, on the tiny corpus."""

from dataclasses import replace

import pytest

from qa.read.sentences import SentenceRanker, stems
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


def test_the_head_noun_that_names_the_kind_of_answer_is_not_sought_in_the_sentence(tiny_index):
    from qa.read.question import analyze
    from qa.read.sentences import stems

    ranker = SentenceRanker(tiny_index, passages=2)
    said = stems("Speaking to the Post, executive chairman Witman Hung hailed the support.")
    # "position" names what is asked for: a sentence that answers says "executive chairman", not "position"
    assert ranker.overlap(analyze("What is Witman Hung's position?"), said) == 1.0
    assert ranker.overlap(analyze("What is Witman Hung's position?"), stems("Hung spoke.")) < 1.0
    # any other word of the question is still sought
    assert ranker.overlap(analyze("What is Witman Hung's favourite position?"), said) < 1.0


def test_an_irregular_past_form_is_the_verb_the_question_asks_with(tiny_index):
    from qa.read.question import analyze
    from qa.read.sentences import stems

    ranker = SentenceRanker(tiny_index, passages=2)
    asked = analyze("Where did Eric Chan fly?")
    assert ranker.overlap(asked, stems("Eric Chan, who flew to Beijing, spoke.")) == 1.0
    assert ranker.overlap(asked, stems("Eric Chan spoke in Beijing.")) < 1.0


def test_a_name_said_in_the_sentence_a_pronoun_points_back_to_counts_almost_as_in_the_sentence():
    from qa.read.sentences import name_coverage, stems

    quote = stems("“We aim to establish key laboratory clusters,” he said.")
    before = stems("Shenzhen authorities would launch 40 projects, Mayor Qin Weizhong said.")
    names = ("shenzhen",)
    assert name_coverage(names, quote, set(), before) == 0.9
    assert name_coverage(names, before, set(), set()) == 1.0
    assert name_coverage(names, quote, before, set()) == 0.75  # only in the passage
    assert name_coverage(names, quote, set(), set()) == 0.35


def test_the_ranker_gives_the_sentence_before_only_to_a_sentence_that_points_back(tiny_index):
    ranker = SentenceRanker(tiny_index, passages=2)
    founded = next(s for s in tiny_index.sentences if s.text.startswith("It was founded"))
    grows = next(s for s in tiny_index.sentences if s.text.startswith("The botanical garden"))
    assert {"garden", "orchid"} <= ranker._referred(founded)  # "It" points back to the garden
    assert ranker._referred(grows) == set()  # the document's first sentence, and no pronoun


def test_stems_are_worked_out_once_and_handed_out_as_a_fresh_set():
    first = stems("The two sections are separated by the Shenzhen River.")
    assert {"two", "section", "separated", "shenzhen", "river"} <= first
    first.add("added by a caller")
    assert "added by a caller" not in stems("The two sections are separated by the Shenzhen River.")
