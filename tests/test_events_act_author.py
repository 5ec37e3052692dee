"""A verb whose object is an act targets the act's author ("condemned the attack by X" -> X)."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "The Foreign Ministry of Pakistan condemned the attack by the Indian Air Force.",
        "Egypt rejected Ethiopia's offer of talks.",
    ]
)


@pytest.fixture(scope="module")
def article(selective_nlp):
    return annotate(Extracted(input="t", body=BODY, published="2021-06-09", kind="body"), selective_nlp)


def test_agent_of_the_object_act_is_the_target(article):
    accuse = [ev for ev in article.events if ev.type == "ACCUSE"]
    assert [ev.target_name for ev in accuse] == ["Indian Air Force"]


def test_possessor_of_the_object_act_stays_the_target(article):
    assert [ev.target_name for ev in article.events if ev.type == "REJECT"] == ["Ethiopia"]
