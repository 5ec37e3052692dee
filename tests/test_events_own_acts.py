"""Self-directed acts, proposals, opinions, blamed conditions, agencies' reports and trade penalties (stop 41, from
the Reuters draws' verdicts; invented sentences). A parliament approving its own ban, a spokesman defending his
government's sanctions and a manager defending his firm's pricing back no one (no SUPPORT); backing another's
sanctions stays. A policy proposed or an amendment offered is no AGREE; offering talks, proposing a ceasefire and
agreeing on a ceasefire stay. Agreeing with the government on having one consortium, or on the need for something,
is an opinion. Blame put on the dollar's fall or on factors is no ACCUSE; blame put on rebels stays. A news agency
the article names bare ("KNA said") after naming it as one reports, and a ministry still accuses. Penalties imposed
on a state's goods are a SANCTION. A participle after a preposition ("About alleged acceleration") accuses no one
where an alleging ministry does; an order of an increase in allowances addressed to no one is no REQUEST."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "Ruritania's parliament has approved an extensive trade ban against Borduria.",
        "Government spokesman Tom Hale defended the new sanctions against Borduria.",
        "Plant manager Ed Voss defended his firm's pricing.",
        "Ruritania backed Vellonia's sanctions against Borduria.",
        "Bordurian farmers agreed with the ministry on having a single marketing board.",
        "The Ruritanian and Bordurian ministers agreed on the need for closer cooperation.",
        "Ruritania and Borduria agreed on a ceasefire.",
        "Two Ruritanian senators have proposed Borduria's quota be limited to five pct.",
        "Senator Ann Lowe offered an amendment to cut aid to Borduria.",
        "Vellonia offered talks to Borduria.",
        "Vellonia proposed a ceasefire to Borduria.",
        "President Max Hale imposed penalties on Bordurian goods last week.",
        "Hans Lind blamed the drop in export orders on the strong currency.",
        "Karl Brand blamed the attacks on Bordurian rebels.",
        "The Commission blamed the new cash crisis on the reluctance of governments to pay for their decisions.",
        "Four causes have been widely blamed for the budget gap of Ruritania.",
        "Economists listed five factors which have been widely blamed for the budget deficit.",
        "Ruritania's KNA news agency said Bordurian troops were fighting in the north.",
        "Ruritanian troops are fighting on two fronts in the hills of the west, Vell's PNA news agency said.",
        "PNA, heard by listeners in Vell, said Ruritanian units had taken a ridge during the western push.",
        "KNA, quoted by foreign radio, said Ruritanian units had captured two hilltops near the river.",
        "The Ruritanian foreign ministry said Bordurian troops attacked the border town of Vell.",
        'Chairman Otto Kranz blamed the profit decline on currency factors and on negative publicity in the U.S. About'
        ' alleged "sudden acceleration" of some of its Kestrel 5000 models.',
        "Labour Minister Ray Dunn ordered an increase in overtime pay for state railway staff.",
        "The Bordurian ministry alleged that Ruritanian troops shelled Vell.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize("trigger,sentence", [("approved", "trade ban"), ("defended", "new sanctions"),
                                              ("defended", "his firm's pricing")])
def test_backing_ones_own_measure_is_no_support(article, trigger, sentence):
    assert not any(ty == "SUPPORT" for ty, _, _ in _pairs(article, trigger, sentence))


def test_backing_anothers_sanctions_stays_support(article):
    assert any(ty == "SUPPORT" for ty, _, _ in _pairs(article, "backed", "Vellonia's sanctions"))


@pytest.mark.parametrize("sentence", ["on having a single", "on the need for"])
def test_agreement_in_opinion_is_no_agree(article, sentence):
    assert not any(ty == "AGREE" for ty, _, _ in _pairs(article, "agreed", sentence))


def test_agreeing_on_a_ceasefire_stays(article):
    assert any(ty == "AGREE" for ty, _, _ in _pairs(article, "agreed", "on a ceasefire"))


@pytest.mark.parametrize("trigger,sentence", [("proposed", "quota be limited"), ("offered", "an amendment")])
def test_a_proposal_is_no_agree(article, trigger, sentence):
    assert not any(ty == "AGREE" for ty, _, _ in _pairs(article, trigger, sentence))


@pytest.mark.parametrize("trigger,sentence", [("offered", "talks to"), ("proposed", "a ceasefire")])
def test_an_offer_of_talks_or_a_ceasefire_stays_agree(article, trigger, sentence):
    assert any(ty == "AGREE" for ty, _, _ in _pairs(article, trigger, sentence))


def test_penalties_imposed_are_a_sanction(article):
    assert {ty for ty, _, _ in _pairs(article, "imposed", "penalties")} == {"SANCTION"}


@pytest.mark.parametrize("sentence", ["strong currency", "Four causes", "five factors which"])
def test_blame_on_a_condition_is_no_accuse(article, sentence):
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "blamed", sentence))


@pytest.mark.parametrize("sentence", ["Bordurian rebels", "reluctance of governments"])
def test_blame_on_rebels_or_on_the_reluctance_of_governments_stays_accuse(article, sentence):
    assert any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "blamed", sentence))


def test_an_agency_named_bare_reports_and_a_ministry_accuses(article):
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", "quoted by foreign radio,"))
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", "heard by listeners"))
    assert any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", "foreign ministry"))


def test_blame_on_factors_and_publicity_and_an_adjectival_alleged_accuse_no_one(article):
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "blamed", "currency factors"))
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "alleged", "currency factors"))
    assert any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "alleged", "Bordurian ministry"))


def test_an_order_of_an_increase_in_allowances_is_no_request(article):
    assert not any(ty == "REQUEST" for ty, _, _ in _pairs(article, "ordered", "increase in overtime pay"))
