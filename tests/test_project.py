"""Project-level checks: dependency lists agree, notebooks are clean, README commands exist."""

from __future__ import annotations

import ast
import json
import re
import tomllib

from analysis_lib import NOTEBOOK_DIR, PROJECT_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_names() -> set[str]:
    data = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    reqs = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["dev"]
    return {_name(r) for r in reqs}


def _environment_names() -> set[str]:
    names = set()
    in_deps = False
    for line in (PROJECT_ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s*-\s+([A-Za-z0-9_.\-]+)", line)
        in_deps = in_deps or line.startswith("dependencies:")
        if in_deps and m and not line.strip().startswith(("- -e", "- pip:")):
            names.add(_name(m.group(1)))
    return names - {"python", "pip"}


def test_environment_yml_lists_the_same_packages_as_pyproject():
    assert _pyproject_names() == _environment_names()


def test_notebooks_are_committed_clean_with_python3_kernel():
    notebooks = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    assert notebooks, "no notebooks found"
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == "python3", path.name
        assert nb["metadata"]["language_info"]["name"] == "python", path.name
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert "parameters" in code[0]["metadata"].get("tags", []), path.name
        for cell in code:
            assert not cell.get("outputs") and cell.get("execution_count") is None, path.name
            source = "".join(cell["source"])
            assert not re.search(r"^\s*(def|class) ", source, re.M), f"{path.name} defines code"


def test_notebook_parameters_are_typed_commented_literals_and_tables_come_from_the_library():
    core = {"input_path": str, "output_dir": str, "limit": int, "tables_dir": str}
    for path in sorted(NOTEBOOK_DIR.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        ids = [c.get("id") for c in nb["cells"]]
        assert all(ids) and len(set(ids)) == len(ids), f"{path.name}: cell ids"
        code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
        lines = code[0].splitlines()
        values = {}
        for node in ast.parse(code[0]).body:
            assert isinstance(node, ast.AnnAssign), f"{path.name}: {ast.unparse(node)}"
            values[node.target.id] = ast.literal_eval(node.value)
            text = "\n".join(lines[node.lineno - 1 : node.end_lineno])
            assert "#" in text, f"{path.name}: no comment on {node.target.id}"
        for name, kind in core.items():
            assert isinstance(values.get(name), kind), f"{path.name}: parameter {name}"
        rest = "\n".join(code[1:])
        assert re.search(r"load_tables\(\s*run\b", rest), f"{path.name} does not load_tables"
        assert "tables_dir=tables_dir" in rest, f"{path.name} does not pass tables_dir"
        assert not re.search(r"\bextract\(", rest), f"{path.name} extracts instead of load_tables"


def test_readme_names_the_two_setup_commands_and_ci_runs_the_test_one():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make report" in readme and "make test" in readme
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text()


def test_sample_corpus_is_shipped():
    names = {p.name for p in (PROJECT_ROOT / "data" / "sample").glob("*.txt")}
    assert names == {"000_65897b68137db2a4.txt", "004_f65997268528880e.txt"}
