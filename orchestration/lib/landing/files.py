"""Finding an object's landed files and fingerprinting them."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .contract import SourceObject

# Extract file names per format; gzip is allowed for both (sources.md allows it for JSONL).
_SUFFIXES = {"csv": (".csv", ".csv.gz"), "jsonl": (".jsonl", ".jsonl.gz")}


@dataclass(frozen=True)
class LandedFile:
    path: Path  # absolute
    rel: str  # relative to the landing root, '/'-separated: what `_file` and the manifest hold
    sha256: str
    size_bytes: int

    @property
    def gzipped(self) -> bool:
        return self.path.name.endswith(".gz")


def _candidates(landing: Path, obj: SourceObject) -> list[Path]:
    folder = landing / obj.directory
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name.endswith(_SUFFIXES[obj.format]) and not p.name.startswith(".")
    )


def escapes_root(landing: Path, path: Path) -> str | None:
    """Why `path` is not read, when a symlink (of the file or a folder on its way) leads
    outside the landing root; None for a file inside it. The root itself may be a link."""
    root = landing.resolve()
    target = path.resolve()
    if target == root or root in target.parents:
        return None
    return (
        f"symbolic link to {target}, outside the landing root {root}: not followed; "
        "copy the file into the landing root instead"
    )


def discover(landing: Path, obj: SourceObject) -> list[Path]:
    """The object's files in extract order (sorted names). Subfolders are not descended,
    and symlinks leading outside the landing root are not followed (see `escaped`)."""
    return [p for p in _candidates(landing, obj) if escapes_root(landing, p) is None]


def escaped(landing: Path, obj: SourceObject) -> list[tuple[Path, str]]:
    """The object's files that are symlinks leading outside the landing root, with why."""
    out = []
    for p in _candidates(landing, obj):
        reason = escapes_root(landing, p)
        if reason is not None:
            out.append((p, reason))
    return out


def link_fingerprint(landing: Path, path: Path) -> LandedFile:
    """A manifest key for a link that is not followed: its target, never its content."""
    digest = hashlib.sha256(f"symlink:{path.resolve()}".encode()).hexdigest()
    return LandedFile(path, path.relative_to(landing).as_posix(), digest, 0)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(landing: Path, paths: list[Path]) -> list[LandedFile]:
    """Hash files two at a time (hashlib releases the GIL; the machine has 2 cores)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        digests = list(pool.map(sha256_of, paths))
    return [
        LandedFile(p, p.relative_to(landing).as_posix(), d, p.stat().st_size)
        for p, d in zip(paths, digests, strict=True)
    ]
