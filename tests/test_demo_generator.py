"""The demo landing-data generator: deterministic, complete, and loadable by the contract."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from orchestration.lib.demo import generate
from orchestration.lib.landing import contract

AS_OF = date(2025, 6, 15)
SMALL = {"accounts": 25, "months": 8, "as_of": AS_OF}


def _hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _files(root: Path, obj: contract.SourceObject) -> list[Path]:
    folder = root / obj.directory
    patterns = ("*.csv",) if obj.format == "csv" else ("*.jsonl", "*.jsonl.gz")
    return sorted(p for pat in patterns for p in folder.glob(pat))


def _has_path(record: dict, path: str) -> bool:
    node: object = record
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _jsonl(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo_a")
    generate(out, seed=7, **SMALL)
    return out


def test_same_seed_gives_identical_bytes(small: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, seed=7, **SMALL)
    assert _hashes(small) == _hashes(again)


def test_different_seed_differs(small: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate(other, seed=8, **SMALL)
    a, b = _hashes(small), _hashes(other)
    assert a != b
    shared = set(a) & set(b)
    assert sum(a[f] != b[f] for f in shared) > len(shared) // 2


def test_every_landing_folder_has_files(small: Path) -> None:
    missing = [o.directory for o in contract.ALL_OBJECTS if not _files(small, o)]
    assert not missing


def test_gzip_headers_carry_no_clock(small: Path) -> None:
    for path in small.rglob("*.gz"):
        header = path.read_bytes()[:10]
        assert header[4:8] == b"\0\0\0\0", path  # mtime
        assert not header[3] & 0x08, path  # no file name


def test_csv_headers_hold_required_fields(small: Path) -> None:
    for obj in contract.ALL_OBJECTS:
        if obj.format != "csv":
            continue
        required = {f.path for f in obj.fields if f.required}
        for path in _files(small, obj):
            with open(path, encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                header = next(reader)
                assert required <= set(header), (path, required - set(header))
                for row in reader:
                    assert len(row) == len(header), path


def test_jsonl_lines_parse_and_hold_required_keys(small: Path) -> None:
    for obj in contract.ALL_OBJECTS:
        if obj.format != "jsonl":
            continue
        required = [f.path for f in obj.fields if f.required]
        for path in _files(small, obj):
            for rec in _jsonl(path):
                if rec.get("deleted") is True:  # Stripe's deleted-customer stub
                    assert set(rec) >= {"id", "deleted"}
                    continue
                missing = [p for p in required if not _has_path(rec, p)]
                assert not missing, (path, missing, rec)
                for child in obj.children:
                    node = rec
                    for part in child.array_path.split("."):
                        node = node[part]
                    for element in node:
                        child_missing = [
                            f.path
                            for f in child.fields
                            if f.required and not _has_path(element, f.path)
                        ]
                        assert not child_missing, (path, child.name, child_missing)


def test_both_stripe_shapes_are_present(small: Path) -> None:
    legacy = current = 0
    for path in sorted((small / "billing/stripe/invoices").glob("*.jsonl.gz")):
        for rec in _jsonl(path):
            for line in rec["lines"]["data"]:
                legacy += "type" in line and "parent" not in line
                current += "parent" in line and "pricing" in line
    assert legacy and current


def test_nothing_lands_after_as_of(small: Path) -> None:
    end = 1749913200  # 2025-06-15 00:00 Asia/Seoul
    for path in (small / "billing/stripe/invoices").glob("*.jsonl.gz"):
        assert all(rec["created"] < end for rec in _jsonl(path))


def test_stories_name_existing_accounts(small: Path) -> None:
    stories = json.loads((small / "_demo/stories.json").read_text(encoding="utf-8"))
    ids = set()
    for path in (small / "crm/salesforce/Account").glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            ids |= {row["Id"] for row in csv.DictReader(fh)}
    named = [e["account_id"] for entries in stories["stories"].values() for e in entries]
    assert named
    assert set(named) <= ids
    for entries in stories["stories"].values():
        for e in entries:
            assert e["currency"] in ("KRW", "JPY", "USD")
            assert all(len(ev["month"]) == 7 for ev in e["events"])


def test_every_story_type_appears_at_moderate_size(tmp_path: Path) -> None:
    generate(tmp_path, accounts=120, months=24, seed=3, as_of=AS_OF)
    stories = json.loads((tmp_path / "_demo/stories.json").read_text(encoding="utf-8"))
    empty = [k for k, v in stories["stories"].items() if not v]
    assert not empty
