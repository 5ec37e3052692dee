"""Stage 5 of `newsgraph_entities`: clusters -> Entity records, scored by salience.

Salience from frequency, position, headline and lead presence, scaled to 0..1 within the article. `rescore` lets a
later component (geo, which merges places) recompute it without importing the linker.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from newsgraph.annotate.config import knob
from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.doc_entities import entity_id
from newsgraph.annotate.extensions import headline
from newsgraph.records import Entity, Mention

if TYPE_CHECKING:  # the linker is not imported at run time: geo calls `rescore` without it
    from newsgraph.annotate.entity_clusters import Cluster


@dataclass(frozen=True)
class SalienceWeights:
    """How an entity's salience is scored (before scaling to 0..1 within the article)."""

    base: float = knob(1.0, "score every entity starts with")
    frequency: float = knob(2.0, "weight of log(1 + mentions)")
    earliness: float = knob(1.5, "weight of how early the first mention comes (1 at the start, 0 at the end)")
    headline: float = knob(2.0, "bonus when a name of the entity is in the title or standfirst")
    lead: float = knob(1.0, "bonus when a mention lies in the lead")
    lead_min_chars: int = knob(200, "the lead ends at the first paragraph break after this many characters")
    lead_max_chars: int = knob(600, "... or here when there is no paragraph break")
    demonym: float = knob(0.5, "a country's demonym ('Syrian') counts as this many mentions")


#: where a later component finds the weights the entity component used (so `rescore` scores alike)
_WEIGHTS_KEY = "ng_salience_weights"


def to_entity(text: str, c: Cluster) -> Entity | None:
    mentions = sorted({(m.start, m.end) for m in c.mentions})
    if not mentions:
        return None
    roles: list[str] = []
    for m in c.mentions:
        for r in m.roles if c.type == "person" else ():
            if r not in roles:
                roles.append(r)
    aliases = [a for a in c.aliases]
    if c.name not in aliases:
        aliases.insert(0, c.name)
    for m in c.mentions:
        if m.text not in aliases:
            aliases.append(m.text)
    return Entity(
        id=entity_id(c.type, c.name),
        name=c.name,
        type=c.type,
        aliases=aliases,
        mentions=[Mention(start=s, end=e, text=text[s:e]) for s, e in mentions],
        roles=roles,
    )


def score_salience(doc: Doc, entities: list[Entity], text: str | None = None, w: SalienceWeights | None = None) -> None:
    """Frequency (log), earliness, headline and lead presence, scaled to 0..1 within the article.

    A country's demonyms ("Syrian", counted by newsgraph_geo once countries are known) add half a mention each.
    """
    import math

    if w is None:
        w = SalienceWeights(**doc.user_data.get(_WEIGHTS_KEY, {}))
    doc.user_data[_WEIGHTS_KEY] = asdict(w)  # plain values: user_data must stay serialisable
    demonyms = Counter(getattr(doc._, "ng_demonyms", None) or [])

    title = " " + headline(doc) + " "  # the body's leading heading when the article has no title
    text = text if text is not None else doc_text(doc)
    lead_end = text.find("\n\n", w.lead_min_chars)
    lead_end = lead_end if lead_end > 0 else min(len(text), w.lead_max_chars)
    n = max(len(text), 1)
    scores = []
    for e in entities:
        cc = e.geo.country_code if e.geo is not None and e.type == "country" else None
        count = len(e.mentions) + (w.demonym * demonyms[cc] if cc else 0)
        first = min((m.start for m in e.mentions), default=n) / n
        in_title = any(_in_words(a, title) for a in e.aliases if len(a) > 1)
        in_lead = any(m.start < lead_end for m in e.mentions)
        score = (w.base + math.log(1 + count) * w.frequency + w.earliness * (1 - first) + (w.headline if in_title else 0)
                 + (w.lead if in_lead else 0))
        scores.append(score)
    top = max(scores, default=1.0) or 1.0
    for e, s in zip(entities, scores, strict=True):
        e.salience = round(s / top, 4)


def _in_words(needle: str, hay: str) -> bool:
    """`needle` occurs in `hay` between non-word characters."""
    i = hay.find(needle)
    while i >= 0:
        j = i + len(needle)
        if not hay[i - 1 : i].isalnum() and not hay[j : j + 1].isalnum():
            return True
        i = hay.find(needle, i + 1)
    return False


def rescore(doc: Doc) -> None:
    """Recompute salience and order after a later component merged or renamed entities."""
    ents = list(doc._.ng_entities or [])
    score_salience(doc, ents)
    ents.sort(key=lambda e: -e.salience)
    doc._.ng_entities = ents

