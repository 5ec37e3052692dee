"""The text rules that clean a named-entity span into a name and give its short forms, with no word list.

Why a module of its own: names.py holds the names lexicon (`NamesLexicon`, data files, a component's state); these
rules read only a span's characters: strip a leading article, a possessive and trailing score tokens
(`strip_name`), the short forms a full personal name is later written in (`surname_keys`), an acronym's shape and a
name's initials (`looks_like_acronym`, `initials`). Entity mentions, linking, propagation and typing all ask them.
"""

from __future__ import annotations

import re

_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_LEADING_NUM = re.compile(r"\d+(?:[-/:.]\d+)*\s+(?=[A-Z])")
_SCORE = re.compile(r"^(?:\d+(?:[-/:.]\d+)*[*]?|\(\d+\)|[-/:]+)$")
_EDGE_PUNCT = " \t\n,;:.-\"'()[]\u201c\u201d\u2018\u2019"


def strip_name(text: str) -> tuple[int, int]:
    """Offsets (within `text`) of the name inside a span: no leading article, possessive, or trailing score tokens.

    "the Green Alliance" -> "Green Alliance"; "Omar al-Rashid's" -> "Omar al-Rashid";
    "Leicestershire 296" -> "Leicestershire"; "A. Smith 5-68" -> "A. Smith".
    """
    start, end = 0, len(text)
    m = _LEADING_THE.match(text)
    if m:
        start = m.end()
    m = _LEADING_NUM.match(text, start)
    if m:
        start = m.end()
    # trailing score-like tokens
    while True:
        sub = text[start:end].rstrip()
        end = start + len(sub)
        cut = sub.rfind(" ")
        if cut <= 0 or not _SCORE.match(sub[cut + 1 :]):
            break
        end = start + cut
    sub = text[start:end]
    m = _POSSESSIVE.search(sub)
    if m and len(sub) > m.end() - m.start() + 1:
        end = start + m.start()
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT and not (text[end - 1] == "." and _abbrev_end(text[start:end])):
        end -= 1
    return start, end


def _abbrev_end(s: str) -> bool:
    """A trailing dot that belongs to the name ("U.S.", "Co.", "Jr.")."""
    last = s.split()[-1] if s.split() else ""
    return bool(re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", last))


#: a generational suffix after a surname ("Harry Byrd Sr.", "Martin Luther King Jr."): the surname is the word before
#: it, and the article's "Byrd" is the same man's (roman numerals are left alone: a regnal "John Paul II" has no surname)
_SUFFIX = re.compile(r",? (?:Sr|Jr|Snr|Jnr)\.?$")


def without_suffix(full: str) -> str:
    """The name without a generational suffix ("Harry F. Byrd Sr." -> "Harry F. Byrd"); other names unchanged."""
    return _SUFFIX.sub("", full) if len(full.split()) >= 3 else full


def surname_keys(full: str) -> list[str]:
    """Short forms under which a full personal name may appear later: its last word (before a generational suffix:
    "Byrd" of "Harry F. Byrd Sr."), that word without an "al-"/"el-"-style particle, and a two-word particle
    surname ("al-Hamdan", "bin Laden", "van Gaal")."""
    words = without_suffix(full).split()
    if len(words) < 2:
        return []
    last = words[-1]
    keys = [last]
    m = re.match(r"^(?:al|el|ad|as|ash|at|az|bin|ben|abu|van|von|de|da|di|du|le|la)[-\u2011](.+)$", last, re.I)
    if m:
        keys.append(m.group(1))
    if len(words) >= 3 and words[-2].lower() in {"bin", "ben", "van", "von", "de", "da", "di", "du", "al", "el", "le", "la", "der", "del"}:
        keys.append(" ".join(words[-2:]))
    return keys


def looks_like_acronym(text: str) -> bool:
    t = text.replace(".", "")
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def initials(name: str) -> str:
    """Initials of the capitalised words ("National Citizens Alliance" -> "NCA"), small words skipped."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())
