# Soutien — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CONFIG ?= $(if $(wildcard soutien.yaml),soutien.yaml,soutien.example.yaml)
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
SYNAPSE := .venv-synapse
SSTAMP := $(SYNAPSE)/.installed
JSDIR  := tests/matrix/js
JSTAMP := $(JSDIR)/node_modules/.installed

.PHONY: install run test test-load lint typecheck eval bench clean train-safety

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip >&2
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e . >&2
	@touch $@

$(TSTAMP): $(STAMP) pyproject.toml
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]' >&2
	@touch $@

# A real Matrix homeserver for the tests, in its own virtualenv (it pins many packages).
$(SSTAMP):
	@test -x $(SYNAPSE)/bin/python || $(PYTHON) -m venv $(SYNAPSE)
	@$(SYNAPSE)/bin/python -m pip install -q --disable-pip-version-check 'matrix-synapse==1.163.*' >&2
	@touch $@

# Element's client stack for the tests: matrix-js-sdk (37.5, the last on Node 20) and its
# Rust crypto, exactly as locked in package-lock.json.
$(JSTAMP): $(JSDIR)/package.json $(JSDIR)/package-lock.json
	@cd $(JSDIR) && npm ci --no-audit --no-fund --loglevel=error >&2
	@touch $@

install: $(STAMP)

run: install
	@$(BIN)/soutien-bot run --config $(CONFIG)

lint: $(TSTAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check bot adapters storage tests bench

typecheck: $(TSTAMP)
	$(BIN)/mypy

test: $(TSTAMP) $(SSTAMP) $(JSTAMP) lint typecheck
	$(BIN)/pytest

# Reliability under load, failover, chaos, database outage and start-up (needs PostgreSQL:
# TEST_DATABASE_URL); merges its figures into bench/results.json under `reliability`.
test-load: $(TSTAMP) $(SSTAMP) $(JSTAMP)
	$(BIN)/python bench/reliability.py

eval: $(TSTAMP)
	@$(BIN)/python bench/eval_directory.py; $(BIN)/python -m bench.eval_safety

# Retrain the safety reader's linear model from tests/corpus/danger_tune*.yaml.
train-safety: $(TSTAMP)
	@$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[train]' >&2
	@$(BIN)/python -m bench.train_safety

bench: $(TSTAMP)
	@$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(SYNAPSE) $(JSDIR)/node_modules data .mypy_cache .pytest_cache .ruff_cache
