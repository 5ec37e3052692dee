"""Relative pronouns: what the "who" of "a man who was arrested" can and cannot stand for.

Why: the actor resolver reads a relative "who" left without a usable antecedent as a personal pronoun and takes the
nearest person before it. Grammar rules out two readings that rule takes, whatever the words:
- an indefinite description ("a man who", "two boys who", "another reporter who") introduces someone new: the
  description is the one meant, not anybody named before it;
- the subject of a clause that holds the relative clause is a co-argument of the phrase the clause hangs on, never
  its antecedent ("X said the 26-year-old, who has been arrested, ...": the 26-year-old is not X; "X expressed
  concern about the man who ...": the man is not X). A subject whose own phrase holds the pronoun ("X, who was
  arrested, said") is its antecedent and stays a candidate.
Closed-class grammar and the parse only: no word list of a development set.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Relative pronouns for people (the resolver's personal reading applies to these).
WHO = ("who", "whom")
#: Determiners that introduce a new referent.
_INDEFINITE = ("a", "an", "another")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def relative_verb(tok: Token) -> Token | None:
    """The verb of the relative clause `tok` opens, climbing coordinated and chained verbs ("who were later
    released", "who were arrested and charged"); None when `tok` is no relative pronoun of a relative clause."""
    if tok.tag_ not in ("WP", "WDT") or tok.lower_ not in ("who", "whom", "that", "which"):
        return None
    verb = tok.head
    while verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        verb = verb.head
    return verb if verb.dep_ == "relcl" and verb is not tok else None


def indefinite(noun: Token) -> bool:
    """`noun` is introduced as someone new: an indefinite determiner or a number ("a man", "three boys")."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE or c.dep_ == "nummod" for c in noun.children)


def governing_subjects(tok: Token) -> list[tuple[int, int]]:
    """Char spans of the subjects of the clauses above the relative clause `tok` opens (empty when it opens none):
    the pronoun never stands for them. A subject whose phrase holds the pronoun is its antecedent and is kept."""
    verb = relative_verb(tok)
    if verb is None:
        return []
    out = []
    for anc in verb.head.ancestors:
        for c in anc.children:
            if c.dep_ in _SUBJECTS and not (c.left_edge.i <= tok.i <= c.right_edge.i):
                out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
    return out


__all__ = ["WHO", "governing_subjects", "indefinite", "relative_verb"]
