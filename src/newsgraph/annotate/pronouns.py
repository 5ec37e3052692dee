"""Pronoun speakers: the antecedent of "he", "she", "it" or "they" by grammatical role and agreement.

Why a module of its own: who a pronoun stands for is the one speaker question that needs discourse (the sentences
before the pronoun, their subjects, the genders the text gives its people), where the rest of resolve.py reads one
phrase. Centering theory's preference, cheaply: the subject of a main clause, walking back sentence by sentence.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.annotate.gender import agrees, pronoun_gender
from newsgraph.annotate.lexicon import section_words, sections
from newsgraph.annotate.page_furniture import headings
from newsgraph.records import Entity


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


#: How many sentences back a pronoun looks for its antecedent (a chain of the same pronoun as subject goes on).
PRONOUN_SENTENCES = 4
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _role(doc: Doc, start: int, end: int) -> str:
    """A mention's grammatical role: "subject", "possessive" or "other". Sentences without a parse (the parse runs
    only where quotes or events can be) fall back to position: a name that opens its sentence and is followed by a
    verb is its subject; a name followed by 's is a possessive."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    root = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    if root.dep_ == "poss" or (nxt is not None and nxt.tag_ == "POS"):
        return "possessive"
    if root.dep_:
        # a subject, a name in apposition to one ("Another officer, Wing Commander X, said") or the complement of
        # a copula ("The first witness was X") is what its sentence is about
        topic = root.dep_ in _SUBJECT_DEPS or root.dep_ == "attr" or (root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS)
        title = _title_head(root)
        topic = topic or (title is not None and title.dep_ in _SUBJECT_DEPS)  # "Director of Public Works X said"
        return "subject" if topic else "other"
    lead = [t for t in root.sent if t.i < span.start and not (t.is_punct or t.is_space)]
    if not lead or (nxt is not None and nxt.pos_ in ("VERB", "AUX") and all(t.pos_ in ("DET", "ADJ", "PROPN", "NOUN") for t in lead)):
        return "subject"  # "Smith, 45, a teacher, ...": a name opening its sentence is what it is about
    return "other"


def resolve_pronoun(doc: Doc, tok: Token, types: set[str], exclude: list[tuple[int, int]]) -> tuple[Entity | None, str, Token | None]:
    """The antecedent of a pronoun speaker, how it was found, and the common noun it stands for when that is the
    antecedent (how "noun": "The teacher added that X was fine. She said ...": the teacher, not X).

    Why not the nearest name (what `nearest_before` gives): in "Pakistan summoned India's envoy over what it called
    ..." and "... asked him if he'd read Morgan's diaries. '...,' he said" the nearest name is a possessive, and the
    speaker is a subject. Centering theory's preference, cheaply: walk back sentence by sentence from the pronoun
    (its own sentence first, up to PRONOUN_SENTENCES, never into quotation marks). In each parsed sentence the
    main clause's subject ranks first: a name ("subject"), the same pronoun (the chain goes on to the sentence
    before, past names in the clauses inside: "He said X had been ..."), or a common noun for a person ("noun");
    then the subject of a clause inside it. Only when no subject is found, the nearest compatible non-possessive
    mention ("other") or possessive ("possessive"). A subject found across sentences is "contested" when a
    quotation in between uses the same pronoun for someone else than its speaker and another candidate agrees
    ('"She is not hurt," the coroner said. She said ...'). The answer's `how` feeds speaker_confidence: only a
    subject antecedent is sure enough to show.
    """
    # a heading ("Water Rights.", page_furniture.py) is nobody a pronoun stands for: its words and its own
    # "sentence" are passed over, and the walk goes on to the prose before it
    heads = headings(doc)
    mentions = []
    for e in doc._.ng_entities or []:
        if e.type not in types or not agrees(doc, tok, e):
            continue  # "she" is never a man the text or the name data marks as one (annotate/gender.py)
        for m in e.mentions:
            if m.end <= tok.idx and not inside(exclude, m.start) and not inside(heads, m.start):
                mentions.append((m.start, m.end, e))
    sents = [s for s in doc.sents if s.start_char <= tok.idx
             and not any(hs <= s.start_char and s.end_char <= he + 1 for hs, he in heads)][-PRONOUN_SENTENCES:]
    fallback: tuple[Entity, str] | None = None
    window = [m for m in mentions if m[0] >= sents[0].start_char] if sents else []
    chained: tuple[Entity, str] | None = None
    before = [s for s in sents if s.end_char <= tok.idx]
    previous = before[-1] if before else None  # the sentence right before the pronoun's own
    mine = [s for s in sents if s.start_char <= tok.idx < s.end_char]
    near = _clause_subject(tok, exclude) if mine else None
    if near is not None and _plural_group(near, tok, own=True, named_group=True):
        # "Democrats want A, and Republicans want B (they want ...)": the subject of the clause the pronoun's own
        # clause hangs on binds it before the sentence's first subject or a name sentences back
        return None, "noun", near
    if near is not None and tok.head.dep_ == "advcl" and tok.head.head.i == near.head.i and near.head.dep_ == "ccomp":
        # "X said Y was right when he said ...": the pronoun of an adverbial clause binds the subject of the clause
        # it modifies (the reported clause) before the main clause's subject, when that subject is a name it agrees with
        hit = next((m[2] for m in mentions if m[0] <= near.idx < m[1]), None)
        if hit is not None:
            return hit, "subject", None
    own_head = _main_subject(mine[0], tok, exclude) if mine else None
    if own_head is not None and own_head.i != tok.i:
        # "School officials are trying to correct what they said ...": a plural people subject of the pronoun's
        # own sentence binds it; any other subject there leaves the sentence before out of the plural rule
        if _plural_group(own_head, tok, own=True):
            return None, "noun", own_head
        previous = None
    for sent in reversed(sents):
        here = sorted((m for m in mentions if sent.start_char <= m[0] < sent.end_char), key=lambda m: m[0])
        roles = [(m, _role(doc, m[0], m[1])) for m in here]
        subj = [m for m, r in roles if r == "subject"]
        main = [m for m in subj if _main_clause(doc, m[0], m[1])]
        own = sent.start_char <= tok.idx < sent.end_char
        head = None if main or own else _main_subject(sent, tok, exclude)
        if head is not None and head.pos_ == "PRON" and _same_pronoun(head, tok):
            # "He said X had been ...": the chain of "he" goes on, X (in what he said) is spoken about; a subject
            # of another clause inside ("In an interview, for which X was paid, she said") is kept in case the
            # chain finds no name
            inner = [m for m in subj if not _reported(doc, m[0], m[1])]
            chained = chained or ((inner[-1][2], "subject") if inner else None)
            continue
        if head is not None and (_described(head, tok) or (sent == previous and _plural_group(head, tok))):
            return None, "noun", head
        if head is not None and head.pos_ == "PROPN" and not subj:
            # the sentence is about someone who cannot be the pronoun's antecedent (a name the entities typed
            # otherwise, "Serhii Radio, a researcher, says ... he says"): no subject further back stands for it
            for m, r in reversed(roles):
                fallback = fallback or (m[2], r)
            break
        if subj:
            # a main clause's subject before one of a clause inside it ("Also watching was X, a co-founder of
            # the firm where Y worked. '...,' he said": X); the subject of a reported clause ("The lawsuit alleges
            # that X used ...") is spoken about, a guess at best
            told = [m for m in subj if own or not _reported(doc, m[0], m[1])]
            if not main and not told:
                return subj[-1][2], "other", None
            hit = (main or told)[-1][2]
            contested = not own and _contested(doc, tok, hit, window, sent.start_char, sents[-1].start_char, exclude)
            if hit.type == "person" and "Plur" in tok.morph.get("Number"):
                # "Gannon and Rader said ... They said": a plural pronoun stands for more than the one person found
                return hit, "other", None
            return hit, "contested" if contested else "subject", None
        for m, r in reversed(roles):
            if fallback is None or (r == "other" and fallback[1] == "possessive"):
                fallback = (m[2], r)
    if chained is not None or fallback is not None:
        hit, how = chained or fallback
        return hit, how, None
    if not mentions:
        return None, "unresolved", None
    hit = max(mentions, key=lambda m: m[1])
    return hit[2], "far", None


def _title_head(name: Token) -> Token | None:
    """The title a person's name is the "of" object of ("Director of Public Works Eric Hood": Director), when
    speaker_titles.titled_person reads the phrase as that person's title; else None."""
    from newsgraph.annotate.speaker_titles import titled_person

    if name.dep_ != "pobj" or name.head.lower_ != "of" or name.head.head is name.head:
        return None
    title = name.head.head
    return title if titled_person(title) is not None else None


def _main_subject(sent, tok: Token, exclude: list[tuple[int, int]]) -> Token | None:
    """The subject of the sentence's main verb, before `tok` and outside quotation marks (None without a parse)."""
    root = sent.root
    if not root.dep_:
        return None
    subs = [c for c in root.children if c.dep_ in _SUBJECT_DEPS and c.i != tok.i and c.idx < tok.idx and not inside(exclude, c.idx)]
    return subs[0] if subs else None


def _clause_subject(tok: Token, exclude: list[tuple[int, int]]) -> Token | None:
    """The subject, before `tok` and outside quotation marks, of the nearest verb above the pronoun's own clause in
    its sentence (the clause it is a complement, conjunct or parenthesis of); None when the pronoun is no subject."""
    if tok.dep_ not in _SUBJECT_DEPS:
        return None
    for verb in tok.head.ancestors:
        subs = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.idx < tok.idx and not inside(exclude, c.idx)]
        if subs:
            return subs[0]
    return None


def _reported(doc: Doc, start: int, end: int) -> bool:
    """The mention is the subject of a clause reported by its sentence's main verb ("He said X had been ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not span.root.dep_:
        return False
    return any(a.dep_ in ("ccomp", "xcomp") for a in span.root.ancestors)


def _same_pronoun(other: Token, tok: Token) -> bool:
    g = pronoun_gender(tok)
    return other.lower_ == tok.lower_ or (g is not None and pronoun_gender(other) == g)


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Common nouns of bodies (event_actors.tsv [body] and the organs of [official], less the roles of cues.tsv):
    an organisation, no one person."""
    return section_words(sections("event_actors.tsv"), "body", "official") - section_words(sections("cues.tsv"), "role")


def _described(head: Token, pronoun: Token) -> bool:
    """The main subject is a definite description of one person ("The teacher added ...") that "he" or "she"
    can take up; plural and indefinite ones ("a reporter asked ...; she replied") are left to the names."""
    if pronoun_gender(pronoun) is None or head.pos_ != "NOUN" or head.tag_ != "NN":
        return False
    if head.lemma_.lower() in _bodies() or head.lower_ in _bodies():
        return False  # "he" or "she" is a person, never a body ("the current administration has ...")
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and person_noun(head)


def _plural_group(head: Token, pronoun: Token, own: bool = False, named_group: bool = False) -> bool:
    """The main subject of the sentence right before is a plural common noun for people or bodies, subject of a
    speech verb, that "they" agrees with ("Many countries, among them A, B and C, have warned the agency ... They
    say ...": the countries, not the agency object nor a name in the aside). Agreement and role, the parser's: a
    plural pronoun takes up the plural speaker just named rather than walking past it to a name further back; a
    subject of another verb ("Albedo measurements range from ...", "hundreds of protesters converged") or one
    sentences back is left to the names, as before. `own`: the subject of the pronoun's own sentence, which binds it
    whatever its verb ("School officials are trying to correct what they said ...")."""
    if "Plur" not in pronoun.morph.get("Number") or pronoun_gender(pronoun) is not None:
        return False
    if not own and head.head.lemma_.lower() not in speech_lemmas():
        return False
    if any(c.dep_ == "conj" for c in head.children):
        return False  # "the residents and their lawyer ... they": the first conjunct alone would be one of the speakers
    if named_group and head.pos_ == "PROPN" and head.tag_ == "NNPS" and head.ent_type_ == "NORP":
        return True  # "Republicans", "Democrats": a named group of people (`named_group`: the nearest clause's subject)
    return head.pos_ == "NOUN" and head.tag_ in ("NNS", "NNPS") and person_noun(head)


@lru_cache(maxsize=1)
def speech_lemmas() -> frozenset[str]:
    """The cue verbs of the quote lexicon (data/cues.tsv [verb], [indirect], [object])."""
    return section_words(sections("cues.tsv"), "verb", "indirect", "object")


def person_noun(tok: Token) -> bool:
    """A common noun for a person ("the teacher", "the coroner", "a spokesman"): the people lexicons, or an agent
    noun by its ending (speaker_nouns.agentive)."""
    from newsgraph.annotate.doc_entities import find_entity
    from newsgraph.annotate.speaker_nouns import agentive, people_nouns

    if find_entity(tok.doc, tok.idx, tok.idx + len(tok.text)) is not None:
        return False
    lemma = tok.lemma_.lower()
    return lemma in people_nouns() or tok.lower_ in people_nouns() or agentive(lemma)


def _main_clause(doc: Doc, start: int, end: int) -> bool:
    """The mention is the subject (or in apposition to it) of its sentence's main verb or of one coordinated with
    it; a sentence without a parse counts as one clause."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not span.root.dep_:
        return True
    noun = span.root.head if span.root.dep_ == "appos" else (_title_head(span.root) or span.root)
    verb = noun.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _contested(doc: Doc, pronoun: Token, hit: Entity, window: list[tuple[int, int, Entity]], start: int, end: int, exclude: list[tuple[int, int]]) -> bool:
    """Between the antecedent's sentence (from `start`) and the pronoun's (at `end`) a quotation uses the same
    pronoun, so for someone other than its speaker ('"She is not hurt," Coroner X said. She said ...'), and another
    candidate in the window agrees with the pronoun: the subject rule's answer is a guess."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or not any(t.pos_ == "PRON" and _same_pronoun(t, pronoun) and inside(exclude, t.idx) for t in span):
        return False
    return any(e.id != hit.id and e.type == hit.type for _, _, e in window)
