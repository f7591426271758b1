"""The Dagster instance builds record into: the persistent one `make dev` shows.

`warehouse build` runs the nightly job in-process; with an ephemeral instance its run, its
materialisations and asset checks vanished with the process and the UI said "Never
materialized". Both now use DAGSTER_HOME (default: `.dagster_home/` in the project, which
`make dev` serves), so a CLI build is in the UI's run list and asset pages.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from orchestration.settings import PROJECT_DIR

DEFAULT_DAGSTER_HOME = PROJECT_DIR / ".dagster_home"
INSTANCE_SETTINGS = PROJECT_DIR / "orchestration" / "dagster.yaml"

# Tags of a run started by `warehouse build`. No run-level retry: the CLI reports the failure
# to the person who started it; the `make dev` daemon must not re-run it behind their back.
CLI_RUN_TAGS = {"dagster/max_retries": "0", "warehouse/started_by": "warehouse build"}


def dagster_home() -> Path:
    """DAGSTER_HOME when set (tests set a temporary one), else the project's `.dagster_home`."""
    home = os.environ.get("DAGSTER_HOME", "").strip()
    return Path(home).resolve() if home else DEFAULT_DAGSTER_HOME


def prepare_home(home: Path | None = None) -> Path:
    """The folder with the project's instance settings (`make dev` copies the same file)."""
    home = home or dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        shutil.copyfile(INSTANCE_SETTINGS, settings)
    return home


@contextmanager
def open_instance() -> Iterator[tuple[dg.DagsterInstance, str | None]]:
    """The persistent instance and None, or (when its folder cannot be used) an ephemeral one
    and the reason: run history is worth a warning, never a failed build."""
    try:
        home = prepare_home()
        instance = dg.DagsterInstance.from_config(str(home))
    except Exception as error:  # any storage problem: build without history
        with dg.DagsterInstance.ephemeral() as instance:
            yield (
                instance,
                (
                    f"run history not recorded ({type(error).__name__}: {error}); check "
                    f"DAGSTER_HOME={dagster_home()}"
                ),
            )
        return
    with instance:
        yield instance, None
