"""Publication dates and temporal expressions with TIMEX3-style values.

Absolute dates
--------------
:func:`parse_date` reads one date as written in a header, dateline or caption and
returns an ISO value (``2010-01-11``), a partial value (``2017-09``, ``2017``) or one
with ``X`` placeholders for what the text does not say (``XXXX-09-16``). Numeric dates
such as ``22/09/2017`` are read only when day and month cannot be swapped (one of the two
numbers is above 12). Two-digit years pivot at 50: ``50``-``99`` are 1950-1999,
``00``-``49`` are 2000-2049 (wire copy of the 1980s and 1990s, and today's ``'17``).

Publication dates
-----------------
:func:`infer_publication_date` gives ``(value, date_source)`` from the evidence an
article carries, in this order:

* ``dateline``: the dateline's date has a year (``LONDON, Sept 16, 2017 (Reuters)``);
* ``dateline (year given)``: the dateline's day and month, the year from ``year=``
  (file metadata, the dump's header);
* ``dateline (year from caption)``: the dateline's day and month, the year from the date
  in the article's own photo caption (the year that puts the two dates closest);
* ``dateline (year unknown)``: day and month only, ``XXXX-09-16``;
* ``caption``: the date of the article's own photo (``…, Philippines, September 8,
  2017. REUTERS/…``). A file photo (``FILE PHOTO: …``, ``…/File Photo``) shows an
  older event, so its date is never taken;
* otherwise ``(None, None)``: unknown stays unknown, never today's date.

:func:`date_from_filename` reads ``2017-09-22``, ``2017_09_22`` or ``20170922`` in a
file name, never inside a longer run of letters and digits (hex ids, hashes).

Temporal expressions
--------------------
:func:`find_dates` returns :class:`~analysis_lib.records.TimeExpr` records, sorted and
never overlapping, with types DATE, TIME, DURATION and SET and TIMEX3 values. It does not
depend on capital letters (wire copy in capitals reads like mixed case); in mixed-case
text capitals only help to tell ``May``/``March`` the months from the name and the verbs.

Extents follow TimeML as MEANTIME and TempEval-3 annotate them: a leading preposition is
left out (``on Friday`` -> ``Friday``, ``since 2014`` -> ``2014``); determiners,
modifiers and ``ago`` are kept (``last week``, ``the past two weeks``, ``earlier this
year``, ``two years ago``, ``almost a decade``, ``late on Friday``). The determiner of an
adjectival duration belongs to its noun (``a three-year siege`` -> ``three-year``).

Values relative to ``reference_date`` (the publication date):

* weekdays: in a past-tense (or present) sentence the most recent such day on or before
  the reference date, the day itself in a story dated that day; with a future verb
  (``will``, ``is to``, ``expected``, a modal before a participle: ``will be held``) the
  first such day on or after it; ``last``/``next Friday`` the one strictly before/after;
  ``Friday morning`` is a TIME ``…TMO`` (``TAF``, ``TEV``, ``TNI``); ``late on Friday``
  has mod END; a weekday followed by its date (``Monday, Dec. 26``) takes the date;
* a bare month: the most recent such month on or before the reference month for past
  tense, the first on or after it for future; ``last May``/``next May`` strictly
  before/after; a day and month without year likewise by tense, and the nearest such day
  when the sentence has no past or future verb (``has a June 1 deadline``); ``October
  next year`` is one expression, ``October of next year`` two (the month, valued in that
  year, and ``next year``), as MEANTIME and HeidelTime annotate them;
* a quarter without a year (``the fourth quarter``): with a future verb the first such
  quarter not yet over, with a past verb the last one begun, else (a present or present
  perfect verb: ``has announced … during the fourth quarter``) the nearest one;
* the n-th (or last) week of a month is an ISO week counted as ISO 8601 counts the weeks
  of a year: the first holds the month's first Thursday, the last its last Thursday
  (``the last week of March`` 2009 -> ``2009-W13``); ``the first day of May`` a day;
* the tense of a sentence is that of its nearest verb before the expression inside the
  same clause (clauses end at a full stop, ``;``, ``but``, ``while``, a blank line),
  else of the first verb after it; a participle in ``-ed`` counts only when no
  auxiliary or common verb does, and after ``has``/``have`` it is a present perfect;
* ``today``, ``yesterday``, ``tomorrow`` are days; ``tonight``, ``this morning``,
  ``last night`` TIMEs; ``last/this/next week`` ISO weeks (``2017-W38``); ``this year``
  ``2017``; ``this summer`` ``2017-SU``; ``two weeks ago`` the day two weeks before (days
  and weeks give a day, months a month, years a year);
* anaphoric phrases count from the date mentioned last at the needed precision (else the
  reference date): ``a day earlier``, ``the day before``, ``the year previous``,
  ``the month after``, ``the next day``, ``that day``, ``the day`` (``ending the day at
  8,017``), ``earlier in the week``, ``the previous year``, ``the same month a year
  ago``, ``the entire year`` (``a loss for the entire year``: that calendar year; also
  ``whole``/``full`` with a year, quarter or month), ``a second consecutive day``,
  ``the third straight week``, ``fourth week in a row`` (the period the report is
  about); ``that time`` (``by that time``) is the date or time mentioned last, nothing
  without one; ``the same period`` alone is the stretch mentioned just before it (a
  duration, or the time from a ``since`` date to the reference date: ``P5M``, APPROX),
  nothing without one; a clock time is on the date written
  right after it (``at 0900 on 26 March``, ``16:00 UTC today``), else on the day
  mentioned last, else on the reference date (``Z`` for UTC/GMT);
* ``recently``, ``recent days``, ``the past`` are PAST_REF; ``now``, ``currently``,
  ``these days``, ``this moment`` PRESENT_REF; ``coming days``, ``the future``, ``the
  near term`` FUTURE_REF. The adjectives ``recent`` and ``current`` are TimeML lexical
  triggers (as in HeidelTime, and mostly in MEANTIME): before a noun they are an
  expression of their own, the noun being the event (``recent blasts`` -> ``recent``
  PAST_REF, ``the current crisis`` -> ``current`` PRESENT_REF); not ``the most recent``
  (the latest), ``current account``, nor ``ongoing`` (no trigger).

Without a reference date, relative expressions are still found and typed but keep ``X``
values (``XXXX-WXX-5``, ``XXXX-05``, ``XXXX-XX-XX``, ``XXXX-SU``) or ``PAST_REF``, and
``anchor`` None: never guessed, never today's date. ``anchor`` is the date a value was
computed from (the reference date, or the date an anaphoric phrase refers to), None for
values written in full.

Modifiers (``mod``): START (``early August``, ``the beginning of April``), MID
(``mid-September``), END (``late 2016``, ``late on Friday``), LESS_THAN (``almost``,
``nearly``, ``less than``), MORE_THAN (``more than``, ``over`` before a number),
EQUAL_OR_MORE (``at least``), EQUAL_OR_LESS (``up to``, ``no more than``), APPROX
(``about``, ``around``, ``some``).

Durations and sets: ``four months`` P4M, ``three-year`` P3Y, ``six-year-long`` P6Y,
``for years`` PXY, ``decades`` PXDE, ``a decade`` P1DE, ``48 hours`` PT48H, ``the past
two weeks`` P2W; ``every year``, ``a year`` after a count (``15 a year``), ``daily``,
``weekly``, ``annual`` are SETs (P1Y, P1D, P1W). Ranges (``from May to September``,
``between 2014 and 2016``) are two DATEs, one per end, not one DURATION: each end keeps
its own value and span.

Not expressions: ages (``18-year-old``, ``in his early 30s``: the age of a person, not a
time of the events), unit names and numbers (``1st Marine Brigade``, ``Brigade 137``,
``Resolution 2254``, ``Route 66``, ``F-16``, ``Su-22``, ``Covid-19``, ``the Russell
2000 Index``), counts (``2009 people``), money, percentages, ``May`` the name and the
verb, ``march`` the verb and the noun, named days (``Black Monday``, ``Good Friday``),
newspaper names (``USA Today``, ``the daily Al-Watan``).

Speed: one regex over the lower-cased text finds the candidate heads (digits, month and
weekday names, unit words, ``today`` …); only there are the detailed patterns tried.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

from analysis_lib.numbers import TENS_WORDS, UNIT_WORDS
from analysis_lib.records import TimeExpr

__all__ = [
    "caption_date",
    "date_from_filename",
    "expand_year",
    "find_dates",
    "format_date",
    "infer_publication_date",
    "is_file_photo",
    "parse_date",
]

#: Month names and abbreviations (lower case) -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

#: Weekday names and abbreviations (lower case) -> ISO weekday (Monday 1 … Sunday 7).
WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed", "weds"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    start=1,
):
    for _name in _names:
        WEEKDAYS[_name] = _number

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))

#: The two-digit year pivot: ``YY`` >= 50 is 19YY, below is 20YY.
YEAR_PIVOT = 50

_WD = rf"(?:(?:{_WEEKDAY_RE})\.?,?\s+)"
_WD_AFTER = rf"(?:,?\s+(?:{_WEEKDAY_RE})\.?)"
_YEAR = r"(?P<year>\d{4}|['’]?\d{2})"
_DAY = r"(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?"
_MON = rf"(?P<month>{_MONTH_RE})\.?"
_CLOCK = (
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s+\(?[A-Z]{2,4}\)?)?)"
)

_ABSOLUTE_FORMS = [
    # January 11, 2010 Monday / Monday, January 11, 2010 / Sept. 5 / Aug 23, 88
    re.compile(rf"{_WD}?{_MON}\s*{_DAY}(?:\s*,?\s*{_YEAR})?{_WD_AFTER}?{_CLOCK}?", re.IGNORECASE),
    # 11 January 2010 / 23 Aug 88 / Monday 11 January 2010 / 11th of January
    re.compile(
        rf"{_WD}?{_DAY}\s+(?:of\s+)?{_MON},?(?:\s*{_YEAR})?{_WD_AFTER}?{_CLOCK}?",
        re.IGNORECASE,
    ),
    # September 2017 / Sept. '17
    re.compile(rf"{_MON},?\s+(?:of\s+)?(?P<year>\d{{4}}|['’]\d{{2}})", re.IGNORECASE),
    # 2017-09-22, 2017/09/22, 2017.09.22, 2017-09-22T10:30:00Z
    re.compile(
        r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
        r"(?:[T\s]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    ),
    # 2017-09
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})"),
    # 20170922
    re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})"),
    # 2017
    re.compile(r"(?P<year>\d{4})"),
]
#: 22/09/2017, 09/22/2017, 22.09.17: read only when unambiguous.
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4}|\d{2})")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_missing(value: object) -> bool:
    """None, an empty string, NaN or a pandas missing value (NA, NaT)."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(value, float) and value != value:
        return True
    return isinstance(value, str) and not value.strip()


def expand_year(text: str) -> int:
    """Year number from ``2017``, ``17``, ``'17`` or ``88`` (two digits pivot at 50).

    Example:
        >>> expand_year("88"), expand_year("'17"), expand_year("2017")
        (1988, 2017, 2017)
    """
    digits = text.lstrip("'’")
    number = int(digits)
    if len(digits) == 2:
        return number + (1900 if number >= YEAR_PIVOT else 2000)
    return number


def format_date(year: int | None, month: int, day: int | None) -> str | None:
    """TIMEX3 value of a (possibly partial) calendar date, or None if it is not real.

    Example:
        >>> format_date(2017, 9, 22), format_date(None, 9, 16), format_date(2017, 2, 30)
        ('2017-09-22', 'XXXX-09-16', None)
    """
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if 1 <= day <= _DAYS_IN_MONTH[month - 1] else None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_number(token: str) -> int:
    return int(token) if token.isdigit() else MONTHS[token.lower()]


def parse_date(text: str, *, year: int | str | None = None) -> str | None:
    """Read one absolute date as written in a header, dateline or caption.

    Args:
        text: the date alone (``January 11, 2010 Monday``, ``11 JAN 90``, ``Sept. 5``,
            ``2017-09-22``, ``September 2017``); surrounding spaces and a final period
            or comma are ignored, a trailing clock time (``10:32 AM GMT``) too.
        year: the year to use when the text gives none (``Sept 16`` -> ``2017-09-16``).

    Returns:
        An ISO date, a partial TIMEX3 value (``2017-09``, ``2017``, ``XXXX-09-16``), or
        None for text that is not one real date (garbage, ``31 February``, an ambiguous
        numeric date such as ``05/06/2017``).

    Example:
        >>> parse_date("January 11, 2010 Monday"), parse_date("23 Aug 88")
        ('2010-01-11', '1988-08-23')
        >>> parse_date("Sept 16"), parse_date("Sept 16", year=2017), parse_date("the army")
        ('XXXX-09-16', '2017-09-16', None)
    """
    if _is_missing(text):
        return None
    if not isinstance(text, str):
        raise TypeError(f"parse_date expects the date as text, got {type(text).__name__}: {text!r}")
    cleaned = " ".join(text.split()).strip(" ,;")
    if cleaned.endswith(".") and not re.search(rf"\b(?:{_MONTH_RE})\.$", cleaned, re.I):
        cleaned = cleaned[:-1]
    default_year = int(year) if year is not None else None
    for pattern in _ABSOLUTE_FORMS:
        m = pattern.fullmatch(cleaned)
        if m is None:
            continue
        groups = m.groupdict()
        found_year = expand_year(groups["year"]) if groups.get("year") else default_year
        if groups.get("month") is None:
            return f"{found_year:04d}" if 1000 <= found_year <= 2999 else None
        day = int(groups["day"]) if groups.get("day") else None
        return format_date(found_year, _month_number(groups["month"]), day)
    m = _NUMERIC_DATE.fullmatch(cleaned)
    if m is not None:
        a, b = int(m["a"]), int(m["b"])
        if (a > 12) == (b > 12):  # both could be the month (ambiguous), or neither can
            return None
        day, month = (a, b) if a > 12 else (b, a)
        return format_date(expand_year(m["year"]), month, day)
    return None


_FILENAME_DATE = re.compile(
    r"(?<![0-9A-Za-z])(?P<year>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<month>\d{2})(?P=sep)"
    r"(?P<day>\d{2})(?![0-9A-Za-z])"
)


def date_from_filename(name: str) -> str | None:
    """The date written in a file name, or None.

    Only ``YYYY-MM-DD``, ``YYYY_MM_DD``, ``YYYY.MM.DD`` and ``YYYYMMDD`` standing apart from
    other letters and digits count, so ids and hashes give nothing.

    Example:
        >>> date_from_filename("reuters_20170922.txt"), date_from_filename("000_65897b68137db2a4.txt")
        ('2017-09-22', None)
    """
    base = re.split(r"[\\/]", name)[-1]
    for m in _FILENAME_DATE.finditer(base):
        value = format_date(int(m["year"]), int(m["month"]), int(m["day"]))
        if value is not None:
            return value
    return None


#: Archive pictures: ``FILE PHOTO:``, ``…/File Photo``, ``archive image``, ``AFP PHOTO / FILES``.
_FILE_PHOTO = re.compile(
    r"\b(?:file|archive)[\s_-]*(?:photo|picture|image|pic|footage)s?\b|/\s*files?\s*(?:/|$)",
    re.IGNORECASE,
)
#: A full date (day, month and year) inside running text such as a photo caption.
_FULL_DATE_IN_TEXT = re.compile(
    rf"\b(?:(?P<month>{_MONTH_RE})\.?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*"
    rf"(?P<year>\d{{4}})|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month2>{_MONTH_RE})\.?,?\s+(?P<year2>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b",
    re.IGNORECASE,
)


def is_file_photo(caption: str) -> bool:
    """Whether a caption describes an archive picture (``FILE PHOTO: …``, ``…/File Photo``).

    Example:
        >>> is_file_photo("FILE PHOTO: A view shows Deir al-Zor, February 19, 2014. REUTERS/File Photo")
        True
    """
    return _FILE_PHOTO.search(caption) is not None


def caption_date(caption: str) -> str | None:
    """The date of the photo a caption describes (its last full date), or None.

    File photos give None: their date is the archive picture's, not the article's.

    Example:
        >>> caption_date("Troops patrol in Marawi, Philippines, September 8, 2017. REUTERS/Erik De Castro")
        '2017-09-08'
    """
    if _is_missing(caption) or is_file_photo(caption):
        return None
    found = None
    for m in _FULL_DATE_IN_TEXT.finditer(caption):
        if m["iso"]:
            value = parse_date(m["iso"])
        elif m["month"]:
            value = format_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
        else:
            value = format_date(int(m["year2"]), MONTHS[m["month2"].lower()], int(m["day2"]))
        found = value or found
    return found


def _closest_year(month_day: str, around: _dt.date) -> str:
    """``XXXX-MM-DD`` completed with the year (around's, or one either side) nearest ``around``."""
    month, day = int(month_day[5:7]), int(month_day[8:10])
    best = None
    for year in (around.year - 1, around.year, around.year + 1):
        value = format_date(year, month, day)
        if value is None:
            continue
        distance = abs((_dt.date.fromisoformat(value) - around).days)
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else f"{around.year:04d}{month_day[4:]}"


def infer_publication_date(
    *,
    dateline_date: str | None = None,
    caption: str | None = None,
    year: int | str | None = None,
) -> tuple[str | None, str | None]:
    """An article's publication date and where it came from, or ``(None, None)``.

    Args:
        dateline_date: the date part of the dateline (``Sept 16``, ``20 Aug 88``).
        caption: the article's photo caption, if any.
        year: the year known from elsewhere (file metadata, the dump's header).

    Returns:
        ``(value, date_source)``; see the module docstring for the order of evidence and
        the ``date_source`` strings.

    Example:
        >>> infer_publication_date(dateline_date="Sept 16", year=2017)
        ('2017-09-16', 'dateline (year given)')
        >>> infer_publication_date(caption="FILE PHOTO: Deir al-Zor, eastern Syria February 19, 2014. REUTERS/Khalil Ashawi/File Photo")
        (None, None)
    """
    photo = None if _is_missing(caption) else caption_date(caption)
    value = parse_date(dateline_date)
    if value is not None:
        if not value.startswith("XXXX"):
            return value, "dateline"
        if year is not None:
            return f"{int(year):04d}{value[4:]}", "dateline (year given)"
        if photo is not None and len(photo) == 10:
            return _closest_year(
                value, _dt.date.fromisoformat(photo)
            ), "dateline (year from caption)"
        return value, "dateline (year unknown)"
    if photo is not None:
        return photo, "caption"
    return None, None


# --- Temporal expressions ----------------------------------------------------------------
#
# find_dates scans the lower-cased text once with _TRIGGER (digits and the first word of
# every temporal head: month and weekday names, units, "today", "recent", seasons, …);
# only at those positions are the detailed patterns tried, extending right with regexes
# anchored at the head and left with regexes anchored at the head's start (search with
# endpos, pattern ending in $).

_TRIGGER = re.compile(
    r"\b(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|sec|min|hour|day|night|week|fortnight|quarter|year|decade|centur|to(?:day|night|morrow)"
    r"|yesterday|now|current|recent|lately|daily|annual|hourly|morning|afternoon|evening"
    r"|midnight|noon|past|future|spring|summer|autumn|fall|winter|term|moment|being|time)\w*"
)

_SMALL_NUMBERS = list(UNIT_WORDS)
_TENS_WORDS = list(TENS_WORDS)
_NUMBER_WORDS: dict[str, float] = {w: float(i) for i, w in enumerate(_SMALL_NUMBERS)}
_NUMBER_WORDS.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS_WORDS)})
_NUMBER_WORDS.update({"a": 1.0, "an": 1.0, "hundred": 100.0, "a hundred": 100.0})
_NUMBER_WORDS.update({"a dozen": 12.0, "dozen": 12.0, "a couple of": 2.0, "couple of": 2.0})
#: Quantities that give an ``X`` value: ``several years`` -> PXY.
_VAGUE_NUMBERS = frozenset(
    [
        "several",
        "a few",
        "few",
        "many",
        "some",
        "dozens of",
        "hundreds of",
        "thousands of",
        "a number of",
        "numerous",
    ]
)
_NUM = (
    r"\d+(?:\.\d+)?|(?:"
    + "|".join(_TENS_WORDS)
    + r")(?:[\s-](?:"
    + "|".join(_SMALL_NUMBERS[1:10])
    + r"))?|(?:"
    + "|".join(_SMALL_NUMBERS[1:])
    + r"|a\s+hundred|hundred|a\s+couple\s+of|couple\s+of|a\s+dozen|dozen|several|a\s+few|few|many"
    r"|dozens\s+of|hundreds\s+of|thousands\s+of|a\s+number\s+of|numerous)"
)

#: Unit words -> (TIMEX3 unit letter, is a clock unit, multiplier).
_UNITS: dict[str, tuple[str, bool, int]] = {}
for _word, _unit in (
    ("second", ("S", True, 1)),
    ("minute", ("M", True, 1)),
    ("hour", ("H", True, 1)),
    ("day", ("D", False, 1)),
    ("week", ("W", False, 1)),
    ("fortnight", ("W", False, 2)),
    ("month", ("M", False, 1)),
    ("quarter", ("Q", False, 1)),
    ("year", ("Y", False, 1)),
    ("decade", ("DE", False, 1)),
    ("century", ("CE", False, 1)),
):
    _UNITS[_word] = _unit
    _UNITS["centuries" if _word == "century" else _word + "s"] = _unit

_MODS = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "just under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
}
_EDGE_MODS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "dawn": "START",
    "late": "END",
    "end": "END",
    "mid": "MID",
    "middle": "MID",
}
_MODS_RE = "|".join(sorted((m.replace(" ", r"\s+") for m in _MODS), key=len, reverse=True))

_UNIT_LEFT = re.compile(
    r"(?<![\w'’.-])"
    r"(?:(?P<edgeof>the\s+(?:beginning|start|end|middle)\s+of)\s+"
    r"|(?P<inday>(?:late|early|earlier|later)\s+in)\s+)?"
    r"(?:(?P<edge>earlier|later|early|late)\s+)?"
    rf"(?:(?P<mod>{_MODS_RE})\s+)?"
    r"(?:(?P<det>the|these|those|this|that|a|an|its|their|his|her|our|every|each|per)\s+)?"
    r"(?:(?P<rel>past|last|next|coming|previous|preceding|following|first|final|recent|same|current"
    r"|early|late|whole|entire|full)\s+)?"
    rf"(?:(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half)?(?:\s*-\s*|\s+)"
    r"(?:(?:consecutive|straight|successive|more|full|long|whole|additional|further|other|trading"
    r"|working|business|calendar)\s+)?)?$"
)
_UNIT_RIGHT = re.compile(
    r"(?P<old>\s*-?\s*old\b)|(?P<long>-long\b)"
    r"|\s+(?P<rel>ago|earlier|later|from\s+now|before\s+that|before|after|previous|prior)\b"
)
_ORDINAL_LEFT = re.compile(
    r"(?<![\w'’.-])(?P<the>the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty\s+first|final|last)"
    r"(?:\s+|-)$"
)
_ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
}
_YEAR_AFTER = re.compile(
    r"\s+of\s+(?:(?P<year>\d{4})\b|(?P<rel>this|last|next)\s+year\b|(?P<the>the)\s+year\b)"
)

_MONTH_LEFT = re.compile(
    r"(?<![\w'’.-])(?:(?P<edgeof>the\s+(?:beginning|start|end|middle)\s+of)\s+"
    r"|(?P<edge>early|late|mid)(?:\s+|\s*-\s*)|(?P<rel>last|next|this|past|coming)\s+)$"
)
_MONTH_DAY_YEAR = re.compile(
    rf"(?P<month>{_MONTH_RE})(?P<dot>\.)?\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?![\d,.]?\d|\s*%|\s*-\s*(?:year|month|day|week|hour))"
    r"(?:\s*,?\s*(?P<year>\d{4})(?![\d,.]?\d))?"
)
_MONTH_YEAR = re.compile(
    rf"(?P<month>{_MONTH_RE})\.?,?\s+(?:of\s+)?(?P<year>\d{{4}}|['’]\d{{2}})(?![\d,.]?\d|\s*%)"
)
_MONTH_WORD = re.compile(rf"(?P<month>{_MONTH_RE})\b\.?")
#: Words before a bare month that make it a date (``in May``, ``since March``).
_MONTH_PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "through",
        "during",
        "before",
        "after",
        "of",
        "between",
        "and",
        "or",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "past",
        "coming",
    ]
)
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "sun", "august", "aug"})
_PREV_WORD = re.compile(r"(?<![\w'’])([a-z]+)\s*-?\s*$")

_DAY_MONTH = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<month>{_MONTH_RE})\b(?P<dot>\.)?"
    r"(?:\s*,?\s*(?P<year>\d{4}|['’]\d{2}|\d{2}(?=\s|$|[,.;:)]))(?![\d,.]?\d))?"
)
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")
_NUMERIC_IN_TEXT = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})(?![\d/.]\d|\d)"
)
_TIMEZONES = r"gmt|utc|z|est|edt|cet|cest|bst|pst|pdt|local\s+time|msk|ast"
_CLOCK_IN_TEXT = re.compile(
    r"(?P<hour>\d{1,2})(?:(?P<sep>[:.])(?P<minute>\d{2}))?(?![\d%])\s*"
    r"(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)?"
    rf"(?:\s*\(?\s*(?P<tz>{_TIMEZONES})\b\)?)?"
)
_MILITARY_CLOCK = re.compile(
    rf"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?P<tz>{_TIMEZONES}|hrs|hours)\b"
)
#: ``at 0530``, ``AT 1900,``: a four-digit clock time after "at" (wire copy), not a count.
_AT_CLOCK = re.compile(r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?![\d,.]\d|\s+[a-z]+s\b)")
_YEAR_NUMBER = re.compile(
    r"(?P<year>\d{4})(?P<decade>s\b|['’]s\b)?(?![\d,.]?\d|\w|\s*%|\s*-\s*[a-z])"
)
_AGE_DECADE_BEFORE = re.compile(
    r"\b(?:his|her|their|its|my|your|our)\s+(?:(?:early|late|mid)[\s-]+)?$"
)
_SHORT_DECADE = re.compile(r"(?P<digits>\d0)s\b")
#: Words right before a number that make it a label, not a year (``Resolution 2254``).
_LABEL_WORDS = frozenset(
    [
        "resolution",
        "resolutions",
        "route",
        "highway",
        "road",
        "flight",
        "flights",
        "no",
        "no.",
        "number",
        "brigade",
        "division",
        "battalion",
        "regiment",
        "unit",
        "room",
        "article",
        "articles",
        "chapter",
        "section",
        "paragraph",
        "page",
        "pages",
        "code",
        "model",
        "law",
        "decree",
        "order",
        "cell",
        "platform",
        "gate",
        "bus",
        "apartment",
        "block",
        "building",
        "post",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "level",
        "su",
        "mig",
        "f",
        "type",
        "version",
        "vol",
        "volume",
        "issue",
        "case",
        "file",
        "exit",
        "bay",
        "site",
        "zone",
        "sector",
        "camp",
        "district",
        "box",
        "line",
        "lines",
        "serial",
        "tail",
        "hull",
        "pier",
    ]
)
#: Words right after a four-digit number that make it a count (``2009 people``).
_COUNT_AFTER = re.compile(
    r"\s+(?:(?P<plural>[a-z]{2,}[^\Wsu]s)|people|men|women|children|police|personnel|staff|militia"
    r"|strong|more|other|others|of|out|to\s+\d|or\s+so|and\s+\d|metres|meters|feet|km|kg|tons"
    r"|tonnes)\b"
)
#: Words in -s after a number that are not plural nouns (``in 2006 was``).
_NOT_PLURAL = frozenset(
    "this thus does its his hers ours yours theirs always perhaps towards afterwards besides "
    "whereas sometimes nevertheless regardless".split()
)
#: Words right before a four-digit number that make it a year despite a noun after it.
_YEAR_PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "through",
        "during",
        "before",
        "after",
        "between",
        "and",
        "or",
        "early",
        "late",
        "mid",
        "of",
        "around",
        "circa",
        "the",
        "since",
    ]
)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥#]|\b(?:us|usd|eur|rs|rmb|yuan|aed))\s*$")

_WEEKDAY_LEFT = re.compile(
    r"(?<![\w'’.-])(?:(?P<edge>late|early)\s+(?:on\s+)?|(?P<rel>last|next|this|coming|past|every|each)\s+)$"
)
_PART_OF_DAY = re.compile(r"\s+(?P<part>morning|afternoon|evening|night)\b")
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_LEFT = re.compile(
    r"(?<![\w'’.-])(?:(?P<edge>early|late|mid)(?:\s+|\s*-\s*))?"
    r"(?:(?P<rel>this|last|next|past|coming)\s+|(?P<the>the)\s+|(?P<prep>in|during|since|until|by|over|through)\s+)$"
)
_SEASON_YEAR = re.compile(r"\s+(?:of\s+)?(?P<year>\d{4})(?!\d)")

_TENSE_MARK = re.compile(
    r"\b(?:(?P<fut>will|won't|wo\s+n't|shall|would|could|might|'ll|’ll|is\s+to|are\s+to|am\s+to"
    r"|was\s+to|were\s+to|due|scheduled|expected|set\s+to|plans?\s+to|planned|planning|intends?"
    r"|intended|going\s+to|next|upcoming|until|till|to\s+be\s+held|aims?\s+to|hopes?\s+to"
    r"|should|must|wants?\s+to|needs?\s+to|seeks?\s+to|to\s+be\s+completed|forecasts?|may)"
    r"|(?P<now>says|tells|has|have|is|are)"
    r"|(?P<past>said|told|was|were|had|did|ago|last|earlier|took|came|went"
    r"|began|fought|met|held|gave|made|sent|left|struck|shot|found|broke|won|lost|fell|rose|saw"
    r"|spoke|wrote|ran|drove|flew|knew|brought|caught|sought|stood|got|became|overran|withdrew"
    r"|kept|felt|heard|paid|built|spent|fled|stole|chose|threw|grew|blew|drew|shook|hid|rode"
    r"|sank|hit|put|set|cut|shut|cast|spread|hurt|burst)|(?P<weak>\w{3,}ed))\b"
)
#: Words in -ed that are not past verbs (or are adjectives in news): they mark no tense.
_NOT_PAST = frozenset(
    [
        "hundred",
        "indeed",
        "need",
        "speed",
        "proceed",
        "succeed",
        "exceed",
        "feed",
        "seed",
        "bleed",
        "breed",
        "armed",
        "based",
        "backed",
        "united",
        "called",
        "alleged",
        "suspected",
        "unidentified",
        "unnamed",
        "wanted",
        "red",
        "bed",
        "shed",
    ]
)
#: Where the clause that gives an expression its tense begins or ends.
#: Where the clause that gives an expression its tense begins or ends: a full stop (see
#: _not_a_full_stop), ``;``, ``but``/``while``/``although``, a blank line, a line break
#: before a capital.
_CLAUSE_BREAK = re.compile(
    r"[.!?](?=[\s\"”’])|\n\s*\n|;\s|,?\s(?i:but|while|whereas|although|though)\s|\n(?=\s*[A-Z])"
)
#: In text written in capitals every line starts with a capital: only blank lines count
#: there, since wire copy is wrapped at a fixed width, and a line holding a date alone
#: (``MAY 29, 2011``: a header, never inside a sentence).
_CLAUSE_BREAK_CAPS = re.compile(
    r"[.!?](?=[\s\"”’])|\n\s*\n|;\s|,?\s(?i:but|while|whereas|although|though)\s"
    rf"|\n[^\S\n]*(?i:{_MONTH_RE})\.?[^\S\n]+\d{{1,2}}[^\S\n]*,?[^\S\n]*\d{{4}}[^\S\n]*(?=\n)"
)
#: A period after an initial (U.S.), a title or a month abbreviation does not end a clause.
_ABBREVIATION_BEFORE = re.compile(
    r"(?:^|\W)(?:[a-z]|mr|ms|dr|st|no|gen|col|lt|sgt|capt|maj|jan|feb|mar|apr|jun|jul"
    r"|aug|sep|sept|oct|nov|dec)$"
)


def _not_a_full_stop(low: str, m: re.Match[str]) -> bool:
    at = m.start()
    return low[at] == "." and _ABBREVIATION_BEFORE.search(low, max(0, at - 6), at) is not None


#: A modal or ``to`` right before a past form makes it future: ``will be held``, ``to be put``.
_MODAL_BEFORE = re.compile(
    r"\b(?P<modal>will|would|shall|'ll|’ll|could|might|may|should|must|can)\s+"
    r"(?:(?:not|be|have|been|also|then|now)\s+){0,2}$"
)

#: ``has``/``have`` right before a past form makes it a present perfect: ``has announced``.
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have)\s+(?:(?:not|also|already|just|now|since|recently|been)\s+){0,2}$"
)


class _Found(NamedTuple):
    start: int
    end: int
    type: str
    value: str
    anchor: str | None = None
    mod: str | None = None


_LOWER_LETTER = re.compile(r"[a-z]")
_SENTENCE_OPENERS = frozenset(".!?\n\"“‘'(:;")


def _as_reference(reference_date: object) -> _dt.date | None:
    """``datetime.date`` from an ISO string or a date; None for missing or partial values."""
    if _is_missing(reference_date):
        return None
    if isinstance(reference_date, _dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, _dt.date):
        return reference_date
    if isinstance(reference_date, str):
        value = reference_date.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", value):
            try:
                return _dt.date.fromisoformat(value[:10])
            except ValueError:
                pass
        elif value == "" or re.fullmatch(r"[\dX]{4}(?:-[\dX]{2}(?:-[\dX]{2})?)?", value):
            return None  # a partial publication date (XXXX-09-16, 2017-09): no day to anchor on
    raise ValueError(
        f"reference_date must be an ISO date such as '2017-09-25' or a datetime.date, "
        f"got {reference_date!r}"
    )


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    years, index = divmod(month - 1 + months, 12)
    return year + years, index + 1


def _week_value(day: _dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _unit_value(day: _dt.date, unit: str, shift: int) -> str:
    """TIMEX3 value of the ``unit`` containing ``day`` moved by ``shift`` units."""
    if unit == "D":
        return (day + _dt.timedelta(days=shift)).isoformat()
    if unit == "W":
        return _week_value(day + _dt.timedelta(weeks=shift))
    if unit == "WE":
        return _week_value(day + _dt.timedelta(weeks=shift)) + "-WE"
    if unit == "M":
        year, month = _shift_month(day.year, day.month, shift)
        return f"{year:04d}-{month:02d}"
    if unit == "Q":
        index = day.year * 4 + (day.month - 1) // 3 + shift
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "Y":
        return f"{day.year + shift:04d}"
    if unit == "DE":
        return f"{day.year // 10 + shift:03d}"
    if unit == "CE":
        return f"{day.year // 100 + shift:02d}"
    raise ValueError(unit)


_UNRESOLVED = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX"}
_UNRESOLVED.update({"Q": "XXXX-QX", "Y": "XXXX", "DE": "XXX", "CE": "XX"})


def _weekday_date(ref: _dt.date, weekday: int, how: str) -> _dt.date:
    """The ``weekday`` (ISO number) seen from ``ref``.

    ``how``: past (on or before), last (before), future (on or after), next (after), this
    (the same ISO week).
    """
    back = (ref.isoweekday() - weekday) % 7
    ahead = (weekday - ref.isoweekday()) % 7
    if how == "past":
        return ref - _dt.timedelta(days=back)
    if how == "last":
        return ref - _dt.timedelta(days=back or 7)
    if how == "future":
        return ref + _dt.timedelta(days=ahead)
    if how == "next":
        return ref + _dt.timedelta(days=ahead or 7)
    return ref + _dt.timedelta(days=weekday - ref.isoweekday())  # this: the same ISO week


def _month_year(ref: _dt.date, month: int, how: str) -> int:
    """The year of ``month`` seen from ``ref``: past (on or before), last, future, next, this."""
    if how == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if how == "last":
        return ref.year if month < ref.month else ref.year - 1
    if how == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if how == "next":
        return ref.year if month > ref.month else ref.year + 1
    return ref.year


def _number_value(words: str) -> float | None:
    """Value of a number as written (``27``, ``four``, ``twenty-five``); None when vague."""
    words = " ".join(words.split())
    if words[0].isdigit():
        return float(words)
    if words in _VAGUE_NUMBERS:
        return None
    if words in _NUMBER_WORDS:
        return _NUMBER_WORDS[words]
    parts = re.split(r"[\s-]", words)
    return sum(_NUMBER_WORDS.get(p, 0.0) for p in parts)


def _format_amount(amount: float | None) -> str:
    if amount is None:
        return "X"
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _duration(amount: float | None, unit: str, is_clock: bool, factor: int = 1) -> str:
    if amount is not None:
        amount *= factor
    return ("PT" if is_clock else "P") + _format_amount(amount) + unit


_RANKS = {"CE": 0, "DE": 0, "Y": 1, "Q": 2, "M": 3, "W": 4, "WE": 4, "D": 5}
_POINT = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])))?")


def _point_of(value: str) -> tuple[_dt.date, int] | None:
    """(first day, precision rank) of a resolved DATE or TIME value."""
    m = _POINT.match(value)
    if m is None:
        return None
    year = int(m[1])
    try:
        if m[3]:
            return _dt.date(year, int(m[2]), int(m[3])), _RANKS["D"]
        if m[2]:
            return _dt.date(year, int(m[2]), 1), _RANKS["M"]
        if m[4]:
            return _dt.date.fromisocalendar(year, int(m[4]), 1), _RANKS["W"]
        if m[5]:
            return _dt.date(year, 3 * int(m[5]) - 2, 1), _RANKS["Q"]
        return _dt.date(year, 1, 1), _RANKS["Y"]
    except ValueError:
        return None


_FUTURE_FORM = object()  # a past form after a modal: "will be held"


class _Scan:
    """State of one find_dates call: the text, what was found, the last day mentioned."""

    __slots__ = (
        "clock",
        "end",
        "found",
        "last_day",
        "low",
        "points",
        "ref",
        "ref_iso",
        "text",
        "weekday",
    )

    def __init__(self, text: str, low: str, ref: _dt.date | None) -> None:
        self.text = text
        self.low = low
        self.ref = ref
        self.ref_iso = ref.isoformat() if ref else None
        self.found: list[_Found] = []
        self.end = 0
        self.last_day: _dt.date | None = None
        self.points: dict[int, tuple[int, _dt.date]] = {}  # precision rank -> (order, day)
        self.clock: int | None = None  # a clock time waiting for "on 26 March" after it
        self.weekday: tuple[int, int] | None = None  # a weekday waiting for ", Dec. 26"

    def add(self, start: int, end: int, type_: str, value: str, anchor=None, mod=None) -> None:
        if self.clock is not None:
            clock, self.clock = self.found[self.clock], None
            if type_ == "DATE" and len(value) == 10 and start - clock.end <= 8:
                time = f"{value}{clock.value[clock.value.index('T') :]}"  # at 0900 on 26 March
                self.found[-1] = clock._replace(
                    value=time, anchor=None if anchor is None else anchor
                )
        if self.weekday is not None:
            (day_start, day_end), self.weekday = self.weekday, None
            if type_ == "DATE" and len(value) == 10 and start - day_end <= 4:
                start = day_start  # Monday, Dec. 26: one expression
        self.found.append(_Found(start, end, type_, value, anchor, mod))
        self.end = end
        if type_ in ("DATE", "TIME") and value[:4].isdigit():
            point = _point_of(value)
            if point is not None:
                self.points[point[1]] = (len(self.found), point[0])
                if point[1] == _RANKS["D"]:
                    self.last_day = point[0]

    def left(self, pattern: re.Pattern[str], start: int, span: int = 60) -> re.Match[str]:
        """``pattern`` (ending in ``$``) matched just before ``start``, after what was found."""
        return pattern.search(self.low, max(self.end, start - span), start)  # type: ignore[return-value]

    def skip_to(self, end: int) -> None:
        """Mark text as read (an age, a label) so that no later head starts inside it."""
        self.end = max(self.end, end)

    def caps(self, start: int, end: int) -> bool:
        """Whether the text around is written in capitals (wire copy, translated bulletins)."""
        return _LOWER_LETTER.search(self.text, max(0, start - 30), end + 30) is None

    def sentence_initial(self, start: int) -> bool:
        before = self.text[max(0, start - 3) : start].rstrip(" ")
        return not before or before[-1] in _SENTENCE_OPENERS

    def anaphor_day(self) -> _dt.date | None:
        """The day that anaphoric phrases (``the same day``) refer to."""
        return self.last_day or self.ref

    def anaphor(self, unit: str) -> _dt.date | None:
        """A day in the period last mentioned at ``unit`` precision or finer, else the reference.

        ``the previous year`` after ``sales fell in January`` (2009-01) is 2008.
        """
        needed = _RANKS.get(unit, 0)
        latest = max((v for k, v in self.points.items() if k >= needed), default=None)
        return latest[1] if latest is not None else self.ref

    def tense(self, start: int, end: int) -> str:
        """``future``, ``past``, ``present`` or ``unknown`` for an expression's sentence.

        The nearest tense word before the expression decides (``will``, ``is to``,
        ``expected``, ``next`` against ``said``, ``was``, ``took``, …); a participle in
        ``-ed`` only when the sentence has no such word before; a present form (``has``,
        ``says``, ``is``) only when there is nothing else before; otherwise the first
        future or past word after the expression. Callers read ``present`` and
        ``unknown`` as past for weekdays and months (news reports what happened).
        """
        low = self.low
        breaks = _CLAUSE_BREAK_CAPS if self.caps(start, end) else _CLAUSE_BREAK
        begin = max(0, start - 200)
        for m in breaks.finditer(self.text, begin, start):
            if not _not_a_full_stop(low, m):
                begin = m.end()
        mark = weak = now = None
        for m in _TENSE_MARK.finditer(low, begin, start):
            if not self.counts_as_tense(m, start):
                continue
            if (m["past"] or m["weak"]) and self.after_modal(m.start()):
                mark = _FUTURE_FORM  # will be held, could be put
            elif (m["past"] or m["weak"]) and self.after_perfect(m.start()):
                now = m  # has announced, have been held: a present perfect
            elif m["weak"]:
                weak = m
            elif m["now"]:
                now = m
            else:
                mark = m
        mark = mark or weak  # a verb in -ed only when no auxiliary or common verb says more
        if mark is None and now is not None:
            return "present"
        if mark is None:
            stop = min(len(low), end + 200)
            for m in breaks.finditer(self.text, end, stop):
                if not _not_a_full_stop(low, m):
                    stop = m.start()
                    break
            for m in _TENSE_MARK.finditer(low, end, stop):
                if not m["now"] and self.counts_as_tense(m, -1):
                    mark = m
                    if (m["past"] or m["weak"]) and self.after_modal(m.start()):
                        mark = _FUTURE_FORM
                    break
        if mark is None:
            return "unknown"
        return "future" if mark is _FUTURE_FORM or mark["fut"] else "past"

    def direction(self, start: int, end: int) -> str:
        """``future`` for a future sentence, else ``past`` (present and unknown included)."""
        return "future" if self.tense(start, end) == "future" else "past"

    def after_modal(self, start: int) -> bool:
        """Whether a modal verb (not Theresa May) comes right before ``start``."""
        m = _MODAL_BEFORE.search(self.low, max(0, start - 30), start)
        return m is not None and (
            m["modal"] != "may"
            or self.text[m.start("modal")] == "m"
            or _MAY_MODAL.match(self.low, m.end("modal")) is not None
        )

    def after_perfect(self, start: int) -> bool:
        """Whether ``has``/``have`` comes right before ``start`` (a present perfect)."""
        return _PERFECT_BEFORE.search(self.low, max(0, start - 30), start) is not None

    def counts_as_tense(self, m: re.Match[str], expression_start: int) -> bool:
        """Whether a tense word found by _TENSE_MARK is one here."""
        low, word = self.low, m.group()
        if m["past"] or m["weak"]:
            return word not in _NOT_PAST and low[m.start() - 1 : m.start()] != "-"
        if word in ("until", "till"):  # "closed until Friday": only right before the expression
            return expression_start >= 0 and low[m.end() : expression_start].strip() in ("", "on")
        if word == "may":  # the modal: in lower case, or before its verb (MAY BE); not May
            return self.text[m.start()] == "m" or _MAY_MODAL.match(low, m.end()) is not None
        return True


def _prev_word(scan: _Scan, start: int) -> str:
    m = _PREV_WORD.search(scan.low, max(0, start - 20), start)
    return m.group(1) if m else ""


def _resolve_day(
    scan: _Scan, month: int, day: int, year: int | None, start: int, end: int
) -> tuple[str | None, str | None]:
    """Value and anchor of a day-and-month date; without a year in the text, the year
    that puts it on or before the reference date (past tense) or on or after it (future)."""
    if year is not None:
        return format_date(year, month, day), None
    partial = format_date(None, month, day)
    ref = scan.ref
    if partial is None or ref is None:
        return partial, None
    tense = scan.tense(start, end)
    if tense not in ("future", "past"):
        return _closest_year(partial, ref), scan.ref_iso  # "has a June 1 deadline"
    step = 1 if tense == "future" else -1
    if step == 1:
        year = ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    else:
        year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    while format_date(year, month, day) is None:  # February 29: the nearest leap year
        year += step
    return format_date(year, month, day), scan.ref_iso


def _left_edge(scan: _Scan, start: int) -> tuple[int, str | None, str | None]:
    """(start, mod, relation) from ``early``/``mid-``/``the end of``/``last`` before a head."""
    m = scan.left(_MONTH_LEFT, start, 30)
    if m is None or m.start() == start:
        return start, None, None
    if m["edgeof"]:
        return m.start(), _EDGE_MODS[m["edgeof"].split()[1]], None
    if m["edge"]:
        return m.start(), _EDGE_MODS[m["edge"]], None
    return m.start(), None, m["rel"]


# --- handlers, one per kind of head word --------------------------------------------------


def _digits(scan: _Scan, s: int) -> None:
    """Expressions led by digits: ISO and numeric dates, clock times, ``22 September``,
    decades, years (the rest of the number ``1,500``, labels and counts are skipped)."""
    low = scan.low
    prev = low[s - 1] if s else " "
    if prev == "-":
        if not (low[s - 4 : s] == "mid-" or (s >= 5 and low[s - 5 : s - 1].isdigit())):
            return  # F-16, Su-22, Covid-19: part of a name
    elif prev in "/.,:" and s >= 2 and low[s - 2].isdigit():
        return  # the rest of a bigger number (1,500) or of a date read already
    elif prev in "'’":
        _short_year(scan, s)
        return
    if _MONEY_BEFORE.search(low, max(0, s - 5), s):
        return
    m = _ISO_DATE.match(low, s)
    if m:
        value = format_date(int(m["year"]), int(m["month"]), int(m["day"]))
        if value:
            scan.add(s, m.end(), "DATE", value)
        return
    m = _NUMERIC_IN_TEXT.match(low, s)
    if m:
        _numeric_date(scan, s, m)
        return
    if _clock_digits(scan, s):
        return
    m = _DAY_MONTH.match(low, s)
    if m:
        _day_month(scan, s, m)
        return
    m = _SHORT_DECADE.match(low, s)
    if m and _decade_digits(scan, s, m):
        return
    m = _YEAR_NUMBER.match(low, s)
    if m:
        _year(scan, s, m)


def _clock_digits(scan: _Scan, s: int) -> bool:
    """``18:00 UTC``, ``6:40 p.m.``, ``0800 GMT``, ``at 0530``; True when digits were used."""
    low = scan.low
    m = _MILITARY_CLOCK.match(low, s)
    if m is None and _prev_word(scan, s) == "at":
        m = _AT_CLOCK.match(low, s)
    if m:
        _clock(scan, s, m.end(), int(m["hour"]), int(m["minute"]), m.groupdict().get("tz"))
        return True
    m = _CLOCK_IN_TEXT.match(low, s)
    if m is None:
        return False
    if not m["tz"] and low[m.end() : m.end() + 1] == ":":
        scan.skip_to(m.end())
        return True  # 0:00:30 in a video player: a length, not a time of day
    if not (m["ampm"] or (m["sep"] == ":" and m["minute"])):
        return False
    hour = int(m["hour"])
    if m["ampm"]:
        if not 1 <= hour <= 12:
            return True
        hour = hour % 12 + (12 if m["ampm"].startswith("p") else 0)
    if hour <= 24 and int(m["minute"] or 0) < 60:
        end = m.end("tz") if m["tz"] else m.end("ampm") if m["ampm"] else m.end("minute")
        if m["tz"] and scan.text[end : end + 1] == ")":
            end += 1
        _clock(scan, s, end, hour, int(m["minute"] or 0), m["tz"])
    return True


def _decade_digits(scan: _Scan, s: int, m: re.Match[str]) -> bool:
    """``the 80s``, ``the 70s and 80s`` (not ``in his early 30s``, an age)."""
    low = scan.low
    if _AGE_DECADE_BEFORE.search(low, max(0, s - 25), s):
        scan.skip_to(m.end())
        return True
    before = _prev_word(scan, s)
    after_decade = bool(scan.found) and len(scan.found[-1].value) == 3
    if not (
        before in ("the", "early", "late", "mid", "of")
        or (before in ("and", "or", "to") and after_decade)
    ):
        return False
    start, mod, _ = _left_edge(scan, s)
    if low[max(scan.end, start - 4) : start] == "the ":
        start -= 4
    scan.add(start, m.end(), "DATE", f"{expand_year(m['digits']) // 10:03d}", None, mod)
    return True


def _numeric_date(scan: _Scan, s: int, m: re.Match[str]) -> None:
    a, b, year = int(m["a"]), int(m["b"]), expand_year(m["year"])
    if a > 12 and b <= 12:
        value = format_date(year, b, a)
    elif b > 12 and a <= 12:
        value = format_date(year, a, b)
    elif a <= 12 and b <= 12 and m["sep"] == "/":
        value = _nearest_reading(scan.ref, year, a, b)  # 7/8/07: day and month could swap
    else:
        value = None
    if value:
        scan.add(s, m.end(), "DATE", value)


def _nearest_reading(ref: _dt.date | None, year: int, a: int, b: int) -> str:
    """An ambiguous numeric date read as the reading nearer the reference (``YYYY-XX-XX``
    without one): news dates lie near the day of publication."""
    readings = [v for v in (format_date(year, a, b), format_date(year, b, a)) if v]
    if ref is None or not readings:
        return f"{year:04d}-XX-XX"
    return min(readings, key=lambda v: abs((_dt.date.fromisoformat(v) - ref).days))


_CLOCK_DAY = re.compile(
    rf"\s*,?\s+(?P<day>today|tonight|yesterday|tomorrow|(?:{'|'.join(n for n in WEEKDAYS if len(n) > 5)}))\b"
)


_ON_DATE_AHEAD = re.compile(
    rf",?\s+(?:on\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b|(?:{_MONTH_RE})\.?\s+\d)"
)


def _clock(scan: _Scan, s: int, end: int, hour: int, minute: int, tz: str | None) -> None:
    """A clock time on the day named right after it (``16:00 UTC today``, ``12:00 UTC
    Monday``), else on the day last mentioned, else on the reference date."""
    day = scan.last_day or scan.ref
    m = _CLOCK_DAY.match(scan.low, end)
    if m is not None:
        word = m["day"]
        end = m.end()
        if scan.ref is None:
            day = None
        elif word in _DAY_WORDS:
            day = scan.ref + _dt.timedelta(days=_DAY_WORDS[word])
        else:
            day = _weekday_date(scan.ref, WEEKDAYS[word], scan.direction(s, end))
    zone = "Z" if tz in ("gmt", "utc", "z") else ""
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    anchor = day.isoformat() if day else None
    scan.add(s, end, "TIME", f"{prefix}T{hour:02d}:{minute:02d}{zone}", anchor)
    if m is None and _ON_DATE_AHEAD.match(scan.low, end):
        scan.clock = len(scan.found) - 1  # the date comes next: "at 0900 on 26 March"


def _day_month(scan: _Scan, s: int, m: re.Match[str]) -> None:
    word = m["month"]
    text = scan.text
    if word in _AMBIGUOUS_MONTHS and text[m.start("month")].islower() and not scan.caps(s, m.end()):
        return  # "5 may": the verb, in mixed-case text
    year = None
    if m["year"]:
        short = m["year"].lstrip("'’")
        if len(short) == 2 and not (len(word) <= 4 or m["year"][0] in "'’"):
            year = None  # a two-digit year only after an abbreviated month (13 JAN 90)
            end = m.end("dot") if m["dot"] else m.end("month")
        else:
            year = expand_year(m["year"])
            end = m.end()
    else:
        end = m.end("month")
    value, anchor = _resolve_day(scan, MONTHS[word], int(m["day"]), year, s, end)
    if value:
        scan.add(s, end, "DATE", value, anchor)


def _year(scan: _Scan, s: int, m: re.Match[str]) -> None:
    low = scan.low
    year = int(m["year"])
    if not 1900 <= year <= 2099 and not (
        1000 <= year < 1900 and _prev_word(scan, s) in ("in", "since", "of", "by")
    ):
        return
    before = _prev_word(scan, s)
    if before in _LABEL_WORDS or low[max(0, s - 4) : s].rstrip().endswith(("no.", "#")):
        return
    if m["decade"]:
        if year % 10:
            return
        start = s
        lm = re.search(
            r"(?<![\w-])(?:the\s+)?(?:(early|late|mid)[\s-]+)?$", low[max(scan.end, s - 20) : s]
        )
        mod = None
        if lm and lm.group():
            start = s - len(lm.group())
            mod = _EDGE_MODS[lm.group(1)] if lm.group(1) else None
        scan.add(start, m.end(), "DATE", f"{year // 10:03d}", None, mod)
        return
    count = _COUNT_AFTER.match(low, m.end())
    if before not in _YEAR_PREPS and count and count["plural"] not in _NOT_PLURAL:
        return  # 2009 people, 2000 fighters
    if _between_names(scan, s, m.end()):
        return  # the Russell 2000 Index, Windows 2000 Server: a name
    start, mod, _ = _left_edge(scan, s)
    scan.add(start, m.end(), "DATE", f"{year:04d}", None, mod)


def _between_names(scan: _Scan, s: int, e: int) -> bool:
    """Whether a number stands between two capitalized words of mixed-case text."""
    text = scan.text
    before = text[max(0, s - 20) : s].split()
    after = text[e : e + 20].split("\n")[0].split()
    if not before or not after or scan.caps(s, e):
        return False
    word = before[-1].strip('(“"')
    return (
        word[:1].isupper()
        and word.lower() not in MONTHS
        and word.lower() not in _YEAR_PREPS
        and after[0][:1].isupper()
        and not scan.sentence_initial(s - len(before[-1]) - 1)
    )


def _short_year(scan: _Scan, s: int) -> None:
    """``the '90s`` (decade ``199``), ``since '82`` (``1982``)."""
    low = scan.low
    m = _SHORT_DECADE.match(low, s)
    if m:
        start = s - 1
        if low[max(0, start - 4) : start] == "the ":
            start -= 4
        decade = expand_year(m["digits"]) // 10
        scan.add(start, m.end(), "DATE", f"{decade:03d}")
        return
    m = re.compile(r"\d{2}(?![\w%]|[.,]\d)").match(low, s)
    if m and _prev_word(scan, s - 1) in ("since", "in", "of", "until", "by"):
        scan.add(s - 1, m.end(), "DATE", f"{expand_year(m.group()):04d}")


def _month(scan: _Scan, s: int, e: int, word: str) -> None:
    text, low = scan.text, scan.low
    month = MONTHS[word]
    mixed_lower = text[s].islower() and not scan.caps(s, e)
    ambiguous = word in _AMBIGUOUS_MONTHS
    m = _MONTH_DAY_YEAR.match(low, s)
    if m and m.end("month") == e and not (ambiguous and mixed_lower):
        year = int(m["year"]) if m["year"] else None
        value, anchor = _resolve_day(scan, month, int(m["day"]), year, s, m.end())
        if value:
            scan.add(s, m.end(), "DATE", value, anchor)
        return
    m = _MONTH_YEAR.match(low, s)
    if m and m.end("month") == e and not (ambiguous and mixed_lower):
        start, mod, _ = _left_edge(scan, s)
        scan.add(start, m.end(), "DATE", f"{expand_year(m['year']):04d}-{month:02d}", None, mod)
        return
    m = _MONTH_REL_YEAR.match(low, e)
    if m and not (ambiguous and mixed_lower):
        # "October next year" is one expression; in "October of next year" the month and
        # the year it names are two (MEANTIME, HeidelTime), "next year" read at its unit
        start, mod, _ = _left_edge(scan, s)
        end = e if m["of"] else m.end()
        if scan.ref is None:
            scan.add(start, end, "DATE", f"XXXX-{month:02d}", None, mod)
        else:
            year = scan.ref.year + {"this": 0, "last": -1, "next": 1}[m["rel"]]
            scan.add(start, end, "DATE", f"{year:04d}-{month:02d}", scan.ref_iso, mod)
        return
    if len(word) <= 4 and word not in ("may", "june", "july"):
        return  # abbreviations only with a day or a year
    if mixed_lower and (ambiguous or word == "august"):
        return  # may, march, august: verbs and adjectives in mixed-case text
    if word == "may" and _MAY_MODAL.match(low, e):
        return  # "THIS MAY HAVE AN IMPACT": the modal, in text written in capitals
    start, mod, rel = _left_edge(scan, s)
    if ambiguous and start == s:
        before = _prev_word(scan, s)
        if before not in _MONTH_PREPS:
            return  # Theresa May, May said, the march on Raqqa
        if before in ("and", "or", "to", "through", "between") and not _after_month(scan, s):
            return  # talked to May
        if _NOT_MONTH_AFTER.match(low, e):
            return
    if scan.ref is None:
        scan.add(start, e, "DATE", f"XXXX-{month:02d}", None, mod)
        return
    how = {"this": "this", "last": "last", "past": "last", "next": "next", "coming": "next"}.get(
        rel or ""
    ) or scan.direction(s, e)
    year = _month_year(scan.ref, month, how)
    scan.add(start, e, "DATE", f"{year:04d}-{month:02d}", scan.ref_iso, mod)


_MONTH_REL_YEAR = re.compile(r"\.?,?\s+(?:(?P<of>of)\s+)?(?P<rel>this|last|next)\s+year\b")
#: Words after ``may`` that make it the modal verb whatever its case (``MAY BE SIGNED``).
_MAY_MODAL = re.compile(
    r"\s+(?:be|have|not|also|well|never|soon|still|even|yet|only|already|need|take|become)\b"
)
_NOT_MONTH_AFTER = re.compile(r"['’]s\b|\s+(?:said|says|told|tells|has|had|is|was|will|would)\b")


def _after_month(scan: _Scan, s: int) -> bool:
    """Whether a month or date was found just before (``April and May``)."""
    if not scan.found:
        return False
    last = scan.found[-1]
    return last.type == "DATE" and s - last.end <= 12 and last.value[5:7].isdigit()


_DAY_NAMES = frozenset(
    [
        "black",
        "bloody",
        "good",
        "holy",
        "ash",
        "super",
        "easter",
        "palm",
        "cyber",
        "maundy",
        "whit",
        "shrove",
        "orthodox",
    ]
)


_DATE_AHEAD = re.compile(
    rf"(?:,\s*|[ \t]+)(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b"
    rf"|(?:{_MONTH_RE})\.?\s*\d{{1,2}}\b)"
)


def _weekday(scan: _Scan, s: int, e: int, word: str) -> None:
    text, low = scan.text, scan.low
    plural = word.endswith("s")
    weekday = WEEKDAYS[word[:-1] if plural else word]
    if text[s].islower() and not scan.caps(s, e):
        return
    if _prev_word(scan, s) in _DAY_NAMES:
        return  # Black Monday, Good Friday, Super Tuesday: named days, not this week's
    lm = scan.left(_WEEKDAY_LEFT, s, 20)
    start, edge, rel = s, None, None
    if lm is not None and lm.start() < s:
        start, edge, rel = lm.start(), lm["edge"], lm["rel"]
    if plural or rel in ("every", "each"):
        scan.add(start, e, "SET", f"XXXX-WXX-{weekday}")
        return
    if rel is None and _DATE_AHEAD.match(scan.low, e):
        scan.weekday = (start, e)  # "Monday, Dec. 26": the date that follows says which
        return
    end, part = e, None
    pm = _PART_OF_DAY.match(low, e)
    if pm:
        end, part = pm.end(), _PARTS[pm["part"]]
    mod = _EDGE_MODS.get(edge or "")
    if scan.ref is None:
        value, anchor = f"XXXX-WXX-{weekday}", None
    else:
        how = {
            "last": "last",
            "past": "last",
            "next": "next",
            "coming": "next",
            "this": "this",
        }.get(rel or "", "") or scan.direction(start, end)
        value, anchor = _weekday_date(scan.ref, weekday, how).isoformat(), scan.ref_iso
    if part:
        scan.add(start, end, "TIME", f"{value}T{part}", anchor, mod)
    else:
        scan.add(start, end, "DATE", value, anchor, mod)


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
_DAY_WORD_LEFT = re.compile(r"(?<![\w'’.-])(?:(?P<edge>earlier|later|early|late)\s+)$")
_NOT_TODAY_BEFORE = frozenset({"usa", "russia", "china", "daily", "britain", "india"})


def _day_word(scan: _Scan, s: int, e: int, word: str) -> None:
    if word == "today" and _prev_word(scan, s) in _NOT_TODAY_BEFORE:
        return  # USA Today, Russia Today: media names
    start, mod = s, None
    lm = scan.left(_DAY_WORD_LEFT, s, 12)
    if lm is not None and lm.start() < s:
        start = lm.start()
        mod = _EDGE_MODS.get(lm["edge"])
    end, part = e, "NI" if word == "tonight" else None
    pm = _PART_OF_DAY.match(scan.low, e) if word != "tonight" else None
    if pm:
        end, part = pm.end(), _PARTS[pm["part"]]
    if scan.ref is None:
        value, anchor = "XXXX-XX-XX", None
    else:
        value = (scan.ref + _dt.timedelta(days=_DAY_WORDS[word])).isoformat()
        anchor = scan.ref_iso
    if part:
        scan.add(start, end, "TIME", f"{value}T{part}", anchor, mod)
    else:
        scan.add(start, end, "DATE", value, anchor, mod)


_PART_LEFT = re.compile(
    r"(?<![\w'’.-])(?:(?P<edge>early|late)\s+)?(?P<rel>this|last|yesterday|tomorrow)\s+$"
)


def _part_of_day(scan: _Scan, s: int, e: int, word: str) -> None:
    """``this morning``, ``last night``, ``late last night`` (TIME ``2017-09-24TNI``)."""
    lm = scan.left(_PART_LEFT, s, 25)
    if lm is None:
        return
    rel = lm["rel"]
    if rel == "last" and word != "night":
        return
    shift = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if scan.ref is None:
        value, anchor = "XXXX-XX-XX", None
    else:
        value, anchor = (scan.ref + _dt.timedelta(days=shift)).isoformat(), scan.ref_iso
    mod = _EDGE_MODS.get(lm["edge"] or "")
    scan.add(lm.start(), e, "TIME", f"{value}T{_PARTS[word]}", anchor, mod)


def _clock_word(scan: _Scan, s: int, e: int, word: str) -> None:
    """``noon``, ``midnight``: times of the day last mentioned (or of the reference date)."""
    hour = "12:00" if word == "noon" else "24:00"
    day = scan.last_day or scan.ref
    value = f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hour}"
    scan.add(s, e, "TIME", value, day.isoformat() if day else None)


_REF_WORDS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "recent": "PAST_REF",
    "current": "PRESENT_REF",
    "moment": "PRESENT_REF",
}
_UNIT_AHEAD = re.compile(
    r"\s+(?:(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:days|weeks|months|years|decades|hours|times|history|past|period)\b"
)
#: A word after ``recent``/``current`` that makes them adjectives before a noun
#: (``recent blasts``, ``the current crisis``), not function words (``as recent as``).
_NOUN_AHEAD = re.compile(
    r"\s+(?!(?:as|and|or|but|than|to|enough|of|in|on|at|for|with|by|from|is|are|was|were|be"
    r"|been|has|have|had|will|would)\b)[a-z]"
)
#: After ``current``: a unit or ``moment`` read at that word (``the current quarter``), or
#: a term where ``current`` is no time (``current account``, a balance of payments).
_CURRENT_SKIP = re.compile(
    r"(?:\s+|-)(?:accounts?|moment|day|week|month|quarter|year|decade|century|term|session"
    r"|season|fiscal|financial|calendar|school|academic)\b"
)


_MOMENT_LEFT = re.compile(
    r"(?<![\w'’.-])(?:this|the\s+present|the\s+current|at\s+(?P<the>the))\s+$"
)


def _ref_word(scan: _Scan, s: int, e: int, word: str) -> None:
    """``now``, ``currently``, ``this moment`` (PRESENT_REF), ``recently``, ``recent days``
    (PAST_REF). ``recent`` before another noun (``recent blasts``) describes an event and
    is not an expression by itself."""
    low = scan.low
    start = s
    if word == "recent":
        m = _UNIT_AHEAD.match(low, e)
        if m:  # "recent days", "in recent years": one expression
            scan.add(s, m.end(), "DATE", "PAST_REF")
        elif _NOUN_AHEAD.match(low, e) and _prev_word(scan, s) != "most":
            scan.add(s, e, "DATE", "PAST_REF")  # recent blasts (the most recent: the latest)
        return
    if word == "current":
        if _NOUN_AHEAD.match(low, e) and not _CURRENT_SKIP.match(low, e):
            scan.add(s, e, "DATE", "PRESENT_REF")  # the current crisis
        return
    if word == "moment":
        lm = scan.left(_MOMENT_LEFT, s, 20)
        if lm is None or low[e : e + 1] == "-":
            return  # "the moment they arrived": a clause, not the present
        start = lm.start("the") if lm["the"] else lm.start()
    if word == "now" and (low[max(0, s - 5) : s] == "from " or low[e : e + 1] == "-"):
        return  # "a week from now" is read at the unit; "now-cancelled" is an adjective
    scan.add(start, e, "DATE", _REF_WORDS[word])


_PAST_FUTURE = re.compile(r"(?<![\w'’.-])the\s+(?:(?:near|distant|foreseeable|recent)\s+)?$")


def _past_future(scan: _Scan, s: int, e: int, word: str) -> None:
    """``the past`` (PAST_REF), ``the (near) future`` (FUTURE_REF), as nouns only."""
    low = scan.low
    lm = scan.left(_PAST_FUTURE, s, 25)
    if lm is None or (scan.text[s].isupper() and not scan.caps(s, e)):
        return  # "the Future of Babylon project": a name
    if word == "past" and re.match(
        r"\s+(?:" + _NUM + r"|decade|year|month|week|day|hour)", low[e : e + 30]
    ):
        return  # "the past two weeks": read at the unit
    if (
        word == "future"
        and re.match(r"\s+[a-z]", low[e : e + 3])
        and not re.match(r"\s+(?:of|is|was|will|and|or|as)\b", low[e : e + 8])
    ):
        return  # "future attacks": an adjective
    scan.add(lm.start(), e, "DATE", "PAST_REF" if word == "past" else "FUTURE_REF")


_TERM_LEFT = re.compile(r"(?<![\w'’.-])the\s+(?:near|long|longer|short|medium|foreseeable)\s+$")


def _term(scan: _Scan, s: int, e: int, word: str) -> None:
    """``in the near term``, ``for the long term`` (FUTURE_REF)."""
    lm = scan.left(_TERM_LEFT, s, 25)
    if lm is not None and scan.low[e : e + 1] != "-":
        scan.add(lm.start(), e, "DATE", "FUTURE_REF")


def _time_being(scan: _Scan, s: int, e: int, word: str) -> None:
    """``for the time being`` (PRESENT_REF)."""
    if s - 9 >= scan.end and scan.low[s - 9 : s] == "the time ":
        scan.add(s - 9, e, "DATE", "PRESENT_REF")


_THAT_TIME_AFTER = re.compile(r"\s*(?:-|of\b|when\b|that\b|which\b|around\b)")


def _that_time(scan: _Scan, s: int, e: int, word: str) -> None:
    """``by that time``, ``at that time``: the date or time mentioned last (nothing when
    no date was mentioned before, or for ``that time of year``, ``that time when …``)."""
    if s - 5 < scan.end or scan.low[s - 5 : s] != "that " or _THAT_TIME_AFTER.match(scan.low, e):
        return
    for f in reversed(scan.found):
        point = _point_of(f.value) if f.type in ("DATE", "TIME") else None
        if point is not None:
            scan.add(s - 5, e, f.type, f.value, point[0].isoformat())
            return


_SET_WORDS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "hourly": "PT1H",
}


def _set_word(scan: _Scan, s: int, e: int, word: str) -> None:
    """``daily``, ``weekly``, ``annual`` … (SET), except a newspaper called a daily."""
    if word == "daily":
        before = _prev_word(scan, s)
        if before in ("the", "a", "an", "of") or (
            re.match(r"\s+[A-Z]", scan.text[e : e + 2]) and not scan.caps(s, e)
        ):
            return  # "the pro-government daily Al-Watan", "a daily newspaper"
    scan.add(s, e, "SET", _SET_WORDS[word])


def _bare_spring(scan: _Scan, s: int, e: int) -> bool:
    """``spring`` alone is the season unless a name precedes it or a verb's particle follows."""
    before = scan.text[max(0, s - 25) : s].split()
    if before and before[-1][:1].isupper() and not scan.caps(s, e):
        return False  # the Arab Spring, Prague Spring
    return re.match(r"\s+(?:up|into|from|back|to|water|loaded)\b|s\b", scan.low[e : e + 8]) is None


def _season(scan: _Scan, s: int, e: int, word: str) -> None:
    low = scan.low
    code = _SEASONS[word]
    if (
        scan.text[s].isupper()
        and not scan.caps(s, e)
        and not scan.sentence_initial(s)
        and re.match(r"\s+[A-Z]", scan.text[e : e + 2])
    ):
        return  # Winter Olympics, Summer Palace
    lm = scan.left(_SEASON_LEFT, s, 30)
    ym = _SEASON_YEAR.match(low, e)
    if (
        lm is None
        and ym is None
        and (word == "fall" or (word == "spring" and not _bare_spring(scan, s, e)))
    ):
        return  # to fall, to spring up, the Arab Spring
    if word == "fall" and ym is None and (lm is None or not (lm["rel"] or lm["edge"])):
        return  # "the fall of Mosul": an event, not autumn
    if lm is not None and lm["the"] and re.match(r"\s+of\s+(?!\d)", low[e : e + 5]):
        return
    start = s
    edge = rel = None
    if lm is not None:
        edge, rel = lm["edge"], lm["rel"]
        start = lm.start() if (edge or rel or lm["the"]) else s
        if lm["prep"] and edge:
            start = lm.start("edge")
    mod = _EDGE_MODS.get(edge or "")
    end = e
    if ym is not None:
        end = ym.end()
        scan.add(start, end, "DATE", f"{ym['year']}-{code}", None, mod)
        return
    if scan.ref is None:
        scan.add(start, end, "DATE", f"XXXX-{code}", None, mod)
        return
    ref = scan.ref
    first = _SEASON_MONTHS[code]
    how = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(
        rel or "", ""
    ) or scan.direction(start, end)
    year = _month_year(ref, first, "past" if how == "past" else how)
    if code == "WI" and how == "this" and ref.month <= 2:
        year -= 1  # winter 2016 runs from December 2016 into 2017
    scan.add(start, end, "DATE", f"{year:04d}-{code}", scan.ref_iso, mod)


_VAGUE_AFTER_A = frozenset({"few", "couple of", "dozen", "number of"})


class _UnitPhrase:
    """What precedes and follows a unit word (``the past two weeks``, ``a year ago``)."""

    __slots__ = ("after", "amount", "det", "end", "inday", "mod", "num", "plural", "rel", "start")

    def __init__(self, scan: _Scan, s: int, e: int, plural: bool) -> None:
        self.plural = plural
        self.end = e
        m = scan.left(_UNIT_LEFT, s)
        g = m.groupdict() if m is not None else {}
        self.start = m.start() if m is not None else s
        self.det, self.rel, self.num = g.get("det"), g.get("rel"), g.get("num")
        mod_words = " ".join(g["mod"].split()) if g.get("mod") else None
        self.mod = _MODS.get(mod_words) if mod_words else None
        if mod_words and self.num is None and mod_words == "some" and not (self.det or self.rel):
            self.num, self.mod = "some", None  # "some years": a vague number
        elif mod_words and (
            self.det not in (None, "a", "an")
            or (self.num is None and mod_words in ("over", "under"))
        ):
            # "over the years", "over the past few hours": a preposition, not a modifier
            self.start = m.start("det") if self.det else m.start("rel") if self.rel else s
            self.mod = None
        self.inday = g.get("inday")  # "earlier in the week", "late in the day"
        edge = g.get("edgeof") or g.get("inday") or g.get("edge")
        if edge:
            word = edge.split()[1] if edge.startswith("the ") else edge.split()[0]
            self.mod = _EDGE_MODS.get(word, self.mod)
        self.amount = None
        if self.num is not None:
            self.amount = _number_value(self.num)
            if g.get("half") and self.amount is not None:
                self.amount += 0.5
        elif self.det in ("a", "an"):
            self.amount = 1.0
        if self.det in ("a", "an") and self.num in _VAGUE_AFTER_A:
            self.num = f"a {self.num}"  # a few days, a couple of weeks: one quantity
        elif self.det is not None and self.rel is None and self.num is not None:
            # "a 27-year contract", "its 41-year history": the determiner is the noun's
            self.start = m.start("mod") if g.get("mod") and self.mod else m.start("num")
        self.after = None
        right = _UNIT_RIGHT.match(scan.low, e)
        if right is not None and right["long"]:
            self.end = right.end()
            if self.num is None and self.rel is None and self.det in ("a", "an", "the"):
                self.start = s  # a week-long series, the year-long siege, the days-long push
                if not plural:
                    self.det, self.amount = "a", 1.0
        elif right is not None and right["rel"]:
            self.after = (" ".join(right["rel"].split()), right.end())

    @property
    def counted(self) -> bool:
        """A number or a/an: ``two weeks``, ``a year``."""
        return self.num is not None or self.det in ("a", "an")


def _unit(scan: _Scan, s: int, e: int, word: str) -> None:
    """Phrases built on a unit word: durations, ``last week``, ``two days ago``, ``every year``."""
    text, low = scan.text, scan.low
    unit, is_clock, factor = _UNITS.get(word, ("WE", False, 1))
    if (
        text[s].isupper()
        and not scan.caps(s, e)
        and not scan.sentence_initial(s)
        and not text[s - 2 : s - 1].isdigit()
    ):
        return  # New Year, Holy Week, the Christian Quarter: part of a name
    right = _UNIT_RIGHT.match(low, e)
    if right is not None and right["old"]:
        scan.skip_to(right.end())
        return  # an age (18-year-old) is not a duration of the events reported
    plural = word.endswith("s") and word != "fortnight"
    if not plural and (_unit_of_month(scan, s, e, unit) or _unit_in_series(scan, s, e, unit)):
        return
    if unit in ("Q", "CE") and (_ordinal_unit(scan, s, e, unit) or unit == "CE"):
        return
    p = _UnitPhrase(scan, s, e, plural)
    if (unit == "Q" and not _is_quarter_period(p)) or (unit == "S" and p.num is None):
        return  # "a quarter of the city", "a second attack"
    if (
        (unit == "Y" and not plural and _same_period(scan, p))
        or (not plural and p.num is None and _unit_point(scan, p, unit))
        or (plural and p.num is None and _unit_reference(scan, p))
        or unit == "WE"
        or _unit_set(scan, p, unit, is_clock, factor)
        or (p.after and p.counted and not is_clock and _unit_shifted(scan, p, unit, factor))
    ):
        return
    _unit_duration(scan, p, s, unit, is_clock, factor)


_NOT_A_STRETCH = frozenset({"early", "late", "whole", "entire", "full", "first", "final"})
_FULL_SHORT = frozenset({"may", "june", "july"})  # full month names of four letters or fewer
_OF_MONTH = re.compile(
    rf"\s+of\s+(?P<month>{_MONTH_RE})\b(?P<dot>\.)?(?:,?\s+(?P<year>\d{{4}})(?!\d))?"
)


def _unit_of_month(scan: _Scan, s: int, e: int, unit: str) -> bool:
    """``the last week of March`` (``2009-W13``), ``the first day of May`` (``…-05-01``).

    The n-th week of a month is counted as ISO 8601 counts the weeks of a year: the first
    is the one holding the month's first Thursday (most of its days in the month), the
    last the one holding its last Thursday.
    """
    if unit not in ("W", "D"):
        return False
    lm = scan.left(_ORDINAL_LEFT, s, 30)
    rm = _OF_MONTH.match(scan.low, e) if lm is not None else None
    if rm is None:
        return False
    token = lm["ord"].replace("-", " ")
    number = 0 if token in ("last", "final") else _ordinal_number(token)
    if number is None or number > (31 if unit == "D" else 5):
        return False
    month, ref = MONTHS[rm["month"]], scan.ref
    start, end = lm.start(), rm.end()
    if rm["dot"] and not rm["year"] and (len(rm["month"]) > 4 or rm["month"] in _FULL_SHORT):
        end -= 1  # the full stop after "March" ends the sentence; after "Sept" it is the name's
    if rm["year"]:
        year, anchor = int(rm["year"]), None
    elif ref is not None:
        year, anchor = _month_year(ref, month, scan.direction(start, end)), scan.ref_iso
    else:
        scan.add(start, end, "DATE", "XXXX-WXX" if unit == "W" else f"XXXX-{month:02d}-XX")
        return True
    day = _nth_of_month(year, month, number, unit)
    if day is None:
        return False
    value = _week_value(day) if unit == "W" else day.isoformat()
    scan.add(start, end, "DATE", value, anchor)
    return True


def _ordinal_number(token: str) -> int | None:
    """``3rd`` and ``third`` -> 3; None for other words."""
    if token[0].isdigit():
        return int(token[:-2])
    if token == "twenty first":
        return 21
    return _ORDINALS.get(token)


def _nth_of_month(year: int, month: int, number: int, unit: str) -> _dt.date | None:
    """The ``number``-th day of a month, or a day (the Thursday) of its ``number``-th week;
    number 0 is the last. None when the month has no such day or week."""
    first = _dt.date(year, month, 1)
    last = _dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)
    if unit == "D":
        if number > last.day:
            return None
        return last if number == 0 else last.replace(day=number)
    if number == 0:
        return last - _dt.timedelta(days=(last.weekday() - 3) % 7)
    thursday = first + _dt.timedelta(days=(3 - first.weekday()) % 7 + 7 * (number - 1))
    return thursday if thursday.month == month else None


_SERIES_LEFT = re.compile(
    r"(?<![\w'’.-])(?:(?P<det>the|a|an|its|their|his|her)\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)"
    r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+"
    r"(?:(?P<adj>consecutive|straight|successive)\s+)?$"
)
_SERIES_RIGHT = re.compile(r"\s+(?:in\s+a\s+row|running)\b")


def _unit_in_series(scan: _Scan, s: int, e: int, unit: str) -> bool:
    """``a second consecutive day``, ``fourth week in a row``: the period the report is
    about (the one last mentioned at that precision, else the reference's)."""
    if unit not in ("D", "W", "M", "Q", "Y"):
        return False
    lm = scan.left(_SERIES_LEFT, s, 40)
    if lm is None or not (lm["adj"] or _SERIES_RIGHT.match(scan.low, e)):
        return False
    base = scan.anaphor(unit)
    if base is None:
        scan.add(lm.start(), e, "DATE", _UNRESOLVED[unit])
    else:
        scan.add(lm.start(), e, "DATE", _unit_value(base, unit, 0), base.isoformat())
    return True


def _is_quarter_period(p: _UnitPhrase) -> bool:
    """``two quarters``, ``this quarter``, ``last quarter``: a quarter of a year."""
    return (
        (p.plural and p.num is not None)
        or p.det == "this"
        or p.rel
        in (
            "last",
            "past",
            "previous",
            "preceding",
            "next",
            "coming",
            "current",
        )
    )


def _unit_duration(
    scan: _Scan, p: _UnitPhrase, s: int, unit: str, is_clock: bool, factor: int
) -> None:
    """``four months`` (P4M), ``the past two weeks``, ``for years`` (PXY), ``decades``."""
    if not (p.counted or p.plural):
        return  # a bare "year": not an expression by itself
    if p.num is None and (p.rel in _NOT_A_STRETCH or (p.det in ("a", "an") and p.plural)):
        return  # "the early days of the war"
    start = p.start
    if p.num is None and p.plural and p.det in ("its", "their", "his", "her", "our", "a", "an"):
        start = s
    if p.counted:
        value = _duration(p.amount, unit, is_clock, factor)
    else:
        value = f"PTX{unit}" if is_clock else f"PX{unit}"
    scan.add(start, p.end, "DURATION", value, None, p.mod)


def _unit_point(scan: _Scan, p: _UnitPhrase, unit: str) -> bool:
    """A singular unit naming a period: ``this week``, ``last year``, ``the day``, ``the weekend``."""
    det, rel, ref = p.det, p.rel, scan.ref

    def add(base: _dt.date | None, shift: int, end: int = p.end, how: str = "ref") -> bool:
        if base is None:
            scan.add(p.start, end, "DATE", _UNRESOLVED.get(unit, "XXXX"), None, p.mod)
        else:
            scan.add(p.start, end, "DATE", _unit_value(base, unit, shift), base.isoformat(), p.mod)
        return True

    if det == "this" or rel == "current":
        return add(ref, 0)  # this week, earlier this year, the end of this month
    if det == "that" or rel == "same":
        back = _YEAR_BACK.match(scan.low, p.end)
        if back is not None and unit != "Y":  # the same month a year ago
            base = scan.anaphor(unit)
            return add(_year_before(base) if base else None, 0, back.end())
        return add(scan.anaphor(unit), 0)  # that day, the same week
    if det is None and rel in ("last", "past", "previous", "preceding"):
        return add(ref, -1)  # last week, last year
    if det is None and rel in ("next", "coming"):
        return add(ref, 1)
    if det != "the":
        return False
    if rel in ("previous", "preceding", "following") or (rel == "next" and unit == "D"):
        return add(scan.anaphor(unit), -1 if rel in ("previous", "preceding") else 1)
    if rel in ("past", "last", "previous") and unit == "Q":
        return add(ref, -1)  # the last quarter: the one before the current
    if rel in ("past", "last", "next", "coming"):
        scan.add(p.start, p.end, "DURATION", _duration(1.0, unit, False), None, p.mod)
        return True  # the past decade, over the last year: a stretch of time
    if rel in ("whole", "entire", "full") and unit in ("Y", "Q", "M"):
        return add(scan.anaphor(unit), 0)  # a loss for the entire year: that calendar year
    if rel is not None:
        return False
    if (
        unit != "WE"
        and p.after is not None
        and p.after[0] in _BEFORE_AFTER
        and _CLAUSE_END.match(scan.low, p.after[1])
    ):  # the day before, the year previous: next to the period mentioned last
        return add(scan.anaphor(unit), _BEFORE_AFTER[p.after[0]], p.after[1])
    if unit == "WE":
        if ref is None:
            return add(None, 0)
        how = scan.direction(p.start, p.end)
        saturday = _weekday_date(ref, 6, "past" if how == "past" else "future")
        scan.add(p.start, p.end, "DATE", _week_value(saturday) + "-WE", scan.ref_iso)
        return True
    if unit == "D":
        return add(scan.anaphor("D"), 0)  # the day, late in the day: the day last mentioned
    if p.inday is not None:
        return add(scan.anaphor(unit), 0)  # earlier in the week: the week last mentioned
    if p.mod is not None:
        return add(ref, 0)  # the beginning of the year, the end of the month
    return False


_BEFORE_AFTER = {"before": -1, "previous": -1, "prior": -1, "earlier": -1, "after": 1, "later": 1}
_YEAR_BACK = re.compile(
    r"\s+(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior)\s+year)\b"
)
_SAME_PERIOD_BEFORE = re.compile(
    r"(?<![\w'’-])the\s+same\s+(?:period|time|quarter|months?|weeks?|days?|season)\s+(?:of\s+)?$"
)
_RANK_UNITS = {rank: unit for unit, rank in (("Y", 1), ("Q", 2), ("M", 3), ("W", 4), ("D", 5))}


def _year_before(day: _dt.date) -> _dt.date:
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


def _same_period(scan: _Scan, p: _UnitPhrase) -> bool:
    """``the same period last year``: the period last mentioned, one year earlier."""
    yearly = (p.det is None and p.rel in ("last", "previous")) or (
        p.det in ("a", "an")
        and p.num is None
        and p.after is not None
        and p.after[0] in ("ago", "earlier", "before")
    )
    if not yearly:
        return False
    m = scan.left(_SAME_PERIOD_BEFORE, p.start, 40)
    if m is None:
        return False
    end = p.after[1] if p.after is not None else p.end
    latest = max(((order, rank, day) for rank, (order, day) in scan.points.items()), default=None)
    if latest is None:
        if scan.ref is None:
            scan.add(m.start(), end, "DATE", "XXXX")
        else:
            scan.add(m.start(), end, "DATE", f"{scan.ref.year - 1:04d}", scan.ref_iso)
        return True
    _, rank, day = latest
    unit = _RANK_UNITS.get(rank, "Y")
    scan.add(m.start(), end, "DATE", _unit_value(_year_before(day), unit, 0), day.isoformat())
    return True


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\n]|$|and\b|but\b)")


def _unit_reference(scan: _Scan, p: _UnitPhrase) -> bool:
    """Plural units with no number: ``coming days`` (FUTURE_REF), ``recent weeks``, ``these days``."""
    if p.rel in ("coming", "next"):
        value = "FUTURE_REF"
    elif p.rel in ("recent", "past", "last") and p.det is None:
        value = "PAST_REF"
    elif p.det == "these" and p.rel in (None, "final", "last", "past"):
        value = "PRESENT_REF"  # these days, these final days
    else:
        return False
    scan.add(p.start, p.end, "DATE", value)
    return True


def _unit_set(scan: _Scan, p: _UnitPhrase, unit: str, is_clock: bool, factor: int) -> bool:
    """``every year``, ``each day``, ``per month``, ``every two weeks``, ``15 a year``."""
    if p.det in ("every", "each", "per") and (not p.plural or p.num is not None):
        amount = p.amount if p.num is not None else 1.0
        scan.add(p.start, p.end, "SET", _duration(amount, unit, is_clock, factor))
        return True
    if (
        p.det in ("a", "an")
        and p.num is None
        and not p.plural
        and p.after is None
        and _counted_before(scan, p.start)
    ):
        scan.add(p.start, p.end, "SET", _duration(1.0, unit, is_clock, factor))
        return True  # 15 a year, $2 billion a year, twice a day
    return False


def _unit_shifted(scan: _Scan, p: _UnitPhrase, unit: str, factor: int) -> bool:
    """``two weeks ago``, ``a day earlier``, ``three years later``, ``a month from now``."""
    word, end = p.after
    amount = p.amount
    shift = int(amount) if amount is not None and amount == int(amount) else None
    if word in ("ago", "from now"):
        base, anchor = scan.ref, scan.ref_iso
        sign = -1 if word == "ago" else 1
    elif word in ("earlier", "later", "before that"):
        base = scan.anaphor(unit)
        anchor = base.isoformat() if base else None
        sign = 1 if word == "later" else -1
    else:
        return False  # "two days after the attack": a duration
    if base is None or shift is None:
        value = "PAST_REF" if word == "ago" and shift is None else _unresolved_ago(unit)
        scan.add(p.start, end, "DATE", value, None, p.mod)
    else:
        scan.add(p.start, end, "DATE", _ago_value(base, unit, sign * shift * factor), anchor, p.mod)
    return True


def _counted_before(scan: _Scan, start: int) -> bool:
    """Whether a count or an amount precedes ``a`` (``15 a year``, ``twice a day``)."""
    return (
        re.search(
            r"(?:\d|\bonce|\btwice|\btimes|\bbillion|\bmillion|\bthousand|\bhundred|%|\bpercent|\bdollars"
            r"|\beuros|\bpounds|\btonnes|\btons|\bbarrels)\s+$",
            scan.low[max(0, start - 20) : start],
        )
        is not None
    )


def _ago_value(base: _dt.date, unit: str, shift: int) -> str:
    """Value ``shift`` units away from ``base``: days and weeks as a day, larger as the unit."""
    if unit == "W":
        return (base + _dt.timedelta(weeks=shift)).isoformat()
    if unit == "DE":
        return f"{base.year + 10 * shift:04d}"
    if unit == "CE":
        return f"{base.year + 100 * shift:04d}"
    return _unit_value(base, unit, shift)


def _unresolved_ago(unit: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-XX-XX", "M": "XXXX-XX"}.get(unit, "XXXX")


def _ordinal_unit(scan: _Scan, s: int, e: int, unit: str) -> bool:
    """``the third quarter (of 2017)``, ``the 20th century``; True when one was added."""
    lm = scan.left(_ORDINAL_LEFT, s, 30)
    if lm is None:
        return False
    token = lm["ord"].replace("-", " ")
    if token[0].isdigit():
        number = int(token[:-2])
    elif token in ("twenty first",):
        number = 21
    elif token in ("final", "last"):
        number = 4 if unit == "Q" else 0
        if token == "last" and _YEAR_AFTER.match(scan.low, e) is None:
            return False  # "the last quarter": the one before the current, read as relative
    else:
        number = _ORDINALS[token]
    start = lm.start()
    if unit == "CE":
        if not 1 <= number <= 21:
            return False
        scan.add(start, e, "DATE", f"{number - 1:02d}")
        return True
    if not 1 <= number <= 4:
        return False
    ym = _YEAR_AFTER.match(scan.low, e)
    ref = scan.ref
    if ym is not None and ym["year"]:
        scan.add(start, ym.end(), "DATE", f"{ym['year']}-Q{number}")
        return True
    if ym is not None and ym["rel"] and ref is not None:
        shift = {"this": 0, "last": -1, "next": 1}[ym["rel"]]
        scan.add(start, ym.end(), "DATE", f"{ref.year + shift:04d}-Q{number}", scan.ref_iso)
        return True
    end = ym.end() if ym is not None else e
    if ref is None:
        scan.add(start, end, "DATE", f"XXXX-Q{number}")
        return True
    scan.add(
        start,
        end,
        "DATE",
        f"{_quarter_year(ref, number, scan.tense(start, end)):04d}-Q{number}",
        scan.ref_iso,
    )
    return True


def _quarter_year(ref: _dt.date, number: int, tense: str) -> int:
    """The year of quarter ``number`` seen from ``ref``: with a future verb the first such
    quarter not yet over, with a past verb the last one begun, else the nearest."""
    current = (ref.month - 1) // 3 + 1
    if tense == "future":
        return ref.year + (1 if number < current else 0)
    if tense == "past":
        return ref.year - (1 if number > current else 0)

    def distance(year: int) -> int:
        first = _dt.date(year, 3 * number - 2, 1)
        last = _dt.date(year + number // 4, 3 * number % 12 + 1, 1) - _dt.timedelta(days=1)
        return max((first - ref).days, (ref - last).days, 0)

    return min((ref.year - 1, ref.year, ref.year + 1), key=distance)


_WORD_HANDLERS: dict[str, object] = {}
for _name in MONTHS:
    _WORD_HANDLERS[_name] = _month
for _name in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
    _WORD_HANDLERS[_name] = _weekday
    _WORD_HANDLERS[_name + "s"] = _weekday
for _name in _UNITS:
    _WORD_HANDLERS[_name] = _unit
_WORD_HANDLERS.update(dict.fromkeys(("weekend", "weekends"), _unit))
_WORD_HANDLERS.update(dict.fromkeys(_DAY_WORDS, _day_word))
_WORD_HANDLERS.update(dict.fromkeys(("morning", "afternoon", "evening", "night"), _part_of_day))
_WORD_HANDLERS.update(dict.fromkeys(("noon", "midnight"), _clock_word))
_WORD_HANDLERS.update(dict.fromkeys(_REF_WORDS, _ref_word))
_WORD_HANDLERS.update(dict.fromkeys(("past", "future"), _past_future))
_WORD_HANDLERS["term"] = _term
_WORD_HANDLERS["being"] = _time_being
_WORD_HANDLERS["time"] = _that_time
_WORD_HANDLERS.update(dict.fromkeys(_SET_WORDS, _set_word))
_WORD_HANDLERS.update(dict.fromkeys(_SEASONS, _season))


def _fold_case(text: str) -> str:
    """Lower case with one character per character, so offsets stay valid."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def find_dates(text: str, *, reference_date: str | _dt.date | None = None) -> list[TimeExpr]:
    """Temporal expressions in ``text`` with TIMEX3 types and values.

    Args:
        text: any news text (mixed case or ALL CAPITALS).
        reference_date: the date relative expressions are counted from (the publication
            date): an ISO string, a ``datetime.date``, or None. A partial value such as
            ``XXXX-09-16`` counts as None. Without one, relative expressions are still
            found and typed but keep ``X`` values (``XXXX-WXX-5``) and ``anchor`` None.

    Returns:
        :class:`TimeExpr` records sorted by offset, never overlapping.

    Example:
        >>> [(t.text, t.value) for t in find_dates(
        ...     "Syrian forces on Tuesday reached Deir al-Zor, besieged since 2014.",
        ...     reference_date="2017-09-06")]
        [('Tuesday', '2017-09-05'), ('2014', '2014')]
    """
    if _is_missing(text):
        return []
    if not isinstance(text, str):
        raise TypeError(f"find_dates expects text as str, got {type(text).__name__}")
    ref = _as_reference(reference_date)
    low = text.lower()
    if len(low) != len(text):
        low = _fold_case(text)
    scan = _Scan(text, low, ref)
    handlers = _WORD_HANDLERS
    for m in _TRIGGER.finditer(low):
        s = m.start()
        if s < scan.end:
            continue
        word = m.group()
        if word[0].isdigit():
            _digits(scan, s)
        else:
            handler = handlers.get(word)
            if handler is not None:
                handler(scan, s, m.end(), word)  # type: ignore[operator]
    found = [
        TimeExpr(f.start, f.end, text[f.start : f.end], f.type, f.value, f.anchor, f.mod)
        for f in scan.found
    ]
    if "same" in low:
        found = _add_same_periods(text, low, found, ref)
    return found


_SAME_PERIOD = re.compile(
    r"(?<![\w'’-])the\s+same\s+(?:period|time\s*frame|time\s+span|span\s+of\s+time)\b"
    r"(?!\s+(?:of\s+)?(?:a\s+year|last|the\s+(?:previous|prior|last)|\d|this|that|next))"
)
_SINCE_BEFORE = re.compile(r"\bsince\s+$")
#: How far back (characters) ``the same period`` looks for the stretch it refers to.
_SAME_PERIOD_REACH = 400


def _add_same_periods(
    text: str, low: str, found: list[TimeExpr], ref: _dt.date | None
) -> list[TimeExpr]:
    """``the same period`` alone: the stretch of time mentioned just before it.

    After a duration (``the preceding five months``) it is that duration; after a
    ``since`` date (``since the start of April``) it is the time from that date to the
    reference date, approximate (``P5M``). Anything else is left alone.
    """
    added = []
    for m in _SAME_PERIOD.finditer(low):
        start, end = m.span()
        if any(t.start < end and start < t.end for t in found):
            continue
        before = [t for t in found if t.end <= start and start - t.end <= _SAME_PERIOD_REACH]
        if not before:
            continue
        last = before[-1]
        if last.type == "DURATION" and "X" not in last.value:
            added.append(
                TimeExpr(start, end, text[start:end], "DURATION", last.value, None, last.mod)
            )
            continue
        since = _SINCE_BEFORE.search(low, max(0, last.start - 12), last.start)
        value = _duration_until(last.value, ref) if since and last.type == "DATE" else None
        if value is not None:
            added.append(
                TimeExpr(start, end, text[start:end], "DURATION", value, ref.isoformat(), "APPROX")
            )
    return sorted(found + added, key=lambda t: t.start) if added else found


def _duration_until(value: str, ref: _dt.date | None) -> str | None:
    """The time from a calendar date (``2017-04``, ``2014``) to ``ref``, in its unit.

    Example:
        >>> _duration_until("2017-04", _dt.date(2017, 9, 5)), _duration_until("2014", _dt.date(2017, 9, 5))
        ('P5M', 'P3Y')
    """
    if ref is None or not value[:4].isdigit():
        return None
    year = int(value[:4])
    if len(value) == 4:
        amount, unit = ref.year - year, "Y"
    elif len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        if len(value) >= 10 and value[8:10].isdigit():
            try:
                days = (ref - _dt.date.fromisoformat(value[:10])).days
            except ValueError:
                return None
            amount, unit = (days, "D") if days < 60 else (round(days / 30.44), "M")
        else:
            amount, unit = (ref.year - year) * 12 + ref.month - int(value[5:7]), "M"
    else:
        return None
    return f"P{amount}{unit}" if amount > 0 else None
