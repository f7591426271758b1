"""The whole dbt project as Dagster assets; dbt tests surface as asset checks."""

import json
import os
from collections import Counter
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration.defs.dbt.project import dbt_project, ensure_manifest
from orchestration.defs.dbt.translator import WarehouseDbtTranslator
from orchestration.defs.resources import WarehouseResource

DBT_TEST_SUMMARY = "dbt_run_results.json"


class DbtBuildConfig(dg.Config):
    full_refresh: bool = False


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
    manifest=ensure_manifest(),
    project=dbt_project,
    dagster_dbt_translator=WarehouseDbtTranslator(),
)
def warehouse_dbt_assets(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    config: DbtBuildConfig,
):
    dbt_vars = {}
    if warehouse.as_of_date:
        dbt_vars["as_of_date"] = warehouse.as_of_date
    args = ["build", "--vars", json.dumps(dbt_vars)]
    if warehouse.target == "spark":
        from orchestration.lib.spark import environment

        # profiles.yml's `spark` output and the raw-source hook read these.
        os.environ.update(environment(Path(warehouse.warehouse_path).parent))
    if config.full_refresh:
        args.append("--full-refresh")
    invocation = dbt.cli(args, context=context, raise_on_error=False)
    yield from invocation.stream()

    summary = summarise_run_results(invocation.get_artifact("run_results.json"))
    report_dir = Path(warehouse.warehouse_path).parent / "build_reports"
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / DBT_TEST_SUMMARY).write_text(json.dumps(summary, indent=2))
    context.log.info(f"dbt results: {summary['counts']}")
    if warehouse.target == "spark":
        from orchestration.lib.spark import publish_mart_views

        marts = publish_mart_views(Path(warehouse.warehouse_path).parent)
        context.log.info(f"DuckDB views over the Spark marts' Parquet: {marts}")
    if not invocation.is_successful():
        raise dg.Failure(
            description="dbt build failed: an error-severity test failed or a model errored",
            metadata={"problems": dg.MetadataValue.json(summary["problems"])},
        )
