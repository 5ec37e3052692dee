"""A name the model types as a person with no evidence of one, that the text places or writes as an acronym
(person_places.py). Fixtures are sentences written here; the person-looking names are invented."""

from __future__ import annotations

from newsgraph.annotate.gazetteer import get_gazetteer
from newsgraph.annotate.names import shipped_names
from newsgraph.annotate.person_places import acronym_form, placed


def _placed(text: str, name: str) -> bool:
    start = text.index(name)
    return placed(text, start, start + len(name), get_gazetteer(), shipped_names())


def test_the_text_places_the_name():
    assert _placed("The outbreak may have spread to Tarrowby in Ontario where horses fell ill.", "Tarrowby")
    assert _placed("Sites were Lima, Peru; Kel Tamar, Bolivia; and Quito.", "Kel Tamar")
    assert _placed("Cases were found in Guelph, Tarrowby, Barrie and Oshawa in the province.", "Tarrowby")
    assert _placed("Guelph, Barrie, Tarrowby, Oshawa and Kingston are among the worst affected towns.", "Tarrowby")


def test_people_are_not_placed():
    assert not _placed("The outbreak was reported to Tarrowby by the vet.", "Tarrowby")  # no reading, no region
    assert not _placed("Dana Tarrowby, a vet, said the horses were ill.", "Dana Tarrowby")
    assert not _placed("Officials, including Dana Okafor and Bo Chen, met.", "Dana Okafor")
    assert not _placed("Tarrowby said the farm in Ontario was closed.", "Tarrowby")


def test_acronyms():
    assert acronym_form("WXDOT", "WXDOT approved the plan.")
    assert acronym_form("WxDOT", "WxDOT approved the plan.")
    text = "officials from Defro (Department for Estates, Farms and Rural Offices) said"
    assert acronym_form("Defro", text)
    assert not acronym_form("Okafor", "Okafor (a vet) said")
    assert not acronym_form("McDonald", "McDonald said")
    assert not acronym_form("Dana Okafor", "DANA OKAFOR")
