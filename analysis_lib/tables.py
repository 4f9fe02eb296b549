"""Small summaries of the extracted tables, for notebooks and reports.

Example:
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"agency": ["Reuters", "Reuters", None]})
    >>> count_articles_by(arts, "agency").to_dict("records")
    [{'agency': 'Reuters', 'articles': 2}, {'agency': '(none)', 'articles': 1}]
"""

from __future__ import annotations

import html

import pandas as pd

from analysis_lib.casualties import CATEGORIES
from analysis_lib.schemas import to_frame

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


# --------------------------------------------------------------------------- casualties

#: Columns of the tally table shown to the reader, with their headers.
TALLY_DISPLAY = {
    "kind": "kind",
    "category": "category",
    "perpetrator": "perpetrator",
    "victim_type": "victim type",
    "place": "place",
    "period": "period",
    "low": "low",
    "best": "best",
    "high": "high",
    "events": "events",
    "statements": "statements",
    "sources": "sources",
    "conflicting_figures": "conflicting figures",
    "casualty_ids": "casualty ids",
}


def format_tally_table(tallies: pd.DataFrame) -> pd.DataFrame:
    """The ``tallies`` table for reading: the columns an analyst checks, headed in words.

    Missing values are blank (an empty *high* is an open-ended report, ``at least``).

    Example:
        >>> from analysis_lib.tallies import tally_casualties
        >>> rows = [dict(category="killed", count_low=22, count_high=22, qualifier="exact",
        ...              place="Manchester", place_source="sentence", date="2017-05",
        ...              is_cumulative=False, evidence="A bomber killed 22 people in Manchester.")]
        >>> table = format_tally_table(tally_casualties(rows))
        >>> list(table.columns[2:5]), table.loc[0, "place"], int(table.loc[0, "best"])
        (['perpetrator', 'victim type', 'place'], 'Manchester', 22)
    """
    shown = tallies[list(TALLY_DISPLAY)].rename(columns=TALLY_DISPLAY).reset_index(drop=True)
    return shown.astype(object).where(shown.notna(), "")


def _category_rank(category: object) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def sum_event_figures(
    tallies: pd.DataFrame, column: str, *, top: int | None = None, missing: str = MISSING_LABEL
) -> pd.DataFrame:
    """Best figures of single events summed per value of ``column`` and category.

    Only rows of kind ``event`` count: running totals are never added to them. The
    tallies must be grouped on ``column`` (and on ``category``, which is never added
    across: killed and arrested stay apart).

    Args:
        tallies: The ``tallies`` table.
        column: ``victim_type``, ``perpetrator``, ``place``, ``period`` or ``category``.
        top: Keep the values with the largest totals (summed over categories only to
            rank them).
        missing: Label of an empty value (an unnamed perpetrator).

    Returns:
        Columns ``column``, ``category``, ``best`` (``<NA>`` when no event of the group
        has a figure) and ``events``, the largest values first.

    Example:
        >>> t = pd.DataFrame({"kind": ["event", "event", "cumulative"],
        ...                   "category": ["killed", "killed", "killed"],
        ...                   "perpetrator": ["Boko Haram", None, "Boko Haram"],
        ...                   "best": [40, 16, 381], "events": [1, 1, 1]})
        >>> sum_event_figures(t, "perpetrator", missing="(not named)").values.tolist()
        [['Boko Haram', 'killed', 40, 1], ['(not named)', 'killed', 16, 1]]
    """
    keys = list(dict.fromkeys([column, "category"]))
    events = tallies.loc[tallies["kind"] == "event", [*keys, "best", "events"]]
    events = events.assign(
        **{k: events[k].astype("string").fillna(missing) for k in keys},
        best=events["best"].astype("Int64"),
    )
    summed = (
        events.groupby(keys, sort=False)
        .agg(best=("best", "sum"), known=("best", "count"), events=("events", "sum"))
        .reset_index()
    )
    summed["best"] = summed["best"].astype("Int64").where(summed["known"] > 0)
    totals = summed.groupby(column)["best"].sum()
    order = sorted(totals.index, key=lambda v: (-int(totals[v]), str(v)))[:top]
    rank = {v: n for n, v in enumerate(order)}
    summed = summed[summed[column].isin(rank)]
    summed = summed.assign(
        _value=summed[column].map(rank), _category=summed["category"].map(_category_rank)
    )
    summed = summed.sort_values(["_value", "_category"], kind="stable")
    return summed[[*keys, "best", "events"]].reset_index(drop=True)


def describe_running_total(row) -> str:
    """A running total in words: who, what, where and when.

    Example:
        >>> describe_running_total({"category": "killed", "victim_type": "civilians",
        ...     "perpetrator": "Boko Haram", "place": "Nigeria; Cameroon", "period": "2017-04"})
        'civilians killed by Boko Haram in Nigeria; Cameroon (2017-04)'
    """

    def value(name: str) -> str:
        v = row.get(name)
        return "" if v is None or v is pd.NA or (isinstance(v, float) and v != v) else str(v)

    text = f"{value('victim_type') or 'people'} {value('category')}"
    if value("perpetrator"):
        text += f" by {value('perpetrator')}"
    if value("place"):
        text += f" in {value('place')}"
    if value("period"):
        text += f" ({value('period')})"
    return text


def list_running_totals(tallies: pd.DataFrame, *, top: int | None = None) -> pd.DataFrame:
    """The running totals (kind ``cumulative``), each with a label, by category and size.

    Each de-duplicated total is its own row: totals are never added to each other
    (``381 in Nigeria and Cameroon`` already holds ``223 in Nigeria``).

    Example:
        >>> t = pd.DataFrame({"kind": ["cumulative", "event"], "category": ["killed"] * 2,
        ...                   "victim_type": ["civilians", "people"], "perpetrator": [None, None],
        ...                   "place": ["Nigeria", "Waza"], "period": ["2017-04", "2017-07"],
        ...                   "best": [223, 16]})
        >>> list_running_totals(t)[["label", "best"]].values.tolist()
        [['civilians killed in Nigeria (2017-04)', 223]]
    """
    totals = tallies[tallies["kind"] == "cumulative"]
    totals = totals.assign(
        label=pd.Series(
            [describe_running_total(r) for r in totals.to_dict("records")],
            index=totals.index,
            dtype="string",
        ),
        _category=totals["category"].map(_category_rank),
        _best=totals["best"].astype("Int64").fillna(0),
    )
    totals = totals.sort_values(["_category", "_best", "label"], ascending=[True, False, True])
    return totals.drop(columns=["_category", "_best"]).head(top).reset_index(drop=True)


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _mark_span(row: dict, evidence: str, offset: int | None) -> tuple[int | None, int | None]:
    """Offsets in the evidence of the count as written (or of the statement when the
    count is implied, as in ``arrested a man``)."""
    text = row.get("count_text")
    if row.get("count_start") is not None and row["count_start"] >= 0:
        span = (row["count_start"], row["count_end"])
    else:
        span = (row.get("start"), row.get("end"))
    if offset is not None and span[0] is not None and span[1] is not None:
        start, end = span[0] - offset, span[1] - offset
        if 0 <= start < end <= len(evidence) and (not text or evidence[start:end] == text):
            return start, end
    if text and evidence.count(text) == 1:  # offsets unknown: the count written once
        start = evidence.index(text)
        return start, start + len(text)
    return None, None


def list_statements(
    casualties: pd.DataFrame, *, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every casualty statement with its sentence and where its count is in it.

    ``mark_start``/``mark_end`` are offsets into ``evidence`` of the count as written
    (``between 45 to 50``), or of the whole statement when the count is implied
    (``arrested an 18-year-old man`` counts one). They come from the statement's
    offsets and the start of its sentence in ``sentences``; a headline statement's
    offsets are already in its evidence. Without ``sentences`` (or when the offsets
    do not fit), a count written once in the sentence is found by its text; else the
    mark is empty and nothing is highlighted.

    Args:
        casualties: The ``casualties`` table (not changed).
        sentences: The ``sentences`` table of the same run.

    Returns:
        The ``statements`` table (schema in ``schemas.py``), in the order of
        ``casualties``; ``kind`` is ``event``, ``cumulative`` (a running total) or
        ``subset`` (part of another statement's total).

    Example:
        >>> from analysis_lib.casualties import find_casualties
        >>> found = pd.DataFrame([c._asdict() for c in find_casualties(
        ...     "Police said gunmen kidnapped 45 to 50 civilians in Marawi on Monday.")])
        >>> row = list_statements(found).iloc[0]
        >>> row["kind"], row["evidence"][row["mark_start"]:row["mark_end"]]
        ('event', '45 to 50')
    """
    starts: dict[tuple[str, int], int] = {}
    if sentences is not None and len(sentences):
        starts = dict(
            zip(
                zip(sentences["article_id"], sentences["index"].astype(int), strict=True),
                sentences["start"].astype(int),
                strict=True,
            )
        )
    rows = []
    for number, raw in enumerate(casualties.to_dict("records")):
        row = {k: (None if _missing(v) else v) for k, v in raw.items()}
        evidence = row.get("evidence") or ""
        sentence = int(row["sentence"]) if row.get("sentence") is not None else -1
        offset = 0 if sentence < 0 else starts.get((row.get("article_id"), sentence))
        mark_start, mark_end = _mark_span(row, evidence, offset)
        kind = (
            "subset"
            if row.get("is_subset")
            else "cumulative"
            if row.get("is_cumulative")
            else "event"
        )
        rows.append(
            {
                **{k: row.get(k) for k in ("count_text", "count_low", "count_high", "qualifier")},
                **{k: row.get(k) for k in ("victim_type", "victim", "perpetrator", "place")},
                "casualty_id": row.get("casualty_id")
                or f"{row.get('article_id') or ''}/c{number:04d}",
                "article_id": row.get("article_id"),
                "sentence": sentence,
                "kind": kind,
                "category": row.get("category"),
                "date": row.get("date"),
                "source": row.get("source"),
                "evidence": evidence,
                "mark_start": mark_start,
                "mark_end": mark_end,
            }
        )
    return to_frame("statements", rows)


def highlight_count(text: str, start: int | None, end: int | None) -> str:
    """HTML of a sentence with ``text[start:end]`` in ``<mark>``; all text escaped.

    Every piece is HTML-escaped before the mark is added, so markup in a news text is
    shown as written and never runs.

    Example:
        >>> highlight_count("Gunmen <b>killed</b> 12 people.", 21, 23)
        'Gunmen &lt;b&gt;killed&lt;/b&gt; <mark>12</mark> people.'
    """
    text = text or ""
    if start is None or end is None or _missing(start) or _missing(end):
        return html.escape(text)
    start, end = int(start), int(end)
    return (
        html.escape(text[:start])
        + "<mark>"
        + html.escape(text[start:end])
        + "</mark>"
        + html.escape(text[end:])
    )


def _format_count(row: dict) -> str:
    if row.get("count_text"):
        return str(row["count_text"])
    low, high = row.get("count_low"), row.get("count_high")
    if low is not None and low == high:
        return f"{low} (implied)"
    return "not given"


#: Columns of the "check it yourself" table: header -> how a statement fills it.
STATEMENT_COLUMNS = {
    "sentence (count highlighted)": None,
    "category": "category",
    "count": _format_count,
    "victim": lambda r: r.get("victim") or r.get("victim_type"),
    "perpetrator": "perpetrator",
    "place": "place",
    "date": "date",
    "source": "source",
    "kind": "kind",
    "article": "article_id",
    "casualty id": "casualty_id",
}

_STATEMENT_STYLE = (
    "<style>table.casualty-statements td, table.casualty-statements th "
    "{text-align: left; vertical-align: top;}</style>"
)


def render_statements(statements: pd.DataFrame) -> str:
    """An HTML table of statements, each sentence with its count highlighted.

    Every cell is HTML-escaped (names and sentences come from the news text); the only
    markup added is the table and ``<mark>``. An empty table gives a sentence saying so.

    Example:
        >>> st = pd.DataFrame([{"evidence": "Gunmen killed 12 <i>people</i>.", "mark_start": 14,
        ...                     "mark_end": 16, "category": "killed", "count_text": "12",
        ...                     "article_id": "a#001", "casualty_id": "a#001/c01"}])
        >>> page = render_statements(st)
        >>> "<mark>12</mark> &lt;i&gt;people&lt;/i&gt;." in page, page.count("<tr>")
        (True, 2)
    """
    if not len(statements):
        return "<p><em>No casualty statements to show.</em></p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in STATEMENT_COLUMNS)
    lines = [_STATEMENT_STYLE, '<table class="dataframe casualty-statements">']
    lines.append(f"<thead><tr>{head}</tr></thead><tbody>")
    for raw in statements.to_dict("records"):
        row = {k: (None if _missing(v) else v) for k, v in raw.items()}
        cells = [
            highlight_count(row.get("evidence") or "", row.get("mark_start"), row.get("mark_end"))
        ]
        for how in list(STATEMENT_COLUMNS.values())[1:]:
            value = how(row) if callable(how) else row.get(how)
            cells.append(html.escape("" if value is None else str(value)))
        lines.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def summarize_casualties(
    casualties: pd.DataFrame, tallies: pd.DataFrame, *, found: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Figures of a casualty run: statements found and kept, events, running totals.

    Args:
        casualties: The statements kept (after filtering).
        tallies: Their tally.
        found: All statements found, before filtering.

    Example:
        >>> kept = pd.DataFrame({"article_id": ["a#001", "a#001"]})
        >>> t = pd.DataFrame({"kind": ["event", "cumulative"], "events": [1, 1]})
        >>> summarize_casualties(kept, t).values.tolist()
        [['statements', 2], ['articles with statements', 1], ['single events (de-duplicated)', 1], ['running totals', 1], ['tally rows', 2]]
    """
    rows = [] if found is None else [("statements found", len(found))]
    rows += [
        ("statements" if found is None else "statements kept by the filters", len(casualties)),
        ("articles with statements", int(casualties["article_id"].nunique())),
        (
            "single events (de-duplicated)",
            int(tallies.loc[tallies["kind"] == "event", "events"].sum()),
        ),
        ("running totals", int((tallies["kind"] == "cumulative").sum())),
        ("tally rows", len(tallies)),
    ]
    return pd.DataFrame(rows, columns=["figure", "value"])
