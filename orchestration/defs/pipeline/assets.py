"""Publishing: the run's working copy replaces the published warehouse, whole, once the
build passed (orchestration/lib/publish.py).

Downstream of every dbt model: Dagster skips it when an ingestion step or the dbt build
failed (an error-severity test included), so the published file then stays as it was.
"""

import dagster as dg

from orchestration.defs.dbt.assets import warehouse_dbt_assets
from orchestration.defs.resources import WarehouseResource


@dg.asset(
    group_name="board",
    deps=list(warehouse_dbt_assets.keys),
    kinds={"duckdb"},
    description="The warehouse readers open: replaced whole by a build whose every "
    "error-severity test passed; `warehouse_builds` names the build it holds.",
)
def published_warehouse(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    build = warehouse.publish()
    context.log.info(f"published {build.describe()} to {warehouse.warehouse_path}")
    return dg.MaterializeResult(
        metadata={
            "build_id": build.build_id,
            "as_of_date": build.as_of_date.isoformat() if build.as_of_date else None,
            "finished_at": build.finished_at.isoformat(),
            "path": warehouse.warehouse_path,
        }
    )
