"""PDF, HTML and Word files through the HTTP API with the real model: answers with exact citations
and their page or heading, the original files, and document filters."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from qa.config import Settings
from qa.index.store import build_index, load_index
from qa.pipeline import Pipeline
from qa.serve.api import create_app
from tests.documents import write_docx, write_html, write_pdf

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, real_embedder):
    root = tmp_path_factory.mktemp("mixed")
    seeds = root / "seeds"
    (seeds / "reports").mkdir(parents=True)
    write_pdf(seeds / "reports" / "survey.pdf")
    write_html(seeds / "guide.html")
    write_docx(seeds / "library.docx")
    settings = Settings(seeds_dir=seeds, index_dir=root / "index")
    build_index(settings, real_embedder)
    pipeline = Pipeline(load_index(settings.index_dir), real_embedder, settings)
    return seeds, TestClient(create_app(pipeline))


@pytest.mark.parametrize(
    ("question", "doc_id", "answer", "location"),
    [
        ("Who is the lighthouse keeper of Avalon Harbour?", "reports/survey.pdf", "Marta Ilves", {"page": 2}),
        (
            "What replaces the ferry on storm days?",
            "guide.html",
            "coastal bus",
            {"heading": "Avalon ferry guide > Winter service > Storm days"},
        ),
        (
            "How many visitors did the Harbour branch have?",
            "library.docx",
            "18,400",
            {"heading": "Collections > Visitors by branch"},
        ),
    ],
)
def test_answers_cite_the_extracted_text_and_say_where_they_stand(mixed, question, doc_id, answer, location):
    _, client = mixed
    body = client.post("/ask", json={"question": question}).json()
    assert not body["no_answer"], body
    top = body["answers"][0]
    assert answer in top["text"]
    citation = top["citation"]
    assert citation["doc_id"] == doc_id and citation["location"] == location
    text = client.get(f"/documents/{doc_id}").json()["text"]
    assert text[citation["start"] : citation["end"]] == top["text"]


def test_documents_list_format_title_and_pages(mixed):
    _, client = mixed
    listed = {d["doc_id"]: d for d in client.get("/documents").json()}
    assert listed["reports/survey.pdf"]["format"] == "pdf" and listed["reports/survey.pdf"]["pages"] == 3
    assert listed["reports/survey.pdf"]["title"] == "Avalon Harbour Survey"
    assert listed["guide.html"]["title"] == "Avalon ferry guide" and listed["library.docx"]["format"] == "docx"
    one = client.get("/documents/reports/survey.pdf").json()
    assert [loc["page"] for loc in one["locations"]] == [1, 2, 3]
    assert "Avalon Harbour Survey - internal report" not in one["text"]  # the running header is furniture


def test_the_source_is_the_original_file_with_its_content_type(mixed):
    seeds, client = mixed
    pdf = client.get("/documents/reports/survey.pdf/source")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == (seeds / "reports" / "survey.pdf").read_bytes()
    html = client.get("/documents/guide.html/source")
    assert html.headers["content-type"].startswith("text/html")
    assert html.headers["content-security-policy"].startswith("sandbox")  # never runs as part of this site
    docx = client.get("/documents/library.docx/source")
    assert docx.headers["content-type"].endswith("wordprocessingml.document")
    assert client.get("/documents/nothing.pdf/source").status_code == 404


def test_a_source_changed_since_indexing_is_a_conflict(mixed, tmp_path):
    seeds, client = mixed
    path = seeds / "guide.html"
    original = path.read_bytes()
    try:
        path.write_bytes(original.replace(b"north pier", b"south pier"))
        response = client.get("/documents/guide.html/source")
        assert response.status_code == 409 and "changed since it was indexed" in response.json()["error"]
    finally:
        path.write_bytes(original)


def test_filters_limit_the_search_to_the_documents_named(mixed):
    _, client = mixed
    question = "Who is the lighthouse keeper of Avalon Harbour?"
    body = client.post("/ask", json={"question": question, "documents": ["*.docx", "guide.html"]}).json()
    cited = {a["citation"]["doc_id"] for a in body["answers"]} | {p["doc_id"] for p in body["passages"]}
    assert cited <= {"library.docx", "guide.html"}
    found = client.get("/ask", params={"q": question, "documents": ["reports/*.pdf"]}).json()
    assert found["answers"][0]["text"] == "Marta Ilves"
    missing = client.post("/ask", json={"question": question, "documents": ["reports/2024-*.pdf"]})
    assert missing.status_code == 400 and "matches no document" in missing.json()["error"]
