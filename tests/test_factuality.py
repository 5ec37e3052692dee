"""Factuality from the parse: only what the text asserts as done counts as an event that happened."""

from __future__ import annotations

import pytest

from newsgraph.annotate import load_pipeline
from newsgraph.annotate.factuality import factuality


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None, "full")


CASES = [
    ("The navy did not attack the convoy.", "attack", "negated"),
    ("Rebels could attack the town.", "attack", "modal"),
    ("If talks fail, the rebels will attack the town.", "fail", "conditional"),
    ("If talks fail, the rebels will attack the town.", "attack", "future"),
    ("Did the navy attack the convoy?", "attack", "question"),
    ("Will the navy attack the convoy?", "attack", "question"),
    ("The mayor plans to meet the strikers next week.", "meet", "intended"),
    ("The board is expected to approve the merger.", "approve", "intended"),
    ("The union urged the council to release the funds.", "release", "intended"),
    ("Sign up for a free trial today.", "Sign", "imperative"),
    ("The council refused to meet the strikers.", "meet", "negated"),
    ("The ministry denied attacking the convoy.", "attacking", "negated"),
    ("The two sides will hold talks in the capital.", "talks", "future"),
    ("There were no talks between the two sides.", "talks", "negated"),
    ("The mayor met the strikers on Monday.", "met", "asserted"),
    ("The minister said troops attacked the village.", "attacked", "asserted"),
    ("Police arrested twelve people on Sunday.", "arrested", "asserted"),
    ("Troops attacked the town, killing six people.", "killing", "asserted"),
    ("While the rebels blamed the army for the blast, the army has not commented.", "blamed", "asserted"),
    # a noun trigger a verb of asking, planning, offering or needing has as its object: asked for, not done
    ("The president called for direct talks with the rebels.", "talks", "intended"),
    ("The capital urges talks after the negotiations failed.", "talks", "intended"),
    ("The province has requested assistance from the aid agencies.", "assistance", "intended"),
    ("Two million people now require humanitarian aid.", "aid", "intended"),
    ("The president called for direct talks with the rebels.", "called", "asserted"),
    ("The two sides held talks in the capital on Monday.", "talks", "asserted"),
    ("The agency has sent medical aid to the province.", "aid", "asserted"),
    # (stop 38) what a purpose or a plan is to bring about, "be to", "close to": not yet done
    ("The measure is designed to help Ruritania cut its trade deficit.", "cut", "intended"),
    ("Halvorsen filed the suit to ensure that Marlow receives its share of the profits.", "receives", "intended"),
    ("The European Community is to offer Ruritania compensation for lost grain sales.", "offer", "future"),
    ("Press reports said Acme was close to signing an agreement with Kestrel.", "signing", "future"),
    # ... while a cause that was done, and a speech verb's content under a plan, keep their own status
    ("The loan helped Ruritania cut its trade deficit.", "cut", "asserted"),
    ("The ministry plans to announce that troops attacked the village.", "attacked", "asserted"),
    ("The minister is in Paris for the talks.", "talks", "asserted"),
    ("Officials are to be granted access to Kaan Demir, arrested by the militia in March.", "arrested", "asserted"),
]


@pytest.mark.parametrize(("text", "word", "status"), CASES)
def test_status_from_the_parse(nlp, text, word, status):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert factuality(tok).status == status


def test_the_cue_is_the_deciding_word(nlp):
    doc = nlp("The navy did not attack the convoy.")
    f = factuality(next(t for t in doc if t.text == "attack"))
    assert f.cue == "not" and not f.happened
