"""Untrusted text stays text in every report, and paths are data (issue 9).

A corpus whose headlines and bodies carry ``<script>``, ``<img onerror>``, ``<iframe>``,
Markdown ``javascript:`` links and notebook magics (``%%bash``, ``!touch``), in a folder
whose name is Python code, is rendered by ``python -m analysis_lib report``. Headless
Chromium then loads every page (the four notebooks and the index) and dumps the DOM after
its scripts ran: every payload, had it run, would mark ``<body>`` with a ``data-xss``
attribute. The tests check that no payload ran, that the payloads are shown as text, that
the figures are there, and that no injected command ran.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it); without it the page
tests skip locally and fail in CI.
"""

from __future__ import annotations

import ast
import base64
import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis_lib import NOTEBOOK_DIR, PROJECT_ROOT
from analysis_lib.reports import run_notebook

pytestmark = pytest.mark.notebook

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=5000",
]


def _mark(tag: str) -> str:
    """JavaScript that, if it runs, leaves ``data-xss="<tag>"`` on the page's body."""
    return f"document.body.setAttribute('data-xss','{tag}')"


def _payloads(tag: str) -> dict[str, str]:
    return {
        "script": f"<script>{_mark(tag + 's')}</script>",
        "img": f'<img src=x onerror="{_mark(tag + "i")}">',
        "iframe": f'<iframe src="javascript:{_mark(tag + "f")}"></iframe>',
        "link": f"[click](javascript:{_mark(tag + 'm')})",
        "bold": f'<b onmouseover="{_mark(tag + "b")}">bold</b>',
    }


def _write_corpus(folder: Path, marker: Path) -> None:
    """A CSV export and a wire dump full of payloads, plus an empty file named like markup."""
    folder.mkdir(parents=True)
    a, b, c, d = (_payloads(t) for t in "abcd")
    magics = f"%%bash\n!touch {marker}-bash\n%system touch {marker}-system\n"
    rows = [
        (
            f"{a['script']} Boko Haram kills 40",
            "MAIDUGURI, Nigeria (Reuters) - Boko Haram killed 40 people near Maiduguri on "
            f"Monday {a['img']}, Amnesty International said {a['link']}.\n{magics}"
            f"Nigerian troops arrested three suspects in Borno on Tuesday {a['iframe']}, "
            "the army said.",
            "2017-09-18",
        ),
        (
            f"%%bash !touch {marker}-headline {b['img']}",
            "BEIRUT (Reuters) - Syrian troops killed 12 Islamic State militants in Deir "
            f"al-Zor on Tuesday {b['script']}, the Syrian army said {b['bold']}.\n{magics}",
            "2017-09-19",
        ),
        (
            f"{c['link']} {c['iframe']}",
            f"KABUL (Reuters) - Police arrested five men in Kabul on Sunday {c['link']}, "
            f"Afghan officials said {c['script']}.",
            "2017-09-17",
        ),
    ]
    with open(folder / "export.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "text", "date"])
        writer.writerows(rows)
    (folder / "dump.txt").write_text(
        f"{d['script']} Gunmen kill 7 in Mogadishu\n\n"
        f"MOGADISHU (Reuters) - Gunmen killed seven soldiers in Mogadishu on Friday {d['img']}, "
        f"police said {d['link']}.\n{magics}\n(Reporting by Ann Lee; Editing by Bo Chan)\n",
        encoding="utf-8",
    )
    (folder / f"{_payloads('e')['img']}.txt").write_bytes(b"")  # an empty file: an issue


def _code_dir(base: Path, marker: Path, quote: str) -> Path:
    """A folder whose name is code that touches ``marker`` if formatted into Python."""
    return base / f"{quote}); import os; os.system({quote}touch {marker}{quote}); ({quote}"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Run ``python -m analysis_lib report`` on the payload corpus, in code-named folders."""
    base = tmp_path_factory.mktemp("xss")
    markers = base / "markers"
    markers.mkdir()
    corpus = _code_dir(base, markers / "pwned-input", '"') / "corpus"
    out = _code_dir(base, markers / "pwned-output", "'") / "out\nimport os\nos.system('x')"
    _write_corpus(corpus, markers / "magic")
    done = subprocess.run(
        [sys.executable, "-m", "analysis_lib", "report", "--input", str(corpus), "--out", str(out)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    return out, markers, done


def test_report_runs_every_notebook(report):
    out, _, done = report
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: the empty file is reported
    pages = sorted(p.name for p in out.glob("*.html"))
    expected = sorted(f"{p.stem}.html" for p in NOTEBOOK_DIR.glob("[0-9]*.ipynb"))
    assert set(expected) <= set(pages), (pages, done.stdout[-2000:], done.stderr[-2000:])
    for page in expected:
        executed = nbformat.read(out / page.replace(".html", ".ipynb"), as_version=4)
        errors = [
            o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"
        ]
        assert not errors, f"{page}: {errors[0].get('ename')}: {errors[0].get('evalue')}"


def test_no_injected_command_ran(report):
    _, markers, _ = report
    assert sorted(p.name for p in markers.iterdir()) == []


def test_parameters_are_string_literals(report):
    """papermill writes the parameters as literals: the code-named paths stay strings."""
    out, _, _ = report
    for executed in sorted(out.glob("[0-9]*.ipynb")):
        nb = nbformat.read(executed, as_version=4)
        (cell,) = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        tree = ast.parse(cell.source)
        values = {}
        for node in tree.body:
            assert isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant), (
                executed.name,
                ast.dump(node),
            )
            values[node.targets[0].id] = node.value.value
        assert values["output_dir"] == str(out / executed.stem)


def test_input_path_parameter_with_code_runs_safely(tmp_path):
    """``run_notebook(input_path=…)``: a path that is code is passed as a value."""
    markers = tmp_path / "markers"
    markers.mkdir()
    corpus = _code_dir(tmp_path, markers / "pwned", '"')
    corpus.mkdir(parents=True)
    (corpus / "story.txt").write_text(
        "Troops retake town\n\nBEIRUT (Reuters) - Syrian troops retook the town on Monday, "
        "the army said.\n",
        encoding="utf-8",
    )
    executed = run_notebook(
        NOTEBOOK_DIR / "01_article_segmentation.ipynb", tmp_path / "out", input_path=corpus
    )
    nb = nbformat.read(executed, as_version=4)
    (cell,) = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    values = {n.targets[0].id: ast.literal_eval(n.value) for n in ast.parse(cell.source).body}
    assert values["input_path"] == str(corpus)
    assert list(markers.iterdir()) == []
    articles = (tmp_path / "out" / "01_article_segmentation" / "articles.csv").read_text(
        encoding="utf-8"
    )
    assert "Troops retake town" in articles


# --------------------------------------------------------------------------- in Chromium


def _dump_dom(page: Path, profile: Path) -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    done = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0 and "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


def test_chromium_sees_a_payload_that_runs(tmp_path):
    """The check itself: an unescaped payload does mark the page."""
    page = tmp_path / "control.html"
    payloads = _payloads("z")
    page.write_text(f"<html><body>{payloads['script']}{payloads['img']}</body></html>")
    dom = _dump_dom(page, tmp_path / "profile")
    assert re.search(r'<body[^>]*data-xss="z[si]"', dom)


def _pages(out: Path) -> list[Path]:
    return sorted(out.glob("*.html"))


@pytest.fixture(scope="module")
def doms(report, tmp_path_factory):
    out, _, _ = report
    profile = tmp_path_factory.mktemp("chromium-profile")
    return {page.name: _dump_dom(page, profile) for page in _pages(out)}


def test_no_injected_script_ran_in_any_page(doms):
    assert len(doms) >= 5  # four notebooks and the index
    for name, dom in doms.items():
        assert "data-xss=" not in dom, f"{name}: an injected payload ran"
        assert not re.search(r"<script[^>]*>[^<]*data-xss", dom), f"{name}: a script element"
        assert not re.search(r"<(?:img|b)\b[^>]*\bon(?:error|mouseover)=", dom), name
        assert not re.search(r"<iframe\b", dom), f"{name}: an iframe element"
        assert not re.search(r"href=\"javascript:", dom, re.IGNORECASE), f"{name}: a link"


def test_payloads_are_shown_as_text(doms):
    """The headlines and sentences with payloads are in the pages, escaped."""
    pages = "".join(doms.values())
    assert "&lt;script&gt;document.body.setAttribute('data-xss','as')&lt;/script&gt;" in pages
    assert "&lt;img src=x onerror=" in pages
    assert "[click](javascript:document.body.setAttribute('data-xss','cm'))" in pages
    assert "%%bash !touch" in pages


def test_figures_are_present(report, doms):
    out, _, _ = report
    for name, dom in doms.items():
        if name == "index.html":
            sources = re.findall(r'<img[^>]*src="([^"]+\.png)"', dom)
            assert sources, "the index shows no figure"
            for src in sources:
                assert (out / src).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", src
            continue
        figures = re.findall(r'<img[^>]*src="data:image/png;base64,([^"]+)"', dom)
        assert figures, f"{name}: no figure"
        for data in figures:
            assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n", name
