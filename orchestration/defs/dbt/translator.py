"""Maps dbt resources to Dagster asset keys and groups by folder, never by model name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings


class WarehouseDbtTranslator(DagsterDbtTranslator):
    def __init__(self) -> None:
        super().__init__(DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        # dbt sources are the raw tables the ingestion assets write: same key, one graph.
        if dbt_resource_props["resource_type"] == "source":
            table = dbt_resource_props.get("identifier") or dbt_resource_props["name"]
            return dg.AssetKey(["raw", table])
        return dg.AssetKey([dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "seeds"
        fqn: list[str] = list(dbt_resource_props.get("fqn", []))
        # fqn = [project, layer, (domain or source), ..., model]
        folders = fqn[1:-1]
        if not folders:
            return "dbt"
        if folders[0] == "marts" and len(folders) > 1:
            return f"marts_{folders[1]}"
        return folders[0]
