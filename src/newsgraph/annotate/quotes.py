"""`newsgraph_quotes`: direct, partial and indirect quotes with their speaker resolved to an entity.

1. Quotation-mark spans are found in the text (curly, straight or typewriter '' marks, nesting respected; a quote
   left open at a paragraph end continues when the next paragraph opens with a mark, the news convention for
   multi-paragraph quotes).
2. A span is `direct` when it starts a sentence or follows a colon/comma and starts with a capital; else `partial`
   (a fragment inside reported speech: made a "grave error").
3. The speaker comes from the quote's frame, the rest of its sentence: a cue verb of data/cues.tsv and its
   subject ("...," he added; X told Reuters: "..."; agencies quoted X as saying; according to X; "..." - Name), or
   the paragraph before when it ends with a colon ("X continued:"). '"A," X said. "B."' is one quote in two parts.
   A quote without a frame continues the previous quote's speaker only when nothing but that quote's own frame
   stands between them (`_carries`); otherwise the nearest person before it is kept as a guess that
   quote_evidence.py hides. A paragraph "NAME: words" (transcripts) is a direct quote of NAME.
4. Indirect speech: a cue verb of the [indirect] list with a clausal complement ("X said (that) ...", also
   post-posed: "..., a source said"), an [object] verb's object ("X urged supporters to vote"), or an
   "according to X" phrase; the content is the clause, to the end of the sentence but not over a second frame
   (", the source added", "according to"), a coordinated speech verb, a comma-set clause outside the complement,
   a concessive aside or a trailing non-restrictive relative clause, and never out of the cue's paragraph. A cue
   inside another cue's complement and a passive cue without agent report nothing of their own.
   A partial quote takes the cue whose clause holds it.
Speakers resolve through `resolve.py`: entity names, pronouns (`pronouns.py`), role descriptions, or the phrase
itself; a dateline is never a speaker, and a coordinated subject ("Tim and Kristina said") names every speaker
(`Quote.speakers`) rather than one of them (quote_speakers.py).
Quotation marks and sentence bounds live in quote_marks.py, cue words and speakers in quote_speakers.py, indirect
speech in quote_indirect.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.annotate.config import config_of, from_config, knob
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.gender import agrees
from newsgraph.annotate.lexicon import LexiconComponent, Sections, mapping, section_words, sections
from newsgraph.annotate.quote_indirect import IndirectSpeech
from newsgraph.annotate.quote_marks import (
    CUES,
    in_spans,
    inner_span,
    is_direct,
    is_sentence_end,
    near_previous,
    normalise_marks,
    quote_spans,
    sentence_end,
    sentence_start,
)
from newsgraph.annotate.quote_shapes import speech_tag
from newsgraph.annotate.quote_speakers import SPEAKER_HOW, how_of, note_how, points_back
from newsgraph.annotate.resolve import (
    Actor,
    doc_text,
    resolve_speaker,
)
from newsgraph.annotate.speaker_surnames import reassign_shared_surnames
from newsgraph.annotate.triggers import ParseTriggers
from newsgraph.records import Quote


@dataclass(frozen=True)
class QuoteWindows:
    """How far a quote reaches for a speaker or a second part (characters of the body)."""

    continue_gap: int = knob(300, "'\"A,\" said X. \"B.\"': a frame shorter than this in one paragraph joins two parts")
    near_chars: int = knob(600, "a quote without a frame keeps the previous quote's speaker within this distance, nothing but its frame between")
    near_breaks: int = knob(1, "... and at most this many paragraph breaks apart")
    inherit_chars: int = knob(1500, "else the nearest person mentioned at most this far before it is kept as a guess (speaker hidden)")


def cue_triggers(lexicon: Sections) -> ParseTriggers:
    """The words that make a sentence worth parsing for quotes: cue verbs and the 'according' phrases' heads."""
    verbs = section_words(lexicon, "verb", "quoting", "indirect", "object")
    other = frozenset(row[0].split()[0].lower() for row in lexicon.get("according", []))
    return ParseTriggers(verbs, frozenset(), other)


class QuoteFinder(IndirectSpeech, LexiconComponent):
    """Set `doc._.ng_quotes`."""

    default_lexicon = staticmethod(partial(sections, CUES))

    def __init__(self, indirect: bool = True, to_sentence_end: bool = True, windows: QuoteWindows | None = None):
        self.indirect = indirect
        self.to_sentence_end = to_sentence_end
        self.windows = windows or QuoteWindows()
        self.set_lexicon(self.default_lexicon())

    def set_lexicon(self, data: Sections) -> None:
        """Cue words from a lexicon in the format of data/cues.tsv ([verb], [indirect], [object], [quoting]...)."""
        self.lexicon = data
        self.cues = section_words(data, "verb")
        self.indirect_cues = section_words(data, "indirect")
        self.object_cues = section_words(data, "object")
        self.quoting = section_words(data, "quoting")
        self.hearer_cues = section_words(data, "hearer")
        self.according = [a.split() for a in section_words(data, "according")]
        self._triggers = cue_triggers(data)

    def parse_triggers(self) -> ParseTriggers:
        """What `newsgraph_parse` must parse for this component (see triggers.py)."""
        return self._triggers

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        text = doc_text(doc)
        marks = normalise_marks(text)
        spans = quote_spans(marks)
        quotes: list[Quote] = []
        for s, e in spans:
            direct = is_direct(marks, s, e)
            actor, cue = self._attribute(doc, s, e, spans, direct, marks)
            i0, i1 = inner_span(marks, s, e)
            if i1 <= i0:
                continue
            prev = quotes[-1] if quotes else None
            if speech_tag(doc.char_span(i0, i1, alignment_mode="expand"), _is_speech):
                # '"... approaching Mahala, "NATO spokesman X said in Sarajevo.': the frame of the quotation
                # before it, left between marks by straight quotes; no quote, its subject speaks the one before
                self._tag_speaks(doc, text, prev, i0, i1, spans)
                continue
            if direct and actor is not None and prev is not None:
                actor = self._pronoun_goes_on(doc, text, actor, prev, s, spans)
            if prev is not None and prev.kind == "direct" and self._continues(text, prev, s, spans):
                # '"A," said X. "B."': one quote in two parts around its frame; a quotation with a frame of its own
                # ('... narration. "B," she said') is a quote of its own, even when its speaker is the same; a
                # fragment after a sentence of narration ('call it X (some prefer the term "Y.")') is no second part
                if (actor is None or actor.start == prev.speaker_start) and self._only_frame_between(text, prev, s, spans):
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
                q = Quote(text[i0:i1], i0, i1, kind, actor.id, actor.name, actor.start, actor.end, cue, speakers=list(actor.members) or None)
                note_how(doc, f"s{actor.start}", actor.how)
            quotes.append(q)
        labelled = self._labelled(doc, spans, quotes)
        quotes = [q for q in quotes if not any(lq.start < q.end and q.start < lq.end for lq in labelled)] + labelled
        if self.indirect:
            quotes += self._indirect(doc, spans, quotes)
        _reported_antecedents(doc, quotes)
        reassign_shared_surnames(doc, quotes)
        seen: set[tuple[int, int]] = set()
        unique = []
        for q in sorted(quotes, key=lambda q: (q.start, q.kind != "indirect")):
            if q.kind == "indirect" and (q.start, q.end) in seen:
                continue
            seen.add((q.start, q.end))
            unique.append(q)
        doc._.ng_quotes = unique
        return doc

    def _tag_speaks(self, doc: Doc, text: str, prev: Quote | None, i0: int, i1: int, spans: list[tuple[int, int]]) -> None:
        """The speech tag at i0..i1 frames the previous direct quote when that one has no framed speaker and only
        the rest of its own words (no sentence end, at most one paragraph break) stand between them."""
        if prev is None or prev.kind != "direct" or (prev.speaker_name and how_of(doc, f"q{prev.start}") != "nearest"):
            return
        gap = text[prev.end : i0]
        if gap.count("\n\n") > 1 or any(is_sentence_end(text, prev.end + m.start()) for m in _STOP.finditer(gap)):
            return
        tag = doc.char_span(i0, i1, alignment_mode="expand")
        verb = next((t for t in tag if t.pos_ in ("VERB", "AUX") and _is_speech(t)), None) if tag is not None else None
        # the tag's own marks are no quotation: its subject is sought as outside any
        free = [(a, b) for a, b in spans if not a <= i0 < b]
        actor = self._speaker(doc, verb, free) if verb is not None else None
        if actor is None:
            return
        prev.speaker, prev.speaker_name, prev.speaker_start, prev.speaker_end = actor.id, actor.name, actor.start, actor.end
        prev.cue, prev.speakers = self._cue_text(verb), list(actor.members) or None
        (doc.user_data.get(SPEAKER_HOW) or {}).pop(f"q{prev.start}", None)  # framed now, no guess
        note_how(doc, f"s{actor.start}", actor.how)

    def _continues(self, text: str, prev: Quote, start: int, spans: list[tuple[int, int]]) -> bool:
        """The gap between two quotes is the same paragraph and at most a short attribution frame."""
        gap = text[prev.end : start]
        between = [a for a, _ in spans if prev.end + 2 < a < start]
        return "\n" not in gap and len(gap) < self.windows.continue_gap and not between and prev.speaker_name is not None

    def _inherit(self, doc: Doc, q: Quote, quotes: list[Quote], spans: list[tuple[int, int]]) -> None:
        """A direct quote without a frame. Its speaker is the previous quote's only under clear conditions
        (`_carries`: news sets a speaker's next paragraph of speech right after the framed one, with nothing
        between); else the nearest person before it is recorded as a guess ("nearest"), which quote_evidence
        scores too low to show: in interviews and documents the nearest name is as often the one spoken about."""
        text = doc_text(doc)
        prev = quotes[-1] if quotes else None
        if prev is not None and prev.speaker_name and self._carries(doc, text, prev, q.start, spans):
            q.speaker, q.speaker_name, q.cue, q.speakers = prev.speaker, prev.speaker_name, prev.cue, prev.speakers
            note_how(doc, f"q{q.start}", "continued")
            return
        from newsgraph.annotate.resolve import nearest_before

        hit = nearest_before(doc, q.start, {"person"}, spans)
        if hit is not None and q.start - hit[2] < self.windows.inherit_chars:
            q.speaker, q.speaker_name, q.speaker_start, q.speaker_end = hit[0].id, hit[0].name, hit[1], hit[2]
            note_how(doc, f"q{q.start}", "nearest")

    def _pronoun_goes_on(self, doc: Doc, text: str, actor: Actor, prev: Quote, start: int, spans: list[tuple[int, int]]) -> Actor:
        """'"A," X said. / "B," he added.': a pronoun framing a quote that follows the previous quote with nothing
        but that quote's own frame between (`_carries`) stands for the previous quote's speaker, the discourse's
        current speaker, when that speaker is of the type the pronoun was resolved to. Without this, the pronoun's
        antecedent is sought among sentence subjects (`resolve_pronoun`), and a speaker named as an object ("news
        agencies quoted X as saying") loses to a subject further back."""
        if actor.entity is None or actor.how not in PRONOUN_GUESSES or prev.kind != "direct" or not prev.speaker:
            return actor
        if actor.entity.id == prev.speaker or not self._carries(doc, text, prev, start, spans):
            return actor
        ent = next((e for e in doc._.ng_entities or [] if e.id == prev.speaker), None)
        if ent is None or ent.type != actor.entity.type:
            return actor
        pron = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if pron is not None and len(pron) == 1 and not agrees(doc, pron[0], ent):
            return actor  # '"A," Mr. X said. "B," she added': she is not X
        return Actor(ent, ent.name, actor.start, actor.end, "subject")

    def _carries(self, doc: Doc, text: str, prev: Quote, start: int, spans: list[tuple[int, int]]) -> bool:
        """The previous quote's speaker goes on into a frameless quote: the previous quote was framed (or carried
        itself), no quotation lies between, at most `near_breaks` paragraph breaks and `near_chars` characters
        separate them, and between them stands nothing but the previous quote's own frame (", she said."), no
        sentence of narration ("Is he a good leader?", "He lamented ..."), which may bring in another speaker."""
        if how_of(doc, f"q{prev.start}") == "nearest":
            return False
        if not near_previous(text, prev.end, start, self.windows.near_chars, self.windows.near_breaks):
            return False
        if any(prev.end + 2 < a and b <= start for a, b in spans):
            return False
        return self._only_frame_between(text, prev, start, spans)

    def _only_frame_between(self, text: str, prev: Quote, start: int, spans: list[tuple[int, int]]) -> bool:
        """Nothing but the previous quote's own frame (", she said.") stands between it and `start`: no sentence of
        narration, which may bring in another speaker ('"A," Hagan said. Munford saw the light. "B."') or end the
        report ('... call it X (some prefer the term "Y.")')."""
        gap = text[prev.end : start]
        if prev.speaker_start is not None and prev.speaker_start >= prev.end:
            # the frame follows the quote: skip it up to its sentence end
            stop = sentence_end(text, prev.speaker_start, start, spans)
            gap = text[stop:start] if stop < start else ""
        return _WORD.search(gap) is None

    def _labelled(self, doc: Doc, spans: list[tuple[int, int]], quotes: list[Quote]) -> list[Quote]:
        """Transcript and headline form: a paragraph "NAME: words" where NAME is in capitals or a person."""
        from newsgraph.annotate.doc_entities import find_entity

        out = []
        for m in _LABEL.finditer(doc_text(doc)):
            label = m.group("label")
            ent = find_entity(doc, m.start("label"), m.end("label"))
            if not (label.isupper() or (ent is not None and ent.type == "person")):
                continue
            if label.lower() in _furniture_labels():
                continue  # "CLARIFICATION: The first sentence has been clarified ...": the page's own note, nobody's line
            s, e = m.start("words"), m.end("words")
            i0, i1 = inner_span(normalise_marks(doc_text(doc)), s, e)
            if i1 - i0 < 3:
                continue
            name = ent.name if ent is not None else label.title()
            out.append(Quote(doc_text(doc)[i0:i1], i0, i1, "direct", ent.id if ent else None, name, m.start("label"), m.end("label"), ":"))
        return out

    def _attribute(self, doc: Doc, s: int, e: int, spans: list[tuple[int, int]], direct: bool, marks: str | None = None) -> tuple[Actor | None, str | None]:
        """Speaker and cue from the sentence(s) around the quote, outside any quotation marks (`marks`: the text with
        its quotation marks normalised, as `spans` were found in it)."""
        text = doc_text(doc)
        para_start = text.rfind("\n", 0, s) + 1
        para_end = text.find("\n", e)
        para_end = len(text) if para_end < 0 else para_end
        # the frame: from the previous sentence end (or paragraph start) to the next sentence end
        fs = max(para_start, sentence_start(text, para_start, s))
        fe = sentence_end(text, e, para_end, spans)
        if closes_sentence(marks or text, s, e):
            fe = e  # '"... we don't normally see." The owners who say ...': the next sentence is no frame of it
        if fs == para_start and text[para_start:s].strip() == "" and text[:para_start].rstrip().endswith(":"):
            # "Caddell continued:" closing the paragraph before the quote
            prev_end = len(text[:para_start].rstrip())
            fs = sentence_start(text, text.rfind("\n", 0, prev_end) + 1, prev_end - 1)
        dash = _DASH.match(text, e)
        if dash:
            tok = doc.char_span(dash.start("name"), dash.end("name"), alignment_mode="expand")
            if tok is not None:
                return resolve_speaker(doc, tok.root, spans), "\u2015"
        cands: list[Token] = []
        span = doc.char_span(fs, fe, alignment_mode="expand")
        if span is None:
            return None, None
        ends = _ends_sentence(marks or text, s, e)
        for tok in span:
            if in_spans(spans, tok.idx):
                continue
            if ends and any(e <= a < tok.idx for a, _ in spans):
                continue  # '"B." "C," Y told ...': the frame after the next quotation is that quotation's
            if any(e <= a and b <= tok.idx and closes_sentence(marks or text, a, b) for a, b in spans):
                continue  # 'He claimed that "A" and "B." Y believes that ...': a later quotation ends the sentence
            c = self._cue_of(tok)
            if c:
                cands.append(tok)
        # the cue whose clause holds the quote first ('X said the deal "...", while Y said ...'), nearest above it;
        # then the nearest cue to the quote: after it, then before it
        inner = doc.char_span(*inner_span(text, s, e), alignment_mode="expand") if not direct else None
        above = [a.i for a in inner.root.ancestors] if inner is not None and len(inner) else []
        colon = _colon_frame(text, s, cands) if direct else None
        cands.sort(key=lambda t: (t.i != colon, above.index(t.i) if t.i in above else len(above), 0 if t.idx >= e else 1, abs(t.idx - (e if t.idx >= e else s))))
        if cands and _cue_class(cands[0]) == "cognition" and _cue_class(cands[0].head) == "speech" and cands[0].head in cands:
            # "Officers believed X had 'two open containers', the attorney said": a belief that is itself the clause
            # a speech cue reports is no speech, so the quoted words are the reporter's ("the IRS had found X
            # under the rubric of 'security'" deeper down keeps its own cue)
            report = cands[0].head.i
            cands.sort(key=lambda t: t.i != report)
        for tok in cands:
            if points_back(tok):
                break  # '"...?" This question X posed was answered by Y, who ... flags indicating ...': no frame
            actor = self._speaker(doc, tok, spans)
            if actor is not None:
                return actor, self._cue_text(tok)
        return None, None


def _reported_antecedents(doc: Doc, quotes: list[Quote]) -> None:
    """A pronoun speaker whose antecedent is only mentioned inside what an earlier quote reports ('According to a
    press release, the Perinatal Service will remain closed. It further explains that ...': "It" is the release,
    not the service spoken about): a nearer source stands between the pronoun and the name, so the pronoun's
    speaker is contested (hidden, quote_evidence "pronoun_contested"), never shown as the name."""
    ents = {e.id: e for e in doc._.ng_entities or []}
    for q in quotes:
        if not q.speaker or q.speaker_start is None or how_of(doc, f"s{q.speaker_start}") not in PRONOUN_GUESSES:
            continue
        ent = ents.get(q.speaker)
        before = [m for m in (ent.mentions if ent is not None else []) if m.end <= q.speaker_start]
        if not before:
            continue
        m = max(before, key=lambda m: m.start)
        inside = [p for p in quotes if p is not q and p.start <= m.start < p.end and p.end <= q.speaker_start and p.speaker != q.speaker]
        if inside and not any(p.speaker_start is not None and p.speaker_start <= m.start < p.speaker_end for p in inside):
            note_how(doc, f"s{q.speaker_start}", "contested")


_WORD = re.compile(r"\w")
#: The most characters between a cue and the colon that introduces a quotation ('saying:', 'said in a statement:').
COLON_FRAME_CHARS = 30


def _colon_frame(text: str, s: int, cands: list[Token]) -> int | None:
    """The cue that a colon right before the quotation closes ('... climbed onto a chair shouting: "I want to
    sing!" The elders said ...'): the frame stands before the words it introduces, so a cue of the next
    sentence, which a quotation ending in "!" or "?" does not fence off, is not its frame. The token index, or None."""
    before = text[:s].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    near = [t for t in cands if t.idx < colon and colon - (t.idx + len(t.text)) <= COLON_FRAME_CHARS]
    return max(near, key=lambda t: t.idx).i if near else None




def _ends_sentence(text: str, s: int, e: int) -> bool:
    """The quotation's words end with a full stop that ends a sentence ('"... wore him down."'): a quotation that
    follows it is a sentence of its own, and a frame after that one is not this quotation's."""
    i0, i1 = inner_span(text, s, e)
    return i1 > i0 and text[i1 - 1] == "." and is_sentence_end(text, i1 - 1)


def closes_sentence(text: str, s: int, e: int) -> bool:
    """A quotation whose words end with a full stop inside its marks and that a capitalised word follows ("... we
    don't see." The Davidsons say ...) ends its sentence: a frame after it would follow a comma ('..., " she said')
    or a lower-case word; '!' and '?' are left out, as '"Stop!" Lee shouted' frames the quote after them."""
    i0, i1 = inner_span(text, s, e)
    if i1 <= i0 or text[i1 - 1] != "." or not is_sentence_end(text, i1 - 1):
        return False
    nxt = _NEXT.match(text, e)
    return nxt is not None and nxt.group(1).isupper()


_NEXT = re.compile(r"[ \t\u00a0]+(\w)")


@lru_cache(maxsize=1)
def _cue_classes() -> dict[str, str]:
    """quote_evidence.tsv [cue]: a cue's word -> speech, cognition, according or other."""
    return mapping("quote_evidence.tsv", "cue")


@lru_cache(maxsize=1)
def _furniture_labels() -> frozenset[str]:
    """quote_evidence.tsv [furniture_label]: labels of the page's own notes ("Correction", "Editor's note")."""
    from newsgraph.annotate.lexicon import words

    return words("quote_evidence.tsv", "furniture_label")


def _is_speech(tok: Token) -> bool:
    return _cue_class(tok) == "speech"


_STOP = re.compile(r"[.!?]")


def _cue_class(tok: Token) -> str:
    return _cue_classes().get(tok.lemma_.lower()) or _cue_classes().get(tok.lower_, "")

#: `Actor.how` of a pronoun resolved to an antecedent (resolve.resolve_pronoun); a name or phrase has ""
PRONOUN_GUESSES = frozenset({"subject", "other", "possessive", "far", "contested"})
_LABEL = re.compile(r"^[\"\u201c]?(?P<label>[A-Z][\w.'\u2019-]*(?:[ ][A-Z][\w.'\u2019-]*){0,3}):[ \t]+(?P<words>[^\n]+)$", re.M)
_DASH = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-][ \t\u00a0]*(?P<name>[A-Z][\w.'\u2019-]*(?:[ \u00a0][A-Z][\w.'\u2019-]*){0,4})")


@Language.factory(
    "newsgraph_quotes",
    default_config={
        "indirect": True,  # also find indirect speech ("X said (that) ...", "according to X")
        "to_sentence_end": True,  # reported content runs to its sentence end (short of a second frame)
        "windows": config_of(QuoteWindows),
    },
    requires=["doc._.ng_entities", "token.dep", "token.lemma", "token.tag"],
    assigns=["doc._.ng_quotes"],
)
def make_quotes(nlp: Language, name: str, indirect: bool, to_sentence_end: bool, windows: dict) -> QuoteFinder:
    return QuoteFinder(indirect=indirect, to_sentence_end=to_sentence_end, windows=from_config(QuoteWindows, windows))


__all__ = ["QuoteFinder", "QuoteWindows", "cue_triggers", "quote_spans", "sections"]
