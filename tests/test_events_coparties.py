"""Co-parties of a joint agreement are its agents, not each other's targets (stop 39, helper e16; event_coparties.py).

The co-actor rule of the event judging conventions: "A, B and C agreed", "A and B signed an agreement", "an agreement
between A and B", "A and B extended their accord" make each party a source with no target; a party named outside
the coordination ("A and B agreed with C", "A signed an accord with B") stays the target, and talks or meetings keep
their counterparts. Sentences invented for the tests.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Four nations - Ruritania, Borduria, Syldavia and Moldova - agreed in Geneva last week to act together on river policy.",
        "The fisheries plan is an agreement between Ruritania, Borduria and Syldavia.",
        "The World Bank and Moldova have agreed on a set of budget reforms.",
        "President Anna Berg and Prime Minister Lars Holm signed an accord on the river on Monday.",
        "Ruritania and Borduria have renewed and extended their grain supply agreement.",
        "An agreement between Syldavia and Moldova was signed on Friday.",
        "Ruritania and Borduria agreed with Syldavia to reopen the railway.",
        "Moldova signed an agreement with Syldavia on gas transit.",
        "Borduria agreed with Ruritania on a new border crossing.",
        "Syldavia and Moldova held talks in Vienna on Thursday.",
        "Lars Holm and Anna Berg met President Petra Novak in Prague.",
        "Ruritania and Moldova met to discuss the disputed border on Wednesday.",
    ]
)


@pytest.fixture(scope="module")
def article():
    return annotate(Extracted(input="t", body=BODY, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))


def _pairs(article, needle, type_="AGREE"):
    s = article.body.index(needle)
    return {(e.source_name, e.target_name) for e in article.events if e.start <= s < e.end and e.type == type_}


def _parties(pairs):
    return {s for s, _ in pairs}


def test_an_apposed_list_of_nations_that_agreed_are_all_parties_with_no_target(article):
    pairs = _pairs(article, "Four nations")
    assert pairs and all(t is None for _, t in pairs)
    assert {"Ruritania", "Borduria", "Syldavia"} <= _parties(pairs)


def test_an_agreement_between_several_parties_has_no_party_as_target(article):
    pairs = _pairs(article, "The fisheries plan")
    assert pairs and all(t is None for _, t in pairs)
    assert {"Ruritania", "Borduria", "Syldavia"} <= _parties(pairs)


def test_coordinated_subjects_of_agreed_are_no_target_nor_is_the_content(article):
    pairs = _pairs(article, "The World Bank and Moldova")
    assert pairs == {("World Bank", None), ("Moldova", None)}


def test_two_signers_of_an_accord_are_each_a_source(article):
    pairs = _pairs(article, "President Anna Berg")
    assert pairs and all(t is None for _, t in pairs)
    assert {"Anna Berg", "Lars Holm"} <= _parties(pairs)


def test_their_agreement_of_coordinated_subjects_is_theirs(article):
    pairs = _pairs(article, "have renewed and extended")
    assert pairs == {("Ruritania", None), ("Borduria", None)}


def test_the_parties_of_a_signed_agreement_between_them_are_its_sources(article):
    pairs = _pairs(article, "An agreement between Syldavia")
    assert pairs and all(t is None for _, t in pairs)
    assert _parties(pairs) == {"Syldavia", "Moldova"}


# controls: a real other party stays the target, and talks and meetings keep their counterparts


def test_a_partner_named_with_with_stays_the_target_of_each_coordinated_party(article):
    assert _pairs(article, "Ruritania and Borduria agreed with") == {("Ruritania", "Syldavia"), ("Borduria", "Syldavia")}


def test_an_agreement_signed_with_a_partner_keeps_the_partner(article):
    pairs = _pairs(article, "Moldova signed an agreement with")
    assert pairs and pairs <= {("Moldova", "Syldavia")}


def test_agreed_with_a_partner_keeps_the_partner(article):
    assert _pairs(article, "Borduria agreed with Ruritania") == {("Borduria", "Ruritania")}


def test_talks_keep_the_co_party_as_counterpart(article):
    assert _pairs(article, "Syldavia and Moldova held", "CONSULT") == {("Syldavia", "Moldova")}


def test_a_meeting_of_two_with_a_third_has_the_third_as_target(article):
    pairs = _pairs(article, "Lars Holm and Anna Berg met", "CONSULT")
    assert pairs == {("Lars Holm", "Petra Novak"), ("Anna Berg", "Petra Novak")}


# the other party of an agreement named only inside the act agreed to ("agreed to acquire Y"): a named party left out

COMMITTED = "\n\n".join(
    [
        "Acme Corp said it agreed in principle to acquire Globex Inc for 20 dlrs a share.",
        "Acme Corp said it has agreed to sell its remaining chemicals business to Initech Corp of Canada.",
        "Acme Corp agreed to merge with Globex Inc.",
        "Acme Corp agreed to pay a dividend of 10 cts a share.",
        "Moldova agreed to build two new roads near its border.",
        "Acme Corp agreed to sell wholly owned Globex Inc for 100,000 dlrs cash.",
        "Moldova pledged to fight the World Bank proposals.",
    ]
)


@pytest.fixture(scope="module")
def committed():
    return annotate(Extracted(input="t", body=COMMITTED, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))


def test_agreed_to_acquire_names_the_company_acquired_as_the_other_party(committed):
    assert _pairs(committed, "agreed in principle to acquire") == {("Acme Corp", "Globex Inc")}


def test_agreed_to_sell_to_a_buyer_names_the_buyer(committed):
    pairs = _pairs(committed, "has agreed to sell")
    assert pairs and all(s == "Acme Corp" and (t or "").startswith("Initech") for s, t in pairs)


def test_agreed_to_merge_with_names_the_partner(committed):
    assert _pairs(committed, "agreed to merge with") == {("Acme Corp", "Globex Inc")}


def test_an_act_agreed_to_that_names_no_party_keeps_no_target(committed):
    assert {t for _, t in _pairs(committed, "agreed to pay a dividend")} <= {None}
    assert {t for _, t in _pairs(committed, "agreed to build two new roads")} <= {None}


def test_a_unit_sold_is_what_is_handed_over_not_the_buyer(committed):
    assert {t for _, t in _pairs(committed, "agreed to sell wholly owned")} <= {None}


def test_a_pledge_names_no_party_through_what_it_acts_on(committed):
    assert ("Moldova", "World Bank") not in _pairs(committed, "Moldova pledged")


def test_a_day_named_beside_the_topic_is_no_outside_party(article):
    assert _pairs(article, "met to discuss the disputed", "CONSULT") >= {("Ruritania", "Moldova")}
