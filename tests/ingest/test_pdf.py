"""The PDF reader on real files written with fpdf2: text, furniture, page locations, bad files."""

import pytest

from qa.ingest.extracted import SkipFile
from qa.ingest.files import read_document
from qa.ingest.pdf import _paragraphs
from tests.documents import PDF_HEADER, write_pdf, write_scanned_pdf


@pytest.fixture
def report(tmp_path):
    return read_document(write_pdf(tmp_path / "report.pdf"), "report.pdf")


def test_text_blocks_and_offsets(report):
    assert report.format == "pdf" and report.pages == 3 and report.title == "Avalon Harbour Survey"
    blocks = [report.raw[b.start : b.end] for b in report.blocks]
    assert any(b.startswith("The lighthouse keeper of Avalon Harbour is Marta Ilves") for b in blocks)
    start = report.raw.index("Marta Ilves")
    assert report.raw[start : start + len("Marta Ilves")] == "Marta Ilves"
    assert any(b.start <= start < b.end for b in report.blocks)


def test_running_header_and_page_numbers_are_left_out(report):
    assert PDF_HEADER not in report.raw
    assert not any(report.raw[b.start : b.end].strip().isdigit() for b in report.blocks)


def test_each_page_is_located(report):
    assert report.location_at(report.raw.index("Marta Ilves")).page == 2
    assert report.location_at(report.raw.index("breakwater")).page == 1
    assert report.location_at(report.raw.index("list of repairs")).page == 3
    assert [loc.page for loc in report.locations] == [1, 2, 3]


def test_a_word_hyphenated_at_a_line_end_is_joined_again():
    lines = ["The dredging of the harbour needs careful transpor-", "tation of the spoil to sea.", ""]
    assert _paragraphs(lines) == ["The dredging of the harbour needs careful transportation of the spoil to sea."]
    assert _paragraphs(["a well-", "Known name"]) == ["a well- Known name"]  # a capital: not a split word


def test_an_encrypted_pdf_is_skipped_with_the_reason(tmp_path):
    path = write_pdf(tmp_path / "secret.pdf", owner_password="owner", user_password="reader")
    with pytest.raises(SkipFile, match="encrypted PDF that needs a password"):
        read_document(path, "secret.pdf")


def test_a_pdf_encrypted_without_a_user_password_is_read(tmp_path):
    path = write_pdf(tmp_path / "locked.pdf", owner_password="owner")
    assert "Marta Ilves" in read_document(path, "locked.pdf").raw


def test_a_scanned_pdf_says_ocr_is_not_supported(tmp_path):
    with pytest.raises(SkipFile, match=r"no text layer.*OCR is not supported"):
        read_document(write_scanned_pdf(tmp_path / "scan.pdf"), "scan.pdf")


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_corrupt_or_truncated_pdf_is_skipped(tmp_path, damage):
    data = write_pdf(tmp_path / "good.pdf").read_bytes()
    bad = data[: len(data) // 3] if damage == "truncated" else b"%PDF-1.7\n" + bytes(range(256)) * 20
    (tmp_path / "bad.pdf").write_bytes(bad)
    with pytest.raises(SkipFile, match=r"corrupt or truncated PDF|no text layer|without pages"):
        read_document(tmp_path / "bad.pdf", "bad.pdf")
