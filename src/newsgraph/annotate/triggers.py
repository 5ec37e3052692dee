"""Which sentences can hold a quote or an event, so the dependency parse runs only on those.

Owned by the quotes/events work: the cue and trigger words come from the same data files the quote and event
components use (data/cues.tsv, data/plover.tsv), plus data/triggers.txt for extra words, so a sentence is parsed
exactly when one of them could use the parse.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.annotate.lexicon import sections

_QUOTE_CHARS = set('"\u201c\u201d\u00ab\u00bb')


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verb lemmas, noun forms, other words) that signal speech or an event."""
    text = resources.files("newsgraph.annotate").joinpath("data/triggers.txt").read_text(encoding="utf-8")
    other = {w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    cues = sections("cues.tsv")
    verbs = {row[0].lower() for sec in ("verb", "quoting", "indirect", "object") for row in cues.get(sec, [])}
    other |= {row[0].split()[0].lower() for row in cues.get("according", [])}
    plover = sections("plover.tsv")
    verbs |= {row[0].lower() for row in plover.get("verb", [])}
    nouns = {row[0].split()[-1].lower() for row in plover.get("noun", [])}
    return frozenset(verbs), frozenset(nouns), frozenset(other)


def trigger_words() -> frozenset[str]:
    """Every lower-cased word form or lemma that can signal speech or an event."""
    verbs, nouns, other = _lexicons()
    return verbs | nouns | other


def sentence_needs_parse(sent: Span) -> bool:
    """True when the sentence has a quotation mark or a speech/event trigger.

    With part-of-speech tags (the tagger runs before the parse) a verb trigger must be a verb and a noun trigger a
    noun, as the quote and event components require: "back" as an adverb or "fire" as a noun parse for nothing.
    """
    verbs, nouns, other = _lexicons()
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


@Language.component("newsgraph_paragraphs")
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
