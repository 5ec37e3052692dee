"""The person a role description stands for ("the minister", "the Democratic presidential nominee"): the one
introduced with that role before the description.

Kept apart from resolve.py (which calls it for speakers and actors) because it reads the text around names rather than
the parse: a role word beside a mention, or an entity's recorded roles, and the capitalised modifiers that tell two
holders of the same role apart.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.pronouns import inside
from newsgraph.records import Entity


def _clashes(marks: frozenset[str], words: list[str], role: str) -> bool:
    """The capitalised modifiers of a role phrase (`marks`: "Democratic" in "the Democratic presidential nominee")
    and those before the same role word in an introduction (`words`: "Republican presidential nominee Donald
    Trump") name different sides: the introduction is of another person."""
    if not marks or role not in words:
        return False
    before = words[: words.index(role)]
    # initials ("GOP", "U.S.") may abbreviate the other side's word ("Republican"): they never clash
    theirs = {w.lower() for w in before if w[:1].isupper() and not w.replace(".", "").isupper()}
    mine = {m for m in marks if not m.replace(".", "").isupper()}
    return bool(theirs) and bool(mine) and not (theirs & mine)


def by_role(doc: Doc, role: str, pos: int, exclude: list[tuple[int, int]], marks: frozenset[str] = frozenset()) -> Entity | None:
    """The person introduced with `role` (Entity.roles, or the word next to a mention) nearest before `pos`; an
    introduction whose capitalised modifiers of the role differ from `marks` (lower-cased) is another person's."""
    role = role.lower()
    cands = []
    here = doc.char_span(pos, pos + 1, alignment_mode="expand")
    since = here[0].sent.start_char if here is not None and len(here) and doc.has_annotation("SENT_START") else pos
    text = doc_text(doc)
    for e in doc._.ng_entities or []:
        if e.type != "person":
            continue
        held = [r for r in e.roles if role in r.lower().split()]
        if held and not all(_clashes(marks, [w if w[:1].isupper() else w.lower() for w in r.split()], role) for r in held):
            cands.append((max((m.end for m in e.mentions if m.end <= pos), default=-1), e))
            continue
        if held:
            continue
        for m in e.mentions:
            if m.end > pos or inside(exclude, m.start):
                continue
            # a name in an earlier sentence: never into the sentence being resolved, whose description is no role
            # word beside that name ("... shaming Ana X.\n\nThe Indiana governor said": the governor is not X)
            stop = m.end + 40 if m.start >= since else min(m.end + 40, since)
            raw = text[max(0, m.start - 40) : stop]
            window = raw.lower()
            if role in window.replace(",", " ").split():
                if _clashes(marks, [w if w[:1].isupper() else w.lower() for w in raw.replace(",", " ").split()], role):
                    continue  # "Republican presidential nominee X" is not "the Democratic presidential nominee"
                cands.append((m.end, e))
    cands = [c for c in cands if c[0] >= 0]
    return max(cands, key=lambda c: c[0])[1] if cands else None


def introduced_as(doc: Doc, role: str, pos: int, exclude: list[tuple[int, int]]) -> Entity | None:
    """The person last introduced before `pos` with `role` right beside a mention: the role word just before the name
    (one title word between: "Labour peer Lord X") or in an apposition right after it ("X, a Labour peer,"). Stricter
    than `by_role`'s window, which takes any name near the word."""
    text = doc_text(doc)
    best: tuple[int, Entity] | None = None
    for e in doc._.ng_entities or []:
        if e.type != "person":
            continue
        for m in e.mentions:
            if m.end > pos or inside(exclude, m.start):
                continue
            before = text[max(0, m.start - 30) : m.start].lower().split()
            after = text[m.end : m.end + 40].lower()
            appos = after.startswith(",") and role in after[1:].split(",")[0].split()
            if role in before[-2:] or appos:
                if best is None or m.end > best[0]:
                    best = (m.end, e)
    return best[1] if best else None
