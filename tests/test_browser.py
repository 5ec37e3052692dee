"""Browser tests: Playwright driving Debian's chromium against a live uvicorn server on 127.0.0.1.

Search, filter by a facet, open an article, open a topic page; check the panel and the highlights. A screenshot of
each page is kept under test-artifacts/ (gitignored). Skipped only when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store import corpus

from newsgraph.store import StoreWriter

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsgraph.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "b.db"
    with StoreWriter(db) as w:
        for a in corpus():
            w.put(a)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        pg.errors = errors
        yield pg
        browser.close()


def test_search_facet_article_topic(server: str, page) -> None:
    page.goto(server + "/")
    assert page.locator("#total").inner_text() == "3 articles"
    page.screenshot(path=str(ARTIFACTS / "search-home.png"), full_page=True)

    # search
    page.fill(".bigsearch input[name=q]", "Nairobi")
    page.click(".bigsearch button")
    page.wait_for_url("**/?q=Nairobi")
    assert page.locator("#total").inner_text() == "2 articles"
    marks = page.locator(".hit .snippet mark")
    assert marks.count() >= 2 and marks.first.inner_text() == "Nairobi"
    page.screenshot(path=str(ARTIFACTS / "search-results.png"), full_page=True)

    # filter by a facet (countries: Kenya -> 1 article)
    page.click("section[data-facet=countries] a:text-is('Kenya')")
    page.wait_for_load_state()
    assert page.locator("#total").inner_text() == "1 article"
    assert page.locator(".chip.t-country").inner_text().startswith("Kenya")
    assert page.locator("section[data-facet=countries] li.on").count() == 1
    page.screenshot(path=str(ARTIFACTS / "search-facet.png"), full_page=True)

    # open the article
    page.click(".hit a.title")
    page.wait_for_load_state()
    assert page.locator("#title").inner_text() == "Egypt and Kenya hold water talks in Nairobi"
    panel = page.locator("#topics")
    assert panel.locator("h2").inner_text() == "Topics in this article"
    assert panel.locator("section[data-type=person] a").all_inner_texts() == ["Amina Haile"]
    assert panel.locator("section[data-type=city] a").all_inner_texts() == ["Nairobi"]
    assert sorted(panel.locator("section[data-type=country] a").all_inner_texts()) == ["Egypt", "Kenya"]
    assert panel.locator("section[data-type=organisation] a").all_inner_texts() == ["African Union"]
    mentions = page.locator("#body a.mention")
    assert mentions.count() == 6  # Amina Haile x2, Egypt, Kenya, Nairobi, African Union
    assert page.locator("#body a.mention.t-person").first.inner_text() == "Amina Haile"
    colour = page.locator("#body a.mention.t-person").first.evaluate("e => getComputedStyle(e).borderBottomStyle")
    assert colour == "solid"  # the highlight style is applied (stylesheet served by the app)
    assert page.locator("#quotes blockquote").count() == 1
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)

    # open the topic page from a highlighted mention
    page.locator("#body a.mention.t-person").first.click()
    page.wait_for_load_state()
    assert page.locator("#title").inner_text() == "Amina Haile"
    assert page.locator("#timeline svg.chart rect").count() >= 2
    assert page.locator("#map svg.map circle").count() == 3
    assert page.locator("#quotes blockquote").count() == 1
    assert page.locator("#articles .hit").count() == 2
    natural = page.locator("#map svg.map image").evaluate("e => e.getBBox().width")
    assert natural > 0
    page.screenshot(path=str(ARTIFACTS / "topic.png"), full_page=True)
    assert not page.errors, page.errors


def test_bad_query_and_docs(server: str, page) -> None:
    page.goto(server + '/?q="unterminated')
    assert "Could not understand the search" in page.locator(".alert").inner_text()
    page.goto(server + "/docs")
    assert page.locator(".endpoint").count() >= 4
    page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=True)
