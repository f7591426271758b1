"""Deterministic landing files: CSV (RFC 4180) and JSONL, gzip with mtime=0."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


def dumps(obj: Any) -> str:
    """Compact JSON with keys in insertion order (stable bytes), Korean kept as UTF-8."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def tf(value: bool) -> str:
    return "true" if value else "false"


class JsonlSink:
    """One JSONL file, gzip-compressed when its name ends with .gz."""

    def __init__(self, path: Path, level: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._raw = open(path, "wb")  # noqa: SIM115 - closed in close()
        if path.suffix == ".gz":
            # filename="" and mtime=0 keep the gzip header free of names and clocks.
            self._gz: gzip.GzipFile | None = gzip.GzipFile(
                filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=level
            )
            self._out: Any = io.BufferedWriter(self._gz, buffer_size=1 << 20)
        else:
            self._gz = None
            self._out = self._raw
        self.rows = 0

    def write(self, obj: dict[str, Any]) -> None:
        self._out.write((dumps(obj) + "\n").encode())
        self.rows += 1

    def write_lines(self, text: str, count: int) -> None:
        """Pre-formatted lines (each ending in a newline); count is how many."""
        self._out.write(text.encode())
        self.rows += count

    def close(self) -> None:
        if self._gz is not None:
            self._out.flush()
            self._gz.close()
        self._raw.close()


class LandingWriter:
    """Writes files under the landing root and keeps counts for the summary."""

    def __init__(self, root: Path, gzip_level: int = 6) -> None:
        self.root = root
        self.level = gzip_level
        self.files: list[Path] = []
        self.rows: dict[str, int] = defaultdict(int)

    def _path(self, rel: str) -> Path:
        path = self.root / rel
        self.files.append(path)
        return path

    def jsonl(self, rel: str, level: int | None = None) -> JsonlSink:
        return JsonlSink(self._path(rel), self.level if level is None else level)

    def close_jsonl(self, sink: JsonlSink, obj: str) -> None:
        sink.close()
        self.rows[obj] += sink.rows

    def write_jsonl(self, rel: str, obj: str, records: Iterable[dict[str, Any]]) -> None:
        sink = self.jsonl(rel)
        for rec in records:
            sink.write(rec)
        self.close_jsonl(sink, obj)

    def write_csv(
        self, rel: str, obj: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        path = self._path(rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        n = 0
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            for row in rows:
                w.writerow(["" if v is None else v for v in row])
                n += 1
        self.rows[obj] += n

    def write_monthly_csv(
        self,
        folder: str,
        prefix: str,
        obj: str,
        header: Sequence[str],
        buckets: dict[str, list[Sequence[Any]]],
    ) -> None:
        """One CSV per extract month (`<prefix>_YYYY-MM.csv`), rows in insertion order."""
        for month in sorted(buckets):
            self.write_csv(f"{folder}/{prefix}_{month}.csv", obj, header, buckets[month])
