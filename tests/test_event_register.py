"""The register features of an event (annotate/event_register.py): political reportage and web copy told apart by
tense, the reader addressed, countries named and quotes attributed. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import make_doc
from newsgraph.annotate.event_evidence import FEATURES_KEY
from newsgraph.records import Extracted

NEWS = ("Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday, officials said. "
        "Norway and Sweden signed a border treaty, the minister told reporters.")
COPY = ("Acme Bank offers insurance to farmers in every town. We provide help to our customers. "
        "You can sign up today, and your family will thank you.")


@pytest.fixture(scope="module")
def nlp(selective_nlp):
    return selective_nlp


def _events(nlp, body: str) -> dict[str, dict[str, float]]:
    doc = nlp(make_doc(nlp, Extracted(input="t", body=body, published="2024-03-14", kind="body")))
    kept = doc.user_data[FEATURES_KEY]
    return {ev.trigger: kept[id(ev)]["event"] for ev in doc._.ng_events}


def test_news_and_copy_read_as_their_registers(nlp):
    news, copy = _events(nlp, NEWS), _events(nlp, COPY)
    assert news and copy
    n, c = next(iter(news.values())), next(iter(copy.values()))
    assert n["page_past"] > c["page_past"]
    assert n["page_you"] == 0.0 and c["page_you"] > 0.3
    assert n["page_country"] > c["page_country"]
    assert n["page_quotes"] > c["page_quotes"]
    met, signed = news["met"], news["signed"]
    assert met["sent_dated"] == 1.0 and met["sent_you"] == 0.0 and met["sent_quote"] == 1.0
    assert met["type_CONSULT"] == 1.0 and met["actor_country"] == 0.0 and met["actor_role"] == 1.0
    assert signed["sent_country"] == 1.0 and signed["actor_country"] == 1.0 and signed["actor_role"] == 0.0
    assert all(f["sent_country"] == 0.0 and f["actor_country"] == 0.0 for f in copy.values())


def test_one_sentence_input_is_its_own_page(nlp):
    f = _events(nlp, "Peru's army attacked rebels in Bolivia on Monday, the ministry said.")
    (ev,) = [v for k, v in f.items() if k == "attacked"]
    assert ev["page_events"] == 1.0 and ev["page_you"] == 0.0 and ev["sent_country"] == 1.0


def test_acts_in_news_are_surer_than_acts_in_copy(nlp):
    """The fitted event model reads the register: the acts between officials of a news report score above the
    acts of shop copy addressed to the reader."""
    from newsgraph.annotate import annotate

    news = annotate(Extracted(input="n", body=NEWS, published="2024-03-14", kind="body"), nlp)
    copy = annotate(Extracted(input="c", body=COPY, published="2024-03-14", kind="body"), nlp)
    assert news.events and copy.events
    assert min(e.confidence for e in news.events if e.trigger in ("met", "signed")) > max(e.confidence for e in copy.events)


def test_a_phrase_headed_by_a_thing_is_flagged_whatever_names_modify_it(nlp):
    doc = nlp(make_doc(nlp, Extracted(input="t", body="The Republican Party opposed cheaper Wall Street loans. "
                                      "Peru's army attacked rebels near Lima.", published="2024-03-14", kind="body")))
    kept = doc.user_data[FEATURES_KEY]
    f = {ev.trigger: kept[id(ev)] for ev in doc._.ng_events}
    # (a law is no target since stop 27's event_actor_kinds, so the thing here is a loan, not a regulation; a thing
    # asked for is no target of a REQUEST since stop 39's [party_target], so it is a thing opposed)
    assert f["opposed"]["target"]["head_thing"] == 1.0 and f["opposed"]["source"]["head_thing"] == 0.0
    assert f["attacked"]["target"]["head_thing"] == 0.0  # "rebels": people
