"""An act on parties names a party as its target, never a thing, and a party named through another is the head's
party (stop 39, helper e19; event_actor_kinds `_party_targets`, data [party_target] and [party_noun]; event_through).

"criticised the slow pace of reforms", "pressed for the proposals", "pledged at the meetings": the object is what the
act is about, and the act stands with no target. A person, a body or a state stays the target, and a rejected offer
stands for its author (REJECT is not a party type). Employees arrested are the employees, not the firm; a firm
named after a person is the firm; a firm charged by its name stays. "X agreed in talks with Y": Y is the party
agreed with (event_coparties `talks_partners`). Sentences invented for the tests.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Halvard, at a separate meeting yesterday, sharply criticised the slow pace of reforms.",
        "Energy Secretary Tom Blake also pressed anew for existing Administration proposals to deregulate gas.",
        "Minister Jan Oster condemned the detentions and accusations, the statement said.",
        "Minister Tomas Halvard sharply criticised the Ruritanian government on Tuesday.",
        "Senator Anna Kovic urged the committee to approve the budget.",
        "The ministry rejected Ruritania's offer of talks.",
        "The king invited Ruritanian industries to invest in the new port.",
        "Police said they had arrested the Ruritania Machine employees.",
        "Halvard's firm was censured by the Securities and Exchange Commission.",
        "The Securities and Exchange Commission charged Ruritania Machine with fraud.",
        "Moldova agreed in talks with Chad to amend its customs laws.",
        "Senator Pat Moss urged the Reagan administration to act.",
        "Commissioner Frank Young scolded Ruritania Machine officials for the delay.",
        "Moldova agreed at a meeting in Paris to cut its tariffs.",
    ]
)


@pytest.fixture(scope="module")
def article():
    return annotate(Extracted(input="t", body=BODY, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))


def _targets(article, needle, type_):
    s = article.body.index(needle)
    return {e.target_name for e in article.events if e.start <= s < e.end and e.type == type_}


def test_a_pace_criticised_is_no_target(article):
    assert _targets(article, "the slow pace", "ACCUSE") <= {None}


def test_proposals_pressed_for_are_no_target(article):
    assert _targets(article, "pressed anew", "REQUEST") <= {None}


def test_detentions_condemned_are_no_target(article):
    assert _targets(article, "Jan Oster condemned", "ACCUSE") <= {None}


def test_a_government_criticised_stays_the_target(article):
    assert _targets(article, "the Ruritanian government", "ACCUSE") - {None}


def test_a_committee_urged_stays_the_target(article):
    assert _targets(article, "urged the committee", "REQUEST") - {None}


def test_a_rejected_offer_keeps_its_reading(article):
    assert _targets(article, "The ministry rejected", "REJECT") - {None}


def test_industries_invited_stay_the_target(article):
    assert _targets(article, "The king invited", "REQUEST") - {None}


def test_employees_arrested_are_the_target_not_their_employer(article):
    assert _targets(article, "the Ruritania Machine employees", "COERCE") == {"the Ruritania Machine employees"}


def test_a_firm_censured_is_the_firm_not_its_namesake(article):
    assert _targets(article, "Halvard's firm", "ACCUSE") == {"Halvard's firm"}


def test_a_firm_charged_by_name_stays_the_target(article):
    assert _targets(article, "charged Ruritania Machine", "ACCUSE") == {"Ruritania Machine"}


def test_the_partner_of_talks_is_the_party_agreed_with(article):
    assert _targets(article, "Moldova agreed in talks", "AGREE") == {"Chad"}


def test_a_meeting_place_is_no_party_agreed_with(article):
    assert "Paris" not in _targets(article, "Moldova agreed at a meeting", "AGREE")


def test_an_administration_named_after_its_president_keeps_the_entity(article):
    assert _targets(article, "Senator Pat Moss", "REQUEST") == {"Reagan"}


def test_a_firm_stands_for_its_officials(article):
    assert _targets(article, "Frank Young scolded", "ACCUSE") == {"Ruritania Machine"}
