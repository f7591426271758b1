"""Building the same landing twice gives byte-identical public marts.

Money is DECIMAL end to end (macros/utils/type_money.sql), so no sum depends on the order
threads add rows in. Every public mart of metrics.md ("Public marts") is hashed - its column
names and types, then every row in a fixed order - in the session's small warehouse and in
a second build of the same landing; the hashes must be equal.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb

from tests.conftest import SHARED, BuiltWarehouse, build
from tests.test_warehouse_build import PUBLIC_MARTS

# metrics.md's public marts as of this test; marts the table adds later are hashed too.
KNOWN_PUBLIC_MARTS = (
    *PUBLIC_MARTS,
    "fct_leads",
    "fct_opportunities",
    "mart_funnel",
    "mart_unit_economics",
    "mart_icp_segments",
)


def public_marts() -> list[str]:
    """The mart names of the "Public marts" table of metrics.md (plus the known ones)."""
    names = set(KNOWN_PUBLIC_MARTS)
    metrics = SHARED / "metrics.md"
    if metrics.exists():
        section = metrics.read_text(encoding="utf-8").split("## Public marts", 1)[-1]
        names |= set(re.findall(r"^\| (\w+) \|", section, flags=re.MULTILINE)) - {"mart"}
    return sorted(names)


def mart_hashes(warehouse: Path) -> dict[str, str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        built = {
            row[0]
            for row in con.execute(
                "select table_name from information_schema.tables where table_schema = 'main'"
            ).fetchall()
        }
        hashes = {}
        for mart in public_marts():
            if mart not in built and mart not in KNOWN_PUBLIC_MARTS:
                continue  # a public mart another change has not built yet
            digest = hashlib.sha256()
            digest.update(repr(con.execute(f"describe {mart}").fetchall()).encode())
            for row in con.execute(f"select * from {mart} order by all").fetchall():
                digest.update(repr(row).encode())
            hashes[mart] = digest.hexdigest()
        return hashes
    finally:
        con.close()


def test_two_builds_of_one_landing_give_identical_public_marts(
    small_warehouse: BuiltWarehouse, tmp_path: Path
) -> None:
    second = build(small_warehouse.landing, tmp_path, small_warehouse.settings.as_of_date)
    assert second.summary.success, second.summary
    first_hashes = mart_hashes(small_warehouse.warehouse)
    assert set(first_hashes) >= set(KNOWN_PUBLIC_MARTS)
    second_hashes = mart_hashes(second.warehouse)
    differing = sorted(m for m in first_hashes if first_hashes[m] != second_hashes.get(m))
    assert not differing, f"public marts differ between two builds: {differing}"
