"""Benchmark actor finding: resource loading, then MB/s and mentions/s on a long corpus.

Uses the article bodies of the benchmark dump built by ``bench_segment.py`` (varied
copies of the sample corpus); builds a small dump itself if none exists. Resource
loading (CSV/TSV files -> two Aho-Corasick automata and lookups) is timed separately
from finding. Because the dump repeats the sample's names, it also times unseen, varied
news text: the documents of the shared dev data (``../shared/dev-data/*.jsonl``, read at
run time, never copied), first with nothing remembered from earlier texts (cold), then
again. Prints figures only; nothing is asserted.

Run: ``.venv/bin/python benchmarks/bench_actors.py [--mb 20] [--dev-data DIR]``
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import sys
import time
from pathlib import Path

from devdata import default_dev_dir

HERE = Path(__file__).resolve().parent


def load_bodies(megabytes: float) -> list[str]:
    """Article bodies from the benchmark dump, about ``megabytes`` MB of them."""
    from analysis_lib.corpus import read_text
    from analysis_lib.segment import segment_text

    dumps = sorted(HERE.glob("_data/*mb/dump.txt"), key=lambda p: p.stat().st_size)
    if not dumps:
        import subprocess

        subprocess.run([sys.executable, str(HERE / "bench_segment.py"), "--quick"], check=True)
        dumps = sorted(HERE.glob("_data/*mb/dump.txt"), key=lambda p: p.stat().st_size)
    dump = next((d for d in dumps if d.stat().st_size >= megabytes * 1e6), dumps[-1])
    text, _ = read_text(dump)
    text = text[: int(megabytes * 1.2e6)]
    bodies, size = [], 0
    for article in segment_text(text, source=dump.name).articles:
        bodies.append(article.body)
        size += len(article.body.encode("utf-8"))
        if size >= megabytes * 1e6:
            break
    return bodies


def load_dev_texts(dev_dir: Path) -> list[str]:
    """The ``text`` of every document of the dev-data JSON lines files (empty if absent)."""
    texts = []
    for path in sorted(dev_dir.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            texts.extend(json.loads(line).get("text") or "" for line in handle if line.strip())
    return [t for t in texts if t]


def time_dev_texts(texts: list[str], lexicon, repeat: int) -> None:
    """Print MB/s on varied unseen text: a cold pass, then the best of ``repeat`` passes."""
    from analysis_lib.actors import find_actors

    size = sum(len(t.encode("utf-8")) for t in texts)
    fresh = dataclasses.replace(lexicon)  # the same data, nothing remembered from other texts
    rates = []
    for _ in range(max(1, repeat)):
        cpu = time.process_time()
        results = [find_actors(t, lexicon=fresh) for t in texts]
        rates.append(size / 1e6 / (time.process_time() - cpu))
    mentions = sum(map(len, results))
    print(
        f"varied dev text ({len(texts)} documents, {size / 1e6:.2f} MB, {mentions} mentions): "
        f"cold {rates[0]:.2f} MB/s per core, best of {len(rates)} passes {max(rates):.2f}"
    )
    changed = sum(
        find_actors(t, lexicon=dataclasses.replace(lexicon)) != found
        for t, found in zip(texts, results, strict=True)
    )
    print(f"order check: {changed} of {len(texts)} documents differ alone and after all the others")


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="megabytes of article text")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the text")
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    args = parser.parse_args(argv)

    bodies = load_bodies(args.mb)
    size = sum(len(b.encode("utf-8")) for b in bodies)

    started = time.perf_counter()
    from analysis_lib.actors import find_actors, find_dictionary_actors
    from analysis_lib.lexicon import load_lexicon

    lexicon = load_lexicon()
    load_seconds = time.perf_counter() - started
    print(f"resources: loaded in {load_seconds:.2f} s (import + build), sizes {lexicon.sizes}")

    started, cpu = time.perf_counter(), time.process_time()
    dictionary = sum(len(find_dictionary_actors(b, lexicon=lexicon)) for b in bodies)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"dictionary stage: {size / 1e6 / cpu:.1f} MB/s on one core ({dictionary} mentions)")

    dev_texts = load_dev_texts(args.dev_data)
    if dev_texts:
        time_dev_texts(dev_texts, lexicon, args.repeat + 2)
    else:
        print(f"varied dev text: skipped ({args.dev_data} not found)")

    rates = []
    for _ in range(args.repeat):  # the machine is shared: report the best and the median pass
        started, cpu = time.perf_counter(), time.process_time()
        mentions = sum(len(find_actors(b, lexicon=lexicon)) for b in bodies)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        rates.append((size / 1e6 / cpu, cpu, wall))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    best, cpu, wall = max(rates)
    median = sorted(r[0] for r in rates)[len(rates) // 2]
    print(
        f"find_actors on {len(bodies)} articles, {size / 1e6:.1f} MB: best {best:.2f} MB/s per core "
        f"(median of {len(rates)} passes {median:.2f}; cpu {cpu:.1f} s, wall {wall:.1f} s), "
        f"{len(bodies) / cpu:.0f} articles/s, {mentions / cpu:.0f} mentions/s; peak RSS {peak:.0f} MB"
    )
    print("target: >= 5 MB/s per core for actor finding (resources loaded once, not counted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
