"""One item per thing: bracketed glosses, acronyms after a cut name, clipped short forms, regnal numbers, and kind
nouns that introduce bodies and vessels (stop 29, t4). Every article here is invented."""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.entity_clusters import Cluster
from newsgraph.annotate.entity_mentions import NameMention
from newsgraph.annotate.name_glosses import acronym_fits, join_glosses
from newsgraph.annotate.org_short_forms import clipped_of
from newsgraph.annotate.person_kind_evidence import kind_of
from newsgraph.records import Extracted


def _clusters(text: str, named: list[tuple[str, str, str]]) -> list[Cluster]:
    """Clusters from (mention text, cluster name, type), each mention found in order in `text`."""
    by_name: dict[tuple[str, str], Cluster] = {}
    pos = 0
    for form, name, type_ in named:
        s = text.index(form, pos)
        pos = s + len(form)
        c = by_name.setdefault((type_, name), Cluster(name=name, type=type_))
        c.mentions.append(NameMention(s, s + len(form), form, type_, Counter()))
        if form not in c.aliases:
            c.aliases.append(form)
    return list(by_name.values())


def _names(clusters: list[Cluster]) -> dict[str, list[str]]:
    return {c.name: sorted({m.text for m in c.mentions}) for c in clusters}


def test_acronym_fits_initials_with_optional_small_words():
    assert acronym_fits("UNSFV", "U.N. Stabilisation Force in Veloria")
    assert acronym_fits("UNSFIV", "U.N. Stabilisation Force in Veloria")
    assert acronym_fits("NCA", "National Citizens Alliance")
    assert acronym_fits("Defra", "Department for Environment, Food and Rural Affairs")
    assert not acronym_fits("UNSF", "U.N. Stabilisation Force in Veloria")  # Veloria's initial is missing
    assert not acronym_fits("PKR", "Workers Party of Ruritania")


def test_a_bracketed_gloss_joins_the_organisation_it_follows():
    text = "Harkat al-Nour (Movement of Light) gunmen attacked. Harkat al-Nour said it would go on."
    got = _names(join_glosses(text, _clusters(text, [
        ("Harkat al-Nour", "Harkat al-Nour", "organisation"), ("Movement of Light", "Movement of Light", "organisation"),
        ("Harkat al-Nour", "Harkat al-Nour", "organisation")])))
    assert got == {"Harkat al-Nour": ["Harkat al-Nour", "Movement of Light"]}


def test_an_acronym_of_another_language_joins_and_never_names_the_item():
    text = "The Workers Party of Ruritania (PKR) met. The PKR (Workers Party of Ruritania) voted."
    got = _names(join_glosses(text, _clusters(text, [
        ("Workers Party of Ruritania", "Workers Party of Ruritania", "organisation"), ("PKR", "PKR", "person"),
        ("PKR", "PKR", "person"), ("Workers Party of Ruritania", "Workers Party of Ruritania", "organisation")])))
    assert got == {"Workers Party of Ruritania": ["PKR", "Workers Party of Ruritania"]}


def test_a_place_or_an_affiliation_in_brackets_stays_apart():
    text = "Ostmark Steel (Ruritania) grew. Anna Vell (Labour Alliance) spoke."
    got = _names(join_glosses(text, _clusters(text, [
        ("Ostmark Steel", "Ostmark Steel", "organisation"), ("Ruritania", "Ruritania", "place"),
        ("Anna Vell", "Anna Vell", "person"), ("Labour Alliance", "Labour Alliance", "organisation")])))
    assert len(got) == 4


def test_a_name_cut_before_its_acronym_grows_to_the_bracket():
    text = "They met at the headquarters of the U.N. Stabilisation Force in Veloria (UNSFV) on Monday."
    got = _names(join_glosses(text, _clusters(text, [
        ("U.N. Stabilisation Force", "U.N. Stabilisation Force", "organisation"), ("Veloria", "Veloria", "place"),
        ("UNSFV", "UNSFV", "organisation")])))
    assert got == {"U.N. Stabilisation Force in Veloria": ["U.N. Stabilisation Force in Veloria", "UNSFV"]}


def test_a_surname_a_quotation_left_out_completes_the_person():
    text = ('"It was agreed with Vadim Petrovich (Krasnov)," he said. Vadim Krasnov did not comment. Krasnov ruled. '
            "They fled the regime of Tariq (Mansouri).")
    got = _names(join_glosses(text, _clusters(text, [
        ("Vadim Petrovich", "Vadim Petrovich", "person"), ("Krasnov", "Vadim Krasnov", "person"),
        ("Vadim Krasnov", "Vadim Krasnov", "person"), ("Krasnov", "Vadim Krasnov", "person"),
        ("Tariq", "Tariq", "person"), ("Mansouri", "Mansouri", "person")])))
    assert got == {"Vadim Krasnov": ["Krasnov", "Vadim Krasnov", "Vadim Petrovich"],
                   "Tariq Mansouri": ["Mansouri", "Tariq"]}


def test_a_work_bracketed_after_a_full_name_stays_apart():
    text = "She starred for Rainer Tomas Vell (Quenelle) in 1982."
    got = _names(join_glosses(text, _clusters(text, [
        ("Rainer Tomas Vell", "Rainer Tomas Vell", "person"), ("Quenelle", "Quenelle", "person")])))
    assert len(got) == 2


def test_a_clipped_first_word_is_a_short_form():
    assert clipped_of("Cons", "Consolidated Harbour")
    assert clipped_of("Valla", "Vallamora Rovers")
    assert not clipped_of("Consolidate", "Consolidated Harbour")  # one letter short: a variant, not a clipping
    assert not clipped_of("CONS", "Consolidated Harbour")  # an acronym is acronym_of's
    assert not clipped_of("Cons", "Harbour Consolidated")
    assert not clipped_of("Co", "Consolidated Harbour")
    assert not clipped_of("Vellmark", "Vellmark\u2019s days")  # a possessive, no clipping
    assert not clipped_of("Vellmark", "Vellmark's days")


def test_kind_nouns_introduce_bodies_and_vessels():
    assert kind_of("carrier", "lead") == "vessel"
    assert kind_of("club", "lead") == "body"
    assert kind_of("agency", "lead") == "body"


@pytest.fixture(scope="module")
def calendar():
    body = ("1822 - Ostmark proclaimed independence and Emperor Tavo I became its first ruler.\n\n"
            "1930 - Duke Halvard VII born. He succeeded his father Leopold III in 1951.")
    return annotate(Extracted(input="t", body=body, title="Historical calendar"))


def test_a_regnal_number_belongs_to_the_name(calendar):
    people = {e.name for e in calendar.entities if e.type == "person"}
    assert {"Tavo I", "Leopold III"} <= people
    assert "Tavo" not in people


def test_a_lone_i_before_a_present_verb_stays_the_pronoun():
    from newsgraph.annotate import load_pipeline
    from newsgraph.annotate.mention_words import regnal_number

    doc = load_pipeline()("Ask Maria I think she knows. Then Queen Maria I ruled alone. Overtures I called it. "
                          "Maria I of Ostmark died. See Lin I, Wang X.")
    maria = [t for t in doc if t.text in ("Maria", "Overtures", "Lin")]
    assert [len(regnal_number([t], {"queen"})) for t in maria] == [1, 2, 1, 2, 1]


def test_a_reordered_head_after_a_placing_name_is_a_short_form():
    from newsgraph.annotate.org_short_forms import reordered_of

    assert reordered_of(["Transport", "Ministry"], "Swedish Ministry of Transport".split())
    assert reordered_of(["Transport", "Ministry"], "United States Ministry of Transport".split())
    assert not reordered_of(["New", "York", "University"], "City University of New York".split())
    assert reordered_of(["Transport", "Ministry"], "Ministry of Transport".split())
    assert not reordered_of(["Transport", "Ministry"], "Ruritanian Ministry of Health".split())
    assert not reordered_of(["Transport", "Ministry"], "the new Ministry of Transport".split())


def test_a_tail_after_a_coordination_is_a_short_form_unless_two_bodies_are_named():
    from newsgraph.annotate.org_short_forms import tail_of

    assert tail_of(["Children's", "Hospital"], "Women and Children's Hospital".split())
    assert not tail_of(["School", "Board"], "City Council and School Board".split())
    assert not tail_of(["Hospital"], "Women and Hospital".split())  # one word after "and": too common a head


def test_a_name_under_an_article_as_subject_or_after_a_vessel_noun_is_a_thing():
    from newsgraph.annotate import load_pipeline
    from newsgraph.annotate.person_kind_evidence import attached_kind

    text = ("Planes flew from the aircraft carrier Hollis Brandt on Monday. The Hollis Brandt leads a group of ships. "
            "Hollis Brandt, the admiral, said the ships were ready.")
    doc = load_pipeline()(text)
    starts = [i for i in range(len(text)) if text.startswith("Hollis Brandt", i)]
    kinds = [attached_kind(doc, s, s + len("Hollis Brandt")) for s in starts]
    assert kinds == ["vessel", "thing", None]


def test_a_name_cut_after_its_start_grows_back_to_what_its_acronym_spells():
    text = "Crews of Ostmark Fire and Rescue Service (OFRS) were alerted. The National Alliance (NA) met."
    got = _names(join_glosses(text, _clusters(text, [
        ("Ostmark", "Ostmark", "place"), ("Rescue Service", "Rescue Service", "organisation"),
        ("National Alliance", "National Alliance", "organisation")])))
    assert got == {"Ostmark Fire and Rescue Service": ["Ostmark Fire and Rescue Service"],
                   "National Alliance": ["National Alliance"]}
