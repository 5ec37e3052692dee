"""A country's name means the country only where the text treats it as one (country_evidence.py, stop 24): a road's
number ("U.S. 27A") is no mention of the United States, and a homonym ("Georgia", "Jordan") is the country only with
country evidence. Articles written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.country_evidence import road_number, state_cue
from newsgraph.records import Entity, Extracted, Mention

SHOWN = 0.5


def _topics(body: str, kind: str) -> dict[str, float]:
    rec = annotate(Extracted(input="t", body=body))
    return dict(zip(rec.topics[kind], rec.topics_confidence[kind], strict=True))


@pytest.mark.parametrize(("text", "road"), [
    ("at U.S. 27A, south", True),
    ("on U.S. Highway 82 near", True),
    ("routes U.S. 54, 56, 83 and 400", True),
    ("along US 41 in", True),
    ("the U.S. Route 1 bridge", True),
    ("the U.S. 10-year note", False),
    ("the U.S. 1,000 troops", False),
    ("the U.S. 2008 budget", False),
    ("the U.S. said on Monday", False),
])
def test_a_number_after_the_name_is_a_road(text, road):
    end = text.index("U") + (4 if text[text.index("U") + 1] == "." else 2)
    assert road_number(text, end) is road


_ROADS = ("A driver from Milford was hurt on Tuesday when his pickup truck left U.S. 27A south of Brookfield, the "
          "Florida Highway Patrol said. The road was closed for two hours while crews cleared the wreck near the "
          "intersection with U.S. Highway 19. The driver was taken to a hospital in Ocala.")


def test_a_road_number_makes_no_country_topic():
    assert "United States" not in _topics(_ROADS, "countries")


def test_the_country_named_beside_a_road_stays():
    body = _ROADS + " The crossing was paid for by the United States, which built the road in 1952."
    assert "United States" in _topics(body, "countries")  # the mention outside the road's number stays the country


_STATE = ("A dialing service that links needy Georgia residents with food pantries could expand statewide by the end "
          "of the year, officials said. Texas already pays for a similar service, and the program's director said "
          "more money was needed.")


def test_a_state_named_like_a_country_is_no_country_topic():
    assert "Georgia" not in _topics(_STATE, "countries")


def test_the_country_with_country_evidence_stays():
    body = ("Georgia's president said on Monday that Russian troops remained near the border. The Georgian foreign "
            "ministry in Tbilisi called the move a provocation, while a Texas senator urged restraint.")
    assert _topics(body, "countries").get("Georgia", 0) >= SHOWN


def test_a_town_near_the_other_places_beats_the_country():
    body = ("A Jordan man was hurt when his motorcycle left the road early Wednesday. The Jordan resident was flown "
            "to a hospital in Robbinsdale, where he remains in critical condition, the sheriff said.")
    assert "Jordan" not in _topics(body, "countries")
    assert "Jordan" in _topics(body, "cities")  # the Minnesota town beside Robbinsdale


def test_a_cue_only_a_sovereign_state_takes():
    text = "They met Jordan's king. The embassy in Georgia closed. Georgia residents voted."
    jordan = Entity(id="1", name="Jordan", type="country", mentions=[Mention(start=9, end=15, text="Jordan")])
    assert state_cue(text, jordan)
    s = text.index("Georgia")
    georgia = Entity(id="2", name="Georgia", type="country", mentions=[Mention(start=s, end=s + 7, text="Georgia")])
    assert state_cue(text, georgia)
    s = text.rindex("Georgia")
    state = Entity(id="3", name="Georgia", type="country", mentions=[Mention(start=s, end=s + 7, text="Georgia")])
    assert not state_cue(text, state)


def test_a_name_coordinated_with_a_person_is_no_country():
    body = ("Three men were convicted on Friday of robbing card games in Springfield and Dayton. Prosecutors said "
            "Michael Brown and Jordan shot a man on a sidewalk in Springfield in 2005. Brown was sentenced to 60 "
            "years in prison.")
    assert "Jordan" not in _topics(body, "countries")
