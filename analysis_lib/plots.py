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


SECTOR_COLORS = {
    "GOV": "#4c72b0",
    "MIL": "#2f4b7c",
    "COP": "#665191",
    "REB": "#d62728",
    "UAF": "#ff7f0e",
    "IGO": "#2ca02c",
    "NGO": "#98df8a",
    "MED": "#8c564b",
    "CVL": "#e377c2",
    "REF": "#f7b6d2",
    "": "#bbbbbb",
}


def sector_color(sector: str) -> str:
    """Colour of a sector in actor plots (grey for unknown sectors).

    Example:
        >>> sector_color("REB"), sector_color("XYZ")
        ('#d62728', '#7f7f7f')
    """
    return SECTOR_COLORS.get(sector, "#7f7f7f")


def plot_top_actors(actors: pd.DataFrame, *, top_n: int = 20):
    """Bar chart of the most mentioned actors, coloured by sector.

    Example:
        >>> fig = plot_top_actors(pd.DataFrame({"actor": ["Islamic State"], "mention_count": [5],
        ...                                     "sector": ["REB"]}))
        >>> fig.axes[0].get_xlabel()
        'mentions'
    """
    top = actors.head(top_n).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(top) + 1.2))
    ax.barh(top["actor"], top["mention_count"], color=[sector_color(s) for s in top["sector"]])
    ax.set_xlabel("mentions")
    ax.set_title(f"Top {len(top)} actors (colour = sector)")
    fig.tight_layout()
    return fig


def plot_cooccurrence_heatmap(
    pairs: pd.DataFrame, actors: list[str], *, value: str = "sentence_count"
):
    """Heatmap of pair counts among the given actors (symmetric, zero where never together).

    Example:
        >>> pairs = pd.DataFrame([{"actor_a": "A", "actor_b": "B", "sentence_count": 2}])
        >>> fig = plot_cooccurrence_heatmap(pairs, ["A", "B"])
        >>> fig.axes[0].get_title()
        'Co-occurrence (sentence count)'
    """
    index = {a: i for i, a in enumerate(actors)}
    grid = [[0] * len(actors) for _ in actors]
    for row in pairs.itertuples(index=False):
        a, b = index.get(row.actor_a), index.get(row.actor_b)
        if a is not None and b is not None:
            grid[a][b] = grid[b][a] = int(getattr(row, value))
    size = max(4.0, 0.45 * len(actors) + 2)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(actors)), actors, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(actors)), actors, fontsize=8)
    for i, line in enumerate(grid):
        for j, count in enumerate(line):
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=7)
    fig.colorbar(image, ax=ax, shrink=0.7)
    ax.set_title(f"Co-occurrence ({value.replace('_', ' ')})")
    fig.tight_layout()
    return fig


def plot_actor_network(graph, *, top_n: int = 30, seed: int = 7):
    """Spring-layout drawing of the actor network: node size = mentions, colour = sector.

    Only the ``top_n`` most mentioned actors are drawn. The layout is seeded, so the
    figure is the same on every run.
    """
    import networkx as nx

    nodes = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("mention_count", 0), n))[:top_n]
    sub = graph.subgraph(nodes)
    fig, ax = plt.subplots(figsize=(9, 7))
    if sub.number_of_nodes():
        pos = nx.spring_layout(sub, seed=seed, weight="weight")
        sizes = [80 + 25 * sub.nodes[n].get("mention_count", 1) for n in sub.nodes]
        colors = [sector_color(sub.nodes[n].get("sector", "")) for n in sub.nodes]
        widths = [0.5 + sub.edges[e].get("weight", 1) for e in sub.edges]
        nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, alpha=0.35)
        nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=sizes, node_color=colors, alpha=0.9)
        nx.draw_networkx_labels(sub, pos, ax=ax, font_size=8)
        handles = [
            plt.Line2D([], [], marker="o", linestyle="", color=sector_color(s), label=s or "none")
            for s in sorted({sub.nodes[n].get("sector", "") for n in sub.nodes})
        ]
        ax.legend(handles=handles, title="sector", loc="lower left", fontsize=7)
    ax.set_title(f"Actor network ({sub.number_of_nodes()} actors, {sub.number_of_edges()} links)")
    ax.axis("off")
    fig.tight_layout()
    return fig
