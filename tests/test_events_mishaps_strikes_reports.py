"""Accidents, labour strikes, seizures of vessels and reports that accuse no one (stop 39, from the Reuters-21578
draws' verdicts; invented sentences). The crash "of" an aircraft that killed people kills for no one (the mishap is
the agent, not the aircraft the relative clause hangs on). Workers or a union that "struck" a plant strike (PROTEST),
and a firm that says its workers struck accuses no one. A state's seizure of boats is a seizure of property (COERCE),
where gunmen seizing an airliner stay a hijacking (ASSAULT). A news agency or a war command that says another did
something reports it, no ACCUSE. A promise made to no one names no party in what is promised, and an export-credit
agency suspending cover is finance, no sanction. The controls keep an attack by troops, a ministry's accusation and a
state suspending aid."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs

BODY = "\n\n".join(
    [
        "The 1985 crash of a Kestrel Air Lines Boeing 747 which killed 520 people was the worst single plane crash.",
        "The United Steel Workers struck Kestrel Steel Corp's two mills in Ohio.",
        "Halvorsen Corp said production workers at its Seattle yard struck on April 6.",
        "Syria seized five Turkish fishing boats off Latakia on Friday.",
        "Gunmen seized a Kenyan airliner at Nairobi airport.",
        "The Syrian News Agency SANA said on Sunday Syria had seized five Turkish speed boats.",
        "Syria's military high command said today troops killed 300 Turkish soldiers.",
        "The Ruritanian foreign ministry said Bordurian troops attacked the border town of Vell.",
        "Bordurian troops attacked Ruritanian forces near Vell on Monday.",
        "Finance Minister Ana Ruiz promised a clear statement of Ruritania's economic policy would be made soon.",
        "The Export Credits Agency suspended cover on Ruritania in 1984 after the country fell into arrears.",
        "Borduria suspended military aid to Ruritania in 1984.",
        "Japan has been promised a near monopoly of grain exports to Korea under an agreement with the EU.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


def test_a_crash_that_killed_is_no_assault(article):
    assert _pairs(article, "killed", "520 people") == set()


def test_a_labour_strike_is_a_protest(article):
    assert {ty for ty, _, _ in _pairs(article, "struck", "two mills")} == {"PROTEST"}
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", "Seattle yard"))


def test_a_states_seizure_of_boats_is_coerce_and_a_hijacking_stays(article):
    assert {ty for ty, _, _ in _pairs(article, "seized", "off Latakia")} == {"COERCE"}
    assert {ty for ty, _, _ in _pairs(article, "seized", "Kenyan airliner")} == {"ASSAULT"}


@pytest.mark.parametrize("sentence", ["News Agency SANA", "military high command"])
def test_a_news_agency_or_a_war_command_accuses_no_one(article, sentence):
    assert not any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", sentence))


def test_a_ministrys_accusation_and_an_attack_stay(article):
    assert any(ty == "ACCUSE" for ty, _, _ in _pairs(article, "said", "foreign ministry"))
    assert any(ty == "ASSAULT" for ty, _, _ in _pairs(article, "attacked", "near Vell"))


def test_a_promise_to_no_one_is_no_agreement_and_a_promisee_stays(article):
    assert _pairs(article, "promised", "clear statement") == set()
    assert any(ty == "AGREE" and t == "Japan" for ty, _, t in _pairs(article, "promised", "near monopoly"))


def test_suspended_cover_is_finance_and_suspended_aid_stays(article):
    assert _pairs(article, "suspended", "cover on") == set()
    assert any(ty == "SANCTION" for ty, _, _ in _pairs(article, "suspended", "military aid"))
