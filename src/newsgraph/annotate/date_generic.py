"""A "today" that means nowadays, read from the tense of its clause: "Today, only three remain", "the message still
resonates today", "procedures are viewed today as an investment" speak of the present age, not of the day the
article was written; "police arrested him today", "will open at 11 a.m. today", "is helping today", "I sign this
legislation today" name that day.

Why the verb and not the word's place: news writes both "Today, X did" (a day: past) and "Today, X does" (an age:
a simple present), so the tense of the verb that governs "today" decides. A simple present of a state (data
[stative], also with do-support: "doesn't exist today"), of any verb with "still" or after a sentence-opening
"Today,", a present copula with its own predicate ("is today very limited") and a present passive with no future
cue are the present age; a past, a perfect, a modal, a progressive, an infinitive or a participle, a first
person's act ("I sign this legislation today", the performative present of speech), a timetable's present ("the
council meets today") and a clause about a coming event ("if the council approves it today") are the day. The
parse gives the governing verb where the sentence was parsed, the tags (the nearest verb) elsewhere. Only for a
vocabulary with a [today_marker] section: the tags read are English's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.date_context import looks_forward
from newsgraph.annotate.date_expressions import DEFAULT_VOCAB
from newsgraph.annotate.date_tense import verb_path
from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.lexicon import mapping
from newsgraph.records import DateRef

#: the relative day this reads (the vocabulary's [relative_day] phrase at offset 0)
_TODAY_OFFSET = "0"
#: personal pronouns of the first person: their simple present is a performative act of the day
_FIRST_PERSON = ("i", "we")
#: verbs whose first-person present is a state, not an act ("I have a life today")
_STATIVE = ("have", "be")


def generic_today(doc: Doc, ref: DateRef, vocab: str = DEFAULT_VOCAB) -> bool:
    """The one-word "today" at `ref` means nowadays (see the module docstring)."""
    markers = mapping(vocab, "today_marker")
    if not markers or mapping(vocab, "relative_day").get(ref.text.lower()) != _TODAY_OFFSET:
        return False
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.text in (":", "(") or nxt.lower_ in ("'s", "\u2019s")):
        return False  # "Today: Nvidia reports", "today (Monday)"; "today's" is date_confidence's
    if prev is not None and (prev.lower_ in markers or prev.ent_type_ == "TIME" or prev.like_num):
        return False
    if not tok.dep_ and prev is not None and nxt is not None and prev.tag_ == "NNS" \
            and prev.lemma_.lower() not in mapping(vocab, "incident") and nxt.tag_ in ("VBZ", "VBP") \
            and nxt.lemma_.lower() in _STATIVE:
        return True  # unparsed: "the dangers today is", "families today have": today inside a present's subject
    verb = _governing_verb(tok)
    if verb is None:
        return False
    if _of_a_kind(tok, vocab):
        finite = _finite_above(verb)
        if finite is not None and finite.tag_ in ("VBZ", "VBP") and finite.lemma_.lower() in _STATIVE \
                and not _auxes(finite):
            return True  # "the failure to comprehend the threats today is a clear dereliction"
    clause = doc[tok.sent.start : verb.i]
    if any(t.lower_ in mapping(vocab, "condition") for t in clause):
        return False
    return _present_age(verb, tok, vocab)


def _of_a_kind(today: Token, vocab: str) -> bool:
    """ "today" right after a plural common noun it modifies in the parse ("the threats today", "families today"):
    the things of the present age, not an event of the day ("the vote today" is singular; a plural noun of an
    incident, data [incident], "the attacks today", is that day's)."""
    head = today.head
    return (today.dep_ == "npadvmod" and head.i == today.i - 1 and head.tag_ == "NNS"
            and head.lemma_.lower() not in mapping(vocab, "incident"))


def _finite_above(verb: Token) -> Token | None:
    """The finite verb of the clause an infinitive hangs in ("the failure [to comprehend the threats] is"): up
    through a to-infinitive modifying a noun or completing a verb, at most three steps."""
    for _ in range(3):
        if verb.tag_ != "VB" or verb.dep_ not in ("acl", "xcomp", "advcl"):
            return verb
        verb = verb_path(verb)[0]
        if verb is None:
            return None
    return verb


def _governing_verb(tok: Token) -> Token | None:
    """The verb of the clause of `tok`: its head verb in the parse; in a sentence the selective parse left out, the
    nearest verb before it in its sentence, or after it when it opens the sentence ("Today, only three remain")."""
    if tok.dep_:
        return verb_path(tok)[0]
    sent = tok.sent
    before = [t for t in sent if t.i < tok.i and t.pos_ in ("VERB", "AUX")]
    if before:
        return _main_of(before[-1])
    after = [t for t in sent if t.i > tok.i and t.pos_ in ("VERB", "AUX")]
    return _main_of(after[0]) if after else None


def _main_of(tok: Token) -> Token:
    """An auxiliary's main verb: the next verb after it, adverbs and negation aside ("is still viewed")."""
    i = tok.i
    while tok.pos_ == "AUX" and i + 1 < len(tok.doc) and i + 1 < tok.sent.end:
        nxt = tok.doc[i + 1]
        if nxt.pos_ in ("VERB", "AUX"):
            return _main_of(nxt)
        if nxt.pos_ not in ("ADV", "PART"):
            break
        i += 1
    return tok


def _auxes(verb: Token) -> list[Token]:
    """The auxiliaries right before `verb` (adverbs and negation between): "doesn't fully", "are being"."""
    out, i = [], verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ in ("AUX", "PART", "ADV"):
        if verb.doc[i].pos_ == "AUX":
            out.append(verb.doc[i])
        i -= 1
    return out


def _present_age(verb: Token, today: Token, vocab: str) -> bool:
    """The tense of `verb` (with its auxiliaries) is the present of an age: see the module docstring."""
    auxes = _auxes(verb)
    tags = {a.tag_ for a in auxes}
    if tags & {"MD", "VBD"} or any(a.lemma_.lower() == "have" for a in auxes):
        return False  # a modal, a past, a perfect
    if verb.tag_ in ("VBD", "VBG"):
        return False
    if verb.tag_ == "VBN":  # a present passive: an age unless it looks ahead ("is scheduled for today")
        return bool(auxes) and not looks_forward(doc_text(today.doc), today.idx, vocab)
    if verb.tag_ == "VB":  # do-support ("doesn't exist today"); else an infinitive or an imperative
        return any(a.lemma_.lower() == "do" for a in auxes)
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    if verb.lemma_.lower() == "be":
        # "the funeral is today": the day is the predicate; "is today very limited" has one of its own
        return not (today.i == verb.i + 1 and (today.i + 1 >= today.sent.end or today.doc[today.i + 1].is_punct))
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.dep_ else []
    if not subj:
        i = verb.i - 1
        while i >= verb.sent.start and verb.doc[i].pos_ == "ADV" or (i >= 0 and verb.doc[i].i == today.i):
            i -= 1
        subj = [verb.doc[i]] if i >= verb.sent.start else []
    if any(s.lower_ in _FIRST_PERSON for s in subj):
        return verb.lemma_.lower() in _STATIVE  # "I sign this legislation today"; "I have a life today"
    # a timetable's present ("the council meets today") unless a state, "still", or "Today, ..." opening the sentence
    opens = today.i == today.sent.start and today.i + 1 < len(today.doc) and today.doc[today.i + 1].text == ","
    near = today.doc[min(verb.i, today.i) - 1 : max(verb.i, today.i) + 1]
    return (opens or verb.lemma_.lower() in mapping(vocab, "stative")
            or any(t.lower_ in mapping(vocab, "continuing") for t in near))
