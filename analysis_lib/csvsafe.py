"""CSV cells that a spreadsheet will not run as formulas (CSV or formula injection).

A spreadsheet opening a CSV file treats a cell that starts with ``=``, ``+``, ``-`` or
``@`` (and, in some programs, a tab or a carriage return) as a formula: a headline such
as ``=HYPERLINK("http://x","y")`` in a news dump would become a live link, and worse
formulas can run commands or send data away. We follow OWASP's convention ("CSV
Injection"): such a text cell is written with a leading apostrophe, which spreadsheets
show as text and do not evaluate. Numbers are never changed (``-3`` in an integer
column stays a number); only text columns are guarded, and Parquet files keep the
values as they are.

The guard is reversible: a cell that already starts with apostrophes before one of
those characters gets one more, and :func:`unguard_formula` removes exactly one, so
reading a CSV back (:func:`~analysis_lib.pipeline.read_table`) gives the Parquet value.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

__all__ = [
    "FORMULA_START",
    "guard_formula",
    "guard_text_columns",
    "unguard_formula",
    "unguard_text_columns",
    "write_csv",
]

#: Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_START = "=+-@\t\r"

_NEEDS_GUARD = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")


def guard_formula(value: str) -> str:
    """The text as a CSV cell: a leading ``'`` when a spreadsheet would run it.

    Example:
        >>> guard_formula('=HYPERLINK("http://x","y")')
        '\\'=HYPERLINK("http://x","y")'
        >>> guard_formula("- Troops advanced on Raqqa."), guard_formula("Troops advanced.")
        ("'- Troops advanced on Raqqa.", 'Troops advanced.')
    """
    return "'" + value if _NEEDS_GUARD.match(value) else value


def unguard_formula(value: str) -> str:
    """Undo :func:`guard_formula`.

    Example:
        >>> unguard_formula("'@Reuters said 12 were killed"), unguard_formula("'Tis true")
        ('@Reuters said 12 were killed', "'Tis true")
    """
    return value[1:] if _GUARDED.match(value) else value


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [
        col
        for col in frame.columns
        if pd.api.types.is_string_dtype(frame[col].dtype) or frame[col].dtype == object
    ]


def _map_text(frame: pd.DataFrame, pattern: re.Pattern[str], change) -> pd.DataFrame:
    out = frame.copy()
    for col in _text_columns(frame):
        values = frame[col]
        if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
            mask = values.str.match(pattern.pattern).fillna(False).astype(bool)
        else:
            mask = values.map(lambda v: isinstance(v, str) and bool(pattern.match(v)))
            mask = mask.astype(bool)
        if mask.any():
            out[col] = values.mask(mask, values[mask].map(change))
    return out


def guard_text_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells are guarded for CSV (numbers untouched).

    Example:
        >>> df = pd.DataFrame({"headline": ["=1+1", "Troops advance"], "count": [-3, 4]})
        >>> guard_text_columns(df).to_dict("list")
        {'headline': ["'=1+1", 'Troops advance'], 'count': [-3, 4]}
    """
    return _map_text(frame, _NEEDS_GUARD, guard_formula)


def unguard_text_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with the guard of :func:`guard_text_columns` removed.

    Example:
        >>> df = pd.DataFrame({"headline": ["'=1+1", "''+2", "'Tis"]})
        >>> unguard_text_columns(df)["headline"].tolist()
        ['=1+1', "'+2", "'Tis"]
    """
    return _map_text(frame, _GUARDED, unguard_formula)


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as CSV (UTF-8, ``\\n`` line ends, no index) with guarded text cells.

    Example:
        >>> import tempfile
        >>> path = write_csv(pd.DataFrame({"headline": ["@army: 3 killed"]}),
        ...                  Path(tempfile.mkdtemp()) / "t.csv")
        >>> path.read_text(encoding="utf-8")
        "headline\\n'@army: 3 killed\\n"
    """
    path = Path(path)
    guard_text_columns(frame).to_csv(path, index=False, lineterminator="\n")
    return path
