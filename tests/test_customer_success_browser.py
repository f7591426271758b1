"""Browser test of the customer-success boards: Customer health, Renewals and Account 360
in headless Chromium, one full-page screenshot per page and language under tests/artifacts/.

Uses the customer-success board fixture unless DASHBOARD_TEST_WAREHOUSE points to a built
warehouse (e.g. the demo's data/warehouse.duckdb).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.dashboard_fixture import build_fixture
from tests.test_customer_success_boards import CS_TABLES
from tests.test_dashboards_browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    full_screenshot,
    start_server,
    wait_rendered,
)

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
    process, url = start_server(warehouse, workdir / "streamlit.log")
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshot_customer_success_pages(server: str, language: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": 1440, "height": 900}, device_scale_factor=1, locale="ko-KR"
            )
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            for name in PAGES:
                page.goto(f"{server}/{name}?lang={language}", wait_until="domcontentloaded")
                wait_rendered(page)
                assert page.locator('[role="dialog"]').count() == 0, f"{name}: page not found"
                assert page.locator('[data-testid="stException"]').count() == 0, name
                assert page.locator("h1").first.inner_text(), name
                shot = ARTIFACTS / f"board_{name}_{language}.png"
                full_screenshot(page, shot)
                assert shot.stat().st_size > 10_000
            assert not errors, errors
        finally:
            browser.close()
