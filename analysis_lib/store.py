"""Where a run keeps its results: a content-hash cache and an output folder written safely.

* :class:`ResultCache` keeps each document's extraction results in ``_cache.sqlite`` in the
  output folder, keyed by a hash of the document's name and text, the run's parameters
  and the library's code. A re-run recomputes only the documents whose key changed
  (incremental runs); a result is stored only once it is complete.
* :class:`OutputWriter` writes tables into a staging folder: large tables as partitioned
  Parquet (``<table>/part-00000.parquet`` …, read back with
  :func:`~analysis_lib.pipeline.read_table` or ``pandas.read_parquet``), small ones as
  ``<table>.parquet`` plus ``<table>.csv``. :meth:`OutputWriter.finish` moves everything
  into place and writes ``manifest.json`` last: a run interrupted before that leaves the
  previous run's tables and manifest untouched, and a table written by this run is never
  shown next to a truncated one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import time
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis_lib import PACKAGE_ROOT, __version__

CACHE_NAME = "_cache.sqlite"
MANIFEST_NAME = "manifest.json"
#: Rows per Parquet part of a partitioned table.
PART_ROWS = 200_000


@functools.cache
def library_fingerprint() -> str:
    """A hash of the library's code and shipped resources (cache entries depend on it).

    Example:
        >>> len(library_fingerprint())
        16
    """
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE_ROOT.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(PACKAGE_ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def text_hash(text: str) -> str:
    """SHA-256 of a text (UTF-8), the content hash the manifest lists per input.

    Example:
        >>> text_hash("abc")[:12]
        'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ResultCache:
    """Per-document results in SQLite, keyed by content, parameters and code.

    Example:
        >>> import tempfile
        >>> cache = ResultCache(tempfile.mkdtemp())
        >>> cache.put("k1", {"articles": [{"article_id": "a#001"}]})
        >>> cache.get("k1")["articles"][0]["article_id"], cache.get("k2")
        ('a#001', None)
        >>> cache.close()
    """

    def __init__(self, folder: str | Path):
        Path(folder).mkdir(parents=True, exist_ok=True)
        self.path = Path(folder) / CACHE_NAME
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, data BLOB)")
        self._db.commit()

    def get(self, key: str) -> dict | None:
        """The stored result for ``key``, or ``None``."""
        row = self._db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
        return json.loads(zlib.decompress(row[0])) if row else None

    def put(self, key: str, result: Mapping) -> None:
        """Store a complete result (one transaction: never half written)."""
        data = zlib.compress(json.dumps(result, ensure_ascii=False).encode(), 3)
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, data))

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget results of documents that are no longer in the corpus."""
        wanted = set(keys)
        stale = [k for (k,) in self._db.execute("SELECT key FROM results") if k not in wanted]
        with self._db:
            self._db.executemany("DELETE FROM results WHERE key = ?", ((k,) for k in stale))

    def close(self) -> None:
        """Close the database."""
        self._db.close()


class _PartWriter:
    """Parquet parts of one table, a new part every ``PART_ROWS`` rows."""

    def __init__(self, folder: Path, name: str):
        self.folder = folder / name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.schema: pa.Schema | None = None
        self.writer: pq.ParquetWriter | None = None
        self.part = 0
        self.rows_in_part = 0
        self.rows = 0

    def write(self, frame: pd.DataFrame) -> None:
        if frame.empty:
            return
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self.schema is None:
            self.schema = table.schema
        table = table.cast(self.schema)
        if self.writer is None or self.rows_in_part >= PART_ROWS:
            self._new_part()
        self.writer.write_table(table)
        self.rows_in_part += table.num_rows
        self.rows += table.num_rows

    def _new_part(self) -> None:
        if self.writer is not None:
            self.writer.close()
        path = self.folder / f"part-{self.part:05d}.parquet"
        self.writer = pq.ParquetWriter(path, self.schema)
        self.part += 1
        self.rows_in_part = 0

    def close(self, empty: pd.DataFrame) -> None:
        if self.writer is None:  # no rows at all: one empty part keeps the columns
            pa_empty = pa.Table.from_pandas(empty, preserve_index=False)
            pq.write_table(pa_empty, self.folder / "part-00000.parquet")
        else:
            self.writer.close()


class OutputWriter:
    """Tables of one run, written into a staging folder, then moved into place.

    Args:
        out: The output folder.
        partitioned: Names of the tables written in parts as rows come.
    """

    def __init__(self, out: str | Path, partitioned: Iterable[str]):
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.staging = self.out / f".incomplete-{os.getpid()}-{time.time_ns()}"
        self.staging.mkdir()
        self._parts = {name: _PartWriter(self.staging, name) for name in partitioned}
        self.rows: dict[str, int] = {}

    def append(self, name: str, frame: pd.DataFrame) -> None:
        """Append rows to a partitioned table."""
        self._parts[name].write(frame)

    def write_small(self, name: str, frame: pd.DataFrame, *, csv: bool = True) -> None:
        """Write a whole (small) table as Parquet and CSV."""
        from analysis_lib.pipeline import write_tables

        write_tables(
            {name: frame}, self.staging, formats=("parquet", "csv") if csv else ("parquet",)
        )
        self.rows[name] = len(frame)

    def finish(self, manifest: dict, empties: Mapping[str, pd.DataFrame]) -> Path:
        """Close the parts, move every table into place, then write the manifest."""
        for name, part in self._parts.items():
            part.close(empties[name])
            self.rows[name] = part.rows
        manifest = {**manifest, "tables": dict(sorted(self.rows.items())), "complete": True}
        (self.staging / MANIFEST_NAME).write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
        old_manifest = self.out / MANIFEST_NAME
        with contextlib.suppress(FileNotFoundError):
            old_manifest.unlink()  # from here on the folder is not a finished run
        for entry in sorted(self.staging.iterdir(), key=lambda p: p.name == MANIFEST_NAME):
            target = self.out / entry.name
            _remove(target)
            if entry.name.endswith(".parquet") and (self.out / entry.name[:-8]).is_dir():
                _remove(self.out / entry.name[:-8])  # a folder of parts from an earlier run
            if entry.is_dir():
                _remove(self.out / f"{entry.name}.parquet")
                _remove(self.out / f"{entry.name}.csv")
            os.replace(entry, target)
        self.staging.rmdir()
        return self.out / MANIFEST_NAME

    def abandon(self) -> None:
        """Drop the staging folder (the run failed); earlier outputs stay as they were."""
        for part in self._parts.values():
            if part.writer is not None:
                with contextlib.suppress(Exception):
                    part.writer.close()
        shutil.rmtree(self.staging, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def read_manifest(out: str | Path) -> dict | None:
    """The manifest of a finished run in ``out``, or ``None`` (no run, or unfinished).

    Example:
        >>> import tempfile
        >>> read_manifest(tempfile.mkdtemp()) is None
        True
    """
    path = Path(out) / MANIFEST_NAME
    if not path.is_file():
        return None
    manifest = json.loads(path.read_text(encoding="utf-8"))
    return manifest if manifest.get("complete") else None
