"""Organisation topics (issue 11c): a name's extent on the right from syntax and capitalisation, rights lines and
teaser cards as no prose, a work's title before its head noun as no organisation. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from newsgraph.annotate import annotate
from newsgraph.annotate.text_blocks import label, rights_line, teaser
from newsgraph.records import Extracted


def _article(body: str):
    return annotate(Extracted(input="t", body=body))


def _orgs(body: str) -> list[str]:
    return [e.name for e in _article(body).entities if e.type == "organisation"]


def test_a_complement_cut_off_after_a_complemented_head_grows_back():
    orgs = _orgs("The river is drying, says Ana Lima, a hydrologist at the National Institute for Research in the "
                 "Pantanal Basin in Cuiaba. She thinks the trend will hold.")
    assert "National Institute for Research in the Pantanal Basin" in orgs
    assert "National Institute for Research" not in orgs


@pytest.mark.parametrize("body", [
    "The Ministry of Health in Kenya said on Monday that the outbreak was over.",  # a country: where it stands
    "The Institute for Research in Manchester said on Monday that the trial was over.",  # a town
    "The Ministry of Health in January said that the outbreak was over.",  # a date
    "The cars made by Harbour Motor Corp of South Korea arrived at the Ministry of Health in the port.",  # a legal form
])
def test_a_locative_complement_that_names_a_place_or_a_date_is_no_part_of_the_name(body):
    orgs = _orgs(body)
    assert any(o in ("Ministry of Health", "Institute for Research") for o in orgs), orgs
    assert not any(" in " in o or " of South" in o for o in orgs), orgs


def test_a_head_noun_takes_its_named_complement():
    orgs = _orgs("He spoke at the Council on Foreign Relations on Monday, and the Office for National Statistics "
                 "published its figures.")
    assert "Council on Foreign Relations" in orgs
    assert "Office for National Statistics" in orgs


@pytest.mark.parametrize(("para", "rights"), [
    ("From the book The Long Road by Ann Lee. Copyright © 2019 by Ann Lee. Reprinted by permission of Harbour "
     "Books, Boston, MA. All rights reserved.", True),
    ("Copyright 2023 The Daily Planet.", True),
    ("Excerpted with permission from Harbour Books.", True),
    ("The mayor said the copyright law must change.", False),
    ("He got permission from the council to build a shed.", False),
])
def test_rights_line(para, rights):
    assert rights_line(para) is rights


@pytest.mark.parametrize(("para", "card"), [
    ("Coastal forecast for June 5 - Rain and wind Coastal forecast for June 5 - Rain and wind Harbour TV", True),
    ("We shall fight on the beaches, we shall fight on the seas and oceans, we shall fight in the air.", False),
    ("The council met on Monday. The council met again on Friday, and the council voted.", False),
])
def test_teaser(para, card):
    assert teaser(para) is card


def test_a_publisher_in_a_rights_line_is_no_shown_topic():
    body = ("Markets fell sharply on Monday as investors weighed the new tariffs, and analysts said the slide could "
            "last for weeks as companies cut their forecasts for the year.\n\n"
            "From the book The Long Road by Ann Lee. Copyright © 2019 by Ann Lee. Reprinted by permission of "
            "Harbour Books, Boston, MA. All rights reserved.")
    art = _article(body)
    conf = dict(zip(art.topics.get("organisations") or [], art.topics_confidence.get("organisations") or [],
                    strict=True))
    assert conf.get("Harbour Books", 0.0) < 0.5, conf


def test_a_title_before_a_works_head_noun_is_no_organisation():
    orgs = _orgs("Pink leggings are all you need to re-create this Monsters, Inc. character. Toss your hair into "
                 "pigtails and you are ready.")
    assert "Monsters, Inc." not in orgs


@pytest.mark.parametrize(("para", "is_label"), [
    ("Video & Further Resources", True),
    ("Register", True),
    ("Terms of Use", True),
    ("The council met on Monday.", False),
    ("the council met on monday and voted", False),
    ("Ministers from Peru, Chile and Bolivia met the press", False),  # too long for a label
])
def test_label(para, is_label):
    assert label(para) is is_label


def test_a_label_line_is_no_prose_but_the_first_line_is_the_title():
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.annotate.text_blocks import non_prose_blocks

    text = "Harbour Fund Report\nThe fund grew by a tenth this year, its managers said.\nHarbour Fund Tables\n"
    blocks = non_prose_blocks(load_pipeline().make_doc(text))
    assert [text[s:e] for s, e in blocks] == ["Harbour Fund Tables"]


def _org_topics(body: str, **meta) -> dict[str, float]:
    art = annotate(Extracted(input="t", body=body, **meta))
    return dict(zip(art.topics.get("organisations") or [], art.topics_confidence.get("organisations") or [],
                    strict=True))


def test_concept_signs():
    from newsgraph.annotate.concept_names import lower_expansion, lower_phrase

    text = ("Scales use bioelectrical impedance spectroscopy (BIS). The World Health Organization (WHO) agreed. "
            "To be a certificate authority, you sign keys. Ask for a return on investment (ROI).")
    assert lower_expansion("BIS", text) and lower_expansion("ROI", text)
    assert not lower_expansion("WHO", text)  # a capitalised expansion: a name
    assert lower_phrase("Certificate Authority", text)
    assert not lower_phrase("World Health Organization", text)
    assert not lower_phrase("Authority", text)  # one word: a name's word may be a common word too
    mostly_named = "His first Major League game. A Major League record. The major league rosters grew."
    assert not lower_phrase("Major League", mostly_named)  # capitalised more often than not: a name


def test_a_concept_the_page_capitalises_is_no_shown_organisation():
    body = ("Your server can safely be its own CA (Certificate Authority), the admins of the Harbour Trust said on "
            "Monday. To be a certificate authority, you need a key and a few commands. The Harbour Trust runs the "
            "servers for the city's schools and pays for them.")
    conf = _org_topics(body)
    assert conf.get("Certificate Authority", 0.0) < 0.5, conf


def test_the_publishers_own_brand_is_no_shown_topic():
    body = ("Learning Japanese takes time, and the ministry said on Monday that more students than ever sit the "
            "exam. Teachers at the Osaka Language Institute said classes were full.\n\n"
            "Join our Harbourpot Study Facebook group to connect with fellow learners.")
    assert _org_topics(body, source_domain="blog.harbourpot.com").get("Harbourpot Study Facebook", 0.0) < 0.5
