"""Benchmark: our revenue models vs a port of dbt Labs' mrr-playbook on the same data.

Generates a demo landing set (or reuses one), ingests it, builds our revenue models with dbt,
runs the playbook port (bench/mrr_playbook/*.sql) over the same staged data, and counts the
account-months where the two classify the month differently, with the reason. Writes
bench/results/revenue.json.

Ours is timed three ways, so the comparison with the playbook (plain SQL in DuckDB) is like
for like: (a) the wall time of `dbt run` (dbt start-up, parsing and staging included); (b) the
sum of the per-model `execution_time` in that invocation's run_results.json for the models that
do the playbook's work (models/intermediate/revenue, models/marts/revenue,
models/marts/retention); (c) the compiled SQL of those same models, run directly in DuckDB from
this process (`create or replace table ... as <compiled sql>`, in dependency order) on a copy
of the warehouse dbt built. The ratios use (c) and (b).

    .venv/bin/python bench/bench_revenue.py [--accounts 2000] [--months 36] [--seed 42]
        [--reuse-landing DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

REPO = Path(__file__).resolve().parents[1]
PLAYBOOK = REPO / "bench" / "mrr_playbook"
MODELS = (
    "path:models/staging/stripe path:models/staging/contracts "
    "stg_finance__fx_rates stg_salesforce__accounts int_account_icp_segments "
    "path:models/intermediate/revenue path:models/marts/revenue path:models/marts/retention"
)
# Lookup tables, seeded before the timed run (icp_rules feeds the ICP segment dim_accounts
# joins).
SEEDS = "currencies icp_rules"
# The models of MODELS that do the playbook's work (staging and dbt start-up left out).
EQUIVALENT_PATHS = (
    "models/intermediate/revenue/",
    "models/marts/revenue/",
    "models/marts/retention/",
)

COMPARE_SQL = """
with

ours as (
    select
        account_months.account_id,
        account_months.month,
        account_months.mrr,
        coalesce(lag(account_months.mrr) over (
            partition by account_months.account_id order by account_months.month), 0) as prior_mrr,
        movements.movement_type,
        fx.account_id is not null as has_fx_adjustment
    from main.fct_account_months as account_months
    left join main.fct_mrr_movements as movements
        on account_months.account_id = movements.account_id
        and account_months.month = movements.month
        and movements.movement_type <> 'fx_adjustment'
    left join main.fct_mrr_movements as fx
        on account_months.account_id = fx.account_id
        and account_months.month = fx.month
        and fx.movement_type = 'fx_adjustment'
),

theirs as (
    select
        customer_id as account_id,
        date_month as month,
        mrr,
        previous_month_mrr as prior_mrr,
        case change_category
            when 'upgrade' then 'expansion'
            when 'downgrade' then 'contraction'
            else change_category
        end as movement_type
    from playbook.mrr
    where date_month <= (select max(month) from intermediate.int_revenue_months)
),

joined as (
    select
        coalesce(ours.account_id, theirs.account_id) as account_id,
        coalesce(ours.month, theirs.month) as month,
        coalesce(ours.movement_type, 'none') as ours,
        coalesce(theirs.movement_type, 'none') as theirs,
        coalesce(ours.mrr, 0) as our_mrr,
        coalesce(theirs.mrr, 0) as their_mrr,
        coalesce(ours.prior_mrr, 0) as our_prior_mrr,
        coalesce(theirs.prior_mrr, 0) as their_prior_mrr,
        coalesce(ours.has_fx_adjustment, false) as has_fx_adjustment
    from ours
    full outer join theirs
        on ours.account_id = theirs.account_id
        and ours.month = theirs.month
)

select
    *,
    case
        when abs(our_mrr - their_mrr) >= 1 or abs(our_prior_mrr - their_prior_mrr) >= 1
            then 'mrr_differs: playbook counts a period by the first day of the month, we by its '
                 || 'last instant (and stop at subscription end / contract termination)'
        when has_fx_adjustment and theirs in ('expansion', 'contraction')
            then 'fx: the playbook has no FX adjustment, a rate move shows as upgrade/downgrade'
        when ours in ('new', 'reactivation') and theirs in ('new', 'reactivation')
            then 'new_vs_reactivation'
        else 'other'
    end as reason
from joined
where ours <> theirs
"""


def _profiles(workdir: Path) -> Path:
    # icu and json ship inside the DuckDB wheel; installing them needs network access.
    text = (REPO / "profiles.yml").read_text(encoding="utf-8")
    out = workdir / "profiles"
    out.mkdir(parents=True, exist_ok=True)
    (out / "profiles.yml").write_text(
        re.sub(r"(?m)^\s*extensions:.*\n", "", text), encoding="utf-8"
    )
    return out


def _dbt(command: str, selection: str, warehouse: Path, workdir: Path, as_of: str) -> float:
    dbt = Path(sys.executable).parent / "dbt"
    args = [
        str(dbt),
        command,
        "--project-dir",
        str(REPO),
        "--profiles-dir",
        str(_profiles(workdir)),
        "--target-path",
        str(workdir / "target"),
        "--log-path",
        str(workdir / "logs"),
        "--select",
        *selection.split(),
        "--vars",
        f"{{as_of_date: '{as_of}'}}",
    ]
    started = time.perf_counter()
    result = subprocess.run(
        args,
        cwd=REPO,
        env={**os.environ, "WAREHOUSE_PATH": str(warehouse)},
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stdout[-4000:])
    return elapsed


def run_ours(warehouse: Path, workdir: Path, as_of: str) -> float:
    _dbt("seed", SEEDS, warehouse, workdir, as_of)  # not timed: lookup tables
    return _dbt("run", MODELS, warehouse, workdir, as_of)


def equivalent_models(target: Path) -> list[dict[str, Any]]:
    """Manifest nodes of the models under EQUIVALENT_PATHS that this invocation ran, in
    dependency order (dependencies outside the set already exist in the warehouse)."""
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    run_results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))
    ran = {r["unique_id"] for r in run_results["results"] if r["status"] == "success"}
    nodes = {
        uid: node
        for uid, node in manifest["nodes"].items()
        if uid in ran
        and node["resource_type"] == "model"
        and node["original_file_path"].replace("\\", "/").startswith(EQUIVALENT_PATHS)
    }
    order: list[str] = []

    def visit(uid: str) -> None:
        if uid in order:
            return
        for dep in nodes[uid]["depends_on"]["nodes"]:
            if dep in nodes:
                visit(dep)
        order.append(uid)

    for uid in sorted(nodes):
        visit(uid)
    return [nodes[uid] for uid in order]


def _seconds(phase: dict[str, Any]) -> float:
    started = datetime.fromisoformat(phase["started_at"].replace("Z", "+00:00"))
    completed = datetime.fromisoformat(phase["completed_at"].replace("Z", "+00:00"))
    return (completed - started).total_seconds()


def dbt_model_times(target: Path, models: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-model execution_time (and its execute phase) from run_results.json."""
    run_results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))
    by_id = {r["unique_id"]: r for r in run_results["results"]}
    execution = {m["name"]: by_id[m["unique_id"]]["execution_time"] for m in models}
    execute_phase = {
        m["name"]: sum(
            _seconds(t) for t in by_id[m["unique_id"]]["timing"] if t["name"] == "execute"
        )
        for m in models
    }
    return {
        "execution_time": execution,
        "execute_phase": execute_phase,
        "invocation_elapsed": run_results.get("elapsed_time"),
    }


def run_compiled(warehouse: Path, workdir: Path, models: list[dict[str, Any]]) -> dict[str, Any]:
    """Runs the compiled SQL of `models` as `create or replace table` on a copy of the
    warehouse, in dependency order; returns the time per model and a row-count check."""
    target = workdir / "target"
    copy = workdir / "compiled_sql" / warehouse.name  # same file name: same catalog name
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(warehouse, copy)
    if warehouse.with_name(warehouse.name + ".wal").exists():
        shutil.copy2(
            warehouse.with_name(warehouse.name + ".wal"), copy.with_name(copy.name + ".wal")
        )
    statements = []
    for node in models:
        materialized = node["config"]["materialized"]
        if materialized == "ephemeral":
            continue  # inlined into its dependants' compiled SQL
        kind = "view" if materialized == "view" else "table"
        if node["database"] != copy.stem:
            raise SystemExit(f"{node['relation_name']}: catalog is not {copy.stem}")
        path = target / "compiled" / node["package_name"] / node["original_file_path"]
        sql = path.read_text(encoding="utf-8").strip().rstrip(";")
        statements.append(
            (
                node["name"],
                node["relation_name"],
                kind,
                f"create or replace {kind} {node['relation_name']} as (\n{sql}\n)",
            )
        )
    timings: dict[str, float] = {}
    con = duckdb.connect(str(copy))
    try:
        con.execute("set TimeZone = 'UTC'")  # as the dbt profile sets it
        for _, relation, kind, _ in reversed(statements):  # build from scratch, like dbt did
            con.execute(f"drop {kind} if exists {relation}")
        for name, _, _, statement in statements:
            started = time.perf_counter()
            con.execute(statement)
            timings[name] = time.perf_counter() - started
        con.execute(f"attach '{warehouse}' as dbt_built (read_only)")
        mismatched = {}
        for name, relation, _, _ in statements:
            dbt_relation = "dbt_built." + relation.split(".", 1)[1]
            ours, dbts = (
                con.execute(f"select count(*) from {r}").fetchone()[0]
                for r in (relation, dbt_relation)
            )
            if ours != dbts:
                mismatched[name] = {"compiled_sql": ours, "dbt": dbts}
    finally:
        con.close()
    return {"by_model": timings, "row_count_mismatches": mismatched}


def run_playbook(warehouse: Path) -> dict[str, float]:
    con = duckdb.connect(str(warehouse))
    timings: dict[str, float] = {}
    try:
        for path in sorted(PLAYBOOK.glob("*.sql")):
            started = time.perf_counter()
            con.execute(path.read_text(encoding="utf-8"))
            timings[path.stem] = time.perf_counter() - started
    finally:
        con.close()
    return timings


def compare(warehouse: Path) -> dict[str, Any]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        con.execute(f"create temp table disagreements as {COMPARE_SQL}")
        total = con.execute("select count(*) from main.fct_account_months").fetchone()[0]
        n = con.execute("select count(*) from disagreements").fetchone()[0]
        by_reason = con.execute(
            "select reason, count(*) from disagreements group by 1 order by 2 desc"
        ).fetchall()
        by_pair = con.execute(
            "select ours, theirs, reason, count(*) from disagreements "
            "group by 1, 2, 3 order by 4 desc limit 20"
        ).fetchall()
        examples = con.execute(
            "select account_id, cast(month as varchar), ours, theirs, round(our_mrr, 2), "
            "round(their_mrr, 2) from disagreements order by account_id, month limit 10"
        ).fetchall()
    finally:
        con.close()
    return {
        "account_months": total,
        "disagreeing_account_months": n,
        "by_reason": {reason: count for reason, count in by_reason},
        "by_classification": [
            {"ours": o, "playbook": t, "reason": r, "account_months": c} for o, t, r, c in by_pair
        ],
        "examples": [
            dict(
                zip(
                    ("account_id", "month", "ours", "playbook", "our_mrr", "playbook_mrr"),
                    e,
                    strict=True,
                )
            )
            for e in examples
        ],
    }


def _clean(workdir: Path, keep: Path | None) -> None:
    """Empties workdir, except `keep` (a reused landing set) if it lies inside it."""
    workdir.mkdir(parents=True, exist_ok=True)
    for child in workdir.iterdir():
        if keep is not None and (child == keep or child in keep.parents):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _ratio(ours: float, theirs: float) -> float | None:
    return round(ours / theirs, 1) if theirs > 0 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--months", type=int, default=36)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--as-of", default="2026-11-15")
    parser.add_argument(
        "--reuse-landing",
        type=Path,
        metavar="DIR",
        help="ingest this landing set instead of generating one (--accounts, --months, "
        "--seed are then taken from its _demo/manifest.json when it has one)",
    )
    parser.add_argument("--workdir", type=Path, default=REPO / "bench" / "data" / "revenue")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "revenue.json")
    args = parser.parse_args(argv)

    from orchestration.lib.demo import generate
    from orchestration.lib.landing import ingest_all

    workdir: Path = args.workdir.resolve()
    reuse: Path | None = args.reuse_landing.resolve() if args.reuse_landing else None
    if reuse is not None and not reuse.is_dir():
        raise SystemExit(f"--reuse-landing {reuse}: not a directory")
    _clean(workdir, reuse)
    landing, warehouse = reuse or workdir / "landing", workdir / "warehouse.duckdb"

    data: dict[str, Any] = {
        "accounts": args.accounts,
        "months": args.months,
        "seed": args.seed,
        "as_of": args.as_of,
    }
    if reuse is None:
        started = time.perf_counter()
        generate(
            landing,
            accounts=args.accounts,
            months=args.months,
            seed=args.seed,
            as_of=date.fromisoformat(args.as_of),
        )
        generate_s: float | None = round(time.perf_counter() - started, 2)
    else:
        generate_s = None
        demo_manifest = reuse / "_demo" / "manifest.json"
        if demo_manifest.exists():
            meta = json.loads(demo_manifest.read_text(encoding="utf-8"))
            data.update({k: meta[k] for k in ("accounts", "months", "seed") if k in meta})
            if meta.get("as_of") and meta["as_of"] != args.as_of:
                print(f"note: landing as_of {meta['as_of']}, dbt as_of_date {args.as_of}")
        data["landing_reused"] = str(reuse)

    started = time.perf_counter()
    con = duckdb.connect(str(warehouse))
    try:
        ingest_all(con, landing, loaded_at=datetime.now())
        data["raw_invoice_lines"] = con.execute(
            "select count(*) from raw.stripe__invoice_lines"
        ).fetchone()[0]
    finally:
        con.close()
    ingest_s = time.perf_counter() - started

    dbt_wall_s = run_ours(warehouse, workdir, args.as_of)
    models = equivalent_models(workdir / "target")
    dbt_times = dbt_model_times(workdir / "target", models)
    compiled = run_compiled(warehouse, workdir, models)  # on a copy, before the playbook runs
    playbook = run_playbook(warehouse)

    dbt_execution_s = sum(dbt_times["execution_time"].values())
    dbt_execute_s = sum(dbt_times["execute_phase"].values())
    compiled_s = sum(compiled["by_model"].values())
    input_s = playbook["00_subscription_periods"]
    steps_s = sum(v for k, v in playbook.items() if k != "00_subscription_periods")
    theirs_s = input_s + steps_s
    result = {
        "generated_at": datetime.now().isoformat(timespec="seconds"),
        "data": data,
        "ours_models": [m["name"] for m in models],
        "seconds": {
            "generate": generate_s,
            "ingest": round(ingest_s, 2),
            "ours": {
                "a_dbt_run_wall": round(dbt_wall_s, 2),
                "b_dbt_execution_time_sum": round(dbt_execution_s, 3),
                "b_dbt_execute_phase_sum": round(dbt_execute_s, 3),
                "c_compiled_sql": round(compiled_s, 3),
                "dbt_invocation_elapsed": round(dbt_times["invocation_elapsed"] or 0, 2),
                "dbt_execution_time_by_model": {
                    k: round(v, 3) for k, v in dbt_times["execution_time"].items()
                },
                "compiled_sql_by_model": {k: round(v, 3) for k, v in compiled["by_model"].items()},
            },
            "theirs": {
                "total": round(theirs_s, 3),
                "playbook_input_from_staging": round(input_s, 3),
                "playbook_sql": round(steps_s, 3),
                "playbook_by_step": {k: round(v, 3) for k, v in playbook.items()},
            },
        },
        "ratio_ours_to_theirs": {
            "c_compiled_sql": _ratio(compiled_s, theirs_s),
            "b_dbt_execution_time": _ratio(dbt_execution_s, theirs_s),
            "a_dbt_run_wall": _ratio(dbt_wall_s, theirs_s),
        },
        "compiled_sql_row_count_mismatches": compiled["row_count_mismatches"],
        "note": "theirs = the five playbook files (00 builds its input from our staged "
        "data and our int_stripe_invoice_lines_enriched / int_fx_rates_month_end / "
        "int_revenue_months, 01-04 are the playbook) in plain DuckDB. ours (a) = wall time "
        "of `dbt run` of every revenue model (staging to marts, plus the ICP segment "
        "dim_accounts joins; dbt start-up included, incremental staging built in full, 2 dbt "
        "threads); (b) = sum of run_results "
        "execution_time of ours_models in that invocation (dbt's per-model work: "
        "compile, DDL wrapping, metadata queries); (c) = ours_models' compiled SQL run "
        "one after another as `create or replace table` in plain DuckDB on a copy of the "
        "warehouse, so (c) and theirs are both pure SQL in this process. "
        "Classifications compared per account-month, fx_adjustment rows aside.",
        "comparison": compare(warehouse),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
