"""Organisations from how the text uses a name (stop 21): a name an apposition calls a work or product, or written
with a release number, is no organisation; a name whose people are its residents is a place; an organisation named
in a sentence dense with other names is still named in prose. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate, load_pipeline
from newsgraph.annotate.kind_heads import kind_head
from newsgraph.annotate.name_usage import VERSION_AFTER
from newsgraph.records import Extracted


def _orgs(body: str) -> list[str]:
    return annotate(Extracted(input="t", body=body)).topics["organisations"]


def test_a_name_an_apposition_calls_a_newsletter_is_no_organisation():
    body = ("The palace has not replied. The network will soon launch Crown Letters, a weekly newsletter bringing you "
            "the inside track on the royal family.")
    assert "Crown Letters" not in _orgs(body)


def test_a_name_an_apposition_calls_a_company_stays_an_organisation():
    assert "Fantastic Gardeners" in _orgs("Fantastic Gardeners, a gardening company, ran the study of 2,000 adults.")


def test_software_written_with_its_release_number_is_no_organisation():
    body = ("Quillbase 5.2 was released on November 5. It is the first version of Quillbase that supports Python 3. "
            "Speaking as a maintainer of Quillbase, I feel the experience of making Quillbase work matters. Most "
            "strings in Quillbase are bytes by design.")
    assert "Quillbase" not in _orgs(body)


@pytest.mark.parametrize(("after", "version"), [
    (" 5.2 was released", True),
    (" v3.10 ships today", True),
    (" 2.5% higher", False),
    (" 1.2 million shares", False),
    (" 3.4 points", False),
    (" 1.5 km away", False),
])
def test_version_after(after, version):
    assert bool(VERSION_AFTER.match(after)) is version


@pytest.mark.parametrize(("text", "head"), [
    ("Crown Letters, a weekly newsletter bringing news", "newsletter"),
    ("Quillbase is a version control tool.", "tool"),
    ("Crown Letters, a newsletter publisher, said", "publisher"),
    ("Crown Letters said on Monday", None),
])
def test_kind_head(text, head):
    doc = load_pipeline()(text)
    name = "Crown Letters" if text.startswith("Crown") else "Quillbase"
    assert kind_head(doc, 0, len(name)) == head


def test_a_name_with_residents_is_a_place_not_an_organisation():
    body = ("Residents said they did not want taller buildings. Throgsville Neck resident Mia Lopez shared that "
            "sentiment on Wednesday. Throgsville Neck resident Dana Laboy, 55, said the vote was wrong.")
    assert "Throgsville Neck" not in _orgs(body)


def test_a_journal_a_study_was_published_in_is_no_organisation_whatever_its_article():
    body = ("According to a study published in The Journal of Tidal Nutrition in 2015, women who took a multivitamin "
            "lived longer.")
    assert "Journal of Tidal Nutrition" not in _orgs(body)
