"""Acts that are no event between actors, read from the semantic type of their arguments (issue 11, stop 26).

Why: on the held-back disease news (GeoVirus, the stop-24 and stop-25 draws) the wrong events that persisted were
not misparses but verbs used of things: a veterinary standstill or an export ban after an outbreak read as COERCE or
SANCTION ("Any movement of livestock has been banned", "the travel of horses ... has been suspended"), a field team's
visit to a town as CONSULT ("A UNHCR assessment team visited X"), a minister's pledge of money to no one as AGREE,
an aid agency's appeal for funds as REQUEST, and a ban on a journey with its destination as the one banned
("pilgrimage to X was banned by Y"). The verb decides nothing here; what its arguments are does:

- a measure on animals or goods (data [controlled]: what is controlled; [trade]: movements and trade of it): a ban,
  suspension, halt or block whose patient is an animal or a product, or the movement or trade of one, is disease or
  food control, no act on an actor. A trade noun with nothing controlled named ("banned exports") is one too unless
  a country or a body is named as where it goes or comes from ("banned imports from X" stays a sanction);
- a journey's destination (data [journey_noun]): the "to" object of a journey banned ("pilgrimage to X", "travel to
  X") is where the travellers would go, not the one restricted;
- a field visit (data [fieldwork]: the team's kind or the visit's purpose): a team named for an assessment or an
  inspection, or a visit made to inspect or assess, that goes to a place meets no one: no CONSULT;
- a one-sided promise (data [unilateral]): "pledged to give $10 million", "vowed to fight" names no second party;
  AGREE needs one (a target: "promised Ruritania to withdraw", or a recipient: "promised to send vaccines to other
  countries");
- a fight against an illness: a hostile verb whose patients are all diseases or forces of nature (event_actors.tsv
  [instrument]: "the WHO have now arrested cholera") is figurative;
- a clinical inquiry (data [clinician]): doctors or scientists investigating cases ("Doctors are investigating some
  residents who may be infected") examine patients; no one is accused;
- a fundraising appeal (data [fundraising]): a body's or a charity's request for money asked of no one named ("asked
  for funds to treat 30,000 people", "appealed for donations") is fundraising, not a request of an actor; a state's or
  an official's appeal for money stays a request (CAMEO 023).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_phrases import MEASURES, partitive_whole, prep_objects, with_conj
from newsgraph.annotate.names import shipped_names

#: Prepositions whose object says where a traded thing goes or comes from ("exports to X", "imports from X").
TRADE_ENDS = ("to", "from")
#: Subject dependencies of a verb.
SUBJ = ("nsubj", "nsubjpass")


def _low(tok: Token) -> tuple[str, str]:
    return tok.lower_, tok.lemma_.lower()


def _in(tok: Token, words: frozenset[str]) -> bool:
    low, lemma = _low(tok)
    return low in words or lemma in words


def patients_of(tok: Token) -> list[Token]:
    """What a verb or a noun of control acts on: a verb's object or passive subject (the subject of a passive
    coordinated with it: "has spread and has now struck"), a noun's "on"/"of" objects ("a ban on poultry")."""
    if tok.pos_ == "VERB":
        out = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            out.append(tok.head)
    else:
        out = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "of") for o in prep_objects(c)]
    return [x for p in out for x in with_conj(partitive_whole(p))]


def _party(tok: Token) -> bool:
    """A country, a body or a name (no city): one a trade measure can be aimed at ("imports from X")."""
    ent = find_entity(tok.doc, tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.type != "city"
    return tok.ent_type_ in ("GPE", "ORG", "NORP") or tok.pos_ == "PROPN"


def controlled_measure(tok: Token, controlled: frozenset[str], trade: frozenset[str], measures: frozenset[str] = frozenset()) -> bool:
    """The control verb or noun acts on animals or goods ([controlled]: "banned British beef"), or on their movement
    or trade ([trade] with a [controlled] "of" object or compound: "movement of livestock", "poultry imports"), or on
    a bare trade with no party at its ends ("banned exports"; "banned imports from X" stays a sanction on X). A
    measure noun as the patient ([measure_noun]: "imposed a ban on poultry imports", "ordered the slaughter of
    300,000 chickens") is read through: what it stops or destroys decides."""
    patients = patients_of(tok)
    if not patients:
        return False
    for p in patients:
        if _in(p, controlled):
            continue
        if _in(p, measures) and patients_of(p):
            if controlled_measure(p, controlled, trade):
                continue
            return False
        if not _in(p, trade):
            return False
        kinds = [o for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)]
        kinds += [c for c in p.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "NOUN"]
        if kinds and all(_in(k, controlled) for k in kinds):
            continue
        # where imports come from and where exports go are the parties; the importer's own country is none ("blocked
        # imports from the packer to the United States")
        preps = ("from",) if p.lemma_.lower().startswith("import") else ("to",) if p.lemma_.lower().startswith("export") else TRADE_ENDS
        ends = [o for c in p.children if c.dep_ == "prep" and c.lower_ in preps for o in prep_objects(c)]
        ends += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for o in prep_objects(c)]
        if kinds or any(_party(x) for e in ends for x in with_conj(e)):
            return False
    return True


def destinations(tok: Token, journeys: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the "to" objects of a journey the verb acts on ("pilgrimage to X was banned"): where the
    travellers go, not whom the act is done to."""
    spans = []
    for p in patients_of(tok):
        if not _in(p, journeys):
            continue
        for c in p.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                for o in prep_objects(c):
                    spans.append((o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text)))
    return spans


def field_visit(tok: Token, fieldwork: frozenset[str], person: Callable[[Token], bool]) -> bool:
    """A visit by a team named for fieldwork ("an assessment team", "inspectors"), or one made to inspect or assess
    (a purpose infinitive of [fieldwork]: "visited the farms to inspect them"), to no person: it meets no one."""
    if any(person(p) for p in patients_of(tok)):
        return False  # "inspectors visited the governor": a meeting
    subjects = [s for c in tok.children if c.dep_ == "nsubj" for s in with_conj(c)]
    if tok.dep_ == "conj" and not subjects:
        subjects = [s for c in tok.head.children if c.dep_ == "nsubj" for s in with_conj(c)]
    for s in subjects:
        words = [s] + [c for c in s.children if c.dep_ in ("compound", "amod", "nmod")]
        words += [o for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)]
        if any(_in(w, fieldwork) for w in words):
            return True
    return any(c.dep_ in ("xcomp", "advcl") and _in(c, fieldwork) for c in tok.children)


def fundraising(tok: Token, money: frozenset[str]) -> bool:
    """What the request asks for is money ([fundraising] nouns or a sum: "asked for funds", "appealed for
    donations", "sought $2 million"); the caller checks that no one asked is named."""
    asked = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in prep_objects(c)]
    asked += [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    asked = [x for a in asked for x in with_conj(a)]
    return bool(asked) and all(_in(a, money) or a.ent_type_ == "MONEY" for a in asked)


def promisee(tok: Token, thing: Callable[[Token], bool]) -> bool:
    """The promise names to whom it is made or for whom: a dative or a "to"/"for" object that is no thing, of the
    verb or of what it promises to do, or the passive subject of a promise with an object ("promised to send vaccines to other countries", "pledged them support")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "xcomp"]
    # (stop 39) "X has been promised a monopoly": the passive subject of a promise with an object is the one promised
    if any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "nsubjpass" and not thing(c) and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        return True
    for h in heads:
        for c in h.children:
            objs = [c] if c.dep_ == "dative" and c.pos_ != "ADP" else []
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for"):
                objs = prep_objects(c)
            if any(not thing(o) and o.pos_ in ("NOUN", "PROPN", "PRON") and o.ent_type_ != "MONEY" for o in objs):
                return True
    return False


def against_illness(tok: Token, kind_of: Callable[[Token], str], controlled: frozenset[str] = frozenset()) -> bool:
    """A hostile verb whose every patient is an illness or a force of nature ("the WHO have now arrested cholera",
    "fought the flu", "attacked the virus"), or an animal or a good ([controlled]: "authorities have killed 10,000
    chickens", a cull): figurative or a disease-control measure, no act on an actor."""
    patients = patients_of(tok) if tok.pos_ == "VERB" else []
    return bool(patients) and all(kind_of(p) in ("disease", "nature") or _in(p, controlled) for p in patients)


def clinical_inquiry(tok: Token, clinicians: frozenset[str]) -> bool:
    """An investigation whose subject (or "by" agent) is a clinician or a scientist ([clinician]): a diagnosis or a
    study of cases, no accusation ("Doctors are investigating some residents", "scientists probed the samples")."""
    agents = [c for c in tok.children if c.dep_ == "nsubj"]
    agents += [o for c in tok.children if c.dep_ == "agent" for o in prep_objects(c)]
    if tok.pos_ != "VERB":
        agents += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for o in prep_objects(c)]
    return bool(agents) and all(_in(a, clinicians) for a in agents)


__all__ = ["against_illness", "promisee", "clinical_inquiry", "controlled_measure", "destinations", "field_visit", "fundraising", "patients_of"]


def measure_prep(prep: Token) -> bool:
    """(stop 38) A preposition whose objects are all measures: a price, a rate, an amount, a date ("launched a bid
    for X at 3.10 dlrs a share", "on Monday"). It says how much or when, so it meets no lexicon row's need of a
    preposition naming whom an act is aimed at ("launched rockets at X")."""
    units = shipped_names().currencies  # wire copy's "dlrs", "stg": an amount the model leaves untyped
    objs = prep_objects(prep)
    return bool(objs) and all(o.ent_type_ in MEASURES or o.like_num or o.lower_ in units for o in objs)
