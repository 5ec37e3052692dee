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
    from newsgraph.annotate.entity_clusters import Cluster
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
    text = "Swedish Anna Korvel won the race. Korvel said it was hard."
    c = Cluster("Korvel", type="person")
    assert complete_surnames(nlp(text), text, [c], names, 3.0)[0].name == "Anna Korvel"


def test_a_title_fused_before_a_name_is_cut_by_the_document():
    from newsgraph.annotate.entity_clusters import Cluster
    from newsgraph.annotate.entity_mentions import NameMention
    from newsgraph.annotate.names import shipped_names
    from newsgraph.annotate.person_full_names import cut_fused_prefixes

    names = shipped_names()
    fused = Cluster("City Councilman Tessaro", [NameMention(0, 23, "City Councilman Tessaro", "person")],
                    ["City Councilman Tessaro"], "person")
    full = Cluster("Ana Tessaro", [NameMention(40, 51, "Ana Tessaro", "person")], ["Ana Tessaro", "Tessaro"], "person")
    out = cut_fused_prefixes([fused, full], names)
    assert out == [full] and "City Councilman Tessaro" in full.aliases
    assert "City Councilman" in full.mentions[-1].roles
    job = Cluster("Restaurateur Bill Tessaro", [NameMention(0, 25, "Restaurateur Bill Tessaro", "person"),
                                              NameMention(40, 52, "Bill Tessaro", "person")],
                  ["Restaurateur Bill Tessaro", "Bill Tessaro"], "person")
    assert cut_fused_prefixes([job], names)[0].name == "Bill Tessaro"
    # a first name the lexicon lacks before a surname another person goes by: no title, left alone
    other = Cluster("Reko Tessaro", [NameMention(0, 12, "Reko Tessaro", "person")], ["Reko Tessaro"], "person")
    assert [c.name for c in cut_fused_prefixes([other, full], names)] == ["Reko Tessaro", "Ana Tessaro"]
    # a given name opens the name: linking's decision stands
    anna = Cluster("Anna Bo Tessaro", [NameMention(0, 15, "Anna Bo Tessaro", "person")], ["Anna Bo Tessaro", "Bo Tessaro"],
                   "person")
    assert cut_fused_prefixes([anna], names)[0].name == "Anna Bo Tessaro"


def test_a_first_name_the_lexicon_lacks_is_kept():
    from newsgraph.annotate.entity_clusters import Cluster
    from newsgraph.annotate.entity_mentions import NameMention
    from newsgraph.annotate.names import shipped_names
    from newsgraph.annotate.person_full_names import cut_fused_prefixes

    two = Cluster("Reko Avro Tessaro", [NameMention(0, 17, "Reko Avro Tessaro", "person"),
                                        NameMention(30, 42, "Avro Tessaro", "person")],
                  ["Reko Avro Tessaro", "Avro Tessaro"], "person")
    assert cut_fused_prefixes([two], shipped_names())[0].name == "Reko Avro Tessaro"
