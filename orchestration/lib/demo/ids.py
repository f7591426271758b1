"""Deterministic, realistic-looking record ids."""

from __future__ import annotations

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_MOD = 62**14
# A multiplier coprime with 62 scrambles consecutive counters into unrelated-looking ids.
_MULT = 10_398_139_333_890_218_758_758_991


def _b62(n: int, width: int) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 62)
        out.append(_ALPHABET[r])
    return "".join(reversed(out))


class IdFactory:
    """Counters per kind; ids depend only on (kind, counter, salt), never on hashing order."""

    def __init__(self, salt: int) -> None:
        self._salt = salt
        self._counters: dict[str, int] = {}

    def next(self, kind: str) -> int:
        n = self._counters.get(kind, 0) + 1
        self._counters[kind] = n
        return n

    def stripe(self, prefix: str) -> str:
        n = self.next(prefix)
        offset = sum(ord(c) for c in prefix) * 7_919 + self._salt * 104_729
        return f"{prefix}_{_b62((n * _MULT + offset) % _MOD, 14)}"

    def salesforce(self, prefix: str) -> str:
        """18-character Salesforce id: key prefix, pod, counter, checksum-like suffix."""
        n = self.next(prefix)
        return f"{prefix}5g{_b62(n, 10)}{_b62((n * 31 + self._salt) % 238_328, 3)}"
