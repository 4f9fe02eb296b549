# Two commands on a fresh machine with only python3:  make report  /  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
INPUT  ?= data/sample
OUT    ?= reports

.PHONY: install report test lint format lab bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Render every notebook on the sample corpus into reports/ (executed .ipynb + HTML + tables).
report: $(STAMP)
	$(BIN)/python -m analysis_lib report --input $(INPUT) --out $(OUT)

## Lint and run the whole test suite (unit tests, doctests, notebooks under papermill).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Open JupyterLab on notebooks/ with the project's environment.
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

## Throughput benchmarks (printed, not asserted) and the dev-data evaluation of actor finding.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_segment.py
	$(BIN)/python benchmarks/bench_actors.py
	$(BIN)/python benchmarks/bench_dates.py
	$(BIN)/python benchmarks/bench_casualties.py
	$(BIN)/python benchmarks/bench_pipeline.py

eval: $(STAMP)
	$(BIN)/python benchmarks/eval_actors.py
	$(BIN)/python benchmarks/eval_dates.py
	$(BIN)/python benchmarks/eval_casualties.py

clean:
	rm -rf $(VENV) reports .pytest_cache .ruff_cache
