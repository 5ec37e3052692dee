"""Things that act in no one's name, for `newsgraph_events`: accidents and documents.

Why: on local news the commonest wrong hostile events were traffic deaths and other mishaps read as ASSAULT ("a
pickup that struck X", "was struck by an eastbound car", "X then struck a car", "killed in a traffic accident",
"killed when the power washer he was using short-circuited"), and the commonest thing shown as an actor was a
vehicle's make ("a Dodge pickup" -> Dodge) or a document ("The warrant for X charges her"). The semantic type of
the verb's arguments decides, not the verb: a vehicle or a force of nature as the agent of a hostile verb, a
vehicle struck by a collision verb, a mishap noun ("in a crash") or a clause of a thing failing ("when the roof
collapsed") as the cause of a death make an accident, no act between actors. A weapon's act stays an act by
someone unnamed ("a missile struck a hospital", "killed when a bomb exploded"). The noun kinds are data:
event_actors.tsv [instrument] (weapon, vehicle, nature, mishap, document).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Token

from newsgraph.annotate.event_actor_phrases import prep_objects
from newsgraph.annotate.lexicon import mapping

#: Kinds of [instrument] nouns that act for no one as the agent of a hostile verb (an accident, a disaster or an
#: illness: "a storm hit the coast", "an outbreak that killed three people", "killed by the virus").
NO_ONE = ("vehicle", "nature", "disease")
#: Kinds of [instrument] nouns that name the cause of an accident after "in" ("killed in a crash", "in a fire").
MISHAP = ("mishap", "nature", "disease")
#: Kinds no one ever authors, whatever names stand before them: a disease is named after a place or a people ("the
#: Asian flu", "the Ebola outbreak in Guinea") or a case, never after who spread it.
UNAUTHORED = ("disease",)
#: Kinds read also from a capitalised head (a disease written as a name: "Avian Flu", "Ebola").
NAMED_KINDS = ("disease",)
#: Nouns of a sort or a part whose "of" object is what acts ("a strain of flu that killed", "a type of virus").
SORT_OF = ("type", "strain", "form", "kind", "case", "cases", "variant", "spread")
#: Modifiers that name who used a vehicle ("Russian ships"); a company or a name before a vehicle is its make or
#: its owner ("a Dodge pickup", "a UPS truck"), not who acted.
VEHICLE_AUTHORS = ("NORP", "GPE")
#: Modifiers that name the author of a disaster or a weapon's act ("a Hamas rocket").
AUTHORS = ("NORP", "GPE", "ORG", "PERSON")
#: Subordinators of a clause that gives the circumstance of a death ("killed when ...", "died after ...").
CIRCUMSTANCE = ("when", "after", "as")


def instrument_kinds() -> Mapping[str, str]:
    """event_actors.tsv [instrument]: noun -> weapon, vehicle, nature, mishap or document (lexicon.mapping builds it
    once per process; asked per subject token)."""
    return mapping("event_actors.tsv", "instrument")


def kind_of(tok: Token) -> str:
    """The [instrument] kind of a common noun (or of a disease's capitalised name), or "". A sort or a part of
    something ("a type of avian flu", "an outbreak of cholera") takes its "of" object's kind when it has none."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return ""
    kinds = instrument_kinds()
    kind = kinds.get(tok.lower_) or kinds.get(tok.lemma_.lower(), "")
    if not kind:  # a kind written as two words: "heat wave", "bird flu" is found by "flu" alone
        kind = next((kinds.get(f"{c.lower_} {tok.lower_}", "") for c in tok.children if c.dep_ == "compound"), "")
    if not kind and tok.pos_ == "PROPN":
        kind = _named_disease(tok)
    if not kind and tok.lower_ in SORT_OF:
        kind = next((kind_of(o) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)), "")
    return kind if tok.pos_ == "NOUN" or kind in NAMED_KINDS else ""


def _named_disease(tok: Token) -> str:
    """ "disease" for a name the article also writes as a modifier of a disease noun ("H5N1 has killed two women"
    where it writes "the H5N1 virus" or "H5N1 bird flu"): the name of a strain or an illness, no actor."""
    return "disease" if any(i != tok.i for i in _disease_modifiers(tok.doc).get(tok.lower_, ())) else ""


#: `user_data` key of a Doc's disease modifiers (built once per Doc: `_named_disease` is asked per subject token)
_DISEASE_MODIFIERS = "ng_disease_modifiers"


def _disease_modifiers(doc) -> dict[str, list[int]]:
    """Lower-case form -> indices of the tokens that modify a disease noun ("the H5N1 virus"). Built on first need,
    after the parse, which nothing changes later; walking the whole Doc per subject token was quadratic."""
    kept = doc.user_data.get(_DISEASE_MODIFIERS)
    if kept is None:
        kinds = instrument_kinds()
        kept = {}
        for t in doc:
            if t.dep_ in ("compound", "nmod", "amod") and t.head.pos_ == "NOUN":
                if (kinds.get(t.head.lower_) or kinds.get(t.head.lemma_.lower())) == "disease":
                    kept.setdefault(t.lower_, []).append(t.i)
        doc.user_data[_DISEASE_MODIFIERS] = kept
    return kept


def _authored(tok: Token, kind: str) -> bool:
    """The noun names who acted through it: a possessor, a "by" agent or a national (any named, for no vehicle)
    modifier ("Israeli tanks", "a Hamas rocket", "the army's trucks"). A disease has no author."""
    if kind in UNAUTHORED:
        return False
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return True
    named = VEHICLE_AUTHORS if kind == "vehicle" else AUTHORS
    return any(t.ent_type_ in named for t in tok.lefts)


def _agents(tok: Token) -> list[Token]:
    """Who or what does the verb: its active subject (the antecedent of a relative pronoun: "the vehicle that
    killed X") or its passive "by" agent ("was struck by a car")."""
    folded = _folded_relative(tok)
    if folded is not None:
        return [folded]
    out = []
    for c in tok.children:
        if c.dep_ == "nsubj":
            out.append(tok.head if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else c)
        elif c.dep_ == "agent":
            out += prep_objects(c)
    if not out and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        # "the strain has infected 171 people, and killed 93 of them": a verb coordinated with no subject of its own
        # shares its head verb's (an active one: "fled but was arrested" is a passive with its own patient)
        out = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not out and tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(c.dep_ in ("dobj", "obj") for c in tok.children):
        # "after an outbreak of cholera killed over 60 people" parsed as a participle on "outbreak": a participle
        # with an object of its own is a finite verb, and the noun it hangs on its subject
        out = [tok.head]
    if not out and tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX"):
        # "the virus is feared to invade X", "X was ordered to attack": the controller is the passive subject, else
        # the object ("urged Y to attack"), else the subject ("threatened to attack")
        kids = list(tok.head.children)
        for dep in (("nsubjpass",), ("dobj", "obj"), ("nsubj",)):
            out = [c for c in kids if c.dep_ in dep]
            if out:
                break
    return out


def _folded_relative(tok: Token) -> Token | None:
    """(stop 39) The noun a misparse hid as the verb's subject: "an earthquake which struck southwest Japan killed one
    person" parsed with "Japan killed one person" as the complement of the relative clause's "struck". A verb hung as
    the complement of a relative clause whose own verb has no object, with a place as its subject, is the main verb of
    the noun the relative clause describes (a place is what a quake or a storm strikes, not who kills); only a force
    of nature, a vehicle or a disease is taken so."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.dep_ != "relcl" or any(c.dep_ in ("dobj", "obj") for c in head.children):
        return None
    if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in head.children):
        return None
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects or not all(c.ent_type_ in ("GPE", "LOC", "FAC") for c in subjects):
        return None
    return head.head if kind_of(head.head) in NO_ONE else None


def _mishap_of(agent: Token) -> bool:
    """(stop 39) The agent is what an accident befell ("the crash of a Boeing 747 which killed 520 people": the
    relative clause hangs on the aircraft, the "of" object of "crash"): the mishap noun, not the thing it names, is
    who or what kills, and a mishap acts for no one. A weapon's "explosion" is no mishap here ([instrument])."""
    if agent.dep_ != "pobj" or agent.head.lower_ != "of" or agent.head.head.pos_ != "NOUN":
        return False
    return kind_of(agent.head.head) in MISHAP


def accident(tok: Token, collisions: frozenset[str], thing: Callable[[Token], bool]) -> bool:
    """A hostile verb that names an accident or a disaster, no act between actors: its agent is a vehicle or a force
    of nature no one is named for ("a car struck a ditch", "a Ford pickup that struck her", "was struck by a car");
    or, for a verb that also names harm by accident (`collisions`, data [accident_verb]), it hits a vehicle and no
    weapon is named ("X then struck a car"), or it is a passive with no agent whose cause is a mishap ("killed in a
    traffic accident", "in a fire") or a clause with no object in which a thing fails ("killed when the power
    washer ... short-circuited"; `thing`: a common noun that is no actor or act)."""
    agents = _agents(tok)
    if any(_mishap_of(a) for a in agents):
        return True  # (stop 39) "the crash of a jet which killed 520 people": the crash kills, for no one
    for a in agents:
        kind = kind_of(a)
        if kind in NO_ONE:
            return not _authored(a, kind)
    if agents and any(kind_of(a) == "weapon" for a in agents):
        return False
    weapons = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for o in prep_objects(c) if kind_of(o) == "weapon"]
    if tok.lemma_.lower() in collisions and not weapons:
        objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if objects and all(kind_of(o) == "vehicle" and not _authored(o, "vehicle") for o in objects):
            return True
    if agents or tok.lemma_.lower() not in collisions or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during") and any(kind_of(o) in MISHAP for o in prep_objects(c)):
            return True  # "killed in a traffic accident", "died in a fire"
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in CIRCUMSTANCE for m in c.children):
            subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            if any(kind_of(s) in NO_ONE + MISHAP and not _authored(s, kind_of(s)) for s in subjects):
                return True  # "killed when a pickup (that struck her) fled", "killed when a storm hit"
            failed = subjects and not any(o.dep_ in ("dobj", "obj") for o in c.children)  # a thing failing: no object
            if accident(c, collisions, thing) or failed and all(thing(s) and not kind_of(s) for s in subjects):
                return True  # "killed when the roof collapsed", "killed when the power washer ... short-circuited"
    return False


__all__ = ["accident", "instrument_kinds", "kind_of"]
