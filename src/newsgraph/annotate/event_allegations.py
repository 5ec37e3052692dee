"""Allegations for `newsgraph_events`: "X said Y attacked Z" adds an ACCUSE event (mode allege) from X to Y.

Split out of events.py, whose `__call__` runs `_allegations` over the events it found: a hostile act inside the
complement of a speech verb ([reporting]) is what the speaker alleges, the accused is the act's author (none when the
act has no source, or when it is the speaker's own side: "said its forces shot down ..."), and a subordinate clause
of time ([background]: "said the aircraft fell after India launched strikes") says when, not what is alleged. A mixin
of EventFinder between it and `EventSenses`: it reads the finder's word lists and the source test of `EventRoles`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.demonyms import country_of
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_phrases import useful_actor
from newsgraph.annotate.event_senses import EventSenses
from newsgraph.annotate.factuality import factuality
from newsgraph.annotate.resolve import Actor, resolve_token
from newsgraph.records import Event

#: The `user_data` key of a Doc's news-medium modifiers (`EventAllegations._medium_modifiers`).
MEDIUM_MODIFIERS_KEY = "ng_medium_modifiers"


def _sides(doc: Doc, tok: Token) -> set[str]:
    """(stop 32) The countries a subject phrase belongs to: a country entity it names or is, a country's possessor or
    nationality adjective ("Iraq's Deputy Prime Minister Tareq Aziz", "Iraqi troops"), outside clauses hung on it.
    A speaker and an act's author of one country are one side: "Iraq's deputy prime minister said Iraqi troops were
    fighting" is his side's account, no accusation (as "said its forces shot down ...")."""
    out: set[str] = set()
    for t in tok.subtree:
        if any(a.dep_ in ("relcl", "acl", "appos", "prep") for a in t.ancestors if a.i != tok.i and tok in a.ancestors):
            continue
        if t.dep_ in ("relcl", "acl", "appos", "prep"):
            continue
        ent = find_entity(doc, t.idx, t.idx + len(t.text))
        if ent is not None and ent.type == "country":
            out.add(ent.name)
        elif t.ent_type_ == "NORP" and (place := country_of(t.text)) is not None:
            out.add(place.name)
    return out


class EventAllegations(EventSenses):
    """ACCUSE events from reported hostile acts (the word lists are EventFinder's)."""

    classes: dict[str, str]
    reporting: frozenset[str]
    documents: frozenset[str]
    reporting_bodies: frozenset[str]
    target_preps: frozenset[str]
    background: frozenset[str]
    people_suffixes: tuple[str, ...]
    party_nouns: frozenset[str]

    def _allegations(self, doc: Doc, by_token: dict[int, list[Event]], events: list[Event]) -> list[Event]:
        """ "X said/claimed (that) Y attacked Z": X accuses Y (PLOVER ACCUSE, mode allege), before Y's event."""
        out: list[Event] = []
        done: set[tuple[int, str]] = set()
        for ev in events:
            i = next((i for i, evs in by_token.items() if ev in evs), None)
            if i is not None and self.classes.get(ev.type) == "hostile":
                cue = self._reporting_cue(doc[i])
                # an act the report does not state as done ("experts say it underscores X's determination to deploy
                # missiles", "said X plans to attack") is an assessment or a prediction, no one accused of it; what
                # a verb of charging alleges is modal by that verb alone ("authorities allege that X killed Y")
                stated = factuality(doc[i]) if cue is not None else None
                if stated is not None and not stated.happened and stated.cue != cue.text:
                    cue = None
                if cue is not None and cue.i < i:  # "X said Y attacked Z", not "Y attacked Z, X said"
                    src = self._source(cue)
                    speaker = resolve_token(doc, src, []) if src is not None else None
                    # the accused is the act's author: none when the act has no source ("a child was killed"),
                    # and the speaker's own side is no one accused ("X said its forces shot down ...")
                    author = self._source(doc[i])
                    own = author is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in author.children)
                    own = own or (src is not None and author is not None and bool(_sides(doc, src) & _sides(doc, author)))
                    accused = None if own or self._two_sides(doc[i], author) else ev.source_name
                    if src is not None and (self._news_medium(src) or self._document(src)):
                        # (stop 36) "the news agency said the jets blasted ...": a report accuses no one; (stop 38) nor
                        # does a document ("a communique said the rebels attacked ..."): the act is its own event
                        accused = None
                    if speaker is not None and useful_actor(speaker) and accused and speaker.name != accused and (cue.i, accused) not in done:
                        done.add((cue.i, accused))
                        out.append(
                            Event(
                                type="ACCUSE",
                                start=ev.start,
                                end=ev.end,
                                mode="allege",
                                source=speaker.id,
                                target=ev.source,
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

    def _two_sides(self, act: Token, author: Token | None) -> bool:
        """The act's subject coordinates the two sides of one exchange and the act has no object ("say militants and
        police officers clash"): a report of fighting between them, which accuses neither."""
        if author is None or not any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in author.children):
            return False
        return not any(c.dep_ in ("dobj", "obj", "nsubjpass", "dative") for c in act.children) and not any(
            c.dep_ == "prep" and c.lower_ in self.target_preps for c in act.children)

    def _news_medium(self, src: Token) -> bool:
        """The speaker is a news medium (data [news_medium]: "newspapers", "state television", "Radio X"; [news_service]
        after "news": "a news agency"): it reports the act, it does not allege it. (stop 41) So is a name the article
        writes elsewhere as a news medium's modifier ("Tehran's X news agency said ...; X, monitored by ..., said Y
        had seized ..."): the same agency reporting, named bare."""
        return self._medium_phrase(src) or src.pos_ == "PROPN" and any(
            i != src.i for i in self._medium_modifiers(src.doc).get(src.lower_, ()))

    def _medium_modifiers(self, doc: Doc) -> dict[str, list[int]]:
        """{lower-case word: indices} of the words that modify a news medium's phrase in `doc`, read once per Doc
        (kept in its `user_data`, plain str -> list so it serialises with the Doc): `_news_medium` asks per reported
        speaker, and scanning the whole article each time costs a pass per event on a long page."""
        found = doc.user_data.get(MEDIUM_MODIFIERS_KEY)
        if found is None:
            found = {}
            for t in doc:
                if t.dep_ in ("compound", "amod", "nmod") and self._medium_phrase(t.head):
                    found.setdefault(t.lower_, []).append(t.i)
            doc.user_data[MEDIUM_MODIFIERS_KEY] = found
        return found

    def _medium_phrase(self, src: Token) -> bool:
        """`_news_medium` read from the phrase of `src` alone."""
        words = [src] + [c for c in src.children if c.dep_ in ("compound", "appos")]
        if any(w.lower_ in self.news_media or w.lemma_.lower() in self.news_media for w in words):
            return True
        # (stop 39) a reporting body by its modified head ([reporting_body]: "the News Agency X", "the military high
        # command", "a press agency"): its report of an act, even of another side's, is no accusation by it
        for w in words:
            mods = [c.lower_ for c in w.children if c.dep_ in ("compound", "amod")]
            if any(f"{m} {w.lemma_.lower()}" in self.reporting_bodies for m in mods):
                return True
        return src.lemma_.lower() in self.news_services and any(c.lower_ == "news" for c in src.children)

    def _document(self, src: Token) -> bool:
        """(stop 38) The speaker is a document ("the communique", "a ministry statement"; data/quote_evidence.tsv
        [document]) and no entity: what it reports is no allegation by anyone it names."""
        return (src.lower_ in self.documents or src.lemma_.lower() in self.documents) and find_entity(
            src.doc, src.idx, src.idx + len(src.text)) is None

    def _reporting_cue(self, tok: Token) -> Token | None:
        """The speech verb whose complement holds `tok` ("said" in "X said Y attacked Z"), if any. An act whose
        subject is a relative pronoun describes a noun of the report ("said that thousands that were expelled from X
        are in need", even where the parser hangs it on "said"): what the speaker states is the need, not an act."""
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in tok.children):
            return None
        cur = tok
        for _ in range(4):
            if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.background for c in cur.children):
                return None  # "said the aircraft fell after India launched strikes": when it fell, not what is alleged
            if cur.dep_ in ("ccomp", "xcomp", "conj", "advcl") and cur.head is not cur:
                head = cur.head
                if head.lemma_.lower() in self.reporting and cur.dep_ == "ccomp":
                    return head
                cur = head
            else:
                return None
        return None

    def _complained_of(self, doc: Doc, tok: Token) -> list[Actor]:
        """The actor a complaint or criticism with a reported clause is about, when the verb has no object: the
        clause's subject, or the possessor of its subject ("complained that Moldova's obstinacy was hampering the
        council" -> Moldova; "complained that the board acts for developers" -> the board). A thing with no
        possessor ("complained that the roads were bad") names no one. (stop 39) A passive clause's "by" agent, or its
        possessor, is the one complained of before the clause's subject, who suffers the act ("complained they were
        being hurt by Ruritania's trade practices" -> Ruritania)."""
        out: list[Actor] = []
        for clause in [c for c in tok.children if c.dep_ == "ccomp"] or self._misplaced_clause(tok):
            agents = [o for a in clause.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            owners = [p for o in agents for p in o.children if p.dep_ == "poss" and p.pos_ != "PRON"]
            doers = [w for w in owners or agents if self._actor_word(doc, w)]
            if doers:
                out += [resolve_token(doc, w, []) for w in doers]
                continue
            for subj in (s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")):
                owner = [p for p in subj.children if p.dep_ == "poss" and p.pos_ != "PRON"]
                who = owner[0] if owner else subj
                if self._actor_word(doc, who) or self._named_party(who):  # a people noun, an entity that is no place
                    out.append(resolve_token(doc, who, []))
        return [a for a in out if useful_actor(a)]

    @staticmethod
    def _misplaced_clause(tok: Token) -> list[Token]:
        """(stop 40) "charged during the debate that X was trying to ...": the parser may hang the verb's "that"
        clause on the object of a preposition beside it as a relative clause; one that opens with "that", has a
        subject of its own (no relative pronoun) and whose "that" is no argument of its own verb ("the meeting that
        they held" is a relative clause) is the verb's clause."""
        return [r for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
                for r in o.children if r.dep_ == "relcl" and r.left_edge.lower_ == "that" and r.left_edge.head.i != r.i
                and any(x.dep_ in ("nsubj", "nsubjpass") and x.lower_ not in ("that", "which", "who") for x in r.children)]

    def _named_party(self, tok: Token) -> bool:
        """(stop 40) A party noun (plover.tsv [party_noun]: "sector", "industry") named by a state or a body ("the
        Chadian public sector"): a party one can charge; "the Chadian market" is a thing, and names no one."""
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in self.party_nouns and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG") for c in tok.children)

    def _asked_to_act(self, doc: Doc, tok: Token) -> list[Actor]:
        """The one a request with a "that" or a "for ... to" clause asks to act, when the verb has no object: the subject of a
        subjunctive clause, whose verb is bare or takes "should" ("requested that a county court issue an order",
        "asked that the board should delay the vote" -> the court, the board). An indicative clause ("asked that
        nothing had been done") reports, and names no addressee."""
        out: list[Actor] = []
        for clause in (c for c in tok.children if c.dep_ == "ccomp"):
            bare = clause.tag_ == "VB" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
            should = any(a.dep_ == "aux" and a.lower_ == "should" for a in clause.children)
            subjects = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
            # (stop 32) "demanded that South Korea return a veteran": a plain present form with a singular noun as
            # subject is no agreeing present ("returns"), it is the bare verb of a subjunctive, tagged VBP
            bare = bare or (clause.tag_ == "VBP" and any(s.tag_ in ("NN", "NNP") for s in subjects)
                            and not any(a.dep_ in ("aux", "auxpass") for a in clause.children))
            nxt = doc[clause.i + 1] if clause.i + 1 < len(doc) else None
            if clause.pos_ == "NOUN" and (any(c.dep_ in ("dobj", "obj") for c in clause.children) or nxt is not None and nxt.tag_ == "DT"):
                # "that a county court issue an order" tagged as the noun "court issue": a noun with a direct object,
                # or right before a determiner (no noun phrase runs on into another's "a"), is the clause's bare verb
                # mistagged, and the noun before it its subject
                bare = True
                subjects = subjects or [c for c in clause.lefts if c.dep_ == "compound" and c.i == clause.i - 1]
            if not (bare or should) or not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                continue
            for subj in subjects:
                if self._actor_word(doc, subj):  # a people noun ("the court"), or an entity that is no place
                    out.append(resolve_token(doc, subj, []))
        for clause in (c for c in tok.children if c.dep_ in ("advcl", "xcomp", "ccomp") and c.tag_ == "VB"):
            # "called for its followers to boycott the vote": the subject of a "for ... to" infinitive is the one asked
            for mark in (m for m in clause.children if m.dep_ in ("mark", "prep") and m.lower_ == "for" and m.i < clause.i):
                out += [resolve_token(doc, o, []) for o in mark.children if o.dep_ == "pobj" and self._actor_word(doc, o)]
            # (stop 32) the parser may hang the "for" on the verb and the infinitive beside it ("called for female
            # contestants to wear shorter dresses"): the "for" object right before the infinitive is the one asked
            for mark in (m for m in tok.children if m.dep_ == "prep" and m.lower_ == "for" and m.i < clause.i):
                objs = [o for o in mark.children if o.dep_ == "pobj" and self._actor_word(doc, o)
                        and (find_entity(doc, o.idx, o.idx + len(o.text)) is not None
                             or (len(o.lower_) > 4 and o.lower_.endswith(self.people_suffixes)))]  # people, not "funds"
                if objs and all(t.i in {x.i for o in objs for x in o.subtree} or t.lower_ == "to" for t in doc[objs[-1].i + 1 : clause.i]):
                    out += [resolve_token(doc, o, []) for o in objs]
        return [a for a in out if useful_actor(a)]
