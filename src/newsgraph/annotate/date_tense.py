"""Which way a date's clause points in time, read from the parse: the tense and modality of the verb that governs
the date, and whether a weekday names one day at all.

Why the parse and not cue words: a bare weekday in news is the last such day in a past-tense clause ("the man was
arrested Saturday") and the next one in a clause about what is to come ("a funeral is scheduled for Saturday",
"highs should reach 70 on Saturday", "the council is meeting Tuesday", "is going to announce it Friday"). The
modality (a modal or future auxiliary), the perfect and the tense of the finite verb say this for every verb, where
a list of cue words ([future_cue], date_context.py) names only a few. The morphology is the model's (Tense, VerbForm,
the MD tag, UD's aux:tense), so French reads the same way. A simple present points ahead only as a timetable's
("the week ends Sunday"); with a person as its subject it is a photo caption's or narration's present, which in
news tells the recent past ("Ann Lee answers a question Wednesday night"). A weekday with an indefinite article,
a quantifier of the vocabulary's [recurring] section ("every Saturday", "chaque samedi"), an ordinal ("the first
Tuesday in September", [recurring_ordinal]) or a plural part of the day ("Saturday mornings", [day_part]) names a
recurring day, no single date; one after "that" or in a clause whose subject is a weekday ("Monday brings the
special") is kept unsure.
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


def verb_path(tok: Token) -> tuple[Token | None, bool]:
    """The verb (or copula) that governs `tok` in the parse, and whether a noun that names no time stands between
    them (the date then qualifies that noun, "the shooting on Saturday", not the verb's time). The one walk up the
    tree for the date modules (date_context, date_generic read it too)."""
    through_noun = False
    cur = tok
    for _ in range(MAX_HOPS):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur, through_noun
        if cur.pos_ in ("NOUN", "PROPN", "PRON") and cur.ent_type_ not in _TIME_ENTS and not _scene(cur):
            through_noun = True
    return None, through_noun


#: prepositions of a place a clause's action happens in ("face Moldova in the same stadium on Sunday")
_LOCATIVE = ("in", "at", "dans", "à")


def _scene(noun: Token, vocab: str = DEFAULT_VOCAB) -> bool:
    """A noun of the place where the verb's action happens, with the weekday parsed onto it ("England face Moldova
    in the same stadium on Sunday"): the object of a locative preposition that hangs on a verb or on the object of
    another of its prepositions ("in a friendly in the same stadium"), and no noun of an incident (data [incident]:
    "killed in the attack on Sunday" dates the attack). A place is not dated by a weekday; the parse's low
    attachment of the time phrase leaves the day the verb's (the walk goes on: a noun above still counts)."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in _LOCATIVE
            and (prep.head.pos_ in ("VERB", "AUX") or prep.head.dep_ == "pobj")
            and noun.pos_ == "NOUN" and noun.lemma_.lower() not in mapping(vocab, "incident"))


def _to_be_done(noun: Token) -> bool:
    """The noun has an infinitive of its own as a modifier ("a census from Sunday to be conducted by aid workers",
    "the vote to be held Sunday", "elections to take place on Sunday"): a thing still to be done, whatever the tense
    of the clause that mentions it."""
    for c in noun.children:
        if c.dep_ not in ("acl", "relcl") or c.i < noun.i or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.morph.get("VerbForm") == ["Inf"] or any(a.morph.get("VerbForm") == ["Inf"] for a in c.children
                                                     if a.dep_ in _AUX):
            if any(a.lower_ == "to" and a.dep_ in ("aux", "mark") for a in c.children):
                return True
    return False


def _be_to(verb: Token) -> bool:
    """An infinitive with "to" completing the verb "be" ("the minister is to visit", "if he were to win"): the
    prospective "be to" construction, whose time lies after the time of "be"."""
    return verb.head.lemma_.lower() == "be" and any(c.lower_ == "to" and c.dep_ in ("aux", "mark")
                                                     for c in verb.children)


def _dated_noun(tok: Token) -> Token | None:
    """The first noun (no time noun, no place of `_scene`) above `tok` before any verb: the thing the date dates."""
    cur = tok
    for _ in range(MAX_HOPS):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return None
        if cur.pos_ in ("NOUN", "PROPN") and cur.ent_type_ not in _TIME_ENTS and not _scene(cur):
            return cur
    return None


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
        if _be_to(verb):
            # "is to visit Friday": a plan, ahead; "were to win in November", "was to meet Friday": a hypothesis or
            # a plan seen from the past, which says neither way
            return "future" if "Pres" in verb.head.morph.get("Tense") else None
        verb = verb.head
    perfect = any(a.lemma_.lower() in ("have", "avoir") or a.dep_ == "aux:tense" for a in auxes)
    modals = mapping(vocab, "forward_modal")
    if any(a.lower_ in modals or "Fut" in a.morph.get("Tense") for a in auxes) \
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


def month_ahead(doc: Doc, start: int, end: int, vocab: str = DEFAULT_VOCAB, tense: str | None = "") -> bool:
    """The clause of a month or day written without a year points after the article date: a future clause
    (`clause_tense`), or a verb whose modal is one of the vocabulary's [month_forward_modal] ("said the plant would
    close in October"), a future seen from a report made within days of the article. `tense`: the clause's
    `clause_tense` when the caller has it already (DateResolver caches it per span); "" reads it here."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.root.dep_:
        return False
    verb, through_noun = verb_path(span.root)
    if (clause_tense(doc, start, end, vocab) if tense == "" else tense) == "future":
        # a timetable's present points ahead when the verb takes no object ("the pact expires in October"); with
        # one, the month may date the object, a thing already done ("a memo reverses a change made in early April")
        return not (verb is not None and _tense_of(verb, vocab) == "present"
                    and any(c.dep_ in ("dobj", "obj") for c in verb.children))
    modals = mapping(vocab, "month_forward_modal")
    return verb is not None and not through_noun and any(
        c.dep_ in _AUX and c.tag_ == "MD" and c.lower_ in modals for c in verb.children)


#: dependency labels of a weekday that modifies a noun ("the Sunday phenomenon", "Monday's vote"), not a clause
_NOUN_MODIFIER = ("compound", "amod", "poss", "nmod:poss", "nmod", "nn")


def past_verb_before(doc: Doc, tok: Token) -> bool:
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
    "past" (a past tense: "was born June 13"), "perfect", "mixed" (tenses that disagree on a weekday's event,
    `_noun_frame`: no direction, not vouched for), or None when the parse does not say (the sentence was not
    parsed, the weekday modifies a noun, no finite verb governs it, or it comes after a [since] word)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.root.dep_:
        return None
    tok = span.root
    since = mapping(vocab, "since")
    if any(w.lower_ in since for w in (*tok.children, tok.head) if w.i < tok.i):
        return None  # "since Friday": a point in the past the text counts from
    if past_verb_before(doc, span[0]):
        return "past"
    noun = _dated_noun(tok)
    if noun is not None and _to_be_done(noun):
        return "future"
    if tok.dep_ in _NOUN_MODIFIER and not _time_noun(tok.head, vocab):
        return _noun_frame(tok.head, vocab)
    verb, through_noun = verb_path(tok)
    if verb is None:
        return None
    tense = _tense_of(verb, vocab)
    if tense == "present":
        return None if through_noun or _narrated_present(verb) or _after_incident(span[0], vocab) else "future"
    return tense


def _noun_frame(noun: Token, vocab: str) -> str | None:
    """The direction of a weekday that modifies a noun ("Monday's debate", "the Tuesday vote"): the noun names an
    event the weekday dates, so only a clause that puts that event ahead says which day it is: a future or forward
    modal verb ("will watch Monday's debate"), or an infinitive ("to win", "to attend") completing a present or
    future verb ("expect her to win Monday's debate", "is set to attend the Tuesday vote": the expected, planned
    thing is still to come). Anything else (a past or present verb: "after Monday's debate", "she won Monday's
    debate") gives no direction: None, and the weekday stays the last one (the news convention). Nor does a clause
    whose subject is the event itself ("Monday's debate might not move mountains"): a judgement of its effects,
    said as often after the event as before it."""
    if noun.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "csubj"):
        return "future" if _future_copula(noun.head, vocab) else None
    verb, _ = verb_path(noun)
    if verb is None:
        return None
    tense = _tense_of(verb, vocab)
    if tense == "future":
        return "future"
    infinitive = verb.morph.get("VerbForm") == ["Inf"] and any(
        c.lower_ == "to" and c.dep_ in ("aux", "mark") for c in verb.children)
    if infinitive and verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX") \
            and _tense_of(verb.head, vocab) in ("present", "future"):
        # the parse may hang "X to win" on "expect" as a clause (ccomp): the expecting verb's tense; a present seen
        # from a past verb above it ("It was clear [Clinton is attempting to reach out at Monday's debate]") says
        # both ways: "mixed", no direction and not vouched for
        return "mixed" if _under_past(verb.head, vocab) else "future"
    return None


def _under_past(verb: Token, vocab: str) -> bool:
    """The clause of `verb` is the complement of a past verb ("It was clear [Clinton is attempting to reach out at
    Monday's debate]"): the tenses disagree (a present seen from the past), so neither gives the event's side."""
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and _tense_of(verb, vocab) == "past":
            return True
    return False


#: the auxiliaries of a plain future ("will", "shall"), not of a guess ("might", "may", "should")
_FUTURE_AUX = ("will", "'ll", "shall", "wo")


def _future_copula(verb: Token, vocab: str) -> bool:
    """A copula in the plain future with the dated event as its subject ("Monday's debate in New York will be Trump's
    first against a single opponent"): the copula's tense is the time of its subject, so the event lies ahead. A
    guess about an event ("might not move mountains", "may be the turning point") is said after it as well."""
    if verb.lemma_.lower() not in ("be", "être") or not any(c.dep_ in ("attr", "acomp") for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in _AUX]
    return any(a.lower_ in _FUTURE_AUX or "Fut" in a.morph.get("Tense") for a in auxes) \
        or "Fut" in verb.morph.get("Tense")


#: words that may stand between an incident noun and its weekday ("a crash early Thursday", "about 3 a.m. Sunday")
_BETWEEN_INCIDENT = ("early", "late", "about", "around", "at")


def _after_incident(tok: Token, vocab: str = DEFAULT_VOCAB) -> bool:
    """The weekday comes right after a noun of a past event (data [incident]: "Police are investigating a crash
    early Thursday", "is suspected in the armed robbery Friday"): it dates that event, even where the parse hangs it
    on the present verb, so the present (an inquiry going on, a suspicion held) gives it no direction. Times of day
    and "early"/"late" may stand between."""
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 5 and (tok.doc[i].lower_ in _BETWEEN_INCIDENT or tok.doc[i].ent_type_ == "TIME"
                                         or tok.doc[i].like_num):
        i -= 1
    return i >= 0 and tok.doc[i].pos_ == "NOUN" and tok.doc[i].lemma_.lower() in mapping(vocab, "incident")


def _narrated_present(verb: Token) -> bool:
    """A simple present with a person as its subject ("Ann Lee drifts off to sleep Saturday", "the author answers a
    question Wednesday night"): the present of a photo caption or of narration, which in a news report tells the
    recent past, so it gives the weekday no direction. Why the subject: the present that points ahead is a
    timetable's, whose subject is the scheduled thing or body ("the week ends Sunday", "the issue appears on the
    agenda Tuesday", "the council meets Monday"); a person's plans are said with will, going to, plans to or
    is scheduled to (cues of data/dates.tsv [future_cue], read first), a progressive or a passive. An infinitive
    complement is read through the verb it completes ("drifts off to sleep Saturday")."""
    for _ in range(3):
        if verb.dep_ != "xcomp" or verb.morph.get("VerbForm") == ["Fin"]:
            break
        verb = verb.head
    if not _simple_present(verb) or verb.lemma_.lower() in ("be", "être"):
        return False
    return any(_person(c) and _right_before(c, verb) for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass"))


def _right_before(subj: Token, verb: Token) -> bool:
    """The subject's head word stands right before the verb, adverbs aside ("Ann Lee quickly drifts off"), as in a
    caption; a subject the parse found far away is as often a misparse ("Director X - whose film ... opens on
    Wednesday - has criticized": the film opens)."""
    between = subj.doc[subj.i + 1 : verb.i]
    return subj.i < verb.i and all(t.pos_ == "ADV" for t in between)


def _person(tok: Token) -> bool:
    """A subject that names one person: a personal pronoun he / she / I / we / you, or a proper name the document's
    entities type a person (else, outside them, the NER's PERSON); a name typed otherwise counts when it opens
    with a given name or ends with the family name of a person entity of the document ("Ann Lee", typed an
    organisation by the small model, beside "Tim Lee"), so "Manchester United plays Saturday" stays a timetable."""
    from newsgraph.annotate.names import shipped_names

    if tok.pos_ == "PRON":
        return "Prs" in tok.morph.get("PronType") and tok.lower_ in ("he", "she", "i", "we", "you", "il", "elle", "je", "nous")
    if tok.pos_ != "PROPN":
        return False
    ents = tok.doc._.ng_entities or []
    own = next((e.type for e in ents for m in e.mentions if m.start <= tok.idx < m.end), None)
    if own == "person" or (own is None and tok.ent_type_ == "PERSON"):
        return True
    first = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i), None)
    people = {e.name.split()[-1] for e in ents if e.type == "person" and e.name.strip()}
    return first is not None and (shipped_names().is_given_name(first.text) or tok.text in people)


def _simple_present(verb: Token) -> bool:
    """A finite present verb without auxiliaries: the habitual present ("runs", "opens")."""
    return (verb.morph.get("VerbForm") == ["Fin"] and "Pres" in verb.morph.get("Tense")
            and not any(c.dep_ in _AUX for c in verb.children))


def recurring_day(doc: Doc, start: int, end: int, vocab: str = DEFAULT_VOCAB) -> bool:
    """The weekday at [start, end) names a recurring day, no single date: after an indefinite article ("a Saturday
    youth club" in a habitual present clause), a word of the vocabulary's [recurring] section ("every Saturday") or
    of its [recurring_ordinal] section ("the first Tuesday in September"),
    or modifying a plural part of a day ("Saturday mornings"). Reads the tags, and the parse where there is one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first, last = span[0], span[-1]
    recurring = mapping(vocab, "recurring")
    if first.i > 0:
        prev = doc[first.i - 1]
        if prev.lower_ in recurring or prev.lower_ in mapping(vocab, "recurring_ordinal"):
            return True
        if "Ind" in prev.morph.get("Definite") and last.dep_:
            verb, _ = verb_path(last)  # "runs a Saturday youth club", but "was hurt in a Saturday crash"
            if verb is not None and _simple_present(verb):
                return True
    if any(c.lower_ in recurring for c in last.children):
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (nxt is not None and bool(last.dep_) and last.head.i == nxt.i and "Plur" in nxt.morph.get("Number")
            and nxt.lemma_.lower() in mapping(vocab, "day_part"))


def unsure_weekday(doc: Doc, start: int, end: int, vocab: str = DEFAULT_VOCAB) -> bool:
    """The weekday at [start, end) names a day its clause cannot place near the article, so the date is kept but not
    vouched for (DATE_SCORES "weekday_unsure", below the display threshold): after a demonstrative of the
    vocabulary's [anaphoric] section ("that Saturday evening when I first saw the tanks": a day the text set, maybe
    years back), or in a simple present clause whose subject is a weekday ("Monday brings the rib plate special,
    with beef stew not far behind on Tuesday", "Tuesday marks the anniversary": a weekly routine or a coming day).
    The subject may be parsed as a noun-phrase adverbial before a verb without a subject ("Monday brings")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    prev = doc[span[0].i - 1] if span[0].i > 0 else None
    if prev is not None and prev.lower_ in mapping(vocab, "anaphoric") and (prev.tag_ == "DT" or prev.dep_ == "det"):
        return True
    if not span.root.dep_:
        return False
    verb, _ = verb_path(span.root)
    if verb is None or not _simple_present(verb) or verb.lemma_.lower() in ("be", "être"):
        return False
    weekdays = mapping(vocab, "weekday")
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj:
        subj = [c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i]
    return any(c.lower_ in weekdays for c in subj)
