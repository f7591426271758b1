"""Browser test of the customer-success boards: Customer health, Renewals and Account 360
in headless Chromium, one full-page screenshot per page and language under tests/artifacts/.

Uses the customer-success scenario warehouse (tests/board_warehouses.py `cs_scenario`)
unless DASHBOARD_TEST_WAREHOUSE points to a built warehouse (e.g. data/warehouse.duckdb).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.board_warehouses import cs_scenario
from tests.test_dashboards_browser import CHROMIUM, screenshot_pages, serving

PAGES = ("customer_health", "renewals", "account_360")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install -y chromium)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    configured = os.environ.get("DASHBOARD_TEST_WAREHOUSE")
    workdir = tmp_path_factory.mktemp("cs_browser")
    warehouse = Path(configured) if configured else cs_scenario(workdir)
    with serving(warehouse, workdir / "streamlit.log") as url:
        yield url


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshot_customer_success_pages(server: str, language: str) -> None:
    screenshot_pages(server, PAGES, language)
