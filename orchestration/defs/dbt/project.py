"""The dbt project of the code location. Loading the code location never runs dbt: it reads
the manifest that `ensure_manifest()` wrote before (the build command, `make dev` and the
test session call it)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.lib.spark import target_from_env
from orchestration.settings import PROJECT_DIR

dbt_project = DbtProject(project_dir=PROJECT_DIR, profiles_dir=PROJECT_DIR)

_SOURCES_OF_MANIFEST = ("models", "macros", "seeds", "tests/dbt", "dbt_project.yml")


def _newest_source_mtime() -> float:
    newest = 0.0
    for name in _SOURCES_OF_MANIFEST:
        path = PROJECT_DIR / name
        files = [path] if path.is_file() else path.rglob("*") if path.exists() else []
        for f in files:
            newest = max(newest, f.stat().st_mtime)
    return newest


def _parsed_adapter(manifest: Path) -> str | None:
    try:
        with manifest.open(encoding="utf-8") as handle:
            return json.load(handle)["metadata"].get("adapter_type")
    except (OSError, ValueError, KeyError):
        return None


def ensure_manifest(target: str | None = None) -> Path:
    """Parse the dbt project when its manifest is missing, older than the SQL/YAML, or parsed
    for another target than the one this build runs on.

    The target matters: a column declared `quote: true` gives its tests a unique id that
    depends on the adapter's quoting, so a manifest parsed for DuckDB names nodes a Spark
    run of dbt never reports (dagster-dbt then fails on an unknown node).
    `dagster dev` would do this through `prepare_if_dev`; the CLI and tests load the
    definitions outside it, so they need the same guarantee.
    """
    target = target or target_from_env()
    manifest = dbt_project.manifest_path
    stale = not manifest.exists() or manifest.stat().st_mtime < _newest_source_mtime()
    if stale or _parsed_adapter(manifest) != target:
        dbt = Path(sys.executable).with_name("dbt")
        subprocess.run(
            [
                str(dbt),
                "parse",
                "--quiet",
                "--project-dir",
                str(PROJECT_DIR),
                "--profiles-dir",
                str(PROJECT_DIR),
                "--target-path",
                str(dbt_project.target_path),
                "--target",
                target,
            ],
            check=True,
            cwd=PROJECT_DIR,
        )
    return manifest


def existing_manifest() -> Path:
    """The manifest the code location is defined from; parsed beforehand, never on import."""
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        raise FileNotFoundError(
            f"dbt manifest {manifest} is missing: run `dbt parse` (make dev and "
            "`warehouse build` do) before loading the code location"
        )
    return manifest


# Importable without a parsed manifest (unlike assets.py): the CLI and tests use these too.
AS_OF_ENV = "DBT_AS_OF_DATE"


def build_target_path(warehouse_path: str, target: str) -> Path:
    """dbt's target folder for the builds of one warehouse: the same folder every build, so
    dbt finds the partial_parse.msgpack the previous build saved and parses only the files
    that changed (a fresh folder per run, dagster-dbt's default, parses the whole project
    every time). One folder per warehouse and target: builds of one warehouse never overlap
    (publish.BuildLock), builds of different warehouses never share a folder."""
    key = hashlib.sha256(f"{target}\0{Path(warehouse_path).resolve()}".encode()).hexdigest()
    return Path(dbt_project.project_dir) / dbt_project.target_path / f"build-{target}-{key[:12]}"
