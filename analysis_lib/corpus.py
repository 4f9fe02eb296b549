"""Load raw inputs into documents: files, folders, globs; text dumps and structured exports.

Every input becomes zero or more :class:`Document` records with decoded, normalized
text (UTF-8 with or without BOM, UTF-16 with BOM, or a detected legacy encoding such
as cp1252; Windows and old Mac line endings become ``\\n``). Offsets used anywhere
downstream refer to that normalized text.

A file that cannot be used does not stop the run: it yields a :class:`LoadIssue`
naming the file (and the line or column where that helps) and saying what was
expected, and the rest of the corpus is still loaded.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
STRUCTURED_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | STRUCTURED_SUFFIXES

#: Column names tried, in order, for each logical field of a structured export.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "story"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "published_date", "publication_date", "pub_date"),
    "id": ("id", "doc_id", "article_id", "document_id", "uid"),
    "source": ("source", "agency", "publisher", "outlet"),
}

_SNIFF_BYTES = 8192


class CorpusError(ValueError):
    """A single input file cannot be used. The message names the file."""


@dataclass(frozen=True)
class Document:
    """One unit of raw text: a whole text file or one row of a structured export.

    Attributes:
        doc_id: Stable identifier: the path relative to the input root, plus
            ``:<id>`` or ``:row<N>`` for rows of structured exports.
        path: The file the text came from.
        text: Decoded text with ``\\n`` line endings.
        encoding: The encoding the bytes were decoded with.
        title: Title from a structured export's metadata, if any.
        date: Date string from metadata, if any (kept as written).
        source: Source or agency from metadata, if any.
        line: Line of the file where this row starts (CSV/JSONL exports).
        row: Row number (1-based) for rows of structured exports; ``None`` for
            whole text files.
    """

    doc_id: str
    path: str
    text: str
    encoding: str = "utf-8"
    title: str | None = None
    date: str | None = None
    source: str | None = None
    line: int | None = None
    row: int | None = None


@dataclass(frozen=True)
class LoadIssue:
    """A problem found while loading: the file, where, what kind, and what to do.

    ``severity`` is ``"error"`` when text could not be loaded (the file or row is
    missing from the corpus) and ``"warning"`` when it was loaded with a caveat.
    """

    path: str
    kind: str
    message: str
    line: int | None = None
    column: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column {self.column!r}"
        return f"{where}: {self.kind}: {self.message}"


@dataclass
class Corpus:
    """Documents loaded from some inputs, plus every issue met on the way."""

    documents: list[Document] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.documents)


def normalize_newlines(text: str) -> str:
    """Turn Windows (``\\r\\n``) and old Mac (``\\r``) line endings into ``\\n``.

    Example:
        >>> normalize_newlines("BEIRUT (Reuters) -\\r\\nText\\rMore")
        'BEIRUT (Reuters) -\\nText\\nMore'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Every byte except the control characters that do not occur in text (tab, LF, FF, CR allowed).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM carries NUL bytes legitimately
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # C-speed count of control bytes
    return controls > max(8, len(head) // 20)


def decode_bytes(data: bytes, *, path: str = "<bytes>") -> tuple[str, str]:
    """Decode raw bytes to text with normalized line endings.

    UTF-8 (with or without BOM) and UTF-16 with BOM are recognized directly; other
    encodings (cp1252, latin-1, ...) are detected with ``charset-normalizer``.

    Args:
        data: The raw bytes.
        path: Name used in error messages.

    Returns:
        ``(text, encoding)``.

    Raises:
        CorpusError: When the bytes are empty, binary, or cannot be decoded.

    Example:
        >>> decode_bytes("caf\\u00e9 \\u2013 Reuters\\r\\n".encode("cp1252"))
        ('café – Reuters\\n', 'cp1252')
    """
    if not data.strip():
        raise CorpusError(f"{path}: empty file: expected text, found no characters")
    if data.startswith(b"\xef\xbb\xbf"):
        return normalize_newlines(data[3:].decode("utf-8", errors="strict")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return normalize_newlines(data.decode("utf-16")), "utf-16"
    if _looks_binary(data):
        raise CorpusError(
            f"{path}: binary file: expected text (UTF-8 or a legacy encoding such as cp1252), "
            "found NUL or control bytes"
        )
    try:
        return normalize_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    return _decode_legacy(data, path=path, utf8_error=utf8_error)


def _decode_legacy(data: bytes, *, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    # Western news copy is overwhelmingly cp1252 (a superset of latin-1's printable
    # range). Accept it when non-ASCII letters stay a minority of all letters, as in
    # English, French or Spanish text; otherwise (Cyrillic, Greek, Central European
    # code pages) ask charset-normalizer.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_ascii_letters(text):
        return normalize_newlines(text), "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise CorpusError(
            f"{path}: line {line}: undecodable bytes: not UTF-8 and no known encoding fits "
            f"(first bad byte at offset {utf8_error.start})"
        )
    encoding = _canonical_encoding(best.encoding)
    return normalize_newlines(data.decode(encoding)), encoding


def _mostly_ascii_letters(text: str) -> bool:
    letters = sum(1 for ch in text if ch.isalpha())
    non_ascii = sum(1 for ch in text if ch.isalpha() and ord(ch) > 127)
    return letters > 0 and non_ascii / letters < 0.25


def _canonical_encoding(name: str) -> str:
    aliases = {"windows_1252": "cp1252", "latin_1": "latin-1", "iso8859_1": "latin-1"}
    return aliases.get(name, name)


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a file and decode it (see :func:`decode_bytes`).

    Raises:
        CorpusError: When the file is empty, binary or undecodable.
    """
    data = Path(path).read_bytes()
    return decode_bytes(data, path=str(path))


def _walk_sorted(root: Path) -> Iterator[Path]:
    """Files under ``root`` in sorted order, one folder listing in memory at a time."""
    with os.scandir(root) as entries:
        names = sorted((e.name, e.is_dir()) for e in entries if not e.name.startswith("."))
    for name, is_dir in names:
        path = root / name
        if is_dir:
            yield from _walk_sorted(path)
        elif path.is_file():
            yield path


def expand_inputs(inputs: str | Path | Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """Expand files, folders (recursively) and globs into ``(file, root)`` pairs, lazily.

    The root is the folder that document ids are made relative to. Files come in
    sorted order so that runs are reproducible; hidden files and folders are
    skipped. Folders are walked lazily, so memory does not grow with the number of
    files in the tree (only with the largest single folder listing).

    Raises:
        CorpusError: When an input path does not exist or a glob matches nothing
            (raised when that input is reached).
    """
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    for item in inputs:
        text = str(item)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise CorpusError(f"{text}: glob matched no files")
            yield from ((Path(m), _glob_root(text)) for m in matches if Path(m).is_file())
            continue
        path = Path(text)
        if path.is_dir():
            yield from ((p, path) for p in _walk_sorted(path))
        elif path.is_file():
            yield path, path.parent
        else:
            raise CorpusError(f"{text}: no such file or folder")


def _glob_root(pattern: str) -> Path:
    """The folder part of a glob before its first wildcard (``data/**/*.txt`` -> ``data``)."""
    fixed = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _iter_pairs(
    inputs: str | Path | Iterable[str | Path], sink: list[LoadIssue]
) -> Iterator[tuple[Path, Path]]:
    items = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    for item in items:
        try:
            yield from expand_inputs(item)
        except CorpusError as exc:
            sink.append(LoadIssue(path=str(item), kind="missing input", message=str(exc)))


def iter_documents(
    inputs: str | Path | Iterable[str | Path],
    *,
    columns: Mapping[str, str] | None = None,
    issues: list[LoadIssue] | None = None,
) -> Iterator[Document]:
    """Yield documents one at a time from files, folders or globs.

    Streaming: only one file is held in memory at a time. Problems are appended to
    ``issues`` (when given) instead of being raised, so one bad file never stops
    the rest of the corpus.

    Args:
        inputs: A path, folder, glob, or a list of them.
        columns: For structured exports, a mapping from logical field (``text``,
            ``title``, ``date``, ``id``, ``source``) to the column name in the file.
        issues: A list that receives :class:`LoadIssue` records.

    Yields:
        :class:`Document` records in a stable order.
    """
    sink: list[LoadIssue] = issues if issues is not None else []
    for path, root in _iter_pairs(inputs, sink):
        rel = _relative_name(path, root)
        suffix = path.suffix.lower()
        if path.name.lower() in {"readme.md", "readme.txt", "readme"}:
            sink.append(
                LoadIssue(
                    rel, "skipped", "README files describe a corpus; not loaded", severity="warning"
                )
            )
            continue
        if suffix not in SUPPORTED_SUFFIXES:
            sink.append(
                LoadIssue(
                    rel,
                    "skipped",
                    f"unsupported file type {suffix or '(none)'}: expected one of "
                    + ", ".join(sorted(SUPPORTED_SUFFIXES)),
                    severity="warning",
                )
            )
            continue
        try:
            if suffix in TEXT_SUFFIXES:
                text, encoding = read_text(path)
                yield Document(doc_id=rel, path=str(path), text=text, encoding=encoding)
            else:
                yield from _iter_structured(path, rel, columns or {}, sink)
        except CorpusError as exc:
            sink.append(LoadIssue(rel, _kind_of(str(exc)), str(exc)))
        except OSError as exc:
            sink.append(LoadIssue(rel, "unreadable", f"{rel}: {exc.strerror or exc}"))


def load_corpus(
    inputs: str | Path | Iterable[str | Path],
    *,
    columns: Mapping[str, str] | None = None,
    limit: int | None = None,
) -> Corpus:
    """Load every document from the inputs into memory, collecting issues.

    Args:
        inputs: A path, folder, glob, or a list of them.
        columns: Column mapping for structured exports (see :func:`iter_documents`).
        limit: Stop after this many documents (``None`` for all).

    Returns:
        A :class:`Corpus` with documents and issues.

    Example:
        >>> from analysis_lib import SAMPLE_DIR
        >>> corpus = load_corpus(SAMPLE_DIR)
        >>> [d.doc_id for d in corpus.documents]
        ['000_65897b68137db2a4.txt', '004_f65997268528880e.txt']
    """
    corpus = Corpus()
    for doc in iter_documents(inputs, columns=columns, issues=corpus.issues):
        if limit is not None and len(corpus.documents) >= limit:
            break
        corpus.documents.append(doc)
    return corpus


def _relative_name(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _kind_of(message: str) -> str:
    for kind in ("empty file", "binary file", "undecodable bytes", "missing column", "bad row"):
        if kind in message:
            return kind
    return "unreadable"


def _resolve_columns(
    available: list[str], mapping: Mapping[str, str], path: str
) -> dict[str, str | None]:
    resolved: dict[str, str | None] = {}
    lower = {c.lower().strip(): c for c in available}
    for logical, candidates in DEFAULT_COLUMNS.items():
        if logical in mapping:
            wanted = mapping[logical]
            if wanted not in available:
                raise CorpusError(
                    f"{path}: missing column: the mapping asks for {logical}={wanted!r}, "
                    f"but the file has columns {available}"
                )
            resolved[logical] = wanted
            continue
        resolved[logical] = next((lower[c] for c in candidates if c in lower), None)
    if resolved["text"] is None:
        raise CorpusError(
            f"{path}: missing column: no text column; expected one of "
            f"{list(DEFAULT_COLUMNS['text'])} or a mapping such as columns={{'text': ...}}; "
            f"found columns {available}"
        )
    return resolved


def _row_document(
    row: Mapping[str, object],
    cols: Mapping[str, str | None],
    rel: str,
    path: Path,
    n: int,
    line: int | None,
) -> Document | None:
    def get(key: str) -> str | None:
        name = cols.get(key)
        if name is None:
            return None
        value = row.get(name)
        if value is None or (isinstance(value, float) and value != value):
            return None
        value = str(value)
        return value if value.strip() else None

    text = get("text")
    if text is None:
        return None
    row_id = get("id")
    doc_id = f"{rel}:{row_id}" if row_id else f"{rel}:row{n}"
    return Document(
        doc_id=doc_id,
        path=str(path),
        text=normalize_newlines(text),
        title=get("title"),
        date=get("date"),
        source=get("source"),
        line=line,
        row=n,
    )


def _empty_text(rel: str, row: int, line: int | None, column: str | None) -> LoadIssue:
    """The issue for a row whose text cell is empty (nothing to load, nothing lost)."""
    return LoadIssue(
        rel, "empty text", f"row {row} has no text", line=line, column=column, severity="warning"
    )


def _iter_structured(
    path: Path, rel: str, mapping: Mapping[str, str], sink: list[LoadIssue]
) -> Iterator[Document]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from _iter_parquet(path, rel, mapping, sink)
        return
    text, _encoding = read_text(path)
    if suffix in {".csv", ".tsv"}:
        yield from _iter_csv(
            text, path, rel, mapping, sink, delimiter="\t" if suffix == ".tsv" else ","
        )
    else:
        yield from _iter_jsonl(text, path, rel, mapping, sink)


def _iter_csv(
    text: str,
    path: Path,
    rel: str,
    mapping: Mapping[str, str],
    sink: list[LoadIssue],
    delimiter: str,
) -> Iterator[Document]:
    csv.field_size_limit(1 << 30)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise CorpusError(f"{rel}: empty file: expected a header row") from None
    cols = _resolve_columns(header, mapping, rel)
    line = reader.line_num + 1
    n = 0
    try:
        for values in reader:
            n += 1
            if len(values) != len(header):
                sink.append(
                    LoadIssue(
                        rel,
                        "bad row",
                        f"row {n} has {len(values)} fields, the header has {len(header)}; "
                        "loaded what lines up with the header",
                        line=line,
                        severity="warning",
                    )
                )
            doc = _row_document(dict(zip(header, values, strict=False)), cols, rel, path, n, line)
            if doc is None:
                sink.append(_empty_text(rel, n, line, cols["text"]))
            else:
                yield doc
            line = reader.line_num + 1
    except csv.Error as exc:
        sink.append(
            LoadIssue(
                rel, "bad row", f"CSV parse error: {exc}; rows after it are not loaded", line=line
            )
        )


def _iter_jsonl(
    text: str, path: Path, rel: str, mapping: Mapping[str, str], sink: list[LoadIssue]
) -> Iterator[Document]:
    cols: dict[str, str | None] | None = None
    n = 0
    for lineno, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            sink.append(
                LoadIssue(
                    rel,
                    "bad row",
                    f"invalid JSON: {exc.msg}; expected one object per line",
                    line=lineno,
                )
            )
            continue
        if not isinstance(record, dict):
            sink.append(LoadIssue(rel, "bad row", "expected a JSON object per line", line=lineno))
            continue
        n += 1
        try:
            row_cols = _resolve_columns(list(record), mapping, f"{rel}, line {lineno}")
        except CorpusError as exc:
            sink.append(LoadIssue(rel, "missing column", str(exc), line=lineno))
            continue
        cols = cols or row_cols
        doc = _row_document(record, row_cols, rel, path, n, lineno)
        if doc is None:
            sink.append(_empty_text(rel, n, lineno, row_cols["text"]))
        else:
            yield doc


def _iter_parquet(
    path: Path, rel: str, mapping: Mapping[str, str], sink: list[LoadIssue]
) -> Iterator[Document]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise CorpusError(f"{rel}: unreadable: not a Parquet file ({exc})") from exc
    cols = _resolve_columns(table.schema_arrow.names, mapping, rel)
    wanted = sorted({c for c in cols.values() if c is not None})
    n = 0
    for batch in table.iter_batches(columns=wanted, batch_size=1024):
        for row in batch.to_pylist():
            n += 1
            doc = _row_document(row, cols, rel, path, n, None)
            if doc is None:
                sink.append(_empty_text(rel, n, None, cols["text"]))
            else:
                yield doc
