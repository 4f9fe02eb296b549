"""Casualty tallies: events de-duplicated across sentences and stories, totals kept apart."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis_lib.casualties import find_casualties
from analysis_lib.tallies import best_figure, group_events, period_of, tally_casualties


def _statements(*stories: tuple[str, str, str]):
    """Casualty records of several one-paragraph stories: (article id, date, text)."""
    rows = []
    for article_id, date, text in stories:
        for n, c in enumerate(find_casualties(text, reference_date=date), 1):
            rows.append(
                {**c._replace(article_id=article_id)._asdict(), "casualty_id": f"{article_id}/c{n}"}
            )
    return rows


def test_two_agencies_reporting_one_bombing_are_one_event_with_both_sources():
    rows = _statements(
        (
            "reuters#1",
            "2017-05-23",
            "A suicide bomber killed 22 people in Manchester on Monday, police said.",
        ),
        (
            "afp#1",
            "2017-05-23",
            "The bombing in Manchester on Monday killed 22 people, officials said.",
        ),
    )
    tally = tally_casualties(rows)
    assert len(tally) == 1
    row = tally.iloc[0]
    assert (row["low"], row["best"], row["high"], row["events"], row["statements"]) == (
        22,
        22,
        22,
        1,
        2,
    )
    assert (row["sources"], row["articles"], bool(row["conflicting_figures"])) == (2, 2, False)
    assert row["casualty_ids"] == "afp#1/c1; reuters#1/c1"


def test_disagreeing_figures_give_low_best_high_and_a_conflict_flag():
    rows = _statements(
        (
            "a#1",
            "2017-05-23",
            "A suicide bomber killed 22 people in Manchester on Monday, police said.",
        ),
        (
            "b#1",
            "2017-05-23",
            "The Manchester bombing on Monday killed at least 19 people, the BBC said.",
        ),
        (
            "c#1",
            "2017-05-23",
            "The attack in Manchester on Monday killed 20 people, officials said.",
        ),
    )
    tally = tally_casualties(rows)
    assert len(tally) == 1
    row = tally.iloc[0]
    # reports: at least 19 (open), 20, 22 -> low 19, best the lower median of 19/20/22, high open
    assert (row["low"], row["best"]) == (19, 20) and pd.isna(row["high"])
    assert bool(row["conflicting_figures"]) and row["sources"] == 3 and row["events"] == 1


def test_different_places_or_dates_are_different_events_and_sum():
    rows = _statements(
        ("a#1", "2017-05-23", "A car bomb killed 12 people in Kabul on Monday."),
        ("b#1", "2017-05-23", "A car bomb killed 12 people in Kandahar on Monday."),
        ("c#1", "2017-05-23", "A car bomb killed 12 people in Kabul on Tuesday."),
    )
    tally = tally_casualties(rows, by=("category",))
    assert tally[["category", "events", "best"]].values.tolist() == [["killed", 3, 36]]


def test_running_totals_are_never_summed_with_events_nor_each_other():
    text = (
        "Boko Haram has killed 381 civilians in Nigeria and Cameroon since April, Amnesty said. "
        "In Cameroon, the insurgency has killed at least 158 people since April. "
        "Boko Haram killed 40 people in an attack in July, Amnesty said."
    )
    tally = tally_casualties(_statements(("a#1", "2017-09-05", text)), by=("category",))
    events = tally[tally["kind"] == "event"]
    totals = tally[tally["kind"] == "cumulative"]
    assert events[["category", "best"]].values.tolist() == [["killed", 40]]
    assert sorted(totals["best"].tolist()) == [158, 381]  # the part is not merged into the whole


def test_subsets_are_kept_out_of_the_tally():
    rows = _statements(
        (
            "a#1",
            "2017-10-15",
            "The death toll from Saturday's bombing in Mogadishu rose to 95, including 19 civilians.",
        )
    )
    assert {r["is_subset"] for r in rows} == {False, True}
    tally = tally_casualties(rows)
    assert tally["best"].tolist() == [95]


def test_sample_corpus_tallies(sample_tables):
    """Read off the sample: the London arrest is told three times, the 381 twice."""
    tally = sample_tables["tallies"]
    arrests = tally[(tally["category"] == "arrested")]
    assert arrests[["kind", "perpetrator", "best", "statements"]].values.tolist() == [
        ["event", "British police", 1, 3]
    ]
    boko = tally[(tally["kind"] == "cumulative") & (tally["best"] == 381)]
    assert boko[["perpetrator", "place", "statements", "sources"]].values.tolist() == [
        ["Boko Haram", "Nigeria; Cameroon", 2, 1]
    ]
    killed_events = tally[(tally["kind"] == "event") & (tally["category"] == "killed")]
    assert sorted(killed_events["best"].tolist()) == [16, 22, 40]


def test_tally_does_not_depend_on_statement_order(sample_tables):
    rows = sample_tables["casualties"].to_dict("records")
    shuffled = list(rows)
    random.Random(7).shuffle(shuffled)
    assert tally_casualties(rows).equals(tally_casualties(shuffled))
    assert len(group_events(rows)) == len(group_events(shuffled))


def test_period_and_best_figure_helpers():
    assert [period_of("2017-09-16", p) for p in ("day", "week", "month", "year")] == [
        "2017-09-16",
        "2017-W37",
        "2017-09",
        "2017",
    ]
    assert period_of(None) is None and period_of("XXXX-09-16") is None
    assert best_figure(20001, None, "at_least") == 20001
    assert best_figure(None, None, "unknown") is None
    with pytest.raises(ValueError, match="unknown grouping"):
        tally_casualties([], by=("colour",))


def test_empty_input_gives_an_empty_table_with_the_schema():
    tally = tally_casualties([])
    assert tally.empty and "best" in tally.columns


def _grouped_by_trying_every_event(rows):
    """Rule 1 without the index: each statement is checked against every event."""
    from analysis_lib.tallies import _affinity, _compatible, _content_key

    rows = [r for r in rows if not r.get("is_subset")]
    clusters: list[list[dict]] = []
    for row in sorted(rows, key=_content_key):
        fitting = [c for c in clusters if all(_compatible(row, m) for m in c)]
        if fitting:
            max(fitting, key=lambda c: (_affinity(row, c), -clusters.index(c))).append(row)
        else:
            clusters.append([row])
    return sorted(sorted(r["evidence"] for r in c) for c in clusters)


def test_indexed_grouping_finds_the_same_events_as_trying_every_event():
    # Many near-collisions: few places, perpetrators, dates and figures, so that the
    # index and its quick rejections are exercised against the plain rule.
    rng = random.Random(3)
    rows = []
    for n in range(600):
        count = rng.choice([None, 3, 4, 5, 20, 22, 40])
        rows.append(
            dict(
                category=rng.choice(["killed", "injured"]),
                count_low=count,
                count_high=rng.choice([count, None]) if count else None,
                qualifier="exact",
                perpetrator=rng.choice([None, None, "Islamic State", "Taliban"]),
                victim_type=rng.choice(["people", "civilians", "soldiers"]),
                place=rng.choice([None, "Mosul", "Kabul", "Mosul; Kabul"]),
                place_source=rng.choice(["sentence", "dateline"]),
                date=rng.choice([None, "2017", "2017-05", "2017-05-03", "2017-05-04", "2017-W18"]),
                is_cumulative=rng.random() < 0.1,
                is_subset=False,
                article_id=f"a{rng.randint(1, 60)}#001",
                source="",
                evidence=f"statement {n}",
                start=n,
            )
        )
    indexed = sorted(sorted(r["evidence"] for r in c) for c in group_events(rows))
    assert indexed == _grouped_by_trying_every_event(rows)
    assert 1 < len(indexed) < len(rows)
