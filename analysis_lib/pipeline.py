"""Run the extractors over a corpus and produce one table per record kind.

``extract`` reads inputs (or takes a loaded :class:`~analysis_lib.corpus.Corpus`),
segments every document into articles, splits bodies into sentences, flags
near-duplicate articles, and returns tidy tables (schemas in ``schemas.py``):
``articles``, ``sentences``, ``residue`` and ``issues``. ``write_tables`` saves them
as Parquet and CSV. Later extractors add their tables here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, replace
from pathlib import Path

import pandas as pd

from analysis_lib.actors import find_article_actors, resolve_corpus_aliases
from analysis_lib.corpus import Corpus, Document, LoadIssue, iter_documents
from analysis_lib.schemas import check_frame, join_list, to_frame
from analysis_lib.segment import (
    DEFAULT_SEPARATOR,
    Article,
    Residue,
    find_duplicates,
    segment_text,
)
from analysis_lib.sentences import split_sentences

_WORD = re.compile(r"\w+")

TABLE_NAMES = ("articles", "sentences", "mentions", "residue", "issues")


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
    progress: bool = False,
) -> dict[str, pd.DataFrame]:
    """Turn a corpus into tables: ``articles``, ``sentences``, ``mentions``, ``residue``, ``issues``.

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
    for arts, res in segment_documents(documents, single=single, separator=separator):
        articles.extend(arts)
        residue.extend(res)
    marks = find_duplicates((a.body for a in articles), threshold=duplicate_threshold)
    articles = [
        replace(a, duplicate_of=articles[m].article_id) if m is not None else a
        for a, m in zip(articles, marks, strict=True)
    ]
    article_rows, sentence_rows, mentions = [], [], []
    for article in articles:
        sentences = split_sentences(article.body)
        paragraphs = sentences[-1].paragraph + 1 if sentences else 0
        article_rows.append(_article_row(article, len(sentences), paragraphs))
        sentence_rows.extend({"article_id": article.article_id, **asdict(s)} for s in sentences)
        if actors:
            starts = [s.start for s in sentences]
            mentions.extend(
                find_article_actors(article.article_id, article.body, starts, backend=actor_backend)
            )
    mentions = resolve_corpus_aliases(mentions)
    return {
        "articles": to_frame("articles", article_rows),
        "sentences": to_frame("sentences", sentence_rows),
        "mentions": to_frame("mentions", (m._asdict() for m in mentions)),
        "residue": to_frame("residue", (asdict(r) for r in residue)),
        "issues": to_frame("issues", (asdict(i) for i in issues)),
    }


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
