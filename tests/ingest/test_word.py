"""The Word reader on files written with python-docx: paragraphs, headings, tables, bad files."""

import pytest

from qa.ingest.extracted import SkipFile
from qa.ingest.files import read_document
from tests.documents import write_docx, zip_of_something_else


@pytest.fixture
def report(tmp_path):
    return read_document(write_docx(tmp_path / "report.docx"), "report.docx")


def test_paragraphs_and_tables_in_document_order(report):
    assert report.format == "docx" and report.title == "Avalon library annual report"
    blocks = [report.raw[b.start : b.end] for b in report.blocks]
    assert blocks.index("Branch: Harbour branch | Visitors: 18,400") < blocks.index("Staff") < len(blocks) - 1
    assert "The chief librarian is Oskar Penn, who joined the library in 2015." in blocks


def test_headings_give_the_location(report):
    assert report.location_at(report.raw.index("18,400")).heading == "Collections > Visitors by branch"
    assert report.location_at(report.raw.index("Oskar Penn")).heading == "Staff"
    assert report.location_at(report.raw.index("reading room")) is None  # before the first heading


def test_a_zip_of_something_else_is_skipped(tmp_path):
    with pytest.raises(SkipFile, match="not a readable Word document"):
        read_document(zip_of_something_else(tmp_path / "fake.docx"), "fake.docx")


def test_a_truncated_word_file_is_skipped(tmp_path):
    data = write_docx(tmp_path / "good.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    with pytest.raises(SkipFile, match="not a readable Word document"):
        read_document(tmp_path / "cut.docx", "cut.docx")


def test_table_rows_are_labelled_by_a_header_row_only_when_there_is_one():
    from qa.ingest.extracted import table_rows

    assert table_rows([["Branch", "Visitors"], ["Hill", "9,250"], ["", ""]]) == [
        "Branch | Visitors",
        "Branch: Hill | Visitors: 9,250",
    ]
    assert table_rows([["Hill", ""], ["Harbour", "18,400"]]) == ["Hill | ", "Harbour | 18,400"]
    assert table_rows([["one row", "only"]]) == ["one row | only"]
