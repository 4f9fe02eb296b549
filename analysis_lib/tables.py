"""Small summaries of the extracted tables, for notebooks and reports.

Example:
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"agency": ["Reuters", "Reuters", None]})
    >>> count_articles_by(arts, "agency").to_dict("records")
    [{'agency': 'Reuters', 'articles': 2}, {'agency': '(none)', 'articles': 1}]
"""

from __future__ import annotations

import pandas as pd

MISSING_LABEL = "(none)"


def count_articles_by(
    articles: pd.DataFrame, column: str, *, top: int | None = None
) -> pd.DataFrame:
    """Count articles per value of a column (missing values counted as ``(none)``).

    Sorted by count (descending), then value, so the order is reproducible.

    Args:
        articles: The ``articles`` table.
        column: Column to group by, e.g. ``agency`` or ``dateline_place``.
        top: Keep only the most frequent values.
    """
    values = articles[column].astype("string").fillna(MISSING_LABEL)
    counts = values.value_counts().rename_axis(column).reset_index(name="articles")
    counts = counts.sort_values(["articles", column], ascending=[False, True], kind="stable")
    counts = counts.reset_index(drop=True)
    return counts.head(top) if top is not None else counts


def list_duplicates(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles flagged as near-duplicates, next to the article they repeat.

    Example:
        >>> arts = pd.DataFrame({"article_id": ["a#1", "b#1"], "headline": ["X", "X again"],
        ...                      "duplicate_of": [None, "a#1"]})
        >>> list_duplicates(arts).to_dict("records")
        [{'article_id': 'b#1', 'headline': 'X again', 'duplicate_of': 'a#1', 'original_headline': 'X'}]
    """
    flagged = articles[articles["duplicate_of"].notna()][["article_id", "headline", "duplicate_of"]]
    originals = articles.set_index("article_id")["headline"]
    flagged = flagged.assign(original_headline=flagged["duplicate_of"].map(originals))
    return flagged.reset_index(drop=True)


def summarize_corpus(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One-row-per-figure overview: documents, articles, sentences, residue, issues.

    Example:
        >>> from analysis_lib.pipeline import extract
        >>> from analysis_lib import SAMPLE_DIR
        >>> overview = summarize_corpus(extract(SAMPLE_DIR)).set_index("figure")["value"]
        >>> int(overview["articles"]), int(overview["sentences"])
        (11, 252)
    """
    arts = tables["articles"]
    issues = tables["issues"]
    rows = [
        ("documents", int(arts["source"].nunique())),
        ("articles", len(arts)),
        ("articles with headline", int(arts["headline"].notna().sum())),
        ("articles with dateline", int(arts["dateline"].notna().sum())),
        ("articles with byline", int(arts["byline"].notna().sum())),
        ("articles with credits", int(arts["credits"].notna().sum())),
        ("near-duplicate articles", int(arts["duplicate_of"].notna().sum())),
        ("sentences", len(tables["sentences"])),
        ("words", int(arts["word_count"].sum())),
        ("residue records", len(tables["residue"])),
        ("load errors", int((issues["severity"] == "error").sum())),
        ("load warnings", int((issues["severity"] == "warning").sum())),
    ]
    return pd.DataFrame(rows, columns=["figure", "value"])
