"""Readings of a trigger from its own clause: a prediction rather than a commitment, an act imposed by a verb.

Why (stop 30): stop 29's held-out wire draw showed "would probably be extradited" as AGREE (PLOVER's reading of
"would free" as a commitment, where no party commits: a source's prediction) and "sanctions imposed on X by the UN"
as COERCE (the verb's own row, where the noun names the act: SANCTION, CAMEO 163). Both are read from the parse:
the auxiliary, a hedging adverb or an agentless passive; the trigger noun that is the verb's patient.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.event_actor_phrases import partitive_whole

#: lexicon rows of a trigger noun, as `EventLexicon.nouns` holds them: lemma -> [(type, mode, needs, roles), ...]
NounRows = dict[str, list[tuple[str, str, set[str], str]]]


def predicted(tok: Token, auxiliaries: frozenset[str], hedges: frozenset[str]) -> bool:
    """A "would"/"will" clause (`auxiliaries`) that predicts the act rather than commits or threatens it: hedged by an
    adverb of likelihood (plover.tsv [hedge]: "would probably be extradited") or an agentless passive ("will be
    released"), which names no party to commit. PLOVER's intent readings (AGREE for "would free", THREATEN for "will
    attack") need one; the act keeps its type and its modal or future status."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if not aux & auxiliaries:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in hedges for c in tok.children):
        return True
    return any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


def imposed_act(tok: Token, nouns: NounRows) -> Token | None:
    """The trigger noun a verb of imposing (plover.tsv [imposing]) imposes, if its patient is one: its object, its
    passive subject, or the noun the participle modifies ("sanctions imposed on X by Y")."""
    # "imposed some of the harshest sanctions ever": the noun a quantity counts (stop 31, e6)
    patients = [partitive_whole(c) for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN":
        patients.append(tok.head)
    return next((p for p in patients if nouns.get(p.lower_) or nouns.get(p.lemma_.lower())), None)


def noun_type(noun: Token, nouns: NounRows) -> tuple[str, str]:
    """(type, mode) of the first lexicon row of a trigger noun."""
    rows = nouns.get(noun.lower_) or nouns.get(noun.lemma_.lower()) or []
    return rows[0][0], rows[0][1]
