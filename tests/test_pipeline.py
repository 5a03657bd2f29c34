from dataclasses import replace

import pytest

from qa.config import Settings
from qa.errors import InvalidRequestError
from qa.pipeline import Pipeline
from tests.conftest import write_corpus


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
    assert set(response.timings_ms) == {"embed", "dense", "bm25", "fusion", "read", "verify", "total"}
    assert response.index_version == tiny_index.version and response.passages
    assert len(response.answers) == 2 and len(response.candidates) >= 2
    assert response.answers == response.candidates[:2] and response.hits[: len(response.passages)] == response.passages


def test_the_question_is_cleaned_of_control_and_invisible_characters(tiny_pipeline):
    clean = tiny_pipeline.ask("Who cut the ribbon?", threshold=0)
    dirty = tiny_pipeline.ask("Who\x00 cut\u200b the ribbon?\u2060\n", threshold=0)
    assert dirty.question == "Who cut the ribbon?" and dirty.answers[0].text == clean.answers[0].text


def test_a_lone_surrogate_is_dropped_not_a_crash(tiny_pipeline):
    assert tiny_pipeline.ask("Who cut the ribbon? \ud800", threshold=0).question == "Who cut the ribbon?"


def test_a_yes_no_question_is_not_answered_but_shown_the_sentence_that_bears_on_it(tiny_pipeline, tiny_index):
    response = tiny_pipeline.ask("Did Mayor Alice Wong cut the ribbon?")
    assert response.no_answer and response.answers == ()
    assert response.candidates == () and "read" not in response.timings_ms  # nothing is read for it
    evidence = response.evidence
    assert evidence.text == "Mayor Alice Wong cut the ribbon."
    assert tiny_index.document(evidence.doc_id).raw[evidence.start : evidence.end] == evidence.text
    # a name the documents never write: nothing bears on it
    assert tiny_pipeline.ask("Did Mayor Bob Lee cut the ribbon?").evidence is None
    assert tiny_pipeline.ask("Who cut the ribbon?").evidence is None


def test_abstention_is_one_rule_over_the_best_candidate():
    from qa.read.verify import abstains
    from qa.records import Answer, Citation, Sentence, StageScores

    answer = Answer("x", Citation("d", 0, 1), Sentence("d", 0, 1, "x"), 0.6, StageScores(1, 1, 1))
    assert abstains([], 0.0) and abstains([answer], 0.61) and not abstains([answer], 0.6)


def test_threshold_one_always_abstains_but_keeps_evidence(tiny_pipeline):
    response = tiny_pipeline.ask("Who cut the ribbon?", threshold=1.01)
    assert response.no_answer and not response.answers and response.passages


@pytest.mark.parametrize("reader", ["learned", "rules"])
def test_the_packaged_verifiers_carry_a_squad2_calibration_chosen_by_setting(reader):
    from qa.config import Settings
    from qa.pipeline import load_verifier

    default = load_verifier(Settings(reader=reader))
    squad2 = load_verifier(Settings(reader=reader, calibration="squad2"))
    assert default.model is not None and squad2.model is not None
    assert squad2.model.weights == default.model.weights and squad2.model.platt != default.model.platt
    assert 0.3 < squad2.model.calibrations["squad2"]["prior_unanswerable"] < 0.7


def test_documents_filter_by_id_and_glob(tiny_pipeline):
    question = "Who founded the botanical garden?"
    assert tiny_pipeline.select(["garden.txt"]) == {"garden.txt"}
    assert tiny_pipeline.select(["*.txt"]) == {d for d in tiny_pipeline.index.documents if d.endswith(".txt")}
    assert tiny_pipeline.select(["gar*", "nothing.txt"]) == {"garden.txt"}
    response = tiny_pipeline.ask(question, documents=["harb*"])
    assert {hit.chunk.doc_id for hit in response.hits} == {"harbour.txt"}
    assert all(a.citation.doc_id == "harbour.txt" for a in response.answers)


@pytest.mark.parametrize(
    ("documents", "message"),
    [
        (["reports/*.pdf"], "matches no document"),
        (["missing.txt"], "matches no document"),
        ([], "empty list"),
        ("garden.txt", "list of document ids"),
        (["x"] * 101, "limit is 100"),
    ],
)
def test_a_documents_filter_that_matches_nothing_is_a_clear_error(tiny_pipeline, documents, message):
    with pytest.raises(InvalidRequestError, match=message):
        tiny_pipeline.ask("Who founded the botanical garden?", documents=documents)


def _rules_pipeline(tmp_path, fake_embedder, files: dict[str, str]) -> Pipeline:
    """A pipeline with the rule reader over ``files`` (name → text), indexed with the fake embedder."""
    from qa.index.store import build_index, load_index

    seeds = write_corpus(tmp_path / "seeds", files)
    settings = Settings(seeds_dir=seeds, index_dir=tmp_path / "index", model="hashing-test", reader="rules")
    build_index(settings, fake_embedder)
    return Pipeline(load_index(settings.index_dir), fake_embedder, settings)


def test_answers_carry_the_location_of_their_citation(tmp_path, fake_embedder):
    pipeline = _rules_pipeline(
        tmp_path,
        fake_embedder,
        {"guide.md": "# Garden guide\n\n## History\n\nThe botanical garden was founded in 1921 by Mary Lowe.\n"},
    )
    response = pipeline.ask("Who founded the botanical garden?", threshold=0.0)
    top = response.answers[0]
    assert top.citation.location is not None and top.citation.location.heading == "Garden guide > History"
    assert pipeline.index.documents["guide.md"].raw[top.citation.start : top.citation.end] == top.text


def test_an_answer_is_cited_where_its_sentence_says_most_of_the_question(tmp_path, fake_embedder):
    from qa.read.sentences import stems
    from qa.records import Answer, Citation, StageScores

    pipeline = _rules_pipeline(
        tmp_path,
        fake_embedder,
        {
            "trip.txt": "Eric Chan attends a press conference in Beijing on the zone.\n\n"
            "Eric Chan, who flew to Beijing to attend the press conference, praised the zone.\n\n"
            "Qin Weizhong was in Beijing too.\n"
        },
    )
    question = "Where did Eric Chan fly to for the press conference?"
    hits = pipeline.ask(question, threshold=0.0).hits
    sentences = [s for hit in hits for s in hit.chunk.sentences]
    caption, qin = (next(s for s in sentences if word in s.text) for word in ("attends", "Qin"))

    def read_in(sentence):
        at = sentence.start + sentence.text.index("Beijing")
        return Answer("Beijing", Citation("trip.txt", at, at + 7), sentence, 0.7, StageScores(1, 1, 1))

    q = pipeline.analyze(question)
    # read in the caption, which does not say he flew: cited where it says so, the caption kept beside it
    (moved,) = pipeline.cited_where_said(q, [read_in(caption)], hits)
    assert moved.context.text.startswith("Eric Chan, who flew") and moved.also_at == (read_in(caption).citation,)
    raw = pipeline.index.documents["trip.txt"].raw
    assert raw[moved.citation.start : moved.citation.end] == "Beijing" and moved.score == 0.7
    # read where most is said already: kept; an answer a quotation supports keeps its citation
    assert pipeline.cited_where_said(q, [moved], hits) == [moved]
    supported = replace(read_in(caption), support=qin)
    assert pipeline.cited_where_said(q, [supported], hits) == [supported]
    # a sentence that lacks a name the first one holds is never cited instead, though it holds more of the question
    asked = pipeline.analyze("Where did Qin Weizhong attend the press conference?")
    flew = moved.context
    assert pipeline.ranker.overlap(asked, stems(flew.text)) > pipeline.ranker.overlap(asked, stems(qin.text)) + 0.05
    assert pipeline.cited_where_said(asked, [read_in(qin)], hits) == [read_in(qin)]


def test_an_answer_is_never_cited_where_the_answer_checks_reject_it(tmp_path, fake_embedder):
    from qa.read.sentences import stems
    from qa.read.shape import misfits
    from qa.records import Answer, Citation, StageScores

    pipeline = _rules_pipeline(
        tmp_path,
        fake_embedder,
        {
            "park.txt": "The Science Park will open its new branch in Shenzhen, a step towards a goal set for 2035.\n\n"
            "The council announced research clusters for 2035.\n"
        },
    )
    question = "When will the Science Park close its branch in Shenzhen?"
    hits = pipeline.ask(question, threshold=0.0).hits
    sentences = [s for hit in hits for s in hit.chunk.sentences]
    opens, council = (next(s for s in sentences if word in s.text) for word in ("open", "council"))
    at = council.start + council.text.index("2035")
    read = Answer("2035", Citation("park.txt", at, at + 4), council, 0.6, StageScores(1, 1, 1))
    q = pipeline.analyze(question)
    raw = pipeline.index.documents["park.txt"].raw
    in_opens = opens.start + opens.text.index("2035")
    # the sentence that says "open" holds more of the question, but says the opposite of what it asks
    assert misfits(q, raw, in_opens, in_opens + 4) and not misfits(q, raw, at, at + 4)
    assert pipeline.ranker.overlap(q, stems(opens.text)) > pipeline.ranker.overlap(q, stems(council.text)) + 0.05
    assert pipeline.cited_where_said(q, [read], hits) == [read]


def test_an_answer_read_in_a_photo_caption_is_cited_where_the_article_says_it(tmp_path, fake_embedder):
    from qa.records import Answer, Citation, StageScores

    pipeline = _rules_pipeline(
        tmp_path,
        fake_embedder,
        {
            "news.txt": "Hong Kong No 2 official Eric Chan attends a press conference. Photo: Handout\n\n"
            "Hong Kong’s No 2 official Eric Chan Kwok-ki said the park would open.\n\n"
            "Eric Chan smiles for the cameras. Photo: Handout\n"
        },
    )
    raw = pipeline.index.documents["news.txt"].raw
    hits = pipeline.ask("Who is Eric Chan?", threshold=0.0).hits
    sentences = [s for hit in hits for s in hit.chunk.sentences]
    caption, body, smiles = (next(s for s in sentences if word in s.text) for word in ("attends", "Kwok-ki", "smiles"))

    def read(text, sentence, also_at=()):
        at = sentence.start + sentence.text.index(text)
        citation = Citation("news.txt", at, at + len(text))
        return Answer(text, citation, sentence, 0.7, StageScores(1, 1, 1), also_at=also_at)

    q = pipeline.analyze("Who is Eric Chan?")
    in_body = read("Hong Kong’s No 2 official", body).citation
    (moved,) = pipeline.cited_where_said(q, [read("Hong Kong No 2 official", caption, (in_body,))], hits)
    # the article's own words, with the possessive the caption lacks; the caption kept beside them
    assert moved.text == "Hong Kong’s No 2 official" == raw[moved.citation.start : moved.citation.end]
    assert moved.citation == in_body and moved.context == body and moved.score == 0.7
    assert moved.also_at == (read("Hong Kong No 2 official", caption).citation,)
    # found in no other place, or only in another caption: the caption stays cited
    alone = read("Hong Kong No 2 official", caption)
    assert pipeline.cited_where_said(q, [alone], hits) == [alone]
    other_caption = read("Eric Chan", caption, (read("Eric Chan", smiles).citation,))
    assert pipeline.cited_where_said(q, [other_caption], hits) == [other_caption]


@pytest.mark.slow
def test_serving_on_onnx_runtime_never_imports_torch(seed_pipeline, seed_settings):
    """The service loads and answers without torch or transformers (about 220 MB of memory), also on a
    first run that must export a graph (in a child process); the second run finds it cached."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from qa import runtime\n"
        "from qa.config import Settings\n"
        "from qa.pipeline import Pipeline\n"
        "from qa.serve.api import create_app\n"
        "settings = Settings.from_env()\n"
        "runtime.apply(settings)\n"
        "client = TestClient(create_app(Pipeline.load(settings)))\n"
        "answer = client.post('/ask', json={'question': 'Who is Eric Chan?'}).json()['answers'][0]['text']\n"
        "print(answer, [m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules])\n"
    )
    env = {**os.environ, "QA_INDEX_DIR": str(seed_settings.index_dir), "QA_SEEDS_DIR": str(seed_settings.seeds_dir)}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip().endswith("[]"), done.stdout
        assert "No 2 official" in done.stdout
