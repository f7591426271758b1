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


def discover(landing: Path, obj: SourceObject) -> list[Path]:
    """The object's files in extract order (sorted names). Subfolders are not descended."""
    folder = landing / obj.directory
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name.endswith(_SUFFIXES[obj.format]) and not p.name.startswith(".")
    )


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
