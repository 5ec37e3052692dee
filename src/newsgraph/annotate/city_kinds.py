"""A town's name the words around it make the name of another kind of thing: a school, a team's member, an island.

Local news names schools, teams and islands by the town or the word they share, and the gazetteer holds a town for
the word; the grammar around each mention says which thing it names (stop 30's held-out LGL and PolNeAR draws: all
six wrong cities were such words). Three shapes, each read per mention, so that city_evidence.named_otherwise can
mix them with a name's other non-town uses (inside a longer name, a feature noun after it):

- **a coordinated list whose shared head is a kind noun** (`kind_listed_at`): "They represented A, B, C and D high
  schools", "A and B hospitals": the plural head, past up to `MAX_MODIFIERS` lower-case modifiers ("high",
  "elementary", "regional"), distributes over the conjuncts, so each names one school or hospital, no town. The
  kind nouns are person_kind_evidence's compound heads (data/kind_nouns.tsv, reading `after`: school, academy,
  college, hospital, prison, airport, stadium, camp ...); the feature nouns of places (rivers, counties,
  districts) are city_evidence.feature_noun_after's. A single name before a plural ("X schools") is the town's
  schools, so a list is needed;
- **a member of a school or team the name modifies** (`member_at`): "Jane Roe, a X senior", "the X coach": an
  article, the name, then a noun of a member of a school or team (data/team_cues.tsv `member`): the name is the
  school's or the team's ("a Boston lawyer" is no such noun: a person's base stays a use of the town);
- **an island** (`island_at`, `island_only`): "the island of X", "X island" (lower case: the text's kind word), or
  a name whose own last word is "Island"/"Isle" read as a town smaller than `min_population` and never used as a
  settlement ("on X Island" is an island's preposition, no settlement use; "in Grand X Island" keeps the town).
An entity every mention of which is one of these (or another of named_otherwise's non-town uses) is typed "place":
it keeps its point on the map, as sections and teams do, and is no city topic.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.gazetteer import Gazetteer, Place
from newsgraph.annotate.lexicon import kinds
from newsgraph.annotate.name_usage import settlement_use
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.person_kind_evidence import kind_of
from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Entity

#: lower-case modifiers that may stand between a list of names and its plural kind noun ("high schools",
#: "elementary schools", "regional hospitals")
MAX_MODIFIERS = 2
#: parts of speech of the modifiers between a list of names and its kind noun ("high", "elementary", "regional")
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN"})  # a lower-case word tagged PROPN: the tagger's slip ("elementary")
_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(\"\u201c])(?:a|an|the|A|An|The)\s+$")
_WORD_AFTER = re.compile(r"^\s+([a-z]+)\b(?!\s+of\b)")
#: the text's own kind words of an island, before ("the island of X") or after the name ("the X island")
_ISLAND_NOUNS = ("island", "isle", "islet", "atoll")
_ISLAND_OF_BEFORE = re.compile(r"\b(?:" + "|".join(_ISLAND_NOUNS) + r")s?\s+of\s+(?:the\s+)?$")
_ISLAND_AFTER = re.compile(r"^\s+(?:" + "|".join(_ISLAND_NOUNS) + r")s?\b(?!\s+of\b)")
#: a name's own last words that make it an island's ("Long Island", "Isle" closes few names: "Grand Isle")
ISLAND_HEADS = frozenset({"island", "isle", "islands", "isles"})


def kind_listed_at(doc: Doc, start: int, end: int) -> bool:
    """The name at characters [start, end) of `doc` is a member of a coordination of names closed by a plural kind
    noun of a thing named like a town ("A, B and C high schools"; module docstring), the name at any place of the
    list. The words between the list and the noun are modifiers by the tagger (adjectives, nouns: "high",
    "elementary"), so a verb ends the phrase ("A and B built hospitals" names towns)."""
    from newsgraph.annotate.city_evidence import _COORDINATED_BEFORE, _coordination_end

    text = doc_text(doc)
    stop, n = _coordination_end(text, end)
    if n == 0 and _COORDINATED_BEFORE.search(text, max(0, start - 60), start) is None:
        return False  # one name: "X schools" are the town's schools
    after = doc.char_span(stop, min(len(text), stop + 60), alignment_mode="expand")
    for i, tok in enumerate(after or ()):
        if i > MAX_MODIFIERS or not tok.text.islower():
            return False
        if tok.text.endswith("s") and kind_of(tok.text, "after") is not None:
            return not (i + 1 < len(after) and after[i + 1].lower_ == "of")  # "A and B schools of thought"
        if tok.pos_ not in _MODIFIER_POS:
            return False
    return False


def member_at(text: str, start: int, end: int) -> bool:
    """An article, the name, then a noun of a member of a school or a team ("a X senior", "the X coach"): the name
    is the school's or the team's (data/team_cues.tsv `member`)."""
    if not _ARTICLE_BEFORE.search(text[max(0, start - 6) : start]):
        return False
    wm = _WORD_AFTER.match(text[end : end + 24])
    return bool(wm and wm.group(1) in kinds("team_cues.tsv").get("member", ()))


def island_at(text: str, start: int, end: int) -> bool:
    """The text writes the name at text[start:end] as an island's: "the island of X", "the X island"."""
    return bool(_ISLAND_OF_BEFORE.search(text, max(0, start - 30), start)
                or _ISLAND_AFTER.match(text[end : end + 20]))


def kind_named_at(doc: Doc, start: int, end: int) -> bool:
    """One of the three shapes of the module docstring holds at the mention [start, end) of `doc`."""
    text = doc_text(doc)
    return kind_listed_at(doc, start, end) or member_at(text, start, end) or island_at(text, start, end)


def island_only(text: str, e: Entity, p: Place, gaz: Gazetteer, names: NamesLexicon, min_population: int) -> bool:
    """The name's own last word makes it an island's ("X Island"), its town reading `p` is smaller than
    `min_population`, and no mention is used as a settlement ("in X Island", "X Island residents"): the island."""
    words = e.name.split()
    if len(words) < 2 or words[-1].lower() not in ISLAND_HEADS or p.population >= min_population or not e.mentions:
        return False
    return all(settlement_use(text, m.start, m.end, gaz, names) is None for m in e.mentions)


__all__ = ["ISLAND_HEADS", "MAX_MODIFIERS", "island_at", "island_only", "kind_listed_at", "kind_named_at",
           "member_at"]
