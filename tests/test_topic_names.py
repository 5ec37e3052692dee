"""Name variants of one entity under one canonical name and type (topic recall): a team's short name, a surname the
headline's person owns, a given name with the surname of a longer full name, a town that the text uses as a place
more often than as a team."""

from __future__ import annotations

from collections import Counter

from newsgraph.annotate import annotate
from newsgraph.annotate.entity_clusters import Cluster
from newsgraph.annotate.entity_linking import link_mentions
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.extensions import leading_heading
from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.short_form_joins import join_short_forms
from newsgraph.records import Extracted


def _cluster(name: str, type_: str, n: int, first: int = 0, **ev: int) -> Cluster:
    ms = [NameMention(first + i * 100, first + i * 100 + len(name), name, type_, Counter(ev)) for i in range(n)]
    return Cluster(name=name, mentions=ms, aliases=[name], type=type_)


def test_the_last_words_of_an_organisations_name_join_it():
    full = _cluster("Harbour City Rovers", "organisation", 3, organisation=3)
    farm = _cluster("Eastport Harbour City Rovers", "organisation", 1, first=50, organisation=3)
    short = _cluster("City Rovers", "organisation", 2, first=60, organisation=1)
    out = join_short_forms([full, farm, short])
    assert [c.name for c in out] == ["Harbour City Rovers", "Eastport Harbour City Rovers"]
    assert len(full.mentions) == 5 and "City Rovers" in full.aliases


def test_a_short_form_typed_firmly_otherwise_or_with_two_equal_owners_stays_apart():
    a = _cluster("Northern Grain Council", "organisation", 2, organisation=3)
    b = _cluster("Southern Grain Council", "organisation", 2, organisation=3)
    short = _cluster("Grain Council", "organisation", 1, first=50, organisation=1)
    assert len(join_short_forms([a, b, short])) == 3  # which council? neither is named more
    full = _cluster("Lake Morrow Trust", "organisation", 2, organisation=3)
    place = _cluster("Morrow Trust", "place", 2, first=50, place=2, place_use=2)  # "in Morrow Trust": a place
    assert len(join_short_forms([full, place])) == 2
    later = _cluster("Lake Morrow Trust", "organisation", 1, first=500, organisation=3)
    first = _cluster("Morrow Trust", "organisation", 2, organisation=3)  # named before the longer name: its own
    assert len(join_short_forms([later, first])) == 2


def test_a_one_word_tail_is_no_short_form_of_an_ordinary_name():
    full = _cluster("Harbour Street House", "organisation", 2, organisation=3)
    house = _cluster("House", "organisation", 2, first=50, organisation=3)
    assert len(join_short_forms([full, house])) == 2


def test_leading_heading_is_a_short_first_line_that_is_no_sentence():
    assert leading_heading("Tove Marklund\n\nTove Marklund was a Swedish chemist.") == "Tove Marklund"
    assert leading_heading("Tove Marklund was a Swedish chemist.\nShe died in 1990.") == ""
    assert leading_heading("Tove Marklund") == ""  # the whole text is one line: no heading over a body
    assert leading_heading("a lower-case start\n\nMore text here.") == ""


def test_the_headline_person_owns_the_surname_and_gives_the_canonical_name():
    body = ("Tove Marklund\n\nTove Marklund was a Swedish chemist. Her father, Nils Marklund, "
            "was a miller in Umea. Marklund studied at Uppsala University, where Marklund taught until 1960. "
            "Tove Marklund died in 1990.")
    art = annotate(Extracted(input="t", body=body))
    people = {e.name: e for e in art.entities if e.type == "person"}
    assert "Marklund" not in people, people  # two full names end in it: the headline's person owns it
    assert "Marklund" in people["Tove Marklund"].aliases
    assert "Marklund" not in people["Nils Marklund"].aliases
    without = annotate(Extracted(input="t", body=body.split("\n\n", 1)[1]))  # no heading: the surname stays apart
    assert "Marklund" in {e.name for e in without.entities if e.type == "person"}  # (the father was named nearest)


def test_a_middle_name_with_the_surname_is_a_short_form_of_the_full_name():
    text = "Karl Otto Henrik Lindqvist was born in 1860. Otto Lindqvist studied law. Later Otto Lindqvist taught."
    ms = []
    for name in ("Karl Otto Henrik Lindqvist", "Otto Lindqvist", "Otto Lindqvist"):
        s = text.index(name, ms[-1].end if ms else 0)
        ms.append(NameMention(s, s + len(name), name, "person", Counter({"person": 2})))
    got = {c.name: sorted({m.text for m in c.mentions}) for c in link_mentions(None, ms, shipped_names())}
    assert got == {"Karl Otto Henrik Lindqvist": ["Karl Otto Henrik Lindqvist", "Otto Lindqvist"]}


def test_a_town_named_as_a_place_more_than_as_a_team_stays_a_place():
    body = ("Carlisle\n\nCarlisle is a city in the north of England. Visitors arrive in Carlisle by train, and "
            "many stay in Carlisle for the castle. Carlisle 2 Morecambe 1 was the score when the local club last "
            "won at home. The cathedral in Carlisle is small.")
    art = annotate(Extracted(input="t", body=body))
    types = {e.name: e.type for e in art.entities}
    assert types.get("Carlisle") in ("city", "place"), types


def test_a_prefix_a_reordering_or_an_acronym_of_an_organisations_name_joins_it():
    full = _cluster("Royal Marsh Infirmary", "organisation", 2, first=50, organisation=3)
    short = _cluster("Royal Marsh", "organisation", 1, organisation=1)  # named first, still the same body
    ministry = _cluster("Ministry of Transport of the Republic of Veldoria", "organisation", 1, organisation=3)
    reordered = _cluster("Transport Ministry", "organisation", 2, first=70, organisation=3)
    agency = _cluster("United States Federal Transit Agency", "organisation", 1, organisation=3)
    acronym = _cluster("FTA", "person", 3, first=90)
    centers = _cluster("Centers for Disease Monitoring and Prevention", "organisation", 1, organisation=3)
    cut = _cluster("Centers for Disease Monitoring", "organisation", 1, first=95, organisation=3)
    out = join_short_forms([short, full, ministry, reordered, agency, acronym, centers, cut])
    assert [c.name for c in out] == ["Royal Marsh Infirmary", "Ministry of Transport of the Republic of Veldoria",
                                     "United States Federal Transit Agency",
                                     "Centers for Disease Monitoring and Prevention"]
    assert "FTA" in agency.aliases and "Royal Marsh" in full.aliases


def test_a_prefix_stays_apart_when_it_is_a_place_a_person_or_one_ordinary_word():
    school = _cluster("Halvorsen Medical School", "organisation", 2, organisation=3)
    one = _cluster("Halvorsen", "organisation", 2, first=50, organisation=3)  # the university, not its school
    person = _cluster("Dana Whitcombe", "person", 2, person=2)
    foundation = _cluster("Dana Whitcombe Foundation", "organisation", 1, first=80, organisation=3)
    un = _cluster("UN", "organisation", 1, organisation=3)
    fao = _cluster("Food and Agriculture Organization of the United Nations", "organisation", 1, organisation=3)
    assert len(join_short_forms([school, one, person, foundation, un, fao])) == 6
    hospital = _cluster("Halvorsen Hospital", "organisation", 2, organisation=3)
    assert len(join_short_forms([hospital, _cluster("Halvorsen", "organisation", 1, first=50, organisation=3)])) == 1


def test_a_whole_bodys_name_is_no_prefix_of_what_it_runs():
    club = _cluster("Halvorsen Kennel Association", "organisation", 2, organisation=3)
    show = _cluster("Halvorsen Kennel Association Dog Show", "organisation", 1, first=50, organisation=3)
    assert len(join_short_forms([club, show])) == 2


def test_a_body_the_alias_table_knows_is_no_prefix_of_its_mission():
    un = _cluster("United Nations", "organisation", 3, organisation=3)
    mission = _cluster("United Nations Interim Verification Mission", "organisation", 1, first=50, organisation=3)
    assert len(join_short_forms([un, mission])) == 2


def test_variants_of_an_organisations_name_make_one_topic_in_an_article():
    body = ("The Ministry of Health of Veldoria said on Monday that 40 people had fallen ill in the port of Ostrava. "
            "The Health Ministry asked doctors to report new cases. Inspectors from the United States Federal Transit "
            "Agency visited the port, and the FTA said trains were safe. Patients were taken to the Royal Marsh "
            "Infirmary, and a spokesman for the Royal Marsh said two were in intensive care.")
    orgs = {e.name: e.aliases for e in annotate(Extracted(input="t", body=body)).entities if e.type == "organisation"}
    assert "Health Ministry" in orgs["Ministry of Health of Veldoria"]
    assert "FTA" in orgs["United States Federal Transit Agency"]
    assert "Royal Marsh" in orgs["Royal Marsh Infirmary"]
    assert not {"Health Ministry", "FTA", "Royal Marsh"} & set(orgs)


def test_a_company_named_by_its_registered_name_without_its_legal_form():
    """A wire names a company in full with its legal form once, then by its first word; the model types the short
    form a person or a second organisation (org_short_forms.legal_prefix_of)."""
    from newsgraph.annotate.org_short_forms import legal_prefix_of

    assert legal_prefix_of(["Vellani"], ["Vellani", "SpA"])
    assert legal_prefix_of(["Harbour"], ["Harbour", "Motor", "Corp."])
    assert legal_prefix_of(["Harbour"], ["Harbour", "Heavy", "Industries", "Ltd"])
    assert not legal_prefix_of(["Harbour"], ["Harbour", "Heavy", "Marine", "Industries", "Ltd"])  # too many dropped
    assert not legal_prefix_of(["Halvorsen"], ["Halvorsen", "Medical", "School"])  # no legal form: prefix_of's
    assert not legal_prefix_of(["Vellani"], ["Vellani", "and", "Sons", "Ltd"])  # a lower-case word: another name
    company = _cluster("Vellani SpA", "organisation", 1, organisation=3)
    org = _cluster("Vellani", "organisation", 3, first=50, organisation=1)
    motor = _cluster("Harbour Motor Corp", "organisation", 1, organisation=3)
    out = join_short_forms([company, org, motor])
    assert [c.name for c in out] == ["Vellani SpA", "Harbour Motor Corp"]
    assert len(company.mentions) == 4 and "Vellani" in company.aliases


def test_a_person_named_as_a_company_without_its_legal_form_is_held_down_not_joined():
    """The model's person label on a company's short form: joining would lower the company's own confidence (its
    mentions labelled persons), so the person is held down as a name shape instead (confidence.NAME_SHAPE_WEIGHT)."""
    from newsgraph.annotate import annotate
    from newsgraph.annotate.org_short_forms import company_short_form
    from newsgraph.records import Entity, Extracted

    motor = Entity(id="o1", name="Harbour Motor Corp", type="organisation")
    assert company_short_form("Harbour", [motor]) and not company_short_form("Dana Harbour", [motor])
    body = ("Harbour Motor Corp agreed on Thursday to buy a seat maker for $40 million. Harbour said the deal would "
            "give it a bigger share of the market. \"It should give Harbour the critical mass,\" said analyst Tomas "
            "Berrigan.")
    art = annotate(Extracted(input="t", body=body))
    people = dict(zip(art.topics.get("people", []), art.topics_confidence.get("people", []), strict=True))
    assert people.get("Harbour", 0.0) < 0.5, people
    assert "Harbour Motor Corp" in art.topics.get("organisations", [])
    import pytest

    from newsgraph.annotate.confidence import NAME_SHAPE_WEIGHT, gate

    e = Entity(id="p1", name="Harbour", type="person")
    assert gate("topic", e, 0.7, {"company_named": 1.0}) == pytest.approx(0.7 * NAME_SHAPE_WEIGHT)
