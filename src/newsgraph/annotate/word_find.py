"""Whole-word occurrences of literal names in a text, without compiling a regular expression per name.

Annotators look for a document's own names (an entity's forms, a headline's place) with patterns like
`(?<![\\w-])(A|B|C)(?![\\w-])`. Compiling such a pattern costs far more than the search (Python's regex parser is
pure Python), the names differ per document, so the `re` module's cache seldom helps: on news pages compiling
these patterns was about 5% of annotation time. `bounded_finds` gives exactly the matches of that pattern
(`re.finditer` semantics: leftmost match first, the earlier alternative at a position wins, matches do not overlap)
from `str.find`, and `\\w` is read as `re` reads it on str: `str.isalnum()` or "_".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def word_char(c: str) -> bool:
    """`c` matches `[\\w-]` in a `re` pattern on str (Unicode alphanumerics, "_" and "-")."""
    return c.isalnum() or c == "_" or c == "-"


def bounded_finds(text: str, forms: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) of every match of `(?<![\\w-])(forms[0]|forms[1]|...)(?![\\w-])` in `text`, in order,
    as `re.finditer` gives them (forms must be non-empty; their order is the alternation's order)."""
    rank = {f: i for i, f in reversed(list(enumerate(forms)))}  # a form listed twice keeps its first place
    found: dict[int, list[tuple[int, str]]] = {}
    for form, r in rank.items():
        i = text.find(form)
        while i >= 0:
            end = i + len(form)
            if end == len(text) or not word_char(text[end]):
                found.setdefault(i, []).append((r, form))
            i = text.find(form, i + 1)
    pos = 0
    for start in sorted(found):
        if start < pos or (start > 0 and word_char(text[start - 1])):
            continue
        form = min(found[start])[1]
        pos = start + len(form)
        yield start, pos, form


def left_bounded(text: str, form: str) -> Iterator[int]:
    """Every start of `form` in `text` (overlapping ones too) with no `[\\w-]` right before it: where
    `(?<![\\w-])form` can match, each a place `re.search` of `(?<![\\w-])form<rest>` tries."""
    i = text.find(form)
    while i >= 0:
        if i == 0 or not word_char(text[i - 1]):
            yield i
        i = text.find(form, i + 1)
