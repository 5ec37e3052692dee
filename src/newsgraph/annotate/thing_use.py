"""How the text uses a name as a thing rather than a person or a place, and what that takes from its type.

A name that only the model calls a person, or that is a small place only in the gazetteer, loses that reading
when the text uses it as a thing (`thing_use`: an acronym among lower-case prose, a verb form, the object of "via",
"download", a modifier of "app", "account", a model number, "X, which", a determiner, a member of a list of things;
data/thing_cues.tsv), and is dropped when nothing else types it (`untype_things`, stage 2 of `newsgraph_entities`).
name_gates.gate_thing_names reads the recorded use again per name, across the article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.annotate.entity_evidence_config import DEFAULT_WINDOWS, EvidenceWeights, EvidenceWindows
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.name_text import looks_like_acronym
from newsgraph.annotate.name_usage import determined, list_head
from newsgraph.annotate.names import NamesLexicon

_PREV_TOKEN = re.compile(r"([A-Za-z]+)\W{0,2}\s+$")
_NEXT_TOKEN = re.compile(r"^\s+([a-z]+)\b")


def _common_word(doc: Doc, m: NameMention) -> bool:
    """A one-word name the tagger reads as a verb form or gerund ("Sharing is caring!"), not as a name."""
    if " " in m.text.strip():
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.pos_ == "PROPN":
        return False
    # a verb form or a gerund ("Sharing": NN ending in -ing); other nouns are left alone, since the tagger often
    # calls rare surnames NN
    return tok.tag_.startswith("VB") or (tok.tag_ == "NN" and tok.lower_.endswith("ing") and len(tok) > 5)


def _lower_around(text: str, m: NameMention, win: EvidenceWindows) -> bool:
    """Lower-case words around the name: its capitals set it apart (an acronym), rather than an all-caps headline
    or dateline ("LEICESTER 1 CHELSEA 0") written in capitals throughout."""
    around = text[max(0, m.start - win.acronym_context) : m.start] + " " + text[m.end : m.end + win.acronym_context]
    return len(re.findall(r"\b[a-z]{3,}\b", around)) >= win.acronym_prose_words


def thing_use(doc: Doc, text: str, m: NameMention, before: str, names: NamesLexicon,
              win: EvidenceWindows = DEFAULT_WINDOWS) -> str | None:
    """How the text uses a name as a thing rather than a person or a place, or None: an all-caps acronym, a verb
    form (tagger), the object of a tool/medium preposition or verb ("via X", "download X"), or a modifier of a thing
    noun ("X app"). Kinds of use, not names. (A capitalised menu line was tried and left out: on GUM it mostly
    caught people named in headings.)"""
    line_start = not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip()  # datelines, headings: "LONDON 1996-08-30"
    if looks_like_acronym(m.text) and m.text.replace(".", "").isupper() and _lower_around(text, m, win) and not line_start:
        return "acronym"
    if _common_word(doc, m):
        return "common-word"
    before_words, after_words = names.thing_before, names.thing_after
    pm = _PREV_TOKEN.search(before[-win.thing_before :])
    if pm and pm.group(1).lower() in before_words:
        return "object-of-" + pm.group(1).lower()
    nm = _NEXT_TOKEN.match(text[m.end : m.end + win.thing_after])
    if nm and nm.group(1) in after_words:
        return "thing-head"
    if any(c.isdigit() for c in m.text):
        return "digits"  # "RTX 3080", "ggplot2": a model number or a version, never in a person's name
    if _WHICH_AFTER.match(text[m.end : m.end + win.which_after]):
        return "which"  # "X, which combines ...": a relative pronoun for things and bodies, not people
    if determined(doc, m.start, m.end, names.thing_adjectives, names.thing_determiners):
        return "determiner"  # "the Louvre", "the new X", "some X": people's names take no determiner
    if list_head(text, m.start, m.end) in names.thing_classes:
        return "list"  # "apps such as X and Y", "X and other films": a member of a list of things
    return None


_WHICH_AFTER = re.compile(r"^\s*,?\s+which\b")



def untype_things(doc: Doc, text: str, m: NameMention, places: list, before: str, names: NamesLexicon,
                  w: EvidenceWeights, win: EvidenceWindows) -> None:
    """A name only the model calls a person, which the text uses as a thing, loses the model's person point; a
    name that is a place only in the gazetteer (a town or district reading, no place cue, no preposition of place)
    and is an acronym or the modifier of a thing noun loses its place points ("IPO", "UN"). With no other evidence
    left the mention is dropped: it is neither a person, an organisation nor a place we can show."""
    ev = m.ev
    use = thing_use(doc, text, m, before, names, win)
    if m.label == "person" and not ev["person_cue"] and ev["person"] <= w.model_label + w.speech_verb and use:
        ev["person"] = 0
        ev["thing"] += 1
    if use:
        ev["thing_use"] += 1  # read per name by name_gates.gate_thing_names
    top = places[0] if places else None
    if (
        top is not None
        and top.kind not in ("country", "admin1", "continent")
        and not ev["feature"]
        and not ev["country"]
        and "." not in m.text  # "D.C.", "L.A." spell a place out
        and not names.placed_by(before[-win.locative :])
        and not _PLACE_AFTER.match(text[m.end : m.end + win.place_after])
        and use in ("acronym", "thing-head")
    ):
        ev["place"] = 0
        ev["thing"] += 1
    if ev["thing"] and ev["organisation"] <= 0 and ev["person"] <= 0 and ev["place"] <= 0:
        ev["drop"] += 1


#: ", State" / "-based" after a name treats it as a place (as entity_features reads it; the words before it are the
#: names lexicon's, names.place_use_re)
_PLACE_AFTER = re.compile(r"^(?:,\s+[A-Z][a-z]+|-based\b)")
