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
hostile acts by event_allegations.py; the lexicon (data/plover.tsv) is read into word sets by event_lexicon.py.
"""


from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.annotate.clause_geometry import clause_bounds
from newsgraph.annotate.common_words import CommonWords, of_pipeline
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_accused import without_charge
from newsgraph.annotate.event_act_senses import ForceWeights, act_sense
from newsgraph.annotate.event_actor_kinds import (
    INSTRUMENT,
    UNAUTHORED_KINDS,
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
from newsgraph.annotate.event_commerce import commerce, contract_terms, deal_making, goods_ordered
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
from newsgraph.annotate.event_frames import aimed_at, frame_reading, practice_firing, undergone, vowed_harm
from newsgraph.annotate.event_frames import weapon as weapon_noun
from newsgraph.annotate.event_heads import in_state, official_actor
from newsgraph.annotate.event_lexicon import EventLexicon, lexicon, trigger_rows
from newsgraph.annotate.event_measures import (
    against_illness,
    clinical_inquiry,
    controlled_measure,
    destinations,
    field_visit,
    fundraising,
    measure_prep,
    promisee,
)
from newsgraph.annotate.event_mishaps import accident, kind_of
from newsgraph.annotate.event_own_acts import (
    blamed_condition,
    ordered_change,
    own_measure,
    participle_after_preposition,
    proposal,
)
from newsgraph.annotate.event_plays import (
    ORDERS,
    anonymity_asked,
    contest_result,
    fall_not_refusal,
    game_act,
    hijacking,
    imposed_order,
    labour_strike,
    not_taken,
    sport_sanction,
    withheld_information,
)
from newsgraph.annotate.event_procurement import market_act
from newsgraph.annotate.event_readings import imposed_act, noun_type, predicted
from newsgraph.annotate.event_through import named_through
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.lexicon import words as _lex_words
from newsgraph.annotate.resolve import Actor, phrase_actor, resolve_token
from newsgraph.knobs import config_of, from_config
from newsgraph.records import Event


class EventFinder(EventActorKinds, EventAllegations, EventLexicon):
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

    def _trigger(self, tok: Token) -> tuple[str, str, str, str] | None:
        """(type, mode, form, roles) of a trigger token, after the lexicon's conditions, intent and negation."""
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in self.verbs:
            rows, form = self.verbs[lemma], "verb"
        elif tok.pos_ in ("NOUN", "PROPN"):
            lefts = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")]
            key = f"{lefts[-1]} {tok.lower_}" if lefts else ""
            rows = self.nouns.get(key) or self.nouns.get(tok.lower_) or self.nouns.get(lemma)
            form = "noun"
            if not rows:
                return None
        else:
            return None
        # a verb with a particle is another predicate ("struck down" a ruling, "signed up", "called off") unless
        # the lexicon lists the phrasal form ("pull out"): a row without needs applies only to the bare verb
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"} if form == "verb" else set()
        # read only for a token the lexicon lists (every token of the page comes through here)
        # (stop 38) a preposition of a price or a date ("at 3.10 dlrs a share", "on Monday") names no one aimed at; the
        # "for" of a "for X to do" clause is the verb's own ("called on Wednesday for its followers to boycott ...")
        attached = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "dative", "agent") and not measure_prep(c)}
        attached |= {m.lower_ for c in tok.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark" and m.lower_ == "for"}
        row = next((r for r in rows if (attached & r[2] if r[2] else not particles)), None)
        if row is None:
            return None
        type_, mode, needs, roles = row
        verbal = self.verbal_sense.get(lemma if form == "verb" else tok.lower_)
        if verbal and self._verbal_object(tok):
            type_, mode = verbal  # "attacked the plan", "attacks on her record": criticism, not force
        sensed = act_sense(tok, type_, mode, self.classes.get(type_) == "hostile", self.senses, self.speech,
                           self.verbal_sense, self.hostile_nouns, self.light)
        if sensed is None:
            return None  # a poll share, a verbal or thin "attack", a call to thank, a recall remembered (event_act_senses.py)
        type_, mode = sensed
        hostile = self.classes.get(type_) == "hostile"
        framed = frame_reading(tok, form, type_, mode, hostile, self._source(tok) if hostile and form == "verb" else None,
                               lambda p: self._actor_word(p.doc, p) or p.pos_ == "PROPN")
        if framed is None:
            return None  # "shot himself", "used X as a threat to Y", "dismissed X as ...": no act (event_frames.py)
        type_, mode = framed  # "vow consequences": a threat
        if form == "verb" and self.classes.get(type_) == "hostile" and lemma in self.deal_making and self._struck_agreement(tok):
            # "struck a deal with X", "cut a deal": an agreement, not force. (stop 36) Only a verb that makes deals
            # ([deal_making]) and an agreement one makes: "suspended talks with X", "cut ties with X", "severed all
            # ties" reduce relations (SANCTION, CAMEO 161/164), where this reading made every such hostile verb AGREE
            type_, mode = "AGREE", ""
        if form == "verb" and lemma in self.naming and any(c.dep_ in ("oprd", "attr") for c in tok.children):
            return None  # "a school, then called FACES, for ...": a verb of naming with the name it gives
        if form == "verb" and tok.dep_ == "amod" and tok.i < tok.head.i:
            return None  # "alleged secret police stations", "the besieged city": a participle describing its noun
        if form == "verb" and self._inverted_condition(tok):
            return None  # "had he not met Meghan", "were they to attack": a condition, counterfactual or not
        if form == "verb" and lemma in self.refusals and any(c.dep_ == "xcomp" and self._declined_to_say(c) for c in tok.children):
            return None  # "declined to comment", "refused to say how", "refused to speculate on": no act rejected
        if self._other_use(tok, self.classes.get(type_) == "hostile"):
            return None  # "a tug-of-war", "beat Northgate 2-1": a contest or a sports result, no act between actors
        if form == "verb" and type_ == "ASSAULT" and mode == "beat" and contest_result(tok):
            return None  # (stop 33) "beating X in a unanimous points decision": a contest's result (event_plays.py)
        if game_act(tok) or sport_sanction(tok):
            return None  # "was dismissed ... for a second bookable offence", "shot a three-under 68": a play (event_plays.py)
        if form == "verb" and lemma in self.imposing and (any(c.lemma_.lower() in self.imposed_sanctions for c in tok.children if c.dep_ in (
                "dobj", "obj", "nsubjpass")) or tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() in self.imposed_sanctions):
            type_, mode = "SANCTION", ""  # (stop 37) "imposed tariffs on X", (stop 39) "the tariffs it imposed": CAMEO 163
        elif form == "verb" and lemma in self.imposing and (named := imposed_act(tok, self.nouns)) is not None:
            type_, mode = noun_type(named, self.nouns)  # "sanctions imposed on X", "imposed an embargo": the act imposed
        if form == "verb" and (ordered := self._ordered_coercion(tok)) is not None:
            type_, mode = noun_type(ordered, self.nouns)  # (stop 36) "ordered the arrest of X": the arrest (COERCE)
        if form == "verb" and type_ == "COERCE" and mode == "seize" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) \
                and any(c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") for c in tok.children):
            return None  # (stop 32) "seized on Trump's claim", "seizing upon a report": a phrasal idiom, nothing seized
        if form == "verb" and type_ == "COERCE" and mode == "seize" and hijacking(tok):
            type_, mode = "ASSAULT", "abduct"  # "seized a ... airliner": a hijacking, CAMEO 181, not a seizure of property
        if form == "verb" and hostile and practice_firing(tok, lambda p: self._actor_word(p.doc, p)):
            return None  # (stop 40) "fired the missile at a hulk", "in a test": a weapons test, no attack (event_frames.py)
        if form == "verb" and type_ == "ASSAULT" and labour_strike(tok):
            type_, mode = "PROTEST", ""  # (stop 39) "workers struck the plant": a labour strike (event_plays.py)
        if form == "verb" and type_ in ("REJECT", "RETREAT") and fall_not_refusal(tok):
            return None  # (stop 37) "fuel stocks are declining", (stop 38) "the index eased to 102.4": a fall, no act
        if form == "verb" and (type_ == "REJECT" and withheld_information(tok)):
            return None  # "declined to give a forecast": declining to say
        if form == "verb" and type_ == "REQUEST" and anonymity_asked(tok):
            return None  # (stop 40) "who asked not to be identified": an unnamed source, no request
        if form == "verb" and type_ == "REQUEST" and imposed_order(tok):
            type_, mode = "COERCE", "restrict"  # "ordered restaurants to close", "was ordered to serve one year"
        if form == "verb" and self.classes.get(type_) == "hostile" and against_illness(tok, kind_of, self.controlled):
            return None  # "the WHO have now arrested cholera": a fight against an illness, figurative
        if form == "noun" and type_ == "REQUEST" and tok.lemma_.lower() == "demand" and self._market_demand(tok):
            return None  # (stop 33) "China's rising demand for lube": a market's demand, no request
        if form == "noun" and kind_of(tok) in UNAUTHORED_KINDS:
            return None  # "suffered a heart attack": an illness named by a trigger noun, no act
        if form == "verb" and self.classes.get(type_) == "hostile" and accident(tok, self.accident_verbs, self._thing):
            return None  # "a car struck a ditch", "was killed in a crash": an accident, no act between actors
        if form == "verb" and lemma in self.journeys and not self._meeting_purpose(tok):
            return None  # "travelled to the US for treatment", "flew to New York to see her father": a trip, no visit
        if form == "verb" and not needs and self._needs_patient(type_, mode) and not self._actor_patient(tok, self._patient_kind(type_, mode)):
            return None  # "released his new EP", "attended a fashion show": the verb's other sense
        if form == "verb" and self._other_sense(tok):
            return None  # "attended Vanier College": the object's type gives the verb another sense
        if form == "verb" and lemma in self.agreement_verbs and not any(self._agreement_noun(p) for p in self._patients(tok)):
            return None  # "signed a striker", "signed an executive order": no agreement signed
        if form == "verb" and not needs and type_ in self.recipient_types and not self._recipient(tok):
            return None  # "helped launch a website", "provides free licenses": nothing given to anyone
        if form == "verb" and type_ in self.material and self._reports(tok):
            return None  # "recalled that ...", '"...," shared X': a deed's verb used as a verb of saying
        if form == "verb" and type_ in self.addressed and (self._asks_question(tok) or self._decree_on_thing(tok)):
            return None  # '"Why didn't they act?" asked X', "ordered the goats to be slaughtered": no request
        if form == "verb" and type_ in self.assent and not self._commitment(tok):
            return None  # "agrees that students feel blamed", "X agreed.": an opinion, not a commitment
        if form == "verb" and (own_measure(tok, type_) or proposal(tok, type_) or participle_after_preposition(tok)
                               or blamed_condition(tok, type_, lambda p: self._actor_word(p.doc, p))
                               or ordered_change(tok, type_, lambda p: self._actor_word(p.doc, p))):
            return None  # (stop 41) "approved its ban", "proposed a plan", "blamed X on the dollar", "ordered an
            # increase in allowances", "about alleged acceleration" (event_own_acts.py)
        if form == "verb" and type_ == "CONCEDE" and any(c.dep_ == "ccomp" for c in tok.children) and not self._commitment(tok):
            return None  # (stop 40) "conceded (that) casualties were high": admitting a fact; "conceded defeat", "to X" stay
        if form == "verb" and lemma in self.intent | self.commit and any(self._trigger_lemma(c) for c in tok.children if c.dep_ == "xcomp"):
            return None  # "pledged to free": the complement is the event, this verb its intent
        controls = f"{type_}/{mode}".lower() in self.control or type_.lower() in self.control
        if controls and controlled_measure(tok, self.controlled, self.trade, self.measure_nouns):
            return None  # "Any movement of livestock has been banned": disease or food control, no act on an actor
        if type_ == "CONSULT" and mode == "visit" and field_visit(tok, self.fieldwork, self._person):
            return None  # "A UNHCR assessment team visited X": fieldwork at a place, no meeting
        if f"{type_}/{mode}".lower() in self.inquiries and (self._inquiry_of_event(tok) or clinical_inquiry(tok, self.clinicians)):
            return None  # "investigating an outbreak of an illness in X": an inquiry into what happened, no accusation
        if form == "verb" and type_ in self.asking and lemma in self.intent and any(c.dep_ == "xcomp" for c in tok.children):
            return None  # "sought to assure investors": a verb of intent ([intent]) with its aim, no request
        if form == "verb" and type_ in self.asking and self._open_question(tok):
            return None  # '"Why was there such a verdict?" asked X': a question asked of no one, no request
        if form == "verb" and (deal_making(tok, type_) or contract_terms(tok, type_) or market_act(tok, type_)
                               or type_ == "REQUEST" and goods_ordered(tok, self._act_noun, self._actor_word)):
            return None  # (stop 39) "asked the board for leave to bid", "ordered 20 jets", (stop 40) "sought delays for
            # deliveries": the market's deal-making and a contract's terms (event_commerce.py); (stop 41) goods sought
            # at a tender, credit sought, goods supplied, offers refused at a tender (event_procurement.py)
        negated = any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children)
        )
        klass = self.classes.get(type_, "")
        if negated:
            if klass != "cooperative" or self._not_since(tok) or any(c.dep_ == "aux" and c.lemma_.lower() in ("can", "could") for c in tok.children) \
                    or any(c.dep_ == "auxpass" for c in tok.children):
                # "have not met since May 2008", "can't defend him": no act rejected; (stop 40) "they were not
                # consulted on the sale": a negated passive names no one who refused, and an act not done is no refusal
                return None
            return "REJECT", "", form, roles
        intended = form == "verb" and self._intended(tok)
        if intended and predicted(tok, self.modal | self.future, self.hedges):
            intended = ""  # "would probably be extradited": a prediction, no party's commitment; the modal is its status
        if intended == "intent" and type_ == "CONSULT":
            # (stop 33) "would visit Bonn next month": a trip planned, no promise to a host; (stop 40) "would meet with
            # X on Thursday", "would attend the talks", "plans to discuss": a meeting planned, no AGREE; its status
            # (modal, intended) keeps it from being counted
            return type_, mode, form, roles
        if intended == "intent" and klass == "cooperative" and type_ != "AGREE":
            return "AGREE", "", form, roles
        if intended and klass == "hostile":
            return "THREATEN", "", form, roles
        return type_, mode, form, roles

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

    def _declined_to_say(self, verb: Token) -> bool:
        """(stop 32) The complement of a refusal is a verb of saying or of a stated view (plover.tsv [speech],
        cues.tsv [verb] and [indirect]: "comment", "say", "speculate", "elaborate") with no actor as its object
        ("refused to speculate on what might happen"): declining to say, no act rejected. "refused to recognise
        Kosovo" keeps its object and stays a rejection."""
        low = verb.lemma_.lower()
        if low in self.speech:
            return True  # the rule before stop 32, kept as it was
        if low not in _saying_verbs() or low in self.verbs:
            return False  # "refused to agree to the plan": the complement is an act of the lexicon, refused
        return not any(c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN") for c in verb.children)

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

    def _ordered_coercion(self, tok: Token) -> Token | None:
        """(stop 36) The coercive act an order names as its object ("ordered the arrest of X", "ordering the arrest of
        some militants"): the event is that act by its author, COERCE (the audits' convention: a closure or an arrest
        ordered is the restriction, as "ordered held on bond"). Any other act ordered stays the order, as CAMEO codes
        it ("ordered an investigation against X" is a demand, 1014 -> REQUEST), and so does an order to someone
        ("ordered X to ...")."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ORDERS:
            return None
        named = imposed_act(tok, self.nouns)
        return named if named is not None and noun_type(named, self.nouns)[0] == "COERCE" else None

    def _trigger_lemma(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self.verbs

    def _intended(self, tok: Token) -> str:
        """ "intent" ("would free", "wants to help"), "future" ("will supply") or "" (done, or committed to:
        "agreed to lift" is coded as the lifting)."""
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if aux & self.modal:
            return "intent"
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.intent:
            return "intent"
        if aux & self.future:
            return "future"
        return ""

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


@lru_cache(maxsize=1)
def _saying_verbs() -> frozenset[str]:
    """cues.tsv [verb] and [indirect]: verbs that introduce what someone said or thinks (a refusal of one is
    declining to say)."""
    return _lex_words("cues.tsv", "verb") | _lex_words("cues.tsv", "indirect")
