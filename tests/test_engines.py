"""Engines, streaming output, incremental runs and failures: the same tables however run."""

from __future__ import annotations

import json
import shutil

import pytest

from analysis_lib import SAMPLE_DIR
from analysis_lib import pipeline as pipeline_module
from analysis_lib.pipeline import TABLE_NAMES, extract, read_table
from analysis_lib.store import MANIFEST_NAME, OutputWriter, read_manifest

STORY = (
    "Gunmen kill {n} in {place}\n\n{upper} (Reuters) - Gunmen killed {n} people in {place} on "
    "Monday, police said. Five others were wounded.\n\n(Reporting by Ann Lee; Editing by Bo Chan)\n"
)


def _write_corpus(folder, places=("Kabul", "Kandahar", "Herat")):
    folder.mkdir(parents=True, exist_ok=True)
    for n, place in enumerate(places, 3):
        text = STORY.format(n=n, place=place, upper=place.upper())
        (folder / f"{place.lower()}.txt").write_text(text, encoding="utf-8")
    return folder


def _assert_same_tables(a: dict, b: dict) -> None:
    for name in TABLE_NAMES:
        assert a[name].equals(b[name]), name


@pytest.fixture(scope="module")
def serial_tables():
    return extract(SAMPLE_DIR)


@pytest.mark.parametrize("engine", ["processes", "dask"])
def test_every_engine_gives_the_serial_tables(engine, serial_tables):
    _assert_same_tables(extract(SAMPLE_DIR, engine=engine, workers=2), serial_tables)


def test_dask_on_a_local_cluster_gives_the_serial_tables(serial_tables):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        tables = extract(SAMPLE_DIR, engine="dask", scheduler=cluster.scheduler_address)
    _assert_same_tables(tables, serial_tables)


def test_unknown_engine_and_misplaced_scheduler_are_clear_errors():
    with pytest.raises(ValueError, match="unknown engine 'threads'"):
        extract(SAMPLE_DIR, engine="threads")
    with pytest.raises(ValueError, match="needs engine='dask'"):
        extract(SAMPLE_DIR, engine="processes", scheduler="tcp://127.0.0.1:8786")


def test_streamed_output_equals_the_tables_in_memory(tmp_path, serial_tables):
    summary = extract(SAMPLE_DIR, out=tmp_path)
    for name in TABLE_NAMES:
        assert read_table(tmp_path, name).equals(serial_tables[name]), name
    assert (tmp_path / "articles" / "part-00000.parquet").exists()  # large tables in parts
    assert (tmp_path / "casualties.csv").exists()  # small ones also as CSV
    manifest = read_manifest(tmp_path)
    assert manifest["complete"] and manifest["tables"]["articles"] == 11
    assert [i["doc_id"] for i in manifest["inputs"]] == [
        "000_65897b68137db2a4.txt",
        "004_f65997268528880e.txt",
    ]
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    assert (summary.documents, summary.articles, summary.failed_documents) == (2, 11, 0)
    assert not list(tmp_path.glob(".incomplete-*"))


def test_a_rerun_recomputes_only_the_changed_file_and_equals_a_full_run(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus")
    first = extract(corpus, out=tmp_path / "out")
    assert (first.computed, first.cached) == (3, 0)
    changed = STORY.format(n=9, place="Kandahar", upper="KANDAHAR")
    (corpus / "kandahar.txt").write_text(changed, encoding="utf-8")
    second = extract(corpus, out=tmp_path / "out")
    assert (second.computed, second.cached) == (1, 2)
    full = extract(corpus, out=tmp_path / "fresh")
    assert full.computed == 3
    for name in TABLE_NAMES:
        assert read_table(tmp_path / "out", name).equals(read_table(tmp_path / "fresh", name)), name
    casualties = read_table(tmp_path / "out", "casualties")
    assert 9 in casualties["count_low"].tolist()


def test_an_interrupted_write_leaves_the_previous_run_intact(tmp_path, monkeypatch):
    corpus = _write_corpus(tmp_path / "corpus")
    extract(corpus, out=tmp_path / "out")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.*")}
    (corpus / "herat.txt").write_text(STORY.format(n=30, place="Herat", upper="HERAT"), "utf-8")

    def interrupted(self, name, frame, **_):
        raise KeyboardInterrupt  # Ctrl-C while the tables are being written

    monkeypatch.setattr(OutputWriter, "write_small", interrupted)
    with pytest.raises(KeyboardInterrupt):
        extract(corpus, out=tmp_path / "out")
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.*")}
    for name, data in before.items():
        if name != "_cache.sqlite":
            assert after[name] == data, name
    assert read_manifest(tmp_path / "out")["complete"]
    assert not list((tmp_path / "out").glob(".incomplete-*"))


def test_a_failing_document_is_reported_and_the_others_are_kept(tmp_path, monkeypatch):
    corpus = _write_corpus(tmp_path / "corpus")
    real = pipeline_module.process_article

    def flaky(article, **options):
        if "Kandahar" in article.body:
            raise RuntimeError("simulated failure")
        return real(article, **options)

    monkeypatch.setattr(pipeline_module, "process_article", flaky)
    summary = extract(corpus, out=tmp_path / "out")
    issues = read_table(tmp_path / "out", "issues")
    failed = issues[issues["kind"] == "processing failed"]
    assert failed["path"].tolist() == ["kandahar.txt#001"]
    assert "extract failed: RuntimeError: simulated failure" in failed["message"].iloc[0]
    assert summary.failed_documents == 1 and not summary.ok
    articles = read_table(tmp_path / "out", "articles")
    assert len(articles) == 3  # the failed article's segmentation is kept
    assert set(read_table(tmp_path / "out", "casualties")["place"]) == {"Kabul", "Herat"}
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text())
    assert manifest["failed_documents"] == ["kandahar.txt"]


def test_same_files_under_other_names_and_order_give_the_same_tables_apart_from_ids(tmp_path):
    a = _write_corpus(tmp_path / "a")
    b = tmp_path / "b"
    b.mkdir()
    for name, new in (("kabul.txt", "z3.txt"), ("kandahar.txt", "a1.txt"), ("herat.txt", "m2.txt")):
        shutil.copy(a / name, b / new)
    ta, tb = extract(a), extract(b)
    for name in ("casualties", "mentions", "timexes", "sentences"):
        ids = [c for c in ta[name].columns if c.endswith("_id") or c in ("source", "casualty_ids")]
        key = [c for c in ta[name].columns if c not in ids]
        left = ta[name].drop(columns=ids).sort_values(key, kind="stable").reset_index(drop=True)
        right = tb[name].drop(columns=ids).sort_values(key, kind="stable").reset_index(drop=True)
        assert left.equals(right), name
