"""Date expressions resolved against the article date (news convention for weekdays)."""

from __future__ import annotations

from newsgraph.annotate.dates import find_dates, parse_anchor

ANCHOR = parse_anchor("2021-06-09")  # a Wednesday


def values(text: str, anchor=ANCHOR) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.resolution) for d in find_dates(text, anchor)]


def test_weekdays_count_back_from_the_article_date():
    got = values("The council met on Monday, voted on Wednesday and will meet again next Friday.")
    assert ("on Monday", "2021-06-07", "day") in got
    assert ("on Wednesday", "2021-06-09", "day") in got  # the article's own day
    assert ("next Friday", "2021-06-11", "day") in got


def test_last_weekday_is_strictly_before():
    assert values("She spoke last Wednesday.") == [("last Wednesday", "2021-06-02", "day")]


def test_relative_days_months_and_years_keep_their_resolution():
    got = values("Yesterday the mayor recalled plans drawn up late last year and revised earlier this month.")
    assert ("Yesterday", "2021-06-08", "day") in got
    assert ("late last year", "2020", "year") in got
    assert ("earlier this month", "2021-06", "month") in got


def test_explicit_dates():
    got = values("Signed on 4 March 2019, ratified on July 14, 2020, revised in January and due in 2023.")
    assert ("4 March 2019", "2019-03-04", "day") in got
    assert ("July 14, 2020", "2020-07-14", "day") in got
    assert ("in January", "2021-01", "month") in got
    assert ("in 2023", "2023", "year") in got


def test_no_article_date_leaves_relative_values_empty():
    assert values("It happened on Friday.", anchor=None) == [("on Friday", None, "day")]


def test_may_as_a_verb_is_not_a_month():
    assert values("Officials may resign.") == []


def test_weekday_in_a_forward_looking_clause_is_the_next_one():
    # anchor 2021-06-09 is a Wednesday
    got = values("The strike is expected to last until Friday. Talks will resume on Monday.")
    assert ("Friday", "2021-06-11", "day") in got
    assert ("on Monday", "2021-06-14", "day") in got


def test_a_future_word_in_another_clause_does_not_move_a_past_weekday():
    got = values('"We will not give up," the minister said on Monday.')
    assert ("on Monday", "2021-06-07", "day") in got
