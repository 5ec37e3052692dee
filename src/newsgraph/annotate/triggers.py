"""Which sentences can hold a quote or an event, so the dependency parse runs only on those.

Owned by the quotes/events work: the cue and trigger words come from the same data files the quote and event
components use, so a sentence is parsed exactly when one of them could use the parse.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Span

_QUOTE_CHARS = set('"\u201c\u201d\u00ab\u00bb')


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lower-cased word forms and lemmas that signal speech or an event (data/triggers.txt, one per line)."""
    text = resources.files("newsgraph.annotate").joinpath("data/triggers.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def sentence_needs_parse(sent: Span) -> bool:
    """True when the sentence has a quotation mark or a speech/event trigger word."""
    words = trigger_words()
    for tok in sent:
        if tok.text in _QUOTE_CHARS or tok.lower_ in words or tok.lemma_.lower() in words:
            return True
    return False
