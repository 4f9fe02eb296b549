"""Benchmark casualty de-duplication: statements/s of the tally step as corpora grow.

:func:`~analysis_lib.tallies.group_events` compares each statement only with the events
that share an anchor with it (an index on perpetrator, place and date), so its cost
should grow close to linearly. Two inputs:

* **real statements**: every statement found in the shared dev data (read at run time,
  never copied), the bodies of the sample articles included; skipped without dev data.
* **synthetic corpora** of 5,000, 20,000 and 50,000 statements drawn at random from a
  few hundred places, forty perpetrators, the days, months and years of 2017 and
  figures 1-200, with a quarter of dates only a year and half the places only a
  dateline: a hard case, since such statements may match many events.

Prints statements/s (best and median of several passes) and peak memory; nothing is
asserted.

Run: ``.venv/bin/python benchmarks/bench_tallies.py [--dev-data DIR] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from analysis_lib.casualties import find_casualties
from analysis_lib.tallies import group_events, tally_casualties

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_casualties import load_texts
from devdata import default_dev_dir


def real_statements(dev_dir: Path) -> list[dict]:
    """Casualty statements of the dev documents, one article id per document."""
    rows = []
    for n, (_, text) in enumerate(load_texts(dev_dir)):
        for c in find_casualties(text, reference_date="2017-06-15"):
            rows.append(c._replace(article_id=f"doc{n:05d}#001")._asdict())
    return rows


def synthetic_statements(count: int, seed: int = 1) -> list[dict]:
    """Random statements with many near-collisions (see the module docstring)."""
    rng = random.Random(seed)
    places = [f"Place {k}" for k in range(300)]
    perpetrators = [None] * 5 + [f"Group {k}" for k in range(40)]
    rows = []
    for n in range(count):
        figure = rng.randint(1, 200)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        date = rng.choice([None, "2017", f"2017-{month:02d}", f"2017-{month:02d}-{day:02d}"])
        rows.append(
            dict(
                category=rng.choice(["killed", "injured", "arrested"]),
                count_low=figure,
                count_high=figure,
                qualifier="exact",
                perpetrator=rng.choice(perpetrators),
                victim_type="people",
                place=rng.choice([*places, None]),
                place_source=rng.choice(["sentence", "dateline"]),
                date=date,
                is_cumulative=False,
                is_subset=False,
                article_id=f"a{n // 2:06d}#001",
                source="",
                evidence=f"statement {n}",
                start=n,
            )
        )
    return rows


def time_tally(rows: list[dict], repeat: int) -> tuple[float, float, int]:
    """Best and median seconds of :func:`tally_casualties`, and the number of events."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        tally_casualties(rows)
        seconds.append(time.perf_counter() - start)
    return min(seconds), statistics.median(seconds), len(group_events(rows))


def main(argv: list[str] | None = None) -> int:
    """Print the figures; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    inputs = []
    if args.dev_data.exists():
        inputs.append(("real statements (dev data)", real_statements(args.dev_data)))
    else:
        print(f"no dev data at {args.dev_data}: real statements skipped")
    inputs += [(f"synthetic {n:,}", synthetic_statements(n)) for n in (5_000, 20_000, 50_000)]
    print(
        f"{'input':28} {'statements':>10} {'events':>8} {'best s':>8} {'stmts/s':>9} {'median':>9}"
    )
    for name, rows in inputs:
        best, median, events = time_tally(rows, args.repeat)
        print(
            f"{name:28} {len(rows):>10,} {events:>8,} {best:>8.2f} "
            f"{len(rows) / best:>9,.0f} {len(rows) / median:>9,.0f}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole process): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
