"""`newsgraph_quotes_ud`: quotes attributed from a Universal Dependencies parse, cue words as per-language data.

Why a second quote finder: `newsgraph_quotes` reads English (ClearNLP labels, English cue verbs and patterns).
The spaCy pipelines of most other languages (French, Spanish, German, Italian...) parse to Universal
Dependencies, so one syntax-based finder serves all of them; what changes per language is data: the speech
verbs and "according to" words (data/cues.<lang>.tsv), read through the `cues` setting of the component.

What it finds, all from the parse:
- direct: a quotation (« », “ ”, „ “, " ") of at least `min_words` words whose sentence holds a speech verb
  outside the quotation marks ("« ... », a déclaré X", "X a affirmé : « ... »"); the speaker is the verb's
  subject (`nsubj`).
- indirect: a speech verb with a clausal complement (`ccomp`: "X a affirmé que ..."); the content is that clause.
- according to: a source word (`selon`) heading a name (`case` of an `obl`/`nmod`); the content is the rest of
  its sentence.
A speaker that is a personal pronoun is the nearest person named before it (within the article); a speaker
that is no entity keeps its words as `speaker_name` and no id.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.lexicon import words
from newsgraph.records import Quote

#: Opening mark -> closing marks it pairs with.
_MARKS = {"«": "»", "“": "”", "„": "“”", '"': '"', "‹": "›"}
_QUOTE = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"\n]*\"|‹[^‹›]*›")
#: Subjects that speak; a passive speech verb's subject ("il a été précisé", "elle a été informée que") does not.
_SUBJECTS = ("nsubj",)
#: What a speaker can be: a name, a noun ("le ministre"), or a pronoun whose person was named before.
_SPEAKER_POS = ("PROPN", "NOUN", "PRON")
#: A verb hung on another by these relations shares its subject ("a défendu le projet, affirmant que ...").
_INHERITS = ("advcl", "xcomp", "conj")
#: Infinitive endings cut to get a verb's stem, and the shortest stem that may match a form by its start.
_INFINITIVE_ENDINGS = ("er", "ir", "re", "ar", "en")
_MIN_STEM = 5
_NAME_DEPS = ("flat", "flat:name", "compound", "appos", "amod", "det", "nmod", "case")


@Language.factory("newsgraph_quotes_ud", default_config={"cues": "cues.fr.tsv", "min_words": 3})
def make_quotes_ud(nlp: Language, name: str, cues: str, min_words: int) -> UDQuoteFinder:
    """cues: the data file of speech-verb lemmas ([verb]) and source words ([according_to]) of the language;
    min_words: a quotation shorter than this is a scare quote or a title, not speech."""
    return UDQuoteFinder(cues, min_words)


class UDQuoteFinder:
    """Set `doc._.ng_quotes` from a UD parse and the language's cue words."""

    def __init__(self, cues: str, min_words: int = 3):
        self.cues = cues
        self.min_words = min_words

    @property
    def verbs(self) -> frozenset[str]:
        return words(self.cues, "verb")

    def is_cue(self, tok: Token) -> bool:
        """A speech verb: its lemma is listed, or (small models often miss a verb's lemma: "estime" -> "estime")
        its form starts with a listed verb's stem of at least `_MIN_STEM` letters (infinitive ending cut)."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        if tok.lemma_.lower() in self.verbs:
            return True
        return any(tok.lower_.startswith(stem) for stem in _stems(self.cues))

    @property
    def according(self) -> frozenset[str]:
        return words(self.cues, "according_to")

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        if not doc.has_annotation("DEP"):
            doc._.ng_quotes = []
            return doc
        text = doc_text(doc)
        marks = [_strip(text, m.start() + 1, m.end() - 1) for m in _QUOTE.finditer(text)
                 if len(m.group()[1:-1].split()) >= self.min_words]
        quotes: list[Quote] = []
        for s, e in marks:
            q = self._direct(doc, s, e, marks)
            if q is not None:
                quotes.append(q)
        for sent in doc.sents:
            for tok in sent:
                if self.is_cue(tok):
                    q = self._indirect(doc, tok, marks)
                    if q is not None:
                        quotes.append(q)
                elif tok.lower_ in self.according and tok.dep_ == "case":
                    q = self._according(doc, tok, sent, marks)
                    if q is not None:
                        quotes.append(q)
        quotes = _unique(quotes)
        doc._.ng_quotes = quotes
        return doc

    # ------------------------------------------------------------------------------------------------------------

    def _direct(self, doc: Doc, s: int, e: int, marks: list[tuple[int, int]]) -> Quote | None:
        """A quotation with a speech verb outside the marks in its sentence(s), spoken by the verb's subject."""
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return None
        sents = {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}
        following = span[-1].sent.end
        if following < len(doc):  # « ... », a-t-il déclaré. in the next "sentence" after a closing mark
            sents.setdefault(doc[following].sent.start, doc[following].sent)
        own = {span[0].sent.start, span[-1].sent.start}
        cues = [t for sent in sents.values() for t in sent if self.is_cue(t) and not _inside(t, marks)]
        # the quotation's own sentence first ("Elle a ajouté que Rome souhaitait « ... »"), then the incise after it
        for cue in sorted(cues, key=lambda t: (t.sent.start not in own, abs(t.idx - e))):
            incise = _incise(doc, cue, e)
            if not _reports(cue) or (cue.sent.start not in own and not incise):
                continue  # a verb in the next sentence speaks of this quotation only as its incise
            if incise:
                speaker = _inverted_speaker(cue, marks)
            else:
                speaker = _subject(cue, marks) or (_inverted_speaker(cue, marks) if cue.idx > e else None)
            q = self._quote(doc, s, e, "direct", speaker, cue) if speaker is not None else None
            if q is not None:
                return q
        return None

    def _indirect(self, doc: Doc, cue: Token, marks: list[tuple[int, int]]) -> Quote | None:
        """'X a affirmé que ...': the verb's clausal complement, spoken by its subject."""
        if _inside(cue, marks):
            return None
        comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        if comp is None or not _reports(cue):
            return None
        speaker = _subject(cue, marks)
        if speaker is None:
            return None
        toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp and t.i == comp.left_edge.i)]
        toks = [t for t in toks if not t.is_punct or toks[0].i < t.i < toks[-1].i]
        if len(toks) < self.min_words:
            return None
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(ms <= s and e <= me for ms, me in marks):
            return None  # inside a direct quotation: that quotation is the quote
        return self._quote(doc, s, e, "indirect", speaker, cue)

    def _according(self, doc: Doc, case: Token, sent: Span, marks: list[tuple[int, int]]) -> Quote | None:
        """'Selon X, ...': the source is the noun the word introduces; the content is the rest of the sentence."""
        source = case.head
        phrase = sorted(source.subtree, key=lambda t: t.i)
        lo, hi = min(t.i for t in phrase + [case]), max(t.i for t in phrase)
        rest = [t for t in sent if (t.i < lo or t.i > hi)]
        while rest and (rest[0].is_punct or rest[0].is_space):
            rest.pop(0)
        while rest and (rest[-1].is_punct or rest[-1].is_space):
            rest.pop()
        if len(rest) < self.min_words or find_entity(doc, source.idx, source.idx + len(source.text)) is None and \
                source.ent_type_ not in ("PER", "PERSON", "ORG"):
            return None
        s, e = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        return self._quote(doc, s, e, "indirect", source, case)

    def _quote(self, doc: Doc, s: int, e: int, kind: str, speaker: Token, cue: Token) -> Quote | None:
        if speaker.pos_ not in _SPEAKER_POS or not any(ch.isalpha() for ch in speaker.text) or \
                speaker.text[-1:] in ("'", "\u2019"):
            return None  # a mark, a conjunction or an elided article ("l'on") the parse took for a subject
        sp_s, sp_e = _name_span(speaker)
        ent = find_entity(doc, sp_s, sp_e)
        if ent is None and speaker.pos_ == "PRON":
            ent = _antecedent(doc, speaker.idx)
            if ent is not None:
                sp_s, sp_e = speaker.idx, speaker.idx + len(speaker.text)
        name = ent.name if ent is not None else doc_text(doc)[sp_s:sp_e]
        if ent is None and speaker.pos_ == "PRON":
            return None  # "il a dit" with nobody named before it: a speaker we cannot name is not a speaker
        return Quote(doc_text(doc)[s:e], s, e, kind, ent.id if ent else None, name, sp_s, sp_e, cue.text)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the spaces French typography puts inside « »."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _inside(tok: Token, marks: list[tuple[int, int]]) -> bool:
    return any(s <= tok.idx < e for s, e in marks)


def _subject(verb: Token, marks: list[tuple[int, int]] = ()) -> Token | None:
    """The verb's subject; for a participle or infinitive hung on another verb ("..., affirmant que"), that
    verb's subject. Never a word inside a quotation (`marks`): the parse often hangs the incise's verb on the
    quoted sentence, whose subject is not who speaks; nor is a verb inside a quotation climbed to."""
    tok = verb
    for _ in range(3):
        for c in tok.children:
            if (c.dep_ in _SUBJECTS or _clitic_subject(c)) and not _inside(c, marks):
                return c
        if tok.dep_ not in _INHERITS or tok.head is tok or _inside(tok.head, marks):
            return None
        tok = tok.head
    return None


def _clitic_subject(tok: Token) -> bool:
    """An inverted subject pronoun written with a hyphen ("explique-t-il", "a-t-elle ajouté"), which the small
    models attach as `dep`: a pronoun after its verb whose form starts with a hyphen (the euphonic "-t" alone is
    no pronoun)."""
    return tok.pos_ == "PRON" and tok.i > tok.head.i and tok.text.startswith("-") and tok.text.lower() != "-t"


def _incise(doc: Doc, verb: Token, quote_end: int) -> bool:
    """The verb opens an incise right after the quotation ("», explique-t-il", "», a déclaré X"): between the
    closing mark and the verb only punctuation, spaces and auxiliaries. French inverts the subject there, so the
    speaker comes after the verb."""
    if verb.idx < quote_end:
        return False
    i = verb.i
    while i > 0 and doc[i - 1].idx >= quote_end:
        i -= 1
    return all(t.is_punct or t.is_space or t.pos_ == "AUX" or _clitic_subject(t) for t in doc[i : verb.i])


def _reports(verb: Token) -> bool:
    """A speech verb that reports what someone said: not negated ("rien ne dit que": Polarity=Neg), not passive
    ("comme il a été précisé": nobody named) and not an infinitive ("permet de dire que", "on ne peut pas
    soutenir que", "», demander le programme": said by nobody)."""
    if "Inf" in verb.morph.get("VerbForm"):
        return False
    return not any("Neg" in c.morph.get("Polarity") or c.dep_ == "aux:pass" for c in verb.children)


def _inverted_speaker(verb: Token, marks: list[tuple[int, int]] = ()) -> Token | None:
    """The speaker of an incise after a quotation ("», a déclaré l'ingénieure en chef, Hélène Garnier."): an
    inverted subject pronoun ("-t-il"), else the first person named after the verb in its sentence, else the
    verb's subject or object after it (the parse often reads the inverted subject as one)."""
    clitic = next((c for c in verb.children if _clitic_subject(c)), None)
    if clitic is not None:
        return clitic
    for tok in verb.sent:
        if tok.i > verb.i and tok.ent_type_ in ("PER", "PERSON"):
            return tok
        if tok.i > verb.i and tok.is_punct and tok.text in ".;:!?":
            break
    return next((c for c in verb.children if c.dep_ in ("obj", "nsubj") and c.i > verb.i and not _inside(c, marks)),
                None)


@lru_cache(maxsize=8)
def _stems(cues: str) -> tuple[str, ...]:
    """Stems of the listed verbs (infinitive ending cut), long enough not to match unrelated words."""
    out = []
    for verb in words(cues, "verb"):
        for ending in _INFINITIVE_ENDINGS:
            if verb.endswith(ending) and len(verb) - len(ending) >= _MIN_STEM:
                out.append(verb[: -len(ending)])
                break
    return tuple(out)


def _name_span(tok: Token) -> tuple[int, int]:
    """Character span of a subject: the person named in it ("La secrétaire générale du syndicat, Claire Dubois"),
    else its name tokens (flat/compound), not a relative clause or a comma tail."""
    for child in tok.children:
        if child.dep_ in ("appos", "nmod") and child.ent_type_ in ("PER", "PERSON") and child.i > tok.i:
            tok = child
            break
    toks = [tok] + [t for t in tok.subtree if t.head == tok and t.dep_ in ("flat", "flat:name", "compound")]
    if tok.ent_iob_ != "O" and tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return ent.start_char, ent.end_char
    if tok.pos_ == "NOUN":  # a description names the speaker only whole: "la dirigeante de la CGT", not "dirigeante"
        toks = _phrase(tok)
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


#: Relations that keep a word inside a noun phrase that describes a speaker (no clause, no apposition list).
_PHRASE_DEPS = ("det", "amod", "nmod", "case", "flat", "flat:name", "compound", "fixed", "nummod")


def _phrase(head: Token) -> list[Token]:
    """The noun phrase of `head`: its words reached through `_PHRASE_DEPS` only, cut to the run that touches it."""
    keep = {head.i}
    stack = [head]
    while stack:
        for c in stack.pop().children:
            if c.dep_ in _PHRASE_DEPS and c.i not in keep:
                keep.add(c.i)
                stack.append(c)
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    return list(head.doc[lo : hi + 1])


def _antecedent(doc: Doc, before: int):
    """The person entity mentioned last before character `before` (a pronoun speaker's most likely referent)."""
    best, best_at = None, -1
    for ent in doc._.ng_entities or []:
        if ent.type != "person":
            continue
        for m in ent.mentions:
            if best_at < m.start < before:
                best, best_at = ent, m.start
    return best


def _unique(quotes: list[Quote]) -> list[Quote]:
    """One quote per content span; a direct quotation wins over an indirect reading that overlaps it."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (q.kind != "direct", q.start)):
        if any(o.start < q.end and q.start < o.end for o in out):
            continue
        out.append(q)
    return sorted(out, key=lambda q: q.start)
