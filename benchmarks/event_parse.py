"""An event's parse evidence: what the dependency parse says about its trigger and actors (stop 35, helper e11).

Why: on news nobody tuned on, the events shown are right about 0.69 of the time (happened, type right, actors right)
and nothing the records keep (type, confidence, actors, status) separates right from wrong beyond the events'
transfer layer (NOTES.md, stop 34 e10). The parse around the trigger is evidence the records drop: a trigger that is
the clause's root with its source as subject and its target as object reads differently from a noun modifier deep in
a reported clause with its actors found far away. These features are computed from the Doc and the final event
(`parse_evidence`): the same function makes the rows a model is fitted on (benchmarks/event_parse_rows.py) and the
values scored at run time.

The list (PARSE_FEATURES) was fixed before any per-stop result was looked at (NOTES.md, stop 35 e11). Every value
lies in [0, 1] (counts and lengths through log1p, scaled). It lives in benchmarks/, not in the package: a model over
these features gained recall at unchanged precision, with calibration worse on most stops, and was not landed
(commit 90ce92f of branch e11 wired it into the pipeline); it stays as the benchmarks' measurement of the parse
(benchmarks/event_parse_rows.py, event_parse_fit.py).
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.event_features import passive
from newsgraph.records import Event

#: Dependency labels of a trigger heading a subordinate clause.
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj"})
#: Dependency labels of a trigger that modifies a noun ("peace talks", "the attack victims").
MODIFIER = frozenset({"amod", "compound", "nmod", "npadvmod"})
#: An actor that is the trigger's subject (or the agent of its passive).
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: An actor that is the trigger's object.
OBJECTS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
#: Auxiliaries of an act not (yet) done.
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can", "must", "shall"})
#: Entity types grouped as places.
GEO = frozenset({"country", "city", "place", "location", "gpe"})
#: Tree distance at which the path feature saturates.
PATH_CAP = 6
QUOTE_MARKS = ('"', "\u201c", "\u201d")

PARSE_FEATURES = (
    "trig_found", "trig_verb", "trig_root", "trig_clausal", "trig_conj", "trig_modifier", "passive", "negated",
    "modal", "under_speech", "in_quote", "trig_in_entity", "trig_title", "lex_types", "lex_first", "sent_events",
    "sent_len", "has_source", "src_arg", "src_path", "src_person", "src_org", "src_geo", "has_target", "tgt_arg",
    "tgt_path", "tgt_person", "tgt_org", "tgt_geo",
)


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    from newsgraph.annotate.lexicon import words

    return words("cues.tsv", "verb") | words("cues.tsv", "indirect")


def trigger_token(doc: Doc, ev: Event) -> Token | None:
    """The trigger's token: the first token of the event's sentence span spelled as its trigger, outside a direct
    quote (the finder skips the speaker's own words)."""
    quoted = [(q.start, q.end) for q in doc._.ng_quotes or [] if q.kind == "direct"]
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None or not ev.trigger:
        return None
    cands = [t for t in span if t.text == ev.trigger]
    free = [t for t in cands if not any(s <= t.idx < e for s, e in quoted)]
    return (free or cands or [None])[0]


def _actor_span(doc: Doc, ev: Event, name: str | None, trig: Token | None) -> Span | None:
    """The actor's words in the event's sentence nearest the trigger (None when its name is not written there)."""
    if not name:
        return None
    text = doc_text(doc)
    at, best = text.find(name, ev.start, ev.end), None
    while at >= 0:
        if best is None or trig is None or abs(at - trig.idx) < abs(best - trig.idx):
            best = at
        at = text.find(name, at + 1, ev.end)
    return None if best is None else doc.char_span(best, best + len(name), alignment_mode="expand")


def _path(a: Token, b: Token) -> int:
    """Dependency arcs between two tokens (through their lowest common ancestor)."""
    up = [a, *a.ancestors]
    pos = {t.i: k for k, t in enumerate(up)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in pos:
            return k + pos[t.i]
    return PATH_CAP


def _is_subject(head: Token, trig: Token) -> bool:
    if head.head.i == trig.i and head.dep_ in SUBJECTS:
        return True
    return head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.i == trig.i


def _is_object(head: Token, trig: Token) -> bool:
    if head.head.i == trig.i and head.dep_ in OBJECTS:
        return True
    return head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == trig.i


def _actor(doc: Doc, ev: Event, role: str, trig: Token | None, types: dict[str, str]) -> dict[str, float]:
    name = getattr(ev, f"{role}_name")
    ent = getattr(ev, role)
    typ = (types.get(ent) or "").lower() if ent else ""
    span = _actor_span(doc, ev, name, trig)
    arg = path = 0.0
    if span is not None and trig is not None:
        head = span.root
        arg = float(_is_subject(head, trig) if role == "source" else _is_object(head, trig))
        path = min(_path(head, trig), PATH_CAP) / PATH_CAP
    elif name:
        path = 1.0  # named but not found in the sentence: as far as it gets
    p = "src" if role == "source" else "tgt"
    return {f"has_{role}": float(bool(name)), f"{p}_arg": arg, f"{p}_path": path, f"{p}_person": float(typ == "person"),
            f"{p}_org": float(typ == "organisation"), f"{p}_geo": float(typ in GEO)}


def parse_evidence(doc: Doc, ev: Event, events: list[Event] | None = None,
                   types: dict[str, str] | None = None) -> dict[str, float]:
    """PARSE_FEATURES of one event of an annotated Doc (its events: `events`, default doc._.ng_events; its actors'
    entity types: `types`, entity id -> type, default those of doc._.ng_entities)."""
    from newsgraph.annotate.event_lexicon import lexicon

    events = list(doc._.ng_events or []) if events is None else events
    trig = trigger_token(doc, ev)
    types = {e.id: e.type for e in doc._.ng_entities or []} if types is None else types
    out = dict.fromkeys(PARSE_FEATURES, 0.0)
    same = sum(1 for e in events if e.start == ev.start and e.end == ev.end)
    out["sent_events"] = min(1.0, math.log1p(max(0, same - 1)) / 3)
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    out["sent_len"] = min(1.0, math.log1p(len(span) if span is not None else 0) / 5)
    out.update(_actor(doc, ev, "source", trig, types))
    out.update(_actor(doc, ev, "target", trig, types))
    if trig is None:
        return out
    kids = list(trig.children)
    verbs, nouns = lexicon()
    rows = (verbs if trig.pos_ in ("VERB", "AUX") else nouns).get(trig.lemma_.lower()) or []
    kinds = list(dict.fromkeys(r[0] for r in rows))
    text = doc_text(doc)
    before = text[trig.sent.start_char:trig.idx]
    out.update({
        "trig_found": 1.0,
        "trig_verb": float(trig.pos_ in ("VERB", "AUX")),
        "trig_root": float(trig.dep_ == "ROOT"),
        "trig_clausal": float(trig.dep_ in CLAUSAL),
        "trig_conj": float(trig.dep_ == "conj"),
        "trig_modifier": float(trig.dep_ in MODIFIER),
        "passive": float(passive(trig) or any(c.dep_ == "auxpass" for c in kids)),
        "negated": float(any(c.dep_ == "neg" for c in kids)),
        "modal": float(any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids)),
        "under_speech": float(any(a.lemma_.lower() in _speech_verbs() for a in trig.ancestors)),
        "in_quote": float(any(q.start <= trig.idx < q.end for q in doc._.ng_quotes or [])
                          or sum(before.count(m) for m in QUOTE_MARKS) % 2 == 1),
        "trig_in_entity": float(any(m.start <= trig.idx < m.end for e in doc._.ng_entities or [] for m in e.mentions)),
        "trig_title": float(trig.is_title and not trig.is_sent_start),
        "lex_types": min(1.0, math.log1p(max(0, len(kinds) - 1)) / 2),
        "lex_first": float(bool(kinds) and kinds[0] == ev.type),
    })
    return out


__all__ = ["PARSE_FEATURES", "parse_evidence", "trigger_token"]
