"""A first name the model left out of a person's span, between a title and the name (person_roles.first_name_before,
cut_before_persons). Fixtures are sentences written here, with invented names."""

from __future__ import annotations

from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.person_roles import cut_before_persons


def test_a_first_name_between_a_title_and_the_name_is_the_name_s():
    import newsgraph

    text = ("Assembly vote delayed\n\nMember of Parliament Ravi Anand Mehra skipped Tuesday's meeting in Kalpur. "
            "Mehra said the vote would wait.")
    people = newsgraph.analyze(text, kind="text").to_dict()["topics"]["people"]
    assert "Ravi Anand Mehra" in people and "Anand Mehra" not in people


def test_a_mention_that_ends_in_the_first_name_loses_it():
    org = NameMention(0, 15, "Parliament Ravi", "organisation")
    person = NameMention(11, 27, "Ravi Anand Mehra", "person")
    out = cut_before_persons([org, person])
    assert [(m.text, m.label) for m in out] == [("Parliament", "organisation"), ("Ravi Anand Mehra", "person")]
    alone = NameMention(11, 15, "Ravi", "organisation")
    assert [m.text for m in cut_before_persons([alone, person])] == ["Ravi Anand Mehra"]


def test_a_title_cut_by_a_hyphen_gives_no_first_name():
    from newsgraph.annotate.entity_evidence_config import DEFAULT_WINDOWS
    from newsgraph.annotate.names import shipped_names
    from newsgraph.annotate.person_roles import first_name_before

    text = "Senate President Pro- Tem Ada K. Morrow said the vote would wait."
    start = text.index("Ada")
    assert first_name_before(text, start, shipped_names(), DEFAULT_WINDOWS) == start
    text = "Secretary of State Ravi Anand Mehra said the vote would wait."
    start = text.index("Mehra")
    assert text[first_name_before(text, start, shipped_names(), DEFAULT_WINDOWS) :].startswith("Ravi Anand Mehra")
