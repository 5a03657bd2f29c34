"""The HTML reader: boilerplate left out, heading locations, tables, declared encodings only."""

import codecs

import pytest

from qa.ingest.extracted import SkipFile
from qa.ingest.files import read_document
from tests.documents import HTML_PAGE, write_html


@pytest.fixture
def guide(tmp_path):
    return read_document(write_html(tmp_path / "guide.html"), "guide.html")


def test_content_and_title(guide):
    assert guide.format == "html" and guide.title == "Avalon ferry guide"
    blocks = [guide.raw[b.start : b.end] for b in guide.blocks]
    assert "A return ticket costs 12 euros for adults and half that for children." in blocks
    assert "Route: Avalon to Brisk | Vessel: MV Corrie" in blocks  # a table row, labelled by its header


def test_navigation_header_footer_scripts_and_styles_are_not_content(guide):
    for furniture in (
        "Timetables",
        "Contact the Avalon ferry office",
        "Cookie settings",
        "tracking",
        "color: red",
        "News",
    ):
        assert furniture not in guide.raw


def test_headings_give_the_location(guide):
    at = guide.location_at(guide.raw.index("coastal bus"))
    assert at.heading == "Avalon ferry guide > Winter service > Storm days"
    assert guide.location_at(guide.raw.index("12 euros")).heading == "Avalon ferry guide > Tickets"
    assert at.page is None and at.as_dict() == {"heading": "Avalon ferry guide > Winter service > Storm days"}


def test_a_legacy_encoding_is_read_as_the_page_declares_it(tmp_path):
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("north pier", "pier of Saint-Rémy")
    doc = read_document(write_html(tmp_path / "old.html", page, "cp1252"), "old.html")
    assert "pier of Saint-Rémy" in doc.raw


def test_a_byte_order_mark_names_the_encoding(tmp_path):
    path = tmp_path / "bom.html"
    path.write_bytes(codecs.BOM_UTF16_LE + HTML_PAGE.replace("north pier", "pier of Saint-Rémy").encode("utf-16-le"))
    assert "pier of Saint-Rémy" in read_document(path, "bom.html").raw


def test_an_undeclared_legacy_encoding_is_skipped_not_guessed(tmp_path):
    page = HTML_PAGE.replace('<meta charset="utf-8">', "").replace("north pier", "pier of Saint-Rémy")
    with pytest.raises(SkipFile, match=r"declares no encoding.*not valid UTF-8"):
        read_document(write_html(tmp_path / "old.html", page, "cp1252"), "old.html")


def test_an_unknown_declared_encoding_is_skipped(tmp_path):
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="klingon-8"')
    with pytest.raises(SkipFile, match="unknown encoding 'klingon-8'"):
        read_document(write_html(tmp_path / "odd.html", page), "odd.html")


def test_a_page_without_text_is_skipped(tmp_path):
    with pytest.raises(SkipFile, match="no text content"):
        read_document(write_html(tmp_path / "empty.html", "<html><nav>Home</nav><script>x()</script></html>"), "e.html")
