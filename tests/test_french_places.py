"""French places (annotate/name_usage.py with data/names.fr.tsv, geo.py): French prepositions of place are place
evidence, a name only the French model calls a place and the text never uses as one is not shown, continents have
their French names. The article is invented; each assertion fails on the code before the change."""

from __future__ import annotations

import pytest

from newsgraph.annotate.languages import plan_for
from newsgraph.pipeline import analyze_document
from newsgraph.records import RawDocument
from newsgraph.settings import get_settings

pytestmark = pytest.mark.skipif(plan_for("fr").package is None, reason="no French pipeline installed")

ARTICLE = (
    "Les éleveurs de la vallée ont manifesté mardi devant la préfecture, inquiets de la baisse des prix.\n\n"
    "Le maire d'Arles, Patrick Vernet, a reçu une délégation venue de Tarascon. Selon l'institut statistique "
    "Agristat, les revenus ont chuté de 12 % en un an. La réunion s'est poursuivie à Nîmes, près d'Avignon.\n\n"
    "Les exportations vers l'Afrique ont baissé, a rappelé le ministère.\n"
)


def _french(text: str):
    art = analyze_document(RawDocument(input="t.txt", data=text.encode("utf-8"), kind="text"))
    assert art.language == "fr"
    return art


@pytest.fixture(scope="module")
def record():
    return _french(ARTICLE)


def _shown(record) -> dict[str, tuple[str, bool]]:
    threshold = get_settings().min_confidence
    return {e.name: (e.type, bool(e.geo)) for e in record.entities
            if e.confidence is None or e.confidence >= threshold}


def test_a_small_town_after_a_french_preposition_is_placed(record):
    shown = _shown(record)
    assert shown.get("Arles") == ("city", True)  # "le maire d'Arles" (53,000 people: needs a use to be placed)


def test_a_name_only_the_model_calls_a_place_is_not_shown(record):
    everything = {e.name: e for e in record.entities}
    assert everything["Agristat"].type == "place"  # fr_core_news_sm tags it LOC; no gazetteer reading, no use
    assert everything["Agristat"].confidence < get_settings().min_confidence  # kept for the API, not shown
    assert "Agristat" not in _shown(record)
    assert _shown(record).get("Nîmes") == ("city", True)


def test_a_continent_by_its_french_name(record):
    assert _shown(record).get("Afrique") == ("place", True)


ORGS = (
    "Le ministre de la Santé Roman Vlasak s'est retrouvé mercredi soir dans un restaurant, sans masque.\n\n"
    "La ministre des Sports Claire Dumonteil a annoncé sa démission. Le ministre de l'Intérieur a démenti. "
    "Le ministre des Comptes publics est resté silencieux.\n\n"
    "Les entreprises Lime et Bird n'ont pas encadré le service, selon la Ville.\n"
)


@pytest.fixture(scope="module")
def orgs():
    return {e.name: e.type for e in _french(ORGS).entities}


def test_a_portfolio_after_a_title_is_no_organisation(orgs):
    assert not any(n in orgs for n in ("Intérieur", "Comptes publics", "Santé", "Sports"))
    # the holder's name glued to the portfolio in one model span is the person
    assert orgs.get("Roman Vlasak") == "person"
    assert not any("Santé" in n or "Sports" in n for n in orgs)


def test_a_body_named_by_a_french_organisation_word(orgs):
    assert orgs.get("Lime") == "organisation"  # "les entreprises Lime": no Lima, Peru


REGIONS = (
    "Des immigrés venus de l'Europe du Sud et de l'Afrique subsaharienne ont rejoint les chantiers.\n\n"
    "Pour Javier Morales, directeur de campagne à Oceana, une organisation de défense de la nature marine, "
    "les stocks de merlu sont au plus bas dans la mer Méditerranée.\n"
)


@pytest.fixture(scope="module")
def regions():
    return _french(REGIONS)


def test_regions_without_a_point_are_shown_when_the_text_makes_them_places(regions):
    shown = _shown(regions)
    assert shown.get("Afrique subsaharienne", ("", False))[0] == "place"  # a continent qualified in lower case
    assert shown.get("Méditerranée", ("", False))[0] == "place"  # "la mer ...": an area word before it


def test_an_apposition_naming_a_body_makes_an_organisation(regions):
    assert {e.name: e.type for e in regions.entities}.get("Oceana") == "organisation"  # not a West Virginia town


@pytest.mark.parametrize(("text", "name", "whole"), [
    ("L'assemblée générale Île-de-France a voté.", "France", "Île-de-France"),
    ("Chèque à l'ordre d'Info'Com-CGT.", "Com-CGT", "Info'Com-CGT"),
    ("Le port de Boulogne-sur-Mer a rouvert.", "Boulogne", "Boulogne-sur-Mer"),
    ("The Russia-Ukraine talks stalled.", "Ukraine", "Ukraine"),  # two names joined: left alone
    ("The anti-Trump rally grew.", "Trump", "Trump"),  # a prefix
    ("Lorsqu'Emmanuel Macron est arrivé.", "Emmanuel Macron", "Emmanuel Macron"),  # an elided word
])
def test_a_span_cut_out_of_a_compound_name_takes_the_compound(text, name, whole):
    from newsgraph.annotate.mention_growth import compound

    i = text.index(name)
    s, e = compound(text, i, i + len(name))
    assert text[s:e] == whole
