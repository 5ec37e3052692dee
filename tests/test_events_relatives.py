"""Event actors and types that grammar and typed evidence decide (issue 11, stop 36; annotate/relatives.py, EventObjects).

- An indefinite description with a relative clause ("an engineer who was detained") introduces someone new: the
  description is the one acted on, never the person named before it.
- The subject of a clause that holds a relative clause is no antecedent of its "who" ("X said the 31-year-old, who
  has been detained, ..."): the one detained is not X. A subject whose own phrase holds the "who" ("X, who was
  detained on Monday, said") is its antecedent and stays the target.
- Beside people introduced by a number or "a"/"an", a "from" says where they are from ("detained four students from
  X"): X is no target; an official's or a possessed object's "from" keeps its side ("recalled its envoy from X").
- A verb that reduces relations keeps its type with a relation as object ("suspended talks with X", "cut ties with
  X": SANCTION); only a verb that makes deals, with an agreement one makes, is an agreement ("struck a deal", "cut a
  deal"); an agreement attacked is criticised, not made ("attacked the deal").
- A news medium as the speaker of "X said Y attacked Z" reports the act; it accuses no one (police still allege).
- An order with no addressee whose object is an act ("ordered the arrest of X") is that act by its author (COERCE,
  X its target, also behind a determiner: "the arrest of some militants"); an order to someone ("ordered the army to
  withdraw") and an order of any other act ("ordered an investigation into X", a demand as CAMEO codes it) stay a
  REQUEST.
"""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "Foreign Minister Lena Marsh has voiced concern about a Ruritanian engineer who was detained in Borduria last week.",
        "Senator Oskar Brandt said the 31-year-old, who has been detained by the Bordurian army, should be sent home.",
        "Tomas Ferro, who was detained by Bordurian police on Monday, said he had done nothing wrong.",
        "Police in Carlsberg detained four students from Weston on Sunday night.",
        "The Ruritanian government recalled its ambassador from Borduria on Monday.",
        "Governor Ana Ortiz ordered the arrest of Tom Hale on Friday.",
        "The chief minister has been ordering the arrest of some local militants.",
        "President Ana Ortiz ordered the army to withdraw from the border region.",
        "Prime Minister Tom Hale ordered an investigation into the Bordurian Trade Ministry.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


def test_an_indefinite_description_is_someone_new(article):
    pairs = _pairs(article, "detained", "Ruritanian engineer")
    assert pairs, "the detention is still coded"
    assert not any(t == "Lena Marsh" for _, _, t in pairs)


def test_a_relative_who_is_no_subject_above_its_clause(article):
    assert not any(t == "Oskar Brandt" for _, _, t in _pairs(article, "detained", "the 31-year-old"))


def test_a_subject_holding_the_who_stays_its_antecedent(article):
    assert any(t == "Tomas Ferro" for _, _, t in _pairs(article, "detained", "Tomas Ferro, who"))


def test_from_beside_introduced_people_is_where_they_are_from(article):
    pairs = _pairs(article, "detained", "four students")
    assert pairs, "the detention is still coded"
    assert not any(t == "Weston" for _, _, t in pairs)


def test_from_beside_an_official_keeps_its_side(article):
    assert ("SANCTION", "The Ruritanian government", "Borduria") in _pairs(article, "recalled", "its ambassador")


def test_an_order_of_an_act_is_the_act(article):
    assert _pairs(article, "ordered", "arrest of Tom Hale") == {("COERCE", "Ana Ortiz", "Tom Hale")}
    assert {(ty, t) for ty, _, t in _pairs(article, "ordering", "some local militants")} == {("COERCE", "some local militants")}


def test_an_order_to_someone_stays_a_request(article):
    assert ("REQUEST", "Ana Ortiz", "the army") in _pairs(article, "ordered", "the army to withdraw")


def test_an_order_of_an_inquiry_stays_a_request(article):
    assert {ty for ty, _, _ in _pairs(article, "ordered", "an investigation into")} == {"REQUEST"}


MEDIA = "\n\n".join(
    [
        "The Karavian news agency said Bordurian jets struck several vehicles near the border, killing 14 people.",
        "Newspapers said Borduria's army killed two women and five children.",
        "Police said Tom Hale attacked the guard with a knife.",
    ]
)


@pytest.fixture(scope="module")
def media(selective_nlp):
    return annotated_body(MEDIA, selective_nlp)


def test_a_news_medium_reports_it_does_not_allege(media):
    """(stop 36) "a report accuses no one": the act stays, no ACCUSE by the paper or the agency."""
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(media, "said", "news agency said"))
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(media, "said", "Newspapers said"))
    assert ("ACCUSE", "Police", "Tom Hale") in _pairs(media, "said", "Police said")


TIES = "\n\n".join(
    [
        "Israel suspended talks with Syria on Monday.",
        "Egypt cut diplomatic ties with Iran in 1980.",
        "Jordan has severed all ties with the militant group Hamas.",
        "Prosecutors in Boston cut a deal with Tom Hale on Monday.",
        "Senator Ana Ruiz attacked the deal with Iran.",
    ]
)


@pytest.fixture(scope="module")
def ties(selective_nlp):
    return annotated_body(TIES, selective_nlp)


@pytest.mark.parametrize(("trigger", "sentence"), [("suspended", "talks with Syria"), ("cut", "ties with Iran"), ("severed", "all ties")])
def test_reducing_relations_is_no_agreement(ties, trigger, sentence):
    types = {ty for ty, _, _ in _pairs(ties, trigger, sentence)}
    assert types and "AGREE" not in types


def test_a_deal_cut_is_an_agreement(ties):
    assert "AGREE" in {ty for ty, _, _ in _pairs(ties, "cut", "a deal with Tom Hale")}


def test_an_agreement_attacked_is_not_made(ties):
    assert "AGREE" not in {ty for ty, _, _ in _pairs(ties, "attacked", "the deal with Iran")}


NAMED_AFTER = "\n\n".join(
    [
        "Brazil withdrew from the Paris climate agreement on Monday.",
        "Peru rejected Moscow's offer on Tuesday.",
        "Bordurian forces shelled the Kyiv suburbs overnight.",
    ]
)


@pytest.fixture(scope="module")
def named_after(selective_nlp):
    return annotated_body(NAMED_AFTER, selective_nlp)


def test_a_thing_named_after_a_city_is_not_the_city(named_after):
    """(stop 37) "the Paris climate agreement" is no act on Paris; a city as possessor ("Moscow's offer") still authors
    the thing, and people or places named by a city ("the Kyiv suburbs") keep it."""
    pairs = _pairs(named_after, "withdrew", "Paris climate")
    assert pairs, "the withdrawal is still coded"
    assert not any(t == "Paris" for _, _, t in pairs)
    assert ("REJECT", "Peru", "Moscow") in _pairs(named_after, "rejected", "Moscow's offer")
    assert any(t == "Kyiv" for _, _, t in _pairs(named_after, "shelled", "Kyiv suburbs"))


RAIDS = "\n\n".join(
    [
        "Syrian jets raided a fuel depot near the border on Tuesday.",
        "Police in Carlsberg raided the offices of the Freedom Party on Tuesday.",
    ]
)


@pytest.fixture(scope="module")
def raids(selective_nlp):
    return annotated_body(RAIDS, selective_nlp)


def test_a_raid_by_aircraft_is_force_and_a_police_raid_coercion(raids):
    """(stop 37) a raid whose subject is a weapon or a craft ("jets raided") is an air raid (ASSAULT); a police raid
    stays a search and seizure (COERCE)."""
    assert {ty for ty, _, _ in _pairs(raids, "raided", "jets raided")} == {"ASSAULT"}
    assert "ASSAULT" not in {ty for ty, _, _ in _pairs(raids, "raided", "Police in Carlsberg")}
