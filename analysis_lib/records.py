"""Record types shared by the extractors."""

from __future__ import annotations

from typing import NamedTuple


class Mention(NamedTuple):
    """One actor mention; ``start``/``end`` are offsets into the text searched.

    An immutable named tuple (fast to create in bulk); ``m._replace(...)`` makes a
    changed copy.
    """

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
