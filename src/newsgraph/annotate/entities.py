"""`newsgraph_entities`: the article's entities, each under one canonical name and one evidence-based type.

What the small NER model gives is a list of spans with guessed labels. This component turns them into entities
an analyst can trust, for every article:
1. Mentions: the model's spans, plus organisation names from the data lexicon (EntityRuler-like), plus country
   names and datelines the model missed (gazetteer); spans are cleaned (no "the", possessive, trailing score) and
   split at list separators.
2. Evidence per mention: titles before the name and appositions after it ("Anna Berg, Swedish foreign
   minister,") mark persons and are kept as roles; given names and speech verbs mark persons; suffixes, known
   names and head nouns mark organisations; the gazetteer marks places; a place name followed by a score is a
   sports team (an organisation) unless it is a country; religious and ethnic groups are groups; demonyms
   ("Syrian") are not entities but count toward their country.
3. Linking: a short form joins the one full name it can stand for ("Hamdan" -> "Khalid al-Hamdan"); two full names
   with the same surname leave the surname unmerged unless the article's subject is also the one named nearest
   before it, and a lone given name joins the one full name opening with it (person_short_forms.py). Acronyms join the expansion the article gives
   ("NCA [National Citizens Alliance]", "X (ABC)") or a common alias (data/aliases.tsv: "UN").
4. Document consistency: an entity's type comes from all its mentions' evidence; its names found elsewhere in the
   article untagged become mentions too.
5. Salience from frequency, position, headline and lead presence; `doc._.ng_entities` is sorted by it.
Entity ids are stable across articles: a hash of the type family and the canonical name (places: the GeoNames id,
set by newsgraph_geo).
The word lists of stages 1-4 (titles, given names, organisations, groups, place and thing cues) are one
`NamesLexicon` the component holds and passes down: the shipped one (data/), or the user's names file given to
`initialize(lexicon_path=...)` (its sections replace the shipped ones, or add to them with `extend=True`); it is
saved with `nlp.to_disk` as names.tsv, so `spacy.load` gives back the same lists.
The stages live in entity_mentions.py (with mention_growth.py, mention_spans.py), entity_evidence.py (with its cue readers
person_roles.py, person_usage.py, place_cues.py, thing_use.py and its numbers in entity_evidence_config.py),
entity_linking.py, entity_propagation.py and entity_salience.py; other components read the result through
doc_entities.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.common_words import CommonWords, of_pipeline
from newsgraph.annotate.config import config_of, from_config
from newsgraph.annotate.demonyms import country_of
from newsgraph.annotate.doc_entities import entity_id, find_entity
from newsgraph.annotate.entity_evidence import add_evidence
from newsgraph.annotate.entity_evidence_config import EvidenceWeights, EvidenceWindows
from newsgraph.annotate.entity_features import evidence_summary
from newsgraph.annotate.entity_linking import LinkingThresholds, link_mentions
from newsgraph.annotate.entity_mentions import collect_mentions
from newsgraph.annotate.entity_propagation import nested_places, propagate
from newsgraph.annotate.entity_salience import SalienceWeights, rescore, score_salience, to_entity
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.lexicon import LexiconComponent, Sections
from newsgraph.annotate.name_gates import (
    gate_case_names,
    gate_common_nouns,
    gate_kind_names,
    gate_thing_names,
    gate_works,
)
from newsgraph.annotate.name_glosses import join_glosses
from newsgraph.annotate.names import NamesLexicon, shipped_names, shipped_sections
from newsgraph.annotate.person_full_names import complete_surnames, cut_fused_prefixes
from newsgraph.annotate.person_usage import people_by_usage
from newsgraph.annotate.place_cues import headline_place_cue
from newsgraph.annotate.place_kinds import district_of
from newsgraph.annotate.resolve import doc_text
from newsgraph.annotate.second_opinion import LABEL as SECOND
from newsgraph.annotate.second_opinion import typed_enough


@Language.factory(
    "newsgraph_entities",
    default_config={"evidence": config_of(EvidenceWeights), "windows": config_of(EvidenceWindows),
                    "linking": config_of(LinkingThresholds), "salience": config_of(SalienceWeights),
                    "common_words": ""},
    # token.tag: POS is mapped from the tag by the attribute ruler, which declares nothing it assigns
    requires=["doc.ents", "token.tag"],
    assigns=["doc._.ng_entities", "doc._.ng_demonyms"],
)
def make_entities(nlp: Language, name: str, evidence: dict, windows: dict, linking: dict,
                  salience: dict, common_words: str) -> EntityLinker:
    """`common_words`: the pipeline's rule lemmatizer whose dictionary tells words capitalised for their place
    from names (common_words.py; data/languages.json sets it per language), "" for none."""
    return EntityLinker(from_config(SalienceWeights, salience), from_config(EvidenceWeights, evidence),
                        linking=from_config(LinkingThresholds, linking), windows=from_config(EvidenceWindows, windows),
                        words=of_pipeline(nlp, common_words))


class EntityLinker(LexiconComponent):
    """Build `doc._.ng_entities` (and `doc._.ng_demonyms`, ISO codes of demonyms seen) from `doc.ents`."""

    lexicon_file = "names.tsv"
    default_lexicon: Callable[[], Sections] = staticmethod(shipped_sections)

    def __init__(self, salience: SalienceWeights | None = None, evidence: EvidenceWeights | None = None,
                 names: NamesLexicon | None = None, linking: LinkingThresholds | None = None,
                 windows: EvidenceWindows | None = None, words: CommonWords | None = None):
        self.words = words
        self.salience = salience or SalienceWeights()
        self.evidence = evidence or EvidenceWeights()
        self.linking = linking or LinkingThresholds()
        self.windows = windows or EvidenceWindows()
        self.names = names or shipped_names()
        self.lexicon = self.names.sections

    def set_lexicon(self, data: Sections) -> None:
        """Use the names lexicon `data` ({section: rows}, see names.NamesLexicon)."""
        self.names = NamesLexicon.from_sections(data)
        self.lexicon = data

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        if not Doc.has_extension("ng_demonyms"):
            Doc.set_extension("ng_demonyms", default=None)
        text = doc_text(doc)
        gaz = get_gazetteer()
        names = self.names
        mentions = collect_mentions(doc, text, gaz, names, self.words)
        demonym_hits: Counter[str] = Counter()
        kept = []
        for m in mentions:
            if m.label == "norp" or m.text in names.groups:
                if m.text in names.groups:
                    m.fixed_type = "group"
                    kept.append(m)
                    continue
                place = country_of(m.text, gaz)
                if place is not None:
                    demonym_hits[place.name] += 1
                continue  # other NORP (political or religious adjectives): not an entity
            if m.label != "gaz-place" and " " not in m.text and gaz.demonym(m.text) is not None \
                    and not gaz.lookup(m.text):
                place = country_of(m.text, gaz)
                if place is not None:
                    demonym_hits[place.name] += 1
                continue
            kept.append(m)
        meta = doc._.ng_meta or {}
        headline = " ".join(x for x in (meta.get("title"), meta.get("standfirst")) if x)
        for m in kept:
            add_evidence(doc, text, m, gaz, names, self.evidence, self.windows)
            if headline and not m.ev["feature"] and headline_place_cue(headline, m.text, names, self.windows):
                m.ev["place"] += self.evidence.place_cue  # "... agree framework on Nile dam": the headline's feature noun counts too
                m.ev["feature"] += 1
        # the second opinion's names (second_opinion.py) stay only where their evidence says what they are
        kept = [m for m in kept if m.label != SECOND or typed_enough(m, text, names, gaz, self.linking.org_points)]
        # "North Oakland" beside "Oakland": a district of a place the article names
        named = {m.text for m in kept if " " not in m.text and any(
            p.kind in ("city", "admin1", "admin2") for p in gaz.lookup(m.text)[:1])}
        for m in kept:
            if not m.ev["feature"] and district_of(m.text, named, names.place_directions):
                m.ev["place"] += self.evidence.feature_head
                m.ev["feature"] += 1
        # a name used as a thing somewhere ("the X", "X, which", "X app") that only the model calls a person
        gate_thing_names(kept, self.evidence.model_label + self.evidence.speech_verb)
        # a name an apposition or copula calls a body ("X, a retailer") that only the model calls a person
        gate_kind_names(kept, self.evidence.model_label + self.evidence.speech_verb)
        gate_works(kept, self.evidence.model_label + self.evidence.org_suffix, text)
        gate_case_names(kept, text)  # "Brown v. Board of Education": the case, no party of the story
        if self.words is not None:  # a dictionary word only the model calls a person ("Bourse", "Industrie")
            gate_common_nouns(kept, self.words, names, self.evidence.model_label + self.evidence.speech_verb, text)
        kept = [m for m in kept if not m.ev["drop"]]
        entities = link_mentions(doc, kept, names, self.linking)
        entities = join_glosses(text, entities)  # "X (Party of God)", "Saddam (Hussein)": one item (name_glosses.py)
        propagate(text, entities, kept)
        entities = people_by_usage(doc, text, entities, self.linking.org_points)
        entities = complete_surnames(doc, text, entities, names, self.linking.org_points)
        entities = cut_fused_prefixes(entities, names)
        nested_places(text, entities, gaz, names, self.linking)
        doc._.ng_demonyms = [gaz.lookup(n)[0].country_code for n, c in demonym_hits.items() for _ in range(c)
                             if gaz.lookup(n)]
        result = []
        evidence: dict[tuple[int, int], dict] = {}
        for cluster in entities:
            ent = to_entity(text, cluster)
            if ent is not None:
                result.append(ent)
                summary = evidence_summary(cluster.mentions)
                evidence.update({(m.start, m.end): summary for m in ent.mentions})
        doc._.ng_entity_evidence = evidence
        score_salience(doc, result, text, self.salience)
        result.sort(key=lambda e: -e.salience)
        doc._.ng_entities = result
        return doc


def pipeline_names(nlp: Iterable | Language) -> NamesLexicon:
    """The names lexicon of `nlp`'s `newsgraph_entities` component (the shipped one when there is none): what
    later components that judge names (newsgraph_confidence) read, so a user's lexicon reaches them too."""
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, EntityLinker):
            return pipe.names
    return shipped_names()


__all__ = ["EntityLinker", "EvidenceWeights", "EvidenceWindows", "LinkingThresholds", "SalienceWeights", "entity_id", "find_entity", "rescore"]
