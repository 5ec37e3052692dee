"""Short forms merged with their full name, and credit / citation name forms kept out of topics."""

from __future__ import annotations

from collections import Counter

from newsgraph.annotate.confidence import INITIALS_FORM_WEIGHT, gate
from newsgraph.annotate.entity_features import _INITIALS_END
from newsgraph.annotate.entity_linking import link_mentions
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.names import shipped_names
from newsgraph.records import Entity


def _link(text: str, people: list[str], others: list[str] = ()) -> dict[str, list[str]]:
    ms, pos = [], 0
    for name in [*people, *others]:
        s = text.index(name, pos if name in text[pos:] else 0)
        kind = "person" if name in people else "organisation"
        ms.append(NameMention(s, s + len(name), name, kind, Counter({kind: 3 if kind == "organisation" else 2})))
    ms.sort(key=lambda m: m.start)
    return {c.name: sorted({m.text for m in c.mentions}) for c in link_mentions(None, ms, shipped_names())}


def test_a_full_name_owns_its_surname_over_a_phrase_ending_in_it():
    text = "Richard Okafor spoke. The Boycott Okafor campaign grew. Okafor said little."
    got = _link(text, ["Richard Okafor", "Boycott Okafor", "Okafor"])
    assert got["Richard Okafor"] == ["Okafor", "Richard Okafor"]
    assert "Okafor" not in got


def test_two_full_names_leave_their_shared_surname_apart():
    text = "Maria Okafor and Richard Okafor met. Okafor said little."
    got = _link(text, ["Maria Okafor", "Richard Okafor", "Okafor"])
    assert got["Okafor"] == ["Okafor"]


def test_a_name_without_its_middle_name_joins_the_full_name():
    text = "Joshua Abraham Pellerin arrived. Joshua Pellerin left. Pellerin wrote."
    got = _link(text, ["Joshua Abraham Pellerin", "Joshua Pellerin", "Pellerin"])
    assert got == {"Joshua Abraham Pellerin": ["Joshua Abraham Pellerin", "Joshua Pellerin", "Pellerin"]}


def test_names_ending_in_initials_are_credit_forms():
    for name in ("Dana K.", "Miller RA", "Okafor JB", "Smith J. R."):
        assert _INITIALS_END.match(name), name
    for name in ("Louis XV", "William Fisher III", "Richard Okafor", "Miriam R. L. Okafor", "NASA"):
        assert not _INITIALS_END.match(name), name


def test_credit_form_lowers_the_topic_score_only():
    e = Entity(id="x", name="Dana K.", type="person", confidence=0.9)
    assert gate("topic", e, 0.8, {"initials_form": 1.0}) == 0.8 * INITIALS_FORM_WEIGHT
    assert gate("topic", e, 0.8, {"initials_form": 0.0}) == 0.8
    assert gate("entity", e, 0.8, {"initials_form": 1.0}) == 0.8


def test_an_organisation_short_form_joins_its_one_full_name():
    text = ("The Karsvik Harbour Authority met the Ostmark Port Workers Union. The Harbour Authority said the "
            "Workers Union would vote. The Office of the Harbour Master and the Office met. The Food Agency of the "
            "United Nations and the United Nations spoke.")
    orgs = ["Karsvik Harbour Authority", "Ostmark Port Workers Union", "Harbour Authority", "Workers Union",
            "Office of the Harbour Master", "Office", "Food Agency of the United Nations", "United Nations"]
    got = _link(text, [], orgs)
    assert got["Karsvik Harbour Authority"] == ["Harbour Authority", "Karsvik Harbour Authority"]
    assert got["Ostmark Port Workers Union"] == ["Ostmark Port Workers Union", "Workers Union"]
    assert got["Office of the Harbour Master"] == ["Office", "Office of the Harbour Master"]
    assert got["United Nations"] == ["United Nations"]  # the complement after "of the" is its own organisation


def test_leading_titles_and_honorifics_are_cut_from_a_person_span():
    from newsgraph.annotate.mention_spans import after_titles as _after_titles

    titles = shipped_names().titles

    def cut(span: str) -> str | None:
        s, ok = _after_titles(span, 0, len(span), titles)
        return span[s:] if ok else None

    assert cut("Tan Sri Muhyiddin Okafor") == "Muhyiddin Okafor"
    assert cut("Sir Keir Okafor") == "Keir Okafor"
    assert cut("Datuk Seri") is None  # honorifics alone are no name
    assert cut("King Edward") == "King Edward"  # one word would remain: kept whole
    assert cut("King of Athens Theseus") == "King of Athens Theseus"  # never cut to "of Athens ..."
    assert cut("Anna Okafor") == "Anna Okafor"


def test_an_acronym_is_told_from_an_all_caps_heading():
    from newsgraph.annotate.name_text import looks_like_acronym as _acronym

    assert _acronym("NASA") and _acronym("U.N.") and _acronym("EU")
    assert not _acronym("MANCHESTER UNITED") and not _acronym("Nasa") and not _acronym("BANGLADESH")



def test_a_surname_two_people_share_stays_unlinked_and_out_of_the_topics():
    from newsgraph.annotate.confidence import gate
    from newsgraph.annotate.entity_features import shared_surname
    from newsgraph.records import Mention

    text = "Maria Okafor and Richard Okafor met. Okafor said little."
    got = _link(text, ["Maria Okafor", "Richard Okafor", "Okafor"])
    assert got["Okafor"] == ["Okafor"] and got["Maria Okafor"] == ["Maria Okafor"]

    def person(name: str) -> Entity:
        return Entity("p", name, "person", [name], 0.9, None, [Mention(0, len(name), name)])

    people = [person("Maria Okafor"), person("Richard Okafor"), person("Okafor"), person("Dana Pelto")]
    assert shared_surname("Okafor", people)
    assert not shared_surname("Pelto", people)  # one owner: linking joins it to her
    assert not shared_surname("Maria Okafor", people)
    assert gate("topic", people[2], 0.8, {"shared_surname": 1.0}) < 0.5 <= gate("topic", people[2], 0.8, {})


def test_a_surname_one_person_dominates_stays_a_topic():
    from newsgraph.annotate.entity_features import shared_surname
    from newsgraph.records import Mention

    def person(name: str, n: int) -> Entity:
        return Entity("p", name, "person", [name], 0.9, None, [Mention(i, i + len(name), name) for i in range(n)])

    assert not shared_surname("Okafor", [person("Maria Okafor", 4), person("Richard Okafor", 1), person("Okafor", 5)])
    assert shared_surname("Okafor", [person("Maria Okafor", 3), person("Richard Okafor", 2), person("Okafor", 5)])
