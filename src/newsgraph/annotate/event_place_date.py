"""Place and date of an event for `newsgraph_events`: the trigger's sentence gives them, skipping relative clauses,
appositions and asides the trigger is not part of ("Rashid, who formed it in Oman, met ...").

Split out of event_roles.py (which finds who acts on whom) because place and date read the document's entities and
dates around the trigger's sentence, not the trigger's arguments in the parse; a definite nominal ("the meeting")
lends its sentence's place and date to the event it refers to. A mixin of `EventRoles`: it reads the finder's
locative word list.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.dates import date_in
from newsgraph.annotate.resolve import Actor, doc_text
from newsgraph.records import Event

PLACES = ("city", "place", "organisation", "country")


class EventPlaceDate:
    """Place and date of triggers (the locative word list is EventFinder's)."""

    locative: frozenset[str]

    def _location(self, doc: Doc, sent: Span, actors: list[Actor], trigger: Token | None = None) -> Actor | None:
        taken = {a.id for a in actors if a.id}
        best = None
        for e in doc._.ng_entities or []:
            if e.id in taken or e.type not in PLACES:
                continue
            for m in e.mentions:
                if sent.start_char <= m.start < sent.end_char and self._locative(doc, m.start) and not in_aside(doc, m.start, trigger):
                    rank = (PLACES.index(e.type), m.start)
                    if best is None or rank < best[0]:
                        best = (rank, Actor(e, e.name, m.start, m.end))
        return best[1] if best else None

    def _date(self, doc: Doc, sent: Span, trigger: Token):
        """The sentence's date (day resolution first), skipping dates inside clauses the trigger is not part of."""
        inside = [
            d
            for d in doc._.ng_dates or []
            if sent.start_char <= d.start and d.end <= sent.end_char and d.value and not in_aside(doc, d.start, trigger)
        ]
        return next((d for d in inside if d.resolution == "day"), inside[0] if inside else None)

    def _locative(self, doc: Doc, start: int) -> bool:
        """The place follows a locative preposition ("in", "at", "near", "sidelines of"), maybe past "the"."""
        before = doc_text(doc)[max(0, start - 40) : start].lower().split()
        while before and before[-1] in ("the", "a", "an"):
            before.pop()
        if not before:
            return False
        if before[-1] in self.locative:
            return True
        return len(before) > 1 and " ".join(before[-2:]) in self.locative

    def _lend(self, doc: Doc, sent: Span, type_: str, previous: list[Event]) -> None:
        """A definite nominal ("the meeting") gives its sentence's place and date to the event it refers to."""
        for ev in reversed(previous):
            if ev.type != type_:
                continue
            actors = [Actor(None, "", 0, 0)]
            actors = [a for a in actors if a.entity]
            if ev.location is None:
                loc = self._location(doc, sent, actors)
                ids = {ev.source, ev.target}
                if loc is not None and loc.id not in ids:
                    ev.location, ev.location_name = loc.id, loc.name
            if ev.date is None:
                d = date_in(doc, sent.start_char, sent.end_char)
                if d is not None:
                    ev.date = d.value
            # the same event may have been stated for several actor pairs: update them all
            for other in previous:
                if other is not ev and other.start == ev.start and other.type == ev.type:
                    other.location = other.location or ev.location
                    other.location_name = other.location_name or ev.location_name
                    other.date = other.date or ev.date
            return


def in_aside(doc: Doc, start: int, trigger: Token | None) -> bool:
    """The place sits in a relative clause the trigger is not part of ("Rashid, who formed it in Oman, met ...")."""
    if trigger is None:
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for anc in span[0].ancestors:
        if anc.dep_ in ("relcl", "acl", "appos", "parataxis") and not (anc.left_edge.i <= trigger.i <= anc.right_edge.i):
            return True
    return False
