"""French records on the error classes a hand audit of real French pages found (benchmarks/audit/french.py):
speakers taken from inside the quotation, incises with an inverted subject, negated and infinitive speech verbs,
elided words glued to names, capitalised common words and ministry portfolios read as names. The article is
invented; each assertion fails on the code before the fix."""

from __future__ import annotations

import pytest

from newsgraph.annotate.languages import plan_for
from newsgraph.pipeline import analyze_document
from newsgraph.records import RawDocument

pytestmark = pytest.mark.skipif(plan_for("fr").package is None, reason="no French pipeline installed")

ARTICLE = """Le gouvernement a présenté mardi un plan de soutien aux pêcheurs de la façade atlantique, après une
saison marquée par la chute des prises de merlu dans le golfe de Gascogne.

Le directeur de la coopérative de Lorient, Mathieu Kerjean, a salué un « premier pas ». « Une action rapide permet
d'éviter la faillite de dizaines d'entreprises familiales », explique-t-il. Il a ajouté que les quotas devaient
être revus chaque printemps avec les scientifiques.

Incroyable retournement pour les armateurs ! Le ministre de la Défense, Paul Rivière, a promis de libérer des
navires de la marine pour surveiller les zones fermées au large de Saint-Nazaire. Rien ne dit que ces patrouilles suffiront à protéger les
stocks, selon les chercheurs de l'Ifremer.

« La baisse des ventes nettes se poursuit plus longtemps que prévu », affirme le groupe dans un communiqué.
Cela permet de dire que la filière entre dans une crise durable.

Lors du remaniement, Françoise Martel n’est pas reconduite au ministère de la Mer, a indiqué l'Elysée jeudi.
L’Assemblée et le Sénat examineront le plan avant l'été."""


@pytest.fixture(scope="module")
def record() -> dict:
    return analyze_document(RawDocument(input="peche.txt", data=ARTICLE.encode("utf-8"), kind="body")).to_dict()


def _quote(rec: dict, start: str) -> dict | None:
    return next((q for q in rec["quotes"] if q["text"].startswith(start)), None)


def test_the_speaker_of_an_incise_is_its_inverted_subject_never_a_word_of_the_quotation(record):
    q = _quote(record, "Une action rapide")
    assert q is not None and q["speaker_name"] == "Mathieu Kerjean", q
    q = _quote(record, "La baisse des ventes")
    assert q is not None and q["speaker_name"] is not None and "groupe" in q["speaker_name"], q
    inside = [q for q in record["quotes"] if q["speaker_start"] is not None and q["start"] <= q["speaker_start"] < q["end"]]
    assert not inside, inside


def test_negated_and_infinitive_speech_verbs_report_nothing(record):
    assert _quote(record, "ces patrouilles") is None
    assert _quote(record, "la filière") is None


def test_names_lose_elided_words_and_common_words_are_not_names(record):
    names = {e["name"]: e["type"] for e in record["entities"]}
    assert names.get("Françoise Martel") == "person", names
    assert not any(n.endswith((" n", " n’", " n'")) for n in names), names
    assert "Incroyable" not in names, names
    assert "Défense" not in names, names
    assert not any(" et le " in n or " et la " in n for n in names), names  # two institutions, not one name
    assert names.get("Saint-Nazaire") in ("city", "place"), names  # a hyphenated name is a word too
