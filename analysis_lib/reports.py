"""Run the notebooks with papermill in fresh kernels and export them to HTML.

Every notebook in ``notebooks/`` takes the same core parameters (``input_path``,
``output_dir``, ``limit``). ``render_reports`` runs each one top to bottom and writes,
under the output folder::

    <out>/<notebook>.ipynb        the executed notebook
    <out>/<notebook>.html         its HTML export
    <out>/<notebook>/             the tables the notebook wrote
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from analysis_lib import NOTEBOOK_DIR, PROJECT_ROOT, SAMPLE_DIR

log = logging.getLogger(__name__)

KERNEL_NAME = "python3"


@dataclass(frozen=True)
class RunPaths:
    """Resolved input and output locations of one notebook run."""

    input_path: Path
    output_dir: Path
    limit: int | None


def resolve_run(input_path: str, output_dir: str, limit: int, *, notebook: str) -> RunPaths:
    """Turn a notebook's literal parameters into absolute paths.

    Empty ``input_path`` means the bundled sample corpus; empty ``output_dir`` means
    ``reports/<notebook>`` under the project root; ``limit`` 0 means no limit. The
    output folder is created. Relative paths are taken from the project root, not
    the working directory, so a notebook runs the same from anywhere.

    Example:
        >>> run = resolve_run("", "/tmp/cnn-doctest", 0, notebook="01_article_segmentation")
        >>> run.input_path.name, str(run.output_dir), run.limit
        ('sample', '/tmp/cnn-doctest', None)
    """
    inp = Path(input_path) if input_path else SAMPLE_DIR
    out = Path(output_dir) if output_dir else PROJECT_ROOT / "reports" / notebook
    if not inp.is_absolute() and not any(ch in str(inp) for ch in "*?["):
        inp = PROJECT_ROOT / inp
    if not out.is_absolute():
        out = PROJECT_ROOT / out
    out.mkdir(parents=True, exist_ok=True)
    return RunPaths(inp, out, limit if limit and limit > 0 else None)


def list_notebooks(notebook_dir: str | Path = NOTEBOOK_DIR) -> list[Path]:
    """The report notebooks, in name order (``01_…``, ``02_…``); checkpoints skipped.

    Example:
        >>> [p.name for p in list_notebooks()][:1]
        ['01_article_segmentation.ipynb']
    """
    return sorted(
        p for p in Path(notebook_dir).glob("*.ipynb") if not p.name.startswith((".", "_"))
    )


def run_notebook(
    notebook: str | Path,
    out_dir: str | Path,
    *,
    input_path: str | Path = "",
    limit: int = 0,
    parameters: dict | None = None,
    timeout: int = 1200,
) -> Path:
    """Execute one notebook with papermill in a fresh ``python3`` kernel.

    Args:
        notebook: Path of the notebook to run.
        out_dir: Folder for the executed copy; its tables go to ``out_dir/<stem>``.
        input_path: Corpus path passed to the notebook ("" = sample corpus).
        limit: Document limit passed to the notebook (0 = all).
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
    body, _resources = HTMLExporter().from_notebook_node(nb)
    html = executed.with_suffix(".html")
    html.write_text(body, encoding="utf-8")
    return html


@dataclass(frozen=True)
class ReportResult:
    """Outcome of one notebook run."""

    notebook: str
    executed: Path | None
    html: Path | None
    error: str | None


def render_reports(
    input_path: str | Path,
    out_dir: str | Path,
    *,
    notebooks: list[str] | None = None,
    limit: int = 0,
    html: bool = True,
) -> list[ReportResult]:
    """Run every notebook (or the named ones) and export HTML; failures are reported.

    A failing notebook does not stop the others: its result carries the error and its
    executed copy (with the traceback) is still written.

    Args:
        input_path: Corpus for every notebook.
        out_dir: Report folder.
        notebooks: Names or stems to run (default: all in ``notebooks/``).
        limit: Document limit passed to every notebook.
        html: Also export HTML.
    """
    paths = list_notebooks()
    if notebooks:
        wanted = {Path(n).stem for n in notebooks}
        paths = [p for p in paths if p.stem in wanted]
        missing = wanted - {p.stem for p in paths}
        if missing:
            raise ValueError(
                f"no such notebook(s): {sorted(missing)}; have {[p.stem for p in list_notebooks()]}"
            )
    results = []
    for nb in paths:
        log.info("running %s", nb.name)
        executed = Path(out_dir).resolve() / nb.name
        try:
            run_notebook(nb, out_dir, input_path=input_path, limit=limit)
            error = None
        except Exception as exc:  # papermill wraps kernel errors in several types
            error = f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}"
        page = export_html(executed) if html and executed.exists() else None
        results.append(ReportResult(nb.name, executed if executed.exists() else None, page, error))
    return results
