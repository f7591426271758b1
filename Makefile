# Two commands matter: `make run` (build the demo warehouse and print its headline) and
# `make test` (the whole test suite). Both create the locked environment when missing.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo .uv-bootstrap/bin/uv)
VENV := .venv
BIN := $(VENV)/bin
LANDING ?= data/landing
WAREHOUSE ?= data/warehouse.duckdb
export WAREHOUSE_PATH ?= $(abspath $(WAREHOUSE))
export DBT_PROFILES_DIR := $(CURDIR)

.PHONY: run test test-spark env demo build dashboards dev deck lint docs clean bench-ingest bench-revenue bench-boards bench run-spark bench-spark

$(UV):
	python3 -m venv .uv-bootstrap && .uv-bootstrap/bin/pip install --quiet uv

# Byte-compiled at install: where PYTHONDONTWRITEBYTECODE is set (as on our CI machines)
# Python never caches what it compiles, and every build and dbt process compiled Dagster,
# dbt and pandas from source again (about 10 s a process).
$(BIN)/warehouse: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet --compile-bytecode
	@touch $@

env: $(BIN)/warehouse

# One Dagster instance for `make run` and `make dev`: the UI shows the runs of the CLI too.
DAGSTER_HOME_DIR ?= $(CURDIR)/.dagster_home

# One line per phase; Dagster's and dbt's detail go to data/logs/build-*.log (VERBOSE=1: here too).
run: env
	@test -d $(LANDING) || $(BIN)/warehouse demo --out $(LANDING)
	DAGSTER_HOME=$(DAGSTER_HOME_DIR) $(BIN)/warehouse build --landing $(LANDING) --warehouse $(WAREHOUSE) $(if $(VERBOSE),--verbose)

# The same build on Spark (local, Java 17): marts as Parquet folders under data/spark-warehouse.
run-spark: env
	@test -d $(LANDING) || $(BIN)/warehouse demo --out $(LANDING)
	$(BIN)/warehouse build --landing $(LANDING) --target spark --warehouse data/spark-warehouse

test: env
	$(BIN)/pytest

# The Spark parity test alone (issue 16; part of `make test`, skipped without Java).
test-spark: env
	$(BIN)/pytest -m spark_parity tests/test_spark_parity.py

demo: env
	$(BIN)/warehouse demo --out $(LANDING)

dashboards: env
	$(BIN)/streamlit run dashboards/app.py

# The Dagster UI on .dagster_home (its dagster.yaml copied from orchestration/); Ctrl-C stops it.
dev: env
	DAGSTER_HOME=$(DAGSTER_HOME_DIR) $(BIN)/warehouse dev

deck: env
	$(BIN)/warehouse deck --warehouse $(WAREHOUSE)

docs: env
	$(BIN)/dbt docs generate --project-dir . --profiles-dir .

# sqlfluff compiles models against the warehouse: run `make run` first.
lint: env
	$(BIN)/ruff check orchestration dashboards tests bench
	$(BIN)/ruff format --check orchestration dashboards tests bench
	$(BIN)/sqlfluff lint models --processes 2

# Scale: 1k/10M, 3k/30M, 10k/100M events over 60 months (hours at the largest size).
bench: env
	$(BIN)/python bench/bench_scale.py --accounts 1000 --events 10000000 --json bench/results/scale_1k.json
	$(BIN)/python bench/bench_scale.py --accounts 3000 --events 30000000 --json bench/results/scale_3k.json
	$(BIN)/python bench/bench_scale.py --accounts 10000 --events 100000000 --json bench/results/scale_10k.json
	$(BIN)/python bench/bench_scale.py --plot bench/results/scale_1k.json bench/results/scale_3k.json bench/results/scale_10k.json

bench-ingest: env
	$(BIN)/python bench/bench_ingest.py

bench-revenue: env
	$(BIN)/python bench/bench_revenue.py

bench-spark: env
	$(BIN)/python bench/bench_spark.py

bench-boards: env
	$(BIN)/python bench/bench_boards.py --accounts 2000

clean:
	rm -rf data target logs .dagster_home
