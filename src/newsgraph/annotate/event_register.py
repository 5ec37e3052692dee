"""The register of an event's sentence and page: political reportage, or web copy.

Why: a PLOVER verb on a news page about states and their officials ("Peru's army attacked ...", "the minister
urged ...") codes a political act most of the time; the same verb in product copy, a sports report, a manual or a
self-help blog ("we offer", "you can attack the problem", "signed a striker") almost never does. The event's own
evidence (annotate/event_features.py: the trigger's form and clause, its actors) cannot see that: the two kinds of
text hold the same syntax. Measured on the development sets (benchmarks/audit/NOTES.md), a model without it was
twice too sure on web pages and half as sure as it should be on political news. These features describe the text
around the event by closed-class grammar and by what the earlier components found (entity types, quotes, dates),
never by a word list of a development set, so they carry to pages nobody tuned on.

Features, each a share or a flag in [0, 1]:
- page_past: past-tense finite verbs among all finite verbs of the page (news narrates episodes in the past; copy,
  manuals and opinion speak in the present);
- page_you: sentences that address the reader (a second-person pronoun) among the page's sentences;
- page_country: mentions of countries (entities of type country, nationality adjectives) among all entity
  mentions and nationality adjectives of the page;
- page_quotes: quotes with a speaker per sentence of the page, at most 1 (reportage attributes what it reports);
- page_events: sentences holding an event with an entity as an actor, among the page's sentences (how much of the
  page reports acts between named actors: most of a political news report, little of a product page);
- sent_country: the event's sentence names a country (an entity of type country, or its nationality adjective);
- sent_dated: the event's sentence holds a resolved date ("on Wednesday": an episode anchored in time);
- sent_quote: the event's sentence is (or holds) a quote with a speaker ("..., an official said");
- sent_you: the event's sentence addresses the reader.
A page here is the text the pipeline was given: for a one-sentence input the page features are the sentence's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.demonyms import country_of
from newsgraph.records import Event

#: Penn tags of finite verbs: past, present third person, present other, modal.
_FINITE = ("VBD", "VBZ", "VBP", "MD")
#: Second-person pronouns: the reader addressed (closed class).
_YOU = frozenset({"you", "your", "yours", "yourself", "yourselves"})
#: A page with no finite verb or no entity mention takes these neutral values.
NEUTRAL_PAST = 0.5
FEATURES = ("page_past", "page_you", "page_country", "page_quotes", "page_events", "sent_country", "sent_dated", "sent_quote",
            "sent_you")


class Register:
    """The page features of one Doc, computed once; `features(ev)` adds those of an event's sentence."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        finite = [t for t in doc if t.tag_ in _FINITE]
        past = sum(t.tag_ == "VBD" for t in finite)
        ents = doc._.ng_entities or []
        mentions = [(m.start, e.type) for e in ents for m in e.mentions]
        demonyms = [t.idx for t in doc if t.ent_type_ == "NORP" and t.text[:1].isupper() and country_of(t.text)]
        self.country_at = [s for s, kind in mentions if kind == "country"] + demonyms
        quotes = [q for q in doc._.ng_quotes or [] if q.speaker or q.speaker_name]
        self.quote_spans = [(q.start, q.end) for q in quotes]
        self.date_at = [d.start for d in doc._.ng_dates or [] if d.value]
        acts = {(e.start, e.end) for e in doc._.ng_events or [] if e.source or e.target}
        self.page = {
            "page_past": past / len(finite) if finite else NEUTRAL_PAST,
            "page_you": sum(_addresses(s) for s in sents) / max(1, len(sents)),
            "page_country": len(self.country_at) / (len(mentions) + len(demonyms)) if mentions or demonyms else 0.0,
            "page_quotes": min(1.0, len(quotes) / max(1, len(sents))),
            "page_events": min(1.0, len(acts) / max(1, len(sents))),
        }

    def features(self, ev: Event) -> dict[str, float]:
        sent = self.doc.char_span(ev.start, ev.end, alignment_mode="expand")
        return {
            **self.page,
            "sent_country": float(any(ev.start <= i < ev.end for i in self.country_at)),
            "sent_dated": float(any(ev.start <= i < ev.end for i in self.date_at)),
            "sent_quote": float(any(s < ev.end and ev.start < e for s, e in self.quote_spans)),
            "sent_you": float(sent is not None and _addresses(sent)),
        }


def _addresses(span: Span) -> bool:
    """The span addresses the reader: it holds a second-person pronoun."""
    return any(t.lower_ in _YOU and t.tag_ in ("PRP", "PRP$") for t in span)


__all__ = ["FEATURES", "Register"]
