"""A page with no published time (no meta date, no dateline) has no anchor for relative dates: "Tuesday",
"today", "yesterday", "next month" get no value and a confidence below the display threshold, while a date the
text writes out ("May 5, 2009") still resolves. Fixture page written for this test."""

from __future__ import annotations

from newsgraph.records import RawDocument

_PAGE = b"""<html><head><title>Harbour board weighs new ferry route</title></head><body><article>
<h1>Harbour board weighs new ferry route</h1>
<p>The Kestrel Bay harbour board voted on Tuesday to study a second ferry route to the outer islands, its chair
Mara Velden said. The board will meet again next month. A public hearing is set for today at the town hall.</p>
<p>The first ferry service to the islands began on May 5, 2009, and carried 40,000 passengers in 2010.</p>
<p>"We are listening to residents today," Velden said yesterday, adding that the route would open in April.</p>
</article></body></html>"""


def test_relative_dates_of_an_undated_page_are_not_shown():
    from newsgraph.confidence import default_threshold
    from newsgraph.pipeline import analyze_document

    rec = analyze_document(RawDocument("undated-ferry.html", _PAGE, kind="html"))
    assert not rec.published and not rec.modified
    got = {d.text: d for d in rec.dates}
    assert got["May 5, 2009"].value == "2009-05-05" and got["May 5, 2009"].confidence >= default_threshold("dates")
    assert got["in 2010"].value == "2010"
    relative = [d for d in rec.dates if d.text not in ("May 5, 2009", "in 2010")]
    assert {d.text for d in relative} >= {"on Tuesday", "next month", "today", "yesterday", "in April"}
    for d in relative:
        assert d.value is None or d.confidence < default_threshold("dates"), d
