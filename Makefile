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

# The installer's output goes to $(PIPLOG); it is shown only when the install fails.
PIPLOG := $(VENV)/install.log
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check --no-input
quiet   = >>$(1) 2>&1 || { cat $(1) >&2; echo "install failed (log: $(1))" >&2; exit 1; }

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "soutien: installing into $(VENV) (details in $(PIPLOG))" >&2
	@: > $(PIPLOG)
	@$(PIP) --upgrade pip $(call quiet,$(PIPLOG))
	@$(PIP) -e . $(call quiet,$(PIPLOG))
	@touch $@

$(TSTAMP): $(STAMP) pyproject.toml
	@$(PIP) -e '.[test]' $(call quiet,$(PIPLOG))
	@touch $@

# A real Matrix homeserver for the tests, in its own virtualenv (it pins many packages).
$(SSTAMP):
	@test -x $(SYNAPSE)/bin/python || $(PYTHON) -m venv $(SYNAPSE)
	@$(SYNAPSE)/bin/python -m pip install -q --disable-pip-version-check 'matrix-synapse==1.163.*' \
		$(call quiet,$(SYNAPSE)/install.log)
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
	@$(PIP) -e '.[train]' $(call quiet,$(PIPLOG))
	@$(BIN)/python -m bench.train_safety $(ARGS)

# Benchmarks: each relay against its bare baseline, the core, memory, the scheduler, search.
# Writes bench/results.json and bench/RESULTS.md; fails only when a benchmark cannot run.
bench: $(TSTAMP) $(SSTAMP)
	@$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(SYNAPSE) $(JSDIR)/node_modules data .mypy_cache .pytest_cache .ruff_cache
