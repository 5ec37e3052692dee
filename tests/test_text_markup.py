"""Text dumps from other renderers: hard-wrapped Markdown (html2text-like) reads as the one-line-per-block dump."""

from __future__ import annotations

from newsgraph.extract import extract
from newsgraph.extract.text_markup import WrapRules, dump_lines, is_markdown, strip_markup, unwrap, wrap_width
from newsgraph.records import RawDocument


def _read(fixtures, name):
    return (fixtures / "extract" / name).read_text("utf-8")


def _text(fixtures, name):
    return extract(RawDocument(input=name, data=(fixtures / "extract" / name).read_bytes(), kind="text"))


def test_wrapped_markdown_gives_the_same_body_as_the_block_dump(fixtures):
    plain, wrapped = _text(fixtures, "wire.txt"), _text(fixtures, "wire_wrapped.md")
    assert wrapped.body == plain.body
    assert wrapped.title == plain.title
    assert wrapped.standfirst == plain.standfirst
    assert wrapped.published == plain.published
    assert "https://" not in wrapped.body and "](" not in wrapped.body


def test_lynx_dump_with_numbered_links_gives_the_same_body(fixtures):
    plain, lynx = _text(fixtures, "wire.txt"), _text(fixtures, "wire_lynx.txt")
    assert lynx.body == plain.body
    assert lynx.title == plain.title and lynx.published == plain.published
    assert "https://" not in lynx.body and "[4]" not in lynx.body


def test_wrap_width_found_only_in_wrapped_dumps(fixtures):
    assert wrap_width(_read(fixtures, "wire_wrapped.md").splitlines()) == 78
    for name in ("wire.txt", "byline.txt", "teasers.txt"):
        lines = _read(fixtures, name).splitlines()
        assert wrap_width(lines) is None
        assert unwrap(lines) == lines


def test_unwrap_joins_only_where_the_wrapper_had_to_break():
    import textwrap

    story = ("The river rose overnight and the old bridge closed before dawn, so the morning buses went the long "
             "way round through the hills while crews checked the piers.")
    lines = [*textwrap.wrap(story, 42), "", "Short line.", "Next short line.", ""]
    lines = lines + textwrap.wrap(story, 42) + [""] + textwrap.wrap(story, 42)
    assert wrap_width(lines) == 41  # the longest line the wrapper wrote
    out = unwrap(lines)
    assert out[0] == story and out[-1] == story  # every break was forced: the next word would not have fit
    assert out[2:4] == ["Short line.", "Next short line."]  # ends well before the width: not joined
    # the same lines without blank lines between paragraphs: not a wrapper's output (one line per block)
    assert wrap_width([ln for ln in lines if ln]) is None


def test_headline_list_of_like_length_is_not_wrapped_text():
    heads = ["Harbour workers vote to end strike after new pay offer from the port",
             "New train line to open in spring after two years of repairs",
             "Farmers report a record harvest despite the late frost in the north",
             "City council approves budget for library and pool",
             "Storm damage closes coastal road between two villages again",
             "School holidays moved by a week to make room for the elections",
             "Hospital opens new wing for children and their parents",
             "Old mill turned into flats as town grows",
             "Ferry fares rise for the third time this year, operator says"]
    lines = ["Latest news", "", "Home", "", "World", "", *heads, "", "More stories", ""]
    # lines pile up under one width and are followed by another line, but the next headline's first word would
    # often have fitted: no wrapper broke there
    assert wrap_width(lines) is None
    assert wrap_width(lines, WrapRules(min_forced=0.0)) is not None


def test_markdown_undone_with_flags():
    line = strip_markup("  * [Home](https://example.org/ \"Home page\")")
    assert line.text == "Home" and line.flags["bullet"] and line.flags["links"] == 1.0
    line = strip_markup("He said **no** to [the plan](http://x.org/p) and _left_ at 1\\. pm.")
    assert line.text == "He said no to the plan and left at 1. pm."
    assert 0 < line.flags["links"] < 0.5
    assert strip_markup("## Ships waiting").flags == {"heading": True}
    assert strip_markup("![alt](http://x.org/a.jpg)").text == ""
    # a plain dump keeps a leading "#" and emphasis marks as the page had them
    assert strip_markup("# 5 reasons", markdown=False).text == "# 5 reasons"


def test_markdown_detected_by_its_links(fixtures):
    assert is_markdown(_read(fixtures, "wire_wrapped.md"))
    assert not is_markdown(_read(fixtures, "wire.txt"))
    assert [d.text for d in dump_lines("a\n\nb")] == ["a", "", "b"]


def test_browser_renderer_puts_menu_links_on_their_own_lines():
    from benchmarks.renderers import render_browser

    html = ("<html><body><nav><a href='/'>Home</a><a href='/w'>World</a></nav><div style='display:none'>Hidden</div>"
            "<p>The vote ran <a href='/x'>late</a> into the night.</p><p>Second.</p>"
            "<table><tr><td>a</td><td>b</td></tr></table></body></html>")
    assert render_browser(html).splitlines() == ["Home", "World", "", "The vote ran late into the night.", "",
                                                 "Second.", "", "a\tb"]


def test_a_line_that_is_all_link_is_no_paragraph():
    from newsgraph.extract.text import classify_lines

    dump = ("[Home](https://example.org/) [World](https://example.org/w) [Sport](https://example.org/s)\n\n"
            "[Farmers warn of a storage shortage as the silos fill up early this year.](https://example.org/a)\n\n"
            "The union said [the offer](https://example.org/o) was too low and the strike would go on next week.\n")
    kinds = [ln.kind for ln in classify_lines(dump)]
    assert kinds[1] == "other"  # a teaser: every word of it is link text
    assert kinds[2] == "body"  # prose with a link in it


def test_link_target_list_lines_dropped_even_with_spaces_but_not_numbered_text():
    assert strip_markup("  175. whatsapp://send?text=Read this", numbered=True).text == ""
    assert strip_markup("   3. Note: the ferry runs at noon.", numbered=True).text == "3. Note: the ferry runs at noon."
