"""Files of one object are read in batches (one reader call, one statement per batch): what
lands must be exactly what loading the files one by one gives, with each row's own file and
line, and an unreadable file among good ones is rejected alone."""

from __future__ import annotations

import gzip
import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from orchestration.lib.landing import ingest_source, load

CORPUS = Path(__file__).parent / "fixtures" / "bad_input"
NIGHT = datetime(2025, 3, 2, 1, 0)

EVENT = (
    '{{"type":"track","messageId":"{id}","timestamp":"2025-03-0{day}T00:00:0{n}Z",'
    '"userId":"u{n}","event":"Report Viewed","context":{{"groupId":"001A"}}}}'
)


def _events(day: int, ids: list[str | None]) -> str:
    """One JSONL file body: an event per id, a blank line for None."""
    return "".join(
        ("\n" if i is None else EVENT.format(id=i, day=day, n=n) + "\n") for n, i in enumerate(ids)
    )


def _segment_landing(root: Path) -> Path:
    folder = root / "usage" / "segment"
    folder.mkdir(parents=True)
    (folder / "2025-03-01.jsonl").write_text(_events(1, ["a-1", None, "a-2"]), encoding="utf-8")
    (folder / "2025-03-02.jsonl").write_text(
        _events(2, ["b-1"]) + "not json\n\n" + _events(2, ["b-2", "b-3"]), encoding="utf-8"
    )
    (folder / "2025-03-03.jsonl").write_text("", encoding="utf-8")
    # a line of spaces is blank too (not a record), and still counted as a line
    (folder / "2025-03-04.jsonl").write_text(
        "   \n" + _events(4, [None, None, "d-1"]), encoding="utf-8"
    )
    return root


def _state(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {
        "events": con.execute(
            "select messageid, _file, _line, _file_sha256 from raw.segment__events order by all"
        ).fetchall(),
        "quarantine": con.execute(
            "select file, line, field, reason, raw_record from raw.landing_quarantine order by all"
        ).fetchall(),
        "manifest": con.execute(
            "select path, rows_read, rows_loaded, rows_quarantined, status, reason "
            "from raw.landing_manifest order by all"
        ).fetchall(),
    }


def _ingest(landing: Path, source: str, batch_files: int, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(load, "BATCH_FILES", batch_files)
    con = duckdb.connect()
    result = ingest_source(con, landing, source, loaded_at=NIGHT)
    return con, result


def test_a_batch_lands_what_file_by_file_loading_lands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing = _segment_landing(tmp_path / "landing")
    one_by_one, single = _ingest(landing, "segment", 1, monkeypatch)
    batched, together = _ingest(landing, "segment", 256, monkeypatch)
    assert _state(batched) == _state(one_by_one)
    assert (together.rows_loaded, together.rows_quarantined) == (6, 1)
    assert together.problems == single.problems
    lines = dict(
        (m, (f, line)) for m, f, line, _ in _state(batched)["events"]
    )  # physical lines, blank lines counted, per file
    assert lines["a-2"] == ("usage/segment/2025-03-01.jsonl", 3)
    assert lines["b-2"] == ("usage/segment/2025-03-02.jsonl", 4)
    assert lines["d-1"] == ("usage/segment/2025-03-04.jsonl", 4)
    assert _state(batched)["quarantine"][0][:2] == ("usage/segment/2025-03-02.jsonl", 2)


def test_an_unreadable_file_in_a_batch_is_rejected_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing = tmp_path / "landing"
    folder = landing / "usage" / "segment"
    folder.mkdir(parents=True)
    for day in (1, 2, 3):
        body = _events(day, [f"{day}-1", f"{day}-2"]).encode()
        if day == 2:
            body = gzip.compress(body)[:-12]  # truncated
        (folder / f"2025-03-0{day}.jsonl.gz").write_bytes(body if day == 2 else gzip.compress(body))
    con, result = _ingest(landing, "segment", 256, monkeypatch)
    assert (result.files_loaded, result.files_rejected, result.rows_loaded) == (2, 1, 4)
    assert con.execute("select path, status from landing_manifest order by path").fetchall() == [
        ("usage/segment/2025-03-01.jsonl.gz", "loaded"),
        ("usage/segment/2025-03-02.jsonl.gz", "rejected"),
        ("usage/segment/2025-03-03.jsonl.gz", "loaded"),
    ]


def test_csv_files_sharing_a_header_batch_with_their_own_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing = tmp_path / "landing"
    shutil.copytree(CORPUS / "bom", landing)  # BOM, a quoted newline: r-1 line 2, r-2 line 4
    folder = landing / "surveys" / "nps"
    (folder / "2025-03-03.csv").write_text(
        "response_id,submitted_at,email,crm_account_id,score,comment\n"
        'r-3,2025-03-03T00:00:00Z,a@example.kr,001A,8,"one\ntwo\nthree"\n'
        "r-4,2025-03-03T01:00:00Z,b@example.kr,001A,11,\n",
        encoding="utf-8",
    )
    (folder / "2025-03-04.csv").write_text(  # another column order: a batch of its own
        "score,response_id,submitted_at,email,crm_account_id,comment\n"
        "5,r-5,2025-03-04T00:00:00Z,c@example.kr,001B,\n",
        encoding="utf-8",
    )
    one_by_one, single = _ingest(landing, "nps", 1, monkeypatch)
    batched, together = _ingest(landing, "nps", 256, monkeypatch)

    def state(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple], list[tuple]]:
        rows = con.execute(
            "select response_id, score, _file, _line from raw.nps__responses order by all"
        ).fetchall()
        bad = con.execute("select file, line, field, raw_record from raw.landing_quarantine")
        return rows, bad.fetchall()

    assert state(batched) == state(one_by_one)
    assert (together.rows_loaded, together.rows_quarantined) == (4, 1)
    rows, bad = state(batched)
    assert [(r[0], r[3]) for r in rows] == [("r-1", 2), ("r-2", 4), ("r-3", 2), ("r-5", 2)]
    assert [b[:3] for b in bad] == [("surveys/nps/2025-03-03.csv", 5, "score")]
    assert together.problems == single.problems
