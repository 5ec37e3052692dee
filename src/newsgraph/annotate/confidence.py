"""`newsgraph_confidence`: a confidence on every item, and the article's topics with theirs.

Runs last. For entities it reads the evidence the Doc holds (do the statistical model's own spans agree with the
entity's mentions and type; how often and how early the entity is named; a title or role; a gazetteer reading),
turns it into a raw score and maps that through the fitted calibration map of its kind (calibration.py).
Topics are the person, country, city and organisation entities, each with a topic confidence (is it a right,
typed entity the article is about); `doc._.ng_topics` holds them, most salient first.

Quotes, events, facts and dates get their confidence from their own annotators; an item still without one gets a
raw score here from what the record shows (its kind, whether its actors are entities), so no item goes without.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.calibration import calibrate, load_model, logistic
from newsgraph.annotate.entity_features import MODEL_LABELS, doc_context, features
from newsgraph.annotate.extensions import register_extensions
from newsgraph.annotate.names import NamesLexicon, shipped_names
from newsgraph.annotate.topic_check import checked
from newsgraph.annotate.topic_check import kind as check_kind
from newsgraph.annotate.topic_transfer import TopicConfidence
from newsgraph.annotate.topic_transfer import topic as transfer_topic
from newsgraph.knobs import config_of, from_config
from newsgraph.records import TOPIC_KEYS, Entity
from newsgraph.settings import get_settings

#: labels that make a span a name at all (any type)
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
#: An entity named only outside running prose (reference lists, credits, navigation, tables) keeps this share of its
#: topic score: an article is about what its text discusses, and the clean development sets cannot teach this.
#: A hand-set prior (the clean development sets hold almost no such entities to fit it on).
NON_PROSE_WEIGHT = 0.35
#: A place whose only evidence is the gazetteer (the text never treats it as a place: no "in X", "X, State", no
#: place label from the model, no feature noun, not a country) keeps this share of its entity and topic scores.
GAZETTEER_ONLY_WEIGHT = 0.4
#: A city named only as a modifier of a common noun ("Brussels sprouts", "the Paris agreement"; name_usage.modifier_only)
#: keeps the same share of its topic score: the text never uses it as a place either.
#: A person named only in the form of a credit or citation ("Dana K.", "Miller RA": a name ending in initials) keeps
#: this share of its topic score: such names sign jokes, photos and reference lists. A hand-set prior like the one
#: above (the development sets hold almost no such names to fit it on).
INITIALS_FORM_WEIGHT = 0.35
#: The page's own publisher (an organisation under the page's source name or domain name: "When you join the X
#: family ...") keeps this share of its topic score: a page names its publisher in prompts and credits, and is rarely
#: about it. A hand-set prior like the ones above (the development sets have no publisher metadata to fit it on).
PUBLISHER_WEIGHT = 0.35
#: A person every mention of which runs on into a longer capitalised name ("the Paul and Mary Monroe Endowed Chair")
#: keeps this share of its topic score: the entity is named under a wrong, partial name, and so does one every mention
#: of which follows a capitalised word of the same run ("PT Harbour Putra Vell" as "Putra Vell"). So does a bare surname two
#: or more of the article's people share (linking leaves it unlinked: a second item for one of them under a partial
#: name). A hand-set prior like the ones above (entity_features.py, "person_goes_on", "shared_surname").
FRAGMENT_WEIGHT = 0.35
#: A person that nothing types as one but the model's label, whose words are all words the article writes in lower case
#: ("Best Buy", "Similar Articles") or that is named only inside a quoted title (a committee's, a book's), or whose
#: name holds a possessive ("Valentine's Day"), or most of whose mentions the text uses as a thing or a place ("a
#: payment in X", "flown to X": person_things.py), or that has no evidence of a person and is named only where the text
#: places it or as an acronym (person_places.py), or that the document attaches to a kind noun of a place, a body, a
#: work, a group or a storm ("the X refugee camp", "Cyclone X": person_kind_evidence.py), or that is one word of a
#: company's registered name without its legal form ("Harbour" beside "Harbour Motor Corp"), keeps this share of its
#: topic score (name_shape.py). A hand-set prior like the ones above.
NAME_SHAPE_WEIGHT = 0.35
#: An organisation the page also writes as a common noun, or whose acronym it spells out in lower case (a concept it
#: capitalises: concept_names.py) keeps this share of its topic score. A hand-set prior like the ones above.
CONCEPT_WEIGHT = 0.35
#: A person, organisation or town named on a page whose register is a fiction's reference (a fan or game wiki:
#: page_register.py) keeps this share of its topic score: it is the fiction's, not news. A hand-set prior like the
#: ones above (the development sets hold no such pages to fit it on).
REGISTER_WEIGHT = 0.35
#: An organisation under an institution's name (a multiword name headed by "Court", "Board", "Department", "Agency",
#: "Hospital", ...: org_kinds.institution) has a raw topic score of at least this: the topic model, fitted on
#: gum-entities-dev, hides an organisation the article names once, while on local news a court, a county board or a
#: state agency named once is what the article reports on. A floor, not a boost: it lifts a hidden institution to the
#: topic map's first shown step (raw 0.4601-0.5331 -> 0.5455) and leaves a surer one as it is, so the confidences
#: above it keep their calibration. A hand-set prior, chosen on the tune part of the judged topic draws
#: (benchmarks/topic_audit.py); applied before the weights below, so they still hold such a name down.
INSTITUTION_FLOOR = 0.47
#: An organisation named only as the modifier of a thing it is no part of ("the X Co. building", "the X dinner"), or
#: only as a street in an address ("on Rye Court"), or only as the second half of a coordination sharing its head
#: ("Boys and Girls Club": a fragment), or only cut from a longer name the text writes ("O.D. [Wyatt High School]"),
#: or under a venue's name no mention of which acts ("the Civic Center" in directions), or under a building's or a
#: venue's name every mention of which the text places and none of which acts ("spoke at the X House", "at Y's X
#: club": org_places.py), or under a name fused from more than one (a dateline, two bodies joined by "and") keeps this share of its topic score (org_kinds.py). A hand-set prior like the ones above.
ORG_KIND_WEIGHT = 0.35
_PLACES = ("country", "city", "place")


@dataclass(frozen=True)
class EntityFeatures:
    """What the raw entity score is made of (also what benchmarks/calibration fits on)."""

    mentions: int
    model_name: float  # share of mentions the model tagged as some name
    model_type: float  # share of mentions the model tagged with a label of this type
    salience: float
    multiword: bool
    role: bool  # a person with a title or apposition
    geo: bool  # a place resolved in the gazetteer


def entity_features(e: Entity, labels: list[tuple[int, int, str]]) -> EntityFeatures:
    """Features of one entity given the model's spans (start, end, label) sorted by start."""
    import bisect

    starts = [s for s, _, _ in labels]
    named = typed = 0
    want = MODEL_LABELS.get(e.type, set())
    for m in e.mentions:
        i = bisect.bisect_right(starts, m.end)
        hit = [lab for s, t, lab in labels[max(0, i - 4) : i] if s < m.end and m.start < t]
        if any(h in _NAME_LABELS for h in hit):
            named += 1
        if any(h in want for h in hit):
            typed += 1
    n = max(len(e.mentions), 1)
    return EntityFeatures(
        mentions=len(e.mentions),
        model_name=named / n,
        model_type=typed / n,
        salience=float(e.salience or 0.0),
        multiword=len(e.name.split()) >= 2,
        role=bool(e.roles),
        geo=e.geo is not None,
    )


def raw_type_score(e: Entity, f: EntityFeatures) -> float:
    """How much the evidence backs the type: the model's agreement, plus typed cues (a title, a gazetteer place)."""
    s = 0.35 + 0.4 * f.model_type
    if e.type == "person" and f.role:
        s += 0.2
    if e.type in ("country", "city", "place") and f.geo:
        s += 0.15 if e.type != "country" else 0.25
    if e.type == "person" and f.multiword:
        s += 0.05
    return min(0.99, max(0.01, s))


def raw_entity_score(e: Entity, f: EntityFeatures, type_score: float) -> float:
    """How likely a real entity under this name and type: model says it is a name, it recurs, its type is backed."""
    recur = min(1.0, math.log2(1 + f.mentions) / 3)
    s = 0.15 + 0.3 * f.model_name + 0.2 * recur + 0.35 * type_score
    return min(0.99, max(0.01, s))


def raw_topic_score(entity_confidence: float, salience: float) -> float:
    """A topic is a right entity that the article is about: its confidence weighed by its salience."""
    return min(0.99, max(0.01, entity_confidence * (0.35 + 0.65 * salience)))


def gazetteer_only(e: Entity, feats: dict[str, float]) -> bool:
    """A place the text never treats as one: the gazetteer alone typed it."""
    return (e.type in _PLACES and not feats.get("locative") and not feats.get("model_typed")
            and not feats.get("feature_noun") and not feats.get("gaz_country"))


def gate(kind: str, e: Entity, p: float, feats: dict[str, float]) -> float:
    """The fitted model's score with the evidence the development sets cannot teach (see the weights above)."""
    if kind == "topic" and feats.get("institution"):
        p = max(p, INSTITUTION_FLOOR)
    if kind == "topic" and (feats.get("thing_only") or feats.get("street_only") or feats.get("coordinated")
                            or feats.get("fused_name") or feats.get("cut_only") or feats.get("venue_only")
                            or feats.get("venue_used")):
        p *= ORG_KIND_WEIGHT
    if kind in ("entity", "topic") and gazetteer_only(e, feats):
        p *= GAZETTEER_ONLY_WEIGHT
    if kind == "topic" and feats.get("modifier_only"):
        p *= GAZETTEER_ONLY_WEIGHT  # "Brussels sprouts": the model's place label sits inside a longer noun phrase
    if kind == "topic" and feats.get("no_prose"):
        p *= NON_PROSE_WEIGHT
    if kind == "topic" and feats.get("initials_form"):
        p *= INITIALS_FORM_WEIGHT
    if kind == "topic" and feats.get("publisher"):
        p *= PUBLISHER_WEIGHT
    if kind == "topic" and (feats.get("common_words") or feats.get("quoted_title") or feats.get("possessive_inside")
                            or feats.get("thing_used") or feats.get("lower_inside") or feats.get("common_head")
                            or feats.get("illness_name") or feats.get("place_named") or feats.get("acronym_named")
                            or feats.get("kind_named") or feats.get("company_named")):
        p *= NAME_SHAPE_WEIGHT
    if kind == "topic" and (feats.get("person_goes_on") or feats.get("shared_surname")
                            or feats.get("person_comes_after")):
        p *= FRAGMENT_WEIGHT
    if kind == "topic" and feats.get("concept"):
        p *= CONCEPT_WEIGHT
    if kind == "topic" and feats.get("fiction_page"):
        p *= REGISTER_WEIGHT
    if kind == "topic" and e.confidence is not None:
        p = min(p, e.confidence)  # a topic is right only if its entity is: never surer than the entity
    return p


def score_entities(doc: Doc, names: NamesLexicon) -> dict[int, dict[str, float]]:
    """Set confidence and type_confidence on every entity; returns each entity's features (by id of the object)."""
    labels = sorted((ent.start_char, ent.end_char, ent.label_) for ent in doc.ents)
    ctx = doc_context(doc, names)
    out: dict[int, dict[str, float]] = {}
    for e in doc._.ng_entities or []:
        feats = features(doc, e, *ctx)
        out[id(e)] = feats
        if e.confidence is not None and e.type_confidence is not None:
            continue
        f = entity_features(e, labels)
        t = logistic("entity_type", feats)
        t = raw_type_score(e, f) if t is None else t
        raw = logistic("entity", feats)
        raw = raw_entity_score(e, f, t) if raw is None else gate("entity", e, raw, feats)
        e.type_confidence = calibrate("entity_type", t)
        e.confidence = calibrate("entity", raw)
    return out


def topic_raw(e: Entity, feats: dict[str, float] | None) -> float:
    """The raw topic score: the fitted topic model over the entity's features and confidence, else a blend."""
    conf = e.confidence if e.confidence is not None else 0.5
    p = logistic("topic", {**(feats or {}), "entity_confidence": conf}) if feats is not None else None
    return raw_topic_score(conf, e.salience or 0.0) if p is None else gate("topic", e, p, feats or {})


def topics(entities: list[Entity], feats: dict[int, dict[str, float]] | None = None,
           config: TopicConfidence | None = None) -> list[tuple[str, str, float]]:
    """(topic key, canonical name, topic confidence) of the article's typed entities, most salient first.

    The last step is the type's transfer layer (topic_transfer.py; `config.transfer`), except where the learned
    topic check gave the confidence: the check is fitted on its own scale, the layer on the map in place's."""
    check = get_settings().topic_check  # the learned topic check (topic_check.py), a setting: off by default
    on = (config or TopicConfidence()).transfer
    out: list[tuple[str, str, float]] = []
    seen: set[tuple[str, str]] = set()
    for e in sorted(entities, key=lambda e: -(e.salience or 0.0)):
        key = TOPIC_KEYS.get(e.type)
        if key is None or (key, e.name) in seen:
            continue
        seen.add((key, e.name))
        f = (feats or {}).get(id(e))
        conf = calibrate("topic", topic_raw(e, f))
        if check and load_model(check_kind(key)) is not None:
            conf = checked(conf, key, e, f, entities)
        else:
            conf = transfer_topic(conf, key, on)
        out.append((key, e.name, conf))
    return out


def score_rest(doc: Doc) -> None:
    """Raw scores for quotes, events, facts and dates their annotators left without a confidence."""
    people = {e.id for e in doc._.ng_entities or [] if e.type == "person"}
    known = {e.id for e in doc._.ng_entities or []}
    for q in doc._.ng_quotes or []:
        if q.confidence is None:
            raw = {"direct": 0.75, "partial": 0.6, "indirect": 0.5}.get(q.kind, 0.5)
            q.confidence = calibrate("quote", raw)
        if q.speaker_confidence is None and (q.speaker or q.speaker_name):
            raw = 0.7 if q.speaker in people else 0.55 if q.speaker in known else 0.4
            q.speaker_confidence = calibrate("speaker", raw)
    for ev in doc._.ng_events or []:
        actors = [a for a in (ev.source, ev.target) if a]
        if ev.type_confidence is None:
            ev.type_confidence = calibrate("event_type", 0.45 + 0.1 * len([a for a in actors if a in known]))
        if ev.confidence is None:
            ev.confidence = ev.type_confidence
        if ev.source_confidence is None and ev.source:
            ev.source_confidence = calibrate("event_source", 0.55 if ev.source in known else 0.35)
        if ev.target_confidence is None and ev.target:
            ev.target_confidence = calibrate("event_target", 0.5 if ev.target in known else 0.3)
    for fa in doc._.ng_facts or []:
        if fa.confidence is None:
            fa.confidence = calibrate("fact", 0.6 if fa.qualifier is None else 0.55)
    for d in doc._.ng_dates or []:
        if d.confidence is None:
            raw = 0.3 if d.value is None else {"day": 0.8, "month": 0.75, "year": 0.7}.get(d.resolution or "", 0.6)
            d.confidence = calibrate("date", raw)


@Language.factory(
    "newsgraph_confidence",
    requires=["doc._.ng_entities", "doc._.ng_quotes", "doc._.ng_events", "doc._.ng_facts", "doc._.ng_dates"],
    assigns=["doc._.ng_topics"],
    default_config={"topics": config_of(TopicConfidence)},
)
def make_confidence(nlp: Language, name: str, topics: dict) -> ConfidenceScorer:
    from newsgraph.annotate.entities import pipeline_names

    # a partial, not a lambda: the component pickles
    return ConfidenceScorer(partial(pipeline_names, nlp), from_config(TopicConfidence, topics))


class ConfidenceScorer:
    """Sets `confidence` on every item of `doc._.ng_*` and `doc._.ng_topics` (see the module docstring).

    `names` gives the names lexicon in use (the entities component's, looked up per Doc so a lexicon the user sets
    after building the pipeline counts too)."""

    def __init__(self, names: Callable[[], NamesLexicon] = shipped_names, topics: TopicConfidence | None = None):
        self.names = names
        self.topics = topics or TopicConfidence()  # the topics' transfer layer on or off (topic_transfer.py)

    def __call__(self, doc: Doc) -> Doc:
        register_extensions()
        feats = score_entities(doc, self.names())
        score_rest(doc)
        doc._.ng_topics = topics(list(doc._.ng_entities or []), feats, self.topics)
        return doc
