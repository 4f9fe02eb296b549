"""The pipeline's tables: schema, values from the sample, reproducibility, CLI."""

from __future__ import annotations

import pandas as pd

from analysis_lib import SAMPLE_DIR
from analysis_lib.cli import main
from analysis_lib.pipeline import TABLE_NAMES, extract, read_table, write_tables
from analysis_lib.schemas import SCHEMAS


def test_tables_follow_the_schemas(sample_tables):
    assert set(sample_tables) == set(TABLE_NAMES)
    for name, frame in sample_tables.items():
        assert list(frame.columns) == list(SCHEMAS[name]), name
        for col, dtype in SCHEMAS[name].items():
            assert str(frame[col].dtype) == dtype or (
                dtype == "string" and frame[col].dtype == "string"
            )


def test_article_table_values(sample_tables, segmentation_gold):
    arts = sample_tables["articles"]
    assert len(arts) == 11
    hezbollah = arts[arts["headline"] == "Hezbollah declares Syria victory: report"].iloc[0]
    assert hezbollah["writers"] == "Tom Perry" and hezbollah["editors"] == "Angus MacSwan"
    assert hezbollah["sentence_count"] == 13
    by_agency = arts["agency"].value_counts(dropna=False)
    assert by_agency["Reuters"] == 10
    afp = arts[arts["source"] == "004_f65997268528880e.txt"].iloc[0]
    assert pd.isna(afp["headline"]) and pd.isna(afp["agency"])
    gold_bylines = [
        "; ".join(g["byline"]) or None
        for f in ("000_65897b68137db2a4.txt", "004_f65997268528880e.txt")
        for g in segmentation_gold["files"][f]
    ]
    assert [None if pd.isna(b) else b for b in arts["byline"]] == gold_bylines


def test_sentence_offsets_point_into_bodies(sample_tables):
    bodies = sample_tables["articles"].set_index("article_id")["body"]
    for row in sample_tables["sentences"].itertuples():
        assert bodies[row.article_id][row.start : row.end] == row.text


def test_same_input_gives_byte_identical_files(tmp_path):
    write_tables(extract(SAMPLE_DIR), tmp_path / "a")
    write_tables(extract(SAMPLE_DIR), tmp_path / "b")
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_written_tables_read_back(tmp_path, sample_tables):
    write_tables(sample_tables, tmp_path)
    back = read_table(tmp_path, "articles")
    assert back["article_id"].tolist() == sample_tables["articles"]["article_id"].tolist()


def test_structured_rows_are_single_articles_with_metadata(tmp_path):
    (tmp_path / "rows.csv").write_text(
        "title,date,text\n"
        'Troops advance,2017-09-05,"BEIRUT (Reuters) – The army advanced.\n\nShort line\n\nMore."\n',
        encoding="utf-8",
    )
    arts = extract(tmp_path)["articles"]
    assert len(arts) == 1
    row = arts.iloc[0]
    assert (row["headline"], row["published_date"], row["date_source"]) == (
        "Troops advance",
        "2017-09-05",
        "metadata",
    )
    assert row["agency"] == "Reuters" and row["body"].endswith("More.")


def test_duplicate_files_are_flagged(tmp_path):
    text = (SAMPLE_DIR / "004_f65997268528880e.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    arts = extract(tmp_path)["articles"]
    assert arts["duplicate_of"].tolist()[1] == "a.txt#001"


def test_cli_extract_writes_tables_and_reports_bad_files(tmp_path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Headline one\n\nBEIRUT (Reuters) – Text.", encoding="utf-8")
    (corpus / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    status = main(["extract", "--input", str(corpus), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert status == 1  # a file failed to load
    assert "bin.txt" in err and "binary file" in err
    assert len(read_table(tmp_path / "out", "articles")) == 1
    assert "articles: 1 rows" in out


def test_extra_separator_pattern_through_the_pipeline(tmp_path):
    from analysis_lib.segment import build_separator

    (tmp_path / "dump.txt").write_text(
        "First story here\n\nBody one.\n\n*** NEXT ***\n\nSecond story here\n\nBody two.\n\n"
        "1 of 1 DOCUMENTS\n\nThird story here\n\nBody three.",
        encoding="utf-8",
    )
    default = extract(tmp_path)
    assert len(default["articles"]) == 2  # "*** NEXT ***" alone is not a known separator
    tables = extract(tmp_path, separator=build_separator(r"\*\*\* NEXT \*\*\*"))
    assert tables["articles"]["body"].tolist() == ["Body one.", "Body two.", "Body three."]
    assert tables["residue"]["reason"].tolist() == ["separator", "separator"]


def test_paragraph_counts_in_the_table_match_gold(sample_tables, segmentation_gold):
    gold = [
        g["body_paragraph_count"]
        for f in sorted(segmentation_gold["files"])
        for g in segmentation_gold["files"][f]
    ]
    assert sample_tables["articles"]["paragraph_count"].tolist() == gold
