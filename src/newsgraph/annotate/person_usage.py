"""How the text uses a name as a person: the subject of a verb whose object it owns ("Holt made his debut"), or a
name followed by "(born ...".

Stage 2 of `newsgraph_entities` counts these uses per mention (entity_evidence.add_evidence); `people_by_usage`
reads them again after linking, over every place the text writes an entity's names (untagged repeats included),
to retype as a person an organisation or place that only the model's label typed. Both read the same two cues,
so the cues live here with the retyping.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.word_find import bounded_finds

BORN_AFTER = re.compile(r"^\s*\((?:born|b\.)\s")
#: parts of speech between a subject and the possessive of its own object ("X has since made his", "X hit his")
_VERB_RUN = {"VERB", "AUX", "ADV", "PART"}


def possessive_after(doc: Doc | None, m: NameMention, window: int = 3) -> bool:
    """The name is the subject of a verb whose object it owns as 'his' or 'her' ("Holt made his debut"): a person.
    Only verbs (and adverbs) may lie between the name and the possessive, so "told her" (an object) and "X and
    his" (a second subject) do not count."""
    if doc is None:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    seen_verb = False
    for tok in doc[span.end : span.end + window + 1]:
        if tok.tag_ == "PRP$" and tok.lower_ in ("his", "her"):
            return seen_verb
        if tok.pos_ not in _VERB_RUN:
            return False
        seen_verb = seen_verb or tok.pos_ in ("VERB", "AUX")
    return False


#: mentions of an entity that act as a person ('X made his debut', 'X (born ...') that make it a person when
#: nothing beyond the model's own label types it otherwise
PERSON_USES = 2


def model_typed_only(c, org_points: float) -> bool:
    """A cluster that only the model's label types: no feature noun, gazetteer country or team, and no
    organisation points beyond the model's labels."""
    ev: dict = {}
    model = 0
    for m in c.mentions:
        for k, v in m.ev.items():
            ev[k] = ev.get(k, 0) + v
        model += m.label in ("organisation", "place")
    return not (ev.get("organisation", 0) - model >= org_points or ev.get("feature") or ev.get("country")
                or ev.get("team"))


def people_by_usage(doc: Doc, text: str, clusters: list, org_points: float) -> list:
    """Retype as a person an organisation or place entity whose names, wherever the text uses them (untagged
    repeats included, which got no evidence of their own), act as a person `PERSON_USES` times or more ("Holt made his debut", "Holt hit his
    first home run"), when its only other typing is the model's label: no organisation suffix, lexicon or head noun
    (`org_points` beyond the model's labels), no feature noun, no gazetteer country. Returns the clusters, a
    retyped surname merged into the one full name that ends in it."""
    retyped = []
    for c in clusters:
        if c.type not in ("organisation", "place"):
            continue
        if not model_typed_only(c, org_points):
            continue
        uses = 0
        for name in dict.fromkeys([c.name, *c.aliases]):
            if len(name) < 3 or not name[:1].isupper():
                continue
            for start, end, _ in bounded_finds(text, [name]):  # no regex compiled per name (word_find.py)
                at = NameMention(start, end, name, "propagated")
                uses += bool(BORN_AFTER.match(text[end : end + 12]) or possessive_after(doc, at))
        if uses >= PERSON_USES:
            c.type = "person"
            retyped.append(c)
    if not retyped:
        return clusters
    # a surname joins the one full name of a person that ends in it ("Holt" -> "Brock Holt") when either was retyped
    # here (linking ran before, when the full name was no person)
    full: dict[str, list] = {}
    for c in clusters:
        if c.type == "person" and len(c.name.split()) >= 2:
            full.setdefault(c.name.split()[-1], []).append(c)
    out = []
    for c in clusters:
        owners = full.get(c.name, []) if c.type == "person" and " " not in c.name else []
        if len(owners) == 1 and (c in retyped or owners[0] in retyped):
            owners[0].mentions += c.mentions
            owners[0].aliases += [a for a in c.aliases if a not in owners[0].aliases]
            continue
        out.append(c)
    return out
