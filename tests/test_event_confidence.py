"""Event confidence as a fitted model over typed evidence: what the features read, that the event's confidence is
about the event (its happening and its type) while an unsure actor is nulled where shown, and how the fitting
labels GSR's actors. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, make_doc
from newsgraph.annotate import calibration as cal
from newsgraph.annotate import event_transfer as transfer
from newsgraph.annotate.event_evidence import FEATURES_KEY
from newsgraph.confidence import filter_record
from newsgraph.records import Extracted
from newsgraph.settings import ACTORS_THRESHOLD, EVENTS_THRESHOLD

THRESHOLD = 0.5


@pytest.fixture(scope="module")
def nlp(selective_nlp):
    return selective_nlp


def _ex(body: str) -> Extracted:
    return Extracted(input="t", body=body, published="2024-03-14", kind="body")


def _features(nlp, body: str) -> dict[str, dict]:
    """Features of each event by its trigger, as the component computed them."""
    doc = nlp(make_doc(nlp, _ex(body)))
    kept = doc.user_data[FEATURES_KEY]
    return {ev.trigger: kept[id(ev)] for ev in doc._.ng_events}


def test_features_read_the_trigger_clause_and_actors(nlp):
    f = _features(nlp, "Officials said the rebels had shelled the town of Varna on Monday.")
    assert f["shelled"]["event"]["reported"] == 1.0 and f["shelled"]["event"]["verb"] == 1.0
    assert f["said"]["event"]["reported"] == 0.0 and f["said"]["event"]["main"] == 1.0
    g = _features(nlp, "Norway signed a treaty with Sweden on Monday.")["signed"]
    assert g["event"]["both_typed"] == 1.0 and g["event"]["thing_actor"] == 0.0
    assert g["source"]["kind_country"] == 1.0 and g["source"]["direct"] == 1.0
    assert g["target"]["kind_country"] == 1.0


def test_features_read_tense_and_the_persons_of_the_trigger(nlp):
    f = _features(nlp, "Norway signed a treaty with Sweden on Monday. Denmark has criticised Iceland. "
                       "We provide help to our customers. Acme Bank offers insurance to farmers in Kenya.")
    assert f["signed"]["event"]["past"] == 1.0 and f["signed"]["event"]["generic"] == 0.0
    assert f["criticised"]["event"]["past"] == 1.0  # a perfect
    assert f["offers"]["event"]["generic"] == 1.0 and f["offers"]["event"]["past"] == 0.0  # a standing offer
    assert f["provide"]["event"]["speech_act_persons"] == 1.0  # the writer as the actor: copy, not news
    assert f["signed"]["event"]["speech_act_persons"] == 0.0


def test_a_thing_target_lowers_the_event_but_not_below_a_direct_act_between_typed_actors(nlp):
    sure = annotate(_ex("Norway signed a treaty with Sweden on Monday."), nlp)
    doubtful = annotate(_ex("Norway attacked the convoy near the border on Monday."), nlp)
    signed = next(e for e in sure.events if e.trigger == "signed")
    attacked = next(e for e in doubtful.events if e.trigger == "attacked")
    assert signed.confidence >= THRESHOLD
    # the model's output is lower; the calibrated confidence is a step function of it, so it may tie (stop 25's map
    # puts both on its top step) but never rises
    raw_signed = cal.logistic("event", _features(nlp, "Norway signed a treaty with Sweden on Monday.")["signed"]["event"])
    raw_attacked = cal.logistic("event", _features(nlp, "Norway attacked the convoy near the border on Monday.")["attacked"]["event"])
    assert raw_attacked < raw_signed
    assert attacked.confidence <= signed.confidence


def test_an_unsure_actor_is_nulled_where_shown_and_the_event_stays(nlp, monkeypatch):
    body = "Norway signed a treaty with Sweden on Monday."
    before = next(e for e in annotate(_ex(body), nlp).events if e.trigger == "signed")
    original = cal.load_map

    def unsure_targets(kind: str):
        return ((0.0, 1.0), (0.1, 0.1)) if kind == "event_target" else original(kind)

    monkeypatch.setattr(cal, "load_map", unsure_targets)
    art = annotate(_ex(body), nlp)
    ev = next(e for e in art.events if e.trigger == "signed")
    # the map's 0.1 through the events' transfer layer (annotate/event_transfer.py: its lowest step, 0.15, stop 31)
    assert ev.target_confidence == transfer.actor(0.1, ev.confidence) < THRESHOLD
    assert ev.confidence == before.confidence  # the event's confidence does not take the weakest actor's
    shown = [e for e in filter_record(art.to_dict(), THRESHOLD)["events"] if e["trigger"] == "signed"]
    assert shown and shown[0]["target"] is None and shown[0]["target_name"] is None
    assert shown[0]["source_name"] == ev.source_name
    every = [e for e in filter_record(art.to_dict(), 0.0)["events"] if e["trigger"] == "signed"]
    assert every[0]["target_name"] == ev.target_name  # kept in the record and the API


def test_the_audit_does_not_hold_a_hidden_actor_against_the_event():
    from benchmarks.audit.__main__ import correct, type_right

    judged = {"happened": True, "type": True, "source": True, "target": False}
    assert correct("events", judged, {"source_confidence": 0.9, "target_confidence": 0.2})
    assert not correct("events", judged, {"source_confidence": 0.9, "target_confidence": 0.8})
    assert not correct("events", judged)  # strict: every actor of the record judged
    assert type_right(judged) and not type_right({**judged, "happened": False})


def test_gsr_actor_labels_only_where_the_country_test_can_decide():
    from benchmarks.fit_events import _decidable

    usa = [("CONSULT", "USA", "RUS")]
    assert not _decidable(usa, 1, "Anna Berg", None)  # a person against a country code: undecidable
    assert _decidable(usa, 1, "United States", None)
    assert _decidable(usa, 1, "Nigerian police", None)  # a nationality in the name
    assert _decidable(usa, 1, "Bellwater", "US")  # a geocoded place stands for its country
    assert _decidable([("CONSULT", "IGOUNO", None)], 1, "Anna Berg", None)  # a code naming no country


def test_a_name_compounded_with_a_person_introduced_by_a_or_a_number_is_only_their_home(nlp):
    """"a Brookfield man was arrested": the target is the man, Brookfield (typed an organisation here) only says
    where he is from (feature home_of_person); "Danbury police", "the Lebanon police" are the place's institution
    and keep it. A city or place so compounded is no target at all ("A Paris man", "Two London residents":
    resolve.origin_modifier): the target is the person."""
    f = _features(nlp, "A Brookfield man was arrested by police on Sunday.")
    assert f["arrested"]["target"]["home_of_person"] == 1.0
    doc = nlp(make_doc(nlp, _ex("A Paris man was arrested by police on Sunday.")))
    assert [ev.target_name for ev in doc._.ng_events if ev.trigger == "arrested"] == ["A Paris man"]
    g = _features(nlp, "Danbury police arrested Rafael Gomez on Monday.")["arrested"]
    assert g["source"]["home_of_person"] == 0.0 and g["target"]["home_of_person"] == 0.0
    doc = nlp(make_doc(nlp, _ex("Two London residents were charged with fraud on Tuesday.")))
    assert [ev.target_name for ev in doc._.ng_events if ev.trigger == "charged"] == ["Two London residents"]
    k = _features(nlp, "The Lebanon police charged Terry Jolly on Thursday.")["charged"]
    assert k["source"]["home_of_person"] == 0.0


def test_every_event_has_every_feature_so_fit_and_score_agree(nlp):
    """The fit reads a missing feature as 0, the scorer as its tuning mean: every event must carry every feature
    (one flag per PLOVER type, 0 for the other types), and the scorer's probability must equal the one the fit's
    convention gives."""
    from benchmarks.calibration import predict_logistic
    from benchmarks.fit_events import missing_features

    f = _features(nlp, "Norway signed a treaty with Sweden on Monday. Rebels attacked the village of Varna on "
                       "Tuesday. The mayor of Varna urged Norway to send aid.")
    rows = [v["event"] for v in f.values()]
    assert len(rows) >= 3 and len({v["type_ASSAULT"] for v in rows}) == 2
    assert missing_features(rows) == set()
    model = cal.load_model("event")
    assert model is not None and set(model[0]) <= set(rows[0])
    as_fitted = {"features": list(model[0]), "weights": list(model[1]), "bias": model[2], "means": {}}  # missing = 0
    for row in rows:
        assert cal.logistic("event", row) == pytest.approx(predict_logistic(as_fitted, row))


def test_the_fit_refuses_rows_with_missing_features():
    from benchmarks.fit_events import missing_features

    assert missing_features([{"a": 1.0, "type_AID": 1.0}, {"a": 0.0, "type_COERCE": 1.0}]) == {"type_AID", "type_COERCE"}
    assert missing_features([{"a": 1.0, "b": 0.0}, {"a": 0.0, "b": 1.0}]) == set()


def test_an_agentless_passive_legal_act_is_marked_and_trusted(nlp):
    """"X was arrested" / "X is charged with theft": the subject is the one acted on and the police or the court the
    actor by convention, so the missing source is the report's form (passive_legal), and the event is trusted more
    than the same act with no such form; an active arrest and a passive assault are not marked."""
    body = ("Dana Ruiz was arrested on Tuesday in Lindell. Omar Hale is charged with theft. "
            "The village of Varna was attacked on Sunday.")
    f = _features(nlp, body)
    assert f["charged"]["event"]["passive"] == 1.0 and f["charged"]["event"]["passive_legal"] == 1.0
    assert f["arrested"]["event"]["passive_legal"] == 1.0
    assert f["attacked"]["event"]["passive_legal"] == 0.0  # a passive assault: not a legal act
    active = _features(nlp, "Lindell police arrested Ben Okafor on Monday.")["arrested"]["event"]
    assert active["passive_legal"] == 0.0
    events = {e.trigger: e for e in annotate(_ex(body), nlp).events}
    # shown at the display threshold of stops 33..37 (0.8 before stop 31's transfer layer; on its scale 0.65, 0.6, 0.55);
    # stop 38's 0.7 shows only the layer's top level, and this form's level is below it
    assert events["arrested"].confidence >= 0.55 and events["charged"].confidence >= 0.55
    assert events["arrested"].confidence < EVENTS_THRESHOLD
    assert events["attacked"].confidence < events["arrested"].confidence


def test_adding_a_feature_the_model_already_has_is_refused():
    from benchmarks.fit_events import add_feature

    with pytest.raises(ValueError, match="already has"):
        add_feature("event", [], "passive_legal", write=False)


def test_a_passive_target_that_is_not_its_subject_is_doubted(nlp):
    """A passive names the one acted on as its subject: "sentenced ... in Moldova" does not sentence Moldova, and a
    judge named in the sentence before is not whom "Twenty of them were also charged" charges. Such a target
    (passive_indirect) is hidden at the actors' default threshold; the subject of the passive keeps its confidence."""
    body = ("Omar Hale, who lives in France, was sentenced to an 11-year prison term in Moldova in absentia last year. "
            "Judge Ana Berg heard the case of the workers in Lindell. Twenty of them were also charged with fraud.")
    art = annotate(_ex(body), nlp)
    by_target = {(e.trigger, e.target_name): e for e in art.events}
    assert by_target[("sentenced", "Omar Hale")].target_confidence >= ACTORS_THRESHOLD
    doubted = [e for (trig, name), e in by_target.items() if (trig, name) in {("sentenced", "Moldova"), ("charged", "Ana Berg")}]
    assert doubted, "the fixture's borrowed targets are found"
    assert all(e.target_confidence < ACTORS_THRESHOLD for e in doubted)
    direct = _features(nlp, "Lindell police arrested Ben Okafor on Monday.")["arrested"]["target"]
    assert direct["passive_indirect"] == 0.0


def test_the_transfer_layer_is_the_last_step_and_can_be_turned_off(nlp):
    """Stop 31: an event's confidence is the map in place's value through the transfer layer (fitted on the held-out
    draws' before snapshots); monotone, never above the map's top, and off with the component's config."""
    from newsgraph.annotate.event_evidence import EventConfidence, EventEvidence

    body = "Norway signed a treaty with Sweden on Monday."
    on = next(e for e in annotate(_ex(body), nlp).events if e.trigger == "signed")
    doc = nlp(make_doc(nlp, _ex(body)))  # the whole pipeline, then the component again with the layer off
    off = next(e for e in EventEvidence(EventConfidence(transfer=False))(doc)._.ng_events if e.trigger == "signed")
    assert on.confidence == transfer.event(off.confidence) < off.confidence
    for role in ("source", "target"):
        c = getattr(off, f"{role}_confidence")
        assert getattr(on, f"{role}_confidence") == transfer.actor(c, on.confidence) <= on.confidence
    xs = [i / 100 for i in range(101)]
    ys = [transfer.event(x) for x in xs]
    assert ys == sorted(ys) and transfer.event(0.9, on=False) == 0.9


def test_the_audit_reads_a_speaker_at_the_speakers_own_cut(monkeypatch):
    """A quote's speaker is hidden under the speakers' cut (0.95), not the quotes' (0.6): the audit counts a wrong
    speaker there as hidden, as the article page does ("speaker unsure"), and a right quote stays right."""
    from benchmarks.audit.__main__ import correct, speaker_shown

    monkeypatch.delenv("NEWSGRAPH_MIN_CONFIDENCE_SPEAKERS", raising=False)
    wrong_speaker = {"real": True, "speaker": False}
    assert not speaker_shown({"speaker_confidence": 0.9}) and speaker_shown({"speaker_confidence": 0.97})
    assert correct("quotes", wrong_speaker, {"speaker_confidence": 0.9})
    assert not correct("quotes", wrong_speaker, {"speaker_confidence": 0.97})
    assert not correct("quotes", wrong_speaker)  # strict: the speaker judged whatever its confidence
    monkeypatch.setenv("NEWSGRAPH_MIN_CONFIDENCE_SPEAKERS", "0.5")
    assert not correct("quotes", wrong_speaker, {"speaker_confidence": 0.9})
