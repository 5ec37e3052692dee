"""A name the model calls an organisation or place that the text uses as a person; an organisation name cut at "and"
inside its complement; a place beside a two-word name that opens with it (person_usage.people_by_usage,
mention_growth.complement_goes_on, entity_linking family-name-first short forms)."""

from __future__ import annotations

from collections import Counter

from newsgraph.annotate.entity_linking import link_mentions
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.names import shipped_names


def test_a_place_is_no_family_name_put_first():
    text = "Harrowgate Minster was built in 1220. Harrowgate is a market town. Wang Donghai came. Wang said no."
    ms = []
    for name, label, ev in (("Harrowgate Minster", "person", {"person": 2}), ("Harrowgate", "place", {"place": 3}),
                            ("Wang Donghai", "person", {"person": 2}), ("Wang", "person", {"person": 1})):
        s = text.index(name, text.index(name) + 1 if name == "Harrowgate" else 0)
        ms.append(NameMention(s, s + len(name), name, label, Counter(ev)))
    got = {c.name: (c.type, sorted(m.text for m in c.mentions)) for c in link_mentions(None, ms, shipped_names())}
    assert got["Harrowgate"] == ("place", ["Harrowgate"])
    assert got["Wang Donghai"] == ("person", ["Wang", "Wang Donghai"])


def test_a_name_used_as_a_person_becomes_one(selective_nlp):
    # the small model reads this name as an organisation; "Barrow began his career" reads as a person
    text = ("Stone Barrow\n\nStone Barrow is a baseball player. In 2009 Barrow was signed by the Pirates. Barrow "
            "began his career in the minor leagues, and Barrow made his debut in 2012. The Harbor Company said its "
            "profits rose.")
    doc = selective_nlp(text)
    people = {e.name for e in doc._.ng_entities if e.type == "person"}
    orgs = {e.name for e in doc._.ng_entities if e.type == "organisation"}
    assert "Stone Barrow" in people and "Barrow" not in people
    assert "Stone Barrow" not in orgs


def test_an_organisation_stays_one_without_person_uses(selective_nlp):
    text = ("Harbor Freight Group reported higher sales. Harbor Freight Group opened new stores in Ohio and said "
            "its profits rose; Harbor Freight Group will hire staff.")
    doc = selective_nlp(text)
    assert not [e for e in doc._.ng_entities if e.type == "person" and "Harbor" in e.name]


def test_an_organisation_cut_at_and_inside_its_complement_is_whole(selective_nlp):
    doc = selective_nlp("Two batches of bills carry this error from the US Bureau of Engraving and Printing. "
                        "It is very rare, he said.")
    assert "US Bureau of Engraving and Printing" in {e.name for e in doc._.ng_entities}
    doc = selective_nlp("Officials from the Ministry of Health and Oxfam visited the camp on Monday.")
    names = {e.name for e in doc._.ng_entities}
    assert "Ministry of Health" in names and "Oxfam" in names


def test_a_person_opening_an_institutions_name_is_part_of_it(selective_nlp):
    doc = selective_nlp("Enrique Pantin at Rutgers Robert Wood Johnson Medical School and Professor Kristen Labazzo "
                        "led the study.")
    got = {e.name: e.type for e in doc._.ng_entities}
    assert got.get("Robert Wood Johnson Medical School") == "organisation"
    assert "Robert Wood" not in got
    doc = selective_nlp("Maria Lopez said the plan would work. John Smith agreed.")
    assert {e.name: e.type for e in doc._.ng_entities} == {"Maria Lopez": "person", "John Smith": "person"}
