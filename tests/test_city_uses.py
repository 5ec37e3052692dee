"""A town's name the text uses as no town (annotate/city_uses.py): a team named by its town in a sport report, a
person's surname or aged name, a name inside a work's quoted title; a town ALSO used as a settlement stays a city.
Invented towns, clubs and people, written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import load_pipeline
from newsgraph.annotate.city_uses import (
    in_title,
    noun_follows,
    outcome_use,
    person_named,
    results_page,
    sport_report,
    team_cues,
    team_named,
    title_only,
)
from newsgraph.annotate.names import shipped_names
from newsgraph.records import Entity, Mention

ROUND_UP = (
    "FOOTBALL - BRACKWATER GO TOP.\n"
    "Brackwater Rovers moved top of the league on Saturday.\n"
    "Striker Ola Penrick scored twice as Brackwater beat Lowfield 3-1 in front of 12,000 fans.\n"
    "Lowfield's coach blamed the referee after the match.\n"
    "Tarnbury stay three points behind Brackwater after a goalless game at home.\n"
    "Goalkeeper Dan Osk joined Tarnbury from Eastmere in the summer and has kept four clean sheets this season.\n"
    "In Grandport, the league match between the two bottom clubs was called off because of a waterlogged pitch.\n"
    "Penrick, 29, said the team had played its best football of the season.\n"
)

COUNCIL = (
    "Brackwater beat Lowfield to the new hospital, the health board said on Monday.\n"
    "Councillors in Lowfield said they would appeal. The board meets again in June to set its budget for the year.\n"
)


class _StubGazetteer:
    """settlement_use asks the gazetteer only whether a name after a comma is a country or a region: none is."""

    def lookup(self, name: str) -> list:
        return []


GAZ = _StubGazetteer()


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _entity(text: str, name: str, kind: str = "city") -> Entity:
    """An entity with every whole-word mention of `name` in `text` (capitalised as written)."""
    import re

    spans = [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    return Entity(id=name, name=name, type=kind, mentions=[Mention(text=name, start=a, end=b) for a, b in spans])


def test_a_round_up_is_a_sport_report_and_a_council_story_is_not(nlp):
    assert sport_report(nlp(ROUND_UP), 12.0)
    assert not sport_report(nlp(COUNCIL), 12.0)
    assert not sport_report(nlp(ROUND_UP), 0)  # 0: off


def test_towns_named_for_their_teams_in_a_round_up_are_no_cities(nlp):
    doc = nlp(ROUND_UP)
    club = _entity(ROUND_UP, "Brackwater Rovers", "organisation")
    names = shipped_names()
    for town in ("Lowfield", "Tarnbury", "Eastmere"):  # "beat X 3-1", "X's coach"; "X stay ... behind"; "joined Y from X"
        e = _entity(ROUND_UP, town)
        assert team_named(doc, e, [e, club], GAZ, names, 12.0), town
    brackwater = Entity(id="b", name="Brackwater", type="city", mentions=[
        m for m in _entity(ROUND_UP, "Brackwater").mentions if ROUND_UP[m.end : m.end + 7] != " Rovers"])
    assert team_named(doc, brackwater, [brackwater, club], GAZ, names, 12.0)  # "X beat", "points behind X"


def test_a_town_also_used_as_a_settlement_stays_a_city(nlp):
    doc = nlp(ROUND_UP)
    names = shipped_names()
    grandport = _entity(ROUND_UP, "Grandport")
    assert not team_named(doc, grandport, [grandport], GAZ, names, 12.0)  # "In X, the match was called off"
    text = ROUND_UP + "The fans of Lowfield's rivals marched through the streets in Lowfield on Sunday.\n"
    lowfield = _entity(text, "Lowfield")
    assert not team_named(nlp(text), lowfield, [lowfield], GAZ, names, 12.0)


def test_outside_a_sport_report_a_win_over_a_town_says_nothing(nlp):
    doc = nlp(COUNCIL)
    e = _entity(COUNCIL, "Brackwater")
    assert not team_named(doc, e, [e], GAZ, shipped_names(), 12.0)


def test_a_players_surname_or_an_aged_name_is_no_city():
    names = shipped_names()
    player = Entity(id="p", name="Ola Penrick", type="person")
    e = Entity(id="c", name="Penrick", type="city",
               mentions=[m for m in _entity(ROUND_UP, "Penrick").mentions if ROUND_UP[m.start - 4 : m.start] != "Ola "])
    assert person_named(ROUND_UP, e, [player, e], GAZ, names)
    assert person_named(ROUND_UP, e, [e], GAZ, names)  # "Penrick, 29, said": an age in apposition
    text = "Ola Penrick grew up in Penrick, a village on the coast."
    e2 = Entity(id="c", name="Penrick", type="city", mentions=[Mention(text="Penrick", start=23, end=30)])
    assert not person_named(text, e2, [player, e2], GAZ, names)  # "in X": the village


def test_a_town_only_inside_a_quoted_title_is_no_city():
    text = 'The actor was best known for "Cold Night in Lowfield" and "The Long Road".\nHe died in Tarnbury.'
    lowfield, tarnbury = _entity(text, "Lowfield"), _entity(text, "Tarnbury")
    assert in_title(text, lowfield.mentions[0]) and title_only(text, lowfield)
    assert not title_only(text, tarnbury)
    said = 'He said: "We will win in Lowfield."'
    assert not title_only(said, _entity(said, "Lowfield"))  # a quotation of a sentence: one capitalised word


def test_a_surname_written_before_its_given_name_is_no_city_but_a_list_of_places_is_no_name():
    names = shipped_names()
    text = "Further reading:\nTarnbury, Friedrich. The Long Winter (1921).\nPenrick, Jack J. Notes (1930)."
    assert person_named(text, _entity(text, "Tarnbury"), [], GAZ, names)
    assert person_named(text, _entity(text, "Penrick"), [], GAZ, names)
    listed = "She moved to Tarnbury, Paris."

    class _Paris(_StubGazetteer):
        def lookup(self, name: str) -> list:
            from newsgraph.annotate.gazetteer import Place

            return [Place(9, "Paris", "FR", "11", "city", 48.9, 2.3, 2_100_000)] if name == "Paris" else []

    assert not person_named(listed, _entity(listed, "Tarnbury"), [], _Paris(), names)


def test_a_city_that_hosts_the_games_is_no_team(nlp):
    text = ("ATHLETICS - GRANDPORT TO STAGE CHAMPIONSHIP.\nGrandport will host the 2031 championship, the league "
            "said on Friday.\nThe players, coaches and fans of every team and club will come for the final.\n")
    e = _entity(text, "Grandport")
    assert sport_report(nlp(text), 12.0)
    assert not team_named(nlp(text), e, [e], GAZ, shipped_names(), 12.0)


def test_a_dateline_town_stays_a_city_whatever_its_team_does(nlp):
    text = ("BASEBALL - LOWFIELD WIN AGAIN.\nLOWFIELD 2031-08-30\nLowfield beat Tarnbury 5-3 on Friday and the "
            "players said the team's pitcher threw 108 pitches in the league game.\nLowfield's lead grew to six games.\n")
    e = _entity(text, "Lowfield")
    assert sport_report(nlp(text), 12.0)
    assert not team_named(nlp(text), e, [e], GAZ, shipped_names(), 12.0)
    tarnbury = _entity(text, "Tarnbury")
    assert team_named(nlp(text), tarnbury, [tarnbury], GAZ, shipped_names(), 12.0)


# A curling round-up written for these tests: none of its sport's words is in data/team_cues.tsv `sport`, so the
# page is no sport report by its words; its shape (outcomes stated with their scores) makes it a results page.
CURLING = (
    "Ashcombe took a 7-5 victory over Dunmere on Sunday, with skip Ena Varley drawing to the button in the last end.\n"
    "Corvallin, 9-2 winners over Pellham, lead the standings with Ashcombe.\n"
    "Dunmere's second Tom Reed said the ice was fast.\n"
    "Narrow successes for Holtby and Vinsea closed the weekend at the rink.\n"
)

VOTE = (
    "The council approved the bypass 5-2 on Tuesday, a victory for Holtby residents who had asked for it since 2004.\n"
    "The 4-3 vote on the library was a defeat for Vinsea shopkeepers.\n"
)


def test_a_results_page_of_a_sport_without_cue_words_names_its_sides_by_their_towns(nlp):
    doc = nlp(CURLING)
    names = shipped_names()
    assert not sport_report(doc, 12.0)
    assert results_page(doc, team_cues())
    for town in ("Dunmere", "Pellham", "Holtby", "Vinsea", "Corvallin"):  # "victory over X", "winners over X",
        e = _entity(CURLING, town)                                      # "successes for Y and X", "X, 9-2 winners"
        assert team_named(doc, e, [e], GAZ, names, 12.0), town
    assert not team_named(doc, _entity(CURLING, "Dunmere"), [], GAZ, names, 0)  # 0: off


def test_a_vote_won_for_a_towns_residents_is_no_results_page_and_no_side(nlp):
    doc = nlp(VOTE)
    cues = team_cues()
    assert not results_page(doc, cues)
    start = VOTE.index("Holtby")
    assert outcome_use(VOTE, start, cues) and noun_follows(doc, start + len("Holtby"))  # the residents' victory
    e = _entity(VOTE, "Holtby")
    assert not team_named(doc, e, [e], GAZ, shipped_names(), 12.0)


def test_an_outcome_in_an_upper_case_headline_names_the_sides_of_a_list():
    cues = team_cues()
    head = "LYNDALE SEALS VICTORY OVER PORTMERE AND CASTLEBY."
    for town in ("PORTMERE", "CASTLEBY"):
        assert outcome_use(head, head.index(town), cues), town
    line = "emphatic victories for champions Ashcombe, 56-13 winners over Pellham, and Corvallin on Saturday"
    for town in ("Ashcombe", "Pellham", "Corvallin"):
        assert outcome_use(line, line.index(town), cues), town
    assert not outcome_use("a hospital for Ashcombe", len("a hospital for "), cues)
