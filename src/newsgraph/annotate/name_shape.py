"""Where a "person" the model found is a phrase of the page rather than a person's name, read off its form and place.

Two signs that carry over to pages nobody tuned on, since they read the page itself, not a list of names:
- common words: every word of the name is a word the same article also writes in lower case ("Best Buy" on a page
  that says "where to buy" and "the best card"; "Similar Articles", "Context Grounding"). Surnames that are also
  common words ("Peter White") come with a given name or another person cue, which `features` asks to be absent;
- a possessive inside the name ("Valentine’s Day", "Ann Lee’s Son"): a holiday or a phrase about a person; a
  slash inside it ("Ann Lee/AFP"): a photo credit joining a photographer and an agency;
- a quoted title: the mention lies inside a quoted run of capitalised words longer than itself (the “Committee to
  Boycott Nixon’s Memoirs”, a book's or a song's title), or is all that a pair of quotation marks holds (‘Mein
  Kampf’): people's names are not set in quotation marks, the titles of works, committees and campaigns are.
- a longer name's tail: every mention follows, one space apart, a capitalised word of the same run that opens no
  person's name (no title, given name, nationality, party, nor a word the article writes in lower case): "PT Harbour
  Putra Vell" read as a person "Putra Vell", "ERP Compliant Fuels" as "Compliant Fuels" (`comes_after`).
entity_features.py turns both into features of an entity (every mention must show the sign) and confidence.py
lowers the topic score of a person that has them and nothing else typing it as a person.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: lower-case words of a text (three letters or more): the article's common words
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z'\u2019-]{2,}\b")
_NAME_WORD = re.compile(r"[A-Za-z][a-z]+")
#: how far (characters) a quoted title may reach on each side of a mention
TITLE_REACH = 60
_CLOSING = "\u201d\u2019\""
#: small words a title keeps in lower case ("Committee to Boycott ...", "Lady Sings the Blues")
_TITLE_SMALL = frozenset("a an and as at by for from in of on or the to with".split())
_TITLE_WORD = re.compile(r"[\w.&-]+(?:['\u2019]s)?")


def lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case (once per Doc: entity_features.doc_context)."""
    return frozenset(_LOWER_WORD.findall(text))


def common_words(name: str, lower: frozenset[str]) -> bool:
    """Every word of `name` (capitalised words of letters; no initials, no digits) is one the article also writes in
    lower case, itself or its plural ("Handball" beside "handballs"): a heading's or a brand's words, not a
    person's name."""
    words = name.split()
    if not words or any(not _NAME_WORD.fullmatch(w) for w in words):
        return False
    return all(w.lower() in lower or w.lower() + "s" in lower for w in words)


#: lower-case words a person's name holds ("Otto von Bismarck", "Bill de Blasio", "Osama bin Laden"; the article of
#: an epithet, "Peter the Great"): particles of family names, a closed class of grammar words, not names
NAME_PARTICLES = frozenset("von van der den de des du da di do dos das del della la le bin ibn ben al el y zu ter ten af op d l the"
                           .split())
#: a particle joined to the family name it opens ("al-Wahab", "d'Estaing", "el-Sayed")
_JOINED = re.compile(r"[-'\u2019]")


def lower_inside(name: str) -> bool:
    """A word in lower case inside the name that is no family-name particle ("T. b. gambiense", a species; "United
    Way of Metropolitan Atlanta", "Resources and Environment X": a body's name or a title fused to a name): people's
    names capitalise every word but their particles."""
    words = name.split()
    return len(words) >= 2 and any(
        w[:1].islower() and _JOINED.split(w.strip(".,"))[0].lower() not in NAME_PARTICLES for w in words)


def common_head(name: str, lower: frozenset[str]) -> bool:
    """The last word of a name of two words or more is one the article also writes in lower case, itself or its
    plural ("Avian Flu" on a page about flu, "Equine Influenza", "Iron Man"): the head of a common noun phrase the
    page capitalises, a disease's or a work's name. `features` asks, as for `common_words`, that nothing else types
    the name as a person (a given name, a title, a role), since some surnames are common words ("Peter White")."""
    words = name.split()
    if len(words) < 2 or not _NAME_WORD.fullmatch(words[-1]):
        return False
    last = words[-1].lower()
    return last in lower or last + "s" in lower


_POSSESSIVE_INSIDE = re.compile(r"\w['\u2019]s\s+\w|\w\s?/\s?\w")


def possessive_inside(name: str) -> bool:
    """A possessive inside the name ("Valentine’s Day", "Ann Lee’s Son": a phrase about someone, or a holiday), or
    a slash joining two names (a photo credit's "Ann Lee/AFP"): never a person's own name."""
    return bool(_POSSESSIVE_INSIDE.search(name))


def _opening_before(text: str, start: int) -> int | None:
    """Offset of the opening quotation mark that the text before `start` is still inside, within reach."""
    for i in range(start - 1, max(-1, start - TITLE_REACH - 1), -1):
        c = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if c == "\n" or c in ".!?;\u201d":
            return None
        if c == "\u2019" and not nxt.isalpha():  # a closing mark (before a letter it is an apostrophe)
            return None
        if c == '"':  # a straight mark opens a quotation when a word follows it
            return i if nxt.isalnum() else None
        if c in "\u201c\u2018":
            return i
    return None


def _closing_after(text: str, end: int) -> int | None:
    """Offset of the closing quotation mark after `end`, within reach (a right single mark before a letter is an
    apostrophe: "Nixon’s")."""
    for i in range(end, min(len(text), end + TITLE_REACH)):
        c = text[i]
        if c == "\n" or c in "!?;\u201c\u2018":
            return None
        if c == "." and (i + 1 >= len(text) or not (text[i + 1].isalpha() or text[i + 1] in _CLOSING)):
            return None
        if c in _CLOSING:
            if c == "\u2019" and i + 1 < len(text) and text[i + 1].isalpha():
                continue
            return i
    return None


def quoted_title(text: str, start: int, end: int) -> bool:
    """The mention [start, end) lies inside quotation marks that hold a run of capitalised words (small words
    between them allowed) going beyond it, or holding nothing but it: a title, not a person's name."""
    o = _opening_before(text, start)
    c = _closing_after(text, end) if o is not None else None
    if o is None or c is None:
        return False
    inner = text[o + 1 : c].strip(" ,")
    if inner == text[start:end]:
        return True
    words = _TITLE_WORD.findall(inner)
    if len(words) > 8:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)


#: a capitalised word (or an acronym) right before a mention, one space apart: the word and what stands before it
_WORD_BEFORE = re.compile(r"(?:^|(.)\s?)(?<![\w'\u2019.&-])([A-Z][\w&-]*)\s$")
#: what ends a sentence or a line before a word: that word is the sentence's first, capitalised whatever it is
_SENTENCE_END = frozenset(".!?:;\"\u201c\u201d\n")


@lru_cache(maxsize=1)
def _not_opening() -> frozenset[str]:
    """data/name_before.tsv: parties and titles that stand before a person's name outside it (built once per process:
    `_titled_run` asks per word)."""
    from newsgraph.annotate.lexicon import kinds

    return frozenset(w for ws in kinds("name_before.tsv").values() for w in ws)


#: words that join a title to its complement inside a capitalised run ("Minister of Education", "Secretary for X")
_RUN_LINKS = frozenset("of for and the on &".split())
#: how many words back a title may open the run before a name
RUN_REACH = 6


def _titled_run(before: str, names) -> bool:
    """The capitalised run (with its linking words) that ends right before a name opens with, or holds, a title word
    ("Minister of Education", "Chief Education Officer"): the name is the title holder's, no tail of a longer name."""
    words = before.rstrip().split()
    for w in reversed(words[-RUN_REACH:]):
        low = w.lower().strip(".,")
        if low in names.title_words or low in _not_opening():
            return True
        if not (w[:1].isupper() or low in _RUN_LINKS) or w.endswith((",", ".", ";", ":")):
            return False
    return False


def comes_after(text: str, start: int, names, lower: frozenset[str], own: frozenset[str] = frozenset()) -> bool:
    """The mention at `start` follows, one space apart on its line, a capitalised word inside a sentence that opens
    no person's name: no title word ("President", "CEO"), no given name, no nationality, no party (data/
    name_before.tsv), no listed non-name, no word the article also writes in lower case ("But", "Former"), no
    possessive, no acronym (a body the person belongs to), no word of the entity's own name (`own`: "Will" before "Vell" in an entity named "Will Vell"). The
    mention is then the tail of a longer name the model cut ("PT Harbour Putra Vell" read as "Putra Vell")."""
    from newsgraph.annotate.gazetteer import get_gazetteer

    m = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    if m is None or text[start - 1 : start] != " ":
        return False
    lead, w = m.group(1), m.group(2)
    if lead is None or lead in _SENTENCE_END or w.isupper():
        return False  # the text's or a sentence's first word; an acronym before a name is an affiliation ("X leader")
    if _titled_run(text[max(0, start - 80) : start], names):
        return False  # "Minister of Education Ana Vell": the word before closes a title's complement
    low = w.lower().rstrip(".")
    return not (low in names.title_words or w.lower() in names.title_words or low in names.not_names
                or low in lower or low in _not_opening() or w in own or names.is_given_name(w)
                or get_gazetteer().demonym(w) is not None)
