"""Record types shared by the extractors.

All records are immutable named tuples (fast to create in bulk); ``r._replace(...)``
makes a changed copy and ``r._asdict()`` gives a table row. Offsets (``start``,
``end``) refer to the text the extractor was given: an article body in the pipeline.
"""

from __future__ import annotations

from typing import NamedTuple


class Mention(NamedTuple):
    """One actor mention; ``start``/``end`` are offsets into the text searched."""

    start: int
    end: int
    text: str
    actor: str
    entity_type: str
    sector: str = ""
    country: str = ""
    method: str = "dictionary"
    article_id: str = ""
    sentence: int = -1


class TimeExpr(NamedTuple):
    """A temporal expression with a TIMEX3-style value.

    ``type`` is DATE, TIME, DURATION or SET. ``value`` follows TIMEX3: ``2017-09-22``,
    ``2017-09``, ``2017``, ``2017-W37``, ``2017-SU``, ``P4M``, ``PXY``, ``PAST_REF``,
    and ``X`` placeholders (``XXXX-WXX-5``) for a relative expression that could not be
    anchored. ``anchor`` is the reference date used (ISO), or ``None`` when the value
    does not depend on one. ``mod`` is the TIMEX3 modifier (``START``, ``MID``,
    ``END``, ``APPROX``, ``MORE_THAN``, …) when the text gives one.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str | None = None
    mod: str | None = None
    article_id: str = ""
    sentence: int = -1


class Casualty(NamedTuple):
    """One casualty statement: who was killed, injured, kidnapped, … how many, by whom.

    ``start``/``end`` cover the statement's count, victim and trigger words;
    ``count_start``/``count_end`` the count as written (``-1`` when the count is
    implied, as in ``a policeman``). ``count_low``/``count_high`` are ``None`` where
    the text gives no bound (``at least 158``: high is ``None``); both are ``None``
    when the text gives no number at all (``civilians were killed``), with qualifier
    ``unknown``. ``is_subset`` marks a part of another statement's total (``including
    19 civilians``), which tallies never add to that total. ``place_source`` says
    where the place comes from: ``sentence`` or ``dateline``. ``sentence`` is ``-1``
    for a statement of the headline (offsets then refer to the headline).
    """

    start: int
    end: int
    category: str
    count_low: int | None
    count_high: int | None
    qualifier: str
    victim_type: str | None = None
    victim: str | None = None
    perpetrator: str | None = None
    place: str | None = None
    place_source: str | None = None
    date: str | None = None
    is_cumulative: bool = False
    source: str | None = None
    sentence: int = -1
    evidence: str = ""
    article_id: str = ""
    trigger: str = ""
    count_text: str | None = None
    count_start: int = -1
    count_end: int = -1
    is_subset: bool = False


class Event(NamedTuple):
    """A dated event: one sentence that reports something that happened at a known time.

    ``date_start``/``date_end`` are ISO days bounding the event (the same day for a day);
    ``precision`` says how exact the date is: ``day``, ``week``, ``month``, ``season``,
    ``quarter``, ``half``, ``year``, ``decade``, or ``reference`` when the sentence has no
    date of its own and takes the article's publication date (see ``events.py``).
    ``date_source`` is ``sentence`` or ``reference``. ``actors`` and ``casualty_ids`` are
    ``"; "``-joined; ``place_source`` is ``sentence`` or ``dateline``; ``fatalities`` is
    the killed figure of the linked statements (``None`` when none says how many died).
    ``event_id`` is ``<article_id>/eNN``; ``group_id`` is the ``event_id`` that names the
    group of reports of one event (set by :func:`~analysis_lib.events.group_events`).
    """

    article_id: str
    sentence: int
    date_start: str
    date_end: str
    precision: str
    date_source: str
    actors: str | None
    place: str | None
    latitude: float | None
    longitude: float | None
    country: str | None
    casualty_ids: str | None
    fatalities: int | None
    text: str
    event_id: str = ""
    group_id: str = ""
    date_text: str | None = None
    place_source: str | None = None
    source: str | None = None
