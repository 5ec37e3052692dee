"""Gates on names only the model types: what a name's uses across the article say it is, read per name.

Split out of name_usage.py, which records how the text uses each mention; these read the recorded uses again for
every mention of one name (grouped by normalised form) once all mentions are collected (entities.py).
`gate_kind_names` makes an organisation of a name that an apposition or copula says is a body ("X, a retailer")
and only the model calls a person. `gate_works` drops a name used as a published work ("published in the X Journal") that only its form and the model
type. `gate_thing_names` does the same for people: a name only the model calls a person, used as a thing somewhere
(thing_use.thing_use: "via X", "X app", "the X", "X, which", a model number), is no person anywhere in the
article. `gate_common_nouns`: a one-word name the language's dictionary holds and only the model calls a person.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsgraph.annotate.gazetteer import norm
from newsgraph.annotate.name_usage import VERSION_AFTER
from newsgraph.annotate.names import NamesLexicon
from newsgraph.annotate.word_find import left_bounded


def _by_name(mentions: list) -> list[list]:
    """The mentions grouped by the normalised form of their name, in order of first mention."""
    by_name: dict[str, list] = defaultdict(list)
    for m in mentions:
        by_name[norm(m.text)].append(m)
    return list(by_name.values())


def _model_only_people(mentions: list, use: str, model_points: float):
    """The mentions of each name (grouped by normalised form) that the text uses as `use` in one mention or more and
    that nothing but the model types as a person: no person cue in any mention, at most `model_points` person
    points in each."""
    for same in _by_name(mentions):
        if not any(m.ev[use] for m in same) or any(m.ev["person_cue"] for m in same):
            continue
        if any(m.ev["person"] > model_points for m in same):
            continue
        yield same


def gate_thing_names(mentions: list, model_points: float) -> None:
    """A name that the text uses as a thing in one mention or more and that nothing but the model types as a person
    (no title, apposition, given name or pronoun in any mention; at most `model_points` person points in each)
    loses its person points in every mention; a mention left with no evidence is dropped."""
    for same in _model_only_people(mentions, "thing_use", model_points):
        for m in same:
            if m.ev["person"] <= 0:
                continue
            m.ev["person"] = 0
            m.ev["thing"] += 1
            if m.ev["organisation"] <= 0 and m.ev["place"] <= 0:
                m.ev["drop"] += 1


#: a given name's initial right before a name ("M. Cornet", "T. Kadewere" on a match sheet)
_INITIAL_BEFORE = re.compile(r"(?:^|[\s(/])[A-Z]\.\s?$")


def gate_common_nouns(mentions: list, words, names: NamesLexicon, model_points: float, text: str = "") -> None:
    """A one-word name that is a common word of the language's dictionary (`words`: common_words.py; "Bourse",
    "Industrie", "Jardin"), no given name, and that nothing but the model types as a person (as
    `gate_thing_names`: no title, apposition, given name or pronoun in any mention) is no person: a person's name
    the dictionary holds comes with a given name, its initial or a title somewhere in the article ("M. Cornet").
    Its mentions are dropped unless the text uses them as a place or a body."""
    initialled = {m.text for m in mentions if _INITIAL_BEFORE.search(text[max(0, m.start - 4) : m.start])}
    for m in mentions:
        if m.label == "person" and " " not in m.text and "-" not in m.text and words.known(m.text) \
                and not names.is_given_name(m.text) and m.text not in initialled:
            m.ev["common_noun"] += 1
    for same in _model_only_people(mentions, "common_noun", model_points):
        for m in same:
            m.ev["person"] = 0
            if not (m.ev["place_use"] or m.ev["feature"] or m.ev["organisation"] > 0):
                m.ev["drop"] += 1


def gate_kind_names(mentions: list, model_points: float) -> None:
    """A name that an apposition or a copula says is a body ("X, a fish cake store", "X is a retailer":
    `kind_use`) and that nothing but the model types as a person (as `gate_thing_names`) is an organisation in
    every mention: its person points go to the organisation reading."""
    for same in _model_only_people(mentions, "kind_use", model_points):
        for m in same:
            m.ev["organisation"] += m.ev["person"]
            m.ev["person"] = 0


#: `VERSION_AFTER` unanchored: where it matches nowhere, no name in the text is written with a release number
_VERSION_ANYWHERE = re.compile(VERSION_AFTER.pattern[1:])


def gate_works(mentions: list, model_points: float, text: str = "") -> None:
    """A name the text uses as a published work ("published in the X", "the journal X": `work_use`; or, in most of
    its mentions, a title before a work's head noun: "this X character", `work_head`) is dropped in
    every mention when nothing but its form and the model type it (at most `model_points` organisation points in
    each mention: the model's label and a suffix such as "Journal"; no lexicon name, no person cue, no place use):
    a journal or a book is neither a person, an organisation nor a place. So is a name an apposition or copula calls
    a work or product ("X, a weekly newsletter": `work_use`) or that the text (`text`, where given) writes with a
    release number anywhere ("X 5.2 was released": software)."""
    # a name can have a release number after it only if one stands somewhere in the text: one search per doc spares
    # compiling a pattern per name (most texts hold no release number at all)
    any_version = bool(text) and _VERSION_ANYWHERE.search(text) is not None
    for same in _by_name(mentions):
        name = same[0].text  # `(?<![\w-])name` + VERSION_AFTER unanchored, searched without a pattern per name
        versioned = any_version and any(_VERSION_ANYWHERE.match(text, i + len(name)) for i in left_bounded(text, name))
        if not versioned and not any(m.ev["work_use"] for m in same) \
                and 2 * sum(bool(m.ev["work_head"]) for m in same) <= len(same):
            continue  # a work's head noun after the name ("the X character") must type most of its mentions
        # ("in X" names no place when X comes with a release number: "bugs in X on Python 3")
        if any(m.label == "lexicon-org" or m.ev["organisation"] > model_points or m.ev["person_cue"]
               or (m.ev["place_use"] and not versioned) or m.ev["country"] for m in same):
            continue
        for m in same:
            m.ev["thing"] += 1
            m.ev["drop"] += 1


#: a court case's name: two parties joined by "v." ("Brown v. Board of Education", "Roe v. Wade"); the dot is
#: the legal style, a bare "v" also joins a sports fixture's sides ("Arsenal v Chelsea"), which are teams
_CASE_AFTER = re.compile(r"\s+v\.\s+[A-Z]")
_CASE_BEFORE = re.compile(r"[A-Z][\w.'\u2019-]*\s+v\.\s+$")


def gate_case_names(mentions: list, text: str) -> None:
    """A name that is a side of a court case's name ("Board of Education" in "Brown v. Board of Education") names
    the case there, no party of the story: that mention is dropped (the side's other mentions in the text stay)."""
    for m in mentions:
        if _CASE_AFTER.match(text, m.end) or _CASE_BEFORE.search(text[max(0, m.start - 40) : m.start]):
            m.ev["drop"] += 1
