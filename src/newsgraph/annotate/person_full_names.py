"""A person named by a surname alone whose full name the document gives: the entity takes the full name.

News names a person in full at the first mention and by the surname after it ("Ana Vell, the firm's chief, said
... Vell says"). When the model's span loses the first name ("Will Vell" at a sentence's start read as a modal verb
and cut) or types the full name as something else ("Beverly Vell" read as a place for its first word), linking
keeps a person under the surname alone: a fragment, wrong as a topic where the text gives the name. The document
itself says the full name: the capitalised words right before the surname's first occurrence. They are taken as the
person's first names only when the document confirms them as a name - the model labels the whole run a person, or
its first word is a given name of the lexicon, or another entity holds that very name - and when the surname closes
one full name only in the whole text ("Bill" and "Hillary" before one surname: which one? left alone). Title words
("Senator", "Gov.") and nationalities ("American") end the run, so "Senator Ana Vell" gives "Ana Vell". A non-person entity under that full name
whose only typing is the model's label (no feature noun, country, team or organisation evidence) joins the person.

The converse, a title or a job word fused before a name ("City Councilman Vell", "Restaurateur Ana Vell"), is
read from the document as well (`cut_fused_prefixes`): when the rest of the name is the person's own shorter
mention ("Ana Vell") or another person's name or alias, and the words cut are no first name (their first word is
no given name, and their last word is a title word or the rest opens with a given name: "Reko Ali Vell" called "Ali
Vell" later keeps its first name), the person goes by the rest, the words
cut become a role, and a person of that name takes it in.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.person_usage import model_typed_only
from newsgraph.annotate.word_find import bounded_finds

#: how many first names (or initials) may stand before the surname ("Mary Ann Vell", "Ana J. Vell")
MAX_FIRST_WORDS = 2
_WORD = re.compile(r"[A-Z][a-z'\u2019-]+|[A-Z]\.")


def _first_words(text: str, at: int, names: NamesLexicon) -> list[str]:
    """The capitalised words (no titles, no listed non-names) right before position `at`, one space apart."""
    words: list[str] = []
    i = at
    while len(words) < MAX_FIRST_WORDS and i >= 2 and text[i - 1] == " ":
        m = re.search(r"(?<![\w.'\u2019-])(" + _WORD.pattern + r")$", text[max(0, i - 30) : i - 1])
        if not m:
            break
        w = m.group(1)
        if w.lower().strip(".") in names.title_words or w.lower() in names.title_words or w.lower() in names.not_names \
                or get_gazetteer().demonym(w) is not None:
            break  # a title or a nationality ("American Ana Vell") opens no name
        words.insert(0, w)
        i -= len(w) + 1
    while words and words[0].endswith("."):  # an initial opens no name ("J. Vell" keeps no first name)
        words.pop(0)
    return words


def _confirmed(full: str, start: int, end: int, doc: Doc, names: NamesLexicon, other_names: set[str]) -> bool:
    """The document confirms the run as a person's name (module docstring)."""
    if names.is_given_name(full.split()[0]) or full in other_names:
        return True
    return any(e.label_ == "PERSON" and e.start_char == start and e.end_char == end for e in doc.ents)


def complete_surnames(doc: Doc, text: str, clusters: list, names: NamesLexicon, org_points: float) -> list:
    """Rename each person cluster named by a surname alone to the one full name the document gives it (module
    docstring); a non-person cluster under that name with no typing beyond the model's label joins it."""
    by_name = {c.name: c for c in clusters}
    joined: set[int] = set()
    for c in clusters:
        if c.type != "person" or " " in c.name or len(c.name) < 3 or not c.name[:1].isupper():
            continue
        # the name as a whole word, by str.find (no regex compiled per name: word_find.py)
        hits = [(s, e) for s, e, _ in bounded_finds(text, [c.name])]
        others = set(by_name) - {c.name}
        fulls = []
        for hit in hits:
            first = _first_words(text, hit[0], names)
            full = " ".join([*first, c.name])
            start = hit[0] - len(" ".join(first)) - 1
            if first and _confirmed(full, start, hit[1], doc, names, others):
                fulls.append((hit[0], full))
        if len({f for _, f in fulls}) != 1 or fulls[0][0] != hits[0][0]:
            continue  # no full name, two of them, or a bare surname before the full name: left alone
        full = fulls[0][1]
        other = by_name.get(full)
        if other is not None and other.type == "person":
            continue  # linking's own decision stands
        if other is not None:
            if not model_typed_only(other, org_points):
                continue
            c.mentions += other.mentions
            c.aliases += [a for a in other.aliases if a not in c.aliases]
            joined.add(id(other))
        if c.name not in c.aliases:
            c.aliases.append(c.name)
        c.name = full
    return [c for c in clusters if id(c) not in joined]


def _suffix(c, people: dict[str, object], names: NamesLexicon) -> tuple[str, str] | None:
    """(prefix, rest) of a person cluster's name whose rest is its own shorter mention or another person's name."""
    words = c.name.split()
    if len(words) < 2 or names.is_given_name(words[0]):
        return None
    own = {m.text for m in c.mentions} | set(c.aliases)
    for k in range(1, len(words)):
        rest = " ".join(words[k:])
        if not rest[:1].isupper() or rest.lower() in names.title_words:
            continue
        titled = words[k - 1].lower().rstrip(".") in names.title_words or words[k - 1].lower() in names.title_words
        if not titled and (k == len(words) - 1 or not names.is_given_name(words[k])):
            continue  # "Reko Vell" beside "Vell", "Reko Ali Vell" beside "Ali Vell": first names the lexicon lacks
        owner = people.get(rest)
        if (owner is not None and owner is not c) or (k < len(words) - 1 and rest in own):
            return " ".join(words[:k]), rest
    return None


def cut_fused_prefixes(clusters: list, names: NamesLexicon) -> list:
    """The person under a title or job word fused before its name goes by the rest of the name (module
    docstring); a person cluster of that name or alias takes it in."""
    people: dict[str, object] = {}
    for c in clusters:
        if c.type == "person":
            for n in (*c.aliases, c.name):
                people.setdefault(n, c)
    joined: set[int] = set()
    for c in clusters:
        if c.type != "person":
            continue
        cut = _suffix(c, people, names)
        if cut is None:
            continue
        prefix, rest = cut
        owner = people.get(rest)
        for m in c.mentions:
            if prefix.lower() not in (r.lower() for r in m.roles):
                m.roles.append(prefix)
        if owner is not None and owner is not c and id(owner) not in joined:
            owner.mentions += c.mentions
            owner.aliases += [a for a in c.aliases if a not in owner.aliases]
            joined.add(id(c))
        else:
            c.name = rest
    return [c for c in clusters if id(c) not in joined]


__all__ = ["MAX_FIRST_WORDS", "complete_surnames", "cut_fused_prefixes"]
