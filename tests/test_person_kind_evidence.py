"""A name the model types as a person that the document itself attaches to a kind noun anywhere (a camp, a
hospital, a school, a tribe, a storm, a charity): person_kind_evidence.py. Fixtures are sentences and short
articles written here, with invented names."""

from __future__ import annotations

from newsgraph.annotate.person_kind_evidence import attached_kind, kind_attached, kind_named, kind_of


def _attached(nlp, text: str, name: str) -> str | None:
    start = text.index(name)
    return attached_kind(nlp(text), start, start + len(name))


def test_the_kind_nouns_and_their_types():
    assert kind_of("camps", "after") == "place" and kind_of("Schools", "head") == "body"
    assert kind_of("Cyclone", "lead") == "storm" and kind_of("tribe", "after") == "group"
    assert kind_of("family", "after") is None and kind_of("administration", "after") is None
    assert kind_of("camp", "head") is None and kind_of("camp", "after") is None  # "Dave Camp", "the X camp said"


def test_a_kind_noun_the_text_attaches_to_a_name(selective_nlp):
    nlp = selective_nlp
    assert _attached(nlp, "Aid resumed in the Tolu Besh refugee camp near the border.", "Tolu Besh") == "place"
    assert _attached(nlp, "Families live in Ruritania's crowded Kavrano camps today.", "Kavrano") == "place"
    assert _attached(nlp, "Two girls are treated at the Marit Osso hospital in the east.", "Marit Osso") == "body"
    assert _attached(nlp, "Powder was found at the Anton K. Merle courthouse on Monday.", "Anton K. Merle") == "place"
    assert _attached(nlp, "Raiders from the Lomari tribe took cattle.", "Lomari") == "group"
    assert _attached(nlp, "Category 4 Cyclone Wenna hit the coast.", "Cyclone Wenna") == "storm"
    assert _attached(nlp, "Shops are near Elm and Varga Elementary Schools.", "Varga Elementary Schools") == "body"
    assert _attached(nlp, "A check was handed to Palo Veri, a Ruritanian non-profit organization.", "Palo Veri") == "body"
    assert _attached(nlp, "They are treated in the designated fever hospital, Santo Vireo in the capital.",
                     "Santo Vireo") == "body"


def test_people_keep_their_reading(selective_nlp):
    nlp = selective_nlp
    assert _attached(nlp, "Dana Okafor, a hospital spokeswoman, said the camp was full.", "Dana Okafor") is None
    assert _attached(nlp, "The Okafor family said the Okafor administration erred.", "Okafor") is None
    assert _attached(nlp, "She was taken to the hospital, Tomas Brell said on Monday.", "Tomas Brell") is None
    assert _attached(nlp, "Nadia Venn visited the camp and the hospital.", "Nadia Venn") is None
    assert _attached(nlp, "Senator Ilse Marrow said her campaign would go on.", "Ilse Marrow") is None


def test_the_weighing_against_person_evidence(selective_nlp):
    text = ("Aid resumed in the Tolu Besh refugee camp. Food reached Tolu Besh on Monday. Tolu Besh said the "
            "trucks were late.")
    assert kind_attached(selective_nlp(text), text, ["Tolu Besh"]) == (3, 1)
    assert not kind_named(3, 1, person_evidenced=False)  # one of three: the name's owner may be a person
    assert kind_named(2, 1, person_evidenced=False)
    assert not kind_named(2, 1, person_evidenced=True)  # a cued person needs every occurrence attached
    assert kind_named(1, 1, person_evidenced=True)  # "the Anton Merle courthouse" and nothing else
    assert not kind_named(0, 0, person_evidenced=False)


def test_an_article_hides_the_kinds_and_shows_the_people():
    import newsgraph

    text = ("Flooding hits refugee camp\n\nAid workers said flooding has reached the Tolu Besh refugee camp in "
            "northern Ruritania. About 4,000 families live in Tolu Besh, the agency said. Category 3 Cyclone "
            "Wenna hit the coast on Monday. Agency director Marta Kallio said the roads were cut. \"We need boats,\" "
            "Kallio said. Raiders from the Lomari tribe stole cattle in the north, police said.")
    rec = newsgraph.analyze(text, kind="text").to_dict()
    shown = dict(zip(rec["topics"]["people"], rec["topics_confidence"]["people"], strict=True))
    assert shown.get("Marta Kallio", 0) >= 0.5
    for thing in ("Tolu Besh", "Cyclone Wenna", "Lomari"):
        assert shown.get(thing, 0) < 0.5, (thing, shown)
