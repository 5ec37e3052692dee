"""The DOM-density body candidate: finds the dominant text container and says how sure it is."""

from selectolax.lexbor import LexborHTMLParser

from newsgraph.extract.density import dom_candidate
from newsgraph.extract.html import extract_html
from newsgraph.records import RawDocument

_PARA = "The council voted on {n} measures on Tuesday after a long debate about the harbour plan and its costs."


def _page(paragraphs: int, teasers: int) -> str:
    story = "".join(f"<p>{_PARA.format(n=i)}</p>" for i in range(paragraphs))
    side = "".join(f"<li><a href='/x{i}'>Another story number {i} you may like to read today</a></li>" for i in range(teasers))
    promo = "<div class='related-stories'><p>A related story with enough words to count as running text here.</p></div>"
    return (
        "<html><head><title>Harbour vote | Example Times</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<main><article><h1>Harbour vote</h1><div class='body'>{story}<h2>What comes next</h2>{story}{promo}</div></article>"
        f"<aside><ul>{side}</ul></aside></main><footer><p>Copyright notice of the example publisher, all rights reserved.</p></footer></body></html>"
    )


def test_dominant_container_is_found_and_confident():
    cand = dom_candidate(LexborHTMLParser(_page(6, 10)))
    assert cand.share > 0.9  # the promo paragraph is running text outside the story
    assert cand.words > 150
    assert cand.heads == ["What comes next"]
    assert all("Another story" not in p and "related story" not in p for p in cand.paragraphs)


def test_no_running_text_is_not_confident():
    cand = dom_candidate(LexborHTMLParser("<html><body><div>Just a line</div></body></html>"))
    assert cand.share == 0.0 and cand.paragraphs == []


def test_fast_and_full_paths_agree_on_a_clear_page():
    html = _page(6, 10)
    raw = RawDocument(input="page", data=b"", kind="html")
    fast, full = extract_html(html, raw, fast=True), extract_html(html, raw, fast=False)
    assert _PARA.format(n=0) in fast.body and _PARA.format(n=0) in full.body
    assert "What comes next" in fast.crossheads
    assert "Another story" not in fast.body


def test_teaser_panel_inside_the_container_is_left_out():
    story = "".join(f"<p>{_PARA.format(n=i)}</p>" for i in range(8))
    panel = "<div class='box'><h3>Most read</h3><ul><li>Club sacks its manager just days before the play-offs</li><li>Star striker signs a new deal</li></ul></div>"
    html = f"<html><body><article><div class='body'>{story}{panel}<p>{_PARA.format(n=99)}</p></div></article></body></html>"
    cand = dom_candidate(LexborHTMLParser(html))
    assert not any("Most read" in p or "manager" in p or "striker" in p for p in cand.paragraphs)
    assert cand.paragraphs[-1] == _PARA.format(n=99)
