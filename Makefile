# warledger: the README's commands. Everything installs into .venv from PyPI; nothing is downloaded at run time.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= warledger.duckdb
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup ui run serve screenshots test bench lint evaluate fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The web UI, built from web/package-lock.json (npm ci) into the folder `warledger serve` serves
# (not in git); nothing is fetched at run time.
UI := src/warledger/server/static/index.html
$(UI): web/package.json web/package-lock.json web/vite.config.js web/index.html $(wildcard web/src/*)
	cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build

ui: $(UI)

setup: $(STAMP) $(UI)

run: $(STAMP) $(UI)
	rm -f $(DB)
	$(BIN)/warledger ingest samples --db $(DB)
	$(BIN)/warledger stats --db $(DB)
	$(BIN)/warledger resolve --db $(DB)
	@echo
	@echo "Explore it in a browser: $(BIN)/warledger serve --db $(DB)   (or: make serve)"
	@echo "then open http://$(HOST):$(PORT)/"

# The HTTP API (/openapi.json) and the web UI over $(DB); read-only unless WARLEDGER_TOKEN is set.
serve: $(STAMP) $(UI)
	$(BIN)/warledger serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(STAMP) $(UI)
	$(BIN)/python -m pytest

# PNGs of each view of the UI (docs/screenshots/, shown in the README), in headless Chromium.
screenshots: $(STAMP) $(UI)
	$(BIN)/python tools/screenshots.py --out docs/screenshots

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/store_load.py
	$(BIN)/python benchmarks/exports.py

evaluate: $(STAMP)
	$(BIN)/warledger evaluate acled ../shared/data/acled/dev_libya_syria_2020.csv ../shared/data/acled/dev_world_2020.csv --processes 2

# Coverage-guided fuzzing (atheris) of extract and each reader, FUZZ_SECONDS each; a crash is kept
# in tests/fuzz/regressions/ and replayed by `make test` (which also runs a bounded run of 300
# inputs a target, tests/fuzz/test_atheris_bounded.py). FUZZ_TARGETS picks some of them.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= extract warc feed html jsonl json text
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -e ".[dev,fuzz]"
	for target in $(FUZZ_TARGETS); do \
		$(BIN)/python tests/fuzz/atheris_harness.py $$target --seconds $(FUZZ_SECONDS) || exit 1; \
	done

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache web/node_modules src/warledger/server/static
