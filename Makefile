# Two commands on a fresh machine (Python 3.11, pip, make): `make site` and `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: site test lint bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml setup.py
	$(BIN)/pip install --quiet -e .
	touch $@

$(DEVSTAMP): $(BIN)/python pyproject.toml setup.py
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $@

site: $(STAMP)
	$(BIN)/podium build

test: $(DEVSTAMP)
	bash .ci/setup-system
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

# ruff's rules and formatting alone (pyproject.toml [tool.ruff]); `make test` runs them first
lint: $(DEVSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(DEVSTAMP)
	$(BIN)/python bench/build.py

# the guides in docs/ as a small site in site/ (offline; a warning or a broken link fails)
docs: $(DEVSTAMP)
	$(BIN)/mkdocs build --strict

clean:
	rm -rf output .cache site
