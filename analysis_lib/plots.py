"""Matplotlib figures drawn from the tables. Each function returns the Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis_lib.tables import count_articles_by


def plot_article_counts(articles: pd.DataFrame, column: str, *, top: int = 15, title: str = ""):
    """Horizontal bar chart of articles per value of ``column`` (e.g. agency).

    Example:
        >>> fig = plot_article_counts(pd.DataFrame({"agency": ["Reuters", "AFP"]}), "agency")
        >>> fig.axes[0].get_xlabel()
        'articles'
    """
    counts = count_articles_by(articles, column, top=top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(counts) + 1.2))
    ax.barh(counts[column].astype(str), counts["articles"], color="#4c72b0")
    ax.set_xlabel("articles")
    ax.set_title(title or f"Articles per {column.replace('_', ' ')}")
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return fig


def plot_length_distribution(articles: pd.DataFrame, *, column: str = "word_count", bins: int = 20):
    """Histogram of article length (words by default).

    Example:
        >>> fig = plot_length_distribution(pd.DataFrame({"word_count": [120, 800, 450]}))
        >>> fig.axes[0].get_xlabel()
        'words per article'
    """
    fig, ax = plt.subplots(figsize=(7, 3.5))
    values = articles[column].dropna()
    ax.hist(values, bins=max(1, min(bins, len(values))), color="#55a868", edgecolor="white")
    unit = "words" if column == "word_count" else column.replace("_", " ")
    ax.set_xlabel(f"{unit} per article")
    ax.set_ylabel("articles")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(f"Article length ({len(values)} articles)")
    fig.tight_layout()
    return fig
