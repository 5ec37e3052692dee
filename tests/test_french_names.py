"""French names on the error classes of the French hand audit (benchmarks/audit/FRENCH.md): labels in capitals
and words glued to an initial taken as names, verbs and common words opening a line taken as names, a surname the
tagger reads as an adverb cut off, compound given names read as places, countries with no map point. The page is
invented (a match sheet and a short report); each assertion fails without the mechanism it names."""

from __future__ import annotations

import pytest
from conftest import untimed_entities

from newsgraph.annotate.languages import plan_for

pytestmark = pytest.mark.skipif(plan_for("fr").package is None, reason="no French pipeline installed")

PAGE = """Compte rendu du match

ARBITRE : C. Turpin
ENTRAINEURC. Pélissier
RemplaçantsM. Cherki, Y. Kerlo
PARTAGEZ
DONNEZ

Faisons le point avec Emmanuel Macron à Rennes, où la tribune a salué la victoire.

Marie-Pierre a rejoint le club en janvier. Les élèves du lycée Paul Bert ont fait grève. Le président a rencontré la délégation de la Russie puis celle de la
Grande-Bretagne à Lyon."""


@pytest.fixture(scope="module")
def entities() -> dict[str, dict]:
    return untimed_entities("match.txt", PAGE)


def test_labels_in_capitals_and_glued_initials_are_no_names(entities):
    for label in ("ARBITRE", "ENTRAINEURC", "RemplaçantsM", "PARTAGEZ", "DONNEZ"):
        assert label not in entities, entities.keys()


def test_a_verb_opening_a_line_is_no_name(entities):
    assert "Faisons" not in entities, entities.keys()


def test_a_surname_the_tagger_misreads_stays_in_the_name(entities):
    assert entities.get("Emmanuel Macron", {}).get("type") == "person", entities.keys()
    assert "Emmanuel" not in entities, entities.keys()


def test_a_compound_given_name_is_a_person(entities):
    assert entities.get("Marie-Pierre", {}).get("type") == "person", entities.keys()


def test_a_school_named_after_a_person_is_an_organisation_not_a_person_or_a_town(entities):
    assert entities.get("Paul Bert", {}).get("type") == "organisation", entities.keys()
    assert "Paul" not in entities, entities.keys()


def test_french_short_names_of_countries_are_geocoded(entities):
    assert entities.get("Russia", {}).get("type") == "country", entities.keys()
    assert entities.get("United Kingdom", {}).get("type") == "country", entities.keys()


def test_common_words_come_from_the_models_lemmatizer():
    import spacy

    from newsgraph.annotate.common_words import CommonWords, fold
    from newsgraph.annotate.languages import plan_for as plan

    nlp = spacy.load(plan("fr").package)
    words = CommonWords.of(nlp.get_pipe("lemmatizer"))
    assert words is not None
    assert words.known("arbitre") and words.known("ENTRAINEUR") and words.known("Effectifs")
    assert not words.known("Macron") and not words.known("Lyon")
    assert words.verb_form("Faisons") and words.verb_form("Rappelons") and not words.verb_form("Orange")
    assert fold("Entraîneur") == "entraineur"
