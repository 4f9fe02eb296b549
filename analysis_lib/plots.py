"""Matplotlib figures drawn from the tables. Each function returns the Figure."""

from __future__ import annotations

import functools
import math
import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from analysis_lib.tables import count_articles_by, list_running_totals, sum_event_figures


def plot_article_counts(articles: pd.DataFrame, column: str, *, top: int = 15, title: str = ""):
    """Horizontal bar chart of articles per value of ``column`` (e.g. agency).

    Example:
        >>> fig = plot_article_counts(pd.DataFrame({"agency": ["Reuters", "AFP"]}), "agency")
        >>> fig.axes[0].get_xlabel()
        'articles'
    """
    title = title or f"Articles per {column.replace('_', ' ')}"
    if articles.empty:
        return _empty_figure("No articles to show", title=title)
    counts = count_articles_by(articles, column, top=top).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(counts) + 1.2))
    positions = range(len(counts))
    ax.barh(positions, counts["articles"], color="#4c72b0")
    ax.set_yticks(positions, [escape_label(v) for v in counts[column]])
    ax.set_xlabel("articles")
    ax.set_title(title)
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
    values = articles[column].dropna() if column in articles else pd.Series([], dtype=float)
    if values.empty:
        return _empty_figure("No articles to show", title="Article length")
    fig, ax = plt.subplots(figsize=(7, 3.5))
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


NO_ACTORS = "No actor mentions to show (none found, or none left by the filters)"


def plot_top_actors(actors: pd.DataFrame, *, top_n: int = 20):
    """Bar chart of the most mentioned actors, coloured by sector.

    Example:
        >>> fig = plot_top_actors(pd.DataFrame({"actor": ["Islamic State"], "mention_count": [5],
        ...                                     "sector": ["REB"]}))
        >>> fig.axes[0].get_xlabel()
        'mentions'
        >>> plot_top_actors(pd.DataFrame(columns=["actor", "mention_count", "sector"])).axes[
        ...     0].texts[0].get_text()
        'No actor mentions to show (none found, or none left by the filters)'
    """
    if actors.empty:
        return _empty_figure(NO_ACTORS, title="Top actors")
    top = actors.head(top_n).iloc[::-1]
    fig, ax = plt.subplots(figsize=(7, 0.3 * len(top) + 1.2))
    positions = range(len(top))
    ax.barh(positions, top["mention_count"], color=[sector_color(s) for s in top["sector"]])
    ax.set_yticks(positions, [escape_label(a) for a in top["actor"]])
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
    title = f"Co-occurrence ({value.replace('_', ' ')})"
    if not len(actors):
        return _empty_figure(NO_ACTORS, title=title)
    index = {a: i for i, a in enumerate(actors)}
    grid = [[0] * len(actors) for _ in actors]
    for row in pairs.itertuples(index=False):
        a, b = index.get(row.actor_a), index.get(row.actor_b)
        if a is not None and b is not None:
            grid[a][b] = grid[b][a] = int(getattr(row, value))
    size = max(4.0, 0.45 * len(actors) + 2)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    image = ax.imshow(grid, cmap="Blues")
    labels = [escape_label(a) for a in actors]
    ax.set_xticks(range(len(actors)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(actors)), labels, fontsize=8)
    for i, line in enumerate(grid):
        for j, count in enumerate(line):
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=7)
    fig.colorbar(image, ax=ax, shrink=0.7)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def select_top_nodes(graph, *, top_n: int = 30):
    """The ``top_n`` most mentioned actors and their links, as a new graph in sorted order.

    Nodes come by mentions (descending), then name; links in the order of their sorted
    ends. A view from ``graph.subgraph`` would iterate over a set, in an order that
    changes with the process's hash seed (and with it the layout drawn from it).

    Example:
        >>> import networkx as nx
        >>> g = nx.Graph()
        >>> for name, count in [("Syria", 4), ("Islamic State", 9), ("Russia", 4)]:
        ...     g.add_node(name, mention_count=count)
        >>> g.add_edge("Syria", "Islamic State")
        >>> list(select_top_nodes(g, top_n=2).nodes)
        ['Islamic State', 'Russia']
    """
    import networkx as nx

    nodes = sorted(graph.nodes, key=lambda n: (-graph.nodes[n].get("mention_count", 0), str(n)))
    keep = nodes[:top_n]
    rank = {n: i for i, n in enumerate(keep)}
    ordered = nx.Graph()
    ordered.add_nodes_from((n, dict(graph.nodes[n])) for n in keep)
    edges = [tuple(sorted((a, b), key=rank.__getitem__)) for a, b in graph.subgraph(keep).edges]
    for a, b in sorted(edges, key=lambda e: (rank[e[0]], rank[e[1]])):
        ordered.add_edge(a, b, **graph.edges[a, b])
    return ordered


def plot_actor_network(graph, *, top_n: int = 30, seed: int = 7):
    """Spring-layout drawing of the actor network: node size = mentions, colour = sector.

    Only the ``top_n`` most mentioned actors are drawn. The layout is seeded and the
    nodes and links are laid out in sorted order, so the same graph gives the same
    figure in every process (whatever its hash seed).

    Example:
        >>> import networkx as nx
        >>> plot_actor_network(nx.Graph()).axes[0].texts[0].get_text()
        'No actor mentions to show (none found, or none left by the filters)'
    """
    import networkx as nx

    if not graph.number_of_nodes():
        return _empty_figure(NO_ACTORS, title="Actor network")
    sub = select_top_nodes(graph, top_n=top_n)
    fig, ax = plt.subplots(figsize=(9, 7))
    pos = nx.spring_layout(sub, seed=seed, weight="weight")
    sizes = [80 + 25 * sub.nodes[n].get("mention_count", 1) for n in sub.nodes]
    colors = [sector_color(sub.nodes[n].get("sector", "")) for n in sub.nodes]
    widths = [0.5 + sub.edges[e].get("weight", 1) for e in sub.edges]
    nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, alpha=0.35)
    nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=sizes, node_color=colors, alpha=0.9)
    labels = {n: escape_label(n) for n in sub.nodes}
    nx.draw_networkx_labels(sub, pos, labels=labels, ax=ax, font_size=8)
    handles = [
        plt.Line2D(
            [], [], marker="o", linestyle="", color=sector_color(s), label=escape_label(s or "none")
        )
        for s in sorted({sub.nodes[n].get("sector", "") for n in sub.nodes})
    ]
    ax.legend(handles=handles, title="sector", loc="lower left", fontsize=7)
    ax.set_title(f"Actor network ({sub.number_of_nodes()} actors, {sub.number_of_edges()} links)")
    ax.axis("off")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- casualties


def escape_label(text: object, *, width: int | None = None) -> str:
    """A label from the data, shown literally: a ``$`` never starts math text.

    ``width`` wraps a long label on several lines (nothing is cut).

    Example:
        >>> print(escape_label("Fund raised $5 million and $2 million"))
        Fund raised \\$5 million and \\$2 million
    """
    text = str(text)
    if width and len(text) > width:
        text = textwrap.fill(text, width=width, break_long_words=False)
    return text.replace("$", r"\$")


CATEGORY_COLORS = {
    "killed": "#c44e52",
    "injured": "#dd8452",
    "kidnapped": "#8172b3",
    "arrested": "#4c72b0",
    "displaced": "#55a868",
    "missing": "#937860",
}


def category_color(category: str) -> str:
    """Colour of a casualty category (grey for an unknown one).

    Example:
        >>> category_color("killed"), category_color("other")
        ('#c44e52', '#7f7f7f')
    """
    return CATEGORY_COLORS.get(category, "#7f7f7f")


def _empty_figure(message: str, *, title: str):
    fig, ax = plt.subplots(figsize=(7, 1.6), layout="constrained")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    ax.set_title(title)
    ax.axis("off")
    return fig


def _label_bars(ax, bars, texts: list[str]) -> None:
    for bar, text in zip(bars, texts, strict=True):
        ax.annotate(
            escape_label(text),
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )


def _number(value: object) -> str:
    return "?" if value is None or pd.isna(value) else f"{int(value):,}"


def _plot_event_panels(tallies: pd.DataFrame, column: str, *, top_n: int, missing: str, what: str):
    """One panel per category (own scale), one bar per value of ``column``."""
    title = f"Single-event casualties by {what} (best figure)"
    data = sum_event_figures(tallies, column, top=top_n, missing=missing)
    if data.empty or data["best"].isna().all():
        return _empty_figure("No single-event casualty figures to show.", title=title)
    values = list(dict.fromkeys(data[column]))  # largest total first
    present = set(data["category"])
    categories = [c for c in CATEGORY_COLORS if c in present] + sorted(
        present - set(CATEGORY_COLORS)
    )
    ncols = min(len(categories), 3)
    nrows = math.ceil(len(categories) / ncols)
    height = max(1.6, 0.32 * len(values) + 1.0)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(3.2 * ncols + 2.4, height * nrows + 0.6),
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    positions = range(len(values))[::-1]  # largest at the top
    for ax, category in zip(axes.flat, categories, strict=False):
        part = data[data["category"] == category].set_index(column)
        figures = [part["best"].get(v, pd.NA) for v in values]
        events = [part["events"].get(v, 0) for v in values]
        widths = [0 if pd.isna(f) else int(f) for f in figures]
        bars = ax.barh(list(positions), widths, color=category_color(category))
        _label_bars(
            ax,
            bars,
            [
                "" if not n else f"{_number(f)} ({n} event{'s' if n != 1 else ''})"
                for f, n in zip(figures, events, strict=True)
            ],
        )
        ax.set_title(escape_label(category), fontsize=10)
        ax.set_xlim(0, max(max(widths), 1) * 1.45)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_yticks(list(positions), [escape_label(v, width=32) for v in values], fontsize=8)
    for ax in list(axes.flat)[len(categories) :]:
        ax.axis("off")
    fig.suptitle(title)
    fig.supxlabel(
        "sum of the best figures of de-duplicated single events (running totals apart); "
        "each panel has its own scale",
        fontsize=8,
    )
    return fig


def plot_casualties_by_victim_type(tallies: pd.DataFrame, *, top_n: int = 15):
    """Single-event casualties (best figure) per victim type, one panel per category.

    Categories are panels, not stacks: killed, arrested and displaced are different
    harms, often orders of magnitude apart, and their sum is a figure nobody reported.
    Pass tallies grouped by ``category`` and ``victim_type``.

    Example:
        >>> t = pd.DataFrame({"kind": ["event", "event"], "category": ["killed", "kidnapped"],
        ...                   "victim_type": ["civilians", "civilians"], "best": [40, 3],
        ...                   "events": [1, 1]})
        >>> [ax.get_title() for ax in plot_casualties_by_victim_type(t).axes if ax.get_title()]
        ['killed', 'kidnapped']
    """
    return _plot_event_panels(
        tallies, "victim_type", top_n=top_n, missing="(unknown)", what="victim type"
    )


def plot_casualties_by_perpetrator(tallies: pd.DataFrame, *, top_n: int = 15):
    """Single-event casualties (best figure) per named perpetrator, one panel per category.

    Events with no named perpetrator are one bar, ``(not named)``. Pass tallies grouped
    by ``category`` and ``perpetrator``.

    Example:
        >>> t = pd.DataFrame({"kind": ["event"], "category": ["killed"], "perpetrator": ["$ Gang"],
        ...                   "best": [40], "events": [1]})
        >>> ax = plot_casualties_by_perpetrator(t).axes[0]
        >>> print(ax.get_yticklabels()[0].get_text())
        \\$ Gang
    """
    return _plot_event_panels(
        tallies, "perpetrator", top_n=top_n, missing="(not named)", what="perpetrator"
    )


def plot_events_and_running_totals(tallies: pd.DataFrame, *, top_n: int = 15):
    """Single events (summed per category) beside running totals (each on its own).

    Left: the best figures of de-duplicated single events summed per category. Right:
    every running total as reported (``381 civilians killed since April``), never
    summed with the events nor with each other. A panel spanning more than two
    orders of magnitude uses a log scale; every bar is labelled with its figure.
    Pass tallies grouped by ``category``.

    Example:
        >>> t = pd.DataFrame({"kind": ["event", "cumulative"], "category": ["killed"] * 2,
        ...                   "victim_type": ["people", "civilians"], "perpetrator": [None] * 2,
        ...                   "place": [None, "Nigeria"], "period": [None, "2017-04"],
        ...                   "best": [56, 223], "high": [56, 223], "events": [3, 1]})
        >>> [ax.get_title() for ax in plot_events_and_running_totals(t).axes]
        ['Single events (summed)', 'Running totals (each as reported)']
    """
    title = "Single events versus running totals"
    events = sum_event_figures(tallies, "category")
    events = events[events["best"].notna()]
    totals = list_running_totals(tallies, top=top_n)
    totals = totals[totals["best"].notna()]
    if events.empty and totals.empty:
        return _empty_figure("No casualty figures to show.", title=title)
    rows = max(len(events), len(totals), 1)
    fig, (left, right) = plt.subplots(
        1,
        2,
        figsize=(13, 0.38 * rows + 1.8),
        gridspec_kw={"width_ratios": [1, 1.4]},
        layout="constrained",
    )
    _bar_panel(
        left,
        [escape_label(c) for c in events["category"]],
        [int(v) for v in events["best"]],
        [category_color(c) for c in events["category"]],
        [
            f"{_number(v)} ({n} event{'s' if n != 1 else ''})"
            for v, n in zip(events["best"], events["events"], strict=True)
        ],
        empty="no single events with a figure",
    )
    left.set_title("Single events (summed)", fontsize=10)
    _bar_panel(
        right,
        [escape_label(label, width=48) for label in totals["label"]],
        [int(v) for v in totals["best"]],
        [category_color(c) for c in totals["category"]],
        [
            ("at least " if pd.isna(h) else "") + _number(v)
            for v, h in zip(totals["best"], totals["high"], strict=True)
        ],
        empty="no running totals with a figure",
    )
    right.set_title("Running totals (each as reported)", fontsize=10)
    fig.suptitle(title)
    return fig


def _bar_panel(
    ax, labels: list[str], values: list[int], colors: list[str], texts: list[str], *, empty: str
) -> None:
    """Horizontal bars, first at the top, labelled; a note instead when there are none."""
    if not values:
        ax.text(0.5, 0.5, empty, ha="center", va="center", color="#555555", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        return
    positions = list(range(len(values)))[::-1]
    bars = ax.barh(positions, values, color=colors)
    _label_bars(ax, bars, texts)
    ax.set_yticks(positions, labels, fontsize=8)
    positive = [v for v in values if v > 0]
    if positive and max(positive) / min(positive) > 100:
        ax.set_xscale("log")
        decades = math.log10(max(positive) / 0.8)
        ax.set_xlim(0.8, max(positive) * 10 ** (0.45 * decades))  # room for the labels
        ax.set_xlabel("best figure (log scale)")
    else:
        ax.set_xlim(0, max(max(values), 1) * 1.35)
        ax.set_xlabel("best figure")
        ax.xaxis.get_major_locator().set_params(integer=True)


# --------------------------------------------------------------------------- timeline


def _event_days(groups: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First day and the day after the last day of each event group (matplotlib dates)."""
    start = pd.to_datetime(groups["date_start"].astype(str))
    stop = pd.to_datetime(groups["date_end"].astype(str)) + pd.Timedelta(days=1)
    return start, stop


def _marker_size(fatalities: pd.Series, *, base: float = 30.0, scale: float = 18.0) -> list[float]:
    """Marker areas: ``base`` for an event without deaths, growing with the square root."""
    return [base + scale * math.sqrt(f) if pd.notna(f) and f > 0 else base for f in fatalities]


def _date_axis(ax) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def plot_event_swimlane(
    events: pd.DataFrame,
    *,
    actors: list[str] | tuple[str, ...] = (),
    top_n: int = 10,
    actor_table: pd.DataFrame | None = None,
    precisions: tuple[str, ...] = ("day", "reference", "week", "month"),
):
    """A swimlane timeline: one lane per actor, one mark per event (group of reports).

    A day is a dot, a longer span (a week, a month) a bar from its first to its last
    day; dots grow with fatalities; an event dated by the article's publication date (no
    date of its own) is a hollow dot. ``actors`` gives the lanes (top to bottom); empty,
    the ``top_n`` actors with most events (named ones when ``actor_table``, the ``actors``
    table, tells which are generic agents). Events dated only to a season, a year or a
    decade (background history: ``in 2011``) are left out unless ``precisions`` names
    them; the title says how many.

    Example:
        >>> from analysis_lib.events import events_frame
        >>> plot_event_swimlane(events_frame([])).axes[0].texts[0].get_text()
        'No dated events to show'
    """
    from analysis_lib.events import count_event_actors, summarize_event_groups

    title = "Events per actor"
    groups = summarize_event_groups(events)
    coarse = int((~groups["precision"].isin(list(precisions))).sum())
    groups = groups[groups["precision"].isin(list(precisions))].reset_index(drop=True)
    events = events[events["group_id"].isin(set(groups["group_id"]))]
    lanes = list(actors) or (
        count_event_actors(events, actors=actor_table)["actor"].head(top_n).tolist()
        if not groups.empty
        else []
    )
    if groups.empty or not lanes:
        return _empty_figure("No dated events to show", title=title)
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(lanes) + 1.6), layout="constrained")
    start, stop = _event_days(groups)
    members = [set((a or "").split("; ")) for a in groups["actors"].fillna("")]
    shown = 0
    for lane, actor in enumerate(lanes):
        y = len(lanes) - 1 - lane
        rows = [i for i, m in enumerate(members) if actor in m]
        shown += len(rows)
        color = f"C{lane % 10}"
        for i in rows:
            if (stop.iloc[i] - start.iloc[i]).days > 1:
                ax.plot([start.iloc[i], stop.iloc[i]], [y, y], color=color, lw=5, alpha=0.35,
                        solid_capstyle="butt")  # fmt: skip
        days = [i for i in rows if (stop.iloc[i] - start.iloc[i]).days <= 1]
        if days:
            sizes = _marker_size(groups["fatalities"].iloc[days])
            hollow = [groups["precision"].iloc[i] == "reference" for i in days]
            ax.scatter(
                [start.iloc[i] for i in days],
                [y] * len(days),
                s=sizes,
                facecolors=["none" if h else color for h in hollow],
                edgecolors=color,
                linewidths=1.2,
                zorder=3,
            )
    ax.set_yticks(range(len(lanes)), [escape_label(a) for a in reversed(lanes)])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.grid(axis="x", alpha=0.3)
    _date_axis(ax)
    note = f"; {coarse} coarser event(s) not shown" if coarse else ""
    ax.set_title(f"{title} ({shown} marks, {len(lanes)} actors; size = fatalities{note})")
    return fig


def plot_casualties_per_period(per_period: pd.DataFrame, *, granularity: str = "month"):
    """Fatalities of dated events per week or month (bars) with the running sum (line).

    ``per_period`` is :func:`~analysis_lib.events.casualties_per_period`'s table, made from
    event rows only, never from running totals.

    Example:
        >>> from analysis_lib.events import casualties_per_period, events_frame
        >>> fig = plot_casualties_per_period(casualties_per_period(events_frame([])))
        >>> fig.axes[0].texts[0].get_text()
        'No fatalities reported in dated events'
    """
    title = f"Fatalities per {granularity} in dated events"
    skipped = per_period.attrs.get("skipped", 0)
    if skipped:
        title += f" ({skipped} event(s) with a coarser date left out)"
    if per_period.empty:
        return _empty_figure("No fatalities reported in dated events", title=title)
    fig, ax = plt.subplots(figsize=(9, 3.8), layout="constrained")
    labels = [escape_label(p) for p in per_period["period"]]
    positions = range(len(labels))
    ax.bar(positions, per_period["fatalities"], color=category_color("killed"), alpha=0.85)
    ax.set_ylabel(f"fatalities per {granularity}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    step = max(1, len(labels) // 12)
    ax.set_xticks(list(positions)[::step], labels[::step], rotation=45, ha="right", fontsize=8)
    line = ax.twinx()
    line.plot(positions, per_period["cumulative"], color="#333333", marker="o", ms=3)
    line.set_ylabel("cumulative")
    line.set_ylim(0, max(1, int(per_period["cumulative"].max())) * 1.1)
    ax.set_title(title)
    return fig


@functools.cache
def load_country_outlines() -> list[tuple[str, str, list[tuple[float, float]]]]:
    """Country outline rings ``(iso3, name, [(lon, lat), …])`` from the shipped Natural Earth file.

    Example:
        >>> rings = load_country_outlines()
        >>> len({iso3 for iso3, _, _ in rings}) > 170, rings[0][2][0] == rings[0][2][-1]
        (True, True)
    """
    from analysis_lib import RESOURCE_DIR
    from analysis_lib.lexicon import read_resource

    return [
        (
            row["iso3"],
            row["name"],
            [tuple(float(v) for v in p.split(",")) for p in row["points"].split()],
        )
        for row in read_resource(RESOURCE_DIR / "maps" / "countries_110m.tsv")
    ]


def plot_event_map(events: pd.DataFrame, *, outlines: bool = True, labels: int = 8):
    """A map of event places (longitude, latitude), sized by fatalities, over country outlines.

    One point per place with coordinates: its events (groups of reports) counted and their
    fatalities summed. Places taken from the dateline (the sentence named none) are hollow.
    Country outlines are Natural Earth's 1:110m (shipped; no tiles, no download). The
    ``labels`` places with most fatalities (then events) are named.

    Example:
        >>> from analysis_lib.events import events_frame
        >>> plot_event_map(events_frame([])).axes[0].texts[0].get_text()
        'No event places with coordinates'
    """
    from matplotlib.collections import LineCollection

    from analysis_lib.events import summarize_event_groups

    title = "Event places (size = fatalities)"
    groups = summarize_event_groups(events)
    groups = groups[groups["latitude"].notna() & groups["longitude"].notna()]
    if groups.empty:
        return _empty_figure("No event places with coordinates", title=title)
    groups = groups.assign(
        fatal=groups["fatalities"].fillna(0).astype("int64"),
        dateline=groups["place_source"].fillna("") == "dateline",
    )
    places = (
        groups.groupby(["place", "latitude", "longitude"], dropna=False)
        .agg(events=("group_id", "size"), fatalities=("fatal", "sum"), dateline=("dateline", "all"))
        .reset_index()
        .sort_values(["fatalities", "events", "place"], ascending=[False, False, True])
    )
    lon, lat = places["longitude"], places["latitude"]
    pad = max(3.0, 0.15 * max(lon.max() - lon.min(), lat.max() - lat.min()))
    west, east = max(-180.0, lon.min() - pad), min(180.0, lon.max() + pad)
    south, north = max(-90.0, lat.min() - pad), min(90.0, lat.max() + pad)
    fig, ax = plt.subplots(figsize=(9, 6), layout="constrained")
    if outlines:
        rings = [ring for _, _, ring in load_country_outlines()]
        ax.add_collection(LineCollection(rings, colors="#999999", linewidths=0.6, zorder=1))
    color = category_color("killed")
    ax.scatter(
        lon,
        lat,
        s=_marker_size(places["fatalities"], base=25.0, scale=25.0),
        facecolors=["none" if d else color for d in places["dateline"]],
        edgecolors=color,
        alpha=0.75,
        linewidths=1.2,
        zorder=3,
    )
    for row in places.head(labels).itertuples(index=False):
        ax.annotate(
            escape_label(row.place),
            (row.longitude, row.latitude),
            xytext=(4, 4),
            textcoords="offset points",
            fontsize=8,
        )
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / max(0.2, math.cos(math.radians((south + north) / 2))))
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_title(f"{title}: {len(places)} places, {len(groups)} events")
    return fig
