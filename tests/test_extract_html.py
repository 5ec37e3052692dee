"""`html` kind on pages we wrote: body with crossheads, metadata from JSON-LD/meta/bylines/figures, encodings."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.extract.jsonld import parse_jsonld
from newsgraph.records import RawDocument


def _html(data: bytes, name="page.html", headers=None):
    return extract(RawDocument(input=name, data=data, kind="html", headers=headers or {}))


def _fixture(fixtures, name):
    return _html((fixtures / "extract" / name).read_bytes(), name)


def test_wire_story(fixtures):
    ex = _fixture(fixtures, "wire.html")
    assert ex.title == "Harbour strike halts grain exports from Port Varnel"
    assert ex.section == "World"
    assert ex.source_name == "Coastline Herald"
    assert ex.source_domain == "coastline-herald.example"
    assert ex.agency == "Northwire"
    assert ex.published.startswith("2024-03-14T09:30")
    assert ex.modified.startswith("2024-03-14T11:02")
    assert ex.authors == []  # the credit is an agency, not a person
    assert [(i.caption, i.credit) for i in ex.images] == [
        ("Cranes stand idle at the northern terminal of Port Varnel on Wednesday", "Wirepix")
    ]
    paras = ex.body.split("\n\n")
    assert paras[0].startswith("PORT VARNEL, March 14 (Northwire)")
    assert paras[-1].endswith("before the end of the week.")
    assert ex.crossheads == ["Ships waiting"] and "Ships waiting" in paras
    for bad in ("Source: Northwire", "Related stories", "silos", "newsletter", "tracking", "color: red", "Harbour strike halts"):
        assert bad not in ex.body


def test_byline_captions_crossheads(fixtures):
    ex = _fixture(fixtures, "byline.html")
    assert ex.title == "The glacier that came back: a mountain valley's surprising winter"
    assert ex.authors == ["Tomas Lindqvist", "Priya Raman"]
    assert ex.standfirst.startswith("Researchers say heavy snowfall")
    assert ex.section == "Science"
    caps = {i.caption: i.credit for i in ex.images}
    assert caps == {
        "The Stavik glacier seen from the research hut in December": "Anna Berg",
        "Ice cores are stored in a freezer at the field station": "Priya Raman",
    }
    assert ex.crossheads == ["What the cores show", "Why it matters"]
    paras = ex.body.split("\n\n")
    assert paras[0].startswith("For the first time in thirty years")
    assert len(paras) == 8
    for bad in ("Share this article", "1,204", "Most read", "stew", "Researchers say heavy snowfall", "Ice cores are stored"):
        assert bad not in ex.body


def test_heavy_teasers(fixtures):
    ex = _fixture(fixtures, "teasers.html")
    assert ex.title == "Council approves new cycle lanes on the river road"
    assert ex.published.startswith("2023-06-02T08:10") and ex.modified.startswith("2023-06-02T17:45")
    paras = ex.body.split("\n\n")
    assert len(paras) == 4
    for bad in ("cookie", "Advertisement", "striker", "Library", "Mayor", "Newsletter", "Terms of use"):
        assert bad not in ex.body


ARTICLE = (
    "<html><head>{meta}<title>Caf\u00e9 owners \u2014 \u201cwe\u2019re staying\u201d</title></head><body><article>"
    "<h1>Caf\u00e9 owners \u2014 \u201cwe\u2019re staying\u201d</h1>"
    "<p>The owners of the caf\u00e9 on the harbour front said on Tuesday they would not sell, despite an offer from "
    "a developer that they called \u201cgenerous but wrong\u201d for a street that needs its meeting places.</p>"
    "<p>Their na\u00efve hope, they admitted, is that the council will protect the building\u2019s fa\u00e7ade, which "
    "dates from 1890 and still carries the painted sign of the first owner, a Swiss pastry cook.</p>"
    "<p>Regulars have started a petition that had gathered more than 2,000 signatures by Wednesday evening, "
    "according to the organisers, who plan to hand it to the mayor next week.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("encoding", "meta"),
    [
        ("cp1252", '<meta charset="windows-1252">'),
        ("cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
        ("cp1252", ""),  # undeclared
        ("utf-16", ""),  # with BOM
    ],
)
def test_encodings(encoding, meta):
    data = ARTICLE.format(meta=meta).encode(encoding)
    ex = _html(data)
    assert "caf\u00e9 on the harbour front" in ex.body
    assert "\u201cgenerous but wrong\u201d" in ex.body
    assert "fa\u00e7ade" in ex.body and "na\u00efve" in ex.body
    assert ex.title == "Caf\u00e9 owners \u2014 \u201cwe\u2019re staying\u201d"


def test_header_charset_wins_over_guessing():
    data = ARTICLE.format(meta="").encode("cp1252")
    ex = _html(data, headers={"content-type": "text/html; charset=windows-1252"})
    assert "fa\u00e7ade" in ex.body


def test_page_without_text_is_an_input_error():
    with pytest.raises(InputError):
        _html(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_jsonld_tolerates_broken_blocks():
    ld = parse_jsonld([
        "{not json",
        '{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Daily Test"},'
        '{"@type":["NewsArticle"],"headline":"A &amp; B agree","author":[{"@type":"Person","name":"Ann Lee"},'
        '{"@type":"Organization","name":"Wire Service"}],"datePublished":"2024-01-02T03:04:05Z",'
        '"articleBody":"Text.",}]}',
    ])
    assert ld is not None
    assert ld.headline == "A & B agree"
    assert ld.authors == ["Ann Lee"] and ld.author_orgs == ["Wire Service"]
    assert ld.site_name == "The Daily Test"
    assert ld.published == "2024-01-02T03:04:05Z"


def test_credit_line_and_related_box_inside_story():
    page = (
        "<html><head><title>Bridge reopens after repairs</title>"
        '<meta property="og:site_name" content="River Post"></head><body>'
        "<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Bridge reopens after repairs</h1>"
        "<p>The old stone bridge over the river reopened to traffic on Monday after eight months of repairs, the "
        "county said, ending long detours for commuters from the northern villages.</p>"
        "<p>Engineers replaced two arches that had cracked during last winter's floods and added a new footpath on "
        "the eastern side of the crossing.</p>"
        "<div class='related'><h3>Related stories</h3><ul><li><a href='/x'>Floods close roads across the county</a></li>"
        "<li><a href='/y'>Council sets budget for bridge works</a></li></ul></div>"
        "<p>Local shops said trade had fallen by a third while the bridge was closed and welcomed the reopening.</p>"
        "<p>With files from Northwire</p>"
        "</article><footer>&copy; River Post</footer></body></html>"
    )
    ex = _html(page.encode())
    assert ex.agency == "Northwire"
    assert ex.source_name == "River Post"
    paras = ex.body.split("\n\n")
    assert paras[0].startswith("The old stone bridge") and paras[-1].startswith("Local shops said")
    for bad in ("Related stories", "Floods close roads", "With files from", "Home"):
        assert bad not in ex.body
