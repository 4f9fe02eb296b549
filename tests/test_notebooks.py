"""Notebooks run top to bottom under papermill on the sample corpus."""

from __future__ import annotations

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
