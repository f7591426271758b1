"""Landing ingestion: the contract (contract.py) and the loader (load.py).

The loader's names are imported lazily so that reading the contract (sensors, dbt source
generation) does not pay for importing Great Expectations.
"""

from __future__ import annotations

from typing import Any

_LOAD_API = (
    "LandingNotFoundError",
    "SourceLoadResult",
    "ensure_landing_tables",
    "ingest_all",
    "ingest_source",
)
__all__ = [*_LOAD_API, "ValidationResult"]


def __getattr__(name: str) -> Any:
    if name in _LOAD_API:
        from . import load

        return getattr(load, name)
    if name == "ValidationResult":
        from .expectations import ValidationResult

        return ValidationResult
    raise AttributeError(name)
