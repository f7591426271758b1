"""Builds that survive people and faults (issue 11): atomic publish, supervised dbt, errors
that say what happened, the landing root as a boundary, no e-mail in public marts,
truncated invoices flagged, as of for every source, CLI messages instead of tracebacks.

One good build of the hand-made landing (plus a few hostile files) is shared by the module;
each fault test works on its own copy of that published warehouse.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from orchestration.cli import main
from tests.conftest import FIXTURES, REPO, build

AS_OF = date(2025, 3, 15)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# The hand-made landing's bridge (tests/test_orchestration.py): a fault must not change it.
BRIDGE = [
    (date(2024, 12, 1), 1_440_000.00, 2),
    (date(2025, 1, 1), 1_450_000.00, 2),
    (date(2025, 2, 1), 1_460_000.00, 2),
]


def _invoice(invoice_id: str, *, created: int, status: str, lines: list[int], **extra) -> str:
    data = [
        {
            "id": f"il_{invoice_id}_{i}",
            "object": "line_item",
            "amount": amount,
            "currency": "krw",
            "quantity": 1,
            "period": {"start": 1738335600, "end": 1740754800},  # February 2025 (KST)
            "discount_amounts": [],
            "parent": {
                "type": "subscription_item_details",
                "subscription_item_details": {
                    "subscription": "sub_H1",
                    "subscription_item": "si_H1",
                    "proration": False,
                },
            },
            "pricing": {"type": "price_details", "price_details": {"price": "price_krw_m"}},
        }
        for i, amount in enumerate(lines)
    ]
    has_more = extra.pop("has_more", False)
    record = {
        "id": invoice_id,
        "object": "invoice",
        "customer": "cus_H1",
        "status": status,
        "currency": "krw",
        "created": created,
        "parent": {
            "type": "subscription_details",
            "subscription_details": {"subscription": "sub_H1"},
        },
        "lines": {"object": "list", "has_more": has_more, "data": data},
        **extra,
    }
    return json.dumps(record)


def hostile_landing(root: Path, outside: Path) -> Path:
    """The hand-made landing plus: invoices truncated or not adding up (void, so no MRR),
    an invoice created after the as-of day for a past period, NPS answers after the as-of
    day, and a Lead file that is a symlink to a file outside the landing root."""
    landing = root / "landing"
    shutil.copytree(FIXTURES / "landing_handmade", landing)
    feb = 1738335600
    (landing / "billing/stripe/invoices/invoices_2025-03-02.jsonl").write_text(
        "\n".join(
            [
                _invoice(
                    "in_T_has_more",
                    created=feb,
                    status="void",
                    lines=[500000],
                    subtotal=900000,
                    has_more=True,
                ),
                _invoice(
                    "in_T_mismatch", created=feb, status="void", lines=[500000], subtotal=700000
                ),
                _invoice(
                    "in_T_whole",
                    created=feb,
                    status="void",
                    lines=[200000, 300000],
                    subtotal=500000,
                ),
                # created 2025-04-01, after the as-of day, for February: must not count
                _invoice(
                    "in_F_late", created=1743465600, status="paid", lines=[300000], subtotal=300000
                ),
            ]
        )  # fmt: skip
        + "\n"
    )
    nps = landing / "surveys/nps"
    nps.mkdir(parents=True)
    (nps / "2025-03-01.csv").write_text(
        "response_id,submitted_at,email,crm_account_id,score,comment\n"
        "r-now,2025-03-15T14:59:59Z,kim@hanbit.example,001A0000001,9,\n"
        "r-midnight,2025-03-15T15:00:00Z,kim@hanbit.example,001A0000001,5,\n"
        "r-2030,2030-01-01T00:00:00Z,kim@hanbit.example,001A0000001,0,\n",
        encoding="utf-8",
    )
    outside.mkdir(parents=True, exist_ok=True)
    secret = outside / "secret.csv"
    secret.write_text(
        "Id,Email,Company,CreatedDate,SystemModstamp,IsDeleted\n"
        "00Q1,secret.person@outside.example,Leak,2025-01-01T00:00:00.000+0000,"
        "2025-01-01T00:00:00.000+0000,false\n"
    )
    lead = landing / "crm/salesforce/Lead"
    lead.mkdir(parents=True)
    (lead / "Lead_2025-03-01.csv").symlink_to(secret)
    return landing


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("faults_good")
    landing = hostile_landing(root, root / "outside")
    built = build(landing, root, AS_OF)
    assert built.summary.success and built.summary.published, built.summary
    return built


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _bridge(warehouse: Path) -> list[tuple]:
    rows = _rows(
        warehouse, "select month, ending_mrr, ending_customers from mart_mrr_bridge order by 1"
    )
    return [(m, round(float(mrr), 2), n) for m, mrr, n in rows]


def _copy_published(good, workdir: Path) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    target = workdir / "warehouse.duckdb"
    shutil.copyfile(good.warehouse, target)
    return target


# ---- data: as of, truncated invoices, symlinks, e-mail ----------------------------------


def test_records_after_the_as_of_day_do_not_count(good) -> None:
    # The late invoice is in raw but not in February's MRR.
    assert _rows(good.warehouse, "select count(*) from raw.stripe__invoices where id = 'in_F_late'")
    assert _bridge(good.warehouse) == BRIDGE
    # NPS: the answer at 23:59:59 KST on the as-of day counts, midnight and 2030 do not.
    assert _rows(
        good.warehouse, "select response_id from staging.stg_nps__responses order by 1"
    ) == [("r-now",)]
    assert _rows(good.warehouse, "select count(*) from raw.nps__responses") == [(3,)]


def test_truncated_invoices_are_flagged_by_a_warn_test_naming_them(good) -> None:
    problems = {p["test"]: p for p in good.summary.test_problems}
    [key] = [k for k in problems if "assert_stripe_invoices_hold_all_their_lines" in k]
    assert problems[key]["status"] == "warn"
    assert "2 results" in problems[key]["message"]
    assert good.summary.error_tests == 0
    flagged = _rows(
        good.warehouse,
        "select invoice_id, has_more_lines, subtotal_amount, lines_amount from "
        "staging.stg_stripe__invoices i join (select invoice_id, sum(amount) as lines_amount "
        "from staging.stg_stripe__invoice_lines group by 1) l using (invoice_id) "
        "where has_more_lines or subtotal_amount <> lines_amount order by 1",
    )
    assert [r[0] for r in flagged] == ["in_T_has_more", "in_T_mismatch"]


def test_a_symlink_out_of_the_landing_root_is_not_followed(good) -> None:
    [(status, reason)] = _rows(
        good.warehouse,
        "select status, reason from raw.landing_manifest where path like '%Lead_2025-03-01%'",
    )
    assert status == "rejected"
    assert "outside the landing root" in reason and "not followed" in reason
    assert _rows(good.warehouse, "select count(*) from raw.salesforce__lead") == [(0,)]
    leaked = _rows(
        good.warehouse,
        "select count(*) from raw.landing_quarantine "
        "where coalesce(raw_record, '') like '%secret.person%'",
    )
    assert leaked == [(0,)]


def _main_relations(warehouse: Path) -> list[tuple[str, str]]:
    return _rows(
        warehouse,
        "select table_name, table_type from information_schema.tables "
        "where table_schema = 'main' order by 1",
    )


def _email_hits(warehouse: Path) -> dict[str, int]:
    con = duckdb.connect(str(warehouse), read_only=True)
    hits: dict[str, int] = {}
    try:
        relations = con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'"
        ).fetchall()
        for (table,) in relations:
            columns = con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'main' and table_name = ? and data_type = 'VARCHAR'",
                [table],
            ).fetchall()
            for (column,) in columns:
                n = con.execute(
                    f'select count(*) from main."{table}" '
                    f"where regexp_matches(\"{column}\", '{EMAIL.pattern}')"
                ).fetchone()[0]
                if n:
                    hits[f"{table}.{column}"] = n
    finally:
        con.close()
    return hits


def test_no_email_address_in_any_public_mart(small_warehouse) -> None:
    """Every relation of the marts' schema, every text column: no e-mail address. The demo
    landing is full of them (leads, contacts, NPS, identify calls, Stripe customers)."""
    raw_emails = _rows(
        small_warehouse.warehouse,
        "select count(*) from raw.salesforce__lead where email like '%@%'",
    )[0][0]
    assert raw_emails > 0
    assert _email_hits(small_warehouse.warehouse) == {}
    leads = _rows(
        small_warehouse.warehouse,
        "select count(*), count(email_hash), min(length(email_hash)) from fct_leads",
    )[0]
    assert leads[0] > 0 and leads[1] > 0 and leads[2] == 64
    # The quarantine's raw records live in raw, out of the marts' schema.
    columns = _rows(
        small_warehouse.warehouse,
        "select column_name from information_schema.columns "
        "where table_schema = 'main' and table_name = 'landing_quarantine'",
    )
    assert ("raw_record",) not in columns
    relations = dict(_main_relations(small_warehouse.warehouse))
    assert relations.get("landing_quarantine") in (None, "VIEW")


# ---- atomic publish ----------------------------------------------------------------------


def test_the_published_build_is_recorded(good) -> None:
    [(build_id, as_of)] = _rows(good.warehouse, "select build_id, as_of_date from warehouse_builds")
    assert build_id == good.summary.build_id and as_of == AS_OF
    assert good.summary.current.build_id == build_id
    leftovers = [p.name for p in good.warehouse.parent.iterdir() if ".building" in p.name]
    assert leftovers == []


def test_a_failed_build_leaves_the_published_warehouse_as_it_was(
    good, tmp_path: Path, capsys
) -> None:
    warehouse = _copy_published(good, tmp_path / "wh")
    before = _sha(warehouse)
    landing = tmp_path / "landing"
    shutil.copytree(good.landing, landing, symlinks=True)
    for f in (landing / "finance/fx_rates").iterdir():
        f.unlink()
    # the only finance file is unreadable: the whole source is, the build fails at ingestion
    (landing / "finance/fx_rates/fx_rates_2025-03-09.csv").write_bytes(b"\xff\xfe\x00\xc3\x28\n")
    code = main(
        ["build", "--landing", str(landing), "--warehouse", str(warehouse), "--as-of", "2025-03-15"]
    )
    out = capsys.readouterr()
    assert code == 1
    assert _sha(warehouse) == before
    assert "Not published" in out.out and good.summary.build_id in out.out
    assert "cause: ingest_finance" in out.out and "unreadable" in out.out
    assert "Traceback" not in out.out + out.err
    assert [p for p in warehouse.parent.iterdir() if ".building" in p.name] == []


def test_a_second_build_is_refused_naming_the_builder(tmp_path: Path, capsys) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from orchestration.lib.publish import BuildLock\n"
            f"BuildLock(Path({str(warehouse)!r})).acquire()\n"
            "print('held', flush=True)\n"
            "time.sleep(120)\n",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        landing = tmp_path / "landing"
        shutil.copytree(FIXTURES / "landing_handmade", landing)
        code = main(["build", "--landing", str(landing), "--warehouse", str(warehouse)])
        err = capsys.readouterr().err
        assert code == 1
        assert f"PID {holder.pid}" in err and "wait for it" in err
        assert not warehouse.exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_writer_holding_the_published_file_is_named(
    good, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchestration.defs import resources

    monkeypatch.setattr(resources, "COPY_RETRY_SECONDS", 0.2)
    warehouse = _copy_published(good, tmp_path / "wh")
    before = _sha(warehouse)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, time\n"
            f"con = duckdb.connect({str(warehouse)!r})\n"
            "print('open', flush=True)\n"
            "time.sleep(120)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "open"
        code = main(
            ["build", "--landing", str(good.landing), "--warehouse", str(warehouse),
             "--as-of", "2025-03-15"]
        )  # fmt: skip
        out = capsys.readouterr().out
        assert code == 1
        assert "locked for writing" in out and f"PID {writer.pid}" in out
    finally:
        writer.kill()
        writer.wait()
    assert _sha(warehouse) == before


# ---- killed builds, readers, rerun -------------------------------------------------------


def _children(pid: int) -> list[tuple[int, str]]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append((int(entry.name), cmdline))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _start_build(landing: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "orchestration.cli", "build", "--landing", str(landing),
         "--warehouse", str(warehouse), "--as-of", "2025-03-15"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip


def _wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def reader() -> Iterator[callable]:
    """A process holding a read-only connection open for the whole test, like a board."""
    processes: list[subprocess.Popen] = []

    def open_reader(warehouse: Path) -> subprocess.Popen:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import duckdb, sys\n"
                f"con = duckdb.connect({str(warehouse)!r}, read_only=True)\n"
                "print('open', flush=True)\n"
                "for sql in sys.stdin:\n"
                "    print(con.execute(sql).fetchall(), flush=True)\n",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout.readline().strip() == "open"
        processes.append(process)
        return process

    yield open_reader
    for process in processes:
        process.kill()
        process.wait()


def _ask(process: subprocess.Popen, sql: str) -> str:
    process.stdin.write(sql + "\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and PR_SET_PDEATHSIG")
def test_killed_builds_change_nothing_and_a_rerun_completes_while_a_reader_holds_the_file(
    good, tmp_path: Path, reader
) -> None:
    warehouse = _copy_published(good, tmp_path / "wh")
    before = _sha(warehouse)
    old_build = good.summary.build_id
    board = reader(warehouse)  # a board open on the published file throughout
    landing = tmp_path / "landing"
    shutil.copytree(good.landing, landing, symlinks=True)
    (landing / "surveys/nps/2025-03-05.csv").write_text(
        "response_id,submitted_at,email,crm_account_id,score,comment\n"
        "r-new-1,2025-03-05T01:00:00Z,a@b.example,001A0000001,10,\n"
        "r-new-2,2025-03-05T02:00:00Z,b@b.example,001A0000002,3,\n"
    )

    # 1. kill -9 during ingestion: as soon as the build's working copy exists.
    cli = _start_build(landing, warehouse)
    _wait_for(
        lambda: [p for p in warehouse.parent.iterdir() if p.name.endswith(".building")],
        240,
        "the working copy",
    )
    in_dbt = [c for c in _children(cli.pid) if "dbt" in c[1]]
    os.kill(cli.pid, signal.SIGKILL)
    cli.wait()
    assert not in_dbt, "the kill was meant to land during ingestion"
    assert _sha(warehouse) == before

    # 2. kill -9 during dbt: its dbt child must die with it.
    cli = _start_build(landing, warehouse)
    dbt = _wait_for(
        lambda: [c for c in _children(cli.pid) if "dbt" in c[1] and "build" in c[1]],
        600,
        "dbt build to start",
    )
    time.sleep(3)
    os.kill(cli.pid, signal.SIGKILL)
    cli.wait()
    dbt_pid = dbt[0][0]
    _wait_for(lambda: not _alive(dbt_pid), 30, f"dbt (PID {dbt_pid}) to end with its parent")
    assert _sha(warehouse) == before
    assert _ask(board, "select count(*) from mart_mrr_bridge") == "[(3,)]"

    # 3. a rerun completes, sweeps what the killed builds left, and ends where a clean
    #    build ends: the same marts, the new file's rows once.
    rerun = _start_build(landing, warehouse)
    assert rerun.wait(timeout=1200) == 0
    assert [p.name for p in warehouse.parent.iterdir() if ".building" in p.name] == []
    assert _bridge(warehouse) == BRIDGE
    assert _rows(warehouse, "select count(*) from raw.nps__responses") == [(5,)]
    loaded = _rows(
        warehouse,
        "select path, count(*) from raw.landing_manifest where status = 'loaded' "
        "group by path having count(*) > 1",
    )
    assert loaded == []
    [(new_build,)] = _rows(
        warehouse, "select build_id from warehouse_builds order by finished_at desc limit 1"
    )
    assert new_build != old_build
    # The board never blocked the build and still reads the build it opened, whole.
    assert _ask(board, "select build_id from warehouse_builds") == f"[('{old_build}',)]"
    assert _ask(board, "select count(*) from staging.stg_nps__responses") == "[(1,)]"


# ---- CLI errors are messages ---------------------------------------------------------------


def _cli(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.err


def test_deck_month_outside_the_data_is_a_message(good, tmp_path: Path, capsys) -> None:
    code, err = _cli(
        ["deck", "--warehouse", str(good.warehouse), "--month", "2030-01",
         "--out", str(tmp_path)],
        capsys,
    )  # fmt: skip
    assert code == 2
    assert "2030-01 is outside the data" in err and "from 2024-12 to 2025-02" in err


def test_warehouse_under_a_file_is_a_message(tmp_path: Path, capsys) -> None:
    (tmp_path / "afile").write_text("x")
    landing = tmp_path / "landing"
    shutil.copytree(FIXTURES / "landing_handmade", landing)
    code, err = _cli(
        ["build", "--landing", str(landing), "--warehouse", str(tmp_path / "afile" / "w.duckdb")],
        capsys,
    )
    assert code == 2
    assert "is a file, not a folder" in err and "--warehouse" in err


def test_landing_that_is_a_file_is_a_message(tmp_path: Path, capsys) -> None:
    landing = tmp_path / "landing.csv"
    landing.write_text("a,b\n")
    code, err = _cli(
        ["build", "--landing", str(landing), "--warehouse", str(tmp_path / "w.duckdb")], capsys
    )
    assert code == 2
    assert "is a file, not a folder" in err and "does not exist" not in err


def test_headline_on_a_file_that_is_not_a_warehouse_is_a_message(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    code, err = _cli(["headline", "--warehouse", str(notes)], capsys)
    assert code == 2
    assert "not a DuckDB warehouse" in err


def test_headline_on_a_half_built_warehouse_is_a_message(tmp_path: Path, capsys) -> None:
    from orchestration.lib.landing import ensure_landing_tables

    half = tmp_path / "half.duckdb"
    con = duckdb.connect(str(half))
    ensure_landing_tables(con)  # ingestion ran, dbt never did
    con.close()
    code, err = _cli(["headline", "--warehouse", str(half)], capsys)
    assert code == 2
    assert "no mart_mrr_bridge" in err and "warehouse build" in err
    assert "no billing data" not in err


# ---- what is retried -------------------------------------------------------------------


def test_a_lock_is_retried_and_a_bad_path_is_not() -> None:
    import dagster as dg

    from orchestration.defs.dbt.assets import DbtTransientError, dbt_failure
    from orchestration.defs.ingestion.assets import _explained
    from orchestration.lib.publish import BuildError

    lock = duckdb.IOException(
        'IO Error: Could not set lock on file "/w/.wh.duckdb.ab12.building": Conflicting lock '
        "is held in /usr/bin/python3 (PID 4242) by user app."
    )
    retried = _explained(lock, "/w/.wh.duckdb.ab12.building")
    assert isinstance(retried, BuildError) and "PID 4242" in str(retried)
    missing = duckdb.IOException('IO Error: Cannot open file "/nope/w.duckdb": No such file')
    permanent = _explained(missing, "/nope/w.duckdb")
    assert isinstance(permanent, dg.Failure) and permanent.allow_retries is False
    assert "/nope/w.duckdb" in permanent.description and "check the path" in permanent.description

    summary = {"problems": [{"test": "test.x.not_null_fct_account_months_mrr", "status": "fail"}]}
    failed = dbt_failure("", 1, summary)
    assert isinstance(failed, dg.Failure) and failed.allow_retries is False
    assert "not_null_fct_account_months_mrr" in failed.description
    assert isinstance(dbt_failure("Could not set lock on file x", 2, summary), DbtTransientError)
    assert isinstance(dbt_failure("", -9, summary), DbtTransientError)
    # Spark's embedded metastore stays locked by the failed attempt: never retried there.
    on_spark = dbt_failure("", -9, summary, target="spark")
    assert isinstance(on_spark, dg.Failure) and on_spark.allow_retries is False


def test_a_warehouse_of_the_old_layout_keeps_its_manifest() -> None:
    """Manifest and quarantine move from `main` to `raw` without losing a row (losing the
    manifest would load every landed file a second time)."""
    from orchestration.lib.landing import ensure_landing_tables
    from orchestration.lib.landing import manifest as manifest_module
    from orchestration.lib.landing import quarantine as quarantine_module

    con = duckdb.connect()
    con.execute(manifest_module.DDL.replace("raw.landing_manifest", "main.landing_manifest"))
    con.execute(quarantine_module.DDL.replace("raw.landing_quarantine", "main.landing_quarantine"))
    con.execute(
        "insert into main.landing_manifest values ('nps', 'responses', 'surveys/nps/a.csv', "
        "'abc', 1, 1, 1, 0, 'loaded', null, now())"
    )
    con.execute(
        "insert into main.landing_quarantine values ('nps', 'responses', 'surveys/nps/a.csv', "
        "2, 'score', 'score: 11 is above the maximum 10', 'x@y.example,11', now())"
    )
    ensure_landing_tables(con)
    ensure_landing_tables(con)
    assert con.execute("select path from raw.landing_manifest").fetchall() == [
        ("surveys/nps/a.csv",)
    ]
    assert con.execute("select count(*) from raw.landing_quarantine").fetchone() == (1,)
    kinds = dict(
        con.execute(
            "select table_name, table_type from information_schema.tables "
            "where table_schema = 'main'"
        ).fetchall()
    )
    assert kinds == {"landing_manifest": "VIEW", "landing_quarantine": "VIEW"}
    assert "raw_record" not in [
        d[0] for d in con.execute("select * from main.landing_quarantine").description
    ]
