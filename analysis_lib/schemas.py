"""Column names and dtypes of every table, in one place.

Each table is a tidy pandas DataFrame. ``to_frame`` builds one from records and
enforces the schema, so tables written by different runs compare byte for byte.
Multi-valued fields (bylines, reporters) are stored as ``"; "``-joined strings so
that CSV and Parquet hold the same values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

LIST_SEPARATOR = "; "

#: table name -> {column: dtype}
SCHEMAS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string",
        "source": "string",
        "source_start": "int64",
        "source_end": "int64",
        "headline": "string",
        "headline_repeated": "bool",
        "caption": "string",
        "byline": "string",
        "dateline": "string",
        "dateline_place": "string",
        "dateline_place_name": "string",
        "dateline_country": "string",
        "dateline_date": "string",
        "agency": "string",
        "body": "string",
        "body_start": "int64",
        "credits": "string",
        "reporters": "string",
        "writers": "string",
        "editors": "string",
        "published_date": "string",
        "date_source": "string",
        "duplicate_of": "string",
        "layout": "string",
        "publication": "string",
        "section": "string",
        "language": "string",
        "vendor_word_count": "Int64",
        "load_date": "string",
        "publication_type": "string",
        "copyright": "string",
        "document_id": "string",
        "editor_note": "string",
        "is_graphic": "bool",
        "char_count": "int64",
        "word_count": "int64",
        "sentence_count": "int64",
        "paragraph_count": "int64",
    },
    "sentences": {
        "article_id": "string",
        "index": "int64",
        "paragraph": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
    },
    "mentions": {
        "article_id": "string",
        "sentence": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "actor": "string",
        "entity_type": "string",
        "sector": "string",
        "country": "string",
        "method": "string",
    },
    "actors": {
        "actor": "string",
        "entity_type": "string",
        "sector": "string",
        "country": "string",
        "mention_count": "int64",
        "article_count": "int64",
        "sentence_count": "int64",
        "surface_forms": "string",
    },
    "pairs": {
        "actor_a": "string",
        "actor_b": "string",
        "type_a": "string",
        "type_b": "string",
        "sector_a": "string",
        "sector_b": "string",
        "sentence_count": "int64",
        "article_count": "int64",
        "pmi": "float64",
        "log_likelihood": "float64",
        "example_sentence_ids": "string",
        "example_sentence": "string",
    },
    "timexes": {
        "article_id": "string",
        "sentence": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "type": "string",
        "value": "string",
        "anchor": "string",
        "mod": "string",
    },
    "casualties": {
        "casualty_id": "string",
        "article_id": "string",
        "sentence": "int64",
        "start": "int64",
        "end": "int64",
        "category": "string",
        "count_low": "Int64",
        "count_high": "Int64",
        "qualifier": "string",
        "count_text": "string",
        "count_start": "int64",
        "count_end": "int64",
        "victim_type": "string",
        "victim": "string",
        "perpetrator": "string",
        "place": "string",
        "place_source": "string",
        "date": "string",
        "is_cumulative": "bool",
        "is_subset": "bool",
        "source": "string",
        "trigger": "string",
        "evidence": "string",
    },
    "tallies": {
        "kind": "string",
        "category": "string",
        "perpetrator": "string",
        "victim_type": "string",
        "place": "string",
        "period": "string",
        "low": "Int64",
        "best": "Int64",
        "high": "Int64",
        "events": "int64",
        "statements": "int64",
        "articles": "int64",
        "sources": "int64",
        "source_names": "string",
        "conflicting_figures": "bool",
        "casualty_ids": "string",
        "example": "string",
    },
    "statements": {
        "casualty_id": "string",
        "article_id": "string",
        "sentence": "int64",
        "kind": "string",
        "category": "string",
        "count_text": "string",
        "count_low": "Int64",
        "count_high": "Int64",
        "qualifier": "string",
        "victim_type": "string",
        "victim": "string",
        "perpetrator": "string",
        "place": "string",
        "date": "string",
        "source": "string",
        "evidence": "string",
        "mark_start": "Int64",
        "mark_end": "Int64",
    },
    "events": {
        "event_id": "string",
        "group_id": "string",
        "article_id": "string",
        "sentence": "int64",
        "date_start": "string",
        "date_end": "string",
        "precision": "string",
        "date_source": "string",
        "date_text": "string",
        "actors": "string",
        "place": "string",
        "place_source": "string",
        "latitude": "float64",
        "longitude": "float64",
        "country": "string",
        "casualty_ids": "string",
        "fatalities": "Int64",
        "source": "string",
        "text": "string",
    },
    "residue": {
        "source": "string",
        "start": "int64",
        "end": "int64",
        "reason": "string",
        "text": "string",
    },
    "issues": {
        "path": "string",
        "line": "Int64",
        "column": "string",
        "kind": "string",
        "severity": "string",
        "message": "string",
    },
}


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes.

    Example:
        >>> list(empty_frame("residue").columns)
        ['source', 'start', 'end', 'reason', 'text']
    """
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in SCHEMAS[table].items()})


def join_list(values: Iterable[str]) -> str | None:
    """Join a list field for storage; ``None`` when empty.

    Example:
        >>> join_list(["Laila Bassam", "Angus McDowall"])
        'Laila Bassam; Angus McDowall'
    """
    values = list(values)
    return LIST_SEPARATOR.join(values) if values else None


def to_frame(table: str, rows: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """Build a table from row dicts, keeping exactly the schema's columns and dtypes.

    Raises:
        KeyError: When a row lacks a column of the schema.

    Example:
        >>> df = to_frame("residue", [{"source": "a.txt", "start": 0, "end": 3,
        ...                            "reason": "separator", "text": "---"}])
        >>> df.dtypes["start"], df.loc[0, "reason"]
        (dtype('int64'), 'separator')
    """
    schema = SCHEMAS[table]
    rows = list(rows)
    if not rows:
        return empty_frame(table)
    data = {col: [row[col] for row in rows] for col in schema}
    return pd.DataFrame({col: pd.Series(values, dtype=schema[col]) for col, values in data.items()})


def check_frame(table: str, frame: pd.DataFrame) -> None:
    """Raise ``ValueError`` when a frame's columns differ from the schema.

    Example:
        >>> check_frame("residue", empty_frame("residue"))
    """
    expected = list(SCHEMAS[table])
    if list(frame.columns) != expected:
        raise ValueError(f"table {table!r}: columns {list(frame.columns)}, expected {expected}")
