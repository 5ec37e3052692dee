"""One item per thing: a name the text glosses in brackets right after another name is that thing's other name.

News writes a body's or a person's second name in brackets right after the first: an acronym ("Popular
Revolutionary Army (EPR)", also one whose letters follow another language's word order), a translation or gloss
("X (Party of God)"), or, inside a quotation, the surname the speaker left out ("Boris Nikolayevich (Yeltsin)",
"the regime of Saddam (Hussein)"). Linking (entity_linking.py) joins an acronym only when its letters are the
initials of the name, so the other forms stay items of their own: a duplicate or a fragment beside its own item,
which readers count as a wrong topic (stop 28's held-out draw: "Party of God" beside "Hizbollah", "Boris
Nikolayevich" beside "Boris Yeltsin", the fragments "Saddam" and "Hussein"). The bracket itself is the evidence:
the text says the two names are one thing. This module reads only that structure, no word list:

- `extend_to_acronym`: an organisation's name cut before its last words while the acronym after them is given ("the
  U.N. Interim Force in Lebanon (UNIFIL)", the model's span ending at "Force") grows to the bracket when the
  acronym's letters fit the longer run (`acronym_fits`), and the words it takes in stop being mentions of their own;
- `join_glosses`: an organisation followed by a bracketed organisation or acronym becomes one item (the name the
  text uses first stays canonical, an acronym never is); a person followed by a bracketed one-word person name is
  one person: the bracketed surname's full-name item takes the first name in, or the two become one full name.

A place in brackets ("X (Ruritania)") is a seat or a country, a person in brackets after a body ("Reform Party (Ross
Perot)") its leader, a body after a person ("Smith (Labour)") an affiliation: none of them is joined.
"""

from __future__ import annotations

import re

from newsgraph.annotate.entity_clusters import Cluster
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.gazetteer import norm
from newsgraph.annotate.name_text import looks_like_acronym

#: the text between a name and its bracketed gloss, and after the gloss
_OPEN = re.compile(r"^\s?[(\[]\s?$")
_CLOSE = re.compile(r"^\s?[)\]]")
#: an acronym alone in brackets, and a word of a name's run
_BRACKETED = re.compile(r"[(\[]\s?([A-Z][A-Za-z.&-]{1,9})\s?[)\]]")
_WORD = re.compile(r"[A-Za-z&][\w'&.-]*")
#: how many words a name cut before its acronym may grow by ("in Lebanon", "for the Relief of Refugees"): longer
#: runs are a clause, not the name's end
MAX_GROWTH_WORDS = 5
#: ... and how many characters (the same bound in characters, so the search back stays local)
_MAX_GROWTH_CHARS = 60
#: the words a name's cut tail may hold besides capitalised ones (the name's own small words)
_TAIL_SMALL = frozenset({"of", "for", "in", "on", "and", "the", "de", "du", "des", "la", "le", "el", "del", "&"})


def _letters(name: str) -> list[tuple[str, bool]]:
    """The name's words as (first letter, must_use): a capitalised word's initial must be used, a small word's may
    be; a dotted abbreviation ("U.N.") is one word per letter."""
    out: list[tuple[str, bool]] = []
    for w in re.split(r"[\s-]+", name):
        if not w:
            continue
        if re.fullmatch(r"(?:[A-Za-z]\.)+", w):
            out += [(ch.upper(), True) for ch in w.replace(".", "")]
        elif w[0].isupper():
            out.append((w[0], True))
        elif w[0].isalpha():
            out.append((w[0].upper(), False))
    return out


def acronym_fits(acronym: str, name: str) -> bool:
    """The acronym's letters are the name's initials in order: every capitalised word gives its initial, a small
    word ("in", "of") may give its own or none ("UNIFIL" of "U.N. Interim Force in Lebanon", "NCA" of "National
    Citizens Alliance")."""
    target = acronym.replace(".", "").upper()
    letters = _letters(name)
    if not target or not letters:
        return False
    ends = {0}  # the numbers of the acronym's letters matched after each word
    for ch, must in letters:
        nxt = {i + 1 for i in ends if i < len(target) and target[i] == ch}
        ends = nxt if must else nxt | ends
        if not ends:
            return False
    return len(target) in ends


def _cluster_of(clusters: list[Cluster]) -> dict[int, Cluster]:
    return {id(m): c for c in clusters for m in c.mentions}


def _bracketed_acronyms(text: str):
    """(bracket start, acronym) of every acronym standing alone in brackets ("(UNIFIL)"), a mention or not."""
    for am in _BRACKETED.finditer(text):
        if looks_like_acronym(am.group(1)):
            yield am.start(), am.group(1)


def _grow_forward(text: str, m: NameMention, bracket: int, acronym: str) -> int | None:
    """The new end of `m` when the words between it and the bracket complete the name ("... Force in Lebanon")."""
    words = text[m.end : bracket].split()
    if not words or len(words) > MAX_GROWTH_WORDS or not words[0].islower() or any(
            not (w[:1].isupper() or w.lower() in _TAIL_SMALL) for w in words):
        return None
    grown = text[m.start : bracket].rstrip()
    if acronym_fits(acronym, m.text) or not acronym_fits(acronym, grown):
        return None
    return m.start + len(grown)


def _grow_back(text: str, m: NameMention, acronym: str) -> int | None:
    """The new start of `m` when the capitalised words right before it open the name the acronym spells ("Cornwall
    Fire and Rescue Service (CFRS)" where the mention is "Rescue Service")."""
    if acronym_fits(acronym, m.text):
        return None
    words = list(_WORD.finditer(text[max(0, m.start - _MAX_GROWTH_CHARS) : m.start]))
    base = max(0, m.start - _MAX_GROWTH_CHARS)
    for k in range(1, min(MAX_GROWTH_WORDS, len(words)) + 1):
        run = words[-k:]
        if text[base + run[-1].end() : m.start].strip() or any(
                text[base + x.end() : base + y.start()] != " " for x, y in zip(run, run[1:], strict=False)):
            return None  # the words must run on to the name, one space apart, no punctuation between
        w = run[0].group()
        if not (w[:1].isupper() or w.lower() in _TAIL_SMALL):
            return None
        if w[:1].isupper() and acronym_fits(acronym, text[base + run[0].start() : m.end]):
            return base + run[0].start()
    return None


def extend_to_acronym(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """Grow an organisation's mention cut before (or after the start of) its bracketed acronym's name (module
    docstring); the mentions inside the grown run leave their clusters, and a cluster left with none is dropped."""
    mentions = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    owner = _cluster_of(clusters)
    removed: set[int] = set()
    for bracket, acronym in _bracketed_acronyms(text):
        before = [m for m in mentions if m.end <= bracket and id(m) not in removed
                  and owner[id(m)].type == "organisation" and bracket - m.end <= _MAX_GROWTH_CHARS]
        if not before:
            continue
        m = max(before, key=lambda x: x.end)
        c = owner[id(m)]
        start, end = m.start, m.end
        if text[m.end : bracket].strip():
            end = _grow_forward(text, m, bracket, acronym) or end
        else:
            start = _grow_back(text, m, acronym) or start
        if (start, end) == (m.start, m.end):
            continue
        for inner in mentions:
            if inner is not m and start <= inner.start and inner.end <= end:
                removed.add(id(inner))
        old = m.text
        m.start, m.end, m.text = start, end, text[start:end]
        if c.name == old:
            c.name = m.text
        if m.text not in c.aliases:
            c.aliases.append(m.text)
    if not removed:
        return clusters
    for c in clusters:
        c.mentions = [m for m in c.mentions if id(m) not in removed]
    return [c for c in clusters if c.mentions]


def _merge(into: Cluster, other: Cluster) -> None:
    into.mentions += other.mentions
    into.aliases += [a for a in dict.fromkeys([other.name, *other.aliases]) if a not in into.aliases]
    other.mentions = []


def _move_form(into: Cluster, other: Cluster, form: str) -> None:
    """Only the mentions of `form` move: the bracketed acronym was linked into an item of another name ("NAPM" in
    the index "Chicago NAPM"), which stays apart from the body the bracket names."""
    moved = [m for m in other.mentions if m.text == form]
    other.mentions = [m for m in other.mentions if m.text != form]
    other.aliases = [a for a in other.aliases if a != form]
    into.mentions += moved
    if form not in into.aliases:
        into.aliases.append(form)


def _short_of(name: str, gloss: str) -> bool:
    """The first name is the short one: an acronym beside a name, or a word whose letters are the bracketed name's
    initials written as a word ("Defra (Department for Environment, Food and Rural Affairs)")."""
    if looks_like_acronym(name):
        return not looks_like_acronym(gloss)
    return " " not in name and " " in gloss and acronym_fits(name, gloss)


def _org_pair(first: Cluster, gloss: Cluster) -> bool:
    """An organisation and a bracketed organisation or acronym (the latter typed anything but a place)."""
    return first.type == "organisation" and (gloss.type == "organisation" or (
        looks_like_acronym(gloss.name) and gloss.type == "person"))


def _person_pair(first: Cluster, gloss: Cluster, gloss_text: str) -> bool:
    """A person and a bracketed one-word person name the first name lacks (the surname a quotation left out): either
    the bracketed word is the surname of a full-name item that opens with the first name's first word ("Boris
    Nikolayevich (Yeltsin)" beside "Boris Yeltsin"), or the first name is one word and the bracketed word is named
    nowhere else ("Saddam (Hussein)"). A full name followed by a bracketed word ("Rainer Vell (Querelle)") is a
    work's or a role's title after its author, not a surname."""
    if first.type != "person" or gloss.type != "person" or len(gloss_text.split()) != 1 \
            or looks_like_acronym(gloss_text) or gloss_text in first.name.split():
        return False
    full = gloss.name.split()
    if len(full) >= 2:
        return full[0] == first.name.split()[0] and full[-1] == gloss_text
    return len(first.name.split()) == 1 and len(gloss.mentions) == 1


def join_glosses(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """One cluster for a name and the name bracketed right after it (module docstring)."""
    clusters = extend_to_acronym(text, clusters)
    mentions = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.start)
    owner = _cluster_of(clusters)
    for first, gloss in zip(mentions, mentions[1:], strict=False):
        if not _OPEN.match(text[first.end : gloss.start]) or not _CLOSE.match(text[gloss.end : gloss.end + 2]):
            continue
        a, b = owner[id(first)], owner[id(gloss)]
        if a is b or not a.mentions or not b.mentions:
            continue
        if _org_pair(a, b):
            if norm(b.name) != norm(gloss.text) and any(m.text != gloss.text for m in b.mentions):
                _move_form(a, b, gloss.text)
            else:
                if _short_of(a.name, b.name):
                    a.name, b.name = b.name, a.name  # the full name, not the acronym, names the item
                _merge(a, b)
        elif _person_pair(a, b, gloss.text):
            if len(b.name.split()) >= 2:  # "Boris Nikolayevich (Yeltsin)" beside the item "Boris Yeltsin"
                _merge(b, a)
            else:  # "Saddam (Hussein)": one person under the full name the text spells out
                a.name = f"{a.name} {gloss.text}"
                _merge(a, b)
        else:
            continue
        for c in (a, b):
            for m in c.mentions:
                owner[id(m)] = c
    out: list[Cluster] = []
    seen: dict[tuple[str, str], Cluster] = {}
    for c in clusters:
        if not c.mentions:
            continue
        key = (c.type, norm(c.name))
        if key in seen:  # a full name spelled out that another item already has
            _merge(seen[key], c)
            continue
        seen[key] = c
        out.append(c)
    return out


__all__ = ["MAX_GROWTH_WORDS", "acronym_fits", "extend_to_acronym", "join_glosses"]
