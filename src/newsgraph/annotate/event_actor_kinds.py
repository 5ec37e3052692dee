"""Whether an event's actor is one: typed evidence for the source of a PLOVER event.

Why: a PLOVER event is an act between actors, so the one who acts must be someone: a person, a body of people or a
state. On news nobody tuned on, the wrong shown events were things read as authors: an earthquake's toll as
ASSAULT ("the worst hit areas of the earthquake that has killed 30,000 people"), a meteorite "blamed" as ACCUSE, a
law, a report or a parole as the author of an act. Stop 26 fixed such cases one verb and one noun at a time; this
module is the one check behind all of them, from the typed evidence the earlier components left:

- an actor: an entity typed person, organisation, country or group; a nationality or a person named by their home
  ("Indian strikes", "a Paris man"); a name the entity component did not list (a proper noun or a PERSON / ORG /
  NORP / GPE token heading the phrase); a common noun for people or a body of people (event_actors.tsv [people] and
  [related], the people endings of plover.tsv [people_suffix], the role nouns of cues.tsv [role], the institution
  heads of org_kinds.tsv, the bodies of event_actors.tsv [body]: "the council", "a jury"); a pronoun the resolver tied to one of these;
- unauthored: a force of nature, a disaster, a disease or a mishap (event_actors.tsv [instrument] kinds nature,
  disease, mishap), named by a common noun or heading a name ("Hurricane X", "the X Earthquake"): it acts for no
  one, so its act is no event of any type;
- an instrument: a weapon, a vehicle or a document (kinds weapon, vehicle, document): acts for someone unnamed (the
  event finder drops such a subject and keeps the act without a source: "The warrant charges her");
- a place: an entity typed city or place;
- a thing: any other common noun ("areas", "the plan", "his parole").

Two readings of a phrase's head (stop 29, from stop 28's held-out wire draw, now tuning data): a faith or ethnic
group named by an adjective inside a body's phrase is not the body ("Bosnia's ruling Moslem nationalist party"
resolved to "Moslem": the party, `described_body`), and a programme of acts ("a campaign", "a crackdown") as the
source of a physical act names the acts, not who did them (`programme_source`: its owner where the phrase names it).

`EventFinder` drops an event whose sources are all unauthored (any type), and an event of a type that needs an
author (plover.tsv [actor_source]) whose sources are all things or instruments: without an actor there is no act
("the storm damaged 40 homes" is weather, not an attack). A thin source of the other types is left to the
confidence model, which already reads a thing as an actor (`thing_actor`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.common_words import CommonWords
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_phrases import demonym_actor, prep_objects
from newsgraph.annotate.event_features import LEGAL_TYPES, passive
from newsgraph.annotate.event_mishaps import instrument_kinds
from newsgraph.annotate.lexicon import kinds, words
from newsgraph.annotate.resolve import Actor, phrase_actor, resolve_token, role_nouns

ACTOR = "actor"
PLACE = "place"
UNAUTHORED = "unauthored"
INSTRUMENT = "instrument"
THING = "thing"

#: Entity types that act.
ACTOR_TYPES = ("person", "organisation", "country", "group")
#: Entity types that are where an act happens (a target some types allow; a capital may stand for its state).
PLACE_TYPES = ("city", "place")
#: Token entity labels of the statistical model that name an actor.
NAMED_LABELS = ("PERSON", "ORG", "NORP", "GPE")
#: [instrument] kinds that act for no one: an act whose author is one of these is no event.
UNAUTHORED_KINDS = ("nature", "disease", "mishap")
#: [instrument] kinds that act for someone unnamed: a weapon, a vehicle, a document ("The warrant charges her").
INSTRUMENT_KINDS = ("weapon", "vehicle", "document")
#: Kinds whose noun before a name makes the name one of them ("Hurricane X", "Typhoon X"); a disease before a name
#: names what a body works on ("the Malaria Initiative").
NAMED_STORMS = ("nature",)
#: Prepositions that place something only through a part of a place ("on the border of X", "into the outskirts of
#: X"); alone they take a target as often ("sanctions on X").
SURFACE_PREPS = ("on", "onto", "into")


@lru_cache(maxsize=1)
def institution_nouns() -> frozenset[str]:
    """org_kinds.tsv `institution`: the head nouns of bodies that act ("council", "court", "ministry")."""
    return frozenset(kinds("org_kinds.tsv").get("institution", ()))


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """event_actors.tsv [body]: common nouns for bodies that act ("jury", "airline", "company")."""
    return words("event_actors.tsv", "body")


def instrument_kind(tok: Token) -> str:
    """The [instrument] kind of a head noun ("South Asia Earthquake" read by its own word), or of a storm's
    modifier of a name it heads ("Hurricane X"), or ""."""
    table = instrument_kinds()
    kind = table.get(tok.lower_) or table.get(tok.lemma_.lower(), "")
    if not kind and tok.pos_ == "PROPN":  # "Hurricane X": a storm's name; "the Malaria Initiative" is a body's
        kind = next((k for c in tok.lefts if c.dep_ == "compound" and (k := table.get(c.lower_, "")) in NAMED_STORMS), "")
    return kind


def head_noun(span: Span) -> Token:
    """The noun a phrase is about: its root, or the subject of a clause the parser made of it ("Missiles fired from
    X" with "fired" as root: the missiles)."""
    root = span.root
    if root.pos_ in ("VERB", "AUX"):
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and span.start <= c.i < span.end]
        if subj:
            return subj[0]
    return root


#: Entity types a modifier of a body's name may carry without being the body: a faith, an ethnic group or a movement
#: ("Bosnia's ruling Moslem nationalist party": the party, not the faith). A country stays (its army, its government).
DESCRIBING_TYPES = ("group",)


def described_body(doc: Doc, a: Actor) -> Actor:
    """The whole phrase for an actor whose entity is only a describing modifier of a body noun: "Bosnia's ruling
    Moslem nationalist party" resolved to the group "Moslem" is the party (the phrase), since the group named by an
    adjective inside a longer noun phrase describes the body, it does not act. Only a common-noun head that names a
    body (org_kinds.tsv institution, event_actors.tsv [body]) with the group's mention on one of its modifiers, not
    on its head; other actors are returned as they are."""
    if a.entity is None or a.entity.type not in DESCRIBING_TYPES:
        return a
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return a
    head = head_noun(span)
    low, lemma = head.lower_, head.lemma_.lower()
    nouns = body_nouns() | institution_nouns()
    if head.pos_ != "NOUN" or not (low in nouns or lemma in nouns or _people_head(head)):
        return a  # (stop 32) people too: "Moslem militants" are the militants, not the faith
    on_modifier = any(m.start >= span.start_char and m.end <= head.idx and any(
        t.idx >= m.start and t.idx < m.end and t.dep_ in ("amod", "nmod", "compound") and t.head.i == head.i for t in span)
        for m in a.entity.mentions)
    if not on_modifier:
        return a
    whole = phrase_actor(doc, head)
    return Actor(None, whole.name, whole.start, whole.end)


def _people_head(head: Token) -> bool:
    from newsgraph.annotate.event_heads import _people

    return _people(head)


#: Types of physical acts: a programme noun as their source names the acts, not their author (`programme_source`).
PHYSICAL_TYPES = ("ASSAULT", "COERCE")


@lru_cache(maxsize=1)
def programme_nouns() -> frozenset[str]:
    """event_actors.tsv [programme]: nouns for a programme of acts ("campaign", "crackdown", "operation")."""
    return words("event_actors.tsv", "programme")


def programme_source(doc: Doc, a: Actor) -> list[Actor]:
    """The author of a physical act whose source is a programme of acts ("the national \"Strike Hard\" campaign
    that has imprisoned thousands"): the programme's owner the phrase names (its possessor, its "by" object or a
    country's adjective: "the government's crackdown", "an Israeli operation"), else no one (the act stands without
    a source, as an agentless passive does). Any other actor is returned as it is."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return [a]
    head = head_noun(span)
    if head.pos_ != "NOUN" or (head.lower_ not in programme_nouns() and head.lemma_.lower() not in programme_nouns()):
        return [a]
    owners = [resolve_token(doc, c, []) for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    owners += [resolve_token(doc, o, []) for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for o in prep_objects(c)]
    owners += [d for c in head.children if c.dep_ == "amod" and (d := demonym_actor(doc, c)) is not None]
    return [o for o in owners if o.entity is not None or o.how == "demonym"]


def actor_phrases(doc: Doc, type_: str, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """Sources and targets with a body's describing group read as the body (`described_body`) and, for a physical
    act, a programme of acts read as its owner or no one (`programme_source`)."""
    sources = [described_body(doc, a) for a in sources]
    if type_ in PHYSICAL_TYPES:
        sources = [o for a in sources for o in programme_source(doc, a)]
    return sources, [described_body(doc, a) for a in targets]


def names_no_one(doc: Doc, trigger: Token, people_noun: Callable[[Token], bool]) -> bool:
    """No argument of the trigger but its subject names an actor: no entity of an actor type (ACTOR_TYPES) and no
    people noun in what it governs ("complained inflation and the high rate of the crown cut margins"; not
    "complained of harassment by Mayor X", whose "by" names the one complained of)."""
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubjpass", "aux", "neg", "punct"):
            continue
        for t in c.subtree:
            if t.pos_ == "NOUN" and people_noun(t):
                return False
            ent = find_entity(doc, t.idx, t.idx + len(t.text))
            if ent is not None and ent.type in ACTOR_TYPES:
                return False
    return True


def law(doc: Doc, a: Actor) -> bool:
    """The actor's phrase is headed by a law or a paper ([instrument] kind document: "the Meat Inspection Code", "the
    law", "the warrant"): what an act is about or done under, never whom it is done to (a charge "for violation of
    the X Code" is brought against the suspects, not the code). A one-word name so headed is left alone (a party
    named "Act")."""
    if a.entity is not None:  # its name, also where a pronoun stands for it
        name = a.entity.name.split()
        return len(name) > 1 and instrument_kinds().get(name[-1].lower()) == "document"
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and instrument_kind(head_noun(span)) == "document"


def place_antecedent(doc: Doc, a: Actor, locative: frozenset[str]) -> bool:
    """A pronoun resolved to an entity whose last mention before it only said where something was ("a meteorite
    slammed into a field on the border of X. It has been blamed ..."): the name after a locative preposition (also
    through "the border of", "the north of") was a place, not an actor the text went on about, so the pronoun most
    likely stands for a thing of that sentence. No actor."""
    if a.entity is None or not a.entity.mentions:
        return False
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ != "PRON":
        return False
    before = [m for m in a.entity.mentions if m.end <= a.start]
    if not before:
        return False
    last = max(before, key=lambda m: m.start)
    mention = doc.char_span(last.start, last.end, alignment_mode="expand")
    if mention is None or not len(mention):
        return False
    cur = mention.root
    for hop in range(4):  # the name, then "of" phrases up to the preposition that places it
        if cur.dep_ != "pobj" or cur.head is cur:
            return False
        prep = cur.head
        if prep.lower_ in locative or hop and prep.lower_ in SURFACE_PREPS:
            return True
        if prep.lower_ != "of" or prep.head is prep or prep.head.pos_ != "NOUN":
            return False
        cur = prep.head
    return False


def capitalised_by_place(span: Span, root: Token, common: CommonWords | None) -> bool:
    """A one-word phrase first in its sentence that spells a common noun of the language (`common`: the rule
    lemmatizer's dictionary) and that the page names nowhere else ("Tragedy struck the X family", "Disaster struck"):
    its capital is the sentence's, so it is read as the common noun, whatever the tagger or the entity component made
    of it (stop 31, e6). The dictionary lists names too ("paraguay", "hamas"), so a word the statistical model labels
    a name keeps its reading, as does a name the page uses again."""
    if common is None or root.pos_ not in ("PROPN", "NOUN") or len(span) != 1 or not root.is_title or root.ent_type_:
        return False
    if root.lower_ not in common.index.get("noun", ()) and common.lemma(root.text) not in common.index.get("noun", ()):
        return False
    first = next((t for t in root.sent if not (t.is_punct or t.is_space or t.is_quote)), None)
    if first is None or first.i != root.i:
        return False
    ent = find_entity(root.doc, root.idx, root.idx + len(root.text))
    return ent is None or len(ent.mentions) == 1 and ent.name == root.text  # a name the page uses once, here


def actor_kind(doc: Doc, a: Actor, people_noun: Callable[[Token], bool], common: CommonWords | None = None) -> str:
    """ACTOR, PLACE, UNAUTHORED, INSTRUMENT or THING (module docstring). `people_noun` is EventRoles' test for a
    common noun for people (its word lists and endings); `common` the language's common words (a capital a
    sentence start explains, `capitalised_by_place`)."""
    if a.how in ("demonym", "origin") or a.members:
        return ACTOR
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    root = head_noun(span) if span is not None and len(span) else None
    kind = instrument_kind(root) if root is not None else ""
    if kind in UNAUTHORED_KINDS:
        return UNAUTHORED  # "the earthquake", "Hurricane X": whatever entity the name was typed as
    if law(doc, a):
        return INSTRUMENT  # "the X Act" typed as an organisation, or "it" resolved to it
    if a.entity is not None and not (root is not None and capitalised_by_place(span, root, common)):
        return PLACE if a.entity.type in PLACE_TYPES else ACTOR
    if root is None:
        return ACTOR  # a phrase the text does not hold as such: no evidence against it
    if kind in INSTRUMENT_KINDS:
        return INSTRUMENT
    if (root.pos_ in ("PRON", "PROPN") or root.ent_type_ in NAMED_LABELS) and not capitalised_by_place(span, root, common):
        return ACTOR
    low, lemma = root.lower_, root.lemma_.lower()
    nouns = body_nouns() | institution_nouns()
    if people_noun(root) or low in role_nouns() or lemma in role_nouns() or low in nouns or lemma in nouns:
        return ACTOR
    return THING


class EventActorKinds:
    """The source checks of `EventFinder` (its word lists: plover.tsv [actor_source], [inquiry])."""

    actor_source: set[str]
    party_types: set[str]
    party_nouns: frozenset[str]
    party_suffixes: tuple[str, ...]
    inquiries: frozenset[str]
    common_words: CommonWords | None  # the pipeline's dictionary of common words (EventFinder's)
    people_noun: Callable[[Token], bool]  # EventRoles' method (declared only: this mixin comes first in the MRO)

    def _authorless(self, doc: Doc, type_: str, sources: list[Actor]) -> bool:
        """Every source is no actor (event_actor_kinds.py): a disaster, a disease or a document, for any type; a
        thing or a weapon with no author, for a type that needs an author (plover.tsv [actor_source]). No source at
        all is the report's form ("X was arrested"), not a thing acting."""
        if not sources:
            return False
        found = {actor_kind(doc, a, self.people_noun, self.common_words) for a in sources}
        if found == {UNAUTHORED}:
            return True
        return type_ in self.actor_source and found <= {THING, INSTRUMENT, UNAUTHORED}

    def _party_targets(self, doc: Doc, type_: str, targets: list[Actor]) -> list[Actor]:
        """The targets of a type that acts on parties (plover.tsv [party_target]) that are one: a thing ("criticised
        the slow pace of reforms", "pressed for the proposals", "pledged at the meetings") is what the act is about,
        no one criticised, asked or agreed with (the strict verdicts: a thing as target is wrong, no target right). A
        place, an instrument or a name is left to the other checks; a rejected offer stands for its author (REJECT
        is not listed)."""
        if type_ not in self.party_types:
            return targets
        return [a for a in targets if not self._thing_target(doc, a)]

    def _thing_target(self, doc: Doc, a: Actor) -> bool:
        """A target headed by a common noun for a thing: not a name, a ticker or a symbol the tagger left untyped
        ("<ABCD.T>"), nor a party noun the kinds do not list (plover.tsv [party_noun]: "Japanese industries"), nor a
        singular that may name a person ([party_suffix]: "a smuggler", "an engineer")."""
        if actor_kind(doc, a, self.people_noun, self.common_words) != THING:
            return False
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        root = head_noun(span) if span is not None and len(span) else None
        if root is None or root.pos_ != "NOUN":
            return False
        low, lemma = root.lower_, root.lemma_.lower()
        return low not in self.party_nouns and lemma not in self.party_nouns and not lemma.endswith(self.party_suffixes)

    @staticmethod
    def _launched_from(doc: Doc, weapons: list[Actor]) -> list[Actor]:
        """The places a weapon phrase says it was launched from ("Missiles fired from X"): the "from" objects of a
        verb inside the phrase."""
        out = []
        for a in weapons:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            for t in span or []:
                if t.dep_ == "prep" and t.lower_ == "from" and t.head.pos_ == "VERB":
                    out += [resolve_token(doc, o, []) for o in prep_objects(t)]
        return out

    def _charged_people(self, doc: Doc, tok: Token, type_: str, mode: str, targets: list[Actor]) -> bool:
        """A legal act in the agentless passive on people named by a noun ("The four suspects were charged for
        violation of the X Code"): the state is its author by convention (event_features LEGAL_TYPES), so the event
        stands without a named actor once the law beside them is no target. An inquiry ([inquiry]: "125 people
        were examined for signs of flu") may be a doctor's, so it still needs one."""
        if type_ not in LEGAL_TYPES or f"{type_}/{mode}".lower() in self.inquiries or not passive(tok):
            return False
        return any(actor_kind(doc, a, self.people_noun) == ACTOR for a in targets)


__all__ = ["EventActorKinds", "actor_phrases", "described_body", "names_no_one", "programme_source", "PHYSICAL_TYPES", "ACTOR", "INSTRUMENT", "PLACE", "THING", "UNAUTHORED", "UNAUTHORED_KINDS", "actor_kind", "instrument_kind", "law", "place_antecedent"]
