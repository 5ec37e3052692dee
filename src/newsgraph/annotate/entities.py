"""`newsgraph_entities`: the article's entities under one canonical name each (first version).

Groups NER mentions into entities: a bare surname joins the full name seen in the article ("Khatib" ->
"Mouaz al-Khatib"), and a surname the NER mistyped as ORG/GPE is retyped by document consistency.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.extensions import register_extensions
from newsgraph.records import Entity, Mention, stable_id

_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_LEADING = re.compile(r"^(?:the|The)\s+")


def clean_name(text: str) -> str:
    text = _LEADING.sub("", text.strip())
    text = _POSSESSIVE.sub("", text).strip()
    return " ".join(text.split())


def entity_id(type_: str, name: str) -> str:
    """Stable across articles: the same canonical (type family, name) gives the same id."""
    family = "place" if type_ in ("country", "city", "place") else type_
    return stable_id(family, name.lower())[:16]


@Language.factory("newsgraph_entities")
def make_entities(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker()


class EntityLinker:
    """Build `doc._.ng_entities` from `doc.ents`."""

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        raw = []
        for ent in doc.ents:
            type_ = _LABELS.get(ent.label_)
            if not type_:
                continue
            text = clean_name(ent.text)
            if not text:
                continue
            start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
            start = start + ent.text.find(text) if text in ent.text else ent.start_char
            raw.append((type_, text, start, start + len(text)))
        # surnames of persons with a full name
        full_people = {}
        for type_, text, _, _ in raw:
            if type_ == "person" and " " in text:
                full_people.setdefault(text.split()[-1], text)
                last = text.split()[-1]
                if "-" in last:
                    full_people.setdefault(last.split("-", 1)[1], text)
        groups: dict[tuple[str, str], Entity] = {}
        for type_, text, start, end in raw:
            canonical = text
            if " " not in text and text in full_people:
                type_, canonical = "person", full_people[text]
            key = ("place" if type_ == "place" else type_, canonical.lower())
            ent = groups.get(key)
            if ent is None:
                ent = groups[key] = Entity(id=entity_id(type_, canonical), name=canonical, type=type_)
            if text not in ent.aliases:
                ent.aliases.append(text)
            ent.mentions.append(Mention(start=start, end=end, text=doc.text[start:end]))
        entities = list(groups.values())
        _score_salience(doc, entities)
        entities.sort(key=lambda e: -e.salience)
        doc._.ng_entities = entities
        return doc


def _score_salience(doc: Doc, entities: list[Entity]) -> None:
    """Frequency, earliness and headline presence, scaled to 0..1 within the article."""
    title = ((doc._.ng_meta or {}).get("title") or "").lower()
    n = max(len(doc.text), 1)
    scores = []
    for e in entities:
        first = min(m.start for m in e.mentions) / n
        score = len(e.mentions) + 2.0 * (1 - first) + (2.0 if any(a.lower() in title for a in e.aliases) else 0)
        scores.append(score)
    top = max(scores, default=1.0) or 1.0
    for e, s in zip(entities, scores, strict=True):
        e.salience = round(s / top, 4)


def find_entity(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end), if any."""
    for e in doc._.ng_entities or []:
        for m in e.mentions:
            if m.start < end and start < m.end:
                return e
    return None
