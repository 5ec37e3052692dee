"""The class of a quote's cue from its words (quote_evidence.tsv [cue]: speech, cognition, other), for both the
quote evidence component (from the Doc, with the cue's lemma) and the quotes' transfer model (from a record, words
only): one lookup, so the two read a cue the same way.
"""

from __future__ import annotations

from collections.abc import Mapping


def base_forms(word: str) -> list[str]:
    """Possible base forms of an inflected cue ("criticized" -> "criticiz", "criticize"; "says" -> "say")."""
    out = []
    for suffix, repls in (("ies", ("y",)), ("ied", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")), ("es", ("", "e")), ("s", ("",)), ("d", ("",))):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            out += [stem + r for r in repls]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "submitted" -> "submit"
    return out


def cue_class_in(table: Mapping[str, str], cue: str | None, lemma: str | None = None) -> str:
    """The class `table` gives the cue's first word (or `lemma`, or a base form of the word); "according" for
    "according to"; "" when none."""
    if not cue:
        return ""
    if cue.lower().startswith("according"):
        return "according"
    first = cue.split()[0].lower()
    for form in (first, lemma, *base_forms(first)):
        if form and form in table:
            return table[form]
    return ""
