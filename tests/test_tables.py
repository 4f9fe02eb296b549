"""Casualty filters, display tables, highlighted evidence and plots (notebook 03's library)."""

from __future__ import annotations

import datetime as dt

import matplotlib
import pandas as pd
import pytest

from analysis_lib import plots, tables
from analysis_lib.casualties import find_casualties
from analysis_lib.tallies import filter_casualties, resolve_date_span, tally_casualties

matplotlib.use("Agg")


def _frame(text: str, article_id: str = "a#001", reference_date: str | None = None):
    """Casualties of a one-paragraph story as a table, with a one-row-per-sentence table."""
    rows = [
        {**c._replace(article_id=article_id)._asdict(), "casualty_id": f"{article_id}/c{n:02d}"}
        for n, c in enumerate(find_casualties(text, reference_date=reference_date), 1)
    ]
    return pd.DataFrame(rows)


def _sample_row(casualties: pd.DataFrame, evidence_part: str, count_text: str | None = None):
    hits = casualties[casualties["evidence"].str.contains(evidence_part, regex=False)]
    if count_text is not None:
        hits = hits[hits["count_text"] == count_text]
    assert len(hits) == 1, hits
    return hits.iloc[0]


# --------------------------------------------------------------------------- filter


DATED = pd.DataFrame(
    {
        "category": ["killed", "killed", "killed", "injured", "arrested", "killed", "missing"],
        "date": ["2017-09-16", "2017-09", "2017", None, "2017-W37", "XXXX-09-16", "2017-Q3"],
    },
    dtype="string",
)


def test_no_bound_keeps_every_statement_dated_or_not():
    assert filter_casualties(DATED).equals(DATED)


def test_a_month_range_keeps_only_dates_known_to_lie_within_it():
    kept = filter_casualties(DATED, date_from="2017-09", date_to="2017-09")
    # the year 2017 and the third quarter reach outside September; unknown dates are dropped
    assert kept["date"].tolist() == ["2017-09-16", "2017-09", "2017-W37"]


def test_a_day_bound_drops_a_month_or_week_that_starts_before_it():
    kept = filter_casualties(DATED, date_from="2017-09-15")
    # week 37 of 2017 is 11-17 September
    assert kept["date"].tolist() == ["2017-09-16"]
    assert filter_casualties(DATED, date_to="2017-09-10")["date"].tolist() == []
    assert filter_casualties(DATED, date_to="2017")["date"].tolist() == [
        "2017-09-16",
        "2017-09",
        "2017",
        "2017-W37",
        "2017-Q3",
    ]


def test_categories_and_dates_combine():
    kept = filter_casualties(DATED, categories=["killed", "arrested"], date_from="2017-09-01")
    assert list(zip(kept["category"], kept["date"], strict=True)) == [
        ("killed", "2017-09-16"),
        ("killed", "2017-09"),
        ("arrested", "2017-W37"),
    ]


def test_filter_leaves_its_input_unchanged_and_empty_gives_empty():
    before = DATED.copy()
    filter_casualties(DATED, categories=["killed"], date_from="2017-09")
    assert DATED.equals(before)
    empty = filter_casualties(DATED.iloc[:0], categories=["killed"], date_from="2017")
    assert empty.empty and list(empty.columns) == ["category", "date"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"categories": ["kill"]}, "unknown categories ['kill']"),
        ({"date_from": "16/09/2017"}, "date_from='16/09/2017' is not an ISO date"),
        ({"date_to": "2017-13"}, "date_to='2017-13' is not an ISO date"),
        ({"date_from": "2017-10", "date_to": "2017-09"}, "is after date_to"),
    ],
)
def test_bad_filters_are_clear_errors(options, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        filter_casualties(DATED, **options)


def test_sample_kidnappings_only(sample_tables):
    kept = filter_casualties(sample_tables["casualties"], categories=["kidnapped"])
    assert set(kept["category"]) == {"kidnapped"}
    # "hand over between 45 to 50 civilian captives"; "kidnapped three others"
    assert {"between 45 to 50", "three"} <= set(kept["count_text"].dropna())


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2017-02", ("2017-02-01", "2017-02-28")),
        ("2016-02", ("2016-02-01", "2016-02-29")),
        ("2017-12", ("2017-12-01", "2017-12-31")),
        ("2017-W01", ("2017-01-02", "2017-01-08")),
        ("2017-Q4", ("2017-10-01", "2017-12-31")),
        ("2017-H1", ("2017-01-01", "2017-06-30")),
        ("2017-09-16T10:30", ("2017-09-16", "2017-09-16")),
        ("2017-SU", ("2017-01-01", "2017-12-31")),
        ("2017-13", None),
        ("PRESENT_REF", None),
        ("", None),
        (None, None),
    ],
)
def test_date_spans(value, span):
    expected = None if span is None else tuple(dt.date.fromisoformat(d) for d in span)
    assert resolve_date_span(value) == expected


# --------------------------------------------------------------------------- statements


def test_sample_statements_highlight_the_count_as_written(sample_tables):
    statements = tables.list_statements(
        sample_tables["casualties"], sentences=sample_tables["sentences"]
    )

    def marked(evidence_part: str, count_text: str | None = None) -> str:
        row = _sample_row(statements, evidence_part, count_text)
        return row["evidence"][row["mark_start"] : row["mark_end"]]

    assert marked("Boko Haram killed 40 people and kidnapped three", "40") == "40"
    assert marked("Boko Haram killed 40 people and kidnapped three", "three") == "three"
    assert marked("hand over between 45 to 50") == "between 45 to 50"
    assert marked("Boko Haram resurgence kills 381 civilians since April: Amnesty") == "381"
    # an implied count ("an 18-year-old man" is one): the statement itself is marked
    dover = statements[
        statements["evidence"].str.contains("in the southern port of Dover", regex=False)
        & (statements["category"] == "arrested")
    ].iloc[0]
    assert dover["evidence"][dover["mark_start"] : dover["mark_end"]] == (
        "arrested an 18-year-old man"
    )
    assert set(statements["casualty_id"]) == set(sample_tables["casualties"]["casualty_id"])


def test_statement_kinds_and_ambiguous_counts_without_sentences():
    text = "Gunmen killed 3 people and wounded 3 others in Kano on Monday, police said."
    found = _frame(text)
    sentences = pd.DataFrame({"article_id": ["a#001"], "index": [0], "start": [0]})
    with_offsets = tables.list_statements(found, sentences=sentences)
    assert [(r["mark_start"], r["mark_end"]) for _, r in with_offsets.iterrows()] == [
        (14, 15),
        (35, 36),
    ]
    # without the sentence starts the count "3" could be either: nothing is marked
    without = tables.list_statements(found)
    assert without["mark_start"].isna().all()
    assert list(with_offsets["kind"]) == ["event", "event"]


def test_running_totals_and_subsets_have_their_kind():
    found = _frame(
        "Boko Haram has killed 381 civilians since April, including 19 children, Amnesty said.",
        reference_date="2017-09-05",
    )
    kinds = tables.list_statements(found)[["count_text", "kind"]].values.tolist()
    assert kinds == [["381", "cumulative"], ["19", "subset"]]


def test_list_statements_of_nothing_is_an_empty_statements_table():
    empty = tables.list_statements(pd.DataFrame(columns=["casualty_id", "evidence"]))
    assert empty.empty and "mark_start" in empty.columns


def test_highlight_escapes_markup_before_marking():
    text = 'Gunmen <script>alert("x")</script> killed 12 people in Kano.'
    start = text.index("12")
    page = tables.highlight_count(text, start, start + 2)
    assert "<script>" not in page
    assert page == (
        "Gunmen &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; killed "
        "<mark>12</mark> people in Kano."
    )
    assert tables.highlight_count("A <b>bomb</b>", None, None) == "A &lt;b&gt;bomb&lt;/b&gt;"


def test_render_statements_escapes_every_cell():
    found = _frame("Gunmen killed 12 people in Kano on Monday, police said.")
    statements = tables.list_statements(found).assign(
        perpetrator="<b>Gang</b>", source="<img src=x onerror=alert(1)>"
    )
    page = tables.render_statements(statements)
    assert "<mark>12</mark> people in Kano" in page
    assert "&lt;b&gt;Gang&lt;/b&gt;" in page and "<b>Gang" not in page
    assert "<img" not in page
    assert tables.render_statements(statements.iloc[:0]) == (
        "<p><em>No casualty statements to show.</em></p>"
    )


# --------------------------------------------------------------------------- tallies shown

STORIES = (
    "Boko Haram killed 40 people and kidnapped three others in Borno on Monday. "
    "A suicide bomber killed 16 people in Waza on Tuesday. "
    "Boko Haram has killed 381 civilians in Nigeria and Cameroon since April. "
    "Boko Haram has killed 223 civilians in Nigeria since April."
)


def test_format_tally_table_columns():
    table = tables.format_tally_table(
        tally_casualties(_frame(STORIES, reference_date="2017-09-05"))
    )
    assert list(table.columns) == [
        "kind",
        "category",
        "perpetrator",
        "victim type",
        "place",
        "period",
        "low",
        "best",
        "high",
        "events",
        "statements",
        "sources",
        "conflicting figures",
        "casualty ids",
    ]
    waza = table[table["place"] == "Waza"].iloc[0]
    assert (waza["perpetrator"], waza["best"], waza["events"]) == ("", 16, 1)  # blank, not <NA>


def test_event_sums_never_include_running_totals():
    tally = tally_casualties(
        _frame(STORIES, reference_date="2017-09-05"), by=["category", "perpetrator"]
    )
    sums = tables.sum_event_figures(tally, "perpetrator", missing="(not named)")
    assert sums.values.tolist() == [
        ["Boko Haram", "killed", 40, 1],
        ["Boko Haram", "kidnapped", 3, 1],
        ["(not named)", "killed", 16, 1],
    ]
    totals = tables.list_running_totals(tally)
    # one total holds the other: both shown, neither added
    assert totals["best"].tolist() == [381, 223]
    assert totals["label"].tolist()[1] == "civilians killed by Boko Haram in Nigeria (2017-04)"


def test_event_sums_of_unknown_counts_stay_unknown():
    tally = pd.DataFrame(
        {
            "kind": ["event", "event"],
            "category": ["injured", "killed"],
            "victim_type": ["people", "people"],
            "best": pd.array([None, 5], dtype="Int64"),
            "events": [2, 1],
        }
    )
    sums = tables.sum_event_figures(tally, "victim_type")
    assert sums.astype(object).where(sums.notna(), None).values.tolist() == [
        ["people", "killed", 5, 1],
        ["people", "injured", None, 2],
    ]


# --------------------------------------------------------------------------- plots


def test_labels_with_dollars_are_drawn_literally():
    tally = pd.DataFrame(
        {
            "kind": ["event"],
            "category": ["killed"],
            "perpetrator": [r"$\undefined$ Brigade"],
            "best": [4],
            "events": [1],
        }
    )
    fig = plots.plot_casualties_by_perpetrator(tally)
    fig.canvas.draw()  # unescaped, mathtext would fail on \undefined
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [r"\$\undefined\$ Brigade"]


def test_casualty_plots_of_nothing_say_so():
    empty = tally_casualties([])
    for fig in (
        plots.plot_casualties_by_victim_type(empty),
        plots.plot_casualties_by_perpetrator(empty),
        plots.plot_events_and_running_totals(empty),
    ):
        fig.canvas.draw()
        texts = [t.get_text() for t in fig.axes[0].texts]
        assert texts and texts[0].startswith("No ")


def test_events_and_running_totals_are_separate_panels():
    tally = tally_casualties(_frame(STORIES, reference_date="2017-09-05"), by=["category"])
    fig = plots.plot_events_and_running_totals(tally)
    left, right = fig.axes
    bars = {
        t.get_text(): b.get_width()
        for t, b in zip(left.get_yticklabels(), left.patches, strict=True)
    }
    assert bars == {"killed": 56, "kidnapped": 3}  # 40 + 16 killed in two events
    heights = {t.get_text(): t.get_position()[1] for t in left.get_yticklabels()}
    assert heights["killed"] > heights["kidnapped"]  # the largest on top
    assert sorted(b.get_width() for b in right.patches) == [223, 381]
