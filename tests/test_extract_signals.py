"""The second opinion behind the HTML fast path: candidates, their agreement, the page's own lines."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from newsgraph.extract import html as H
from newsgraph.extract.density import dom_candidate
from newsgraph.extract.lines import page_lines
from newsgraph.extract.signals import Candidate, agree, contained, lines_candidate

_SENT = [
    "The council voted on the harbour plan on Tuesday after a debate that ran late into the evening.",
    "Opponents said the cost of dredging the northern channel had been underestimated by a wide margin.",
    "The mayor said construction would start in the spring if the regional government approved the loan.",
    "Fishermen who use the old quay asked for a guarantee that their moorings would be kept during the work.",
    "A final vote on the budget for the project is expected at the next meeting of the council in June.",
    "Residents near the terminal have complained for years about noise from lorries loading at night.",
]


def _story(n: int = 12) -> list[str]:
    return [f"{_SENT[i % len(_SENT)]} Item {i} of the report was read aloud." for i in range(n)]


def _page(paras: list[str], ld_body: str | None = None) -> str:
    ld = ""
    if ld_body is not None:
        ld = f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "headline": "Harbour vote", "articleBody": ld_body})}</script>'
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<html><head><title>Harbour vote</title>{ld}</head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        f"<article><h1>Harbour vote</h1><div class='story'>{body}</div></article>"
        "<footer><p>Copyright of the example publisher.</p></footer></body></html>"
    )


def test_agreement_and_containment():
    a = Candidate("a", _story(6))
    b = Candidate("b", _story(6) + ["An unrelated line about the weather in another town entirely, with more words."])
    assert agree(a, a) == 1.0
    assert 0.8 < agree(a, b) < 1.0
    assert contained(a, b) == 1.0 and contained(b, a) < 1.0
    assert agree(a, Candidate("empty")) == 0.0


def test_page_lines_one_line_per_block_and_deep_nesting():
    html = "<html><body><div>Menu <b>bold</b> text<p>One para<br>next line</p></div><script>x=1</script></body></html>"
    assert page_lines(html) == ["Menu bold text", "One para", "next line"]
    deep = "<div>" * 5000 + "<p>Deep text here.</p>" + "</div>" * 5000
    assert page_lines(f"<html><body>{deep}</body></html>") == ["Deep text here."]


def test_lines_candidate_finds_the_story_on_the_page():
    cand = lines_candidate(_page(_story()))
    assert cand is not None and cand.paragraphs[0].startswith(_SENT[0])
    assert not any("Copyright" in p or "Home" in p for p in cand.paragraphs)


def test_density_candidate_joins_inline_elements_without_spaces():
    html = "<html><body><div>" + "".join(f"<p>A <b>Wor</b>d here and KI-<i>Systeme</i> : {s}</p>" for s in _SENT) + "</div></body></html>"
    cand = dom_candidate(LexborHTMLParser(html))
    assert cand.paragraphs[0].startswith("A Word here and KI-Systeme : ")


def test_density_candidate_takes_a_lead_beside_its_container():
    lead = "The harbour plan was approved by a narrow margin, ending a dispute that had lasted for three years."
    html = f"<html><body><article><div class='intro'><p>{lead}</p></div><div class='story'>" + "".join(f"<p>{p}</p>" for p in _story()) + "</div></article></body></html>"
    cand = dom_candidate(LexborHTMLParser(html))
    assert cand.paragraphs[0] == lead


def _choose(html: str, ld_body: str | None = None):
    return H.choose_body(LexborHTMLParser(html), html, None, ld_body)


def test_fast_path_needs_the_lines_to_agree(monkeypatch):
    html = _page(_story())
    assert _choose(html)[2] == "dom+lines"
    other = Candidate("lines", ["A different story about a football match and the goals scored in the second half of it."] * 3)
    monkeypatch.setattr(H, "lines_candidate", lambda _html: other)
    monkeypatch.setattr(H, "trafilatura_paragraphs", lambda _html, _url: (["from trafilatura"], []))
    assert _choose(html) == (["from trafilatura"], [], "trafilatura")


def test_fast_path_with_a_json_ld_body(monkeypatch):
    story = _story()
    html = _page(story, "\n".join(story))
    assert _choose(html, "\n".join(story))[2] == "dom+ld"
    monkeypatch.setattr(H, "trafilatura_paragraphs", lambda _html, _url: (["from trafilatura"], []))
    teaser = "A completely different summary of some other article that the page declares as its body text. " * 4
    assert _choose(html, teaser)[2] == "trafilatura"  # the declared body disagrees: no fast path


def test_benchmark_route_mirrors_choose_body():
    """benchmarks/body_candidates.py replays html.choose_body from recorded signals: the two must agree."""
    from benchmarks.body_candidates import route
    from newsgraph.extract.signals import candidates, features

    story = _story()
    pages = [_page(story), _page(story, "\n".join(story)), _page(story, "Another text entirely, about a match. " * 20), _page(story[:2])]
    seen = []
    for html in pages:
        ld = json.loads(html.split('json">')[1].split("</script>")[0])["articleBody"] if "ld+json" in html else None
        rec = {"features": features(candidates(LexborHTMLParser(html), html, None, ld_body=ld))}
        expected = "dom" if _choose(html, ld)[2].startswith("dom") else "trafilatura"
        assert route(rec) == expected
        seen.append(expected)
    assert seen == ["dom", "dom", "trafilatura", "trafilatura"]
