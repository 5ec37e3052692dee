"""Which full personal name a short form stands for when the article names more than one that it could.

A feature on one congressman that names a senator of the same surname once near its end, or a story that names a
husband once and his wife throughout, writes the bare surname for one of them at a time. Stage 3 of
`newsgraph_entities` (entity_linking.py) gives the surname to the full name the headline gives, else to the one
full name that opens with a given name of the lexicon; where several do (or none), the surname was one ambiguous
item of its own, a fragment beside both full names. By the conventions of news writing the bare surname refers to
the article's subject (written in full clearly more often than the other) and to the person of that surname named
most recently before it: where the two readings agree, the mention goes to that owner; where they do not, it stays
apart as before. A given name alone ("Hillary", in a quote) is the person's too when exactly one full
personal name of the page opens with it. A full-name mention is never moved: only short forms are assigned.
"""

from __future__ import annotations

from bisect import bisect_left

from newsgraph.annotate.gender import given_name_gender, title_gender

#: how many times more often one owner of a surname must be written in full than every other to be the article's
#: subject, which a bare use goes to when the subject is also the owner named nearest before it
DOMINANT_RATIO = 2


def surname_owner(owners: set[str], at: int, full_at: dict[str, list[int]], text: str = "") -> str | None:
    """The owner a bare surname at character `at` stands for, or None (it stays apart, as before): the article's
    subject - one owner written in full at least DOMINANT_RATIO times as often as any other (a feature's
    congressman beside a senator named once) - when it is also the owner named nearest before it (or first after
    it). Either reading alone moved one gold person of GUM's check part to another's item (the subject's surname
    used for a relative right after the relative's full name; the nearest name where the text meant the subject):
    both must agree. The subject is also the owner written in full first (a funeral story names the fallen
    corporal once in its lede, then his brother twice, and writes the surname for the corporal: stop 32, s22).
    An honorific before the surname ("Mrs. X") leaves out the owners whose given name is of the other gender, and
    when one owner is left it is the one."""
    said = title_gender(text, at) if text else None
    if said is not None:
        agree = {o for o in owners if given_name_gender(o) in (said, None)}
        owners = agree or owners
        if len(owners) == 1:
            return next(iter(owners))
    counts = sorted(((len(full_at.get(o, ())), o) for o in owners), reverse=True)
    if len(counts) < 2 or counts[0][0] < DOMINANT_RATIO * max(counts[1][0], 1):
        return None
    subject = counts[0][1]
    if first_named(owners, full_at) != subject:
        return None  # the lede names another in full first: that one is the subject (s22, stop 32)
    return subject if nearest_owner(owners, at, full_at) == subject else None


def owner_gender(owner: str, full_at: dict[str, list[int]], text: str) -> str | None:
    """ "f" or "m" for a full personal name: its given name's gender (gender.given_name_gender), else the one gender
    of the honorifics and role nouns right before its full-name mentions ("the first lady, Michelle Obama",
    "Mrs. Jean Smith"); None without evidence or with evidence of both."""
    g = given_name_gender(owner)
    if g is not None or not text:
        return g
    said = {title_gender(text, at) for at in full_at.get(owner, ())} - {None}
    return said.pop() if len(said) == 1 else None


def namesake_genders(owners: set[str], bare_at: list[int], full_at: dict[str, list[int]], text: str) -> set[str]:
    """The genders of people the article writes only by the surname: an honorific or a gendered role noun before a
    bare use ("Mr. Obama") that no owner's known gender agrees with (the one full name is "Michelle Obama"). Such a
    use is another person of the surname, never named in full; an owner of unknown gender contradicts nothing."""
    if not text:
        return set()
    known = {owner_gender(o, full_at, text) for o in owners}
    if None in known:
        return set()
    return {g for at in bare_at if (g := title_gender(text, at)) is not None and g not in known}


def gender_owners(owners: set[str], at: int, others: set[str], full_at: dict[str, list[int]],
                  text: str, bare_at: list[int] = ()) -> set[str]:
    """The owners a bare surname at character `at` may join, judged by gender alone (an empty set: the use is a
    person of its own, the surname's). An honorific or a gendered role noun before it ("Mr. Obama") leaves out the
    owners of the other gender: none may be left, when the article names in full only a namesake (the first lady,
    Michelle Obama) of the man it writes "Mr. Obama" throughout. Without such a word, where the article shows a
    namesake written only by the surname (`others`), the use stays with the owners only when they are the article's
    subject, written (in full, or by the surname after a word of their gender) at least DOMINANT_RATIO times as often
    as the namesake after a word of his ("Clinton" throughout for Hillary Clinton, one "Mr. Clinton"); otherwise
    nothing in the use decides between him and the full name: it joins neither, and stays with the surname's own
    uses (the president, "Mr. Obama" thirteen times, beside the first lady named once)."""
    said = title_gender(text, at) if text else None
    if said is None:
        if not others:
            return owners
        genders = [title_gender(text, b) for b in bare_at]
        theirs = sum(g in others for g in genders)
        ours = sum(len(full_at.get(o, ())) for o in owners) + sum(g is not None and g not in others for g in genders)
        return owners if ours >= DOMINANT_RATIO * theirs else set()
    return {o for o in owners if owner_gender(o, full_at, text) in (said, None)}


def first_named(owners: set[str], full_at: dict[str, list[int]]) -> str | None:
    """The owner whose full name the article writes first (the lede's person), None when no owner's is known."""
    first = [(min(full_at[o]), o) for o in owners if full_at.get(o)]
    return min(first)[1] if first else None


def nearest_owner(owners: set[str], at: int, full_at: dict[str, list[int]]) -> str | None:
    """The owner whose full name was written last before character `at`, or, when none was before it, the one
    written first after it; None when no owner's full-name mention is known."""
    best, best_at = None, -1
    for o in sorted(owners):
        starts = sorted(full_at.get(o, ()))
        k = bisect_left(starts, at)
        if k and starts[k - 1] > best_at:
            best, best_at = o, starts[k - 1]
    if best is not None:
        return best
    after = [(min(s for s in full_at.get(o, ()) if s > at), o) for o in owners
             if any(s > at for s in full_at.get(o, ()))]
    return min(after)[1] if after else None


def given_name_owner(name: str, full_names: set[str], given_names: frozenset[str]) -> str | None:
    """The one full personal name of the article that opens with the given name `name` ("Hillary" ->
    "Hillary Clinton"); None when `name` is no given name of the lexicon, or no or several full names open with it
    ("Tim" beside "Tim Kaine" and "Tim Scott" stays apart)."""
    if name not in given_names:
        return None
    owners = {f for f in full_names if f.split()[0] == name}
    return next(iter(owners)) if len(owners) == 1 else None
