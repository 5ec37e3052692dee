"""Which sentences can hold a quote or an event, so the dependency parse runs only on those.

The trigger words come from the components that need the parse: each offers `parse_triggers()` (verbs, nouns,
other words) derived from its own lexicon, and `newsgraph_parse` asks the components of its pipeline
(`pipeline_triggers`). So a section added to a component's lexicon, or a user's own lexicon, triggers a parse with
no second list to keep in step. data/triggers.txt adds words no component lists.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

_QUOTE_CHARS = set('"\u201c\u201d\u00ab\u00bb')


class ParseTriggers(NamedTuple):
    """Words that make a sentence worth parsing: verb lemmas/forms, noun forms, and words of any part of speech."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    other: frozenset[str]


def merge(*parts: ParseTriggers) -> ParseTriggers:
    return ParseTriggers(*(frozenset().union(*(p[i] for p in parts)) for i in range(3)))


@lru_cache(maxsize=1)
def extra_triggers() -> ParseTriggers:
    """data/triggers.txt: words that signal speech or an event though no component's lexicon lists them."""
    text = resources.files("newsgraph.annotate").joinpath("data/triggers.txt").read_text(encoding="utf-8")
    other = frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))
    return ParseTriggers(frozenset(), frozenset(), other)


def pipeline_triggers(nlp: Language) -> ParseTriggers:
    """The triggers of every enabled component of `nlp` that offers `parse_triggers()`, plus the extra words."""
    return merge(extra_triggers(), *(p.parse_triggers() for _, p in nlp.pipeline if hasattr(p, "parse_triggers")))


@lru_cache(maxsize=1)
def default_triggers() -> ParseTriggers:
    """The triggers of newsgraph's own quote and event components with their shipped lexicons."""
    from newsgraph.annotate.events import EventFinder
    from newsgraph.annotate.quotes import QuoteFinder

    return merge(extra_triggers(), QuoteFinder().parse_triggers(), EventFinder().parse_triggers())


def trigger_words(triggers: ParseTriggers | None = None) -> frozenset[str]:
    """Every lower-cased word form or lemma that can signal speech or an event."""
    verbs, nouns, other = triggers or default_triggers()
    return verbs | nouns | other


def sentence_needs_parse(sent: Span, triggers: ParseTriggers | None = None) -> bool:
    """True when the sentence has a quotation mark or a speech/event trigger.

    With part-of-speech tags (the tagger runs before the parse) a verb trigger must be a verb and a noun trigger a
    noun, as the quote and event components require: "back" as an adverb or "fire" as a noun parse for nothing.
    """
    verbs, nouns, other = triggers or default_triggers()
    for tok in sent:
        if tok.text in _QUOTE_CHARS:
            return True
        low, lemma, pos = tok.lower_, tok.lemma_.lower(), tok.pos_
        if low in other or lemma in other:
            return True
        if not pos:
            if low in verbs or lemma in verbs or low in nouns:
                return True
        elif (pos in ("VERB", "AUX") and (lemma in verbs or low in verbs)) or (pos in ("NOUN", "PROPN") and low in nouns):
            return True
    return False


@Language.component("newsgraph_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a line break: the token after one starts a sentence.

    Why: the senter (and the parser) often join a paragraph's last sentence with the next paragraph, or a crosshead
    with the paragraph below it, and a parse across them attaches subjects and objects to the wrong sentence.
    Runs after `senter` and before `newsgraph_parse` (or the parser), which then see these boundaries.
    """
    starts = [tok.i + 1 for tok in doc[:-1] if tok.is_space and "\n" in tok.text]
    if not starts:
        return doc
    # One array write, not `token.is_sent_start = True` per paragraph: that setter scans the whole Doc each
    # time (Doc.has_annotation), so 30,000 paragraphs cost 30,000 scans (quadratic; a minute on one page).
    arr = doc.to_array([SENT_START])
    arr[starts] = 1
    doc.from_array([SENT_START], arr)
    return doc


def add_paragraph_boundaries(nlp: Language) -> Language:
    """Insert `newsgraph_paragraphs` before the parse in a pipeline that lacks it."""
    if "newsgraph_paragraphs" in nlp.pipe_names:
        return nlp
    for name in ("newsgraph_parse", "parser"):
        if name in nlp.pipe_names and nlp.get_pipe(name) is not None:
            nlp.add_pipe("newsgraph_paragraphs", before=name)
            return nlp
    return nlp
