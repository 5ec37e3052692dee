"""A person named by a surname alone whose full name the document gives (person_full_names.py). Fixtures are short
articles written here, with invented names."""

from __future__ import annotations


def _people(text: str) -> dict[str, float]:
    import newsgraph

    rec = newsgraph.analyze(text, kind="text").to_dict()
    return dict(zip(rec["topics"]["people"], rec["topics_confidence"]["people"], strict=True))


def _entities(text: str) -> list:
    import newsgraph

    doc = newsgraph.pipeline()(text)
    return [(e.type, e.name) for e in doc._.ng_entities]


def test_a_cut_first_name_comes_back_from_the_first_mention():
    text = ("Growers wait for test results\n\nThe recall hit growers in the valley this week. Will Tessaro, President "
            "and CEO of Brightfield Produce, said the tests were late. \"There are still no results,\" Tessaro says. "
            "Tessaro, like others in the trade, believes the fields are clean.")
    people = _entities(text)
    assert ("person", "Tessaro") not in people
    assert ("person", "Will Tessaro") in people


def test_two_full_names_or_a_late_full_name_leave_the_surname_alone():
    import newsgraph
    from newsgraph.annotate.entity_linking import Cluster
    from newsgraph.annotate.names import shipped_names
    from newsgraph.annotate.person_full_names import complete_surnames

    nlp = newsgraph.pipeline()
    names = shipped_names()
    text = "Anna Korvel and Peter Korvel own the farm. Korvel said the fence was new."
    c = Cluster("Korvel", type="person")
    assert complete_surnames(nlp(text), text, [c], names, 3.0)[0].name == "Korvel"
    text = "Korvel said the fence was new. Later Anna Korvel said it was old."
    c = Cluster("Korvel", type="person")
    assert complete_surnames(nlp(text), text, [c], names, 3.0)[0].name == "Korvel"
    text = "Senator Anna Korvel said the fence was new. Korvel said it was old."
    c = Cluster("Korvel", type="person")
    assert complete_surnames(nlp(text), text, [c], names, 3.0)[0].name == "Anna Korvel"
