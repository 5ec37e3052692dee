"""Organisation readings from a name's head noun and the words around its mentions (org_kinds.py, stop 23): an
institution named once is a topic shown, a street, a building's modifier and a coordination's fragment are not,
and a bare "Red Cross" in a local story is not the International Committee. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.org_kinds import coordinated_only, head_word, institution, street_only, thing_only
from newsgraph.records import Extracted
from newsgraph.settings import TOPIC_THRESHOLDS

#: The organisation topics' display cut (on the topics' transfer layer's scale since stop 33; 0.5 before it).
SHOWN = TOPIC_THRESHOLDS["organisations"]


def _orgs(body: str) -> dict[str, float]:
    rec = annotate(Extracted(input="t", body=body))
    return dict(zip(rec.topics["organisations"], rec.topics_confidence["organisations"], strict=True))


@pytest.mark.parametrize(("name", "head"), [
    ("Board of Assessors", "board"),
    ("Minnesota Department of Transportation", "department"),
    ("Centre for Policy Impact", "centre"),
    ("Greene Valley Common Pleas Court", "court"),
    ("Acme Tools", "tools"),
])
def test_head_word_is_the_word_before_the_complement_or_the_last(name, head):
    assert head_word(name) == head


def test_an_institution_cut_from_a_longer_name_is_no_institution():
    text = "The Office of the Secretary of Defense said so."
    s = text.index("Office")
    assert not institution("Office of the Secretary", text, [(s, s + len("Office of the Secretary"))])
    text = "The Pinewood County Board of Supervisors met."
    s = text.index("Pinewood")
    assert institution("Pinewood County Board of Supervisors", text, [(s, s + 36)])
    assert not institution("Board", "The Board met.", [(4, 9)])  # one word: a bare short form


def test_street_thing_and_fragment_readings():
    text = "A truck was found on Larch Court after dark, near the Acme Biscuit Co. building, by the Boys and Girls Club."
    s = text.index("Larch")
    assert street_only("Larch Court", text, [(s, s + len("Larch Court"))])
    s = text.index("Acme")
    assert thing_only(text, [(s, s + len("Acme Biscuit Co."))])
    s = text.index("Girls")
    assert coordinated_only("Girls Club", text, [(s, s + len("Girls Club"))])
    # a court named in prose is no street, and a company beside another is no fragment
    text = "She appeared before Larch County Court. Ford Motor Company and Zentrix Corp. signed."
    s = text.index("Larch")
    assert not street_only("Larch County Court", text, [(s, s + len("Larch County Court"))])
    s = text.index("Zentrix")
    assert not coordinated_only("Zentrix Corp.", text, [(s, s + len("Zentrix Corp."))])


_COURT = ("A Dunmore woman pleaded guilty on Monday in Clark County District Court to three counts of theft from the "
          "church where she kept the books. Sheriff's deputies found the missing ledgers in a pickup truck parked on "
          "Alder Court after a neighbour called them. Sentencing is set for May, her lawyer said.")


def test_a_court_named_once_is_shown_and_a_street_is_not():
    orgs = _orgs(_COURT)
    assert orgs.get("Clark County District Court", 0) >= SHOWN
    assert orgs.get("Alder Court", 0) < SHOWN


def test_without_the_institution_floor_the_court_stays_hidden(monkeypatch):
    from newsgraph.annotate import confidence

    monkeypatch.setattr(confidence, "INSTITUTION_FLOOR", 0.0)
    assert _orgs(_COURT).get("Clark County District Court", 0) < SHOWN


def test_a_bare_red_cross_in_a_local_story_keeps_its_own_name():
    body = ("Fire forced forty residents from an apartment block in Maple Falls on Tuesday night. The Red Cross is "
            "helping the families who lost their homes, the fire chief said.")
    orgs = _orgs(body)
    assert "International Committee of the Red Cross" not in orgs
    body = ("The International Committee of the Red Cross (ICRC) said its staff reached the town. The Red Cross "
            "has asked both sides to let convoys pass.")
    assert "International Committee of the Red Cross" in _orgs(body)


@pytest.mark.parametrize("name", [
    "News Photo/Harbour Police Department",  # a credit fused to the name
    "Black university",  # a lower-case head: a description, no name
    "Central Service Center on Elm Road",  # a complement running on into a street
])
def test_a_fused_or_described_name_is_no_institution(name):
    text = f"Then {name} said so."
    assert not institution(name, text, [(5, 5 + len(name))])


def test_two_whole_names_coordinated_are_no_fragments():
    text = "The Lakeview Volunteer Fire Department and Birch Hill Fire Department responded."
    s = text.index("Birch")
    assert not coordinated_only("Birch Hill Fire Department", text, [(s, s + len("Birch Hill Fire Department"))])


def test_a_committee_running_on_into_its_remit_is_cut():
    text = "The Joint Select Committee on the Future of Rail met. The County Court on Monday ruled."
    assert not institution("Joint Select Committee", text, [(4, 26)])
    s = text.index("County Court")
    assert institution("County Court", text, [(s, s + len("County Court"))])


@pytest.mark.parametrize(("name", "fused"), [
    ("MILLBROOK \u2014 City Council", True),  # a dateline opening the name
    ("Town Council and School Board", True),  # two bodies
    ("Harbour Police Department of Harbour Police", True),  # a complement repeating the name
    ("Department of Health and Human Services", False),
    ("Securities and Exchange Commission", False),
    ("Bank of England", False),
    ("University of Millbrook and University of Dunmore", True),  # each half opens with a head and its complement
    ("Board of Education and Board of Regents", True),
    ("University of Science and Technology", False),
    ("Institute of Science and Society", False),  # the second half has no complement: the remit's last word
])
def test_fused_names(name, fused):
    from newsgraph.annotate.org_kinds import fused_name

    assert fused_name(name) is fused



@pytest.mark.parametrize("reading", ["thing_only", "street_only", "coordinated", "fused_name", "cut_only", "venue_only"])
def test_each_reading_holds_the_topic_score_down(reading):
    from newsgraph.annotate.confidence import ORG_KIND_WEIGHT, gate
    from newsgraph.records import Entity

    e = Entity(id="o1", name="Millbrook City Council", type="organisation")
    assert gate("topic", e, 0.6, {reading: 1.0}) == pytest.approx(0.6 * ORG_KIND_WEIGHT)
    assert gate("topic", e, 0.6, {}) == pytest.approx(0.6)


def test_an_event_a_body_holds_is_no_institution():
    name = "International Society for Marine Acoustics Conference"
    assert not institution(name, f"The {name} met.", [(4, 4 + len(name))])


def test_a_short_form_of_a_name_before_its_complement_joins_it():
    body = ("Matthew Rojansky, director of the Kennan Institute at the Harlan Pierce Center for Regional Studies, has "
            "studied the practice. According to Pierce Center director Rojansky, the militias were paid by the "
            "oligarch. The Pierce Center published the study last year.")
    orgs = _orgs(body)
    assert "Pierce Center" not in orgs
    assert "Harlan Pierce Center for Regional Studies" in orgs


@pytest.mark.parametrize(("body", "name"), [
    ("Hanley owns Marlowe's in the market and Blossom Deli downtown. Hanley said the deli would stay open.",
     "Blossom Deli"),
    ("Every time I visit Lee Academy, I am impressed by its floors. The class toured the Lee Academy building on "
     "Wednesday.", "Lee Academy"),
    ("Gilbert is the former production president of Stan Hollis Studio, which made effects for such films as Dark "
     "Harbor, Trapani said.", "Stan Hollis Studio"),
])
def test_a_business_named_after_a_person_is_no_person(body, name):
    rec = annotate(Extracted(input="t", body=body))
    assert name not in rec.topics["people"]
    assert name in rec.topics["organisations"]


def test_not_person_name_reads_the_last_word():
    from newsgraph.annotate.org_kinds import not_person_name

    assert not_person_name("Blossom Deli") and not_person_name("Stan Hollis Studio")
    assert not_person_name("Lee Academy") and not_person_name("Glen Marlow Elementary")
    assert not not_person_name("Deli") and not not_person_name("Margaret Court")


def test_a_fragment_cut_from_a_longer_name():
    from newsgraph.annotate.org_kinds import cut_only

    cases = [
        ("Students of O.D. Larkin High School walked out.", "Larkin High School", True),
        ("She teaches at St. Brendan's Catholic School in town.", "Catholic School", True),
        ("Pupils of Harwick Girls' Grammar School won.", "Grammar School", True),
        ("The Trade Committee of the People's Assembly met.", "Trade Committee of the People", True),
        ("Mass at the Church of St. Anne and The Holy Martyrs ended.", "Church of St. Anne", True),
        ("Ohio's Public Utilities Commission ruled.", "Public Utilities Commission", False),  # an owner's possessive
        ("The Larkin High School band played.", "Larkin High School", False),
        ("He appeared in U.S. District Court in Boston.", "District Court", False),  # the owner's initials
        ("At Halden University's Brightwater Brain Institute they met.", "Brightwater Brain Institute", False),
        # an owner's possessive before a name of its own: the owner's name is whole
        ("A professor at Hebron University of Tarsis's Euler Institute of Logic.", "Hebron University of Tarsis", False),
    ]
    for text, name, cut in cases:
        s = text.index(name)
        assert cut_only(name, text, [(s, s + len(name))]) is cut, name
    # a short mention of the entity's own longer name is no cut from it
    text = "The Mortimer B. Halvorsen Brain Institute found it. Halvorsen Brain Institute staff agreed."
    s = text.index("Halvorsen")
    assert not cut_only("Mortimer B. Halvorsen Brain Institute", text, [(s, s + len("Halvorsen Brain Institute"))])


def test_a_venue_named_as_a_place_is_no_institution():
    from newsgraph.annotate.org_kinds import venue_only

    text = "The sale is held at the Millbrook Civic Center, past the fire station."
    s = text.index("Millbrook")
    span = [(s, s + len("Millbrook Civic Center"))]
    assert venue_only("Millbrook Civic Center", text, span)
    assert not institution("Millbrook Civic Center", text, span)
    text = "The Millbrook Community Center said it would close. Its director resigned."
    s = text.index("Millbrook")
    assert not venue_only("Millbrook Community Center", text, [(s, s + len("Millbrook Community Center"))])
    text = "He was taken to Millbrook Medical Center."
    s = text.index("Millbrook")
    assert not venue_only("Millbrook Medical Center", text, [(s, s + len("Millbrook Medical Center"))])


def test_a_venue_in_directions_is_hidden_and_a_hospital_is_shown():
    body = ("The garden club's plant sale will be held Saturday at the Millbrook Civic Center on Route 9, past the "
            "fire station. Proceeds go to the Harwick County Hospital, which treated more than 400 patients last "
            "year. Come early for the best plants, organisers said.")
    orgs = _orgs(body)
    assert orgs.get("Millbrook Civic Center", 0) < SHOWN
    assert orgs.get("Harwick County Hospital", 0) >= SHOWN
