"""Notebook runs: where a notebook's tables come from, papermill runs, HTML, the index page.

Every notebook in ``notebooks/`` takes the same core parameters (``input_path``,
``output_dir``, ``limit``, ``tables_dir``) and gets its tables from :func:`load_tables`:
read from ``tables_dir`` (a folder written by ``python -m analysis_lib extract --out``)
when it is given, else extracted from ``input_path`` into ``<output_dir>/tables`` (so a
re-run only recomputes changed documents). ``render_reports`` runs each notebook top to
bottom and writes, under the output folder::

    <out>/index.html              every notebook linked, the corpus summary, a figure each
    <out>/<notebook>.ipynb        the executed notebook
    <out>/<notebook>.html         its HTML export
    <out>/<notebook>.png          the first figure it shows
    <out>/<notebook>/             the tables the notebook wrote
"""

from __future__ import annotations

import base64
import html
import inspect
import json
import logging
import time
import urllib.parse
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis_lib import NOTEBOOK_DIR, PROJECT_ROOT, SAMPLE_DIR

log = logging.getLogger(__name__)

KERNEL_NAME = "python3"

#: Where ``python -m analysis_lib report --input`` writes the tables of its one extraction.
REPORT_TABLES = "tables"


class TablesNotReady(ValueError):
    """A tables folder without a finished extraction (no complete ``manifest.json``)."""


@dataclass(frozen=True)
class RunPaths:
    """Resolved input and output locations of one notebook run.

    ``tables_dir`` is ``None`` when the notebook extracts ``input_path`` itself.
    """

    input_path: Path
    output_dir: Path
    limit: int | None
    tables_dir: Path | None = None


def _from_root(path: Path) -> Path:
    return path if path.is_absolute() else PROJECT_ROOT / path


def resolve_run(
    input_path: str, output_dir: str, limit: int, *, notebook: str, tables_dir: str = ""
) -> RunPaths:
    """Turn a notebook's literal parameters into absolute paths.

    Empty ``input_path`` means the bundled sample corpus; empty ``output_dir`` means
    ``reports/<notebook>`` under the project root; ``limit`` 0 means no limit; empty
    ``tables_dir`` means "extract here". The output folder is created. Relative paths
    are taken from the project root, not the working directory, so a notebook runs the
    same from anywhere.

    Example:
        >>> run = resolve_run("", "/tmp/cnn-doctest", 0, notebook="01_article_segmentation")
        >>> run.input_path.name, str(run.output_dir), run.limit, run.tables_dir
        ('sample', '/tmp/cnn-doctest', None, None)
    """
    inp = Path(input_path) if input_path else SAMPLE_DIR
    out = Path(output_dir) if output_dir else PROJECT_ROOT / "reports" / notebook
    if not any(ch in str(inp) for ch in "*?["):
        inp = _from_root(inp)
    out = _from_root(out)
    out.mkdir(parents=True, exist_ok=True)
    tables = _from_root(Path(tables_dir)) if tables_dir else None
    return RunPaths(inp, out, limit if limit and limit > 0 else None, tables)


# --------------------------------------------------------------------------- tables


def check_tables_dir(tables_dir: str | Path) -> dict:
    """The manifest of a finished extraction in ``tables_dir``, or a clear error.

    Raises:
        TablesNotReady: When the folder does not exist or holds no finished run; the
            message says which command writes one.

    Example:
        >>> import tempfile
        >>> check_tables_dir(tempfile.mkdtemp() + "/absent")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        analysis_lib.reports.TablesNotReady: .../absent: no such folder; run `python -m analysis_lib extract INPUT --out .../absent` first
    """
    from analysis_lib.store import MANIFEST_NAME, read_manifest

    folder = Path(tables_dir)
    command = f"run `python -m analysis_lib extract INPUT --out {folder}` first"
    if not folder.is_dir():
        raise TablesNotReady(f"{folder}: no such folder; {command}")
    manifest = read_manifest(folder)
    if manifest is None:
        why = (
            "its manifest.json is not complete (an interrupted run?)"
            if (folder / MANIFEST_NAME).exists()
            else "no manifest.json: not a finished extraction"
        )
        raise TablesNotReady(f"{folder}: {why}; {command}")
    return manifest


def _ignored_options(manifest: dict, options: dict) -> list[str]:
    """Extraction options a notebook asks for that the tables in a folder do not have."""
    from analysis_lib.pipeline import extract

    recorded = manifest.get("parameters", {})
    defaults = inspect.signature(extract).parameters
    ignored = []
    for name, value in sorted(options.items()):
        if name == "separator":
            value = getattr(value, "pattern", value)
        if name == "columns":
            value = dict(value or {})
        if name == "actors" and not value:
            continue  # the tables have more than the notebook needs
        if name in recorded:
            if value != recorded[name]:
                ignored.append(f"{name}={value!r} (the tables have {recorded[name]!r})")
        elif name in defaults and value != defaults[name].default:
            ignored.append(f"{name}={value!r} (the tables were extracted with the default)")
    return ignored


def _manifest_tables(manifest: dict) -> list[str]:
    from analysis_lib.pipeline import TABLE_NAMES

    present = manifest.get("tables", {})
    return [n for n in TABLE_NAMES if n in present] + sorted(set(present) - set(TABLE_NAMES))


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def describe_extraction(manifest: dict, *, tables_dir: str | Path = "") -> str:
    """The closing summary of an extraction, from its manifest (one paragraph).

    Documents, articles, rows per table, issues, failed documents, time and MB/s; on an
    empty corpus it says that every table is empty.

    Example:
        >>> print(describe_extraction({"inputs": [{"cached": False}], "seconds": 2.0,
        ...     "megabytes": 1.0, "issues": 0, "failed_documents": [],
        ...     "tables": {"articles": 0, "issues": 0}}))
        1 document, 0 articles in 2.0 s (1.0 MB, 0.50 MB/s); rows: articles 0, issues 0; 0 issues, 0 documents failed.
        The corpus has no articles: the tables and figures below are empty.
    """
    inputs = manifest.get("inputs", [])
    cached = sum(bool(i.get("cached")) for i in inputs)
    rows = manifest.get("tables", {})
    seconds = float(manifest.get("seconds") or 0.0)
    megabytes = float(manifest.get("megabytes") or 0.0)
    speed = megabytes / seconds if seconds else 0.0
    failed = len(manifest.get("failed_documents", []))
    text = (
        _count(len(inputs), "document")
        + (f" ({cached:,} from cache)" if cached else "")
        + f", {_count(rows.get('articles', 0), 'article')} in {seconds:.1f} s "
        f"({megabytes:.1f} MB, {speed:.2f} MB/s); rows: "
        + ", ".join(f"{name} {count:,}" for name, count in sorted(rows.items()))
        + f"; {_count(manifest.get('issues', 0), 'issue')}, "
        f"{_count(failed, 'document')} failed"
        + (f"; tables in {tables_dir}" if tables_dir else "")
        + "."
    )
    if not rows.get("articles"):
        text += "\nThe corpus has no articles: the tables and figures below are empty."
    return text


def describe_failures(issues: pd.DataFrame) -> str:
    """One line on what failed: inputs not found or not read, documents that failed.

    Empty when nothing failed (warnings alone are not failures).

    Example:
        >>> issues = pd.DataFrame({"path": ["gone/", "a.txt#002"], "severity": ["error"] * 2,
        ...     "kind": ["missing input", "processing failed"], "message": ["", ""]})
        >>> describe_failures(issues)
        '2 inputs failed (1 missing input, 1 processing failed): see the issues table'
    """
    errors = issues[issues["severity"] == "error"]
    if errors.empty:
        return ""
    files = errors["path"].astype(str).str.split("#").str[0]
    kinds = errors.assign(file=files).drop_duplicates(["file", "kind"])["kind"].value_counts()
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    return f"{_count(files.nunique(), 'input')} failed ({detail}): see the issues table"


def load_tables(
    run: RunPaths,
    *,
    names: list[str] | tuple[str, ...] | None = None,
    progress: bool = True,
    **extract_options,
) -> dict[str, pd.DataFrame]:
    """The tables a notebook works on: read from ``run.tables_dir``, or extracted here.

    With ``run.tables_dir`` the tables of a finished extraction are read (the
    ``extract_options`` cannot change them: any that differ from the options the tables
    were made with are named in a note). Without it, ``run.input_path`` is extracted into
    ``<output_dir>/tables`` (a re-run recomputes only changed documents) with a progress
    bar. Either way the closing summary is printed, and what failed.

    Args:
        run: From :func:`resolve_run`.
        names: Tables to return (default: every table of the extraction).
        progress: Show a progress bar while extracting.
        **extract_options: Options of :func:`~analysis_lib.pipeline.extract`.

    Returns:
        DataFrames keyed by table name, in the pipeline's table order.

    Raises:
        TablesNotReady: When ``run.tables_dir`` holds no finished extraction.
        KeyError: When a requested table is not in the folder.

    Example:
        >>> import tempfile
        >>> run = resolve_run("", tempfile.mkdtemp(), 1, notebook="01_article_segmentation")
        >>> tables = load_tables(run, names=["articles"], actors=False, progress=False)  # doctest: +ELLIPSIS
        1 document, 10 articles in ...
        >>> len(tables["articles"])
        10
    """
    from analysis_lib.pipeline import extract, read_table

    if run.tables_dir is None:
        folder = run.output_dir / REPORT_TABLES
        with warnings.catch_warnings():
            # without ipywidgets tqdm.auto warns, then draws a text bar: that bar is enough
            warnings.filterwarnings("ignore", message="IProgress not found")
            extract(
                run.input_path, limit=run.limit, out=folder, progress=progress, **extract_options
            )
        manifest = check_tables_dir(folder)
    else:
        folder = run.tables_dir
        manifest = check_tables_dir(folder)
        ignored = _ignored_options(manifest, extract_options)
        if ignored:
            print(f"Note: tables read from {folder}; not applied: {'; '.join(ignored)}.")
    available = _manifest_tables(manifest)
    missing = [n for n in names or () if n not in available]
    if missing:
        raise KeyError(
            f"{folder} has no {', '.join(missing)} table(s) (it has {', '.join(available)}); "
            f"re-run `python -m analysis_lib extract INPUT --out {folder}`"
        )
    tables = {name: read_table(folder, name) for name in (names or available)}
    issues = tables["issues"] if "issues" in tables else read_table(folder, "issues")
    print(describe_extraction(manifest, tables_dir=folder))
    failures = describe_failures(issues)
    if failures:
        print(failures + ".")
    return tables


# --------------------------------------------------------------------------- corpus summary


@dataclass(frozen=True)
class CorpusSummary:
    """What an extraction holds, for the index page and the command line."""

    tables_dir: Path
    documents: int
    articles: int
    rows: dict[str, int]
    issues: int
    errors: int
    failed_inputs: int
    failed_documents: int
    first_date: str | None
    last_date: str | None
    failures: str
    seconds: float
    megabytes: float
    problems: list[dict] = field(default_factory=list)


def _column(folder: Path, name: str, column: str) -> pd.Series:
    """One column of a table (partitioned or not), without reading the others."""
    parts = sorted((folder / name).glob("part-*.parquet")) if (folder / name).is_dir() else []
    files = parts or [folder / f"{name}.parquet"]
    frames = [pd.read_parquet(f, columns=[column])[column] for f in files if f.exists()]
    return pd.concat(frames, ignore_index=True) if frames else pd.Series([], dtype="string")


def summarize_tables_dir(tables_dir: str | Path, *, max_problems: int = 20) -> CorpusSummary:
    """Documents, articles, rows per table, issues, failures and the article date range.

    The date range is that of the articles' publication dates with a known year;
    ``problems`` lists the first error-severity issues (path, kind, message).

    Raises:
        TablesNotReady: When the folder holds no finished extraction.
    """
    from analysis_lib.pipeline import read_table

    folder = Path(tables_dir)
    manifest = check_tables_dir(folder)
    issues = read_table(folder, "issues")
    errors = issues[issues["severity"] == "error"]
    dates = _column(folder, "articles", "published_date").dropna().astype(str)
    dates = dates[dates.str.match(r"^\d{4}")]
    files = errors["path"].astype(str).str.split("#").str[0]
    return CorpusSummary(
        tables_dir=folder,
        documents=len(manifest.get("inputs", [])),
        articles=int(manifest.get("tables", {}).get("articles", 0)),
        rows=dict(manifest.get("tables", {})),
        issues=len(issues),
        errors=len(errors),
        failed_inputs=int(files.nunique()),
        failed_documents=len(manifest.get("failed_documents", [])),
        first_date=dates.min() if len(dates) else None,
        last_date=dates.max() if len(dates) else None,
        failures=describe_failures(issues),
        seconds=float(manifest.get("seconds") or 0.0),
        megabytes=float(manifest.get("megabytes") or 0.0),
        problems=errors[["path", "kind", "message"]].head(max_problems).to_dict("records"),
    )


# --------------------------------------------------------------------------- notebook runs


def list_notebooks(notebook_dir: str | Path = NOTEBOOK_DIR) -> list[Path]:
    """The report notebooks, in name order (``01_…``, ``02_…``); checkpoints skipped.

    Example:
        >>> [p.name for p in list_notebooks()][:1]
        ['01_article_segmentation.ipynb']
    """
    return sorted(
        p for p in Path(notebook_dir).glob("*.ipynb") if not p.name.startswith((".", "_"))
    )


def select_notebooks(names: list[str] | None) -> list[Path]:
    """The notebooks to run: all, or those named by file name, stem or number (``02``).

    Raises:
        ValueError: For a name that matches no notebook (the message lists them).

    Example:
        >>> [p.stem for p in select_notebooks(["02", "03_casualty_tallies.ipynb"])]
        ['02_actor_cooccurrence', '03_casualty_tallies']
    """
    paths = list_notebooks()
    if not names:
        return paths
    chosen = []
    for name in names:
        stem = Path(name).stem
        found = [p for p in paths if p.stem == stem or p.stem.split("_", 1)[0] == stem]
        if not found:
            raise ValueError(
                f"no notebook {name!r}; choose from {', '.join(p.stem for p in paths)}"
            )
        chosen += [p for p in found if p not in chosen]
    return sorted(chosen)


def run_notebook(
    notebook: str | Path,
    out_dir: str | Path,
    *,
    input_path: str | Path = "",
    limit: int = 0,
    tables_dir: str | Path = "",
    parameters: dict | None = None,
    timeout: int = 1200,
) -> Path:
    """Execute one notebook with papermill in a fresh ``python3`` kernel.

    Args:
        notebook: Path of the notebook to run.
        out_dir: Folder for the executed copy; its tables go to ``out_dir/<stem>``.
        input_path: Corpus path passed to the notebook ("" = sample corpus).
        limit: Document limit passed to the notebook (0 = all).
        tables_dir: A finished extraction for the notebook to read instead of
            extracting ``input_path`` ("" = extract).
        parameters: Extra parameters for the notebook.
        timeout: Seconds allowed per cell.

    Returns:
        Path of the executed notebook.

    Raises:
        papermill.PapermillExecutionError: When a cell fails (the executed copy,
            with the error, is still written).
    """
    import papermill as pm

    notebook = Path(notebook)
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    executed = out / notebook.name
    params = {
        "input_path": str(Path(input_path).resolve()) if input_path else "",
        "output_dir": str(out / notebook.stem),
        "limit": int(limit),
        **({"tables_dir": str(Path(tables_dir).resolve())} if tables_dir else {}),
        **(parameters or {}),
    }
    pm.execute_notebook(
        str(notebook),
        str(executed),
        parameters=params,
        kernel_name=KERNEL_NAME,
        language="python",
        cwd=str(out),
        progress_bar=False,
        execution_timeout=timeout,
    )
    return executed


def export_html(executed: str | Path) -> Path:
    """Export an executed notebook to HTML next to it; returns the HTML path."""
    import nbformat
    from nbconvert import HTMLExporter

    executed = Path(executed)
    nb = nbformat.read(executed, as_version=4)
    quiet = logging.getLogger(f"{__name__}.nbconvert")  # figures have no alt text: no warning
    quiet.setLevel(logging.ERROR)
    body, _resources = HTMLExporter(log=quiet).from_notebook_node(nb)
    page = executed.with_suffix(".html")
    page.write_text(body, encoding="utf-8")
    return page


def save_first_figure(executed: str | Path, target: str | Path | None = None) -> Path | None:
    """Write the first PNG figure an executed notebook shows; ``None`` when it shows none.

    Args:
        executed: The executed notebook.
        target: Where to write it (default: next to the notebook, ``<stem>.png``).
    """
    import nbformat

    executed = Path(executed)
    nb = nbformat.read(executed, as_version=4)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get("image/png")
            if data:
                path = Path(target) if target else executed.with_suffix(".png")
                path.write_bytes(base64.b64decode("".join(data)))
                return path
    return None


def notebook_title(notebook: str | Path) -> str:
    """The first heading of a notebook (``01 · Article segmentation``), else its stem.

    Example:
        >>> notebook_title(NOTEBOOK_DIR / "02_actor_cooccurrence.ipynb")
        '02 · Actor co-occurrence'
    """
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return Path(notebook).stem


@dataclass(frozen=True)
class ReportResult:
    """Outcome of one notebook run."""

    notebook: str
    executed: Path | None
    html: Path | None
    error: str | None
    figure: Path | None = None
    title: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the notebook ran to the end."""
        return self.error is None


def _error_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[-1] if lines else ''}"


def _missing_tables_parameter(notebook: Path) -> bool:
    import papermill as pm

    return "tables_dir" not in pm.inspect_notebook(str(notebook))


def render_reports(
    input_path: str | Path,
    out_dir: str | Path,
    *,
    tables_dir: str | Path | None = None,
    notebooks: list[str] | None = None,
    limit: int = 0,
    html: bool = True,
    progress: bool = False,
) -> list[ReportResult]:
    """Run every notebook (or the named ones), export HTML and the first figure of each.

    A failing notebook does not stop the others: its result carries the error and its
    executed copy (with the traceback) is still written.

    Args:
        input_path: Corpus for every notebook (when there is no ``tables_dir``).
        out_dir: Report folder.
        tables_dir: A finished extraction every notebook reads instead of extracting
            (see :func:`load_tables`); a notebook without a ``tables_dir`` parameter
            fails with a message saying so.
        notebooks: Names, stems or numbers to run (default: all in ``notebooks/``).
        limit: Document limit passed to every notebook.
        html: Also export HTML.
        progress: Show a progress bar over the notebooks.
    """
    paths = select_notebooks(notebooks)
    out = Path(out_dir).resolve()
    if progress:
        from tqdm.auto import tqdm

        paths = tqdm(paths, unit="notebook", desc="notebooks")
    results = []
    for nb in paths:
        log.info("running %s", nb.name)
        started = time.perf_counter()
        executed = out / nb.name
        for stale in (executed, executed.with_suffix(".html"), executed.with_suffix(".png")):
            stale.unlink(missing_ok=True)  # never show an earlier run's output as this one's
        try:
            if tables_dir and _missing_tables_parameter(nb):
                raise ValueError(
                    f"{nb.name} has no tables_dir parameter: add "
                    '`tables_dir: str = ""` to its parameters cell and load with '
                    "reports.load_tables"
                )
            run_notebook(nb, out, input_path=input_path, limit=limit, tables_dir=tables_dir or "")
            error = None
        except Exception as exc:  # papermill wraps kernel errors in several types
            error = _error_line(exc)
        ran = executed.exists()
        page = export_html(executed) if html and ran else None
        figure = save_first_figure(executed) if ran else None
        results.append(
            ReportResult(
                nb.name,
                executed if ran else None,
                page,
                error,
                figure=figure,
                title=notebook_title(nb),
                seconds=time.perf_counter() - started,
            )
        )
    return results


# --------------------------------------------------------------------------- index page

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 64rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
td, th { border-bottom: 1px solid #ddd; padding: 0.25rem 0.75rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; }
.card img { max-width: 100%; max-height: 24rem; display: block; margin-top: 0.5rem; }
.failed { color: #b00020; font-weight: 600; }
.ok { color: #1b7f3b; font-weight: 600; }
"""


def _href(path: Path, base: Path) -> str:
    try:
        rel = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_uri()
    return urllib.parse.quote(rel)


def _summary_rows(summary: CorpusSummary) -> list[tuple[str, str]]:
    dates = (
        f"{summary.first_date} to {summary.last_date}"
        if summary.first_date
        else "no article with a known publication date"
    )
    speed = summary.megabytes / summary.seconds if summary.seconds else 0.0
    rows = [
        ("documents", f"{summary.documents:,}"),
        ("articles", f"{summary.articles:,}"),
        ("articles published", dates),
        ("issues (all)", f"{summary.issues:,}"),
        ("inputs that failed", f"{summary.failed_inputs:,}"),
        ("documents that failed in processing", f"{summary.failed_documents:,}"),
        ("extraction", f"{summary.seconds:.1f} s, {summary.megabytes:.1f} MB, {speed:.2f} MB/s"),
    ]
    rows += [(f"rows: {name}", f"{count:,}") for name, count in sorted(summary.rows.items())]
    return rows


def render_index(
    results: list[ReportResult],
    *,
    out_dir: str | Path,
    summary: CorpusSummary | None = None,
    title: str = "conflict-news reports",
) -> str:
    """The index page as HTML text: the corpus summary and one card per notebook.

    Every text that comes from data (paths, messages, titles) is HTML-escaped; links
    and images are relative to ``out_dir``.

    Example:
        >>> page = render_index([ReportResult("x.ipynb", None, None, "Error: <b>")],
        ...                     out_dir="/tmp")
        >>> "&lt;b&gt;" in page and "<b>" not in page
        True
    """
    esc = html.escape
    base = Path(out_dir)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
    ]
    if summary is not None:
        parts.append("<h2>Corpus</h2>")
        tables = esc(_href(summary.tables_dir, base))
        parts.append(
            f'<p>Tables: <a href="{tables}/"><code>{esc(str(summary.tables_dir))}</code></a></p>'
        )
        parts.append("<table>")
        parts += [
            f'<tr><th>{esc(k)}</th><td class="n">{esc(v)}</td></tr>'
            for k, v in _summary_rows(summary)
        ]
        parts.append("</table>")
        if summary.failures:
            parts.append(f'<p class="failed">{esc(summary.failures)}</p><table>')
            parts.append("<tr><th>file</th><th>kind</th><th>message</th></tr>")
            parts += [
                f"<tr><td>{esc(str(p['path']))}</td><td>{esc(str(p['kind']))}</td>"
                f"<td>{esc(str(p['message']))}</td></tr>"
                for p in summary.problems
            ]
            parts.append("</table>")
    parts.append("<h2>Notebooks</h2>")
    for r in results:
        status = (
            '<span class="ok">ran to the end</span>'
            if r.ok
            else f'<span class="failed">failed: {esc(r.error or "")}</span>'
        )
        links = []
        if r.html is not None:
            links.append(f'<a href="{esc(_href(r.html, base))}">report (HTML)</a>')
        if r.executed is not None:
            links.append(f'<a href="{esc(_href(r.executed, base))}">executed notebook</a>')
        tables = base / Path(r.notebook).stem
        if tables.is_dir():
            links.append(f'<a href="{esc(_href(tables, base))}/">tables</a>')
        parts.append('<div class="card">')
        parts.append(f"<h3>{esc(r.title or Path(r.notebook).stem)}</h3>")
        parts.append(f"<p>{status} · {' · '.join(links) or 'no output'}</p>")
        if r.figure is not None:
            alt = f"first figure of {r.title or r.notebook}"
            parts.append(f'<img src="{esc(_href(r.figure, base))}" alt="{esc(alt)}">')
        parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_index(
    results: list[ReportResult],
    out_dir: str | Path,
    *,
    tables_dir: str | Path | None = None,
) -> Path:
    """Write ``<out_dir>/index.html`` (see :func:`render_index`); returns its path.

    The corpus summary comes from ``tables_dir`` when it holds a finished extraction.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = None
    if tables_dir is not None:
        try:
            summary = summarize_tables_dir(tables_dir)
        except TablesNotReady as exc:
            log.warning("index without corpus summary: %s", exc)
    page = out / "index.html"
    page.write_text(render_index(results, out_dir=out, summary=summary), encoding="utf-8")
    return page
