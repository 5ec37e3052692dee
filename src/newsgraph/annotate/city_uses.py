"""What the text uses a town's name as, when it is no town: a sports team's name, a person's surname, a work's title.

A gazetteer holds a town for the name, so the geocoder reads a town; the text, read as a whole, says what the name
names. Three uses that are no city topic (the reading keeps its point; the entity is typed "place", as
city_evidence's other uses are):

- **A team named by its town** (`team_named`). In a sport report (a page dense in sport words, data/team_cues.tsv
  `sport`, `GeoWeights.sport_density` per 1,000 words) a town's name is as often the team or club that bears it:
  "homered for X", "X's Eddie Murray", "three points behind X", "serie A club X", "joined Y from X", "X beat Y",
  "X coach", a score after it; or the page names the team in full ("the X Indians", "Rotor X") and uses the bare
  name without a place's preposition; or, by the sentence's shape in any sport, the name is a side of an outcome
  ("a 75-19 victory over X", "56-13 winners over Y, and X", "successes for Y and X", "X, 9-2 winners over Y": data
  `outcome`, nouns of any contest's result) - also on a page whose sport words are few but whose shape is a results
  page (`results_page`: two outcomes stated with their scores, or lines "X 7 Y 5"). Such a name is a team's unless the text ALSO uses it as a settlement: "In X,
  Y homered", "a hero in X", "X-based", a dateline (`dateline_named`: "X 1996-08-31" in upper case too), "X, State" (`name_usage.settlement_use`; in a sport report
  "from X" is a club's, a transfer's or a series', and counts neither way). Judged so on the audit draws since stop
  28 (HELD-OUT-s28-topics.md "Teams"): a team named by its town is no city; a city also named as a place is.
- **A person's name** (`person_named`): the one-word name is the last word of a person of the page ("Roberto X"),
  a mention takes an age in apposition ("X, 45, takes on ...") or comes before its given name as in a
  bibliography ("X, Friedrich. The ..."), and no mention is used as a settlement.
- **Inside a work's title** (`title_only`): every mention lies inside a quoted title of several capitalised words
  ("Ice Cold in X"): the film, not the town (stop 21's "a city only inside another name").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.annotate.entity_evidence_config import DEFAULT_WINDOWS
from newsgraph.annotate.gazetteer import Gazetteer, norm
from newsgraph.annotate.lexicon import kinds
from newsgraph.annotate.name_usage import settlement_use
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.place_cues import team_use as place_team_use
from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Entity, Mention

#: entity types of the page's other names that may hold a team's full name ("the X Indians" typed organisation, or
#: a person by the small model)
_TEAM_HOLDERS = frozenset({"organisation", "person"})
_WORD = re.compile(r"[A-Za-z][a-z'-]*")
_ACT_FOR = re.compile(r"\b([a-z]+)\s+for\s+$")
_POSSESSIVE_PERSON = re.compile(r"^['\u2019]s\s+[A-Z][a-z]+\s+[A-Z][a-z]+")
_NEXT_WORD = re.compile(r"^\s+([a-z-]+)\b")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_STANDING = re.compile(r"\b([a-z]+)\s+(?:behind|ahead\s+of|clear\s+of|adrift\s+of)\s+$")
_FROM = re.compile(r"\bfrom\s+$", re.I)
_LOCATIVE_WORD = re.compile(r"\b([A-Za-z]+)\s+$")
_SENTENCE_START = re.compile(r"[.!?;\n][^.!?;\n]*$")
_SCORE_AFTER = re.compile(r"^\s+\d{1,3}(?:[-:]\d{1,3})?(?![\d:-])")
#: an age in apposition right after a name: "X, 45, takes on"; a place has none
_AGE_AFTER = re.compile(r"^,\s*(?:[1-9]|[1-9]\d|1[01]\d),")
#: a quoted title is this many words at most, besides the name
_TITLE_WORDS = 8
#: the lower-case words a title in title case keeps ("Ice Cold in X", "Gone with the Wind")
_TITLE_SMALL = frozenset({"a", "an", "the", "in", "of", "on", "at", "to", "for", "with", "from", "and", "or", "by"})
#: a given name after a comma, maybe an initial, then a full stop: "X, Friedrich." (an inverted name)
_GIVEN_AFTER = re.compile(r"^,\s+([A-Z][a-z]+)(?:\s+[A-Z])?\.(?:\s|$)")
#: a given name that the gazetteer holds as a city this big is as likely the next place of a list
_LIST_PLACE_POPULATION = 100_000
#: how many lines from the top of the text a dateline is looked for in (a headline, a byline, then the dateline)
_DATELINE_LINES = 5
#: what follows a dateline's place: its region, then a date (ISO or "Aug 31"), a bracket or a dash
_DATELINE_REST = re.compile(r"^(?:,\s*[A-Za-z][\w.' ]{1,30})?\s*(?:\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\(|[\u2014\u2013-]|--)")
_QUOTES = {"\"": "\"", "\u201c": "\u201d"}
#: the prepositions that take a contest's other side after an outcome noun ("victory over X", "defeat by X",
#: "successes for X", "a draw with X", "a loss to X")
_OUTCOME_PREPOSITIONS = frozenset({"over", "against", "for", "by", "to", "with"})
#: the words of a list of names between the preposition and the name ("over Orrell, and X", "for Y and X")
_LIST_JOINERS = frozenset({",", "and", "&"})
_TOKEN = re.compile(r"[A-Za-z0-9][\w'.\u2019-]*|,|&")
#: how far back, in characters, an outcome's preposition is looked for (a list of a few names)
_OUTCOME_WINDOW = 90
#: a score of a contest ("7-5", "75-19"; not a date's "1996-08-31", which has four digits first)
_SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")
#: what may follow a side's name: the end of the noun phrase (punctuation, a list, a number, a capitalised word, a
#: verb of the sentence), not a lower-case noun that the name only modifies ("a victory for X residents")
_NOUN_AFTER_SIDE = re.compile(r"^\s+([a-z]+)\b")
#: sentences of a page that state a contest's outcome with its score, or lines of two sides each with a score,
#: that make a page a results page whatever its sport's words (`results_page`)
RESULTS_MIN = 2
_RESULT_LINE = re.compile(r"^[A-Z][\w .'\u2019-]{0,40}?\s\d{1,3}\s*,?\s+[A-Z][\w .'\u2019-]{0,40}?\s\d{1,3}\s*$", re.M)


@dataclass(frozen=True)
class TeamCues:
    """The word lists of data/team_cues.tsv, by kind."""

    sport: frozenset[str]
    act_for: frozenset[str]
    team_noun: frozenset[str]
    standing: frozenset[str]
    transfer: frozenset[str]
    club_verb: frozenset[str]
    settle: frozenset[str]
    outcome: frozenset[str]


@lru_cache(maxsize=1)
def team_cues() -> TeamCues:
    """data/team_cues.tsv by kind (`lexicon.kinds`, read once per process)."""
    rows = kinds("team_cues.tsv")
    return TeamCues(**{k: frozenset(rows.get(k, ())) for k in TeamCues.__dataclass_fields__})


def sport_report(doc: Doc, density: float) -> bool:
    """The page is a sport report: its sport words (data/team_cues.tsv) per 1,000 words reach `density` (0: off).
    Counted once per Doc."""
    if density <= 0:
        return False
    cached = doc.user_data.get("ng_sport_density")
    if cached is None:
        words = [w.lower() for w in _WORD.findall(doc_text(doc))]
        sport = team_cues().sport
        cached = 1000.0 * sum(1 for w in words if w in sport) / max(len(words), 1)
        doc.user_data["ng_sport_density"] = cached
    return cached >= density


def team_use(doc: Doc, text: str, m: Mention, names: NamesLexicon, cues: TeamCues) -> bool:
    """The mention names a team: "homered for X", "X's Eddie Murray", "three points behind X", "club X", "the X
    side", "joined Y from X", a score after it, "beat X", "X drew", "X coach" (data/organisations.tsv team rows), the
    object of a club's verb ("joined X"). (Stop 30: the possessed nouns and competition verbs of stop 29 were
    dropped: with the outcome shape, `outcome_use`, every judged draw's cities were unchanged without them.)"""
    before, after = text[max(0, m.start - 80) : m.start], text[m.end : m.end + 40]
    am = _ACT_FOR.search(before)
    if am and am.group(1).lower() in cues.act_for:
        return True
    if _POSSESSIVE_PERSON.match(after):
        return True  # "X's Eddie Murray cracked his 20th homer": a team's player, in a sport report
    sm = _STANDING.search(before)
    if sm and sm.group(1).lower() in cues.standing:
        return True
    wm = _WORD_BEFORE.search(before)
    if wm and wm.group(1).lower() in cues.team_noun:
        return True
    nm = _NEXT_WORD.match(after)
    if nm and nm.group(1) in cues.team_noun:
        return True  # "the X side"
    if _SCORE_AFTER.match(after) or place_team_use(text, m, names, DEFAULT_WINDOWS):
        return True  # "X 3", "beat X", "X drew", "X coach" (data/organisations.tsv team rows)
    if _FROM.search(before):
        clause = _SENTENCE_START.search(before)
        words = {w.lower() for w in _WORD.findall(clause.group() if clause else before)}
        if words & cues.transfer:
            return True
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "dobj" and span.root.head.lemma_.lower() in cues.club_verb


def results_page(doc: Doc, cues: TeamCues) -> bool:
    """The page reports contests' results by its own shape, whatever its sport's words: `RESULTS_MIN` sentences or
    more that state an outcome with a score ("a 7-5 victory over", "9-2 winners over"), or lines of two sides each
    with a score ("Ashcombe 7 Dunmere 5"). Counted once per Doc."""
    cached = doc.user_data.get("ng_results_page")
    if cached is None:
        text = doc_text(doc)
        outcome = re.compile(r"\b(?:" + "|".join(sorted(cues.outcome)) + r")\s+(?:over|against|by|to|with)\b", re.I)
        sentences = re.split(r"(?<=[.!?])\s+|\n", text)
        stated = sum(1 for s in sentences if _SCORE.search(s) and outcome.search(s))
        cached = stated + len(_RESULT_LINE.findall(text)) >= RESULTS_MIN
        doc.user_data["ng_results_page"] = cached
    return cached


def noun_follows(doc: Doc, end: int) -> bool:
    """The word right after the name ending at `end` is a common noun the name only modifies ("a victory for X
    residents": the residents'), by the parse's part of speech; a preposition, a verb or punctuation ends the name's
    noun phrase."""
    nm = _NOUN_AFTER_SIDE.match(doc.text[end : end + 30])
    if not nm:
        return False
    span = doc.char_span(nm.start(1) + end, nm.end(1) + end)
    return span is not None and span[0].pos_ == "NOUN"


def outcome_use(text: str, start: int, cues: TeamCues) -> bool:
    """The name at `start` is the other side of a contest's outcome: an outcome noun (`outcome`: "victory", "win",
    "defeat", "winners", "successes") then a preposition of the other side, then maybe one lower-case word and a list
    of other names, then the name ("75-19 victory over X", "56-13 winners over Y, and X", "successes for Y and X",
    "VICTORY OVER Y AND X" in an upper-case headline). Words of any sport's results, not of one sport: the
    sentence shape (an outcome between two sides) says the name is a side."""
    toks = _TOKEN.findall(text[max(0, start - _OUTCOME_WINDOW) : start])
    i, lower_words = len(toks) - 1, 0
    while i > 0:
        tok = toks[i]
        low = tok.lower()
        if low in _OUTCOME_PREPOSITIONS:
            return toks[i - 1].lower() in cues.outcome
        if low in _LIST_JOINERS or tok[:1].isupper():
            i -= 1
            continue
        if tok[:1].islower() and lower_words == 0:  # "for champions X", "over the X"
            lower_words += 1
            i -= 1
            continue
        return False
    return False


#: a side named before its outcome: "X, 9-2 winners over", "X took a 7-5 victory over", "X's 3-1 win against"
_SIDE_BEFORE_OUTCOME = re.compile(
    r"^(?:['\u2019]s|,|\s+[a-z]+\s+(?:a|an|the|their|its))?\s+\d{1,3}-\d{1,3}\s+(?:[a-z]+\s+)?([a-z]+)\s+(?:over|against)\b")


def side_before_outcome(text: str, end: int, cues: TeamCues) -> bool:
    """The name ending at `end` is the winning side of an outcome with its score written after it ("X, 9-2 winners
    over Y", "X took a 7-5 victory over Y")."""
    sm = _SIDE_BEFORE_OUTCOME.match(text[end : end + 60])
    return bool(sm and sm.group(1).lower() in cues.outcome)


def occurrences(text: str, name: str) -> list[int]:
    """Where the name is written in the text, in any case and word-bounded (an upper-case headline's "X" too, which
    the model seldom marks as a mention)."""
    pattern = re.compile(r"(?<![\w'-])" + re.escape(name) + r"(?![\w-])", re.I)
    return [mo.start() for mo in pattern.finditer(text)]


def settled(text: str, m: Mention, gaz: Gazetteer, names: NamesLexicon, cues: TeamCues) -> bool:
    """The mention uses the name as a settlement in a sport report: a use of name_usage.settlement_use, its
    locative one of `settle` ("In X," and "a hero in X"; not "from X")."""
    use = settlement_use(text, m.start, m.end, gaz, names)
    if use != "locative":
        return use is not None
    lm = _LOCATIVE_WORD.search(text[max(0, m.start - 30) : m.start])
    return bool(lm and lm.group(1).lower() in cues.settle)


def dateline_named(text: str, name: str) -> bool:
    """One of the first `_DATELINE_LINES` lines opens with the name as a dateline's place, in any case, maybe with
    its region, then a date, a bracket or a dash ("CLEVELAND 1996-08-31", "CLEVELAND, Ohio (AP) -"): the story is
    filed from the town, a settlement whatever its team does in the body (a dateline's town is a city of the story,
    stop 22's rule); the model seldom marks an upper-case dateline as a mention."""
    upper = name.upper()
    for line in text.lstrip().split("\n", _DATELINE_LINES)[:_DATELINE_LINES]:
        line = line.strip()
        if line.upper().startswith(upper) and _DATELINE_REST.match(line[len(name) :]):
            return True
    return False


def team_named(doc: Doc, e: Entity, others: list[Entity], gaz: Gazetteer, names: NamesLexicon,
               density: float) -> bool:
    """In a sport report or a results page (`results_page`: the page's own shape, any sport), the town's name `e`
    names a team: a mention is used as a team's (`team_use`), the name is a side of a contest's outcome
    (`outcome_use`, `side_before_outcome`, read on every place the name is written, an upper-case headline too), or
    another name of the page holds it as a team's full name ("the X Indians"); and no mention uses it as a
    settlement."""
    if not e.mentions:
        return False
    text, cues = doc_text(doc), team_cues()
    if not sport_report(doc, density) and not (density > 0 and results_page(doc, cues)):
        return False
    key = norm(e.name)
    if dateline_named(text, e.name) or any(settled(text, m, gaz, names, cues) for m in e.mentions):
        return False
    if any(team_use(doc, text, m, names, cues) for m in e.mentions):
        return True
    meta = (doc._.ng_meta or {}) if Doc.has_extension("ng_meta") else {}
    for written in (text, " ".join(x for x in (meta.get("title"), meta.get("standfirst")) if x)):
        if any((outcome_use(written, start, cues) and not (written is text and noun_follows(doc, start + len(e.name))))
               or side_before_outcome(written, start + len(e.name), cues) for start in occurrences(written, e.name)):
            return True  # the body, then the headline and standfirst ("... SEALS VICTORY OVER Y AND X")
    for o in others:
        if o is e or o.type not in _TEAM_HOLDERS:
            continue
        words = o.name.split()
        n = len(key.split())
        if len(words) > n and (norm(" ".join(words[:n])) == key or norm(" ".join(words[-n:])) == key):
            return True  # "the X Indians", "Rotor X": the page names the team in full
    return False


def person_named(text: str, e: Entity, others: list[Entity], gaz: Gazetteer, names: NamesLexicon) -> bool:
    """The one-word name is a person's: the surname of a person of the page ("Roberto X" ... "X said"), a mention
    takes an age in apposition ("X, 45, takes on ...") or is written before its given name ("X, Friedrich.",
    `inverted_name`); and no mention is used as a settlement."""
    if len(e.name.split()) != 1 or not e.mentions:
        return False
    key = norm(e.name)
    surname = any(o.type == "person" and len(o.name.split()) >= 2 and norm(o.name.split()[-1]) == key
                  for o in others if o is not e)
    aged = any(_AGE_AFTER.match(text[m.end : m.end + 8]) for m in e.mentions)
    if not surname and not aged and not any(inverted_name(text, m, names, gaz) for m in e.mentions):
        return False
    return all(settlement_use(text, m.start, m.end, gaz, names) is None for m in e.mentions)


def inverted_name(text: str, m: Mention, names: NamesLexicon, gaz: Gazetteer) -> bool:
    """The mention is a surname written before its given name, as a bibliography or a list of authors writes it
    ("X, Friedrich. The ...", "X, Jack. White ..."): a given name of the names lexicon after a comma, maybe an
    initial, then a full stop; not a name the gazetteer holds as a country, a region or a city of
    `_LIST_PLACE_POPULATION` people ("... to X, Florence." closes a list of places)."""
    gm = _GIVEN_AFTER.match(text[m.end : m.end + 40])
    if not gm or not names.is_given_name(gm.group(1)):
        return False
    return not any(p.kind in ("country", "admin1", "continent") or p.population >= _LIST_PLACE_POPULATION
                   for p in gaz.lookup(gm.group(1)))


def in_title(text: str, m: Mention) -> bool:
    """The mention lies inside a double-quoted title, on one line: two or more other capitalised words, at most
    `_TITLE_WORDS`, in title case ("Ice Cold in X"; a quoted sentence has lower-case words; single quotes are not
    read: they are also apostrophes)."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : m.start], text[m.end : line_end]
    for open_q, close_q in _QUOTES.items():
        i = before.rfind(open_q)
        if i < 0 or (open_q == close_q and before.count(open_q) % 2 == 0):
            continue  # no quotation open at the mention
        j = after.find(close_q)
        if j < 0 or m.start - (line_start + i) > 60 or j > 60:
            continue
        words = (before[i + 1 :] + " " + after[:j]).split()
        if 2 <= sum(1 for w in words if w[:1].isupper()) and len(words) <= _TITLE_WORDS and all(
                w[:1].isupper() or w in _TITLE_SMALL for w in words):
            return True  # title case: capitalised words and the small words titles keep in lower case
    return False


def title_only(text: str, e: Entity) -> bool:
    """Every mention of `e` lies inside a quoted title (`in_title`)."""
    return bool(e.mentions) and all(in_title(text, m) for m in e.mentions)


__all__ = ["TeamCues", "dateline_named", "in_title", "noun_follows", "occurrences", "outcome_use", "results_page",
           "side_before_outcome", "sport_report", "inverted_name", "person_named", "team_cues", "team_named", "team_use",
           "title_only"]
