"""Notebooks run top to bottom under papermill on the sample corpus."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis_lib import NOTEBOOK_DIR
from analysis_lib.actors import ENTITY_TYPES
from analysis_lib.reports import export_html, list_notebooks, run_notebook

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def nb01_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    executed = run_notebook(NOTEBOOK_DIR / "01_article_segmentation.ipynb", out)
    return out, executed


def test_notebook_01_writes_tables_from_the_sample(nb01_run):
    out, executed = nb01_run
    tables = out / "01_article_segmentation"
    arts = pd.read_parquet(tables / "articles.parquet")
    assert len(arts) == 11
    assert arts["agency"].value_counts()["Reuters"] == 10
    assert set(arts["dateline_place"].dropna()) == {
        "MARAWI CITY, Philippines",
        "MOSCOW",
        "LONDON",
        "BEIRUT",
        "Sydney",
        "ABUJA",
    }
    assert len(pd.read_csv(tables / "sentences.csv")) == len(
        pd.read_parquet(tables / "sentences.parquet")
    )
    assert executed.exists()


def test_notebook_01_html_export(nb01_run):
    _, executed = nb01_run
    html = export_html(executed).read_text(encoding="utf-8")
    assert "Articles per agency" in html and "<img" in html


def test_notebook_parameters_limit(tmp_path):
    run_notebook(NOTEBOOK_DIR / "01_article_segmentation.ipynb", tmp_path, limit=1)
    arts = pd.read_parquet(tmp_path / "01_article_segmentation" / "articles.parquet")
    assert arts["source"].unique().tolist() == ["000_65897b68137db2a4.txt"]


def test_every_notebook_is_listed():
    assert [p.name for p in list_notebooks()] == [
        "01_article_segmentation.ipynb",
        "02_actor_cooccurrence.ipynb",
        "03_casualty_tallies.ipynb",
        "04_timeline.ipynb",
    ]


@pytest.fixture(scope="module")
def nb02_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports02")
    executed = run_notebook(NOTEBOOK_DIR / "02_actor_cooccurrence.ipynb", out)
    return out / "02_actor_cooccurrence", executed


def test_notebook_02_writes_actors_pairs_and_network(nb02_run):
    tables, executed = nb02_run
    actors = pd.read_parquet(tables / "actors.parquet")
    assert actors.iloc[0]["actor"] == "Islamic State"
    pairs = pd.read_csv(tables / "pairs.csv")
    top = {tuple(r) for r in pairs[["actor_a", "actor_b"]].head(2).values}
    assert top == {("Deir al-Zor", "Islamic State"), ("Islamic State", "Syria")}
    assert pairs["example_sentence"].notna().all()
    assert (tables / "actor_network.gexf").exists() and (tables / "actor_network.graphml").exists()
    mentions = pd.read_parquet(tables / "mentions.parquet")
    assert set(mentions["entity_type"]) == set(ENTITY_TYPES)
    assert executed.exists()


def test_notebook_02_parameters_window_and_types(tmp_path):
    run_notebook(
        NOTEBOOK_DIR / "02_actor_cooccurrence.ipynb",
        tmp_path,
        parameters={"window": "article", "entity_types": ["PERSON"], "min_count": 1},
    )
    pairs = pd.read_parquet(tmp_path / "02_actor_cooccurrence" / "pairs.parquet")
    actors = pd.read_parquet(tmp_path / "02_actor_cooccurrence" / "actors.parquet")
    assert set(actors["entity_type"]) == {"PERSON"}
    assert ("Delfin Lorenzana", "Marise Payne") in {
        tuple(r) for r in pairs[["actor_a", "actor_b"]].values
    }


NB03 = NOTEBOOK_DIR / "03_casualty_tallies.ipynb"


@pytest.fixture(scope="module")
def nb03_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports03")
    executed = run_notebook(NB03, out)
    return out / "03_casualty_tallies", executed


def test_notebook_03_tallies_the_sample(nb03_run):
    tables, _ = nb03_run
    tallies = pd.read_parquet(tables / "tallies.parquet")
    # the London story tells the arrest three times: headline, lead, "a significant arrest"
    arrests = tallies[(tallies["category"] == "arrested") & (tallies["kind"] == "event")]
    assert arrests[["perpetrator", "best", "events", "statements"]].values.tolist() == [
        ["British police", 1, 1, 3]
    ]
    running = tallies[(tallies["kind"] == "cumulative") & (tallies["category"] == "killed")]
    assert ("Boko Haram", 381) in {tuple(r) for r in running[["perpetrator", "best"]].values}
    killed = tallies[(tallies["kind"] == "event") & (tallies["category"] == "killed")]
    # Waza (16), Manchester (22), "Boko Haram killed 40 people"
    assert sorted(killed["best"]) == [16, 22, 40]
    assert set(tallies.columns) >= {"low", "best", "high", "conflicting_figures", "casualty_ids"}


def test_notebook_03_writes_statements_behind_every_tally(nb03_run):
    tables, _ = nb03_run
    tallies = pd.read_parquet(tables / "tallies.parquet")
    casualties = pd.read_parquet(tables / "casualties.parquet")
    statements = pd.read_csv(tables / "statements.csv")
    ids = {i for row in tallies["casualty_ids"] for i in row.split("; ")}
    assert ids <= set(casualties["casualty_id"]) == set(statements["casualty_id"])
    marawi = statements[statements["evidence"].str.contains("civilian captives", regex=False)]
    row = marawi.iloc[0]
    assert row["evidence"][int(row["mark_start"]) : int(row["mark_end"])] == "between 45 to 50"


def test_notebook_03_html_highlights_counts(nb03_run):
    _, executed = nb03_run
    page = export_html(executed).read_text(encoding="utf-8")
    assert "Boko Haram killed <mark>40</mark> people and kidnapped three others" in page
    assert "hand over <mark>between 45 to 50</mark> civilian captives" in page
    assert page.count("<img") >= 3


def test_notebook_03_categories_parameter(tmp_path):
    run_notebook(NB03, tmp_path, parameters={"categories": ["kidnapped"]})
    tables = tmp_path / "03_casualty_tallies"
    for name in ("tallies", "casualties", "statements"):
        assert set(pd.read_parquet(tables / f"{name}.parquet")["category"]) == {"kidnapped"}


def test_notebook_03_date_range_drops_rows_outside_it(tmp_path):
    run_notebook(
        NB03,
        tmp_path,
        parameters={"date_from": "2017-05", "date_to": "2017-08-31", "group_by": ["category"]},
    )
    tables = tmp_path / "03_casualty_tallies"
    casualties = pd.read_parquet(tables / "casualties.parquet")
    assert casualties["date"].notna().all() and len(casualties) > 0
    assert all("2017-05" <= d[:7] <= "2017-08" for d in casualties["date"])
    tallies = pd.read_parquet(tables / "tallies.parquet")
    killed = tallies[(tallies["kind"] == "event") & (tallies["category"] == "killed")]
    # Manchester in May (22) and Waza in July (16); the September arrest and the undated
    # "Boko Haram killed 40 people" are out
    assert killed["best"].tolist() == [38] and killed["events"].tolist() == [2]
    assert "arrested" not in set(tallies["category"])


def test_notebook_03_escapes_markup_and_runs_without_casualties(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kano.txt").write_text(
        "Gunmen kill 12 in Kano market\n\n"
        'KANO, Nigeria (Reuters) - Gunmen killed 12 people <script>alert("x")</script> at a '
        "market in Kano on Monday, police said.\n",
        encoding="utf-8",
    )
    executed = run_notebook(NB03, tmp_path / "out", input_path=corpus)
    page = export_html(executed).read_text(encoding="utf-8")
    assert "<script>alert" not in page
    # shown as text (the HTML export writes the quotes back unescaped, which is safe)
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt; at a market" in page
    assert "Gunmen killed <mark>12</mark> people" in page

    empty = tmp_path / "empty"
    empty.mkdir()
    executed = run_notebook(NB03, tmp_path / "out-empty", input_path=empty)
    page = export_html(executed).read_text(encoding="utf-8")
    assert "No casualty statements to show." in page
    tallies = pd.read_parquet(tmp_path / "out-empty" / "03_casualty_tallies" / "tallies.parquet")
    assert tallies.empty and "casualty_ids" in tallies.columns


NB04 = NOTEBOOK_DIR / "04_timeline.ipynb"


@pytest.fixture(scope="module")
def nb04_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports04")
    executed = run_notebook(NB04, out)
    return out / "04_timeline", executed


def test_notebook_04_writes_events_and_both_exports(nb04_run):
    tables, executed = nb04_run
    events = pd.read_parquet(tables / "events.parquet")
    assert len(pd.read_csv(tables / "events.csv")) == len(events) > 0
    # the Syrian army reaching Deir al-Zor on Tuesday 5 September is told by three stories
    siege = events[(events["date_start"] == "2017-09-05") & (events["place"] == "Deir al-Zor")]
    assert siege["article_id"].str[-3:].tolist() == ["007", "008", "009"]
    assert siege["group_id"].nunique() == 1
    acled = pd.read_csv(tables / "events_acled.csv")
    assert acled.columns.tolist() == [
        "event_date", "actor1", "actor2", "inter1", "inter2", "country", "location",
        "latitude", "longitude", "fatalities", "source", "notes",
    ]  # fmt: skip
    row = acled[(acled["event_date"] == "2017-09-05") & (acled["location"] == "Deir al-Zor")]
    assert len(row) == 1 and row.iloc[0]["country"] == "Syria"
    assert row.iloc[0]["notes"].count(" | ") == 2  # the three reports' sentences
    waza = acled[acled["location"] == "Waza"].iloc[0]
    assert (waza["event_date"], int(waza["fatalities"]), waza["country"]) == (
        "2017-07-01", 16, "Cameroon",
    )  # fmt: skip
    assert "2014-01-01" not in set(acled["event_date"])  # year-precise events are not ACLED's
    timeline = json.loads((tables / "timeline.json").read_text(encoding="utf-8"))
    assert len(timeline["events"]) == events["group_id"].nunique()
    assert {"year": "2017", "month": "9", "day": "22"} in [
        e["start_date"] for e in timeline["events"]
    ]
    per_period = pd.read_csv(tables / "casualties_per_period.csv")
    # Manchester in May (22) and Waza in July (16); running totals (381 since April) are not
    assert per_period[["period", "fatalities", "cumulative"]].values.tolist() == [
        ["2017-05", 22, 22], ["2017-06", 0, 22], ["2017-07", 16, 38],
    ]  # fmt: skip
    page = export_html(executed).read_text(encoding="utf-8")
    assert "43 dated events (39 after grouping" in page and page.count("<img") >= 3


def test_notebook_04_parameters_follow_actors_and_dates(tmp_path):
    run_notebook(
        NB04,
        tmp_path,
        parameters={
            "actors": ["Islamic State"],
            "date_from": "2017-09",
            "date_to": "2017-09-30",
            "granularity": "week",
        },
    )
    tables = tmp_path / "04_timeline"
    events = pd.read_parquet(tables / "events.parquet")
    assert (events["date_end"] >= "2017-09-01").all() and (
        events["date_start"] <= "2017-09-30"
    ).all()
    groups = pd.read_csv(tables / "event_groups.csv")
    assert len(groups) > 0 and groups["actors"].str.contains("Islamic State", regex=False).all()
    assert pd.read_csv(tables / "casualties_per_period.csv").empty  # no deaths in September


def test_notebook_04_escapes_news_text_and_runs_on_an_empty_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kano.txt").write_text(
        "Gunmen kill 12 in Kano market\n\n"
        "KANO, Nigeria, Sept 4, 2017 (Reuters) - Gunmen killed 12 people <script>alert(1)</script> at a "
        "market in Kano on Monday, police said.\n",
        encoding="utf-8",
    )
    executed = run_notebook(NB04, tmp_path / "out", input_path=corpus)
    tables = tmp_path / "out" / "04_timeline"
    timeline = (tables / "timeline.json").read_text(encoding="utf-8")
    assert "<script>" not in timeline and "&lt;script&gt;alert(1)&lt;/script&gt;" in timeline
    acled = pd.read_csv(tables / "events_acled.csv")
    assert acled["location"].tolist() == ["Kano"] and int(acled.iloc[0]["fatalities"]) == 12
    assert "&lt;script&gt;" in acled.iloc[0]["notes"]
    assert "<script>alert" not in export_html(executed).read_text(encoding="utf-8")

    empty = tmp_path / "empty"
    empty.mkdir()
    executed = run_notebook(NB04, tmp_path / "out-empty", input_path=empty)
    page = export_html(executed).read_text(encoding="utf-8")
    assert "No dated events to show: the corpus has no articles." in page
    tables = tmp_path / "out-empty" / "04_timeline"
    assert pd.read_parquet(tables / "events.parquet").empty
    assert pd.read_csv(tables / "events_acled.csv").empty
    assert json.loads((tables / "timeline.json").read_text(encoding="utf-8")) == {
        "events": [],
        "title": {"text": {"headline": "Dated events", "text": "empty"}},
    }
