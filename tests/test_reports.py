"""Reports: one extraction shared by every notebook, the index page, tables_dir, and
notebooks that run on awkward corpora (defects 7, 8 and 9)."""

from __future__ import annotations

import contextlib
import io
import json

import nbformat
import pandas as pd
import pytest

from analysis_lib import NOTEBOOK_DIR, SAMPLE_DIR
from analysis_lib.cli import main
from analysis_lib.pipeline import extract, read_table
from analysis_lib.reports import (
    ReportResult,
    TablesNotReady,
    describe_failures,
    list_notebooks,
    load_tables,
    render_index,
    resolve_run,
    run_notebook,
)

NOTEBOOKS = [p.stem for p in list_notebooks()]
DOLLAR_AGENCY = "Reuter$ $News"


def _streams(executed) -> str:
    """Everything an executed notebook printed (stdout and stderr)."""
    nb = nbformat.read(executed, as_version=4)
    return "".join(
        o.get("text", "")
        for cell in nb.cells
        for o in cell.get("outputs", [])
        if o.get("output_type") == "stream"
    )


def _injected(executed) -> str:
    nb = nbformat.read(executed, as_version=4)
    return next(c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))


@pytest.fixture(scope="module")
def sample_tables_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample-tables")
    extract(SAMPLE_DIR, out=out)
    return out


# --------------------------------------------------------------------------- load_tables


def test_load_tables_reads_a_tables_dir_like_extract_gives_them(
    sample_tables_dir, tmp_path, capsys
):
    run = resolve_run("", str(tmp_path), 0, notebook="x", tables_dir=str(sample_tables_dir))
    tables = load_tables(run, names=["articles", "mentions", "issues"])
    printed = capsys.readouterr().out
    assert list(tables) == ["articles", "mentions", "issues"]
    fresh = extract(SAMPLE_DIR)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, fresh[name])
    assert "2 documents, 11 articles in" in printed and f"tables in {sample_tables_dir}" in printed
    assert not (tmp_path / "tables").exists()  # nothing extracted here


def test_load_tables_names_options_the_tables_were_not_made_with(
    sample_tables_dir, tmp_path, capsys
):
    run = resolve_run("", str(tmp_path), 0, notebook="x", tables_dir=str(sample_tables_dir))
    load_tables(run, names=["issues"], published_date="2017-01-01", actors=False)
    printed = capsys.readouterr().out
    assert "not applied: published_date='2017-01-01' (the tables have None)" in printed
    assert "actors" not in printed  # the tables have mentions: more than asked for


def test_load_tables_refuses_a_missing_table_or_an_unfinished_folder(sample_tables_dir, tmp_path):
    run = resolve_run("", str(tmp_path), 0, notebook="x", tables_dir=str(sample_tables_dir))
    with pytest.raises(KeyError, match="has no statements table"):
        load_tables(run, names=["articles", "statements"])
    unfinished = resolve_run("", str(tmp_path), 0, notebook="x", tables_dir=str(tmp_path))
    with pytest.raises(TablesNotReady, match="not a finished extraction; run `python -m"):
        load_tables(unfinished)


def test_load_tables_without_tables_dir_extracts_into_the_output_folder(tmp_path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "blank.txt").write_text("", encoding="utf-8")
    run = resolve_run(str(corpus), str(tmp_path / "out"), 0, notebook="x")
    tables = load_tables(run, progress=False)
    printed = capsys.readouterr().out
    assert tables["articles"].empty and tables["articles"].columns[0] == "article_id"
    assert "The corpus has no articles: the tables and figures below are empty." in printed
    assert "1 input failed (1 empty file): see the issues table." in printed
    assert (tmp_path / "out" / "tables" / "manifest.json").exists()


def test_describe_failures_ignores_warnings():
    issues = pd.DataFrame(
        {"path": ["README.md"], "severity": ["warning"], "kind": ["skipped"], "message": [""]}
    )
    assert describe_failures(issues) == ""


def test_index_escapes_text_from_data(tmp_path):
    page = render_index(
        [ReportResult("01_x.ipynb", None, None, 'ValueError: <img src=x onerror="alert(1)">')],
        out_dir=tmp_path,
    )
    assert "<img src=x" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


# --------------------------------------------------------------------------- report, defects 7 and 9


@pytest.fixture(scope="module")
def dollar_report(tmp_path_factory):
    """``report`` over a corpus whose agency is ``Reuter$ $News``, plus a missing input."""
    root = tmp_path_factory.mktemp("dollar")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "wires.csv").write_text(
        "title,date,source,text\n"
        'Gunmen kill 12 in Kano market,2017-09-04,Reuter$ $News,"KANO, Nigeria - Gunmen killed '
        "12 people at a market in Kano on Monday, police said. Boko Haram militants were "
        'blamed."\n'
        'Troops retake Marawi bridge,2017-09-06,Reuter$ $News,"MARAWI CITY, Philippines - '
        "Philippine troops retook a bridge in Marawi on Wednesday, the army said. Five soldiers "
        'were wounded."\n',
        encoding="utf-8",
    )
    missing = root / "missing-dump.txt"
    out = root / "report"
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(
            ["report", "--input", str(corpus), str(missing), "--out", str(out), "--no-progress"]
        )
    return {"status": status, "out": out, "stdout": stdout.getvalue(),
            "stderr": stderr.getvalue(), "missing": missing}  # fmt: skip


@pytest.mark.notebook
def test_report_load_errors_show_in_summary_and_exit_status(dollar_report):
    # defect 7: a missing input gave "ok" and exit status 0
    assert dollar_report["status"] == 1
    assert f"input not found: {dollar_report['missing']}" in dollar_report["stderr"]
    stdout = dollar_report["stdout"]
    assert "FAILED: 1 input failed (1 missing input)" in stdout
    assert f"report: {len(NOTEBOOKS)} of {len(NOTEBOOKS)} notebooks ran" in stdout
    issues = read_table(dollar_report["out"] / "tables", "issues")
    assert issues[["kind", "severity"]].values.tolist() == [["missing input", "error"]]


@pytest.mark.notebook
def test_report_extracts_once_and_every_notebook_reads_those_tables(dollar_report):
    out = dollar_report["out"]
    tables = out / "tables"
    assert json.loads((tables / "manifest.json").read_text(encoding="utf-8"))["complete"]
    for stem in NOTEBOOKS:
        executed = out / f"{stem}.ipynb"
        assert f"tables_dir = {json.dumps(str(tables.resolve()))}" in _injected(executed)
        assert f"tables in {tables.resolve()}" in _streams(executed)
        assert not (out / stem / "tables").exists(), stem  # the notebook did not extract
    articles = pd.read_parquet(out / "01_article_segmentation" / "articles.parquet")
    assert articles["headline"].tolist() == [
        "Gunmen kill 12 in Kano market",
        "Troops retake Marawi bridge",
    ]


@pytest.mark.notebook
def test_dollar_in_the_agency_renders_every_figure(dollar_report):
    # defect 9: "$" in a source or agency name crashed plotting (read as math text)
    out = dollar_report["out"]
    for stem in NOTEBOOKS:
        assert f"{stem}.ipynb: ok" in dollar_report["stdout"]
        nb = nbformat.read(out / f"{stem}.ipynb", as_version=4)
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert not errors, stem
    page = (out / "01_article_segmentation.html").read_text(encoding="utf-8")
    assert page.count("<img") == 3  # agencies, dateline places, lengths
    assert DOLLAR_AGENCY in page  # the table shows the name as written
    counts = pd.read_parquet(out / "01_article_segmentation" / "articles.parquet")["agency"]
    assert counts.tolist() == [DOLLAR_AGENCY, DOLLAR_AGENCY]


@pytest.mark.notebook
def test_index_links_every_notebook_with_the_corpus_summary_and_a_figure(dollar_report):
    out = dollar_report["out"]
    page = (out / "index.html").read_text(encoding="utf-8")
    for stem in NOTEBOOKS:
        assert f'href="{stem}.html"' in page and (out / f"{stem}.html").exists()
        assert f'<img src="{stem}.png"' in page
        assert (out / f"{stem}.png").read_bytes().startswith(b"\x89PNG")
    assert '<tr><th>documents</th><td class="n">2</td></tr>' in page  # a row each
    assert '<tr><th>articles</th><td class="n">2</td></tr>' in page
    assert "2017-09-04 to 2017-09-06" in page
    assert "1 input failed (1 missing input): see the issues table" in page
    assert "<td>missing input</td>" in page


# --------------------------------------------------------------------------- defect 8


@pytest.fixture(scope="module")
def empty_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("empty")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "blank.txt").write_text("\n\n", encoding="utf-8")  # a file without any text
    out = root / "report"
    status = main(["report", "--input", str(corpus), "--out", str(out), "--no-progress"])
    return status, out


@pytest.mark.notebook
def test_every_notebook_runs_on_a_corpus_without_text_and_says_so(empty_report):
    status, out = empty_report
    assert status == 1  # the file without text is a load error, reported
    for stem in NOTEBOOKS:
        printed = _streams(out / f"{stem}.ipynb")
        assert "The corpus has no articles: the tables and figures below are empty." in printed
        assert "1 input failed (1 empty file)" in printed
        assert (out / f"{stem}.html").exists()
    page = (out / "02_actor_cooccurrence.html").read_text(encoding="utf-8")
    assert "0 mentions of 0 actors in 0 articles" in page
    for name in ("mentions", "actors", "pairs"):
        frame = pd.read_parquet(out / "02_actor_cooccurrence" / f"{name}.parquet")
        assert frame.empty and len(frame.columns) > 0, name
    assert (out / "02_actor_cooccurrence" / "actor_network.gexf").exists()
    assert pd.read_parquet(out / "01_article_segmentation" / "articles.parquet").empty
    assert pd.read_parquet(out / "03_casualty_tallies" / "tallies.parquet").empty


@pytest.mark.notebook
def test_notebook_02_alone_on_an_empty_folder_extracts_and_says_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    executed = run_notebook(
        NOTEBOOK_DIR / "02_actor_cooccurrence.ipynb", tmp_path, input_path=empty
    )
    printed = _streams(executed)
    assert "0 documents, 0 articles in" in printed and "corpus has no articles" in printed
    assert (tmp_path / "02_actor_cooccurrence" / "tables" / "manifest.json").exists()
    assert pd.read_parquet(tmp_path / "02_actor_cooccurrence" / "pairs.parquet").empty


@pytest.mark.notebook
def test_notebook_02_with_a_sector_that_matches_nothing(sample_tables_dir, tmp_path):
    # defect 8: Invalid shape (0,) from the heatmap, tables never written
    executed = run_notebook(
        NOTEBOOK_DIR / "02_actor_cooccurrence.ipynb",
        tmp_path,
        tables_dir=sample_tables_dir,
        parameters={"sectors": ["XYZ"]},
    )
    printed = _streams(executed)
    assert "0 mentions of 0 actors in 11 articles" in printed
    page = executed.read_text(encoding="utf-8")
    assert page.count("image/png") == 3  # top actors, heatmap, network: each says so
    tables = tmp_path / "02_actor_cooccurrence"
    assert pd.read_parquet(tables / "actors.parquet").empty
    assert pd.read_parquet(tables / "pairs.parquet").empty
    assert len(pd.read_parquet(tables / "mentions.parquet")) == 687  # all mentions, unfiltered


@pytest.mark.notebook
def test_report_from_an_earlier_extraction(sample_tables_dir, tmp_path, capsys):
    status = main(
        ["report", "--tables", str(sample_tables_dir), "--out", str(tmp_path), "--notebook", "03",
         "--no-progress"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0, out
    assert "03_casualty_tallies.ipynb: ok" in out and "report: 1 of 1 notebooks ran" in out
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="03_casualty_tallies.html"' in page and "01_article" not in page
    assert "2017-03-06 to 2017-09-25" in page


def test_a_notebook_that_cannot_read_tables_fails_visibly(
    sample_tables_dir, tmp_path, monkeypatch, capsys
):
    old = tmp_path / "notebooks" / "09_old_style.ipynb"
    old.parent.mkdir()
    nb = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        }
    )
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 09 · Old style"),
        nbformat.v4.new_code_cell('input_path: str = ""', metadata={"tags": ["parameters"]}),
    ]
    nbformat.write(nb, old)
    monkeypatch.setattr("analysis_lib.reports.list_notebooks", lambda: [old])
    status = main(["report", "--tables", str(sample_tables_dir), "--out", str(tmp_path / "r")])
    out = capsys.readouterr().out
    assert status == 1
    assert "09_old_style.ipynb: FAILED (ValueError: 09_old_style.ipynb has no tables_dir" in out
    assert "FAILED: 1 notebook(s): 09_old_style.ipynb" in out
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<h3>09 · Old style</h3>" in page and "failed: ValueError: 09_old_style" in page
