"""The ``qa`` command on the tiny corpus (no model: the hashing embedder and the rule reader)."""

import json

import pytest

from qa.cli import main
from tests.conftest import TINY, write_corpus


@pytest.fixture
def folders(tmp_path, monkeypatch):
    seeds = write_corpus(tmp_path / "seeds", TINY)
    monkeypatch.setenv("QA_MODEL", "hashing-test")
    monkeypatch.setenv("QA_READER", "rules")
    monkeypatch.setenv("QA_CHUNK_TARGET_WORDS", "20")
    monkeypatch.setenv("QA_CHUNK_MAX_WORDS", "40")
    return ["--seeds", str(seeds), "--index", str(tmp_path / "index")]


def test_index_then_index_again_rebuilds_nothing(folders, capsys):
    assert main([*folders, "index"]) == 0
    assert "full rebuild" in capsys.readouterr().out
    assert main([*folders, "index"]) == 0
    assert "up to date: 3 documents unchanged" in capsys.readouterr().out


def test_ask_prints_the_cited_answer_and_the_same_json_as_the_api(folders, capsys):
    main([*folders, "index"])
    capsys.readouterr()
    assert main([*folders, "ask", "How many species of orchid does the garden grow?"]) == 0
    out = capsys.readouterr().out
    assert "garden.txt [" in out and "[[500]]" in out
    assert main([*folders, "ask", "How many species of orchid does the garden grow?", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["answers"][0]["text"] == "500" and body["answers"][0]["citation"]["doc_id"] == "garden.txt"
    assert set(body) >= {"question", "answers", "no_answer", "passages", "timings_ms", "index_version"}
    # a question read in a plainer form says how it was read
    assert main([*folders, "ask", "Do you know how many species of orchid the garden grows?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("(read as: How many species of orchid the garden grows?)") and "[[500]]" in out
    # a yes/no question gets the sentence that bears on it, not a span
    assert main([*folders, "ask", "Does the garden grow 500 species of orchid?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A yes/no question") and "orchid" in out and "[[" not in out


def test_search_lists_passages_with_both_ranks(folders, capsys):
    main([*folders, "index"])
    capsys.readouterr()
    assert main([*folders, "search", "Who cut the ribbon?", "-k", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1. harbour.txt") and "bm25=#1" in lines[0]


def test_errors_are_one_line_and_exit_2(folders, capsys):
    assert main([*folders, "ask", "Who cut the ribbon?"]) == 2
    assert capsys.readouterr().err.startswith("error: no index")
    main([*folders, "index"])
    assert main([*folders, "ask", "   "]) == 2
    assert "empty" in capsys.readouterr().err


def test_ctrl_c_during_qa_index_publishes_nothing_and_leaves_no_staging(folders, capsys, monkeypatch, tmp_path):
    from qa.index.embed import HashingEmbedder

    assert main([*folders, "index"]) == 0
    current = (tmp_path / "index" / "CURRENT").read_text()
    (tmp_path / "seeds" / "new.txt").write_text("The lighthouse was built in 1887.\n")

    def interrupted(self, texts):
        raise KeyboardInterrupt

    monkeypatch.setattr(HashingEmbedder, "encode", interrupted)
    capsys.readouterr()
    assert main([*folders, "index"]) == 130
    assert "previous index is unchanged" in capsys.readouterr().err
    assert (tmp_path / "index" / "CURRENT").read_text() == current
    assert not [p for p in (tmp_path / "index" / "versions").iterdir() if p.name.startswith(".")]


def test_qa_index_reports_progress(folders, capsys):
    assert main([*folders, "index"]) == 0
    err = capsys.readouterr().err
    assert "reading …" in err and "embedding" in err and "texts" in err
