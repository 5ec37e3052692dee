"""The Reuters pool's mechanics (benchmarks/audit/reuters_pool.py) on tiny story files written here, not the
collection itself: the files are checked against their pinned hash, the wire's layout becomes paragraphs (indented
line = new paragraph, wrapped lines joined, end-of-story mark removed), a repeated body is read once, a story without
a headline is left out, the wire's date becomes the page's published time, and the pool's draws never overlap."""

import hashlib
import json

import pytest

from benchmarks import topic_audit as ta
from benchmarks.audit import fresh, reuters_pool

WIRE = ("The harbour board of Port Elmsworth said on Tuesday it\nwould close the north quay for repairs, "
        "the board's chairman\nsaid.\n    The quay handles about {n} ships a year, he said.\n Reuter\n\x03")


def _stories(n: int = 6) -> list[dict]:
    out = [{"title": f"ELMSWORTH QUAY TO CLOSE {i}", "body": WIRE.format(n=100 + i), "date": " 3-MAR-1987 14:05:09.12",
            "id": str(10 + i)} for i in range(n)]
    out.append({"title": "REPEAT", "body": WIRE.format(n=100), "date": "3-MAR-1987 14:05:09.12", "id": "90"})
    out.append({"body": WIRE.format(n=7), "date": "3-MAR-1987 14:05:09.12", "id": "91"})  # no headline
    return out


@pytest.fixture
def pinned(tmp_path, monkeypatch):
    full = tmp_path / "data" / "full"
    full.mkdir(parents=True)
    stories = _stories()
    for i, chunk in enumerate((stories[:4], stories[4:])):
        (full / f"reuters-00{i}.json").write_text(json.dumps(chunk), encoding="utf-8")
    digest = hashlib.sha256()
    for f in sorted(full.glob("reuters-*.json")):
        digest.update(f.read_bytes())
    monkeypatch.setattr(reuters_pool, "FILES_SHA256", digest.hexdigest())
    monkeypatch.setenv("NEWSGRAPH_REUTERS_DIR", str(tmp_path))
    return tmp_path


def test_stories_become_pages_with_paragraphs_title_and_date(pinned):
    arts = reuters_pool.articles()
    assert [a["input"] for a in arts] == [f"reuters/{10 + i}" for i in range(6)], "a repeat or a headless story read"
    first = arts[0]
    assert first["paragraphs"] == [
        "The harbour board of Port Elmsworth said on Tuesday it would close the north quay for repairs, "
        "the board's chairman said.", "The quay handles about 100 ships a year, he said.", "Reuter"]
    assert first["published"] == "1987-03-03T14:05:09" and first["title"] == "ELMSWORTH QUAY TO CLOSE 0"
    page = fresh.page(first).decode()
    assert "\x03" not in page and 'content="1987-03-03T14:05:09"' in page and "<h1>ELMSWORTH QUAY TO CLOSE 0</h1>" in page
    assert ta.page_name("reuters/22") == "reuters-22"


def test_a_changed_file_set_or_no_folder_stops_the_draw(pinned, monkeypatch):
    (pinned / "data" / "full" / "reuters-001.json").write_text("[]", encoding="utf-8")
    with pytest.raises(SystemExit, match="sha256"):
        reuters_pool.articles()
    monkeypatch.delenv("NEWSGRAPH_REUTERS_DIR")
    with pytest.raises(SystemExit, match="NEWSGRAPH_REUTERS_DIR"):
        reuters_pool.articles()


def test_unreadable_dates_give_no_published_time():
    assert reuters_pool.published("5-MAR-1987 09:34:11.1") == "1987-03-05T09:34:11"
    assert reuters_pool.published("31-FEB-1987 09:34:11") == reuters_pool.published("soon") == ""


def test_the_pool_seeds_draw_disjoint_stories(monkeypatch):
    long = WIRE + " " + " ".join(["the harbour said that the quay is for the ships"] * 10)
    arts = [{"input": f"reuters/{i}", "unit": f"r{i}", "text": long.format(n=i)} for i in range(9)]
    monkeypatch.setattr(reuters_pool, "PAGES", 3)
    first, second = reuters_pool.drawn(1, (1, 2), arts), reuters_pool.drawn(2, (1, 2), arts)
    assert len(first) == len(second) == 3 and not {a["input"] for a in first} & {a["input"] for a in second}
    assert len(reuters_pool.reserve((1, 2), arts)) == 3
