"""benchmarks/topic_rescore.py rescores topics outside the pipeline; its `current` must give the confidence the
pipeline gives, or its figures are not the benchmark's. A fixture article written for this test."""

from __future__ import annotations

from benchmarks.fit_confidence import raw_scores
from benchmarks.topic_rescore import current, doc_rows
from newsgraph.annotate import make_doc
from newsgraph.annotate.nlp import load_pipeline
from newsgraph.records import Extracted

BODY = (
    "Marta Ivanova, the mayor of Tallinn, met officials of the Baltic Ferry Authority on Monday to discuss a new "
    "harbour in Estonia.\n\n"
    "\"The harbour will serve the whole region,\" Ivanova said. The Baltic Ferry Authority said work would begin in "
    "spring, and Finland's transport ministry welcomed the plan. Ivanova will visit Helsinki in May.\n\n"
    "Photo: Jaan Tamm / Reporting by Liis Kask"
)


def test_current_gives_the_pipelines_topic_confidence() -> None:
    nlp = load_pipeline()
    ex = Extracted(input="t", body=BODY, title="A new harbour for the Baltic", published="2026-03-04")
    shown = {(k, n): c for k, n, c in nlp(make_doc(nlp, ex))._.ng_topics}
    with raw_scores("topic"):  # as topic_rescore.build reads the features
        rows = doc_rows(nlp, nlp(make_doc(nlp, ex)))
    assert len(rows) >= 3
    assert shown[("people", "Liis Kask")] < 0.5  # a credit: a gate of confidence.gate must have fired
    for r in rows:
        assert current(r) == shown[(r["key"], r["name"])], r["name"]
