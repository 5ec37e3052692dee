"""What the parse around a quote's cue says about whether it reports anybody's words, for quote_evidence.py.

Why apart from quote_evidence.py: these read only the dependency tree of the cue's clause (its subject, its
negation, its objects, whether it governs the quoted words), not lexicons or scores; quote_evidence.py turns what
they find into a quote's score under its named policies (FRAME_OBJECT_IS_SPEECH, DESCRIBED_OBJECT_IS_SPEECH,
NEGATED_IS_SPEECH, PARTIAL_OUTSIDE_CUE_IS_SPEECH, HYPOTHETICAL_IS_SPEECH, ASKED_TOPIC_IS_SPEECH).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.resolve import doc_text
from newsgraph.records import Quote


def cue_token(doc: Doc, q: Quote):
    """The cue verb of an indirect quote: the token with the cue's first word nearest the speaker."""
    if not q.cue:
        return None
    word = q.cue.split()[0]
    anchor = q.speaker_start if q.speaker_start is not None else q.start
    lo, hi = max(0, min(anchor, q.start) - 200), min(len(doc_text(doc)), max(q.end, anchor) + 200)
    span: Span | None = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    # the tokens written `word`, found in the text rather than by visiting every token of the window
    text, cands = doc_text(doc), []
    i = text.find(word, span.start_char, span.end_char)
    while i >= 0:
        one = doc.char_span(i, i + len(word))
        if one is not None and len(one) == 1:
            cands.append(one[0])
        i = text.find(word, i + 1, span.end_char)
    return min(cands, key=lambda t: abs(t.idx - anchor)) if cands else None


#: Words opening an embedded question ("explaining what X is", "told how it works").
_WH = ("what", "how", "why", "where", "when", "who", "which", "whether")


def object_of_frame(cue, content) -> bool:
    """A participle or infinitive cue with no subject of its own whose object is a noun phrase or an embedded
    question ("The two lawmakers, citing statistics compiled by X, said ...", "a better job of explaining what
    declining enrolment is"): the phrase frames another report or names a topic; nobody's words are reported."""
    if cue.tag_ not in ("VBG", "VB") or any(c.dep_ in ("nsubj", "nsubjpass", "oprd") for c in cue.children):
        return False  # a subject of its own, or a predicate on the object ("calling it a violation"): a report
    root = content.root
    return root.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or content[0].lower_ in _WH


def under_cue(inner: Span | None, cue: str | None) -> bool:
    """The partial quote's cue word stands among the ancestors of the quoted words ('called it a "grave error"',
    'said the plan was a "disaster"'): the cue's clause holds the quotation. "according to" and a label frame
    govern nothing and pass."""
    if inner is None or not len(inner) or not cue or cue.lower().startswith("according") or cue in (":", "\u2015"):
        return True
    word = cue.split()[0].lower()
    roots = [t for t in inner if not (t.is_punct or t.is_space) and not (inner.start <= t.head.i < inner.end)] or [inner.root]
    if any(t.sent != roots[0].sent for t in inner):
        return True  # the quotation runs over a sentence bound of the parse: its tree says nothing
    above = {a.i for r in roots for a in r.ancestors}
    # the cue governs the quote, or is a parenthetical inside the clause that does ('The law, he added, ...')
    return any(t.lower_ == word and (t.i in above or (t.dep_ == "parataxis" and t.head.i in above)) for t in roots[0].sent)


def described_object(cue, content) -> bool:
    """The content is a noun phrase and the cue has an "as" phrase after it ('described the fee increases as "..."'):
    the content is what was described, not what was said."""
    if content.root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or any(t.pos_ in ("VERB", "AUX") for t in content):
        return False
    return any(c.lower_ == "as" and c.i >= content.end - 1 for c in cue.children)


def negated(tok) -> bool:
    """A cue said not to have happened ("declined and would not say what ...", "neither the police nor X would say
    what ..."): nothing was reported."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        (g.lower_ in ("neither", "no") and g.dep_ in ("preconj", "det") and s.pos_ != "NUM") or g.lower_ in ("nobody", "none")
        for s in subj
        for g in [s, *s.children]
    )  # "No 10 confirmed" is Downing Street


def asked_of(tok) -> bool:
    """A past participle opening an adverbial clause without a subject ("Asked whether ..., he went on"): the
    content is what was put to the subject, not what the subject said."""
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "ROOT", "") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children) and tok.i == next(t.i for t in tok.sent if not (t.is_punct or t.is_space))


def hypothetical(tok, verbs: frozenset[str]) -> bool:
    """The cue's clause is a supposition the writer sets up: its sentence opens with a bare verb of `verbs` (data
    quote_evidence.tsv [hypothetical]: "Say Mexico demanded that ...", "Suppose the board rejected ...") or with
    "let's"/"let us" and one ("SAVE A QUARTER Let's say you think ..."), and the cue stands at or after it. The
    matrix clause is an imperative or a first-person-plural suggestion, so it has no speaker and reports nothing.
    Read from the words and their order rather than the tags: the tagger often takes a sentence-initial "Say" for a
    name ("Say Mexico"). A run of words in capitals before it (a crosshead glued to the sentence) is passed over."""
    lead = [t for t in tok.sent if t.i <= tok.i and not (t.is_punct or t.is_space)]
    while len(lead) > 1 and lead[0].is_upper:
        lead = lead[1:]  # "SAVE A QUARTER Let's say": the heading's words
    first = lead[0]
    if first.lower_ == "let" and len(lead) > 2 and lead[1].lower_ in ("'s", "\u2019s", "us") and lead[2].lower_ in verbs:
        return True
    if first.lower_ not in verbs or not first.text[0].isupper() or len(lead) < 2:
        return False
    nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
    # "Say, ..." and "Say that again" aside, the next word opens the supposed clause: a name, a determiner, a pronoun
    return nxt is not None and nxt.text not in (",", ":") and nxt.lower_ != "that" and not any(c.dep_ in ("nsubj", "aux") and c.i < first.i for c in first.children)


_QUOTE_MARKS = "\"\u201c\u201d\u00ab\u00bb\u2018\u2019'"


def wished(tok, verbs: frozenset[str]) -> bool:
    """The cue is the complement of a verb of wishing (data quote_evidence.tsv [wish_frame]: "I hope in 2017 America
    says, '...'", "we wish the board would say ...") and not in the past: an utterance hoped for, which nobody made
    (factuality: the frame is irrealis). The parse may hang the wished clause as a parataxis."""
    head = tok.head
    if tok.dep_ not in ("ccomp", "parataxis") or head is tok or head.lemma_.lower() not in verbs or head.i > tok.i:
        return False
    if any(c in _QUOTE_MARKS for c in tok.doc.text[head.idx : tok.idx]):
        return False  # '"I hope we win," she says': the wish is inside the quotation, the frame is real
    return tok.tag_ in ("VBZ", "VBP", "VB") or any(c.lower_ in ("would", "will", "could") for c in tok.children if c.dep_ == "aux")


def imperative(tok) -> bool:
    """A bare verb without a subject, first in its sentence ("Tell us what you think")."""
    if tok.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
        return False
    lead = [t for t in tok.sent if not (t.is_punct or t.is_space)]
    return bool(lead) and lead[0].i == tok.i


#: Dependents that are arguments of a cue of [clause_sense]: a reported clause ("recalled that ..."), an object and
#: a predicate on it ("called it a disaster", "called the plan reckless").
_ARGS = ("dobj", "oprd", "xcomp", "acomp", "attr", "ccomp", "dative")
#: Prepositions that make a demand of the cue ("called for an inquiry", "called on X to resign").
_SPEECH_PREPS = ("for", "on", "upon")


def bare_object_sense(cue) -> bool:
    """A cue whose speech sense needs a clause or a predicate, found naming, convening or withdrawing: a participle
    on a noun or a passive without agent whose argument is a name ('a strain called X', 'a group called Y', 'is
    called Z'), or a bare direct object ('called an emergency meeting', 'called a snap election', 'recalled 380
    million eggs'). The argument frame, not the word, says that nobody's words are reported. A quotation under the
    cue ('called him "a liar"'), a particle ('called out'), a demand ('called for', 'called on') or a predicate on
    the object (two arguments, an apposition to the object, 'a quack') keep the speech sense."""
    kids = list(cue.children)
    args = [c for c in kids if c.dep_ in _ARGS]
    # the cue's own arguments and modifiers; a participle or a clause coordinated after it ("called X to the stage,
    # singing \"...\"") holds its own quotation, no predicate of the call
    apart = {t.i for c in kids if c.dep_ in ("advcl", "conj", "cc") for t in c.subtree}
    own = [t for t in cue.subtree if t.i > cue.i and t.i not in apart and not _beside(t, apart)]
    after = [t for t in own if not _quoted_in_object(t, args)]
    if any(_mark(t) for t in after) or any(c.dep_ == "prt" for c in kids):
        return False
    first_obj = min((c.i for c in args if c.dep_ == "dobj"), default=len(cue.doc))
    if any(c.dep_ == "prep" and c.lower_ in _SPEECH_PREPS and cue.i < c.i < first_obj for c in kids):
        return False  # the demand follows its verb: "On March 3, X recalled ..." opens with a date, no demand
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep_ == "agent" for c in kids)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)  # "authority to call a meeting": no name given
    participle = cue.dep_ in ("acl", "advcl") and cue.tag_ != "VBG" and not own_subject and not infinitive
    if participle or passive:
        # a participle with no subject of its own, on a noun or set off by a comma ('Leopoldville, presently
        # called Kinshasa, ...', which the parser may hang on the main verb as an adverbial clause)
        # naming: the argument is a name, not a description ('called Oz a quack' is speech)
        return bool(args) and not any(a.tag_.startswith("JJ") or any(t.lower_ in ("a", "an") for t in a.subtree) for a in args)
    return len(args) == 1 and args[0].dep_ == "dobj" and not any(c.dep_ in ("appos", "conj") for c in args[0].children) and not _run_together(args[0])


def _beside(tok, apart: set[int]) -> bool:
    """A quotation mark whose nearest word on either side (past punctuation: 'Now."') lies in the part set `apart`:
    the mark of a quotation inside that part, whatever the parse hangs the mark itself on."""
    if not _mark(tok):
        return False
    doc = tok.doc
    for step in (-1, 1):
        i = tok.i + step
        while 0 <= i < len(doc) and (doc[i].is_punct or doc[i].is_space):
            i += step
        if 0 <= i < len(doc) and i in apart:
            return True
    return False


def _mark(tok) -> bool:
    return tok.is_quote or tok.text in "\u201c\u201d\u2018\u2019\"'"


def _quoted_in_object(tok, args) -> bool:
    """`tok` is a quotation mark inside the cue's one direct object, after the object's own determiner ('declared a
    "flu emergency"', 'called a "snap" vote'): the quoted words are a term inside the object, not a predicate on it
    ('called him "a liar"' has the quotation outside the object "him")."""
    if len(args) != 1 or args[0].dep_ != "dobj" or not _mark(tok):
        return False
    obj = args[0]
    inside = obj.left_edge.i <= tok.i <= obj.right_edge.i
    dets = [c.i for c in obj.children if c.dep_ == "det" and c.lower_ in ("a", "an", "the")]
    return inside and bool(dets) and min(dets) < tok.i


def _run_together(obj) -> bool:
    """An object and its predicate parsed as one noun phrase ('called tax increases job killers': a plural noun as a
    compound followed by another compound): two noun phrases, so a predicate on the object."""
    doc = obj.doc
    return any(t.dep_ == "compound" and t.tag_ in ("NNS", "NNPS") and t.i + 1 < obj.i and doc[t.i + 1].dep_ == "compound" for t in obj.subtree)


def hearsay(cue, infinitives: tuple[str, ...]) -> bool:
    """A cue with a to-infinitive of state ('one said to be a former officer', 'is believed to have fled'): a
    description passed on from nobody in particular; its subject is what is described, not a speaker. An
    infinitive of action ('officials said to expect delays') reports an instruction and is not matched."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in infinitives and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in cue.children)


#: Prepositions whose object is what a speech verb is about, not words said ("is asking about the cost").
TOPIC_PREPS = ("about",)


def topic_only(cue, content, addressee: bool = True) -> bool:
    """The content is the object of an "about" phrase on the cue and the cue has no clause or object of its own
    ("is asking about the cost to the environment", "told reporters about the plan"): the verb names a topic, no
    words are reported (as "spoke about X", which quote_evidence.tsv files as "other"). `addressee`: also when the
    content is the one addressed and the "about" phrase ("asked Clinton about her email scandal"; quote_evidence.py
    ASKED_TOPIC_IS_SPEECH)."""
    if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in cue.children):
        return False  # "asked X to resign", "asked whether ...": a request or a question's content
    root = content.root
    if root.dep_ in ("dobj", "dative") and root.head.i == cue.i:
        if not addressee:
            return False
        # "asked Clinton about her email scandal": the one asked and the topic, no clause; the content is the
        # addressee and an "about" phrase of the cue, nothing else
        about = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and content.start <= c.i < content.end]
        inside = {t.i for t in root.subtree} | {t.i for c in about for t in c.subtree}
        return bool(about) and all(t.i in inside or t.is_punct or t.is_space for t in content)
    prep = root.head if root.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in TOPIC_PREPS and prep.head.i == cue.i


def quoted_words(span: Span | None) -> int:
    """How many words a quotation holds (0 for none)."""
    return 0 if span is None else sum(1 for t in span if t.is_alpha)


def clause_inside(span: Span | None) -> bool:
    """The quotation holds a verb of its own: a clause somebody could have said, not a term."""
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
