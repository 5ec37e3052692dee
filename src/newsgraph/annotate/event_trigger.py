"""How a trigger token reads as a PLOVER type: the lexicon's row, then the verb's sense from its arguments and
its factuality (intent, negation, conditions), for `newsgraph_events`.

Split out of events.py (stop 42, behaviour unchanged), whose `_from_token` asks `_trigger` for the (type, mode,
form, roles) of a token before it looks for actors: a mixin of EventFinder that reads the finder's word lists
(event_lexicon.py) and its actor and sense tests (event_actor_kinds.py, event_senses.py). Each check's comment
names the stop that wrote it and the case it serves; the checks themselves live in small modules by concern
(event_act_senses, event_frames, event_plays, event_commerce, event_procurement, event_own_acts, ...), this class
only orders them.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.event_act_senses import act_sense
from newsgraph.annotate.event_actor_kinds import UNAUTHORED_KINDS
from newsgraph.annotate.event_commerce import contract_terms, deal_making, goods_ordered
from newsgraph.annotate.event_frames import frame_reading, practice_firing
from newsgraph.annotate.event_measures import (
    against_illness,
    clinical_inquiry,
    controlled_measure,
    field_visit,
    measure_prep,
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
    sport_sanction,
    withheld_information,
)
from newsgraph.annotate.event_procurement import market_act
from newsgraph.annotate.event_readings import imposed_act, noun_type, predicted
from newsgraph.annotate.lexicon import words as _lex_words


class EventTriggerReading:
    """The type a trigger token reads as (`_trigger`), and the factuality readings it takes from its verb."""

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


@lru_cache(maxsize=1)
def _saying_verbs() -> frozenset[str]:
    """cues.tsv [verb] and [indirect]: verbs that introduce what someone said or thinks (a refusal of one is
    declining to say)."""
    return _lex_words("cues.tsv", "verb") | _lex_words("cues.tsv", "indirect")
