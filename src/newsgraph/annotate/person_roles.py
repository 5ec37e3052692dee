"""Titles before a name and appositions after it: the roles a person holds, read off the words around the name.

"Greek Prime Minister Nikos Andreou" and "Anna Berg, Swedish foreign minister," both mark the name as a person and
give a role the record keeps (stage 2 of `newsgraph_entities`, entity_evidence.add_evidence). The two readers live
together because they share the names lexicon's title words and heads and the same limits (`EvidenceWindows`
`role_words`, `apposition`...): what makes a run of words a title is decided in one place.
"""

from __future__ import annotations

import re

from newsgraph.annotate import lexicon
from newsgraph.annotate.demonyms import demonym_shaped
from newsgraph.annotate.entity_evidence_config import EvidenceWindows
from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.names import NamesLexicon

_WORD = re.compile(r"[\w.'\u2019-]+$")


def prefix_role(text: str, start: int, names: NamesLexicon, win: EvidenceWindows) -> str | None:
    """The run of title words (and demonyms/country names) right before a name, if it holds a title word."""
    words = names.title_words
    pos = start
    parts: list[tuple[int, str]] = []
    while pos > 0 and len(parts) < win.role_words:
        seg = text[max(0, pos - 40) : pos]
        m = _WORD.search(seg.rstrip(" "))
        if not m or not seg.endswith(" "):
            break
        w = m.group()
        w_start = pos - (len(seg) - len(seg.rstrip(" "))) - len(w)
        lw = w.lower()
        if lw in words or (w[:1].isupper() and parts and _demonymish(w)) or lw in ("u.s.", "us", "un", "u.n."):
            parts.append((w_start, w))
            pos = w_start
            continue
        break
    if not parts or parts[0][1].lower() == "of":
        return None  # "commissioner of East Africa": the name is the title's jurisdiction, not its holder
    # a place name of several words opening the role ("New Mexico Governor")
    while parts:
        seg = text[max(0, parts[-1][0] - 30) : parts[-1][0]]
        m = _WORD.search(seg.rstrip(" "))
        if not m or not m.group()[:1].isupper() or not seg.endswith(" "):
            break
        joined = m.group() + " " + parts[-1][1]
        if not get_gazetteer().lookup(joined):
            break
        parts[-1] = (parts[-1][0] - len(seg) + m.start(), joined)
    parts.reverse()
    while parts and parts[-1][1].lower() in ("of", "the", "and"):
        parts.pop()
    # drop leading words that are not part of a title ("the")
    while parts and parts[0][1].lower() in ("the", "of"):
        parts.pop(0)
    phrase_words = [p[1] for p in parts]
    if not any(w.lower() in names.title_heads or w.lower() in names.titles for w in phrase_words):
        return None
    if len(phrase_words) == 1 and phrase_words[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "miss"):
        return None  # a courtesy title marks a person but is no role
    return " ".join(phrase_words)


def _demonymish(w: str) -> bool:
    """A demonym, a country or place name, or a word shaped like a demonym ("Ruritanian")."""
    if demonym_shaped(w):
        return True
    try:
        return get_gazetteer().demonym(w) is not None or bool(get_gazetteer().lookup(w))
    except Exception:  # pragma: no cover - gazetteer missing
        return False


_APPOS = re.compile(r"^,\s+((?:the\s+|a\s+)?[^,.;:\"()\u201c\u201d]{3,70}?)\s*(?=,|\.(?:\s|$)|;)")


def apposition_role(text: str, end: int, names: NamesLexicon, win: EvidenceWindows) -> str | None:
    """ "Anna Berg, Swedish foreign minister," -> "Russian foreign minister" (the phrase must have a title
    word among its first words and no verb-like lower-case word before it)."""
    m = _APPOS.match(text[end : end + win.apposition])
    if not m:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or len(words) > win.apposition_words:
        return None
    heads = names.title_heads
    low = [w.lower() for w in words]
    if low[0] in ("the", "a"):
        words, low = words[1:], low[1:]
    head_at = next((i for i, w in enumerate(low[: win.apposition_head_within]) if w in heads), None)
    if head_at is None:
        return None
    nxt = words[head_at + 1] if head_at + 1 < len(words) else ""
    if words[head_at][:1].isupper() and nxt[:1].isupper() and nxt.lower().strip(",.") not in names.title_words:
        return None  # "X, Dalby scored his first Major Cup goal": a title word opening a name is no title
    if any(w in ("said", "says", "who", "which", "was", "is", "has", "had", "and") for w in low[: head_at + 1]):
        return None
    caps = 0
    for w in words[head_at + 1 :]:  # another person's name inside the phrase: not an apposition of this one
        caps = caps + 1 if w[:1].isupper() and w.lower() not in names.title_words else 0
        if caps >= 2 and not get_gazetteer().lookup(" ".join(words[words.index(w) - 1 : words.index(w) + 1])):
            return None
    return " ".join(words)


#: the shortest word read as a noun fused before a name (shorter ones are initials or particles: "L. Dale Harley")
FUSED_WORD_MIN = 3
_FUSED_WORD = re.compile(r"[A-Z][a-z]+")


def fused_word_start(text: str, start: int, end: int, names: NamesLexicon) -> int:
    """Where a person's span starts once a capitalised word fused before the name is cut: a span of three words or
    more whose first word is no given name and whose second is one ("Coroner Dennis Miller", "Restaurateur Bill
    Sohovich", "Handler Joseph Vergnetti": a job the text writes as a title, which the model took into the name).
    A given name opens a person's name; a word before it that is none is a title or a label, whatever it says. The
    cut word stays before the name, as a title does. Initials ("L. Dale Harley") and given names of the lexicon
    ("Anna Marie ...") keep the span whole; a first given name the lexicon lacks would be cut (its limit)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) < 3:
        return start
    first, second = words[0].group(), words[1].group()
    if len(first) < FUSED_WORD_MIN or not _FUSED_WORD.fullmatch(first) or names.is_given_name(first) \
            or not names.is_given_name(second):
        return start
    # the word is a common noun the text also writes in lower case ("the coroner", "her handler"): no name's part
    # ("Sadeq Abu Amer": a name the text never writes in lower case keeps its span); or a label the page puts
    # before several persons' given names ("#4 rated Panther Lee X ... over Panther Tyler Y": a team's nickname)
    if not re.search(r"(?<![\w-])" + re.escape(first.lower()) + r"(?![\w-])", text) \
            and len(labelled_given_names(text, first, names)) < LABEL_BEFORE_NAMES:
        return start
    return start + words[1].start()


#: how many different given names a capitalised word must stand right before for the page to use it as a label
#: (a team's nickname, a unit's name) and not as a name's own first word
LABEL_BEFORE_NAMES = 2


def labelled_given_names(text: str, word: str, names: NamesLexicon) -> set[str]:
    """The given names of the lexicon that `word` stands right before in `text`, one space between, each opening a
    two-word name ("Panther Lee Goldberg", "Panther Tyler Zilverberg" -> {"Lee", "Tyler"})."""
    pattern = r"(?<![\w-])" + re.escape(word) + r" ([A-Z][a-z]+) [A-Z]"
    return {g for g in re.findall(pattern, text) if names.is_given_name(g)}


#: a capitalised word right before a person's span, with one space between (letters, inner hyphens or apostrophes:
#: "Pro- Tem" of a title cut by a hyphen is no name)
_WORD_BEFORE = re.compile(r"(?<![\w.'\u2019-])([A-Z][a-z]+(?:['\u2019-][A-Za-z]+)*) $")
#: how many capitalised words between a title and a person's span are taken back into the name at most
FIRST_NAME_WORDS = 2


def first_name_before(text: str, start: int, names: NamesLexicon, win: EvidenceWindows) -> int:
    """Where a person's span starts once first names the model left out before it are taken back: a given name of
    the lexicon right before it ("said Ravi [Mehra]"), or the one or two capitalised words between a title and the
    span ("Member of Parliament Ravi Anand [Mehra]": a title is followed by its holder's whole name; the model gave
    the first names to the title's "Parliament" or to nothing). A title word itself ("President [Obama]") is no
    first name."""
    pos = start
    for k in range(FIRST_NAME_WORDS):
        m = _WORD_BEFORE.search(text[max(0, pos - 30) : pos])
        if not m or m.group(1).lower() in names.title_words:
            return start
        pos -= len(m.group(0))
        if (k == 0 and names.is_given_name(m.group(1))) or prefix_role(text, pos, names, win):
            return pos
    return start


def cut_before_persons(mentions: list) -> list:
    """A person's span grown over a first name (`first_name_before`) takes the word from the mention before it that
    ends in it ("Parliament Ravi" -> "Parliament"); a mention left with no word of its own is dropped."""
    out: list = []
    for m in mentions:
        while out and m.label == "person" and out[-1].start < m.start < out[-1].end <= m.end:
            prev = out[-1]
            cut = prev.text[: m.start - prev.start].rstrip()
            if len(cut) < 2:
                out.pop()
                continue
            prev.end, prev.text = prev.start + len(cut), cut
        if out and m.label == "person" and out[-1].start == m.start and out[-1].end <= m.end and out[-1].label != "person":
            out.pop()  # the other mention was the first name alone
        out.append(m)
    return out


def name_forming(title: str) -> bool:
    """A title that is part of how its holder is named ("Prince Harry", "Pope Francis": data/name_titles.txt): it
    stays before a single name."""
    name_titles = lexicon.words("name_titles.txt", "")
    return title.lower() in name_titles or title.lower().split()[-1] in name_titles


def named_in_full(text: str, surname: str, titles: frozenset[str]) -> bool:
    """The text names someone in full with this surname: a capitalised word or an initial that is no title right
    before it ("Jay Hoffman", "L. Dale Harley" beside "Representative Hoffman"). A title before a surname alone is
    then cut off, and the surname joins the full name; without a full name ("King Edward") the span stays whole."""
    pattern = r"(?<![\w.])([A-Z][\w'\u2019-]*\.?)\s+" + re.escape(surname) + r"(?![\w'\u2019-])"
    return any(m.group(1).lower().rstrip(".") not in titles and m.group(1).lower() not in titles
               for m in re.finditer(pattern, text))


def inner_title_start(text: str, start: int, end: int, titles: frozenset[str]) -> int:
    """Where a person's span starts once a place and a title fused before the name are cut: the words after the last
    title word inside the span, when two words or more follow it and the first is capitalised ("McMinn County
    Sheriff Steve Frisbie", "Laurel County Clerk Dean Johnson" -> the name). A title ending the span or followed by
    one word ("Martin Luther King Jr.") keeps it whole."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i in range(len(words) - 3, 0, -1):
        if words[i].group().lower() in titles and words[i + 1].group()[:1].isupper() \
                and words[i + 1].group().lower() not in titles:
            return start + words[i + 1].start()
    return start
