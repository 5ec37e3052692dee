"""Whether a speech verb heads its own report or sits inside a noun phrase or clause that is an argument of another.

Why: a speech verb reports content only as the predicate of its own clause whose complement is the content ("X said
the plan would fail"). Inside a free relative ("the gap between what X says his plan would do and ..."), an embedded
question ("how experts say it would shape tax law has endured ..."), or a relative clause on a noun ("Everything X
says is a lie", "the budget act Democrats propose relies on taxes", "mentioned remarks X had made about Y") the verb
names claims without reporting them, and the words after it are the matrix clause's predicate, not the content.
These shapes come from English syntax, not from one register, so the test reads the parse and the closed class of
wh-words and relativizers only (no content words).

`embedding(cue, comp)` returns one of:
- MAIN: the cue heads its own clause; the finder's usual span.
- BOUNDED: the cue is in a clause that is an argument or modifier of another ("the man who said the plan would
  fail was fired"; the cue's own subject is the relativizer): the content is its complement, never past it.
- RELATIVE: a relative clause whose gap lies inside the complement, filled by the relativizer's noun ("the outbreak,
  which officials said had spread to ...", "what the senators said was gerrymandering"): the complement only, and
  a lower confidence (quote_evidence.EMBEDDED_CONTENT_SCORE), as the claim holds a word the reader must resolve.
- OBJECT: the parse hung a relative clause on the cue's object as the cue's complement ("mentioned disparaging
  remarks X had made about Y as examples of ..."): the clause is no report; the object with its clause is the
  cue's object content, for a cue whose object is what it says (quote_indirect.py).
- GAP: the complement holds an open gap (a free relative's object, a "how" or "why" clause, an indefinite pronoun
  as the cue's object) or the words after the cue are the matrix predicate: no quote.
"""

from __future__ import annotations

from spacy.tokens import Token

MAIN, BOUNDED, RELATIVE, GAP, OBJECT = "main", "bounded", "relative", "gap", "object"

#: Heads of free relatives that are the speech verb's object ("everything X says", "whatever X says"): the verb
#: names the claims, the complement (if the parse gives one) is the matrix predicate or has an object gap.
FREE_OBJECTS = ("everything", "anything", "nothing", "something", "whatever", "whichever")
#: Wh-adverbs that open an embedded question ("how experts say it would shape ..."): the content is what is asked
#: about, not what was said.
WH_ADJUNCTS = ("how", "why")
#: Free relative pronoun: with a subject gap in the complement the complement is reported ("what the senators said
#: was gerrymandering"), with an object gap it is open ("what X says his plan would do").
FREE_RELATIVE = ("what",)
#: Relativizers with an antecedent noun: the gap is filled by that noun.
RELATIVIZERS = ("which", "that", "who", "whom")
#: Relations of a clause that is an argument or modifier of another clause or of a noun.
EMBEDDED_DEPS = ("relcl", "acl", "csubj", "csubjpass", "pcomp", "pobj")
_SUBJ = ("nsubj", "nsubjpass", "expl", "csubj")
_TIME_ENTS = ("DATE", "TIME")


def _own_subject(verb: Token | None) -> bool:
    """The clause has a subject of its own, not the wh-word or relativizer that fills its gap ("what ... said
    [was X]" parses "what" as the subject of "was")."""
    return verb is not None and any(c.dep_ in _SUBJ and c.lower_ not in FREE_RELATIVE + RELATIVIZERS for c in verb.children)


def embedding(cue: Token, comp: Token | None, hearer: frozenset[str] | set[str] = frozenset()) -> str:
    """How the speech verb `cue` (with its clausal complement `comp`, or None) sits in its sentence (see module);
    `hearer`: lemmas of cues whose object is the one spoken to ("told reporters the plan ...")."""
    doc = cue.doc
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    if comp is not None and _object_relative(cue, comp, hearer):
        return OBJECT
    if subj is None:
        return BOUNDED if cue.dep_ in EMBEDDED_DEPS else MAIN
    if subj.lower_ in RELATIVIZERS or subj.tag_ in ("WP", "WDT"):
        return BOUNDED  # "the man who said the plan would fail was fired": a complete clause inside a noun phrase
    lead = doc[subj.left_edge.i]
    if lead.i != subj.i and lead.lower_ in FREE_OBJECTS + FREE_RELATIVE + WH_ADJUNCTS:
        prev: Token | None = lead  # "Everything X says is a lie": the parse glues "Everything" to the subject
    else:
        prev = doc[lead.i - 1] if lead.i > 0 else None
    if prev is None or prev.sent != cue.sent:
        return BOUNDED if cue.dep_ in EMBEDDED_DEPS else MAIN
    word = prev.lower_
    if word in FREE_OBJECTS or word in WH_ADJUNCTS:
        return GAP
    if word in FREE_RELATIVE:
        # "what the senators said [was gerrymandering]": the complement has no subject, "what" is it
        return RELATIVE if comp is not None and not _own_subject(comp) else GAP
    if word in RELATIVIZERS and prev.i > 0 and doc[prev.i - 1].tag_ == "IN":
        return BOUNDED  # "tweets in which he called her ...": the gap is an adjunct, the clause is complete
    if word in RELATIVIZERS and prev.dep_ != "mark" and not (word == "that" and cue.dep_ == "ccomp"):
        return RELATIVE if comp is not None else GAP
    if _contact_noun(prev, cue):
        # "the budget act Democrats propose relies on ...": a relative clause without relativizer; a complement
        # with a subject of its own is reported ("the claims officials said Russia could check"), and so is one
        # without when a finite verb before the noun is the sentence's predicate ("including a provision they
        # say could exclude ..."); else the words after the cue are the matrix predicate
        if comp is not None and (_own_subject(comp) or _predicate_before(prev)):
            return RELATIVE
        return GAP
    return BOUNDED if cue.dep_ in EMBEDDED_DEPS else MAIN


def _predicate_before(noun: Token) -> bool:
    """A finite verb stands before the noun phrase of `noun` in its sentence: the phrase follows the sentence's
    predicate (an object or adjunct), so a relative clause on it is no subject waiting for its predicate."""
    start = noun.left_edge.i
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in noun.doc[noun.sent.start : start])


def after_predicate(cue: Token) -> bool:
    """A finite verb outside the cue's clause stands before that clause in its sentence: the clause sits in an object
    or a trailing phrase (", who claim they are overworked and under-resourced"), so the matrix predicate is behind
    it and its content may run to the sentence end as a main clause's does; a clause in the subject ("The engineer
    who said the bridge would close was fired") stops at its complement."""
    lo = cue.left_edge.i
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not (lo <= t.i <= cue.right_edge.i) for t in cue.doc[cue.sent.start : lo])


def _contact_noun(prev: Token, cue: Token) -> bool:
    """A common noun right before the cue's subject, with no comma or relativizer between, that is no dependent of
    the cue's clause (not "Last week officials said", "At the meeting officials said"): the noun a relative clause
    without relativizer modifies."""
    if prev.tag_ not in ("NN", "NNS") or prev.ent_type_ in _TIME_ENTS:
        return False
    return not any(a.i == cue.i for a in prev.ancestors)


def _object_relative(cue: Token, comp: Token, hearer) -> bool:
    """The cue's object noun and, right after it, a "complement" with a subject of its own and no object ("mentioned
    disparaging remarks X had made about Y as examples"): a relative clause on the object that the parse hung on the
    cue; the cue names a topic. A cue whose object is its hearer ("told reporters the plan would fail") is left."""
    if cue.lemma_.lower() in hearer or not _own_subject(comp) or comp.i < cue.i:
        return False
    obj = next((c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.i), None)
    if obj is None or obj.tag_ not in ("NN", "NNS") or obj.ent_type_ in _TIME_ENTS:
        return False
    if obj.right_edge.i + 1 != comp.left_edge.i:
        return False  # a word between ("that", a comma): a clause of its own
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative") for c in comp.children)


def names_after(cue: Token) -> bool:
    """A predicate after a cue without complement ("what she calls a "war of words"", "what they called a smear"):
    the cue's naming of its gap, the speaker's words even inside a free relative."""
    return any(c.dep_ in ("oprd", "attr", "acomp") and c.i > cue.i for c in cue.children)


def relative_content(cue: Token) -> bool:
    """The cue is the verb of a relative clause or a free relative whose gap lies in its complement (RELATIVE)."""
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    return comp is not None and embedding(cue, comp) == RELATIVE
