"""Browser test: `streamlit run dashboards/app.py` on 127.0.0.1, one screenshot per page and
language in headless Chromium (Debian `chromium`), saved under tests/artifacts/.

Uses the warehouse the real pipeline builds from the small fixture landing
(tests/conftest.py) unless DASHBOARD_TEST_WAREHOUSE points to another built one.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
PAGES = (
    "overview",
    "mrr_bridge",
    "retention",
    "funnel",
    "unit_economics",
    "segments",
    "account_360",
    "definitions",
)
# The default page (overview) lives at the root URL; /overview forwards there.
URL_PATHS: dict[str, str] = {}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install -y chromium)"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


def start_server(warehouse: Path, log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse)}
    log = log_path.open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboards/app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=REPO_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
    except Exception:
        process.terminate()
        process.wait(timeout=10)
        raise
    return process, url


def wait_rendered(page: object, timeout_ms: int = 30_000) -> None:
    """Until the script run has finished and charts have drawn (no spinners, no skeletons)."""
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms
    )
    page.wait_for_function(
        """() => {
            if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stSpinner"]')) {
                return false;
            }
            const plots = document.querySelectorAll('[data-testid="stPlotlyChart"]');
            return Array.from(plots).every(p => p.querySelector('.main-svg'));
        }""",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(800)  # let plotly finish its transitions before the shot


def full_screenshot(page: object, path: Path, width: int = 1440) -> None:
    """Streamlit scrolls inside its main container, so grow the viewport to the content."""
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(900, min(int(height) + 40, 8000))})
    page.wait_for_timeout(600)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": width, "height": 900})


@contextmanager
def serving(warehouse: Path, log_path: Path) -> Iterator[str]:
    """The boards on `warehouse` for the duration of the block; yields their base URL."""
    process, url = start_server(warehouse, log_path)
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def screenshot_pages(url: str, pages: tuple[str, ...], language: str) -> None:
    """Open each page in headless Chromium as a reader would, check it rendered without a
    "page not found" dialog or an exception, and save a full-page shot under ARTIFACTS."""
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
            for name in pages:
                path = URL_PATHS.get(name, name)
                page.goto(f"{url}/{path}?lang={language}", wait_until="domcontentloaded")
                wait_rendered(page)
                assert page.locator('[role="dialog"]').count() == 0, f"{name}: page not found"
                # ?lang= picks the language once and leaves the address bar.
                assert "lang=" not in page.url, page.url
                assert page.locator('[data-testid="stException"]').count() == 0, name
                title = page.locator("h1").first.inner_text()
                assert title, name
                shot = ARTIFACTS / f"board_{name}_{language}.png"
                full_screenshot(page, shot)
                assert shot.stat().st_size > 10_000
            assert not errors, errors
        finally:
            browser.close()


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[str]:
    configured = os.environ.get("DASHBOARD_TEST_WAREHOUSE")
    workdir = tmp_path_factory.mktemp("browser")
    warehouse = (
        Path(configured) if configured else request.getfixturevalue("small_warehouse").warehouse
    )
    with serving(warehouse, workdir / "streamlit.log") as url:
        yield url


@pytest.mark.parametrize("language", ["ko", "en"])
def test_screenshot_every_page(server: str, language: str) -> None:
    screenshot_pages(server, PAGES, language)


def test_missing_warehouse_message_in_browser(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with (
        serving(tmp_path / "absent.duckdb", tmp_path / "streamlit.log") as url,
        sync_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(f"{url}/?lang=en", wait_until="domcontentloaded")
            wait_rendered(page)
            body = page.locator('[data-testid="stMain"]').inner_text()
            assert "make run" in body
            assert page.locator('[data-testid="stException"]').count() == 0
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "board_missing_warehouse_en.png"))
        finally:
            browser.close()
