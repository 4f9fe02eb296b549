"""Defect 1: one huge paragraph (a 30 MB CSV cell, a dump without line breaks).

Builds one paragraph of N MB from the sample corpus's article bodies (line breaks turned
into spaces) and prints, per size: Punkt over the whole paragraph at once (the old way:
NLTK's regex scan stops with TimeoutError after 5 s), ``split_sentences`` (windows), the
other per-article extractors, and the whole pipeline on a CSV whose one cell is the
paragraph, next to a normal row. Figures are printed, never asserted.

    .venv/bin/python benchmarks/bench_huge_paragraph.py [--sizes 1 4 30] [--pipeline-sizes 0.25 1]
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from analysis_lib import SAMPLE_DIR
from analysis_lib.actors import find_article_actors
from analysis_lib.casualties import find_article_casualties
from analysis_lib.dates import find_dates
from analysis_lib.pipeline import extract
from analysis_lib.segment import split_articles
from analysis_lib.sentences import get_tokenizer, split_sentences


def build_paragraph(megabytes: float) -> str:
    """One line of about ``megabytes`` MB made of the sample articles' bodies."""
    bodies = [
        " ".join(a.body.split())
        for path in sorted(SAMPLE_DIR.glob("*.txt"))
        for a in split_articles(path.read_text(encoding="utf-8"))
    ]
    unit = " ".join(bodies) + " "
    return (unit * int(megabytes * 1e6 / len(unit) + 1))[: int(megabytes * 1e6)].rstrip()


def _timed(func):
    started = time.perf_counter()
    try:
        result = func()
    except Exception as error:  # the old way ends in TimeoutError: print it
        return f"{type(error).__name__}", time.perf_counter() - started
    return result, time.perf_counter() - started


def bench_sentences(megabytes: float) -> None:
    text = build_paragraph(megabytes)
    mb = len(text.encode()) / 1e6
    old, seconds = _timed(lambda: sum(1 for _ in get_tokenizer().span_tokenize(text)))
    print(f"{mb:6.1f} MB  Punkt on the whole paragraph: {old} in {seconds:.1f} s")
    sentences, seconds = _timed(lambda: split_sentences(text))
    print(
        f"{mb:6.1f} MB  split_sentences (windows): {len(sentences):,} sentences in "
        f"{seconds:.1f} s ({mb / seconds:.2f} MB/s)"
    )


def bench_extractors(megabytes: float) -> None:
    text = build_paragraph(megabytes)
    mb = len(text.encode()) / 1e6
    sentences = split_sentences(text)
    spans = [(s.start, s.end) for s in sentences]
    mentions, seconds = _timed(lambda: find_article_actors("a", text, [s for s, _ in spans]))
    print(f"{mb:6.1f} MB  actors: {len(mentions):,} in {seconds:.1f} s ({mb / seconds:.2f} MB/s)")
    found, seconds = _timed(lambda: find_dates(text, reference_date="2017-09-22"))
    print(f"{mb:6.1f} MB  dates: {len(found):,} in {seconds:.1f} s ({mb / seconds:.2f} MB/s)")
    found, seconds = _timed(
        lambda: find_article_casualties("a", text, spans, mentions, reference_date="2017-09-22")
    )
    print(f"{mb:6.1f} MB  casualties: {len(found):,} in {seconds:.1f} s ({mb / seconds:.2f} MB/s)")


def bench_pipeline(megabytes: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["title", "text"])
            writer.writerow(["One huge cell", build_paragraph(megabytes)])
            writer.writerow(["Normal row", "Boko Haram killed 40 people, Amnesty said."])
        tables, seconds = _timed(lambda: extract(path))
        if isinstance(tables, str):
            print(f"{megabytes:6.2f} MB  extract: {tables} after {seconds:.1f} s")
            return
        rows = ", ".join(f"{k} {len(v):,}" for k, v in tables.items())
        print(
            f"{megabytes:6.2f} MB  extract: {seconds:.1f} s ({megabytes / seconds:.3f} MB/s); {rows}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 4, 30])
    parser.add_argument("--pipeline-sizes", type=float, nargs="*", default=[0.25, 1])
    args = parser.parse_args()
    for size in args.sizes:
        bench_sentences(size)
    for size in args.sizes[:2]:
        bench_extractors(size)
    for size in args.pipeline_sizes:
        bench_pipeline(size)


if __name__ == "__main__":
    main()
