"""Read the lexicons of the quote, event, fact and date components (data/*.tsv).

One format for all of them: `#` comments, `[section]` headers, tab-separated rows. Kept as data so the word
lists can grow without touching code; read once per process (lru_cache).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=32)
def sections(name: str) -> dict[str, list[tuple[str, ...]]]:
    """data/<name> as {section: [row, ...]}; rows are tuples of stripped tab-separated fields."""
    text = resources.files("newsgraph.annotate").joinpath(f"data/{name}").read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, ...]]] = {}
    current = ""
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("[") and line.rstrip().endswith("]"):
            current = line.strip()[1:-1]
            out.setdefault(current, [])
            continue
        out.setdefault(current, []).append(tuple(f.strip() for f in line.split("\t")))
    return out


def words(name: str, section: str) -> frozenset[str]:
    """The first field of every row of one section, lower-cased."""
    return frozenset(row[0].lower() for row in sections(name).get(section, []))


def mapping(name: str, section: str) -> dict[str, str]:
    """first field -> second field of one section (first field lower-cased)."""
    return {row[0].lower(): (row[1] if len(row) > 1 else "") for row in sections(name).get(section, [])}
