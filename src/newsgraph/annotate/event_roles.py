"""Roles of an event for `newsgraph_events`: source and targets of a trigger in the parse (its place and date:
event_place_date.py).

The source is the trigger's subject, found by climbing participles and complements; the target is its object or
the object of a target preposition, coordinated objects one each (an object that names an act and is no entity
stands for the act's author when that is an entity: "condemned the attack by X" -> X); a joint noun takes partners only from
participant prepositions. A subject or object that names an act stands for the act's author, a nationality adjective
for its country ("Indian airstrikes killed ..." -> India; not "Peruvian troops" or "Sudanese refugees", which are
people); a quantity stands for what it counts ("dozens of fighters"); a verb with no object shares the object of the
verb coordinated with it ("beat and robbed the women"); a reported verb inside a relative clause takes the
antecedent as its subject ("airstrikes that they said killed ..."); a passive without an agent done in an act with
an author takes that author ("killed in an air strike by X"). A mixin of EventFinder: it reads the word lists the
finder loaded. The phrase helpers these rules share (coordination, prepositional objects, act authors, partitives)
and the actor filters live in event_actor_phrases.py.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.actor_nouns import possessed, related_noun
from newsgraph.annotate.clause_geometry import clause_bounds, coordinated_with_report
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_accused import possessed_deed
from newsgraph.annotate.event_actor_phrases import (
    act_authors,
    antecedent,
    authors_of,
    entities_in,
    partitive_whole,
    prep_objects,
    stranded_agent,
    titled_person,
    with_conj,
)
from newsgraph.annotate.event_frames import weapon
from newsgraph.annotate.event_heads import not_agents, private_body, shared_organ
from newsgraph.annotate.event_mishaps import instrument_kinds
from newsgraph.annotate.event_objects import EventObjects
from newsgraph.annotate.event_parse_repairs import before_dash, origin_of_levied, shared_agent, stolen_object
from newsgraph.annotate.event_place_date import EventPlaceDate
from newsgraph.annotate.resolve import Actor, doc_text, origin_modifier, resolve_token, role_nouns

DATA = "plover.tsv"


SUBJ = ("nsubj", "nsubjpass", "csubj")
CLIMB = ("xcomp", "acomp", "advcl", "pcomp", "prep", "pobj", "dobj", "acl", "conj", "relcl", "amod", "compound")
#: Prepositions that name members of a class ("organizations, including the WHO", "bodies such as X").
EXAMPLES = ("including", "like", "such")


class EventRoles(EventObjects, EventPlaceDate):
    """Actors of triggers (the word lists are EventFinder's); place and date come from `EventPlaceDate`."""

    target_preps: frozenset[str]
    adjunct_preps: frozenset[str]
    participant_preps: frozenset[str]
    locative: frozenset[str]
    reporting: frozenset[str]
    speech: frozenset[str]
    joint: frozenset[str]
    aside_preps: frozenset[str]
    verbal_objects: frozenset[str]
    people: frozenset[str]
    people_suffixes: tuple[str, ...]
    people_suffix_except: frozenset[str]
    act_suffixes: tuple[str, ...]
    act_nouns: frozenset[str]
    naming: frozenset[str]
    classes: dict[str, str]
    verbs: dict[str, list[tuple[str, str, set[str], str]]]
    nouns: dict[str, list[tuple[str, str, set[str], str]]]

    def _thing(self, tok: Token) -> bool:  # EventFinder's
        raise NotImplementedError

    def people_noun(self, tok: Token) -> bool:
        """A common noun for people ("officials", "fishermen", "a Nigerian student"): a national modifier on it
        says where they are from, not who acted (data event_actors.tsv [people], plover.tsv [people_suffix])."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in self.people or lemma in self.people or related_noun(tok):
            return True
        # a thing built like an agent noun ("banners", "containers", facts.tsv [not_agents]) is no one
        return (len(low) > 4 and low.endswith(self.people_suffixes) and low not in self.people_suffix_except
                and lemma not in not_agents())

    def _subjects(self, doc: Doc, src: Token | None) -> list[Actor]:
        """The subject and the subjects coordinated with it ("Egypt and Ethiopia"); a subject that names an act
        stands for the act's author ("Indian airstrikes killed ..." -> India)."""
        if src is None:
            return []
        toks = with_conj(src) if src.dep_ in SUBJ else [src]
        out: list[Actor] = []
        for t in toks:
            t = titled_person(t)
            a = resolve_token(doc, t, [])
            a = Actor(e, e.name, a.start, a.end) if (e := shared_organ(doc, src, t)) is not None else a  # "U.S. firms and officials"
            act = a.entity is None and t.pos_ == "NOUN" and not self.people_noun(t) and not self._members(t) and not private_body(t)
            # "Indian airstrikes", not "Peruvian troops", "Sudanese refugees" or (stop 41) "Freedonian industry"
            authors = authors_of(doc, t) if act else []
            if act and not authors and self._instrument(t):
                continue  # "killed by an airstrike", "a tank had fired": an act or a thing with no author is no actor
            out += authors or [a]
        return out

    def _instrument(self, tok: Token) -> bool:
        """A subject or agent that is an act or an instrument, not who did it ("an airstrike", "a tank in Israel", "a
        car"): a common noun that names an act of the lexicon or a weapon, vehicle or force of nature (data
        event_actors.tsv [instrument]), no role noun, with no name or nationality among its modifiers (those name
        its author: "Israeli tanks"). Other common nouns stay actors ("a jury", "seven progressives")."""
        if tok.lower_ in role_nouns() or tok.lemma_.lower() in role_nouns():
            return False
        if any(c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN" for c in tok.lefts):
            return False
        return self._act_noun(tok) or tok.lower_ in instrument_kinds() or tok.lemma_.lower() in instrument_kinds()

    def _source(self, tok: Token) -> Token | None:
        """The subject of the trigger or of the nearest clause above it."""
        cur = tok
        lo, hi = clause_bounds(tok)
        if (
            tok.dep_ == "conj"
            and tok.head.dep_ == "ccomp"
            and tok.head.head.lemma_.lower() in self.reporting | self.speech
            and not any(c.dep_ in SUBJ for c in tok.children)
            and (tok.lemma_.lower() in self.speech or coordinated_with_report(tok, tok.head, tok.head.head))
        ):
            # "X said the dam would supply power and accused Y": a speech verb, or a verb in the tense of "said" and
            # not of the clause it is hung on, is coordinated with "said": X accuses, not the dam
            cur = tok.head.head
        if (agent := stranded_agent(tok)) is not None:
            return agent  # "sentenced ... at the County Courthouse by Judge X": the "by" hung on a noun
        antecedent = self._relative_antecedent(tok)
        if antecedent is not None:
            return antecedent  # "airstrikes that they said killed 26 people": the antecedent did the killing
        for _ in range(6):
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj") and lo <= c.idx < hi]
            if subj:
                if subj[0].lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                    return cur.head  # "Rashid, who met ..."
                return subj[0]
            if cur.dep_ == "acl" and cur.tag_ != "VBN" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head  # "Berg, ..., called for ..." parsed as a clause on the name
            agent = [g for c in cur.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agent and cur is not tok and tok.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in tok.children) \
                    and not any(c.dep_ == "cc" for c in cur.children):
                # (stop 32) "Palestinians have been banned by Israel ... since suicide bombings by militants killed 59
                # people": an active verb hung on a passive as its conjunct with no "and" between is a misparse; the
                # passive's agent did not do it (a real "was attacked by X and fled" has its "and")
                return self._act_before(tok)
            if agent:
                return agent[0]
            if cur is tok and (shared := shared_agent(tok)) is not None:
                return shared  # (stop 33) "was shot and killed by a police officer": the agent of every conjunct
            if cur.dep_ == "relcl" and not (cur.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
                break  # "the court freed nurses who were convicted": the main clause's subject did not convict them (an
                # infinitive parsed as a relative clause, "confirmed the use of missiles to strike X", is still its act)
            if cur.dep_ == "conj" and any(c.dep_ == "auxpass" for c in cur.children):
                break  # "who fled or were expelled": the subject a passive shares with the verb before it is its patient
            if cur.dep_ in CLIMB and cur.head is not cur:
                cur = cur.head
            else:
                break
        return self._act_in_passive(tok) or self._subject_fallback(tok)

    @staticmethod
    def _act_before(tok: Token) -> Token | None:
        """The noun phrase that ends right before a misparsed conjunct verb, climbed to its head noun ("suicide
        bombings by Moslem militants killed": bombings), as its subject; none if the word before is no noun."""
        if tok.i == 0:
            return None
        cur = tok.doc[tok.i - 1]
        if cur.pos_ not in ("NOUN", "PROPN"):
            return None
        for _ in range(4):
            up = cur.head
            if cur.dep_ == "pobj" and up.dep_ == "prep" and up.head.pos_ in ("NOUN", "PROPN"):
                cur = up.head  # "bombings by militants": the phrase is the noun the "by" hangs on
            elif cur.dep_ in ("compound", "amod", "nmod") and up.pos_ in ("NOUN", "PROPN"):
                cur = up
            else:
                break
        return cur

    @staticmethod
    def _relative_antecedent(tok: Token) -> Token | None:
        """The subject of a reported verb inside a relative clause ("airstrikes that they said killed 26 people"):
        the verb has no subject of its own, the verb reporting it has the relative pronoun as an object (not as a
        complementizer), and the pronoun follows its antecedent noun."""
        rel = tok.head
        if tok.dep_ != "ccomp" or rel is tok or any(c.dep_ in SUBJ for c in tok.children):
            return None
        pron = next((c for c in rel.children if c.lower_ in ("that", "which", "who") and c.dep_ in ("dobj", "obj") and c.i < rel.i), None)
        if pron is None or pron.i == 0:
            return None
        before = tok.doc[pron.i - 1]
        return before if before.pos_ in ("NOUN", "PROPN") else None

    def _act_in_passive(self, tok: Token) -> Token | None:
        """A passive without an agent done "in"/"by" an act with an author ("eight people were killed in an air strike by
        government forces"): the act's author is the source."""
        if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "by", "during"):
                for o in prep_objects(c):
                    if o.pos_ == "NOUN" and not self.people_noun(o) and self._act_noun(o) and (authors := act_authors(o)):
                        return authors[0]
        for c in tok.children:
            # (stop 33) "Three servicemen were killed when unidentified gunmen attacked guards": a passive without an
            # agent, in a "when" clause whose verb is an act of the lexicon done by people; they did it
            if c.dep_ == "advcl" and c.pos_ == "VERB" and any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in c.children) \
                    and self._act_noun(c) and not any(x.dep_ == "auxpass" for x in c.children):
                subj = [x for x in c.children if x.dep_ == "nsubj"]
                if subj and subj[0].pos_ in ("NOUN", "PROPN") and (self.people_noun(subj[0]) or self._actor_word(tok.doc, subj[0])):
                    return subj[0]
        return None

    def _act_noun(self, tok: Token) -> bool:
        """A noun that names an act of the lexicon ("strike", "air strike", "attack")."""
        return tok.lower_ in self.act_nouns or tok.lemma_.lower() in self.act_nouns

    def _subject_fallback(self, tok: Token) -> Token | None:
        """A finite trigger verb left without a subject (a parse run across a paragraph or a crosshead): the first
        entity-like name of its clause before it, outside relative clauses and quotation marks."""
        lo, hi = clause_bounds(tok)
        if tok.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJ and lo <= c.idx < hi for c in tok.children):
            return None
        text = doc_text(tok.doc)
        for t in tok.doc[tok.sent.start : tok.i]:
            if t.idx < lo or t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            if any(a.dep_ in ("relcl", "acl") and lo <= a.idx < tok.idx for a in t.ancestors) or text.count('"', lo, t.idx) % 2:
                continue
            return t
        return None

    def _targets(self, doc: Doc, tok: Token, preps: frozenset[str] | None = None, asks: bool = False,
                 deeds: bool = False) -> list[Actor]:
        """The actors `tok` acts on. `asks` (a type of data [asked_for]): an object that is a thing or an act is what is
        asked for ("asked for funds", "sought an investigation of X's death"); neither it nor an actor inside it is
        the one asked. `deeds` (an accusation): only a deed's author is accused through it ("condemned Indian
        strikes"); a proposal, a plan or a law criticised is a thing, and a state or body named in its modifiers is
        no one accused ("criticized the Bordurian proposal", "a proposal from a Treasury official")."""
        preps = preps if preps is not None else self.target_preps
        objs: list[Token] = []
        places: set[int] = set()
        kids = list(tok.children)
        if tok.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj") for c in kids):
            # "beat and raped the women": a verb with no object shares the object of the verb coordinated with it
            # (one with no subject of its own)
            kids += [
                g
                for c in kids
                if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in SUBJ for x in c.children)
                for g in c.children
                if g.dep_ in ("dobj", "obj")
            ]
        if tok.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj") for c in kids):
            objs += self._named_object(tok) + stolen_object(tok)
        if tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ in SUBJ for c in kids):
            # "The civilians imprisoned ... were released by X": a passive verb parsed as coordinated with the verb of
            # its subject; that subject is the one acted on
            objs += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "charged X with murder in the death of Y": with an actor acted on directly, a prepositional object that is
        # a thing or an act is what X is charged with, done or given; the actors inside it are no targets
        direct = tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") and self._actor_word(doc, c) for c in kids)
        content: set[int] = set()
        for c in kids:
            if c.dep_ in ("dobj", "obj", "dative") and tok.pos_ == "VERB" and self._joint_noun(c):
                # "signed an agreement with X", "held talks with X": the partners of the act named by the object
                objs += [o for p in c.children if p.dep_ == "prep" and p.lower_ in self.participant_preps for o in prep_objects(p)]
            elif c.dep_ in ("dobj", "obj", "dative", "nsubjpass") and tok.pos_ == "VERB":
                objs += with_conj(before_dash(c) if c.dep_ in ("dobj", "obj") else c)
            elif c.dep_ in ("prep", "prt") and c.lower_ in preps:
                if c.lower_ in self.locative and self._actor_object(doc, kids):
                    continue  # "accused Indian forces of ... at a dam in X": the object is the target, "at" says where
                if c.lower_ in self.adjunct_preps and direct:
                    continue  # "thanked X on Twitter", "praised X on Monday": beside an actor acted on, a medium or a time
                if c.lower_ == "from" and self._introduced_people(kids):
                    continue  # (stop 36) "arrested three boys from X": where they are from, not whom the act was done to
                for o in prep_objects(c):
                    objs += with_conj(o)
                    if direct:
                        content.update(t.i for t in with_conj(o) if self._no_actor(doc, t))
                    if c.lower_ in self.locative:
                        places.update(t.i for t in with_conj(o))
            elif c.dep_ == "prt":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        objs += with_conj(cc)
        # a hostile act's "at" names its aim, not a place ("fired rockets at X")
        hostile = any(self.classes.get(r[0]) == "hostile" for r in self.verbs.get(tok.lemma_.lower(), []))
        aimed = [o for c in kids if c.dep_ == "prep" and c.lower_ in preps and (hostile or c.lower_ not in self.locative)
                 for o in prep_objects(c)]
        aimed += [c for c in kids if c.dep_ == "dative" and c.pos_ != "ADP"]  # "lent the Starmers his house"
        if hostile and aimed:
            objs = [o for o in objs if not (o.dep_ in ("dobj", "obj") and o.head.i == tok.i and weapon(o))]  # (stop 40) the missile fired
        if any(self._actor_word(doc, o) for o in aimed):
            # "launched missiles at the government", "supplied arms to X", "lent X his house": a thing as direct object
            # is what was used or given; the actor the preposition or the dative names is the target
            objs = [o for o in objs if not (o.dep_ in ("dobj", "obj") and o.head.i == tok.i and self._no_actor(doc, o))]
        out: list[Actor] = []
        # "five nurses who were convicted": a relative pronoun stands for the noun its clause hangs on; a "that" left
        # as a pronoun (its noun a thing, "a move that the UN has denounced") stands for that thing, not a person
        for o in [partitive_whole(antecedent(self._relative(doc, o))) for o in objs]:
            if o.pos_ in ("VERB", "AUX") or o.i in content:
                continue  # "accused X of attacking", "charged X with murder": the act, not an actor
            if asks and self._asked_thing(doc, o):
                # "asked for funds", "called for the release of X": what is asked for, not whom; "more funding from X"
                # names whom it is asked of, "an investigation against X" whom the act asked for is aimed at
                out += [resolve_token(doc, x, []) for c in o.children if c.dep_ == "prep" and c.lower_ in self._aimed_preps(o)
                        and not origin_of_levied(doc, o, c, self._no_actor)
                        for x in prep_objects(c) if self._actor_word(doc, x)]
                # "assistance from international organizations, including the WHO": bodies named inside whom it is
                # asked of, when that is no actor word itself
                out += [resolve_token(doc, y, []) for c in o.children if c.dep_ == "prep" and c.lower_ == "from"
                        for x in prep_objects(c) if not self._actor_word(doc, x)
                        for i in x.children if i.dep_ == "prep" and i.lower_ in EXAMPLES
                        for z in prep_objects(i) for y in with_conj(z) if self._actor_word(doc, y)]
                continue
            a = resolve_token(doc, o, [])
            if o.i in places and a.entity is not None and a.entity.type in ("city", "place"):
                continue  # "met at Camp David": where the act happened, not its target
            if (a.entity is not None and a.entity.type in ("city", "place") and o.pos_ == "NOUN"
                    and (self._joint_noun(o) or self._act_noun(o)) and find_entity(doc, o.idx, o.idx + len(o.text)) is None
                    and not any(c.dep_ == "poss" for c in o.children)):
                # (stop 37) "withdrew from the Paris agreement", "the Minsk talks": an agreement or an act named after
                # the city where it was made, not an act on the city; a city as possessor still authors it ("rejected
                # Moscow's offer"), and people or places it names keep it ("attacked the Samburu tribe")
                continue
            if (deeds and self._blamed_on(tok, o) and o.pos_ == "NOUN" and not self.people_noun(o) and not self._act_noun(o)
                    and find_entity(doc, o.idx, o.idx + len(o.text)) is None):
                continue  # (stop 38) "blamed the union's budget shortfall on X": the thing blamed, whoever owns it; X is accused
            if deeds and (o.lemma_.lower() in self.verbal_objects or o.lower_ in self.verbal_objects) and not self._owned(doc, o):
                # (stop 38) "criticized the Bordurian proposal": an idea, a text or a policy criticised (data
                # [verbal_object]) names no one accused by its modifiers; a deed keeps its author ("condemned Iraqi
                # involvement"), an owner named as such is accused ("criticized Iran's proposal")
                continue
            owned = possessed_deed(doc, o) if deeds and a.entity is None and o.pos_ == "NOUN" and not self.people_noun(o) else None
            if owned is not None:
                out += owned  # (stop 40) "criticised his handling of X": his, not X (event_accused.py)
                continue
            if a.entity is None and o.pos_ == "NOUN" and not self.people_noun(o) and not self._members(o):
                # "condemned Indian strikes", "rejected the attack by X": the target of a verb whose object is an
                # act is the act's author (its possessor, agent or national modifier), when that is an entity
                authors = authors_of(doc, o)
                if authors:
                    out += authors
                    continue
            if a.entity is None and not (related_noun(o) and possessed(o)) and not origin_modifier(doc, o):
                # "the foreign ministers of Peru and Chile": entities inside the phrase
                inner = entities_in(doc, o, self.aside_preps, self._act_noun)
                if inner:
                    out += inner
                    continue
            out.append(a)
        return out

    def _actor_word(self, doc: Doc, tok: Token) -> bool:
        """A person, group, body or named actor: a people noun, or an entity (or a name) that is no place or date."""
        if tok.pos_ == "NOUN" and self.people_noun(tok):
            return True
        ent = find_entity(doc, tok.idx, tok.idx + len(tok.text))
        if ent is not None:
            return ent.type not in ("city", "place")
        return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")

    def _no_actor(self, doc: Doc, tok: Token) -> bool:
        """A common noun for a thing or an act ("missiles", "arms"), no person, group, name or entity."""
        if tok.pos_ != "NOUN" or self.people_noun(tok) or tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return False
        return find_entity(doc, tok.idx, tok.idx + len(tok.text)) is None and not any(
            t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or t.pos_ == "PROPN" for t in tok.lefts)

    def _actor_object(self, doc: Doc, kids: list[Token]) -> bool:
        """The verb's direct object is an actor: an entity, a name, a nationality or a noun for people."""
        for c in kids:
            if c.dep_ in ("dobj", "obj"):
                if c.pos_ == "PROPN" or self.people_noun(c) or any(t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in c.lefts):
                    return True
                if find_entity(doc, c.idx, c.idx + len(c.text)) is not None:
                    return True
        return False

    def _named_object(self, tok: Token) -> list[Token]:
        """The object of "condemned what it calls X" (a free relative "what" with a verb of naming, data [naming]): X,
        or the agent the naming clause gives it ("what he calls a cowardly act by India" -> India)."""
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ != "ccomp" or c.lemma_.lower() not in self.naming or not any(g.lower_ == "what" for g in c.children):
                continue
            named = [g for g in c.children if g.dep_ in ("oprd", "xcomp", "attr") and g.pos_ in ("NOUN", "PROPN")]
            named += [o for g in c.children if g.dep_ == "prep" and g.lower_ == "as" for o in prep_objects(g)]
            agents = [o for g in c.children if g.dep_ in ("prep", "agent") and g.lower_ == "by" for o in prep_objects(g)]
            # a named act with no author given leaves the act without a target ("what he calls a cowardly act")
            out += agents or [n for n in named if act_authors(n) or self.people_noun(n) or n.pos_ == "PROPN"]
        return out

    def _joint_noun(self, tok: Token) -> bool:
        """A noun naming a joint act ("agreement", "talks"): its partners come from participant prepositions."""
        return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.joint or tok.lemma_.lower() in self.joint)
