"""Factuality of a predicate from the dependency parse: did the event it names happen, as the text states it?

Why: news states much that did not happen ("did not meet", "could attack", "if talks fail", "plans to visit",
"Sign up for a free trial", "Will they agree?"). An analyst counting events must count only what the text asserts
as past or present. The reading is syntactic, so it transfers to text nobody tuned on: the closed-class words of
data/factuality.tsv (negators, modals, future auxiliaries, subordinators, intent heads) count only where the parse
attaches them to the trigger's own clause, or to a clause that governs it (an xcomp "wants to meet", a noun's verb
"will hold talks"), never across a reporting verb ("X said Y attacked Z" keeps Y's attack asserted: it is reported,
and its reporter is the quote's business).

Statuses (`Event.status`): "asserted" (happened or is happening), "negated", "modal" (could/would/should),
"conditional" (if/unless/whether), "question", "future" (will; a date after the article's), "intended" (plans,
wants, is expected to, a purpose infinitive, a request's complement, a duty: "X's job was to assist Y"),
"imperative" (a call to action: "Sign up", "Join us"), "habitual" (a stance held over time, not one act: "had
historically resisted", "has long blocked", "has for years opposed"). A negative subject negates ("Neither X nor Y
have been charged", "Nobody was hurt"). Only "asserted" is shown and counted by default; the others stay in the record with their status.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.lexicon import words

_DATA = "factuality.tsv"
ASSERTED = "asserted"
STATUSES = (ASSERTED, "negated", "modal", "conditional", "question", "future", "intended", "imperative", "habitual")
#: The statuses an event is shown and counted with by default.
SHOWN = frozenset({ASSERTED})

_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
#: Dependencies along which a governing clause lends its factuality to the trigger ("wants to meet": xcomp;
#: "will hold talks": the noun's verb). ccomp/parataxis under a speech verb is not among them: reported content
#: keeps its own status.
#: (stop 40) "acomp": an adjective's complement is done only as its copula is ("may be able to lift sanctions",
#: "has not been able to reach an agreement"; "was able to reach" stays asserted)
_GOVERNED = ("xcomp", "advcl", "dobj", "obj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "oprd", "compound", "pcomp", "acl", "appos", "npadvmod",
             "acomp")
_NOMINAL = ("NOUN", "PROPN")


@dataclass(frozen=True)
class Factuality:
    """The status of a predicate and the word that decided it (None when asserted)."""

    status: str
    cue: str | None = None

    @property
    def happened(self) -> bool:
        return self.status in SHOWN


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    return {s: words(_DATA, s) for s in ("negation", "negating_head", "modal", "future", "intent_head", "conditional", "prospective", "imminent", "asking_head",
                                      "habitual", "habitual_span", "duty_noun", "negative_subject", "plan_noun", "temporal", "charge_head",
                                      "hypothetical", "presupposing", "near", "not_yet", "charge_for", "content_subject", "truth")}


def factuality(tok: Token, max_depth: int = 6) -> Factuality:
    """The status of the event `tok` (a verb or a noun trigger) names, read from its clause and the clauses above it."""
    lex = _lex()
    if _question(tok):
        return Factuality("question", "?")  # "Will they meet?", "Did troops fire?": asked, not stated
    supposed = _supposition(tok, lex["hypothetical"])
    if supposed is not None:
        return Factuality("conditional", supposed)  # "Say X demanded ...", "Suppose they attack": a case imagined
    content = _content_of(tok, lex["asking_head"], lex["content_subject"])
    if content is not None:
        return Factuality("intended", content)  # (stop 40) "the plan calls on banks to lend": a document's content
    cur = tok
    for _ in range(max_depth):
        own = _own(cur, lex, nominal=cur.pos_ in _NOMINAL)
        if own is not None:
            return own
        head = cur.head
        if head is cur:
            break
        if _duty(cur, head, lex["duty_noun"]):
            return Factuality("intended", head.text)  # "X's job was to assist Y": a duty, not an act done
        if _charged(cur, head, lex["charge_head"]) or _charged_for(cur, head, lex["charge_for"]):
            return Factuality("modal", head.text if cur.dep_ == "ccomp" else head.head.text)  # "accused X of ordering"
        if cur.dep_ == "ccomp" and _infinitive(cur) and any(c.dep_ in _SUBJ for c in cur.children) and (
                head.lemma_.lower() in lex["intent_head"] or head.lower_ in lex["intent_head"]):
            # (stop 33, e9) "would allow 9/11 families to sue X", "urged Republicans to join": a to-infinitive with its
            # own subject under a verb of permission, intent or asking (parsed as ccomp, not xcomp) is what is
            # allowed or asked, no act done: as "wants to meet", unless the verb above is negated or conditional
            outer = factuality(head, max_depth - 1) if max_depth > 1 else Factuality(ASSERTED)
            return outer if outer.status in ("negated", "question", "conditional") else Factuality("intended", head.text)
        if cur.dep_ == "ccomp" and _caused(cur) and not _speech(head):
            # (stop 38) "designed to help Ruritania cut its deficit", "helped X cut": a bare infinitive with its own
            # subject under a verb of causing is done only as its head is done; it is no reported content
            cur = head
            continue
        if cur.dep_ == "ccomp" and not _speech(head) and head.dep_ in ("advcl", "xcomp", "acl") and _infinitive(head):
            # (stop 38) "filed suit to ensure that X receives its share": what a purpose or an intent is to bring
            # about is still to come; a speech verb's content ("plans to announce that X attacked") is reported
            outer = factuality(head, max_depth - 1) if max_depth > 1 else Factuality(ASSERTED)
            if outer.status == "intended":
                return outer
        if cur.dep_ in ("ccomp", "acl") and head.pos_ in _NOMINAL and (cur.tag_ == "VB" or cur.tag_ == "VBP" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)) and (
                head.lemma_.lower() in lex["asking_head"] or head.lower_ in lex["plan_noun"]):
            # (stop 40) "their request that the state offer X" (a subjunctive, often tagged VBP): asked for, not done
            return Factuality("intended", head.text)
        if cur.dep_ == "ccomp" and _denied_truth(head, lex["truth"]):
            return Factuality("negated", "not")  # (stop 40) "it was not true that X had threatened Y": denied
        if cur.dep_ in ("ccomp", "parataxis"):
            # reported or embedded content keeps its own status ("said Y attacked Z"); "whether" is handled by _own
            break
        if cur is tok and tok.pos_ in _NOMINAL and cur.dep_ in ("dobj", "obj") and head.lemma_.lower() in lex["presupposing"]:
            break  # "avoids condemning Russia's invasion": the act judged happened, whatever is said of it
        if cur.dep_ == "relcl":
            break  # "troops who attacked": the relative clause states its own event
        if cur.dep_ == "prep" and cur.lower_ in ("on", "about") and _speech(head):
            break  # (stop 40) "were unable to comment on X's meeting": the topic of a saying keeps its own status
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and not any(c.dep_ in _SUBJ or c.dep_ in ("aux", "auxpass") for c in cur.children):
            break  # (stop 38) "are to be granted access to X, arrested by Y": a bare participle states its own event
        if cur.dep_ == "advcl" and cur.tag_ in ("VBZ", "VBP") and _temporal(cur, lex["temporal"]):
            outer = _own(head, lex, nominal=head.pos_ in _NOMINAL)
            if outer is not None and outer.status in ("future", "modal"):
                return Factuality("future", outer.cue)  # "will meet X when he visits Y": the visit is still to come
        if cur.dep_ == "advcl" and (cur.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in _SUBJ for c in cur.children)):
            break  # "While Hamas blamed Israel, Israel has not claimed it": a finite clause states its own event
        if cur.dep_ == "conj":
            # "will meet and discuss": a bare verb shares the auxiliaries of the verb it is coordinated with;
            # a finite one ("met A and visited B") stands on its own
            if cur.tag_ != "VB":
                break
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in cur.children) and head.tag_ in ("VBD", "VBZ", "VBP"):
                return Factuality("intended", "to")  # "it underscores X's determination ... and to deploy them": an aim
            head = cur.head
        elif cur.dep_ in ("xcomp", "advcl", "acl") and _infinitive(cur):
            lemma = head.lemma_.lower()
            if lemma in lex["negating_head"]:
                return Factuality("negated", head.text)
            if head.lower_ in lex["imminent"] and cur.dep_ == "xcomp":
                return Factuality("future", f"{head.text} to")  # "a man about to be indicted": not yet done
            if cur.dep_ == "xcomp" and head.lemma_.lower() == "be" and any(c.dep_ in _SUBJ for c in head.children):
                return Factuality("future", f"{head.text} to")  # (stop 38) "the EC is to offer X compensation": planned
            if lemma in lex["intent_head"] or head.lower_ in lex["intent_head"]:
                outer = factuality(head, max_depth - 1) if max_depth > 1 else Factuality(ASSERTED)
                return outer if outer.status in ("negated", "question", "conditional") else Factuality("intended", head.text)
            if cur.dep_ in ("advcl", "acl"):
                return Factuality("intended", "to")  # a purpose infinitive: "came to sign", "a plan to attack"
        elif cur.dep_ in ("pcomp", "pobj") and head.lemma_.lower() in lex["negation"]:
            return Factuality("negated", head.text)  # "without meeting"
        elif cur.dep_ == "pcomp" and head.lower_ == "to" and head.head.lower_ in lex["near"]:
            return Factuality("future", f"{head.head.text} to")  # (stop 38) "was close to signing": not yet signed
        elif cur.dep_ not in _GOVERNED:
            break
        if (head.lemma_.lower() in lex["negating_head"] or head.lower_ in lex["negating_head"]) and (
                cur.dep_ in ("dobj", "xcomp", "pcomp") or cur.dep_ == "acl" and cur.tag_ == "VBG"):
            return Factuality("negated", head.text)  # "called off the talks", "denied attacking"
        if _asked_for(tok, cur, head, lex["asking_head"]):
            return Factuality("intended", head.text)  # "called for talks", "requested assistance"
        plan = _planned_by(tok, cur, head, lex["plan_noun"])
        if plan is not None:
            return Factuality("intended", plan.text)  # "plans rely on air attacks", "attack plans"
        cur = head
    if _imperative(cur):
        return Factuality("imperative", cur.text)
    return Factuality(ASSERTED)


def _own(tok: Token, lex: dict[str, frozenset[str]], nominal: bool) -> Factuality | None:
    """What the token's own dependents say: a negator, a modal or future auxiliary, a conditional subordinator."""
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and low in ("no", "neither")):
            return Factuality("negated", c.text)
        if c.dep_ == "mark" and (low in lex["conditional"] or _phrase(c) in lex["conditional"]):
            return Factuality("conditional", c.text)
        if c.dep_ == "prep" and c.i < tok.i and _opens_clause(c) and _prep_phrase(c) in lex["conditional"]:
            return Factuality("conditional", c.text)  # "in case X ordered ...", parsed as a prepositional phrase
    if nominal:
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in lex["prospective"]:
                return Factuality("intended" if c.lower_ in ("planned", "proposed", "scheduled") else "modal", c.text)
        return None
    if _negative_subject(tok, lex["negative_subject"]):
        return Factuality("negated", "neither")  # "Neither X nor Y have been charged", "Nobody was hurt"
    habitual = _habitual(tok, lex["habitual"], lex["habitual_span"])
    if habitual is not None:
        return Factuality("habitual", habitual)
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    for c in aux:
        if c.lower_ in lex["future"]:
            return Factuality("future", c.text)
        if c.lower_ in lex["modal"]:
            return Factuality("modal", c.text)
    perfect = next((c for c in aux if c.lemma_.lower() == "have"), None)
    if perfect is not None and any(c.dep_ == "advmod" and c.lower_ in lex["not_yet"] and perfect.i < c.i < tok.i for c in tok.children):
        return Factuality("future", f"{perfect.text} {tok.doc[perfect.i + 1].text}")  # (stop 40) "has yet been approved"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "go" and any(a.lower_ == "to" for a in aux) and tok.head.tag_ == "VBG":
        return Factuality("future", "going to")
    return None


def _supposition(tok: Token, openers: frozenset[str]) -> str | None:
    """The opener of a sentence that imagines a case ([hypothetical]: "Say X demanded ...", "Suppose ...", "Let's
    say ..."): its words first in the sentence, before the trigger, followed by a clause (the tagger often reads a
    capitalised "Say" before a name as part of the name, so its tag is no evidence); or None."""
    sent = tok.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space or t.is_quote)), None)
    if first is None or first.i >= tok.i - 1 or not first.is_title or first.nbor(1).is_punct:
        return None
    for n in (3, 2, 1):
        words_ = " ".join(t.lower_ for t in tok.doc[first.i : min(first.i + n, sent.end)])
        if words_.replace(" '", "'") in openers or words_ in openers:
            return words_
    return None


def _charged(cur: Token, head: Token, charging: frozenset[str]) -> bool:
    """`cur` is what a verb of charging ([charge_head]) alleges: the gerund of its "of"/"with" ("accused X of
    ordering", "suspected of collaborating", "charged with attacking") or its "that" clause ("charges that countries
    donated"): alleged, not stated as done."""
    if cur.dep_ == "ccomp":
        return head.lemma_.lower() in charging and any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
    return (cur.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "with")
            and head.head.lemma_.lower() in charging)


def _charged_for(cur: Token, head: Token, steps: frozenset[str]) -> bool:
    """(stop 40) `cur` is the "for" gerund of a legal step ([charge_for]: "arrested for aiding X", "detained for
    spying"): the charge, not stated as done."""
    return (cur.dep_ == "pcomp" and cur.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ == "for"
            and head.head.lemma_.lower() in steps)


def _content_of(tok: Token, asking: frozenset[str], documents: frozenset[str]) -> str | None:
    """(stop 40) A verb of asking whose subject is a plan or a document ([content_subject]: "the plan calls on
    banks to increase lending", "the pact calls on X to stop"): what the text says, no act of an actor; the noun,
    or None. A person or a body that calls stays the asker."""
    if tok.lemma_.lower() not in asking:
        return None  # any tag: the tagger reads "calls" after a noun as a plural noun, the parse gives it the subject
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj.text if subj is not None and (subj.lower_ in documents or subj.lemma_.lower() in documents) else None


def _denied_truth(head: Token, truth: frozenset[str]) -> bool:
    """(stop 40) A negated copula with an adjective of truth ([truth]: "it was not true that ..."): the clause it
    holds is denied, not stated."""
    return (any(c.dep_ == "neg" for c in head.children)
            and any(c.dep_ == "acomp" and c.lower_ in truth for c in head.children))


def _temporal(clause: Token, marks: frozenset[str]) -> bool:
    """The adverbial clause opens with a subordinator of time ([temporal]: "when", "once", "as soon as")."""
    return any(c.dep_ in ("mark", "advmod") and (c.lower_ in marks or " ".join(t.lower_ for t in c.doc[c.i : c.i + 3]) in marks)
               and c.i < clause.i for c in clause.children)


def _negative_subject(tok: Token, negative: frozenset[str]) -> bool:
    """The verb's subject negates it: a negative pronoun ("nobody", "none of them"), "no" as its determiner ("no one
    was charged"), or "neither" before coordinated subjects ("Neither X nor Y have been charged")."""
    for s in tok.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if s.lower_ in negative or (s.lower_ == "one" and any(c.lower_ == "no" for c in s.children)):
            return True
        if any(c.dep_ in ("preconj", "det") and c.lower_ in ("neither", "no") for c in s.children):
            return True
    return False


def _habitual(tok: Token, adverbs: frozenset[str], spans: frozenset[str]) -> str | None:
    """The cue that makes the verb a stance held over time: an adverb of [habitual] ("had historically resisted",
    "long blocked"), or "for" + a span of years ("has for years blocked"). Only a verb in a perfect or past tense or
    a present of state; a bare "for years" with "since" or a negation is handled elsewhere."""
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in adverbs and c.i < tok.i + 3:
            if c.lower_ == "long" and any(g.lower_ in ("as", "so", "how", "too", "ago") for g in [*c.children, tok.doc[c.i - 1] if c.i else c]):
                continue  # "as long as", "so long", "how long", "long ago"
            return c.text
        if c.dep_ == "prep" and c.lower_ == "for" and any(o.lower_ in spans and not any(g.dep_ in ("nummod", "amod", "det") for g in o.children)
                                                          for o in c.children if o.dep_ == "pobj"):
            # "for years", not "for two years" (a measured term: "jailed for two years")
            return f"for {next(o.text for o in c.children if o.dep_ == 'pobj')}"
    return None


def _duty(cur: Token, head: Token, duties: frozenset[str]) -> bool:
    """`cur` is the infinitive complement of a copula whose subject is a duty noun ("X's job was to assist Y")."""
    if cur.dep_ not in ("xcomp", "ccomp", "advcl", "attr") or head.lemma_.lower() != "be" or not _infinitive(cur):
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in duties for c in head.children)


def _asked_for(trigger: Token, cur: Token, head: Token, asking: frozenset[str]) -> bool:
    """A noun trigger that is what a verb of asking, planning, offering or needing has as its object, or its "for"
    object ("urged talks", "called for talks", "scheduled meetings", "require aid"): the act is asked for, not done.
    Only the noun's own verb counts (the first step up, or the "for" between), so "talks that X had called for"
    (a relative clause) and "the talks began after X urged calm" keep their own status."""
    if trigger.pos_ not in _NOMINAL or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in asking:
        return False
    if cur.i == trigger.i:
        return cur.dep_ in ("dobj", "obj")
    return cur.dep_ == "prep" and cur.lower_ == "for" and trigger.dep_ == "pobj" and trigger.head.i == cur.i


def _planned_by(trigger: Token, cur: Token, head: Token, plans: frozenset[str]) -> Token | None:
    """The plan noun that has a noun trigger as its content ([plan_noun]): the subject of the verb the trigger is
    the object of ("plans rely heavily on air attacks", "the plan includes talks"), or the noun it modifies or
    completes ("attack plans", "plans for a strike"). A plan's act is not done yet. Only noun triggers: a verb
    ("the plan was attacked") states its own act."""
    if trigger.pos_ not in _NOMINAL:
        return None
    if head.pos_ in _NOMINAL and head.lemma_.lower() in plans and cur.dep_ in ("compound", "prep"):
        return head
    if head.pos_ in ("VERB", "AUX") and cur.dep_ in ("dobj", "obj", "prep", "attr"):
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in plans), None)
    return None


def _opens_clause(prep: Token) -> bool:
    """The preposition opens its verb's clause: before the verb's subject ("in case X ordered")."""
    subj = [c for c in prep.head.children if c.dep_ in _SUBJ]
    return bool(subj) and prep.i < min(s.left_edge.i for s in subj)


def _prep_phrase(prep: Token) -> str:
    """A preposition and its object, with a determiner between ("in case", "in the event", "on condition")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return ""
    return " ".join(t.lower_ for t in prep.doc[prep.i : objs[0].i + 1])


def _phrase(tok: Token) -> str:
    return " ".join(t.lower_ for t in tok.doc[tok.i : tok.i + 2])


def _caused(tok: Token) -> bool:
    """A bare infinitive with its own subject ("help X cut", "let X go", "made them pay"): no "to", no tense."""
    return tok.tag_ == "VB" and not any(c.dep_ == "aux" for c in tok.children) and any(c.dep_ in _SUBJ for c in tok.children)


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return words("cues.tsv", "verb")


def _speech(tok: Token) -> bool:
    """A verb of saying (data/cues.tsv [verb]): its complement is reported content with a status of its own."""
    return tok.lemma_.lower() in _speech_verbs() or tok.lower_ in _speech_verbs()


def _infinitive(tok: Token) -> bool:
    """A to-infinitive or bare infinitive complement ("to meet", "make them leave"), active or passive ("to be
    charged": the participle carries the "to" and the "be")."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in tok.children):
        return to
    return tok.tag_ == "VB" and (to or tok.dep_ == "xcomp")


def _question(tok: Token) -> bool:
    """The trigger's sentence is a question (its last non-space, non-quote character is "?")."""
    sent = tok.sent
    text = sent.text.rstrip().rstrip("\"'\u201d\u2019)")
    return text.endswith("?")


def _imperative(tok: Token) -> bool:
    """A call to action: the clause's top verb is a bare form with no subject and no auxiliary, first in its
    sentence ("Sign up for a free trial", "Please join us")."""
    if tok.pos_ != "VERB" or tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "conj"):
        return False
    top = tok
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    if top.tag_ != "VB" or any(c.dep_ in _SUBJ or c.dep_ in ("aux", "auxpass") for c in top.children):
        return False
    lead = [t for t in top.sent if not (t.is_punct or t.is_space)][:3]
    for t in lead:
        if t.i == top.i:
            return True
        if t.pos_ not in ("ADV", "INTJ") and t.lower_ not in ("please", "now", "just", "so", "then"):
            return False
    return False


__all__ = ["ASSERTED", "SHOWN", "STATUSES", "Factuality", "factuality"]
