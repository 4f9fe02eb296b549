"""Dated, located events for timelines, maps and ACLED-style exports.

``find_article_events`` (per article, pure) turns sentences that report something dated
into :class:`~analysis_lib.records.Event` records; ``group_events`` (the corpus-level
reduce step) gives the reports of one event, in one article or several, one ``group_id``.
The rest works on the ``events`` table: filters, counts per period and per actor, and the
two exports (``acled_events``: ACLED's column layout; ``timelinejs_events``: TimelineJS3
JSON).

Rules (documented in the README, "Events and timeline"):

* **Dates of a sentence.** Its DATE and TIME expressions (:func:`~analysis_lib.dates.find_dates`)
  whose value is a resolved point or period: a day (a time of day counts as its day), an
  ISO week, a month, a season, a quarter, a half, a year or a decade. Durations, SETs,
  ``PAST_REF``/``PRESENT_REF``/``FUTURE_REF`` and unresolved values (``XXXX-09-16``) date
  nothing. Not the date of an event either:

  - when something was said: a date after a reporting verb or noun (``said on Tuesday``,
    ``told Reuters last week``, ``in a statement on Sunday``, ``a speech last month``), or
    before the reporting verb of the clause when no other verb comes first (``The
    ministry on Wednesday said``, ``On Friday, it said``);
  - the start or end of a state or a running total: after ``since``, ``until``,
    ``till``, ``by``, ``before``, ``after``, ``prior to``, ``ahead of``, ``as of``,
    ``from`` (``since 2014``), or inside a ``since``/``until`` clause (``since it began
    in 2009``);
  - a planned event: a date that starts after the article's reference date (``talks next
    week``).

  A line that holds nothing but a date (a story's date line) is no event.
  ``from May to September`` and ``between 2014 and 2016`` are one span. Of the remaining
  dates the most precise one dates the event (``in Britain this year … on Friday
  morning``: Friday); between equally precise ones, the first. ``date_source`` is
  ``sentence``.
* **Reference date.** The lead (the body's first sentence) without a date of its own
  takes the article's reference date when its first verb is in the past simple (``The
  militants swept through``, ``were killed``) or present perfect (``has declared
  victory``), it is not negated, and it is not a running total (a ``since`` date or a
  cumulative casualty statement): ``date_source`` ``reference`` and precision
  ``reference`` (the publication day; the event may be a day or so older). Other
  sentences without a date of their own are not dated events: their tense cannot tell
  which day they mean.
* **Place.** The sentence's place: of its LOCATION mentions, one after a locative
  preposition (``in``, ``at``, ``near``, ``outside``, ``inside``, ``around``, ``into``,
  ``across``, ``within``, ``throughout``, at most five words before it) first, then the
  most specific kind (city, province, region, unknown names, landmark, water, country),
  then the one nearest the event's date; else the dateline place (``place_source``
  ``dateline``). Coordinates come from the shipped GeoNames gazetteer
  (``coordinates.tsv``: cities, countries at their capital, provinces at the city of the
  same name); a place it does not locate has none.
* **Actors.** The canonical actors of the sentence's PERSON, ORGANIZATION and GROUP
  mentions, in order of first mention (places are not actors).
* **Casualties.** The statements of the sentence (``casualty_ids``), except running
  totals (``is_cumulative``) and statements whose own date lies outside the event's
  dates. ``fatalities`` sums the best figures (:func:`~analysis_lib.tallies.best_figure`)
  of the linked ``killed`` statements that are not subsets (``including 19 civilians``);
  ``None`` when none gives a number.
* **Grouping.** Two events are reports of one event when both are day-precise (``day``
  or ``reference``) on the same day, at the same place (or both without one), and share
  an actor (or both have none). Groups are the connected components of that relation, so
  the same set of events gives the same groups in any order; a group is named by its
  smallest ``event_id``. Coarser events (a month, a year) stay alone: two reports of
  ``July`` need not be one event.

Example:
    >>> body = "Government forces retook the town of Palmyra on Thursday."
    >>> from analysis_lib.dates import find_dates
    >>> [(e.date_start, e.precision, e.place) for e in find_article_events(
    ...     "a#001", body, [(0, len(body))], [], find_dates(body, reference_date="2017-03-04"),
    ...     reference_date="2017-03-04")]
    [('2017-03-02', 'day', None)]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis_lib.csvsafe import write_csv
from analysis_lib.lexicon import ACTOR_DIR, GAZETTEER_DIR, load_lexicon, read_resource
from analysis_lib.records import Casualty, Event, Mention, TimeExpr
from analysis_lib.schemas import LIST_SEPARATOR, to_frame
from analysis_lib.tallies import best_figure, resolve_date_span

__all__ = [
    "ACLED_COLUMNS",
    "PRECISIONS",
    "acled_events",
    "acled_inter_code",
    "casualties_per_period",
    "count_event_actors",
    "date_span",
    "events_frame",
    "filter_events",
    "find_article_events",
    "group_events",
    "locate_place",
    "reduce_events",
    "rename_event_actors",
    "sentence_tense",
    "summarize_event_groups",
    "summarize_events",
    "timelinejs_events",
    "write_acled_csv",
    "write_timelinejs_json",
]

#: Precisions from finest to coarsest; ``reference`` is a day taken from the publication date.
PRECISIONS = ("day", "reference", "week", "month", "season", "quarter", "half", "year", "decade")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
_DAY_PRECISE = frozenset({"day", "reference"})

# --------------------------------------------------------------------------- dates

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_VALUE_PRECISION = (
    (re.compile(r"^\d{4}-\d\d-\d\d(?:T.*)?$"), "day"),
    (re.compile(r"^\d{4}-W\d\d$"), "week"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}-Q[1-4]$"), "quarter"),
    (re.compile(r"^\d{4}-H[12]$"), "half"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
)


def date_span(value: str | None) -> tuple[str, str, str] | None:
    """First day, last day and precision of a TIMEX3 date value; ``None`` if it dates nothing.

    Example:
        >>> date_span("2017-09-15TMO"), date_span("2017-W38"), date_span("2017-SU")
        (('2017-09-15', '2017-09-15', 'day'), ('2017-09-18', '2017-09-24', 'week'), ('2017-06-01', '2017-08-31', 'season'))
        >>> date_span("201"), date_span("P4M"), date_span("XXXX-09-16"), date_span("PAST_REF")
        (('2010-01-01', '2019-12-31', 'decade'), None, None, None)
    """
    if not isinstance(value, str):
        return None
    precision = next((p for pattern, p in _VALUE_PRECISION if pattern.match(value)), None)
    if precision is None:
        return None
    if precision == "season":
        year, first, last = int(value[:4]), *_SEASONS[value[5:]]
        end_year = year + 1 if last < first else year
        start = _dt.date(year, first, 1)
        stop = _dt.date(end_year, last + 1, 1) - _dt.timedelta(days=1)
        return start.isoformat(), stop.isoformat(), precision
    if precision == "decade":
        decade = int(value) * 10
        return f"{decade:04d}-01-01", f"{decade + 9:04d}-12-31", precision
    span = resolve_date_span(value.split("T")[0])
    if span is None:
        return None
    return span[0].isoformat(), span[1].isoformat(), precision


_REPORT_NOUNS = r"statements?|speech|interview|briefing|(?:news\s+)?conference|remarks|comments"
_REPORT_VERBS = (
    r"said|says|say|told|tells|reported|reports|announced|announces|stated|states|added|"
    r"confirmed|noted|wrote|tweeted|posted|quoted|cited"
)
#: A reporting verb or noun right before the date: "said on Tuesday", "told Reuters last week".
_REPORT_BEFORE = re.compile(
    rf"\b(?:{_REPORT_VERBS}|{_REPORT_NOUNS})\b\s+(?:(?:the\s+)?[A-Z][\w.’'-]*\s+){{0,3}}"
    r"(?:(?:late|early|earlier|later)\s+)?(?:on|in|at|during|earlier|later)?\s*$"
)
#: The clause's reporting verb after the date: "on Wednesday said", "On Friday, it said".
_REPORT_AFTER = re.compile(rf"^\s*,?\s*(?P<subject>[^.;:“”\"]{{0,80}}?)\b(?:{_REPORT_VERBS})\b")
#: A date right after these words starts or ends a state, or is another event's anchor.
_BOUNDARY_BEFORE = re.compile(
    r"\b(?:since|until|till|by|before|after|prior\s+to|ahead\s+of|as\s+of|from)\s+$", re.I
)
#: A date inside a "since"/"until" clause: "since it began in 2009".
_BOUNDARY_CLAUSE = re.compile(r"\b(?:since|until|till)\b[^,;.]{0,30}$", re.I)
_RANGE_START = re.compile(r"\b(?:from|between)\s+$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—)\s*$")


class _Dated:
    """A candidate date of a sentence (offsets into the sentence)."""

    __slots__ = ("end", "first", "last", "precision", "start", "text")

    def __init__(self, start: int, end: int, text: str, span: tuple[str, str, str]):
        self.start, self.end, self.text = start, end, text
        self.first, self.last, self.precision = span


def _sentence_dates(sent: str, timexes: Sequence[TimeExpr], offset: int) -> list[_Dated]:
    """The sentence's expressions that can date an event, ranges joined (see module docstring)."""
    found: list[tuple[int, int, tuple[str, str, str]]] = []
    for t in sorted(timexes, key=lambda t: t.start):
        if t.type not in ("DATE", "TIME"):
            continue
        span = date_span(t.value)
        if span is not None:
            found.append((t.start - offset, t.end - offset, span))
    out: list[_Dated] = []
    i = 0
    while i < len(found):
        start, end, span = found[i]
        if i + 1 < len(found):
            start2, end2, span2 = found[i + 1]
            joined = _RANGE_JOIN.match(sent[end:start2]) and _RANGE_START.search(sent[:start])
            if joined and span[0] <= span2[1]:
                coarser = max(span[2], span2[2], key=_RANK.__getitem__)
                out.append(_Dated(start, end2, sent[start:end2], (span[0], span2[1], coarser)))
                i += 2
                continue
        left = sent[:start]
        if not (_BOUNDARY_BEFORE.search(left) or _BOUNDARY_CLAUSE.search(left)):
            out.append(_Dated(start, end, sent[start:end], span))
        i += 1
    return out


def _strip_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text without the given spans (the words around a sentence's dates)."""
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(text[at:start])
        at = max(at, end)
    return "".join(out) + text[at:]


def _is_report_date(sent: str, d: _Dated) -> bool:
    """Whether the date tells when something was said (see the module docstring)."""
    if _REPORT_BEFORE.search(sent[: d.start]):
        return True
    after = _REPORT_AFTER.match(sent[d.end :])
    if after is None:
        return False
    return sentence_tense(sent[: d.start]) is None and sentence_tense(after["subject"]) is None


# --------------------------------------------------------------------------- tense

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_MODALS = frozenset("will would shall should could can might must ’ll 'll".split())
_ADVERBS = frozenset(
    "not n't never also already now just still since repeatedly yet ever recently reportedly "
    "allegedly apparently largely mostly again long".split()
)
_IRREGULAR_PAST = frozenset(
    """
    took came went began fought met held gave made sent left struck shot found broke won lost
    fell rose saw spoke wrote ran drove flew knew brought caught sought stood got became overran
    withdrew kept felt heard paid built spent fled stole chose threw grew blew drew shook hid
    rode sank slew swept led laid told said did thought bought fed bled dealt sold struck
    """.split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    """
    been taken given seen done gone risen fallen driven written begun broken chosen spoken
    stolen thrown grown blown drawn shown known flown hidden ridden shaken sunk slain overrun
    withdrawn beaten bitten forgotten frozen eaten
    """.split()
)
#: Words in -ed that are adjectives in news, not verbs.
_NOT_VERBS = frozenset(
    """
    armed based backed united called alleged suspected unidentified unnamed wanted hundred
    indeed need speed red bed shed proceed succeed exceed feed seed bleed breed so-called
    detained wounded injured displaced besieged embattled beleaguered renewed
    """.split()
)
_DETERMINERS = frozenset("a an the its their his her our this that these those some".split())


def _is_participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or word in _IRREGULAR_PAST or word.endswith("ed")


def _next_word(words: list[str], i: int) -> str:
    """The first word after ``i`` that is not an adverb ("has also been", "were not")."""
    for w in words[i + 1 :]:
        if w not in _ADVERBS:
            return w
    return ""


def sentence_tense(text: str) -> str | None:
    """The tense of the first finite verb of a clause (outside quotations).

    ``past`` (past simple, also passive and progressive: ``was killed``, ``were
    fighting``), ``perfect`` (``has declared``, ``have been displaced``),
    ``past_perfect`` (``had tried``), ``future`` (a modal: ``will``, ``could``; ``is to``),
    ``present`` (``says``, ``is``, ``are fighting``), or ``None`` when no verb is found.
    Words in -ed count as verbs unless hyphenated (``U.S.-backed``), after a determiner
    (``the wounded``) or news adjectives (``armed``, ``alleged``).

    Example:
        >>> [sentence_tense(s) for s in ("Hezbollah has declared victory.",
        ...     "The militants swept through Marawi.", "Australia will send troops.",
        ...     "The army and its allies are fighting.", "The ministry said 29 policemen")]
        ['perfect', 'past', 'future', 'present', 'past']
    """
    words = [w.lower().replace("’", "'") for w in _WORD.findall(_QUOTED.sub(" ", text))]
    for i, w in enumerate(words):
        nxt = _next_word(words, i)
        if w in _MODALS or (w == "may" and i > 0):
            return "future"
        if w in ("is", "are", "am"):
            return "future" if nxt == "to" else "present"
        if w in ("was", "were"):
            return "future" if nxt == "to" else "past"
        if w in ("has", "have"):
            return "perfect" if _is_participle(nxt) and nxt != "to" else "present"
        if w == "had":
            return "past_perfect" if _is_participle(nxt) else "past"
        if w in ("says", "say", "tells", "does", "do"):
            return "present"
        if w in _IRREGULAR_PAST:
            return "past"
        if (
            len(w) > 4
            and w.endswith("ed")
            and "-" not in w
            and w not in _NOT_VERBS
            and (i == 0 or words[i - 1] not in _DETERMINERS)
        ):
            return "past"
    return None


_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b", re.I)
_RUNNING_TOTAL = re.compile(r"\b(?:since|so\s+far|to\s+date|in\s+total|altogether)\b", re.I)


def _reports_lead_event(sent: str, cumulative: bool) -> bool:
    """Whether the lead, without a date of its own, reports the article's event."""
    if cumulative or _NEGATION.search(sent) or _RUNNING_TOTAL.search(sent):
        return False
    return sentence_tense(sent) in ("past", "perfect")


# --------------------------------------------------------------------------- places


@functools.cache
def _coordinates() -> tuple[
    dict[tuple[str, str], tuple[float, float]], dict[str, tuple[float, float]]
]:
    """``(name, iso3) -> (lat, lon)`` and ``iso3 -> capital (lat, lon)`` from the gazetteer."""
    points: dict[tuple[str, str], tuple[float, float]] = {}
    capitals: dict[str, tuple[float, float]] = {}
    for name in ("coordinates.tsv", "coordinates_towns.tsv"):
        for row in read_resource(GAZETTEER_DIR / name):
            point = (float(row["latitude"]), float(row["longitude"]))
            points[(row["name"], row["country"])] = point
            if row["basis"] == "capital":
                capitals[row["country"]] = point
    return points, capitals


def locate_place(name: str | None, country: str | None = None) -> tuple[float, float, str] | None:
    """Latitude, longitude and ISO3 country of a place name, from the shipped gazetteer.

    Without ``country`` the most populous place of that name is meant. A country is placed
    at its capital. ``None`` when the gazetteer does not locate the place.

    Example:
        >>> locate_place("Mosul"), locate_place("Syria")[2], locate_place("Sultan Omar Dianalan Boulevard")
        ((36.335, 43.119, 'IRQ'), 'SYR', None)
    """
    if not name:
        return None
    lex = load_lexicon()
    country = country or lex.places.get(name)
    if not country:
        return None
    points, capitals = _coordinates()
    point = points.get((name, country))
    if lex.place_kinds.get(name) == "country" or (point is None and _is_country(name, country)):
        point = capitals.get(country, point)
    return (point[0], point[1], country) if point else None


@functools.cache
def _country_names() -> dict[str, str]:
    """ISO3 -> country name (``countries.csv``)."""
    return {row["iso3"]: row["name"] for row in read_resource(ACTOR_DIR / "countries.csv")}


def _is_country(name: str, country: str) -> bool:
    return _country_names().get(country) == name


_KIND_RANK = {"city": 0, "admin1": 1, "region": 2, "": 3, "landmark": 4, "water": 5, "country": 6}
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|around|into|across|within|throughout)\s+"
    r"(?:[\w’'.-]+\s+){0,5}$",
    re.I,
)


def _choose_place(sent: str, places: Sequence[Mention], offset: int, anchor: int) -> Mention | None:
    """The sentence's place (see the module docstring); offsets of ``places`` are in the body."""
    lex = load_lexicon()

    def rank(m: Mention) -> tuple[int, int, int, int]:
        start = m.start - offset
        locative = _LOCATIVE.search(sent[max(0, start - 80) : start]) is not None
        kind = "country" if m.method == "country" else lex.place_kinds.get(m.actor, "")
        return (not locative, _KIND_RANK.get(kind, 3), abs(start - anchor), start)

    return min(places, key=rank) if places else None


# --------------------------------------------------------------------------- events


def _join(values: Iterable[str]) -> str | None:
    values = list(dict.fromkeys(v for v in values if v))
    return LIST_SEPARATOR.join(values) if values else None


def _overlaps(value: str | None, first: str, last: str) -> bool:
    """Whether a statement's own date (if any) overlaps the event's days."""
    span = date_span(value) if value else None
    return span is None or (span[0] <= last and span[1] >= first)


def _fatalities(statements: Sequence[Casualty]) -> int | None:
    figures = [
        best_figure(c.count_low, c.count_high, c.qualifier)
        for c in statements
        if c.category == "killed" and not c.is_subset
    ]
    known = [f for f in figures if f is not None]
    return sum(known) if known else None


def find_article_events(
    article_id: str,
    body: str,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[Mention],
    timexes: Sequence[TimeExpr],
    casualties: Sequence[Casualty] = (),
    *,
    casualty_ids: Sequence[str] | None = None,
    reference_date: str | None = None,
    dateline_place: str | None = None,
    dateline_country: str | None = None,
    source: str | None = None,
) -> list[Event]:
    """Dated events of one article body, one per sentence that reports something dated.

    A pure function of its arguments (rules in the module docstring).

    Args:
        article_id: Set on every event; event ids are ``<article_id>/e01``, ``…/e02``, ….
        body: The article body.
        sentences: ``(start, end)`` of the body's sentences, in order.
        mentions: Actor mentions of the body (offsets into it).
        timexes: Temporal expressions of the body (offsets into it), found with the
            article's reference date.
        casualties: Casualty statements of the article (headline statements, sentence
            ``-1``, are not linked).
        casualty_ids: Ids of ``casualties`` (default ``<article_id>/c01``, … as the
            pipeline numbers them).
        reference_date: The article's publication date (ISO); later dates are plans, and
            the lead may take it as its date.
        dateline_place: Canonical dateline place, the fallback place.
        dateline_country: Its ISO3 country.
        source: The article's agency or publication, kept with each event.

    Returns:
        Events in sentence order, each its own group until :func:`group_events`.

    Example:
        >>> body = "Militants killed 16 people in Waza in July, Amnesty said on Tuesday."
        >>> from analysis_lib.dates import find_dates
        >>> from analysis_lib.casualties import find_article_casualties
        >>> ref = "2017-09-05"
        >>> cas = find_article_casualties("a#001", body, [(0, len(body))], [], reference_date=ref)
        >>> [(e.date_start, e.date_end, e.precision, e.fatalities, e.casualty_ids) for e in
        ...  find_article_events("a#001", body, [(0, len(body))], [],
        ...                      find_dates(body, reference_date=ref), cas, reference_date=ref)]
        [('2017-07-01', '2017-07-31', 'month', 16, 'a#001/c01')]
    """
    if casualty_ids is None:
        casualty_ids = [f"{article_id}/c{n:02d}" for n in range(1, len(casualties) + 1)]
    starts = [s for s, _ in sentences]
    by_sentence: dict[int, dict[str, list]] = {}

    def bucket(offset: int) -> dict[str, list]:
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        return by_sentence.setdefault(index, {"mentions": [], "timexes": []})

    for m in mentions:
        bucket(m.start)["mentions"].append(m)
    for t in timexes:
        bucket(t.start)["timexes"].append(t)
    statements: dict[int, list[tuple[str, Casualty]]] = {}
    for cid, c in zip(casualty_ids, casualties, strict=True):
        if c.sentence >= 0:
            statements.setdefault(c.sentence, []).append((cid, c))

    events: list[Event] = []
    for index, (start, end) in enumerate(sentences):
        parts = by_sentence.get(index, {"mentions": [], "timexes": []})
        linked = statements.get(index, [])
        event = _sentence_event(
            body[start:end],
            start,
            index,
            parts["mentions"],
            parts["timexes"],
            linked,
            reference_date=reference_date,
        )
        if event is None:
            continue
        first, last, precision, date_source, date_text, anchor = event
        mentions_here = sorted(parts["mentions"], key=lambda m: m.start)
        place_mention = _choose_place(
            body[start:end],
            [m for m in mentions_here if m.entity_type == "LOCATION"],
            start,
            anchor,
        )
        if place_mention is not None:
            place, place_source = place_mention.actor, "sentence"
            hint = place_mention.country or None
        elif dateline_place:
            place, place_source, hint = dateline_place, "dateline", dateline_country
        else:
            place, place_source, hint = None, None, None
        located = locate_place(place, hint)
        country = located[2] if located else (hint or None)
        kept = [
            (cid, c) for cid, c in linked if not c.is_cumulative and _overlaps(c.date, first, last)
        ]
        events.append(
            Event(
                article_id=article_id,
                sentence=index,
                date_start=first,
                date_end=last,
                precision=precision,
                date_source=date_source,
                actors=_join(m.actor for m in mentions_here if m.entity_type != "LOCATION"),
                place=place,
                latitude=located[0] if located else None,
                longitude=located[1] if located else None,
                country=country,
                casualty_ids=_join(cid for cid, _ in kept),
                fatalities=_fatalities([c for _, c in kept]),
                text=" ".join(body[start:end].split()),
                event_id=f"{article_id}/e{len(events) + 1:02d}",
                group_id=f"{article_id}/e{len(events) + 1:02d}",
                date_text=date_text,
                place_source=place_source,
                source=source or None,
            )
        )
    return events


def _sentence_event(
    sent: str,
    offset: int,
    index: int,
    mentions: Sequence[Mention],
    timexes: Sequence[TimeExpr],
    statements: Sequence[tuple[str, Casualty]],
    *,
    reference_date: str | None,
) -> tuple[str, str, str, str, str | None, int] | None:
    """``(first, last, precision, date_source, date_text, anchor offset)`` or ``None``."""
    dates = [
        d
        for d in _sentence_dates(sent, timexes, offset)
        if not _is_report_date(sent, d) and not (reference_date and d.first > reference_date)
    ]
    if dates and not _WORD.search(_strip_spans(sent, [(d.start, d.end) for d in dates])):
        return None  # a line that is only a date (a story's date line) reports nothing
    if dates:
        best = min(dates, key=lambda d: (_RANK[d.precision], d.start))
        return best.first, best.last, best.precision, "sentence", best.text, best.start
    if index == 0 and reference_date and date_span(reference_date):
        cumulative = any(c.is_cumulative for _, c in statements)
        if _reports_lead_event(sent, cumulative):
            return reference_date, reference_date, "reference", "reference", None, 0
    return None


# --------------------------------------------------------------------------- grouping


def _actor_set(actors: str | None) -> frozenset[str]:
    return frozenset(a for a in (actors or "").split(LIST_SEPARATOR) if a)


def _same_event(a: Event, b: Event) -> bool:
    sa, sb = _actor_set(a.actors), _actor_set(b.actors)
    return bool(sa & sb) or not (sa or sb)


def group_events(events: Iterable[Event]) -> list[Event]:
    """Give the reports of one event the same ``group_id`` (rules in the module docstring).

    The corpus-level reduce step: the result for each event depends only on the set of
    events, not on their order. Events keep their order; each gets the smallest
    ``event_id`` of its group.

    Example:
        >>> a = Event("a#001", 0, "2017-09-05", "2017-09-05", "day", "sentence",
        ...           "Syrian military; Islamic State", "Deir al-Zor", 35.3, 40.1, "SYR",
        ...           None, None, "…", event_id="a#001/e01")
        >>> b = a._replace(article_id="b#001", actors="Syrian military", event_id="b#001/e01")
        >>> c = a._replace(article_id="c#001", place="Raqqa", event_id="c#001/e01")
        >>> [e.group_id for e in group_events([c, b, a])]
        ['c#001/e01', 'a#001/e01', 'a#001/e01']
    """
    events = list(events)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple, list[int]] = {}
    for i, e in enumerate(events):
        if e.precision in _DAY_PRECISE:
            key = (e.date_start, (e.place or "").casefold())
            buckets.setdefault(key, []).append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if _same_event(events[i], events[j]):
                    parent[find(i)] = find(j)
    names: dict[int, str] = {}
    for i, e in enumerate(events):
        root = find(i)
        names[root] = min(names.get(root, e.event_id), e.event_id)
    return [e._replace(group_id=names[find(i)]) for i, e in enumerate(events)]


def rename_event_actors(events: Iterable[Event], aliases: Mapping[str, str]) -> list[Event]:
    """Events with one-word actors renamed by the corpus's aliases (``Payne`` -> ``Marise Payne``).

    ``aliases`` maps a short person name to the full name the corpus gives it
    (:func:`~analysis_lib.actors.corpus_alias_map`); events store actor names only, so any
    one-word actor equal to such a short name is renamed.

    Example:
        >>> e = Event("a#001", 0, "2017-09-08", "2017-09-08", "day", "sentence", "Payne; troops",
        ...           None, None, None, None, None, None, "Payne said ...")
        >>> rename_event_actors([e], {"Payne": "Marise Payne"})[0].actors
        'Marise Payne; troops'
    """
    out = []
    for e in events:
        names = (e.actors or "").split(LIST_SEPARATOR)
        renamed = [aliases.get(a, a) if " " not in a else a for a in names]
        out.append(e._replace(actors=_join(renamed)) if renamed != names else e)
    return out


def reduce_events(
    rows: Iterable[Mapping[str, object]], *, aliases: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The corpus-level step of the pipeline: event rows of all articles -> the ``events`` table.

    Renames actors by the corpus's aliases (:func:`rename_event_actors`), then groups the
    reports of one event (:func:`group_events`).

    Example:
        >>> reduce_events([]).empty
        True
    """
    events = [Event(**{field: row[field] for field in Event._fields}) for row in rows]
    return events_frame(group_events(rename_event_actors(events, aliases or {})))


# --------------------------------------------------------------------------- tables


def _iso_bound(value: str | None, name: str, *, last: bool) -> str | None:
    """An ISO day from a ``date_from``/``date_to`` parameter (``2017-09``: its first or last day)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    span = date_span(text) if re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", text) else None
    if span is None:
        raise ValueError(
            f"{name}={value!r} is not an ISO date: expected YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return span[1] if last else span[0]


def filter_events(
    events: pd.DataFrame,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    actors: Sequence[str] = (),
    precisions: Sequence[str] = (),
) -> pd.DataFrame:
    """Events that overlap ``[date_from, date_to]``, involve one of ``actors``, at these precisions.

    Empty bounds, actor lists and precision lists keep everything. Bounds are ISO
    (``2017``, ``2017-09``, ``2017-09-05``); a month bound covers the whole month.

    Raises:
        ValueError: When a bound is not an ISO date, or a precision is unknown.

    Example:
        >>> ev = pd.DataFrame({"date_start": ["2017-07-01", "2017-09-05"],
        ...     "date_end": ["2017-07-31", "2017-09-05"], "precision": ["month", "day"],
        ...     "actors": ["Boko Haram", "Syrian military; Islamic State"]})
        >>> len(filter_events(ev, date_from="2017-09")), len(filter_events(ev, actors=["Islamic State"]))
        (1, 1)
    """
    unknown = set(precisions) - set(PRECISIONS)
    if unknown:
        raise ValueError(f"unknown precision(s) {sorted(unknown)}: expected some of {PRECISIONS}")
    start = _iso_bound(date_from, "date_from", last=False)
    stop = _iso_bound(date_to, "date_to", last=True)
    keep = pd.Series(True, index=events.index)
    if start:
        keep &= events["date_end"].astype("string") >= start
    if stop:
        keep &= events["date_start"].astype("string") <= stop
    if actors:
        wanted = set(actors)
        keep &= events["actors"].map(lambda a: bool(_actor_set(_text(a)) & wanted)).astype(bool)
    if precisions:
        keep &= events["precision"].isin(list(precisions))
    return events[keep].reset_index(drop=True)


def _text(value: object) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def summarize_event_groups(events: pd.DataFrame) -> pd.DataFrame:
    """One row per group of reports: the group's dates, place, actors, figures and evidence.

    The representative report is the group's first one dated by its own sentence (else the
    first); ``actors`` joins every report's actors (representative's first);
    ``fatalities`` is the smallest figure the reports give (ACLED's conservative rule),
    ``reports`` how many reports the group has, ``sources`` their agencies and ``texts``
    their distinct evidence sentences (joined with `` | ``).

    Example:
        >>> ev = pd.DataFrame({"event_id": ["a/e01", "b/e01"], "group_id": ["a/e01", "a/e01"],
        ...     "date_start": ["2017-09-05"] * 2, "date_end": ["2017-09-05"] * 2,
        ...     "precision": ["day"] * 2, "date_source": ["sentence"] * 2,
        ...     "actors": ["Boko Haram", "Boko Haram; civilians"], "place": ["Waza"] * 2,
        ...     "latitude": [None] * 2, "longitude": [None] * 2, "country": ["CMR"] * 2,
        ...     "fatalities": [16, 18], "source": ["Reuters", "AFP"], "text": ["x", "y"]})
        >>> summarize_event_groups(ev)[["group_id", "actors", "fatalities", "reports", "sources"]].to_dict("records")
        [{'group_id': 'a/e01', 'actors': 'Boko Haram; civilians', 'fatalities': 16, 'reports': 2, 'sources': 'AFP; Reuters'}]
    """
    columns = [
        "group_id", "date_start", "date_end", "precision", "actors", "place",
        "place_source", "latitude",
        "longitude", "country", "fatalities", "reports", "sources", "text", "texts",
    ]  # fmt: skip
    if events.empty:
        frame = pd.DataFrame({c: pd.Series(dtype="string") for c in columns})
        return frame.astype(
            {
                "latitude": "float64",
                "longitude": "float64",
                "fatalities": "Int64",
                "reports": "int64",
            }
        )
    rows = []
    ordered = events.sort_values(["group_id", "event_id"], kind="stable")
    for group_id, group in ordered.groupby("group_id", sort=True):
        own = group[group["date_source"] == "sentence"]
        rep = (own if len(own) else group).iloc[0]
        figures = [int(f) for f in group["fatalities"] if not pd.isna(f)]
        rows.append(
            {
                "group_id": group_id,
                "date_start": rep["date_start"],
                "date_end": rep["date_end"],
                "precision": rep["precision"],
                "actors": _join(_ordered_actors(rep["actors"], group["actors"])),
                "place": _text(rep["place"]),
                "place_source": _text(rep.get("place_source")),
                "latitude": rep["latitude"],
                "longitude": rep["longitude"],
                "country": _text(rep["country"]),
                "fatalities": min(figures) if figures else None,
                "reports": len(group),
                "sources": _join(sorted({s for s in map(_text, group["source"]) if s})),
                "text": rep["text"],
                "texts": " | ".join(dict.fromkeys(str(t) for t in [rep["text"], *group["text"]])),
            }
        )
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.astype(
        {
            "latitude": "float64",
            "longitude": "float64",
            "fatalities": "Int64",
            "reports": "int64",
            **{
                c: "string"
                for c in columns
                if c not in ("latitude", "longitude", "fatalities", "reports")
            },
        }
    )
    return frame.sort_values(["date_start", "group_id"], kind="stable").reset_index(drop=True)


def _ordered_actors(first: object, others: Iterable[object]) -> list[str]:
    """Actors of the representative report first, then the others' new ones, each once."""
    out: list[str] = []
    for value in [first, *others]:
        for actor in (_text(value) or "").split(LIST_SEPARATOR):
            if actor and actor not in out:
                out.append(actor)
    return out


def summarize_events(
    events: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    found: pd.DataFrame | None = None,
) -> str:
    """One line saying what the events table holds (or why it is empty), for notebooks.

    Args:
        events: The events shown (after filters).
        articles: The ``articles`` table, to say how many articles were read.
        found: All events found before the filters, to say how many the filters kept.

    Example:
        >>> summarize_events(events_frame([]), articles=pd.DataFrame({"article_id": []}))
        'No dated events to show: the corpus has no articles.'
    """
    n_articles = None if articles is None else len(articles)
    if events.empty:
        if n_articles == 0:
            return "No dated events to show: the corpus has no articles."
        if found is not None and not found.empty:
            return f"No dated events to show: none of the {len(found)} found passes the filters."
        return "No dated events to show: no sentence reports something dated."
    precisions = events["precision"].value_counts()
    by_precision = ", ".join(f"{p} {int(precisions[p])}" for p in PRECISIONS if p in precisions)
    text = (
        f"{len(events)} dated events ({events['group_id'].nunique()} after grouping the reports "
        f"of one event) from {events['article_id'].nunique()} articles"
    )
    if n_articles is not None:
        text += f" of {n_articles}"
    if found is not None and len(found) != len(events):
        text += f"; the filters kept {len(events)} of {len(found)}"
    return f"{text}. Precision: {by_precision}."


def count_event_actors(
    events: pd.DataFrame, *, actors: pd.DataFrame | None = None, named_only: bool = True
) -> pd.DataFrame:
    """Events (groups of reports) per actor, most frequent first.

    Args:
        events: The ``events`` table.
        actors: The ``actors`` table (:func:`~analysis_lib.cooccurrence.summarize_actors`),
            for each actor's entity type and sector.
        named_only: Leave out generic agents (entity type GROUP: ``militants``,
            ``civilians``); needs ``actors``.

    Example:
        >>> ev = pd.DataFrame({"group_id": ["a", "b", "b"],
        ...                    "actors": ["Boko Haram; militants", "Boko Haram", "Amnesty"]})
        >>> count_event_actors(ev, named_only=False).to_dict("records")
        [{'actor': 'Boko Haram', 'events': 2, 'entity_type': None, 'sector': None}, {'actor': 'Amnesty', 'events': 1, 'entity_type': None, 'sector': None}, {'actor': 'militants', 'events': 1, 'entity_type': None, 'sector': None}]
    """
    groups: dict[str, set[str]] = {}
    for group_id, value in zip(events.get("group_id", []), events.get("actors", []), strict=True):
        for actor in _actor_set(_text(value)):
            groups.setdefault(actor, set()).add(group_id)
    info = _actor_info(actors)
    rows = [
        {
            "actor": actor,
            "events": len(ids),
            "entity_type": info.get(actor, {}).get("entity_type"),
            "sector": info.get(actor, {}).get("sector"),
        }
        for actor, ids in groups.items()
        if not (named_only and info.get(actor, {}).get("entity_type") == "GROUP")
    ]
    frame = pd.DataFrame(rows, columns=["actor", "events", "entity_type", "sector"])
    frame = frame.astype({"events": "int64"})
    return frame.sort_values(
        ["events", "actor"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def _actor_info(actors: pd.DataFrame | None) -> dict[str, dict[str, str | None]]:
    if actors is None or actors.empty:
        return {}
    return {
        str(r["actor"]): {k: _text(r.get(k)) for k in ("entity_type", "sector", "country")}
        for r in actors.to_dict("records")
    }


_PERIOD_FREQ = {"week": "W-SUN", "month": "M"}


def casualties_per_period(events: pd.DataFrame, *, granularity: str = "month") -> pd.DataFrame:
    """Fatalities of dated events per week or month, with the running sum.

    One figure per group of reports (:func:`summarize_event_groups`). Only events whose
    dates lie within one period count (a month-precise event has no week; a year-precise
    one no month); ``skipped`` in the frame's ``attrs`` says how many events with
    fatalities were left out so. Periods without events between the first and the last
    are listed with 0, so that the bars and the cumulative line have no gaps.

    Raises:
        ValueError: When ``granularity`` is not ``week`` or ``month``.

    Example:
        >>> ev = pd.DataFrame({"event_id": ["a/e01", "b/e01"], "group_id": ["a/e01", "b/e01"],
        ...     "date_start": ["2017-07-01", "2017-09-05"], "date_end": ["2017-07-31", "2017-09-05"],
        ...     "precision": ["month", "day"], "date_source": ["sentence"] * 2,
        ...     "actors": [None, None], "place": [None, None], "latitude": [None] * 2,
        ...     "longitude": [None] * 2, "country": [None] * 2, "fatalities": [16, 3],
        ...     "source": [None] * 2, "text": ["x", "y"]})
        >>> casualties_per_period(ev)[["period", "fatalities", "cumulative"]].to_dict("records")
        [{'period': '2017-07', 'fatalities': 16, 'cumulative': 16}, {'period': '2017-08', 'fatalities': 0, 'cumulative': 16}, {'period': '2017-09', 'fatalities': 3, 'cumulative': 19}]
    """
    if granularity not in _PERIOD_FREQ:
        raise ValueError(f"granularity={granularity!r}: expected 'week' or 'month'")
    columns = ["period", "period_start", "events", "fatalities", "cumulative"]
    groups = summarize_event_groups(events)
    groups = groups[groups["fatalities"].notna()]
    rows, skipped = [], 0
    for g in groups.itertuples(index=False):
        first = pd.Period(g.date_start, freq=_PERIOD_FREQ[granularity])
        if first != pd.Period(g.date_end, freq=_PERIOD_FREQ[granularity]):
            skipped += 1
            continue
        rows.append((first, int(g.fatalities)))
    if not rows:
        frame = pd.DataFrame({c: pd.Series(dtype="int64") for c in columns}).astype(
            {"period": "string", "period_start": "string"}
        )
        frame.attrs["skipped"] = skipped
        return frame
    periods = pd.period_range(
        min(p for p, _ in rows), max(p for p, _ in rows), freq=_PERIOD_FREQ[granularity]
    )
    totals = Counter()
    counts = Counter()
    for period, figure in rows:
        totals[period] += figure
        counts[period] += 1
    frame = pd.DataFrame(
        {
            "period": [_period_label(p, granularity) for p in periods],
            "period_start": [p.start_time.date().isoformat() for p in periods],
            "events": [counts[p] for p in periods],
            "fatalities": [totals[p] for p in periods],
        }
    )
    frame["cumulative"] = frame["fatalities"].cumsum()
    frame = frame.astype({"period": "string", "period_start": "string"})
    frame.attrs["skipped"] = skipped
    return frame


def _period_label(period: pd.Period, granularity: str) -> str:
    if granularity == "month":
        return period.strftime("%Y-%m")
    year, week, _ = period.start_time.isocalendar()
    return f"{year}-W{week:02d}"


# --------------------------------------------------------------------------- ACLED

_ACLED_DTYPES = {
    "event_date": "string", "actor1": "string", "actor2": "string", "inter1": "Int64",
    "inter2": "Int64", "country": "string", "location": "string", "latitude": "float64",
    "longitude": "float64", "fatalities": "int64", "source": "string", "notes": "string",
}  # fmt: skip

#: Columns of the ACLED-style export, in ACLED's order.
ACLED_COLUMNS = (
    "event_date", "actor1", "actor2", "inter1", "inter2", "country", "location", "latitude",
    "longitude", "fatalities", "source", "notes",
)  # fmt: skip

#: Our CAMEO-like sectors -> ACLED "inter" codes (ACLED Codebook, "Actor Names, Types and
#: Inter Codes"): 1 State Forces, 2 Rebel Groups, 3 Political Militias, 4 Identity
#: Militias, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other Forces.
ACLED_INTER = {
    "GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "LEG": 1, "JUD": 1,
    "REB": 2,
    "UAF": 3, "OPP": 3,
    "CVL": 7, "REF": 7, "MED": 7, "HLH": 7, "NGO": 7, "REL": 7, "EDU": 7, "BUS": 7,
    "IGO": 8,
}  # fmt: skip
_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})


def acled_inter_code(
    sector: str | None, *, actor_country: str | None = None, event_country: str | None = None
) -> int | None:
    """ACLED's inter code of an actor from its sector (``None`` when the sector is unknown).

    State forces (GOV, MIL, COP, SPY, LEG, JUD) are 1 at home and 8 (External/Other
    Forces) in another country, as ACLED codes state forces active outside their own
    country; REB 2; UAF (unidentified armed groups) and OPP 3 (Political Militias); CVL,
    REF, MED, HLH, NGO, REL, EDU and BUS 7 (Civilians: refugees, journalists, health and
    aid workers, clerics, teachers, business people); IGO 8.

    Example:
        >>> acled_inter_code("MIL", actor_country="SYR", event_country="SYR"), acled_inter_code(
        ...     "MIL", actor_country="RUS", event_country="SYR"), acled_inter_code("REB")
        (1, 8, 2)
    """
    code = ACLED_INTER.get(sector or "")
    if code == 1 and actor_country and event_country and actor_country != event_country:
        return 8
    return code


_ACTOR_PRIORITY = {1: 0, 2: 0, 3: 0, 4: 0, 8: 1, 7: 2}


def _acled_actors(
    actors: list[str], info: Mapping[str, Mapping[str, str | None]], country: str | None
) -> list[tuple[str, int | None]]:
    """Actors with inter codes, the armed ones first, then external forces, then civilians."""
    coded = []
    for position, actor in enumerate(actors):
        facts = info.get(actor, {})
        code = acled_inter_code(
            facts.get("sector"), actor_country=facts.get("country"), event_country=country
        )
        sector = facts.get("sector") or ""
        speaker = sector in ("MED", "NGO")  # agencies and monitors are usually the source
        coded.append(((_ACTOR_PRIORITY.get(code, 3) + 3 * speaker, position), actor, code))
    return [(actor, code) for _, actor, code in sorted(coded)]


def acled_events(
    events: pd.DataFrame,
    *,
    actors: pd.DataFrame | None = None,
    precisions: Sequence[str] = ("day", "reference", "week", "month"),
    escape: bool = True,
) -> pd.DataFrame:
    """One row per group of reports, in ACLED's column layout (``ACLED_COLUMNS``).

    ``event_date`` is the first day (ISO); ``actor1`` the most armed actor (state forces,
    rebels, militias first, then external forces, then civilians; agencies and monitors,
    sectors MED and NGO, last; ties: the first named), ``actor2`` the next one of another
    kind (another inter code: the other side), else the next; ``inter1``/``inter2`` their ACLED
    codes (:func:`acled_inter_code`; ``inter2`` is 0 without a second actor, as in ACLED,
    and empty when the sector is unknown); ``country`` the country's name; ``location``
    the place; ``fatalities`` the group's figure (0 when none is given, as ACLED codes
    unknown deaths); ``source`` the agencies; ``notes`` the evidence sentences. ACLED
    dates events to a day, a week or a month, so coarser events are left out unless
    ``precisions`` asks for them. News text is HTML-escaped when ``escape`` is true.

    Args:
        events: The ``events`` table.
        actors: The ``actors`` table, for the sectors and countries behind inter codes.
        precisions: Precisions exported.
        escape: HTML-escape text taken from the news (actors, places, notes, sources).

    Example:
        >>> ev = pd.DataFrame({"event_id": ["a/e01"], "group_id": ["a/e01"],
        ...     "date_start": ["2017-07-01"], "date_end": ["2017-07-31"], "precision": ["month"],
        ...     "date_source": ["sentence"], "actors": ["civilians; Boko Haram"], "place": ["Waza"],
        ...     "latitude": [None], "longitude": [None], "country": ["CMR"], "fatalities": [16],
        ...     "source": ["Reuters"], "text": ["Boko Haram & co killed 16 people in Waza in July."]})
        >>> info = pd.DataFrame({"actor": ["Boko Haram", "civilians"], "sector": ["REB", "CVL"],
        ...                      "country": ["NGA", None], "entity_type": ["ORGANIZATION", "GROUP"]})
        >>> row = acled_events(ev, actors=info).iloc[0]
        >>> row["actor1"], int(row["inter1"]), row["actor2"], int(row["inter2"]), row["country"], row["notes"][:20]
        ('Boko Haram', 2, 'civilians', 7, 'Cameroon', 'Boko Haram &amp; co ')
    """
    groups = summarize_event_groups(events)
    groups = groups[groups["precision"].isin(list(precisions))]
    info = _actor_info(actors)
    clean = html.escape if escape else (lambda s: s)
    rows = []
    for g in groups.itertuples(index=False):
        coded = _acled_actors(_ordered_actors(g.actors, []), info, _text(g.country))
        actor1, inter1 = coded[0] if coded else (None, None)
        others = coded[1:]
        actor2, inter2 = next(
            (c for c in others if c[1] != inter1), others[0] if others else (None, None)
        )
        rows.append(
            {
                "event_date": g.date_start,
                "actor1": clean(actor1) if actor1 else None,
                "actor2": clean(actor2) if actor2 else None,
                "inter1": inter1,
                "inter2": 0 if actor2 is None else inter2,
                "country": _country_names().get(_text(g.country) or "", _text(g.country)),
                "location": clean(g.place) if _text(g.place) else None,
                "latitude": g.latitude,
                "longitude": g.longitude,
                "fatalities": 0 if pd.isna(g.fatalities) else int(g.fatalities),
                "source": clean(g.sources) if _text(g.sources) else None,
                "notes": clean(g.texts),
            }
        )
    return pd.DataFrame(rows, columns=list(ACLED_COLUMNS)).astype(_ACLED_DTYPES)


def write_acled_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write an :func:`acled_events` frame as UTF-8 CSV (``\\n`` line ends); returns the path.

    Text cells that a spreadsheet would run as a formula get a leading ``'``
    (:mod:`analysis_lib.csvsafe`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_csv(frame, path)


# --------------------------------------------------------------------------- TimelineJS


def _tl_date(iso: str, precision: str) -> dict[str, str]:
    """A TimelineJS date object: year, month and day as far as the precision goes."""
    year, month, day = iso[:4], str(int(iso[5:7])), str(int(iso[8:10]))
    if precision in ("year", "decade"):
        return {"year": year}
    if precision in ("month", "season", "quarter", "half"):
        return {"year": year, "month": month}
    return {"year": year, "month": month, "day": day}


def timelinejs_events(
    events: pd.DataFrame, *, title: str | None = None, text: str | None = None
) -> dict:
    """The events as a TimelineJS3 JSON object: one slide per group of reports.

    Each slide has ``start_date`` (and ``end_date`` for a span of several days) with
    ``year``, ``month`` and ``day`` as far as the precision goes (strings, as in the
    TimelineJS3 documentation), ``text`` (``headline``: the place and up to three actors;
    ``text``: the evidence, the fatalities and the sources, as HTML), ``group`` (the
    country, shown as a row label) and a ``unique_id``. All text from the news is
    HTML-escaped. ``title``/``text`` make the title slide.

    Example:
        >>> ev = pd.DataFrame({"event_id": ["a/e01"], "group_id": ["a/e01"],
        ...     "date_start": ["2017-09-22"], "date_end": ["2017-09-22"], "precision": ["day"],
        ...     "date_source": ["sentence"], "actors": ["Russian military"], "place": ["Idlib"],
        ...     "latitude": [35.9], "longitude": [36.6], "country": ["SYR"], "fatalities": [None],
        ...     "source": ["Reuters"], "text": ["A <Russian> submarine fired missiles."]})
        >>> slide = timelinejs_events(ev)["events"][0]
        >>> slide["start_date"], slide["text"]["headline"], slide["text"]["text"][:40]
        ({'year': '2017', 'month': '9', 'day': '22'}, 'Idlib: Russian military', '<p>A &lt;Russian&gt; submarine fired mis')
    """
    slides = []
    for g in summarize_event_groups(events).itertuples(index=False):
        actors = _ordered_actors(g.actors, [])
        headline = "; ".join(actors[:3]) or "event"
        if _text(g.place):
            headline = f"{g.place}: {headline}"
        body = "".join(f"<p>{html.escape(t)}</p>" for t in str(g.texts).split(" | "))
        if not pd.isna(g.fatalities):
            body += f"<p>Fatalities: {int(g.fatalities)}</p>"
        if _text(g.sources):
            body += f"<p>Source: {html.escape(str(g.sources))}</p>"
        slide: dict = {
            "start_date": _tl_date(str(g.date_start), str(g.precision)),
            "text": {"headline": html.escape(headline), "text": body},
            "unique_id": re.sub(r"[^A-Za-z0-9_-]+", "-", str(g.group_id)).strip("-"),
        }
        if g.date_end != g.date_start and g.precision not in ("year", "month"):
            slide["end_date"] = _tl_date(str(g.date_end), str(g.precision))
        country = _text(g.country)
        if country:
            slide["group"] = html.escape(_country_names().get(country, country))
        slides.append(slide)
    data: dict = {"events": slides}
    if title or text:
        data["title"] = {
            "text": {"headline": html.escape(title or ""), "text": html.escape(text or "")}
        }
    return data


def write_timelinejs_json(data: Mapping, path: str | Path) -> Path:
    """Write a :func:`timelinejs_events` object as UTF-8 JSON; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def events_frame(events: Iterable[Event]) -> pd.DataFrame:
    """The ``events`` table from records.

    Example:
        >>> events_frame([]).columns[:3].tolist()
        ['event_id', 'group_id', 'article_id']
    """
    return to_frame("events", (e._asdict() for e in events))
