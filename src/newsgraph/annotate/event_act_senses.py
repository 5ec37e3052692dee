"""The sense of an act from the verb AND its arguments: whether a trigger names the act its lexicon row codes.

Why: on news nobody tuned on (stop 27's held-out draw of 2016 election news) the largest class of wrong shown events
was words used as acts, not acts: a verbal "attack" typed ASSAULT ("attacked X in early-morning tweets", "attacked X
for her support of ..., saying ...", "personal attacks"), a telephone call to thank someone typed REQUEST, poll
shares typed SUPPORT ("1 percent support X", "supported by 42 percent of those responding"), a job description
typed AID ("X's job was to assist Y"), "recalled" (remembered) typed SANCTION, "appeal" (attractiveness) typed
REQUEST, "engage in more listening" typed ASSAULT. These are general senses of the words, found in any politics,
business or crime news, so the checks read typed evidence from the parse, not the words of one page:

- force (`force_sense`): an ASSAULT of an ambiguous trigger (data/act_senses.tsv [force_trigger]: attack, fight,
  clash ...) needs physical evidence: a word of force in its own clause ([physical]: a weapon, a wound or death, an
  armed actor), a physical target (a place, a building, a vehicle, a person) in an article that tells of violence
  ([violence]), and no verbal evidence: the means is speech ("in tweets", "on Twitter", a medium as subject;
  [medium]), a reason ("for her support of ..."), a speech participle or a reported clause ("saying ..."), a
  verbal modifier ("personal attacks"; [verbal_modifier]). Verbal evidence makes the act the criticism PLOVER
  codes as ACCUSE (plover.tsv [verbal_sense]) with the same actors; thin evidence makes no event. The weights are
  `ForceWeights`, the component's named settings.
- shares: a poll share as the subject or agent of an act ("40 percent back X", "supported by 42 percent of those
  responding") or as the measure of a support noun ("38 percent support") is no actor: no event ([share],
  [respondent]).
- requests: a REQUEST trigger of [needs_act] asks only when what is asked is said (an infinitive, a clause, a "for"
  object, a direct object); a call whose purpose is a courtesy ("called X to thank her"; [courtesy]) asks nothing.
- a recall is a withdrawal only of an envoy, a delegation or forces ([recalled]); a product recall is handled by
  plover.tsv [other_sense]; "recalled the talks" is memory.
- "engage in" is force only when what is engaged in is ([hostile_engagement]: "engaged in fighting").
Whether the act happened (a job description, a long-held stance, "neither X nor Y have been charged") is
factuality.py's question, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_phrases import prep_objects
from newsgraph.annotate.event_features import people_nouns
from newsgraph.annotate.event_mishaps import kind_of
from newsgraph.annotate.lexicon import words
from newsgraph.knobs import knob

DATA = "act_senses.tsv"
#: doc.user_data key of the article's count of violence words (read once per document).
_VIOLENCE_KEY = "ng_violence_words"
#: Entity types of a target that is a territory: a country, a city or a place is struck, not criticised, unless
#: the clause says words ("attacked China in a speech").
_TERRITORY_TYPES = ("city", "place", "country")
#: Object pronouns of a person or group (a person can be hurt, and criticised).
_PERSON_PRONOUNS = ("him", "her", "them", "me", "us", "himself", "herself", "themselves", "itself")
#: Dependencies under which a word belongs to what was said or why, not to the act itself.
_SAID_DEPS = ("ccomp", "parataxis")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Prepositions whose object is the scene of the act ("attacked X outside the bar", "at a checkpoint").
_SCENE_PREPS = ("outside", "near", "at", "inside", "in", "into", "behind", "around")


@dataclass(frozen=True)
class ForceWeights:
    """How the sense of an ambiguous hostile trigger (an "attack" of force or of words) is weighed."""

    clause_physical: float = knob(2.0, "evidence of force: a weapon, a wound or a death ([physical]) in the act's sentence, outside what was said or why")
    doc_violence: float = knob(1.0, "evidence of force: the article tells of violence (`doc_violence_min` words of [violence])")
    doc_violence_min: int = knob(2, "words of [violence] an article needs to count as one that tells of violence")
    physical_target: float = knob(1.5, "evidence of force: the target is a building, a vehicle, a settlement or a territory, or the scene a building or public place")
    actor_target: float = knob(0.5, "evidence of force: the target is a person (words attack people too)")
    armed_source: float = knob(1.5, "evidence of force: the author is an armed actor ([armed]: militants, troops, police)")
    state_source: float = knob(1.0, "evidence of force: the author is a country (a state's attack is armed unless said in words)")
    clause_verbal: float = knob(2.0, "evidence of words: a medium, a reason, a speech participle or a verbal modifier")
    assault_min: float = knob(1.5, "force evidence an ASSAULT of a [force_trigger] word needs (and more than of words)")


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    names = ("force_trigger", "physical", "armed", "violence", "physical_target", "medium", "verbal_modifier", "share",
             "respondent", "needs_act", "courtesy", "recall_verb", "recalled", "hostile_engagement", "military", "raid_verb")
    return {n: words(DATA, n) for n in names}


def _low(tok: Token) -> tuple[str, str]:
    return tok.lower_, tok.lemma_.lower()


def _in(tok: Token, section: str) -> bool:
    low, lemma = _low(tok)
    ws = _lex()[section]
    return low in ws or lemma in ws


def act_clause(tok: Token) -> Token:
    """The verb whose clause states the act: the trigger verb itself, or the verb a trigger noun hangs on."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _said_or_why(tok: Token, speech: frozenset[str]) -> list[Token]:
    """The children of `tok` that hold what was said or why: a reported clause, a speech participle ("saying
    ..."), a reason ("for her support of ...")."""
    out = []
    for c in tok.children:
        if c.dep_ in _SAID_DEPS:
            out.append(c)
        elif c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in speech and c.tag_ == "VBG":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "for" and any(_reason(o) for o in prep_objects(c)):
            out.append(c)
    return out


def _reason(obj: Token) -> bool:
    """A "for" object that gives a reason, not a time, an amount or a weapon ("for her support", "for comments")."""
    return obj.pos_ in ("NOUN", "PROPN", "PRON") and obj.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL") and not kind_of(obj)


def verbal_evidence(tok: Token, speech: frozenset[str]) -> bool:
    """Words, not force: the act is done in or on a medium, for a reason, with a speech participle or reported
    clause, by a medium as subject, or named by a noun with a verbal modifier."""
    heads = [tok, act_clause(tok)] if tok.pos_ not in ("VERB", "AUX") else [tok]
    for h in heads:
        if _said_or_why(h, speech):
            return True
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "via", "during", "through") and any(_in(o, "medium") for o in prep_objects(c)):
                return True  # "attacked X in tweets", "on Twitter", "in a speech"
            if c.dep_ in ("nsubj", "agent") and (_in(c, "medium") or any(_in(o, "medium") for o in prep_objects(c))):
                return True  # "a tweet attacking X", "attacked by an ad"
            if c.dep_ in ("amod", "compound") and _in(c, "verbal_modifier"):
                return True  # "personal attacks", "political attacks"
    if tok.dep_ in ("acl", "relcl") and _in(tok.head, "medium"):
        return True  # "a Donald Trump tweet attacking X", "an ad that attacks X"
    return tok.pos_ not in ("VERB", "AUX") and _in_medium(tok)


def _in_medium(tok: Token) -> bool:
    """A noun trigger held by a medium: "remarks ..., including an attack on X", "an ad with attacks on X", "the
    speech's attack on X" (up to three steps through prepositions, appositions and conjuncts)."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("pobj", "prep", "appos", "conj", "attr", "nsubj") or cur.head is cur:
            return False
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN") and _in(cur, "medium"):
            return True
    return False


def _excluded(tok: Token, speech: frozenset[str]) -> set[int]:
    """Indexes of the tokens that hold what was said or why under the trigger or its clause's verb."""
    out: set[int] = set()
    for h in {tok, act_clause(tok)}:
        for c in _said_or_why(h, speech):
            out.update(t.i for t in c.subtree)
    return out


def clause_physical(tok: Token, speech: frozenset[str]) -> bool:
    """A word of force in the act's sentence, outside what was said or why ("30 people were killed in a shootout as
    rustlers attacked the tribe"; not "attacked X for her support of military action")."""
    skip = _excluded(tok, speech)
    return any(t.i not in skip and t.i != tok.i and _in(t, "physical") for t in tok.sent)


def doc_violence(doc: Doc) -> int:
    """How many words of [violence] the article holds (counted once per document)."""
    n = doc.user_data.get(_VIOLENCE_KEY)
    if n is None:
        ws = _lex()["violence"]
        n = sum(1 for t in doc if t.lower_ in ws)
        doc.user_data[_VIOLENCE_KEY] = n
    return n


def physical_target(tok: Token) -> str:
    """What the act is on or where: "object" for a building, a post, a vehicle, a settlement, an armed actor
    ("fought with officers", "fighting an insurgency") or a territory (a country, city or place entity) as its object (the object, passive subject, or the object of "on"/"against"/"of"
    of a noun), or a building or public place of a locative preposition ("attacked X outside the bar"); "actor" for
    a person as its object; ""."""
    if tok.pos_ in ("VERB", "AUX"):
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        objs += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "against") for o in prep_objects(c)]
    else:
        objs = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "with") for o in prep_objects(c)]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs.append(tok.head)  # "a convoy attacked near X"
    scenes = [o for c in tok.children if c.dep_ == "prep" and c.lower_ in _SCENE_PREPS for o in prep_objects(c)]
    if any(_in(o, "physical_target") or kind_of(o) in ("weapon", "vehicle") for o in objs + scenes) or any(_in(o, "armed") for o in objs):
        return "object"
    ents = [find_entity(o.doc, o.idx, o.idx + len(o.text)) for o in objs]
    if any(e is not None and e.type in _TERRITORY_TYPES for e in ents):
        return "object"
    if any(e is not None and e.type == "person" for e in ents) or any(o.pos_ == "PRON" and o.lower_ in _PERSON_PRONOUNS for o in objs):
        return "actor"
    people = people_nouns()
    if any(e is None and o.pos_ == "NOUN" and (o.lower_ in people or o.lemma_.lower() in people) for o, e in zip(objs, ents, strict=True)):
        return "actor"  # "attacking civilians", "attacked a woman"
    return ""


def author_kind(tok: Token) -> str:
    """ "armed" when the act's author is an armed actor ([armed]: "Militants attacked", "attacks by rebels"), "state"
    when it is a country (a state's attack is armed unless said in words), else "": the subject of the verb (or of
    the verb it complements), the possessor or "by" object of the noun."""
    if tok.pos_ in ("VERB", "AUX"):
        authors = [c for c in tok.children if c.dep_ == "nsubj"]
        if not authors and tok.dep_ in ("xcomp", "conj"):
            authors = [c for c in tok.head.children if c.dep_ == "nsubj"]  # "Paraguay wants to attack Bolivia"
        if not authors and tok.dep_ == "pcomp" and tok.head.head is not tok.head:
            # "X and Y accused each other of attacking civilians": the gerund's author is the governing verb's subject
            authors = [c for c in tok.head.head.children if c.dep_ == "nsubj"]
        authors += [x for a in authors for x in a.children if x.dep_ == "conj"]
    else:
        authors = [c for c in tok.children if c.dep_ == "poss"]
        if any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in tok.children):
            return "state"  # "the Israeli offensive": a nation's
    authors += [o for c in tok.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for o in prep_objects(c)]
    if any(_in(a, "armed") for a in authors):
        return "armed"
    for a in authors:
        ent = find_entity(a.doc, a.idx, a.idx + len(a.text))
        if ent is not None and ent.type == "country":
            return "state"
    return ""


def force_sense(tok: Token, weights: ForceWeights, speech: frozenset[str]) -> str:
    """ "force", "words" or "thin": how an ASSAULT trigger of [force_trigger] is used, from the weighed evidence."""
    verbal = weights.clause_verbal if verbal_evidence(tok, speech) else 0.0
    physical = weights.clause_physical if clause_physical(tok, speech) else 0.0
    if doc_violence(tok.doc) >= weights.doc_violence_min:
        physical += weights.doc_violence
    target = physical_target(tok)
    physical += weights.physical_target if target == "object" else weights.actor_target if target == "actor" else 0.0
    author = author_kind(tok)
    physical += weights.armed_source if author == "armed" else weights.state_source if author == "state" else 0.0
    if verbal and verbal >= physical:
        return "words"
    return "force" if physical >= weights.assault_min and physical > verbal else "thin"


def force_trigger(tok: Token) -> bool:
    return _in(tok, "force_trigger")


def poll_share(tok: Token) -> bool:
    """The act's subject or agent is a share of a population ("1 percent support X", "supported by 42 percent of
    those responding", "a majority backed Y", a subject coordinated with one), or what it is, has or receives is
    measured by one ("38 percent support", "received 38 percent support")."""
    args = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
    args += [o for c in tok.children if c.dep_ == "agent" for o in prep_objects(c)]
    args += [x for a in args for x in a.children if x.dep_ == "conj"]  # "Hale and 1 percent support X" (misparsed)
    if any(_share(a) for a in args):
        return True
    measured = [tok] if tok.pos_ in ("NOUN", "PROPN") else [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return any(_share(c) for m in measured for c in m.children if c.dep_ in ("compound", "nummod", "amod", "npadvmod"))


def _share(tok: Token) -> bool:
    """A share: a percentage or a share noun, or a number "of" poll respondents ("42 of those polled")."""
    low = tok.lower_
    if _in(tok, "share") or low.endswith("%") or tok.ent_type_ == "PERCENT":
        return True
    if tok.like_num or tok.pos_ in ("NUM", "PRON", "DET"):
        objs = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)]
        return any(_in(o, "respondent") or any(_in(g, "respondent") for g in o.subtree) for o in objs)
    return False


def requested(tok: Token) -> bool:
    """What a REQUEST trigger of [needs_act] asks is said: whom it is asked of ("called on X", "appealed to X") or
    what (an infinitive, a clause, a "for" object, a verb's direct object). A date is neither ("called X on
    Friday"), and a courtesy purpose asks nothing ("called X on Friday to thank her")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "for", "upon") and any(not _when(o) for o in prep_objects(c)):
            return True  # "called on X to resign", "called for calm", "appealed for funds"
        if c.dep_ == "prep" and c.lower_ == "to" and any(_named_actor(o) for o in prep_objects(c)):
            return True  # "appealed to the Ontario Municipal Board": a named body or person asked (not "to voters")
        if c.dep_ in ("xcomp", "ccomp", "advcl", "acl") and c.pos_ in ("VERB", "AUX") and c.lemma_.lower() not in _lex()["courtesy"]:
            return True  # "appealed to X to stay", "an appeal to X to stay"
        if c.dep_ in ("dobj", "obj") and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() != "call":
            return True  # "appealed the ruling"; "called X" alone is a telephone call or a naming
    return False


def _named_actor(tok: Token) -> bool:
    """A person, organisation or country entity: one an appeal is made to, not an audience ("young voters")."""
    ent = find_entity(tok.doc, tok.idx, tok.idx + len(tok.text))
    return ent is not None and ent.type in ("person", "organisation", "country")


def _when(tok: Token) -> bool:
    """A date or a time ("on Friday", "for two hours"), not who or what."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _WEEKDAYS


def needs_act(tok: Token) -> bool:
    return _in(tok, "needs_act")


def recall_of_envoy(tok: Token) -> bool:
    """A recall whose patient is an envoy, a delegation or forces ("recalled its ambassador"), or a person named
    with such a title ("recalled Ambassador X")."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "obj", "nsubjpass"):
            continue
        if _in(c, "recalled") or any(g.dep_ in ("compound", "appos") and _in(g, "recalled") for g in c.children):
            return True
    return False


def act_sense(tok: Token, type_: str, mode: str, hostile: bool, weights: ForceWeights, speech: frozenset[str],
              verbal_sense: dict[str, tuple[str, str]], hostile_nouns: frozenset[str], light: frozenset[str]) -> tuple[str, str] | None:
    """(type, mode) of a trigger row after the checks of its sense (module docstring), or None when it names no act:
    a poll share as its actor, a verbal or thin "attack", a request of nothing, a recall of no envoy, an engagement
    in no force. `verbal_sense` maps a hostile word to the type of its verbal use (plover.tsv [verbal_sense])."""
    verb = tok.pos_ in ("VERB", "AUX")
    lemma = tok.lemma_.lower()
    if poll_share(tok):
        return None  # "1 percent support X", "supported by 42 percent of those responding": a poll figure
    if type_ == "ASSAULT" and force_trigger(tok):
        sense = force_sense(tok, weights, speech)
        if sense == "words":
            return verbal_sense.get(lemma if verb else tok.lower_)  # "attacked X in tweets": criticism (ACCUSE)
        if sense == "thin":
            return None  # "fought to build a school", "his attacks on X" in an article of no violence
    if type_ == "COERCE" and mode == "seize" and verb and (weapon_author(tok) or lemma in _lex()["raid_verb"] and military_author(tok)):
        # (stop 37) "jets raided a fuel depot": an air raid is force, not a police raid; (stop 38) so is a raid by a
        # state's forces or by a state named as such ("the navy raided a harbour", "Turkey has raided border camps"),
        # where a state seizing or occupying territory stays COERCE (the conventions' "occupy territory")
        return "ASSAULT", ""
    if type_ == "REQUEST" and needs_act(tok) and not requested(tok):
        return None  # "called X on Friday to thank her", "the appeal of X to young voters"
    if verb and lemma in _lex()["recall_verb"] and type_ == "SANCTION" and not recall_of_envoy(tok):
        return None  # "recalled the talks fondly": memory, no envoy withdrawn
    if verb and hostile and lemma in light and not hostile_engagement(tok, hostile_nouns):
        return None  # "engage in more listening": no force engaged in
    return type_, mode


def _authors(tok: Token) -> list[Token]:
    """The verb's subject and its "by" agent: who did the act."""
    return [c for c in tok.children if c.dep_ == "nsubj"] + [
        o for c in tok.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for o in prep_objects(c)]


def weapon_author(tok: Token) -> bool:
    """The verb's subject (or its "by" agent) is a weapon or a craft (event_actors.tsv [instrument] weapon or
    vehicle: "jets", "warplanes", "planes", "helicopters"): a raid by one is done with force by whoever flies it."""
    return any(kind_of(a) in ("weapon", "vehicle") for a in _authors(tok))


def military_author(tok: Token) -> bool:
    """(stop 38) The verb's subject (or "by" agent) is a state's armed force (act_senses.tsv [military]: "the Navy",
    "troops") or a state or its capital named alone ("Turkey has raided ..."; "Chicago police" is police)."""
    return any(_in(a, "military") or (a.pos_ == "PROPN" and a.ent_type_ == "GPE") for a in _authors(tok))


def hostile_engagement(tok: Token, hostile_nouns: frozenset[str]) -> bool:
    """What a light verb is engaged "in" is force: [hostile_engagement] or a hostile trigger noun."""
    objs = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for o in prep_objects(c)]
    return any(_in(o, "hostile_engagement") or o.lower_ in hostile_nouns for o in objs)


__all__ = [
    "ForceWeights",
    "act_clause",
    "act_sense",
    "clause_physical",
    "doc_violence",
    "force_sense",
    "force_trigger",
    "hostile_engagement",
    "needs_act",
    "physical_target",
    "author_kind",
    "poll_share",
    "recall_of_envoy",
    "requested",
    "verbal_evidence",
]
