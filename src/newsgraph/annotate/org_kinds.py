"""What an organisation's name and its mentions' surroundings say about what it is (data/org_kinds.tsv).

Why: the topic model is fitted on gum-entities-dev, where an organisation named once is rarely a topic, so on local
news a county court, a state department or a hospital named once stays hidden while the places, streets and
buildings that the model's ORG label catches are shown. Three readings, each from the name's head noun or the words
right around a mention (syntax, not names), feed the topic gates of confidence.py:
- `institution`: a multiword name headed by an institution's noun ("Greene County Common Pleas Court", "Board of
  Assessors") that no mention shows cut from a longer name;
- `thing_only`: every mention modifies a thing the organisation is no part of ("the X Co. building", "the X
  dinner");
- `street_only`: every mention is a street's name used as an address ("on Rye Court", "1200 Elm Court");
- `fused_name`: a name fused from more than one ("TORRINGTON \u2014 City Council": a dateline; "City Council and School
  Board": two bodies; "X Police Department of X Police": a complement repeating the name);
- `coordinated`: every mention is the second half of a coordination whose head both halves share ("Boys and Girls
  Club", "Devon and Cornwall Police"): a fragment of the longer name;
- `cut_only`: every mention is cut from a longer name the text writes: initials before it ("O.D. [Wyatt High
  School]"), a name's possessive word after a capitalised one ("St. Michael's [Catholic School]", "Lancaster Girls'
  [Grammar School]"), a complement going on past a possessive ("[Committee of the People]'s Assembly") or into a
  capitalised article ("[Church of Our Lady] and The English Martyrs"). A lone owner's possessive is no cut
  ("Georgia's [Public Service Commission]");
- `venue_only`: a name headed by a venue ("Civic Center", "Shopping Center", "Community Center"; data/org_kinds.tsv
  `venue`, `venue_head`), no mention of which acts as a body does (a possessive, a reporting verb, its staff right
  after it): a building named as a place or a landmark, no institution.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.annotate.lexicon import kinds
from newsgraph.annotate.streets import address_use, street_word

#: words that open a name's complement: the head is the word before the first of them
_COMPLEMENT = frozenset({"of", "for", "on"})
#: a mention continued by a complement or a campus ("Office of the Secretary of Defense", "University of Illinois at
#: Chicago", "Select Committee on the Strategic ..."; "on" only with "the": "the Court on Monday"): the name is cut
#: from a longer one
_CONTINUES = re.compile(r"^\s+(?:(?:of|at|for)\s+(?:the\s+)?|on\s+the\s+)[A-Z]")
#: a capitalised word and "and"/"&" right before a mention: the first half of a coordination
_COORDINATED_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+$")
#: marks that fuse a name with a credit or a quotation
_FUSED = re.compile("[/\"\u2018\u201c\u201d]")
#: the lower-case word right after a mention
_NEXT_WORD = re.compile(r"^\s+([a-z]+)\b")
#: a longer name's start right before a mention: initials ("O.D. "), or a capitalised word and a name's possessive
#: word ("St. Michael's ", "Lancaster Girls' ")
_CUT_BEFORE = re.compile(r"(?:(?<![\w.])((?:[A-Z]\.){1,3})|\b[A-Z][\w.]*\s+([A-Z]\w*?)(?:['\u2019]s|s['\u2019]))\s$")
#: a longer name's end right after a mention: a possessive going on into a capitalised word (group 1), or "and"
#: with a capitalised article ("and The English Martyrs")
_CUT_AFTER = re.compile(r"^(?:['\u2019]s\s+([A-Z][a-z]+)\b|\s+and\s+The\s+[A-Z])")
#: what only a body does right after its name: a possessive, a reporting verb, its staff
_ACTS_AFTER = re.compile(r"^(?:['\u2019]s\b|\s+(?:said|says|announced|reported|hired|employs|officials?|director|"
                         r"staff|spokesman|spokeswoman|spokesperson|employees|board)\b)")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """data/org_kinds.tsv: kind -> its lower-case words."""
    return {k: frozenset(v) for k, v in kinds("org_kinds.tsv").items()}


def not_person_name(name: str) -> bool:
    """A name of two words or more ending in a word that makes it a business, a body or a venue ("Blossom Deli",
    "Stan Winston Studio"): no person's name, whatever given name it holds."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower().strip(".,") in lexicon().get("not_person", frozenset())


def illness_name(name: str) -> bool:
    """A name whose last word ends the name of an illness or its cause ("Avian Flu", "Equine Influenza"; data
    org_kinds.tsv `illness_head`): no person, whatever label the model gives it."""
    words = name.split()
    return bool(words) and words[-1].lower().strip(".,") in lexicon().get("illness_head", frozenset())


def head_word(name: str) -> str:
    """The head noun of a name, lower case: the word before its complement ("Board of Assessors" -> "board"), else its
    last word ("Minnesota Department of Transportation" -> "department")."""
    words = name.split()
    for i, w in enumerate(words[1:], 1):
        if w.lower() in _COMPLEMENT:
            return words[i - 1].lower().strip(".,")
    return words[-1].lower().strip(".,") if words else ""


def institution(name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """A multiword name headed by an institution's noun, capitalised as a name's head is, none of whose mentions
    `spans` runs on into a complement or is a coordination's fragment. A name holding a credit's slash or a quotation
    mark ("AP Photo/X Department", "X Institute 'Gold Standard") or running on into a street ("X Center on Y Road")
    is fused from more than one name, so it is no institution's."""
    words = name.split()
    head = head_word(name)
    if len(words) < 2 or head not in lexicon().get("institution", frozenset()) or _FUSED.search(name):
        return False
    if words[-1].lower() in lexicon().get("event_end", frozenset()):
        return False  # "International Society for X Conference": an event a body holds, not the body
    at = next(i for i, w in enumerate(words) if w.lower().strip(".,") == head)
    if not words[at][:1].isupper() or any(street_word(w) for w in words[at + 1 :]):
        return False
    if venue(name):
        return False
    return not any(_CONTINUES.match(text[e : e + 40]) or coordinated_at(text, s, name) or cut_at(text, s, e, name)
                   for s, e in spans)


def cut_at(text: str, start: int, end: int, name: str) -> bool:
    """The mention at `start`-`end` is cut from a longer name the text writes (module docstring, `cut_only`); a
    possessive going on past it cuts only a name with a complement ("X of the People's Assembly")."""
    mention = text[start:end]
    if mention != name and name.endswith(mention):
        return False  # "[Zuckerman Institute]" after "Mortimer B.": the entity's own name is the longer one
    before = _CUT_BEFORE.search(text[max(0, start - 30) : start])
    if before is not None:
        # initials that name a country or a state are the owner's, as a possessive is ("U.S. [District Court]"), and
        # so is an institution's possessive ("Columbia University's [X Institute]": a body of its own)
        if before.group(1) is not None:
            return not _place_initials(before.group(1))
        return before.group(2).lower() not in lexicon().get("institution", frozenset())
    after = _CUT_AFTER.match(text[end : end + 30])
    if after is None or after.group(1) is None:
        return after is not None
    # "[Committee of the People]'s Assembly": the possessive's word heads a body's name; an owner's possessive goes
    # on into a name of its own ("University of X's Einstein Institute": the owner's name is whole)
    heads = lexicon().get("institution", frozenset()) | lexicon().get("possessive_head", frozenset())
    return " of " in name and after.group(1).lower() in heads


def _place_initials(initials: str) -> bool:
    """Initials that the gazetteer reads as a country or a state ("U.S.", "U.K.", "N.J.")."""
    from newsgraph.annotate.gazetteer import get_gazetteer

    return any(p.kind in ("country", "admin1") for p in get_gazetteer().lookup(initials)[:1])


def cut_only(name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Every mention is cut from a longer name the text writes: a fragment, not the organisation's name."""
    return bool(spans) and all(cut_at(text, s, e, name) for s, e in spans)


def venue(name: str) -> bool:
    """A name headed by a venue: a venue word before an institution's "Center" ("Civic Center"), or a venue's own
    head ("... Mall", "... Arena")."""
    words = [w.lower().strip(".,") for w in name.split()]
    lex = lexicon()
    if len(words) < 2:
        return False
    return words[-1] in lex.get("venue_head", frozenset()) or (
        words[-1] in lex.get("venue_centre", frozenset()) and words[-2] in lex.get("venue", frozenset()))


def acting_after(after: str) -> bool:
    """The words right after a mention (`after`) show the body acting: "'s", a reporting verb, its staff."""
    return bool(_ACTS_AFTER.match(after))


def venue_only(name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """A venue's name none of whose mentions acts as a body does: a building named as a place, no subject."""
    return venue(name) and bool(spans) and not any(_ACTS_AFTER.match(text[e : e + 30]) for _, e in spans)


def coordinated_at(text: str, start: int, name: str) -> bool:
    """The mention at `start` is the second half of a coordination sharing the name's institution head ("Boys and
    Girls Club"); a name with no such head stands on its own ("Ford Motor Company and Chrysler")."""
    heads = lexicon().get("institution", frozenset()) | lexicon().get("shared_head", frozenset())
    before = _COORDINATED_BEFORE.search(text[max(0, start - 30) : start])
    # the first half ending in a head of its own is a whole name ("X Fire Department and Y Fire Department")
    return name.split()[-1].lower() in heads and before is not None and before.group(1).lower() not in heads


def thing_only(text: str, spans: list[tuple[int, int]]) -> bool:
    """Every mention modifies a thing the organisation is no part of ("the X building", "the X dinner")."""
    nouns = lexicon().get("thing_after", frozenset())
    hits = [m.group(1) in nouns for _, e in spans if (m := _NEXT_WORD.match(text[e : e + 25]))]
    return bool(spans) and len(hits) == len(spans) and all(hits)


def street_only(name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Every mention stands in an address ("on Rye Court", "Herring Street, Acadia Drive, Martin Court and ...", "the
    intersection of East College"): streets.address_use."""
    return bool(spans) and all(address_use(name, text, s, e) for s, e in spans)


def coordinated_only(name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Every mention is the second half of a coordination sharing the name's head: a fragment of a longer name."""
    return bool(spans) and all(coordinated_at(text, s, name) for s, _ in spans)


#: a dateline in capitals and its dash opening a name ("TORRINGTON \u2014 City Council")
_DATELINE_LEAD = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{2,})*\s*[\u2014\u2013-]+\s")
#: a complement after the name's first part: "X of Y"
_OF = re.compile(r"^(.+?)\s+of\s+(?:the\s+)?(.+)$")


def fused_name(name: str) -> bool:
    """A name fused from more than one: a dateline opening it, two institutions joined by "and" ("City Council and
    School Board": the first half ends in a head of its own; "University of X and University of Y": the second half
    opens with one, after a first half with its complement), or a complement that repeats words the name already
    holds ("Oakland Police Department of Oakland Police": a credit run on into the next words)."""
    if _DATELINE_LEAD.match(name):
        return True
    heads = lexicon().get("institution", frozenset())
    words = name.split()
    for i, w in enumerate(words[1:-1], 1):
        if w in ("and", "&") and words[i - 1].lower() in heads and words[-1].lower() in heads:
            return True
        # "University of X and University of Y": each half opens with a head of its own and has its complement
        if w in ("and", "&") and words[i + 1].lower() in heads and head_word(" ".join(words[:i])) in heads \
                and " of " in " ".join(words[:i]) and words[i + 2 : i + 3] == ["of"]:
            return True
    m = _OF.match(name)
    if m:
        first, rest = set(m.group(1).lower().split()), m.group(2).lower().split()
        return len(rest) >= 2 and all(w in first for w in rest)
    return False
