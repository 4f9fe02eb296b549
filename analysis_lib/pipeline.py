"""Run the extractors over a corpus and produce one table per record kind.

``extract`` reads inputs (or takes a loaded :class:`~analysis_lib.corpus.Corpus`),
segments every document into articles, dates them, and runs the extractors on every
article (sentences, actor mentions, temporal expressions, casualty statements, dated
events). Then the corpus-level steps run once over all articles: near-duplicates,
cross-article aliases, casualty tallies and event groups. It returns tidy tables (schemas
in ``schemas.py``): ``articles``, ``sentences``, ``mentions``, ``timexes``,
``casualties``, ``tallies``, ``events``, ``residue`` and ``issues``. ``write_tables``
saves them as Parquet and CSV.

Publication dates, in order of evidence: a date the input carries for the article
(a CSV/JSONL/Parquet date column, a vendor date line); a sidecar ``metadata.csv``
(:mod:`analysis_lib.metadata`); a date in the file name; the dateline or the article's
own photo caption (:func:`~analysis_lib.dates.infer_publication_date`, with the year
of the file name or of ``published_date`` when the dateline has none); the
``published_date`` given for the whole corpus. Unknown stays unknown, never today.
"""

from __future__ import annotations

import bisect
import itertools
import re
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pandas as pd

from analysis_lib import __version__
from analysis_lib.actors import (
    apply_corpus_aliases,
    corpus_alias_map,
    count_full_names,
    find_article_actors,
)
from analysis_lib.casualties import find_article_casualties
from analysis_lib.corpus import Corpus, Document, LoadIssue, iter_documents
from analysis_lib.csvsafe import unguard_text_columns, write_csv
from analysis_lib.dates import date_from_filename, find_dates, infer_publication_date
from analysis_lib.engines import map_ordered
from analysis_lib.events import find_article_events, reduce_events
from analysis_lib.metadata import sidecar_dates
from analysis_lib.records import Mention
from analysis_lib.schemas import SCHEMAS, check_frame, empty_frame, join_list, to_frame
from analysis_lib.segment import (
    DEFAULT_SEPARATOR,
    Article,
    Residue,
    match_duplicates,
    minhash_signature,
    segment_text,
)
from analysis_lib.sentences import split_sentences
from analysis_lib.store import (
    OutputWriter,
    ResultCache,
    library_fingerprint,
    text_hash,
)
from analysis_lib.tallies import tally_casualties

_WORD = re.compile(r"\w+")

TABLE_NAMES = (
    "articles",
    "sentences",
    "mentions",
    "timexes",
    "casualties",
    "tallies",
    "events",
    "residue",
    "issues",
)


def segment_documents(
    documents: Iterable[Document],
    *,
    single: bool | None = None,
    separator: str | re.Pattern[str] | None = DEFAULT_SEPARATOR,
) -> Iterator[tuple[list[Article], list[Residue]]]:
    """Segment documents one at a time.

    Args:
        documents: Loaded documents.
        single: ``True`` treats each document as one article, ``False`` looks for
            article boundaries, ``None`` (default) decides per document: rows of
            structured exports are single articles, text files are dumps.
        separator: Separator-line pattern (see :func:`~analysis_lib.segment.build_separator`).

    Yields:
        ``(articles, residue)`` per document, with metadata (title, date, source)
        from structured exports filled in.
    """
    for doc in documents:
        one = doc.row is not None if single is None else single
        seg = segment_text(doc.text, source=doc.doc_id, single=one, separator=separator)
        yield [_with_metadata(a, doc) for a in seg.articles], seg.residue


def date_articles(
    articles: list[Article], doc: Document, *, published_date: str | None = None
) -> tuple[list[Article], list[LoadIssue]]:
    """Give the articles of one document their publication dates (see the module docstring).

    Args:
        articles: The document's articles, in order.
        doc: The document they come from (its file, for sidecars and file-name dates).
        published_date: A date for the whole corpus, the last resort (ISO).

    Returns:
        The articles with ``published_date``/``date_source`` set where evidence exists,
        and issues for sidecar rows that do not fit (a headline that does not match).
    """
    issues: list[LoadIssue] = []
    sidecar, problems = sidecar_dates(doc.path) if doc.row is None else ({}, [])
    issues.extend(problems)
    file_name = Path(doc.path).name
    from_name = date_from_filename(file_name)
    year = (from_name or published_date or "")[:4] or None
    dated = []
    for number, article in enumerate(articles, 1):
        value, source = article.published_date, article.date_source
        entry = sidecar.get((file_name, number))
        if value is None and entry is not None:
            if entry.headline and article.headline and entry.headline != article.headline:
                issues.append(
                    LoadIssue(
                        entry.path,
                        "bad row",
                        f"{file_name} article {number} has headline {article.headline!r}, "
                        f"not {entry.headline!r}: date not applied",
                        line=entry.line,
                        severity="warning",
                    )
                )
            else:
                value, source = entry.published_date, "sidecar"
        if value is None and from_name:
            value, source = from_name, "file name"
        if value is None:
            value, source = infer_publication_date(
                dateline_date=article.dateline_date, caption=article.caption, year=year
            )
        if value is None and published_date:
            value, source = published_date, "parameter"
        if value != article.published_date:
            article = replace(article, published_date=value, date_source=source)
        dated.append(article)
    return dated, issues


def _with_metadata(article: Article, doc: Document) -> Article:
    changes: dict[str, object] = {}
    if doc.title and not article.headline:
        changes["headline"] = doc.title
    if doc.date and not article.published_date:
        changes.update(published_date=doc.date, date_source="metadata")
    if doc.source and not article.agency:
        changes["agency"] = doc.source
    return replace(article, **changes) if changes else article


@dataclass(frozen=True)
class Options:
    """Parameters of a run that change what the extractors give (part of cache keys)."""

    columns: tuple[tuple[str, str], ...] | None = None
    single: bool | None = None
    separator: re.Pattern[str] | None = DEFAULT_SEPARATOR
    actors: bool = True
    actor_backend: str = "rules"
    published_date: str | None = None

    def fingerprint(self) -> str:
        """A short hash of the options and the library's code (see ``store.py``)."""
        separator = (
            None if self.separator is None else (self.separator.pattern, self.separator.flags)
        )
        text = repr((self.single, separator, self.actors, self.actor_backend, self.published_date))
        return text_hash(text + library_fingerprint())[:16]


def extract(
    inputs: Corpus | str | Path | Iterable[str | Path],
    *,
    columns: Mapping[str, str] | None = None,
    limit: int | None = None,
    single: bool | None = None,
    separator: str | re.Pattern[str] | None = DEFAULT_SEPARATOR,
    duplicate_threshold: float = 0.8,
    actors: bool = True,
    actor_backend: str = "rules",
    published_date: str | None = None,
    period: str = "month",
    engine: str = "serial",
    workers: int | None = None,
    scheduler: str | None = None,
    out: str | Path | None = None,
    progress: bool = False,
) -> dict[str, pd.DataFrame] | RunSummary:
    """Turn a corpus into tables (see the module docstring).

    Each document is processed on its own (segmentation, dates, sentences, actors,
    temporal expressions, casualties: a pure function of the document), by the chosen
    engine; then the corpus-level steps run once over all documents (near-duplicates,
    cross-article aliases, casualty tallies), so every engine gives the same tables.

    Args:
        inputs: A loaded corpus, or paths / folders / globs to load (streamed).
        columns: Column mapping for structured exports.
        limit: Process at most this many documents.
        single: See :func:`segment_documents`.
        separator: Separator-line pattern (see :func:`~analysis_lib.segment.build_separator`).
        duplicate_threshold: Jaccard similarity above which an article is marked as
            a near-duplicate of an earlier one.
        actors: Find actor mentions (the ``mentions`` table; empty when ``False``).
        actor_backend: ``"rules"`` or ``"spacy"`` (see :func:`~analysis_lib.actors.find_actors`).
        published_date: A publication date (ISO) for articles that have no better
            evidence; its year also completes datelines without one.
        period: Period of the ``tallies`` table: ``day``, ``week``, ``month`` or ``year``.
        engine: ``serial``, ``processes`` (local worker processes) or ``dask``.
        workers: Worker processes for ``processes``/``dask`` (default: the usable cores).
        scheduler: A ``dask.distributed`` scheduler address for ``engine="dask"``.
        out: An output folder: the tables are streamed there (large ones as partitioned
            Parquet) with a ``manifest.json``, results are cached by content so that a
            re-run recomputes only changed documents, and a :class:`RunSummary` is
            returned instead of the tables.
        progress: Show a tqdm progress bar over documents.

    Returns:
        A dict of DataFrames keyed by table name, or a :class:`RunSummary` with ``out``.

    Example:
        >>> from analysis_lib import SAMPLE_DIR
        >>> tables = extract(SAMPLE_DIR)
        >>> len(tables["articles"]), int((tables["articles"]["agency"] == "Reuters").sum())
        (11, 10)
    """
    started = time.perf_counter()
    if isinstance(separator, str):
        separator = re.compile(separator)
    options = Options(
        columns=tuple(sorted(columns.items())) if columns else None,
        single=single,
        separator=separator,
        actors=actors,
        actor_backend=actor_backend,
        published_date=published_date,
    )
    load_issues: list[LoadIssue] = []
    if isinstance(inputs, Corpus):
        documents: Iterable[Document] = inputs.documents
        load_issues.extend(inputs.issues)
    else:
        documents = iter_documents(inputs, columns=columns, issues=load_issues)
    if limit is not None:
        documents = itertools.islice(documents, limit)
    if progress:
        from tqdm.auto import tqdm

        documents = tqdm(documents, unit="doc", desc="extracting")
    cache = ResultCache(out) if out is not None else None
    run = _Run(options, cache)
    try:
        for result in _results_in_order(run, documents, engine, workers, scheduler):
            run.add(result)
    finally:
        if cache is not None:
            cache.keep_only(run.keys)
    reduced = run.reduce(load_issues, duplicate_threshold=duplicate_threshold, period=period)
    if out is None:
        return run.tables(reduced)
    try:
        summary = run.write(Path(out), reduced, engine=engine, workers=workers, started=started)
    finally:
        cache.close()
    return summary


@dataclass
class RunSummary:
    """What a run with ``out=`` did: rows per table, documents, issues, time and speed."""

    out: str
    documents: int
    computed: int
    cached: int
    articles: int
    tables: dict[str, int]
    issues: int
    failed_documents: int
    seconds: float
    megabytes: float
    errors: int = 0

    @property
    def ok(self) -> bool:
        """True when no document failed and no input was missing or unreadable.

        ``errors`` counts the issues of severity ``error`` (text that could not be
        loaded, documents or articles whose extraction failed); warnings (a skipped
        README, a damaged byte) do not count.
        """
        return self.failed_documents == 0 and self.errors == 0

    def __str__(self) -> str:
        speed = self.megabytes / self.seconds if self.seconds else 0.0
        rows = ", ".join(f"{name} {count:,}" for name, count in self.tables.items())
        return (
            f"{self.documents:,} documents ({self.computed:,} processed, {self.cached:,} from "
            f"cache), {self.articles:,} articles in {self.seconds:.1f} s "
            f"({self.megabytes:.1f} MB, {speed:.2f} MB/s); rows: {rows}; "
            f"{_plural(self.issues, 'issue')} ({_plural(self.errors, 'error')}), "
            f"{_plural(self.failed_documents, 'document')} failed; "
            f"tables in {self.out}"
        )


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def _task(item: tuple[Document, Options]) -> dict:
    """The work of one document, run by any engine (module level: it is pickled)."""
    doc, options = item
    return process_document(doc, options)


def _results_in_order(run: _Run, documents, engine: str, workers, scheduler) -> Iterator[dict]:
    """Per-document results in corpus order: from the cache or computed by the engine."""
    slots: deque = deque()

    def work():
        for doc in documents:
            key = run.key_of(doc)
            cached = run.cache.get(key) if run.cache is not None else None
            if cached is not None:
                slots.append(cached)
            else:
                slots.append(None)
                yield doc, run.options

    for computed in map_ordered(_task, work(), engine=engine, workers=workers, scheduler=scheduler):
        while slots[0] is not None:
            yield slots.popleft()
        slots.popleft()
        if run.cache is not None:
            run.cache.put(run.key_of_result(computed), computed)
        computed["computed"] = True
        yield computed
    while slots:
        yield slots.popleft()


def process_document(doc: Document, options: Options) -> dict:
    """Everything the pipeline extracts from one document, as JSON-ready rows.

    A pure function of the document and the options: segmentation, publication
    dates, and :func:`process_article` for each article. A failure is caught and
    reported as an issue naming the document (and article) and the stage; the rest of
    the document's articles are kept.

    Returns:
        ``doc_id``, ``sha256`` (of the text), ``chars``, table rows (``articles``,
        ``sentences``, ``mentions``, ``timexes``, ``casualties``, ``residue``,
        ``issues``) and MinHash ``signatures`` (hex) of the article bodies.
    """
    result: dict = {name: [] for name in _DOCUMENT_TABLES}
    result.update(doc_id=doc.doc_id, sha256=text_hash(doc.text), chars=len(doc.text), signatures=[])
    stage = "segment"
    try:
        one = doc.row is not None if options.single is None else options.single
        seg = segment_text(doc.text, source=doc.doc_id, single=one, separator=options.separator)
        stage = "date"
        articles, problems = date_articles(
            [_with_metadata(a, doc) for a in seg.articles],
            doc,
            published_date=options.published_date,
        )
        result["residue"] = [asdict(r) for r in seg.residue]
        result["issues"] = [asdict(i) for i in problems]
    except Exception as error:  # a failure here loses only this document, reported
        result["issues"].append(_failure(doc.doc_id, stage, error))
        return result
    for article in articles:
        try:
            rows = process_article(
                article, actors=options.actors, actor_backend=options.actor_backend
            )
        except Exception as error:
            result["issues"].append(_failure(article.article_id, "extract", error))
            paragraphs = 0
            result["articles"].append(_article_row(article, 0, paragraphs))
            result["signatures"].append(None)
            continue
        result["articles"].append(rows["article"])
        for name in ("sentences", "timexes", "casualties", "events"):
            result[name].extend(rows[name])
        result["mentions"].extend(m._asdict() for m in rows["mentions"])
        signature = minhash_signature(article.body)
        result["signatures"].append(signature.hex() if signature else None)
    return result


_DOCUMENT_TABLES = (
    "articles",
    "sentences",
    "mentions",
    "timexes",
    "casualties",
    "events",
    "residue",
    "issues",
)
#: Tables that grow with the corpus: written in parts as documents come (``out=``).
PARTITIONED = ("articles", "sentences", "mentions", "timexes")
#: Rows of a partitioned table gathered before they are written (``out=``): one frame and
#: one Parquet row group per batch, not per document; a few tens of MB at most.
WRITE_BATCH_ROWS = 25_000


def _failure(where: str, stage: str, error: Exception) -> dict:
    message = f"{stage} failed: {type(error).__name__}: {error}"
    return asdict(LoadIssue(where, "processing failed", message[:500]))


class _Run:
    """The state of one extraction: reduce inputs, and the results when kept in memory."""

    def __init__(self, options: Options, cache: ResultCache | None):
        self.options = options
        self.cache = cache
        self.fingerprint = options.fingerprint()
        self.keys: list[str] = []
        self.inputs: list[dict] = []
        self.results: list[dict] = []  # kept only when there is no cache
        self.signatures: list[bytes | None] = []
        self.article_ids: list[str] = []
        self.names: dict = {}
        self.casualties: list[dict] = []
        self.events: list[dict] = []
        self.residue: list[dict] = []
        self.issues: list[dict] = []
        self.failed: set[str] = set()
        self.chars = 0

    def key_of(self, doc: Document) -> str:
        return text_hash(f"{doc.doc_id}\0{self.fingerprint}\0{text_hash(doc.text)}")

    def key_of_result(self, result: dict) -> str:
        return text_hash(f"{result['doc_id']}\0{self.fingerprint}\0{result['sha256']}")

    def add(self, result: dict) -> None:
        """Take one document's result: keep what the corpus-level steps need."""
        key = self.key_of_result(result)
        self.keys.append(key)
        self.inputs.append(
            {"doc_id": result["doc_id"], "sha256": result["sha256"], "articles": len(result["articles"]),
             "cached": not result.pop("computed", False)}
        )  # fmt: skip
        self.chars += result["chars"]
        self.signatures.extend(bytes.fromhex(s) if s else None for s in result["signatures"])
        self.article_ids.extend(row["article_id"] for row in result["articles"])
        count_full_names(_mentions(result["mentions"]), self.names)
        self.casualties.extend(result["casualties"])
        self.events.extend(result.get("events", ()))
        self.residue.extend(result["residue"])
        self.issues.extend(result["issues"])
        self.failed.update(
            i["path"].split("#")[0] for i in result["issues"] if i["kind"] == "processing failed"
        )
        if self.cache is None:
            self.results.append(result)

    def reduce(
        self, load_issues: list[LoadIssue], *, duplicate_threshold: float, period: str
    ) -> dict:
        """The corpus-level steps, once over all documents."""
        marks = match_duplicates(self.signatures, threshold=duplicate_threshold)
        duplicate_of = {
            self.article_ids[i]: self.article_ids[m] for i, m in enumerate(marks) if m is not None
        }
        issues = [asdict(i) for i in load_issues]
        seen: set[tuple] = set()
        for issue in self.issues:  # a sidecar's problems come once per document beside it
            key = (issue["path"], issue["line"], issue["message"])
            if key not in seen:
                seen.add(key)
                issues.append(issue)
        casualties = to_frame("casualties", self.casualties)
        aliases = corpus_alias_map(self.names)
        return {
            "duplicate_of": duplicate_of,
            "aliases": aliases,
            "casualties": casualties,
            "tallies": tally_casualties(casualties, period=period),
            "events": reduce_events(self.events, aliases={k: v[0] for k, v in aliases.items()}),
            "residue": to_frame("residue", self.residue),
            "issues": to_frame("issues", issues),
        }

    def _document_rows(self, result: dict, reduced: dict) -> dict[str, list[dict]]:
        """One document's rows of the partitioned tables, with the corpus-level marks."""
        duplicate_of = reduced["duplicate_of"]
        articles = [
            {**row, "duplicate_of": duplicate_of.get(row["article_id"])}
            for row in result["articles"]
        ]
        mentions = apply_corpus_aliases(_mentions(result["mentions"]), reduced["aliases"])
        return {
            "articles": articles,
            "sentences": result["sentences"],
            "mentions": [m._asdict() for m in mentions],
            "timexes": result["timexes"],
        }

    def _frames(self, results: Iterable[dict], reduced: dict, batch_rows: float):
        """Frames of the partitioned tables, each built from many documents' rows.

        Yields (table, frame) whenever a table has ``batch_rows`` rows waiting, then
        the rest; the batches follow corpus order, so every engine writes the same.
        """
        waiting: dict[str, list[dict]] = {name: [] for name in PARTITIONED}
        for result in results:
            for name, rows in self._document_rows(result, reduced).items():
                waiting[name].extend(rows)
                if len(waiting[name]) >= batch_rows:
                    yield name, to_frame(name, waiting[name])
                    waiting[name] = []
        for name, rows in waiting.items():
            if rows:
                yield name, to_frame(name, rows)

    def tables(self, reduced: dict) -> dict[str, pd.DataFrame]:
        """All tables in memory."""
        tables = {name: empty_frame(name) for name in PARTITIONED}
        tables.update(self._frames(self.results, reduced, batch_rows=float("inf")))
        tables.update(
            {
                name: reduced[name]
                for name in ("casualties", "tallies", "events", "residue", "issues")
            }
        )
        return {name: tables[name] for name in TABLE_NAMES}

    def write(
        self, out: Path, reduced: dict, *, engine: str, workers, started: float
    ) -> RunSummary:
        """Stream every table into ``out`` and finish with the manifest."""
        writer = OutputWriter(out, PARTITIONED)
        try:
            results = (self.cache.get(key) for key in self.keys)
            for name, frame in self._frames(results, reduced, batch_rows=WRITE_BATCH_ROWS):
                writer.append(name, frame)
            for name in ("casualties", "tallies", "events", "residue", "issues"):
                writer.write_small(name, reduced[name])
            seconds = time.perf_counter() - started
            manifest = {
                "library_version": __version__,
                "library_fingerprint": library_fingerprint(),
                "engine": engine,
                "workers": workers,
                "parameters": {
                    "single": self.options.single,
                    "separator": None
                    if self.options.separator is None
                    else self.options.separator.pattern,
                    "actors": self.options.actors,
                    "actor_backend": self.options.actor_backend,
                    "published_date": self.options.published_date,
                    "columns": dict(self.options.columns or ()),
                },
                "seconds": round(seconds, 3),
                "megabytes": round(self.chars / 1e6, 3),
                "inputs": self.inputs,
                "issues": len(reduced["issues"]),
                "failed_documents": sorted(self.failed),
            }
            writer.finish(manifest, {name: empty_frame(name) for name in PARTITIONED})
        except BaseException:
            writer.abandon()
            raise
        return RunSummary(
            out=str(out),
            documents=len(self.inputs),
            computed=sum(not i["cached"] for i in self.inputs),
            cached=sum(i["cached"] for i in self.inputs),
            articles=writer.rows.get("articles", 0),
            tables=dict(sorted(writer.rows.items())),
            issues=len(reduced["issues"]),
            failed_documents=len(self.failed),
            seconds=seconds,
            megabytes=self.chars / 1e6,
            errors=int((reduced["issues"]["severity"] == "error").sum()),
        )


def _mentions(rows: Iterable[dict]) -> list[Mention]:
    return [Mention(**row) for row in rows]


def reference_date(article: Article) -> str | None:
    """The article's publication date when it is a full ISO date, else ``None``.

    Example:
        >>> from analysis_lib.segment import split_articles
        >>> a = split_articles("LONDON (Reuters) - Police arrested a man.")[0]
        >>> [reference_date(replace(a, published_date=d)) for d in ("2017-09-16", "XXXX-09-16")]
        ['2017-09-16', None]
    """
    value = article.published_date
    if value and len(value) == 10 and value[:4].isdigit() and value[5:7].isdigit():
        return value
    return None


def process_article(
    article: Article, *, actors: bool = True, actor_backend: str = "rules"
) -> dict[str, object]:
    """Run the per-article extractors; a pure function of the article.

    Returns:
        ``article`` (its row), and row lists ``sentences``, ``mentions`` (records),
        ``timexes``, ``casualties`` and ``events`` (the article's dated events, not yet
        grouped: see :func:`~analysis_lib.events.reduce_events`), all with the article's id.
    """
    article_id = article.article_id
    sentences = split_sentences(article.body)
    paragraphs = sentences[-1].paragraph + 1 if sentences else 0
    starts = [s.start for s in sentences]
    mentions = (
        find_article_actors(article_id, article.body, starts, backend=actor_backend)
        if actors
        else []
    )
    anchor = reference_date(article)
    found = find_dates(article.body, reference_date=anchor)
    timexes = [
        {**t._asdict(), "article_id": article_id, "sentence": _sentence_of(starts, t.start)}
        for t in found
    ]
    casualties = find_article_casualties(
        article_id,
        article.body,
        [(s.start, s.end) for s in sentences],
        mentions,
        headline=article.headline,
        reference_date=anchor,
        dateline_place=article.dateline_place_name,
    )
    casualty_rows = [
        {**c._asdict(), "casualty_id": f"{article_id}/c{n:02d}"}
        for n, c in enumerate(casualties, 1)
    ]
    events = find_article_events(
        article_id,
        article.body,
        [(s.start, s.end) for s in sentences],
        mentions,
        found,
        casualties,
        casualty_ids=[row["casualty_id"] for row in casualty_rows],
        reference_date=anchor,
        dateline_place=article.dateline_place_name,
        dateline_country=article.dateline_country,
        source=article.agency or article.publication,
    )
    return {
        "article": _article_row(article, len(sentences), paragraphs),
        "sentences": [_sentence_row(article_id, s) for s in sentences],
        "mentions": mentions,
        "timexes": timexes,
        "casualties": casualty_rows,
        "events": [e._asdict() for e in events],
    }


def _sentence_row(article_id: str, s) -> dict[str, object]:
    """A row of the sentences table (a plain dict: ``dataclasses.asdict`` deep-copies)."""
    return {
        "article_id": article_id,
        "index": s.index,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "paragraph": s.paragraph,
    }


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _article_row(a: Article, sentence_count: int, paragraph_count: int) -> dict[str, object]:
    return {
        "article_id": a.article_id,
        "source": a.source,
        "source_start": a.source_start,
        "source_end": a.source_end,
        "headline": a.headline,
        "headline_repeated": a.headline_repeated,
        "caption": a.caption,
        "byline": join_list(a.byline),
        "dateline": a.dateline,
        "dateline_place": a.dateline_place,
        "dateline_place_name": a.dateline_place_name,
        "dateline_country": a.dateline_country,
        "dateline_date": a.dateline_date,
        "agency": a.agency,
        "body": a.body,
        "body_start": a.body_start,
        "credits": a.credits,
        "reporters": join_list(a.reporters),
        "writers": join_list(a.writers),
        "editors": join_list(a.editors),
        "published_date": a.published_date,
        "date_source": a.date_source,
        "duplicate_of": a.duplicate_of,
        "layout": a.layout,
        "publication": a.publication,
        "section": a.section,
        "language": a.language,
        "vendor_word_count": a.vendor_word_count,
        "load_date": a.load_date,
        "publication_type": a.publication_type,
        "copyright": a.copyright,
        "document_id": a.document_id,
        "editor_note": a.editor_note,
        "is_graphic": a.is_graphic,
        "char_count": len(a.body),
        "word_count": len(_WORD.findall(a.body)),
        "sentence_count": sentence_count,
        "paragraph_count": paragraph_count,
    }


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | Path,
    *,
    formats: Iterable[str] = ("parquet", "csv"),
) -> list[Path]:
    """Write each table as ``<out_dir>/<name>.parquet`` and ``.csv``.

    Output is deterministic: the same tables give byte-identical files. In the CSV
    files, text cells that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return get a leading ``'`` so that spreadsheets do not run them as formulas
    (:mod:`analysis_lib.csvsafe`); Parquet keeps every value as it is.

    Returns:
        The paths written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        check_frame(name, frame)
        for fmt in formats:
            path = out / f"{name}.{fmt}"
            if fmt == "parquet":
                frame.to_parquet(path, index=False)
            elif fmt == "csv":
                write_csv(frame, path)
            else:
                raise ValueError(f"unknown table format {fmt!r}: expected 'parquet' or 'csv'")
            written.append(path)
    return written


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    """Read a table written by :func:`write_tables` or by ``extract(out=…)``.

    Parquet is preferred; a table written in parts (``<name>/part-*.parquet``) is read
    part by part, in order.
    """
    out = Path(out_dir)
    parquet = out / f"{name}.parquet"
    parts = sorted((out / name).glob("part-*.parquet")) if (out / name).is_dir() else []
    if parts:
        frames = [pd.read_parquet(p) for p in parts]
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if parquet.exists():
        return pd.read_parquet(parquet)
    return _read_csv_table(out / f"{name}.csv", name)


def _read_csv_table(path: Path, name: str) -> pd.DataFrame:
    """A CSV table with its schema's dtypes and the formula guard removed."""
    frame = pd.read_csv(path, dtype=SCHEMAS.get(name), keep_default_na=False, na_values=[""])
    return unguard_text_columns(frame)
