"""A company's acts that are business, not politics (stop 38; event_commerce.py, data/plover.tsv [commerce]; invented
sentences): aid, sanctions, talks, cooperation, retreats and assaults by a firm named with its legal form, and aid or
talks with one, are commerce. A firm's lawsuit stays an accusation, an attack on a firm's pipeline an assault, and
sanctions a government imposes on a firm a sanction."""

from __future__ import annotations

import pytest
from conftest import annotated_body
from conftest import event_pairs as _pairs

from newsgraph.annotate.event_commerce import company_name

BODY = "\n\n".join(
    [
        "Halvorsen Motor Corp is negotiating with Kestrel Aircraft Inc for more jet orders.",
        "The Harbour Licensing Corp granted a licence to Dunmore Cards Inc.",
        "Marlow Foods Inc suspended several staff members after the fraud.",
        "Marlow Foods Inc provided emergency assistance to Dunmore Shipping Corp last year.",
        "Halvorsen Motor Corp severed its ties with Dunmore Shipping Corp in 1984.",
        "Rebels attacked a pipeline of Shell Petroleum Development Co on Monday.",
        "Halvorsen Motor Corp sued Kestrel Aircraft Inc for breach of contract.",
        "The European Union imposed sanctions on Kestrel Aircraft Inc on Monday.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotated_body(BODY, selective_nlp)


@pytest.mark.parametrize(("trigger", "sentence"), [
    ("negotiating", "jet orders"), ("granted", "a licence"), ("suspended", "staff members"),
    ("provided", "emergency assistance"), ("severed", "its ties")])
def test_a_firms_business_is_no_event(article, trigger, sentence):
    assert _pairs(article, trigger, sentence) == set()


@pytest.mark.parametrize(("trigger", "sentence", "kind"), [
    ("attacked", "pipeline", "ASSAULT"), ("sued", "breach of contract", "ACCUSE"), ("imposed", "sanctions on", "SANCTION")])
def test_acts_on_or_against_a_firm_stay(article, trigger, sentence, kind):
    assert any(ty == kind for ty, _, _ in _pairs(article, trigger, sentence))


@pytest.mark.parametrize(("name", "firm"), [
    ("Harbour Motor Corp", True), ("Kestrel Aircraft Inc.", True), ("Harbour", False), ("European Union", False), (None, False)])
def test_a_company_by_its_registered_name(name, firm):
    assert company_name(name) is firm
