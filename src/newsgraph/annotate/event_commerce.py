"""Acts whose actor is a company and whose type a firm only ever has in business: commerce, no PLOVER event.

Why (stop 38, from the judged events of every held-out draw, s21..s42): PLOVER codes interactions of political
actors; the conventions read "commerce ... wrong types whatever the verb". On wire copy a firm "granted a licence",
"provided research funds", "suspended staff", "severed its ties with" a partner, "withdrew from the market", "is
negotiating with" a supplier or "launched a takeover bid": every judged event of these types whose source was a
company named with its legal form was wrong (22 of 22), and so was every one with a company as the target of aid,
talks, cooperation or a retreat (8 of 8), while accusations (lawsuits), agreements, refusals, requests to a regulator
and coercion of a firm by an authority were right as often as not and stay. What the act is comes from who does it:
a company, by its registered name (data/org_kinds.tsv `legal_form`, `company_head`: "Harbour Motor Corp", "X
Bancorp"), never from the page's words. Which types count for which role is data (data/plover.tsv [commerce]).
"""

from __future__ import annotations

from newsgraph.annotate.org_short_forms import company_word
from newsgraph.records import Event


def company_name(name: str | None) -> bool:
    """A company's registered name: two words or more, the last a legal form or a company's head noun ("Harbour
    Motor Corp", "Kestrel Laboratories"; org_short_forms.company_word); a short form ("Harbour") is left alone (it
    may name a person or a place)."""
    words = (name or "").replace(",", " ").split()
    return len(words) >= 2 and company_word(words[-1])


def commerce(ev: Event, roles: dict[str, frozenset[str]]) -> bool:
    """The event's type is one a company has only in business in the role a company holds in it (`roles`: type ->
    {"source", "target"}, data/plover.tsv [commerce])."""
    held = roles.get(ev.type, frozenset())
    return ("source" in held and company_name(ev.source_name)) or ("target" in held and company_name(ev.target_name))
