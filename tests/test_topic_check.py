"""The topic check (annotate/topic_check.py): a fitted second look at each person topic, applied in the topic
confidence step when NEWSGRAPH_TOPIC_CHECK is on; other types, and every topic with the setting off, keep their
confidence."""

from __future__ import annotations

import pytest

from newsgraph.annotate import calibration, topic_check
from newsgraph.records import Entity, Extracted, Mention

#: a fixture article written for this test: a named official, a surname-only mention, a company, a country
BODY = (
    "Oskar Lindqvist, the harbour commissioner of Malmo, said on Monday that the Nordic Tanker Line would move its "
    "repair yard to the city next year.\n\n"
    "\"The yard brings two hundred jobs,\" Lindqvist told reporters. Sweden's trade ministry backed the plan, and "
    "Lindqvist said the first ships would arrive in March.\n\n"
    "The company declined to comment. Analysts said Sweden needs more repair capacity on its southern coast."
)


def _annotate():
    import newsgraph

    return newsgraph.annotate.annotate(Extracted(input="t", body=BODY, title="Malmo wins a repair yard",
                                                 published="2026-03-04"))


def _unchecked():
    """The same article with every check model switched off (the topic confidence before the check)."""
    original = calibration.load_model

    def no_check(kind: str):
        return None if kind.startswith(topic_check.KIND) else original(kind)

    calibration.load_model = no_check
    try:
        return _annotate()
    finally:
        calibration.load_model = original


def test_people_check_is_shipped_and_loaded_lazily() -> None:
    assert calibration.load_model(topic_check.kind("people")) is not None
    assert calibration.load_map(topic_check.kind("people")) is not None
    assert calibration.load_model(topic_check.kind("organisations")) is None  # not shipped: left as it is


def test_check_is_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_TOPIC_CHECK", raising=False)
    assert _annotate().topics_confidence == _unchecked().topics_confidence


def test_check_changes_person_topics_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_TOPIC_CHECK", "1")
    before, after = _unchecked(), _annotate()
    assert before.topics == after.topics  # the check scores topics, it neither adds nor drops them
    people = dict(zip(after.topics["people"], after.topics_confidence["people"], strict=True))
    people_before = dict(zip(before.topics["people"], before.topics_confidence["people"], strict=True))
    assert "Oskar Lindqvist" in people
    assert people != people_before  # the people model moved the person topics' confidence
    assert all(0.0 <= c <= 1.0 for c in people.values())
    for key in ("organisations", "countries", "cities"):
        assert after.topics_confidence[key] == before.topics_confidence[key]


def test_check_is_the_topic_itself_without_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calibration, "load_model", lambda kind: None)
    e = Entity("p1", "Oskar Lindqvist", "person", ["Oskar Lindqvist"], 1.0, None, [Mention(0, 15, "Oskar Lindqvist")])
    assert topic_check.checked(0.42, "people", e, {"salience": 1.0}, [e]) == 0.42
    assert topic_check.checked(0.42, "people", e, None, [e]) == 0.42


def test_extra_features_see_a_name_inside_a_longer_one() -> None:
    full = Entity("p1", "Oskar Lindqvist", "person", [], 1.0, None, [Mention(0, 15, "Oskar Lindqvist")])
    part = Entity("p2", "Lindqvist", "person", [], 0.5, None, [Mention(200, 209, "Lindqvist")])
    org = Entity("o1", "Malmo Harbour Board", "organisation", [], 0.5, None, [Mention(300, 319, "x")])
    city = Entity("c1", "Malmo", "city", [], 0.5, None, [Mention(50, 55, "Malmo")])
    ents = [full, part, org, city]
    assert topic_check.extra_features(part, ents)["part_of_same_type"] == 1.0
    assert topic_check.extra_features(full, ents)["part_of_same_type"] == 0.0
    assert topic_check.extra_features(city, ents)["part_of_other_type"] == 1.0
    assert topic_check.extra_features(city, ents)["part_of_same_type"] == 0.0
    assert topic_check.extra_features(full, ents)["log_people"] > 0.0
