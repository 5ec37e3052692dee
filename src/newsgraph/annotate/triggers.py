"""Which sentences can hold a quote or an event, so the dependency parse runs only on those.

Owned by the quotes/events work: the cue and trigger words come from the same data files the quote and event
components use (data/cues.tsv, data/plover.tsv), plus data/triggers.txt for extra words, so a sentence is parsed
exactly when one of them could use the parse.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Span

from newsgraph.annotate.lexicon import sections

_QUOTE_CHARS = set('"\u201c\u201d\u00ab\u00bb')


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lower-cased word forms and lemmas that signal speech or an event."""
    text = resources.files("newsgraph.annotate").joinpath("data/triggers.txt").read_text(encoding="utf-8")
    out = {w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    cues = sections("cues.tsv")
    for sec in ("verb", "quoting"):
        out |= {row[0].lower() for row in cues.get(sec, [])}
    out |= {row[0].split()[0].lower() for row in cues.get("according", [])}
    plover = sections("plover.tsv")
    for sec in ("verb", "noun"):
        out |= {row[0].split()[-1].lower() for row in plover.get(sec, [])}
    return frozenset(out)


def sentence_needs_parse(sent: Span) -> bool:
    """True when the sentence has a quotation mark or a speech/event trigger word."""
    words = trigger_words()
    for tok in sent:
        if tok.text in _QUOTE_CHARS or tok.lower_ in words or tok.lemma_.lower() in words:
            return True
    return False
