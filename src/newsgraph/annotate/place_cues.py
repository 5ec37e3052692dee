"""The words beside a place-like name that say what it names: a feature or settlement noun makes it a place ("the ...
river", "the border town of ..."), a match score or a match word makes a town's name a sports team ("beat X",
"X drew": an organisation).

Stage 2 of `newsgraph_entities` reads both for each mention (entity_evidence.add_evidence), and the component
reads the place cues again where a headline or standfirst writes the name (`headline_place_cue`). The word lists
are the names lexicon's [places] rows (data/place_cues.tsv) and its team rows (data/organisations.tsv).
"""

from __future__ import annotations

import re

from newsgraph.annotate.entity_evidence_config import DEFAULT_WINDOWS, EvidenceWindows
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.word_find import bounded_finds

_TEAM_BEFORE = re.compile(r"\b([a-z]+)\.?\s+$", re.I)
_TEAM_AFTER = re.compile(r"^\s+([a-z]+)\b")
_SCORE_AFTER = re.compile(r"^\s+\d{1,3}(?:[-:]\d{1,3})?(?![\d:-])")


def team_use(text: str, m: NameMention, names: NamesLexicon, win: EvidenceWindows) -> bool:
    """A town's name used as a sports team's: a match score after it, a match word before it ("beat X", "against
    X") or a match or squad word after it ("X drew", "X coach", "X midfielder"): data/organisations.tsv."""
    if _SCORE_AFTER.match(text[m.end : m.end + win.score_after]):
        return True
    bm = _TEAM_BEFORE.search(text[max(0, m.start - win.team_before) : m.start])
    if bm and bm.group(1).lower() in names.org.team_before:
        return True
    am = _TEAM_AFTER.match(text[m.end : m.end + win.team_after])
    return bool(am and am.group(1).lower() in names.org.team_after)


_COORD_AFTER = re.compile(r"^\s*(?:,|and|or|,\s*and)\s+(?:[A-Z][\w'\u2019-]*\s+){1,2}([a-z]+)\b")
_NEXT_WORD = re.compile(r"^\s+([a-z]+)\b")
_PREV_WORD = re.compile(r"\b([a-z]+)\s+(?:of\s+)?(?:the\s+)?$")


def place_cue(text: str, m: NameMention, before: str, names: NamesLexicon,
              win: EvidenceWindows = DEFAULT_WINDOWS) -> bool:
    """A feature or settlement noun beside the name: "the ... river", "the ... and ... rivers", "the Indian state of
    ...", "the border town of ...", "the ... neighbourhood" (lower-case nouns only: "Green Party" is no cue)."""
    after_words, before_words = names.place_after, names.place_before
    nm = _NEXT_WORD.match(text[m.end : m.end + win.cue_after])
    if nm and nm.group(1) in after_words:
        return True
    cm = _COORD_AFTER.match(text[m.end : m.end + win.coordination_after])
    if cm and cm.group(1) in after_words and cm.group(1).endswith("s"):
        return True
    pm = _PREV_WORD.search(before)
    return bool(pm and pm.group(1) in before_words)


def headline_place_cue(headline: str, name: str, names: NamesLexicon,
                       win: EvidenceWindows = DEFAULT_WINDOWS) -> bool:
    """`place_cue` for the name where the headline or standfirst writes it."""
    for start, end, _ in bounded_finds(headline, [name]):  # no regex compiled per name (word_find.py)
        probe = NameMention(start, end, name, "headline")
        if place_cue(headline, probe, headline[max(0, start - win.before) : start], names, win):
            return True
    return False
