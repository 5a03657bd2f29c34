"""The web page, end to end in headless Chromium (Debian's package, driven by Playwright; nothing downloaded)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from qa.config import Settings
from qa.index.store import build_index, load_index
from qa.pipeline import Pipeline
from qa.serve.api import create_app
from tests.conftest import SEED, write_corpus
from tests.documents import write_pdf

CHROMIUM = Path(os.environ.get("QA_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Chromium at {CHROMIUM} (Debian: apt-get install chromium)", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")

pytestmark = [pytest.mark.slow, pytest.mark.browser]

HOSTILE = "Tricky markup: <script>window.hacked = 1</script> and <b>bold</b> & <i>more</i> stay text.\n"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory, real_embedder):
    import uvicorn

    root = tmp_path_factory.mktemp("web")
    settings = Settings(seeds_dir=root / "seeds", index_dir=root / "index")
    settings.seeds_dir.mkdir()
    shutil.copy(SEED, settings.seeds_dir / SEED.name)
    write_corpus(settings.seeds_dir, {"markup.txt": HOSTILE})
    write_pdf(settings.seeds_dir / "survey.pdf")
    build_index(settings, real_embedder)
    app = create_app(Pipeline(load_index(settings.index_dir), real_embedder, settings))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    page = browser.new_page()
    page.set_default_timeout(20_000)
    page.goto(server + "/")
    yield page
    page.close()


def ask(page, question: str) -> None:
    page.fill("#question", question)
    page.press("#question", "Enter")
    page.wait_for_function("!document.querySelector('#ask-form button').disabled")


def test_asking_shows_the_highlighted_answer(page):
    ask(page, "Who is Eric Chan?")
    first = page.locator(".answer").first
    span = first.locator(".span").inner_text()
    assert "No 2 official" in span
    assert first.locator("blockquote mark").inner_text() == span
    assert "000_7e9bf9ad3c619b7e.txt" in first.locator(".meta").inner_text()
    assert page.locator("#timings").is_visible() and "ms" in page.locator("#timings").inner_text()
    assert "1 document" not in page.locator("#footer").inner_text()  # three documents indexed
    assert "3 documents" in page.locator("#footer").inner_text()
    if os.environ.get("QA_SCREENSHOT"):  # how docs/ask.png is made
        page.wait_for_selector("#suggestions button")
        page.set_viewport_size({"width": 1000, "height": 820})
        page.screenshot(path=os.environ["QA_SCREENSHOT"], full_page=False)


def test_a_speaker_answer_shows_the_quotation_it_said(page):
    ask(page, "Who said the plan was to take the Hetao zone to a new level?")
    first = page.locator(".answer").first
    assert first.locator(".span").inner_text() == "Qin Weizhong"
    assert "new level" in first.locator("blockquote.support").inner_text()
    ask(page, "Who is Eric Chan?")  # an answer in its own sentence shows no quotation
    assert page.locator(".answer blockquote.support").count() == 0


def test_a_question_read_in_a_plainer_form_says_so(page):
    ask(page, "Can you tell me who Hung is?")
    assert page.locator("#asked").inner_text() == "Read as: Who is Witman Hung Wai-man?"
    ask(page, "Who is Eric Chan?")  # read as it is: nothing to say
    assert not page.locator("#asked").is_visible()


def test_an_unanswerable_question_shows_the_no_answer_state(page):
    ask(page, "What is the population of Zhuhai?")
    assert "No answer in these documents" in page.locator("#message").inner_text()
    assert page.locator(".answer").count() == 0
    assert page.locator("#passages").get_attribute("open") is not None
    assert page.locator(".passage").count() > 0 and page.locator(".passage").first.is_visible()


def test_the_document_view_highlights_and_scrolls_to_the_span(page):
    ask(page, "Who is Eric Chan?")
    span = page.locator(".answer .span").first.inner_text()
    page.locator(".answer a", has_text="open in document").first.click()
    page.wait_for_selector("#hit")
    assert "/view/" in page.url
    assert page.locator("#hit").inner_text() == span
    assert page.locator("#hit").evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )


def test_html_in_a_document_is_shown_as_text(page, server):
    start = HOSTILE.index("<script>")
    page.goto(f"{server}/view/markup.txt?start={start}&end={start + len('<script>')}")
    page.wait_for_selector("#hit")
    assert page.locator("#hit").inner_text() == "<script>"
    assert "<b>bold</b>" in page.locator("#document-text").inner_text()
    assert page.locator("#document-text b, #document-text script").count() == 0
    assert page.evaluate("window.hacked === undefined")


def test_suggestions_are_clickable_questions(page):
    page.wait_for_selector("#suggestions button")
    suggestion = page.locator("#suggestions button").first
    question = suggestion.inner_text()
    suggestion.click()
    page.wait_for_selector(".answer")
    assert page.locator("#question").input_value() == question


def test_api_errors_are_readable(page):
    page.evaluate("document.querySelector('#question').value = 'x'.repeat(1001)")
    page.press("#question", "Enter")
    page.wait_for_selector("#message.error")
    assert "1000" in page.locator("#message").inner_text()


def test_an_unknown_document_says_so(page, server):
    page.goto(f"{server}/view/nope.txt")
    page.wait_for_selector("#document-meta.error")
    assert "no document" in page.locator("#document-meta").inner_text()


def test_phone_width_has_no_horizontal_scroll(browser, server):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(server + "/")
    ask(page, "Who is Eric Chan?")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


def test_an_answer_from_a_pdf_shows_its_page_and_the_view_marks_page_breaks(page):
    ask(page, "Who is the lighthouse keeper of Avalon Harbour?")
    first = page.locator(".answer").first
    assert first.locator(".span").inner_text() == "Marta Ilves"
    assert first.locator(".location").inner_text() == "p. 2"
    assert "ms (" in page.locator("#timings").inner_text()  # the timings of a first look render too
    first.locator("a", has_text="open in document").click()
    page.wait_for_selector("#hit")
    assert page.locator("#hit").inner_text() == "Marta Ilves"
    assert page.locator("#document-text .page-break").all_inner_texts() == ["p. 1", "p. 2", "p. 3"]
    assert "3 pages" in page.locator("#document-meta").inner_text()


def test_a_yes_no_question_shows_the_sentence_that_bears_on_it_and_no_answer(page):
    ask(page, "Did Xi Jinping attend the signing ceremony?")
    assert page.locator("#message").inner_text().startswith("A yes/no question")
    assert "signing ceremony" in page.locator("#evidence blockquote").inner_text()
    assert page.locator("#answers .answer").count() == 0
    ask(page, "Who is Eric Chan?")  # a question that asks for a thing shows no evidence
    assert page.locator("#evidence").is_hidden()
