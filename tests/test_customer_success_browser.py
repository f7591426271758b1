"""Browser test of the customer-success boards: Customer health, Renewals and Account 360
in headless Chromium, one full-page screenshot per page and language under tests/artifacts/.

Uses the customer-success board fixture unless DASHBOARD_TEST_WAREHOUSE points to a built
warehouse (e.g. the demo's data/warehouse.duckdb).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.dashboard_fixture import build_fixture
from tests.test_customer_success_boards import CS_TABLES
from tests.test_dashboards_browser import CHROMIUM, screenshot_pages, serving

PAGES = ("customer_health", "renewals", "account_360")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install -y chromium)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    configured = os.environ.get("DASHBOARD_TEST_WAREHOUSE")
    workdir = tmp_path_factory.mktemp("cs_browser")
    if configured:
        warehouse = Path(configured)
    else:
        warehouse = build_fixture(workdir / "warehouse.duckdb")
        con = duckdb.connect(str(warehouse))
        try:
            con.execute(CS_TABLES)
        finally:
            con.close()
    with serving(warehouse, workdir / "streamlit.log") as url:
        yield url


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshot_customer_success_pages(server: str, language: str) -> None:
    screenshot_pages(server, PAGES, language)
