"""A name the model types as a person that the text uses as a thing or a place (person_things.py), and what that
takes from its topic score (entity_features "thing_used", confidence.gate). Fixtures are sentences written here."""

from __future__ import annotations

from newsgraph.annotate.person_things import thing_use


def _use(text: str, name: str, doc=None, nth: int = 0) -> str | None:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return thing_use(doc, text, start, start + len(name))


def test_travel_payment_and_codes():
    assert _use("She had flown to Port Delia to see her father.", "Port Delia") == "travel"
    assert _use("He was days away from flying out to Port Delia.", "Port Delia") == "travel"
    assert _use("The jet landed at Kessel Field after midnight.", "Kessel Field") == "travel"
    assert _use("The note demands a payment in Zorcoin within 72 hours.", "Zorcoin") == "payment"
    assert _use("They mined Zorcoin on hijacked phones.", "Zorcoin") == "payment"
    assert _use("New service to Kessel Field (KFX) starts in May.", "Kessel Field") in ("travel", "code")
    assert _use("Flights between Boise and Kessel Field (KFX) start in May.", "Kessel Field") == "code"
    # people: spoken to, paid, named with their initials in brackets
    assert _use("She talked to Dana Okafor on Monday.", "Dana Okafor") is None
    assert _use("The council paid Dana Okafor for the survey.", "Dana Okafor") is None
    assert _use("Dana Okafor (DO) chairs the panel.", "Dana Okafor") is None
    assert _use("She flew with Dana Okafor to Lisbon.", "Dana Okafor") is None


def test_a_plural_subject_is_many_not_one_person(selective_nlp):
    text = "The Amber Scarves are calling for lower fuel taxes. Ann Lee says the Amber Scarves were peaceful."
    doc = selective_nlp(text)
    assert _use(text, "Amber Scarves", doc) == "plural"
    assert _use(text, "Amber Scarves", doc, nth=1) == "plural"
    text = "Ann Lee and Bo Chen are calling for lower taxes. Dana Ellis says she is tired."
    doc = selective_nlp(text)
    assert _use(text, "Bo Chen", doc) is None  # two people joined by "and"
    assert _use(text, "Dana Ellis", doc) is None  # a singular verb


def test_a_person_the_text_flies_to_is_no_topic(selective_nlp):
    from newsgraph.annotate.confidence import gate
    from newsgraph.annotate.entities import pipeline_names
    from newsgraph.annotate.entity_features import doc_context, features
    from newsgraph.records import Entity, Mention

    text = ("Zoe Marsh, 23, died at her flat in Bath in May. She had flown to Port Delia to see her father the week "
            "before, and was days away from flying out to Port Delia again, her mother Ann Marsh told the inquest.")
    doc = selective_nlp(text)
    ctx = doc_context(doc, pipeline_names(selective_nlp))
    feats = {e.name: features(doc, e, *ctx) for e in doc._.ng_entities}
    for name, f in feats.items():
        if "Marsh" in name:
            assert f["thing_used"] == 0.0, name  # the people the report is about
    p = Entity("p1", "Port Delia", "person", ["Port Delia"], 0.9, None, [Mention(0, 10, "Port Delia")])
    assert gate("topic", p, 0.8, {"thing_used": 1.0}) < 0.5 < gate("topic", p, 0.8, {"thing_used": 0.0})
    # the feature itself: a person entity whose every mention is flown to
    e = Entity("p2", "Port Delia", "person", [], 0.9, None,
               [Mention(m, m + 10, "Port Delia") for m in (text.index("Port Delia"), text.rindex("Port Delia"))])
    assert features(doc, e, *ctx)["thing_used"] == 1.0


def test_a_dateline_is_a_place():
    text = "FLUSHING MEADOWS \u2014 Ann Lee won in straight sets on Monday."
    assert _use(text, "FLUSHING MEADOWS") == "dateline"
    assert _use("Ann Lee won.\nPORT DELIA, Westland \u2014 The harbour reopened.", "PORT DELIA") == "dateline"
    assert _use("ANN LEE said the harbour reopened.", "ANN LEE") is None  # capitals, but no dash after them
    assert _use("Ann Lee \u2014 the mayor \u2014 said so.", "Ann Lee") is None  # not in capitals


def test_a_residence_in_an_apposition_is_a_place():
    assert _use('Mr Wiles, from Cherry Marsh, said: "It was a day to remember."', "Cherry Marsh") == "residence"
    assert _use("said Joseph Okafor, of Lindell Heath, Ohio, the dog's handler.", "Lindell Heath") == "residence"
    # a person after "of" or "from" in prose, or a place name that goes on, is no residence
    assert _use("The letter from Dana Okafor arrived, and she read it.", "Dana Okafor") is None
    assert _use("Wiles, of Cherry Marsh Holdings, said so.", "Cherry Marsh") is None
