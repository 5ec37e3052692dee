"""Speakers of quotes: the cue word of a frame and the speaker it names, for `newsgraph_quotes`.

A mixin of QuoteFinder: it reads the cue lists the finder loaded (`self.cues`, `self.quoting`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.quote_marks import (
    in_spans,
    paragraph_at,
)
from newsgraph.annotate.resolve import (
    Actor,
    doc_text,
    resolve_speaker,
)

SUBJ = ("nsubj", "nsubjpass", "csubj")
#: doc.user_data key of how each quote's speaker was found where it is a guess (read by quote_evidence.py):
#: "s<speaker start>" -> a pronoun's antecedent role ("subject", "other", "possessive", "far", "unresolved");
#: "q<quote start>" -> a frameless direct quote's speaker: "continued" (the previous quote's, clear conditions)
#: or "nearest" (the nearest person before it). Plain strings: user_data must stay serialisable.
SPEAKER_HOW = "ng_speaker_how"


def note_how(doc: Doc, key: str, how: str) -> None:
    """Record how a speaker was found (see SPEAKER_HOW)."""
    if how:
        doc.user_data.setdefault(SPEAKER_HOW, {})[key] = how


def how_of(doc: Doc, key: str) -> str:
    return (doc.user_data.get(SPEAKER_HOW) or {}).get(key, "")


class SpeakerCues:
    """Cue words and the speaker each one names."""

    cues: frozenset[str]
    quoting: frozenset[str]

    def _cue_of(self, tok: Token) -> bool:
        if tok.lemma_.lower() in self.cues and tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ", ""):
            return tok.pos_ != "NOUN" or tok.lower_ in ("statement",)
        if tok.lower_ == "according" and tok.nbor(1).lower_ == "to" if tok.i + 1 < len(tok.doc) else False:
            return True
        return tok.lemma_.lower() in self.quoting

    def _cue_text(self, tok: Token) -> str:
        if tok.lower_ == "according":
            return "according to"
        parts = [tok.text] + [c.text for c in tok.rights if c.dep_ == "prt"]
        return " ".join(parts)

    def _speaker(self, doc: Doc, cue: Token, spans: list[tuple[int, int]]) -> Actor | None:
        """The subject of the cue (climbing participles: 'adding:' -> the subject of 'said')."""
        if cue.lower_ == "according":
            to = cue.nbor(1)
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in cue.subtree if c.dep_ == "pobj"]
            if objs:
                return resolve_speaker(doc, objs[0], spans)
            nxt = [t for t in doc[to.i + 1 : to.i + 6] if t.pos_ in ("PROPN", "NOUN", "PRON")]
            return resolve_speaker(doc, nxt[-1] if nxt else to, spans) if nxt else None
        if cue.lemma_.lower() in self.quoting:
            # "agencies quoted X as saying": the object is the speaker
            objs = [c for c in cue.children if c.dep_ in ("dobj", "obj") and not in_spans(spans, c.idx)]
            if objs:
                return resolve_speaker(doc, objs[0], spans)
            subj = [c for c in cue.children if c.dep_ == "nsubjpass"]
            if subj:
                return resolve_speaker(doc, subj[0], spans)
            return None
        if cue.dep_ == "acl" and cue.tag_ != "VBN" and cue.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return resolve_speaker(doc, cue.head, spans)  # "footage of X asking, ..."
        if cue.tag_ == "VBG" and not any(c.dep_ in SUBJ for c in cue.children):
            # "..., adding: ...", "..., saying ...": the subject of the speech verb above, else of the clause above
            anc = [a for a in cue.ancestors][:5]
            for a in [a for a in anc if a.lemma_.lower() in self.cues] + anc:
                subj = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and not in_spans(spans, c.idx)]
                if subj:
                    return resolve_speaker(doc, subj[0], spans)
        tok: Token | None = cue
        p0, p1 = paragraph_at(doc_text(doc), cue.idx)
        if cue.dep_ == "conj" and cue.head.dep_ == "ccomp" and cue.head.head.lemma_.lower() in self.cues:
            if not any(c.dep_ in SUBJ for c in cue.children):
                tok = cue.head.head  # "X said A was true and warned that B": the parse hangs "warned" on A
        for _ in range(4):
            if tok is None:
                break
            subj = [c for c in tok.children if c.dep_ in SUBJ and not in_spans(spans, c.idx) and p0 <= c.idx < p1]
            if subj:
                return resolve_speaker(doc, subj[0], spans)
            agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agent:
                return resolve_speaker(doc, agent[0], spans)
            if tok.lemma_.lower() == "quote" or tok.head.lemma_.lower() in self.quoting:
                q = tok.head if tok.head.lemma_.lower() in self.quoting else tok
                objs = [c for c in q.children if c.dep_ in ("dobj", "nsubjpass")]
                if objs:
                    return resolve_speaker(doc, objs[0], spans)
            if tok.dep_ == "acl" and tok.tag_ != "VBN" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
                return resolve_speaker(doc, tok.head, spans)
            if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "parataxis") and tok.head is not tok:
                tok = tok.head
            else:
                break
        # no parse or no subject: the nearest name-like token next to the cue ("said Berg")
        nxt = cue.nbor(1) if cue.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("PROPN", "PRON") and not in_spans(spans, nxt.idx):
            head = nxt
            while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
                head = doc[head.i + 1]
            return resolve_speaker(doc, head, spans)
        return None

    def _passive(self, cue: Token) -> bool:
        """A passive cue without an agent ("X is expected to ...")."""
        kids = list(cue.children)
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep_ == "agent" for c in kids)
