"""What the sentence around a date expression says about its value: whether its clause looks forward (a bare weekday
"talks will resume on Monday" is the next one, data/dates.tsv [future_cue]), looks back (a day or month without a
year governed by "since" or by a verb in a past tense is not put after the article date), or uses a relative day as
a noun ("a better tomorrow": no day at all).

These read the text and the parse around an expression, never the expression's own words, so they are kept apart
from the patterns and their resolution (date_expressions.py); `find_dates` and `DateResolver` (dates.py) apply them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.annotate.date_expressions import DEFAULT_VOCAB, relation
from newsgraph.annotate.date_tense import verb_path
from newsgraph.annotate.lexicon import mapping
from newsgraph.records import DateRef


@lru_cache(maxsize=8)
def _future_cue(vocab: str = DEFAULT_VOCAB) -> re.Pattern:
    cues = sorted(mapping(vocab, "future_cue"), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.IGNORECASE)


#: a clause ends at these, but not at the period of a one-letter abbreviation ("1 p.m. Saturday", "U.S.")
_CLAUSE_END = re.compile(r"(?<!\b\w)\.|[!?;:\n\"\u201c\u201d]")


def looks_forward(text: str, start: int, vocab: str = DEFAULT_VOCAB) -> bool:
    """The clause before a weekday (back to a sentence or quote boundary, at most 100 characters) has a future cue."""
    window = text[max(0, start - 100) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return bool(_future_cue(vocab).search(window))


def cue_governs(text: str, start: int, vocab: str = DEFAULT_VOCAB) -> bool:
    """A future cue stands right before the weekday or three words before it, governing it ("until Friday", "is due
    Friday", "was scheduled to appear Thursday"): it holds whatever the tense of the clause ("the ban was extended
    until Friday"). A cue further back in the clause does
    not, when the parse reads the weekday's own verb as past ("... until July 1, 2010, he said interest rates were
    available Friday": a sentence the text ran together); `find_dates` asks this before letting a past clause win."""
    before = text[max(0, start - 60) : start]
    return bool(re.search(r"(?:" + _future_cue(vocab).pattern + r")(?:\s+[\w']+){0,3}\s+$", before, re.IGNORECASE))


def forward_weekday(m: re.Match, anchor: dt.date, vocab: str = DEFAULT_VOCAB) -> str:
    wd = int(mapping(vocab, "weekday")[m.group("wd").lower()])
    return (anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)).isoformat()  # the same day counts


def year_guessed(kind: str, m: re.Match, vocab: str = DEFAULT_VOCAB) -> bool:
    """A day or month whose year the resolver picked (nearest the article date), not one the text wrote or fixed
    ("last October", "next May", "janvier prochain" stay as they are: the relative word read as `resolve` reads it)."""
    return kind in ("dmy", "mdy", "my") and not m.groupdict().get("y") and relation(m, vocab) not in ("last", "next", "this")


def governed_by_since(text: str, m: re.Match, vocab: str) -> bool:
    """The expression is governed by a preposition of the vocabulary's [since] section ("since Oct. 7", "depuis le
    7 octobre"): a point in the past the text counts from."""
    words = mapping(vocab, "since")
    if not words:
        return False
    rel = (m.groupdict().get("rel") or "").lower()
    before = re.findall(r"[\w']+", text[max(0, m.start() - 20) : m.start()].lower())[-2:]
    return rel in words or any(w in words for w in before[-1:]) or (len(before) == 2 and before[0] in words
                                                                   and before[1] in ("le", "the", "l'"))


def future_clause(doc: Doc, start: int, end: int) -> bool:
    """The verb that governs the date at [start, end) in the parse is in the future tense by the model's
    morphology ("L'Otan et l'Ukraine se retrouveront mardi"), or has a future auxiliary: a bare weekday there is
    the next one. The morphology carries what the [future_cue] word list cannot list (every future form of every
    verb). False when the sentence was not parsed or no verb governs it."""
    tok = _governor(doc, start, end)
    if tok is None:
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "aux:tense")]
    return "Fut" in tok.morph.get("Tense") or any("Fut" in c.morph.get("Tense") for c in aux)


def _governor(doc: Doc, start: int, end: int):
    """The verb that governs the expression at [start, end) in the parse (the expression's own root when it is
    one), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.root.dep_:
        return None
    tok = span.root
    return tok if tok.pos_ in ("VERB", "AUX") else verb_path(tok)[0]


def past_clause(doc: Doc, start: int, end: int) -> bool:
    """The verb that governs the date at [start, end) in the parse is in a past tense: a finite past ("erupted on
    Oct. 7", imparfait or passé simple) or a perfect (a past participle with the auxiliary have/avoir: "have died
    since"); a passive or a modal ("is scheduled for", "will be held") is not. False when the sentence was not
    parsed (selective parse) or no verb governs it."""
    tok = _governor(doc, start, end)
    if tok is None:
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")]
    if any(c.tag_ == "MD" or "Fut" in c.morph.get("Tense") or c.dep_ in ("auxpass", "aux:pass") for c in aux):
        return False
    if tok.morph.get("VerbForm") == ["Fin"]:
        return bool({"Past", "Imp"} & set(tok.morph.get("Tense"))) and not aux
    if tok.morph.get("VerbForm") == ["Part"] and "Past" in tok.morph.get("Tense"):
        return any(c.lemma_.lower() in ("have", "avoir") for c in aux)
    return False


def day_word_as_noun(doc: Doc, ref: DateRef, vocab: str) -> bool:
    """A one-word relative day used as a noun with a determiner or an adjective of its own ("a better tomorrow",
    "un meilleur demain"): a figure of speech, no day. Read from the parse; in a sentence the selective parse left
    out, from the tags: an article or a possessive right before it, adjectives between ("early today" has none)."""
    if " " in ref.text.strip() or ref.text.lower() not in mapping(vocab, "relative_day"):
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span.root
    if tok.dep_ and any(c.dep_ in ("det", "amod", "poss") for c in tok.children):
        return True
    # the tags too where the parse hung the article elsewhere ("hoping for a brighter tomorrow": no children)
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and i < tok.i and ("Art" in doc[i].morph.get("PronType") or "Yes" in doc[i].morph.get("Poss"))
