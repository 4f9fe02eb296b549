"""Command line: ``python -m analysis_lib {report,extract,segment} …``.

Examples::

    python -m analysis_lib report --input data/sample --out reports
    python -m analysis_lib extract --input dumps/ --out tables/
    python -m analysis_lib segment --input dump.txt --out tables/ --limit 10
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from analysis_lib import SAMPLE_DIR


def _parse_columns(items: Sequence[str] | None) -> dict[str, str] | None:
    if not items:
        return None
    mapping = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise SystemExit(f"--column expects FIELD=COLUMN (e.g. text=body), got {item!r}")
        mapping[key.strip()] = value.strip()
    return mapping


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis_lib", description=__doc__.splitlines()[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)

    report = sub.add_parser("report", help="run every notebook with papermill and export HTML")
    report.add_argument("--input", default=str(SAMPLE_DIR), help="corpus file, folder or glob")
    report.add_argument("--out", default="reports", help="report folder")
    report.add_argument("--notebook", action="append", help="run only this notebook (repeatable)")
    report.add_argument("--limit", type=int, default=0, help="documents per notebook (0 = all)")
    report.add_argument("--no-html", action="store_true", help="skip the HTML export")

    for name, help_text in (
        ("extract", "run all extractors and write every table"),
        ("segment", "segment articles and sentences and write the tables"),
    ):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--input", default=str(SAMPLE_DIR), help="corpus file, folder or glob")
        cmd.add_argument("--out", required=True, help="folder for the tables")
        cmd.add_argument("--limit", type=int, default=0, help="documents (0 = all)")
        cmd.add_argument("--column", action="append", help="FIELD=COLUMN for CSV/JSONL/Parquet")
        cmd.add_argument("--separator", default="", help="extra regex for separator lines")
        cmd.add_argument(
            "--format", action="append", choices=["parquet", "csv"], help="table format"
        )
        cmd.add_argument("--progress", action="store_true", help="show a progress bar")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (1 when a notebook or a file failed)."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command == "report":
        from analysis_lib.reports import render_reports

        results = render_reports(
            args.input, args.out, notebooks=args.notebook, limit=args.limit, html=not args.no_html
        )
        failed = 0
        for r in results:
            status = "ok" if r.error is None else f"FAILED ({r.error})"
            print(f"{r.notebook}: {status} -> {r.html or r.executed}")
            failed += r.error is not None
        return 1 if failed else 0

    from analysis_lib.pipeline import extract, write_tables
    from analysis_lib.segment import build_separator

    tables = extract(
        args.input,
        columns=_parse_columns(args.column),
        limit=args.limit or None,
        separator=build_separator(args.separator),
        progress=args.progress,
    )
    written = write_tables(tables, args.out, formats=args.format or ("parquet", "csv"))
    for name, frame in tables.items():
        print(f"{name}: {len(frame)} rows")
    for issue in tables["issues"].itertuples():
        print(f"{issue.severity}: {issue.path}: {issue.kind}: {issue.message}", file=sys.stderr)
    print(f"wrote {len(written)} files to {args.out}")
    return 1 if (tables["issues"]["severity"] == "error").any() else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
