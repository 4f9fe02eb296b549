"""Benchmark: load + segment throughput of ``analysis_lib`` on a large news dump, one core.

What it measures (printed figures only; nothing is asserted):

* **One big file.** :func:`analysis_lib.corpus.read_text` (read + decode + newline
  normalization) and :func:`analysis_lib.segment.segment_text`, timed separately and
  together, in MB/s (MB = 1e6 bytes of input file size) and articles/s, plus the process
  peak RSS.
* **Folder streaming.** :func:`analysis_lib.corpus.iter_documents` over a folder of many
  small files, segmenting each document and keeping only counts. Throughput comes from an
  un-traced pass; memory from separate ``tracemalloc`` passes over the first N/4, N/2 and
  N files, which should show a peak that does not grow with the number of files.
* **Layouts.** Each fixture of ``tests/fixtures/layouts`` (LexisNexis, Nexis Uni, Factiva,
  bulletins, classic and modern wires) repeated to ~5 MB and segmented as one document, plus
  :func:`analysis_lib.layouts.detect_layout` alone (it reads the first 4 KB only), and a zip
  of dump parts streamed through :func:`analysis_lib.corpus.iter_documents`.
* **Sentences** (informational). :func:`analysis_lib.sentences.split_sentences` on the
  article bodies of the first ~5 MB of the dump.

The input is built once (not timed) under ``benchmarks/_data/<MB>mb/`` (git-ignored) from
the sample corpus in ``data/sample/``: each copy of the 11 sample articles gets its numbers,
place names and some words substituted, a few body paragraphs swapped or dropped, words
swapped inside paragraphs, and its article order shuffled, all from a seeded
:class:`random.Random`, so the dump is not one string repeated. It is written twice:
``dump.txt`` (one big file) and ``many/`` (thousands of small files of 1-6 articles each).
Existing data with a matching ``manifest.json`` is reused; ``--rebuild`` forces a rebuild.

Everything runs in one process and one thread (the wall and CPU times printed next to each
other should match). Files are read once before timing, so the page cache is warm.

Run it with ``make bench``, or::

    .venv/bin/python benchmarks/bench_segment.py            # 100 MB
    .venv/bin/python benchmarks/bench_segment.py --mb 250   # bigger dump
    .venv/bin/python benchmarks/bench_segment.py --quick    # 5 MB smoke run
    .venv/bin/python benchmarks/bench_segment.py --profile  # + cProfile of segment_text

Target: >= 20 MB/s load+segment on one core.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import os
import pstats
import random
import re
import resource
import shutil
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
DATA_ROOT = BENCH_DIR / "_data"

TARGET_MB_S = 20.0
QUICK_MB = 5.0
SENTENCE_MB = 5.0
PROFILE_MB = 10.0
SEED = 20170922
#: Bump when the generator changes so that cached data is rebuilt.
GENERATOR_VERSION = 3
MB = 1e6

# --------------------------------------------------------------------------- data

#: A credits paragraph ends an article in the sample: ``(Reporting by …; Editing by …)``.
_CREDITS = re.compile(r"\([^\n]*\b(?:reporting|writing|editing)\b[^\n]*\)", re.IGNORECASE)
#: The paragraph that holds an agency dateline, ``BEIRUT (Reuters) –``.
_DATELINE = re.compile(r"[A-Z][^\n]{0,60}\((?:Reuters|AFP|AP)\)\s*[-–—]")
_PLACES = (
    "Marawi", "Mosul", "Raqqa", "Deir al-Zor", "Beirut", "Damascus", "Idlib", "Manila",
    "London", "Moscow", "Abuja", "Sydney", "Manbij", "Mindanao", "Dover", "Aleppo", "Homs",
    "Palmyra",
)  # fmt: skip
_NEW_PLACES = (
    "Kabul", "Kandahar", "Aden", "Sanaa", "Tripoli", "Benghazi", "Sirte", "Mogadishu", "Gao",
    "Timbuktu", "Goma", "Kirkuk", "Tikrit", "Fallujah", "Ramadi", "Hodeidah", "Donetsk",
    "Bamako", "Niamey", "Juba", "Misrata", "Maiduguri",
)  # fmt: skip
_WORD_GROUPS = (
    ("militants", "fighters", "insurgents", "gunmen"),
    ("troops", "soldiers"),
    ("said", "stated"),
    ("killed", "slain"),
    ("attack", "assault"),
    ("city", "town"),
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class SampleArticle:
    """One article of the sample corpus as paragraphs, and which ones may move."""

    paragraphs: list[str]
    joiner: str  # "\n\n" (blank-line paragraphs) or "\n" (one paragraph per line)
    head: int  # leading paragraphs that stay put (headline, caption, byline, dateline)
    tail: int  # trailing paragraphs that stay put (credits)
    has_headline: bool


def load_sample_articles(sample_dir: Path = SAMPLE_DIR) -> list[SampleArticle]:
    """Cut the sample files into articles (a credits paragraph ends one), without the library."""
    articles: list[SampleArticle] = []
    for path in sorted(sample_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        joiner = "\n\n" if re.search(r"\n[ \t]*\n", text) else "\n"
        paragraphs = [
            p.strip() for p in re.split(r"\n[ \t]*\n" if joiner == "\n\n" else "\n", text)
        ]
        current: list[str] = []
        for para in (p for p in paragraphs if p):
            current.append(para)
            if _CREDITS.fullmatch(para):
                articles.append(_sample_article(current, joiner))
                current = []
        if current:
            articles.append(_sample_article(current, joiner))
    if not articles:
        raise SystemExit(f"no sample articles found in {sample_dir}")
    return articles


def _sample_article(paragraphs: list[str], joiner: str) -> SampleArticle:
    dateline_at = next((i for i, p in enumerate(paragraphs) if _DATELINE.match(p)), None)
    head = 1 if dateline_at is None else dateline_at + 1
    tail = 1 if _CREDITS.fullmatch(paragraphs[-1]) and len(paragraphs) > head else 0
    return SampleArticle(
        list(paragraphs), joiner, head, tail, has_headline=dateline_at not in (None, 0)
    )


class _Variation:
    """Per-copy substitutions: places, a few words, weekdays and every number.

    Each copy uses one consistent mapping, so a headline and its repeat stay identical.
    """

    _PATTERN = re.compile(
        r"\b(?:"
        + "|".join(
            re.escape(w)
            for w in sorted(
                {*_PLACES, *(p.upper() for p in _PLACES), *_WEEKDAYS}
                | {w for group in _WORD_GROUPS for w in group},
                key=len,
                reverse=True,
            )
        )
        + r")\b|\d+"
    )

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words: dict[str, str] = {}
        for place in _PLACES:
            new = rng.choice((place, place, *_NEW_PLACES))
            self.words[place] = new
            self.words[place.upper()] = new.upper()
        shift = rng.randrange(len(_WEEKDAYS))
        for i, day in enumerate(_WEEKDAYS):
            self.words[day] = _WEEKDAYS[(i + shift) % len(_WEEKDAYS)]
        for group in _WORD_GROUPS:
            for word in group:
                self.words[word] = rng.choice(group)
        self.numbers: dict[str, str] = {}

    def _number(self, digits: str) -> str:
        n = len(digits)
        if n == 4 and digits[:2] in ("19", "20"):
            return str(self.rng.randint(1990, 2025))
        if n == 1:
            return str(self.rng.randint(0, 9))
        return str(self.rng.randint(10 ** (n - 1), 10**n - 1))

    def _replace(self, m: re.Match[str]) -> str:
        token = m.group()
        if token[0].isdigit():
            if token not in self.numbers:
                self.numbers[token] = self._number(token)
            return self.numbers[token]
        return self.words[token]

    def __call__(self, text: str) -> str:
        return self._PATTERN.sub(self._replace, text)


def _vary_article(article: SampleArticle, rng: random.Random, vary: _Variation) -> str:
    paras = list(article.paragraphs)
    lo, hi = article.head, len(paras) - article.tail
    if hi - lo > 3 and rng.random() < 0.3:
        del paras[rng.randrange(lo, hi)]
        hi -= 1
    for _ in range(rng.randint(0, max(0, (hi - lo) // 4))):
        i = rng.randrange(lo, hi - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    for i in range(lo, hi):  # swap two neighbouring words in most body paragraphs
        words = paras[i].split(" ")
        if len(words) > 3 and rng.random() < 0.8:
            j = rng.randrange(1, len(words) - 1)
            words[j], words[j + 1] = words[j + 1], words[j]
            paras[i] = " ".join(words)
    return vary(article.joiner.join(paras))


def iter_varied_articles(articles: list[SampleArticle], seed: int = SEED) -> Iterator[str]:
    """Yield varied copies of the sample articles forever, each copy in a shuffled order.

    Two headline-less articles are never adjacent (nothing would separate them).
    """
    rng = random.Random(seed)
    previous_headless = False
    while True:
        order = list(range(len(articles)))
        rng.shuffle(order)
        for k in range(len(order) - 1):
            if not articles[order[k]].has_headline and not articles[order[k + 1]].has_headline:
                order.append(order.pop(k + 1))  # push the second one to the end
        if previous_headless and not articles[order[0]].has_headline and len(order) > 1:
            order[0], order[1] = order[1], order[0]
        vary = _Variation(rng)
        for i in order:
            yield _vary_article(articles[i], rng, vary)
        previous_headless = not articles[order[-1]].has_headline


@dataclass
class Dataset:
    root: Path
    dump: Path
    many: Path
    files: list[Path]
    dump_bytes: int
    many_bytes: int
    articles: int


def _sample_sha1() -> str:
    digest = hashlib.sha1()
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _manifest_ok(root: Path, manifest: dict, target_bytes: int) -> bool:
    dump, many = root / "dump.txt", root / "many"
    if manifest.get("version") != GENERATOR_VERSION or manifest.get("seed") != SEED:
        return False
    if manifest.get("sample_sha1") != _sample_sha1():
        return False
    if manifest.get("target_bytes") != target_bytes or not dump.is_file() or not many.is_dir():
        return False
    if dump.stat().st_size != manifest.get("dump_bytes") or manifest["dump_bytes"] < target_bytes:
        return False
    sizes = [e.stat().st_size for e in os.scandir(many) if e.name.endswith(".txt")]
    return len(sizes) == manifest.get("files") and sum(sizes) == manifest.get("many_bytes")


def build_data(mb: float, *, rebuild: bool = False) -> Dataset:
    """Build (or reuse) ``dump.txt`` and ``many/`` of at least ``mb`` MB under ``_data/``."""
    target = int(mb * MB)
    root = DATA_ROOT / f"{mb:g}mb"
    manifest_path = root / "manifest.json"
    manifest = None
    if not rebuild and manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        if not _manifest_ok(root, manifest, target):
            manifest = None
    if manifest is None:
        _log(f"building {mb:g} MB of data under {_rel(root)} ...")
        t0 = time.perf_counter()
        if root.exists():
            shutil.rmtree(root)
        manifest = _write_data(root, target)
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
        _log(f"  built in {time.perf_counter() - t0:.1f} s (not part of any timing)")
    else:
        _log(f"reusing data under {_rel(root)} (--rebuild to rebuild)")
    many = root / "many"
    files = sorted(many.glob("*.txt"))
    return Dataset(
        root=root,
        dump=root / "dump.txt",
        many=many,
        files=files,
        dump_bytes=manifest["dump_bytes"],
        many_bytes=manifest["many_bytes"],
        articles=manifest["articles"],
    )


def _write_data(root: Path, target: int) -> dict:
    many = root / "many"
    many.mkdir(parents=True)
    rng = random.Random(SEED + 1)  # file sizes and gaps; the text has its own stream
    stream = iter_varied_articles(load_sample_articles())
    dump_bytes = many_bytes = articles = files = 0
    next_report = target // 10
    with open(root / "dump.txt", "wb") as dump:
        while dump_bytes < target:
            chunk = [next(stream).encode("utf-8") for _ in range(rng.randint(1, 6))]
            for data in chunk:
                if dump_bytes:
                    gap = b"\n\n\n" if rng.random() < 0.1 else b"\n\n"
                    dump.write(gap)
                    dump_bytes += len(gap)
                dump.write(data)
                dump_bytes += len(data)
            body = b"\n\n".join(chunk) + b"\n"
            (many / f"doc_{files:06d}.txt").write_bytes(body)
            many_bytes += len(body)
            articles += len(chunk)
            files += 1
            if dump_bytes >= next_report:
                _log(f"  {dump_bytes / MB:.1f} MB")
                next_report += target // 10
        dump.write(b"\n")
        dump_bytes += 1
    return {
        "version": GENERATOR_VERSION,
        "seed": SEED,
        "sample_sha1": _sample_sha1(),
        "target_bytes": target,
        "dump_bytes": dump_bytes,
        "many_bytes": many_bytes,
        "files": files,
        "articles": articles,
    }


# --------------------------------------------------------------------------- helpers


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _rel(path: Path) -> str:
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def max_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (1e6 bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MB if sys.platform == "darwin" else rss * 1024 / MB


@dataclass
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"wall {self.wall:.2f} s, cpu {self.cpu:.2f} s"


def timed(func: Callable[[], object]) -> tuple[object, Timing]:
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    result = func()
    return result, Timing(time.perf_counter() - w0, time.process_time() - c0)


def _rate(amount: float, seconds: float) -> float:
    return amount / seconds if seconds > 0 else float("inf")


def _read_head(path: Path, nbytes: int) -> str:
    """The first ~nbytes of a UTF-8 file, cut at a blank line."""
    with open(path, "rb") as handle:
        data = handle.read(nbytes)
    cut = data.rfind(b"\n\n")
    return data[: cut if cut > 0 else len(data)].decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- benchmarks


def bench_big_file(path: Path) -> dict:
    from analysis_lib.corpus import read_text
    from analysis_lib.segment import segment_text

    size = path.stat().st_size
    path.read_bytes()  # warm the page cache (untimed)
    loaded, t_load = timed(lambda: read_text(path))
    text, encoding = loaded  # type: ignore[misc]
    seg, t_seg = timed(lambda: segment_text(text, source=path.name))
    n_articles, n_residue = len(seg.articles), len(seg.residue)  # type: ignore[attr-defined]
    rss = max_rss_mb()  # while the text and the articles are still alive
    return {
        "size": size,
        "encoding": encoding,
        "load": t_load,
        "segment": t_seg,
        "articles": n_articles,
        "residue": n_residue,
        "rss": rss,
    }


def stream_folder(inputs: object) -> dict:
    """Stream documents, segment each, keep only counts (un-traced: for throughput)."""
    from analysis_lib.corpus import iter_documents
    from analysis_lib.segment import segment_text

    issues: list = []
    files = articles = residue = 0
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    for doc in iter_documents(inputs, issues=issues):  # type: ignore[arg-type]
        seg = segment_text(doc.text, source=doc.doc_id)
        files += 1
        articles += len(seg.articles)
        residue += len(seg.residue)
    timing = Timing(time.perf_counter() - w0, time.process_time() - c0)
    return {
        "files": files,
        "articles": articles,
        "residue": residue,
        "issues": issues,
        "time": timing,
    }


def trace_stream(inputs: object) -> dict:
    """The same stream under tracemalloc: overall peak, split into what stays allocated
    between documents (``held``) and the largest rise above that while one document is
    read and segmented (``working``; the first document, whose step also expands the
    input list, is left out of ``working``)."""
    from analysis_lib.corpus import iter_documents
    from analysis_lib.segment import segment_text

    files = largest = held = working = overall = 0
    gc.collect()
    tracemalloc.start()
    w0 = time.perf_counter()
    docs = iter_documents(inputs)  # type: ignore[arg-type]
    while True:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        doc = next(docs, None)
        if doc is None:
            break
        seg = segment_text(doc.text, source=doc.doc_id)
        files += 1
        largest = max(largest, len(doc.text.encode("utf-8")))
        del doc, seg
        current, peak = tracemalloc.get_traced_memory()
        overall = max(overall, peak)
        held = max(held, current)
        if files > 1:
            working = max(working, peak - before)
    wall = time.perf_counter() - w0
    overall = max(overall, tracemalloc.get_traced_memory()[1])
    tracemalloc.stop()
    return {
        "files": files,
        "largest": largest,
        "held": held,
        "working": working,
        "peak": overall,
        "wall": wall,
    }


def bench_sentences(dump: Path, nbytes: int) -> dict:
    from analysis_lib.segment import segment_text
    from analysis_lib.sentences import get_tokenizer, split_sentences

    bodies = [a.body for a in segment_text(_read_head(dump, nbytes), source="head").articles]
    body_bytes = sum(len(b.encode("utf-8")) for b in bodies)
    get_tokenizer()  # load the Punkt parameters (untimed)
    split_sentences("Warm up. Gen. Ali said so.")

    def run() -> int:
        return sum(len(split_sentences(body)) for body in bodies)

    sentences, timing = timed(run)
    return {"bytes": body_bytes, "bodies": len(bodies), "sentences": sentences, "time": timing}


def profile_segment(dump: Path, nbytes: int, top: int = 15) -> None:
    from analysis_lib.segment import segment_text

    text = _read_head(dump, nbytes)
    print(f"\ncProfile of segment_text on the first {len(text.encode()) / MB:.1f} MB of the dump")
    profiler = cProfile.Profile()
    profiler.enable()
    segment_text(text, source="profile")
    profiler.disable()
    for key in ("cumulative", "tottime"):
        print(f"\n--- sorted by {key} (top {top}) ---")
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.strip_dirs().sort_stats(key).print_stats(top)


# --------------------------------------------------------------------------- layouts

LAYOUT_DIR = PROJECT_ROOT / "tests" / "fixtures" / "layouts"
LAYOUT_MB = 5.0


def bench_layouts(nbytes: float = LAYOUT_MB * MB) -> list[dict]:
    """Segment each layout fixture repeated to ~``nbytes`` (one document per layout).

    Also times :func:`analysis_lib.layouts.detect_layout` alone, which reads only the first
    ``HEAD_CHARS`` characters, so its cost does not grow with the document.
    """
    from analysis_lib.layouts import detect_layout
    from analysis_lib.segment import segment_text

    rows = []
    for path in sorted(LAYOUT_DIR.glob("*.txt")):
        unit = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        text = unit * max(1, int(nbytes // len(unit.encode())))
        size = len(text.encode()) / MB
        seg, t_seg = timed(lambda text=text, name=path.name: segment_text(text, source=name))
        _, t_detect = timed(lambda text=text: [detect_layout(text) for _ in range(1000)])
        rows.append(
            {
                "name": path.name,
                "bytes_per_article": len(unit.encode())
                // max(1, len(seg.articles) // (len(text) // len(unit))),
                "layout": detect_layout(text),
                "mb": size,
                "articles": len(seg.articles),
                "seg": t_seg,
                "detect_us": t_detect.wall * 1000,
            }
        )
    return rows


def build_vendor_exports(nbytes: float = LAYOUT_MB * MB) -> dict[str, str]:
    """LexisNexis and bulletin dumps of full-size articles (the varied sample articles).

    The fixtures' items are a few hundred bytes; these carry the sample's real article
    lengths, so their MB/s compare with the wire dump's.
    """
    articles = load_sample_articles()
    lexis, bulletin = [], []
    size = 0
    for n, text in enumerate(iter_varied_articles(articles), start=1):
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        headline, body = paragraphs[0], "\n\n".join(paragraphs[1:]) or paragraphs[0]
        lexis.append(
            f"                 {n} of 99999 DOCUMENTS\n\n                 Invented Daily\n\n"
            f"          September {n % 28 + 1}, 2017 Tuesday\n\n{headline}\n\nBYLINE: Ann Lee\n\n"
            f"LENGTH: {len(body.split())} words\n\n{body}\n\nLOAD-DATE: September 30, 2017\n\n"
            "LANGUAGE: ENGLISH\n\n          Copyright 2017 Invented Daily\n\n"
        )
        bulletin.append(
            f"DEV-BENCH-{n:05d}\n\n   LIMA, {n % 28 + 1} SEP 89 (TELEVISION PERUANA) -- [TEXT] "
            f"{body.upper()}\n\n"
        )
        size += len(lexis[-1])
        if size >= nbytes:
            break
    return {
        "lexisnexis (full-size articles)": "".join(lexis),
        "bulletin (full-size)": "".join(bulletin),
    }


def bench_zip(dump: Path, members: int = 20) -> dict:
    """Stream a zip of ``members`` copies of the first MB of the dump through the loader."""
    import zipfile

    from analysis_lib.corpus import iter_documents
    from analysis_lib.segment import segment_text

    head = _read_head(dump, int(MB))
    target = DATA_ROOT / "dumps.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for k in range(members):
            archive.writestr(f"2017/part{k:02d}.txt", head)

    def run() -> int:
        return sum(
            len(segment_text(d.text, source=d.doc_id).articles) for d in iter_documents(target)
        )

    articles, t = timed(run)
    return {"mb": members * len(head.encode()) / MB, "articles": articles, "time": t}


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark load + segment throughput of analysis_lib on one core.",
    )
    parser.add_argument(
        "--mb", type=float, default=100.0, help="size of the generated dump in MB (default 100)"
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the generated data")
    parser.add_argument(
        "--quick", action="store_true", help=f"{QUICK_MB:g} MB smoke run (overrides --mb)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help=f"also print a cProfile of segment_text on ~{PROFILE_MB:g} MB",
    )
    args = parser.parse_args(argv)
    mb = QUICK_MB if args.quick else args.mb
    if mb <= 0:
        parser.error("--mb must be positive")

    data = build_data(mb, rebuild=args.rebuild)

    import analysis_lib  # imported late: --help and the data build do not need the library
    from analysis_lib.segment import segment_text

    # Warm up: imports, compiled regexes, first-call costs.
    segment_text((SAMPLE_DIR / "000_65897b68137db2a4.txt").read_text(encoding="utf-8"))
    rss_start = max_rss_mb()
    n_files = len(data.files)
    print(
        f"analysis_lib {analysis_lib.__version__}, Python {sys.version.split()[0]}, "
        f"{sys.platform}; single process, single thread"
    )
    print(
        f"data: {_rel(data.root)}: dump.txt {data.dump_bytes / MB:.1f} MB, "
        f"many/ {n_files} files {data.many_bytes / MB:.1f} MB, "
        f"{data.articles} articles written"
    )
    print(f"max RSS before measuring: {rss_start:.0f} MB")

    # Folder streaming: throughput (un-traced), then memory at N/4, N/2, N (traced).
    _log("streaming many/ ...")
    for path in data.files:
        path.read_bytes()  # warm the page cache (untimed)
    stream = stream_folder(data.many)
    rss_stream = max_rss_mb()
    st = stream["time"]
    print(
        f"\nstream many/ ({stream['files']} files, {data.many_bytes / MB:.1f} MB): "
        f"{_rate(data.many_bytes / MB, st.wall):.1f} MB/s, "
        f"{_rate(stream['articles'], st.wall):.0f} articles/s "
        f"({st}; {stream['articles']} articles, {stream['residue']} residue, "
        f"{len(stream['issues'])} load issues)"
    )
    for issue in stream["issues"][:5]:
        print(f"  issue: {issue}")
    print("stream memory under tracemalloc (separate, slower passes):")
    traces = []
    for label, count in (("N/4", n_files // 4), ("N/2", n_files // 2), ("N", n_files)):
        subset = data.files[: max(1, count)]
        subset_mb = sum(p.stat().st_size for p in subset) / MB
        tr = trace_stream([str(p) for p in subset])
        traces.append(tr)
        print(
            f"  {label:>3} = {tr['files']:>6} files, {subset_mb:6.1f} MB: "
            f"peak {tr['peak'] / MB:5.2f} MB; held between files {tr['held'] / MB:5.2f} MB"
            f" + per-file working set {tr['working'] / MB:.2f} MB "
            f"(largest file {tr['largest'] / MB:.3f} MB; {tr['wall']:.1f} s)"
        )
    per_file = (traces[-1]["held"] - traces[0]["held"]) / max(1, n_files - n_files // 4)
    print(
        f"  held between files grows ~{per_file:.0f} bytes/file (the input list that"
        " iter_documents expands before the first document; no document text is kept)"
    )
    print(f"max RSS after streaming: {rss_stream:.0f} MB (before: {rss_start:.0f} MB)")

    # One big file.
    _log("loading and segmenting dump.txt ...")
    big = bench_big_file(data.dump)
    size_mb = big["size"] / MB
    t_load, t_seg = big["load"], big["segment"]
    t_both = t_load.wall + t_seg.wall
    print(
        f"\nload (read_text, {big['encoding']}) one {size_mb:.1f} MB file: "
        f"{_rate(size_mb, t_load.wall):.1f} MB/s ({t_load})"
    )
    print(
        f"segment_text one {size_mb:.1f} MB file: {_rate(size_mb, t_seg.wall):.1f} MB/s, "
        f"{_rate(big['articles'], t_seg.wall):.0f} articles/s ({t_seg}; "
        f"{big['articles']} articles found of {data.articles} written, {big['residue']} residue)"
    )
    print(f"max RSS after the big file: {big['rss']:.0f} MB")

    # Sentences (informational).
    sent_bytes = int(min(SENTENCE_MB * MB, big["size"]))
    _log("splitting sentences ...")
    sent = bench_sentences(data.dump, sent_bytes)
    ss = sent["time"]
    print(
        f"\nsplit_sentences on {sent['bodies']} bodies ({sent['bytes'] / MB:.1f} MB, first "
        f"~{sent_bytes / MB:.0f} MB of the dump): {_rate(sent['bytes'] / MB, ss.wall):.1f} MB/s, "
        f"{_rate(sent['sentences'], ss.wall):.0f} sentences/s ({ss}; {sent['sentences']} sentences)"
    )

    # Layouts (vendor exports, bulletins, classic wires) and a zip read in place.
    _log("segmenting the layout fixtures ...")
    print(f"\nlayouts (each fixture repeated to ~{LAYOUT_MB:g} MB, one document):")
    layout_rows = bench_layouts()
    for row in layout_rows:
        print(
            f"  {row['name']:20s} {row['layout']:15s} {_rate(row['mb'], row['seg'].wall):6.1f} MB/s, "
            f"{_rate(row['articles'], row['seg'].wall):.0f} articles/s (~{row['bytes_per_article']} "
            f"B/article; detect_layout {row['detect_us']:.0f} us/document)"
        )
    for label, text in build_vendor_exports().items():
        mb_ = len(text.encode()) / MB
        seg_, t_ = timed(lambda text=text: segment_text(text, source="vendor"))
        print(
            f"  {label:36s} {_rate(mb_, t_.wall):6.1f} MB/s, "
            f"{_rate(len(seg_.articles), t_.wall):.0f} articles/s ({len(seg_.articles)} articles)"
        )
    zipped = bench_zip(data.dump)
    print(
        f"zip read in place ({zipped['mb']:.1f} MB in 20 members, deflate): "
        f"{_rate(zipped['mb'], zipped['time'].wall):.1f} MB/s load+segment "
        f"({zipped['articles']} articles; {zipped['time']})"
    )

    # Summary.
    both = _rate(size_mb, t_both)
    stream_rate = _rate(data.many_bytes / MB, st.wall)
    print("\n== summary ==")
    print(
        f"load+segment (one {size_mb:.1f} MB file): {both:.1f} MB/s, "
        f"{_rate(big['articles'], t_both):.0f} articles/s, peak RSS {big['rss']:.0f} MB"
    )
    print(
        f"  of which load {_rate(size_mb, t_load.wall):.1f} MB/s, "
        f"segment {_rate(size_mb, t_seg.wall):.1f} MB/s"
    )
    print(
        f"stream+segment ({n_files} files, {data.many_bytes / MB:.1f} MB): {stream_rate:.1f} MB/s, "
        f"{_rate(stream['articles'], st.wall):.0f} articles/s, max RSS {rss_stream:.0f} MB"
    )
    print(
        "  tracemalloc peak at N/4 / N/2 / N files: "
        + " / ".join(f"{t['peak'] / MB:.2f}" for t in traces)
        + " MB; per-file working set "
        + " / ".join(f"{t['working'] / MB:.2f}" for t in traces)
        + " MB"
    )
    print(
        f"split_sentences: {_rate(sent['bytes'] / MB, ss.wall):.1f} MB/s, "
        f"{_rate(sent['sentences'], ss.wall):.0f} sentences/s"
    )
    slowest = min(layout_rows, key=lambda r: _rate(r["mb"], r["seg"].wall))
    print(
        f"layouts: slowest {slowest['layout']} "
        f"{_rate(slowest['mb'], slowest['seg'].wall):.1f} MB/s; detection "
        f"{max(r['detect_us'] for r in layout_rows):.0f} us/document at most"
    )
    print(f"max RSS at end: {max_rss_mb():.0f} MB")
    verdict = "met" if both >= TARGET_MB_S else "NOT met"
    print(
        f"target: >= {TARGET_MB_S:g} MB/s load+segment on one core "
        f"(one file: {both:.1f} MB/s, {verdict}; stream: {stream_rate:.1f} MB/s)"
    )

    if args.profile:
        profile_segment(data.dump, int(min(PROFILE_MB * MB, big["size"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
