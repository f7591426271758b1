"""The board deck, rendered from the public marts after every nightly build."""

from pathlib import Path

import dagster as dg

from orchestration.defs.resources import WarehouseResource

DECK_MARTS = [
    "mart_mrr_bridge",
    "mart_retention_monthly",
    "mart_retention_trailing_12m",
    "mart_cohort_retention",
    "fct_mrr_movements",
    "dim_accounts",
    "mart_funnel",
    "mart_win_rates",
    "mart_unit_economics",
    "mart_icp_segments",
]


@dg.asset(
    group_name="board",
    # rendered from the published file, once this run's build is published
    deps=[*(dg.AssetKey(name) for name in DECK_MARTS), dg.AssetKey("published_warehouse")],
    kinds={"pptx", "pdf"},
    description="Monthly board deck (PPTX and PDF) of the latest complete month.",
)
def board_deck(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    from orchestration.lib.deck import NO_BILLING_DATA, NoBillingDataError, render_board_deck

    try:
        pptx, pdf = render_board_deck(
            Path(warehouse.warehouse_path), None, Path(warehouse.board_deck_dir)
        )
    except NoBillingDataError as skipped:
        # A CRM-, usage- or support-only landing builds fine; there is just no deck yet.
        context.log.info(f"board deck skipped: {skipped}")
        return dg.MaterializeResult(metadata={"skipped": NO_BILLING_DATA})
    context.log.info(f"board deck written to {pptx} and {pdf}")
    return dg.MaterializeResult(metadata={"pptx": str(pptx), "pdf": str(pdf)})
