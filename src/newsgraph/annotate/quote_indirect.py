"""Indirect speech for `newsgraph_quotes`: reported clauses, objects of [object] cues, "according to" phrases.

A cue verb of the [indirect] list with a clausal complement ("X said (that) ...", also post-posed: "..., a source
said"), an [object] verb's object ("X urged supporters to vote"), or an "according to X" phrase; the content is the
clause, to the end of the sentence but not over a second frame, a coordinated speech verb, a comma-set clause
outside the complement, a concessive aside or a trailing non-restrictive relative clause, and never out of the
cue's paragraph. A cue inside another cue's complement and a passive cue without agent report nothing of their own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.clause_geometry import clause_bounds, coordinated_with_report
from newsgraph.annotate.quote_embedding import GAP, MAIN, OBJECT, after_predicate, embedding, names_after
from newsgraph.annotate.quote_marks import (
    CLOSE_MARKS,
    SENT_END,
    in_spans,
    is_direct,
    is_sentence_end,
    normalise_marks,
    paragraph_at,
    sentence_end,
    span_at,
)
from newsgraph.annotate.quote_speakers import SUBJ, SpeakerCues, note_how, object_as_subject
from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Quote

_BREAKS = {",", ";", "--", "\u2015", "\u2014", "\u2013"}
#: What a frame set off by commas may hold besides its cue and subject: the cue's own modifiers (to whom, when,
#: where, how: "officials told reporters on Monday", "she explained earlier in the hearing").
_FRAME_DEPS = {"prep", "advmod", "npadvmod", "dobj", "dative", "agent", "prt", "punct", "nsubj", "aux", "neg"}


def _set_off(doc: Doc, i: int) -> bool:
    """A post-posed frame starting at token i is set off from the content before it by a comma, a dash or a
    closing quotation mark ("The plan will fail, a source said"); without one the two are separate statements."""
    prev = next((t for t in reversed(doc[max(0, i - 3) : i]) if not t.is_space), None)
    return prev is not None and (prev.text in _BREAKS or prev.text in CLOSE_MARKS or prev.text in ('"', "'", "''"))


class IndirectSpeech(SpeakerCues):
    """Indirect quotes of a parsed Doc (a mixin of QuoteFinder, which loads the cue lists)."""

    indirect_cues: frozenset[str]
    object_cues: frozenset[str]
    to_sentence_end: bool

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
        mid = self._mid_frame(doc, cue, spans)
        if mid is not None:
            # "Acts of protest, X said, are acts of patriotism": the content is the sentence around the frame
            head, tail = mid
            return self._make(doc, doc[head.start : tail.end], cue, spans, direct, skip=(head.end_char, tail.start_char))
        comps = [c for c in cue.children if c.dep_ in ("ccomp",)]
        p0, _ = paragraph_at(doc_text(doc), cue.idx)
        nested = cue.head.lemma_.lower() in self.cues | self.indirect_cues  # "X said he would consider ...": content
        if not comps and cue.dep_ in ("ccomp", "parataxis") and p0 <= cue.head.idx < cue.idx and not nested:
            # "Content ..., X said." parsed with the content as head: the head clause without the cue clause
            head = cue.head
            lo, hi = head.left_edge.i, cue.left_edge.i
            if not _set_off(doc, hi):
                return None  # "... at 7:30 p.m. Astronomer X will speak on ...": no comma, no post-posed frame
            span = _trim(doc[lo:hi])
            return self._make(doc, span, cue, spans, direct) if span is not None and head.pos_ in ("VERB", "AUX") else None
        if not comps and nested and cue.dep_ in ("ccomp", "xcomp"):
            return None  # "X said he would consider naming Y": the outer report holds it
        if not comps:
            if embedding(cue, None, self.hearer_cues) == GAP and not names_after(cue):
                return None  # "Everything X mentions ...": the verb names claims inside a noun phrase, no content
            return self._object_content(doc, cue, spans, direct)
        comp = comps[0]
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        # a cue inside a free relative, an embedded question or a relative clause reports no content of its own
        # ("what X says his plan would do", "how experts say it would shape ...", "Everything X says is a lie"), or
        # only its complement, never the matrix predicate after it (quote_embedding.py)
        place = embedding(cue, comp, self.hearer_cues) if comp.i > cue.i else MAIN
        if place == GAP:
            return None
        if place == OBJECT:
            # "mentioned disparaging remarks X had made about Y": the object and the relative clause on it
            if cue.lemma_.lower() not in self.object_cues:
                return None
            obj = next(c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.i)
            end = max(comp.right_edge.i, cue.right_edge.i) + 1  # what the parse hangs on the cue after it, too
            span = _trim(doc[obj.left_edge.i : self._cut(doc, obj, obj.left_edge.i, end)])
            return self._make(doc, span, cue, spans, direct) if span is not None else None
        objs = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < comp.i]
        if objs and cue.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in SUBJ for c in comp.children) and cue.lemma_.lower() not in self.hearer_cues:
            lo = objs[0].left_edge.i  # "X explained two treatments a week is more than usual": the object is its subject
        if comp.i < cue.i:
            # "A, but B, another source said.": everything before the cue's clause is the content
            c0, _ = clause_bounds(cue)
            subj = [c for c in cue.children if c.dep_ in SUBJ and c.i > comp.i]
            first = doc.char_span(c0, c0 + 1, alignment_mode="expand")
            lo = min(lo, first.start) if first is not None else lo
            moved = object_as_subject(cue)
            hi = moved.left_edge.i - 1 if moved is not None else subj[0].left_edge.i if subj else cue.i
        elif self.to_sentence_end and (place == MAIN or after_predicate(cue)):
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
            if self._quoted(doc, spans, lo, comp.right_edge.i + 1, share=0.75):
                return None  # the complement is a quotation: a direct or partial quote already
            for t in doc[lo:hi]:
                if in_spans(spans, t.idx) and is_direct(normalise_marks(doc_text(doc)), *span_at(spans, t.idx)):
                    hi = t.i  # a direct quote after the reported clause (", adding: "...")
                    break
                if t.lemma_.lower() in self.cues and t.tag_ == "VBG" and t.i > comp.i:
                    hi = t.i
                    break
            hi = self._cut(doc, comp, lo, hi)
        span = _trim(doc[lo:hi])
        return self._make(doc, span, cue, spans, direct) if span is not None else None

    def _mid_frame(self, doc: Doc, cue: Token, spans) -> tuple[Span, Span] | None:
        """A frame set off by commas inside the sentence it reports ("The plan, officials told reporters on Monday,
        will cost billions"; "These employees, she explained, were well paid"): the parts before and after it.

        The frame is the cue, its subject (before it, or after it: "said Mr. X") and the cue's own modifiers (the
        addressee, when, where: `_FRAME_DEPS`), with a comma on each side; the part before starts the sentence and
        is no quotation (then it is a direct quote); the part after holds a verb (the reported predicate)."""
        if cue.dep_ not in ("ROOT", "parataxis", "ccomp"):
            return None  # a relative or adverbial clause ("Smith, who said ..., left") frames nothing
        subj = [c for c in cue.children if c.dep_ in ("nsubj",)]
        if not subj or self._passive(cue):
            return None
        lo = min(subj[0].left_edge.i, cue.i)
        appos = [c for c in subj[0].children if c.dep_ == "appos" and c.right_edge.i + 1 == cue.i]
        if subj[0].i < cue.i and appos and doc[appos[0].left_edge.i - 1].text == ",":
            # "The tolls, port director Ana Reyes told ...": the parse reads the speaker as an apposition to the
            # content's subject; the apposition right before the cue, after a comma, is the frame's subject
            lo = appos[0].left_edge.i
        s0, s1 = clause_bounds(cue)
        sent = doc.char_span(s0, s1, alignment_mode="contract")
        if sent is None or lo - 1 <= sent.start or doc[lo - 1].text != ",":
            return None
        # the comma that closes the frame is the writer's, never one inside a quotation ('WHO described the
        # symptoms as "fever, headache ..."': the quoted list is the description, a partial quote of its own)
        hi = next((t.i for t in doc[cue.i + 1 : sent.end] if t.text == "," and not in_spans(spans, t.idx)), None)
        if hi is None or hi + 1 >= sent.end:
            return None
        for t in doc[cue.i + 1 : hi]:
            if _under(t, subj[0]):
                continue
            top = next((a for a in [t, *t.ancestors] if a.head.i == cue.i and a.i != cue.i), None)
            if top is None or top.dep_ not in _FRAME_DEPS:
                return None  # "the ministry said the plan, which ...": the comma is inside the content
        head = _trim(doc[sent.start : lo - 1])
        tail = _trim(doc[hi + 1 : sent.end], links=())  # "X, she said, but Y": the "but" is part of what was said
        if head is None or tail is None or self._quoted(doc, spans, head.start, head.end):
            return None
        if any(t.lemma_.lower() in self.cues and any(c.dep_ in SUBJ for c in t.children) for t in head):
            return None  # a frame of its own before this one
        if not any(t.pos_ in ("VERB", "AUX") for t in tail):
            return None
        if tail.root.tag_ == "VBG" and tail.root.dep_ == "advcl" and _own_adjunct(tail.root, cue):
            # "At his cookout, the band leader called X to the stage, singing ...", "..., reports said Friday,
            # sparking worries ...": a participle after the frame is the cue's own adjunct (the reporter's), no part
            # of what was said; the frame is no mid-sentence frame (a post-posed one at most)
            return None
        cut = self._cut(doc, doc[tail.start - 1], tail.start, tail.end)
        if cut < tail.end and _splits_phrase(doc, tail.start, cut):
            # "The trick, they said, will be for the candidates to continue to ...": a cut that leaves a marker or a
            # preposition of the part after it ("for") behind splits a phrase of the content, not content from a
            # frame; the content runs on
            cut = tail.end
        tail = _trim(doc[tail.start : cut], links=()) if cut > tail.start else None
        return (head, tail) if tail is not None else None

    def _quoted(self, doc: Doc, spans: list[tuple[int, int]], lo: int, hi: int, share: float = 0.5) -> bool:
        """More than `share` of the words of doc[lo:hi] (all of them with share=1) lie inside quotation marks."""
        toks = [t for t in doc[lo:hi] if not t.is_punct and not t.is_space]
        inside = sum(1 for t in toks if in_spans(spans, t.idx))
        return bool(toks) and (inside == len(toks) if share >= 1 else inside > share * len(toks))

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
                subj = [c for c in t.children if c.dep_ in SUBJ]
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
        objs = [c for c in parts if c.dep_ == "dobj" and c.i > cue.i]
        # "urged the minister on Sunday to ban ...": the parser may read the infinitive after the object and a time
        # phrase as a purpose clause; after an object it is what the object is urged to do
        parts += [c for c in cue.children if c.dep_ == "advcl" and objs and c.i > objs[0].i and any(a.dep_ == "aux" and a.lower_ == "to" and a.i < c.i for a in c.children)]
        parts = [c for c in parts if c.i > cue.i]
        if not parts:
            return None
        lo = min(c.left_edge.i for c in parts)
        hi = max(c.right_edge.i for c in parts) + 1
        hi = self._cut(doc, doc[lo], lo, hi)
        hi = _participial_comment(doc, lo, hi)
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
        for m in SENT_END.finditer(text, para_start, tok.idx):
            if not in_spans(spans, m.start()) and is_sentence_end(text, m.start()):
                start = m.end()  # "St. Louis", "Donald J. Trump", "8:30 p.m." end no sentence
        to = doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"]
        last = doc[_name_after(doc, pobj[0].right_edge.i)] if pobj else None
        phrase_end = (last.idx + len(last.text)) if last is not None else to.idx + 2
        clause = self._according_clause(doc, tok, start, sentence_end(text, phrase_end, para_end, spans), phrase_end)
        if clause is not None:
            span, skip = clause
            return self._make(doc, span, tok, spans, direct, skip=skip)
        if text[start : tok.idx].strip(" ,\n") and len(text[start : tok.idx].split()) > 2:
            span = doc.char_span(start, tok.idx, alignment_mode="expand")
        else:
            end = sentence_end(text, phrase_end, para_end, spans)
            span = doc.char_span(phrase_end, end, alignment_mode="expand")
        span = _trim(span) if span is not None else None
        return self._make(doc, span, tok, spans, direct) if span is not None else None

    def _according_clause(self, doc: Doc, tok: Token, s0: int, s1: int, phrase_end: int) -> tuple[Span, tuple[int, int] | None] | None:
        """The clause an "according to" phrase leads, by the parse: the verb it hangs on and that verb's words,
        less the phrase ("They stay away, but according to X, officials are worried": the officials' worry, not
        the clause before "but"). Within the sentence (characters s0..s1); `skip` when the phrase stands inside
        the clause. None when the phrase hangs on no verb of its sentence or on a clause that starts the sentence
        (then the sentence before the phrase, or after it when it leads, is the content, as the writer's time
        phrases after it, "..., according to a poll, three days before the vote", are no part of the source's words)."""
        head = tok.head
        if tok.dep_ != "prep" or head.pos_ not in ("VERB", "AUX") or not s0 <= head.idx < s1:
            return None
        pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        phrase = range(tok.left_edge.i, max(tok.right_edge.i, _name_after(doc, pobj[0].right_edge.i) if pobj else 0) + 1)
        words = [t for t in head.subtree if t.i not in phrase and s0 <= t.idx < s1 and not (t.is_punct or t.is_space)]
        first = next((t for t in doc[max(0, head.left_edge.i - 60) : head.i + 1] if t.idx >= s0 and t.i not in phrase and not (t.is_punct or t.is_space)), None)
        if len(words) < 3 or first is None or words[0].i <= first.i or words[0].i < phrase[-1]:
            return None  # the phrase's clause starts the sentence, or the phrase ends it: the sentence, as before
        if head.dep_ not in ("ROOT", "conj", "parataxis", "ccomp") or not any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i == head.i for t in words):
            return None  # a relative clause or one without its subject ("which, according to X, has killed ...")
        span = _trim(doc[words[0].i : words[-1].i + 1])
        if span is None:
            return None
        skip = None
        if span.start < tok.i < span.end:
            end = doc[phrase[-1]]
            skip = (tok.idx, end.idx + len(end.text))
        return span, skip

    def _make(self, doc: Doc, span: Span | None, cue: Token, spans, direct, skip: tuple[int, int] | None = None) -> Quote | None:
        """The quote of reported content `span`; `skip`: the frame inside it, left out of the text."""
        if span is None:
            return None
        # reported content stays in its cue's paragraph (a parse run across a line break joins two of them)
        p0, p1 = paragraph_at(doc_text(doc), cue.idx)
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
        if any(a < s < b and SENT_END.search(doc_text(doc), a, s) for a, b in spans):
            return None  # content starting in the middle of a quotation, after a sentence of it: its words
        actor = self._speaker(doc, cue, spans)
        if actor is None:
            return None
        if skip is None and s <= cue.idx < e and cue.lower_ != "according":
            # content never holds its own cue: "the outbreak, which Y said had spread to ..." keeps what follows it,
            # '..., tested positive, said X' and '"To me, this is too much," said X' what stands before it
            before = s <= actor.start and actor.end <= cue.idx
            part = doc[cue.i + 1 : span.end] if before else doc[span.start : cue.i]
            part = _trim(part) if len(part) else None
            if part is None or len(part) < 3:
                return None
            end = next((b for a, b in spans if a < part.end_char < b), part.end_char)  # a quotation ends with its mark
            span, s, e = part, part.start_char, end
        if actor.start < e and s < actor.end and not (skip is not None and skip[0] <= actor.start and actor.end <= skip[1]):
            # what is reported never holds who reports it ('"...," said X, from the Group Hospitals are unable ...':
            # a source that lost a full stop runs the speaker's name into the next sentence)
            return None
        note_how(doc, f"s{actor.start}", actor.how)
        words = doc_text(doc)[s:e] if skip is None else doc_text(doc)[s : skip[0]] + " " + doc_text(doc)[skip[1] : e].lstrip(" ,")
        return Quote(words, s, e, "indirect", actor.id, actor.name, actor.start, actor.end, self._cue_text(cue), speakers=list(actor.members) or None)


#: Dependencies of a function word on the phrase it opens: a cut between them splits that phrase.
_OPENERS = ("mark", "det", "case", "aux", "prep", "cc", "poss")


def _splits_phrase(doc: Doc, lo: int, cut: int) -> bool:
    """The last word of doc[lo:cut] opens a phrase that goes on after `cut` (a marker, a determiner, an auxiliary
    whose head lies beyond, or a preposition whose object does): a cut there leaves a fragment."""
    words = [t for t in doc[lo:cut] if not (t.is_punct or t.is_space)]
    if not words:
        return False
    last = words[-1]
    if last.dep_ in _OPENERS and last.head.i >= cut:
        return True
    return last.pos_ == "ADP" and any(c.i >= cut for c in last.children)


def _own_adjunct(tok: Token, cue: Token) -> bool:
    """`tok` is an adverbial dependent of the cue itself (a prepositional phrase, an adverb, a participle without a
    subject): part of the cue's clause, not of a reported one."""
    return tok.head.i == cue.i and tok.dep_ in ("prep", "advmod", "npadvmod", "advcl") and not any(c.dep_ in SUBJ for c in tok.children)


def _participial_comment(doc: Doc, lo: int, hi: int) -> int:
    """Where a request's content (an [object] cue's object and infinitive: "urged the minister to ban ...") ends
    before a participle set off by a comma that closes it (", making clear that the establishment is skeptical
    ..."): an adverbial participle with no subject of its own at the end of the sentence says what the request
    did or showed, the reporter's narrative; the request's words end before its comma."""
    for t in doc[lo:hi]:
        start = t.left_edge.i
        if t.tag_ != "VBG" or t.dep_ != "advcl" or start <= lo + 2 or t.right_edge.i + 1 < hi:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "conj") for c in t.children) or doc[start - 1].text != ",":
            continue  # "while keeping ...", "with X doing ...": a clause of the content's own
        if t.head.tag_ == "VBG" or t.dep_ == "conj":
            continue  # "describe vehicles bumping into one car, sideswiping another, and ...": a list of what was done
        return start - 1
    return hi


def _name_after(doc: Doc, i: int) -> int:
    """The last token of a name set off by commas right after token i ("according to the Fire Chief, Don Lee, ..."):
    the source's name in apposition, part of the phrase whatever the parse hangs it on; else i."""
    if doc[i].text == "," and i > 0:
        i -= 1  # the parse may hang the comma on the name before it
    if i + 2 >= len(doc) or doc[i + 1].text != ",":
        return i
    j = i + 2
    while j < min(len(doc), i + 7) and (doc[j].is_alpha or doc[j].text.endswith(".")) and doc[j].text[:1].isupper():
        j += 1  # capitalised words, whatever their tags ("Don/NNP Mcfeely/RB")
    return j - 1 if j > i + 2 and j < len(doc) and doc[j].text == "," else i


def _under(tok: Token, top: Token) -> bool:
    """`tok` is `top` or in its subtree."""
    return top.left_edge.i <= tok.i <= top.right_edge.i and (tok.i == top.i or any(a.i == top.i for a in tok.ancestors))


def _trim(span: Span, links: tuple[str, ...] = ("that", "and", "but")) -> Span | None:
    """The span without punctuation and blanks at its ends, nor the linking words `links` ("said that ...")."""
    lo, hi = span.start, span.end
    doc = span.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ in links):
        lo += 1
    while hi > lo and ((doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in CLOSE_MARKS + '"' or doc[hi - 1].lower_ in links[1:]):
        hi -= 1
    return doc[lo:hi] if hi > lo else None
