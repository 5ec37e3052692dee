"""Fact precision, stop 27 (annotate/fact_people.py): a count is shown only with positive evidence that it counts
people; a count of a noun that says nothing of people (an animal or thing no list names) is kept below display.
Every sentence is written here (invented places, names and animals the data lists do not name)."""

from __future__ import annotations

import pytest

from newsgraph.annotate.fact_people import agentive, person_noun

SHOWN = 0.5


def _facts(run, text: str) -> list[tuple[str, int, bool]]:
    return [(f.kind, f.value, f.confidence >= SHOWN) for f in run(text, "2024-06-18")._.ng_facts]


@pytest.mark.parametrize("text", [
    "The virus was found in 2 dead young owls at the Dorvale zoo.",
    "The flood in Marlow killed 12 alpacas and 30 llamas.",
    "The heatwave killed 300 salmon in the Ferron estuary.",
    "Inspectors said 80 ostriches had died on the Kettle farm.",
    "Some 300 turkeys on the Brann farm have died of the flu and a further 1,600 have died since the outbreak began.",
    "Some 300 emus on the Brann farm have died of the flu and a further 1,600 have died since the outbreak began.",
])
def test_a_count_with_no_person_evidence_is_kept_but_not_shown(dated_doc, text):
    facts = _facts(dated_doc, text)
    assert facts, "the count is kept (the API has it, with its confidence)"
    assert not any(shown for _, _, shown in facts)


@pytest.mark.parametrize("text, value", [
    ("Gunmen killed 12 villagers near Dorvale on Monday.", 12),
    ("Police in Marlow arrested four vendors.", 4),
    ("The attack killed 12 pupils in Ferron.", 12),
    ("The fire killed three firefighters in Kettle.", 3),
    ("The army said it had killed 40 insurgents.", 40),
    ("Three Dorvalians were killed in the crash.", 3),
    ("At least 30 were killed in the blast in Marlow.", 30),
    ("The quake killed more than 3,000 people and 40 more died in the aftershock.", 3000),
    ("Officials said 6,000 have fled to the coast.", 6000),
])
def test_a_count_with_person_evidence_is_shown(dated_doc, text, value):
    assert (value, True) in [(v, shown) for _, v, shown in _facts(dated_doc, text)]


def test_a_lone_number_after_people_counted_stays_people(dated_doc):
    text = "The storm killed 14 fishermen off Brann, and a further 20 have died inland."
    assert ("killed", 20, True) in _facts(dated_doc, text)


def test_a_definite_number_is_no_antecedent(dated_doc):
    text = "Shelling along the border that separates the two countries went on. It said another 5 were killed."
    assert ("killed", 5, True) in _facts(dated_doc, text)


def test_agent_endings_and_things_built_like_them(dated_doc):
    doc = dated_doc("Hikers, containers, tankers, migrants, shipments, townspeople and journalists.", "2024-06-18")
    by = {t.lower_: t for t in doc}
    assert agentive(by["hikers"]) and agentive(by["migrants"]) and agentive(by["journalists"])
    assert not agentive(by["containers"]) and not agentive(by["tankers"]) and not agentive(by["shipments"])
    assert person_noun(by["hikers"]) and person_noun(by["townspeople"]) and not person_noun(by["containers"])
