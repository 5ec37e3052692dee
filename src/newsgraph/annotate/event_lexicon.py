"""The event finder's lexicon: data/plover.tsv's triggers and word lists read into the sets `EventFinder` checks.

Why a module of its own: reading the lexicon (which sections exist, how a row becomes a trigger) is one concern, and
finding events in a parse (annotate/events.py) another; the sets named here are read by the event mixins
(event_roles.py, event_senses.py, event_allegations.py, event_trigger.py, events.py). A user lexicon in the same format replaces or
extends the shipped sections (annotate/lexicon.py `LexiconComponent`).
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.annotate.event_features import people_nouns
from newsgraph.annotate.event_roles import DATA
from newsgraph.annotate.lexicon import LexiconComponent, Sections, section_words, sections
from newsgraph.annotate.triggers import ParseTriggers


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, list[tuple[str, str, set[str], str]]], dict[str, list[tuple[str, str, set[str], str]]]]:
    """(verbs, nouns) of the shipped data/plover.tsv (see `trigger_rows`)."""
    return trigger_rows(sections(DATA))


def trigger_rows(
    data: Sections,
) -> tuple[dict[str, list[tuple[str, str, set[str], str]]], dict[str, list[tuple[str, str, set[str], str]]]]:
    """(verbs, nouns): lemma -> rows of (type, mode, needed particles/prepositions, roles) in file order."""
    out: list[dict[str, list[tuple[str, str, set[str], str]]]] = [{}, {}]
    for i, sec in enumerate(("verb", "noun")):
        for row in data.get(sec, []):
            row = row + ("", "", "", "")
            out[i].setdefault(row[0].lower(), []).append((row[1], row[2], {p for p in row[3].split("|") if p}, row[4]))
    return out[0], out[1]


def default_lexicon() -> Sections:
    """data/plover.tsv plus a [speech] section (the speech verbs of data/cues.tsv, [verb] and [object]) and a
    [document] section (data/quote_evidence.tsv's documents)."""
    cues = sections("cues.tsv")
    # (stop 38) the documents of data/quote_evidence.tsv ("a communique", "the report"): a report's issuer speaks
    # through it, the document itself alleges nothing (event_allegations.py)
    documents = sections("quote_evidence.tsv").get("document", [])
    return {**sections(DATA), "speech": cues.get("verb", []) + cues.get("object", []), "document": documents}


class EventLexicon(LexiconComponent):
    """The lexicon's word sets, set by `set_lexicon` (the shipped data/plover.tsv plus [speech] by default)."""

    default_lexicon = staticmethod(default_lexicon)

    def __init__(self) -> None:
        self.set_lexicon(self.default_lexicon())

    def set_lexicon(self, data: Sections) -> None:
        """Triggers and word lists from a lexicon in the format of data/plover.tsv (plus [speech])."""
        self.lexicon = data
        self.verbs, self.nouns = trigger_rows(data)
        self.target_preps = section_words(data, "target_prep")
        self.adjunct_preps = section_words(data, "adjunct_prep")
        self.opinion_modals = section_words(data, "opinion_modal")
        self.pair_preps = section_words(data, "pair_prep")
        self.noun_preps = section_words(data, "noun_prep")
        self.participant_preps = section_words(data, "participant_prep")
        self.locative = section_words(data, "locative")
        self.news_media = section_words(data, "news_medium")
        self.news_services = section_words(data, "news_service")
        self.reporting_bodies = section_words(data, "reporting_body")
        self.documents = section_words(data, "document")
        self.blame_on = section_words(data, "blame_on")
        self.commerce = {row[0]: frozenset(row[1].split("|")) for row in data.get("commerce", []) if len(row) > 1}
        self.deal_making = section_words(data, "deal_making")
        self.relation_nouns = section_words(data, "relation_noun")
        self.intent = section_words(data, "intent")
        self.reporting = section_words(data, "reporting")
        self.modal = section_words(data, "modal")
        self.future = section_words(data, "future")
        self.hedges = section_words(data, "hedge")
        self.complaints = section_words(data, "complaint")
        self.state_preps = section_words(data, "state_prep")
        self.imposing = section_words(data, "imposing")
        self.commit = section_words(data, "commit")
        self.classes = {row[0]: row[1] for row in data.get("class", []) if len(row) > 1}
        self.joint = section_words(data, "joint")
        self.reciprocal = section_words(data, "reciprocal")
        self.coagent_types = {w.upper() for w in section_words(data, "coagent_type")}
        self.committed_preps, self.committed_goods = section_words(data, "committed_prep"), section_words(data, "committed_goods")
        self.speech = section_words(data, "speech")
        self.aside_preps = self.locative | section_words(data, "topic_prep")
        self.patient_types = section_words(data, "patient")
        self.patient_kinds = {row[0].lower(): row[1] for row in data.get("patient", []) if len(row) > 1 and row[1]}
        self.other_sense = {row[0].lower(): row[1] for row in data.get("other_sense", []) if len(row) > 1}
        self.institutions = section_words(data, "institution")
        self.kin, self.permissions, self.light = (section_words(data, k) for k in ("kin", "permission", "light"))
        self.accident_verbs, self.business, self.care, self.premises = (section_words(data, k) for k in ("accident_verb", "business", "care", "premises"))
        self.patient_genitive = {w.upper() for w in section_words(data, "patient_genitive")}
        self.agreement_verbs = section_words(data, "agreement_object")
        self.recipient_types = {w.upper() for w in section_words(data, "recipient")}
        self.material = {w.upper() for w in section_words(data, "material")}
        self.assent = {w.upper() for w in section_words(data, "assent")}
        self.addressed = {w.upper() for w in section_words(data, "addressed")}
        self.act_suffixes = tuple(section_words(data, "act_suffix"))
        self.people_suffixes = tuple(section_words(data, "people_suffix"))
        self.people_suffix_except = section_words(data, "people_suffix_except")
        self.act_nouns = frozenset(self.verbs) | frozenset(k.split()[-1] for k in self.nouns) | self.joint
        self.people = people_nouns()
        self.naming = section_words(data, "naming")
        self.journeys = section_words(data, "journey")
        self.background = section_words(data, "background")
        self.refusals = section_words(data, "refusal")
        self.grievances = section_words(data, "grievance")
        self.inquiries = section_words(data, "inquiry")
        self.asking = {w.upper() for w in section_words(data, "asked_for")}
        self.party_types = {w.upper() for w in section_words(data, "party_target")}
        self.party_nouns, self.party_suffixes = section_words(data, "party_noun"), tuple(section_words(data, "party_suffix"))
        self.control = {w.lower() for w in section_words(data, "control")}
        self.controlled, self.trade, self.journey_nouns, self.fieldwork, self.unilateral, self.fundraising = (
            section_words(data, k) for k in ("controlled", "trade", "journey_noun", "fieldwork", "unilateral", "fundraising"))
        self.clinicians = section_words(data, "clinician")
        self.actor_source = {w.upper() for w in section_words(data, "actor_source")}
        self.measure_nouns = section_words(data, "measure_noun")
        self.quantities = section_words(data, "quantity")
        self.market = section_words(data, "market")
        self.amounts = section_words(data, "charged_amount")  # (stop 40) "charging interest expenses": billing
        self.imposed_sanctions = section_words(data, "imposed_sanction")
        self.market_changes = section_words(data, "market_change")
        self.works, self.market_grades = section_words(data, "work"), section_words(data, "market_grade")
        self.verbal_sense = {row[0].lower(): (row[1], row[2] if len(row) > 2 else "") for row in data.get("verbal_sense", []) if len(row) > 1}
        self.verbal_objects = section_words(data, "verbal_object")
        # the trigger nouns of hostile types ("fighting", "clashes"): what a light verb engages in when it is force
        self.hostile_nouns = frozenset(k.split()[-1] for k, rows in self.nouns.items() if any(self.classes.get(r[0]) == "hostile" for r in rows))
        self.consult_verbs = frozenset(k for k, rows in self.verbs.items() if any(r[0] == "CONSULT" for r in rows)) - self.journeys
        self.consult_nouns = frozenset(k.split()[-1] for k, rows in self.nouns.items() if any(r[0] == "CONSULT" for r in rows))
        nouns = frozenset(row[0].split()[-1].lower() for row in data.get("noun", []))
        self._triggers = ParseTriggers(section_words(data, "verb"), nouns, frozenset())

    def parse_triggers(self) -> ParseTriggers:
        """What `newsgraph_parse` must parse for this component: trigger verbs and the head nouns of trigger nouns."""
        return self._triggers


__all__ = ["EventLexicon", "default_lexicon", "lexicon", "trigger_rows"]
