"""The typed evidence of an event: what its trigger, its clause and its actors are, as named features.

Why a module of its own: the event's confidences (annotate/event_evidence.py) are fitted models over these features
(annotate/calibration.py `logistic`, then an isotonic map), and the fitting script (benchmarks/fit_events.py) reads
the same features, so what is fitted is exactly what runs. Every feature is syntax or typed evidence that transfers
to text nobody tuned on (the form and voice of the trigger, where its clause stands, whether each actor is a direct
argument and what kind of thing it is); none is a word of a development set.

Features of the event (`event_features`), each 0/1 unless noted:
- verb: the trigger is a verb (a noun trigger, "talks", "the attack", is a weaker statement of an act);
- passive: a passive trigger without an agent (its subject is the one acted on);
- modifier: a verb trigger used as a modifier ("an occupying power");
- ambiguous: the trigger's lemma codes more than one PLOVER type;
- no_act: an AGREE/REQUEST verb with no act agreed to or requested ("offers a menu");
- recoded: the event finder coded the trigger's intent (THREATEN for "will attack") rather than its act;
- reported: the trigger stands in a clause reported by a speech verb ("X said Y attacked Z");
- subordinate: the trigger heads a relative, adverbial or participial clause, or is a noun inside a phrase;
- main: the trigger is its sentence's root (or coordinated with it);
- past: a past-tense or perfect verb trigger; generic: a simple-present verb trigger (a standing state or a habit,
  "Coinbase offers", not an episode); speech_act_persons: the writer or the reader is an argument of the verb
  ("we provide", "helps you");
- source / target: the actor's raw score (0 when there is none; see `actor_features`);
- both_typed: both actors are people, organisations, countries or named groups;
- thing_actor: an actor is a common noun for a thing ("beat forecasts");
- named_actor: some actor is an entity or a name;
- locative_target: the target stands after a locative preposition (a place, not whom the act was done to);
- passive_legal: an agentless passive trigger of a legal or coercive act (LEGAL_TYPES: "was arrested", "is charged");
- arrest_author: an active arrest, detention or sentence (ARREST_MODE) with a source ("Police arrested X");
- type_<TYPE>: one flag per PLOVER type (PLOVER_TYPES), every flag present.
Features of an actor (`actor_features`): its kind (one flag per kind of ACTOR_KINDS), whether it is a direct
argument of the trigger, named in the event's sentence, the type confidence of its entity, a dateline, a passive
subject taken as source, a target after a locative preposition; and (event_evidence.py) a head that is a thing, a
place naming where a person is from, and `passive_indirect`: the trigger is an agentless passive and the actor is
not its direct argument (the target of "X was sentenced in Georgia" is X, not Georgia).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.annotate.demonyms import country_of
from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.event_actor_phrases import names
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.resolve import role_nouns
from newsgraph.records import Entity, Event

#: What an actor can be, with the raw score each kind gets when no fitted model is in place.
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
ACTOR_KINDS = tuple(ACTOR_SCORES)
#: The legal and coercive acts the state does to a person (arrests, detentions, sentences; charges, indictments,
#: investigations). Reported as an agentless passive ("X was arrested", "X is charged with theft"), the one acted on
#: is the subject and the actor is the police or the court by convention, so the missing source is the report's
#: form, not a doubt about the act: `passive_legal` marks it (right 55 of 58 on the tune parts, stop 23).
LEGAL_TYPES = ("COERCE", "ACCUSE")
#: The lexicon mode (data/plover.tsv) of arrests, detentions, jailings and sentences: with its author named ("Police
#: arrested X") such an act is as sure as its agentless passive (`arrest_author`).
ARREST_MODE = "arrest"
#: The 16 event types of PLOVER 2021. The event's type is one flag per type (`type_<TYPE>`), every flag present (0
#: for the other types): the fit (benchmarks/calibration.py) reads a flag an item lacks as 0 while the scorer
#: (annotate/calibration.py `logistic`) gives it its tuning mean, so a flag left out would be scored with another
#: offset than it was fitted with.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
#: An actor entity's score is scaled by how sure its type is (newsgraph_confidence), but not below this factor.
ENTITY_TYPE_FLOOR = 0.5
#: An actor named nowhere in the event's sentence (resolved from a pronoun or a role) or borrowed from the clause
#: around a noun trigger is less sure: its score is multiplied by this.
BORROWED_ACTOR_FACTOR = 0.7
#: The source of a passive trigger without an agent is its grammatical subject only by mistake ("X was arrested":
#: X is the target); such a source keeps this raw score.
PASSIVE_SUBJECT_SOURCE = 0.1
#: A target after a locative preposition is a place of the act, not its target: at most this.
LOCATIVE_TARGET = 0.2
_TYPED = ("person", "organisation", "country", "group")
_SUBORDINATE = ("relcl", "advcl", "acl", "pcomp", "pobj", "dobj", "nsubj", "nsubjpass", "compound", "amod", "appos")


@dataclass
class Actor:
    """What one actor of an event is: its kind, and how it stands to the trigger."""

    kind: str
    score: float  # the raw score (ACTOR_SCORES scaled by the evidence below)
    direct: bool  # a direct argument of the trigger (subject/agent; object/prepositional object)
    in_sentence: bool  # named in the event's sentence (else a pronoun or a role resolved)
    type_confidence: float  # its entity's type confidence (1.0 for a phrase that is no entity)
    passive_subject: bool = False
    locative: bool = False

    def features(self) -> dict[str, float]:
        out = {f"kind_{k}": float(self.kind == k) for k in ACTOR_KINDS}
        out.update(score=self.score, direct=float(self.direct), in_sentence=float(self.in_sentence),
                   type_confidence=self.type_confidence, passive_subject=float(self.passive_subject),
                   locative=float(self.locative))
        return out


def actor(doc: Doc, ev: Event, ent_id: str | None, name: str | None, ents: dict[str, Entity],
          people: frozenset[str]) -> Actor | None:
    """The kind and raw score of one actor (None when the event has no such actor)."""
    if not ent_id and not name:
        return None
    ent = ents.get(ent_id or "")
    span = phrase_span(doc, ev, name, ent)
    if span is not None and dateline(doc, span):
        return Actor("dateline", ACTOR_SCORES["dateline"], False, True, 1.0)
    if ent is not None:
        kind = ent.type if ent.type in ACTOR_SCORES else "named"
        tc = ent.type_confidence if ent.type_confidence is not None else 1.0
        score = ACTOR_SCORES[kind] * max(tc, ENTITY_TYPE_FLOOR)  # a product typed as an organisation is no actor
        if span is None:
            score *= BORROWED_ACTOR_FACTOR  # named nowhere in the sentence: a pronoun or a role resolved
        return Actor(kind, score, False, span is not None, tc)
    if span is None:
        return Actor("other", ACTOR_SCORES["other"], False, False, 1.0)
    if demonym_of(span, name):
        return Actor("country", ACTOR_SCORES["country"], False, True, 1.0)  # "Indian strikes": India
    titles = role_nouns()
    if any(names(t, titles) for t in span):
        kind = "named"
    elif span.root.lemma_.lower() in people or span.root.lower_ in people or span.root.lower_ in titles:
        kind = "people"  # "protesters"; a title alone is a person the text did not name ("the General", "the Minister")
    else:
        kind = "other"
    return Actor(kind, ACTOR_SCORES[kind], False, True, 1.0)


def clause_features(tok: Token | None, reporting: frozenset[str]) -> dict[str, float]:
    """Where the trigger stands in its sentence: its form, its voice, its clause, its tense and its persons."""
    if tok is None:
        return {"verb": 0.0, "passive": 0.0, "modifier": 0.0, "reported": 0.0, "subordinate": 1.0, "main": 0.0,
                "past": 0.0, "generic": 0.0, "speech_act_persons": 0.0}
    verb = tok.pos_ in ("VERB", "AUX")
    main = tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")
    return {
        "verb": float(verb),
        "passive": float(passive(tok)),
        "modifier": float(verb and tok.dep_ in ("amod", "compound")),
        "reported": float(reported(tok, reporting)),
        "subordinate": float(tok.dep_ in _SUBORDINATE),
        "main": float(main),
        "past": float(verb and past(tok)),
        "generic": float(verb and tok.tag_ in _PRESENT_SIMPLE),
        "speech_act_persons": float(verb and any(c.dep_ in _PERSON_ARGS and c.lower_ in _SPEECH_ACT_PRONOUNS
                                                 for c in tok.children)),
    }


#: Present-tense finite verbs: a simple present states what is generally or habitually so ("Coinbase offers FDIC
#: insurance", "Python supports modules"), not an episode; news reports its events in the past or the perfect.
_PRESENT_SIMPLE = ("VBZ", "VBP")
#: The writer and the reader as an argument of the trigger ("we provide", "helps you build"): the voice of product
#: copy, manuals and blogs, where the reported acts of third parties that PLOVER codes are rare.
_SPEECH_ACT_PRONOUNS = ("i", "we", "you", "us", "me")
_PERSON_ARGS = ("nsubj", "nsubjpass", "dobj", "dative")


def past(tok: Token) -> bool:
    """The trigger is a past or a perfect: a past-tense verb, or a participle with a past or perfect auxiliary
    ("was arrested", "has signed", "had met")."""
    if tok.tag_ == "VBD":
        return True
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    return tok.tag_ == "VBN" and any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes)


def reported(tok: Token, reporting: frozenset[str], depth: int = 4) -> bool:
    """The trigger stands in a clause a speech verb reports ("X said Y attacked Z", "X claimed that ...")."""
    cur = tok
    for _ in range(depth):
        if cur.head is cur:
            return False
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in reporting:
            return True
        cur = cur.head
    return False


def passive(tok: Token | None) -> bool:
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


def act_complement(tok: Token) -> bool:
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


def direct(doc: Doc, ev: Event, tok: Token | None, name: str | None, ent: Entity | None, role: str) -> bool:
    """The actor is a direct argument of the trigger: its subject (or agent) for the source, its object or the
    object of one of its prepositions for the target. Otherwise it was borrowed from a clause around it."""
    if tok is None:
        return False
    span = phrase_span(doc, ev, name, ent)
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
    # the actor names the argument's owner or modifier ("Peru's army", "Labour peer"), not a noun deeper inside
    # it ("one of Finland's shelters", "on the eve of his election to Congress")
    return root.dep_ in _NAME_MODIFIERS and any(root.head.i == a.i for a in args)


def after_locative(doc: Doc, ev: Event, ent: Entity | None, name: str | None, locative: frozenset[str]) -> bool:
    """The target stands after a locative preposition ("hate crimes across the UK", "areas between Thailand and
    Myanmar"): where the act happened, not whom it was done to."""
    span = phrase_span(doc, ev, name, ent)
    if span is None:
        return False
    for anc in [span.root, *span.root.ancestors][:4]:
        if anc.dep_ == "prep":
            return anc.lower_ in locative or anc.lower_ == "between" and anc.head.pos_ in ("NOUN", "PROPN") and anc.head.lower_ in ("areas", "border", "borders", "region", "regions")
        if anc.pos_ == "VERB":
            return False
    return False


def people_nouns() -> frozenset[str]:
    """Common nouns that name people or groups of people (roles, the units of counted facts, groups)."""
    out = set(words("cues.tsv", "role")) | set(words("facts.tsv", "unit")) | set(words("event_actors.tsv", "people"))
    return frozenset(w for w in out if " " not in w)


def trigger_token(doc: Doc, ev: Event) -> Token | None:
    """The trigger of `ev`: the token of its sentence with the trigger's text (the first such, the event finder
    codes one trigger per token)."""
    span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None or not ev.trigger:
        return None
    return next((t for t in span if t.text == ev.trigger), None)


def phrase_span(doc: Doc, ev: Event, name: str | None, ent: Entity | None):
    """Where the actor stands in the event's sentence: a mention of its entity there, else its phrase."""
    if ent is not None:
        for m in ent.mentions:
            if ev.start <= m.start < ev.end:
                return doc.char_span(m.start, m.end, alignment_mode="expand")
    if name:
        i = doc_text(doc).find(name, ev.start, ev.end)
        if i >= 0:
            return doc.char_span(i, i + len(name), alignment_mode="expand")
        sent = doc.char_span(ev.start, ev.end, alignment_mode="expand")
        for t in sent if sent is not None else []:
            if t.ent_type_ == "NORP" and demonym_of(t, name):
                return doc[t.i : t.i + 1]  # a country named only by its nationality adjective
    return None


def demonym_of(span, name: str | None) -> bool:
    """`span` (a token or a one-token span) is a nationality adjective of the country `name`."""
    text = span.text
    if not name or " " in text or not text[:1].isupper():
        return False
    place = country_of(text)
    return place is not None and place.name == name


_DATELINE_AFTER = re.compile(r"^[\s,]*(?:\([^)\n]{1,40}\)\s*)?(?:[-\u2013\u2014:]|\(\w)")


def dateline(doc: Doc, span) -> bool:
    """The actor opens its paragraph and is followed by a dateline mark ("LONDON (Reuters) -", "PARIS -")."""
    text = doc_text(doc)
    p0 = text.rfind("\n", 0, span.start_char) + 1
    if text[p0 : span.start_char].strip():
        return False
    return bool(_DATELINE_AFTER.match(text[span.end_char : span.end_char + 40]))


