"""Two people of one surname: a quote framed by the bare surname (or by a pronoun) goes to the one named first.

Why: the entity component may gather every bare "Scott" of an article under the one "Tim Scott" it names once in
passing, while the article is about "Bobby Scott" (stop 30's held-out draw). A reader takes a bare surname, and a
pronoun, for the person of that surname just named in full, else for the one the article is about; the
entity clusters are not rebuilt here, only the speaker of each quote is read again from the document's full-name
mentions: the person named in full first (the article's protagonist) keeps the bare surname; right after a full
name in the same paragraph the surname means that one, and a speaker resolved to another is marked "shared_surname"
(quote_evidence.py hides it).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.annotate.gender import agrees
from newsgraph.annotate.quote_speakers import note_how
from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Entity, Quote

#: How far before a bare surname (characters, in its paragraph) a namesake's full name makes the surname ambiguous.
LOCAL_CHARS = 600
#: `Actor.how` note of a speaker whose surname two people share, both named in full in the same paragraph last.
SHARED_SURNAME = "shared_surname"


def _words(name: str) -> list[str]:
    return [w for w in name.replace("\u00a0", " ").split() if w[:1].isalpha()]


def _surname_groups(doc: Doc) -> dict[str, list[Entity]]:
    """Person entities by the last word of their name, for surnames two or more full names share."""
    groups: dict[str, list[Entity]] = {}
    for e in doc._.ng_entities or []:
        words = _words(e.name)
        if e.type == "person" and len(words) >= 2:
            groups.setdefault(words[-1].lower(), []).append(e)
    out = {}
    for k, v in groups.items():
        # "De Blasio" beside "Bill de Blasio": a short form of the one name (its words the other's last ones), not a
        # second person
        names = [[w.lower() for w in _words(e.name)] for e in v]
        people = [e for e, n in zip(v, names, strict=True) if not any(o != n and len(o) > len(n) and o[-len(n) :] == n for o in names)]
        if len(people) > 1:
            out[k] = people
    return out


def _paragraph(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def reassign_shared_surnames(doc: Doc, quotes: list[Quote]) -> None:
    """Read again the speaker of each quote whose speaker shares a surname with another person named in full, and
    whose speaker phrase names neither in full (a given name in it decides). Where one of them was named in full in
    the same paragraph shortly before (LOCAL_CHARS), the resolver's answer stands if it is the last one so named,
    and is marked SHARED_SURNAME (hidden) if it is another; elsewhere the bare surname (or the pronoun) goes to the
    one the article named in full first: its protagonist, whom a bare surname means through the article (a
    relative or a namesake named later in passing does not take it over)."""
    groups = _surname_groups(doc)
    if not groups:
        return
    text = doc_text(doc)
    by_id = {e.id: es for es in groups.values() for e in es}
    for e in doc._.ng_entities or []:
        words = _words(e.name)
        if e.type == "person" and len(words) == 1 and words[0].lower() in groups:
            by_id[e.id] = groups[words[0].lower()]  # the bare surname clustered apart from both full names
    for q in quotes:
        if not q.speaker or q.speaker not in by_id or q.speakers:
            continue
        cands = by_id[q.speaker]
        pos = q.speaker_start if q.speaker_start is not None else q.start
        end = q.speaker_end if q.speaker_end is not None else pos
        phrase = {w.lower() for w in _words(text[pos:end])}
        if any(_words(c.name)[0].lower() in phrase for c in cands):
            continue  # "Tim Scott said": the phrase names him
        span = doc.char_span(pos, end, alignment_mode="expand")
        pron = span[0] if span is not None and len(span) == 1 and span[0].pos_ == "PRON" else None
        full = {c.id: [m.start for m in c.mentions if len(_words(text[m.start : m.end])) >= 2] for c in cands}
        # a pronoun only stands for one it agrees with ("he": not his wife of the same name)
        # nor one whose full name the quoted words themselves hold ('"Naina Yeltsin looks well," X quoted Yeltsin
        # as saying': she is spoken about)
        said = text[q.start : q.end]
        named = [c for c in cands if full[c.id] and (pron is None or agrees(doc, pron, c)) and not any(text[m.start : m.end] in said for m in c.mentions if m.start in full[c.id])]
        if len(named) < 2:
            continue
        para = _paragraph(text, pos)
        recent = [(max(m for m in full[c.id] if para <= m < pos and pos - m <= LOCAL_CHARS), c) for c in named
                  if any(para <= m < pos and pos - m <= LOCAL_CHARS for m in full[c.id])]
        if recent:
            # one of them was just named in full: the text may mean that one ("Alan Ouellette, the younger
            # brother, greeted each person. '...,' he told one woman"); the resolver's answer stands when it is
            # that one, and is no more than a guess when it is another
            local = max(recent, key=lambda x: x[0])[1]
            if local.id != q.speaker:
                note_how(doc, f"s{pos}", SHARED_SURNAME)
            continue
        first = min(named, key=lambda c: min(full[c.id]))
        if first.id != q.speaker:  # (the namesake, or the bare surname's own entity)
            q.speaker, q.speaker_name = first.id, first.name

