"""What a verb's object is, for `newsgraph_events`: the thing a request asks for, the antecedent a relative pronoun
stands for, a plural noun for people under a nationality adjective, a thing's owner, a thing blamed "on" someone.

Stop 25's error classes of Wikinews health news (benchmarks/audit/NOTES.md, "Events, stop 25 (helper e1)"): "asked for
funds" and "sought an investigation of X's death" took the thing asked for, or the victim inside it, as the one asked;
"six nurses who were convicted" and "Angolans that were expelled" lost their patient, resolved as a personal pronoun
to the nearest person; "Nigerian clerics called for" took the country as author. A mixin of `EventRoles`: it reads
the finder's word lists and the actor tests of `EventRoles`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_actor_phrases import partitive_whole, prep_objects, relative_antecedent
from newsgraph.annotate.event_measures import measure_prep
from newsgraph.annotate.event_mishaps import instrument_kinds
from newsgraph.annotate.relatives import WHO, indefinite
from newsgraph.annotate.resolve import resolve_token, role_nouns


class EventObjects:
    """Object and antecedent tests (the word lists are EventFinder's, the actor tests EventRoles')."""

    people: frozenset[str]
    act_suffixes: tuple[str, ...]
    classes: dict[str, str]
    verbs: dict[str, list[tuple[str, str, set[str], str]]]
    nouns: dict[str, list[tuple[str, str, set[str], str]]]
    blame_on: frozenset[str]

    def people_noun(self, tok: Token) -> bool:  # EventRoles'
        raise NotImplementedError

    def _act_noun(self, tok: Token) -> bool:  # EventRoles'
        raise NotImplementedError

    def _actor_word(self, doc: Doc, tok: Token) -> bool:  # EventRoles'
        raise NotImplementedError

    def _no_actor(self, doc: Doc, tok: Token) -> bool:  # EventRoles'
        raise NotImplementedError

    def _members(self, tok: Token) -> bool:
        """A plural common noun that names no act and no instrument ("prominent Nigerian clerics", "Kenyan farmers"):
        people, whose nationality adjective says where they are from, not that their state acted (as for the
        people nouns of the lexicons); "Indian airstrikes" and "Israeli tanks" still name their country. (stop 32) A
        singular one with an indefinite article is one of them ("a convicted British paedophile was arrested": the
        man, not the United Kingdom)."""
        one = tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        if (tok.tag_ != "NNS" and not one) or self._act_noun(tok) or tok.lower_ in instrument_kinds() or tok.lemma_.lower() in instrument_kinds():
            return False
        return not (len(tok.lemma_) > 5 and tok.lemma_.lower().endswith(self.act_suffixes))

    def _relative(self, doc: Doc, tok: Token) -> Token:
        """A relative pronoun's antecedent when it is an actor of the right number ("five nurses who were convicted",
        "Angolans that were expelled"), else the pronoun itself: "who" after a singular description with no entity
        ("the defendant, who was charged") is left to the pronoun's person, and an antecedent that is a place (a
        misparsed "X of 19 Main Drive, Tipperary, who is accused") or, for "that"/"which", a thing, is none."""
        ante = relative_antecedent(tok)
        if ante is None:
            return tok
        whole = partitive_whole(ante)
        if tok.lower_ in WHO and whole.pos_ == "NOUN" and indefinite(whole) and find_entity(doc, whole.idx, whole.idx + len(whole.text)) is None:
            return ante  # (stop 36) "a man who was arrested", "a Jenin man who": someone new, nobody named before
        a = resolve_token(doc, whole, [])
        if a.entity is not None and a.entity.type in ("city", "place", "country") and whole.pos_ != "PROPN":
            return tok  # "a Jenin man who was ...": the place only names where he is from
        if a.entity is not None and a.entity.type in ("city", "place"):
            return tok
        if tok.lower_ in ("who", "whom"):
            return tok if a.entity is None and whole.tag_ == "NN" else ante
        return ante if self._actor_word(doc, whole) or self.people_noun(whole) else tok

    def _introduced_people(self, kids: list[Token]) -> bool:
        """(stop 36) The verb's direct object is people introduced by a number or "a"/"an", named by no role ("three
        boys", "a woman"): a "from" beside them says where they are from or were taken from ("arrested three boys
        from X"), as the name of "A Coral Gables man" does (resolve.origin_modifier), not a second patient. An official
        or a possessed object keeps its "from" as the side acted on ("recalled its ambassador from X")."""
        roles = role_nouns()
        return any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and self.people_noun(c) and indefinite(c)
                   and c.lower_ not in roles and c.lemma_.lower() not in roles for c in kids)

    def _aimed_preps(self, act: Token) -> tuple[str, ...]:
        """Prepositions inside a thing asked for that name an actor the request concerns: "from" whom it is asked
        ("funding from X"), "against" whom the act is aimed ("an investigation against X"), and, for an act that
        accuses or harms ("an investigation of the mayor", "sanctions on X"), its "of"/"into"/"on" object when that
        is an actor (a victim's death or an event is none: no actor word)."""
        rows = self.nouns.get(act.lower_) or self.nouns.get(act.lemma_.lower()) or self.verbs.get(act.lemma_.lower()) or []
        if any(r[0] == "ACCUSE" or self.classes.get(r[0]) == "hostile" for r in rows):
            return ("from", "against", "of", "into", "on")
        return ("from", "against")

    def _asked_thing(self, doc: Doc, tok: Token) -> bool:
        """What a request asks for, not whom (data [asked_for]): the object of "for" that is no actor ("asked for
        funds", "called for a boycott"), or a direct object that names an act ("sought an investigation", "demanded
        the release of X"). A body or group as direct object is the one asked ("invited the media", "urged the
        international community")."""
        if tok.pos_ != "NOUN" or tok.lower_ in role_nouns() or tok.lemma_.lower() in role_nouns():
            return False
        if find_entity(doc, tok.idx, tok.idx + len(tok.text)) is not None or any(
                t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in tok.lefts):
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":
            # "asked for funds": a bare plural that is a body's word only by its lemma is money ("the fund said")
            bare = tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in tok.children) and tok.lower_ not in self.people
            return bare or self._no_actor(doc, tok)
        if any(c.dep_ == "xcomp" for c in tok.head.children):
            return False  # "urged the legislature to begin ...": the object is the one asked to act
        return self._act_noun(tok) and self._no_actor(doc, tok)

    def _blamed_on(self, verb: Token, obj: Token) -> bool:
        """(stop 38) `obj` is the direct object of a verb that puts it "on" someone (data [blame_on]: "blamed the
        crisis on X"); an "on" of a date ("on Saturday") puts nothing on anyone."""
        return (verb.lemma_.lower() in self.blame_on and obj.dep_ in ("dobj", "obj") and obj.head.i == verb.i
                and any(c.dep_ == "prep" and c.lower_ == "on" and not measure_prep(c) for c in verb.children))

    def _owned(self, doc: Doc, noun: Token) -> bool:
        """(stop 38) The noun names its owner as a possessor or an "of" actor ("X's plan", "the plan of Governor X"):
        who holds the thing, unlike a nationality or an employer in its modifiers ("the Bordurian proposal")."""
        return any(c.dep_ == "poss" for c in noun.children) or any(
            self._actor_word(doc, o) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c))
