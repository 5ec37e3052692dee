"""Resolve a speaker or actor token to an article entity: names, pronouns and role descriptions.

Shared by the quote and event components. Why not a coreference model: a pronoun speaker in news is almost always
the nearest preceding compatible entity outside quotation marks, and a description ("the minister") names the
person introduced with that role; two cheap rules cover most cases without another model.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.lexicon import mapping, words
from newsgraph.records import Entity

_CUES = "cues.tsv"
_NAME_DEPS = {"compound", "flat", "amod", "nmod", "poss", "case"}


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy rebuilds the string from the tokens on every access."""
    text = doc.user_data.get("ng_text")
    if text is None:
        text = doc.user_data["ng_text"] = doc.text
    return text


@dataclass
class Actor:
    entity: Entity | None
    name: str
    start: int
    end: int

    @property
    def id(self) -> str | None:
        return self.entity.id if self.entity else None


def name_span(tok: Token) -> tuple[int, int]:
    """Char span of a noun's name part: the head plus its left compound/flat/proper-noun modifiers and right flat."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NAME_DEPS or child.pos_ == "PROPN":
            left = child if child.i < left.i else left
    right = tok
    for child in tok.rights:
        if child.dep_ in ("flat", "compound") and child.i == right.i + 1:
            right = child
    start = min(t.idx for t in tok.doc[left.i : right.i + 1] if t.dep_ != "case" or t.i == tok.i)
    end = right.idx + len(right.text)
    # a name never reaches back into the paragraph before (a parse run across a crosshead)
    start = max(start, doc_text(tok.doc).rfind("\n", 0, tok.idx) + 1)
    return start, end


def clause_bounds(tok: Token) -> tuple[int, int]:
    """The char span of the token's sentence clipped to its paragraph (a parse may run across blank lines)."""
    text = doc_text(tok.doc)
    sent = tok.sent
    p0 = text.rfind("\n", 0, tok.idx) + 1
    p1 = text.find("\n", tok.idx)
    p1 = len(text) if p1 < 0 else p1
    return max(sent.start_char, p0), min(sent.end_char, p1)


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def nearest_before(doc: Doc, pos: int, types: set[str], exclude: list[tuple[int, int]]) -> tuple[Entity, int, int] | None:
    """The entity of one of `types` whose mention ends last before `pos`, skipping mentions inside `exclude`."""
    best = None
    for e in doc._.ng_entities or []:
        if e.type not in types:
            continue
        for m in e.mentions:
            if m.end <= pos and not inside(exclude, m.start) and (best is None or m.end > best[2]):
                best = (e, m.start, m.end)
    return best


def by_role(doc: Doc, role: str, pos: int, exclude: list[tuple[int, int]]) -> Entity | None:
    """The person introduced with `role` (Entity.roles, or the word next to a mention) nearest before `pos`."""
    role = role.lower()
    cands = []
    for e in doc._.ng_entities or []:
        if e.type != "person":
            continue
        if any(role in r.lower().split() for r in e.roles):
            cands.append((max((m.end for m in e.mentions if m.end <= pos), default=-1), e))
            continue
        for m in e.mentions:
            if m.end > pos or inside(exclude, m.start):
                continue
            window = doc_text(doc)[max(0, m.start - 40) : m.end + 40].lower()
            if role in window.replace(",", " ").split():
                cands.append((m.end, e))
    cands = [c for c in cands if c[0] >= 0]
    return max(cands, key=lambda c: c[0])[1] if cands else None


def resolve_speaker(doc: Doc, tok: Token, exclude: list[tuple[int, int]]) -> Actor:
    """The speaker a subject token stands for: as `resolve_token`, but a person in apposition to a description wins
    ("Egypt's water minister, Karim Mansour, said": Mansour speaks; as an event actor the phrase codes Egypt)."""
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                s, e = name_span(child)
                ent = find_entity(doc, s, e)
                if ent is not None and ent.type == "person":
                    return Actor(ent, ent.name, s, e)
    return resolve_token(doc, tok, exclude)


def resolve_token(doc: Doc, tok: Token, exclude: list[tuple[int, int]]) -> Actor:
    """The actor a subject/object token stands for."""
    start, end = name_span(tok)
    low = tok.lower_
    pronouns = mapping(_CUES, "pronoun")
    if tok.pos_ == "PRON" or low in pronouns:
        types = set((pronouns.get(low) or "person").split("|"))
        hit = nearest_before(doc, tok.idx, types, exclude)
        if hit:
            return Actor(hit[0], hit[0].name, tok.idx, tok.idx + len(tok.text))
        return Actor(None, tok.text, tok.idx, tok.idx + len(tok.text))
    ent = _entity_in(doc, start, end, tok)
    if ent is not None:
        return Actor(ent, ent.name, start, end)
    if low in words(_CUES, "role") or any(t.lower_ in words(_CUES, "role") for t in tok.lefts):
        role = low if low in words(_CUES, "role") else next(t.lower_ for t in tok.lefts if t.lower_ in words(_CUES, "role"))
        person = by_role(doc, role, tok.idx, exclude)
        if person is not None and any(t.lower_ == "the" for t in tok.lefts):
            return Actor(person, person.name, start, end)
    # a noun phrase without an entity ("a White House statement" has one; "sources" has none)
    full = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct", "appos") and t.i >= tok.left_edge.i]
    hi = tok.i
    lo = min([t.i for t in full if t.i <= hi], default=hi)  # the token itself when it is punctuation or an apposition
    # "a court in Guyana", "the mayor of Nablus": a short place or owner phrase belongs to the description
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "for") and child.right_edge.i - hi <= 4:
            hi = child.right_edge.i
        else:
            break
    phrase = doc[lo : hi + 1].text
    return Actor(None, phrase, doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def _entity_in(doc: Doc, start: int, end: int, tok: Token) -> Entity | None:
    ent = find_entity(doc, start, end)
    if ent is not None:
        return ent
    # appositions: "Anna Berg, Swedish foreign minister" / "the minister, Anna Berg"
    for child in tok.children:
        if child.dep_ == "appos":
            s, e = name_span(child)
            ent = find_entity(doc, s, e)
            if ent is not None:
                return ent
    # possessives and "of" phrases: "Russia's foreign minister", "a spokesman for the ministry"
    for child in tok.children:
        if child.dep_ == "poss":
            s, e = name_span(child)
            ent = find_entity(doc, s, e)
            if ent is not None and ent.type in ("organisation", "country", "group"):
                return None
    return None


def coordinated_with_report(verb: Token, comp: Token, report: Token) -> bool:
    """ "X said the dam would supply power and accused Y": the parse hangs `verb` ("accused") on the reported clause
    `comp` ("supply"), but its tense is that of `report` ("said") and not of `comp`, so it goes with `report`.
    A bare past participle counts as past ("accused" is often tagged VBN there) unless `comp` has a perfect or
    passive auxiliary it could share."""
    if verb.dep_ != "conj" or verb.head.i != comp.i or verb.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    tag = verb.tag_
    if tag == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        if not any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in ("have", "be") for c in comp.children):
            tag = "VBD"
    return tag == report.tag_ and tag != comp.tag_
