"""What a quote's speaker is (a person, a body, a pronoun and how it was resolved, a common noun, a thing): the
class newsgraph_quote_evidence scores a speaker by (SPEAKER_SCORES).

Why a module of its own: quote_evidence.py weighs the evidence for a quote and its speaker; which kind of thing
speaks is a question of its own (entity types, pronoun resolution, the speaker phrase's head noun), and the file
held both past the size this project keeps modules to. `SpeakerClassing` is a mixin of `QuoteEvidence`: it reads the
word lists that class loads (people nouns, pronouns, non-speakers, documents, the pipeline's verbs).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.annotate.quote_speakers import how_of
from newsgraph.annotate.resolve import WHICH_THING, acronym
from newsgraph.annotate.speaker_nouns import agentive, verbal_agent
from newsgraph.annotate.speaker_surnames import SHARED_SURNAME
from newsgraph.records import Entity, Quote

#: Raw speaker scores by what the speaker is.
SPEAKER_SCORES = {
    "person": 0.92,
    "organisation": 0.85,
    "country": 0.8,
    "group": 0.75,
    "city": 0.45,
    "place": 0.3,
    "pronoun": 0.8,  # a pronoun resolved to an entity
    "people": 0.7,  # "residents", "officials", "a spokesman", "researchers"
    "named": 0.6,  # a proper noun the entity component did not list ("Lynch")
    "common": 0.4,  # another common noun: we cannot tell
    "guessed": 0.5,  # a direct quote without a frame, how not recorded (older callers)
    "continued": 0.7,  # a frameless quote right after a framed one, nothing between: the same speaker goes on
    "nearest": 0.2,  # a frameless quote after narration: the nearest person before it, a guess not to show
    "pronoun_weak": 0.3,  # a pronoun whose antecedent is no subject ("over what it called", after "X's diaries")
    "pronoun_contested": 0.45,  # a subject across sentences, while a quotation between uses the pronoun for another
    "shared_surname": 0.45,  # a bare surname or a pronoun, two people of that surname named in full in one paragraph last
    "unresolved": 0.1,  # a pronoun left unresolved ("which", "this")
    "document": 0.15,  # a publication ("according to reports", "the report said"): real attribution, no speaker
    "non_speaker": 0.12,  # a document, data, a thing, a bare quantifier ("the brochure", "polls", "others")
}
#: Entity labels of a date or a time: typed evidence that a phrase says when, never who ("said Thursday").
TIME_ENTS = ("DATE", "TIME")
#: The writer and the reader ("I know ...", "you think ..."), as the subject of a frame outside quotation marks.
FIRST_PERSON = ("i", "me", "you")


class SpeakerClassing:
    """`speaker_class`: the key of SPEAKER_SCORES a quote's speaker gets (a mixin of QuoteEvidence)."""

    people: frozenset[str]
    pronouns: set[str]
    non_speakers: frozenset[str]
    documents: frozenset[str]
    verbs: frozenset[str]

    def speaker_class(self, doc: Doc, q: Quote, ents: dict[str, Entity]) -> str:
        """What the speaker is, a key of SPEAKER_SCORES ("" without a speaker)."""
        if not q.speaker and not q.speaker_name:
            return ""
        ent = ents.get(q.speaker or "")
        frameless = how_of(doc, f"q{q.start}") if q.kind == "direct" else ""
        if frameless:
            # no frame: the previous quote's speaker carried on (clear conditions), or the nearest person (a guess)
            return frameless if ent is not None or q.speakers else "non_speaker"
        if q.kind == "direct" and not q.cue:
            return "guessed" if ent is not None else "non_speaker"
        how = how_of(doc, f"s{q.speaker_start}") if q.speaker_start is not None else ""
        if how.startswith("coordinated"):
            # "Tim and Kristina said": as sure as the least sure kind of speaker among them; a part that is no
            # entity ("Smith and his wife") is a common noun for people at best
            kinds = [ents[i].type if ents[i].type in SPEAKER_SCORES else "named" for i in q.speakers or [] if i in ents]
            span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
            if how != "coordinated":  # the phrase's head says what its other parts are ("police and medics")
                kinds.append(self._noun_class(span) if span is not None and len(span) else "non_speaker")
            return min(kinds or ["non_speaker"], key=SPEAKER_SCORES.__getitem__)
        if how == SHARED_SURNAME:
            return "shared_surname"  # "Scott said" where two Scotts were last named in full in one paragraph
        span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand") if q.speaker_start is not None else None
        indefinite = span is not None and len(span) == 1 and span[0].lower_ in self.people  # "someone asked"
        if span is not None and len(span) == 1 and (span[0].lower_ in self.pronouns or span[0].pos_ == "PRON") and not acronym(span[0]) and not indefinite:
            if span[0].lower_ in FIRST_PERSON:
                # outside quotation marks "I" is the writer: a review's or a column's own words are no reported
                # speech, and no name before it is its antecedent
                return "non_speaker"
            if how == "noun":
                return "pronoun" if ent is not None else "people"  # "The teacher added ... She said"
            if ent is None:
                return "unresolved"
            # the antecedent's role (pronouns.resolve_pronoun): only a subject is sure enough to show
            if how == "contested":
                return "pronoun_contested"
            return "pronoun" if how in ("subject", "") else "pronoun_weak"
        if ent is not None:
            return ent.type if ent.type in SPEAKER_SCORES else "named"
        if span is None or not len(span):
            return "non_speaker"
        return self._noun_class(span, thing=how == WHICH_THING)

    def _noun_class(self, span: Span, thing: bool = False) -> str:
        """What a speaker phrase with no entity of its own is, by its head noun. `thing`: the phrase is the
        antecedent of a relative "which" (a thing or a body), so an agent noun's ending alone ("cancer") names no
        doer unless a verb is its stem ("the regulator, which said", "polluters, which vowed"); a listed people noun
        or body still speaks ("the ministry, which said")."""
        head = span.root
        lemma = head.lemma_.lower()
        if lemma in self.non_speakers or head.lower_ in self.non_speakers:
            return "non_speaker"
        if head.ent_type_ in TIME_ENTS and not any(t.lower_.endswith("old") for t in span):
            # "said Thursday morning": a date or a time is when, never who ("The 26-year-old said": an age, a person)
            return "non_speaker"
        if lemma in self.documents or head.lower_ in self.documents:
            return "document"
        if lemma in self.people or head.lower_ in self.people or (agentive(lemma) and (not thing or verbal_agent(lemma, self.verbs))):
            return "people"
        if acronym(head) and head.pos_ in ("PRON", "DET"):
            # initials the tagger took for a pronoun ("WHO describes ..."): a name, but one no entity of the text
            # lists (a listed one is resolved to its entity), so a speaker we cannot vouch for: hidden, quote kept
            return "common"
        if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            # the head names someone; a name that only modifies it ("China's latest targets") does not make it a speaker
            return "named"
        if head.pos_ in ("PRON", "DET"):
            return "unresolved"  # "This emphasises ...": a demonstrative names nobody
        return "common"


__all__ = ["FIRST_PERSON", "SPEAKER_SCORES", "TIME_ENTS", "SpeakerClassing"]
