"""A complaint names whom it is about through the agent of a passive clause (stop 39, helper e16; event_allegations).

"X complained they were being hurt by Y's practices": the clause's subject is the complainer's own side, who suffers
the act; the "by" agent (or its possessor) is the one complained of. A force of nature as agent names no one.
Sentences invented for the tests.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.records import Extracted

BODY = "\n\n".join(
    [
        "Ruritanian steel makers had complained they were being injured by Japan's unfair trade practices.",
        "Moldova complained that its farmers were harmed by Chad.",
        "Farmers complained that they were hurt by the drought.",
    ]
)


@pytest.fixture(scope="module")
def article():
    return annotate(Extracted(input="t", body=BODY, published="2024-05-10", kind="body"), load_pipeline(None, "selective"))


def _accused(article, needle):
    s = article.body.index(needle)
    return {e.target_name for e in article.events if e.start <= s < e.end and e.type == "ACCUSE"}


def test_the_possessor_of_a_passive_agent_is_the_one_complained_of(article):
    assert _accused(article, "Ruritanian steel makers") == {"Japan"}


def test_the_passive_agent_is_the_one_complained_of_not_the_sufferer(article):
    assert _accused(article, "Moldova complained") == {"Chad"}


def test_a_force_of_nature_as_agent_names_no_one(article):
    assert _accused(article, "Farmers complained") <= {None}
