"""`make dev` (`warehouse dev`): the Dagster UI on the project's instance stops cleanly on
Ctrl-C, with no traceback and no Dagster or dbt process left behind (issue 17)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from orchestration.cli import _descendants, _still_running
from tests.conftest import REPO


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serves(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_dev_stops_on_ctrl_c_without_traceback_or_leftovers(tmp_path: Path) -> None:
    port = _free_port()
    home = tmp_path / "dagster_home"
    output = tmp_path / "dev.out"
    with output.open("w") as out:
        dev = subprocess.Popen(
            [sys.executable, "-m", "orchestration.cli", "dev", "--port", str(port)],
            cwd=REPO,
            env={**os.environ, "DAGSTER_HOME": str(home)},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a terminal of its own: Ctrl-C goes to its whole group
        )
    tree: dict[int, int] = {}
    try:
        deadline = time.monotonic() + 600
        while not _serves(port):
            assert dev.poll() is None, output.read_text()[-3000:]
            assert time.monotonic() < deadline, "dagster dev never served"
            time.sleep(2)
        tree = _descendants(dev.pid)
        assert len(tree) >= 3, tree  # dagster dev, its webserver, daemon, code server
        assert (home / "dagster.yaml").exists()  # the project's instance settings
        os.killpg(dev.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
        assert dev.wait(timeout=120) == 0
    finally:
        if dev.poll() is None:
            dev.kill()
            dev.wait()
        for pid in _still_running(tree):  # never leave a test's processes running
            os.kill(pid, signal.SIGKILL)
    text = output.read_text()
    assert "Traceback" not in text, text[-3000:]
    assert "Dagster stopped." in text
    time.sleep(1)
    assert _still_running(tree) == {}, "processes of dagster dev outlived it"
