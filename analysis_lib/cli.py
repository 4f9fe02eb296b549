"""Command line: ``python -m analysis_lib {extract,report} …``.

Examples::

    python -m analysis_lib extract data/sample --out tables/
    python -m analysis_lib extract 'dumps/**/*.txt' exports.csv --out tables/ --engine processes
    python -m analysis_lib report --input data/sample --out reports/
    python -m analysis_lib report --tables tables/ --out reports/ --notebook 02

Exit status: 0 when every input was read and processed and every notebook ran; 1 when an
input is missing or could not be read, a document failed, or a notebook failed (the rest
is still done, and the summary says what failed); 2 when the command cannot start (bad
arguments, a tables folder without a finished extraction).
"""

from __future__ import annotations

import argparse
import logging
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from analysis_lib.engines import ENGINES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

_INPUT_HELP = (
    "a file, a folder (read recursively, in sorted order) or a glob (quote it: "
    "'dumps/**/*.txt'); .txt dumps, .csv/.tsv/.jsonl/.parquet exports, .docx, .rtf, "
    "and .gz/.bz2/.xz/.zip/.tar archives of these"
)


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=88)


class UsageError(Exception):
    """Arguments that cannot work; the message says what to do instead."""


def _parse_columns(items: Sequence[str] | None) -> dict[str, str] | None:
    """``["text=body", "title=headline"]`` -> ``{"text": "body", "title": "headline"}``.

    Example:
        >>> _parse_columns(["text=body", " title = headline "])
        {'text': 'body', 'title': 'headline'}
    """
    if not items:
        return None
    mapping = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UsageError(
                f"--column expects FIELD=COLUMN (e.g. --column text=body), got {item!r}"
            )
        mapping[key.strip()] = value.strip()
    return mapping


def _add_extract_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("extraction")
    group.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="serial (default): one process; processes: local worker processes; "
        "dask: a Dask bag, on a cluster with --scheduler. Every engine gives the same tables.",
    )
    group.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes for --engine processes/dask (default: the usable cores)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a dask.distributed scheduler (tcp://host:8786); implies --engine dask",
    )
    group.add_argument(
        "--limit", type=int, metavar="N", help="process at most N documents (default: all)"
    )
    group.add_argument(
        "--published-date",
        metavar="YYYY-MM-DD",
        help="publication date for articles with no better evidence; its year completes "
        "datelines without one",
    )
    group.add_argument(
        "--column",
        action="append",
        metavar="FIELD=COLUMN",
        help="column of a CSV/TSV/JSONL/Parquet export for a field (text, title, date, id, "
        "source), when not found by its usual names; repeatable: --column text=body",
    )
    group.add_argument(
        "--separator",
        metavar="REGEX",
        help="an extra pattern for lines that separate articles in text dumps (matched "
        "against whole lines), on top of the built-in ones",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    doc = (__doc__ or "").split("\n\n")
    parser = argparse.ArgumentParser(
        prog="python -m analysis_lib",
        description="Turn conflict news text into tables (extract) and rendered notebooks "
        "(report).",
        epilog=doc[-1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{extract,report}")

    extract = sub.add_parser(
        "extract",
        help="run every extractor and write the tables to a folder",
        description=_wrap(
            "Read the inputs, run every extractor and write the tables to --out "
            "(large tables as partitioned Parquet, small ones as Parquet and CSV, manifest.json "
            "last). A re-run recomputes only documents that changed. Prints a progress bar and a "
            "closing summary."
        ),
        epilog=doc[-1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("inputs", nargs="*", metavar="INPUT", help=_INPUT_HELP)
    extract.add_argument(
        "--input",
        dest="more_inputs",
        action="append",
        metavar="INPUT",
        help="another input (same as a positional INPUT)",
    )
    extract.add_argument(
        "--out", required=True, metavar="DIR", help="folder for the tables (created)"
    )
    _add_extract_options(extract)
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")

    report = sub.add_parser(
        "report",
        help="render every notebook on one extraction, with reports/index.html",
        description=_wrap(
            "Extract the inputs once (into OUT/tables), or take the tables of an "
            "earlier `extract`, then run every notebook on those tables with papermill and write "
            "OUT/<notebook>.ipynb, .html and .png (its first figure), its tables in "
            "OUT/<notebook>/, and OUT/index.html linking them all with the corpus summary."
        ),
        epilog=doc[-1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = report.add_mutually_exclusive_group(required=True)
    source.add_argument("--input", nargs="+", metavar="INPUT", help=_INPUT_HELP)
    source.add_argument(
        "--tables",
        metavar="DIR",
        help="use the tables of a finished `python -m analysis_lib extract --out DIR`",
    )
    report.add_argument("--out", required=True, metavar="DIR", help="report folder (created)")
    report.add_argument(
        "--notebook",
        action="append",
        metavar="NAME",
        help="run only this notebook: its name, or its number (02); repeatable",
    )
    _add_extract_options(report)
    report.add_argument("--no-html", action="store_true", help="skip the HTML export")
    report.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


def _check_inputs(inputs: Sequence[str]) -> list[str]:
    """The inputs that do not exist (a path that is not there, a glob matching nothing)."""
    from analysis_lib.corpus import CorpusError, expand_inputs

    missing = []
    for item in inputs:
        try:
            next(iter(expand_inputs(item)), None)
        except CorpusError:
            missing.append(item)
    return missing


def _say_missing(missing: Sequence[str]) -> None:
    for item in missing:
        print(
            f"error: input not found: {item}: check the path (relative to "
            f"{Path.cwd()}), or quote a glob so the shell does not expand it",
            file=sys.stderr,
        )


def _extract_options(args: argparse.Namespace) -> dict:
    from analysis_lib.segment import build_separator

    engine = args.engine or ("dask" if args.scheduler else "serial")
    if args.scheduler and engine != "dask":
        raise UsageError("--scheduler runs on a Dask cluster: use it with --engine dask")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    options = {
        "engine": engine,
        "workers": args.workers,
        "scheduler": args.scheduler,
        "limit": args.limit or None,
        "published_date": args.published_date,
        "columns": _parse_columns(args.column),
    }
    if args.separator:
        try:
            options["separator"] = build_separator(args.separator)
        except Exception as exc:
            raise UsageError(f"--separator {args.separator!r} is not a valid regex: {exc}") from exc
    return options


def _print_issues(tables_dir: Path, *, most: int = 20) -> None:
    import pandas as pd

    from analysis_lib.pipeline import read_table

    issues = read_table(tables_dir, "issues")
    for issue in issues.head(most).itertuples():
        where = f"{issue.path}" + (f":{int(issue.line)}" if pd.notna(issue.line) else "")
        print(f"{issue.severity}: {where}: {issue.kind}: {issue.message}", file=sys.stderr)
    if len(issues) > most:
        print(f"… and {len(issues) - most} more issues in {tables_dir}/issues.csv", file=sys.stderr)


def run_extract(inputs: Sequence[str], out: str | Path, *, progress: bool, **options) -> int:
    """Extract ``inputs`` into ``out``, print the summary; returns the exit status."""
    from analysis_lib.pipeline import extract
    from analysis_lib.reports import summarize_tables_dir

    missing = _check_inputs(inputs)
    _say_missing(missing)
    if len(missing) == len(inputs):
        print("nothing extracted: none of the inputs exists", file=sys.stderr)
        return EXIT_FAILED
    summary = extract(list(inputs), out=out, progress=progress, **options)
    for name, count in summary.tables.items():
        print(f"{name}: {count} rows")
    _print_issues(Path(out))
    corpus = summarize_tables_dir(out)
    print(summary)
    if corpus.failures:
        print(f"FAILED: {corpus.failures} ({Path(out) / 'issues.csv'})")
    return EXIT_FAILED if corpus.errors or not summary.ok else EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    """The ``report`` command; returns the exit status."""
    from analysis_lib.reports import (
        REPORT_TABLES,
        check_tables_dir,
        render_reports,
        select_notebooks,
        summarize_tables_dir,
        write_index,
    )

    progress = not args.no_progress
    try:
        select_notebooks(args.notebook)  # a wrong name fails before any work
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    out = Path(args.out)
    status = EXIT_OK
    if args.tables:
        given = [o for o in ("engine", "workers", "scheduler", "limit", "published_date",
                             "column", "separator") if getattr(args, o) is not None]  # fmt: skip
        if given:
            flags = ", ".join("--" + o.replace("_", "-") for o in given)
            raise UsageError(f"{flags} change(s) extraction: use with --input, not --tables")
        tables_dir = Path(args.tables)
        check_tables_dir(tables_dir)
    else:
        options = _extract_options(args)
        tables_dir = out / REPORT_TABLES
        status = run_extract(args.input, tables_dir, progress=progress, **options)
        if not (tables_dir / "manifest.json").exists():
            return EXIT_FAILED
    results = render_reports(
        "",
        out,
        tables_dir=tables_dir,
        notebooks=args.notebook,
        html=not args.no_html,
        progress=progress,
    )
    index = write_index(results, out, tables_dir=tables_dir)
    for r in results:
        state = "ok" if r.ok else f"FAILED ({r.error})"
        print(f"{r.notebook}: {state} in {r.seconds:.0f} s -> {r.html or r.executed}")
    corpus = summarize_tables_dir(tables_dir)
    failed = [r for r in results if not r.ok]
    print(
        f"report: {len(results) - len(failed)} of {len(results)} notebooks ran; "
        f"{corpus.articles:,} articles from {corpus.documents:,} documents; index: {index}"
    )
    if corpus.failures:
        print(f"FAILED: {corpus.failures} ({tables_dir / 'issues.csv'})")
        status = EXIT_FAILED
    if failed:
        print(
            f"FAILED: {len(failed)} notebook(s): {', '.join(r.notebook for r in failed)}; "
            "the executed copies show the error"
        )
        status = EXIT_FAILED
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (see the module docstring)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    from analysis_lib.reports import TablesNotReady

    try:
        if args.command == "extract":
            inputs = [*args.inputs, *(args.more_inputs or [])]
            if not inputs:
                raise UsageError(
                    "give at least one INPUT (a file, folder or glob), e.g. "
                    "python -m analysis_lib extract data/sample --out tables"
                )
            options = _extract_options(args)
            return run_extract(inputs, args.out, progress=not args.no_progress, **options)
        return run_report(args)
    except (UsageError, TablesNotReady) as exc:
        print(f"{parser.prog} {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
