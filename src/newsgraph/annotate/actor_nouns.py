"""Nouns that name people by their relation to another actor ("Kyiv's allies", "the owner"): the event roles and
actor phrases ask whether such a noun has a possessor, the other actor of the relation.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.annotate.lexicon import words


@lru_cache(maxsize=1)
def _related() -> frozenset[str]:
    return words("event_actors.tsv", "related")


def possessed(tok: Token) -> bool:
    """The noun has a possessor that is no pronoun: a "poss" child, or a modifier the parser did not read as one but
    that a possessive "'s" follows ("Kyiv’s European allies" parsed as adjectives)."""
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return True
        nxt = tok.doc[c.i + 1] if c.i + 1 < len(tok.doc) else None
        if c.i < tok.i and c.pos_ in ("PROPN", "ADJ", "NOUN") and nxt is not None and nxt.lower_ in ("'s", "’s"):
            return True
    return False


def related_noun(tok: Token) -> bool:
    """A noun for people named by their relation to another actor (event_actors.tsv [related]: "owner", "allies");
    only a possessor is the other actor ("Kyiv's allies"), a modifier may name their kind ("Nato allies")."""
    return tok.lower_ in _related() or tok.lemma_.lower() in _related()
