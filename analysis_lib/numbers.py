"""Counts of people as news writes them: ``381``, ``three hundred and eighty one``, ``dozens``.

``parse_quantity(text)`` reads one count phrase into a :class:`Quantity` ``(low, high,
qualifier)``; ``find_quantities(text)`` finds every count phrase in a text with its
offsets. Nothing depends on capital letters (wire copy in capitals reads the same).

Conventions (UCDP-style low/high bounds; ``None`` = no bound given):

* **exact**: ``381``, ``20,000``, ``1.5 million``, ``forty-five``, ``three hundred and
  eighty one``, ``a dozen`` (12), ``two dozen`` (24), ``half a dozen`` (6), ``a score
  of`` (20), ``a/an`` and ``one`` (1, see :func:`parse_quantity`). A trailing noun is
  not part of the count: ``two others`` is 2.
* **at_least**: ``at least N``, ``no fewer than N``, ``a minimum of N`` → ``(N, None)``;
  strict ``more than N``, ``over N``, ``upwards of N``, ``in excess of N``, ``N-plus``
  → ``(N + 1, None)``; ``N or more`` → ``(N, None)``.
* **at_most**: ``up to N``, ``as many as N``, ``at most N``, ``no more than N`` →
  ``(None, N)``; strict ``fewer than N``, ``less than N``, ``under N`` → ``(None, N - 1)``.
* **approximate**: ``about``, ``around``, ``some``, ``roughly``, ``approximately``, ``an
  estimated``, ``nearly``, ``almost``, ``close to``, ``just under/over``, ``N or so``,
  ``N-odd`` → ``(N, N)``; ranges ``between 5 and 10``, ``5-10``, ``45 to 50``, ``five or
  six``, ``two to three hundred`` (the scale of the second bound applies to the first)
  → ``(low, high)``.
* **vague**: ``a few`` and ``a handful`` (2, 5), ``several`` (3, 9), ``dozens`` (24, 99),
  ``scores of`` (40, 99), ``tens of`` (20, 99), ``hundreds`` (200, 999), ``thousands``
  (2,000, 9,999), ``millions`` (2 million, 9,999,999), ``tens of thousands`` (20,000,
  99,999), ``hundreds of thousands`` (200,000, 999,999); a vague multiplier times a unit
  multiplies both bounds: ``several hundred`` (300, 900), ``a few thousand`` (2,000, 5,000).
* A qualifier applies to the whole count: ``more than a dozen`` → ``(13, None,
  at_least)``, ``at least dozens`` → ``(24, None, at_least)``, ``up to 5-10`` → ``(None,
  10, at_most)``.

Not counts of people (skipped by :func:`find_quantities`, ``None`` from
:func:`parse_quantity`): ages (``18-year-old``, ``aged 18``), durations and periods
(``four months``, ``six-year-long``), distances and measures (``300 kilometers``),
ratios and scores (``10-to-1``, ``3-1``), ordinals and unit names (``1st Marine
Brigade``, ``103rd Brigade``, ``Brigade 137``, ``F-16``, ``Covid-19``), years (``in 2014``;
but ``2009 people`` is a count), dates (``May 23``, ``23 Aug``), money (``$40 billion``),
percentages, clock times and numbered things (``No. 5``). ``many``, ``numerous`` and a
bare ``some`` give no count.
"""

from __future__ import annotations

import functools
import math
import re
from typing import NamedTuple

from analysis_lib import RESOURCE_DIR


class Quantity(NamedTuple):
    """A count: ``low``/``high`` bounds (``None`` = unbounded) and a qualifier.

    ``qualifier`` is ``exact``, ``at_least``, ``at_most``, ``approximate`` or ``vague``.
    """

    low: int | None
    high: int | None
    qualifier: str


class QuantityMatch(NamedTuple):
    """A count found in a text; ``start``/``end`` are offsets into that text."""

    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    qualifier: str

    @property
    def quantity(self) -> Quantity:
        """The count without its position."""
        return Quantity(self.low, self.high, self.qualifier)


# --------------------------------------------------------------------------- words

_UNITS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * n
    for n, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
#: Number words, in order of value (shared with :mod:`analysis_lib.dates`).
UNIT_WORDS = tuple(_UNITS)
TENS_WORDS = tuple(_TENS)
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_GROUPS = {"dozen": 12, "score": 20, "pair": 2}
_WORD_VALUES = {**_UNITS, **_TENS}

#: Vague plural units: (low, high) bounds, documented in the module docstring.
_VAGUE_PLURALS = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "tens": (20, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}
#: Vague multipliers: (low, high) before any unit.
_VAGUE_MULTIPLIERS = {"a few": (2, 5), "a handful": (2, 5), "several": (3, 9)}

#: Qualifier phrases → (qualifier, strict). Strict bounds move by one (more than 5 → 6).
_QUALIFIERS = {
    "at least": ("at_least", False),
    "no fewer than": ("at_least", False),
    "no less than": ("at_least", False),
    "not fewer than": ("at_least", False),
    "not less than": ("at_least", False),
    "a minimum of": ("at_least", False),
    "more than": ("at_least", True),
    "well over": ("at_least", True),
    "over": ("at_least", True),
    "upwards of": ("at_least", True),
    "in excess of": ("at_least", True),
    "up to": ("at_most", False),
    "as many as": ("at_most", False),
    "at most": ("at_most", False),
    "no more than": ("at_most", False),
    "not more than": ("at_most", False),
    "a maximum of": ("at_most", False),
    "fewer than": ("at_most", True),
    "less than": ("at_most", True),
    "under": ("at_most", True),
    "about": ("approximate", False),
    "around": ("approximate", False),
    "some": ("approximate", False),
    "roughly": ("approximate", False),
    "approximately": ("approximate", False),
    "an estimated": ("approximate", False),
    "estimated": ("approximate", False),
    "nearly": ("approximate", False),
    "almost": ("approximate", False),
    "close to": ("approximate", False),
    "just under": ("approximate", False),
    "just over": ("approximate", False),
    "more or less": ("approximate", False),
}


def _alternation(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = _alternation([*_WORD_VALUES, *_SCALES, "dozen"])
_WORDS = (
    rf"(?:{_WORD})(?:(?:[ \t]+|-)(?:{_WORD}))*(?:\s+and\s+(?:{_WORD})(?:(?:[ \t]+|-)(?:{_WORD}))*)?"
)
_NUMBER = (
    rf"(?:(?:{_DIGITS})(?:\s+(?:hundred|thousand|million|billion|dozen))*"
    rf"|half\s+a\s+dozen|an?\s+(?:hundred|thousand|million|billion|dozen|score|pair)"
    rf"(?:\s+(?:thousand|million|billion))*(?:\s+and\s+(?:{_WORDS}))?"
    rf"|(?:{_WORDS}))"
)
_VAGUE = (
    rf"(?:(?:{_alternation(_VAGUE_MULTIPLIERS)})(?:\s+(?:dozen|hundred|thousand|million|billion))*"
    rf"|(?:{_alternation(_VAGUE_PLURALS)})(?:\s+of\s+(?:thousands|millions|billions))?"
    rf"|a\s+couple)"
)
_QUALIFIER = _alternation(_QUALIFIERS)

_PATTERN = re.compile(
    rf"""(?<![\w$€£¥:./])
    (?:between\s+(?P<a>{_NUMBER})\s+(?:and|to)\s+(?P<b>{_NUMBER})
      |(?:(?P<qual>{_QUALIFIER})\s+)?
      (?:(?P<r1>{_NUMBER})(?:(?<=\d)[ \t]*[-–—][ \t]*(?=\d)|\s+(?:to|or)\s+)(?P<r2>{_NUMBER})
      |(?P<n>{_NUMBER})
      |(?P<vague>{_VAGUE})))
    (?P<post>\s+or\s+(?:so|more)|-odd|-plus|\+)?
    (?![\w])""",
    re.IGNORECASE | re.VERBOSE,
)
# The same for lower-cased text, without IGNORECASE: scans about twice as fast.
_PATTERN_LOWER = re.compile(_PATTERN.pattern, re.VERBOSE)
# Quick test for any digit or number-ish word before the full pattern runs.
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")
_CANDIDATE_WORDS = frozenset(
    [*_WORD_VALUES, *_SCALES, "dozen", "dozens", "scores", "tens", "hundreds", "thousands",
     "millions", "billions", "few", "handful", "several", "couple", "score", "half"]
)  # fmt: skip


def _has_candidate(text: str) -> bool:
    """A digit or a number word somewhere in the text (a cheap test before the patterns)."""
    return bool(_DIGIT.search(text)) or not _CANDIDATE_WORDS.isdisjoint(
        _LETTERS.findall(text.lower())
    )


_CANDIDATE = re.compile(
    rf"\d|\b(?:{_WORD}|dozens|scores|tens|hundreds|thousands|millions|billions|"
    rf"few|handful|several|couple|score|half)\b",
    re.IGNORECASE,
)

_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    r"june|july|august|september|october|november|december"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:(?:years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|"
    r"decades?|centur(?:y|ies)|kilometers?|kilometres?|km|kms|miles?|mi|meters?|metres?|m|"
    r"yards?|feet|foot|ft|inch(?:es)?|cm|mm|kg|kilograms?|grams?|g|tons?|tonnes?|lbs?|"
    r"pounds?|ounces?|acres?|hectares?|square|sq|cubic|barrels?|bpd|liters?|litres?|"
    r"gallons?|degrees?|mph|kph|km/h|knots?|megawatts?|mw|kw|gw|percent|per\s*cent|pct|"
    r"percentage\s+points?|points?|times|fold|dollars?|usd|euros?|eur|cents?|cts|yuan|"
    r"rupees?|naira|riyals?|dinars?|lira|liras|shekels?|rubles?|roubles?|yen|francs?|"
    r"pesos?|rand|shillings?|won|a\.m\.|p\.m\.|am|pm|gmt|utc|o'clock|h|bn|mln|"
    r"calibers?|mm|seats?|votes?)(?![\w])|%|:\d|-(?!odd\b|plus\b)[a-z])"
    rf"|\s+(?:{_MONTHS})\b\.?(?!\w)",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"\s*-?\s*years?[\s-]+old\b", re.IGNORECASE)
_LEFT_MONTH = re.compile(rf"(?:^|[^\w])(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_LEFT_CURRENCY = re.compile(
    r"(?:[$€£¥₹₦]|\b(?:usd|eur|gbp|inr|rs\.?|aed|sar|ngn)\s*)\s*$", re.IGNORECASE
)
_LEFT_DESIGNATOR = re.compile(
    r"\b(?:brigade|division|battalion|regiment|corps|squadron|platoon|company|unit|flight|"
    r"route|highway|road|street|avenue|resolution|article|section|chapter|paragraph|page|"
    r"clause|room|gate|block|building|tower|camp|base|sector|zone|phase|level|category|"
    r"grade|class|no\.|number|nos\.|aged?|channel|terminal|apartment|platform|ward|"
    r"stage|step|model|version|type|mark|mk\.?|series|item|exhibit|code|top|pages)\s*$"
    r"|#\s*$",
    re.IGNORECASE,
)
_LEFT_HYPHEN_WORD = re.compile(r"[A-Za-z][-–]$")
_MAY_VERB = re.compile(
    r"\s+(?:may|march)\s+(?:have|be|not|also|still|well|never|yet|soon|even|only|already|"
    r"face|need|die|on|to|through|into)\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:18|19|20)\d\d")


@functools.cache
def _people_nouns() -> frozenset[str]:
    """Plural and singular people nouns (agents.csv plus common ones): ``2009 people``."""
    words = {"people", "persons", "others", "residents", "children", "women", "men", "victims"}
    with open(RESOURCE_DIR / "actors" / "agents.csv", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("word,"):
                continue
            word, plural = ([*line.split(","), ""])[:2]
            words.update(w.lower() for w in [word, *plural.split("|")] if w)
    return frozenset(words)


# --------------------------------------------------------------------------- values


def _number_value(text: str) -> int | None:
    """Value of a number phrase: digits (with scale words) or number words."""
    words = re.split(r"[\s-]+", text.lower().replace(",", ""))
    if words and words[0] and words[0][0].isdigit():
        value: float = float(words[0])
        for word in words[1:]:
            value *= _SCALES.get(word) or _GROUPS.get(word, 1)
        if not math.isfinite(value):
            return None  # hundreds of digits: an id or noise, not a count
        return value if value != int(value) else int(value)
    if words[:2] == ["half", "a"]:
        rest = _number_value(" ".join(["a", *words[2:]]))
        return None if rest is None else rest // 2
    total = current = 0
    seen = False
    for word in words:
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = 1
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word in _GROUPS:
            current = (current or 1) * _GROUPS[word]
        else:
            return None
        seen = True
    return round(total + current) if seen else None


def _scale_of(text: str) -> int:
    last = text.lower().split()[-1]
    return _SCALES.get(last) or _GROUPS.get(last, 1)


def _vague_bounds(text: str) -> tuple[int, int, str]:
    lowered = " ".join(text.lower().split())
    if lowered == "a couple":
        return 2, 2, "approximate"
    for words, (low, high) in _VAGUE_PLURALS.items():
        if lowered.startswith(words):
            rest = lowered[len(words) :].split()
            if rest:  # "tens of thousands": high fills the lower digits (99,999)
                unit = _SCALES[rest[-1].rstrip("s")]
                return low * unit, high * unit + unit - 1, "vague"
            return low, high, "vague"
    for words, (low, high) in _VAGUE_MULTIPLIERS.items():
        if lowered.startswith(words):
            unit = 1
            for word in lowered[len(words) :].split():
                unit *= _SCALES.get(word) or _GROUPS.get(word, 1)
            return low * unit, high * unit, "vague"
    raise ValueError(f"not a vague amount: {text!r}")


def _apply_qualifier(
    low: int | None, high: int | None, qualifier: str, qual_words: str | None, post: str | None
) -> Quantity:
    if qual_words:
        kind, strict = _QUALIFIERS[" ".join(qual_words.lower().split())]
        if kind == "at_least":
            low, high = (low + 1 if strict else low), None
        elif kind == "at_most":
            low, high = None, (high - 1 if strict else high)
        qualifier = kind if qualifier != "vague" or kind != "approximate" else qualifier
    if post:
        tail = post.lower().strip(" -")
        if tail.endswith("more"):
            high, qualifier = None, "at_least"
        elif tail in ("plus", "+"):
            low, high, qualifier = (low + 1 if low is not None else None), None, "at_least"
        elif qualifier == "exact":
            qualifier = "approximate"
    return Quantity(low, high, qualifier)


def _match_quantity(m: re.Match[str]) -> Quantity | None:
    if m.group("vague"):
        low, high, qualifier = _vague_bounds(m.group("vague"))
    elif m.group("n"):
        text = m.group("n")
        if _is_bare_decimal(text):
            return None
        value = _number_value(text)
        low = high = None if value is None else round(value)
        qualifier = "exact"
    else:
        first, second = (
            (m.group("a"), m.group("b")) if m.group("a") else (m.group("r1"), m.group("r2"))
        )
        low, high = _number_value(first), _number_value(second)
        if low is None or high is None:
            return None
        scale = _scale_of(second)
        if scale > 1 and _scale_of(first) == 1 and low * scale <= high:
            low *= scale  # "two to three hundred", "1.5 to 2 million"
        low, high = round(low), round(high)
        if low >= high:
            return None  # "3-1", "2 to 1": a score or a ratio, not a range
        qualifier = "approximate"
    if low is None:
        return None
    return _apply_qualifier(low, high, qualifier, m.group("qual"), m.group("post"))


def _is_bare_decimal(text: str) -> bool:
    return "." in text and text.replace(",", "").replace(".", "").isdigit()


# --------------------------------------------------------------------------- context


def _core_start(m: re.Match[str]) -> int:
    for group in ("a", "r1", "n", "vague"):
        if m.group(group):
            return m.start(group)
    return m.start()


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    """True when the count phrase is an age, year, date, measure, money, id or ratio."""
    core_start, end = _core_start(m), m.end()
    left = text[max(0, core_start - 40) : core_start]
    right = text[end : end + 40]
    first = m.group("a") or m.group("r1") or m.group("n") or m.group("vague")
    last = m.group("b") or m.group("r2") or first
    lowered = first.lower()
    if right[:1] in "-–/:." and right[1:2].isdigit():
        return True  # part of a longer chain: ids, phone numbers, 22/09/2017, 10:30
    if _LEFT_HYPHEN_WORD.search(left) or left.endswith("-to-"):
        return True  # F-16, Covid-19, Su-22, the "1" of "10-to-1"
    if right[:4].lower() == "-to-":
        return True
    tail = re.sub(r"^\s+of\s+", " ", right, flags=re.IGNORECASE)  # "thousands of miles"
    if _UNIT_AFTER.match(tail) and not _MAY_VERB.match(right):
        return True
    if _AGE_AFTER.match(right):
        return True
    outer_left = text[max(0, m.start() - 40) : m.start()]
    if re.search(r"\d\s*$", outer_left) and lowered.split()[0] in _SCALES:
        return True  # the "million" of "€5 million" (the digits were skipped as money)
    if m.group("qual") is None and (
        _LEFT_CURRENCY.search(outer_left)
        or (_LEFT_DESIGNATOR.search(outer_left) and (first[:1].isdigit() or m.group("a")))
    ):
        return True
    if first[:1].isdigit() and re.search(rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+$", left, re.I):
        return True  # the year of "13 JAN 90"
    if first[:1].isdigit() and _LEFT_MONTH.search(left):
        value = _number_value(first)
        if value is not None and (value <= 31 or _YEAR.fullmatch(first)):
            return True  # "May 23", "Sept 2017"; but "in March 2,000 people fled" is a count
    if lowered in ("one", "an", "a") and re.search(r"\b(?:no|any|every|each)\s+$", left, re.I):
        return True
    if lowered == "one" and re.match(r"\s+another\b", right, re.I):
        return True
    if lowered in ("scores", "tens") and re.match(
        r"\s+(?!(?:of|more|others|were|have|had|died|killed|fled|dead|wounded|injured)\b)\w",
        right,
        re.IGNORECASE,
    ):
        return True  # "scores a goal", "tens" alone
    return (
        m.group("qual") is None
        and _YEAR.fullmatch(last) is not None
        and (first is last or _YEAR.fullmatch(first) is not None)
        and not _followed_by_people(right)
    )


def _followed_by_people(right: str) -> bool:
    word = re.match(r"\s+([A-Za-z]+)", right)
    return word is not None and word.group(1).lower() in _people_nouns()


# --------------------------------------------------------------------------- API


def find_quantities(text: str) -> list[QuantityMatch]:
    """Find counts in a text (ages, years, dates, measures, money and ids skipped).

    Args:
        text: Any text; case does not matter.

    Returns:
        Counts in order of position, non-overlapping.

    Example:
        >>> [(q.text, q.low, q.high, q.qualifier) for q in find_quantities(
        ...     "An 18-year-old was among more than 20,000 people killed since 2009, "
        ...     "and hundreds of thousands fled.")]  # doctest: +NORMALIZE_WHITESPACE
        [('more than 20,000', 20001, None, 'at_least'),
         ('hundreds of thousands', 200000, 999999, 'vague')]
    """
    if not _has_candidate(text):
        return []
    found: list[QuantityMatch] = []
    lowered = text.lower()  # the rules read lower case; the records keep the text as written
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in _PATTERN_LOWER.finditer(lowered):
        m = _without_loose_and(lowered, m, _PATTERN_LOWER)
        if m is not None and _is_change(lowered, m):
            m = _PATTERN_LOWER.match(lowered, m.start("r2"))  # "rose from 10 to 95": the new figure
        if m is None or _is_excluded(lowered, m):
            continue
        quantity = _match_quantity(m)
        if quantity is None:
            continue
        start, end = m.span()
        found.append(QuantityMatch(start, end, text[start:end], *quantity))
    return found


def _is_change(text: str, m: re.Match[str]) -> bool:
    """``from 10 to 95``: a change of figure, not a range."""
    if not m.group("r1") or m.group("qual"):
        return False
    joint = text[m.end("r1") : m.start("r2")]
    return joint.strip().lower() == "to" and bool(
        _FROM_BEFORE.search(text[max(0, m.start() - 8) : m.start()])
    )


def _without_loose_and(
    text: str, m: re.Match[str], pattern: re.Pattern[str] | None = None
) -> re.Match[str] | None:
    """Cut ``two and three`` back to ``two``: ``and`` joins only after hundred/thousand…"""
    phrase = m.group(0)
    lowered = phrase.lower()
    cut = re.search(r"\s+and\s+", lowered)
    if cut is None or m.group("a"):
        return m
    before = lowered[: cut.start()].split()[-1]
    if before in _SCALES or before in ("dozen", "score"):
        return m
    return (pattern or _PATTERN).match(text[: m.start() + cut.start()], m.start())


_ARTICLE = re.compile(r"(?:an?|one)\s+(?=[A-Za-z])", re.IGNORECASE)


def parse_quantity(text: str) -> Quantity | None:
    """Read the count a phrase starts with; ``None`` when it does not start with one.

    A trailing noun is ignored (``two others`` → 2). A lone article counts one (``a
    policeman`` → 1), as does ``one``; an age, year, date, measure, money amount or
    numbered name gives ``None``.

    Example:
        >>> parse_quantity("three hundred and eighty one")
        Quantity(low=381, high=381, qualifier='exact')
        >>> parse_quantity("hundreds of thousands of residents")
        Quantity(low=200000, high=999999, qualifier='vague')
        >>> parse_quantity("between 45 to 50 civilian captives")
        Quantity(low=45, high=50, qualifier='approximate')
        >>> parse_quantity("an 18-year-old man") is None, parse_quantity("Brigade 137") is None
        (True, True)
    """
    stripped = text.strip()
    if not stripped:
        return None
    m = _PATTERN.match(stripped)
    if m is not None:
        m = _without_loose_and(stripped, m)
    if m is not None and not _is_excluded(stripped, m):
        return _match_quantity(m)
    article = _ARTICLE.match(stripped)
    if m is None and article and not _CANDIDATE.match(stripped, article.end()):
        rest = stripped[article.end() - 1 :]
        if _UNIT_AFTER.match(rest) or re.match(r"\s*(?:number|lot|host|bunch|range)\b", rest, re.I):
            return None  # "a decade", "a number of soldiers": no count
        return Quantity(1, 1, "exact")
    if re.fullmatch(r"an?", stripped, re.IGNORECASE):
        return Quantity(1, 1, "exact")
    return None
