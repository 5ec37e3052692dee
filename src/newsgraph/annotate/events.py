"""`newsgraph_events`: PLOVER 2021 events from the dependency parse, actors resolved to entities.

A trigger is a verb or a noun of data/plover.tsv ("met", "urged", "called on", "a meeting with", "talks between
A and B"). The source is the trigger's subject, found by climbing participles and complements ("took the rare step
of criticising X" -> the subject of "took"); the target is its object or the object of a target preposition;
coordinated objects give one event each ("met A and B"). Location and date come from the trigger's sentence: the
first place after a locative preposition that is not an actor, the first resolved date (from `newsgraph_dates`),
skipping relative clauses the trigger is not part of. A definite nominal without actors ("after the meeting in
Oslo") refers back to the previous event of its type and lends it its location and date instead of making a new
event. PLOVER's readings of intent and negation: "would free", "wants to help" -> AGREE; "will attack", "wants to
attack" -> THREATEN; "did not help" -> REJECT; "agreed to lift" is the lifting. "X said Y attacked Z" adds an
ACCUSE (allege) event from X to Y.
Roles: coordinated subjects of a joint act (data [joint]: "A and B signed an agreement", "A and B held talks") or
with a reciprocal object ("accused each other") are source and target of one another; a joint noun takes partners
only from participant prepositions ("an agreement on the dam" names a topic); a city or place after a locative
preposition is the location, never a target; an event needs at least one actor that is an entity or a name
("the agreement will release water" makes none); a verb hung on a reported clause but in the tense of the speech
verb takes the speaker as source ("X said the dam would supply power and accused Y").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.annotate.dates import date_in
from newsgraph.annotate.entities import find_entity
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.lexicon import sections, words
from newsgraph.annotate.resolve import Actor, clause_bounds, coordinated_with_report, doc_text, resolve_token
from newsgraph.records import Event

_DATA = "plover.tsv"
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("xcomp", "acomp", "advcl", "pcomp", "prep", "pobj", "dobj", "acl", "conj", "relcl", "amod", "compound")
_PLACES = ("city", "place", "organisation", "country")


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, list[tuple[str, str, set[str], str]]], dict[str, list[tuple[str, str, set[str], str]]]]:
    """(verbs, nouns): lemma -> rows of (type, mode, needed particles/prepositions, roles) in file order."""
    data = sections(_DATA)
    out: list[dict[str, list[tuple[str, str, set[str], str]]]] = [{}, {}]
    for i, sec in enumerate(("verb", "noun")):
        for row in data.get(sec, []):
            row = row + ("", "", "", "")
            out[i].setdefault(row[0].lower(), []).append((row[1], row[2], {p for p in row[3].split("|") if p}, row[4]))
    return out[0], out[1]


def trigger_lemmas() -> frozenset[str]:
    verbs, nouns = lexicon()
    return frozenset(verbs) | frozenset(nouns)


class EventFinder:
    """Set `doc._.ng_events`."""

    def __init__(self) -> None:
        self.verbs, self.nouns = lexicon()
        self.target_preps = words(_DATA, "target_prep")
        self.pair_preps = words(_DATA, "pair_prep")
        self.noun_preps = words(_DATA, "noun_prep")
        self.participant_preps = words(_DATA, "participant_prep")
        self.locative = words(_DATA, "locative")
        self.intent = words(_DATA, "intent")
        self.reporting = words(_DATA, "reporting")
        self.modal = words(_DATA, "modal")
        self.future = words(_DATA, "future")
        self.commit = words(_DATA, "commit")
        self.classes = {row[0]: row[1] for row in sections(_DATA).get("class", []) if len(row) > 1}
        self.joint = words(_DATA, "joint")
        self.reciprocal = words(_DATA, "reciprocal")
        self.speech = words("cues.tsv", "verb") | words("cues.tsv", "object")
        self.aside_preps = self.locative | words(_DATA, "topic_prep")

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        events: list[Event] = []
        if doc.has_annotation("DEP"):
            quoted = [(q.start, q.end) for q in doc._.ng_quotes or [] if q.kind == "direct"]
            by_token: dict[int, list[Event]] = {}
            dropped: set[int] = set()  # id() of events without an actor entity
            for tok in doc:
                if not tok.dep_ or any(s <= tok.idx < e for s, e in quoted):
                    continue  # a sentence the selective parser skipped, or the speaker's own words
                found = self._from_token(doc, tok, events, dropped)
                if found:
                    by_token[tok.i] = found
                events.extend(found)
            events = [ev for ev in self._allegations(doc, by_token, events) if id(ev) not in dropped]
        doc._.ng_events = events
        return doc

    def _allegations(self, doc: Doc, by_token: dict[int, list[Event]], events: list[Event]) -> list[Event]:
        """ "X said/claimed (that) Y attacked Z": X accuses Y (PLOVER ACCUSE, mode allege), before Y's event."""
        out: list[Event] = []
        done: set[tuple[int, str]] = set()
        for ev in events:
            i = next((i for i, evs in by_token.items() if ev in evs), None)
            if i is not None and self.classes.get(ev.type) == "hostile":
                cue = self._reporting_cue(doc[i])
                if cue is not None and cue.i < i:  # "X said Y attacked Z", not "Y attacked Z, X said"
                    src = self._source(cue)
                    speaker = resolve_token(doc, src, []) if src is not None else None
                    accused = ev.source_name or ev.target_name
                    if speaker is not None and _useful(speaker) and accused and speaker.name != accused and (cue.i, accused) not in done:
                        done.add((cue.i, accused))
                        out.append(
                            Event(
                                type="ACCUSE",
                                start=ev.start,
                                end=ev.end,
                                mode="allege",
                                source=speaker.id,
                                target=ev.source if ev.source_name else ev.target,
                                location=ev.location,
                                date=ev.date,
                                trigger=cue.text,
                                source_name=speaker.name,
                                target_name=accused,
                                location_name=ev.location_name,
                            )
                        )
            out.append(ev)
        return out

    def _reporting_cue(self, tok: Token) -> Token | None:
        """The speech verb whose complement holds `tok` ("said" in "X said Y attacked Z"), if any."""
        cur = tok
        for _ in range(4):
            if cur.dep_ in ("ccomp", "xcomp", "conj", "advcl") and cur.head is not cur:
                head = cur.head
                if head.lemma_.lower() in self.reporting and cur.dep_ == "ccomp":
                    return head
                cur = head
            else:
                return None
        return None

    def _trigger(self, tok: Token) -> tuple[str, str, str, str] | None:
        """(type, mode, form, roles) of a trigger token, after the lexicon's conditions, intent and negation."""
        lemma = tok.lemma_.lower()
        attached = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "dative", "agent")}
        if tok.pos_ == "VERB" and lemma in self.verbs:
            rows, form = self.verbs[lemma], "verb"
        elif tok.pos_ in ("NOUN", "PROPN"):
            lefts = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")]
            key = f"{lefts[-1]} {tok.lower_}" if lefts else ""
            rows = self.nouns.get(key) or self.nouns.get(tok.lower_) or self.nouns.get(lemma)
            form = "noun"
            if not rows:
                return None
        else:
            return None
        row = next((r for r in rows if not r[2] or attached & r[2]), None)
        if row is None:
            return None
        type_, mode, _, roles = row
        if form == "verb" and lemma in self.intent | self.commit and any(self._trigger_lemma(c) for c in tok.children if c.dep_ == "xcomp"):
            return None  # "pledged to free": the complement is the event, this verb its intent
        negated = any(c.dep_ == "neg" for c in tok.children) or (
            tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children)
        )
        klass = self.classes.get(type_, "")
        if negated:
            if klass != "cooperative":
                return None
            return "REJECT", "", form, roles
        intended = form == "verb" and self._intended(tok)
        if intended == "intent" and klass == "cooperative" and type_ != "AGREE":
            return "AGREE", "", form, roles
        if intended and klass == "hostile":
            return "THREATEN", "", form, roles
        return type_, mode, form, roles

    def _trigger_lemma(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self.verbs

    def _intended(self, tok: Token) -> str:
        """ "intent" ("would free", "wants to help"), "future" ("will supply") or "" (done, or committed to:
        "agreed to lift" is coded as the lifting)."""
        aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if aux & self.modal:
            return "intent"
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.intent:
            return "intent"
        if aux & self.future:
            return "future"
        return ""

    def _from_token(self, doc: Doc, tok: Token, previous: list[Event], dropped: set[int]) -> list[Event]:
        trig = self._trigger(tok)
        if trig is None:
            return []
        type_, mode, form, roles = trig
        lo, hi = clause_bounds(tok)
        sent = doc.char_span(lo, hi, alignment_mode="expand") or tok.sent
        sources: list[Actor] = []
        targets: list[Actor] = []
        if form == "noun":
            pairs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in self.pair_preps for p in _objects(c)]
            has_with = any(c.dep_ == "prep" and c.lower_ in self.participant_preps for c in tok.children) or any(
                c.dep_ == "poss" for c in tok.children
            )
            if not pairs and not has_with and any(c.lower_ in ("the", "this", "that") for c in tok.lefts):
                self._lend(doc, sent, type_, previous)
                return []
            if len(pairs) >= 2:
                sources = [resolve_token(doc, pairs[0], [])]
                targets = [resolve_token(doc, p, []) for p in pairs[1:]]
            else:
                joint = tok.lower_ in self.joint or tok.lemma_.lower() in self.joint
                targets = self._targets(doc, tok, self.participant_preps if joint else self.noun_preps)
                src = self._source(tok)
                sources = self._subjects(doc, src)
                if joint and len(sources) > 1:
                    sources, targets = sources[:1], sources[1:] + targets
                poss = [c for c in tok.children if c.dep_ == "poss"]
                if poss:
                    sources = [resolve_token(doc, poss[0], [])]
            if not targets and not sources or (not targets and any(c.lower_ == "the" for c in tok.lefts)):
                self._lend(doc, sent, type_, previous)
                return []
        else:
            src = self._source(tok)
            sources = self._subjects(doc, src)
            targets = self._targets(doc, tok)
            mutual = [a for a in targets if a.name.lower() in self.reciprocal]
            if (tok.lemma_.lower() in self.joint or mutual) and len(sources) > 1:
                # "A and B signed an agreement", "A and B accused each other": a joint act of A with B
                sources, targets = sources[:1], sources[1:] + [a for a in targets if a not in mutual]
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
                # "10 soldiers killed in ...": the modified noun is the target, not the source
                sources = [a for a in sources if a.start != tok.head.idx]
                targets = targets + [resolve_token(doc, tok.head, [])]
        if roles == "reverse":
            # "received weapons from X", "faces pressure from X": the giver is the object of "from"
            givers = [resolve_token(doc, o, []) for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for o in _objects(c)]
            if givers:
                sources, targets = givers, [a for a in sources]
        sources = _best([a for a in sources if _useful(a) and lo <= a.start < hi and not _is_measure(doc, a)])
        targets = _best([a for a in targets if _useful(a) and lo <= a.start < hi and not _is_measure(doc, a)])
        if not sources and not targets:
            return []
        actorless = not any(a.entity or _named(doc, a) for a in sources + targets)
        loc = self._location(doc, sent, sources + targets, tok)
        date = self._date(doc, sent, tok)
        out = []
        for s in sources or [None]:
            for t in targets or [None]:
                if s is not None and t is not None and s.id is not None and s.id == t.id:
                    continue
                out.append(
                    Event(
                        type=type_,
                        start=sent.start_char,
                        end=sent.end_char,
                        mode=mode or None,
                        source=s.id if s else None,
                        target=t.id if t else None,
                        location=loc.id if loc else None,
                        date=date.value if date else None,
                        trigger=tok.text,
                        source_name=s.name if s else None,
                        target_name=t.name if t else None,
                        location_name=loc.name if loc else None,
                    )
                )
                if actorless:
                    # "the agreement will release water": no actor entity, no event of its own (an allegation
                    # "X said ... were killed" may still be made of it, see _allegations)
                    dropped.add(id(out[-1]))
        return out

    def _subjects(self, doc: Doc, src: Token | None) -> list[Actor]:
        """The subject and the subjects coordinated with it ("Egypt and Ethiopia")."""
        if src is None:
            return []
        if src.dep_ not in _SUBJ:
            return [resolve_token(doc, src, [])]
        return [resolve_token(doc, t, []) for t in _with_conj(src)]

    def _source(self, tok: Token) -> Token | None:
        """The subject of the trigger or of the nearest clause above it."""
        cur = tok
        lo, hi = clause_bounds(tok)
        if (
            tok.dep_ == "conj"
            and tok.head.dep_ == "ccomp"
            and tok.head.head.lemma_.lower() in self.reporting
            and not any(c.dep_ in _SUBJ for c in tok.children)
            and (tok.lemma_.lower() in self.speech or coordinated_with_report(tok, tok.head, tok.head.head))
        ):
            # "X said the dam would supply power and accused Y": a speech verb, or a verb in the tense of "said" and
            # not of the clause it is hung on, is coordinated with "said": X accuses, not the dam
            cur = tok.head.head
        for _ in range(6):
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj") and lo <= c.idx < hi]
            if subj:
                if subj[0].lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                    return cur.head  # "Rashid, who met ..."
                return subj[0]
            if cur.dep_ == "acl" and cur.tag_ != "VBN" and cur.head.pos_ in ("NOUN", "PROPN"):
                return cur.head  # "Berg, ..., called for ..." parsed as a clause on the name
            agent = [g for c in cur.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if agent:
                return agent[0]
            if cur.dep_ in _CLIMB and cur.head is not cur:
                cur = cur.head
            else:
                break
        return self._subject_fallback(tok)

    def _subject_fallback(self, tok: Token) -> Token | None:
        """A finite trigger verb left without a subject (a parse run across a paragraph or a crosshead): the first
        entity-like name of its clause before it, outside relative clauses and quotation marks."""
        lo, hi = clause_bounds(tok)
        if tok.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in _SUBJ and lo <= c.idx < hi for c in tok.children):
            return None
        text = doc_text(tok.doc)
        for t in tok.doc[tok.sent.start : tok.i]:
            if t.idx < lo or t.pos_ not in ("PROPN", "NOUN") or t.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            if any(a.dep_ in ("relcl", "acl") and lo <= a.idx < tok.idx for a in t.ancestors) or text.count('"', lo, t.idx) % 2:
                continue
            return t
        return None

    def _targets(self, doc: Doc, tok: Token, preps: frozenset[str] | None = None) -> list[Actor]:
        preps = preps if preps is not None else self.target_preps
        objs: list[Token] = []
        places: set[int] = set()
        for c in tok.children:
            if c.dep_ in ("dobj", "obj", "dative") and tok.pos_ == "VERB" and self._joint_noun(c):
                # "signed an agreement with X", "held talks with X": the partners of the act named by the object
                objs += [o for p in c.children if p.dep_ == "prep" and p.lower_ in self.participant_preps for o in _objects(p)]
            elif c.dep_ in ("dobj", "obj", "dative", "nsubjpass") and tok.pos_ == "VERB":
                objs += _with_conj(c)
            elif c.dep_ in ("prep", "prt") and c.lower_ in preps:
                for o in _objects(c):
                    objs += _with_conj(o)
                    if c.lower_ in self.locative:
                        places.update(t.i for t in _with_conj(o))
            elif c.dep_ == "prt":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        objs += _with_conj(cc)
        out: list[Actor] = []
        for o in objs:
            if o.pos_ in ("VERB", "AUX"):
                continue  # "accused X of attacking": the act, not an actor
            a = resolve_token(doc, o, [])
            if o.i in places and a.entity is not None and a.entity.type in ("city", "place"):
                continue  # "met at Camp David": where the act happened, not its target
            if a.entity is None:
                # "the foreign ministers of Russia and Iran": entities inside the phrase
                inner = _entities_in(doc, o, self.aside_preps)
                if inner:
                    out += inner
                    continue
            out.append(a)
        return out

    def _joint_noun(self, tok: Token) -> bool:
        """A noun naming a joint act ("agreement", "talks"): its partners come from participant prepositions."""
        return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.joint or tok.lemma_.lower() in self.joint)

    def _location(self, doc: Doc, sent: Span, actors: list[Actor], trigger: Token | None = None) -> Actor | None:
        taken = {a.id for a in actors if a.id}
        best = None
        for e in doc._.ng_entities or []:
            if e.id in taken or e.type not in _PLACES:
                continue
            for m in e.mentions:
                if sent.start_char <= m.start < sent.end_char and self._locative(doc, m.start) and not _aside(doc, m.start, trigger):
                    rank = (_PLACES.index(e.type), m.start)
                    if best is None or rank < best[0]:
                        best = (rank, Actor(e, e.name, m.start, m.end))
        return best[1] if best else None

    def _date(self, doc: Doc, sent: Span, trigger: Token):
        """The sentence's date (day resolution first), skipping dates inside clauses the trigger is not part of."""
        inside = [
            d
            for d in doc._.ng_dates or []
            if sent.start_char <= d.start and d.end <= sent.end_char and d.value and not _aside(doc, d.start, trigger)
        ]
        return next((d for d in inside if d.resolution == "day"), inside[0] if inside else None)

    def _locative(self, doc: Doc, start: int) -> bool:
        """The place follows a locative preposition ("in", "at", "near", "sidelines of"), maybe past "the"."""
        before = doc_text(doc)[max(0, start - 40) : start].lower().split()
        while before and before[-1] in ("the", "a", "an"):
            before.pop()
        if not before:
            return False
        if before[-1] in self.locative:
            return True
        return len(before) > 1 and " ".join(before[-2:]) in self.locative

    def _lend(self, doc: Doc, sent: Span, type_: str, previous: list[Event]) -> None:
        """A definite nominal ("the meeting") gives its sentence's place and date to the event it refers to."""
        for ev in reversed(previous):
            if ev.type != type_:
                continue
            actors = [Actor(None, "", 0, 0)]
            actors = [a for a in actors if a.entity]
            if ev.location is None:
                loc = self._location(doc, sent, actors)
                ids = {ev.source, ev.target}
                if loc is not None and loc.id not in ids:
                    ev.location, ev.location_name = loc.id, loc.name
            if ev.date is None:
                d = date_in(doc, sent.start_char, sent.end_char)
                if d is not None:
                    ev.date = d.value
            # the same event may have been stated for several actor pairs: update them all
            for other in previous:
                if other is not ev and other.start == ev.start and other.type == ev.type:
                    other.location = other.location or ev.location
                    other.location_name = other.location_name or ev.location_name
                    other.date = other.date or ev.date
            return


def _aside(doc: Doc, start: int, trigger: Token | None) -> bool:
    """The place sits in a relative clause the trigger is not part of ("Rashid, who formed it in Oman, met ...")."""
    if trigger is None:
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for anc in span[0].ancestors:
        if anc.dep_ in ("relcl", "acl", "appos", "parataxis") and not (anc.left_edge.i <= trigger.i <= anc.right_edge.i):
            return True
    return False


_MEASURES = {"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL"}


def _is_measure(doc: Doc, a: Actor) -> bool:
    """A date, an amount or a count is no actor ("signed on Thursday", "jailed for two years")."""
    if a.entity is not None:
        return False
    if any(d.start < a.end and a.start < d.end for d in doc._.ng_dates or []):
        return True
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in _MEASURES


def _useful(a: Actor) -> bool:
    """An entity, or a noun phrase; unresolved pronouns and first/second persons are no actors."""
    if a.entity is not None:
        return a.entity.type != "person" or a.name.lower() not in _UNRESOLVED
    return bool(a.name) and a.name.lower() not in _UNRESOLVED and not a.name.lower().startswith(("whose ", "which "))


_UNRESOLVED = {"it", "this", "that", "which", "who", "we", "i", "you", "us", "me", "he", "she", "they", "them", "him", "her"}


def _best(actors: list[Actor]) -> list[Actor]:
    """Coordinated actors: when some are entities, the bare descriptions among them are appositions, not actors."""
    if any(a.entity for a in actors):
        actors = [a for a in actors if a.entity]
    seen, out = set(), []
    for a in actors:
        key = a.id or a.name
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _objects(prep: Token) -> list[Token]:
    objs = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            objs += _with_conj(c)
    return objs


def _with_conj(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _with_conj(c)
        if c.dep_ == "appos":
            for cc in c.children:
                if cc.dep_ == "conj":
                    out += _with_conj(cc)
    return out


def _entities_in(doc: Doc, tok: Token, aside: frozenset[str]) -> list[Actor]:
    out = []
    seen = set()
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl"):
            continue
        aside_place = any(a.dep_ == "prep" and a.lower_ in aside for a in _path(t, tok))
        if t.ent_iob_ == "B" or (t.pos_ == "PROPN" and t.ent_iob_ != "I"):
            e = find_entity(doc, t.idx, t.idx + len(t.text))
            if aside_place and e is not None and e.type in ("place", "city"):
                continue  # "200 people in Nairobi", "the dam in Addis Ababa": where, not who
            if e is not None and e.id not in seen and e.type in ("country", "organisation", "person", "group", "place", "city"):
                seen.add(e.id)
                out.append(Actor(e, e.name, t.idx, t.idx + len(t.text)))
    return out


def _named(doc: Doc, a: Actor) -> bool:
    """A name the entity component did not list, or a description with a named modifier ("Kenyan police",
    "Sudan's army"), stands for an actor; "the agreement" or "37 billion cubic metres of water" do not."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or t.pos_ == "PROPN" for t in span)


def _path(t: Token, top: Token) -> list[Token]:
    """The tokens from `t` up to (not including) `top`, `t` included."""
    out = []
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


@Language.factory("newsgraph_events")
def make_events(nlp: Language, name: str) -> EventFinder:
    return EventFinder()


__all__ = ["EventFinder", "lexicon", "trigger_lemmas"]
