"""Where a landmark's name begins and ends when the small model tags only part of it (mention_growth.py): a Persian
ezafe glued before the span ("Bagh-e [Dolat Garden]"), and capitalised words closing on a place's head noun after a
person's or a town's name ("[Marta Lind] Square"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import load_pipeline
from newsgraph.annotate.mention_growth import compound, place_named_after
from newsgraph.annotate.names import shipped_names


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(("text", "span", "whole"), [
    ("We walked across Bagh-e Dolat Garden at noon.", "Dolat Garden", "Bagh-e Dolat Garden"),
    ("The tiles of Masjed-ye Kohan are blue.", "Kohan", "Masjed-ye Kohan"),
])
def test_an_ezafe_before_a_name_joins_it(text, span, whole):
    s = text.index(span)
    a, b = compound(text, s, s + len(span))
    assert text[a:b] == whole


@pytest.mark.parametrize(("text", "span"), [
    ("The anti-e Dolat rally", "Dolat"),  # lower-case word before the hyphen: no name
    ("Saw-Toothed Kohan hills", "Kohan"),  # a hyphenated word, no particle
    ("He met Dolat-e and Kohan.", "Kohan"),  # a word between: no ezafe right before the name
])
def test_no_ezafe_no_growth(text, span):
    s = text.index(span)
    assert compound(text, s, s + len(span)) == (s, s + len(span))


def _tagged(nlp, text: str, *names: tuple[str, str]):
    """The text as a Doc whose model entities are `names` ((words, label)): what the small model tags varies, so
    each test fixes the cut it is about."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    spans = []
    for words, label in names:
        i = text.index(words)
        span = doc.char_span(i, i + len(words))
        spans.append(Span(doc, span.start, span.end, label=label))
    doc.ents = spans
    return doc


def _toks(doc, words: str) -> list:
    i = doc.text.index(words)
    return list(doc.char_span(i, i + len(words)))


def test_a_name_closing_on_a_place_head_is_the_landmark(nlp):
    heads = shipped_names().place_heads
    doc = _tagged(nlp, "Tourists gather in Marta Lind Square every evening.", ("Marta Lind", "PERSON"))
    grown = place_named_after(_toks(doc, "Marta Lind"), heads)
    assert " ".join(t.text for t in grown) == "Marta Lind Square"
    doc = _tagged(nlp, "The ferry leaves Tollby Harbour Islands at dawn.", ("Tollby", "GPE"))
    grown = place_named_after(_toks(doc, "Tollby"), heads)
    assert " ".join(t.text for t in grown) == "Tollby Harbour Islands"


def test_no_place_head_leaves_the_span(nlp):
    heads = shipped_names().place_heads
    for text, words in [("Marta Lind Foundation gave money to the school.", "Marta Lind"),
                        ("Marta Lind met Jonas Berg in the square.", "Marta Lind")]:
        doc = _tagged(nlp, text, (words, "PERSON"))
        toks = _toks(doc, words)
        assert place_named_after(toks, heads) is toks


def test_a_name_the_model_tagged_after_a_town_is_left_alone(nlp):
    heads = shipped_names().place_heads
    doc = _tagged(nlp, "A US Delta Force operation removed him on Saturday.", ("US", "GPE"), ("Delta Force", "ORG"))
    us = _toks(doc, "US")
    assert place_named_after(us, heads) is us
