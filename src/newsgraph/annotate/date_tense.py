"""Which way a date's clause points in time, read from the parse: the tense and modality of the verb that governs
the date, and whether a weekday names one day at all.

Why the parse and not cue words: a bare weekday in news is the last such day in a past-tense clause ("the man was
arrested Saturday") and the next one in a clause about what is to come ("a funeral is scheduled for Saturday",
"highs should reach 70 on Saturday", "the council is meeting Tuesday", "is going to announce it Friday"). The
modality (a modal or future auxiliary), the perfect and the tense of the finite verb say this for every verb, where
a list of cue words ([future_cue], date_context.py) names only a few. The morphology is the model's (Tense, VerbForm,
the MD tag, UD's aux:tense), so French reads the same way. A weekday with an indefinite article, a quantifier of
the vocabulary's [recurring] section ("every Saturday", "chaque samedi") or a plural part of the day
("Saturday mornings", [day_part]) names a recurring day, no single date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.date_expressions import DEFAULT_VOCAB
from newsgraph.annotate.lexicon import mapping

_AUX = ("aux", "auxpass", "aux:pass", "aux:tense", "cop")
#: entity types of a noun a date may hang on and still be the verb's adverbial ("at 1 p.m. Saturday")
_TIME_ENTS = ("TIME", "DATE")
#: how far up the tree the governing verb is looked for
MAX_HOPS = 8


def _time_noun(tok: Token, vocab: str = DEFAULT_VOCAB) -> bool:
    """A noun that names a time ("p.m.", "night" in "Friday night"): a date may hang on it and still be the verb's."""
    return tok.ent_type_ in _TIME_ENTS or tok.lemma_.lower() in mapping(vocab, "day_part")


def _verb_path(tok: Token) -> tuple[Token | None, bool]:
    """The verb (or copula) that governs `tok` in the parse, and whether a noun that names no time stands between
    them (the date then qualifies that noun, "the shooting on Saturday", not the verb's time)."""
    through_noun = False
    cur = tok
    for _ in range(MAX_HOPS):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur, through_noun
        if cur.pos_ in ("NOUN", "PROPN", "PRON") and cur.ent_type_ not in _TIME_ENTS:
            through_noun = True
    return None, through_noun


def _tense_of(verb: Token, vocab: str) -> str | None:
    """The clause of `verb`: "future" (a future tense or a [forward_modal] auxiliary), "perfect", "past", "present"
    (a copula, passive, progressive or simple present: "is Saturday", "is scheduled for", "is meeting", "the week
    ends Sunday"; a photo caption's present may tell the past, the one case of the tuning draws it got wrong), None
    when no finite verb says. An infinitive complement ("is expected to vote", "is going
    to announce") takes the tense of the verb it completes."""
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in _AUX]
        finite = [a for a in auxes if a.morph.get("VerbForm") == ["Fin"] or a.tag_ == "MD"]
        if verb.dep_ != "xcomp" or finite or verb.morph.get("VerbForm") == ["Fin"]:
            break
        verb = verb.head
    perfect = any(a.lemma_.lower() in ("have", "avoir") or a.dep_ == "aux:tense" for a in auxes)
    if any(a.lower_ in mapping(vocab, "forward_modal") or "Fut" in a.morph.get("Tense") for a in auxes) \
            or "Fut" in verb.morph.get("Tense"):
        return "perfect" if perfect else "future"  # "will have left by Friday": no direction
    if any(a.tag_ == "MD" for a in auxes):
        return None  # "could not say Friday night", "would resign Saturday": either way
    if perfect:
        return "perfect"  # "has been missing since", "a rencontré samedi"
    fin = next((a for a in auxes if a.morph.get("VerbForm") == ["Fin"]), None)
    if fin is None and verb.morph.get("VerbForm") == ["Fin"]:
        fin = verb
    if fin is None:
        return None
    t = set(fin.morph.get("Tense"))
    if t & {"Past", "Imp"}:
        return "past"
    if "Pres" not in t:
        return None
    return "present"


#: dependency labels of a weekday that modifies a noun ("the Sunday phenomenon", "Monday's vote"), not a clause
_NOUN_MODIFIER = ("compound", "amod", "poss", "nmod:poss", "nmod", "nn")


def _past_verb_before(doc: Doc, tok: Token) -> bool:
    """A finite past verb right before the date ("said Friday she's ready", "said on Thursday it aims"): the date
    is that verb's, whatever the parse attached it to."""
    i = tok.i - 1
    if i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    return i >= 0 and doc[i].pos_ in ("VERB", "AUX") and doc[i].morph.get("VerbForm") == ["Fin"] \
        and bool({"Past", "Imp"} & set(doc[i].morph.get("Tense")))


def clause_tense(doc: Doc, start: int, end: int, vocab: str = DEFAULT_VOCAB) -> str | None:
    """Where the clause governing the date at [start, end) points: "future" (a future tense or a forward modal:
    "will meet Saturday", "highs should reach 70 on Saturday"; or a present tense with the date as the verb's own
    adverbial: "the funeral is Saturday", "is scheduled for Saturday", "is meeting Tuesday", "the week ends Sunday"),
    "past" (a past tense: "was born June 13"), "perfect", or None when the parse does not say (the sentence was not
    parsed, the weekday modifies a noun, no finite verb governs it, or it comes after a [since] word)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.root.dep_:
        return None
    tok = span.root
    if any(w.lower_ in mapping(vocab, "since") for w in (*tok.children, tok.head) if w.i < tok.i):
        return None  # "since Friday": a point in the past the text counts from
    if _past_verb_before(doc, span[0]):
        return "past"
    if tok.dep_ in _NOUN_MODIFIER and not _time_noun(tok.head, vocab):
        return None
    verb, through_noun = _verb_path(tok)
    if verb is None:
        return None
    tense = _tense_of(verb, vocab)
    if tense == "present":
        return None if through_noun else "future"
    return tense


def _simple_present(verb: Token) -> bool:
    """A finite present verb without auxiliaries: the habitual present ("runs", "opens")."""
    return (verb.morph.get("VerbForm") == ["Fin"] and "Pres" in verb.morph.get("Tense")
            and not any(c.dep_ in _AUX for c in verb.children))


def recurring_day(doc: Doc, start: int, end: int, vocab: str = DEFAULT_VOCAB) -> bool:
    """The weekday at [start, end) names a recurring day, no single date: after an indefinite article ("a Saturday
    youth club" in a habitual present clause) or a word of the vocabulary's [recurring] section ("every Saturday"),
    or modifying a plural part of a day ("Saturday mornings"). Reads the tags, and the parse where there is one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first, last = span[0], span[-1]
    if first.i > 0:
        prev = doc[first.i - 1]
        if prev.lower_ in mapping(vocab, "recurring"):
            return True
        if "Ind" in prev.morph.get("Definite") and last.dep_:
            verb, _ = _verb_path(last)  # "runs a Saturday youth club", but "was hurt in a Saturday crash"
            if verb is not None and _simple_present(verb):
                return True
    if any(c.lower_ in mapping(vocab, "recurring") for c in last.children):
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (nxt is not None and bool(last.dep_) and last.head.i == nxt.i and "Plur" in nxt.morph.get("Number")
            and nxt.lemma_.lower() in mapping(vocab, "day_part"))
