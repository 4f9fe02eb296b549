"""Run the extractors over a corpus and produce one table per record kind.

``extract`` reads inputs (or takes a loaded :class:`~analysis_lib.corpus.Corpus`),
segments every document into articles, dates them, and runs the extractors on every
article (sentences, actor mentions, temporal expressions, casualty statements). Then
the corpus-level steps run once over all articles: near-duplicates, cross-article
aliases and casualty tallies. It returns tidy tables (schemas in ``schemas.py``):
``articles``, ``sentences``, ``mentions``, ``timexes``, ``casualties``, ``tallies``,
``residue`` and ``issues``. ``write_tables`` saves them as Parquet and CSV.

Publication dates, in order of evidence: a date the input carries for the article
(a CSV/JSONL/Parquet date column, a vendor date line); a sidecar ``metadata.csv``
(:mod:`analysis_lib.metadata`); a date in the file name; the dateline or the article's
own photo caption (:func:`~analysis_lib.dates.infer_publication_date`, with the year
of the file name or of ``published_date`` when the dateline has none); the
``published_date`` given for the whole corpus. Unknown stays unknown, never today.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, replace
from pathlib import Path

import pandas as pd

from analysis_lib.actors import find_article_actors, resolve_corpus_aliases
from analysis_lib.casualties import find_article_casualties
from analysis_lib.corpus import Corpus, Document, LoadIssue, iter_documents
from analysis_lib.dates import date_from_filename, find_dates, infer_publication_date
from analysis_lib.metadata import sidecar_dates
from analysis_lib.schemas import check_frame, join_list, to_frame
from analysis_lib.segment import (
    DEFAULT_SEPARATOR,
    Article,
    Residue,
    find_duplicates,
    segment_text,
)
from analysis_lib.sentences import split_sentences
from analysis_lib.tallies import tally_casualties

_WORD = re.compile(r"\w+")

TABLE_NAMES = (
    "articles",
    "sentences",
    "mentions",
    "timexes",
    "casualties",
    "tallies",
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
    progress: bool = False,
) -> dict[str, pd.DataFrame]:
    """Turn a corpus into tables (see the module docstring).

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
        progress: Show a tqdm progress bar over documents.

    Returns:
        A dict of DataFrames keyed by table name.

    Example:
        >>> from analysis_lib import SAMPLE_DIR
        >>> tables = extract(SAMPLE_DIR)
        >>> len(tables["articles"]), int((tables["articles"]["agency"] == "Reuters").sum())
        (11, 10)
    """
    issues: list[LoadIssue] = []
    if isinstance(inputs, Corpus):
        documents: Iterable[Document] = inputs.documents
        issues.extend(inputs.issues)
    else:
        documents = iter_documents(inputs, columns=columns, issues=issues)
    if limit is not None:
        documents = (d for n, d in enumerate(documents) if n < limit)
    if progress:
        from tqdm.auto import tqdm

        documents = tqdm(documents, unit="doc", desc="segmenting")

    articles: list[Article] = []
    residue: list[Residue] = []
    sidecar_issues: dict[tuple, LoadIssue] = {}
    for doc in documents:
        ((arts, res),) = segment_documents([doc], single=single, separator=separator)
        arts, problems = date_articles(arts, doc, published_date=published_date)
        articles.extend(arts)
        residue.extend(res)
        for problem in problems:
            sidecar_issues.setdefault((problem.path, problem.line, problem.message), problem)
    issues.extend(sidecar_issues.values())
    marks = find_duplicates((a.body for a in articles), threshold=duplicate_threshold)
    articles = [
        replace(a, duplicate_of=articles[m].article_id) if m is not None else a
        for a, m in zip(articles, marks, strict=True)
    ]
    article_rows, sentence_rows, mentions, timex_rows, casualty_rows = [], [], [], [], []
    for article in articles:
        rows = process_article(article, actors=actors, actor_backend=actor_backend)
        article_rows.append(rows["article"])
        sentence_rows.extend(rows["sentences"])
        mentions.extend(rows["mentions"])
        timex_rows.extend(rows["timexes"])
        casualty_rows.extend(rows["casualties"])
    mentions = resolve_corpus_aliases(mentions)
    casualties = to_frame("casualties", casualty_rows)
    return {
        "articles": to_frame("articles", article_rows),
        "sentences": to_frame("sentences", sentence_rows),
        "mentions": to_frame("mentions", (m._asdict() for m in mentions)),
        "timexes": to_frame("timexes", timex_rows),
        "casualties": casualties,
        "tallies": tally_casualties(casualties, period=period),
        "residue": to_frame("residue", (asdict(r) for r in residue)),
        "issues": to_frame("issues", (asdict(i) for i in issues)),
    }


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
        ``timexes`` and ``casualties``, all with the article's id.
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
    timexes = [
        {**t._asdict(), "article_id": article_id, "sentence": _sentence_of(starts, t.start)}
        for t in find_dates(article.body, reference_date=anchor)
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
    return {
        "article": _article_row(article, len(sentences), paragraphs),
        "sentences": [{"article_id": article_id, **asdict(s)} for s in sentences],
        "mentions": mentions,
        "timexes": timexes,
        "casualties": casualty_rows,
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

    Output is deterministic: the same tables give byte-identical files.

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
                frame.to_csv(path, index=False, lineterminator="\n")
            else:
                raise ValueError(f"unknown table format {fmt!r}: expected 'parquet' or 'csv'")
            written.append(path)
    return written


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    """Read a table written by :func:`write_tables` (Parquet preferred)."""
    out = Path(out_dir)
    parquet = out / f"{name}.parquet"
    if parquet.exists():
        return pd.read_parquet(parquet)
    return pd.read_csv(out / f"{name}.csv")
