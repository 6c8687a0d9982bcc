# Every target creates .venv and installs what it needs when missing: `make demo` the platform alone, the other
# targets the platform and its development tools (the [dev] extra).
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.dev-installed-stamp
PYTHON ?= python3
# `make test` spreads the suite over this many processes (pytest-xdist, one test database each; 0: a single one).
TEST_WORKERS ?= 2

.PHONY: install demo serve test e2e fuzz mutation lint fix bench loadtest clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	@touch $(STAMP)

$(DEV_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP) $(DEV_STAMP)

install: $(DEV_STAMP)

# `fabrique demo` runs the system checks: migrate need not run them first.
demo: $(STAMP)
	FABRIQUE_DEMO=true $(BIN)/fabrique migrate --noinput --skip-checks
	FABRIQUE_DEMO=true $(BIN)/fabrique demo

# One module per worker at a time (module-scoped fixtures: the role matrix's world, the shared demo), in the
# collected order (tests/scheduling.py puts the longest modules first).
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder

e2e: install
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	$(BIN)/pytest -m e2e -p no:randomly

# Schema fuzzing of the API (schemathesis, demo data, coordinator and member tokens); FUZZ_MAX_EXAMPLES bounds it.
fuzz: install
	$(BIN)/pytest -m fuzz -p no:randomly tests/api/test_schema_fuzzing.py

MUTATION_STAMP := $(VENV)/.mutation-installed-stamp

$(MUTATION_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev,mutation]"
	@touch $(MUTATION_STAMP)

# Mutation testing of the rule modules ([tool.mutmut] in pyproject.toml, docs/testing.md), then the score and the
# survivors; fails below 95 %. Each test session copies a migrated SQLite template (tests/conftest.py). A fresh run;
# MUTANTS="fabrique.core.cells.*" (mutmut's names, globs) runs those again only, keeping mutants/ and its stats.
MUTANTS ?=

mutation: $(MUTATION_STAMP)
	$(if $(MUTANTS),mkdir -p mutants,rm -rf mutants && mkdir mutants)
	FABRIQUE_MUTATION_DB=$(CURDIR)/mutants/template.sqlite3 PYTHONPATH=$(CURDIR)/mutants \
		$(BIN)/mutmut run --max-children 2 $(foreach name,$(MUTANTS),"$(name)")
	$(BIN)/python scripts/mutation_score.py $(foreach name,$(MUTANTS),"$(name)")

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/fabrique check --fail-level WARNING
	$(BIN)/fabrique makemigrations --check --dry-run
	$(BIN)/lint-imports

fix: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

BENCH_STAMP := $(VENV)/.bench-installed-stamp

$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.run

loadtest: $(BENCH_STAMP)
	$(BIN)/python -m bench.loadtest

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache mutants
