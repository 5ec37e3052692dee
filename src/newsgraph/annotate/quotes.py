"""`newsgraph_quotes`: direct, partial and indirect quotes with their speaker resolved to an entity.

1. Quotation-mark spans are found in the text (curly or straight marks; a quote left open at a paragraph end
   continues when the next paragraph opens with a mark, the news convention for multi-paragraph quotes).
2. A span is `direct` when it starts a sentence or follows a colon/comma and starts with a capital; else `partial`
   (a fragment inside reported speech: made a "grave error").
3. The speaker comes from the quote's frame, the rest of its sentence: a cue verb of data/cues.tsv and its
   subject ("...," he added; X told Reuters: "..."; agencies quoted X as saying; according to X). A quote paragraph
   without a frame continues the previous quote's speaker.
4. Indirect speech: a cue verb of the [indirect] list with a clausal complement ("X said (that) ...") or an
   "according to X" phrase; the content is the clause.
Speakers resolve through `resolve.py`: entity names, pronouns, role descriptions, or the phrase itself.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.lexicon import sections, words
from newsgraph.annotate.resolve import Actor, resolve_token
from newsgraph.records import Quote

_CUES = "cues.tsv"
_OPEN = "\u201c\u00ab"
_CLOSE = "\u201d\u00bb"
_SUBJ = ("nsubj", "nsubjpass", "csubj")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation including its marks, multi-paragraph quotes joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    open_at: int | None = None
    for para in re.split(r"(\n+)", text):
        if para.startswith("\n"):
            pos += len(para)
            continue
        body = para.lstrip()
        lead = pos + len(para) - len(body)
        if open_at is not None and not (body[:1] in _OPEN or body[:1] == '"'):
            spans.append((open_at, pos - 0 if pos else 0))
            spans[-1] = (open_at, _rstrip_end(text, pos))
            open_at = None
        continuing = open_at is not None
        i = 0
        straight_open = continuing and body[:1] == '"'
        while i < len(para):
            ch = para[i]
            at = pos + i
            if ch in _OPEN or (ch == '"' and not straight_open and open_at is None):
                if open_at is None:
                    open_at = at
                    straight_open = ch == '"'
                elif continuing and at == lead:
                    pass  # the reopening mark of a continued paragraph
                i += 1
                continuing = False
                continue
            if open_at is not None and (ch in _CLOSE or (ch == '"' and at != lead)):
                spans.append((open_at, at + 1))
                open_at = None
                straight_open = False
            i += 1
        pos += len(para)
    if open_at is not None:
        spans.append((open_at, _rstrip_end(text, pos)))
    return [(s, e) for s, e in spans if e - s > 2]


def _rstrip_end(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _inner(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the quotation marks and surrounding blanks."""
    while s < e and (text[s] in _OPEN or text[s] in '"' or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in _CLOSE or text[e - 1] in '"' or text[e - 1].isspace()):
        e -= 1
    return s, e


def _is_direct(text: str, s: int, e: int) -> bool:
    i0, _ = _inner(text, s, e)
    first = text[i0 : i0 + 1]
    if not (first.isupper() or first in "[.\u2026" or first.isdigit()):
        return False
    before = text[max(0, s - 3) : s].rstrip()
    return before == "" or before[-1:] in ":,.?!\n\u2014-" or text[max(0, s - 1) : s] == "\n"


class QuoteFinder:
    """Set `doc._.ng_quotes`."""

    def __init__(self, indirect: bool = True):
        self.indirect = indirect
        self.cues = words(_CUES, "verb")
        self.indirect_cues = words(_CUES, "indirect")
        self.quoting = words(_CUES, "quoting")
        self.according = [a.split() for a in words(_CUES, "according")]

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        text = doc.text
        spans = quote_spans(text)
        quotes: list[Quote] = []
        last: Quote | None = None
        for s, e in spans:
            direct = _is_direct(text, s, e)
            actor, cue = self._attribute(doc, s, e, spans, direct)
            i0, i1 = _inner(text, s, e)
            if i1 <= i0:
                continue
            if actor is None and direct and last is not None and last.speaker_name and _near(text, last.end, s):
                q = Quote(text[i0:i1], i0, i1, "direct", last.speaker, last.speaker_name, None, None, last.cue)
            elif actor is None:
                if not direct:
                    continue  # a scare quote or a title, not speech
                q = Quote(text[i0:i1], i0, i1, "direct")
            else:
                q = Quote(text[i0:i1], i0, i1, "direct" if direct else "partial", actor.id, actor.name, actor.start, actor.end, cue)
            quotes.append(q)
            if q.kind == "direct":
                last = q
        if self.indirect:
            quotes += self._indirect(doc, spans, quotes)
        quotes.sort(key=lambda q: q.start)
        doc._.ng_quotes = quotes
        return doc

    # -- attribution of a quotation-mark span -------------------------------------------------------------
    def _attribute(self, doc: Doc, s: int, e: int, spans: list[tuple[int, int]], direct: bool) -> tuple[Actor | None, str | None]:
        """Speaker and cue from the sentence(s) around the quote, outside any quotation marks."""
        text = doc.text
        para_start = text.rfind("\n", 0, s) + 1
        para_end = text.find("\n", e)
        para_end = len(text) if para_end < 0 else para_end
        # the frame: from the previous sentence end (or paragraph start) to the next sentence end
        fs = max(para_start, _sentence_start(text, para_start, s))
        fe = _sentence_end(text, e, para_end, spans)
        cands: list[Token] = []
        span = doc.char_span(fs, fe, alignment_mode="expand")
        if span is None:
            return None, None
        for tok in span:
            if _in_spans(spans, tok.idx):
                continue
            c = self._cue_of(tok)
            if c:
                cands.append(tok)
        # nearest cue to the quote first: after it, then before it
        cands.sort(key=lambda t: (0 if t.idx >= e else 1, abs(t.idx - (e if t.idx >= e else s))))
        for tok in cands:
            actor = self._speaker(doc, tok, spans)
            if actor is not None:
                return actor, self._cue_text(tok)
        return None, None

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
                return resolve_token(doc, objs[0], spans)
            nxt = [t for t in doc[to.i + 1 : to.i + 6] if t.pos_ in ("PROPN", "NOUN", "PRON")]
            return resolve_token(doc, nxt[-1] if nxt else to, spans) if nxt else None
        if cue.lemma_.lower() in self.quoting:
            # "agencies quoted X as saying": the object is the speaker
            objs = [c for c in cue.children if c.dep_ in ("dobj", "obj")]
            if objs:
                return resolve_token(doc, objs[0], spans)
            subj = [c for c in cue.children if c.dep_ == "nsubjpass"]
            if subj:
                return resolve_token(doc, subj[0], spans)
            return None
        if cue.tag_ == "VBG" and not any(c.dep_ in _SUBJ for c in cue.children):
            # "..., adding: ...", "..., saying ...": the subject of the speech verb above, else of the clause above
            anc = [a for a in cue.ancestors][:5]
            for a in [a for a in anc if a.lemma_.lower() in self.cues] + anc:
                subj = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and not _in_spans(spans, c.idx)]
                if subj:
                    return resolve_token(doc, subj[0], spans)
        tok: Token | None = cue
        for _ in range(4):
            if tok is None:
                break
            subj = [c for c in tok.children if c.dep_ in _SUBJ and not _in_spans(spans, c.idx)]
            if subj:
                return resolve_token(doc, subj[0], spans)
            agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agent:
                return resolve_token(doc, agent[0], spans)
            if tok.lemma_.lower() == "quote" or tok.head.lemma_.lower() in self.quoting:
                q = tok.head if tok.head.lemma_.lower() in self.quoting else tok
                objs = [c for c in q.children if c.dep_ in ("dobj", "nsubjpass")]
                if objs:
                    return resolve_token(doc, objs[0], spans)
            if tok.dep_ == "acl" and tok.tag_ != "VBN" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
                return resolve_token(doc, tok.head, spans)
            if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "parataxis") and tok.head is not tok:
                tok = tok.head
            else:
                break
        # no parse or no subject: the nearest name-like token next to the cue ("said Lavrov")
        nxt = cue.nbor(1) if cue.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ in ("PROPN", "PRON") and not _in_spans(spans, nxt.idx):
            head = nxt
            while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
                head = doc[head.i + 1]
            return resolve_token(doc, head, spans)
        return None

    # -- indirect speech ------------------------------------------------------------------------------------
    def _indirect(self, doc: Doc, spans: list[tuple[int, int]], found: list[Quote]) -> list[Quote]:
        out: list[Quote] = []
        direct = [(q.start, q.end) for q in found if q.kind == "direct"]
        if not doc.has_annotation("DEP"):
            return out
        for tok in doc:
            if _in_spans(spans, tok.idx) or _in_spans(direct, tok.idx):
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                q = self._according(doc, tok, spans, direct)
            elif tok.lemma_.lower() in self.indirect_cues and tok.pos_ in ("VERB", "AUX"):
                q = self._reported(doc, tok, spans, direct)
            else:
                q = None
            if q is not None:
                out.append(q)
        return out

    def _reported(self, doc: Doc, cue: Token, spans, direct) -> Quote | None:
        comps = [c for c in cue.children if c.dep_ in ("ccomp",)]
        if not comps and cue.dep_ in ("ccomp", "parataxis") and cue.head.i < cue.i:
            # "Content ..., X said." parsed with the content as head: the head clause without the cue clause
            head = cue.head
            lo, hi = head.left_edge.i, cue.left_edge.i
            span = _trim(doc[lo:hi])
            return self._make(doc, span, cue, spans, direct) if span is not None and head.pos_ in ("VERB", "AUX") else None
        if not comps:
            return None
        comp = comps[0]
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        span = _trim(doc[lo:hi])
        return self._make(doc, span, cue, spans, direct) if span is not None else None

    def _according(self, doc: Doc, tok: Token, spans, direct) -> Quote | None:
        """ "X did Y, according to Z": the content is the sentence before the phrase (or after it when it leads)."""
        text = doc.text
        para_start = text.rfind("\n", 0, tok.idx) + 1
        para_end = text.find("\n", tok.idx)
        para_end = len(text) if para_end < 0 else para_end
        start = para_start
        for m in _SENT_END.finditer(text, para_start, tok.idx):
            if not _in_spans(spans, m.start()):
                start = m.end()
        to = doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"]
        phrase_end = (pobj[0].right_edge.idx + len(pobj[0].right_edge.text)) if pobj else to.idx + 2
        if text[start : tok.idx].strip(" ,\n") and len(text[start : tok.idx].split()) > 2:
            span = doc.char_span(start, tok.idx, alignment_mode="expand")
        else:
            end = _sentence_end(text, phrase_end, para_end, spans)
            span = doc.char_span(phrase_end, end, alignment_mode="expand")
        span = _trim(span) if span is not None else None
        return self._make(doc, span, tok, spans, direct) if span is not None else None

    def _make(self, doc: Doc, span: Span | None, cue: Token, spans, direct) -> Quote | None:
        if span is None or len(span) < 3:
            return None
        s, e = span.start_char, span.end_char
        if any(a < e and s < b for a, b in direct):
            return None
        actor = self._speaker(doc, cue, spans)
        if actor is None:
            return None
        return Quote(doc.text[s:e], s, e, "indirect", actor.id, actor.name, actor.start, actor.end, self._cue_text(cue))


def _trim(span: Span) -> Span | None:
    lo, hi = span.start, span.end
    doc = span.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in ("that", "and", "but")):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in _CLOSE + '"':
        hi -= 1
    return doc[lo:hi] if hi > lo else None


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _near(text: str, prev_end: int, start: int) -> bool:
    """The previous quote ended at most one paragraph before this one starts."""
    return text.count("\n\n", prev_end, start) <= 1 and start - prev_end < 600


_SENT_END = re.compile(r"[.?!](?=\s)")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding `pos` (a sentence end outside quotes before it), not before `lo`."""
    best = lo
    for m in _SENT_END.finditer(text, lo, pos):
        best = m.end()
    return best


def _sentence_end(text: str, pos: int, hi: int, spans: list[tuple[int, int]]) -> int:
    for m in _SENT_END.finditer(text, pos, hi):
        if not _in_spans(spans, m.start()):
            return m.end()
    return hi


@Language.factory("newsgraph_quotes", default_config={"indirect": True})
def make_quotes(nlp: Language, name: str, indirect: bool) -> QuoteFinder:
    return QuoteFinder(indirect=indirect)


__all__ = ["QuoteFinder", "quote_spans", "sections"]
