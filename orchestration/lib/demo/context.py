"""Shared state of one generation run: calendar, config, ids, writer, and the plans."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .config import DemoConfig
from .ids import IdFactory
from .timeutil import add_months, kst_epoch, month_key
from .writer import LandingWriter


@dataclass
class Ctx:
    seed: int
    as_of: date
    months: int
    cfg: DemoConfig
    writer: LandingWriter
    n_accounts: int
    ids: IdFactory = field(init=False)
    first_month: date = field(init=False)  # first day of the first history month
    month_starts: list[date] = field(init=False)  # history months + as_of's month
    end_ts: int = field(init=False)  # extract instant: midnight Seoul starting as_of

    def __post_init__(self) -> None:
        self.ids = IdFactory(self.seed)
        this_month = self.as_of.replace(day=1)
        self.first_month = add_months(this_month, -self.months)
        self.month_starts = [add_months(self.first_month, i) for i in range(self.months + 1)]
        self.end_ts = kst_epoch(self.as_of)

    def rng(self, name: str) -> random.Random:
        """Independent stream per module, so one module's draws never shift another's."""
        return random.Random(f"{self.seed}:{name}")

    def np_rng(self, name: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, *name.encode()])

    def month_index(self, d: date) -> int:
        return (d.year - self.first_month.year) * 12 + d.month - self.first_month.month

    def file_month(self, d: date) -> str:
        """Extract month of a record: its own month, or the first extract for older ones."""
        return month_key(max(d.replace(day=1), self.first_month))

    @property
    def month_keys(self) -> list[str]:
        return [month_key(m) for m in self.month_starts]
