"""The quotes' transfer model (stop 34 q10): features a quote record shows, the same at run time as in the rows it
was fitted on; the model the last step of a quote's confidence, off with newsgraph_quote_evidence's config; the
fitting and display arithmetic of benchmarks/quote_transfer.py. Invented articles and items only."""

from __future__ import annotations

import json
from dataclasses import asdict

from benchmarks import quote_transfer as qt
from newsgraph.annotate import annotate, make_doc
from newsgraph.annotate import quote_transfer as model
from newsgraph.annotate.calibration import DATA, logistic
from newsgraph.records import Extracted

BODY = ("Marta Ivanova, the mayor of Tallinn, met officials of the Baltic Ferry Authority on Monday.\n\n"
        "\"The harbour will serve the whole region,\" Ivanova said. The Baltic Ferry Authority said work would begin "
        "in spring. A spokesman said the first ships would sail in May. She believes the plan will work.")


def item(text: str, kind: str = "indirect", cue: str | None = "said", speaker: str | None = None,
         span: tuple[int, int] | None = None, conf: float = 0.787, sconf: float | None = 0.973) -> dict:
    start = BODY.index(text)
    s, e = span if span else (None, None)
    return {"text": text, "start": start, "end": start + len(text), "kind": kind, "speaker": speaker,
            "speaker_name": BODY[s:e] if s is not None else None, "speaker_start": s, "speaker_end": e, "cue": cue,
            "confidence": conf, "speaker_confidence": sconf, "speakers": None}


def span_of(phrase: str) -> tuple[int, int]:
    i = BODY.index(phrase)
    return i, i + len(phrase)


def test_the_speaker_class_and_the_cue_class_from_the_record() -> None:
    types = {"p1": "person", "o1": "organisation", "c1": "country"}
    words = "work would begin in spring"
    assert model.speaker_class(item(words, speaker="p1", span=span_of("Ivanova said")[0:1] + (span_of("Ivanova")[1],)),
                               types, BODY) == "person"
    assert model.speaker_class(item(words, speaker="o1", span=span_of("The Baltic Ferry Authority")), types,
                               BODY) == "organisation"
    assert model.speaker_class(item(words, speaker="c1", span=span_of("The Baltic")), types, BODY) == "other_entity"
    assert model.speaker_class(item(words, speaker="p1", span=span_of("She")), types, BODY) == "pronoun"
    assert model.speaker_class(item(words, span=span_of("A spokesman")), types, BODY) == "people"
    assert model.speaker_class(item(words, span=span_of("Baltic Ferry")), types, BODY) == "named"
    assert model.speaker_class(item(words, span=span_of("the plan")), types, BODY) == "common"
    assert model.speaker_class(item(words), types, BODY) == "none"
    assert model.cue_class("said", "indirect") == "speech" and model.cue_class("says", "indirect") == "speech"
    assert model.cue_class("according to", "indirect") == "according"
    assert model.cue_class("believes", "indirect") == "cognition"
    assert model.cue_class(None, "direct") == "none" and model.cue_class(":", "direct") == "label"


def test_same_sentence_and_the_feature_names() -> None:
    near = item("work would begin in spring", speaker="o1", span=span_of("The Baltic Ferry Authority said"))
    far = item("the plan will work", speaker="o1", span=span_of("The Baltic Ferry Authority said"))
    assert model.same_sentence(near, BODY) and not model.same_sentence(far, BODY)
    f = model.features(near, {"o1": "organisation"}, BODY)
    assert tuple(f) == model.FEATURES
    assert f["speaker_organisation"] == 1.0 and f["speaker_entity"] == 1.0 and f["same_sentence"] == 1.0
    assert f["kind_indirect"] == 1.0 and f["cue_other"] == f["cue_none"] == 0.0


def test_the_landed_model_names_its_features_and_provenance() -> None:
    data = json.loads((DATA / f"{model.QUOTE_KIND}_model.json").read_text(encoding="utf-8"))
    assert set(data["features"]) == set(model.FEATURES)
    assert "benchmarks/quote_transfer.py" in data["fitted_on"] and data["rows"] > 500
    # stop 38 v12: refitted with the seven draws of stops 35..37 (s35..s42; LOSO better beyond noise on them)
    assert data["rows"] == 894 and "s42unseenreuters-final" in data["fitted_on"]
    assert not (DATA / "speaker_transfer_model.json").exists()  # the speaker model did not win, LOSO


def test_run_time_computes_what_the_rows_compute_and_can_be_turned_off(selective_nlp) -> None:
    """The confidence in the record is the model applied to the features of the record's own item as the code gave
    it before the model (the fit's rows are such items): one function, the same numbers; below the floor, as it was."""
    from newsgraph.annotate.quote_evidence import QuoteEvidence
    from newsgraph.annotate.quote_transfer import QuoteConfidence

    ex = Extracted(input="t", body=BODY, published="2026-03-04", kind="body")
    on = annotate(ex, selective_nlp)
    doc = selective_nlp(make_doc(selective_nlp, ex))
    off_component = QuoteEvidence(QuoteConfidence(transfer=False))
    off_component.verbs = selective_nlp.get_pipe("newsgraph_quote_evidence").verbs
    off = off_component(doc)._.ng_quotes
    assert len(off) == len(on.quotes) >= 3
    rec = on.to_dict()
    types = {e["id"]: e["type"] for e in rec["entities"]}
    moved = 0
    for q_on, q_off in zip(rec["quotes"], off, strict=True):
        if q_off.confidence < model.FLOOR:
            assert q_on["confidence"] == q_off.confidence
            continue
        want = round(logistic(model.QUOTE_KIND, model.features(asdict(q_off), types, rec["body"])), 3)
        assert q_on["confidence"] == want
        assert q_on["speaker_confidence"] == q_off.speaker_confidence  # the speaker's is left as it was
        moved += want != q_off.confidence
    assert moved
    assert selective_nlp.get_pipe_config("newsgraph_quote_evidence")["confidence"] == {"transfer": True}


def row(stop: str, page: str, real: bool, speaker: bool, conf: float, sconf: float | None, x: float) -> qt.QRow:
    return qt.QRow(stop, f"{stop}unseen-before", f"{stop}{page}{x}", page, conf, sconf, real, speaker,
                   sconf is not None, {"x": x})


def test_loso_fits_on_the_other_stops_and_a_hidden_speaker_counts_right_when_the_words_are_real() -> None:
    rs = [row(s, f"p{i}", i % 4 != 0, True, 0.8, 0.97, float(i % 4 != 0)) for s in ("s30", "s31", "s32")
          for i in range(12)]
    qt.loso(rs)
    assert all(r.p_real > 0.6 for r in rs if r.real) and all(r.p_real < 0.4 for r in rs if not r.real)
    wrong_speaker = row("s33", "p", True, False, 0.8, 0.9, 1.0)
    wrong_speaker.p_real, wrong_speaker.p_spk = 0.9, 0.9
    assert qt.shown_right(wrong_speaker, 0.9, 0.9, 0.65, 0.95) == (True, True, False)  # speaker hidden: right
    assert qt.shown_right(wrong_speaker, 0.9, 0.9, 0.65, 0.5) == (True, False, True)  # shown, wrong
    assert qt.shown_right(wrong_speaker, 0.6, 0.9, 0.65, 0.5) == (False, False, False)
    d = qt.display([wrong_speaker], True, 0.65, 0.95)
    assert d["precision"] == 1.0 and d["recall"] == 1.0 and d["speaker_recall"] is None
