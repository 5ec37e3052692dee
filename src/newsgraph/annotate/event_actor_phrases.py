"""The phrases of a parse that stand for an event's actors, and which of them an event keeps.

Split out of event_roles.py, whose role rules (source, targets, place, date) all lean on these: a token and the
ones coordinated with it ("Egypt and Ethiopia"), the objects of a preposition, the author of an act a noun names
("Indian strikes" -> India, "the attack by X"), the people a quantity counts ("dozens of fighters"), the entities
inside a longer phrase ("the foreign ministers of Peru and Chile"); then the filters `newsgraph_events` applies to
the actors found: a measure or an unresolved pronoun is no actor, and a description beside an entity is its
apposition. Plain functions over spaCy tokens and `resolve.Actor`, with no word lists of their own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.annotate.actor_nouns import related_noun
from newsgraph.annotate.demonyms import country_of
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_heads import foreign_modifier
from newsgraph.annotate.relatives import relative_verb
from newsgraph.annotate.resolve import Actor, resolve_token, role_nouns

MEASURES = {"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL"}


def is_measure(doc: Doc, a: Actor) -> bool:
    """A date, an amount or a count is no actor ("signed on Thursday", "jailed for two years")."""
    if a.entity is not None:
        return False
    if any(d.start < a.end and a.start < d.end for d in doc._.ng_dates or []):
        return True
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in MEASURES


def useful_actor(a: Actor) -> bool:
    """An entity, or a noun phrase; unresolved pronouns and first/second persons are no actors, nor is a phrase
    without a letter or a digit (a markup bracket the parser took for a noun: wire copy's "<Name Co>")."""
    if not any(c.isalnum() for c in a.name):
        return False
    if a.entity is not None:
        return a.entity.type != "person" or a.name.lower() not in UNRESOLVED
    return bool(a.name) and a.name.lower() not in UNRESOLVED and not a.name.lower().startswith(("whose ", "which "))


UNRESOLVED = {"it", "this", "that", "which", "who", "we", "i", "you", "us", "me", "he", "she", "they", "them", "him", "her"}


def best_actors(actors: list[Actor]) -> list[Actor]:
    """Coordinated actors: when some are entities (or a person named by their home, "A Paris man"), the bare
    descriptions among them are appositions or things, not actors ("charged A Paris man with fraud")."""
    if any(a.entity or a.how == "origin" for a in actors):
        actors = [a for a in actors if a.entity or a.how == "origin"]
    seen, out = set(), []
    for a in actors:
        key = a.id or a.name
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def prep_objects(prep: Token) -> list[Token]:
    objs = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            objs += with_conj(c)
    return objs


def act_authors(noun: Token) -> list[Token]:
    """The author of an act named by `noun`: its possessor ("Chile's offer"), the object of "by" ("the attack by
    X") or a national or organisation modifier ("Indian strikes", "Indian Air Force strikes")."""
    poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    by = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in prep_objects(c)]
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
    return poss or by or mods


def authors_of(doc: Doc, noun: Token) -> list[Actor]:
    """The entities (or the countries of nationality adjectives) that authored the act `noun` names."""
    authors = [demonym_actor(doc, t) or resolve_token(doc, t, []) for t in act_authors(noun)]
    return [x for x in authors if x.entity is not None or x.how == "demonym"]


def partitive_whole(tok: Token) -> Token:
    """The people a quantity counts: "killed dozens of fighters", "freed some of the hostages" -> the object of
    "of" when the head is a number, an amount or a quantifier pronoun (the head alone is a measure, no actor)."""
    if tok.ent_type_ not in MEASURES and tok.pos_ not in ("NUM", "PRON", "DET"):
        return tok
    whole = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in prep_objects(c)]
    return whole[0] if whole else tok


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("six nurses who were convicted", "Angolans that were expelled"): the
    pronoun is an argument of the relative clause's verb, and the clause hangs on that noun. A relative pronoun
    resolved as a personal one would take the nearest person before it, who is someone else."""
    verb = relative_verb(tok)  # "who were later released", "who were arrested and charged"
    if verb is None or verb.head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    return verb.head


def antecedent(tok: Token) -> Token:
    """The noun a relative "that"/"which" stands for, a thing as well as an actor ("a move that the UN has
    denounced" -> move): read as a personal pronoun it would take the nearest person before it, often one of the
    paragraph before, who is no part of the clause. `EventObjects._relative` keeps the pronoun when its noun is a
    thing; this gives the thing instead (a phrase, or the act's author), never that person."""
    noun = relative_antecedent(tok) if tok.tag_ == "WDT" else None
    if noun is None:
        return tok
    # the noun stands right before its relative clause, or only its own modifiers between ("a move in May that");
    # a clause hung on a noun further back ("a farm in X, where pigs were fed food which was recalled") is a misparse
    between = tok.doc[noun.i + 1 : tok.i]
    own = {t.i for t in noun.subtree} - {t.i for c in noun.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    if noun.i > tok.i or any(t.i not in own and not t.is_punct for t in between):
        return tok
    return noun


def demonym_actor(doc: Doc, tok: Token) -> Actor | None:
    """A nationality adjective that stands for its country ("Indian strikes" -> India): the article's country entity
    the gazetteer's demonym table names (`newsgraph_entities` adds the countries of the demonyms it sees)."""
    if tok.pos_ not in ("ADJ", "PROPN", "NOUN") or find_entity(doc, tok.idx, tok.idx + len(tok.text)) is not None:
        return None
    place = country_of(tok.text)
    if place is None:
        return None
    ent = next((e for e in doc._.ng_entities or [] if e.type == "country" and e.name == place.name), None)
    # a country the article names only by its demonym is no entity of the article: the actor keeps its name
    return Actor(ent, place.name, tok.idx, tok.idx + len(tok.text), how="demonym")


def titled_person(tok: Token) -> Token:
    """The person a name phrase ends with when a role noun introduces it ("Party for Reform leader Ana Ruiz urged":
    the parser may make the party the subject and the leader the object of its "for"): the phrase is the person."""
    last = tok.doc[tok.right_edge.i]
    if last.i == tok.i or last.pos_ != "PROPN" or last.ent_type_ != "PERSON":
        return tok
    roles = [c for c in last.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ in role_nouns()]
    return last if roles else tok


def stranded_agent(tok: Token) -> Token | None:
    """The agent of a passive verb whose "by" the parser hung on a noun of one of its prepositional phrases
    ("was sentenced to two years in a state jail Friday at the County Courthouse by District Judge X"): the object of
    that "by" when it is a person or an organisation name; None for a verb with an agent of its own."""
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return None
    nouns = [tok]
    for _ in range(4):  # prepositional phrases nested in one another, outward from the verb
        nested = []
        for n in nouns:
            for c in n.children:
                if c.dep_ != "prep":
                    continue
                objs = prep_objects(c)
                if c.lower_ == "by":
                    named = [o for o in objs if o.ent_type_ in ("PERSON", "ORG")]
                    if named:
                        return named[0]
                else:
                    nested += objs
        nouns = nested
    return None


def with_conj(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += with_conj(c)
        if c.dep_ == "appos":
            for cc in c.children:
                if cc.dep_ == "conj":
                    out += with_conj(cc)
    return out


def entities_in(doc: Doc, tok: Token, aside: frozenset[str], act: Callable[[Token], bool] | None = None) -> list[Actor]:
    """The entities inside a phrase that stand for it ("the foreign ministers of Peru and Chile"); `act` tells a noun
    naming an act: the parties of an act named inside the phrase are that act's, not the phrase's ("welcomed the
    failure of the negotiations between X and Y" does not welcome X or Y)."""
    out = []
    seen = set()
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl"):
            continue
        path = path_up(t, tok)
        if any(a.dep_ == "relcl" for a in path):
            continue  # "a move that the UN has denounced": the relative clause's actors are its own, not the phrase's
        if act is not None and any(a.pos_ == "NOUN" and act(a) for a in path[1:]):
            continue
        if any(a.pos_ == "VERB" and below.dep_ not in ("nsubj", "nsubjpass") for below, a in zip(path, path[1:], strict=False)):
            # inside a clause on the phrase ("forces of damaging a dam in X"): what they did, not who; the clause's
            # subject is still an actor ("the idea of Ukraine becoming a member")
            continue
        if any(related_noun(a) and t.dep_ == "poss" and t.head.i == a.i for a in path[1:2]) or any(related_noun(a) for a in path[2:]):
            continue  # "an interview with X's attorney": the attorney, not X
        aside_place = any(a.dep_ == "prep" and a.lower_ in aside for a in path)
        if t.ent_iob_ == "B" or (t.pos_ == "PROPN" and t.ent_iob_ != "I"):
            e = find_entity(doc, t.idx, t.idx + len(t.text))
            if aside_place and e is not None and e.type in ("place", "city"):
                continue  # "200 people in Nairobi", "the dam in Addis Ababa": where, not who
            if e is not None and foreign_modifier(tok, e, t):
                continue  # "members of X's largest militant group": the members, not X (event_heads.py)
            if e is not None and e.id not in seen and e.type in ("country", "organisation", "person", "group", "place", "city"):
                seen.add(e.id)
                out.append(Actor(e, e.name, t.idx, t.idx + len(t.text)))
    return out


def is_named(doc: Doc, a: Actor) -> bool:
    """A name the entity component did not list, or a description with a named modifier ("Kenyan police",
    "Sudan's army"), stands for an actor; "the agreement" or "37 billion cubic metres of water" do not."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span is not None and any(names(t) for t in span)


def names(t: Token, titles: frozenset[str] = frozenset()) -> bool:
    """A token that names an actor: inside a named entity of a kind that acts, or a proper noun that is not one of
    `titles` (event_features passes the role nouns, so "the General" alone is a person the text did not name)."""
    return t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or t.pos_ == "PROPN" and t.lower_ not in titles


def path_up(t: Token, top: Token) -> list[Token]:
    """The tokens from `t` up to (not including) `top`, `t` included."""
    out = []
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out
