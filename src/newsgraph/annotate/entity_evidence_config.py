"""The numbers of stage 2 of `newsgraph_entities`: how many points each kind of evidence gives a mention's type, and
how much text around a mention each cue reads.

They sit apart from the evidence code because the cue readers (person_roles.py, place_cues.py, thing_use.py) take
the windows too, and the component (entities.py) and docs/components.md (config.py) read both dataclasses without
the code that applies them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.annotate.config import knob


@dataclass(frozen=True)
class EvidenceWeights:
    """Points each kind of evidence gives a mention's type (how many points make which type is the `linking`
    config, entity_linking.LinkingThresholds)."""

    model_label: int = knob(1, "the NER model's own label (PERSON, ORG, GPE/LOC/FAC)")
    lexicon_org: int = knob(5, "a name of the organisation lexicon (data/organisations)")
    gazetteer_place: int = knob(3, "a country or dateline name the model missed, found in the gazetteer")
    org_suffix: int = knob(3, "an organisation suffix or known organisation word in the name ('Ltd', 'Ministry')")
    given_name: int = knob(2, "a name of two words or more opening with a given name")
    title_before: int = knob(3, "a title right before the name ('Prime Minister ...', 'Mr ...')")
    apposition: int = knob(2, "a role in apposition after the name ('..., Swedish foreign minister,')")
    age_after: int = knob(2, "an age after the name ('..., 19, of ...')")
    person_pronoun: int = knob(2, "'said he/she' after the name")
    possessive_after: int = knob(2, "a verb then 'his'/'her' after the name ('X made his debut'), or '(born ...'")
    it_pronoun: int = knob(2, "'said it' after a name that is no place: an organisation")
    speech_verb: int = knob(1, "a speech verb right after the name")
    org_head_after: int = knob(3, "an organisation head noun after the name ('... news agency')")
    org_word_before: int = knob(3, "an organisation word before the name ('the shipping company ...')")
    feature_head: int = knob(3, "a natural-feature head noun ending the name ('... River', '... Dam')")
    place_cue: int = knob(3, "a feature or settlement noun beside the name ('the ... river', 'the town of ...')")
    place_kind: int = knob(3, "a description that says the name is a place ('X, a neighborhood', 'X is a palace', "
                              "'a quarter called X', 'X (The Royal Palace)'): place_kinds.py")
    business_context: int = knob(3, "business context around a name that is no country ('fined ...', \"...'s shares\")")
    list_class: int = knob(3, "a list's class noun that is a kind of body ('universities, including ...')")
    country: int = knob(3, "the gazetteer's first reading is a country")
    region: int = knob(2, "... a state, province or continent")
    big_place: float = knob(1.5, "... a place of at least `big_place_population` people")
    big_place_population: int = knob(100_000, "population from which a place reading counts as big")
    small_place: float = knob(0.5, "... a smaller place")


@dataclass(frozen=True)
class EvidenceWindows:
    """How much text around a mention the evidence reads (characters, unless a field says words): each cue is
    looked for right next to the name, so a window only needs to hold the cue and the spaces before it."""

    after: int = knob(40, "characters after a name read for an age, a pronoun with a speech verb, an organisation head")
    before: int = knob(60, "characters before a name read for an organisation word or a place cue (also in headlines)")
    business: int = knob(60, "characters after a name read for business context ('..., which is based in')")
    score_after: int = knob(12, "characters after a town's name read for a match score (a sports team)")
    team_before: int = knob(12, "characters before a town's name read for 'beat', 'against', 'v' (a sports team)")
    team_after: int = knob(14, "characters after a town's name read for 'beat', 'drew', 'coach' (a sports team)")
    acronym_after: int = knob(14, "characters after a name read for its acronym in brackets ('... (NCA)')")
    expansion_after: int = knob(80, "characters after an acronym read for its expansion in brackets")
    cue_after: int = knob(30, "characters after a name read for a feature noun ('the ... river')")
    coordination_after: int = knob(80, "characters after a name read for a coordinated plural cue ('... and ... rivers')")
    role_words: int = knob(6, "words at most in a title run before a name ('Russian Deputy Prime Minister')")
    apposition: int = knob(90, "characters after a name read for a role in apposition ('..., Swedish foreign minister,')")
    apposition_words: int = knob(9, "words at most in an apposition role ...")
    apposition_head_within: int = knob(5, "... whose title head is among its first this many words")
    acronym_context: int = knob(60, "characters either side of an all-caps name read for lower-case prose ...")
    acronym_prose_words: int = knob(3, "... which needs this many lower-case words to make the name an acronym in prose")
    thing_before: int = knob(20, "characters before a name read for a tool or medium word ('via', 'download')")
    thing_after: int = knob(20, "characters after a name read for a thing noun ('app', 'account')")
    which_after: int = knob(12, "characters after a name read for ', which' (a relative pronoun for things)")
    locative: int = knob(30, "characters before a town's name read for a preposition of place ('in', 'near')")
    place_after: int = knob(30, "characters after a town's name read for ', State' or '-based'")


DEFAULT_EVIDENCE = EvidenceWeights()
DEFAULT_WINDOWS = EvidenceWindows()
