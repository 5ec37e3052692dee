"""Gazetteer index and toponym resolution on place lists written for these tests."""

from __future__ import annotations

import time

import pytest

from newsgraph.annotate.gazetteer import build, get_gazetteer, norm
from newsgraph.annotate.geo import haversine_km, resolve


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def near(place, lat, lon, km=161):
    return place is not None and haversine_km(place.lat, place.lon, lat, lon) <= km


def test_norm():
    assert norm("U.S.") == "u s"
    assert norm("São Paulo") == "sao paulo"
    assert norm("The Hague") == "hague"


def test_lookup_kinds(gaz):
    kinds = {p.kind for p in gaz.lookup("Georgia")}
    assert {"country", "admin1"} <= kinds
    assert gaz.lookup("U.S.")[0].country_code == "US"
    assert gaz.demonym("Kenyans").country_code == "KE"
    assert any(p.kind == "admin2" for p in gaz.lookup("Orange County"))
    assert gaz.lookup("Zzyzxqq Town") == ()


def test_population_prior_without_context():
    (paris,) = resolve(["Paris"])
    assert paris.country_code == "FR"


def test_country_context_picks_the_local_town():
    places = resolve(["Paris", "Texas", "Lamar County"])
    assert places[0].country_code == "US" and places[0].admin1 == "TX"
    assert near(places[0], 33.66, -95.55)


def test_nearby_places_pick_each_other():
    places = resolve(["Springfield", "Sangamon County", "Illinois"])
    assert near(places[0], 39.8, -89.64)


def test_state_abbreviations_and_demonyms():
    (wv,) = resolve(["W.Va."])
    assert wv.kind == "admin1" and wv.country_code == "US"
    (kenya,) = resolve(["Kenyan"])
    assert kenya.kind == "country" and kenya.country_code == "KE"


def test_unknown_names_stay_unresolved():
    assert resolve(["Qqxvbn Hollow"]) == [None]


def test_index_opens_fast(gaz):
    t0 = time.perf_counter()
    from newsgraph.annotate.gazetteer import Gazetteer

    g = Gazetteer(gaz.path)
    g.lookup("Lyon")
    assert g.lookup("Lyon")[0].country_code == "FR"
    # a generous bound here; the real figure is in benchmarks (milliseconds)
    assert time.perf_counter() - t0 < 5


def test_build_writes_an_index(tmp_path, monkeypatch):
    path = build(tmp_path / "gaz.sqlite")
    assert path.exists() and path.stat().st_size > 1_000_000


def test_build_gazetteer_command(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    out = tmp_path / "g.sqlite"
    result = CliRunner().invoke(app, ["build-gazetteer", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "gazetteer index written" in result.output


def test_a_big_city_beats_the_province_of_its_name():
    (tehran,) = resolve(["Tehran"])
    assert tehran.kind == "city" and tehran.country_code == "IR"


def test_a_capital_beats_the_province_of_its_name():
    # Luanda province is four times the city's population; the capital still wins
    (luanda,) = resolve(["Luanda"])
    assert luanda.kind == "city" and luanda.country_code == "AO"


def test_region_demonyms_point_at_their_region_never_a_town(gaz):
    from newsgraph.annotate.geo import candidates

    (dagestan, *_) = candidates(gaz, "Dagestani")
    assert dagestan.kind == "admin1" and dagestan.country_code == "RU"
    (ontario, *_) = candidates(gaz, "Ontarians")
    assert ontario.kind == "admin1" and ontario.country_code == "CA"
    assert all(p.kind != "city" for p in candidates(gaz, "Californian"))


def test_a_river_missing_from_the_index_falls_back_to_a_town_of_its_name_near_the_context():
    river, _ = resolve(["Chattahoochee River", "Tallahassee"])
    assert river is not None and river.kind in ("city", "admin2") and near(river, 30.44, -84.28, km=161)


def test_a_small_town_and_its_county_settle_on_each_other():
    florence, county = resolve(["Florence", "Lauderdale County"])
    assert (florence.country_code, florence.admin1) == ("US", "AL")
    assert county.kind == "admin2" and county.admin1 == "AL"


def test_a_country_named_like_a_local_town_yields_when_nothing_lies_in_it():
    # Jordan, Minnesota beside Shakopee and Prior Lake; no place of the country Jordan is named
    jordan, shakopee, _ = resolve(["Jordan", "Shakopee", "Prior Lake"])
    assert jordan.kind == "city" and jordan.admin1 == "MN" and near(jordan, shakopee.lat, shakopee.lon)
    lebanon, *_ = resolve(["Lebanon", "Myerstown", "Annville"])
    assert lebanon.kind == "city" and lebanon.admin1 == "PA"
    # with places inside the country, the country stays
    lebanon, *_ = resolve(["Lebanon", "Amman", "Beirut"])
    assert lebanon.kind == "country"
