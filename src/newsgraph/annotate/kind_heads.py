"""The head noun of what an apposition or a copula right after a name says the name is.

"X, a weekly newsletter bringing ..." -> "newsletter", "X is a programming language" -> "language", "X the otter"
-> "otter". Two readers ask this: entity_evidence (works and products: `WORK_READING`) and person_kinds (kinds of
things typed as persons: `THING_READING`). They read the same shape - a link, an article, modifiers, the last noun of
the run - and differ only in which links and modifiers they accept, so one function serves both with its reading
as a parameter (the two copies it replaces had drifted into near-duplicates).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token


def _work_modifier(tok: Token) -> bool:
    """An adjective ("a Swedish newspaper") or a lower-case adverb ("a widely read newsletter")."""
    return tok.pos_ == "ADJ" or (tok.pos_ == "ADV" and tok.text.islower())


def _thing_modifier(tok: Token) -> bool:
    """Adjectives, adverbs, numbers, capitalised modifiers and hyphens ("a Bantu river goddess", "a two-year-old")."""
    return tok.pos_ in ("ADJ", "ADV", "NUM", "PROPN") or tok.text == "-"


@dataclass(frozen=True)
class HeadReading:
    """How a kind's phrase after a name is read.

    links: the words that join the name to the phrase (a comma for an apposition, a copula);
    bare_the: whether "the" right after the name opens the phrase with no link ("X the otter");
    width: how many tokens after the article are read;
    modifier: what may stand before the head noun;
    stop_at_head: whether, once a head noun is read, anything but another lower-case noun ends the phrase.
    """

    links: frozenset[str]
    bare_the: bool
    width: int
    modifier: Callable[[Token], bool]
    stop_at_head: bool


#: entity_evidence's reading (works, products, bodies): "X, a weekly newsletter", "X remains a popular game"
WORK_READING = HeadReading(frozenset({",", "is", "was", "remains", "became"}), False, 5, _work_modifier, False)
#: person_kinds' reading (things typed as persons): "X, a river goddess", "X was a Bantu deity", "X the otter"
THING_READING = HeadReading(frozenset({",", "is", "was"}), True, 6, _thing_modifier, True)


def kind_head(doc: Doc, start: int, end: int, reading: HeadReading = WORK_READING) -> str | None:
    """The head noun, lower case, of the noun phrase an apposition or a copula says the name at [start, end) is,
    from the tags: the link, an article, then modifiers and nouns, the last noun of the run being the head; None
    without one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    i = span.end
    if i < len(doc) and doc[i].lower_ in reading.links:
        i += 1
    elif not (reading.bare_the and i < len(doc) and doc[i].lower_ == "the"):
        return None
    if i >= len(doc) or doc[i].lower_ not in ("a", "an", "the"):
        return None
    head = None
    for tok in doc[i + 1 : i + 1 + reading.width]:
        if tok.pos_ == "NOUN" and tok.text.islower():
            head = tok.lower_
        elif (reading.stop_at_head and head is not None) or not reading.modifier(tok):
            break
    return head


__all__ = ["HeadReading", "THING_READING", "WORK_READING", "kind_head"]
