"""Benchmark casualty extraction: MB/s per core and statements/s on varied real text.

The texts are the documents of the shared dev data, read at run time and never copied
into the project: MEANTIME (general news), WikiEvents (attack news), re3d (Syria/Iraq
reports), MUC-4 TST3 (1989-90 wire copy in capitals) and PLOVER sentences, plus the
bodies of the sample articles. Nothing is repeated to make the corpus bigger.

Two figures:

* **casualty step**: :func:`~analysis_lib.casualties.find_article_casualties` given each
  document's sentences and actor mentions, as the pipeline calls it (the target: at
  least 5 MB/s per core). Sentences and mentions are computed beforehand, untimed.
* **end to end**: :func:`~analysis_lib.casualties.find_casualties` on the raw text,
  which also splits sentences and finds actors.

Prints best and median of several passes (the machine is shared), the share of
sentences that pass the trigger-word pre-filter, and peak memory; nothing is asserted.
Without the dev data it says so and exits 0.

Run: ``.venv/bin/python benchmarks/bench_casualties.py [--dev-data DIR] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

from devdata import default_dev_dir

from analysis_lib import SAMPLE_DIR
from analysis_lib.actors import find_actors
from analysis_lib.casing import restore_case
from analysis_lib.casualties import find_article_casualties, find_casualties, has_hint
from analysis_lib.sentences import split_sentences

SOURCES = (
    "meantime.jsonl",
    "wikievents_dev.jsonl",
    "re3d_dev.jsonl",
    "muc4_tst3.jsonl",
    "plover_counts.jsonl",
)


def load_texts(dev_dir: Path) -> list[tuple[str, str]]:
    """(source, text) of every dev document and sample article body."""
    texts = []
    for name in SOURCES:
        path = dev_dir / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        texts.append((name.split("_")[0].split(".")[0], json.loads(line)["text"]))
    if texts:
        from analysis_lib.pipeline import extract

        for body in extract(SAMPLE_DIR, actors=False)["articles"]["body"]:
            texts.append(("sample", body))
    return texts


def prepare(texts: list[tuple[str, str]]) -> list[tuple[str, str, list, list]]:
    """Sentences and mentions of every text, as the pipeline would have them."""
    prepared = []
    for source, text in texts:
        sentences = [(s.start, s.end) for s in split_sentences(restore_case(text))]
        prepared.append((source, text, sentences, find_actors(text)))
    return prepared


def time_step(prepared) -> tuple[float, int]:
    """CPU seconds and statements of one pass of the casualty step."""
    started = time.process_time()
    found = 0
    for _, text, sentences, mentions in prepared:
        found += len(find_article_casualties("", text, sentences, mentions))
    return time.process_time() - started, found


def time_end_to_end(texts) -> tuple[float, int]:
    """CPU seconds and statements of one pass of find_casualties on raw text."""
    started = time.process_time()
    found = sum(len(find_casualties(text)) for _, text in texts)
    return time.process_time() - started, found


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    texts = load_texts(args.dev_data)
    if not texts:
        print(f"dev data not found at {args.dev_data}: skipping the casualty benchmark")
        return 0
    megabytes = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    prepared = prepare(texts)
    sentences = sum(len(p[2]) for p in prepared)
    hinted = sum(has_hint(text[s:e]) for _, text, spans, _ in prepared for s, e in spans)
    time_step(prepared)  # warm the lexicon and resource caches once
    steps = [time_step(prepared) for _ in range(args.repeat)]
    ends = [time_end_to_end(texts) for _ in range(max(1, args.repeat // 2))]
    step_seconds = [s for s, _ in steps]
    end_seconds = [s for s, _ in ends]
    print(f"{len(texts)} documents, {megabytes:.2f} MB, {sentences} sentences "
          f"({hinted / sentences:.0%} pass the trigger-word pre-filter)")  # fmt: skip
    print(
        f"casualty step: best {megabytes / min(step_seconds):.1f} MB/s per core, "
        f"median {megabytes / statistics.median(step_seconds):.1f}; "
        f"{steps[0][1]} statements, {steps[0][1] / min(step_seconds):,.0f} statements/s"
    )
    print(
        f"end to end (sentences + actors + casualties): best "
        f"{megabytes / min(end_seconds):.2f} MB/s per core, "
        f"median {megabytes / statistics.median(end_seconds):.2f}"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
