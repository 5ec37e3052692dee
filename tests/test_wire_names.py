"""Names in wire copy (stop 37, from the Reuters-21578 draw's verdicts; invented stories here): a name the wire
marks with angle brackets is the name without them; a number with a unit glued on ("700p") is no name; "Korea"
alone is the country, not a village of that name elsewhere."""

from __future__ import annotations

import pytest
from conftest import annotated_docs

DOCS = {
    "brackets": "<Canadian Halvor Mining Ltd> said it agreed to sell its gold unit to Brisco Resources Inc for 12 mln "
                "dlrs.\n\nHalvor said the sale would close in April.",
    "pence": "Dunmore Holdings offered 700p a share for Kestrel Group Plc.\n\nThe 700p offer values Kestrel at 1.2 "
             "billion stg, Dunmore said.",
    "korea": "Exporters in Korea said the won's rise hurt them.\n\nKorea's trade surplus with the United States "
             "fell in February, the trade ministry in Seoul said.",
}


@pytest.fixture(scope="module")
def arts():
    return annotated_docs(DOCS)


def _names(article) -> dict[str, str]:
    return {e.name: e.type for e in article.entities}


def test_a_bracketed_wire_name_is_the_name_inside(arts):
    names = _names(arts["brackets"])
    assert names.get("Canadian Halvor Mining Ltd") == "organisation"
    assert not any("<" in n or ">" in n for n in names)


def test_a_price_in_pence_is_no_name(arts):
    assert not any(n.startswith("700") for n in _names(arts["pence"]))


def test_korea_alone_is_the_country(arts):
    names = _names(arts["korea"])
    assert names.get("South Korea") == "country" and "Korea" not in names


SHORT_FIRST = {
    "initials": "Shares of Hallam rose 2 dlrs on takeover talk, traders said.\n\nA Hallam spokesman declined comment."
                "\n\nJ.R. Hallam Group Inc has been the subject of rumours for weeks.",
    "acronym": "NAGD said its board proposed new rules on share votes.\n\nThe National Association of Grain Dealers "
               "Inc said the rules would apply to all members.",
}


@pytest.fixture(scope="module")
def short_first():
    return annotated_docs(SHORT_FIRST)


@pytest.mark.parametrize(("doc", "full", "short"), [
    ("initials", "J.R. Hallam Group Inc", "Hallam"),
    ("acronym", "National Association of Grain Dealers Inc", "NAGD"),
])
def test_a_company_short_form_joins_its_registered_name(short_first, doc, full, short):
    """(stop 37) "Hallam" of "J.R. Hallam Group Inc" (initials before the name), "NAGD" of "... Dealers Inc" (a legal
    form is no word of the acronym), even when the short form comes first: one organisation, not two."""
    orgs = {e.name: e for e in short_first[doc].entities if e.type == "organisation"}
    assert full in orgs and short not in orgs


MORE = {
    "currency": "The S.A. Dlr closed at 1.80 against the U.S. Dollar, dealers said.\n\nThe N.Z. Dlrs rose on "
                "Tuesday, and the central bank in Wellington said it would not intervene.",
    "possessive": "Kestrel's Supermarkets Ltd said its board had approved the plan.\n\nKestrel's chairman urged "
                  "shareholders to accept the offer.",
}


@pytest.fixture(scope="module")
def more():
    return annotated_docs(MORE)


def test_a_currency_is_no_entity(more):
    """(stop 37) wire copy capitalises currencies ("S.A. Dlr"): no person, no organisation."""
    assert not [e.name for e in more["currency"].entities if e.name.split()[-1].lower().strip(".") in ("dlr", "dlrs", "dollar")]


def test_a_possessive_name_joins_its_body(more):
    """(stop 37) "Kestrel's chairman" names Kestrel's Supermarkets Ltd, not a second body "Kestrel"."""
    orgs = {e.name for e in more["possessive"].entities if e.type == "organisation"}
    assert "Kestrel's Supermarkets Ltd" in orgs and "Kestrel" not in orgs


SHORT_NAMES = {
    "lab": "Kestrel Laboratories said its net income rose 12 pct in 1986.\n\nKestrel said sales of its heart drugs "
           "rose sharply in the fourth quarter.",
    "foundation": "The Ortiz Foundation opened a clinic in Carlsberg on Monday.\n\nOrtiz told reporters the clinic "
                  "would treat children for free.",
}


@pytest.fixture(scope="module")
def short_names():
    return annotated_docs(SHORT_NAMES)


def test_a_company_short_name_with_no_cue_is_no_person_shown(short_names):
    """(stop 37) "Kestrel" opening "Kestrel Laboratories", with no cue of a person, is the company's short name: a
    people topic under it stays below the topics' display threshold for people (0.6)."""
    art = short_names["lab"]
    people = dict(zip(art.topics["people"], art.topics_confidence["people"], strict=True))
    assert people.get("Kestrel", 0.0) < 0.6


def test_a_foundation_leaves_its_namesake_alone(short_names):
    """A foundation is often named after a person in the story: "Ortiz" is no company's short name."""
    from newsgraph.annotate.org_short_forms import company_short_form

    orgs = [e for e in short_names["foundation"].entities if e.type == "organisation"]
    assert any(e.name == "Ortiz Foundation" for e in orgs) and not company_short_form("Ortiz", orgs)
