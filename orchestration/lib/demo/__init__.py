"""Demo landing data: a Korean B2B SaaS company selling in Korea, Japan and the US.

`generate()` writes every landing folder of the contract (../shared/sources.md) under
`out_dir`, deterministically for (seed, as_of, accounts, months), plus `_demo/stories.json`
(accounts whose revenue story the warehouse must tell) and `_demo/manifest.json`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from .billing import MrrTracker, write_contracts, write_stripe
from .company import Names, build_accounts, build_users
from .config import DemoConfig
from .context import Ctx
from .crm import plan_contacts, plan_opportunities, write_crm
from .events import write_product_events
from .finance import write_costs, write_fx, write_marketing_spend
from .lifecycle import plan_lifecycles
from .marketing import plan_marketing, write_marketing
from .stories import dump, write_stories
from .support import write_support
from .writer import LandingWriter

__all__ = ["DemoConfig", "DemoSummary", "generate"]


@dataclass
class DemoSummary:
    out_dir: Path
    accounts: int
    months: int
    seed: int
    as_of: date
    files: list[str] = field(default_factory=list)  # relative to out_dir, sorted
    rows: dict[str, int] = field(default_factory=dict)  # "<source>.<object>" -> rows written
    bytes: int = 0
    stories_path: Path | None = None


def generate(
    out_dir: Path,
    *,
    accounts: int = 300,
    months: int = 36,
    seed: int = 42,
    as_of: date | None = None,
    config: DemoConfig | None = None,
) -> DemoSummary:
    """Writes the demo landing files and returns what was written."""
    if accounts < 5 or months < 2:
        raise ValueError("the demo needs at least 5 accounts and 2 months")
    out_dir = Path(out_dir)
    as_of = as_of or date.today()
    cfg = config or DemoConfig()
    _remove_previous(out_dir)
    writer = LandingWriter(out_dir, cfg.gzip_level)
    ctx = Ctx(seed=seed, as_of=as_of, months=months, cfg=cfg, writer=writer, n_accounts=accounts)

    names = Names(seed)
    users = build_users(ctx, names, accounts)
    accs = build_accounts(ctx, names, users, accounts)
    plan_contacts(ctx, names, accs)
    plans = plan_lifecycles(ctx, accs)
    crm = plan_opportunities(ctx, accs, plans, users)
    marketing = plan_marketing(ctx, names, accs, users, crm)

    fx = write_fx(ctx)
    tracker = MrrTracker(ctx, len(accs))
    special = write_stripe(ctx, accs, plans, tracker)
    write_contracts(ctx, accs, plans, tracker, crm.contract_opps)
    deleted = _pick_deleted_account(ctx, accs, plans, special)
    write_crm(ctx, accs, users, crm, deleted)
    write_marketing(ctx, marketing)
    write_product_events(ctx, accs, plans)
    write_support(ctx, accs, plans)
    write_marketing_spend(ctx, marketing.campaigns, fx)
    write_costs(ctx, _mrr_krw(ctx, accs, tracker.mrr, fx))

    excluded = set(special) | ({deleted} if deleted is not None else set())
    stories = write_stories(ctx, accs, plans, tracker.mrr, excluded, out_dir)
    stories["seed"] = seed
    stories_path = out_dir / "_demo" / "stories.json"
    dump(stories, stories_path)

    files = sorted(str(p.relative_to(out_dir)) for p in writer.files)
    manifest = {
        "seed": seed,
        "as_of": as_of.isoformat(),
        "accounts": accounts,
        "months": months,
        "files": {f: _sha256(out_dir / f) for f in files},
        "rows": dict(sorted(writer.rows.items())),
    }
    (out_dir / "_demo" / "manifest.json").write_text(
        json.dumps(manifest, indent=2) + "\n", encoding="utf-8"
    )
    return DemoSummary(
        out_dir=out_dir,
        accounts=accounts,
        months=months,
        seed=seed,
        as_of=as_of,
        files=files,
        rows=dict(sorted(writer.rows.items())),
        bytes=sum((out_dir / f).stat().st_size for f in files),
        stories_path=stories_path,
    )


def _remove_previous(out_dir: Path) -> None:
    """Deletes the files a previous demo run listed, and nothing else."""
    manifest = out_dir / "_demo" / "manifest.json"
    if not manifest.exists():
        return
    for rel in json.loads(manifest.read_text(encoding="utf-8")).get("files", {}):
        path = out_dir / rel
        if path.is_file():
            path.unlink()


def _pick_deleted_account(ctx: Ctx, accs: list, plans: dict, special: set[int]) -> int | None:
    """A churned Stripe account whose CRM record is deleted later (revenue still counts)."""
    rng = ctx.rng("deleted-account")
    pool = [
        a.idx
        for a in accs
        if a.idx in plans
        and len(plans[a.idx].subs) == 1
        and plans[a.idx].subs[0].cancel_on is not None
        and a.idx not in special
    ]
    return rng.choice(pool) if pool else None


def _mrr_krw(ctx: Ctx, accs: list, mrr: np.ndarray, fx) -> np.ndarray:
    out = np.zeros(ctx.months)
    for cur in ("KRW", "JPY", "USD"):
        idx = [a.idx for a in accs if a.currency == cur]
        if not idx:
            continue
        local = mrr[idx].sum(axis=0)
        for i in range(ctx.months):
            end = ctx.month_starts[i + 1]
            out[i] += local[i] * fx.rate_on(cur, end.fromordinal(end.toordinal() - 1))
    return out


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
