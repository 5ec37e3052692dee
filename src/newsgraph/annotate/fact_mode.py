"""Whether a fact's keyword speaks of something that happened: a count in a rumour ("is supposedly going to take place
involving the killing of three women") or in a clause about what will or may come ("the storm could kill 12",
"is going to kill") counts no one yet.

Why the parse: the mood is that of the first verb above the keyword that carries tense (a modal, "going to", a
future), not of any verb of the sentence ("the blast, which killed three, will be investigated": the count's own
clause is past). A hearsay word before the keyword in its sentence (data/facts.tsv [hearsay]) marks a rumour. Read
by facts.py, which keeps such a fact below the display threshold (IRREALIS_CAP).

A projection is irrealis too, with no modal to show it: "planners project 210,000 deaths", "the worst case of
320,000 deaths is projected", "models show 100,000 deaths by June". A [projection] word among the keyword's heads up
to the first verb whose tense says it happened, or as the subject of a verb above a keyword noun (the parse), or, in a sentence not parsed, in the count's own clause within PROJECTION_WINDOW tokens of it,
marks it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.lexicon import words

_DATA = "facts.tsv"
#: how far up the parse a tensed verb is looked for
MAX_HOPS = 6
#: modal auxiliaries whose clause has not happened (would/could/might/may: a possibility; will/shall: to come)
_MODALS = ("will", "would", "could", "might", "may", "shall", "'ll", "wo")


def irrealis(doc: Doc, kw_start: int, kw_end: int) -> bool:
    """The keyword at [kw_start, kw_end) is in a rumour or in a clause of what will or may happen."""
    span = doc.char_span(kw_start, kw_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    hearsay = words(_DATA, "hearsay")
    if any(t.lower_ in hearsay for t in tok.sent if t.i < tok.i):
        return True
    if not tok.dep_:
        return False
    # a keyword naming people who are there ("refugees", "prisoners"): a plan to help or free them counts them still
    intent = not (tok.pos_ == "NOUN" and (tok.lower_ in words(_DATA, "unit") or tok.lemma_.lower() in words(_DATA, "unit")))
    cur = tok
    for hop in range(MAX_HOPS):
        if hop and cur.pos_ in ("NOUN", "PROPN", "PRON"):
            return False  # "a gunman accused of killing eight ... may have targeted": the noun's verb is another clause
        if cur.pos_ in ("VERB", "AUX"):
            mood = _mood(cur, intent)
            if mood is not None:
                return mood
        if cur.head is cur:
            break
        cur = cur.head
    return False


#: how many tokens before the number or after the keyword a [projection] word is looked for, within the clause
PROJECTION_WINDOW = 6
_CLAUSE_ENDS = (",", ";", ":", ".", "!", "?", "but", "while", "whereas")


def projected(doc: Doc, num: Span, kw_start: int, kw_end: int) -> bool:
    """The count at `num` with its keyword at [kw_start, kw_end) is a forecast's (data/facts.tsv [projection])."""
    kw = doc.char_span(kw_start, kw_end, alignment_mode="expand")
    if kw is None or not len(kw):
        return False
    proj = words(_DATA, "projection")

    def hit(t: Token) -> bool:
        return t.lower_ in proj or (t.pos_ in ("VERB", "NOUN") and t.lemma_.lower() in proj)

    cur = kw.root
    for _ in range(MAX_HOPS):
        if hit(cur):
            return True
        if cur.pos_ in ("VERB", "AUX") and cur is not kw.root and kw.root.pos_ == "NOUN" and \
                any(c.dep_ == "nsubj" and hit(c) for c in cur.children):
            return True  # "models show 100,000 deaths by June": the verb's subject is the forecast
        if not cur.dep_ or cur.head is cur or (cur.pos_ in ("VERB", "AUX") and _mood(cur) is False):
            break  # "forecasters predicted the storm that killed 12": the count's own clause is past, it happened
        cur = cur.head
    if kw.root.dep_:
        return False  # parsed: the heads said it
    first, last = min(num.start, kw.start), max(num.end, kw.end)
    sent = kw.root.sent
    for rng in (range(first - 1, max(sent.start, first - PROJECTION_WINDOW) - 1, -1),
                range(last, min(sent.end, last + PROJECTION_WINDOW))):
        for i in rng:
            if doc[i].lower_ in _CLAUSE_ENDS:
                break
            if hit(doc[i]):
                return True
    return False


def _mood(verb: Token, intent: bool = True) -> bool | None:
    """True: the verb's clause will or may happen (a modal, a future, "going to", an infinitive under an [intent]
    head); False: it carries a tense that says it did or does; None: no
    tense here (an infinitive or participle), read the verb above."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS or "Fut" in a.morph.get("Tense") for a in auxes):
        return True
    head = verb.head
    if intent and head is not verb and verb.morph.get("VerbForm") == ["Inf"] and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            (head.lower_ in words(_DATA, "intent") or head.lemma_.lower() in words(_DATA, "intent")):
        return True  # "are prepared to handle 48,000 deaths", "plans to evacuate 4,000": planned, not done
    if verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG" and \
            any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children):
        return True  # "is going to take place"
    if verb.morph.get("VerbForm") == ["Fin"] or any(a.morph.get("VerbForm") == ["Fin"] for a in auxes):
        return False
    return None
