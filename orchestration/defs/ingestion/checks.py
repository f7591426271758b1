"""Asset checks of the landing boundary: Great Expectations suites, quarantine, freshness,
and immutability of extracts. All warn: bad rows are quarantined, never fatal."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import dagster as dg

from orchestration.lib.landing import contract

WARN = dg.AssetCheckSeverity.WARN


def _objects(source: str) -> list[contract.SourceObject]:
    return [o for o in contract.ALL_OBJECTS if o.source == source]


def check_specs(source: str) -> list[dg.AssetCheckSpec]:
    specs: list[dg.AssetCheckSpec] = []
    for obj in _objects(source):
        key = dg.AssetKey(["raw", obj.table])
        specs += [
            dg.AssetCheckSpec(
                "great_expectations_suite",
                asset=key,
                description=f"The GX suite of {obj.source}.{obj.name} built from "
                "the landing contract passes on the new files.",
            ),
            dg.AssetCheckSpec(
                "no_rows_quarantined",
                asset=key,
                description="No row of the new files broke the contract.",
            ),
        ]
    first = dg.AssetKey(["raw", _objects(source)[0].table])
    specs += [
        dg.AssetCheckSpec(
            "landing_is_fresh",
            asset=first,
            description="The newest file of the source is younger than its limit.",
        ),
        dg.AssetCheckSpec(
            "extracts_are_immutable",
            asset=first,
            description="No file already loaded came back with other content.",
        ),
    ]
    return specs


def _validation_for(result: Any, obj: contract.SourceObject) -> Any | None:
    for validation in getattr(result, "validations", []):
        if validation.object in (obj.name, obj.table):
            return validation
    return None


def newest_file_age_hours(landing: Path, source: str) -> float | None:
    newest = 0.0
    for obj in _objects(source):
        folder = landing / obj.directory
        if folder.exists():
            for f in folder.iterdir():
                if f.is_file():
                    newest = max(newest, f.stat().st_mtime)
    return (time.time() - newest) / 3600 if newest else None


def check_results(
    source: str, result: Any, landing: Path, freshness_limit_hours: float
) -> list[dg.AssetCheckResult]:
    """The checks of one ingestion run; the landing root and the freshness limit come from
    the WarehouseResource the asset was given (settings.DEFAULT_FRESHNESS_HOURS by default)."""
    out: list[dg.AssetCheckResult] = []
    quarantined = getattr(result, "quarantined_by_object", {}) or {}
    for obj in _objects(source):
        key = dg.AssetKey(["raw", obj.table])
        validation = _validation_for(result, obj)
        if validation is None:
            out.append(
                dg.AssetCheckResult(
                    asset_key=key,
                    check_name="great_expectations_suite",
                    passed=True,
                    severity=WARN,
                    description="nothing to validate: no new files of this object",
                    metadata={"note": "nothing to validate", "rows_validated": 0},
                )
            )
        else:
            out.append(
                dg.AssetCheckResult(
                    asset_key=key,
                    check_name="great_expectations_suite",
                    passed=bool(validation.success),
                    severity=WARN,
                    metadata={
                        "suite": validation.suite_name,
                        "evaluated_expectations": validation.evaluated_expectations,
                        "successful_expectations": validation.successful_expectations,
                        "rows_validated": validation.rows_validated,
                        "unexpected_counts": dg.MetadataValue.json(
                            dict(validation.unexpected_counts)
                        ),
                    },
                )
            )
        n_bad = int(quarantined.get(obj.name, 0))
        out.append(
            dg.AssetCheckResult(
                asset_key=key,
                check_name="no_rows_quarantined",
                passed=n_bad == 0,
                severity=WARN,
                metadata={"rows_quarantined": n_bad},
            )
        )

    first = dg.AssetKey(["raw", _objects(source)[0].table])
    limit = freshness_limit_hours
    age = newest_file_age_hours(landing, source)
    out.append(
        dg.AssetCheckResult(
            asset_key=first,
            check_name="landing_is_fresh",
            # A source with no files yet is allowed (sources.md); it is not stale either.
            passed=age is None or age <= limit,
            severity=WARN,
            metadata={
                "newest_file_age_hours": round(age, 1) if age is not None else None,
                "limit_hours": limit,
            },
        )
    )
    rejected = [p for p in result.problems if "immutable" in p]
    out.append(
        dg.AssetCheckResult(
            asset_key=first,
            check_name="extracts_are_immutable",
            passed=not rejected,
            severity=WARN,
            metadata={"changed_files": dg.MetadataValue.json(rejected[:50])},
        )
    )
    return out
