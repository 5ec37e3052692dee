"""Canonical, typed entities on short articles written for these tests (invented people and bodies)."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.annotate.entities import entity_id, find_entity
from newsgraph.annotate.name_text import initials, strip_name, surname_keys
from newsgraph.records import Extracted

ARTICLE = (
    "Ruritanian opposition leader Tomas al-Varga has met the foreign ministers of France and Brazil.\n\n"
    "Talks between Pierre Dulac, French foreign minister, and Varga were held in Geneva on Monday, "
    "Varga's aides said. The Free Ruritania Alliance (FRA) welcomed the meeting.\n\n"
    "Varga told Reuters news agency that the FRA would keep talking. \"We are ready,\" Dulac said.\n\n"
    "Christians and Kurds in the region have been caught up in the fighting, said a UN statement. "
    "The United Nations has sent aid to Geneva and Paris.\n\n"
    "Brazilian President Ana Costa said Brazil backs the plan."
)


@pytest.fixture(scope="module")
def article():
    return annotate(Extracted(input="test", body=ARTICLE, title="Opposition leader Varga meets France and Brazil"))


def by_name(article, name):
    found = [e for e in article.entities if e.name == name]
    assert found, f"{name} not among {[e.name for e in article.entities]}"
    return found[0]


def test_surname_and_possessive_join_the_full_name(article):
    varga = by_name(article, "Tomas al-Varga")
    assert varga.type == "person"
    assert "Varga" in varga.aliases
    texts = [m.text for m in varga.mentions]
    assert "Varga's" not in texts and texts.count("Varga") >= 3
    assert not [e for e in article.entities if e.name in ("Varga", "Varga's")]


def test_roles_from_prefix_titles_and_appositions(article):
    assert "Ruritanian opposition leader" in by_name(article, "Tomas al-Varga").roles
    assert "French foreign minister" in by_name(article, "Pierre Dulac").roles
    costa = by_name(article, "Ana Costa")
    assert costa.type == "person" and "Brazilian President" in costa.roles


def test_acronyms_join_their_expansion(article):
    fra = by_name(article, "Free Ruritania Alliance")
    assert fra.type == "organisation"
    assert "FRA" in fra.aliases
    un = by_name(article, "United Nations")
    assert un.type == "organisation" and "UN" in un.aliases


def test_groups_are_not_places(article):
    for name in ("Christians", "Kurds"):
        assert by_name(article, name).type == "group"
        assert name not in article.topics["countries"] + article.topics["cities"]


def test_places_are_typed_and_geocoded(article):
    france, brazil = by_name(article, "France"), by_name(article, "Brazil")
    assert france.type == brazil.type == "country"
    assert france.geo.country_code == "FR" and brazil.geo.country_code == "BR"
    geneva = by_name(article, "Geneva")
    assert geneva.type == "city" and geneva.geo.country_code == "CH"
    assert abs(geneva.geo.lat - 46.2) < 0.3 and abs(geneva.geo.lon - 6.15) < 0.3
    assert "Geneva" in article.topics["cities"] and "France" in article.topics["countries"]


def test_demonyms_are_not_place_mentions(article):
    brazil = by_name(article, "Brazil")
    assert all(m.text == "Brazil" for m in brazil.mentions)
    assert not [e for e in article.entities if e.name in ("Brazilian", "French", "Ruritanian")]


def test_organisation_lexicon_and_head_nouns(article):
    reuters = by_name(article, "Reuters")
    assert reuters.type == "organisation"
    assert [m.text for m in reuters.mentions] == ["Reuters"]


def test_topics_follow_salience(article):
    people = article.topics["people"]
    assert people[0] == "Tomas al-Varga"
    sal = [e.salience for e in article.entities]
    assert sal == sorted(sal, reverse=True)


def test_find_entity_by_span(article):
    nlp = load_pipeline()
    from newsgraph.annotate import make_doc

    doc = nlp(make_doc(nlp, Extracted(input="t", body=ARTICLE)))
    start = ARTICLE.index("Varga told")
    assert find_entity(doc, start, start + 5).name == "Tomas al-Varga"
    assert find_entity(doc, 0, 2) is None or find_entity(doc, 0, 2).type != "person"


def test_ambiguous_surnames_are_not_merged():
    body = (
        "John Halloway, the mayor, met Mary Halloway, a senator, in Boston on Friday.\n\n"
        "Halloway said the meeting went well."
    )
    art = annotate(Extracted(input="t", body=body))
    names = {e.name for e in art.entities if e.type == "person"}
    assert {"John Halloway", "Mary Halloway"} <= names
    john = next(e for e in art.entities if e.name == "John Halloway")
    assert [m.text for m in john.mentions] == ["John Halloway"]


def test_document_consistency_retypes_a_surname():
    body = (
        "Prime Minister Olaf Brenning arrived in Oslo on Tuesday.\n\n"
        "Brenning met business leaders. Later Brenning said the talks were useful."
    )
    art = annotate(Extracted(input="t", body=body))
    brenning = next(e for e in art.entities if e.name == "Olaf Brenning")
    assert brenning.type == "person"
    assert len(brenning.mentions) == 3
    assert "Brenning" not in art.topics["organisations"] + art.topics["cities"] + art.topics["countries"]


def test_ids_are_stable_across_articles():
    a = annotate(Extracted(input="a", body="Talks were held in Madrid and Lisbon on Monday."))
    b = annotate(Extracted(input="b", body="Officials in Lisbon denied the report."))
    lisbon_a = next(e for e in a.entities if e.name == "Lisbon")
    lisbon_b = next(e for e in b.entities if e.name == "Lisbon")
    assert lisbon_a.id == lisbon_b.id
    assert entity_id("person", "Ana Costa") == entity_id("person", "ana costa")


def test_name_helpers():
    text = "the National Union's"
    s, e = strip_name(text)
    assert text[s:e] == "National Union"
    s, e = strip_name("Northfield 296")
    assert "Northfield 296"[s:e] == "Northfield"
    assert "Varga" in surname_keys("Tomas al-Varga") and "al-Varga" in surname_keys("Tomas al-Varga")
    assert initials("Free Ruritania Alliance") == "FRA"


def test_town_inside_an_organisation_name_is_a_place_and_find_entity_prefers_the_organisation():
    from newsgraph.annotate import make_doc

    body = "The Springfield Police Department said on Monday that the Illinois State Police would help."
    nlp = load_pipeline()
    doc = nlp(make_doc(nlp, Extracted(input="t", body=body)))
    org_start = body.index("Springfield Police Department")
    org = find_entity(doc, org_start, org_start + len("Springfield Police Department"))
    assert org is not None and org.type == "organisation"
    town = find_entity(doc, org_start, org_start + len("Springfield"))
    assert town is not None and town.type in ("city", "place") and town.geo is not None


def test_defined_acronym_is_found_again():
    body = (
        "The Northern Farmers Union (NFU) called a strike on Monday.\n\n"
        "An NFU spokesman said the strike would last a week. NFU members voted last month."
    )
    art = annotate(Extracted(input="t", body=body))
    nfu = next(e for e in art.entities if e.name == "Northern Farmers Union")
    assert nfu.type == "organisation"
    assert [m.text for m in nfu.mentions].count("NFU") == 3


def test_demonyms_alone_make_a_country_topic_without_mentions():
    body = (
        "Kenyan runners won both races on Sunday. The Kenyan federation said its athletes trained at altitude. "
        "A Kenyan coach praised the team in Berlin."
    )
    art = annotate(Extracted(input="t", body=body))
    assert "Kenya" in art.topics["countries"]
    kenya = next(e for e in art.entities if e.name == "Kenya")
    assert kenya.mentions == [] and kenya.geo.country_code == "KE"


def _types(body: str) -> dict[str, str]:
    art = annotate(Extracted(input="t", body=body))
    return {e.name: e.type for e in art.entities}


PLACE_TYPES = ("place", "city", "country")


def test_feature_nouns_make_places_of_unknown_names():
    # invented rivers (no gazetteer entry) in a coordination, a region after "the ... state of", a town after
    # "the border town of", a neighbourhood named before its noun
    types = _types(
        "Heavy rain swelled the Varnok and Tessaly rivers on Sunday, cutting roads to the border town of Ostrava.\n\n"
        "Forecasters said the flooding could reach the Indian state of Kerala by Wednesday.\n\n"
        "Residents of the Dravenmoor neighbourhood were moved to schools, said Lina Marsh, a council official."
    )
    for name in ("Varnok", "Tessaly", "Ostrava", "Kerala", "Dravenmoor"):
        assert types.get(name) in PLACE_TYPES, (name, types)
    assert types.get("Lina Marsh") == "person"


def test_a_role_before_a_region_is_no_person_title():
    types = _types("Aid convoys left for the Indian state of Kerala, where roads were washed away.")
    assert types.get("Kerala") in PLACE_TYPES, types


def test_organisation_heads_inside_a_name_and_kind_nouns_before_it():
    types = _types(
        "The Ruritania National Council for Press Freedom said the arrests were unlawful.\n\n"
        "Freight company Caldera Lines said it would reroute its ships around the strait."
    )
    assert types.get("Ruritania National Council for Press Freedom") == "organisation", types
    assert types.get("Caldera Lines") == "organisation", types


def test_a_company_in_business_context_is_no_place():
    art = annotate(Extracted(input="t", body=(
        "Regulators fined the software company Quorvex 300 million euros on Tuesday.\n\n"
        "Quorvex, which is based in Madrid, said it would appeal. Shares in Quorvex fell 4 percent.\n\n"
        "The fine follows a penalty of 90 million euros on Brandt in 2021."
    )))
    found = [e for e in art.entities if e.name == "Quorvex"]
    assert [e.type for e in found] == ["organisation"], [(e.name, e.type) for e in art.entities]
    assert {e.name: e.type for e in art.entities}.get("Madrid") == "city"


def test_official_the_is_kept_in_place_names():
    art = annotate(Extracted(input="t", body=(
        "The oil company moved its headquarters to the Woodlands, Texas, last year, a spokesman said."
    )))
    names = {e.name: e for e in art.entities}
    assert "The Woodlands" in names, list(names)
    place = names["The Woodlands"]
    assert place.geo is not None and place.geo.country_code == "US"
    assert any(m.text.lower() == "the woodlands" for m in place.mentions)


def test_a_demonym_beside_a_town_of_its_country_makes_the_country_topic():
    art = annotate(Extracted(input="t", body="Colombian police arrested 40 protesters in Medellin on Friday."))
    countries = [e.name for e in art.entities if e.type == "country"]
    assert "Colombia" in countries, [(e.name, e.type) for e in art.entities]
    # once, and with no place of that country, a demonym stays context only
    art = annotate(Extracted(input="t", body="A Colombian singer performed in Madrid on Monday."))
    assert "Colombia" not in [e.name for e in art.entities]


def test_feature_head_nouns_and_headline_cues_make_places():
    art = annotate(Extracted(
        input="t",
        title="Talks stall over Varnok dam",
        body=("Engineers inspected the Upper Marvessa Dam on Friday.\n\n"
              "Farmers downstream depend on the Varnok for irrigation, said Lina Marsh, a regional official."),
    ))
    types = {e.name: e.type for e in art.entities}
    assert types.get("Upper Marvessa Dam") in PLACE_TYPES, types
    assert types.get("Varnok") in PLACE_TYPES, types
    from newsgraph.annotate.names import shipped_names
    from newsgraph.annotate.place_cues import headline_place_cue

    def _headline_place_cue(headline: str, name: str) -> bool:
        return headline_place_cue(headline, name, shipped_names())

    assert _headline_place_cue("Talks stall over Varnok dam", "Varnok")
    assert _headline_place_cue("Floods reach the border town of Ostrava", "Ostrava")
    assert not _headline_place_cue("Varnok shares fall as dam project stalls", "Varnok")


def test_names_used_as_things_are_not_people_or_places():
    """A name only the model could call a person, used as a thing (object of 'via'/'download', modifier of 'app',
    a verb form), is not a person; a town with a place cue stays a town."""
    body = (
        "Follow us via Twitter and download Zentrix for free.\n\n"
        "The new Pexora app lets users share photos. Sharing is caring!\n\n"
        "Mayor Tom Hale said the flood hit the town of Dunmore on Monday. The IPO raised money for the firm, "
        "said Anna Berg, the chief executive."
    )
    art = annotate(Extracted(input="t", body=body))
    people = {e.name for e in art.entities if e.type == "person"}
    assert "Tom Hale" in people
    assert not people & {"Twitter", "Zentrix", "Pexora", "Sharing", "Twitter Instagram", "Facebook"}
    assert any(e.name == "Dunmore" and e.type == "city" for e in art.entities)
    assert not [e for e in art.entities if e.name == "IPO" and e.type in ("city", "place", "country")]


def test_linking_thresholds_decide_the_type():
    from collections import Counter

    from newsgraph.annotate.entity_linking import LinkingThresholds, _family, _strong
    from newsgraph.annotate.entity_mentions import NameMention

    m = NameMention(0, 5, "Varnok", "organisation", ev=Counter(organisation=3, place=2.5))
    assert _family(m, LinkingThresholds()) == "organisation"
    m.ev = Counter(person=2, place=2.5)
    assert _family(m, LinkingThresholds()) == "place"  # more place than person points
    m.ev = Counter(person=2, place=1)
    assert _family(m, LinkingThresholds()) == "person"
    assert _strong("place", Counter(place=3), LinkingThresholds())
    assert not _strong("place", Counter(place=3), LinkingThresholds(strong_place_points=4))
    assert not _strong("organisation", Counter(organisation=3), LinkingThresholds(org_points=5))


def test_evidence_windows_bound_what_is_read():
    from newsgraph.annotate.entity_evidence_config import EvidenceWindows
    from newsgraph.annotate.names import shipped_names
    from newsgraph.annotate.person_roles import apposition_role, prefix_role

    names = shipped_names()
    text = "Anna Berg, Swedish foreign minister, said on Monday"
    assert apposition_role(text, 9, names, EvidenceWindows()) == "Swedish foreign minister"
    assert apposition_role(text, 9, names, EvidenceWindows(apposition=12)) is None  # the role is cut off
    assert apposition_role(text, 9, names, EvidenceWindows(apposition_head_within=1)) is None  # head is 3rd
    lead = "Swedish Foreign Minister Anna Berg"
    assert prefix_role(lead, lead.index("Anna"), names, EvidenceWindows()) == "Swedish Foreign Minister"
    assert prefix_role(lead, lead.index("Anna"), names, EvidenceWindows(role_words=1)) == "Minister"
