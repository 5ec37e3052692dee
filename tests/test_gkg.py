"""GDELT GKG 2.1 export, column by column against a row written by hand from the codebook
(GDELT-Global_Knowledge_Graph_Codebook-V2.1): field order, delimiters, FIPS country codes, location types and full
names, counts with ObjectType, offsets, dates, quotations, all names, amounts and the extras XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.records import Article, DateRef, Entity, Fact, Geo, Image, Mention, Quote
from newsgraph.store.export_gkg import GKG_COLUMNS, gkg_datetime, gkg_row, object_type, write_gkg
from newsgraph.store.gkg_geo import fips, gkg_place

BODY = (
    "Floods in Sylhet killed at least 12 people on Sunday, Bangladesh's disaster ministry said.\n\n"
    "\"The water rose faster than we could move,\" said Rahim Chowdhury, a relief worker with the Red Crescent. "
    "Houston sent pumps; 2,000 people fled their homes."
)


def _mention(text: str, nth: int = 0) -> Mention:
    pos = -1
    for _ in range(nth + 1):
        pos = BODY.index(text, pos + 1)
    return Mention(pos, pos + len(text), text)


def record() -> dict:
    ents = [
        Entity("p1", "Rahim Chowdhury", "person", mentions=[_mention("Rahim Chowdhury")]),
        Entity("o1", "Red Crescent", "organisation", mentions=[_mention("Red Crescent")]),
        Entity("c1", "Bangladesh", "country", geo=Geo(1210997, 24.0, 90.0, "BD", "PCLI"),
               mentions=[_mention("Bangladesh")]),
        Entity("s1", "Sylhet", "city", geo=Geo(1185099, 24.89904, 91.87198, "BD", "PPLA"), mentions=[_mention("Sylhet")]),
        Entity("h1", "Houston", "city", geo=Geo(4699066, 29.76328, -95.36327, "US", "PPLA2"), mentions=[_mention("Houston")]),
    ]
    q_text = "The water rose faster than we could move,"
    q = BODY.index(q_text)
    kill = BODY.index("at least 12")
    fled = BODY.index("2,000 people fled")
    art = Article(
        id="a" * 40, input="pages/floods.html", url="https://www.dhaka-example.org/floods", title="Floods kill 12 in Sylhet",
        source={"name": "Dhaka Example", "domain": "dhaka-example.org"}, section=None, standfirst=None,
        authors=["Nadia Islam", "Omar Faruk"], agency=None, published="2026-06-15T09:30:00+06:00", modified=None,
        language="en", images=[Image("Flooded road", url="https://www.dhaka-example.org/a.jpg"),
                               Image("Relief boat", url="https://www.dhaka-example.org/b.jpg")],
        body=BODY, entities=ents,
        quotes=[Quote(q_text, q, q + len(q_text), "direct", speaker="p1", speaker_name="Rahim Chowdhury", cue="said"),
                Quote("the ministry would help", 0, 10, "indirect", cue="said")],
        facts=[Fact("killed", 12, kill, kill + 11, "at least", BODY[kill:kill + 11]),
               Fact("displaced", 2000, fled, fled + 16, None, "2,000 people fled")],
        dates=[DateRef("on Sunday", "2026-06-14", BODY.index("on Sunday"), BODY.index("on Sunday") + 9, "day"),
               DateRef("in June", "2026-06", 0, 0, "month")],
    )
    return art.to_dict()


def by_hand() -> dict[str, str]:
    """The row the codebook prescribes for `record()`, written out field by field."""
    o = {n: BODY.index(n) for n in ("Sylhet", "Bangladesh", "Rahim Chowdhury", "Red Crescent", "Houston")}
    kill, fled = BODY.index("at least 12"), BODY.index("2,000 people fled")
    q = BODY.index("The water rose")
    sylhet = "4#Sylhet, Sylhet, Bangladesh#BG#BG86#24.899#91.872#1185099"
    houston = "3#Houston, Texas, United States#US#USTX#29.7633#-95.3633#4699066"
    bangladesh = "1#Bangladesh#BG#BG#24#90#BG"
    v2 = lambda loc, off: "#".join([*loc.split("#")[:4], "", *loc.split("#")[4:], str(off)])  # noqa: E731
    names = sorted([(o["Sylhet"], "Sylhet"), (o["Bangladesh"], "Bangladesh"), (o["Rahim Chowdhury"], "Rahim Chowdhury"),
                    (o["Red Crescent"], "Red Crescent"), (o["Houston"], "Houston")])
    return {
        "GKGRECORDID": "20260615034500-7",
        "V2.1DATE": "20260615033000",  # 09:30 at +06:00, in UTC
        "V2SOURCECOLLECTIONIDENTIFIER": "1",  # WEB
        "V2SOURCECOMMONNAME": "dhaka-example.org",
        "V2DOCUMENTIDENTIFIER": "https://www.dhaka-example.org/floods",
        "V1COUNTS": f"KILL#12#people#{sylhet};AFFECT#2000#people#{houston}",
        "V2.1COUNTS": f"KILL#12#people#{sylhet}#{kill};AFFECT#2000#people#{houston}#{fled}",
        "V1THEMES": "",
        "V2ENHANCEDTHEMES": "",
        "V1LOCATIONS": f"{bangladesh};{sylhet};{houston}",
        "V2ENHANCEDLOCATIONS": ";".join([v2(bangladesh, o["Bangladesh"]), v2(sylhet, o["Sylhet"]),
                                         v2(houston, o["Houston"])]),
        "V1PERSONS": "Rahim Chowdhury",
        "V2ENHANCEDPERSONS": f"Rahim Chowdhury,{o['Rahim Chowdhury']}",
        "V1ORGANIZATIONS": "Red Crescent",
        "V2ENHANCEDORGANIZATIONS": f"Red Crescent,{o['Red Crescent']}",
        "V1.5TONE": "",
        "V2.1ENHANCEDDATES": f"4#6#14#2026#{BODY.index('on Sunday')};2#6#0#2026#0",
        "V2GCAM": f"wc:{len(BODY.split())}",
        "V2.1SHARINGIMAGE": "https://www.dhaka-example.org/a.jpg",
        "V2.1RELATEDIMAGES": "https://www.dhaka-example.org/b.jpg",
        "V2.1SOCIALIMAGEEMBEDS": "",
        "V2.1SOCIALVIDEOEMBEDS": "",
        "V2.1QUOTATIONS": f"{q}|41|said|The water rose faster than we could move,",
        "V2.1ALLNAMES": ";".join(f"{n},{s}" for s, n in names),
        "V2.1AMOUNTS": f"12,people,{kill};2000,people,{fled}",
        "V2.1TRANSLATIONINFO": "",
        "V2EXTRASXML": "<PAGE_TITLE>Floods kill 12 in Sylhet</PAGE_TITLE><PAGE_AUTHORS>Nadia Islam;Omar Faruk</PAGE_AUTHORS>"
                       f"<PAGE_PRECISEPUBTIMESTAMP>20260615033000</PAGE_PRECISEPUBTIMESTAMP><NEWSGRAPH_ID>{'a' * 40}</NEWSGRAPH_ID>",
    }


def _gazetteer_or_skip() -> None:
    from newsgraph.annotate.gazetteer import get_gazetteer

    if get_gazetteer().get(1185099) is None:
        pytest.skip("gazetteer index lacks Sylhet")


@pytest.mark.parametrize("column", GKG_COLUMNS)
def test_each_column_matches_the_codebook_row_built_by_hand(column: str) -> None:
    _gazetteer_or_skip()
    row = dict(zip(GKG_COLUMNS, gkg_row(record(), 7, batch="20260615034500"), strict=True))
    assert row[column] == by_hand()[column]


def test_text_input_without_url_is_a_citation_not_closed_captioning() -> None:
    r = record()
    r["url"] = None
    row = gkg_row(r, 1, batch="20260615034500")
    assert row[2] == "2"  # CITATIONONLY
    assert row[3] == "Dhaka Example"
    assert row[4] == "Dhaka Example, Floods kill 12 in Sylhet, 2026-06-15, pages/floods.html"


def test_delimiters_inside_values_never_break_a_field() -> None:
    r = record()
    r["entities"][0]["name"] = "Rahim; Chowdhury, #1\tof\nthe | relief"
    r["quotes"][0]["text"] = "a|b#c\nd"
    r["title"] = "A <b>&</b> title"
    row = gkg_row(r, 1, batch="20260615034500")
    assert len(row) == 27 and all("\t" not in f and "\n" not in f for f in row)
    assert row[11] == "Rahim  Chowdhury  #1 of the | relief".replace("  ", " ")
    assert [len(b.split(",")) for b in row[12].split(";")] == [2]
    assert row[22].endswith("|a b c d")
    assert "<PAGE_TITLE>A &lt;b&gt;&amp;&lt;/b&gt; title</PAGE_TITLE>" in row[26]


def test_fips_codes_and_location_types() -> None:
    assert [fips(c) for c in ("DE", "GB", "BD", "US", "SS", "CL")] == ["GM", "UK", "BG", "US", "OD", "CI"]
    _gazetteer_or_skip()
    assert gkg_place("Texas", {"geonameid": 4736286, "lat": 31.25, "lon": -99.25, "country_code": "US",
                               "feature_code": "ADM1"}).type == 2
    bavaria = gkg_place("Bavaria", {"geonameid": 2951839, "lat": 49.0, "lon": 11.5, "country_code": "DE",
                                    "feature_code": "ADM1"})
    assert (bavaria.type, bavaria.country, bavaria.adm1) == (5, "GM", "GM02")
    assert gkg_place("Africa", {"geonameid": 6255146, "lat": 7.2, "lon": 21.1, "country_code": None,
                                "feature_code": "CONT"}) is None  # GKG has no location type for a continent


def test_dates_and_objects() -> None:
    assert gkg_datetime("2026-03-09T02:10:00-03:00") == "20260309051000"
    assert gkg_datetime("2026-03-09") == "20260309000000"
    assert gkg_datetime("March 2026") == ""
    assert object_type({"text": "160,000 detainees"}) == "detainees"
    assert object_type({"text": "killed at least 12"}) == ""
    assert object_type({"text": "x", "noun": "students"}) == "students"


def test_every_demo_article_gives_a_row_of_27_columns(tmp_path: Path) -> None:
    import io

    recs = [record(), {**record(), "id": "b" * 40, "entities": [], "facts": [], "quotes": []}]
    out = io.StringIO()
    assert write_gkg(recs, out, batch="20260615034500") == 2
    lines = out.getvalue().splitlines()
    assert [len(x.split("\t")) for x in lines] == [27, 27]
    assert [x.split("\t")[0] for x in lines] == ["20260615034500-1", "20260615034500-2"]


#: Sub-field counts per block, from the codebook: (block delimiter, field delimiter, fields per block).
BLOCKS = {
    "V1COUNTS": (";", "#", 10), "V2.1COUNTS": (";", "#", 11), "V1LOCATIONS": (";", "#", 7),
    "V2ENHANCEDLOCATIONS": (";", "#", 9), "V2ENHANCEDPERSONS": (";", ",", 2), "V2ENHANCEDORGANIZATIONS": (";", ",", 2),
    "V2.1ENHANCEDDATES": (";", "#", 5), "V2.1QUOTATIONS": ("#", "|", 4), "V2.1ALLNAMES": (";", ",", 2),
    "V2.1AMOUNTS": (";", ",", 3),
}


def test_every_demo_article_parses_as_the_codebook_says(demo_db: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    res = CliRunner().invoke(app, ["export", "--db", str(demo_db), "--format", "gkg"])
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) >= 10
    for line in lines:
        row = dict(zip(GKG_COLUMNS, line.split("\t"), strict=True))  # 27 columns exactly
        assert row["V2.1DATE"] == "" or (len(row["V2.1DATE"]) == 14 and row["V2.1DATE"].isdigit())
        assert row["V2SOURCECOLLECTIONIDENTIFIER"] in ("1", "2")
        for col, (block, field, n) in BLOCKS.items():
            for b in filter(None, row[col].split(block)):
                assert len(b.split(field)) == n, (col, b)
        for b in filter(None, row["V1LOCATIONS"].split(";")):
            assert b.split("#")[0] in {"1", "2", "3", "4", "5"}
            assert len(b.split("#")[2]) == 2  # a FIPS country code
        for b in filter(None, row["V2.1COUNTS"].split(";")):
            assert b.split("#")[0] in {"AFFECT", "ARREST", "KIDNAP", "KILL", "PROTEST", "SEIZE", "WOUND"}
