"""How the text uses a name (annotate/name_usage.py): settlements need a place use, regions and features are no
cities, things are no people. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.name_usage import admin_head, definite_head, geo_kinds, settlement_use
from newsgraph.annotate.names import NamesLexicon, language_sections, shipped_names
from newsgraph.records import Extracted


def _entities(body: str, title: str | None = None) -> dict[str, str]:
    art = annotate(Extracted(input="t", body=body, title=title))
    return {e.name: e.type for e in art.entities}


def _use(sentence: str, name: str, names=None) -> str | None:
    i = sentence.index(name)
    return settlement_use(sentence, i, i + len(name), get_gazetteer(), names or shipped_names())


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("The mill closed in Tecumseh last year.", "Tecumseh", "locative"),
    ("A farmer near Pearl sold the land.", "Pearl", "locative"),
    ("A farmer from Pearl sold the land.", "Pearl", "locative"),
    ("Voters in the town of Windham queued early.", "Windham", "locative"),
    ("The meeting in Windham, N.H., ran late.", "Windham", "locative"),
    ("Schools near Pearl, Mississippi, closed.", "Pearl", "locative"),
    ("Pearl, Mississippi, has grown fast.", "Pearl", "region-after"),
    ("A Tecumseh-based maker of pumps hired 40 people.", "Tecumseh", "based"),
    ("PUTRAJAYA, Nov 22 \u2014 The minister said the talks went well.", "PUTRAJAYA", "dateline"),
    ("Pearl residents packed the hall.", "Pearl", "local"),
    ("Pearl's mayor resigned.", "Pearl", "local"),
    ("Pearl's earrings sparkled.", "Pearl", None),
    ("\u2014Gloria, age 8", "Gloria", None),
    ("Why did the chicken cross the road? \u2014Kabir, Age 9", "Kabir", None),
    ("Life on Mars may once have been possible.", "Mars", None),
    ("In Smith's view the plan failed.", "Smith", None),
    ("It costs more than trading platforms from Gemini and Kraken.", "Gemini", None),
    ("Farmers from Pearl sold the land.", "Pearl", "locative"),
])
def test_settlement_uses(sentence, name, kind):
    assert _use(sentence, name) == kind


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("La foire s'est tenue à Tecumseh samedi.", "Tecumseh", "locative"),
    ("Un agriculteur près d\u2019Arles a vendu ses terres.", "Arles", "locative"),
    ("Les habitants d'Arles ont voté.", "Arles", "locative"),
    ("La commune de Windham a voté.", "Windham", "locative"),
    ("Il a grandi en Bretagne.", "Bretagne", "locative"),
    ("Le président est de retour à la Maison Blanche.", "Maison Blanche", None),  # an article: no settlement
    ("Pearl a publié ses comptes.", "Pearl", None),
    ("The mill closed in Tecumseh last year.", "Tecumseh", None),  # English prepositions are not French data
])
def test_french_prepositions_of_place_are_the_french_lexicon(sentence, name, kind):
    assert _use(sentence, name, NamesLexicon.from_sections(language_sections("names.fr.tsv"))) == kind
    if kind is not None:  # and the English lexicon does not read them
        assert _use(sentence, name) is None


def test_admin_heads_after_a_name():
    text = "Courts of the Dnipropetrovsk region ruled; Kaduna state officials agreed; Ohio State won."
    assert admin_head(text, text.index("Dnipropetrovsk") + len("Dnipropetrovsk"))
    assert admin_head(text, text.index("Kaduna") + len("Kaduna"))
    assert not admin_head(text, text.index("Ohio") + len("Ohio"))


def test_definite_article_heads_and_modifiers():
    from newsgraph.annotate import load_pipeline

    nlp = load_pipeline()
    doc = nlp("Trade across the Atlantic slowed, and the Paris agreement stalled in the Middle East, the Lima-based "
              "group said.")
    text = doc.text

    def span(name):
        i = text.index(name)
        return i, i + len(name)

    assert definite_head(doc, *span("Atlantic"))
    assert definite_head(doc, *span("Middle East"))
    assert not definite_head(doc, *span("Paris"))  # a modifier of "agreement", not the head
    assert not definite_head(doc, *span("Lima"))  # a compound


def test_geo_kinds_follow_most_mentions():
    assert geo_kinds({"ev": {"admin_head": 1}, "n": 2, "labels": {"nested": 1}}) == frozenset({"admin1", "admin2"})
    assert geo_kinds({"ev": {"admin_head": 1}, "n": 2}) is None  # "which Moscow blamed", "the Moscow region"
    assert geo_kinds({"ev": {"admin_head": 1}, "n": 12}) is None  # "Kyiv" named once as "the Kyiv region"
    assert "admin1" in geo_kinds({"ev": {"definite": 2}, "n": 2})
    assert geo_kinds({"ev": {}, "n": 3}) is None


def test_a_gazetteer_only_town_is_no_place_without_a_place_use():
    art = annotate(Extracted(input="t", body=(
        "Why do birds fly south? It is too far to walk.\n\n\u2014Gloria, age 8\n\n"
        "Life on Mars may once have been possible, the scientists wrote."
    )))
    for name in ("Gloria", "Mars"):
        for e in art.entities:
            if e.name == name:
                assert e.type not in ("city", "country") and e.geo is None, (name, e.type, e.geo)


def test_the_same_small_town_used_as_a_place_stays_a_city():
    types = _entities(
        "The family moved to a farm near Pearl, Mississippi, in 2019.\n\n"
        "Pearl has doubled in size since then, the mayor said."
    )
    assert types.get("Pearl") == "city", types


def test_regions_and_features_are_no_cities():
    art = annotate(Extracted(input="t", body=(
        "Drones struck the Dnipropetrovsk region overnight, officials in Kyiv said.\n\n"
        "Shipping across the Atlantic slowed, and prices rose across the Middle East."
    )))
    types = {e.name: e.type for e in art.entities}
    assert types.get("Kyiv") == "city", types
    for name in ("Dnipropetrovsk", "Atlantic", "Middle East"):
        assert types.get(name, "place") != "city", (name, types)
    region = next((e for e in art.entities if e.name == "Dnipropetrovsk"), None)
    if region is not None and region.geo is not None:
        assert region.geo.feature_code.startswith("ADM"), region.geo


def test_things_used_as_things_are_no_people():
    """Per name: one use as a thing ("X, which", "the X", a model number) untypes every mention the model alone
    calls a person; a person with a role keeps its type."""
    types = _entities(
        "Traders moved to Brennick, which charges lower fees than its rival. Brennick opened in 2019.\n\n"
        "Crowds filled the Marlowe on Sunday to see the painting. Marlowe opened at nine.\n\n"
        "The Vexa 3000 sold out in a day. Anna Berg, the chief executive, said demand was strong."
    )
    assert types.get("Anna Berg") == "person", types
    for name in ("Brennick", "Marlowe", "Vexa 3000"):
        assert types.get(name) != "person", (name, types)


def test_a_small_town_reading_needs_a_place_use_to_be_placed():
    from newsgraph.annotate.gazetteer import Place
    from newsgraph.annotate.name_usage import placed

    town = Place(1, "Smallford", "US", "TX", "city", 30.0, -97.0, 970)
    big = Place(2, "Bigton", "US", "TX", "city", 30.0, -97.0, 500_000)
    region = Place(3, "Westland", "US", "TX", "admin1", 30.0, -97.0, 900)
    bare = {"ev": {"place": 2.5}, "labels": {"place": 1}, "n": 1}
    assert not placed(bare, town, 100_000)
    assert placed(bare, big, 100_000) and placed(bare, region, 100_000)
    assert placed({**bare, "ev": {"place": 2.5, "place_use": 1}}, town, 100_000)
    assert placed({**bare, "labels": {"gaz-place": 1}}, town, 100_000)  # a dateline
    assert placed({}, town, 100_000)  # no evidence summary: left to the geocoder
    assert placed(bare, town, 100_000, near=True, name="Smallford")  # named beside a place near it
    assert not placed(bare, town, 100_000, near=True, name="Small")  # an alternate name needs a use of its own


def test_determiners_before_a_name_mark_a_thing_not_a_role_noun():
    from newsgraph.annotate import load_pipeline
    from newsgraph.annotate.name_usage import determined

    nlp = load_pipeline()
    text = ("Fans of the rapper Dovik Marr queued for the new Pexora, which sold out; the Trump administration and "
            "the Santiago-based firm said some Lumacoin was stolen.")
    doc = nlp(text)

    def span(name):
        i = text.index(name)
        return i, i + len(name)

    adjectives = frozenset({"new"})
    assert determined(doc, *span("Pexora"), adjectives)  # "the new X"
    assert determined(doc, *span("Lumacoin"), adjectives)  # "some X"
    assert not determined(doc, *span("Dovik Marr"), adjectives)  # a role noun between: "the rapper X"
    assert not determined(doc, *span("Trump"), adjectives)  # a modifier of "administration"
    assert not determined(doc, *span("Santiago"), adjectives)  # a hyphenated compound
    assert not determined(doc, *span("Pexora"))  # without the lexicon's adjectives "new" stands in between
