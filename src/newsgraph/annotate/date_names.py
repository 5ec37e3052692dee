"""Date words that name something rather than date the text: a relative day inside a proper name ("Russia Today",
"USA Today"), and a day of a month without a year that names an event by its date ("Sept. 11 conspiracy theories",
"the Oct. 7 terrorists").

Read from the parse and the tags, never from a list of names: a relative day written capitalized in mid-sentence
right after a capitalized proper noun is a word of that name (the name's entity span is no help: the model tags
"Today" as a DATE even there); a day-month without a year that modifies a following plural noun as a compound or
nominal modifier (no preposition governs it) labels a class of things by an event's date. The second keeps its
value with a low confidence, since "the Nov. 8 elections" can be the coming day; the first is no date at all.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from newsgraph.annotate.date_expressions import nearest_year
from newsgraph.annotate.lexicon import mapping
from newsgraph.records import DateRef

#: the tags of a plural noun: the head a date names a kind of thing by ("theories", "terrorists", "attacks")
_PLURAL = ("NNS", "NNPS")
#: the dependency labels of a noun's modifier that is itself a noun ("Sept. 11 conspiracy theories")
_MODIFIER = ("compound", "nmod", "amod")


def _capitalized_word(doc: Doc, ref: DateRef, vocab: str, section: str) -> Token | None:
    """The one token of a date span that is a single capitalized word of the vocabulary's `section` (a relative day,
    a weekday), else None: the shape both name tests below start from."""
    word = ref.text.strip()
    if " " in word or word.lower() not in mapping(vocab, section) or not word[:1].isupper():
        return None
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) == 1 else None


def relative_day_in_name(doc: Doc, ref: DateRef, vocab: str) -> bool:
    """A one-word relative day capitalized in mid-sentence right after a capitalized proper noun ("Russia Today",
    "USA Today"), or between a capitalized word of any tag and a capitalized proper noun ("with Trending Today USA",
    a show whose first word the tagger reads as a verb): a word of a name, no date."""
    tok = _capitalized_word(doc, ref, vocab, "relative_day")
    if tok is None or tok.i == 0 or tok.is_sent_start:
        return False
    prev = doc[tok.i - 1]
    if prev.text[:1].isupper() and prev.whitespace_ == " " and tok.i + 1 < len(doc):
        nxt = doc[tok.i + 1]  # "with Trending Today USA": a title-case chain on both sides, whatever its tags
        if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and tok.whitespace_ == " ":
            return True
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.whitespace_ == " "


#: entity types of a name a weekday may open that are no name of a work or body ("Friday President Obama")
_NOT_NAME_ENTS = ("PERSON", "GPE", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL")


def weekday_in_name(doc: Doc, ref: DateRef, vocab: str) -> bool:
    """A bare weekday that opens the title-case name chain of a definite proper noun ("The Sunday Telegraph quoted",
    "the Monday Club", as "the Good Friday Agreement"): in the parse a compound of a capitalized proper noun after
    it, with only capitalized proper nouns between, and a determiner ("the") on that noun before the weekday. A
    newspaper, a body or a law named with a weekday is no date; the article alone makes a proper noun's chain a
    name, since "Friday President Obama" or "Monday Senate vote" have none."""
    tok = _capitalized_word(doc, ref, vocab, "weekday")
    if tok is None or not tok.dep_:
        return False
    head = tok.head
    if tok.dep_ != "compound" or head.i <= tok.i or head.pos_ != "PROPN" or head.ent_type_ in _NOT_NAME_ENTS:
        return False
    names = (*mapping(vocab, "weekday"), *mapping(vocab, "month"), *mapping(vocab, "day_part"))
    chain = doc[tok.i + 1 : head.i + 1]
    if any(t.pos_ != "PROPN" or not t.text[:1].isupper() or t.lower_ in names for t in chain):
        return False
    return any(c.dep_ == "det" and c.i < tok.i and c.lower_ in ("the", "le", "la", "les") for c in head.children)


def date_names_event(doc: Doc, ref: DateRef, vocab: str, anchor: dt.date | None = None,
                     others: list[DateRef] | None = None) -> bool:
    """A day-month without a year ("Sept. 11", "Oct. 7") that, in the parse, modifies a plural noun after it and is
    governed by no preposition: the name of an event by its date ("Sept. 11 conspiracy theories"), not a day the
    article speaks of. A singular head ("the Sept. 11 meeting") is a dated occasion and stays, and so does a day
    whose year the text fixed (not the year nearest the article date `anchor`, which is all the resolver guessed)
    or a day the article dates something else to (another expression of `others` with the same value: the news of
    the day, "Putin on Friday denounced a strike ... the May 22 operations")."""
    if ref.resolution != "day" or re.search(r"\b(?:1[5-9]|20)\d\d\b", ref.text) or not re.search(r"\d", ref.text):
        return False
    if any(o is not ref and o.value == ref.value for o in others or []):
        return False  # the article dates something else to that day ("on Friday" ... "the May 22 operations")
    if anchor is not None and ref.value and len(ref.value) == 10:
        month, day = int(ref.value[5:7]), int(ref.value[8:10])
        if nearest_year(anchor, month, day) != int(ref.value[:4]):
            return False  # the text fixed its year (a neighbour, "since Oct. 7" read as past): the event's own day
    months = mapping(vocab, "month")
    if not any(w.lower().rstrip(".") in months for w in ref.text.split()):
        return False  # a weekday ("Friday prayers" on a Friday is that day) or a relative day
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not span.root.dep_:
        return False
    root = span.root
    head = root.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    if root.dep_ not in _MODIFIER or head.i <= span.end - 1 or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "case" or c.pos_ == "ADP" for c in root.children):
        return False
    return head.tag_ in _PLURAL
