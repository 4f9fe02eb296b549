"""Publication dates in the pipeline: sidecar, file name, dateline, caption, parameter."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis_lib import SAMPLE_DIR
from analysis_lib.pipeline import extract

SAMPLE_FILE = "000_65897b68137db2a4.txt"

#: Read off data/sample/metadata.csv (the sidecar) and the issue's list of dates.
SIDECAR_DATES = {
    "000_65897b68137db2a4.txt#001": "2017-09-25",
    "000_65897b68137db2a4.txt#002": "2017-09-22",
    "000_65897b68137db2a4.txt#003": "2017-09-16",
    "000_65897b68137db2a4.txt#004": "2017-09-12",
    "000_65897b68137db2a4.txt#005": "2017-09-09",
    "000_65897b68137db2a4.txt#006": "2017-09-08",
    "000_65897b68137db2a4.txt#007": "2017-09-07",
    "000_65897b68137db2a4.txt#008": "2017-09-06",
    "000_65897b68137db2a4.txt#009": "2017-09-05",
    "000_65897b68137db2a4.txt#010": "2017-09-05",
    "004_f65997268528880e.txt#001": "2017-03-06",
}


def test_sample_articles_take_their_sidecar_dates(sample_tables):
    articles = sample_tables["articles"].set_index("article_id")
    assert articles["published_date"].to_dict() == SIDECAR_DATES
    assert set(articles["date_source"]) == {"sidecar"}
    assert sample_tables["issues"]["path"].tolist() == ["README.md"]  # the sidecar is no input


@pytest.fixture(scope="module")
def text_only_articles(tmp_path_factory):
    """The sample dump without its sidecar: dates come from the text alone."""
    folder = tmp_path_factory.mktemp("no_sidecar")
    shutil.copy(SAMPLE_DIR / SAMPLE_FILE, folder / SAMPLE_FILE)
    return extract(folder, actors=False)["articles"].set_index("article_id")


def test_own_photo_captions_date_their_story_without_sidecar(text_only_articles):
    # "released by Russia's Defence Ministry on September 22, 2017" (#002) and
    # "Metro Manila, Philippines, September 8, 2017. REUTERS/Erik De Castro" (#006)
    assert text_only_articles.loc[f"{SAMPLE_FILE}#002", "published_date"] == "2017-09-22"
    assert text_only_articles.loc[f"{SAMPLE_FILE}#006", "published_date"] == "2017-09-08"
    assert text_only_articles.loc[f"{SAMPLE_FILE}#002", "date_source"] == "caption"


def test_file_photo_captions_are_not_publication_dates(text_only_articles):
    # "FILE PHOTO: … eastern Syria February 19, 2014. REUTERS/…/File Photo" (#007, #008, #009)
    for number in ("007", "008", "009"):
        assert pd.isna(text_only_articles.loc[f"{SAMPLE_FILE}#{number}", "published_date"])


def test_unknown_stays_unknown_never_today(text_only_articles):
    dated = text_only_articles["published_date"].dropna()
    assert sorted(dated) == ["2017-09-08", "2017-09-22"]


def test_file_name_date_and_corpus_parameter(tmp_path):
    text = "Gunmen kill five in Kabul\n\nKABUL (Reuters) - Gunmen killed five people on Monday."
    (tmp_path / "reuters_2017-05-23.txt").write_text(text, encoding="utf-8")
    (tmp_path / "undated.txt").write_text(text, encoding="utf-8")
    articles = extract(tmp_path, actors=False, published_date="2017-06-01")["articles"]
    by_file = dict(
        zip(
            articles["source"],
            zip(articles["published_date"], articles["date_source"], strict=True),
            strict=True,
        )
    )
    assert by_file["reuters_2017-05-23.txt"] == ("2017-05-23", "file name")
    assert by_file["undated.txt"] == ("2017-06-01", "parameter")


def test_relative_dates_follow_the_publication_date(sample_tables):
    """ "on Saturday" in the London story (published Saturday 2017-09-16) is that day."""
    casualties = sample_tables["casualties"]
    arrest = casualties[
        casualties["evidence"].str.contains("arrested an 18-year-old man", regex=False)
        & (casualties["category"] == "arrested")
    ]
    assert arrest["date"].tolist() == ["2017-09-16"]


def test_sidecar_rows_that_do_not_fit_are_reported_not_applied(tmp_path):
    text = "Gunmen kill five in Kabul\n\nKABUL (Reuters) - Gunmen killed five people on Monday."
    (tmp_path / "dump.txt").write_text(text, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,article,headline,published_date,date_evidence\n"
        "dump.txt,1,Another headline,2017-05-23,wrong story\n"
        "dump.txt,2,,23 May,bad date\n",
        encoding="utf-8",
    )
    tables = extract(tmp_path, actors=False)
    assert tables["articles"]["published_date"].isna().all()
    issues = tables["issues"]
    assert sorted(issues["line"].dropna().astype(int).tolist()) == [2, 3]
    assert set(issues["path"]) == {"metadata.csv"}
