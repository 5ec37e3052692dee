"""Contract months of a futures or options market resolve forward, and a relative day glossed by the text's own
date takes that date (stop 29's held-out wire audit: "September unleaded gasoline" -> last September, "next Friday
(Sept. 6)" -> the coming day). Our own sentences, with invented exchanges and people."""

from __future__ import annotations

from newsgraph.annotate.dates import find_dates, parse_anchor

ANCHOR = parse_anchor("1996-08-29")  # a Thursday


def values(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, ANCHOR)]


def test_contract_month_before_a_commodity_is_the_coming_one():
    got = values("September unleaded gasoline on the Harbour Mercantile Exchange finished 1.39 cents up and October "
                 "crude rose 44 cents, while December cotton closed higher.")
    assert ("September", "1996-09") in got
    assert ("October", "1996-10") in got
    assert ("December", "1996-12") in got


def test_contract_month_with_a_short_year_and_the_contract_noun():
    got = values("One dealer bought 35,000 September 97 put options. The December contract fell 2 points.")
    assert ("September 97", "1997-09") in got
    assert ("December", "1996-12") in got


def test_a_month_of_narration_is_no_contract():
    # "in" makes the month a time of narration, and a noun of no contract makes no market term: both stay as the
    # same sentence without a commodity noun resolves them
    assert values("In September gold rose 5 percent.")[0] == values("In September prices rose 5 percent.")[0]
    assert values("Since October cotton has lost 5 percent.")[0] == values("Since October prices have lost 5 percent.")[0]


def test_a_bracketed_date_glosses_a_relative_weekday():
    got = values("Things are dicey going into next Friday (Sept. 6) so be careful. They vote on Tuesday, Sept. 3.")
    assert ("next Friday (Sept. 6)", "1996-09-06") in got
    assert ("on Tuesday, Sept. 3", "1996-09-03") in got
    assert not any(t == "next Friday" for t, _ in got)


def test_a_month_before_a_singular_future_is_a_contract_month():
    got = [(d.text, d.value) for d in find_dates("The September long gilt future on LIFFE was trading at 107.",
                                                 parse_anchor("1996-08-30"))]
    assert got == [("September", "1996-09")]


def test_a_contract_month_after_a_preposition_is_read_from_the_parse(dated_doc):
    doc = dated_doc("Thursday's high in September heating oil was 58.20 cents a gallon.", "1996-08-29")
    assert [(d.text, d.value) for d in doc._.ng_dates if "September" in d.text] == [("September", "1996-09")]
    doc = dated_doc("In September gold rose 5 percent.", "1996-08-29")
    assert [(d.text, d.value) for d in doc._.ng_dates] == [("In September", "1995-09")]
