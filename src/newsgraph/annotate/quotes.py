"""`newsgraph_quotes`: direct, partial and indirect quotes with their speaker resolved to an entity.

1. Quotation-mark spans are found in the text (curly, straight or typewriter '' marks, nesting respected; a quote
   left open at a paragraph end continues when the next paragraph opens with a mark, the news convention for
   multi-paragraph quotes).
2. A span is `direct` when it starts a sentence or follows a colon/comma and starts with a capital; else `partial`
   (a fragment inside reported speech: made a "grave error").
3. The speaker comes from the quote's frame, the rest of its sentence: a cue verb of data/cues.tsv and its
   subject ("...," he added; X told Reuters: "..."; agencies quoted X as saying; according to X; "..." - Name), or
   the paragraph before when it ends with a colon ("X continued:"). '"A," X said. "B."' is one quote in two parts.
   A quote without a frame continues the previous quote's speaker; a paragraph "NAME: words" (transcripts) is a
   direct quote of NAME.
4. Indirect speech: a cue verb of the [indirect] list with a clausal complement ("X said (that) ...", also
   post-posed: "..., a source said"), an [object] verb's object ("X urged supporters to vote"), or an
   "according to X" phrase; the content is the clause, to the end of the sentence but not over a second frame
   (", the source added", "according to"), a coordinated speech verb, a comma-set clause outside the complement,
   a concessive aside or a trailing non-restrictive relative clause, and never out of the cue's paragraph. A cue
   inside another cue's complement and a passive cue without agent report nothing of their own.
   A partial quote takes the cue whose clause holds it.
Speakers resolve through `resolve.py`: entity names, pronouns, role descriptions, or the phrase itself.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.lexicon import sections, words
from newsgraph.annotate.resolve import (
    Actor,
    clause_bounds,
    coordinated_with_report,
    doc_text,
    resolve_speaker,
)
from newsgraph.records import Quote

_CUES = "cues.tsv"
_OPEN = "\u201c\u00ab"
_CLOSE = "\u201d\u00bb"
_SUBJ = ("nsubj", "nsubjpass", "csubj")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation including its marks, multi-paragraph quotes joined.

    A curly opening mark closes only with a curly closing mark (nested pairs counted), a straight mark only with a
    straight one, so quotes inside quotes stay inside. A quote still open at a paragraph end continues when the
    next paragraph opens with a mark of the same family; otherwise it ends with its paragraph.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    family = ""
    prev_end = 0
    depth = 0
    for m in re.finditer(r"[^\n]+", text):
        p0, p1 = m.span()
        i = p0
        while i < p1 and text[i].isspace():
            i += 1
        if open_at is not None:
            same = text[i : i + 1] == '"' if family == "straight" else text[i : i + 1] in _OPEN
            if same:
                i += 1
            else:
                spans.append((open_at, _rstrip_end(text, prev_end)))
                open_at, depth = None, 0
        while i < p1:
            ch = text[i]
            if open_at is None:
                if ch in _OPEN:
                    open_at, family, depth = i, "curly", 0
                elif ch == '"':
                    open_at, family = i, "straight"
            elif family == "curly":
                if ch in _OPEN:
                    depth += 1
                elif ch in _CLOSE:
                    if depth:
                        depth -= 1
                    else:
                        spans.append((open_at, i + 1))
                        open_at = None
            elif ch == '"':
                spans.append((open_at, i + 1))
                open_at = None
            i += 1
        prev_end = p1
    if open_at is not None:
        spans.append((open_at, _rstrip_end(text, len(text))))
    return [(s, e) for s, e in spans if e - s > 2]


def normalise_marks(text: str) -> str:
    """Typewriter quotation marks ('' and ``) as a straight double mark plus a blank; same length, same offsets."""
    return text.replace("''", '" ').replace("``", '" ')


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

    def __init__(self, indirect: bool = True, to_sentence_end: bool = True):
        self.indirect = indirect
        self.to_sentence_end = to_sentence_end
        self.cues = words(_CUES, "verb")
        self.indirect_cues = words(_CUES, "indirect")
        self.object_cues = words(_CUES, "object")
        self.quoting = words(_CUES, "quoting")
        self.according = [a.split() for a in words(_CUES, "according")]

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        text = doc_text(doc)
        marks = normalise_marks(text)
        spans = quote_spans(marks)
        quotes: list[Quote] = []
        for s, e in spans:
            direct = _is_direct(marks, s, e)
            actor, cue = self._attribute(doc, s, e, spans, direct)
            i0, i1 = _inner(marks, s, e)
            if i1 <= i0:
                continue
            prev = quotes[-1] if quotes else None
            if prev is not None and prev.kind == "direct" and self._continues(text, prev, s, spans):
                # '"A," said X. "B."': one quote in two parts around its frame
                if actor is None or actor.name == prev.speaker_name:
                    prev.text = prev.text + " " + text[i0:i1]
                    prev.end = i1
                    continue
            if actor is None and direct:
                q = Quote(text[i0:i1], i0, i1, "direct")
                self._inherit(doc, q, quotes, spans)
            elif actor is None:
                continue  # a scare quote or a title, not speech
            else:
                kind = "direct" if direct else "partial"
                q = Quote(text[i0:i1], i0, i1, kind, actor.id, actor.name, actor.start, actor.end, cue)
            quotes.append(q)
        labelled = self._labelled(doc, spans, quotes)
        quotes = [q for q in quotes if not any(lq.start < q.end and q.start < lq.end for lq in labelled)] + labelled
        if self.indirect:
            quotes += self._indirect(doc, spans, quotes)
        seen: set[tuple[int, int]] = set()
        unique = []
        for q in sorted(quotes, key=lambda q: (q.start, q.kind != "indirect")):
            if q.kind == "indirect" and (q.start, q.end) in seen:
                continue
            seen.add((q.start, q.end))
            unique.append(q)
        doc._.ng_quotes = unique
        return doc

    def _continues(self, text: str, prev: Quote, start: int, spans: list[tuple[int, int]]) -> bool:
        """The gap between two quotes is the same paragraph and at most a short attribution frame."""
        gap = text[prev.end : start]
        between = [a for a, _ in spans if prev.end + 2 < a < start]
        return "\n" not in gap and len(gap) < 300 and not between and prev.speaker_name is not None

    def _inherit(self, doc: Doc, q: Quote, quotes: list[Quote], spans: list[tuple[int, int]]) -> None:
        """A quote without a frame: the previous quote's speaker when it is near, else the nearest person."""
        prev = next((p for p in reversed(quotes) if p.speaker_name), None)
        if prev is not None and _near(doc_text(doc), prev.end, q.start):
            q.speaker, q.speaker_name, q.cue = prev.speaker, prev.speaker_name, prev.cue
            return
        from newsgraph.annotate.resolve import nearest_before

        hit = nearest_before(doc, q.start, {"person"}, spans)
        if hit is not None and q.start - hit[2] < 1500:
            q.speaker, q.speaker_name, q.speaker_start, q.speaker_end = hit[0].id, hit[0].name, hit[1], hit[2]

    def _labelled(self, doc: Doc, spans: list[tuple[int, int]], quotes: list[Quote]) -> list[Quote]:
        """Transcript and headline form: a paragraph "NAME: words" where NAME is in capitals or a person."""
        from newsgraph.annotate.entities import find_entity

        out = []
        for m in _LABEL.finditer(doc_text(doc)):
            label = m.group("label")
            ent = find_entity(doc, m.start("label"), m.end("label"))
            if not (label.isupper() or (ent is not None and ent.type == "person")):
                continue
            s, e = m.start("words"), m.end("words")
            i0, i1 = _inner(normalise_marks(doc_text(doc)), s, e)
            if i1 - i0 < 3:
                continue
            name = ent.name if ent is not None else label.title()
            out.append(Quote(doc_text(doc)[i0:i1], i0, i1, "direct", ent.id if ent else None, name, m.start("label"), m.end("label"), ":"))
        return out

    # -- attribution of a quotation-mark span -------------------------------------------------------------
    def _attribute(self, doc: Doc, s: int, e: int, spans: list[tuple[int, int]], direct: bool) -> tuple[Actor | None, str | None]:
        """Speaker and cue from the sentence(s) around the quote, outside any quotation marks."""
        text = doc_text(doc)
        para_start = text.rfind("\n", 0, s) + 1
        para_end = text.find("\n", e)
        para_end = len(text) if para_end < 0 else para_end
        # the frame: from the previous sentence end (or paragraph start) to the next sentence end
        fs = max(para_start, _sentence_start(text, para_start, s))
        fe = _sentence_end(text, e, para_end, spans)
        if fs == para_start and text[para_start:s].strip() == "" and text[:para_start].rstrip().endswith(":"):
            # "Caddell continued:" closing the paragraph before the quote
            prev_end = len(text[:para_start].rstrip())
            fs = _sentence_start(text, text.rfind("\n", 0, prev_end) + 1, prev_end - 1)
        dash = _DASH.match(text, e)
        if dash:
            tok = doc.char_span(dash.start("name"), dash.end("name"), alignment_mode="expand")
            if tok is not None:
                return resolve_speaker(doc, tok.root, spans), "\u2015"
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
        # the cue whose clause holds the quote first ('X said the deal "...", while Y said ...'), nearest above it;
        # then the nearest cue to the quote: after it, then before it
        inner = doc.char_span(*_inner(text, s, e), alignment_mode="expand") if not direct else None
        above = [a.i for a in inner.root.ancestors] if inner is not None and len(inner) else []
        cands.sort(key=lambda t: (above.index(t.i) if t.i in above else len(above), 0 if t.idx >= e else 1, abs(t.idx - (e if t.idx >= e else s))))
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
                return resolve_speaker(doc, objs[0], spans)
            nxt = [t for t in doc[to.i + 1 : to.i + 6] if t.pos_ in ("PROPN", "NOUN", "PRON")]
            return resolve_speaker(doc, nxt[-1] if nxt else to, spans) if nxt else None
        if cue.lemma_.lower() in self.quoting:
            # "agencies quoted X as saying": the object is the speaker
            objs = [c for c in cue.children if c.dep_ in ("dobj", "obj") and not _in_spans(spans, c.idx)]
            if objs:
                return resolve_speaker(doc, objs[0], spans)
            subj = [c for c in cue.children if c.dep_ == "nsubjpass"]
            if subj:
                return resolve_speaker(doc, subj[0], spans)
            return None
        if cue.dep_ == "acl" and cue.tag_ != "VBN" and cue.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return resolve_speaker(doc, cue.head, spans)  # "footage of X asking, ..."
        if cue.tag_ == "VBG" and not any(c.dep_ in _SUBJ for c in cue.children):
            # "..., adding: ...", "..., saying ...": the subject of the speech verb above, else of the clause above
            anc = [a for a in cue.ancestors][:5]
            for a in [a for a in anc if a.lemma_.lower() in self.cues] + anc:
                subj = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and not _in_spans(spans, c.idx)]
                if subj:
                    return resolve_speaker(doc, subj[0], spans)
        tok: Token | None = cue
        p0, p1 = _paragraph(doc_text(doc), cue.idx)
        if cue.dep_ == "conj" and cue.head.dep_ == "ccomp" and cue.head.head.lemma_.lower() in self.cues:
            if not any(c.dep_ in _SUBJ for c in cue.children):
                tok = cue.head.head  # "X said A was true and warned that B": the parse hangs "warned" on A
        for _ in range(4):
            if tok is None:
                break
            subj = [c for c in tok.children if c.dep_ in _SUBJ and not _in_spans(spans, c.idx) and p0 <= c.idx < p1]
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
        if nxt is not None and nxt.pos_ in ("PROPN", "PRON") and not _in_spans(spans, nxt.idx):
            head = nxt
            while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
                head = doc[head.i + 1]
            return resolve_speaker(doc, head, spans)
        return None

    def _passive(self, cue: Token) -> bool:
        """A passive cue without an agent ("X is expected to ...")."""
        kids = list(cue.children)
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep_ == "agent" for c in kids)

    # -- indirect speech ------------------------------------------------------------------------------------
    def _indirect(self, doc: Doc, spans: list[tuple[int, int]], found: list[Quote]) -> list[Quote]:
        out: list[Quote] = []
        direct = [(q.start, q.end) for q in found if q.kind == "direct"]
        if not doc.has_annotation("DEP"):
            return out
        covered = bytearray(len(doc_text(doc)) + 1)
        for a, b in spans + direct:
            covered[a:b] = b"\x01" * (b - a)
        for tok in doc:
            if covered[tok.idx]:
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                q = self._according(doc, tok, spans, direct)
            elif (tok.lemma_.lower() in self.indirect_cues or tok.lemma_.lower() in self.object_cues) and tok.pos_ in ("VERB", "AUX"):
                q = self._reported(doc, tok, spans, direct)
            else:
                q = None
            if q is not None:
                out.append(q)
        return out

    def _reported(self, doc: Doc, cue: Token, spans, direct) -> Quote | None:
        comps = [c for c in cue.children if c.dep_ in ("ccomp",)]
        p0, _ = _paragraph(doc_text(doc), cue.idx)
        nested = cue.head.lemma_.lower() in self.cues | self.indirect_cues  # "X said he would consider ...": content
        if not comps and cue.dep_ in ("ccomp", "parataxis") and p0 <= cue.head.idx < cue.idx and not nested:
            # "Content ..., X said." parsed with the content as head: the head clause without the cue clause
            head = cue.head
            lo, hi = head.left_edge.i, cue.left_edge.i
            span = _trim(doc[lo:hi])
            return self._make(doc, span, cue, spans, direct) if span is not None and head.pos_ in ("VERB", "AUX") else None
        if not comps and nested and cue.dep_ in ("ccomp", "xcomp"):
            return None  # "X said he would consider naming Y": the outer report holds it
        if not comps:
            return self._object_content(doc, cue, spans, direct)
        comp = comps[0]
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        if comp.i < cue.i:
            # "A, but B, another source said.": everything before the cue's clause is the content
            c0, _ = clause_bounds(cue)
            subj = [c for c in cue.children if c.dep_ in _SUBJ and c.i > comp.i]
            first = doc.char_span(c0, c0 + 1, alignment_mode="expand")
            lo = min(lo, first.start) if first is not None else lo
            hi = subj[0].left_edge.i if subj else cue.i
        elif self.to_sentence_end:
            # reported speech runs to the end of its sentence ("... is a problem but nobody dares say it"),
            # short of a quotation or a further speech verb (", adding: ...")
            _, c1 = clause_bounds(cue)
            last = doc.char_span(c1 - 1, c1, alignment_mode="expand")
            if last is not None and last.end > hi:
                # ... but not over a clause of the cue's own set off by a comma or a dash (", although he ...",
                # ", implicitly putting ...", " -- not after the election")
                stop = next((t.i for t in doc[hi : last.end] if t.text in _BREAKS and t.i + 1 < last.end and not _under(doc[t.i + 1], comp)), None)
                hi = stop if stop is not None else last.end
        if comp.i > cue.i:
            if self._quoted(doc, spans, lo, comp.right_edge.i + 1):
                return None  # the complement is a quotation: a direct or partial quote already
            for t in doc[lo:hi]:
                if _in_spans(spans, t.idx) and _is_direct(normalise_marks(doc_text(doc)), *_span_at(spans, t.idx)):
                    hi = t.i  # a direct quote after the reported clause (", adding: "...")
                    break
                if t.lemma_.lower() in self.cues and t.tag_ == "VBG" and t.i > comp.i:
                    hi = t.i
                    break
            hi = self._cut(doc, comp, lo, hi)
        span = _trim(doc[lo:hi])
        return self._make(doc, span, cue, spans, direct) if span is not None else None

    def _quoted(self, doc: Doc, spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
        """Most of doc[lo:hi] lies inside quotation marks (then the quote itself is the content)."""
        toks = [t for t in doc[lo:hi] if not t.is_punct and not t.is_space]
        inside = sum(1 for t in toks if _in_spans(spans, t.idx))
        return bool(toks) and inside * 2 > len(toks)

    def _cut(self, doc: Doc, comp: Token, lo: int, hi: int) -> int:
        """Where reported content stops short of its sentence end: before a second frame ("..., the source added",
        "..., according to Z"), a speech verb coordinated with the cue ("said A and warned B"), or a
        non-restrictive relative clause on its last noun (", who has not been charged")."""
        for t in doc[comp.i + 1 : hi]:
            if t.i < lo:
                continue
            low = t.lemma_.lower()
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                return t.i
            if low in self.cues and t.pos_ in ("VERB", "AUX"):
                subj = [c for c in t.children if c.dep_ in _SUBJ]
                if subj and subj[0].i < t.i and not _under(t, comp):
                    return subj[0].left_edge.i  # "..., the source added"
                contrast = t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in t.children)
                if subj and subj[0].i < t.i and (contrast or t.dep_ in ("conj", "parataxis")) and t.left_edge.i > lo:
                    return t.left_edge.i  # "X said A, while Y said B"
                if not subj and t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ", "VBP"):
                    return t.i  # "said A and warned B"
            concede = t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("although", "though") for c in t.children)
            if concede and t.left_edge.i > lo and doc[t.left_edge.i - 1].text in _BREAKS:
                return t.left_edge.i - 1  # ", although she gave no figure": the writer's aside
            if coordinated_with_report(t, comp, comp.head):
                return t.i  # "said the dam would supply power and accused Y": "accused" goes with "said"
            if t.dep_ == "relcl" and t.left_edge.i > lo and doc[t.left_edge.i - 1].text == "," and t.right_edge.i + 2 >= hi:
                return t.left_edge.i - 1
        return hi

    def _object_content(self, doc: Doc, cue: Token, spans, direct) -> Quote | None:
        """ "X urged supporters to monitor polls", "X questioned the integrity of ...": the object is the content."""
        if cue.lemma_.lower() not in self.object_cues:
            return None
        parts = [c for c in cue.children if c.dep_ in ("dobj", "xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ in ("about", "of", "for", "on"))]
        parts = [c for c in parts if c.i > cue.i]
        if not parts:
            return None
        lo = min(c.left_edge.i for c in parts)
        hi = max(c.right_edge.i for c in parts) + 1
        hi = self._cut(doc, doc[lo], lo, hi)
        span = _trim(doc[lo:hi])
        if span is not None and span[0].lower_ in ("about", "of", "for", "on"):
            span = _trim(doc[span.start + 1 : span.end])
        return self._make(doc, span, cue, spans, direct) if span is not None else None

    def _according(self, doc: Doc, tok: Token, spans, direct) -> Quote | None:
        """ "X did Y, according to Z": the content is the sentence before the phrase (or after it when it leads)."""
        text = doc_text(doc)
        para_start = text.rfind("\n", 0, tok.idx) + 1
        para_end = text.find("\n", tok.idx)
        para_end = len(text) if para_end < 0 else para_end
        start = para_start
        for m in _SENT_END.finditer(text, para_start, tok.idx):
            if not _in_spans(spans, m.start()) and _is_end(text, m.start()):
                start = m.end()  # "St. Louis", "Donald J. Trump", "8:30 p.m." end no sentence
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
        if span is None:
            return None
        # reported content stays in its cue's paragraph (a parse run across a line break joins two of them)
        p0, p1 = _paragraph(doc_text(doc), cue.idx)
        if span.start_char < p0 or span.end_char > p1:
            span = doc.char_span(max(p0, span.start_char), min(p1, span.end_char), alignment_mode="contract")
            span = _trim(span) if span is not None and len(span) else None
        if span is None or len(span) < 3:
            return None
        # never cut a quotation in half: content ending inside one ends with its closing mark
        inner_end = next((b for a, b in spans if a < span.end_char < b), None)
        if inner_end is not None:
            span = doc.char_span(span.start_char, inner_end, alignment_mode="expand") or span
        if cue.lower_ != "according" and self._passive(cue):
            return None  # "the talks are expected to last", "more rain was expected": no one is reported
        if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in self.object_cues | self.indirect_cues:
            return None  # "promised to raise taxes": the content of "promised", not a second report
        s, e = span.start_char, span.end_char
        if any(a < e and s < b for a, b in direct):
            return None
        actor = self._speaker(doc, cue, spans)
        if actor is None:
            return None
        return Quote(doc_text(doc)[s:e], s, e, "indirect", actor.id, actor.name, actor.start, actor.end, self._cue_text(cue))


def _under(tok: Token, top: Token) -> bool:
    """`tok` is `top` or in its subtree."""
    return top.left_edge.i <= tok.i <= top.right_edge.i and (tok.i == top.i or any(a.i == top.i for a in tok.ancestors))


def _trim(span: Span) -> Span | None:
    lo, hi = span.start, span.end
    doc = span.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in ("that", "and", "but")):
        lo += 1
    while hi > lo and ((doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in _CLOSE + '"' or doc[hi - 1].lower_ in ("and", "but")):
        hi -= 1
    return doc[lo:hi] if hi > lo else None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The paragraph (line) around `pos`: a parse run across a blank line must not lend a subject."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _span_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next((s, e) for s, e in spans if s <= pos < e)


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _near(text: str, prev_end: int, start: int) -> bool:
    """The previous quote ended at most one paragraph before this one starts."""
    return text.count("\n\n", prev_end, start) <= 1 and start - prev_end < 600


_LABEL = re.compile(r"^[\"\u201c]?(?P<label>[A-Z][\w.'\u2019-]*(?:[ ][A-Z][\w.'\u2019-]*){0,3}):[ \t]+(?P<words>[^\n]+)$", re.M)
_DASH = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-][ \t\u00a0]*(?P<name>[A-Z][\w.'\u2019-]*(?:[ \u00a0][A-Z][\w.'\u2019-]*){0,4})")
_BREAKS = {",", ";", "--", "\u2015", "\u2014", "\u2013"}
_SENT_END = re.compile(r"[.?!](?=\s)")


def _is_end(text: str, i: int) -> bool:
    """A full stop at i ends a sentence unless it closes an initial ("R.") or an abbreviation ("Mr.", "U.S.")."""
    if text[i] != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "\"\u201c(":
        j -= 1
    word = text[j:i].lower()
    if len(word) == 1 and word.isalpha():
        return False
    return word not in words(_CUES, "abbreviation")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding `pos` (a sentence end before it), not before `lo`."""
    best = lo
    for m in _SENT_END.finditer(text, lo, pos):
        if _is_end(text, m.start()):
            best = m.end()
    return best


def _sentence_end(text: str, pos: int, hi: int, spans: list[tuple[int, int]]) -> int:
    for m in _SENT_END.finditer(text, pos, hi):
        if not _in_spans(spans, m.start()) and _is_end(text, m.start()):
            return m.end()
    return hi


@Language.factory("newsgraph_quotes", default_config={"indirect": True})
def make_quotes(nlp: Language, name: str, indirect: bool) -> QuoteFinder:
    return QuoteFinder(indirect=indirect)


__all__ = ["QuoteFinder", "quote_spans", "sections"]
