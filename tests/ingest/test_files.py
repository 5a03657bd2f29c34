from pathlib import Path

import pytest

from qa.errors import ConfigError
from qa.ingest.files import blank_markdown, content_sections, read_corpus
from tests.conftest import SEED, TINY, write_corpus


def texts(raw: str) -> list[str]:
    return [raw[b.start : b.end] for section in content_sections(raw) for b in section]


def test_furniture_is_left_out_and_offsets_point_into_the_raw_text():
    raw = TINY["harbour.txt"]
    kept = texts(raw)
    assert kept == [
        "The Harbour Bridge opened on Monday after four years of work.",
        "Mayor Alice Wong cut the ribbon. The bridge is 1,200 metres long.",
        "It links Northport and Southport across the Grey River.",
    ]
    assert not any("Advertisement" in t or "Photo" in t or "Learn more" in t for t in kept)


def test_photo_credit_and_furniture_lines_end_a_section():
    sections = content_sections(TINY["harbour.txt"])
    assert [len(s) for s in sections] == [1, 1, 1]


def test_bullets_and_markdown_headings_keep_only_their_text():
    assert texts(TINY["museum.md"])[0] == "The Science Museum"
    assert "The museum covers 12 hectares." in texts(TINY["museum.md"])


def test_seed_article_furniture():
    raw = SEED.read_text(encoding="utf-8")
    kept = "\n".join(texts(raw))
    for furniture in (
        "Advertisement",
        "Get more with myNEWS",
        "Learn more",
        "Photo: Martin Chan",
        "Photo: Handout",
        "A personalised news feed",
        "Hong Kong economy",
    ):
        assert furniture not in kept
    assert not kept.rstrip().endswith("5")
    assert "Hong Kong’s No 2 official Eric Chan Kwok-ki" in kept
    assert "The border area between Shenzhen and Hong Kong is being developed" in kept


def test_bad_files_are_skipped_with_a_reason(tmp_path: Path):
    seeds = write_corpus(tmp_path / "seeds", {"good.txt": "A fine sentence about bridges."})
    (seeds / "empty.txt").write_text("")
    (seeds / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (seeds / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (seeds / "picture.png").write_bytes(b"\x89PNG")
    corpus = read_corpus(seeds)
    assert [d.doc_id for d in corpus.documents] == ["good.txt"]
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"] and "iconv" in reasons["latin1.txt"]
    assert "unsupported" in reasons["picture.png"]


def test_document_records_hash_and_size(tmp_path: Path):
    seeds = write_corpus(tmp_path / "seeds", {"a.txt": "Hello there, world."})
    (document,) = read_corpus(seeds).documents
    assert document.size == len(b"Hello there, world.") and len(document.sha256) == 64


def test_missing_seeds_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="does not exist"):
        read_corpus(tmp_path / "nope")


def test_links_out_of_the_folder_are_never_followed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The root password is hunter2.\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "notes.txt").write_text("Private notes about the server.\n")
    seeds = write_corpus(tmp_path / "seeds", {"ok.txt": "The bridge opened on Monday.\n"})
    (seeds / "leak.txt").symlink_to(secret)
    (seeds / "linked").symlink_to(outside, target_is_directory=True)
    corpus = read_corpus(seeds)
    assert [d.doc_id for d in corpus.documents] == ["ok.txt"]
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert set(reasons) == {"leak.txt", "linked"} and all("link" in r for r in reasons.values())
    assert all("hunter2" not in d.raw for d in corpus.documents)


def test_a_fifo_is_reported_not_read(tmp_path):
    import os

    seeds = write_corpus(tmp_path / "seeds", {"ok.txt": "The bridge opened on Monday.\n"})
    os.mkfifo(seeds / "pipe.txt")  # opening it for reading would block the build forever
    corpus = read_corpus(seeds)
    assert [d.doc_id for d in corpus.documents] == ["ok.txt"]
    assert corpus.skipped[0].path == "pipe.txt" and "not a regular file" in corpus.skipped[0].reason


def test_files_over_the_size_limit_are_skipped_unread(tmp_path):
    seeds = write_corpus(tmp_path / "seeds", {"small.txt": "Short.\n", "big.txt": "A long line of text.\n" * 5000})
    corpus = read_corpus(seeds, max_file_bytes=50_000)
    assert [d.doc_id for d in corpus.documents] == ["small.txt"]
    assert corpus.skipped[0].path == "big.txt" and "QA_MAX_FILE_MB" in corpus.skipped[0].reason


def test_markdown_headings_give_locations_outside_code_blocks(tmp_path: Path):
    text = "# Guide\n\nIntro line here.\n\n## Install\n\n```\n# not a heading\n```\n\nRun the installer now.\n"
    seeds = write_corpus(tmp_path / "seeds", {"guide.md": text})
    (doc,) = read_corpus(seeds).documents
    assert doc.format == "markdown" and doc.title == "Guide"
    assert [loc.heading for loc in doc.locations] == ["Guide", "Guide > Install"]
    assert doc.location_at(text.index("Run the installer")).heading == "Guide > Install"
    assert doc.location_at(text.index("Intro")).heading == "Guide"


def test_a_mixed_folder_reads_every_format_and_skips_bad_files_with_reasons(tmp_path: Path):
    from tests.documents import write_docx, write_html, write_pdf, write_scanned_pdf, zip_of_something_else

    seeds = write_corpus(tmp_path / "seeds", {"notes.txt": "A plain note about the harbour."})
    write_pdf(seeds / "survey.pdf")
    write_html(seeds / "guide.html")
    write_docx(seeds / "report.docx")
    write_pdf(seeds / "secret.pdf", owner_password="o", user_password="u")
    write_scanned_pdf(seeds / "scan.pdf")
    zip_of_something_else(seeds / "fake.docx")
    (seeds / "cut.pdf").write_bytes((seeds / "survey.pdf").read_bytes()[:400])
    corpus = read_corpus(seeds)
    formats = {d.doc_id: d.format for d in corpus.documents}
    assert formats == {"notes.txt": "text", "survey.pdf": "pdf", "guide.html": "html", "report.docx": "docx"}
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert set(reasons) == {"secret.pdf", "scan.pdf", "fake.docx", "cut.pdf"}
    assert "password" in reasons["secret.pdf"] and "OCR is not supported" in reasons["scan.pdf"]
    assert "Word document" in reasons["fake.docx"] and "PDF" in reasons["cut.pdf"]


def test_markdown_markup_is_not_content_and_offsets_still_point_into_the_raw_file(tmp_path: Path):
    text = "# Bridges\n\nThe **Avalon Bridge** was designed by [Mara Voss](https://example.org/voss) in `1921`.\n"
    seeds = write_corpus(tmp_path / "seeds", {"bridges.md": text})
    (doc,) = read_corpus(seeds).documents
    assert len(doc.raw) == len(text) and "**" not in doc.raw and "](" not in doc.raw and "`" not in doc.raw
    for word in ("Avalon Bridge", "Mara Voss", "1921"):
        start = doc.raw.index(word)
        assert text[start : start + len(word)] == word  # the same offsets in the file itself
    assert "snake_case and 2*3*4" in blank_markdown("snake_case and 2*3*4")


def test_a_question_about_bold_markdown_text_is_answered(tmp_path: Path, fake_embedder):
    from qa.config import Settings
    from qa.index.store import build_index, load_index
    from qa.pipeline import Pipeline

    text = "# Bridges\n\nThe **Avalon Bridge** was designed by **Mara Voss** in 1921.\n"
    seeds = write_corpus(tmp_path / "seeds", {"bridges.md": text})
    settings = Settings(seeds_dir=seeds, index_dir=tmp_path / "index", model="hashing-test", reader="rules")
    build_index(settings, fake_embedder)
    response = Pipeline(load_index(settings.index_dir), fake_embedder, settings).ask(
        "Who designed the Avalon Bridge?", threshold=0.0
    )
    top = response.answers[0]
    assert top.text == "Mara Voss" and text[top.citation.start : top.citation.end] == "Mara Voss"
