"""Named parties a request leaves out: the one asked, and a paper's author (stop 41, helper e25).

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

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.resolve import Actor, resolve_token

#: Entity types that author a paper.
AUTHORS = ("organisation", "person", "country", "group")


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
    return Actor(None, doc_text(doc)[start : ent.end_char], start, ent.end_char)


def addressees(doc: Doc, verb: Token, targets: list[Actor]) -> list[Actor]:
    """The proper-noun direct objects of `verb` that an infinitive tells to act: the ones asked, kept whatever their
    head noun (also one the target rules read as the act a joint noun names: "asked the X Agreement to act"), under
    their whole name. A call with no target for a change in how a party does something names that party."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    if not _told_to_act(verb):
        return [] if targets else _conduct_party(doc, verb)
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.pos_ == "PROPN"]
    return [_whole_name(doc, o, resolve_token(doc, o, [])) for o in objs]


def _conduct_party(doc: Doc, verb: Token) -> list[Actor]:
    """ "called for overhauls in how X manages its farms", "pressed for changes to how X runs its ports": the
    subject of the "how" clause inside the thing called for is the one asked to change its conduct (H56-C)."""
    out = []
    for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
        for noun in (o for o in p.children if o.dep_ == "pobj"):
            for q in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "of")):
                for clause in (o for o in q.children if o.dep_ == "pcomp" and o.pos_ == "VERB"):
                    if any(m.lower_ == "how" for m in clause.children if m.dep_ == "advmod"):
                        subjects = [resolve_token(doc, c, []) for c in clause.children if c.dep_ == "nsubj"]
                        out += [a for a in subjects if a.entity is not None and a.entity.type in AUTHORS]
    return out


def _author(doc: Doc, paper: Token) -> Actor | None:
    """The author named with the paper `paper`: its possessor ("X's report", "said in its review" with "its" for X),
    its "by" object ("a study by X") or the subject of the verb it hangs on by "in" ("X said in a review")."""
    cands = [c for c in paper.children if c.dep_ == "poss"]
    cands += [o for c in paper.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    if paper.dep_ == "pobj" and paper.head.lower_ == "in" and paper.head.head.pos_ == "VERB":
        cands += [c for c in paper.head.head.children if c.dep_ == "nsubj"]
    for c in cands:
        a = resolve_token(doc, c, [])
        if a.entity is not None and a.entity.type in AUTHORS:
            return Actor(a.entity, a.entity.name, c.idx, c.idx + len(c.text))
    return None


def paper_author(doc: Doc, verb: Token, sources: list[Actor]) -> list[Actor]:
    """A definite paper as the subject ("The report urged X to ...", no author of its own in the phrase) acts for
    the author the article names with the nearest paper before it (plover.tsv [paper]: "X said in its annual
    review ..."); a paper nobody is named to have written stays as it was (no source, by the document check)."""
    papers = words("plover.tsv", "paper")
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(sources) > 1 or any(a.entity is not None for a in sources) or len(subj) != 1:  # dropped as a document, or kept
        return sources
    noun = subj[0]
    if noun.lemma_.lower() not in papers or not any(c.lower_ in ("the", "this") for c in noun.lefts) or any(
            c.dep_ in ("poss", "prep", "compound") for c in noun.children):
        return sources
    for t in reversed(doc[: noun.i]):
        if t.pos_ == "NOUN" and t.lemma_.lower() in papers and (a := _author(doc, t)) is not None:
            return [a]
    return sources
