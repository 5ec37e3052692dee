"""The second opinion for names the model never labels (second_opinion.py), on an article written for this test
(invented places). The model's labels are taken away before the entity component runs, as for a name the model
has never seen."""

from __future__ import annotations

import pytest

from newsgraph.annotate import load_pipeline
from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.second_opinion import proper_runs

ARTICLE = (
    "The old market town has two quarters worth a walk.\n\n"
    "Quillamore is a neighborhood that lies north of the river, with bakeries and small galleries. "
    "Most visitors stay in Quillamore for a night. North of Quillamore the hills begin.\n\n"
    "In March the ferry runs twice a day. Tickets are sold at the pier, Brask said. "
    "The boat goes on to Vellmora-Quillan in the summer."
)


@pytest.fixture(scope="module")
def doc():
    """The article through the pipeline with no model labels (but a date's) left for newsgraph_entities."""
    nlp = load_pipeline()
    d = nlp.make_doc(ARTICLE)
    for name, pipe in nlp.pipeline:
        if name == "newsgraph_entities":
            d.ents = [e for e in d.ents if e.label_ == "DATE"]
        d = pipe(d)
    return d


def test_a_described_neighbourhood_is_a_place(doc):
    found = [e for e in doc._.ng_entities if e.name == "Quillamore"]
    assert found and found[0].type in ("place", "city"), [(e.name, e.type) for e in doc._.ng_entities]
    assert len(found[0].mentions) == 3


def test_a_date_word_is_no_candidate(doc):
    runs = [doc.text[s:e] for s, e in proper_runs(doc, lambda s, e: True, shipped_names())]
    assert "Quillamore" in runs and "March" not in runs
    assert not [r for r in runs if "Vellmora" in r or r == "Quillan"]  # parts of a hyphenated name


def test_no_evidence_no_entity(doc):
    assert not [e for e in doc._.ng_entities if e.name in ("Tickets", "March", "Brask")]


def test_a_title_word_opening_a_name_is_no_apposition_role():
    """person_roles.apposition_role: "Major" before "Cup" opens a name, it is no title of the name before it."""
    from newsgraph.annotate.entity_evidence_config import EvidenceWindows
    from newsgraph.annotate.person_roles import apposition_role

    names, win = shipped_names(), EvidenceWindows()
    text = "At Brenholt Park, Dalby scored his first Major Cup goal."
    assert apposition_role(text, text.index(","), names, win) is None
    text = "Anna Vellberg, Major of the reserve unit, spoke."
    assert apposition_role(text, text.index(","), names, win) is not None
