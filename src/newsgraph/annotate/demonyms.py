"""Demonyms, in one place: what a nationality or regional adjective ("Syrian", "Dagestani", "Kenyans") stands for.

Why a module: three readers asked the same question in three ways (the entity linker and the event roles asked
the gazetteer for a country, geo undid a region's ending, person roles matched a demonym-shaped word with a
pattern of its own). All read here, from data: the gazetteer's demonym table (countryinfo and data/demonyms.tsv,
built into the index) and data/demonym_endings.tsv (the endings that undo a region's demonym and those that shape
one); the words are per language in those files, not in code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsgraph.annotate.gazetteer import Place, get_gazetteer

_CAPITALISED = re.compile(r"[A-Z][a-z]+")


def country_of(word: str, gaz=None) -> Place | None:
    """The country whose nationality word `word` is ("Syrian", "Syrians" -> Syria), else None (a region's demonym
    or no demonym)."""
    place = (gaz or get_gazetteer()).demonym(word)
    return place if place is not None and place.kind == "country" else None


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(ending, replacements, shapes a demonym) rows of data/demonym_endings.tsv, in file order."""
    text = resources.files("newsgraph.annotate").joinpath("data/demonym_endings.tsv").read_text(encoding="utf-8")
    out = []
    for ln in text.splitlines():
        if ln.strip() and not ln.startswith("#"):
            cols = ln.split("\t")
            ending, repl = cols[0].strip(), (cols[1].strip() if len(cols) > 1 else "")
            repls = tuple("" if r == "-" else r for r in repl.split(",")) if repl else ()
            out.append((ending, repls, len(cols) > 2 and cols[2].strip() == "shape"))
    return tuple(out)


def region_of(gaz, name: str) -> tuple[Place, ...]:
    """The region a demonym the gazetteer lacks points at ("Dagestani" -> Dagestan): regions only, never a town."""
    if not name[:1].isupper() or len(name) < 5:
        return ()
    for ending, repls, _ in _endings():
        if not name.endswith(ending):
            continue
        stem = name[: -len(ending)]
        for r in repls:
            if len(stem + r) < 4:
                continue
            found = tuple(p for p in gaz.lookup(stem + r) if p.kind in ("country", "admin1", "continent"))
            if found:
                return found
    return ()


def demonym_shaped(word: str) -> bool:
    """`word` is shaped like a demonym ("Ruritanian", "Freedonese"): a capitalised word ending in one of the
    `shape` endings of data/demonym_endings.tsv after at least one more letter."""
    return bool(_CAPITALISED.fullmatch(word)) and any(
        shape and word.endswith(ending) and len(word) >= len(ending) + 2 for ending, _, shape in _endings())
