"""A firm's name cut at its conjunction is one firm, whole (stop 40, helper e21).

Why: a registered name may join proper nouns with "und", "and" or "&" ("Kupfer und Bergbau AG", "Hallam Greer and
Whitcombe Inc"); the recogniser splits it at the conjunction, and the events then name a fragment as the actor (the
tail "Bergbau AG", or the head "Hallam Greer" and the tail "Whitcombe Inc" as two parties). The judging conventions
count a fragment of a name as a wrong actor. A run of capitalised words, a conjunction, and capitalised words whose
last is a company's legal form (org_kinds.tsv `legal_form`: "Inc", "AG", "Corp") is one firm when:

- the words before the conjunction carry no legal form of their own ("Ford Motor Co and General Motors Corp" are
  two firms), and
- they are not named alone elsewhere in the text ("Ford and General Motors Corp", with Ford named again, are two);

then every actor inside the name (or coded by an entity mentioned inside it under the same name) is replaced by the
whole name (the entity of the part with the legal form keeps
its id, so the event stays linked to the firm the text registers).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.org_short_forms import legal_form
from newsgraph.annotate.resolve import Actor

#: the conjunctions a registered name joins its partners' names with
JOINERS = frozenset({"und", "and", "&", "et"})
#: the most words a partner's name before the conjunction may have ("Hallam Greer", "Zentral Kupfer")
PART_MAX = 4
#: the kinds of named thing that are no partner of a firm's name ("Britain and Harbour Motors Ltd")
NOT_PARTNERS = frozenset({"GPE", "NORP", "LOC", "DATE", "MONEY", "CARDINAL", "PERCENT"})


def _word(t: Token) -> bool:
    """A capitalised word of a name ("Kupfer", "Greer"), not a sentence's first common word."""
    return t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ") and t.ent_type_ not in NOT_PARTNERS


def _whole(doc: Doc, joiner: Token) -> tuple[int, int] | None:
    """The token span [i, j) of the firm name joined at `joiner`, if it is one firm."""
    if joiner.lower_ not in JOINERS or joiner.i == 0:
        return None
    j = joiner.i + 1
    while j < len(doc) and _word(doc[j]) and not legal_form(doc[j].text):
        j += 1
    if j == joiner.i + 1 or j >= len(doc) or not legal_form(doc[j].text) or not doc[j].text[:1].isupper():
        return None
    i = joiner.i
    while i > 0 and joiner.i - i < PART_MAX and _word(doc[i - 1]) and not doc[i - 1].is_sent_start:
        if legal_form(doc[i - 1].text):
            return None  # "Ford Motor Co and General Motors Corp": the head has a legal form of its own
        i -= 1
    if i > 0 and doc[i - 1].is_sent_start and _word(doc[i - 1]) and joiner.i - i < PART_MAX:
        i -= 1  # the name opens the sentence
    if i == joiner.i or (i > 0 and legal_form(doc[i - 1].text)):
        return None
    head = doc[i:joiner.i]
    start, end = doc[i].idx, doc[j].idx + len(doc[j].text)
    # the head named again with the same partner ("Kupfer und Bergbau" without its legal form) is the same name
    partner = re.escape(joiner.text) + r"\s+" + re.escape(doc[joiner.i + 1].text)
    alone = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(head.text) + r"(?!\w)(?!\s+" + partner + ")", doc.text)]
    if any(not start <= s < end for s in alone):
        return None  # "Ford and General Motors Corp" where Ford is named on its own: two firms
    return i, j + 1


def firm_spans(doc: Doc) -> list[tuple[int, int]]:
    """The char spans of the firms named by partners joined in one name in `doc` (cached on the doc)."""
    cached = doc.user_data.get("ng_firm_spans")
    if cached is None:
        cached = []
        for t in doc:
            whole = _whole(doc, t) if t.lower_ in JOINERS else None
            if whole is not None:
                cached.append((doc[whole[0]].idx, doc[whole[1] - 1].idx + len(doc[whole[1] - 1].text)))
        doc.user_data["ng_firm_spans"] = cached
    return cached


def whole_firms(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """`actors` with each one inside a joined firm's name replaced by the whole name (once)."""
    spans = firm_spans(doc)
    if not spans:
        return actors
    out: list[Actor] = []
    done: set[tuple[int, int]] = set()
    for a in actors:
        span = next(((s, e) for s, e in spans if s <= a.start < e and a.end <= e), None)
        here = span is not None
        if span is None and a.entity is not None:
            # an actor read through another phrase ("its subsidiary, X und Y AG,"): its entity's mention in the name
            span = next(((s, e) for s, e in spans for m in a.entity.mentions
                         if s <= m.start and m.end <= e and doc.text[m.start:m.end] == a.name), None)
        if span is None:
            out.append(a)
            continue
        if span in done:
            continue
        done.add(span)
        s, e = span
        tail = find_entity(doc, e - 1, e) or a.entity
        # read through another phrase, the actor keeps its place in the clause (the name is elsewhere)
        out.append(Actor(tail, doc.text[s:e], s if here else a.start, e if here else a.end, a.how))
    return out
