"""Dates: parse_date, date_from_filename, infer_publication_date and find_dates.

Inline fixtures are news-like sentences whose values were worked out by hand (calendar
checked: 2017-09-25 is a Monday, 2017-09-22 a Friday).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_lib.dates import date_from_filename, find_dates, infer_publication_date, parse_date
from tests.conftest import FIXTURES, load_fixture

# --- parse_date -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January 11, 2010 Monday", "2010-01-11"),
        ("11 January 2010", "2010-01-11"),
        ("Monday, January 11, 2010", "2010-01-11"),
        ("Sept 16", "XXXX-09-16"),
        ("Sept. 5", "XXXX-09-05"),
        ("23 Aug 88", "1988-08-23"),
        ("20 Aug 88", "1988-08-20"),
        ("11 JAN 90", "1990-01-11"),
        ("13 JAN 90", "1990-01-13"),
        ("2017-09-22", "2017-09-22"),
        ("22/09/2017", "2017-09-22"),
        ("09/22/2017", "2017-09-22"),
        ("September 2017", "2017-09"),
        ("SEPTEMBER 2017", "2017-09"),
        ("2017", "2017"),
        ("22nd September 2017", "2017-09-22"),
        ("September 8, 2017.", "2017-09-08"),
        ("January 11, 2010 Monday 10:32 PM EST", "2010-01-11"),
        ("5 May 03", "2003-05-05"),
    ],
)
def test_parse_date_reads_absolute_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "garbage", "NO DATE", "Reuters", "05/06/2017", "31 February 2017", "Friday", "137"],
)
def test_parse_date_gives_none_for_non_dates_and_ambiguous_numbers(text):
    assert parse_date(text) is None


def test_parse_date_takes_the_year_from_the_caller_only_when_missing():
    assert parse_date("Sept 16", year=2017) == "2017-09-16"
    assert parse_date("Sept 16", year="2017") == "2017-09-16"
    assert parse_date("16 September 2014", year=2017) == "2014-09-16"


# --- date_from_filename -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2017-09-22_story.txt", "2017-09-22"),
        ("reuters_20170922.txt", "2017-09-22"),
        ("2017_09_22.txt", "2017-09-22"),
        ("dumps/afp/2017.03.06-mosul.txt", "2017-03-06"),
        ("000_65897b68137db2a4.txt", None),
        ("004_f65997268528880e.txt", None),
        ("a20170922b.txt", None),
        ("report_20171399.txt", None),
        ("notes.txt", None),
    ],
)
def test_date_from_filename(name, expected):
    assert date_from_filename(name) == expected


# --- infer_publication_date (real datelines and captions of the sample articles) ---------

FILE_PHOTO_CAPTION = (
    "FILE PHOTO: A view shows damaged buildings in Deir al-Zor, eastern Syria February 19, "
    "2014. REUTERS/Khalil Ashawi/File Photo"
)
MANILA_CAPTION = (
    "Australian Defense Minister Marise Payne shakes hands with her Filipino counterpart "
    "Delfin Lorenzana, before their meeting to discuss military strategy and assistance in "
    "the Philippines' fight against Islamist militants in Marawi, at Villamor Air Base in "
    "Pasay, Metro Manila, Philippines, September 8, 2017. REUTERS/Erik De Castro"
)
MOSCOW_CAPTION = (
    "A still image taken from a video footage and released by Russia's Defence Ministry on "
    "September 22, 2017, shows a missile hitting a building which Defence Ministry said was "
    "an Islamic State target in Syria. Russian Defence Ministry/Handout via REUTERS TV"
)


def test_caption_dates_of_the_sample_photos():
    assert infer_publication_date(caption=MANILA_CAPTION) == ("2017-09-08", "caption")
    assert infer_publication_date(caption=MOSCOW_CAPTION) == ("2017-09-22", "caption")


def test_file_photo_caption_dates_are_never_taken():
    assert infer_publication_date(caption=FILE_PHOTO_CAPTION) == (None, None)
    slash_only = "Smoke rises over Raqqa, Syria June 3, 2016. REUTERS/Rodi Said/File Photo"
    assert infer_publication_date(caption=slash_only) == (None, None)
    afp = "Smoke rises over Raqqa on June 3, 2016. AFP PHOTO / FILES / Delil SOULEIMAN"
    assert infer_publication_date(caption=afp) == (None, None)
    # a caption that merely mentions files is the article's own photo
    own = "An official reads files in Mosul, Iraq, March 6, 2017. REUTERS/Ahmed Jadallah"
    assert infer_publication_date(caption=own) == ("2017-03-06", "caption")
    # A file photo neither dates the article nor gives a dateline its year.
    assert infer_publication_date(dateline_date="Sept 16", caption=FILE_PHOTO_CAPTION) == (
        "XXXX-09-16",
        "dateline (year unknown)",
    )


def test_dateline_dates_with_and_without_year_evidence():
    assert infer_publication_date(dateline_date="Sept 16") == (
        "XXXX-09-16",
        "dateline (year unknown)",
    )
    assert infer_publication_date(dateline_date="Sept 16", year=2017) == (
        "2017-09-16",
        "dateline (year given)",
    )
    assert infer_publication_date(dateline_date="20 Aug 88") == ("1988-08-20", "dateline")
    assert infer_publication_date(dateline_date="Sept. 5", caption=MANILA_CAPTION) == (
        "2017-09-05",
        "dateline (year from caption)",
    )
    # The caption's year is the one that puts the two dates closest (New Year's Eve photo).
    assert infer_publication_date(
        dateline_date="Jan 1", caption="Fireworks over Baghdad, Iraq, December 31, 2017. REUTERS/X"
    ) == ("2018-01-01", "dateline (year from caption)")


def test_unknown_publication_date_stays_unknown():
    assert infer_publication_date() == (None, None)
    assert infer_publication_date(dateline_date="NO DATE", caption="Fighters in Raqqa.") == (
        None,
        None,
    )


# --- find_dates ---------------------------------------------------------------------------

REF = "2017-09-25"  # a Monday (ISO week 39)


def _found(text, ref=REF):
    return [(t.text, t.type, t.value, t.mod) for t in find_dates(text, reference_date=ref)]


def _one(text, ref=REF):
    found = find_dates(text, reference_date=ref)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t.text, t.type, t.value, t.mod


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The report was issued on September 22, 2017.",
            ("September 22, 2017", "DATE", "2017-09-22", None),
        ),
        (
            "It was signed on 22 September 2017 in Geneva.",
            ("22 September 2017", "DATE", "2017-09-22", None),
        ),
        ("The convoy left on Sept. 22, officials said.", ("Sept. 22", "DATE", "2017-09-22", None)),
        ("The militants swept through Marawi on May 23.", ("May 23", "DATE", "2017-05-23", None)),
        ("The government signed an agreement in 2014.", ("2014", "DATE", "2014", None)),
        ("Boko Haram has fought since 2009.", ("2009", "DATE", "2009", None)),
        ("The decree is dated 2017-09-22.", ("2017-09-22", "DATE", "2017-09-22", None)),
        (
            "Police said the bomb exploded on 23 Aug 88 in Lima.",
            ("23 Aug 88", "DATE", "1988-08-23", None),
        ),
        (
            "The push to recapture west Mosul was launched on February 19.",
            ("February 19", "DATE", "2017-02-19", None),
        ),
        ("Tensions rose in the 1990s.", ("the 1990s", "DATE", "199", None)),
        ("The group seized the town in mid-2014.", ("mid-2014", "DATE", "2014", "MID")),
        ("The army lost ground in late 2016.", ("late 2016", "DATE", "2016", "END")),
    ],
)
def test_absolute_dates(text, expected):
    assert _one(text) == expected


def test_month_and_day_take_the_reference_year_as_anchor():
    t = find_dates("The militants swept through Marawi on May 23.", reference_date=REF)[0]
    assert t.anchor == REF
    absolute = find_dates("It happened on September 22, 2017.", reference_date=REF)[0]
    assert absolute.anchor is None


def test_two_months_joined_by_or_are_two_dates():
    text = "A new round of talks is to take place in Geneva in October or November."
    assert _found(text) == [
        ("October", "DATE", "2017-10", None),
        ("November", "DATE", "2017-11", None),
    ]


def test_a_range_of_months_is_two_dates():
    text = "The siege lasted from May to September."
    assert _found(text) == [
        ("May", "DATE", "2017-05", None),
        ("September", "DATE", "2017-09", None),
    ]


# --- weekdays and tense ---


@pytest.mark.parametrize(
    ("text", "ref", "value"),
    [
        # past: the most recent Friday on or before the reference date
        ("Defense Minister Marise Payne said on Friday.", "2017-09-25", "2017-09-22"),
        ("Defense Minister Marise Payne said on Friday.", "2017-09-22", "2017-09-22"),
        ("A submarine fired cruise missiles on Friday.", "2017-09-24", "2017-09-22"),
        # future: the first Friday on or after it (the day itself in a story of that day)
        ("The council will vote on Friday.", "2017-09-25", "2017-09-29"),
        ("Lebanon's prime minister is to visit Moscow on Friday.", "2017-09-25", "2017-09-29"),
        ("The council will vote on Friday.", "2017-09-22", "2017-09-22"),
        # next / last: strictly after / before
        ("The talks resume next Friday.", "2017-09-22", "2017-09-29"),
        ("The talks ended last Friday.", "2017-09-22", "2017-09-15"),
    ],
)
def test_weekdays_follow_the_tense_of_the_sentence(text, ref, value):
    found = find_dates(text, reference_date=ref)
    assert [(t.type, t.value, t.anchor) for t in found] == [("DATE", value, ref)]


def test_a_future_form_elsewhere_does_not_override_the_nearest_past_verb():
    text = "Australia will send troops to Marawi, Defense Minister Marise Payne said on Friday."
    assert _found(text) == [("Friday", "DATE", "2017-09-22", None)]


def test_late_on_friday_and_parts_of_days():
    assert _one("The threat level was raised late on Friday.") == (
        "late on Friday",
        "DATE",
        "2017-09-22",
        "END",
    )
    assert _one("The bomb went off during the Friday morning rush hour.") == (
        "Friday morning",
        "TIME",
        "2017-09-22TMO",
        None,
    )
    assert _one("Counter-attacks lasted through Tuesday night.") == (
        "Tuesday night",
        "TIME",
        "2017-09-19TNI",
        None,
    )


# --- relative expressions around the reference date ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“Yesterday we saw a cowardly attack,” he said.",
            ("Yesterday", "DATE", "2017-09-24", None),
        ),
        ("The minister arrived today.", ("today", "DATE", "2017-09-25", None)),
        ("The vote is expected tonight.", ("tonight", "TIME", "2017-09-25TNI", None)),
        ("Police made an arrest this morning.", ("this morning", "TIME", "2017-09-25TMO", None)),
        ("Rebels shelled the town last night.", ("last night", "TIME", "2017-09-24TNI", None)),
        ("Government forces last week reached the city.", ("last week", "DATE", "2017-W38", None)),
        ("The army advanced earlier this week.", ("earlier this week", "DATE", "2017-W39", None)),
        ("The army advanced quickly this week.", ("this week", "DATE", "2017-W39", None)),
        ("Talks are to take place next week.", ("next week", "DATE", "2017-W40", None)),
        ("A vest was discovered this month.", ("this month", "DATE", "2017-09", None)),
        ("In a speech last month, Assad said so.", ("last month", "DATE", "2017-08", None)),
        ("Fighting flared earlier this month.", ("earlier this month", "DATE", "2017-09", None)),
        ("The town fell two weeks ago.", ("two weeks ago", "DATE", "2017-09-11", None)),
        ("It was the fifth attack in Britain this year.", ("this year", "DATE", "2017", None)),
        ("The rebels lost the city last year.", ("last year", "DATE", "2016", None)),
        ("They were driven out earlier this year.", ("earlier this year", "DATE", "2017", None)),
        ("Attacks this summer put police on alert.", ("this summer", "DATE", "2017-SU", None)),
        (
            "Forces have in recent days launched an offensive.",
            ("recent days", "DATE", "PAST_REF", None),
        ),
        ("The group recently lost its stronghold.", ("recently", "DATE", "PAST_REF", None)),
        ("The army now controls the road.", ("now", "DATE", "PRESENT_REF", None)),
        ("The city is currently besieged.", ("currently", "DATE", "PRESENT_REF", None)),
        ("The curfew stays for the time being.", ("the time being", "DATE", "PRESENT_REF", None)),
        ("Fighting may resume in the near term.", ("the near term", "DATE", "FUTURE_REF", None)),
        (
            "The size would be determined in coming days.",
            ("coming days", "DATE", "FUTURE_REF", None),
        ),
        ("The rebels retreated in May.", ("May", "DATE", "2017-05", None)),
        ("The country will hold elections in May.", ("May", "DATE", "2018-05", None)),
        (
            "It has killed 381 civilians since the beginning of April.",
            ("the beginning of April", "DATE", "2017-04", "START"),
        ),
        (
            "The man escaped from Marawi in early August.",
            ("early August", "DATE", "2017-08", "START"),
        ),
        ("Fighting resumed in mid-September.", ("mid-September", "DATE", "2017-09", "MID")),
    ],
)
def test_relative_expressions(text, expected):
    assert _one(text) == expected


def test_anaphoric_days_count_from_the_day_mentioned_last():
    text = (
        "Police arrested a man on Saturday over the bombing that injured 30 people a day "
        "earlier. The station had reopened the day before."
    )
    found = find_dates(text, reference_date=REF)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("Saturday", "2017-09-23", REF),
        ("a day earlier", "2017-09-22", "2017-09-23"),
        ("the day before", "2017-09-21", "2017-09-22"),
    ]


# --- durations and sets ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After four months of bombardment, the city fell.",
            ("four months", "DURATION", "P4M", None),
        ),
        ("The army broke a three-year siege.", ("three-year", "DURATION", "P3Y", None)),
        (
            "Assad is unassailable in the six-year-long conflict.",
            ("six-year-long", "DURATION", "P6Y", None),
        ),
        ("Officers have skirmished for years with insurgents.", ("years", "DURATION", "PXY", None)),
        ("Decades of insurgency have left scars.", ("Decades", "DURATION", "PXDE", None)),
        ("He served in the jungle for a decade.", ("a decade", "DURATION", "P1DE", None)),
        (
            "He has served for almost a decade.",
            ("almost a decade", "DURATION", "P1DE", "LESS_THAN"),
        ),
        (
            "In the past two weeks, officials say, the army advanced.",
            ("the past two weeks", "DURATION", "P2W", None),
        ),
        ("The ceasefire held for 48 hours.", ("48 hours", "DURATION", "PT48H", None)),
        ("The year-long siege of Mosul ended.", ("year-long", "DURATION", "P1Y", None)),
        ("The drills are a week-long series of exercises.", ("week-long", "DURATION", "P1W", None)),
        (
            "The siege lasted more than four months.",
            ("more than four months", "DURATION", "P4M", "MORE_THAN"),
        ),
        ("The ships will be delivered at a rate of 15 a year.", ("a year", "SET", "P1Y", None)),
        ("The council meets every year in Geneva.", ("every year", "SET", "P1Y", None)),
        ("Soldiers faced daily shelling.", ("daily", "SET", "P1D", None)),
        ("The group publishes a weekly bulletin.", ("weekly", "SET", "P1W", None)),
    ],
)
def test_durations_and_sets(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # a clock time takes the date written right after it, or the day mentioned last
        (
            "A truck was ambushed at 0900 on 26 March in El Jicote.",
            "1989-03-28",
            [("0900", "TIME", "1989-03-26T09:00"), ("26 March", "DATE", "1989-03-26")],
        ),
        (
            "Markets closed on Tuesday, when the index stood at 18:00 UTC at its low.",
            "2009-12-16",
            [("Tuesday", "DATE", "2009-12-15"), ("18:00 UTC", "TIME", "2009-12-15T18:00Z")],
        ),
        (
            "THE ATTACK TOOK PLACE AT 0340 TODAY.",
            "1989-02-07",
            [("0340 TODAY", "TIME", "1989-02-07T03:40")],
        ),
        # a weekday followed by its date is one expression, valued by the date
        (
            "On Monday, Dec. 26, a leader was killed.",
            "2017-09-25",
            [("Monday, Dec. 26", "DATE", "2016-12-26")],
        ),
        # quantities and prepositions
        (
            "A FEW DAYS AGO, HE MET OFFICIALS.",
            "1990-01-10",
            [("A FEW DAYS AGO", "DATE", "PAST_REF")],
        ),
        (
            "15,000 were arrested over the past few hours.",
            "1990-01-10",
            [("the past few hours", "DURATION", "PTXH")],
        ),
        (
            "1600 PERUVIANS DIED DURING THE LAST QUARTER OF 1989.",
            "1990-01-10",
            [("THE LAST QUARTER OF 1989", "DATE", "1989-Q4")],
        ),
        # "October of next year": the month and the year it is in are two expressions
        # (MEANTIME annotates them apart); "October next year" stays one
        (
            "Dealers will get letters after October of next year.",
            "2009-05-15",
            [("October", "DATE", "2010-10"), ("next year", "DATE", "2010")],
        ),
        (
            "The plant is to close in March next year.",
            "2009-05-15",
            [("March next year", "DATE", "2010-03")],
        ),
        (
            "Sales fell 35 % in January, compared to the same month a year ago.",
            "2009-02-03",
            [("January", "DATE", "2009-01"), ("the same month a year ago", "DATE", "2008-01")],
        ),
        (
            "Stocks rose on Friday, ending the day at 8,017.",
            "2009-04-04",
            [("Friday", "DATE", "2009-04-03"), ("the day", "DATE", "2009-04-03")],
        ),
        (
            "Cases rose during the outbreak of 2005-2006.",
            "2017-09-25",
            [("2005", "DATE", "2005"), ("2006", "DATE", "2006")],
        ),
        # not dates: an age in decades, a video length, a project name
        ("The suspect is a man in his early 30s.", "2017-09-25", []),
        ("Share this video 0:00:30", "2017-09-25", []),
        ("He funds the Future of Babylon project.", "2017-09-25", []),
    ],
)
def test_compound_expressions(text, ref, expected):
    found = find_dates(text, reference_date=ref)
    assert [(t.text, t.type, t.value) for t in found] == expected


# --- TimeML alignment and anaphoric periods (issue 7) ---
# Values worked out by hand: 2009-03-26 is the last Thursday of March 2009 (ISO week 13,
# Monday 23 to Sunday 29); 2009-03-05 the first Thursday (week 10); 2006-08-19 is in the
# third quarter, 43 days before the fourth begins and 231 after the previous one ended.


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # recent / current are TimeML triggers before a noun; the noun is the event
        (
            "The bomb had a timer, unlike recent blasts in the capital.",
            "2017-09-16",
            [("recent", "DATE", "PAST_REF")],
        ),
        ("The current ceasefire is fragile.", "2017-09-25", [("current", "DATE", "PRESENT_REF")]),
        ("It was the most recent attack on the base.", "2017-09-25", []),
        ("The current account deficit widened.", "2017-09-25", []),
        ("Two migrants were swept away by the current.", "2017-09-25", []),
        ("The ongoing battle for Raqqa killed hundreds.", "2017-09-25", []),
    ],
)
def test_recent_and_current_before_a_noun(text, ref, expected):
    found = find_dates(text, reference_date=ref)
    assert [(t.text, t.type, t.value) for t in found] == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # a quarter without a year: present perfect -> the nearest, past -> the last begun,
        # future -> the first not yet over
        (
            "Ford has announced cuts resulting in the closure of ten plants during the "
            "fourth quarter.",
            "2006-08-19",
            [("the fourth quarter", "DATE", "2006-Q4")],
        ),
        (
            "GM reported a loss in the fourth quarter.",
            "2006-08-19",
            [("the fourth quarter", "DATE", "2005-Q4")],
        ),
        (
            "The army will hand over the base in the first quarter.",
            "2017-09-25",
            [("the first quarter", "DATE", "2018-Q1")],
        ),
        # the n-th week of a month, counted as ISO counts the weeks of a year
        (
            "Attacks rebounded in the last week of March.",
            "2009-04-01",
            [("the last week of March", "DATE", "2009-W13")],
        ),
        (
            "Talks open in the first week of March 2009.",
            "2017-09-25",
            [("the first week of March 2009", "DATE", "2009-W10")],
        ),
        (
            "The truce will expire on the last day of February.",
            "2017-01-10",
            [("the last day of February", "DATE", "2017-02-28")],
        ),
        ("The offensive began on the first day of the war.", "2017-09-25", []),
        # the period before or after the one mentioned last
        (
            "Costs fell to $118 billion last year, $19.8 billion less than the year previous.",
            "2010-01-28",
            [("last year", "DATE", "2009"), ("the year previous", "DATE", "2008")],
        ),
        (
            "Attacks rose in March after falling the month before.",
            "2017-09-25",
            [("March", "DATE", "2017-03"), ("the month before", "DATE", "2017-02")],
        ),
        (
            "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the "
            "entire year.",
            "2006-01-27",
            [
                ("the fourth quarter of 2005", "DATE", "2005-Q4"),
                ("the entire year", "DATE", "2005"),
            ],
        ),
        # one of a series of consecutive periods: the period reported on
        (
            "Trading was suspended for a second consecutive day.",
            "2008-09-17",
            [("a second consecutive day", "DATE", "2008-09-17")],
        ),
        (
            "Stocks rose for the fourth week in a row.",
            "2009-04-04",
            [("the fourth week", "DATE", "2009-W14")],
        ),
        ("The second day of talks ended without a deal.", "2017-09-25", []),
        # "that time": the date mentioned last, nothing without one
        (
            "The deal will be finalized by June 10. If no price is agreed by that time, "
            "Fiat will pay.",
            "2011-05-29",
            [("June 10", "DATE", "2011-06-10"), ("that time", "DATE", "2011-06-10")],
        ),
        ("By that time he had fled.", "2011-05-29", []),
        ("At that time of year the roads close.", "2011-05-29", []),
    ],
)
def test_periods_named_through_other_periods(text, ref, expected):
    found = find_dates(text, reference_date=ref)
    assert [(t.text, t.type, t.value) for t in found] == expected


# --- without a reference date: found, typed, never guessed ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army said on Friday it had advanced.", ("Friday", "DATE", "XXXX-WXX-5")),
        ("The group recently lost ground.", ("recently", "DATE", "PAST_REF")),
        ("The rebels retreated in May.", ("May", "DATE", "XXXX-05")),
        ("Forces reached the city last week.", ("last week", "DATE", "XXXX-WXX")),
        ("“Yesterday we saw an attack,” he said.", ("Yesterday", "DATE", "XXXX-XX-XX")),
        ("The offensive began this summer.", ("this summer", "DATE", "XXXX-SU")),
        ("Police arrived on Sept. 16.", ("Sept. 16", "DATE", "XXXX-09-16")),
        ("Rebels shelled the town on Tuesday night.", ("Tuesday night", "TIME", "XXXX-WXX-2TNI")),
    ],
)
def test_relative_expressions_stay_unresolved_without_a_reference(text, expected):
    found = find_dates(text)
    assert [(t.text, t.type, t.value) for t in found] == [expected]
    assert found[0].anchor is None
    assert dt.date.today().isoformat() not in found[0].value


def test_a_partial_publication_date_counts_as_no_reference():
    assert _found("The army said on Friday it had advanced.", ref="XXXX-09-16") == [
        ("Friday", "DATE", "XXXX-WXX-5", None)
    ]


def test_a_bad_reference_date_is_a_clear_error():
    with pytest.raises(ValueError, match="reference_date"):
        find_dates("on Friday", reference_date="next Tuesday")
    with pytest.raises(TypeError, match="find_dates expects text"):
        find_dates(b"on Friday")
    with pytest.raises(TypeError, match="parse_date expects"):
        parse_date(20170922)


def test_missing_values_from_tables_count_as_missing():
    import pandas as pd

    assert parse_date(pd.NA) is None and parse_date(float("nan")) is None
    assert infer_publication_date(dateline_date=pd.NA, caption=None) == (None, None)
    assert find_dates(pd.NA) == []
    assert _found("The army said on Friday it had advanced.", ref=pd.NA) == [
        ("Friday", "DATE", "XXXX-WXX-5", None)
    ]


# --- not dates ---


@pytest.mark.parametrize(
    "text",
    [
        "Brigadier General Melquiades Ordiales of the Philippines 1st Marine Brigade spoke.",
        "Fighters of Brigade 137 held the airport.",
        "The 103rd Brigade was overrun.",
        "The clashes killed 2009 people and wounded 1,500 fighters.",
        "May said the threat level would stay at critical.",
        "Prime Minister Theresa May chaired a meeting of the government's emergency committee.",
        "Officials warned it may rain on the refugees.",
        "The submarine fired Kalibr cruise missiles at the targets.",
        "Covid-19 reached the camps.",
        "Thousands marched through the capital.",
        "Commanders planned the march on Raqqa.",
        "An F-16 and a Su-22 were shot down.",
        "The fund paid $2015 to each family and spent 300 million euros.",
        "Support for the plan fell to 19 percent, or 20% in the capital.",
        "The council passed Resolution 2254 and Resolution 2014.",
        "British police arrested an 18-year-old man in Dover.",
        "The convoy drove along Route 66.",
        "The file 000_65897b68137db2a4.txt held the article.",
        "The Russell 2000 Index fell.",
    ],
)
def test_not_dates(text):
    assert find_dates(text, reference_date=REF) == []


# --- ALL CAPITALS and wire copy ---


def test_all_capitals_wire_copy():
    text = (
        "SAN SALVADOR, 13 JAN 90 (ACAN-EFE) -- [TEXT] THE BODIES WERE FOUND TODAY. "
        "THE ARMY SAID ON 12 JANUARY THAT REBELS ATTACKED LAST NIGHT. "
        "IT MAY RAIN. THE MARCH ON THE CAPITAL BEGAN IN MAY."
    )
    assert _found(text, ref="1990-01-13") == [
        ("13 JAN 90", "DATE", "1990-01-13", None),
        ("TODAY", "DATE", "1990-01-13", None),
        ("12 JANUARY", "DATE", "1990-01-12", None),
        ("LAST NIGHT", "TIME", "1990-01-12TNI", None),
        ("MAY", "DATE", "1989-05", None),
    ]


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        # "may" before its verb is the modal in capitals too: no month, a future sentence
        ("OFFICIALS SAID THIS MAY HAVE A LARGE IMPACT.", "2005-06-06", []),
        (
            "THE ACCORD MAY BE SIGNED ON SEPTEMBER 12.",
            "2006-10-01",
            [("SEPTEMBER 12", "DATE", "2007-09-12")],
        ),
        (
            "The accord may be signed on September 12.",
            "2006-10-01",
            [("September 12", "DATE", "2007-09-12")],
        ),
        # a line holding a date alone is a header: the headline's verb does not reach the
        # body (2011-05-29 is a Sunday, the Friday before it 2011-05-27)
        (
            "FIAT PLANS TO BUY A STAKE IN CHRYSLER\nMAY 29, 2011\nFIAT ANNOUNCED ON FRIDAY "
            "THAT IT WILL BUY THE STAKE.",
            "2011-05-29",
            [("MAY 29, 2011", "DATE", "2011-05-29"), ("FRIDAY", "DATE", "2011-05-27")],
        ),
    ],
)
def test_capitals_read_like_mixed_case(text, ref, expected):
    found = find_dates(text, reference_date=ref)
    assert [(t.text, t.type, t.value) for t in found] == expected


# --- contracts ---


def test_empty_text_gives_nothing():
    assert find_dates("") == []
    assert find_dates("", reference_date=REF) == []


def test_results_do_not_depend_on_what_was_processed_before():
    first = "Syrian forces on Tuesday reached Deir al-Zor, besieged since 2014."
    other = "On Friday, a day earlier, in May 2015, the past two weeks."
    alone = find_dates(first, reference_date=REF)
    find_dates(other, reference_date="2016-01-01")
    find_dates(other)
    assert find_dates(first, reference_date=REF) == alone
    assert find_dates(first, reference_date=dt.date(2017, 9, 25)) == alone


def test_sample_bodies_in_capitals_give_the_same_expressions(sample_tables):
    for body in sample_tables["articles"]["body"]:
        upper = body.upper()
        assert len(upper) == len(body)
        mixed = [t._replace(text=t.text.upper()) for t in find_dates(body, reference_date=REF)]
        assert find_dates(upper, reference_date=REF) == mixed


def test_sample_bodies_give_sorted_non_overlapping_offsets(sample_tables):
    for body in sample_tables["articles"]["body"]:
        found = find_dates(body, reference_date=REF)
        assert found == sorted(found, key=lambda t: t.start)
        for a, b in itertools.pairwise(found):
            assert a.end <= b.start
        for t in found:
            assert body[t.start : t.end] == t.text


# --- the hand-checked gold of the sample articles (tests/fixtures/dates_gold.json) -------

#: Differences with the gold that are understood, each with the reason. A difference not
#: listed here fails the test, and so does a listed one that has gone away.
KNOWN_DIFFERENCES: dict[tuple, str] = {}


def _nth(body: str, text: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = body.index(text, start + 1)
    return start


def _gold_differences(body: str, article: dict) -> dict[tuple, str]:
    """Every difference between find_dates and the gold of one article, keyed for lookup."""
    found = find_dates(body, reference_date=article["reference_date"])
    used: set[int] = set()
    differences = {}
    for g in article["timexes"]:
        start = _nth(body, g["text"], g["occurrence"])
        end = start + len(g["text"])
        key = (article["article_id"], g["text"], g["occurrence"])
        hits = [i for i, t in enumerate(found) if t.start < end and start < t.end and i not in used]
        if not hits:
            differences[key] = f"missed {g['text']!r} ({g['type']} {g['value']} {g['mod']})"
            continue
        used.add(hits[0])
        t = found[hits[0]]
        wrong = [
            f"{name} {mine!r} (gold {theirs!r})"
            for name, mine, theirs in (
                ("type", t.type, g["type"]),
                ("value", t.value, g["value"]),
                ("mod", t.mod, g["mod"]),
            )
            if mine != theirs
        ]
        if (t.start, t.end) != (start, end):
            wrong.append(f"span {t.text!r}")
        if wrong:
            differences[key] = f"{g['text']!r}: " + ", ".join(wrong)
    for i, t in enumerate(found):
        if i not in used:
            key = (article["article_id"], t.text, "spurious")
            differences[key] = f"spurious {t.text!r} ({t.type} {t.value})"
    return differences


@pytest.fixture(scope="module")
def dates_gold():
    if not (FIXTURES / "dates_gold.json").exists():
        pytest.skip("tests/fixtures/dates_gold.json not written yet")
    return load_fixture("dates_gold.json")


@pytest.fixture(scope="module")
def sample_bodies(sample_tables):
    return sample_tables["articles"].set_index("article_id")["body"].to_dict()


def test_gold_offsets_match_the_sample_bodies(dates_gold, sample_bodies):
    for article in dates_gold["articles"]:
        body = sample_bodies[article["article_id"]]
        for g in article["timexes"] + article.get("not_timexes", []):
            assert _nth(body, g["text"], g["occurrence"]) >= 0


def test_find_dates_agrees_with_the_sample_gold(dates_gold, sample_bodies):
    differences = {}
    for article in dates_gold["articles"]:
        differences.update(_gold_differences(sample_bodies[article["article_id"]], article))
    unexpected = [f"{k[0]}: {v}" for k, v in differences.items() if k not in KNOWN_DIFFERENCES]
    gone = [f"{k}: no longer differs" for k in KNOWN_DIFFERENCES if k not in differences]
    assert not unexpected and not gone, "\n".join(unexpected + gone)


def test_nothing_is_found_where_the_gold_says_there_is_no_timex(dates_gold, sample_bodies):
    for article in dates_gold["articles"]:
        body = sample_bodies[article["article_id"]]
        found = find_dates(body, reference_date=article["reference_date"])
        for g in article.get("not_timexes", []):
            start = _nth(body, g["text"], g["occurrence"])
            end = start + len(g["text"])
            assert not [t for t in found if t.start < end and start < t.end], (
                article["article_id"],
                g,
            )


# --- dev evaluation and benchmark scripts ---


@pytest.mark.parametrize("script", ["eval_dates", "bench_dates"])
def test_dev_scripts_skip_cleanly_without_dev_data(script, tmp_path, capsys):
    import importlib.util

    from analysis_lib import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location(
        script, PROJECT_ROOT / "benchmarks" / f"{script}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--dev-data", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_eval_scores_values_and_matches_one_to_one():
    import importlib.util

    from analysis_lib import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location(
        "eval_dates", PROJECT_ROOT / "benchmarks" / "eval_dates.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.same_value("P1DE", "P10Y") and not module.same_value("P1DE", "P1Y")
    assert not module.same_value("PXY", "P2Y") and module.same_value("2017-W38", "2017-W38")
    text = "Deliveries run from 2009 to 2011."
    preds = find_dates(text)
    golds = [
        {"start": 15, "end": 32, "type": "DURATION", "value": "P2Y"},
        {"start": 20, "end": 24, "type": "DATE", "value": "2009"},
        {"start": 28, "end": 32, "type": "DATE", "value": "2011"},
    ]
    pairs = module.match(preds, golds)
    matched = {
        (p.text, g["text"] if "text" in g else text[g["start"] : g["end"]])
        for p, g in pairs
        if p and g
    }
    assert matched == {("2009", "2009"), ("2011", "2011")}


# --- any text: no crash, valid offsets ---

_PIECES = st.sampled_from(
    [
        " ",
        ", ",
        ". ",
        "\n",
        "on",
        "the",
        "last",
        "past",
        "a",
        "two",
        "May",
        "MARCH",
        "march",
        "Friday",
        "week",
        "years",
        "ago",
        "-",
        "year-old",
        "2017",
        "88",
        "23",
        "Sept.",
        "of",
        "12:30",
        "p.m.",
        "early",
        "mid",
        "since",
        "will",
        "said",
        "today",
        "'90s",
        "1,500",
        "%",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.sampled_from([None, "2017-09-25", "1990-01-13"]))
def test_any_text_gives_valid_sorted_offsets(pieces, ref):
    text = "".join(pieces)
    found = find_dates(text, reference_date=ref)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for t in found:
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert ref is not None or t.anchor is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "since" date before it: the time from that date to the reference date
        ("Bombers have killed 81 people since the start of April. In Cameroon, militants "
         "killed 158 in the same period.", ("DURATION", "P5M", "APPROX")),
        ("The siege has cost 300 lives since 2014, and the same period saw 2,000 arrests.",
         ("DURATION", "P3Y", "APPROX")),
        # a duration before it: the same duration
        ("Over the past six months 40 soldiers died; the same period saw 12 kidnappings.",
         ("DURATION", "P6M", None)),
        # nothing it can refer to: not a temporal expression we can value
        ("Rebels killed 12 people in the same period.", None),
        # a date without "since" is a point, not a stretch
        ("Troops entered the town in April. In the same period, aid arrived.", None),
    ],
)  # fmt: skip
def test_the_same_period_is_the_stretch_mentioned_before(text, expected):
    found = [t for t in find_dates(text, reference_date="2017-09-05") if "same" in t.text]
    assert [(t.type, t.value, t.mod) for t in found] == ([expected] if expected else [])
    for t in found:
        assert text[t.start : t.end] == t.text == "the same period"


def test_the_same_period_last_year_stays_a_date_a_year_back():
    found = find_dates(
        "Sales rose 43 % in February compared to the same period last year.",
        reference_date="2010-03-03",
    )
    assert [(t.text, t.type, t.value) for t in found][-1] == (
        "the same period last year",
        "DATE",
        "2009-02",
    )
