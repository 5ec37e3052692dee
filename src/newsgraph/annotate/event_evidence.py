"""`newsgraph_event_evidence`: whether each event happened (`status`) and how sure we are of its type and actors.

Runs after `newsgraph_events`. Why a component of its own: coding an event (trigger, type, actors) and judging the
evidence for it are two concerns; this one reads the parse and the typed entities the earlier components left,
and writes `status`, `confidence`, `type_confidence`, `source_confidence` and `target_confidence` on each event.

- status (annotate/factuality.py): negation, modality, conditionals, questions, future, intentions and calls to
  action read from the trigger's clause; an event dated after the article's own date is "future". PLOVER's own
  readings of intent stay events that happened when their statement did: "threatened to attack" is a THREATEN
  that happened, "X said it would free Y" an AGREE that happened; "Peru will attack" stated by the writer is a
  prediction ("future").
- actors: a person, organisation, country or named group scores high; a city or place (a venue, or a capital
  standing for its government) lower; a description with a named modifier ("Kenyan police") in between; a bare
  common noun low; a dateline ("LONDON (Reuters) -") is no actor.
- type: a verb trigger is surer than a noun; a hostile act whose target is no actor ("beat forecasts") or an act
  with no actor that is an entity or a name is doubtful (PLOVER types are acts between actors).
- register (annotate/event_register.py): what kind of text the event stands in, political reportage or web copy
  (past-tense narration, the reader addressed, countries named, quotes attributed, acts between named actors).
Raw scores are named weights below, then calibrated (annotate/calibration.py maps "event", "event_type",
"event_source", "event_target", fitted on the tuning part of the events set).
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.annotate import calibration as cal
from newsgraph.annotate.dates import parse_anchor
from newsgraph.annotate.event_features import (
    ACTOR_SCORES,
    ARREST_MODE,
    BORROWED_ACTOR_FACTOR,
    LEGAL_TYPES,
    LOCATIVE_TARGET,
    PASSIVE_SUBJECT_SOURCE,
    PLOVER_TYPES,
    act_complement,
    actor,
    after_locative,
    clause_features,
    direct,
    passive,
    people_nouns,
    phrase_span,
    trigger_token,
)
from newsgraph.annotate.event_register import Register
from newsgraph.annotate.event_transfer import EventConfidence
from newsgraph.annotate.event_transfer import actor as transfer_actor
from newsgraph.annotate.event_transfer import event as transfer_event
from newsgraph.annotate.events import lexicon
from newsgraph.annotate.extensions import article_date, register_extensions
from newsgraph.annotate.factuality import ASSERTED, Factuality, factuality
from newsgraph.annotate.lexicon import sections, words
from newsgraph.knobs import config_of, from_config
from newsgraph.records import Entity, Event

#: Where the component leaves each event's features (doc.user_data, keyed by id of the event) for the fitting
#: script (benchmarks/fit_events.py) to read exactly what ran.
FEATURES_KEY = "ng_event_features"

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
_HOSTILE = "hostile"
_REPORTING_DEPS = ("ccomp", "parataxis")


class EventEvidence:
    """Set `status` and the confidences of every event of `doc._.ng_events`."""

    def __init__(self, confidence: EventConfidence | None = None) -> None:
        self.confidence = confidence or EventConfidence()  # the transfer layer on or off (event_transfer.py)
        self.verbs, self.nouns = lexicon()
        self.classes = {row[0]: row[1] for row in sections("plover.tsv").get("class", []) if len(row) > 1}
        self.reporting = words("plover.tsv", "reporting") | words("cues.tsv", "verb")
        self.people = people_nouns()
        self.people_suffixes = tuple(words("plover.tsv", "people_suffix"))
        self.locative = words("plover.tsv", "locative") | {"across", "throughout", "around", "within"}

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        events: list[Event] = doc._.ng_events or []
        if not events:
            return doc
        anchor = parse_anchor(article_date(doc))
        ents = {e.id: e for e in doc._.ng_entities or []}
        kept: dict[int, dict[str, dict[str, float]]] = doc.user_data.setdefault(FEATURES_KEY, {})
        register = Register(doc)
        for ev in events:
            tok = trigger_token(doc, ev)
            ev.status = self.status(ev, tok, anchor)
            feats = self.features(doc, ev, tok, ents)
            feats["event"].update(register.features(ev))
            feats["event"].update(self.kind_features(ev, feats, ents))
            kept[id(ev)] = feats
            ev.type_confidence = cal.calibrate("event_type", feats["event"]["type_raw"])
            # P(the event happened as stated and its type is right): a fitted model over the event's evidence;
            # an unsure actor lowers its own confidence (and is nulled where shown), not the event's
            # then the transfer layer (event_transfer.py), fitted on news nobody had tuned on, as the last step
            on = self.confidence.transfer
            ev.confidence = transfer_event(_fitted("event", feats["event"], feats["event"]["type_raw"]), on)
            for role in ("source", "target"):
                f = feats.get(role)
                conf = _fitted(f"event_{role}", f, f["score"]) if f is not None else None
                setattr(ev, f"{role}_confidence", transfer_actor(conf, ev.confidence, on))
        return doc

    def features(self, doc: Doc, ev: Event, tok: Token | None, ents: dict[str, Entity]) -> dict[str, dict[str, float]]:
        """The typed evidence of `ev` (annotate/event_features.py): {"event": ..., "source": ..., "target": ...}
        (an actor's entry only when the event has that actor)."""
        src = actor(doc, ev, ev.source, ev.source_name, ents, self.people)
        tgt = actor(doc, ev, ev.target, ev.target_name, ents, self.people)
        for a, role, name, ent_id in ((src, "source", ev.source_name, ev.source), (tgt, "target", ev.target_name, ev.target)):
            if a is None:
                continue
            a.direct = direct(doc, ev, tok, name, ents.get(ent_id or ""), role)
            if not a.direct:
                a.score *= BORROWED_ACTOR_FACTOR  # the subject of a clause above, a speaker, a fallback name
        # the type reads the actors as the verb relates them: a passive subject or a place is no actor of it
        type_src = src.score if src is not None else None
        type_tgt = tgt.score if tgt is not None else None
        if src is not None and passive(tok):
            src.passive_subject, src.score, type_src = True, PASSIVE_SUBJECT_SOURCE, None
        if tgt is not None and after_locative(doc, ev, ents.get(ev.target or ""), ev.target_name, self.locative):
            tgt.locative, tgt.score, type_tgt = True, min(tgt.score, LOCATIVE_TARGET), None
        actors = [s for s in (type_src, type_tgt) if s is not None]
        rows = self.verbs.get(tok.lemma_.lower(), []) if tok is not None else []
        event = {
            **clause_features(tok, self.reporting),
            "ambiguous": float(len({r[0] for r in rows}) > 1),
            "no_act": float(self._no_act(ev, tok)),
            "recoded": float(tok is not None and self._recoded(ev, tok)),
            "source": type_src or 0.0,
            "target": type_tgt or 0.0,
            "both_typed": float(len(actors) == 2 and min(actors) >= ACTOR_SCORES["people"]),
            "thing_actor": float(any(s <= ACTOR_SCORES["other"] for s in actors)),
            "named_actor": float(any(s >= ACTOR_SCORES["named"] for s in actors)),
            "locative_target": float(tgt is not None and tgt.locative),
            "type_raw": self.type_score(ev, tok, type_src, type_tgt),
        }
        out = {"event": event}
        for a, role, name, ent_id in ((src, "source", ev.source_name, ev.source), (tgt, "target", ev.target_name, ev.target)):
            if a is not None:
                ent = ents.get(ent_id or "")
                out[role] = {**a.features(), "head_thing": float(self._head_thing(doc, ev, name, ent)),
                             "home_of_person": float(self._home_of_person(doc, ev, name, ent)),
                             # a passive names the one acted on as its subject: another target ("sentenced in
                             # Georgia", "charged with DUI, spokesman X said") is borrowed from elsewhere
                             "passive_indirect": float(passive(tok) and not a.direct)}
        return out

    def _head_thing(self, doc: Doc, ev: Event, name: str | None, ent: Entity | None) -> bool:
        """The actor's phrase is headed by a common noun for a thing, a name only modifying it ("European resort
        prices", "weaker Wall Street regulations", "the north side of 2000N."): no actor, whatever its name."""
        span = phrase_span(doc, ev, name, ent)
        if span is None:
            return False
        root = span.root
        return root.pos_ == "NOUN" and not self._people(root)

    def _home_of_person(self, doc: Doc, ev: Event, name: str | None, ent: Entity | None) -> bool:
        """The actor's name only says where a person comes from or works: a name compounded with a people noun that
        an indefinite article or a number introduces ("a Paris man was arrested", "two London residents", "a
        Google engineer"); the actor is that person, not the place or the firm. A definite or bare group keeps the
        name's institution ("Danbury police", "the Lebanon police"); a nationality adjective ("an Israeli
        soldier") is no compound and stands for its country."""
        span = phrase_span(doc, ev, name, ent)
        if span is None:
            return False
        root, head = span.root, span.root.head
        if root.dep_ != "compound" or head is root or head.i in range(span.start, span.end) or not self._people(head):
            return False
        return any((c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "nummod" for c in head.children)

    def _people(self, tok: Token) -> bool:
        """A common noun for people: the people nouns, or a people ending ("-er", "-ist", ...)."""
        low = tok.lower_
        return low in self.people or tok.lemma_.lower() in self.people or len(low) > 4 and low.endswith(self.people_suffixes)

    def kind_features(self, ev: Event, feats: dict[str, dict[str, float]], ents: dict[str, Entity]) -> dict[str, float]:
        """What kind of act and actors the event is: its PLOVER type (one flag per type: how often a coded ASSAULT
        is one differs from a coded AGREE), an agentless passive of a legal act ("was arrested": no source by the
        report's form), an arrest with its author named, an actor that is a country, an actor that is a person with a role ("the foreign minister",
        "President X")."""
        out = {f"type_{t}": float(ev.type == t) for t in PLOVER_TYPES}  # every flag: none missing at scoring
        out[f"type_{ev.type}"] = 1.0
        out["passive_legal"] = float(bool(feats["event"]["passive"]) and ev.type in LEGAL_TYPES)
        # "Police arrested X", "a judge sentenced X": an arrest verb with its author named (scored about 0.5 without
        # this flag while nearly all such events judged are right, stop 24)
        out["arrest_author"] = float(bool(feats["event"]["verb"]) and not feats["event"]["passive"] and ev.type == "COERCE"
                                     and ev.mode == ARREST_MODE and bool(ev.source or ev.source_name))
        out["actor_country"] = float(any(feats.get(r, {}).get("kind_country") for r in ("source", "target")))
        out["actor_role"] = float(any((e := ents.get(i or "")) is not None and e.type == "person" and bool(e.roles)
                                      for i in (ev.source, ev.target)))
        return out

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
        if self._no_act(ev, tok):
            score -= NO_ACT_PENALTY  # "offers a menu", "asked about Starmer": no act agreed to or requested
        return min(1.0, max(0.0, score))

    @staticmethod
    def _no_act(ev: Event, tok: Token | None) -> bool:
        """An AGREE or REQUEST verb with no act agreed to or requested ("offers a menu", "asked about X")."""
        return ev.type in _ACT_TYPES and tok is not None and tok.pos_ in ("VERB", "AUX") and not act_complement(tok)


def _fitted(kind: str, feats: dict[str, float], fallback: float) -> float:
    """The calibrated probability of a fitted kind: its logistic model over `feats` (annotate/calibration.py), then
    its isotonic map; without a model, the hand-weighted raw score `fallback` through the map."""
    p = cal.logistic(kind, feats)
    return cal.calibrate(kind, fallback if p is None else p)


@Language.factory("newsgraph_event_evidence", requires=["doc._.ng_events"], assigns=["doc._.ng_events"],
                  default_config={"confidence": config_of(EventConfidence)})
def make_event_evidence(nlp: Language, name: str, confidence: dict) -> EventEvidence:
    return EventEvidence(from_config(EventConfidence, confidence))


__all__ = ["ACTOR_SCORES", "FEATURES_KEY", "EventConfidence", "EventEvidence"]
