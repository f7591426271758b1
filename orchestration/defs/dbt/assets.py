"""The whole dbt project as Dagster assets; dbt tests surface as asset checks."""

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration.defs.dbt.project import (
    _SOURCES_OF_MANIFEST,
    AS_OF_ENV,
    build_target_path,
    dbt_project,
    existing_manifest,
)
from orchestration.defs.dbt.translator import WarehouseDbtTranslator
from orchestration.defs.resources import WarehouseResource

DBT_TEST_SUMMARY = "dbt_run_results.json"

# dbt is retried when it failed for a reason that passes (a lock, a killed process), never
# when a model or an error-severity test failed: the same input fails the same way.
DBT_RETRY = dg.RetryPolicy(max_retries=2, delay=10, backoff=dg.Backoff.EXPONENTIAL)
_TRANSIENT_DBT_ERRORS = ("Could not set lock", "Conflicting lock", "database is locked")


class DbtTransientError(RuntimeError):
    """dbt failed for a reason worth a retry."""


def dbt_failure(
    errors: str, returncode: int | None, summary: dict, *, target: str = "duckdb"
) -> Exception:
    """What a failed `dbt build` raises: retried when the cause passes, else a Failure that
    names the failing tests and is not retried (the same input fails the same way).

    Never retried on Spark: the local session's embedded (Derby) metastore stays locked by
    the failed attempt's JVM, so a retry fails on the metastore instead of the cause."""
    if target == "duckdb" and returncode is not None and returncode < 0:
        return DbtTransientError(f"dbt was stopped by signal {-returncode}; retrying")
    if target == "duckdb" and any(marker in errors for marker in _TRANSIENT_DBT_ERRORS):
        return DbtTransientError(f"dbt could not lock the warehouse: {errors[:500]}")
    failed = [p["test"] for p in summary["problems"] if p["status"] in ("fail", "error")]
    last_error = errors.strip().splitlines()[-1][:300] if errors.strip() else ""
    return dg.Failure(
        description=(
            f"dbt build failed: {len(failed)} error-severity test(s) failed"
            + (f" ({', '.join(failed[:5])})" if failed else "")
            + (f"; {last_error}" if last_error else "")
            + "; the published warehouse was left as it was: fix the data or the model, "
            "then build again"
        ),
        metadata={"problems": dg.MetadataValue.json(summary["problems"])},
        allow_retries=False,
    )


# The as-of day of the build, read by macros/revenue/revenue_as_of_date.sql when dbt executes.
class DbtBuildConfig(dg.Config):
    full_refresh: bool = False


# Work a nightly skips when the project is the one the warehouse was last built with: unit
# tests (they test the SQL on fixed rows, never the data). A full build, --full-refresh and
# any change to the project's SQL, YAML, seeds or dbt version run them all. Seeds stay:
# they are assets the published_warehouse step waits for (and cost little).
CODE_STATE = "raw.dbt_code_state"
UNCHANGED_CODE_EXCLUDE = "resource_type:unit_test"


def project_fingerprint(root: Path | None = None) -> str:
    """sha256 of every file dbt reads to build (models, macros, seeds, singular tests,
    dbt_project.yml, profiles.yml) and the dbt version."""
    from dbt.version import __version__ as dbt_version

    root = Path(root or dbt_project.project_dir)
    digest = hashlib.sha256(dbt_version.encode())
    for name in (*_SOURCES_OF_MANIFEST, "profiles.yml"):
        path = root / name
        files = [path] if path.is_file() else sorted(path.rglob("*")) if path.exists() else []
        for f in files:
            if f.is_file():
                digest.update(f.relative_to(root).as_posix().encode() + b"\0")
                digest.update(f.read_bytes())
    return digest.hexdigest()


def built_with(path: str) -> str | None:
    """The project fingerprint of the last passing dbt build of the warehouse at `path`."""
    if not Path(path).is_file():
        return None
    try:
        con = duckdb.connect(path, read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute(f"select fingerprint from {CODE_STATE}").fetchone()
    except duckdb.Error:
        return None
    finally:
        con.close()
    return row[0] if row else None


def record_built_with(path: str, fingerprint: str) -> None:
    con = duckdb.connect(path)
    try:
        con.execute("create schema if not exists raw")
        con.execute(f"create or replace table {CODE_STATE} (fingerprint varchar)")
        con.execute(f"insert into {CODE_STATE} values (?)", [fingerprint])
    finally:
        con.close()


def summarise_run_results(run_results: dict) -> dict:
    """Counts of dbt results by resource type and status, plus the failing tests by name."""
    counts: Counter[str] = Counter()
    failures: list[dict[str, str]] = []
    for result in run_results.get("results", []):
        kind = result["unique_id"].split(".", 1)[0]
        status = result["status"]
        counts[f"{kind}:{status}"] += 1
        if kind in ("test", "unit_test") and status in ("fail", "error", "warn"):
            failures.append(
                {
                    "test": result["unique_id"],
                    "status": status,
                    "message": (result.get("message") or "")[:500],
                }
            )
    return {"counts": dict(sorted(counts.items())), "problems": failures}


@dbt_assets(
    manifest=existing_manifest(),
    project=dbt_project,
    dagster_dbt_translator=WarehouseDbtTranslator(),
    retry_policy=DBT_RETRY,
)
def warehouse_dbt_assets(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    config: DbtBuildConfig,
):
    # The as-of day reaches dbt as an environment variable (macros/revenue/revenue_as_of_date
    # .sql), never as --vars: a changed --vars makes dbt parse the whole project again.
    args = ["build"]
    if warehouse.target == "spark":
        from orchestration.lib.spark import environment

        # profiles.yml's `spark` output and the raw-source hook read these.
        os.environ.update(environment(Path(warehouse.warehouse_path).parent))
    if config.full_refresh:
        args.append("--full-refresh")
    fingerprint = project_fingerprint() if warehouse.target == "duckdb" else None
    if fingerprint and not config.full_refresh and built_with(warehouse.build_path) == fingerprint:
        args += ["--exclude", UNCHANGED_CODE_EXCLUDE]
        context.log.info(
            "dbt project unchanged since the last build of this warehouse: its unit tests "
            "are not run again"
        )
    # dbt writes the run's working copy, never the published file (profiles.yml reads it).
    saved_env = {name: os.environ.get(name) for name in ("WAREHOUSE_PATH", AS_OF_ENV)}
    os.environ["WAREHOUSE_PATH"] = warehouse.build_path
    if warehouse.as_of_date:
        os.environ[AS_OF_ENV] = warehouse.as_of_date
    else:
        os.environ.pop(AS_OF_ENV, None)
    try:
        invocation = dbt.cli(
            args,
            context=context,
            raise_on_error=False,
            target_path=build_target_path(warehouse.warehouse_path, warehouse.target),
        )
    finally:
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    try:
        yield from invocation.stream()
    except Exception as error:
        if warehouse.target == "duckdb":
            raise
        raise dg.Failure(
            description=f"dbt on {warehouse.target} failed: {error!r}", allow_retries=False
        ) from error

    try:
        run_results = invocation.get_artifact("run_results.json")
    except (OSError, ValueError):
        run_results = {}
    summary = summarise_run_results(run_results)
    report_dir = Path(warehouse.warehouse_path).parent / "build_reports"
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / DBT_TEST_SUMMARY).write_text(json.dumps(summary, indent=2))
    context.log.info(f"dbt results: {summary['counts']}")
    if warehouse.target == "spark":
        from orchestration.lib.spark import publish_mart_views

        # Into the run's copy: publishing swaps that copy over the catalog.
        marts = publish_mart_views(
            Path(warehouse.warehouse_path).parent, catalog=Path(warehouse.build_path)
        )
        context.log.info(f"DuckDB views over the Spark marts' Parquet: {marts}")
    if fingerprint and invocation.is_successful():
        record_built_with(warehouse.build_path, fingerprint)
    if not invocation.is_successful():
        error = invocation.get_error()
        raise dbt_failure(
            str(error) if error else "",
            invocation.process.returncode,
            summary,
            target=warehouse.target,
        )
