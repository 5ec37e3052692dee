"""A title whose "of" phrase ends in a person's name: "Director of Public Works Eric Hood said" is Eric Hood.

Why a module of its own: the parser makes the title's first word ("Director") the subject and hangs the office and
the name on it as an "of" phrase ("of Public Works Eric Hood"), so the speaker resolver (resolve.py) and the
pronoun resolver (pronouns.py) both read a common noun, "Director", where the text names a person. Both ask here.

The shape, from the parse alone: a singular noun with no determiner or possessor of its own (a title, not "the
wife of X"), an "of" phrase on it whose object is a proper noun, that object's name part holding a person's
mention at its right end and, before the mention, words of the office ("Public Works", "State", "the Navy"): the
office between title and name is what makes the whole one title. "The mother of Jane Doe said" keeps its speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.annotate.doc_entities import find_entity
from newsgraph.records import Entity

#: Tags of a title's head: singular nouns ("Director", "Secretary"), common or proper.
TITLE_TAGS = ("NN", "NNP")


def titled_person(tok: Token) -> tuple[Entity, int, int] | None:
    """The person (entity, mention start, end) a title phrase headed by `tok` ends with, or None (see the module)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in TITLE_TAGS:
        return None
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return None  # "the wife of X", "his director of X": a description of somebody else's relation
    doc = tok.doc
    own = find_entity(doc, tok.idx, tok.idx + len(tok.text))
    if own is not None and own.type == "person":
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != tok.i + 1:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        if not objs:
            continue
        name = objs[0]
        ent = find_entity(doc, name.idx, name.idx + len(name.text))
        if ent is None or ent.type != "person":
            continue
        mention = next((m for m in ent.mentions if m.start <= name.idx < m.end), None)
        if mention is None:
            continue
        office = [t for t in doc[prep.i + 1 : name.i] if t.idx < mention.start and not (t.is_punct or t.is_space)]
        if not office or any(t.pos_ in ("VERB", "AUX", "PRON") for t in office):
            continue  # "Director of Eric Hood": no office between; a clause between is no title
        if name.right_edge.i != name.i and any(t.pos_ != "PUNCT" for t in doc[name.i + 1 : name.right_edge.i + 1]):
            continue  # the name is not the phrase's end ("of State John Kerry's office")
        return ent, mention.start, mention.end
    return None
