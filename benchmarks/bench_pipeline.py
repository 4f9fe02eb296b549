"""Benchmark the whole pipeline on varied real text: per stage, 1 vs 2 workers, memory, floor.

The corpus (default 20 MB) is assembled by ``make_bench_corpus.py`` from the shared dev
data (read at run time, never copied into the project), recombined and perturbed so that
names, places, numbers and most sentences keep changing (see that script's docstring):
no document is simply repeated, so memos and caches do not flatter the figures.

What it prints, and writes to ``benchmarks/_data/bench_pipeline.json``:

* **floor**: one ``re.findall(r"\\w+", text)`` pass over every file of the corpus, the
  cheapest conceivable pass over the same text; every figure is also given as a
  multiple of its time (``x floor``).
* **startup**: importing the library, building its resources (lexicon, Punkt) and one
  run over the bundled sample (resources that load on first use), once per process
  and not counted in any timing below; worker processes of an engine load theirs
  inside the timed run, as they would in real use.
* **stages**: ``extract(corpus, engine="serial")`` in a fresh process, with the
  pipeline's calls to each stage's function timed (load, segment, date articles,
  sentences, actors, dates, casualties, events, MinHash signatures, and the corpus-level
  near-duplicates, aliases, tallies, event groups and table building); ``other`` is the
  rest of ``extract`` (row dicts, hashing, bookkeeping). Per stage: CPU seconds, MB/s
  per worker (corpus MB / stage CPU seconds), articles/s, share of the whole, x floor.
* **whole pipeline**: ``extract`` unpatched, each configuration in a fresh process:
  ``engine="serial"``, then ``engine="processes"`` with 1 and with 2 workers (the
  speed-up is 1 -> 2 workers of the same engine; wall time, MB/s per worker).
  Without an ``engine`` parameter in ``extract`` (an older library), a stand-in of the
  benchmark's own runs instead: a ``ProcessPoolExecutor`` over ~1 MB chunks of files,
  each calling ``extract`` on its chunk, so corpus-level steps run per chunk.
  ``--out`` adds the parallel run streaming its tables to ``out=DIR`` (a fresh folder).
  The tables of every run are hashed and compared with the serial run's.
* **peak memory**: the largest sum of resident memory over the process tree (the
  run's process and its workers), sampled every 50 ms with psutil, and each process's
  own ``ru_maxrss``.

The checkout is shared: the library's files are hashed before and after each run and a
warning says when they changed (runs are then not comparable); the JSON names the commit
and the library files modified in the working tree. The load average at the start of
each run is printed: other processes on the machine slow the wall times.

Targets (issue 9): whole pipeline >= 2 MB/s per worker; >= 1.7x with 2 workers; peak
memory < 1 GB. Printed, never asserted. Without the dev data it says so and exits 0.

``--profile`` also runs cProfile over the serial pipeline on a slice of the corpus
(every k-th file, ``--profile-mb``) and prints the top costs per stage; the raw profile
is saved to ``benchmarks/_data/bench_pipeline.prof`` (``python -m pstats``).

Run: ``.venv/bin/python benchmarks/bench_pipeline.py [--mb 20] [--repeat 1] [--profile] [--out]``
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import inspect
import json
import os
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_bench_corpus import (  # noqa: E402
    DATA_ROOT,
    MB,
    SAMPLE_DIR,
    SEED,
    build_corpus,
    default_dev_dir,
)

RESULT_PREFIX = "BENCH-RESULT "
TARGET_MB_S = 2.0
TARGET_SPEEDUP = 1.7
TARGET_PEAK_MB = 1000.0
#: (stage, names in ``analysis_lib.pipeline`` whose calls it times), in pipeline order.
STAGES = (
    ("load", ("iter_documents",)),
    ("segment", ("segment_text", "segment_documents")),
    ("date articles", ("date_articles",)),
    ("sentences", ("split_sentences",)),
    ("actors", ("find_article_actors",)),
    ("dates", ("find_dates",)),
    ("casualties", ("find_article_casualties",)),
    ("events", ("find_article_events",)),
    ("signatures", ("minhash_signature",)),
    ("near-duplicates", ("match_duplicates", "find_duplicates")),
    ("aliases", ("count_full_names", "corpus_alias_map", "apply_corpus_aliases",
                 "resolve_corpus_aliases")),
    ("tallies", ("tally_casualties",)),
    ("event groups", ("reduce_events",)),
    ("tables", ("to_frame", "empty_frame")),
)  # fmt: skip
#: Library modules -> stage, for the profile (builtins count for their caller).
MODULE_STAGES = {
    "corpus": "load", "metadata": "date articles", "segment": "segment", "layouts": "segment",
    "places": "segment", "sentences": "sentences", "actors": "actors", "names": "actors",
    "lexicon": "actors", "casing": "actors", "spacy_backend": "actors", "dates": "dates",
    "casualties": "casualties", "numbers": "casualties", "events": "events",
    "tallies": "tallies", "schemas": "tables", "pipeline": "other", "store": "other",
    "engines": "other", "records": "other",
}  # fmt: skip


# --------------------------------------------------------------------------- helpers


def corpus_files(texts: Path) -> list[Path]:
    """The corpus files in the order ``extract`` reads a folder (sorted, recursive)."""
    return sorted(p for p in texts.rglob("*") if p.is_file())


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory (``ru_maxrss``) of this process or its waited-for children, MB."""
    rss = resource.getrusage(who).ru_maxrss
    return rss / MB if sys.platform == "darwin" else rss * 1024 / MB


def measure_floor(files: list[Path], repeat: int = 3) -> dict:
    """One ``re.findall(r"\\w+")`` pass over every file's text: the best of ``repeat``."""
    texts = [p.read_text(encoding="utf-8") for p in files]
    word = re.compile(r"\w+")
    best, words = float("inf"), 0
    for _ in range(repeat):
        started = time.process_time()
        words = sum(len(word.findall(t)) for t in texts)
        best = min(best, time.process_time() - started)
    size = sum(p.stat().st_size for p in files)
    return {"cpu_s": best, "mb_s": size / MB / best, "words": words}


class TreeMemory:
    """Samples the summed RSS of a process and its descendants in a thread (psutil)."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval = pid, interval
        self.peak_mb = 0.0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:  # ru_maxrss figures remain
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            total, count = 0, 0
            try:
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        total += proc.memory_info().rss
                        count += 1
                    except psutil.NoSuchProcess:
                        pass
            except psutil.NoSuchProcess:
                return
            if total / MB > self.peak_mb:
                self.peak_mb, self.peak_processes = total / MB, count
            self._stop.wait(self.interval)


def code_fingerprint() -> str:
    """A hash of the library's files: runs are comparable only with the same code."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted((HERE.parent / "analysis_lib").rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def git_state() -> dict:
    """The commit and the library files modified in the working tree (empty without git)."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=HERE.parent, capture_output=True, text=True, check=True
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return ""

    modified = git("status", "--porcelain", "--", "analysis_lib").splitlines()
    return {
        "commit": git("rev-parse", "--short", "HEAD").strip(),
        "modified": [m[3:] for m in modified],
    }


def run_child(args: list[str]) -> dict:
    """Run this script in a fresh process for one measurement; its result and memory."""
    code = code_fingerprint()
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as memory:
        out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"measurement {args} failed (exit {proc.returncode})")
    lines = [x for x in out.splitlines() if x.startswith(RESULT_PREFIX)]
    for line in out.splitlines():
        if not line.startswith(RESULT_PREFIX):
            print(line)
    result = json.loads(lines[-1][len(RESULT_PREFIX) :])
    result["tree_peak_mb"] = round(memory.peak_mb, 1)
    result["tree_peak_processes"] = memory.peak_processes
    after = code_fingerprint()
    result["code"] = code if code == after else f"{code} -> {after} (changed during the run)"
    return result


def emit(result: dict) -> None:
    """Hand a child's result to the parent (one line on stdout)."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)


# --------------------------------------------------------------------------- children


def warm_up() -> float:
    """Import the pipeline and build its resources; the seconds it took."""
    started = time.perf_counter()
    import analysis_lib.pipeline
    from analysis_lib.lexicon import load_lexicon
    from analysis_lib.names import get_name_finder
    from analysis_lib.sentences import get_tokenizer

    get_name_finder(load_lexicon())
    get_tokenizer()
    # Resources that load on first use (place gazetteer, coordinates, …): one small run.
    analysis_lib.pipeline.extract(SAMPLE_DIR)
    return time.perf_counter() - started


class StageClock:
    """Times the pipeline's calls to each stage's function (patched into its namespace).

    A call made while another timed call runs counts for the outer one only, so that no
    time is counted twice.
    """

    def __init__(self, module) -> None:
        self.module = module
        self.seen: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])  # wall, cpu, calls
        self.names: dict[str, list[str]] = {}
        self.depth = 0

    def install(self) -> None:
        for stage, names in STAGES:
            for name in names:
                func = getattr(self.module, name, None)
                if callable(func):
                    wrap = self._gen if inspect.isgeneratorfunction(func) else self._call
                    setattr(self.module, name, wrap(stage, func))
                    self.names.setdefault(stage, []).append(name)

    def _measure(self, stage: str, step):
        if self.depth:
            return step()
        row = self.seen[stage]
        self.depth += 1
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return step()
        finally:
            self.depth -= 1
            row[0] += time.perf_counter() - wall
            row[1] += time.process_time() - cpu
            row[2] += 1

    def _call(self, stage: str, func):
        @functools.wraps(func)
        def timed(*args, **kwargs):
            return self._measure(stage, lambda: func(*args, **kwargs))

        return timed

    def _gen(self, stage: str, func):
        done = object()

        @functools.wraps(func)
        def timed(*args, **kwargs):
            iterator = func(*args, **kwargs)
            while (item := self._measure(stage, lambda: next(iterator, done))) is not done:
                yield item

        return timed


def engine_kwargs(extract, engine: str, workers: int) -> dict | None:
    """Keyword arguments that select the engine, or None when ``extract`` has no engines."""
    params = inspect.signature(extract).parameters
    if "engine" not in params:
        return None
    return {"engine": engine, **({"workers": workers} if "workers" in params else {})}


def child_stages(texts: Path) -> dict:
    """Serial run with per-stage clocks."""
    startup = warm_up()
    import analysis_lib.pipeline as pipeline

    clock = StageClock(pipeline)
    clock.install()
    kwargs = engine_kwargs(pipeline.extract, "serial", 1) or {}
    wall, cpu = time.perf_counter(), time.process_time()
    tables = pipeline.extract(texts, **kwargs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "startup_s": startup,
        "wall_s": wall,
        "cpu_s": cpu,
        "stages": {
            s: dict(zip(("wall_s", "cpu_s", "calls"), v, strict=True))
            for s, v in clock.seen.items()
        },
        "functions": clock.names,
        "rows": {name: len(frame) for name, frame in tables.items()},
        "max_rss_mb": max_rss_mb(),
    }


def table_digests(tables: dict) -> dict[str, str]:
    """A short content hash per table (rows, values and order), to compare runs."""
    import hashlib

    import pandas as pd

    digests = {}
    for name, frame in tables.items():
        values = pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy()
        digests[name] = hashlib.sha1(values.tobytes()).hexdigest()[:12]
    return digests


def child_whole(texts: Path, mode: str, workers: int, out: Path | None = None) -> dict:
    """One unpatched run: ``extract`` with an engine, or the stand-in over file chunks."""
    startup = warm_up()
    from analysis_lib.pipeline import extract

    load = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    if mode == "standin":
        tables = _standin(texts, workers)
    else:
        kwargs = engine_kwargs(extract, mode, workers) or {}
        tables = extract(texts, **kwargs, **({"out": out} if out else {}))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if out:  # a RunSummary: the tables are on disk
        rows, digests = dict(tables.tables), {}
    else:
        rows = {name: len(frame) for name, frame in tables.items()}
        digests = table_digests(tables)
    return {
        "startup_s": startup,
        "load_average_at_start": load,
        "wall_s": wall,
        "cpu_s": cpu,
        "workers_cpu_s": sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
        "rows": rows,
        "digests": digests,
        "max_rss_mb": max_rss_mb(),
        "max_child_rss_mb": max_rss_mb(resource.RUSAGE_CHILDREN),
    }


def _extract_chunk(paths: list[str]) -> dict:
    from analysis_lib.pipeline import extract

    return extract(paths)


def _standin(texts: Path, workers: int) -> dict:
    """The benchmark's own stand-in for an engine: ~1 MB chunks of files in a process pool."""
    from concurrent.futures import ProcessPoolExecutor

    import pandas as pd

    chunks, chunk, size = [], [], 0
    for path in corpus_files(texts):
        chunk.append(str(path))
        size += path.stat().st_size
        if size >= MB:
            chunks.append(chunk)
            chunk, size = [], 0
    chunks += [chunk] if chunk else []
    with ProcessPoolExecutor(workers) as pool:
        parts = list(pool.map(_extract_chunk, chunks))
    return {k: pd.concat([p[k] for p in parts], ignore_index=True) for k in parts[0]}


def child_profile(texts: Path, megabytes: float, prof_path: Path) -> dict:
    """cProfile of the serial pipeline over every k-th file (about ``megabytes`` MB)."""
    warm_up()
    from analysis_lib.pipeline import extract

    files = corpus_files(texts)
    total = sum(p.stat().st_size for p in files)
    step = max(1, round(total / (megabytes * MB)))
    chosen = [str(p) for p in files[::step]]
    size = sum(Path(p).stat().st_size for p in chosen)
    profiler = cProfile.Profile()
    profiler.enable()
    extract(chosen, **(engine_kwargs(extract, "serial", 1) or {}))
    profiler.disable()
    profiler.dump_stats(prof_path)
    return {
        "mb": size / MB,
        "files": len(chosen),
        **summarize_profile(pstats.Stats(str(prof_path))),
    }


# --------------------------------------------------------------------------- profile summary


def _module_stage(filename: str) -> str | None:
    path = filename.replace("\\", "/")
    if "/analysis_lib/" in path:
        return MODULE_STAGES.get(Path(path).stem, "other")
    if "/nltk/" in path or "/punkt" in path:
        return "sentences"
    if "/ahocorasick" in path:
        return "actors"
    if any(f"/{lib}/" in path for lib in ("pandas", "pyarrow", "numpy")):
        return "tables"
    return None  # builtins and the standard library count for their callers


def _label(func: tuple) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    return f"{Path(filename).stem}.py:{line}:{name}"


def summarize_profile(stats: pstats.Stats, top: int = 6) -> dict:
    """Own time per stage (builtins and stdlib charged to their nearest library caller)."""
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values())
    by_stage: dict[str, float] = defaultdict(float)
    by_func: dict[tuple[str, str], float] = defaultdict(float)

    def charge(func: tuple, seconds: float, via: str, depth: int = 0) -> None:
        stage = _module_stage(func[0])
        if stage is not None or depth > 6:
            stage = stage or "other"
            by_stage[stage] += seconds
            by_func[(stage, via or _label(func))] += seconds
            return
        callers = raw[func][4] if func in raw else {}
        weight = sum(c[2] for c in callers.values()) or sum(c[1] for c in callers.values())
        if not callers or not weight:
            by_stage["other"] += seconds
            by_func[("other", via or _label(func))] += seconds
            return
        for caller, info in callers.items():
            share = (info[2] if sum(c[2] for c in callers.values()) else info[1]) / weight
            label = via or f"{_label(func)} <- {_label(caller)}"
            charge(caller, seconds * share, label, depth + 1)

    for func, (_, _, tottime, _, _) in raw.items():
        if tottime > 0:
            charge(func, tottime, "")
    stages = {s: round(v, 3) for s, v in sorted(by_stage.items(), key=lambda kv: -kv[1])}
    tops: dict[str, list] = {}
    for (stage, label), seconds in sorted(by_func.items(), key=lambda kv: -kv[1]):
        if len(tops.setdefault(stage, [])) < top:
            tops[stage].append([label, round(seconds, 3)])
    return {"profiled_s": round(total, 3), "by_stage": stages, "top": tops}


# --------------------------------------------------------------------------- report


def stage_rows(stages: dict, whole_cpu: float, corpus_mb: float, articles: int, floor: float):
    """Table rows: stage, cpu s, MB/s per worker, articles/s, share, x floor."""
    rows = []
    for stage, _ in STAGES:
        if stage in stages and stages[stage]["calls"]:
            cpu = stages[stage]["cpu_s"]
            rows.append(_row(stage, cpu, corpus_mb, articles, whole_cpu, floor))
    other = whole_cpu - sum(s["cpu_s"] for s in stages.values())
    rows.append(_row("other", max(other, 0.0), corpus_mb, articles, whole_cpu, floor))
    rows.append(_row("whole (serial)", whole_cpu, corpus_mb, articles, whole_cpu, floor))
    return rows


def _row(name, cpu, corpus_mb, articles, whole_cpu, floor) -> dict:
    return {
        "stage": name,
        "cpu_s": round(cpu, 3),
        "mb_s_per_worker": round(corpus_mb / cpu, 2) if cpu else None,
        "articles_s": round(articles / cpu, 1) if cpu else None,
        "share": round(cpu / whole_cpu, 4) if whole_cpu else None,
        "x_floor": round(cpu / floor, 1),
    }


def print_stage_table(rows: list[dict]) -> None:
    print(
        f"{'stage':18} {'cpu s':>8} {'MB/s/worker':>12} {'articles/s':>11} {'share':>7} {'x floor':>8}"
    )
    for r in rows:
        mbs = f"{r['mb_s_per_worker']:.2f}" if r["mb_s_per_worker"] else "-"
        arts = f"{r['articles_s']:.0f}" if r["articles_s"] else "-"
        print(
            f"{r['stage']:18} {r['cpu_s']:8.2f} {mbs:>12} {arts:>11} "
            f"{r['share']:7.1%} {r['x_floor']:8.0f}"
        )


def print_profile(profile: dict) -> None:
    print(
        f"\nprofile (cProfile, serial, {profile['mb']:.1f} MB in {profile['files']} files; "
        f"{profile['profiled_s']:.1f} s of own time, builtins charged to their callers):"
    )
    for stage, seconds in profile["by_stage"].items():
        print(f"  {stage:16} {seconds:7.2f} s {seconds / profile['profiled_s']:6.1%}")
        for label, sec in profile["top"].get(stage, [])[:4]:
            print(f"      {sec:7.2f} s  {label}")


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the corpus, run the measurements, print and save them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (1e6 bytes)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--dev-data", type=Path, default=default_dev_dir())
    parser.add_argument("--rebuild", action="store_true", help="rebuild the corpus")
    parser.add_argument("--repeat", type=int, default=1, help="runs per configuration (best kept)")
    parser.add_argument("--workers", type=int, default=2, help="the parallel configuration")
    parser.add_argument("--profile", action="store_true", help="also profile the serial run")
    parser.add_argument("--profile-mb", type=float, default=4.0)
    parser.add_argument(
        "--out", action="store_true", help="also time the parallel run streaming to out=DIR"
    )
    parser.add_argument("--json", type=Path, default=DATA_ROOT / "bench_pipeline.json")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:  # one measurement in this fresh process
        if args.child == "stages":
            emit(child_stages(args.texts))
        elif args.child == "profile":
            emit(child_profile(args.texts, args.profile_mb, DATA_ROOT / "bench_pipeline.prof"))
        elif args.out:  # a fresh folder: nothing cached from an earlier run
            with tempfile.TemporaryDirectory(dir=DATA_ROOT) as tmp:
                emit(child_whole(args.texts, args.child, args.workers, Path(tmp) / "tables"))
        else:
            emit(child_whole(args.texts, args.child, args.workers))
        return 0

    corpus = build_corpus(args.mb, seed=args.seed, dev_dir=args.dev_data, rebuild=args.rebuild)
    if corpus is None:
        print(f"dev data not found at {args.dev_data}: skipping the pipeline benchmark")
        return 0
    texts, manifest = corpus.texts, corpus.manifest
    files = corpus_files(texts)
    corpus_mb = sum(p.stat().st_size for p in files) / MB
    print(
        f"corpus: {corpus_mb:.1f} MB in {len(files)} files ({texts.relative_to(HERE.parent)}), "
        f"{manifest['articles']} articles; distinct sentences "
        f"{manifest['distinct_sentence_share']:.1%} of {manifest['sentences']}"
    )
    floor = measure_floor(files)
    print(f"floor: re.findall(r'\\w+') {floor['mb_s']:.1f} MB/s ({floor['cpu_s']:.2f} s)")

    base = ["--texts", str(texts)]

    def best_of(child_args: list[str]) -> dict:
        runs = [run_child(base + child_args) for _ in range(max(1, args.repeat))]
        best = min(runs, key=lambda r: r["wall_s"])
        best["walls_s"] = [round(r["wall_s"], 2) for r in runs]
        best["tree_peak_mb"] = max(r["tree_peak_mb"] for r in runs)
        best["code"] = " / ".join(sorted({r["code"] for r in runs}))
        return best

    stages = run_child([*base, "--child", "stages"])
    articles = stages["rows"]["articles"]
    print(f"startup (imports + resources, once per process): {stages['startup_s']:.2f} s")
    print(
        f"\nper stage, serial, {corpus_mb:.1f} MB, {articles} articles "
        f"(stage clocks on; wall {stages['wall_s']:.1f} s):"
    )
    rows = stage_rows(stages["stages"], stages["cpu_s"], corpus_mb, articles, floor["cpu_s"])
    print_stage_table(rows)

    from analysis_lib.pipeline import extract

    has_engines = engine_kwargs(extract, "serial", 1) is not None
    parallel = "processes" if has_engines else "standin"
    if not has_engines:
        print("\nextract has no engine parameter: 1 vs N workers use the benchmark's own stand-in")
    configs = [("serial", ["serial", 1]), (f"{parallel} x1", [parallel, 1])]
    configs.append((f"{parallel} x{args.workers}", [parallel, args.workers]))
    if args.out and "out" in inspect.signature(extract).parameters:
        configs.append((f"{parallel} x{args.workers} out=", [parallel, args.workers, "out"]))
    whole = {}
    print(f"\nwhole pipeline ({args.repeat} run(s) each, best wall kept; fresh process each):")
    print(
        f"{'run':20} {'wall s':>7} {'MB/s/worker':>11} {'articles/s':>10} {'x floor':>7} "
        f"{'main cpu':>8} {'workers cpu':>11} {'peak MB':>7} {'load':>5}"
    )
    for name, (mode, workers, *out) in configs:
        child = ["--child", mode, "--workers", str(workers), *(["--out"] if out else [])]
        r = best_of(child)
        r["mb_s_per_worker"] = corpus_mb / r["wall_s"] / workers
        r["articles_s"] = r["rows"]["articles"] / r["wall_s"]
        r["x_floor"] = r["wall_s"] * workers / floor["cpu_s"]
        whole[name] = r
        print(
            f"{name:20} {r['wall_s']:7.1f} {r['mb_s_per_worker']:11.2f} {r['articles_s']:10.0f} "
            f"{r['x_floor']:7.0f} {r['cpu_s']:8.1f} {r['workers_cpu_s']:11.1f} "
            f"{r['tree_peak_mb']:7.0f} {r['load_average_at_start']:5.1f}"
        )
    one, many = whole[configs[1][0]], whole[configs[2][0]]
    speedup = one["wall_s"] / many["wall_s"]
    serial = whole["serial"]
    differ = sorted(
        {
            f"{table} ({name})"
            for name, r in whole.items()
            for table, digest in r["digests"].items()
            if digest != serial["digests"].get(table)
        }
    )
    peak = max(r["tree_peak_mb"] for r in [*whole.values(), stages])
    print(
        f"\nspeed-up 1 -> {args.workers} workers: {speedup:.2f}x (target >= {TARGET_SPEEDUP}x); "
        f"tables equal to the serial run's: {'all' if not differ else 'not ' + ', '.join(differ)}"
    )
    print(
        f"serial: {serial['mb_s_per_worker']:.2f} MB/s per worker (target >= {TARGET_MB_S}); "
        f"{serial['x_floor']:.0f}x the regex floor"
    )
    print(
        f"peak memory (process tree, sampled): {peak:.0f} MB (target < {TARGET_PEAK_MB:.0f} MB); "
        f"serial process ru_maxrss {serial['max_rss_mb']:.0f} MB, largest worker "
        f"{many.get('max_child_rss_mb', 0):.0f} MB"
    )
    codes = {r["code"] for r in [stages, *whole.values()]}
    if len(codes) > 1:
        print(f"warning: the library's code changed between runs ({', '.join(sorted(codes))}):")
        print("  runs are not comparable; run again on a quiet checkout")
    print(
        "load: the 1-minute load average when the run started (it includes this benchmark's "
        "previous run);\n  other work on the machine slows wall and CPU times: --repeat 3 keeps "
        "the best of three"
    )
    result = {
        "corpus": {"path": str(texts), "mb": round(corpus_mb, 3), "files": len(files), **{
            k: manifest[k] for k in ("seed", "articles", "layouts", "sentences",
                                     "distinct_sentence_share", "distinct_paragraph_share")}},
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "floor": floor,
        "startup_s": stages["startup_s"],
        "stages": rows,
        "stage_functions": stages["functions"],
        "whole": whole,
        "speedup": speedup,
        "library_code": sorted(codes),
        "git": git_state(),
        "tables_differing_from_serial": differ,
        "parallel": "extract(engine='processes')" if has_engines else "benchmark stand-in",
        "peak_memory_mb": peak,
        "targets": {
            "mb_s_per_worker": [TARGET_MB_S, serial["mb_s_per_worker"] >= TARGET_MB_S],
            "speedup": [TARGET_SPEEDUP, speedup >= TARGET_SPEEDUP],
            "peak_memory_mb": [TARGET_PEAK_MB, peak < TARGET_PEAK_MB],
        },
    }  # fmt: skip
    if args.profile:
        profile = run_child([*base, "--child", "profile", "--profile-mb", str(args.profile_mb)])
        print_profile(profile)
        result["profile"] = profile
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
