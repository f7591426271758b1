"""Child processes that die with their parent.

`dbt build` runs as a subprocess of the CLI or of the Dagster run worker. If that parent is
killed (kill -9 included, where nothing in the parent can clean up), the child must not
keep running and holding the warehouse. On Linux the kernel does it: the child asks for
SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG), then becomes dbt by exec.

`supervised_executable(dbt)` is a tiny launcher script to hand to code that starts the
process itself (dagster-dbt's DbtCliResource takes an executable path, not a preexec hook).
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import shlex
import signal
import sys
import tempfile
from pathlib import Path

PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send `sig` to this process when its parent dies (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def preexec_die_with_parent() -> None:
    """`preexec_fn` for subprocess.Popen: the child is killed when this process dies."""
    die_with_parent()


def supervised_executable(target: Path) -> Path:
    """A launcher for `target` that dies with the process that starts it."""
    digest = hashlib.sha256(f"{sys.executable}|{target}".encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"warehouse-supervised-{os.getuid()}-{digest}"
    launcher = folder / target.name
    body = (
        "#!/bin/sh\n"
        f"exec {shlex.quote(sys.executable)} -m orchestration.lib.supervise "
        f'{shlex.quote(str(target))} "$@"\n'
    )
    if not launcher.exists() or launcher.read_text() != body:
        folder.mkdir(parents=True, exist_ok=True)
        partial = launcher.with_name(f"{launcher.name}.{os.getpid()}")
        partial.write_text(body)
        partial.chmod(0o755)
        os.replace(partial, launcher)
    return launcher


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m orchestration.lib.supervise PROGRAM [ARGS...]", file=sys.stderr)
        return 2
    die_with_parent()
    if os.getppid() == 1:  # the parent died before the request took effect
        return 1
    os.execv(argv[0], argv)
    return 1  # not reached


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
