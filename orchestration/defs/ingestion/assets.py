"""One multi-asset per landing source: it loads new files into the raw tables of that source
and reports validation, quarantine and freshness as asset checks."""

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from orchestration.defs.ingestion.checks import check_results, check_specs
from orchestration.defs.resources import WarehouseResource
from orchestration.lib.landing import contract, ingest_source

# Transient failures (a file still being written, a locked warehouse) deserve a retry;
# contract breaches never raise, they are quarantined.
INGEST_RETRY = dg.RetryPolicy(max_retries=2, delay=15, backoff=dg.Backoff.EXPONENTIAL)


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
        with warehouse.connect() as con:
            result = ingest_source(con, Path(warehouse.landing_dir), source, loaded_at=loaded_at)
            if warehouse.target == "spark":
                from orchestration.lib.spark import export_raw_tables

                export_raw_tables(con, Path(warehouse.warehouse_path).parent, raw_tables_of(source))
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
        yield from check_results(source, result, Path(warehouse.landing_dir))
        if result.is_unreadable:
            raise dg.Failure(
                f"Every file of source '{source}' was unreadable: {result.problems[:5]}"
            )

    return _ingest


INGESTION_ASSETS: list[dg.AssetsDefinition] = [
    build_ingestion_asset(source) for source in contract.SOURCES
]
