"""`newsgraph_events`: PLOVER 2021 events from the dependency parse, actors resolved to entities.

A trigger is a verb or a noun of data/plover.tsv ("met", "urged", "called on", "a meeting with", "talks between
A and B"). The source is the trigger's subject, found by climbing participles and complements ("took the rare step
of criticising X" -> the subject of "took"); the target is its object or the object of a target preposition;
coordinated objects give one event each ("met A and B"). Location and date come from the trigger's sentence: the
first place after a locative preposition that is not an actor, the first resolved date (from `newsgraph_dates`),
skipping relative clauses the trigger is not part of. A definite nominal without actors ("after the meeting in
Oslo") refers back to the previous event of its type and lends it its location and date instead of making a new
event. PLOVER's readings of intent and negation: "would free", "wants to help" -> AGREE; "will attack", "wants to
attack" -> THREATEN; "did not help" -> REJECT; "agreed to lift" is the lifting. "X said Y attacked Z" adds an
ACCUSE (allege) event from X to Y.
Roles: coordinated subjects of a joint act (data [joint]: "A and B signed an agreement", "A and B held talks") or
with a reciprocal object ("accused each other") are source and target of one another; a joint noun takes partners
only from participant prepositions ("an agreement on the dam" names a topic); a city or place after a locative
preposition is the location, never a target; an event needs at least one actor that is an entity or a name
("the agreement will release water" makes none); a verb hung on a reported clause but in the tense of the speech
verb takes the speaker as source ("X said the dam would supply power and accused Y").
Arguments of the kind the type takes: a type that acts on an actor (data [patient]: release X, support X, visit X)
needs a patient that is no thing ("released his new EP", "attended a fashion show", "hails from" are other senses
of the verb); "X said Y attacked Z" accuses Y only when Y is the act's author and not X's own side ("said its forces
shot down ..."); a hostile act with no author named comes from the side it was launched from ("fired ... from X").
The sense of a verb from its arguments (data sections named in brackets): an object of another kind ([other_sense]:
"attended Vanier College" is studying), a signing with no agreement signed ([agreement_object]: "signed a striker",
"signed an executive order"), aid with no recipient ([recipient]: "helped launch a website"), a deed's verb taking a
reported clause ([material]: "recalled that ...", '"...," shared X'), a verb of commitment with no act committed to
([assent]: "agrees that ...", "agreed with X that ...", "offers dishes") are no events; a release needs an actor
released, not an act ("released a statement"), a return something returned ("returned home" is travel).
The source of an act is an actor (event_actor_kinds.py): a disaster or disease acts for no one, and a thing is no
author of the types of plover.tsv [actor_source]; a law is no patient.
Roles (source, targets) are found by event_roles.py, location and date by event_place_date.py; the sense checks
on a verb's arguments (patient, recipient, commitment, other sense) by event_senses.py; the ACCUSE events of reported
hostile acts by event_allegations.py; the type a trigger token reads as (the lexicon's row, then its sense and
factuality checks, in order) by event_trigger.py; the lexicon (data/plover.tsv) is read into word sets by event_lexicon.py.
"""


from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.annotate.clause_geometry import clause_bounds
from newsgraph.annotate.common_words import CommonWords, of_pipeline
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_accused import without_charge
from newsgraph.annotate.event_act_senses import ForceWeights
from newsgraph.annotate.event_actor_kinds import (
    INSTRUMENT,
    EventActorKinds,
    actor_kind,
    actor_phrases,
    law,
    names_no_one,
    place_antecedent,
)
from newsgraph.annotate.event_actor_phrases import (
    authors_of,
    best_actors,
    is_measure,
    is_named,
    partitive_whole,
    prep_objects,
    relative_antecedent,
    useful_actor,
)
from newsgraph.annotate.event_addressees import addressees, paper_author
from newsgraph.annotate.event_allegations import EventAllegations
from newsgraph.annotate.event_commerce import commerce
from newsgraph.annotate.event_coparties import (
    between_parties,
    between_roles,
    committed_parties,
    joint_roles,
    plural_possessor,
    talks_partners,
)
from newsgraph.annotate.event_features import LEGAL_TYPES, passive
from newsgraph.annotate.event_firm_names import whole_firms
from newsgraph.annotate.event_frames import aimed_at, undergone, vowed_harm
from newsgraph.annotate.event_frames import weapon as weapon_noun
from newsgraph.annotate.event_heads import in_state, official_actor
from newsgraph.annotate.event_lexicon import EventLexicon, lexicon, trigger_rows
from newsgraph.annotate.event_measures import (
    destinations,
    fundraising,
    promisee,
)
from newsgraph.annotate.event_plays import (
    not_taken,
)
from newsgraph.annotate.event_readings import imposed_act
from newsgraph.annotate.event_through import named_through
from newsgraph.annotate.event_trigger import EventTriggerReading
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.resolve import Actor, phrase_actor, resolve_token
from newsgraph.knobs import config_of, from_config
from newsgraph.records import Event


class EventFinder(EventTriggerReading, EventActorKinds, EventAllegations, EventLexicon):
    """Set `doc._.ng_events`."""

    def __init__(self, senses: ForceWeights | None = None, common_words: CommonWords | None = None) -> None:
        super().__init__()
        self.senses = senses or ForceWeights()  # how an "attack" of force is told from one of words
        self.common_words = common_words  # "Tragedy struck X": a capital the sentence start explains (event_actor_kinds)

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        events: list[Event] = []
        if doc.has_annotation("DEP"):
            quoted = [(q.start, q.end) for q in doc._.ng_quotes or [] if q.kind == "direct"]
            by_token: dict[int, list[Event]] = {}
            dropped: set[int] = set()  # id() of events without an actor entity
            for tok in doc:
                if not tok.dep_ or any(s <= tok.idx < e for s, e in quoted):
                    continue  # a sentence the selective parser skipped, or the speaker's own words
                found = self._from_token(doc, tok, events, dropped)
                if found:
                    by_token[tok.i] = found
                events.extend(found)
            events = [ev for ev in self._allegations(doc, by_token, events) if id(ev) not in dropped and not commerce(ev, self.commerce)]
        doc._.ng_events = events
        return doc

    def _stranded_agents(self, doc: Doc, tok: Token) -> tuple[list[Actor], list[Actor]] | None:
        """(authors, targets) of a trigger noun whose "by" phrase the parser attached to the object of its own
        preposition ("attacks on the organisation by X", "the killing of civilians by militias"): the object is no act
        (that would be a nested act with its own author), so "by" names who did the act the noun names."""
        authors: list[Actor] = []
        objects: list[Token] = []
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in self.noun_preps:
                continue
            for o in prep_objects(c):
                if o.pos_ != "NOUN" or self._act_noun(o):
                    continue
                by = [resolve_token(doc, x, []) for g in o.children if g.dep_ == "prep" and g.lower_ == "by" for x in prep_objects(g)]
                by = [a for a in by if a.entity is not None]
                if by:
                    authors += by
                    objects.append(o)
        head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if not authors and head is not None and head.pos_ == "NOUN" and not self._act_noun(head):
            # "a series of attacks on X by Y": the "by" hung on the noun that counts the acts
            authors = [a for g in head.children if g.dep_ == "prep" and g.lower_ == "by" for x in prep_objects(g)
                       if (a := resolve_token(doc, x, [])).entity is not None]
        if not authors:
            return None
        ids = {a.id for a in authors}
        targets = [resolve_token(doc, o, []) if find_entity(doc, o.idx, o.idx + len(o.text)) else phrase_actor(doc, o) for o in objects]
        return authors, targets or [a for a in self._targets(doc, tok, self.noun_preps) if a.id not in ids or a.id is None]

    def _located(self, tok: Token, a: Actor) -> bool:
        """The actor is the object of a locative preposition on the verb ("fighting in the north") or a date ("on
        Monday"): where or when, not whom (both are dropped as targets later)."""
        span = tok.doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None and len(span) and all(t.ent_type_ in ("DATE", "TIME") or not t.is_alpha for t in span):
            return True
        return any(o.left_edge.idx <= a.start <= o.idx for c in tok.children if c.dep_ == "prep" and c.lower_ in self.locative
                   for o in prep_objects(c))

    def _opposed_in_purpose(self, doc: Doc, tok: Token) -> list[Actor]:
        """(stop 32) A hostile verb with no target of its own whose purpose infinitive names whom it is against ("troops
        were fighting in the north to aid X against rival forces"): the parser hangs the "against" on the purpose
        verb; its people are the ones fought. Only a to-infinitive on the verb, only people or entities."""
        out: list[Actor] = []
        for c in tok.children:
            if c.dep_ not in ("advcl", "xcomp") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                continue
            for p in (x for x in c.children if x.dep_ == "prep" and x.lower_ == "against"):
                out += [resolve_token(doc, o, []) for o in prep_objects(p) if self._actor_word(doc, o)]
        return [a for a in out if useful_actor(a)]

    def _from_token(self, doc: Doc, tok: Token, previous: list[Event], dropped: set[int]) -> list[Event]:
        trig = self._trigger(tok)
        if trig is None:
            return []
        type_, mode, form, roles = trig
        lo, hi = clause_bounds(tok)
        sent = doc.char_span(lo, hi, alignment_mode="expand") or tok.sent
        sources: list[Actor] = []
        targets: list[Actor] = []
        if form == "noun":
            pairs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in self.pair_preps for p in prep_objects(c)]
            has_with = any(c.dep_ == "prep" and c.lower_ in self.participant_preps for c in tok.children) or any(
                c.dep_ == "poss" for c in tok.children
            )
            if not pairs and not has_with and any(c.lower_ in ("the", "this", "that") for c in tok.lefts):
                self._lend(doc, sent, type_, previous)
                return []
            if len(pairs) >= 2:
                sources, targets = between_roles(type_, [resolve_token(doc, p, []) for p in pairs], self.coagent_types)
            else:
                joint = tok.lower_ in self.joint or tok.lemma_.lower() in self.joint
                targets = self._targets(doc, tok, self.participant_preps if joint else self.noun_preps, asks=type_ in self.asking)
                src = self._source(tok)
                sources = self._subjects(doc, src)
                subjects = sources
                if joint and len(sources) > 1:
                    sources, targets = joint_roles(doc, type_, sources, targets, [], self.coagent_types, is_named)
                poss = [c for c in tok.children if c.dep_ == "poss"]
                stranded = self._stranded_agents(doc, tok)
                of_patient = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
                if poss and f"{type_}/{mode}".upper() in self.patient_genitive and not of_patient:
                    # "Barnett's arrest", "her release": the possessor of an act done to a person is its patient
                    sources, targets = [], [resolve_token(doc, poss[0], [])] + targets
                elif poss and not (joint and plural_possessor(poss[0], subjects)):
                    sources = [resolve_token(doc, poss[0], [])]  # "A and B revised their agreement" keeps A and B
                elif f"{type_}/{mode}".upper() in self.patient_genitive and in_state(tok, self.state_preps):
                    # "X was under house arrest", "remains in detention": the subject is in the state the act put
                    # them in, its patient; the author is not named
                    sources, targets = [], sources + targets
                elif stranded:
                    # "attacks on the organisation by X": the parser hangs the act's "by" on its object; X is the author
                    sources, targets = stranded
                else:
                    # "Indian airstrikes", "strikes by X": the act's author, not the subject of the clause around it
                    by = [a for a in authors_of(doc, tok) if a.how == "demonym" or a.start > tok.idx]
                    sources = by or sources
            if weapon_noun(tok) and not [a for a in targets if a.entity is not None or is_named(doc, a)]:
                # "fired three missiles into the sea", "its fifth missile test": a weapon aimed at no one is no attack
                aimed = aimed_at(tok, lambda x: self._actor_word(doc, x) or find_entity(doc, x.idx, x.idx + len(x.text)) is not None)
                if not aimed:
                    return []
                targets = [resolve_token(doc, x, []) for x in aimed]
            under = undergone(tok) if roles != "reverse" else None
            if under is not None:
                # "X faced criticism from Y", "came under pressure from Y": Y acts on X
                sources, targets = [resolve_token(doc, x, []) for x in under[0]], [resolve_token(doc, x, []) for x in under[1]]
            if not targets and not sources or (not targets and not pairs and any(c.lower_ == "the" for c in tok.lefts)):
                self._lend(doc, sent, type_, previous)
                return []
        else:
            src = self._source(tok)
            sources = self._subjects(doc, src)
            targets = self._targets(doc, tok, asks=type_ in self.asking, deeds=type_ == "ACCUSE")
            targets = without_charge(doc, tok, targets)  # "accused X of ingratitude": X (event_accused.py)
            if type_ == "ACCUSE" and all(self._located(tok, a) or self._thing_target(doc, a) for a in targets):
                # "complained that X's obstinacy was hampering ...", (stop 40) "charged at the meeting that X had ..."
                targets = self._complained_of(doc, tok) or targets
            if self.classes.get(type_) == "hostile" and not [a for a in targets if not self._located(tok, a)]:
                targets = self._opposed_in_purpose(doc, tok) or targets  # "were fighting ... to aid X against rival forces"
            harm = vowed_harm(tok) if type_ == "THREATEN" else None
            targets = [a for a in targets if harm is None or not harm.idx <= a.start < harm.idx + len(harm.text)]  # the harm vowed
            imposed = imposed_act(tok, self.nouns) if tok.lemma_.lower() in self.imposing else self._ordered_coercion(tok)
            if imposed is not None:
                # "imposed sanctions on X": the sanctions are the act, not its target; X, on the verb or the noun, is
                targets = [a for a in targets if not imposed.left_edge.idx <= a.start < imposed.idx + len(imposed.text)]  # "the sanctions"
                targets = targets or self._targets(doc, imposed, self.noun_preps)
            if type_ in self.addressed and not [a for a in targets if not is_measure(doc, a)]:
                targets = self._asked_to_act(doc, tok) or targets  # "requested that a county court issue an order"
            mutual = [a for a in targets if a.name.lower() in self.reciprocal]
            shared = any(c.dep_ in ("dobj", "obj") and self._joint_noun(c) for c in tok.children)  # "deepen a partnership"
            if (tok.lemma_.lower() in self.joint or mutual or shared) and len(sources) > 1:
                # "A and B signed an agreement", "A and B accused each other", "A and B met C" (event_coparties.py)
                sources, targets = joint_roles(doc, type_, sources, targets, mutual, self.coagent_types, is_named)
            parties = between_parties(tok, self._joint_noun) if type_ in self.coagent_types and not sources else []
            if parties:
                # "an agreement between A and B was signed": A and B are the signers, not whom it was signed to
                sources, targets = [resolve_token(doc, p, []) for p in parties], []
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
                # "10 soldiers killed in ...": the modified noun is the target, not the source
                sources = [a for a in sources if a.start != tok.head.idx]
                targets = targets + [resolve_token(doc, tok.head, [])]
        if type_ in self.coagent_types and not [a for a in targets if a.entity is not None] and tok.lemma_.lower() not in self.unilateral:
            # "agreed to acquire Y" (event_coparties.py); a pledge's party is whom it is made to, not what it acts on
            targets = targets + committed_parties(doc, tok, self.committed_preps, self.committed_goods) + talks_partners(doc, tok, self._joint_noun)
        if roles == "reverse":
            # "received weapons from X", "faces pressure from X": the giver is the object of "from"
            givers = [resolve_token(doc, o, []) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for o in prep_objects(c)]
            if givers:
                sources, targets = givers, [a for a in sources]
        # a faith or ethnic group named by an adjective inside a body's phrase is not the body ("ruling Moslem party")
        # "Bosnia's ruling Moslem party" is the party; "a campaign that has imprisoned thousands" is no author
        sources, targets = actor_phrases(doc, type_, sources, targets)
        sources, targets = whole_firms(doc, sources), whole_firms(doc, targets)  # "X und Y AG" is one firm
        if type_ == "PROTEST" and tok.lemma_.lower() in self.complaints and sources and all(official_actor(doc, a) for a in sources):
            type_, mode = "ACCUSE", "complain"  # a state's protest to another is an official complaint (CAMEO 114)
        sources = best_actors([a for a in sources if useful_actor(a) and lo <= a.start < hi and not is_measure(doc, a)
                               and not place_antecedent(doc, a, self.locative)])
        # a relative clause's patient is the noun the clause hangs on, before the clause ("nurses who were convicted")
        ante = [a for c in tok.children if c.dep_ in ("nsubjpass", "dobj", "obj") and (a := relative_antecedent(c)) is not None]
        tlo = min([lo] + [partitive_whole(a).left_edge.idx for a in ante] + [a.left_edge.idx for a in ante])
        targets = [a for a in targets if useful_actor(a) and tlo <= a.start < hi and not is_measure(doc, a)]
        if not sources and form == "verb" and self.classes.get(type_) == "hostile":
            # "a mortar bomb was fired at it from the Gaza Strip": a hostile act with no author named comes from the
            # side it was launched from (split before the bare descriptions are weighed against the entities: "Angolans
            # that were expelled from X" keeps the Angolans once X is the source); a "from" object that is no entity
            # ("expelled from their homes") is neither source nor target
            origin = [(o.left_edge.idx, o.idx + len(o)) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for o in prep_objects(c)]
            sources = best_actors([a for a in targets if any(s <= a.start < e for s, e in origin) and a.entity is not None])
            targets = [a for a in targets if not any(s <= a.start < e for s, e in origin)]
        sources = paper_author(doc, tok, sources)  # "The report urged X": the author named with the paper (stop 41)
        if self._authorless(doc, type_, sources):
            legal = type_ in LEGAL_TYPES and (passive(tok) or any(c.dep_ == "auxpass" for c in tok.children))
            weapon = {actor_kind(doc, a, self.people_noun) for a in sources} == {INSTRUMENT}
            if not ((legal or weapon) and targets):
                return []  # "the earthquake that has killed 30,000", "the areas ... that has killed": no actor, no act
            # "X was arrested for theft by unlawful taking": the "by" phrase of a legal passive names the means, not
            # the author; a weapon acts for someone unnamed, or for the side it was launched from ("Missiles fired
            # from X struck Y" -> X). Else the act stands with no source, as the agentless passive does
            sources = [a for a in self._launched_from(doc, sources) if a.entity is not None] if weapon else []
        away = destinations(tok, self.journey_nouns)
        if away:
            # "pilgrimage to X was banned by Y for the same reason": X is where the pilgrims go, and a phrase that is no
            # entity left beside it is no one restricted either
            targets = [a for a in targets if not any(s <= a.start < e for s, e in away) and (a.entity is not None or is_named(doc, a))]
        # a law or a paper is no patient ("charged for violation of the X Code"), nor a pronoun that stands for a thing
        # beside a place named before it: dropped before the entities are preferred to the bare descriptions
        # a party named through another is the head's party ("X Corp employees" arrested, "Y's firm"; event_through.py)
        asked = addressees(doc, tok, targets) if type_ in self.addressed else []  # "asked the X Agreement to act"
        targets = self._party_targets(doc, type_, named_through(doc, type_, targets, self.people_noun))
        targets = best_actors(asked + [a for a in targets if not law(doc, a) and not place_antecedent(doc, a, self.locative)])
        if mode == "abduct":
            targets = not_taken(tok, targets)  # the airliner taken ("a Sudanese airliner") is no actor of a hijacking
        if not sources and not targets:
            return []
        if type_ == "ACCUSE" and form == "verb" and tok.lemma_.lower() in self.grievances and targets and names_no_one(doc, tok, self.people_noun):
            return []  # "complained inflation and the high rate of the leu cut margins": a grievance about things, no one accused
        one_sided = type_ == "AGREE" and tok.lemma_.lower() in self.unilateral and not promisee(tok, self._thing)
        # a state's or an official's appeal for money is a request (CAMEO 023, "appealed for $100 million in aid"); an
        # agency's or a charity's, asked of no one, is fundraising
        agency = all(s.entity.type not in ("country", "place", "city", "person") if s.entity else not is_named(doc, s) for s in sources)
        if one_sided or not targets and type_ in self.asking and agency and fundraising(tok, self.fundraising):
            return []  # "pledged to give $10 million", "asked for funds": no second party; (stop 39) nor is one a
            # party named inside what is promised ("promised a statement of X's policy would be made"; B4)
        actorless = not any(a.entity or is_named(doc, a) for a in sources + targets) and not self._charged_people(doc, tok, type_, mode, targets)
        loc = self._location(doc, sent, sources + targets, tok)
        date = self._date(doc, sent, tok)
        out = []
        for s in sources or [None]:
            for t in targets or [None]:
                if s is not None and t is not None and s.id is not None and s.id == t.id:
                    continue
                out.append(
                    Event(
                        type=type_,
                        start=sent.start_char,
                        end=sent.end_char,
                        mode=mode or None,
                        source=s.id if s else None,
                        target=t.id if t else None,
                        location=loc.id if loc else None,
                        date=date.value if date else None,
                        trigger=tok.text,
                        source_name=s.name if s else None,
                        target_name=t.name if t else None,
                        location_name=loc.name if loc else None,
                    )
                )
                if actorless:
                    # "the agreement will release water": no actor entity, no event of its own (an allegation
                    # "X said ... were killed" may still be made of it, see _allegations)
                    dropped.add(id(out[-1]))
        return out


@Language.factory(
    "newsgraph_events",
    default_config={"senses": config_of(ForceWeights)},
    requires=["doc._.ng_entities", "doc._.ng_dates", "doc._.ng_quotes", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.ng_events"],
)
def make_events(nlp: Language, name: str, senses: dict) -> EventFinder:
    return EventFinder(from_config(ForceWeights, senses), of_pipeline(nlp, "lemmatizer"))


__all__ = ["EventFinder", "lexicon", "trigger_rows"]
