"""Casualty tallies: statements de-duplicated into events, then summed with low/best/high.

``tally_casualties(casualties)`` is the corpus-level reduce step after the per-article
statements (:func:`~analysis_lib.casualties.find_casualties`). It works on the
``casualties`` table (or a list of records) and returns the ``tallies`` table.

Rules (documented in the README, "Casualty tallies"):

1. **Same event.** Two statements report the same event when they have the same
   category and kind (running total or single event), compatible perpetrators (equal, or
   one unnamed), compatible victims (the same type, or one just ``people``), compatible
   places (the same set of places, or one unknown or only the dateline's),
   compatible dates (equal, one a prefix of the other, or one unknown), overlapping
   counts (intervals overlap, with 10 % slack so that ``killed 20`` and ``killed 22``
   meet; an unknown count overlaps every count) and share at least
   one anchor: the same named perpetrator, the same place from the text or the same
   date. The headline and the body of a story, or two agencies' stories of one attack,
   so become one event.
2. **Figures of an event** (UCDP-style): *low* is the smallest lower bound reported,
   *high* the largest upper bound (empty when a report is open-ended, ``at least``),
   *best* the lower median of the reports' best figures (of 20 and 22, 20: the
   conservative choice when reports disagree); a report's best figure is its exact
   count, the lower bound of ``at least`` or of a vague amount (``dozens`` → 24,
   conservative like ACLED), the upper bound of ``up to``, the middle of a range.
   *conflicting_figures* is true when the reports' best figures differ.
3. **Subsets** (``including 19 civilians``) are never added: they stay in the
   ``casualties`` table as a breakdown of their total.
4. **Running totals** (``since April``, ``the insurgency has left 20,000 dead``) are never
   summed with event counts, nor with each other: each de-duplicated total is its own
   row of kind ``cumulative``. Event rows (kind ``event``) sum their events' figures by
   the requested grouping.
"""

from __future__ import annotations

import datetime as _dt
import re
import statistics
from collections.abc import Iterable, Sequence

import pandas as pd

from analysis_lib.casualties import CATEGORIES
from analysis_lib.records import Casualty
from analysis_lib.schemas import LIST_SEPARATOR, to_frame

GROUP_COLUMNS = ("category", "perpetrator", "victim_type", "place", "period")
PERIODS = ("day", "week", "month", "year")


def period_of(date: str | None, period: str = "month") -> str | None:
    """The period (day, ISO week, month or year) a TIMEX-style date falls in.

    Example:
        >>> period_of("2017-09-16"), period_of("2017-09-16", "week"), period_of("2017", "month")
        ('2017-09', '2017-W37', '2017')
    """
    if not date or not date[:4].isdigit():
        return None
    if period == "year":
        return date[:4]
    if period == "month":
        return date[:7]
    if period == "day":
        return date[:10]
    if period == "week":
        if len(date) >= 10 and date[5:7].isdigit() and date[8:10].isdigit():
            year, week, _ = pd.Timestamp(date[:10]).isocalendar()
            return f"{year}-W{week:02d}"
        return date if "-W" in date else None
    raise ValueError(f"unknown period {period!r}: expected one of {PERIODS}")


def best_figure(low: int | None, high: int | None, qualifier: str) -> int | None:
    """The single figure a statement supports (see the module docstring).

    Example:
        >>> best_figure(45, 50, "approximate"), best_figure(24, 99, "vague"), best_figure(None, 50, "at_most")
        (48, 24, 50)
    """
    if low is None and high is None:
        return None
    if qualifier == "at_most" or low is None:
        return high
    if high is None or qualifier in ("vague", "at_least"):
        return low
    return (low + high + 1) // 2


def _records(casualties) -> list[dict]:
    if isinstance(casualties, pd.DataFrame):
        rows = casualties.to_dict("records")
    else:
        rows = [c._asdict() if isinstance(c, Casualty) else dict(c) for c in casualties]
    out = []
    for k, row in enumerate(rows):
        row = {key: (None if _is_missing(value) else value) for key, value in row.items()}
        row.setdefault("casualty_id", f"{row.get('article_id') or ''}/c{k:04d}")
        out.append(row)
    return out


def _is_missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _interval(row: dict) -> tuple[int, float]:
    low, high = row.get("count_low"), row.get("count_high")
    if low is None and high is None:
        return 0, float("inf")
    lo = low if low is not None else 1
    hi = high if high is not None else float("inf")
    return lo, hi


#: Reports of one event rarely agree to the unit: figures within 10 % (at least 1) of each
#: other overlap ("killed 20" and "killed 22"), and the event is flagged as conflicting.
TOLERANCE = 0.10


def _overlap(a: tuple[int, float], b: tuple[int, float]) -> bool:
    lo_a, hi_a = a
    lo_b, hi_b = b
    slack = max(1.0, TOLERANCE * min(max(lo_a, 1), max(lo_b, 1)))
    return lo_a <= hi_b + slack and lo_b <= hi_a + slack


def _places(row: dict) -> frozenset[str]:
    if row.get("place_source") != "sentence" or not row.get("place"):
        return frozenset()
    return frozenset(row["place"].split(LIST_SEPARATOR))


def _compatible(a: dict, b: dict) -> bool:
    """Can two statements report the same event? (rule 1 of the module docstring)"""
    if a["category"] != b["category"] or bool(a["is_cumulative"]) != bool(b["is_cumulative"]):
        return False
    anchors = 0
    pa, pb = a.get("perpetrator"), b.get("perpetrator")
    if pa and pb:
        if pa != pb:
            return False
        anchors += 1
    va, vb = a.get("victim_type"), b.get("victim_type")
    if va and vb and va != vb and "people" not in (va, vb):
        return False
    da, db = a.get("date"), b.get("date")
    if da and db:
        if not (da.startswith(db) or db.startswith(da)):
            return False
        anchors += 1
    if not _overlap(_interval(a), _interval(b)):
        return False
    places_a, places_b = _places(a), _places(b)
    if places_a and places_b:
        if a["is_cumulative"]:
            if places_a != places_b:
                return False  # "Cameroon" is part of "Nigeria; Cameroon", not the same total
        elif not places_a & places_b and (
            # a story may name the place twice differently (the headline's "London",
            # the body's "Dover"): only one article, same named perpetrator and date
            a.get("article_id") != b.get("article_id") or not (pa and pb and da and db)
        ):
            return False
        anchors += 1
    return anchors > 0


def _affinity(row: dict, cluster: list[dict]) -> int:
    """How closely a statement matches an event's statements (to pick among several)."""
    score = 0
    best = best_figure(row["count_low"], row["count_high"], row["qualifier"])
    for other in cluster:
        score += 2 * (
            best is not None
            and best == best_figure(other["count_low"], other["count_high"], other["qualifier"])
        )
        score += _places(row) == _places(other) and bool(_places(row))
        score += bool(row.get("perpetrator")) and row.get("perpetrator") == other.get("perpetrator")
        score += bool(row.get("date")) and row.get("date") == other.get("date")
    return score


def group_events(casualties) -> list[list[dict]]:
    """Cluster statements that report the same event (rule 1), subsets left out.

    Returns:
        Clusters of statement rows, each in input order, ordered by first member.

    Example:
        >>> rows = [dict(category="killed", count_low=22, count_high=22, qualifier="exact",
        ...              perpetrator=None, place="Manchester", place_source="sentence",
        ...              date="2017-05", is_cumulative=False, is_subset=False, article_id=a)
        ...         for a in ("a#001", "b#001")]
        >>> [len(c) for c in group_events(rows)]  # one event, told twice
        [2]
    """
    rows = [r for r in _records(casualties) if not r.get("is_subset")]
    position = {id(r): n for n, r in enumerate(rows)}
    clusters: list[_Cluster] = []
    index: dict[tuple, list[_Cluster]] = {}
    # Every member of an event must fit every other (no chains through a vague report);
    # statements are taken in an order set by their content, not by file order. Only
    # events that share an anchor (perpetrator, place, date) with a statement can take it.
    for row in sorted(rows, key=_content_key):
        candidates = {id(c): c for key in _lookup_keys(row) for c in index.get(key, ())}
        fitting = [c for c in candidates.values() if c.fits(row)]
        if fitting:
            cluster = max(fitting, key=lambda c: (c.affinity(row), -c.number))
        else:
            cluster = _Cluster(len(clusters))
            clusters.append(cluster)
        if cluster.add(row):
            for key in _register_keys(row):
                index.setdefault(key, []).append(cluster)
    groups = [sorted(c.rows, key=lambda r: position[id(r)]) for c in clusters]
    return sorted(groups, key=lambda g: position[id(g[0])])


class _Cluster:
    """One event's statements, with each distinct kind of statement checked once."""

    def __init__(self, number: int):
        self.number = number
        self.rows: list[dict] = []
        self.kinds: dict[tuple, list] = {}  # signature -> [representative row, count]
        self.perpetrator: str | None = None  # the named perpetrator (all members agree)
        self.finest_date = ""  # every member's date is a prefix of it (or unknown)
        self.lows, self.highs = 0, float("inf")  # largest lower, smallest upper bound

    def fits(self, row: dict) -> bool:
        perpetrator, date = row.get("perpetrator"), row.get("date")
        if perpetrator and self.perpetrator and perpetrator != self.perpetrator:
            return False  # quick rejections first: the full check below is exact
        if date and not (date.startswith(self.finest_date) or self.finest_date.startswith(date)):
            return False
        low, high = _interval(row)
        slack = max(1.0, TOLERANCE * max(low, 1))  # no pair's slack is larger
        if low > self.highs + slack or self.lows > high + slack:
            return False
        return all(_compatible(row, rep) for rep, _ in self.kinds.values())

    def affinity(self, row: dict) -> int:
        return sum(n * _affinity(row, [rep]) for rep, n in self.kinds.values())

    def add(self, row: dict) -> bool:
        """Add a statement; True when it is a new kind (its keys must be indexed)."""
        self.rows.append(row)
        self.perpetrator = self.perpetrator or row.get("perpetrator")
        if row.get("date") and len(row["date"]) > len(self.finest_date):
            self.finest_date = row["date"]
        low, high = _interval(row)
        self.lows, self.highs = max(self.lows, low), min(self.highs, high)
        signature = _signature(row)
        if signature in self.kinds:
            self.kinds[signature][1] += 1
            return False
        self.kinds[signature] = [row, 1]
        return True


def _signature(row: dict) -> tuple:
    """The fields :func:`_compatible` and :func:`_affinity` read.

    The article matters only to a statement with places from the text, a named
    perpetrator and a date (the one-story exception of rule 1), so other statements
    told alike in many articles share one signature and are checked once.
    """
    fields = tuple(
        row.get(k)
        for k in ("category", "is_cumulative", "perpetrator", "victim_type", "date", "count_low",
                  "count_high", "qualifier", "place", "place_source")
    )  # fmt: skip
    one_story = bool(_places(row)) and bool(row.get("perpetrator")) and bool(row.get("date"))
    return (*fields, row.get("article_id") if one_story else None)


def _date_prefixes(date: str | None) -> list[str]:
    """The date and its coarser forms (day, month, year) when it is a calendar date."""
    if not date or not date[:4].isdigit():
        return []
    prefixes = [date[:4]]
    if len(date) >= 7 and date[4] == "-" and date[5:7].isdigit():
        prefixes.append(date[:7])
        if len(date) >= 10 and date[8:10].isdigit():
            prefixes.append(date[:10])
    if date not in prefixes:
        prefixes.append(date)  # "2017-W37", "2017-SU": only equal or coarser dates fit
    return prefixes


def _register_keys(row: dict) -> list[tuple]:
    """Index keys of a statement in its event (see :func:`_lookup_keys`)."""
    kind = (row["category"], bool(row["is_cumulative"]))
    places = sorted(_places(row))
    perpetrator = row.get("perpetrator")
    keys: list[tuple] = [(kind, "any", p) for p in places]
    if perpetrator:
        keys.append((kind, "anyperp", perpetrator))
    keys.append((kind, "article", row.get("article_id")))
    prefixes = _date_prefixes(row.get("date"))
    if not prefixes:
        keys += [(kind, "undated", p) for p in places]
        if perpetrator:
            keys.append((kind, "undated perp", perpetrator))
        return keys
    exact, coarser = prefixes[-1], prefixes[:-1]
    for place in [*places, "*"] if places else ["-", "*"]:
        keys.append((kind, "exact", exact, place))
        keys += [(kind, "finer", c, place) for c in coarser]
    return keys


def _lookup_keys(row: dict) -> list[tuple]:
    """Keys under which every event that can take this statement is indexed.

    Two statements fit only if they share an anchor (the same named perpetrator, a
    place from the text, compatible dates) and have compatible dates and places; the
    keys combine date and place so that only such events are looked at.
    """
    kind = (row["category"], bool(row["is_cumulative"]))
    places = sorted(_places(row))
    perpetrator = row.get("perpetrator")
    keys: list[tuple] = [(kind, "article", row.get("article_id"))]
    prefixes = _date_prefixes(row.get("date"))
    if not prefixes:  # undated: any event sharing a place or the perpetrator
        keys += [(kind, "any", p) for p in places]
        if perpetrator:
            keys.append((kind, "anyperp", perpetrator))
        return keys
    targets = [*places, "-"] if places else ["*"]
    for place in targets:
        keys += [(kind, "exact", prefix, place) for prefix in prefixes]
        keys.append((kind, "finer", prefixes[-1], place))
    keys += [(kind, "undated", p) for p in places]
    if perpetrator:
        keys.append((kind, "undated perp", perpetrator))
    return keys


def _content_key(row: dict) -> tuple:
    """Most informative statements first, then by content (not by file order)."""
    known = (
        bool(_places(row)),
        bool(row.get("perpetrator")),
        bool(row.get("date")),
        row.get("count_low") is not None or row.get("count_high") is not None,
    )
    fields = ("category", "is_cumulative", "date", "perpetrator", "place", "victim_type",
              "count_low", "count_high", "source", "evidence", "start")  # fmt: skip
    return (-sum(known), *(str(row.get(k) or "") for k in fields))


def _first(values: Iterable) -> object | None:
    for v in values:
        if v:
            return v
    return None


def summarize_event(cluster: Sequence[dict], *, period: str = "month") -> dict:
    """Figures, sources and evidence of one event's statements (rule 2)."""
    bests = [
        b
        for b in (best_figure(r["count_low"], r["count_high"], r["qualifier"]) for r in cluster)
        if b is not None
    ]
    lows = [
        _interval(r)[0]
        for r in cluster
        if r["count_low"] is not None or r["count_high"] is not None
    ]
    highs = [
        _interval(r)[1]
        for r in cluster
        if r["count_low"] is not None or r["count_high"] is not None
    ]
    sources = sorted({r["source"] for r in cluster if r.get("source")})
    sentence_place = _first(r.get("place") for r in cluster if r.get("place_source") == "sentence")
    date = max((r.get("date") or "" for r in cluster), key=len) or None
    return {
        "kind": "cumulative" if cluster[0]["is_cumulative"] else "event",
        "category": cluster[0]["category"],
        "perpetrator": _first(r.get("perpetrator") for r in cluster),
        "victim_type": _first(r.get("victim_type") for r in cluster),
        "place": sentence_place or _first(r.get("place") for r in cluster),
        "period": period_of(date, period),
        "low": min(lows) if lows else None,
        "best": int(statistics.median_low(sorted(bests))) if bests else None,
        "high": (None if max(highs) == float("inf") else int(max(highs))) if highs else None,
        "events": 1,
        "statements": len(cluster),
        "articles": len({r.get("article_id") for r in cluster}),
        "sources": len(sources),
        "source_names": LIST_SEPARATOR.join(sources) or None,
        "conflicting_figures": len(set(bests)) > 1,
        "casualty_ids": LIST_SEPARATOR.join(sorted(str(r["casualty_id"]) for r in cluster)),
        "example": min(cluster, key=_content_key).get("evidence"),
        "article_ids": {r.get("article_id") for r in cluster},
    }


def tally_casualties(
    casualties,
    *,
    by: Sequence[str] = GROUP_COLUMNS,
    period: str = "month",
) -> pd.DataFrame:
    """De-duplicate casualty statements into events and tally them.

    Args:
        casualties: The ``casualties`` table, or :class:`~analysis_lib.records.Casualty`
            records (or row dicts).
        by: Grouping columns for event rows, any of ``category``, ``perpetrator``,
            ``victim_type``, ``place``, ``period``; ``category`` is always added (killed
            and injured are never summed). Columns not grouped on are empty. Running
            totals are never merged across events.
        period: ``day``, ``week``, ``month`` or ``year``, for the ``period`` column.

    Returns:
        The ``tallies`` table (schema in ``schemas.py``): one row per group of events
        (kind ``event``) and one per running total (kind ``cumulative``), with low,
        best and high, events, statements, articles, distinct sources, whether they
        disagree, and the casualty ids behind each row.

    Example:
        >>> from analysis_lib.casualties import find_casualties
        >>> text = ("A suicide bomber killed 22 people in Manchester in May, police said. "
        ...         "The bombing in Manchester killed at least 20 people, officials said.")
        >>> found = find_casualties(text, reference_date="2017-06-01")
        >>> t = tally_casualties(found)
        >>> t[["kind", "place", "low", "best", "high", "sources", "conflicting_figures"]].values.tolist()
        [['event', 'Manchester', 20, 20, <NA>, 2, True]]
    """
    unknown = [c for c in by if c not in GROUP_COLUMNS]
    if unknown:
        raise ValueError(f"unknown grouping columns {unknown}: expected some of {GROUP_COLUMNS}")
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}: expected one of {PERIODS}")
    if "category" not in by:  # killed and injured are never added together
        by = ("category", *by)
    events = [summarize_event(c, period=period) for c in group_events(casualties)]
    events.sort(
        key=lambda e: tuple(
            str(e[k] or "") for k in ("category", "kind", *GROUP_COLUMNS, "best", "example")
        )
    )
    rows = [e for e in events if e["kind"] == "cumulative"]
    groups: dict[tuple, list[dict]] = {}
    for e in events:
        if e["kind"] == "event":
            groups.setdefault(tuple(e[c] for c in by), []).append(e)
    for key, members in groups.items():
        rows.append(_sum_events(dict(zip(by, key, strict=True)), members))
    for row in rows:
        for column in GROUP_COLUMNS:
            if column not in by and row["kind"] == "event":
                row[column] = None
    rows.sort(key=_row_order)
    return to_frame("tallies", rows)


def _sum_events(key: dict, members: list[dict]) -> dict:
    def total(name: str) -> int | None:
        values = [m[name] for m in members]
        return None if any(v is None for v in values) else sum(values)

    sources = sorted(
        {s for m in members if m["source_names"] for s in m["source_names"].split(LIST_SEPARATOR)}
    )
    return {
        "kind": "event",
        **{c: None for c in GROUP_COLUMNS},
        **key,
        "low": _sum_known(m["low"] for m in members),
        "best": _sum_known(m["best"] for m in members),
        "high": total("high"),
        "events": len(members),
        "statements": sum(m["statements"] for m in members),
        "articles": len(set().union(*(m["article_ids"] for m in members))),
        "sources": len(sources),
        "source_names": LIST_SEPARATOR.join(sources) or None,
        "conflicting_figures": any(m["conflicting_figures"] for m in members),
        "casualty_ids": LIST_SEPARATOR.join(m["casualty_ids"] for m in members),
        "example": members[0]["example"],
    }


def _sum_known(values: Iterable[int | None]) -> int | None:
    """Sum of the known values; ``None`` when none is known (counts never given)."""
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _row_order(row: dict) -> tuple:
    return (
        row["kind"] != "event",
        row["category"] or "",
        -(row["best"] or 0),
        *(str(row[c] or "") for c in GROUP_COLUMNS),
        row["casualty_ids"],
    )


_DATE_VALUE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])|H([12])))?")
_ISO_BOUND = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def resolve_date_span(value: str | None) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day a TIMEX-style date covers; ``None`` when it is unknown.

    Days, months, ISO weeks, quarters, halves and years are understood (a time of day
    keeps its day); a value finer than a year that is not one of these (a season,
    ``2017-SU``) covers its whole year. Unresolved values (``XXXX-09-16``,
    ``PAST_REF``) and empty ones are unknown.

    Example:
        >>> [str(d) for d in resolve_date_span("2017-09")], resolve_date_span("PAST_REF")
        (['2017-09-01', '2017-09-30'], None)
    """
    if not isinstance(value, str):
        return None
    m = _DATE_VALUE.match(value.strip())
    if m is None:
        return None
    year = int(m[1])
    try:
        if m[3]:
            day = _dt.date(year, int(m[2]), int(m[3]))
            return day, day
        if m[2]:
            first = _dt.date(year, int(m[2]), 1)
            return first, _month_end(first)
        if m[4]:
            first = _dt.date.fromisocalendar(year, int(m[4]), 1)
            return first, first + _dt.timedelta(days=6)
        if m[5] or m[6]:
            months = 3 if m[5] else 6
            last_month = months * int(m[5] or m[6])
            first = _dt.date(year, last_month - months + 1, 1)
            return first, _month_end(_dt.date(year, last_month, 1))
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    except ValueError:  # 2017-13, 2017-02-30, week 54
        return None


def _month_end(first: _dt.date) -> _dt.date:
    following = first.replace(day=28) + _dt.timedelta(days=4)
    return following - _dt.timedelta(days=following.day)


def _date_bound(value: object, name: str) -> tuple[_dt.date, _dt.date] | None:
    """The days an ISO bound covers (``2017-09``: all of September); ``None`` when empty."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    span = resolve_date_span(text) if _ISO_BOUND.fullmatch(text) else None
    if span is None:
        raise ValueError(
            f"{name}={value!r} is not an ISO date: expected YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return span


def filter_casualties(
    casualties: pd.DataFrame,
    *,
    categories: Iterable[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Keep the casualty statements of some categories and dates.

    Dates: a bound keeps only the statements whose date is *known* to lie within it:
    ``date_from="2017-09"`` means from 1 September 2017, ``date_to="2017-09"`` up to
    30 September; a statement dated ``2017-09`` lies within ``2017-09-01``–``2017-12-31``
    but one dated only ``2017`` does not, and a statement with an unknown date is
    dropped as soon as a bound is given (it cannot be placed in the range). Without
    bounds every statement is kept, dated or not. A running total is dated by the
    date its sentence gives (``since April`` → ``2017-04``).

    Args:
        casualties: The ``casualties`` table (not changed).
        categories: Categories to keep (``killed``, ``injured``, ``kidnapped``,
            ``arrested``, ``displaced``, ``missing``); empty keeps all.
        date_from: First day kept, ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``);
            empty or ``None``: no lower bound.
        date_to: Last day kept, ISO as above; empty or ``None``: no upper bound.

    Returns:
        A new table with the kept rows, in their order, index renumbered.

    Raises:
        ValueError: For an unknown category, a bound that is not an ISO date, or
            ``date_from`` after ``date_to``.

    Example:
        >>> rows = pd.DataFrame({"category": ["killed", "arrested", "killed"],
        ...                      "date": ["2017-09-16", "2017-09", None],
        ...                      "evidence": ["Police said a bomb killed 3 people on Saturday.",
        ...                                   "Police arrested a man in September.",
        ...                                   "Two soldiers were killed."]}, dtype="string")
        >>> filter_casualties(rows, categories=["killed"])["date"].tolist()
        ['2017-09-16', <NA>]
        >>> filter_casualties(rows, date_from="2017-09-10")["date"].tolist()
        ['2017-09-16']
    """
    wanted = (categories,) if isinstance(categories, str) else tuple(categories or ())
    unknown = sorted(set(wanted) - set(CATEGORIES))
    if unknown:
        raise ValueError(f"unknown categories {unknown}: expected some of {CATEGORIES}")
    low, high = _date_bound(date_from, "date_from"), _date_bound(date_to, "date_to")
    first = low[0] if low else None
    last = high[1] if high else None
    if first and last and first > last:
        raise ValueError(f"date_from={date_from!r} is after date_to={date_to!r}")
    keep = []
    for category, date in zip(casualties["category"], casualties["date"], strict=True):
        span = resolve_date_span(None if _is_missing(date) else date)
        keep.append(
            (not wanted or category in wanted)
            and (
                (first is None and last is None)
                or (
                    span is not None
                    and (first is None or span[0] >= first)
                    and (last is None or span[1] <= last)
                )
            )
        )
    return casualties[pd.Series(keep, index=casualties.index, dtype=bool)].reset_index(drop=True)
