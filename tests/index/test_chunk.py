import itertools

from qa.index.chunk import chunk_document, document_sentences, split_sentences
from qa.ingest.files import read_corpus
from qa.records import Span
from tests.conftest import SEED


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, Span(0, len(text)))]


def test_abbreviations_and_numbers_do_not_split():
    text = "Prof. Omar Haddad met U.S. officials. Hong Kong’s No 2 official spoke. Dr. Li agreed."
    assert sentences(text) == [
        "Prof. Omar Haddad met U.S. officials.",
        "Hong Kong’s No 2 official spoke.",
        "Dr. Li agreed.",
    ]


def test_quotes_close_the_sentence_they_end():
    text = "“We aim high,” he said. “Instead, both sides win.” Then he left."
    assert sentences(text) == ["“We aim high,” he said.", "“Instead, both sides win.”", "Then he left."]


def test_lowercase_after_period_does_not_split():
    assert sentences("It cost 3.5 million dollars. e.g. this stays together.") == [
        "It cost 3.5 million dollars. e.g. this stays together."
    ]


def seed_document():
    return read_corpus(SEED.parent).documents[0]


def test_seed_chunks_are_exact_raw_slices_and_respect_sizes():
    document = seed_document()
    chunks = chunk_document(document, target_words=150, max_words=200, overlap_sentences=1)
    assert len(chunks) >= 4
    for chunk in chunks:
        assert document.raw[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text.split()) <= 200 or len(chunk.sentences) == 1
        for sentence in chunk.sentences:
            assert document.raw[sentence.start : sentence.end] == sentence.text
            assert chunk.start <= sentence.start < sentence.end <= chunk.end


def test_chunks_overlap_by_one_sentence_within_a_section():
    chunks = chunk_document(seed_document(), target_words=60, max_words=100, overlap_sentences=1)
    shared = [a.sentences[-1] == b.sentences[0] for a, b in itertools.pairwise(chunks)]
    assert any(shared)


def test_headlines_and_bullets_are_sentences_of_their_own():
    texts = [s.text for section in document_sentences(seed_document()) for s in section]
    assert "Hong Kong leader John Lee says cross-border tech hub will be reality by 2035" in texts
    assert any(t.startswith("Hong Kong’s No 2 official Eric Chan says") for t in texts)
    assert any(t.startswith("The two sections") and t.endswith("occupying 302 hectares.") for t in texts)


def test_every_sentence_is_in_some_chunk():
    document = seed_document()
    chunks = chunk_document(document, 150, 200, 1)
    covered = {(s.start, s.end) for c in chunks for s in c.sentences}
    every = {(s.start, s.end) for section in document_sentences(document) for s in section}
    assert covered == every
