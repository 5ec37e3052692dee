"""The one asked to act is a party, whatever its name's head noun (stop 41, helper e25).

"X asked the General Agreement on Tariffs and Trade to investigate ...": the object of an asking verb that an
infinitive of the same verb tells to act is the addressee the request is put to (H56-C: a named addressee left out
is a wrong target). The tagger may type such a body's name as a law or a work ("Agreement", "Convention", "Accord")
and the target rules read it as the act a joint noun names, or the law check (`event_actor_kinds.law`: "charged
for violation of the X Code") drops it;
a law is never told to act, so an object with its own infinitive is kept, under the whole name the tagger spans
(the bare phrase stops at the name's first preposition: "the General Agreement").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.resolve import Actor, resolve_token


def _told_to_act(verb: Token) -> bool:
    """The verb has an infinitive complement with "to" ("asked X to investigate", "urged X to act")."""
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in verb.children)


def _whole_name(doc: Doc, root: Token, a: Actor) -> Actor:
    """The tagger's name span around `root` when it reaches past the phrase ("the General Agreement on Tariffs and
    Trade"), else `a` as it is."""
    ent = next((e for e in doc.ents if e.start <= root.i < e.end), None)
    if a.entity is not None or ent is None or ent.end_char <= a.end or ent.label_ not in ("LAW", "WORK_OF_ART", "ORG"):
        return a
    start = min(a.start, ent.start_char)
    return Actor(None, doc.text[start : ent.end_char], start, ent.end_char)


def addressees(doc: Doc, verb: Token) -> list[Actor]:
    """The proper-noun direct objects of `verb` that an infinitive tells to act: the ones asked, kept whatever their
    head noun (also one the target rules read as the act a joint noun names: "asked the X Agreement to act"), under
    their whole name."""
    if verb.pos_ not in ("VERB", "AUX") or not _told_to_act(verb):
        return []
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ == "PROPN"]
    return [_whole_name(doc, o, resolve_token(doc, o, [])) for o in objs]
