"""Load raw inputs into documents: files, folders, globs; text dumps and structured exports.

Every input becomes zero or more :class:`Document` records with decoded, normalized
text (UTF-8 with or without BOM, UTF-16, or a detected legacy encoding such as cp1252;
Windows and old Mac line endings become ``\\n``). Offsets used anywhere downstream refer
to that normalized text. Word (``.docx``) and RTF exports are turned into text;
``.gz``/``.bz2``/``.xz`` files and ``.zip``/``.tar`` archives of any supported kind are
read in place, member by member, with ids such as ``dumps.zip:2017/oct.txt``.

A file that cannot be used does not stop the run: it yields a :class:`LoadIssue`
naming the file (and the line or column where that helps) and saying what was
expected, and the rest of the corpus is still loaded.
"""

from __future__ import annotations

import bz2
import csv
import functools
import glob
import gzip
import io
import json
import lzma
import os
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".sgm", ".sgml"})
STRUCTURED_SUFFIXES = frozenset({".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"})
#: Word and RTF exports (Nexis Uni downloads, Factiva RTF).
DOCUMENT_SUFFIXES = frozenset({".docx", ".rtf"})
#: Single compressed files (``oct.txt.gz``) and archives, read in place.
COMPRESSED_SUFFIXES = frozenset({".gz", ".bz2", ".xz"})
TAR_SUFFIXES = (".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz")
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES
    | STRUCTURED_SUFFIXES
    | DOCUMENT_SUFFIXES
    | COMPRESSED_SUFFIXES
    | frozenset({".zip", ".tar", ".tgz"})
)
_KINDS = (
    ("text", TEXT_SUFFIXES),
    ("structured", STRUCTURED_SUFFIXES),
    ("docx", frozenset({".docx"})),
    ("rtf", frozenset({".rtf"})),
    ("zip", frozenset({".zip"})),
    ("compressed", COMPRESSED_SUFFIXES),
)
_DECOMPRESSORS = {".gz": gzip, ".bz2": bz2, ".xz": lzma}
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
#: What broken archives and compressed streams raise.
_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    tarfile.TarError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    gzip.BadGzipFile,
)

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
#: Lone bytes that ``surrogateescape`` decoding turned into U+DC80..U+DCFF.
_ESCAPED = re.compile("[\udc80-\udcff]+")
#: Non-ASCII characters that Western legacy text is made of: letters and common punctuation.
_LEGACY_PUNCT = frozenset("\u00a0’‘“”–—…«»°£€©®™•·¿¡§¶±×÷¢¥")
#: How many damaged places an issue message lists.
_REPORTED = 5


def _looks_binary(data: bytes) -> bool:
    """Binary when control bytes (NUL included) exceed 5 % of the first 8 KB (and one byte).

    One rule for NUL wherever it is: a few NUL bytes do not make a text file binary
    (:func:`decode_bytes` replaces and reports them); many do.
    """
    head = data[:_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM carries NUL bytes legitimately
    controls = len(head.translate(None, _NOT_CONTROL))  # C-speed count of control bytes
    return controls > max(1, len(head) // 20)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the head looks like ASCII text with every other byte NUL."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 16:
        return None
    half = len(head) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd > 0.9 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.9 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(
    data: bytes, *, path: str = "<bytes>", issues: list[LoadIssue] | None = None
) -> tuple[str, str]:
    """Decode raw bytes to text with normalized line endings.

    UTF-8 (with or without BOM) and UTF-16 (with BOM, or ASCII-range text without one)
    are recognized directly. A file that is UTF-8 except for a few invalid bytes stays
    UTF-8: each bad sequence becomes U+FFFD and a warning names the byte offsets and
    lines. A legacy encoding (cp1252, latin-1, cp1251, …) is chosen only on strong
    evidence: no valid multi-byte UTF-8 sequence (or far more invalid bytes than valid
    ones) and a decoding that reads like text. NUL bytes in a text file become U+FFFD
    and are reported too; a file is binary only when control bytes are dense.

    Args:
        data: The raw bytes.
        path: Name used in error messages.
        issues: A list that receives warnings (:class:`LoadIssue`) about damaged
            bytes; ``None`` to ignore them.

    Returns:
        ``(text, encoding)``.

    Raises:
        CorpusError: When the bytes are empty, binary, or cannot be decoded.

    Example:
        >>> decode_bytes("caf\\u00e9 \\u2013 Reuters\\r\\n".encode("cp1252"))
        ('café – Reuters\\n', 'cp1252')
        >>> warnings = []
        >>> decode_bytes("“Hi” – BEIRUT\\n".encode() + b"\\xff", issues=warnings)
        ('“Hi” – BEIRUT\\n\\ufffd', 'utf-8')
        >>> warnings[0].line, warnings[0].severity
        (2, 'warning')
    """
    sink = issues if issues is not None else []
    if not data.strip():
        raise CorpusError(f"{path}: empty file: expected text, found no characters")
    if data.startswith(b"\xef\xbb\xbf"):
        text, _ = _decode_utf8(data[3:], path=path, sink=sink, offset=3)
        return normalize_newlines(_replace_nul(text, data, path, sink)), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return normalize_newlines(_decode_utf16(data, "utf-16", path=path, sink=sink)), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return normalize_newlines(_decode_utf16(data, utf16, path=path, sink=sink)), utf16
    if _looks_binary(data):
        raise CorpusError(
            f"{path}: binary file: expected text (UTF-8 or a legacy encoding such as cp1252), "
            "found NUL or control bytes"
        )
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_utf8(data, path=path, sink=sink, offset=0)
    return normalize_newlines(_replace_nul(text, data, path, sink)), encoding


def _decode_utf8(data: bytes, *, path: str, sink: list[LoadIssue], offset: int) -> tuple[str, str]:
    """UTF-8 with bad bytes replaced (and reported), unless a legacy encoding is clearly right."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    runs = list(_ESCAPED.finditer(escaped))
    if not runs:
        return escaped, "utf-8"
    bad = sum(m.end() - m.start() for m in runs)
    good = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - bad
    if offset == 0 and (good == 0 or bad > 4 * good):
        legacy = _decode_legacy(data)
        if legacy is not None:
            return legacy
    places = []
    char_at, byte_at = 0, 0
    for m in runs[:_REPORTED]:
        byte_at += len(escaped[char_at : m.start()].encode("utf-8", errors="surrogateescape"))
        char_at = m.start()
        line = data.count(b"\n", 0, byte_at + offset) + 1
        places.append((byte_at + offset, line))
    more = f" and {len(runs) - _REPORTED} more" if len(runs) > _REPORTED else ""
    where = ", ".join(f"byte {b} (line {ln})" for b, ln in places)
    sink.append(
        LoadIssue(
            path,
            "undecodable bytes",
            f"{path}: line {places[0][1]}: {bad} byte(s) are not valid UTF-8 at {where}{more}; "
            "decoded as UTF-8 with U+FFFD in their place (the rest of the file is UTF-8)",
            line=places[0][1],
            severity="warning",
        )
    )
    return data.decode("utf-8", errors="replace"), "utf-8"


def _decode_utf16(data: bytes, encoding: str, *, path: str, sink: list[LoadIssue]) -> str:
    """UTF-16; code units that are no text (a lone surrogate, an odd last byte) become
    U+FFFD and are reported like damaged UTF-8."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        sink.append(
            LoadIssue(
                path,
                "undecodable bytes",
                f"{path}: line {line}: bytes {exc.start}-{exc.end - 1} are not valid "
                f"{encoding.upper()} ({exc.reason}); decoded with U+FFFD in place of each bad "
                "code unit",
                line=line,
                severity="warning",
            )
        )
        return data.decode(encoding, errors="replace")


def _replace_nul(text: str, data: bytes, path: str, sink: list[LoadIssue]) -> str:
    """NUL is never text: replace each with U+FFFD and report where they were."""
    if "\x00" not in text:
        return text
    offsets = []
    at = data.find(b"\x00")
    while at != -1 and len(offsets) < _REPORTED:
        offsets.append(at)
        at = data.find(b"\x00", at + 1)
    count = text.count("\x00")
    line = data.count(b"\n", 0, offsets[0]) + 1 if offsets else None
    where = ", ".join(str(o) for o in offsets)
    sink.append(
        LoadIssue(
            path,
            "NUL bytes",
            f"{path}: line {line}: {count} NUL byte(s) in text (first at byte offset(s) {where}); "
            "replaced with U+FFFD",
            line=line,
            severity="warning",
        )
    )
    return text.replace("\x00", "\ufffd")


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """A legacy decoding when the bytes read as text in one; ``None`` when none fits well."""
    # Western news copy is overwhelmingly cp1252 (a superset of latin-1's printable
    # range). Accept it when non-ASCII letters stay a minority of all letters and the
    # non-ASCII characters are letters or common punctuation in short runs, as in
    # English, French or Spanish text; otherwise (Cyrillic, Greek, Central European
    # code pages) ask charset-normalizer.
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _mostly_ascii_letters(text) and _plausible_non_ascii(text):
            return text, codec
        break
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        return None
    encoding = _canonical_encoding(best.encoding)
    if encoding in ("utf_8", "utf-8", "ascii"):
        return None
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible_non_ascii(text: str) -> bool:
    """Every run of non-ASCII characters is short and made of letters or common punctuation."""
    runs = re.findall(r"[^\x00-\x7f]+", text)
    if not runs:
        return True
    ok = sum(
        1 for r in runs if len(r) <= 3 and all(ch.isalpha() or ch in _LEGACY_PUNCT for ch in r)
    )
    return ok >= 0.95 * len(runs)


def _mostly_ascii_letters(text: str) -> bool:
    letters = sum(1 for ch in text if ch.isalpha())
    non_ascii = sum(1 for ch in text if ch.isalpha() and ord(ch) > 127)
    return letters > 0 and non_ascii / letters < 0.25


def _canonical_encoding(name: str) -> str:
    aliases = {
        "windows_1252": "cp1252",
        "latin_1": "latin-1",
        "iso8859_1": "latin-1",
        "cp1251": "cp1251",
        "windows_1251": "cp1251",
        "windows_1253": "cp1253",
    }
    return aliases.get(name, name)


def read_text(path: str | Path, *, issues: list[LoadIssue] | None = None) -> tuple[str, str]:
    """Read a file and decode it (see :func:`decode_bytes`).

    Raises:
        CorpusError: When the file is empty, binary or undecodable.
    """
    data = Path(path).read_bytes()
    return decode_bytes(data, path=str(path), issues=issues)


def _entry_kind(entry: os.DirEntry) -> str:
    """``dir``, ``file``, ``link`` (a symbolic link that leads nowhere or loops) or ``other``."""
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        return "link" if entry.is_symlink() else "other"
    except OSError:
        return "link"


def _walk_sorted(
    root: Path,
    sink: list[LoadIssue],
    base: Path,
    ancestors: frozenset[tuple[int, int]] = frozenset(),
) -> Iterator[Path]:
    """Files under ``root`` in sorted order, one folder listing in memory at a time.

    Symbolic links to folders are followed, except into a folder that is already on
    the way down from ``base`` (a loop); loops, dangling links and unreadable folders
    become issues.
    """
    try:
        st = root.stat()
        ancestors = ancestors | {(st.st_dev, st.st_ino)}
        with os.scandir(root) as entries:
            listing = sorted(
                (e.name, _entry_kind(e)) for e in entries if not e.name.startswith(".")
            )
    except OSError as exc:
        rel = _relative_name(root, base)
        sink.append(LoadIssue(rel, "unreadable", f"{rel}: folder not read: {exc.strerror or exc}"))
        return
    for name, kind in listing:
        path = root / name
        if kind == "file":
            yield path
        elif kind == "dir":
            try:
                target = path.stat()
            except OSError as exc:
                rel = _relative_name(path, base)
                sink.append(LoadIssue(rel, "unreadable", f"{rel}: {exc.strerror or exc}"))
                continue
            if (target.st_dev, target.st_ino) in ancestors:
                rel = _relative_name(path, base)
                sink.append(
                    LoadIssue(
                        rel,
                        "symlink loop",
                        f"{rel}: symbolic link to {os.readlink(path) if path.is_symlink() else path}"
                        " leads back into a folder being walked; not followed",
                        severity="warning",
                    )
                )
                continue
            yield from _walk_sorted(path, sink, base, ancestors)
        elif kind == "link":
            rel = _relative_name(path, base)
            sink.append(
                LoadIssue(
                    rel,
                    "broken link",
                    f"{rel}: symbolic link that leads nowhere (or to itself); skipped",
                    severity="warning",
                )
            )


def expand_inputs(
    inputs: str | Path | Iterable[str | Path], *, issues: list[LoadIssue] | None = None
) -> Iterator[tuple[Path, Path]]:
    """Expand files, folders (recursively) and globs into ``(file, root)`` pairs, lazily.

    The root is the folder that document ids are made relative to. Files come in
    sorted order so that runs are reproducible; hidden files and folders are
    skipped. Folders are walked lazily, so memory does not grow with the number of
    files in the tree (only with the largest single folder listing). Symbolic links
    that loop back into the walk, dangling links and unreadable folders are appended
    to ``issues`` (when given) and skipped.

    Raises:
        CorpusError: When an input path does not exist or a glob matches nothing
            (raised when that input is reached).
    """
    sink: list[LoadIssue] = issues if issues is not None else []
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
            yield from ((p, path) for p in _walk_sorted(path, sink, path))
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
            yield from expand_inputs(item, issues=sink)
        except CorpusError as exc:
            sink.append(LoadIssue(path=str(item), kind="missing input", message=str(exc)))


def iter_documents(
    inputs: str | Path | Iterable[str | Path],
    *,
    columns: Mapping[str, str] | None = None,
    issues: list[LoadIssue] | None = None,
) -> Iterator[Document]:
    """Yield documents one at a time from files, folders or globs.

    Streaming: only one file (or archive member) is held in memory at a time.
    Problems are appended to ``issues`` (when given) instead of being raised, so one
    bad file, archive or member never stops the rest of the corpus.

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
        try:
            yield from _iter_file(path, rel, columns or {}, sink)
        except CorpusError as exc:
            sink.append(LoadIssue(rel, _kind_of(str(exc)), str(exc)))
        except _ARCHIVE_ERRORS as exc:
            sink.append(_corrupt(rel, exc))
        except OSError as exc:
            sink.append(LoadIssue(rel, "unreadable", f"{rel}: {exc.strerror or exc}"))


def file_kind(name: str) -> str:
    """What a file (or archive member) name says it holds.

    Returns one of ``text``, ``structured``, ``docx``, ``rtf``, ``zip``, ``tar``,
    ``compressed`` (a single ``.gz``/``.bz2``/``.xz`` file), ``readme``, ``sidecar``
    (``metadata.csv``: see :mod:`analysis_lib.metadata`) or ``unsupported``.

    Example:
        >>> [file_kind(n) for n in ["oct.txt", "dumps.zip", "oct.txt.gz", "a.tar.gz", "x.pdf"]]
        ['text', 'zip', 'compressed', 'tar', 'unsupported']
    """
    lower = name.lower().rsplit("/", 1)[-1]
    if lower in {"readme.md", "readme.txt", "readme"}:
        return "readme"
    if lower == "metadata.csv" or lower.endswith(".metadata.csv"):
        return "sidecar"  # publication dates for the files beside it (analysis_lib.metadata)
    if lower.endswith(TAR_SUFFIXES):
        return "tar"
    suffix = PurePosixPath(lower).suffix
    for kind, suffixes in _KINDS:
        if suffix in suffixes:
            return kind
    return "unsupported"


def _skip_issue(name: str, kind: str) -> LoadIssue:
    if kind == "readme":
        return LoadIssue(
            name, "skipped", "README files describe a corpus; not loaded", severity="warning"
        )
    suffix = PurePosixPath(name.lower()).suffix
    return LoadIssue(
        name,
        "skipped",
        f"unsupported file type {suffix or '(none)'}: expected one of "
        + ", ".join(sorted(SUPPORTED_SUFFIXES)),
        severity="warning",
    )


def _iter_file(
    path: Path, rel: str, mapping: Mapping[str, str], sink: list[LoadIssue]
) -> Iterator[Document]:
    """Documents of one file on disk; archives are read member by member, in place."""
    kind = file_kind(path.name)
    if kind == "sidecar":
        return  # read by the pipeline, not an article source
    if kind in ("readme", "unsupported"):
        sink.append(_skip_issue(rel, kind))
    elif kind == "zip":
        with zipfile.ZipFile(path) as archive:
            yield from _iter_zip(archive, rel, path, mapping, sink)
    elif kind == "tar":
        with tarfile.open(path, mode="r|*") as archive:
            yield from _iter_tar(archive, rel, path, mapping, sink)
    elif kind == "compressed":
        opener = _OPENERS[PurePosixPath(path.name.lower()).suffix]
        with opener(path, "rb") as stream:
            data = stream.read()
        yield from _iter_blob(path.name[: path.name.rfind(".")], data, rel, path, mapping, sink)
    elif path.suffix.lower() == ".parquet":
        yield from _iter_parquet(path, rel, mapping, sink)
    else:
        yield from _iter_blob(path.name, path.read_bytes(), rel, path, mapping, sink)


def _iter_blob(
    name: str,
    data: bytes,
    doc_id: str,
    path: Path,
    mapping: Mapping[str, str],
    sink: list[LoadIssue],
) -> Iterator[Document]:
    """Documents of one file's bytes (``name`` says its kind; ``doc_id`` names it)."""
    kind = file_kind(name)
    if kind in ("readme", "unsupported"):
        sink.append(_skip_issue(doc_id, kind))
    elif kind == "compressed":
        module = _DECOMPRESSORS[PurePosixPath(name.lower()).suffix]
        inner = module.decompress(data)  # type: ignore[attr-defined]
        yield from _iter_blob(name[: name.rfind(".")], inner, doc_id, path, mapping, sink)
    elif kind == "zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            yield from _iter_zip(archive, doc_id, path, mapping, sink)
    elif kind == "tar":
        with tarfile.open(fileobj=io.BytesIO(data), mode="r|*") as archive:
            yield from _iter_tar(archive, doc_id, path, mapping, sink)
    elif kind == "docx":
        text = _docx_text(data, doc_id)
        yield Document(doc_id=doc_id, path=str(path), text=text, encoding="docx")
    elif kind == "rtf":
        text = _rtf_text(data, doc_id)
        yield Document(doc_id=doc_id, path=str(path), text=text, encoding="rtf")
    elif kind == "text":
        text, encoding = decode_bytes(data, path=doc_id, issues=sink)
        yield Document(doc_id=doc_id, path=str(path), text=text, encoding=encoding)
    elif name.lower().endswith(".parquet"):
        yield from _iter_parquet(io.BytesIO(data), doc_id, mapping, sink, path=path)
    else:
        text, _encoding = decode_bytes(data, path=doc_id, issues=sink)
        if name.lower().endswith((".csv", ".tsv")):
            delimiter = "\t" if name.lower().endswith(".tsv") else ","
            yield from _iter_csv(text, path, doc_id, mapping, sink, delimiter=delimiter)
        else:
            yield from _iter_jsonl(text, path, doc_id, mapping, sink)


def _member_documents(
    name: str, read: Callable[[], bytes], doc_id: str, path: Path, mapping, sink
) -> Iterator[Document]:
    """One archive member, with its own problems reported under ``archive:member``."""
    try:
        yield from _iter_blob(name, read(), doc_id, path, mapping, sink)
    except CorpusError as exc:
        sink.append(LoadIssue(doc_id, _kind_of(str(exc)), str(exc)))
    except _ARCHIVE_ERRORS as exc:
        sink.append(_corrupt(doc_id, exc))


def _hidden(member: str) -> bool:
    return any(part.startswith((".", "__MACOSX")) for part in member.split("/"))


def _iter_zip(
    archive: zipfile.ZipFile, rel: str, path: Path, mapping, sink: list[LoadIssue]
) -> Iterator[Document]:
    """Members of a zip in sorted order, each read on its own (no copy of the archive)."""
    members = sorted(
        (i for i in archive.infolist() if not i.is_dir() and not _hidden(i.filename)),
        key=lambda i: i.filename,
    )
    for info in members:
        doc_id = f"{rel}:{info.filename}"
        yield from _member_documents(
            info.filename, functools.partial(archive.read, info), doc_id, path, mapping, sink
        )


def _iter_tar(
    archive: tarfile.TarFile, rel: str, path: Path, mapping, sink: list[LoadIssue]
) -> Iterator[Document]:
    """Members of a tar in archive order, streamed (a tar.gz is decompressed once)."""
    for member in archive:
        if not member.isfile() or _hidden(member.name):
            continue
        stream = archive.extractfile(member)
        if stream is None:
            continue
        yield from _member_documents(
            member.name, stream.read, f"{rel}:{member.name}", path, mapping, sink
        )


def _corrupt(name: str, exc: BaseException) -> LoadIssue:
    return LoadIssue(
        name,
        "corrupt archive",
        f"{name}: corrupt or truncated compressed data ({type(exc).__name__}: {exc}); "
        "the other files and members are still loaded",
    )


def _docx_text(data: bytes, name: str) -> str:
    """Paragraphs (and table rows, tab-separated) of a DOCX in document order."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for corrupt files
        raise CorpusError(f"{name}: unreadable: not a DOCX file ({exc})") from exc
    parts = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            parts.extend("\t".join(c.text for c in row.cells) for row in block.rows)
        else:
            parts.append(block.text)
    text = normalize_newlines("\n\n".join(p for p in parts if p.strip()))
    if not text.strip():
        raise CorpusError(f"{name}: empty file: the DOCX has no text")
    return text


_RTF_CODEPAGE = re.compile(r"\\ansicpg(\d+)")


def _rtf_text(data: bytes, name: str) -> str:
    """Plain text of an RTF file (``striprtf``), using the code page it declares."""
    from striprtf.striprtf import rtf_to_text

    raw = data.decode("latin-1")  # RTF is 7-bit; \'xx escapes carry the code page
    if not raw.lstrip().startswith("{\\rtf"):
        raise CorpusError(f"{name}: unreadable: not an RTF file (no {{\\rtf header)")
    m = _RTF_CODEPAGE.search(raw, 0, 2000)
    encoding = f"cp{m.group(1)}" if m else "cp1252"
    try:
        text = rtf_to_text(raw, encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf has no error type of its own
        raise CorpusError(f"{name}: unreadable: RTF could not be parsed ({exc})") from exc
    text = normalize_newlines(text)
    if not text.strip():
        raise CorpusError(f"{name}: empty file: the RTF has no text")
    return text


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
            last_line = line
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
        if n and _ends_in_open_quote(text, _line_start(text, last_line), delimiter):
            sink.append(
                LoadIssue(
                    rel,
                    "truncated file",
                    f"row {n} ends inside a quoted field at the end of the file: the file "
                    "looks cut off; loaded the row as far as it goes",
                    line=last_line,
                    severity="warning",
                )
            )
    except csv.Error as exc:
        sink.append(
            LoadIssue(
                rel, "bad row", f"CSV parse error: {exc}; rows after it are not loaded", line=line
            )
        )


_QUOTED_FIELD = re.compile(r'"[^"]*(?:""[^"]*)*("?)')


def _line_start(text: str, line: int) -> int:
    """Offset of the start of 1-based ``line`` in ``text``."""
    at = 0
    for _ in range(line - 1):
        at = text.index("\n", at) + 1
    return at


def _ends_in_open_quote(text: str, start: int, delimiter: str) -> bool:
    """Whether the CSV record that starts at ``start`` runs into the end of the text
    inside a quoted field (a cut-off file), read as :mod:`csv` reads it.

    Example:
        >>> _ends_in_open_quote('a,"b ""c"" d', 0, ","), _ends_in_open_quote('a,"b"', 0, ",")
        (True, False)
    """
    unquoted = re.compile(f"[^{re.escape(delimiter)}\n]*")
    pos = start
    while pos < len(text):
        if text[pos] == '"':
            m = _QUOTED_FIELD.match(text, pos)
            if not m.group(1):
                return True
            pos = m.end()
        pos = unquoted.match(text, pos).end() + 1  # past the delimiter or line break
    return False


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
    source: Path | io.BytesIO,
    rel: str,
    mapping: Mapping[str, str],
    sink: list[LoadIssue],
    *,
    path: Path | None = None,
) -> Iterator[Document]:
    import pyarrow.parquet as pq

    path = path if path is not None else Path(str(source))
    try:
        table = pq.ParquetFile(source)
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
