"""Resolve a speaker or actor token to an article entity: names, pronouns and role descriptions.

Shared by the quote and event components. Why not a coreference model: a pronoun speaker in news is almost always
the nearest preceding compatible entity outside quotation marks, and a description ("the minister") names the
person introduced with that role; two cheap rules cover most cases without another model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.annotate.actor_nouns import possessed, related_noun
from newsgraph.annotate.doc_cache import doc_text
from newsgraph.annotate.doc_entities import find_entity
from newsgraph.annotate.event_heads import PLACE_TYPES, common_head, foreign_modifier, member_nouns
from newsgraph.annotate.lexicon import mapping, words
from newsgraph.annotate.pronouns import inside, resolve_pronoun
from newsgraph.annotate.relatives import governing_subjects
from newsgraph.annotate.role_antecedents import by_role, introduced_as
from newsgraph.annotate.speaker_titles import titled_person
from newsgraph.records import Entity

_CUES = "cues.tsv"


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, str]:
    """cues.tsv [pronoun]: pronoun -> the entity types it may stand for; built once, read per token."""
    return mapping(_CUES, "pronoun")


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """cues.tsv [role]; built once, read per token."""
    return words(_CUES, "role")


role_nouns = _roles  # the nouns of roles people hold ("minister", "peer"), for the event annotator


_NAME_DEPS = {"compound", "flat", "amod", "nmod", "poss", "case"}


@dataclass
class Actor:
    entity: Entity | None
    name: str
    start: int
    end: int
    #: How the actor was found, where it is a guess: a pronoun's antecedent by role ("subject", "other",
    #: "possessive", "far") or "unresolved"; "origin" for a person named by where they are from ("A Paris man"); ""
    #: for a name or a phrase read off the text.
    how: str = ""
    #: Entity ids of every speaker of a coordinated subject ("Tim and Kristina said"); `entity` is then None.
    members: tuple[str, ...] = ()

    @property
    def id(self) -> str | None:
        return self.entity.id if self.entity else None


def name_span(tok: Token) -> tuple[int, int]:
    """Char span of a noun's name part: the head plus its left compound/flat/proper-noun modifiers and right flat."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NAME_DEPS or child.pos_ == "PROPN":
            left = child if child.i < left.i else left
    right = tok
    for child in tok.rights:
        if child.dep_ in ("flat", "compound") and child.i == right.i + 1:
            right = child
    left = tok.doc[_after_break(tok.doc, left.i, tok.i)]
    start = min(t.idx for t in tok.doc[left.i : right.i + 1] if t.dep_ != "case" or t.i == tok.i)
    end = right.idx + len(right.text)
    # a name never reaches back into the paragraph before (a parse run across a crosshead)
    start = max(start, doc_text(tok.doc).rfind("\n", 0, tok.idx) + 1)
    return start, end


#: Punctuation a name or a noun phrase never spans leftwards: a closing bracket, a dash or a colon ends what stands
#: before it ("PORTVILLE (AP) Police and the FBI say": the parse hangs the dateline on "Police").
_BREAKS = (")", "]", "\u2014", "\u2013", "--", ":")


def _after_break(doc: Doc, lo: int, hi: int) -> int:
    """The first token index in [lo, hi] after the last break of `_BREAKS` before `hi`."""
    for i in range(hi - 1, lo - 1, -1):
        if doc[i].text in _BREAKS:
            return i + 1
    return lo


def attributive(doc: Doc, start: int, end: int) -> bool:
    """(stop 33, e9) A name used as a modifier of a common noun for a person right after it ("the former first lady
    and U.S. senator", "a Texas lawyer"): the noun phrase stands for that person, never something "it" can stand for,
    and the name only modifies it. Read from the tags (the selective parse leaves an antecedent's sentence
    unparsed). A noun for a thing or a body keeps its modifier as the name it stands for ("the Republican Party
    platform ... It called for", judged right; "Damascus radio said. It ...")."""
    from newsgraph.annotate.pronouns import person_noun

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.tag_ in ("NN", "NNS") and not nxt.is_sent_start and "\n" not in span[-1].whitespace_ and person_noun(nxt)


def nearest_before(doc: Doc, pos: int, types: set[str], exclude: list[tuple[int, int]],
                   referents_only: bool = False) -> tuple[Entity, int, int] | None:
    """The entity of one of `types` whose mention ends last before `pos`, skipping mentions inside `exclude`;
    `referents_only`: none when that mention only modifies a noun for a person (`attributive`): the noun phrase it is
    part of ("U.S. senator") is the nearest candidate, a person "it" cannot stand for, and nothing further back is
    taken for it (skipping back took Israel, named in a quote, for "Damascus radio said. It ...")."""
    best = None
    for e in doc._.ng_entities or []:
        if e.type not in types:
            continue
        for m in e.mentions:
            if m.end <= pos and not inside(exclude, m.start) and (best is None or m.end > best[2]):
                best = (e, m.start, m.end)
    if best is not None and referents_only and attributive(doc, best[1], best[2]):
        return None
    return best


#: `Actor.how` of a common noun reached through a relative "which" (a thing or a body, never a person).
WHICH_THING = "which_thing"


def resolve_speaker(doc: Doc, tok: Token, exclude: list[tuple[int, int]]) -> Actor:
    """The speaker a subject token stands for: as `resolve_token`, with three differences that matter for who
    spoke (an event actor codes the phrase's owner instead):
    - a person in apposition to a description wins ("Egypt's water minister, Karim Mansour, said": Mansour);
    - a common noun whose entity is only a modifier speaks for itself ("a Spotify executive claimed", "Huang's
      remarks suggest": the executive and the remarks, not Spotify or Huang); a role noun with "the" still names
      the person introduced with that role;
    - a pronoun goes to its antecedent by grammatical role (`resolve_pronoun`), and `Actor.how` says how sure."""
    titled = titled_person(tok)
    if titled is not None:
        # "Director of Public Works Eric Hood said": the title's head is the parse's subject, the name its "of"
        return Actor(titled[0], titled[0].name, titled[1], titled[2])
    own = find_entity(doc, tok.idx, tok.idx + len(tok.text)) if tok.pos_ == "PROPN" else None
    if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and (own is None or own.type != "person")):
        # ... and so does one in apposition to a capitalised title that is no person's name ("the International
        # Trade Secretary, Martin Fenwick, said": not the "International" the model cut from the title)
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                s, e = name_span(child)
                ent = find_entity(doc, s, e)
                if ent is not None and ent.type == "person":
                    return Actor(ent, ent.name, s, e)
    if tok.pos_ == "NOUN":
        s, e = name_span(tok)
        if s < tok.idx and find_entity(doc, s, e) is not None and find_entity(doc, tok.idx, tok.idx + len(tok.text)) is None:
            return _role_actor(doc, tok, exclude, s, e) or phrase_actor(doc, tok)
    low = tok.lower_
    pronouns = _pronouns()
    if acronym(tok):
        return resolve_token(doc, tok, exclude, whole_names=True)  # "WHO describes ...": initials, no pronoun
    relative = tok.tag_ in ("WP", "WDT") or any(c.dep_ == "prep" and any(g.tag_ in ("WP", "WDT") for g in c.children) for c in tok.children)
    if relative and tok.head.dep_ == "relcl" and tok.head.head is not tok.head:
        # "a royal expert who countered ...", "X, which denied ...", "Y, many of whom say ...": a relative pronoun
        # (tagged WP/WDT whatever its part of speech, or the object of a quantifier's "of") stands for the noun
        # its clause modifies; a place is no antecedent that speaks ("the ruling in San Diego, which had found":
        # the clause is about the phrase the place name ends), so such a pronoun stays unresolved
        antecedent = _who_antecedent(doc, tok, tok.head.head)
        actor = resolve_speaker(doc, antecedent, exclude)
        thing = tok.lower_ == "which" and actor.entity is not None and actor.entity.type == "person"
        if thing or (actor.entity is not None and actor.entity.type in _PLACES):
            # "which" never stands for a person ("the head of the X Group, which says": the group, not its head)
            return Actor(None, tok.text, tok.idx, tok.idx + len(tok.text), "unresolved")
        if tok.lower_ == "which" and actor.entity is None and not actor.how:
            # a common noun "which" stands for is a thing or a body, never a person: the note lets the speaker's
            # class refuse it the agent-noun reading ("brain cancer, which confirmed ...": no doer)
            return Actor(None, actor.name, actor.start, actor.end, WHICH_THING, actor.members)
        return actor
    if tok.pos_ == "PRON" and low not in pronouns and tok.tag_ in ("NN", "NNP"):
        # "Then someone asked how ...": an indefinite pronoun introduces a new, unnamed speaker; it takes up no
        # antecedent (quote_evidence.tsv [speaker_noun] lists the ones that stand for a person who spoke)
        return Actor(None, tok.text, tok.idx, tok.idx + len(tok.text))
    if tok.pos_ == "PRON" or low in pronouns:
        types = set((pronouns.get(low) or "person").split("|"))
        exclude = exclude + governing_subjects(tok)  # a relative "who" never stands for a subject above its clause
        hit, how, noun = resolve_pronoun(doc, tok, types, exclude)
        if noun is not None:
            # "The teacher added that X was fine. She said ...": the pronoun speaks for the description
            actor = resolve_speaker(doc, noun, exclude)
            return Actor(actor.entity, actor.name, tok.idx, tok.idx + len(tok.text), how)
        if hit is not None:
            return Actor(hit, hit.name, tok.idx, tok.idx + len(tok.text), how)
        return Actor(None, tok.text, tok.idx, tok.idx + len(tok.text), "unresolved")
    return resolve_token(doc, tok, exclude, whole_names=True)


#: Prepositions of a phrase that places or locates people ("Democrats on Capitol Hill", "the mayor of Nablus").
_PLACING_PREPS = ("on", "in", "at", "from", "of")


def _who_antecedent(doc: Doc, who: Token, noun: Token) -> Token:
    """The noun a "who" clause stands for: the parser hangs the clause on the nearest noun, and in "nervous Democrats
    on Capitol Hill, who have argued ..." that is the place in the prepositional phrase; "who" names people, so an
    object of a placing preposition that names no people gives way to the noun the phrase modifies when that one
    does ("the pressures on health service staff, who say ...": the staff)."""
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if who.lower_ in ("who", "whom") and first.dep_ == "attr" and first.head.lemma_ == "be":
        # "Donald Trump is a serial liar, rampant xenophobe, ... who has pledged ...": a predicate noun describes
        # the copula's subject, and the clause on it is about that subject (never about one epithet of a list)
        verb = first.head
        while verb.dep_ == "conj" and verb.head is not verb and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "X incites violence and is a liar ... who": the copula shares the first verb's subject
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
        if subj:
            return subj[0]
    if who.lower_ not in ("who", "whom") or noun.dep_ != "pobj" or noun.head.lower_ not in _PLACING_PREPS:
        return noun
    owner = noun.head.head
    if owner.pos_ in ("VERB", "AUX"):
        # "to please anxious Liberals on Harbour Hill, who ...": the phrase hung on the verb follows its object
        objs = [c for c in owner.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.right_edge.i + 1 == noun.head.i]
        owner = objs[0] if objs else owner
    if owner is noun.head or owner.pos_ not in ("NOUN", "PROPN"):
        return noun
    return owner if _people(doc, owner) and not _people(doc, noun) else noun


def _people(doc: Doc, tok: Token) -> bool:
    """The noun names people who can be a "who": a person or a group entity, a nationality or party ("Democrats"),
    or a common noun for people ("staff", "owners"; pronouns.person_noun)."""
    from newsgraph.annotate.pronouns import person_noun

    ent = find_entity(doc, tok.idx, tok.idx + len(tok.text))
    if ent is not None:
        return ent.type in ("person", "group")
    return tok.ent_type_ in ("NORP", "PERSON") or person_noun(tok) or tok.lemma_.lower() in _roles()


#: Entity types a relative pronoun's antecedent cannot be when it speaks.
_PLACES = ("city", "place")
def acronym(tok: Token) -> bool:
    """A word of two or more capitals in a sentence not set in capitals ("WHO describes the symptoms", "IT staff"):
    the initials of a name, never the pronoun the tagger may read in it ("who", "it", "us")."""
    if len(tok.text) < 2 or not tok.text.isalpha() or not tok.text.isupper():
        return False
    words = [t for t in tok.sent if t.is_alpha and t.i != tok.i]
    return not words or not all(t.text.isupper() for t in words)


def resolve_token(doc: Doc, tok: Token, exclude: list[tuple[int, int]], whole_names: bool = False) -> Actor:
    """The actor a subject/object token stands for. `whole_names` (speakers): a proper-noun head outside every
    entity of its name is a name of its own ("the Ohio State Patrol" where the model found "Ohio State", "Sweden's
    Minister of Justice"), while an event actor still codes the entity inside (the country of its official)."""
    start, end = name_span(tok)
    low = tok.lower_
    pronouns = _pronouns()
    if (tok.pos_ == "PRON" or low in pronouns) and not acronym(tok):
        types = set((pronouns.get(low) or "person").split("|"))
        exclude = exclude + governing_subjects(tok)  # a relative "who" never stands for a subject above its clause
        # "it" stands for no name that only modifies a person's noun ("U.S. senator"; stop 33, e9: "it attacked
        # Trump", it = the newspaper, was coded "United States")
        hit = nearest_before(doc, tok.idx, types, exclude, referents_only=low in ("it", "its", "itself"))
        if hit:
            return Actor(hit[0], hit[0].name, tok.idx, tok.idx + len(tok.text))
        return Actor(None, tok.text, tok.idx, tok.idx + len(tok.text))
    if related_noun(tok) and possessed(tok):
        return phrase_actor(doc, tok)  # "the hostel's owner", "Kyiv's allies": people related to the name, not it
    if whole_names and tok.pos_ == "PROPN" and find_entity(doc, tok.idx, tok.idx + len(tok.text)) is None:
        # "the Ohio State Patrol", "the US President": the whole name, no guess; a name the model missed keeps its
        # own words too, not the country that modifies its apposition ("Ana X, the U.S. ambassador, told")
        if not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
            if find_entity(doc, start, end) is not None or any(c.dep_ == "appos" for c in tok.children):
                return phrase_actor(doc, tok)
    if whole_names and tok.pos_ == "PROPN" and _place_inside_name(doc, tok):
        return phrase_actor(doc, tok)
    ent = _entity_in(doc, start, end, tok)
    if ent is not None and ent.type == "organisation" and tok.pos_ == "NOUN" and find_entity(doc, tok.idx, tok.idx + len(tok.text)) is None:
        # "the Labour peer", "the Republican senator": a role noun an organisation only modifies is its member, the
        # person introduced with that role right beside a name (a country's official still codes the country)
        # (no such person: the organisation still stands for its officials, "DEA officials arrested X")
        person = introduced_as(doc, tok.lower_, tok.idx, exclude) if tok.lower_ in _roles() else None
        if person is not None:
            return Actor(person, person.name, start, end)
    if ent is not None and ent.type in _PLACES and origin_modifier(doc, tok):
        a = phrase_actor(doc, tok)  # "A Coral Gables man was arrested": the man, not the town he is from
        return Actor(None, a.name, a.start, a.end, "origin")
    if not whole_names and ent is not None and common_head(tok) and _modifier_only(doc, tok, ent):
        # "Liberty Front supporters", "X's largest militant group": the head's group; people named by their place
        # are an actor as "A Coral Gables man" is (kept beside the entities coordinated with them)
        a = phrase_actor(doc, tok)
        return Actor(None, a.name, a.start, a.end, "origin" if ent.type in PLACE_TYPES else "")
    if ent is not None:
        return Actor(ent, ent.name, start, end)
    return _role_actor(doc, tok, exclude, start, end) or phrase_actor(doc, tok)


def _modifier_only(doc: Doc, tok: Token, ent: Entity) -> bool:
    """`ent` is named only by a possessor or modifier of the common noun `tok` whose people are a group of their own
    (event_heads.py: "Liberty Front supporters" are not the Liberty Front, "X's militant group" is not X)."""
    if find_entity(doc, tok.idx, tok.idx + len(tok.text)) is not None:
        return False
    for t in tok.subtree:
        if t.i < tok.i and find_entity(doc, t.idx, t.idx + len(t.text)) is ent:
            return foreign_modifier(tok, ent, t)
    return False


def _place_inside_name(doc: Doc, tok: Token) -> bool:
    """A place's name ending a longer proper name the model left outside every entity ("Birds Norway, the national
    group ..., said", "Tennis Norway said"): a capitalised compound before the place makes the whole a body's name,
    and the body spoke, not the country."""
    own = find_entity(doc, tok.idx, tok.idx + len(tok.text))
    if own is None or own.type not in ("country", *_PLACES):
        return False
    first = min((m.start for m in own.mentions if m.start <= tok.idx < m.end), default=tok.idx)
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.idx < first
               and find_entity(doc, c.idx, c.idx + len(c.text)) is None for c in tok.lefts)


def origin_modifier(doc: Doc, tok: Token) -> bool:
    """A common noun introduced by "a"/"an" or a number, whose name only modifies it as a compound ("A Coral Gables
    man", "two Elkhart women"): the name says where the one meant is from or works, so it is no actor (as the event
    model's `home_of_person` reads it); a role noun ("a Pentagon spokesman") speaks for the body it names and is left
    to the other rules."""
    return (tok.pos_ == "NOUN" and tok.lower_ not in _roles() and tok.lemma_.lower() not in _roles()
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts)
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "nummod" for c in tok.children)
            and find_entity(doc, tok.idx, tok.idx + len(tok.text)) is None)


def _role_actor(doc: Doc, tok: Token, exclude: list[tuple[int, int]], start: int, end: int) -> Actor | None:
    """ "the minister": the person introduced with that role, if any."""
    roles = _roles()
    role = tok.lower_ if tok.lower_ in roles else next((t.lower_ for t in tok.lefts if t.lower_ in roles), None)
    if role is None or not any(t.lower_ == "the" for t in tok.lefts):
        return None
    marks = frozenset(t.text if t.text.replace(".", "").isupper() else t.lower_ for t in tok.lefts if t.dep_ in ("amod", "compound") and t.text[:1].isupper() and (t.pos_ == "PROPN" or bool(t.ent_type_) or not t.is_sent_start))
    person = by_role(doc, role, tok.idx, exclude, marks)
    return Actor(person, person.name, start, end) if person is not None else None


def phrase_actor(doc: Doc, tok: Token) -> Actor:
    """A noun phrase as the actor, with no entity ("sources", "a Spotify executive")."""
    full = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct", "appos") and t.i >= tok.left_edge.i]
    hi = tok.i
    lo = min([t.i for t in full if t.i <= hi], default=hi)  # the token itself when it is punctuation or an apposition
    lo = _after_break(doc, lo, tok.i)
    dets = [c.i for c in tok.lefts if c.dep_ in ("det", "predet", "preconj")]
    if dets:
        lo = max(lo, min(dets))  # a determiner opens the phrase ("WhatsApp Email A senior official": share buttons)
    # "a court in Guyana", "the mayor of Nablus": a short place or owner phrase belongs to the description
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "for") and child.right_edge.i - hi <= 4 and not any(
            t.pos_ == "VERB" for t in child.subtree
        ):  # not the act a verb charges its object with ("accused X of damaging ...")
            hi = child.right_edge.i
        else:
            break
    if hi == tok.i and tok.pos_ == "NOUN" and (tok.lower_ in member_nouns() or tok.lemma_.lower() in member_nouns()):
        # "26 suspected members of X's largest militant group": the group they belong to names them (its name, up to
        # the group's head noun; event_heads.py keeps X itself from standing for them)
        whole = [o for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        if whole and whole[0].i - tok.i <= 8:
            hi = whole[0].i
    phrase = doc[lo : hi + 1].text
    return Actor(None, phrase, doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def _entity_in(doc: Doc, start: int, end: int, tok: Token) -> Entity | None:
    # the head word decides who the phrase is; its modifiers say whose it is ("Democratic Party for the People
    # leader Yuichiro Tamaki": Tamaki, though the party's name is the longer overlap)
    if tok.pos_ == "PROPN":
        own = find_entity(doc, tok.idx, tok.idx + len(tok.text))
        if own is not None:
            return own
    ent = find_entity(doc, start, end)
    if ent is not None:
        return ent
    # appositions: "Anna Berg, Swedish foreign minister" / "the minister, Anna Berg"
    for child in tok.children:
        if child.dep_ == "appos":
            s, e = name_span(child)
            ent = find_entity(doc, s, e)
            if ent is not None:
                return ent
    # possessives and "of" phrases: "Peru's foreign minister", "a spokesman for the ministry"
    for child in tok.children:
        if child.dep_ == "poss":
            s, e = name_span(child)
            ent = find_entity(doc, s, e)
            if ent is not None and ent.type in ("organisation", "country", "group"):
                return None
    return None
