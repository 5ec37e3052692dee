"""Date words that name something (annotate/date_names.py), compound counts of "ago", a day led up to with "ahead
of", and a figurative "tomorrow" whose article the parse hung elsewhere. Invented articles."""

from __future__ import annotations

from newsgraph.annotate.dates import find_dates, parse_anchor
from newsgraph.settings import get_settings

FRIDAY = "2019-08-30"


def _dates(run, text: str, published: str = FRIDAY):
    return [(d.text, d.value, d.confidence) for d in run(text, published)._.ng_dates]


def test_a_compound_number_word_is_read_whole():
    got = [(d.text, d.value) for d in find_dates("Twenty-two years ago, the mill closed.", parse_anchor(FRIDAY))]
    assert got == [("Twenty-two years ago", "1997")]
    got = [(d.text, d.value) for d in find_dates("It opened thirty five years ago.", parse_anchor(FRIDAY))]
    assert got == [("thirty five years ago", "1984")]


def test_a_number_word_cut_from_a_compound_it_cannot_read_is_no_date():
    assert find_dates("It was built three hundred-two years ago.", parse_anchor(FRIDAY)) == []


def test_a_weekday_led_up_to_is_the_coming_one(dated_doc):
    text = "Dealers wound down ahead of Monday's harvest holiday, the exchange said.\n"
    got = [(t, v) for t, v, _ in _dates(dated_doc, text) if t == "Monday"]
    assert got == [("Monday", "2019-09-02")]


def test_today_inside_a_proper_name_is_no_date(dated_doc):
    text = ("The anchor moved to Kestrel Today, a satellite channel, in 2012.\n\n"
            "The board meets today to discuss the channel.\n")
    got = _dates(dated_doc, text)
    assert [t for t, _, _ in got if t.lower() == "today"] == ["today"]


def test_today_inside_a_title_case_name_after_another_word_is_no_date(dated_doc):
    text = ("In an interview with Talking Today Radio with Ann Lee, the mayor said the ferries run late.\n\n"
            "Today Mayor Lee opens the new pier.\n")
    got = _dates(dated_doc, text)
    assert [t for t, _, _ in got if t.lower() == "today"] == ["Today"]


def test_a_figurative_tomorrow_is_no_date(dated_doc):
    text = "\u201cWe are building a better tomorrow,\u201d the mayor said.\n"
    assert [t for t, _, _ in _dates(dated_doc, text) if t == "tomorrow"] == []


def test_a_day_naming_an_event_by_a_plural_head_is_not_shown(dated_doc):
    text = ("The channel has trafficked in Aug. 14 conspiracy theories for years.\n\n"
            "The board will hold the Sept. 4 meeting in the town hall.\n")
    got = {t: c for t, _, c in _dates(dated_doc, text)}
    threshold = get_settings().min_confidence
    assert got["Aug. 14"] < threshold
    assert got["Sept. 4"] >= threshold


def test_next_month_a_season_away_is_the_year_after():
    anchor = parse_anchor(FRIDAY)  # August 2019
    got = [(d.text, d.value) for d in find_dates("Fresh stock arrives next November, the grower said.", anchor)]
    assert got == [("next November", "2020-11")]
    got = [(d.text, d.value) for d in find_dates("The law takes effect next July.", parse_anchor("2019-01-15"))]
    assert got == [("next July", "2019-07")]


def test_a_relative_day_in_a_quoted_old_article_has_no_known_day(dated_doc):
    text = ("The paper dug up a profile of the builder.\n\n"
            "Thirty years ago, a Gazette article praised him for the new harbour.\n\n"
            "\u201cCity leaders honored the builder yesterday for the harbour,\u201d the article read.\n\n"
            "\u201cWe will open the quay tomorrow,\u201d the harbour master said on Friday.\n")
    got = _dates(dated_doc, text)
    threshold = get_settings().min_confidence
    assert [c < threshold for t, _, c in got if t == "yesterday"] == [True]
    assert [c >= threshold for t, _, c in got if t == "tomorrow"] == [True]


def test_a_weekday_before_a_plural_noun_keeps_its_day(dated_doc):
    text = "\u201cWe are patient,\u201d a trader told Reuters as he came out of Friday prayers.\n"
    got = {t: c for t, _, c in _dates(dated_doc, text)}
    assert got["Friday"] >= get_settings().min_confidence


def test_a_weekday_led_up_to_in_the_past_is_the_lead_day(dated_doc):
    text = ("After the vote, the bloc looks for money.\n\n"
            "BRUSSELS - Ministers gathered Friday to discuss the budget.\n\n"
            "The talks ran late.\n\n"
            "Ahead of Friday's meeting, France and Germany unveiled a proposal.\n")
    got = [(t, v) for t, v, _ in _dates(dated_doc, text, "2019-09-01")]
    assert got == [("Friday", "2019-08-30"), ("Friday", "2019-08-30")]


def test_a_day_naming_an_event_whose_year_the_text_fixed_stays_shown(dated_doc):
    # the past verb puts the day before the article date (2018, not the nearest 2019): the text fixed the year
    text = "Soldiers killed the rest of the Oct. 12 raiders in a forest.\n"
    got = [(v, c) for t, v, c in _dates(dated_doc, text, "2019-08-30") if t == "Oct. 12"]
    assert [v for v, _ in got] == ["2018-10-12"]
    assert got[0][1] >= get_settings().min_confidence


def test_a_day_naming_an_event_the_article_dates_otherwise_stays_shown(dated_doc):
    # Friday 2019-08-30 is also "Aug. 30": the operations are the news of that day
    text = ("The army on Friday struck depots near the border.\n\n"
            "The envoy said the Aug. 30 operations targeted only depots.\n")
    got = {t: c for t, _, c in _dates(dated_doc, text, "2019-09-01")}
    assert got["Aug. 30"] >= get_settings().min_confidence


def test_a_weekday_opening_a_definite_proper_name_is_no_date(dated_doc):
    got = [(d.text, d.value) for d in dated_doc("The Sunday Courier quoted the harbour master as saying the ferry "
                                                "would stay.", "2024-06-19")._.ng_dates]
    assert got == []
    kept = [(d.text, d.value) for d in dated_doc("On Sunday the harbour master said the ferry would stay.",
                                                 "2024-06-19")._.ng_dates]
    assert kept == [("On Sunday", "2024-06-16")]
