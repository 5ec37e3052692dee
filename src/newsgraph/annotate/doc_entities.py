"""Reading the article's entities off the Doc, for the components that run after `newsgraph_entities`.

Quotes, events, speaker resolution and geo need only "which entity is at this span" and the id scheme; importing
this small module instead of the linker keeps them independent of how entities are found.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Entity, stable_id

_PLACE = ("place", "country", "city")


def entity_id(type_: str, name: str) -> str:
    """Stable across articles: the same canonical (type family, name) gives the same id."""
    family = "place" if type_ in _PLACE else type_
    return stable_id(family, name.lower())[:16]



def find_entity(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end), if any.

    When several overlap (a town inside an organisation's name: "Alexandria Police Department"), the one whose
    mention shares the most characters with the span wins, then the one with the least outside it.
    """
    best, best_key = None, None
    for e in doc._.ng_entities or []:
        for m in e.mentions:
            if m.start < end and start < m.end:
                overlap = min(end, m.end) - max(start, m.start)
                key = (overlap, overlap - (m.end - m.start))
                if best_key is None or key > best_key:
                    best, best_key = e, key
    return best
