"""French bodies and places on the error classes of the French hand audit (benchmarks/audit/FRENCH.md, stop 21):
portfolios listed after their holders, common nouns and match-sheet labels read as people, a company's national branch cut from its name, towns opening a brand's or a
foreign body's name, seats of government standing for the body, a common noun after an article read as a town.
The page is invented; each assertion fails without the mechanism it names."""

from __future__ import annotations

import pytest
from conftest import untimed_entities

from newsgraph.annotate.languages import plan_for

pytestmark = pytest.mark.skipif(plan_for("fr").package is None, reason="no French pipeline installed")

PAGE = """Le nouveau gouvernement

Trois membres du parti entrent au gouvernement : Hélène Dumas à la Justice, Marc Vidal aux Affaires sociales et
Sylvie Morel aux Armées. Le président Bernard Lefort partira ensuite aux Etats-Unis.

La justice enquête sur les contrats de la société avec le port de Brest. Selon le Grenoble Journal, repris par le magazine Paris Match, les comptes sont faux.

Matignon a répondu dans la soirée et l'Élysée a démenti. La Commission des infractions fiscales de Bercy doit se
prononcer. Si l'on décide que la justice est un des objectifs de l'Union, alors Dublin n'est pas acceptable. Les
critères sont propres à chaque pays de l'Union, a rappelé Hélène Dumas à Lyon.

Les écarts se creusent entre départements. La Seine-et-Marne et l'Essonne perdent des habitants.

Politique, vie des entreprises, Bourse… Toutes les infos de ce jeudi sont à suivre ici.

81'
Sortie de M. Cornet
Le ballon revient sur Cornet dont le centre meurt dans les gants du gardien."""


@pytest.fixture(scope="module")
def entities() -> dict[str, dict]:
    return untimed_entities("gouvernement.txt", PAGE)


def _shown(entities: dict[str, dict], name: str) -> dict | None:
    e = entities.get(name)
    return e if e is not None and (e.get("confidence") is None or e["confidence"] >= 0.5) else None


def test_a_portfolio_after_its_holder_is_no_name(entities):
    assert entities.get("Hélène Dumas", {}).get("type") == "person", entities.keys()
    for portfolio in ("Justice", "Armées", "Affaires sociales"):
        assert portfolio not in entities, entities.keys()


def test_a_country_after_a_holder_stays_a_place(entities):
    assert entities.get("United States", {}).get("type") == "country", entities.keys()


def test_a_national_branch_keeps_its_country_in_its_name():
    """The model's cut ("STX" + "France" for "STX France") depends on the sentence, so the join is tested on
    mentions: an organisation and a country one space apart are one organisation; a comma between keeps two."""
    from newsgraph.annotate.entity_mentions import NameMention
    from newsgraph.annotate.gazetteer import get_gazetteer
    from newsgraph.annotate.mention_growth import join_branches

    text = "les chantiers de KTX France, Nexo, France et Italie"
    joined = join_branches(text, [NameMention(17, 20, "KTX", "organisation"), NameMention(21, 27, "France", "place"),
                                  NameMention(29, 33, "Nexo", "organisation"), NameMention(35, 41, "France", "place")],
                           get_gazetteer())
    assert [(m.text, m.label) for m in joined] == [("KTX France", "organisation"), ("Nexo", "organisation"),
                                                    ("France", "place")]


def test_a_town_opening_a_brand_name_is_no_place_in_french(entities):
    assert entities.get("Paris Match", {}).get("type") == "organisation", entities.keys()
    assert "Paris" not in entities and "Grenoble" not in entities, entities.keys()
    assert entities.get("Lyon", {}).get("type") == "city", entities.keys()  # a town the text places things in
    assert entities.get("Brest", {}).get("type") == "city", entities.keys()


def test_a_seat_of_government_is_the_body(entities):
    for seat in ("Matignon", "Élysée", "Bercy"):
        assert entities.get(seat, {}).get("type") == "organisation", (seat, entities.get(seat))


def test_a_department_keeps_its_article_and_its_reading(entities):
    dept = _shown(entities, "Seine-et-Marne")
    assert dept is not None and (dept.get("geo") or {}).get("feature_code") == "ADM2", entities.get("Seine-et-Marne")


def test_a_common_noun_after_an_article_is_no_town(entities):
    union = _shown(entities, "Union")
    assert union is None or union["type"] not in ("city", "place"), union


def test_a_dictionary_word_only_the_model_calls_a_person_is_no_person(entities):
    assert "Bourse" not in entities, entities.keys()


def test_a_surname_after_an_initial_stays_a_person(entities):
    assert any(n.endswith("Cornet") and e["type"] == "person" for n, e in entities.items()), entities.keys()


def test_a_match_sheet_label_is_cut_from_the_name():
    """Whether the model takes the label into its span depends on the page ("Entree de T. Kadewere" on a real
    match sheet), so the cut is tested on the tokens of such a span."""
    from newsgraph.annotate.common_words import of_pipeline
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.mention_spans import after_label as _after_label
    from newsgraph.annotate.nlp import language_pipeline

    nlp = language_pipeline("fr")
    words, names = of_pipeline(nlp, "lemmatizer"), pipeline_names(nlp)
    cut = _after_label(list(nlp("Entree de T. Mbaye")), words, names)
    assert " ".join(t.text for t in cut) == "T. Mbaye"
    kept = _after_label(list(nlp("Pierre de Coubertin")), words, names)  # a given name keeps its particle
    assert " ".join(t.text for t in kept) == "Pierre de Coubertin"


def test_an_institution_name_goes_on_in_lower_case():
    """French capitalises only a name's first word: the adjectives the model cut off belong to the name, a verb
    form or an adjective after a proper noun does not. Tested on tokens (the model's cut varies by sentence)."""
    from newsgraph.annotate.common_words import of_pipeline
    from newsgraph.annotate.mention_spans import adjectives_after as _adjectives_after
    from newsgraph.annotate.nlp import language_pipeline

    nlp = language_pipeline("fr")
    words = of_pipeline(nlp, "lemmatizer")

    def grown(sentence: str, first: int, last: int) -> str:
        doc = nlp(sentence)
        return " ".join(t.text for t in _adjectives_after(list(doc[first:last]), words))

    assert grown("Le Conseil constitutionnel a validé la loi.", 1, 2) == "Conseil constitutionnel"
    assert grown("Le Parlement européen a voté.", 1, 2) == "Parlement européen"
    assert grown("L'ONU seule décide.", 1, 2) == "ONU"


def test_a_town_before_a_common_word_opens_a_title():
    from newsgraph.annotate.common_words import of_pipeline
    from newsgraph.annotate.entity_mentions import NameMention
    from newsgraph.annotate.gazetteer import get_gazetteer
    from newsgraph.annotate.mention_growth import join_branches
    from newsgraph.annotate.nlp import language_pipeline

    words = of_pipeline(language_pipeline("fr"), "lemmatizer")
    text = "Article Paris Match. Il vit à Paris. Business France recrute."
    joined = join_branches(text, [NameMention(8, 13, "Paris", "place"), NameMention(30, 35, "Paris", "place"),
                                  NameMention(37, 45, "Business", "organisation")], get_gazetteer(), words)
    assert [(m.text, m.label) for m in joined] == [("Paris Match", "organisation"), ("Paris", "place"),
                                                    ("Business France", "organisation")]
