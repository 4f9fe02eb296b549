"""The command line: inputs, options, exit statuses and what errors say (no notebook runs)."""

from __future__ import annotations

import json

import pytest

from analysis_lib import SAMPLE_DIR
from analysis_lib.cli import main
from analysis_lib.pipeline import read_table

KANO = (
    "Gunmen kill 12 in Kano market\n\n"
    "KANO, Nigeria, Sept 4 (Reuters) - Gunmen killed 12 people at a market in Kano on "
    "Monday, police said.\n"
)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kano.txt").write_text(KANO, encoding="utf-8")
    return folder


def test_extract_takes_positional_inputs_and_prints_the_closing_summary(corpus, tmp_path, capsys):
    status = main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"])
    out, err = capsys.readouterr()
    assert status == 0, err
    articles = read_table(tmp_path / "out", "articles")
    assert articles["headline"].tolist() == ["Gunmen kill 12 in Kano market"]
    assert articles["dateline_place"].tolist() == ["KANO, Nigeria"]
    assert "articles: 1 rows" in out
    assert "1 documents (1 processed, 0 from cache), 1 articles in" in out
    assert "MB/s" in out and "0 documents failed" in out and "FAILED" not in out
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True and manifest["engine"] == "serial"


def test_extract_missing_input_is_named_the_rest_processed_exit_1(corpus, tmp_path, capsys):
    missing = tmp_path / "no-such-dump.txt"
    status = main(["extract", str(corpus), str(missing), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert status == 1
    assert f"input not found: {missing}: check the path" in err
    assert "FAILED: 1 input failed (1 missing input)" in out
    issues = read_table(tmp_path / "out", "issues")
    assert issues[["path", "kind", "severity"]].values.tolist() == [
        [str(missing), "missing input", "error"]
    ]
    assert len(read_table(tmp_path / "out", "articles")) == 1  # kano.txt still processed


def test_extract_with_no_existing_input_stops_and_says_so(tmp_path, capsys):
    status = main(["extract", str(tmp_path / "nothing*.txt"), "--out", str(tmp_path / "out")])
    _, err = capsys.readouterr()
    assert status == 1
    assert "quote a glob" in err and "none of the inputs exists" in err
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_extract_unreadable_file_is_listed_with_the_summary_and_exit_1(corpus, tmp_path, capsys):
    (corpus / "scan.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    status = main(["extract", "--input", str(corpus), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert status == 1
    assert "error: scan.txt: binary file" in err
    assert "FAILED: 1 input failed (1 binary file)" in out


def test_extract_options_reach_the_pipeline(tmp_path, capsys):
    (tmp_path / "export.csv").write_text(
        "headline,body\nTroops advance,BEIRUT (Reuters) - The army advanced on Friday.\n",
        encoding="utf-8",
    )
    status = main(
        ["extract", str(tmp_path / "export.csv"), "--out", str(tmp_path / "out"),
         "--column", "text=body", "--column", "title=headline",
         "--published-date", "2017-09-08", "--engine", "processes", "--workers", "2",
         "--no-progress"]
    )  # fmt: skip
    assert status == 0, capsys.readouterr().err
    row = read_table(tmp_path / "out", "articles").iloc[0]
    assert (row["headline"], row["published_date"], row["date_source"]) == (
        "Troops advance",
        "2017-09-08",
        "parameter",
    )
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["engine"] == "processes"
    assert manifest["parameters"]["columns"] == {"text": "body", "title": "headline"}


def test_extract_limit_and_separator(tmp_path, capsys):
    (tmp_path / "dump.txt").write_text(
        "First story here\n\nBody one.\n\n*** NEXT ***\n\nSecond story here\n\nBody two.\n",
        encoding="utf-8",
    )
    args = [
        "extract",
        str(tmp_path / "dump.txt"),
        "--no-progress",
        "--separator",
        r"\*\*\* NEXT \*\*\*",
    ]
    assert main([*args, "--out", str(tmp_path / "a")]) == 0
    assert read_table(tmp_path / "a", "articles")["body"].tolist() == ["Body one.", "Body two."]
    assert main(["extract", str(SAMPLE_DIR), "--limit", "1", "--out", str(tmp_path / "b")]) == 0
    assert set(read_table(tmp_path / "b", "articles")["source"]) == {"000_65897b68137db2a4.txt"}
    capsys.readouterr()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "--out", "x"], "give at least one INPUT"),
        (["extract", "in.txt", "--out", "x", "--column", "body"], "--column expects FIELD=COLUMN"),
        (["extract", "in.txt", "--out", "x", "--separator", "(unclosed"], "not a valid regex"),
        (["extract", "in.txt", "--out", "x", "--engine", "serial", "--scheduler", "tcp://h:1"],
         "use it with --engine dask"),
        (["extract", "in.txt", "--out", "x", "--workers", "0"], "--workers must be 1 or more"),
        (["report", "--tables", "no-such-dir", "--out", "r"],
         "no such folder; run `python -m analysis_lib extract INPUT --out no-such-dir` first"),
        (["report", "--input", "in.txt", "--out", "r", "--notebook", "07"],
         "no notebook '07'; choose from 01_article_segmentation, 02_actor_cooccurrence"),
    ],
)  # fmt: skip
def test_usage_errors_say_what_to_do_and_exit_2(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text(KANO, encoding="utf-8")
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists() and not (tmp_path / "r").exists()


def test_report_tables_folder_without_a_finished_run_is_refused(tmp_path, capsys):
    tables = tmp_path / "tables"
    tables.mkdir()
    assert main(["report", "--tables", str(tables), "--out", str(tmp_path / "r")]) == 2
    assert "no manifest.json: not a finished extraction; run `python -m analysis_lib extract" in (
        capsys.readouterr().err
    )
    (tables / "manifest.json").write_text('{"complete": false}', encoding="utf-8")
    assert main(["report", "--tables", str(tables), "--out", str(tmp_path / "r")]) == 2
    assert "not complete (an interrupted run?)" in capsys.readouterr().err


def test_report_with_tables_refuses_extraction_options(tmp_path, capsys):
    assert main(["report", "--tables", "t", "--out", "r", "--limit", "3", "--engine", "dask"]) == 2
    assert "--engine, --limit change(s) extraction: use with --input" in capsys.readouterr().err


def test_report_needs_input_or_tables(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", "--out", "r"])
    assert exc.value.code == 2
    assert "one of the arguments --input --tables is required" in capsys.readouterr().err


def test_report_on_a_missing_input_fails_before_running_notebooks(tmp_path, capsys):
    # defect 7: `report` printed "ok" and exited 0 on a missing input
    missing = tmp_path / "no-such-folder"
    status = main(
        ["report", "--input", str(missing), "--out", str(tmp_path / "r"), "--notebook", "01"]
    )
    _, err = capsys.readouterr()
    assert status == 1
    assert f"input not found: {missing}" in err and "none of the inputs exists" in err
    assert not (tmp_path / "r" / "01_article_segmentation.ipynb").exists()


def test_help_explains_every_option(capsys):
    for command in ("extract", "report"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = capsys.readouterr().out
        for option in ("--out", "--engine", "--workers", "--scheduler", "--limit", "--column"):
            assert option in text
        assert "Exit status: 0 when" in text
    assert "--tables DIR" in text and "--notebook NAME" in text
