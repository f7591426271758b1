"""The dbt CLI resource of the project: dagster-dbt's, without the work it does before every
dbt command that this project never uses.

Before each `dbt build`, DbtCliResource runs `dbt --version` in a subprocess (to tell dbt
Core from the Fusion engine) and loads a dbt adapter in the Dagster process (its only use is
fetching column metadata and row counts, which the assets never ask for). Together that was
10-15 s of every build on 2 busy cores, before dbt even started. The dbt this project runs is
the dbt-core installed beside dagster-dbt (resources.py), so its version is known here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from dagster_dbt import DbtCliResource
from packaging import version


class WarehouseDbtCliResource(DbtCliResource):
    @cached_property
    def _cli_version(self) -> version.Version:
        from dbt.version import __version__

        return version.parse(__version__)

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:  # type: ignore[override]
        return None
