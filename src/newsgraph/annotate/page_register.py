"""The register of a whole page for its topics: news, a fiction reference (a fan or game wiki), or a reference work.

Why: the topics panel lists the people, places and organisations a news article is about. Pages that are reference
works hold names of another kind: a fan wiki's or a game wiki's page names characters ("Penny tutors Jas and
Vincent", "Hermione used this charm"), which are no news people however central they are to the page; a dictionary
or encyclopedia page shows teasers of other entries ("Ann Lee — (born 1950) is a poet whose… … Wikipedia"). Measured
on the topic audit's pages nobody tuned on (benchmarks/audit/NOTES.md), 16 of 23 wrong people came from three such
pages. The name's own evidence cannot see this (a character is typed, repeated and salient like a minister); the
page can. As annotate/event_register.py does for events, this reads the page as a whole, from its own evidence:
- its metadata, when present: a genre noun in the page's own site name ("X Wiki", "X Fandom"; "X Dictionary",
  "Encyclopedia") names the kind of work the site is, not which site (data/register_cues.tsv; "Wikipedia" is one
  word and no such noun);
- the body's language: words that speak of a fictional world as such (spoilers, characters, canon, quests,
  villagers), per 1,000 words; a reference work's note marks ("[1]", "[src]", "↑"); a dictionary entry's field
  labels ("Pronunciation:", "adjective:", "— noun").
Kinds (`Register.kind`):
- "fiction": a community wiki whose body writes of a fictional world (`WIKI_FICTION_DENSITY`), or a body dense in
  both fiction words (`FICTION_DENSITY`) and note marks (`NOTE_DENSITY`), as a wiki's text dump is without its
  metadata. Its people, organisations and towns are the fiction's: confidence.py keeps `REGISTER_WEIGHT` of their
  topic scores (countries are left alone: a fiction's countries are mostly the real ones);
- "reference": another community wiki, a dictionary, glossary or encyclopedia (site name), or a body with
  `ENTRY_LABELS` distinct entry labels or more. Its headword lines ("Ann Lee — poet, born ...") are entries, not
  prose (text_blocks.py reads them so on such pages only);
- None: everything else (news, blogs, how-tos: the default; nothing changes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from newsgraph.annotate.doc_cache import doc_text

#: fiction words per 1,000 body words that make a community wiki's page a fiction reference (a wiki about software
#: or a town writes almost none)
WIKI_FICTION_DENSITY = 1.0
#: without a site name: fiction words per 1,000 body words ...
FICTION_DENSITY = 8.0
#: ... together with note marks per 1,000 body words (a wiki's "[1]", "[src]"; news carries none)
NOTE_DENSITY = 5.0
#: distinct dictionary entry labels that make a page a dictionary entry ("PRONUNCIATION:", "MEANING: adjective:")
ENTRY_LABELS = 2
_NOTE = re.compile(r"\[(?:\d{1,3}|[a-z]|src|edit|citation needed|note \d{1,3})\]|\u2191")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


@dataclass(frozen=True)
class Register:
    """A page's register: `kind` ("fiction", "reference" or None) and the evidence it was read from."""

    kind: str | None
    evidence: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """data/register_cues.tsv: kind -> its words (lower case)."""
    out: dict[str, set[str]] = {}
    text = resources.files("newsgraph.annotate").joinpath("data/register_cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")[:2]
        out.setdefault(kind, set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    c = cues()
    fiction = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(c["fiction"]))) + r")(?![\w-])", re.I)
    labels = "|".join(map(re.escape, sorted(c["entry_label"], key=len, reverse=True)))
    # a label opening a line or following a dash ("— noun The use of ..."), or any label closed by a colon
    entry = re.compile(r"(?:(?:^|\n)[ \t]*|[\u2014\u2013][ \t]*)(" + labels + r")\b|\b(" + labels + r")[ \t]*:", re.I)
    return fiction, entry


def site_genre(site_name: str | None) -> str | None:
    """"wiki" or "reference" when the site name holds a genre noun of that kind as a word of its own."""
    if not site_name:
        return None
    words = {w.lower() for w in _WORD.findall(site_name)}
    c = cues()
    if words & c["site_wiki"]:
        return "wiki"
    if words & c["site_reference"]:
        return "reference"
    return None


def read_register(text: str, site_name: str | None = None) -> Register:
    """The register of a page body `text` whose site calls itself `site_name` (None when unknown)."""
    fiction_re, entry_re = _patterns()
    words = max(1, len(_WORD.findall(text)))
    fiction = 1000 * len(fiction_re.findall(text)) / words
    notes = 1000 * len(_NOTE.findall(text)) / words
    labels = {(m.group(1) or m.group(2)).lower() for m in entry_re.finditer(text)}
    genre = site_genre(site_name)
    evidence = {"fiction_per_1000": round(fiction, 2), "notes_per_1000": round(notes, 2),
                "entry_labels": float(len(labels)), "site_wiki": float(genre == "wiki"),
                "site_reference": float(genre == "reference")}
    if (genre == "wiki" and fiction >= WIKI_FICTION_DENSITY) or (fiction >= FICTION_DENSITY and notes >= NOTE_DENSITY):
        return Register("fiction", evidence)
    if genre is not None or len(labels) >= ENTRY_LABELS:
        return Register("reference", evidence)
    return Register(None, evidence)


#: doc.user_data key of the Doc's register, read once per document: the confidence stage and the record both ask for
#: it. Stored as [kind, evidence] (plain values: user_data must stay serialisable).
_REGISTER_KEY = "ng_register"


def doc_register(doc: Doc) -> Register:
    """The register of an annotated Doc (its text and the site name the caller put in `doc._.ng_meta`), read once
    and kept in the Doc's user_data."""
    kept = doc.user_data.get(_REGISTER_KEY)
    if kept is None:
        meta = doc._.ng_meta or {}
        register = read_register(doc_text(doc), meta.get("source_name"))
        doc.user_data[_REGISTER_KEY] = [register.kind, dict(register.evidence)]
        return register
    return Register(kept[0], dict(kept[1]))


__all__ = ["Register", "doc_register", "read_register", "site_genre"]
