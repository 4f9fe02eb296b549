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
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = [
    "date_from_filename",
    "infer_publication_date",
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
    if not text:
        return None
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


_FILE_PHOTO = re.compile(r"\bfile[\s_-]*(?:photo|picture|image|pic)\b", re.IGNORECASE)
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
    if not caption or is_file_photo(caption):
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
    photo = caption_date(caption) if caption else None
    value = parse_date(dateline_date) if dateline_date else None
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
