"""Check an article record against hand-made gold in the seed-gold.json format.

Every "must" in the gold file is one item: metadata fields, body checks (start, end, paragraph count, each
crosshead, each forbidden string), each required and each forbidden topic, each required quote, event, fact and
date. An item passes or fails with a reason; `score` is the share of required items met. Optional items are
counted apart and never lower the score.

Matching rules (the gold file's own "about" text): names are canonical names; a topic's aliases must be among
the surface forms of the one entity of that name; a quote's `contains` is a substring of the quote text;
a list where one value is expected means any one of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.records import TOPIC_KEYS

_TOPIC_TYPES = {key: etype for etype, key in TOPIC_KEYS.items()}


@dataclass
class Item:
    section: str
    name: str
    passed: bool
    required: bool = True
    detail: str = ""
    #: a "must not appear" item; counted apart so easy absences cannot inflate the score
    forbidden: bool = False


@dataclass
class Report:
    items: list[Item] = field(default_factory=list)

    def add(
        self, section: str, name: str, passed: bool, required: bool = True, detail: str = "", forbidden: bool = False
    ) -> None:
        self.items.append(Item(section, name, bool(passed), required, detail, forbidden))

    @property
    def required(self) -> list[Item]:
        """Required positive items (what must be found); the score is over these."""
        return [i for i in self.items if i.required and not i.forbidden]

    @property
    def forbidden(self) -> list[Item]:
        return [i for i in self.items if i.forbidden]

    @property
    def score(self) -> float:
        req = self.required
        return sum(i.passed for i in req) / len(req) if req else 1.0

    def by_section(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for i in self.required:
            ok, n = out.get(i.section, (0, 0))
            out[i.section] = (ok + i.passed, n + 1)
        return out

    def failures(self) -> list[Item]:
        return [i for i in self.required + self.forbidden if not i.passed]

    def summary(self) -> str:
        lines = [f"required items met: {sum(i.passed for i in self.required)}/{len(self.required)} = {self.score:.1%}"]
        for sec, (ok, n) in self.by_section().items():
            lines.append(f"  {sec:14s} {ok}/{n}")
        forb = self.forbidden
        lines.append(f"forbidden items absent: {sum(i.passed for i in forb)}/{len(forb)}")
        opt = [i for i in self.items if not i.required]
        if opt:
            lines.append(f"optional items met: {sum(i.passed for i in opt)}/{len(opt)}")
        for i in self.failures():
            lines.append(f"  MISSED {i.section}: {i.name} {('- ' + i.detail) if i.detail else ''}")
        return "\n".join(lines)


def _norm(text: str | None) -> str:
    text = (text or "").replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


def _anyof(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def load_gold(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check(record: dict, gold: dict) -> Report:
    """Compare one article record (Article.to_dict()) with one gold object."""
    rep = Report()
    _check_metadata(record, gold.get("metadata") or {}, rep)
    _check_body(record, gold.get("body") or {}, rep)
    _check_topics(record, gold.get("topics") or {}, rep)
    _check_quotes(record, gold.get("quotes") or {}, rep)
    _check_events(record, gold.get("events") or {}, rep)
    _check_facts(record, gold.get("facts") or {}, rep)
    _check_dates(record, gold.get("dates") or {}, rep)
    return rep


def _check_metadata(rec: dict, meta: dict, rep: Report) -> None:
    for key, want in meta.items():
        if key == "images":
            for img in want:
                ok = any(
                    _norm(img.get("caption_contains")) in _norm(i.get("caption"))
                    and ("credit" not in img or i.get("credit") == img["credit"])
                    for i in rec.get("images") or []
                )
                rep.add("metadata", f"image {img.get('caption_contains', '')[:40]!r}", ok)
            continue
        if key == "source_name":
            got = (rec.get("source") or {}).get("name")
        else:
            got = rec.get(key)
        if key in ("published", "modified"):
            ok = bool(got) and str(got).startswith(str(want))
        else:
            ok = _norm(got) == _norm(want)
        rep.add("metadata", key, ok, detail=f"got {got!r}")


def _check_body(rec: dict, body_gold: dict, rep: Report) -> None:
    body = rec.get("body") or ""
    if "starts_with" in body_gold:
        rep.add("body", "starts_with", body.startswith(body_gold["starts_with"]), detail=repr(body[:60]))
    if "ends_with" in body_gold:
        rep.add("body", "ends_with", body.rstrip().endswith(body_gold["ends_with"]), detail=repr(body[-60:]))
    if "paragraph_count" in body_gold:
        n = len([p for p in body.split("\n\n") if p.strip()])
        rep.add("body", "paragraph_count", n == body_gold["paragraph_count"], detail=f"got {n}")
    paragraphs = [p.strip() for p in body.split("\n\n")]
    for ch in body_gold.get("crossheads") or []:
        rep.add("body", f"crosshead {ch!r}", ch in paragraphs)
    for bad in body_gold.get("forbidden") or []:
        rep.add("body", f"forbidden {bad!r}", bad not in body, forbidden=True)


def _entities_by_name(rec: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in rec.get("entities") or []:
        out.setdefault(e.get("name"), []).append(e)
    return out


def _surface_forms(e: dict) -> set[str]:
    return set(e.get("aliases") or []) | {m.get("text") for m in e.get("mentions") or []} | {e.get("name")}


def _check_topics(rec: dict, topics_gold: dict, rep: Report) -> None:
    topics = rec.get("topics") or {}
    by_name = _entities_by_name(rec)
    for key, spec in topics_gold.items():
        present = topics.get(key) or []
        etype = _TOPIC_TYPES.get(key)
        required = spec.get("required") or {}
        if isinstance(required, dict):
            for name, aliases in required.items():
                if name not in present:
                    rep.add("topics", f"{key}: {name}", False, detail="not in topics")
                    continue
                ents = [e for e in by_name.get(name, []) if e.get("type") == etype] or by_name.get(name, [])
                forms = set().union(*(_surface_forms(e) for e in ents)) if ents else set()
                missing = [a for a in aliases if a not in forms]
                rep.add("topics", f"{key}: {name}", not missing, detail=f"aliases not resolved: {missing}" if missing else "")
        else:
            for name in required:
                rep.add("topics", f"{key}: {name}", name in present)
        for group in spec.get("required_any_alias") or []:
            forms = set(present)
            for e in rec.get("entities") or []:
                if e.get("type") == etype:
                    forms |= _surface_forms(e)
            ok = any(name in present for name in group) or any(name in forms for name in group)
            rep.add("topics", f"{key}: any of {group[:2]}", ok)
        for name in spec.get("optional") or []:
            rep.add("topics", f"{key}: {name}", name in present, required=False)
        for name in spec.get("forbidden") or []:
            rep.add("topics", f"{key}: not {name}", name not in present, forbidden=True)


def _entity_names(rec: dict) -> dict[str, str]:
    return {e["id"]: e["name"] for e in rec.get("entities") or [] if e.get("id")}


def _quote_matches(q: dict, g: dict, names: dict[str, str]) -> bool:
    if _norm(g["contains"]) not in _norm(q.get("text")):
        return False
    if "kind" in g and q.get("kind") != g["kind"]:
        return False
    speakers = {q.get("speaker_name"), names.get(q.get("speaker") or "")} - {None}
    return any(s in speakers for s in _anyof(g.get("speaker"))) if "speaker" in g else True


def _check_quotes(rec: dict, gold: dict, rep: Report) -> None:
    names = _entity_names(rec)
    quotes = rec.get("quotes") or []
    for required, items in ((True, gold.get("required") or []), (False, gold.get("optional") or [])):
        for g in items:
            ok = any(_quote_matches(q, g, names) for q in quotes)
            detail = ""
            if not ok:
                near = [q for q in quotes if _norm(g["contains"]) in _norm(q.get("text"))]
                detail = (
                    f"found as {[(q.get('kind'), q.get('speaker_name')) for q in near]}" if near else "text not found"
                )
            rep.add("quotes", f"{g.get('kind')} {g['contains'][:40]!r}", ok, required, detail)


def _event_matches(ev: dict, g: dict, names: dict[str, str]) -> bool:
    if ev.get("type") not in _anyof(g["type"]):
        return False
    src = names.get(ev.get("source") or "") or ev.get("source_name")
    tgt = names.get(ev.get("target") or "") or ev.get("target_name")
    if "actors" in g and set(g["actors"]) != {src, tgt}:
        return False
    if "source" in g and src not in _anyof(g["source"]):
        return False
    if "target" in g and tgt not in _anyof(g["target"]):
        return False
    if "location" in g:
        loc = names.get(ev.get("location") or "") or ev.get("location_name")
        if loc not in _anyof(g["location"]):
            return False
    return not ("date" in g and ev.get("date") != g["date"])


def _check_events(rec: dict, gold: dict, rep: Report) -> None:
    names = _entity_names(rec)
    events = rec.get("events") or []
    for required, items in ((True, gold.get("required") or []), (False, gold.get("optional") or [])):
        for g in items:
            ok = any(_event_matches(ev, g, names) for ev in events)
            who = g.get("actors") or [g.get("source"), g.get("target")]
            rep.add("events", f"{g['type']} {who}", ok, required)


def _check_facts(rec: dict, gold: dict, rep: Report) -> None:
    facts = rec.get("facts") or []
    for g in gold.get("required") or []:
        ok = any(
            f.get("kind") == g["kind"]
            and float(f.get("value") or 0) == float(g["value"])
            and ("qualifier" not in g or f.get("qualifier") == g["qualifier"])
            for f in facts
        )
        rep.add("facts", f"{g['kind']} {g['value']}", ok)


def _check_dates(rec: dict, gold: dict, rep: Report) -> None:
    dates = rec.get("dates") or []
    for required, items in ((True, gold.get("required") or []), (False, gold.get("optional") or [])):
        for g in items:
            ok = any(g["text_contains"] in (d.get("text") or "") and d.get("value") == g["value"] for d in dates)
            rep.add("dates", f"{g['text_contains']!r} -> {g['value']}", ok, required)
