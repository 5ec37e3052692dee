"""Speakers of quotes: the cue word of a frame and the speaker it names, for `newsgraph_quotes`.

A mixin of QuoteFinder: it reads the cue lists the finder loaded (`self.cues`, `self.quoting`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.annotate.quote_marks import (
    in_spans,
    paragraph_at,
)
from newsgraph.annotate.resolve import (
    Actor,
    acronym,
    doc_text,
    resolve_speaker,
)

#: A wire dateline opening a paragraph: a place in capitals, maybe its state or country, maybe the agency in
#: brackets, then a dash ("RIDGE FARM, Ill. (AP) — ", "LONDON -- "); the agency in brackets ends it alone where the
#: text lost its dash ("PORTVILLE (AP) Police say"). The parser often makes the place a second
#: subject of the first verb; it is where the story was filed, never who spoke.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\u2019-]{2,}(?:[ \u00a0][A-Z][A-Z.'\u2019-]*)*(?:,[^\n\u2014\u2013(]{1,40}?)?[ \u00a0]*"
    r"(?:(?:\([A-Za-z. ]{1,20}\)[ \u00a0]*)?(?:\u2014|\u2013|--)|\([A-Z][A-Za-z]{1,9}\)(?=[ \u00a0]))"
)

SUBJ = ("nsubj", "nsubjpass", "csubj")
#: doc.user_data key of how each quote's speaker was found where it is a guess (read by quote_evidence.py):
#: "s<speaker start>" -> a pronoun's antecedent role ("subject", "other", "possessive", "far", "unresolved");
#: "q<quote start>" -> a frameless direct quote's speaker: "continued" (the previous quote's, clear conditions)
#: or "nearest" (the nearest person before it). Plain strings: user_data must stay serialisable.
SPEAKER_HOW = "ng_speaker_how"


def note_how(doc: Doc, key: str, how: str) -> None:
    """Record how a speaker was found (see SPEAKER_HOW)."""
    if how:
        doc.user_data.setdefault(SPEAKER_HOW, {})[key] = how


def how_of(doc: Doc, key: str) -> str:
    return (doc.user_data.get(SPEAKER_HOW) or {}).get(key, "")


def dateline_end(doc: Doc, tok: Token) -> int:
    """Where the dateline of the token's paragraph ends (a character offset), or -1 when it opens with none."""
    text = doc_text(doc)
    p0 = text.rfind("\n", 0, tok.idx) + 1
    m = _DATELINE.match(text, p0)
    return m.end() if m else -1


def subject_actor(doc: Doc, subjects: list[Token], cue: Token, spans: list[tuple[int, int]]) -> Actor | None:
    """The speaker among a cue's subjects: never a dateline ("RIDGE FARM, Ill. (AP) — Acme says": Acme); of two
    subjects, the one nearest before the cue. A dateline parsed as the only subject stands for the phrase between
    its dash and the cue (the parser hung the company's name on it)."""
    if not subjects:
        return None
    end = dateline_end(doc, subjects[0])
    keep = [t for t in subjects if t.idx >= end]
    if not keep:
        after = [t for t in doc[subjects[0].i : cue.i] if t.idx >= end and t.pos_ in ("PROPN", "NOUN", "PRON")]
        if not after:
            return None
        keep = [doc[after[0].i : after[-1].i + 1].root]
    # of two subjects the parse gives one verb, the head of the longer phrase ("An ex-wife of X's, Sue Y, told":
    # wife, not ex); a quantifier ("who have each said") only stands beside the real subject
    nouns = [t for t in keep if t.tag_ != "DT"] or keep
    return coordinated_actor(doc, max(nouns, key=lambda t: (len(list(t.subtree)), -t.i)), spans)


def object_as_subject(cue: Token) -> Token | None:
    """ "Police have detained dissident Wang Donghai, the group Human Rights in China said": the parse reads the
    content's object as the cue's subject and the speaker as its apposition. When the cue's subject follows the
    reported clause before it with no comma between (an object does, a post-posed frame's subject does not:
    "Prices rose, analyst X, an economist at Y, said") and that clause's verb has no object of its own, the
    apposition set off by a comma right before the cue is the frame's subject: returned (None otherwise)."""
    comps = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i and c.pos_ == "VERB"]
    subj = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    if not comps or not subj or any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "attr", "acomp") for c in comps[0].children):
        return None
    doc = cue.doc
    gap = doc[comps[0].right_edge.i + 1 : subj[0].left_edge.i]
    if len(gap) or doc[comps[0].right_edge.i].is_punct:
        return None
    appos = [c for c in subj[0].children if c.dep_ == "appos" and c.right_edge.i + 1 == cue.i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","]
    return appos[0] if appos else None


def impersonal(subj: Token, cue: Token) -> bool:
    """An expletive or impersonal "it" whose clause holds the cue under an adjective predicate ("It is worth noting
    that ...", "it is fair to say ...", "it bears repeating"): the writer's own remark, nobody named speaks. "It said"
    with the cue as its own verb keeps "it" (an antecedent may be a body)."""
    if subj.lower_ != "it" or subj.dep_ == "expl":
        return subj.dep_ == "expl"
    verb = subj.head
    if verb.i == cue.i:
        return False
    path = []
    t = cue
    while t.i != verb.i and t.head.i != t.i:
        path.append(t)
        t = t.head
    return t.i == verb.i and any(p.pos_ == "ADJ" or p.dep_ in ("acomp", "attr") for p in path)


def _title(tok: Token) -> bool:
    """A singular common noun with no determiner: a title in a coordinated title before one name ("TD director and
    senior economist Andrew Hencic said"), not a second speaker."""
    return tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in tok.children)


def coordinated_actor(doc: Doc, tok: Token, spans: list[tuple[int, int]]) -> Actor:
    """The speaker a subject stands for, every one of them when it coordinates several ("Tim and Kristina said",
    "Smith, Jones and Lee told"): no one of them said the words alone, so the actor has no entity, names them all
    and lists their entities in `members` (how: "coordinated", or "coordinated_phrase" when a part is no entity,
    "Smith and his wife"). Parts that resolve to one entity ("Procter and Gamble" as one name) are one speaker."""
    named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and any(g.dep_ == "conj" for g in c.children)]
    if tok.pos_ == "NOUN" and named:
        tok = named[0]  # "Both commissioners, X and Y, said": the names in apposition are the speakers
    parts = [tok]
    for t in parts:
        parts += [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON")]
    first = resolve_speaker(doc, tok, spans)
    heads = [tok, *(c for c in tok.children if c.dep_ == "conj")]  # the name may hang on the title's last part
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i and not any(g.dep_ == "conj" for g in c.children):
            # "Chief of Humanitarian Affairs and Emergency Relief, Ann Lee, says": a title whose own parts are
            # coordinated, then the person's name between commas: the person speaks, the title's parts do not
            named_one = resolve_speaker(doc, c, spans)
            mine = first.entity is None or first.entity.type != "person" or first.entity.id == named_one.entity.id if named_one.entity else False
            if named_one.entity is not None and named_one.entity.type == "person" and mine:
                return named_one
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in parts for c in t.children)
    if len(parts) < 2 or not joined or any(_title(t) for t in parts):
        return first
    actors = [first]
    for t in parts[1:]:
        a = resolve_speaker(doc, t, spans)
        if a.entity is None and t.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in t.children):
            return first  # "X, an organizer at Y, and a resident of Z, told me": a second apposition, one speaker
        if a.entity is not None and any(b.id == a.id for b in actors):
            continue
        if any(b.start <= a.start < b.end for b in actors):
            continue  # a part inside another's name span
        actors.append(a)
    # a place opening a coordinated organisation's name ("Devon and Cornwall Police"): the organisation speaks
    kinds = [a.entity.type if a.entity is not None else "" for a in actors]
    if kinds[0] in ("city", "place") and kinds[-1] == "organisation":
        return actors[-1]
    if len(actors) < 2:
        return first
    names = [a.name for a in actors]
    name = ", ".join(names[:-1]) + " and " + names[-1]
    members = tuple(a.id for a in actors if a.id)
    how = "coordinated" if len(members) == len(actors) else "coordinated_phrase"
    return Actor(None, name, min(a.start for a in actors), max(a.end for a in actors), how, members)


def points_back(cue: Token) -> bool:
    """A passive cue whose subject points back at the quotation with a demonstrative ('"How many ...?" This question
    X posed was answered by the district'): the quotation is what the verb acts on, so this frame names no speaker
    of its words, and no cue further on frames it either."""
    subj = [c for c in cue.children if c.dep_ == "nsubjpass"]
    return bool(subj) and _anaphoric(subj[0])


def _anaphoric(tok: Token) -> bool:
    """A noun phrase that points back with a demonstrative ("This question", "These words"): the thing just said."""
    return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those", "such") for c in tok.children)


def _after_determiner(tok: Token) -> bool:
    """The token follows a determiner or a possessive ("the WHO", "its CEO"): a noun, never a relative pronoun."""
    return tok.i > 0 and tok.doc[tok.i - 1].tag_ in ("DT", "PRP$", "POS")


def _passive_speech(cue: Token, cues: frozenset[str]) -> bool:
    """A passive verb of speech with a hearer (cues.tsv [hearer]) whose subject is the one spoken to ("was told by",
    "was asked"); with an infinitive ("was told to say") the subject is told to speak and keeps its role."""
    kids = list(cue.children)
    return cue.lemma_.lower() in cues and any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "xcomp" for c in kids)


class SpeakerCues:
    """Cue words and the speaker each one names."""

    cues: frozenset[str]
    quoting: frozenset[str]
    hearer_cues: frozenset[str]

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
            objs = [c for c in cue.children if c.dep_ in ("dobj", "obj") and not in_spans(spans, c.idx)]
            if objs:
                return resolve_speaker(doc, objs[0], spans)
            subj = [c for c in cue.children if c.dep_ == "nsubjpass"]
            return subject_actor(doc, subj, cue, spans)
        if cue.dep_ == "acl" and cue.tag_ != "VBN" and cue.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return resolve_speaker(doc, cue.head, spans)  # "footage of X asking, ..."
        if cue.tag_ == "VBG" and not any(c.dep_ in SUBJ for c in cue.children):
            # "..., adding: ...", "..., saying ...": the subject of the speech verb above, else of the clause above
            anc = [a for a in cue.ancestors][:5]
            quoting = next((a for a in anc[:2] if a.lemma_.lower() in self.quoting), None)
            objs = [c for c in quoting.children if c.dep_ in ("dobj", "obj") and not in_spans(spans, c.idx)] if quoting is not None else []
            if objs:
                return resolve_speaker(doc, objs[0], spans)  # "It quoted military officials as saying ...": the officials
            for a in [a for a in anc if a.lemma_.lower() in self.cues] + anc:
                subj = [c for c in a.children if c.dep_ in ("nsubj", "nsubjpass") and not in_spans(spans, c.idx)]
                if subj:
                    if impersonal(subj[0], cue):
                        return None  # "It is worth noting that ...": the writer's own remark, no speaker
                    return subject_actor(doc, subj, a, spans)
        tok: Token | None = cue
        p0, p1 = paragraph_at(doc_text(doc), cue.idx)
        if cue.dep_ == "conj" and cue.head.dep_ == "ccomp" and cue.head.head.lemma_.lower() in self.cues:
            if not any(c.dep_ in SUBJ for c in cue.children):
                tok = cue.head.head  # "X said A was true and warned that B": the parse hangs "warned" on A
        for _ in range(4):
            if tok is None:
                break
            if tok is cue and _passive_speech(cue, self.hearer_cues):
                # 'X was told by her doctor, "..."': of a passive verb with a hearer the agent speaks, and the subject
                # is the one spoken to; with no agent the speaker is not named ('X was told: "..."')
                agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                return resolve_speaker(doc, agent[0], spans) if agent else None
            subj = [c for c in tok.children if c.dep_ in SUBJ and not in_spans(spans, c.idx) and p0 <= c.idx < p1]
            if tok is cue and points_back(cue):
                return None  # the passive subject is the quotation itself: no speaker of its words is named here
            if subj and subj[0].dep_ == "nsubj" and tok.dep_ == "relcl" and acronym(subj[0]) and _after_determiner(subj[0]):
                # '"...," X, adviser ... of the WHO said': initials after "the" the parser read as the relative
                # pronoun "who"; the clause's subject is the name it hangs on
                return subject_actor(doc, [tok.head], tok, spans)
            agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if subj and subj[0].dep_ == "nsubjpass" and tok.lemma_.lower() in self.cues:
                # 'Oz has been called a charlatan by fellow physicians': of a passive verb of speech the agent
                # speaks and the subject is what is spoken of; with no agent and a predicate on the subject ("was
                # called a charlatan") the speaker is not named
                preds = [c for c in tok.children if c.dep_ == "oprd"]
                # the parse may hang "by ..." on the predicate noun ("called a fraud by fellow doctors")
                agent = agent or [g for p in preds for c in p.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
                if agent:
                    return resolve_speaker(doc, agent[0], spans)
                if preds:
                    return None
            if subj and tok is cue and (moved := object_as_subject(cue)) is not None:
                return subject_actor(doc, [moved], tok, spans)
            if subj:
                return subject_actor(doc, subj, tok, spans)
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
        if nxt is not None and nxt.pos_ in ("PROPN", "PRON") and not in_spans(spans, nxt.idx):
            head = nxt
            while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
                head = doc[head.i + 1]
            return resolve_speaker(doc, head, spans)
        return None

    def _passive(self, cue: Token) -> bool:
        """A passive cue without an agent ("X is expected to ...")."""
        kids = list(cue.children)
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep_ == "agent" for c in kids)
