"""The instance a build records into: Dagster's SQLite files, written through connections kept
open (lib/run_history.py), read back by the stock storage the UI (`make dev`) uses."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration.lib import run_history

KEYS = [dg.AssetKey(["raw", f"table_{i}"]) for i in range(12)]


@dg.multi_asset(
    specs=[dg.AssetSpec(key) for key in KEYS],
    check_specs=[dg.AssetCheckSpec("rows_parse", asset=key) for key in KEYS],
)
def tables():
    for key in KEYS:
        yield dg.MaterializeResult(asset_key=key, metadata={"rows_loaded": 3})
        yield dg.AssetCheckResult(asset_key=key, check_name="rows_parse", passed=True)


def _home(tmp_path: Path, settings: str = "") -> Path:
    home = run_history.prepare_home(tmp_path / "dagster_home")
    if settings:
        (home / "dagster.yaml").write_text(settings)
    return home


def test_a_build_records_what_the_stock_instance_reads(tmp_path: Path) -> None:
    home = _home(tmp_path)
    with run_history._build_instance(home) as instance:
        storage = instance.get_ref().storage_data.rehydrate()
        assert isinstance(storage, run_history.BuildSqliteStorage)
        result = dg.materialize([tables], instance=instance)
        assert result.success
        written = instance.get_records_for_run(result.run_id, limit=10_000).records

    with dg.DagsterInstance.from_config(str(home)) as stock:
        assert stock.get_ref().storage_data.class_name == "DagsterSqliteStorage"
        [run] = stock.get_runs()
        assert run.run_id == result.run_id and run.status == dg.DagsterRunStatus.SUCCESS
        read = stock.get_records_for_run(result.run_id, limit=10_000).records
        assert [r.storage_id for r in read] == [r.storage_id for r in written]
        event = stock.get_latest_materialization_event(KEYS[-1])
        assert event is not None and event.run_id == result.run_id
        checks = stock.get_records_for_run(
            result.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION
        ).records
        assert len(checks) == len(KEYS)

    # a second build appends to the same files
    with run_history._build_instance(home) as instance:
        assert dg.materialize([tables], instance=instance).success
        assert len(instance.get_runs()) == 2


def test_sqlite_storage_elsewhere_is_written_where_the_settings_say(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    home = _home(tmp_path, f"storage:\n  sqlite:\n    base_dir: {elsewhere}\n")
    with run_history._build_instance(home) as instance:
        assert dg.materialize([tables], instance=instance).success
    assert (elsewhere / "history" / "runs.db").exists()
    assert not (home / "history").exists()
