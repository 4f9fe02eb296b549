"""Corpus metadata the text does not carry: publication dates from a sidecar file.

A text dump rarely says when each story was published. A *sidecar* next to it does:
``metadata.csv`` in the dump's folder (for every file there) or ``<file>.metadata.csv``
beside one file, with the columns ``file``, ``article``, ``headline``, ``published_date``
and ``date_evidence``:

* ``file``: the dump's file name (as in the article ids, ``000_dump.txt``);
* ``article``: the article's 1-based number in that file (``#003`` → 3);
* ``headline``: the headline as printed, checked against the article (optional);
* ``published_date``: an ISO date (``2017-09-16``);
* ``date_evidence``: where the date comes from, in a few words (optional).

The loader does not read sidecars as articles; the pipeline applies them. A row that
cannot be used (a bad date, an unknown article, a headline that does not match) becomes
a warning in the ``issues`` table naming the sidecar and its line; the rest still apply.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
from dataclasses import dataclass
from pathlib import Path

from analysis_lib.corpus import LoadIssue

SIDECAR_NAME = "metadata.csv"
SIDECAR_SUFFIX = ".metadata.csv"
SIDECAR_COLUMNS = ("file", "article", "headline", "published_date", "date_evidence")


@dataclass(frozen=True)
class SidecarDate:
    """A publication date for one article, as a sidecar gives it."""

    published_date: str
    evidence: str | None
    headline: str | None
    path: str
    line: int


def is_sidecar(name: str) -> bool:
    """True for a file name that is a metadata sidecar, not a corpus file.

    Example:
        >>> is_sidecar("metadata.csv"), is_sidecar("dump.txt.metadata.csv"), is_sidecar("rows.csv")
        (True, True, False)
    """
    lower = Path(name).name.lower()
    return lower == SIDECAR_NAME or lower.endswith(SIDECAR_SUFFIX)


def read_sidecar(path: str | Path) -> tuple[dict[tuple[str, int], SidecarDate], list[LoadIssue]]:
    """Read a sidecar: ``(file, article number) -> SidecarDate``, and issues for bad rows.

    Example:
        >>> import tempfile, os
        >>> folder = tempfile.mkdtemp()
        >>> with open(os.path.join(folder, "metadata.csv"), "w") as f:
        ...     _ = f.write("file,article,headline,published_date,date_evidence\\n"
        ...                 "dump.txt,1,Aid convoy reaches city,2017-09-07,own caption\\n"
        ...                 "dump.txt,2,,7 Sept,\\n")
        >>> dates, issues = read_sidecar(os.path.join(folder, "metadata.csv"))
        >>> dates[("dump.txt", 1)].published_date, [i.line for i in issues]
        ('2017-09-07', [3])
    """
    path = Path(path)
    dates: dict[tuple[str, int], SidecarDate] = {}
    issues: list[LoadIssue] = []
    name = path.name
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [
                c
                for c in ("file", "article", "published_date")
                if c not in (reader.fieldnames or [])
            ]
            if missing:
                message = f"sidecar lacks columns {missing}: expected {list(SIDECAR_COLUMNS)}"
                return {}, [LoadIssue(name, "missing column", message, column=", ".join(missing))]
            for row in reader:
                line = reader.line_num
                problem = _row_problem(row)
                if problem:
                    issues.append(
                        LoadIssue(name, "bad row", problem, line=line, severity="warning")
                    )
                    continue
                key = (row["file"].strip(), int(row["article"]))
                dates[key] = SidecarDate(
                    published_date=row["published_date"].strip(),
                    evidence=(row.get("date_evidence") or "").strip() or None,
                    headline=(row.get("headline") or "").strip() or None,
                    path=name,
                    line=line,
                )
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        issues.append(LoadIssue(name, "unreadable file", f"sidecar could not be read: {error}"))
    return dates, issues


def _row_problem(row: dict) -> str | None:
    if not (row.get("file") or "").strip():
        return "sidecar row without a file name"
    if not (row.get("article") or "").strip().isdigit():
        return f"article number {row.get('article')!r} is not a whole number"
    try:
        _dt.date.fromisoformat((row.get("published_date") or "").strip())
    except ValueError:
        return f"published_date {row.get('published_date')!r} is not an ISO date (YYYY-MM-DD)"
    return None


@functools.lru_cache(maxsize=64)
def _sidecar_for(folder: str, mtime_ns: int) -> tuple[dict, tuple[LoadIssue, ...]]:
    del mtime_ns  # part of the key: an edited sidecar is read again
    dates, issues = read_sidecar(Path(folder) / SIDECAR_NAME)
    return dates, tuple(issues)


def sidecar_dates(
    doc_path: str | Path,
) -> tuple[dict[tuple[str, int], SidecarDate], list[LoadIssue]]:
    """The sidecar entries that apply to a document file (folder and per-file sidecars).

    Returns:
        ``({}, [])`` when there is no sidecar.
    """
    doc_path = Path(doc_path)
    dates: dict[tuple[str, int], SidecarDate] = {}
    issues: list[LoadIssue] = []
    folder_file = doc_path.parent / SIDECAR_NAME
    if folder_file.is_file():
        found, problems = _sidecar_for(str(doc_path.parent), folder_file.stat().st_mtime_ns)
        dates.update(found)
        issues.extend(problems)
    own = doc_path.with_name(doc_path.name + SIDECAR_SUFFIX)
    if own.is_file():
        found, problems = read_sidecar(own)
        dates.update(found)
        issues.extend(problems)
    return dates, issues
