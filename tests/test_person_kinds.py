"""A name the model types as a person whose kind the text states (person_kinds.py: a breed, a disease, a dish, a
deity, an island). Fixtures are sentences written here, with invented names."""

from __future__ import annotations

from newsgraph.annotate.person_kinds import kind_use


def _kind(text: str, name: str, doc=None) -> str | None:
    start = text.index(name)
    return kind_use(doc, text, start, start + len(name))


def test_the_words_next_to_a_name_say_its_kind(selective_nlp):
    assert _kind("Two people and one Ned Fallow dog died in the caravan.", "Ned Fallow") == "kind-after"
    assert _kind("Birds tested negative for the deadly H7N2 Marsh Fever virus.", "Marsh Fever") == "kind-after"
    assert _kind("Cases were traced to the Pallo Grill on the quay.", "Pallo Grill") == "kind-head"
    assert _kind("Ducks were found with a new strain of Tarn Cough on Monday.", "Tarn Cough") == "kind-frame"
    assert _kind("Sales of the dessert known as 'Lulu Bright' have doubled.", "Lulu Bright") == "kind-naming"
    assert _kind("An otter was seen between Korrima and Tuvahe island.", "Korrima") == "kind-pair"
    assert _kind("Cases rose at restaurants, including Wave Kitchen and Pallo Grill.", "Wave Kitchen") == "kind-list"
    text = "In a tribute to Sunahari, a river goddess, the festival began."
    assert _kind(text, "Sunahari", selective_nlp(text)) == "kind-apposition"


def test_people_keep_their_reading(selective_nlp):
    text = "Dana Okafor, a 46-year-old teacher, said the dog was found."
    assert _kind(text, "Dana Okafor", selective_nlp(text)) is None
    assert _kind("A man known as Tiko Brand was arrested.", "Tiko Brand") is None
    assert _kind("The Okafor family said the strain was hard.", "Okafor") is None
    assert _kind("Officials, including Dana Okafor and Bo Chen, met.", "Dana Okafor") is None
    assert _kind("The case of Dana Okafor went to court.", "Dana Okafor") is None


def test_a_stated_kind_hides_the_person_topic():
    import newsgraph

    text = ("Inquiry into caravan deaths\n\nPolice in Westmoor said the deaths of two people and one Ned Fallow dog in "
            "a caravan park are being investigated. Detective Anna Berg said the park was closed on Sunday.")
    rec = newsgraph.analyze(text, kind="text").to_dict()
    shown = dict(zip(rec["topics"]["people"], rec["topics_confidence"]["people"], strict=True))
    assert shown.get("Ned Fallow", 0) < 0.5
    assert shown.get("Anna Berg", 0) >= 0.5


def test_a_kind_before_the_name_and_a_storm(selective_nlp):
    assert _kind("Pilgrims came to honour the river goddess Sunahari at dawn.", "Sunahari") == "kind-before"
    assert _kind("Miniature poodle Harlow Vane De-Lite took Best in Show.", "Harlow Vane De-Lite") == "kind-before"
    assert _kind("Hurricane Odelia struck the coast on Monday.", "Odelia") == "kind-frame"
    text = "Keepers said Moko the otter escaped from the zoo."
    assert _kind(text, "Moko", selective_nlp(text)) == "kind-apposition"
    assert _kind("The journalist Dana Okafor wrote the report.", "Dana Okafor") is None


def test_vehicles_newspapers_and_things_a_person_owns(selective_nlp):
    from newsgraph.annotate.org_kinds import not_person_name
    from newsgraph.annotate.person_things import thing_use

    assert _kind('The recall covers 2 million "Tam Okafor Rail" vehicles sold in shops.', "Tam Okafor Rail") == "kind-after"
    assert _kind("The toys include toy Dana Brell trucks and models.", "Dana Brell") == "kind-after"
    assert _kind("The Ruritanian daily Kolo Bresk reports that the case is new.", "Kolo Bresk") == "kind-before"
    assert not_person_name("Fever Initiative") and not_person_name("Tarrow Racecourse")
    text = "Anna Wiles was treated to a trip in Kai Brenner's Aero Falcon on Sunday."
    s = text.index("Aero Falcon")
    assert thing_use(selective_nlp(text), text, s, s + len("Aero Falcon")) == "owned"
    text = "Kai Brenner's son Tom Brenner said the trip was fun."
    s = text.index("Tom Brenner")
    assert thing_use(selective_nlp(text), text, s, s + len("Tom Brenner")) is None
