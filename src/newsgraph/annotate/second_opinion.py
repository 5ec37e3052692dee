"""A second opinion for names the statistical model never labels: proper-noun runs, kept only with typed evidence.

Why: the small NER model misses names it has not seen in training often enough (a neighbourhood, an island, a
web site, a rarely named person), however often the article repeats them; each such miss is an entity the article
is about and no later stage can recover, since every stage starts from a mention. The tagger still tags such words
as proper nouns. A run of them that no mention covers becomes a candidate (label "second"), which carries no weight
of its own: `add_evidence` reads the same typed cues as for the model's spans, and `typed_enough` keeps the
candidate only when they say what it is (a title, an apposition role, a given name or a person pronoun for a
person; an organisation's head or suffix for a body; a description as a kind of place, a feature noun, or a
gazetteer place the text uses as a place, "in X", for a place). With no such evidence a capitalised word stays no
name: a heading word, a month, a brand in passing. The features (`model_named` = 0) tell the topic and entity
models these mentions apart from the model's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.resolve import doc_text

#: the fine-grained tags of proper nouns (Penn tag set: English models)
_PROPER = frozenset({"NNP", "NNPS"})
LABEL = "second"
#: a token that joins the words before and after it into one name when no space separates them
_JOINERS = frozenset({"-", "\u2010", "\u2011", "\u2013", "/", "&", "'", "\u2019"})


def proper_runs(doc: Doc, free: Callable[[int, int], bool], names: NamesLexicon) -> Iterator[tuple[int, int]]:
    """(start, end) of each maximal run of capitalised proper nouns that no mention covers.

    A run at a sentence's start counts only when the same words stand elsewhere inside a sentence (a capital that
    is the sentence's own says nothing); a lone word of three letters or fewer, a run of title words ("Mr.
    Chairman"), a listed non-name or words the model labels as anything else (a date's "March", a work's title)
    is no candidate."""
    runs: list[tuple[int, int, bool]] = []
    text = doc_text(doc)  # built once per Doc: Doc.text joins every token on each call
    proper = {doc.vocab.strings.add(t) for t in _PROPER}
    tags = doc.to_array("TAG").tolist()
    n = len(doc)
    cap = [tags[k] in proper and doc[k].text[:1].isupper() and doc[k].text[:1].isalpha() for k in range(n)]
    i = 0
    while i < n:
        if cap[i]:
            j = i
            while j + 1 < n and cap[j + 1] and doc[j].whitespace_ == " ":
                j += 1
            s, e = doc[i].idx, doc[j].idx + len(doc[j].text)
            glued = (i > 0 and doc[i - 1].whitespace_ == "" and doc[i - 1].text in _JOINERS) or (
                j + 1 < n and doc[j].whitespace_ == "" and doc[j + 1].text in _JOINERS)
            if not glued:  # "Vellmora-Quillan": a part of a hyphenated name is no name of its own
                runs.append((s, e, bool(doc[i].is_sent_start)))
            i = j + 1
        else:
            i += 1
    labelled = bytearray(len(text) + 1)  # what the model labels as anything (a date, a work, an event)
    for ent in doc.ents:
        labelled[ent.start_char : ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    runs = [r for r in runs if labelled.find(1, r[0], r[1]) < 0]
    inside = {text[s:e] for s, e, first in runs if not first}
    for s, e, first in runs:
        name = text[s:e]
        low = name.lower()
        if first and name not in inside:
            continue
        if (" " not in name and len(name) <= 3) or low in names.not_names or low in names.titles \
                or all(w.strip(".") in names.title_words or w in names.title_words for w in low.split()) \
                or not free(s, e):
            continue
        yield s, e


def typed_enough(m, text: str, names: NamesLexicon, gaz, org_points: float) -> bool:
    """A second-opinion mention (`m`, after add_evidence) that its evidence types: see the module's docstring."""
    ev = m.ev
    if ev["person_cue"] > 0:
        return True
    if ev["organisation"] >= org_points:
        return True
    if ev["feature"] > 0:
        return True
    # a use as a place ("in X") types only a name the gazetteer holds: "in Honour of", "in Hall 4" are none
    return bool(gaz.lookup(m.text)) and (ev["place_use"] > 0 or names.placed_by(text[max(0, m.start - 30) : m.start]))
