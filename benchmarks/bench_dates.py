"""Benchmark date finding: MB/s per core and expressions/s of find_dates on varied real text.

The texts are the documents of the shared dev data read at run time (never copied into
the project): MEANTIME (tokenized English news), WikiEvents (attack news), re3d
(Syria/Iraq reports) and MUC-4 TST3 (1989-90 wire copy in capitals), plus the bodies of
the sample articles. Each document gets a reference date (MEANTIME's ``dct``, the MUC
dateline's date, else a fixed 2017 date) so that relative expressions are resolved as in
the pipeline. Nothing is repeated to make the corpus bigger. Prints figures per source
and overall (best and median of several passes, the machine being shared) and the peak
memory; nothing is asserted. Without the dev data it says so and exits 0.

Run: ``.venv/bin/python benchmarks/bench_dates.py [--dev-data DIR] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from devdata import default_dev_dir

from analysis_lib import SAMPLE_DIR
from analysis_lib.dates import find_dates, parse_date

SOURCES = ("meantime.jsonl", "wikievents_dev.jsonl", "re3d_dev.jsonl", "muc4_tst3.jsonl")
FALLBACK_REFERENCE = "2017-09-15"


def reference_of(doc: dict) -> str:
    """The document's date: MEANTIME's dct, a MUC dateline's date, else a fixed date."""
    dct = doc.get("dct")
    if dct and len(dct) == 10 and dct[4] == "-":
        return dct
    first = doc["text"].lstrip().split("\n", 1)[0]
    if "," in first and "--" in first:
        value = parse_date(first.split(",", 1)[1].split("(")[0].split("--")[0])
        if value and len(value) == 10:
            return value
    return FALLBACK_REFERENCE


def load_texts(dev_dir: Path) -> list[tuple[str, str, str]]:
    """(source, text, reference date) of every dev document and sample article body."""
    texts = []
    for name in SOURCES:
        path = dev_dir / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    doc = json.loads(line)
                    texts.append((name.split("_")[0].split(".")[0], doc["text"], reference_of(doc)))
    if texts:
        from analysis_lib.pipeline import extract

        articles = extract(SAMPLE_DIR, actors=False)["articles"]
        for body in articles["body"]:
            texts.append(("sample", body, FALLBACK_REFERENCE))
    return texts


def run_pass(texts: list[tuple[str, str, str]]) -> tuple[float, int, dict[str, list[float]]]:
    """CPU seconds, expressions found and per-source (seconds, bytes, expressions)."""
    per_source: dict[str, list[float]] = {}
    total_cpu, total_found = 0.0, 0
    for source, text, ref in texts:
        started = time.process_time()
        found = len(find_dates(text, reference_date=ref))
        cpu = time.process_time() - started
        row = per_source.setdefault(source, [0.0, 0, 0])
        row[0] += cpu
        row[1] += len(text.encode("utf-8"))
        row[2] += found
        total_cpu += cpu
        total_found += found
    return total_cpu, total_found, per_source


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts")
    args = parser.parse_args(argv)
    texts = load_texts(args.dev_data)
    if not texts:
        print(f"skipped: no dev data in {args.dev_data} (it is not part of the project)")
        return 0
    size = sum(len(t.encode("utf-8")) for _, t, _ in texts)
    find_dates("warm-up on Friday, 22 September 2017", reference_date=FALLBACK_REFERENCE)
    passes = [run_pass(texts) for _ in range(max(1, args.repeat))]
    best = min(passes, key=lambda p: p[0])
    rates = sorted(size / 1e6 / p[0] for p in passes)
    cpu, found, per_source = best
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"find_dates on {len(texts)} texts, {size / 1e6:.2f} MB (no text repeated):")
    for source, (seconds, nbytes, count) in sorted(per_source.items()):
        print(
            f"  {source:10} {nbytes / 1e6:6.3f} MB  {nbytes / 1e6 / seconds:6.2f} MB/s  "
            f"{count:6d} expressions  {count / seconds:8.0f} expressions/s"
        )
    print(
        f"overall: best {rates[-1]:.2f} MB/s per core (median of {len(passes)} passes "
        f"{rates[len(rates) // 2]:.2f}), {found} expressions, {found / cpu:.0f} expressions/s; "
        f"peak RSS {peak:.0f} MB (target: >= 5 MB/s per core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
