"""Events that did not happen stay in the record and the store with their status, but are not shown by default:
not on the article page (display filter), not on the entity's topic page."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.confidence import filter_record
from newsgraph.records import Article, Entity, Event, Mention

BODY = "Veloria attacked the port of Marsk on Monday.\n\nVeloria will attack the town of Ostra next week."


def record() -> dict:
    e1 = Entity("c1", "Veloria", "country", ["Veloria"], 1.0, None, [Mention(0, 7, "Veloria"), Mention(47, 54, "Veloria")],
                confidence=0.9, type_confidence=0.9)
    done = Event("ASSAULT", 0, 45, source="c1", source_name="Veloria", confidence=0.8, status="asserted")
    planned = Event("ASSAULT", 47, 97, source="c1", source_name="Veloria", confidence=0.8, status="future")
    a = Article("x", "in.html", None, {"name": None, "domain": None}, "T", None, None, [], None, "2026-03-04", None,
                "en", [], BODY, [e1], {"people": [], "countries": ["Veloria"], "cities": [], "organisations": []},
                {"people": [], "countries": [0.9], "cities": [], "organisations": []}, [], [done, planned], [], [])
    return a.to_dict()


def test_the_display_filter_shows_only_events_that_happened():
    shown = filter_record(record(), 0.5)
    assert [e["status"] for e in shown["events"]] == ["asserted"]
    assert len(filter_record(record(), 0.0)["events"]) == 2  # everything on request


def test_the_store_keeps_status_and_the_topic_page_counts_what_happened(tmp_path: Path):
    from newsgraph.store import StoreWriter
    from newsgraph.store.queries import get_entity

    db = tmp_path / "s.db"
    with StoreWriter(db) as w:
        w.put(record())
    conn = sqlite3.connect(db)
    assert sorted(r[0] for r in conn.execute("SELECT status FROM events")) == ["asserted", "future"]
    conn.row_factory = sqlite3.Row
    ent = get_entity(conn, "c1")
    assert [e["status"] for e in ent["events"]] == ["asserted"]
