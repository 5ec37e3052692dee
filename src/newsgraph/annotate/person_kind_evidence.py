"""Whether the document itself says a name the model typed as a person names a kind of thing: a place, a building
or a body named after someone, a work, a group of people, a storm.

The small model types a capitalised name by its shape, and a refugee camp's, a hospital's, a tribe's, a cyclone's or
a charity's name looks like a person's. Earlier readers (person_kinds.py, person_places.py) judge one mention at a
time and need most mentions so used; but a text often says what a name is once, anywhere ("the X refugee camp",
"X, a non-profit organization", "Cyclone X") and then uses the bare name. This module reads every occurrence of the
entity's names in the document and asks whether a kind noun is attached to it (data/kind_nouns.tsv; kinds of words,
never names), in one of four ways:
- after: the name opens a compound headed by the kind noun, past up to two modifiers ("X refugee camp", "the X
  courthouse", "X Elementary School", "X Inc.");
- lead: the kind noun is the name's own first word or stands right before it ("Cyclone X", "the tribe X"); or a
  definite article stands before it and a verb after it ("The X leads a battle group": a person's name is not put
  under an article as the subject; a ship's, a building's or a work's is);
- head: the kind noun is the name's own last word ("X Elementary Schools");
- appos: an apposition or a copula after the name is headed by it ("X, a Greek non-profit organization"), or one
  before it ends in a comma right before the name ("the designated hospital, X in ...").
`kind_attached` returns (occurrences, attached). The weighing against person evidence is entity_features' (feature
"kind_named"): a person with no evidence of one beyond the model's label is a kind of thing when at least
KIND_SHARE of its occurrences are attached; a person with a first name, a title or another cue only when every one
is (then the given name is the eponym's: "the Michael Smith courthouse"). confidence.py weighs "kind_named" by
NAME_SHAPE_WEIGHT, below display. The entity keeps its type: no retyping.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.annotate.kind_heads import THING_READING, WORK_READING, kind_head
from newsgraph.annotate.lexicon import sections
from newsgraph.annotate.word_find import bounded_finds

_DATA = "kind_nouns.tsv"
#: the share of a shape-only person's occurrences that must carry a kind noun for it to read as that kind: one of
#: two ("the X camp" once beside "X said" twice is a person's camp, not a camp's name). A person with a cue needs
#: every occurrence attached.
KIND_SHARE = 0.5
#: how many modifiers may stand between the name and the kind noun of a compound ("X refugee camp", "X Elementary
#: School")
MAX_MODIFIERS = 2
_MODIFIER_POS = frozenset({"NOUN", "PROPN", "ADJ"})
#: the part of speech after a name that an apposition before it may be followed by ("the hospital, X in Jakarta");
#: a verb there makes the comma a clause's ("taken to the hospital, X said")
_AFTER_APPOS_BEFORE = frozenset({"ADP", "PUNCT"})


@lru_cache(maxsize=1)
def _readings() -> dict[str, dict[str, str]]:
    """reading -> {noun: type} from data/kind_nouns.tsv."""
    out: dict[str, dict[str, str]] = {}
    for row in sections(_DATA).get("", []):
        if len(row) < 3:
            continue
        for reading in row[2].split(","):
            out.setdefault(reading.strip(), {})[row[1].lower()] = row[0]
    return out


def kind_of(word: str, reading: str) -> str | None:
    """The type of the kind noun `word` (any case, a plural read as its singular) under `reading`, or None."""
    table = _readings().get(reading, {})
    low = word.lower().rstrip(".")
    for w in (low, low[:-1] if low.endswith("s") else None, low[:-2] if low.endswith("es") else None):
        if w and w in table:
            return table[w]
    return None


def _after(doc: Doc, end_tok: int) -> str | None:
    """The type of a kind noun heading a compound right after the token index `end_tok` (the name's end)."""
    for k in range(end_tok, min(len(doc), end_tok + MAX_MODIFIERS + 1)):
        tok: Token = doc[k]
        if tok.pos_ in ("NOUN", "PROPN"):
            kind = kind_of(tok.text, "after") or (kind_of(tok.text, "after_mod") if k > end_tok else None)
            if kind:
                return kind
        if tok.pos_ not in _MODIFIER_POS or tok.is_punct or (k == end_tok and doc[k - 1].whitespace_ == ""):
            return None
    return None


def _before(doc: Doc, start_tok: int, end_tok: int) -> str | None:
    """The type of a kind noun right before the name ("Cyclone X"), or of an apposition ending in a comma right
    before it whose head is a kind noun ("the designated hospital, X in ...")."""
    if start_tok == 0:
        return None
    prev = doc[start_tok - 1]
    # a lower-case adjective too: the tagger reads "the daily X" (a newspaper) as an adjective before a name
    if (prev.pos_ in ("NOUN", "PROPN") or prev.pos_ == "ADJ" and prev.text.islower()) \
            and (kind := kind_of(prev.text, "lead")):
        return kind
    if prev.lower_ == "the" and end_tok < len(doc) and doc[end_tok].pos_ in ("VERB", "AUX") \
            and doc[start_tok].text[:1].isupper():
        return "thing"  # "The Carl Vinson leads a battle group": a person's name under an article, acting as subject
    if prev.text != "," or start_tok < 2:
        return None
    head = doc[start_tok - 2]
    after = doc[end_tok] if end_tok < len(doc) else None
    if after is not None and after.pos_ not in _AFTER_APPOS_BEFORE:
        return None
    if head.pos_ == "NOUN" and head.text.islower() and any(
            t.lower_ in ("a", "an", "the") for t in doc[max(0, start_tok - 7) : start_tok - 2]):
        return kind_of(head.text, "appos")
    return None


def attached_kind(doc: Doc, start: int, end: int) -> str | None:
    """The type of a kind noun the text attaches to the name at [start, end), or None (module docstring)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = span.text.split()
    if len(words) >= 2 and (kind := kind_of(words[0], "lead") or kind_of(words[-1], "head")):
        return kind
    kind = _after(doc, span.end) or _before(doc, span.start, span.end)
    if kind:
        return kind
    for reading in (WORK_READING, THING_READING):
        head = kind_head(doc, start, end, reading)
        if head and (kind := kind_of(head, "appos")):
            return kind
    return None


def _occurrences(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Every place in `text` where one of `forms` stands as whole words, the longest form at each place."""
    found: list[tuple[int, int]] = []
    taken = bytearray(len(text) + 1)
    for form in sorted({f for f in forms if f and len(f) > 2}, key=len, reverse=True):
        for start, end, _ in bounded_finds(text, [form]):  # by str.find, no regex compiled per name (word_find.py)
            if taken.find(1, start, end) < 0:
                taken[start:end] = b"\x01" * (end - start)
                found.append((start, end))
    return sorted(found)


def kind_attached(doc: Doc, text: str, forms: list[str]) -> tuple[int, int]:
    """(occurrences of the entity's names `forms` in the document, how many of them carry a kind noun)."""
    occ = _occurrences(text, forms)
    return len(occ), sum(1 for s, e in occ if attached_kind(doc, s, e) is not None)


def kind_named(occurrences: int, attached: int, person_evidenced: bool) -> bool:
    """The weighing (module docstring): a shape-only person with KIND_SHARE of its occurrences attached, or any
    person with every one attached."""
    if attached == 0 or occurrences == 0:
        return False
    return attached >= occurrences or (not person_evidenced and attached >= KIND_SHARE * occurrences)


__all__ = ["KIND_SHARE", "MAX_MODIFIERS", "attached_kind", "kind_attached", "kind_named", "kind_of"]
