"""Acts whose sense is read from their arguments: plays of a game, hijackings, refusals to say, imposed orders.

Why: on stop 28's held-out wire draw (tuning data from stop 29) the events shown or nearly shown from sport stories
were all wrong: a golf score ("shot a three-under 68") as ASSAULT, a baseball result ("grand slam ... lifted the
Orioles past the Mariners, 5-2") and a football move ("returning the compliment ... playing a one-two") as RETREAT, a
sending-off ("was dismissed ... for a second bookable offence") as REJECT. PLOVER codes political interactions; a
play, a score or a result between players or teams is none, whatever the verb (the judging conventions: "sport ...
are wrong types whatever the verb"). And "seized a ... airliner" was typed COERCE (a seizure of property), where
CAMEO 181 (abduct, hijack, take hostage) maps to ASSAULT.

Each sense is read from the act's own arguments and clause, not from a page's words:

- a game act (`game_act`): the trigger's clause (the clause's verb and what hangs on it, the trigger's own arguments)
  holds a word of play (act_senses.tsv [game]: roles of players, scoring units, sanctions of a referee) or a golf
  score ("three-under 68"), outside a temporal phrase ("clashed with police after the match" stays an act: police and
  fans act outside the game) and the act's author is no armed actor ([armed]: police, troops). A bare score
  ("voted 5-2 to reject") is no evidence alone: councils vote too.
- a contest's result: a score in the clause with a noun of a contest ([game_with_score]: "rallied for a 5-4
  victory");
- a refusal to give out information ("declined to give a forecast": `withheld_information`) is declining to say, and
  an order to close, to serve a sentence or to leave (`imposed_order`) is an authority's coercion (COERCE), not a
  request: both read from the complement, as "declined to comment" already was;
- a hijacking (`hijacking`): a seizure (COERCE/seize) whose patient is a vehicle (event_actors.tsv [instrument]
  kind vehicle: an airliner, a ship, a bus) takes the vehicle with its people aboard: ASSAULT (abduct), and the
  vehicle (or its operator's nationality, "a Sudanese airliner") is no actor of the act.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.event_mishaps import instrument_kinds
from newsgraph.annotate.lexicon import words
from newsgraph.annotate.resolve import Actor

DATA = "act_senses.tsv"
#: Prepositions of time: a game named in such a phrase is when the act took place, not what it was ("after the match").
TEMPORAL_PREPS = ("after", "before", "during", "following", "since", "until", "ahead")
#: A golf score relative to par ("three-under", "2-over", "one-under-par").
_GOLF = re.compile(r"^(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)-(?:under|over)(?:-par)?$", re.I)
#: Dependencies of the clauses that state something else (what was said, a relative clause about a noun).
_OTHER_CLAUSES = ("ccomp", "relcl", "parataxis")


#: A score ("5-2", "6–4").
_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")
LEXICON = "plover.tsv"
#: Verbs of an order (an "urged ... to leave" is a request whatever it asks).
ORDERS = ("order",)
#: [imposed] verbs that are a departure only without an object ("to leave", not "to leave the program intact").
DEPARTURES = ("leave", "quit")


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    out = {n: words(DATA, n) for n in ("game", "armed", "game_with_score", "contest_unit", "contest_frame", "labour",
                                       "state_seizer", "military")}
    return out | {n: words(LEXICON, n) for n in ("refusal", "information", "imposed", "disclosing", "falling",
                                                "falling_measured")}


def _top(tok: Token) -> Token:
    """The verb of the clause that states the act: the trigger verb, or the verb a trigger noun hangs on, climbing
    coordinated, adverbial and complement verbs of the same sentence up to a reported or relative clause."""
    cur = tok
    for _ in range(8):
        if cur.head is cur or cur.dep_ in _OTHER_CLAUSES:
            return cur
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("conj", "advcl", "xcomp", "acl", "pcomp"):
            return cur
        cur = cur.head
    return cur


def _words(top: Token) -> list[Token]:
    """The clause's words, without other clauses and temporal phrases ("after the match")."""
    out: list[Token] = []
    stack = [top]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in _OTHER_CLAUSES or (c.dep_ == "prep" and c.lower_ in TEMPORAL_PREPS):
                continue
            stack.append(c)
    return out


def _score(t: Token) -> bool:
    """A score: one token ("5-2") or three with no spaces ("5", "-", "2")."""
    if _SCORE.match(t.text):
        return True
    doc = t.doc
    return (t.like_num and t.i + 2 < len(doc) and doc[t.i + 1].text in ("-", "–") and not t.whitespace_
            and not doc[t.i + 1].whitespace_ and doc[t.i + 2].like_num)


def _game_word(t: Token, game: frozenset[str]) -> bool:
    low, lemma = t.lower_, t.lemma_.lower()
    if low in game or lemma in game or _GOLF.match(t.text):
        return True
    # two-word plays ("grand slam", "yellow card", "free kick", "home run"), and hyphenated ones split by the tokenizer
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    if nxt is not None and f"{low} {nxt.lower_}" in game:
        return True
    if nxt is not None and nxt.text == "-" and t.i + 2 < len(t.doc):
        joined = f"{low}-{t.doc[t.i + 2].lower_}"
        return joined in game or bool(_GOLF.match(joined))
    return False


def game_act(tok: Token) -> bool:
    """The trigger names a play, a score or a result of a game (module docstring): a word of play in its clause, and
    no armed actor as its subject."""
    lex = _lex()
    top = _top(tok)
    clause = _words(top)
    contest = any(_score(t) for t in clause) and any(t.lower_ in lex["game_with_score"] for t in clause)
    if not contest and not any(_game_word(t, lex["game"]) for t in clause):
        return False
    subjects = [c for v in (tok, top) for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    return not any(s.lower_ in lex["armed"] or s.lemma_.lower() in lex["armed"] for s in subjects)


def contest_result(tok: Token) -> bool:
    """(stop 33) A verb of defeat (the lexicon's ASSAULT/beat rows) that states a contest's result: its object is an
    opponent and its own "in" phrase names a contest or its decision ([contest_frame]: "beating American Oliver McCall
    in a unanimous points decision", "beat X in the primary"), or its object is a contest ("helped her beat back a
    challenge from Senator Bernie Sanders"). An assault is done to someone, not in a decision; the frame is read off
    the verb's own phrases (a beating "at the match" or "in the street" stays an act)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objects:
        return False
    frames = _lex()["contest_frame"]
    framed = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]
    return any(o.lower_ in frames or o.lemma_.lower() in frames for o in framed + objects)


def sport_sanction(tok: Token) -> bool:
    """A ban or a suspension whose term is counted in units of play ([contest_unit]: "was banned for four matches",
    "suspended for seven games"): a sports body's discipline over a player or a club, sport, no PLOVER event (stop
    29's held-out wire draw: "banned for four matches" shown as COERCE). The count is read off the trigger's own
    "for" phrase (or its verb's, for a noun trigger), and an armed author keeps the act ("police banned ...")."""
    lex = _lex()
    verbs = [tok] + ([tok.head] if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX") else [])
    counted = any(o.pos_ in ("NOUN", "PROPN") and (o.lower_ in lex["contest_unit"] or o.lemma_.lower() in lex["contest_unit"])
                  and any(n.dep_ == "nummod" or n.like_num for n in o.children)
                  for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ == "for"
                  for o in c.children if o.dep_ == "pobj")
    if not counted:
        return False
    subjects = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "agent")]
    subjects += [o for s in subjects if s.dep_ == "agent" for o in s.children if o.dep_ == "pobj"]
    return not any(s.lower_ in lex["armed"] or s.lemma_.lower() in lex["armed"] for s in subjects)


def _vehicle(tok: Token) -> bool:
    kinds = instrument_kinds()
    return (kinds.get(tok.lower_) or kinds.get(tok.lemma_.lower())) == "vehicle"


def hijacking(tok: Token) -> bool:
    """A seizure verb whose direct object (or passive subject) is a vehicle: "seized a Sudanese airliner". (stop 39)
    Not when a state seizes it (a country named alone, its forces or authorities: "Syria seized five fishing boats",
    "the navy seized a tanker"): a state's seizure of a vessel is a seizure of property, COERCE (conventions, H50-J)."""
    seized = any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.pos_ == "NOUN" and _vehicle(c) for c in tok.children)
    return seized and not any(_state_seizer(a) for a in _subjects(tok))


def _subjects(tok: Token) -> list[Token]:
    """The verb's subject and passive "by" agent, or its head verb's subject for a coordinated verb with none."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    subjects += [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if not subjects and tok.dep_ == "conj":
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return subjects


def _state_seizer(tok: Token) -> bool:
    lex = _lex()
    if tok.pos_ == "PROPN" and tok.ent_type_ == "GPE":
        return True
    return any(w in lex["military"] or w in lex["state_seizer"] for w in (tok.lower_, tok.lemma_.lower()))


def labour_strike(tok: Token) -> bool:
    """(stop 39) "strike" whose subject is a labour party (act_senses.tsv [labour] as the subject's head noun: "workers
    struck on Monday", "the United Auto Workers struck GM's plants", "the union struck"): a labour strike, PROTEST
    (the conventions), no attack; and so no one a speaker accuses of it ("X said workers struck")."""
    if tok.lemma_.lower() != "strike" or tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(s.lemma_.lower() in _lex()["labour"] or s.lower_.rstrip("s") in _lex()["labour"] for s in _subjects(tok))


def withheld_information(tok: Token) -> bool:
    """A refusal ([refusal]) to give out information ([information]: "declined to give a forecast", "refused to
    provide details"): declining to say, no act rejected."""
    lex = _lex()
    if tok.lemma_.lower() not in lex["refusal"]:
        return False

    def information(verb: Token) -> bool:  # the verb's object is information given out
        return any(o.dep_ in ("dobj", "obj") and (o.lower_ in lex["information"] or o.lemma_.lower() in lex["information"])
                   for o in verb.children)

    xcomps = [c for c in tok.children if c.dep_ == "xcomp"]
    # (stop 37) "declined comment": the information refused is the object; "whom he declined to name", "refused to
    # disclose": declining to say who or what
    return information(tok) or any(c.lemma_.lower() in lex["disclosing"] or information(c) for c in xcomps)


def anonymity_asked(tok: Token) -> bool:
    """(stop 40) A verb of asking whose complement is a negated verb of making known ([disclosing]: "who asked not to
    be identified", "asked not to be named"): the press's convention for an unnamed source, no request to anyone."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _lex()["disclosing"] and any(g.dep_ == "neg" for g in c.children)
               for c in tok.children)


#: pronouns of people, who refuse ("he declined"); "it" stands for a thing as often ("it has declined 3 pct")
_PEOPLE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})


def fall_not_refusal(tok: Token) -> bool:
    """(stop 37) A verb of refusal or (stop 38) of de-escalation that also names a fall ([falling]: "decline", "ease"),
    with nothing refused or eased: no object, no complement, and a subject that is no actor ("fuel stocks are
    declining", "the index eased to 102.4"): a quantity falling, no act. An actor declining with nothing named ("the
    senator declined", an offer just told) refuses; "Israel eased the blockade" names what is eased."""
    lemma = tok.lemma_.lower()
    if lemma in _lex()["falling"] | _lex()["falling_measured"] and _measured_fall(tok):
        return True  # (stop 39) "Royal declined 4p to 945", "the stock retreated 2 pct": a price, whoever's it is
    if lemma not in _lex()["falling"]:
        return False
    if any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "nsubjpass") for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return not any(c.pos_ == "PROPN" or c.lower_ in _PEOPLE_PRONOUNS or c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                   for c in subjects)  # "it has declined slightly": a thing, as the rating it stands for


#: entity labels of a number or an amount ("4p", "a penny", "nine pct")
_AMOUNTS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def _amount(t: Token) -> bool:
    """A number or an amount: "4p", "945", "a penny", "nine pct", "two cts" (with nothing "of" or "in" it names: "50
    mln dlrs in aid" is a thing refused)."""
    if any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in t.children):
        return False
    return t.like_num or t.pos_ == "NUM" or t.ent_type_ in _AMOUNTS or any(c.dep_ == "nummod" for c in t.children)


def _measured_fall(tok: Token) -> bool:
    """(stop 39) The verb's complement is a quantity: its object or adverbial noun is an amount ("declined 4p",
    "eased a penny", "declined nine pct"), a preposition of a level takes a number ("to 945", "by 2 pct"), or a
    participle of loss beside it does ("declined today, losing 28p"). A refusal refuses something: an offer, a
    request, an invitation, never a number of pence; so the frame, not the subject, says it is a fall."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "npadvmod") and _amount(c):
            return True
        if c.dep_ == "prep" and c.lower_ in ("to", "by") and any(_amount(o) for o in c.children if o.dep_ == "pobj"):
            return True
        if c.dep_ == "advcl" and c.tag_ == "VBG" and any(g.dep_ in ("dobj", "obj") and _amount(g) for g in c.children):
            return True
    return False


def imposed_order(tok: Token) -> bool:
    """An order whose complement is a closure, a sentence served or an expulsion ([imposed]: "ordered many
    restaurants to close", "ordered the diplomats to leave"): an authority's coercion, CAMEO 17x, not a request.
    Only an active order with its author named: the agentless passive ("was ordered closed") gave junk targets on
    local news (an address, a stray full stop) that the coercion's higher confidence would show."""
    imposed = _lex()["imposed"]
    if tok.lemma_.lower() not in ORDERS or not any(c.dep_ == "nsubj" for c in tok.children):
        return False  # only an order whose author the clause names (the agentless passive is left as it was)
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in imposed
               and not (c.lemma_.lower() in DEPARTURES and any(g.dep_ in ("dobj", "obj") for g in c.children))
               for c in tok.children)


def not_taken(tok: Token, targets: list[Actor]) -> list[Actor]:
    """The targets of a hijacking outside the vehicle taken: "a Sudanese airliner" resolved to Sudan is the plane
    (and its operator's nationality), no actor of the act."""
    taken = [(v.left_edge.idx, v.idx + len(v)) for v in tok.children if v.dep_ in ("dobj", "obj", "nsubjpass") and v.pos_ == "NOUN" and _vehicle(v)]
    return [a for a in targets if not any(lo <= a.start < hi for lo, hi in taken)]


__all__ = ["fall_not_refusal", "game_act", "hijacking", "imposed_order", "labour_strike", "not_taken", "sport_sanction",
           "withheld_information"]
