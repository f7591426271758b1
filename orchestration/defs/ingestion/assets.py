"""One multi-asset per landing source: it loads new files into the raw tables of that source
and reports validation, quarantine and freshness as asset checks."""

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.defs.ingestion.checks import check_results, check_specs
from orchestration.defs.resources import WarehouseResource
from orchestration.lib import publish
from orchestration.lib.landing import LandingNotFoundError, contract, ingest_source
from orchestration.settings import duckdb_memory_limit

# Transient failures (a locked warehouse) deserve a retry; permanent ones (a path that is
# not there, no permission, a file that is not a warehouse) fail at once with their cause.
# Contract breaches never raise, they are quarantined.
INGEST_RETRY = dg.RetryPolicy(max_retries=2, delay=15, backoff=dg.Backoff.EXPONENTIAL)


def _explained(error: Exception, path: str) -> Exception:
    """The error to raise: retried when transient, a non-retried Failure when not."""
    if isinstance(error, LandingNotFoundError):
        message = (
            f"landing directory {error.path} does not exist or is not a folder; "
            "point --landing (LANDING_DIR) at the landing root"
        )
    elif isinstance(error, duckdb.Error):
        message = publish.explain_duckdb_error(error, path)
    else:
        message = f"{type(error).__name__}: {error}"
    if publish.is_transient(error):
        return publish.BuildError(message)
    return dg.Failure(description=message, allow_retries=False)


def raw_tables_of(source: str) -> list[str]:
    tables = []
    for obj in contract.ALL_OBJECTS:
        if obj.source == source:
            tables.append(obj.table)
            tables.extend(f"{obj.source}__{child.name}" for child in obj.children)
    return tables


def build_ingestion_asset(source: str) -> dg.AssetsDefinition:
    specs = [
        dg.AssetSpec(
            ["raw", table],
            group_name="sources",
            kinds={"duckdb"},
            description=f"Raw `{table}` rows as landed, with load metadata (append-only).",
        )
        for table in raw_tables_of(source)
    ]

    @dg.multi_asset(
        name=f"ingest_{source}",
        specs=specs,
        check_specs=check_specs(source),
        retry_policy=INGEST_RETRY,
        can_subset=False,
    )
    def _ingest(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
        loaded_at = datetime.now(UTC).replace(tzinfo=None)
        try:
            with warehouse.connect() as con:
                # Like dbt's profile: a batch's sorts spill to disk rather than grow RSS.
                con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")
                result = ingest_source(
                    con, Path(warehouse.landing_dir), source, loaded_at=loaded_at
                )
                if warehouse.target == "spark":
                    from orchestration.lib.spark import export_raw_tables

                    export_raw_tables(
                        con, Path(warehouse.warehouse_path).parent, raw_tables_of(source)
                    )
        except (duckdb.Error, OSError) as error:
            raise _explained(error, warehouse.build_path) from error
        for problem in result.problems:
            context.log.warning(problem)
        metadata = {
            "files_seen": result.files_seen,
            "files_loaded": result.files_loaded,
            "files_skipped": result.files_skipped,
            "files_rejected": result.files_rejected,
            "rows_read": result.rows_read,
            "rows_loaded": result.rows_loaded,
            "rows_quarantined": result.rows_quarantined,
        }
        for spec in specs:
            yield dg.MaterializeResult(asset_key=spec.key, metadata=metadata)
        yield from check_results(
            source, result, Path(warehouse.landing_dir), warehouse.freshness_hours[source]
        )
        if result.is_unreadable:
            raise dg.Failure(
                f"Every file of source '{source}' was unreadable: {result.problems[:5]}; "
                "fix or replace the files (they stay rejected in landing_manifest)",
                allow_retries=False,  # the same files fail the same way
            )

    return _ingest


INGESTION_ASSETS: list[dg.AssetsDefinition] = [
    build_ingestion_asset(source) for source in contract.SOURCES
]

# raw.landing_manifest (one row per landed file: loaded, skipped or rejected, and why) is
# written by every ingestion asset and read by dbt (mart_reported_landing_files). Declared
# here so the graph shows where it comes from, instead of a source no asset produces.
LANDING_MANIFEST = dg.AssetSpec(
    ["raw", "landing_manifest"],
    group_name="sources",
    kinds={"duckdb"},
    description="One row per landed file and load: loaded, skipped (already loaded) or "
    "rejected with the reason. Written by every `ingest_<source>` step.",
    deps=[spec.key for asset in INGESTION_ASSETS for spec in asset.specs],
)
