"""Which sentences get a parse, and paragraph boundaries."""

from __future__ import annotations

import spacy

from newsgraph.annotate.triggers import paragraph_boundaries, sentence_needs_parse, trigger_words


def test_trigger_words_come_from_the_lexicons():
    words = trigger_words()
    for w in ("say", "according", "meet", "urge", "condemn", "veto", "talks", "quote"):
        assert w in words


def test_sentence_needs_parse():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp('The weather was mild. Officials met in Oslo. "Fine," he said.')
    flags = [sentence_needs_parse(s) for s in doc.sents]
    assert flags == [False, True, True]


def test_paragraph_boundaries_start_sentences():
    nlp = spacy.blank("en")
    doc = paragraph_boundaries(nlp("A crosshead\n\nKhan met the envoy"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Khan" in starts
