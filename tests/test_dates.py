"""Dates: parse_date, date_from_filename, infer_publication_date and find_dates.

Inline fixtures are news-like sentences whose values were worked out by hand (calendar
checked: 2017-09-25 is a Monday, 2017-09-22 a Friday).
"""

from __future__ import annotations

import pytest

from analysis_lib.dates import date_from_filename, infer_publication_date, parse_date

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
