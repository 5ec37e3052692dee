"""Events a text names but does not assert as done (stop 40): hopes and planned meetings, abilities under a modal or a
negation, refusals to say more, a source's wish to stay unnamed, negated passives, denied clauses, the charge an arrest
is for, and the content of a plan or an accord. Each keeps a control that stays asserted. Invented articles."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.annotate.factuality import factuality
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Finance Minister Paulo Brandt hopes to visit Norway and Chile next week.",
        "Officials said Sylvania may be able to lift trade sanctions against Ruritania by the end of June.",
        "The Ostrian government has been unable to reach an agreement with the Velmar union.",
        "The Ostrian government was able to reach an agreement with the Corvan union last week.",
        "Ruritanian officials declined to elaborate on the briefing.",
        "The Velmar commission declined to give an official reaction.",
        "The Corvan senate declined to join the coalition led by Sylvania.",
        "A Sylvanian official, who asked not to be identified, said the talks had stalled.",
        "Ruritania asked Sylvania to withdraw its troops from the border.",
        "Bank employees said they were not consulted on the sale of the unit to Ruritania's First Bank.",
        "The minister said it was not true that Freedonia had threatened Ostria.",
        "The minister said it was true that Freedonia had threatened Corvania.",
        "The 1985 steel accord calls on Sylvania to stop selling cut-price steel.",
        "The Ostrian trade ministry calls on Ruritania to stop selling cut-price steel.",
        "Officials said envoy Marek Holt would meet with Ostrian minister Ivo Dancer on Thursday.",
        "Envoy Marek Holt met Corvan minister Ivo Dancer on Tuesday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="1987-03-20", kind="body"), selective_nlp)


def _asserted(article, trigger, target=None):
    return [e for e in article.events if e.trigger == trigger and e.status == "asserted"
            and (target is None or target in (e.target_name or ""))]


def test_a_hoped_visit_is_not_done(article):
    assert [e for e in article.events if e.trigger == "visit"]  # still recorded, with its status
    assert not _asserted(article, "visit")


def test_an_ability_under_a_modal_or_a_negation_is_not_done(article):
    assert not _asserted(article, "lift")
    assert not _asserted(article, "agreement", "Velmar")


def test_an_ability_stated_as_past_is_done(article):
    assert _asserted(article, "agreement", "Corvan")


def test_declining_to_say_more_is_no_refusal(article):
    declined = [e for e in article.events if e.trigger == "declined"]
    assert not any("Ruritan" in (e.source_name or "") or "Velmar" in (e.source_name or "") for e in declined)


def test_declining_to_join_stays_a_refusal(article):
    assert any(e.type == "REJECT" and "Corvan" in (e.source_name or "") for e in _asserted(article, "declined"))


def test_asking_not_to_be_identified_is_no_request(article):
    assert not any(e.type == "REQUEST" for e in article.events if e.trigger == "asked" and "Sylvan" in (e.source_name or ""))


def test_asking_a_state_to_withdraw_stays_a_request(article):
    assert any(e.type == "REQUEST" for e in _asserted(article, "asked", "Sylvania"))


def test_a_negated_passive_is_no_refusal(article):
    assert not [e for e in article.events if e.trigger == "consulted" and e.type == "REJECT"]


def test_a_denied_clause_is_not_done(article):
    assert not _asserted(article, "threatened", "Ostria")
    assert _asserted(article, "threatened", "Corvania")


def test_an_accord_calling_on_a_state_is_its_content(article):
    assert not _asserted(article, "calls", "Sylvania")
    assert _asserted(article, "calls", "Ruritania")


def test_a_meeting_announced_is_no_agreement_and_not_done(article):
    assert not _asserted(article, "meet")
    assert not [e for e in article.events if e.trigger == "meet" and e.type == "AGREE"]
    assert _asserted(article, "met")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None, "full")


@pytest.mark.parametrize(("text", "trigger", "status"), [
    ("Two executives were arrested for aiding the fugitive manager.", "aiding", "modal"),
    ("Police detained three men for attacking a bus driver.", "attacking", "modal"),
    ("Police arrested three men after they attacked a bus driver.", "attacked", "asserted"),
    ("The plan calls on commercial banks to increase lending.", "calls", "intended"),
    ("The union calls on commercial banks to increase lending.", "calls", "asserted"),
    ("He said it was not true that the army had shelled the town.", "shelled", "negated"),
    ("The mayor hoped to meet the strikers on Monday.", "meet", "intended"),
    ("The House voted to block military aid to the rebels.", "aid", "negated"),
    ("The secretary refused to comment on their request that the state offer cheap grain to Ostria.", "offer", "intended"),
    ("The secretary refused to comment on their request that the state offer cheap grain to Ostria.", "request", "asserted"),
    ("The envoy refused to comment on the exporters' request that the administration offer subsidized wheat to Ostria, officials said.", "offer", "intended"),
    ("Officials said Sylvania may be able to lift the sanctions against Ruritania soon.", "sanctions", "asserted"),
    ("Police prevented an attack on the embassy.", "attack", "negated"),
    ("Police repelled an attack on the embassy.", "attack", "asserted"),
    ("Dealers said the central bank was unlikely to ease credit policies.", "ease", "future"),
    ("The senator pleaded with fellow party members to back the president.", "back", "intended"),
    ("Ministry officials were unable to comment on the envoy's meeting with their minister.", "meeting", "asserted"),
    ("Ministry officials were unable to comment on the envoy's meeting with their minister.", "comment", "negated"),
])
def test_factuality_of_charges_contents_and_denials(nlp, text, trigger, status):
    tok = next(t for t in nlp(text) if t.text == trigger)
    assert factuality(tok).status == status
