"""Name lexicons and the small text rules that clean a named-entity span into a name.

Why a module of its own: the entity linker (entities.py) decides which mentions are one entity and of what type;
this module only knows about words: titles that mark a person and become roles, given names, organisation
suffixes and well-known organisation names, religious and ethnic groups, and how to strip possessives, leading
articles and trailing scores from a span. Every list is a data file under data/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("newsgraph.annotate").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Person titles, lower case ("foreign minister", "mr.")."""
    return frozenset(ln.lower() for ln in _lines("person_titles.txt"))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of every title: a run of these before a name is a role ("Russian Prime Minister")."""
    words = set()
    for t in titles():
        words.update(t.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """The head word of each title, which a role phrase must contain ("minister", "leader"): the last word, or the
    word before "of" ("secretary of state" -> "secretary", so "the Indian state of ..." is no role)."""
    return frozenset(t.split(" of ")[0].split()[-1] for t in titles())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(w for ln in _lines("given_names.txt") for w in ln.split())


@lru_cache(maxsize=1)
def groups() -> frozenset[str]:
    return frozenset(w for ln in _lines("groups.txt") for w in ln.split())


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words that name nothing on their own (data/not_names.txt), lower case."""
    return frozenset(ln.lower() for ln in _lines("not_names.txt"))


@dataclass(frozen=True)
class OrgLexicon:
    suffixes: frozenset[str]
    prefixes: tuple[str, ...]
    heads: tuple[str, ...]
    names: frozenset[str]
    before: tuple[str, ...] = ()
    business_before: re.Pattern | None = None
    business_after: re.Pattern | None = None


@lru_cache(maxsize=1)
def org_lexicon() -> OrgLexicon:
    suffixes, prefixes, heads, names, before = set(), [], [], set(), []
    biz: dict[str, list[str]] = {"business_before": [], "business_after": []}
    for ln in _lines("organisations.tsv"):
        kind, _, value = ln.partition("\t")
        value = value.strip()
        if kind == "suffix":
            suffixes.add(value)
        elif kind == "prefix":
            prefixes.append(value + " ")
        elif kind == "head":
            heads.append(value)
        elif kind == "name":
            names.add(value)
        elif kind == "before":
            before.append(value)
        elif kind in biz:
            biz[kind].append(value)
    heads.sort(key=len, reverse=True)
    return OrgLexicon(
        frozenset(suffixes), tuple(prefixes), tuple(heads), frozenset(names), tuple(before),
        re.compile(r"\b(?:" + "|".join(biz["business_before"]) + r")\s+$", re.I) if biz["business_before"] else None,
        re.compile(r"^(?:" + "|".join(biz["business_after"]) + ")", re.I) if biz["business_after"] else None,
    )


_ORG_LINKS = frozenset({"of", "on", "for", "against", "to"})


def org_evidence(name: str) -> bool:
    """True when the name's form says organisation: a known name, an organisation suffix or prefix, or an
    organisation head noun followed by its complement ("National Commission on Human Rights", "Council of ...")."""
    lex = org_lexicon()
    if name in lex.names:
        return True
    words = name.split()
    if len(words) >= 2 and words[-1] in lex.suffixes:
        return True
    if any(w in lex.suffixes and words[i + 1] in _ORG_LINKS and words[i + 2][:1].isupper()
           for i, w in enumerate(words[:-2])):
        return True
    return any(name.startswith(p) for p in lex.prefixes)


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


def surname_keys(full: str) -> list[str]:
    """Short forms under which a full personal name may appear later: its last word, that word without an
    "al-"/"el-"-style particle, and a two-word particle surname ("al-Hamdan", "bin Laden", "van Gaal")."""
    words = full.split()
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


@lru_cache(maxsize=1)
def thing_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Words that make a name a thing (product, platform, work): (words right before it, head nouns right after)."""
    kinds: dict[str, set[str]] = {"before": set(), "after": set()}
    for ln in _lines("thing_cues.tsv"):
        kind, _, value = ln.partition("\t")
        if kind in kinds:
            kinds[kind].add(value.strip())
    return frozenset(kinds["before"]), frozenset(kinds["after"])


@lru_cache(maxsize=1)
def place_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Feature nouns that mark a name as a place: (words right after a name, words right before it, head nouns
    that end a feature's own name)."""
    kinds: dict[str, set[str]] = {"after": set(), "before": set(), "head": set()}
    for ln in _lines("place_cues.tsv"):
        kind, _, value = ln.partition("\t")
        kinds[kind].add(value.strip())
    return frozenset(kinds["after"]), frozenset(kinds["before"]), frozenset(kinds["head"])
