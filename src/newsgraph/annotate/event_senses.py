"""Verb senses for `newsgraph_events`: whether a trigger verb's arguments give it the sense its lexicon row codes.

Split out of events.py, whose `_trigger` asks these questions before it accepts a row: does the verb act on an actor
("released his new EP" and "attended a fashion show" do not; data [patient]), does the patient's kind give the verb
another sense ("attended Vanier College" is studying; data [other_sense], [institution]), is an agreement signed
("signed a striker"; data [agreement_object]), is anything given to anyone ("helped launch a website"; data
[recipient]), is a deed's verb used to report ("recalled that ..."; data [material]), is anything committed to
("agrees that ..."; data [assent]). A mixin of EventFinder between it and `EventRoles`: it reads the word lists
the finder loaded and the people and joint-noun tests of `EventRoles`.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_phrases import act_authors, partitive_whole, prep_objects, with_conj
from newsgraph.annotate.event_own_acts import opinion_prep
from newsgraph.annotate.event_roles import EventRoles
from newsgraph.annotate.resolve import role_nouns

#: Tags of the words that open a wh-question ("why", "how", "what", "who", "which").
_WH_TAGS = ("WRB", "WP", "WDT", "WP$")


def _framed_question(tok: Token) -> bool:
    """The verb frames a quotation ending in "?" that stands right before it ('"... at this site?" asked X') or right
    after it (asked: "Why ...?"), with nothing but punctuation and its subject between."""
    doc = tok.doc
    before = [t for t in doc[tok.sent.start : tok.i] if not (t.is_space or t.is_quote or t.text == ",")]
    if before and before[-1].text == "?":
        return True
    after = doc[tok.i + 1 : tok.sent.end]
    inside = [t for t in after if not (t.is_space or t.is_quote)]
    return bool(inside) and inside[-1].text == "?" and any(t.is_quote for t in after[:3])


#: Entity labels of a "by" object that is no margin ("by Friday", "by 5 p.m.").
_NO_MARGIN = ("DATE", "TIME", "PERSON", "ORG", "GPE", "NORP")


def _margin(tok: Token) -> bool:
    """(stop 32) An active hostile verb with an object and a counted margin ("Glamorgan beat Durham by 141 runs",
    "won by an innings", "leads Trump by five points"): a result counted in units, a contest's or a poll's, no
    assault. The margin is a "by" phrase on the verb whose object is a common noun with a number (or "an" / "a")
    that names no people ("by three gunmen" is a passive's agent; the verb must be active with an object)."""
    kids = list(tok.children)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) or not any(c.dep_ == "dobj" for c in kids):
        return False
    for c in kids:
        if c.dep_ != "prep" or c.lower_ != "by":
            continue
        for o in prep_objects(c):
            if o.pos_ != "NOUN" or o.ent_type_ in _NO_MARGIN or o.lower_ in role_nouns() or o.lemma_.lower() in role_nouns():
                continue
            counted = any(n.dep_ == "nummod" for n in o.children) or any(n.dep_ == "det" and n.lower_ in ("a", "an") for n in o.children)
            if counted and not _people_unit(o):
                return True
    return False


def _people_unit(tok: Token) -> bool:
    from newsgraph.annotate.event_heads import _people

    return _people(tok)


class EventSenses(EventRoles):
    """Argument checks on trigger verbs (the word lists are EventFinder's)."""

    patient_types: frozenset[str]
    patient_kinds: dict[str, str]
    other_sense: dict[str, str]
    institutions: frozenset[str]
    kin: frozenset[str]
    light: frozenset[str]
    permissions: frozenset[str]
    business: frozenset[str]
    care: frozenset[str]
    premises: frozenset[str]
    quantities: frozenset[str]
    market: frozenset[str]
    works: frozenset[str]
    market_grades: frozenset[str]
    nouns: dict[str, list[tuple[str, str, set[str], str]]]
    modal: frozenset[str]
    opinion_modals: frozenset[str]
    future: frozenset[str]
    act_suffixes: tuple[str, ...]
    journeys: frozenset[str]
    verbal_objects: frozenset[str]
    noun_preps: frozenset[str]
    consult_verbs: frozenset[str]
    consult_nouns: frozenset[str]

    def _intended(self, tok: Token) -> str:  # EventFinder's
        raise NotImplementedError

    def _needs_patient(self, type_: str, mode: str) -> bool:
        return type_.lower() in self.patient_types or f"{type_}/{mode}".lower() in self.patient_types

    def _patient_kind(self, type_: str, mode: str) -> str:
        """What the patient of a [patient] type may be: "actor" (no act), or "" (an actor or an act)."""
        return self.patient_kinds.get(f"{type_}/{mode}".lower(), self.patient_kinds.get(type_.lower(), ""))

    def _patients(self, tok: Token) -> list[Token]:
        """The direct object, passive subject or dative of a verb, or the noun its passive participle modifies."""
        patients = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if not patients:
            # a dative is the patient only where there is no object ("released him"); beside one it is the recipient
            # ("released a statement to People"), and a preposition parsed as the dative stands for its object
            datives = [c for c in tok.children if c.dep_ == "dative"]
            patients = [o for c in datives for o in (prep_objects(c) if c.pos_ == "ADP" else [c])]
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            patients.append(tok.head)
        return patients

    @staticmethod
    def _inverted_condition(tok: Token) -> bool:
        """The verb's clause is a condition made by inversion: an auxiliary of "had", "were" or "should" before the
        subject ("could not have left had he not met X", "were they to attack", "should talks fail")."""
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in ("have", "be", "should")]
        return bool(subj and aux) and aux[0].i < subj[0].i < tok.i and not tok.sent.text.rstrip().endswith("?")

    @staticmethod
    def _not_since(tok: Token) -> bool:
        """A negated perfect measured from a time ("have not met since May 2008", "has not spoken to X for years"):
        a stretch of time without the act, which PLOVER does not code as a rejection."""
        perfect = tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)
        return perfect and any(c.dep_ in ("prep", "mark") and c.lower_ in ("since", "for") for c in tok.children)

    def _meeting_purpose(self, tok: Token) -> bool:
        """A journey (data [journey]: travel, fly, arrive) is a visit only when it is made to meet: a purpose
        infinitive of a CONSULT verb ("flew to Moscow to meet X") or a CONSULT noun after a preposition ("for talks",
        "on a state visit"). A trip for treatment, to see family or home is travel, no act between actors."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in self.consult_verbs:
                return True
            if c.dep_ == "prep" and any(o.lemma_.lower() in self.consult_nouns or o.lower_ in self.consult_nouns for o in prep_objects(c)):
                return True
        return False

    def _verbal_object(self, tok: Token) -> bool:
        """What a hostile verb or noun acts on is an idea, a text or a policy (data [verbal_object]): its direct object
        or passive subject, or for a noun the object of "on"/"against" ("an attack on the plan")."""
        objs = self._patients(tok) if tok.pos_ == "VERB" else [
            o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for o in prep_objects(c)]
        return any(o.lemma_.lower() in self.verbal_objects or o.lower_ in self.verbal_objects for o in objs)

    def _other_sense(self, tok: Token) -> bool:
        """The verb's patient is of the kind data [other_sense] gives its lemma ("signed a striker": hiring)."""
        kinds = self.other_sense.get(tok.lemma_.lower(), "")
        return any(self._of_kind(tok, kind) for kind in kinds.split("|") if kind)

    def _of_kind(self, tok: Token, kind: str) -> bool:
        """The verb's patient (or its "of"/"about" objects, for "thing") is of `kind`."""
        if kind == "thing":
            about = [x for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "about") for o in prep_objects(c) for x in with_conj(o)]
            return bool(about) and not self._patients(tok) and all(self._thing(o) for o in about)
        for p in self._patients(tok):
            if kind == "person" and self._person(p):
                return True
            if p.pos_ in ("ADJ", "NUM", "PRON", "DET"):
                p = next((o for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)), p)  # "most of the budget"
            words = {"institution": self.institutions, "kin": self.kin, "permission": self.permissions,
                     "business": self.business, "care": self.care, "premises": self.premises,
                     "quantity": self.quantities, "market": self.market, "amount": self.amounts}.get(kind, frozenset())
            if p.lemma_.lower() in words or p.lower_ in words:
                return True
            if kind == "permission" and any(c.dep_ == "compound" and (c.lemma_.lower() in words or c.lower_ in words) for c in p.children):
                return True  # (stop 38) "granted the licence renewal", "a permit extension": a permission's paperwork
            if kind == "work" and p.pos_ == "NOUN" and (p.lemma_.lower() in self.works or p.lower_ in self.works):
                return True  # (stop 33) "the film was shot on location": filming
            if kind == "goods" and self._thing(p) and p.lower_ not in role_nouns() and p.lemma_.lower() not in role_nouns():
                return True  # "recalled 380,000 eggs": a product recall
        return False

    def _market_demand(self, tok: Token) -> bool:
        """(stop 33) A "demand" noun that is a market's ("China's rising demand for lube and oil-based products",
        "reduced demand for tickets"): what it is for is goods (every "for" object a thing, no act and no actor), and
        the noun is graded as a quantity, by a participle of change ("rising", "reduced") or an adjective of a
        market's size ([market_grade]: "strong", "weak", "global"). A demand for an act ("demand for his release")
        or of someone ("demands on the government") stays a request."""
        wanted = [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in prep_objects(c) for x in with_conj(o)]
        if wanted and not all(self._thing(o) and not self._act_noun(o) for o in wanted):
            return False
        graded = any(c.dep_ == "amod" and (c.tag_ in ("VBG", "VBN") or c.lower_ in self.market_grades) for c in tok.children)
        # (stop 39) a quantity a market force moves ("inflows boosted demand for the dollar") or the pair "supply and
        # demand"; with nothing it is for, only a singular demand of no one ("took the opportunity of strong demand")
        moved = tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in self.market_changes
        paired = any(t.lemma_.lower() == "supply" for t in (tok.head, *tok.children) if t.dep_ in ("conj", "cc") or t is tok.head and tok.dep_ == "conj")
        if not wanted and (tok.lower_ != "demand" or any(c.dep_ == "poss" for c in tok.children)):
            return False
        return graded or moved or paired

    def _inquiry_of_event(self, tok: Token) -> bool:
        """An investigation of no actor (data [inquiry]): a verb whose patients, or a noun whose "of"/"into" objects,
        are all events or things with no author ("investigating an outbreak", "an investigation into the death of
        X"); a verb with no patient too. A person, a body, a named actor, a pronoun or an act whose author is named
        ("investigated X's allegations") is one investigated: an accusation."""
        if tok.pos_ == "VERB":
            patients = self._patients(tok)
        else:
            patients = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "into") for o in prep_objects(c)]
            if not patients:
                return False  # "an investigation by the police": what it is into is not said
        return not any(self._suspect(x) for p in patients for x in with_conj(partitive_whole(p)))

    def _suspect(self, tok: Token) -> bool:
        """One an investigation can be of: a pronoun, a person, group, body or named actor (no place), or an act
        with its author named."""
        if tok.pos_ == "PRON":
            return tok.lower_ not in ("it", "this", "that", "which", "what")  # "it was being investigated": the incident
        if self._actor_word(tok.doc, tok) or tok.lower_ in role_nouns() or tok.lemma_.lower() in role_nouns():
            return True
        return self._act_noun(tok) and bool(act_authors(tok)) or any(c.dep_ == "poss" for c in tok.children) and not self._thing(tok)

    @staticmethod
    def _open_question(tok: Token) -> bool:
        """A quoted question asked of no one named ('"Why was there such a verdict?" asked X'): the verb frames a
        quotation that ends in a question mark and has no object, dative or "of" phrase naming who was asked. A
        voiced or rhetorical question is no request. An indirect question stays ("the moderator asked why ...": a
        question put to a panel, judged a REQUEST on the 99 audit pages), as does a demand ("asked that ...")."""
        if any(c.dep_ in ("dobj", "obj", "dative", "iobj") or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return False
        for c in tok.children:
            if c.dep_ == "ccomp" and any(t.text == "?" for t in c.subtree):
                return True
        return any(x.text == "?" and x.i < tok.i for x in tok.children)

    def _other_use(self, tok: Token, hostile: bool) -> bool:
        """The trigger names no act between actors whatever its type: a part of a hyphenated compound ("tug-of-war"),
        a hostile verb with a score ("beat Northgate 2-1": a sports result), or a light verb whose prepositional
        object names no act (data [light]: "engaged in a tug-of-war")."""
        if tok.pos_ == "VERB" and tok.lemma_.lower() in self.light:
            acts = [o for c in tok.children if c.dep_ == "prep" for o in prep_objects(c)]
            if not any(not self._thing(o) and not self._in_hyphenated(o) for o in acts):
                return True  # "engaged in a tug-of-war": the act is the object's, and it names none
        return self._in_hyphenated(tok) or hostile and tok.pos_ == "VERB" and self._score(tok)

    @staticmethod
    def _score(tok: Token) -> bool:
        """A hostile verb whose clause gives a score ("beat Northgate 2-1", "won 3–0"): a sports result, no assault."""
        toks = [t for c in tok.children if c.dep_ not in ("ccomp", "advcl", "relcl", "conj") for t in c.subtree]
        for t in toks:
            if re.fullmatch(r"\d{1,3}[-–]\d{1,3}", t.text):
                return True
            nxt = t.nbor(1) if t.i + 2 < len(t.doc) else None
            if t.like_num and nxt is not None and nxt.text in ("-", "–") and not t.whitespace_ and not nxt.whitespace_ and nxt.nbor(1).like_num:
                return True
        return _margin(tok)

    @staticmethod
    def _in_hyphenated(tok: Token) -> bool:
        """The trigger is one part of a hyphenated compound of three or more words ("a tug-of-war", "a hit-and-run",
        "a war-of-words"): the compound names something else (a contest, an accident), not the act."""
        doc, parts, i = tok.doc, 1, tok.i
        while i - 2 >= 0 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
            parts, i = parts + 1, i - 2
        i = tok.i
        while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
            parts, i = parts + 1, i + 2
        return parts >= 3

    def _agreement_noun(self, tok: Token) -> bool:
        """A noun naming an agreement: a joint act ([joint]: "treaty", "pact") or an AGREE trigger noun ("pledge")."""
        if self._joint_noun(tok):
            return True
        rows = self.nouns.get(tok.lower_) or self.nouns.get(tok.lemma_.lower()) or []
        return tok.pos_ == "NOUN" and any(r[0] == "AGREE" for r in rows)

    def _struck_agreement(self, tok: Token) -> bool:
        """A verb whose object, subject or relative antecedent is an agreement ("struck a deal with X", "a deal struck
        with X" misparsed as its subject, "a deal that they struck with X"): a hostile verb so used makes one."""
        args = self._patients(tok) + [c for c in tok.children if c.dep_ == "nsubj"] + ([tok.head] if tok.dep_ == "relcl" else [])
        return any(self._agreement_noun(p) and p.lemma_.lower() not in self.relation_nouns and p.lower_ not in self.relation_nouns
                   for p in args)  # (stop 36) "ties", "talks": a relation, not an agreement made

    def _recipient(self, tok: Token) -> bool:
        """Someone the verb gives to: a patient that is no thing, or the object of "to"/"for" that is no thing."""
        to = [o for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for o in prep_objects(c)]
        datives = [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]  # "lent the Okafors his flat"
        return any(not self._thing(p) and p.pos_ not in ("VERB", "AUX") for p in self._patients(tok) + datives + to)

    def _person(self, tok: Token) -> bool:
        """A person: a personal pronoun, a person entity, or a common noun for people."""
        if tok.pos_ == "PRON":
            return tok.lower_ in ("him", "her", "them", "me", "us")
        ent = find_entity(tok.doc, tok.idx, tok.idx + len(tok.text))
        if ent is not None:
            return ent.type == "person"
        return tok.pos_ == "NOUN" and self.people_noun(tok)

    @staticmethod
    def _reports(tok: Token) -> bool:
        """The verb takes a reported clause (a "that" clause, or the quotation it frames)."""
        return any(c.dep_ == "ccomp" for c in tok.children)

    def _asks_question(self, tok: Token) -> bool:
        """A verb of request framing a question and asking for nothing to be done (data [addressed]): its reported
        clause, or the quotation right before or after it, ends in "?" or opens with a wh-word, "whether" or "if",
        and it has no infinitive and no "for" object ("asked X to leave", "asked for funds" are requests)."""
        if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            return False
        for c in tok.children:
            if c.dep_ not in ("ccomp", "parataxis", "advcl"):
                continue
            words = [t for t in c.subtree if not (t.is_space or t.is_quote)]
            if words and (words[-1].text == "?" or words[0].tag_ in _WH_TAGS or words[0].lower_ in ("whether", "if")):
                return True
        return _framed_question(tok)

    def _decree_on_thing(self, tok: Token) -> bool:
        """An order whose complement is a passive infinitive on a thing ("ordered all 300,000 goats to be
        slaughtered", "ordered the building to be sealed"): a measure decreed on the thing, no actor asked to act."""
        for c in tok.children:
            if c.dep_ not in ("ccomp", "xcomp") or not any(a.dep_ == "auxpass" for a in c.children):
                continue
            if not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                continue
            subj = [a for a in c.children if a.dep_ == "nsubjpass"] + [a for a in tok.children if a.dep_ in ("dobj", "obj")]
            if subj and all(self._thing(partitive_whole(s)) for s in subj):
                return True
        return False

    def _commitment(self, tok: Token) -> bool:
        """A verb of commitment names what is committed to: an infinitive ("agreed to lift"), an object that is no
        thing ("agreed a ceasefire", "offered talks"), a prepositional object other than "with" ("agreed on a deal"), or a
        clause of a future act ("agreed that inspectors could visit"). "agreed with X", "agrees that Y is right" and a
        bare "agreed" state an opinion."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "prt") or c.dep_ in ("dobj", "obj", "nsubjpass") and not self._thing(c):
                return True  # a thing offered or promised is commerce ("offers international dishes", "a price")
            if c.dep_ == "prep" and opinion_prep(c):
                continue  # (stop 41) "agreed on the need for", "agreed with X on having one consortium": a view
            if c.dep_ == "prep" and c.lower_ != "with" and not all(o.ent_type_ in ("DATE", "TIME") for o in prep_objects(c) or [c]):
                return True  # "agreed on a deal"; "agreed with X in January that ..." names when, not what
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ not in self.opinion_modals
                                         and (a.lower_ in self.modal | self.future or a.tag_ == "MD") or a.lower_ == "to"
                                         for a in c.children):
                return True  # "agreed that inspectors could visit"; "agreed that the rules should change" is an opinion
        return tok.dep_ in ("acl", "amod", "xcomp") or self._intended(tok) != ""

    def _actor_patient(self, tok: Token, kind: str = "") -> bool:
        """The verb acts on an actor or an act: its direct object, passive subject or the noun its passive participle
        modifies is a person, group, body, entity, name or act, not a thing ("released his new EP", "data released
        Friday"); with `kind` "actor", not an act either ("released a statement"). No patient at all ("hails from X")
        is no act on an actor either."""
        patients = self._patients(tok)
        if not patients and tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children):
            # "The civilians ... were released by X" parsed as a passive verb coordinated with the subject's verb
            patients = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if kind == "people":
            return any(self._people(partitive_whole(p)) for p in patients)
        return any(not self._thing(p) for p in patients)

    def _people(self, tok: Token) -> bool:
        """A person or a group: a personal pronoun, a person or group entity, a people or role noun."""
        if tok.pos_ == "PRON":
            return tok.lower_ in ("him", "her", "them", "us", "me", "who", "whom")
        if tok.pos_ == "PROPN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return False  # "released its Winter Outlook": a possessive pronoun makes the name a thing's (people's take none)
        ent = find_entity(tok.doc, tok.idx, tok.idx + len(tok.text))
        if ent is not None:
            return ent.type in ("person", "group")
        return tok.pos_ in ("NOUN", "PROPN") and (self.people_noun(tok) or tok.lower_ in role_nouns() or tok.lemma_.lower() in role_nouns())

    def _thing(self, tok: Token) -> bool:
        """A common noun naming a thing: no pronoun, name, entity, people noun or act noun (data [act_suffix])."""
        # a proper noun with no entity after a determiner or a possessive pronoun is a thing's name ("his new EP")
        used_as_thing = tok.pos_ == "PROPN" and not tok.ent_type_ and any(
            c.dep_ == "det" or c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children
        )
        if tok.ent_type_ == "MONEY" or tok.pos_ == "SYM" and tok.tag_ == "$":
            return True  # "received $40", "granted 2 million dollars": a sum of money
        if tok.pos_ != "NOUN" and not used_as_thing or tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return False
        lemma = tok.lemma_.lower()
        if self.people_noun(tok) or lemma in self.act_nouns or tok.lower_ in self.act_nouns:
            return False
        if len(lemma) > 5 and lemma.endswith(self.act_suffixes):
            return False
        inner = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if inner and not all(self._thing(o) for o in inner):
            return False  # "the news of X's promotion", "the fate of the hostages": what the noun is of
        return find_entity(tok.doc, tok.idx, tok.idx + len(tok.text)) is None
