"""Great Expectations suites built from the contract, run on typed pandas batches.

GX has no DuckDB datasource, so each object's newly loaded rows are handed to GX as a pandas
DataFrame (typed columns as in raw, plus `<col>__unparsed` holding values that did not parse,
so "types parse" is an expectation too). The batch holds every row read, good and
quarantined, so an expectation's unexpected count equals the rows the SQL checks caught.
Large objects are validated on a bounded sample (see load.py); the SQL checks in validate.py
cover every row.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

import pandas as pd

from .contract import ISO_CURRENCIES, Field

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # no telemetry calls from a loader

import great_expectations as gx  # noqa: E402
import great_expectations.expectations as gxe  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402

logging.getLogger("great_expectations").setLevel(logging.WARNING)

_CURRENCY_CODES = sorted(ISO_CURRENCIES | {c.lower() for c in ISO_CURRENCIES})


@dataclass
class ValidationResult:
    """One object's GX validation in one run (all files loaded for it in that run)."""

    object: str  # raw table name, e.g. stripe__invoice_lines
    suite_name: str
    success: bool
    evaluated_expectations: int
    successful_expectations: int
    unexpected_counts: dict[str, int] = field(default_factory=dict)  # expectation -> count
    rows_validated: int = 0
    files: int = 0


def build_suite(
    name: str, fields: tuple[Field, ...], columns: set[str], seeds: dict[Field, frozenset[str]]
) -> gx.ExpectationSuite:
    """Expectations for one object. `columns`: the columns actually delivered in the batch."""
    required = sorted(f.column for f in fields if f.required)
    expectations: list[gx.expectations.Expectation] = [
        gxe.ExpectTableColumnsToMatchSet(column_set=required, exact_match=False),
    ]
    for f in fields:
        col = f.column
        if col not in columns:
            continue  # reported once by the column-set expectation above
        if f.not_null:
            expectations.append(gxe.ExpectColumnValuesToNotBeNull(column=col))
        if f.type not in ("varchar", "json"):
            expectations.append(gxe.ExpectColumnValuesToBeNull(column=f"{col}__unparsed"))
        if f.enum:
            expectations.append(gxe.ExpectColumnValuesToBeInSet(column=col, value_set=list(f.enum)))
        if f.is_currency:
            expectations.append(
                gxe.ExpectColumnValuesToBeInSet(column=col, value_set=_CURRENCY_CODES)
            )
        if f.seed:
            expectations.append(
                gxe.ExpectColumnValuesToBeInSet(column=col, value_set=sorted(seeds[f]))
            )
        if f.min_value is not None or f.max_value is not None:
            expectations.append(
                gxe.ExpectColumnValuesToBeBetween(
                    column=col, min_value=f.min_value, max_value=f.max_value
                )
            )
    suite = gx.ExpectationSuite(name=name)
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


def _label(config: object) -> str:
    kwargs = getattr(config, "kwargs", {}) or {}
    target = kwargs.get("column") or "table"
    return f"{getattr(config, 'type', 'expectation')}({target})"


class Validator:
    """One ephemeral GX context per ingestion run (creating it is the slow part)."""

    _shared: Validator | None = None

    @classmethod
    def shared(cls) -> Validator:
        """The process's validator: each ingestion asset of a run reuses one context."""
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def __init__(self) -> None:
        self._context = gx.get_context(mode="ephemeral")
        self._context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self._source = self._context.data_sources.add_pandas(name="landing")

    def validate(
        self,
        table: str,
        fields: tuple[Field, ...],
        df: pd.DataFrame,
        seeds: dict[Field, frozenset[str]],
        files: int,
    ) -> ValidationResult:
        suite_name = f"landing.{table}"
        suite = build_suite(suite_name, fields, set(df.columns), seeds)
        asset = self._source.add_dataframe_asset(name=f"{table}_{len(self._source.assets)}")
        batch = asset.add_batch_definition_whole_dataframe("all_rows").get_batch(
            batch_parameters={"dataframe": df}
        )
        result = batch.validate(suite, result_format="BASIC")
        unexpected = {}
        for r in result.results:
            count = (r.result or {}).get("unexpected_count")
            if not r.success:
                unexpected[_label(r.expectation_config)] = int(count or 0)
        stats = result.statistics
        return ValidationResult(
            object=table,
            suite_name=suite_name,
            success=bool(result.success),
            evaluated_expectations=int(stats["evaluated_expectations"]),
            successful_expectations=int(stats["successful_expectations"]),
            unexpected_counts=unexpected,
            rows_validated=len(df),
            files=files,
        )
