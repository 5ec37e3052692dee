"""`newsgraph_event_evidence`: whether each event happened (`status`) and how sure we are of its type and actors.

Runs after `newsgraph_events`. Why a component of its own: coding an event (trigger, type, actors) and judging the
evidence for it are two concerns; this one reads the parse and the typed entities the earlier components left,
and writes `status`, `confidence`, `type_confidence`, `source_confidence` and `target_confidence` on each event.

- status (annotate/factuality.py): negation, modality, conditionals, questions, future, intentions and calls to
  action read from the trigger's clause; an event dated after the article's own date is "future". PLOVER's own
  readings of intent stay events that happened when their statement did: "threatened to attack" is a THREATEN
  that happened, "X said it would free Y" an AGREE that happened; "Russia will attack" stated by the writer is a
  prediction ("future").
- actors: a person, organisation, country or named group scores high; a city or place (a venue, or a capital
  standing for its government) lower; a description with a named modifier ("Kenyan police") in between; a bare
  common noun low; a dateline ("LONDON (Reuters) -") is no actor.
- type: a verb trigger is surer than a noun; a hostile act whose target is no actor ("beat forecasts") or an act
  with no actor that is an entity or a name is doubtful (PLOVER types are acts between actors).
Raw scores are named weights below, then calibrated (annotate/calibration.py maps "event", "event_type",
"event_source", "event_target", fitted on the tuning part of the events set).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.annotate import calibration as cal
from newsgraph.annotate.dates import parse_anchor
from newsgraph.annotate.events import lexicon
from newsgraph.annotate.extensions import article_date, register_extensions
from newsgraph.annotate.factuality import ASSERTED, Factuality, factuality
from newsgraph.annotate.lexicon import sections, words
from newsgraph.records import Entity, Event

#: Raw actor scores by what the actor is.
ACTOR_SCORES = {
    "person": 0.9,
    "organisation": 0.9,
    "country": 0.9,
    "group": 0.85,
    "city": 0.6,
    "place": 0.45,
    "named": 0.7,  # a phrase with a proper noun or a nationality: "Kenyan police", "Sudan's army"
    "people": 0.55,  # a common noun for people: "protesters", "officials", "troops"
    "other": 0.2,  # a common noun for a thing: "forecasts", "the plan"
    "dateline": 0.05,
}
#: Raw type scores: by trigger form, raised when both actors are typed actors; lowered when an actor is a thing
#: (PLOVER types are acts between actors: "provided content", "offers cocktails", "beat forecasts", "the
#: unemployment rate beat ..."), when the act has no source, when no actor is an entity or a name, when the trigger
#: is used as a modifier ("an occupying power"), or when its lemma codes several types.
TYPE_BASE = {"verb": 0.7, "noun": 0.55}
BOTH_ACTORS_BONUS = 0.15
THING_ACTOR_PENALTY = 0.35
NO_SOURCE_PENALTY = 0.15
NO_NAMED_ACTOR_PENALTY = 0.2
MODIFIER_TRIGGER_PENALTY = 0.3
AMBIGUOUS_TRIGGER_PENALTY = 0.1
#: AGREE and REQUEST are about an act (PLOVER: agree/promise/offer to do, ask/urge/call on X to do): a verb trigger
#: with no act complement (an infinitive, a clause, "for"/"on" + noun) loses this much.
NO_ACT_PENALTY = 0.3
_ACT_TYPES = ("AGREE", "REQUEST")
#: The source of a passive trigger without an agent is its grammatical subject only by mistake ("X was arrested":
#: X is the target); such a source keeps this raw score.
PASSIVE_SUBJECT_SOURCE = 0.1
#: An actor named nowhere in the event's sentence (resolved from a pronoun or a role) or borrowed from the clause
#: around a noun trigger is less sure: its score is multiplied by this.
BORROWED_ACTOR_FACTOR = 0.7
#: An actor entity's score is scaled by how sure its type is (newsgraph_confidence), but not below this factor.
ENTITY_TYPE_FLOOR = 0.5
#: A target after a locative preposition is a place of the act, not its target: at most this.
LOCATIVE_TARGET = 0.2
_ACTOR_TYPES = ("person", "organisation", "country", "group")
_HOSTILE = "hostile"
_REPORTING_DEPS = ("ccomp", "parataxis")


class EventEvidence:
    """Set `status` and the confidences of every event of `doc._.ng_events`."""

    def __init__(self) -> None:
        self.verbs, self.nouns = lexicon()
        self.classes = {row[0]: row[1] for row in sections("plover.tsv").get("class", []) if len(row) > 1}
        self.reporting = words("plover.tsv", "reporting") | words("cues.tsv", "verb")
        self.people = _people_nouns()
        self.locative = words("plover.tsv", "locative") | {"across", "throughout", "around", "within"}

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        events: list[Event] = doc._.ng_events or []
        if not events:
            return doc
        anchor = parse_anchor(article_date(doc))
        ents = {e.id: e for e in doc._.ng_entities or []}
        for ev in events:
            tok = _trigger_token(doc, ev)
            ev.status = self.status(ev, tok, anchor)
            src = self.actor_score(doc, ev, ev.source, ev.source_name, ents)
            tgt = self.actor_score(doc, ev, ev.target, ev.target_name, ents)
            if src is not None and not _direct(doc, ev, tok, ev.source_name, ents.get(ev.source or ""), "source"):
                src *= BORROWED_ACTOR_FACTOR  # the subject of a clause above, a speaker, a fallback name
            if tgt is not None and not _direct(doc, ev, tok, ev.target_name, ents.get(ev.target or ""), "target"):
                tgt *= BORROWED_ACTOR_FACTOR
            # the type reads the actors as the verb relates them: a passive subject or a place is no actor of it
            type_src, type_tgt = src, tgt
            if src is not None and _passive(tok):
                src, type_src = PASSIVE_SUBJECT_SOURCE, None
            if tgt is not None and _after_locative(doc, ev, ents.get(ev.target or ""), ev.target_name, self.locative):
                tgt, type_tgt = min(tgt, LOCATIVE_TARGET), None
            type_raw = self.type_score(ev, tok, type_src, type_tgt)
            ev.type_confidence = cal.calibrate("event_type", type_raw)
            ev.source_confidence = cal.calibrate("event_source", src) if src is not None else None
            ev.target_confidence = cal.calibrate("event_target", tgt) if tgt is not None else None
            # the event as a whole: its type right with the actors it names (the weakest link)
            ev.confidence = cal.calibrate("event", min([type_raw] + [s for s in (src, tgt) if s is not None]))
        return doc

    # -- status -------------------------------------------------------------------------------------------------
    def status(self, ev: Event, tok: Token | None, anchor: dt.date | None) -> str:
        if tok is None or not tok.dep_:
            f = Factuality(ASSERTED)
        elif self._recoded(ev, tok):
            f = self._statement(tok)
        else:
            f = factuality(tok)
        if f.status == ASSERTED and ev.date and anchor is not None and len(ev.date) == 10 and ev.date > anchor.isoformat():
            return "future"
        return f.status

    def _recoded(self, ev: Event, tok: Token) -> bool:
        """The event finder coded the trigger's intent or refusal, not its act (THREATEN for "will attack", AGREE
        for "wants to help"): the type is not one the lexicon gives the trigger."""
        rows = self.verbs.get(tok.lemma_.lower(), []) if tok.pos_ == "VERB" else self.nouns.get(tok.lower_) or self.nouns.get(tok.lemma_.lower()) or []
        return bool(rows) and ev.type in ("THREATEN", "AGREE", "REJECT") and all(r[0] != ev.type for r in rows)

    def _statement(self, tok: Token) -> Factuality:
        """The factuality of the statement of intent: the intent verb's ("threatened to attack"), or the reporting
        verb's when a modal act is reported ("said it would free"); a writer's own "will attack" is a prediction."""
        if tok.dep_ == "xcomp" and tok.head is not tok:
            return factuality(tok.head)
        cur = tok
        for _ in range(3):
            if cur.dep_ in _REPORTING_DEPS and cur.head.lemma_.lower() in self.reporting:
                return factuality(cur.head)
            if cur.dep_ != "conj" or cur.head is cur:
                break
            cur = cur.head
        return factuality(tok)

    # -- actors -------------------------------------------------------------------------------------------------
    def actor_score(self, doc: Doc, ev: Event, ent_id: str | None, name: str | None, ents: dict[str, Entity]) -> float | None:
        if not ent_id and not name:
            return None
        ent = ents.get(ent_id or "")
        span = _phrase_span(doc, ev, name, ent)
        if span is not None and _dateline(doc, span):
            return ACTOR_SCORES["dateline"]
        if ent is not None:
            score = ACTOR_SCORES.get(ent.type, ACTOR_SCORES["named"])
            if ent.type_confidence is not None:
                score *= max(ent.type_confidence, ENTITY_TYPE_FLOOR)  # a product typed as an organisation is no actor
            if span is None:
                score *= BORROWED_ACTOR_FACTOR  # named nowhere in the sentence: a pronoun or a role resolved
            return score
        if span is None:
            return ACTOR_SCORES["other"]
        if any(t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or t.pos_ == "PROPN" for t in span):
            return ACTOR_SCORES["named"]
        head = span.root
        if head.lemma_.lower() in self.people or head.lower_ in self.people:
            return ACTOR_SCORES["people"]
        return ACTOR_SCORES["other"]

    # -- type ---------------------------------------------------------------------------------------------------
    def type_score(self, ev: Event, tok: Token | None, src: float | None, tgt: float | None) -> float:
        form = "verb" if tok is not None and tok.pos_ in ("VERB", "AUX") else "noun"
        score = TYPE_BASE[form]
        actors = [s for s in (src, tgt) if s is not None]
        if len(actors) == 2 and min(actors) >= ACTOR_SCORES["people"]:
            score += BOTH_ACTORS_BONUS
        if any(s <= ACTOR_SCORES["other"] for s in actors):
            score -= THING_ACTOR_PENALTY
        if src is None:
            score -= NO_SOURCE_PENALTY
        if not any(s >= ACTOR_SCORES["named"] for s in actors):
            score -= NO_NAMED_ACTOR_PENALTY
        if tok is not None and tok.dep_ in ("amod", "compound") and form == "verb":
            score -= MODIFIER_TRIGGER_PENALTY
        if tok is not None and len({r[0] for r in self.verbs.get(tok.lemma_.lower(), [])}) > 1:
            score -= AMBIGUOUS_TRIGGER_PENALTY
        if ev.type in _ACT_TYPES and tok is not None and form == "verb" and not _act_complement(tok):
            score -= NO_ACT_PENALTY  # "offers a menu", "asked about Starmer": no act agreed to or requested
        return min(1.0, max(0.0, score))


def _passive(tok: Token | None) -> bool:
    """The trigger is passive without an agent ("X was arrested", "were also wounded"), itself or as a verb
    coordinated with a passive one: its grammatical subject is the one acted on, so no source is known."""
    if tok is None or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if any(c.dep_ == "agent" for c in kids):
        return False
    if any(c.dep_ == "auxpass" for c in kids):
        return True
    return tok.tag_ == "VBN" and tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "aux") for c in kids) and any(
        c.dep_ == "auxpass" for c in tok.head.children
    )


def _act_complement(tok: Token) -> bool:
    """The verb names an act it agrees to or requests: an xcomp/ccomp ("pledged to comply", "urged X to fire",
    "pledged that ..."), a "for"/"on" phrase ("called for talks", "called on X to"), or an object that is itself an
    act (a noun with a verb-like complement: "a request to the court to give")."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("for", "on") and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return True
        if c.dep_ in ("dobj", "obj") and any(g.dep_ in ("acl", "relcl", "xcomp") and g.pos_ == "VERB" for g in c.children):
            return True
    return False


_NAME_MODIFIERS = ("compound", "poss", "amod", "nmod", "flat")


def _direct(doc: Doc, ev: Event, tok: Token | None, name: str | None, ent: Entity | None, role: str) -> bool:
    """The actor is a direct argument of the trigger: its subject (or agent) for the source, its object or the
    object of one of its prepositions for the target. Otherwise it was borrowed from a clause around it."""
    if tok is None:
        return False
    span = _phrase_span(doc, ev, name, ent)
    if span is None:
        return False
    if role == "source":
        args = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "poss")]
        args += [g for c in tok.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for g in c.children]
    else:
        args = [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative", "nsubjpass")]
        # a joint act of coordinated subjects ("A and B signed an agreement"): B is A's partner
        args += [g for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for g in c.children if g.dep_ == "conj"]
        args += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ in ("pobj", "pcomp")]
    if tok.dep_ == "acl" and role == "target":
        args.append(tok.head)
    if tok.dep_ == "relcl" and role == "source":
        args.append(tok.head)
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head is not root:
        root = root.head  # "met A and B", "the minister, Anna Berg"
    if any(root.i == a.i for a in args):
        return True
    # the actor names the argument's owner or modifier ("Russia's army", "Labour peer"), not a noun deeper inside
    # it ("one of Finland's shelters", "on the eve of his election to Congress")
    return root.dep_ in _NAME_MODIFIERS and any(root.head.i == a.i for a in args)


def _after_locative(doc: Doc, ev: Event, ent: Entity | None, name: str | None, locative: frozenset[str]) -> bool:
    """The target stands after a locative preposition ("hate crimes across the UK", "areas between Thailand and
    Myanmar"): where the act happened, not whom it was done to."""
    span = _phrase_span(doc, ev, name, ent)
    if span is None:
        return False
    for anc in [span.root, *span.root.ancestors][:4]:
        if anc.dep_ == "prep":
            return anc.lower_ in locative or anc.lower_ == "between" and anc.head.pos_ in ("NOUN", "PROPN") and anc.head.lower_ in ("areas", "border", "borders", "region", "regions")
        if anc.pos_ == "VERB":
            return False
    return False


def _people_nouns() -> frozenset[str]:
    """Common nouns that name people or groups of people (roles, the units of counted facts, groups)."""
    out = set(words("cues.tsv", "role")) | set(words("facts.tsv", "unit")) | set(words("event_actors.tsv", "people"))
    return frozenset(w for w in out if " " not in w)


def _trigger_token(doc: Doc, ev: Event) -> Token | None:
    """The trigger of `ev`: the token of its sentence with the trigger's text (the first such, the event finder
    codes one trigger per token)."""
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None or not ev.trigger:
        return None
    return next((t for t in span if t.text == ev.trigger), None)


def _phrase_span(doc: Doc, ev: Event, name: str | None, ent: Entity | None):
    """Where the actor stands in the event's sentence: a mention of its entity there, else its phrase."""
    if ent is not None:
        for m in ent.mentions:
            if ev.start <= m.start < ev.end:
                return doc.char_span(m.start, m.end, alignment_mode="expand")
    if name:
        i = doc.text.find(name, ev.start, ev.end)
        if i >= 0:
            return doc.char_span(i, i + len(name), alignment_mode="expand")
    return None


_DATELINE_AFTER = re.compile(r"^[\s,]*(?:\([^)\n]{1,40}\)\s*)?(?:[-\u2013\u2014:]|\(\w)")


def _dateline(doc: Doc, span) -> bool:
    """The actor opens its paragraph and is followed by a dateline mark ("LONDON (Reuters) -", "PARIS -")."""
    text = doc.text
    p0 = text.rfind("\n", 0, span.start_char) + 1
    if text[p0 : span.start_char].strip():
        return False
    return bool(_DATELINE_AFTER.match(text[span.end_char : span.end_char + 40]))


@Language.factory("newsgraph_event_evidence", requires=["doc._.ng_events"], assigns=["doc._.ng_events"])
def make_event_evidence(nlp: Language, name: str) -> EventEvidence:
    return EventEvidence()


__all__ = ["ACTOR_SCORES", "EventEvidence"]
