"""`text` kind on dumps we wrote ourselves: metadata lines, captions, credits, crossheads, boilerplate kept out."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.extract import extract
from newsgraph.extract.dates import parse_date
from newsgraph.records import RawDocument


def _text(fixtures, name):
    return extract(RawDocument(input=name, data=(fixtures / "extract" / name).read_bytes(), kind="text"))


def test_wire_story(fixtures):
    ex = _text(fixtures, "wire.txt")
    assert ex.title == "Harbour strike halts grain exports from Port Varnel"
    assert ex.section == "World"
    assert ex.standfirst.startswith("Dock workers walked out over pay")
    assert ex.published == "2024-03-14T09:30"
    assert ex.agency == "Northwire"
    assert [(i.caption, i.credit) for i in ex.images] == [
        ("Cranes stand idle at the northern terminal of Port Varnel on Wednesday", "Wirepix")
    ]
    paras = ex.body.split("\n\n")
    assert paras[0].startswith("PORT VARNEL, March 14 (Northwire)")
    assert paras[-1].endswith("before the end of the week.")
    assert '"We will stay out."' in paras  # a short quoted paragraph stays
    assert "Ships waiting" in paras and ex.crossheads == ["Ships waiting"]
    for bad in ("Cranes stand idle", "312", "Source:", "Related stories", "silos", "newsletter", "[ShareBar]", "Published"):
        assert bad not in ex.body


def test_byline_and_captions(fixtures):
    ex = _text(fixtures, "byline.txt")
    assert ex.title == "The glacier that came back: a mountain valley's surprising winter"
    assert ex.section == "Climate"
    assert ex.authors == ["Tomas Lindqvist", "Priya Raman"]
    assert ex.published == "2025-01-05"
    assert ex.source_name == "Valley Chronicle"
    caps = {i.caption: i.credit for i in ex.images}
    assert caps == {
        "The Stavik glacier seen from the research hut in December": "Photo: Anna Berg",
        "Ice cores are stored in a freezer at the field station": "Priya Raman",
    } or caps == {
        "The Stavik glacier seen from the research hut in December": "Anna Berg",
        "Ice cores are stored in a freezer at the field station": "Priya Raman",
    }
    assert ex.crossheads == ["What the cores show", "Why it matters"]
    paras = ex.body.split("\n\n")
    assert len(paras) == 8
    assert paras[-1].startswith("The valley's farms depend on meltwater")
    for bad in ("Share this article", "1,204", "Most read", "bridge", "stew", "©", "Researchers say heavy snowfall"):
        assert bad not in ex.body


def test_heavy_teasers_and_nav(fixtures):
    ex = _text(fixtures, "teasers.txt")
    assert ex.title == "Council approves new cycle lanes on the river road"
    assert ex.modified == "2023-06-02T17:45" and ex.published is None
    paras = ex.body.split("\n\n")
    assert len(paras) == 4
    assert paras[0].startswith("The city council voted on Thursday")
    for bad in ("cookie", "Advertisement", "striker", "Library", "Mayor", "Newsletter", "inbox", "Share", "Tweet"):
        assert bad not in ex.body


def test_body_offsets_are_paragraph_joins(fixtures):
    ex = _text(fixtures, "wire.txt")
    start = ex.body.index("Ships waiting")
    assert ex.body[start - 2 : start] == "\n\n" and ex.body[start + len("Ships waiting") :].startswith("\n\n")


def test_no_article_is_an_input_error():
    with pytest.raises(InputError):
        extract(RawDocument(input="nav.txt", data=b"Home\nNews\nSport\nWeather\n", kind="text"))


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Last Modified: 03 Feb 2013 06:07", "2013-02-03T06:07"),
        ("February 3, 2013 6:07 PM", "2013-02-03T18:07"),
        ("Published 2024-05-01T08:00:00Z", "2024-05-01T08:00"),
        ("5. Januar 2025", "2025-01-05"),
        ("no date here", None),
    ],
)
def test_date_lines(text, iso):
    assert parse_date(text) == iso


def test_teaser_cards_without_heading_and_repeated_furniture():
    dump = "\n".join(
        [
            "Article content",
            "Storm closes mountain pass for a second day",
            "By Lena Ortiz",
            "12 November 2024",
            "Article content",
            "Heavy snow closed the only road over the Karst pass for a second day on Tuesday, cutting off three villages.",
            "Article content",
            "Snowploughs had cleared half of the road by noon, but drifts returned within hours, the roads office said.",
            "Article content",
            "Residents have enough food and fuel for a week, the mayor of the largest village told the regional radio.",
            "Ferry timetable changes for winter",
            "The island ferry will run twice a day from December, the operator said on Monday.",
            "New school opens in the valley",
            "Pupils moved into the new building after two years of work on the old mill site.",
            "Market hall to close for repairs",
            "Traders will move to the square while the roof of the market hall is replaced next spring.",
        ]
    )
    ex = extract(RawDocument(input="cards.txt", data=dump.encode(), kind="text"))
    paras = ex.body.split("\n\n")
    assert len(paras) == 3, paras
    assert paras[-1].startswith("Residents have enough food")
    assert ex.title == "Storm closes mountain pass for a second day"
    assert ex.authors == ["Lena Ortiz"] and ex.published == "2024-11-12"
    assert "Article content" not in ex.body and "ferry" not in ex.body


_P = "The harbour board met on Monday and agreed a plan that will change how the port handles its cargo for years to come."


def _dump(lines: list[str]) -> RawDocument:
    return RawDocument(input="dump", data="\n".join(lines).encode(), kind="text")


def test_lone_photo_credit_line_takes_the_caption_above_it():
    ex = extract(_dump(["Harbour plan agreed", "By Jane Doe", _P, "Cranes stand idle at the north quay on Monday.", "Image: John Roe/Example Agency", _P.replace("Monday", "Tuesday"), _P.replace("board", "council")]))
    assert "Cranes stand idle" not in ex.body
    assert any(i.caption.startswith("Cranes stand idle") and i.credit == "John Roe/Example Agency" for i in ex.images)


def test_a_lone_date_line_between_two_long_stretches_does_not_split_the_story():
    part = [_P.replace("for years", f"for {n} years") for n in range(2, 22)]  # about 2,400 characters a side
    ex = extract(_dump(["Harbour plan agreed", "By Jane Doe", *part, "December 25, 2023", *[p.replace("board", "council") for p in part]]))
    assert part[0] in ex.body and part[-1].replace("board", "council") in ex.body


def test_text_rules_are_passed_down(fixtures):
    from newsgraph.extract.text import extract_text
    from newsgraph.extract.text_rules import TextRules

    data = (fixtures / "extract" / "wire.txt").read_text(encoding="utf-8")
    raw = RawDocument(input="wire.txt", data=b"", kind="text")
    shipped = extract_text(data, raw)
    assert "Ships waiting" in shipped.crossheads
    # a crosshead longer than the rule allows is no crosshead; no line this long is body: nothing is found
    assert "Ships waiting" not in extract_text(data, raw, TextRules(crosshead_max_chars=5)).crossheads
    with pytest.raises(InputError, match="no article text found"):
        extract_text(data, raw, TextRules(body_min_words=500, prose_min_words=500))


def test_header_and_name_word_counts_are_named_rules():
    from newsgraph.extract.text import _name_like
    from newsgraph.extract.text_header import _split_names
    from newsgraph.extract.text_rules import TextRules

    names = "Ana Maria de la Cruz and Bob Roe"
    assert _split_names(names) == ["Ana Maria de la Cruz", "Bob Roe"]
    assert _split_names(names, TextRules(author_max_words=3)) == ["Bob Roe"]
    assert _name_like("Jan de Vries", TextRules())
    assert not _name_like("Jan de Vries", TextRules(connector_max_chars=1))
