"""Limits that keep untrusted input in bounds: size cap, network timeout, redirects, private addresses."""

from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Limits:
    """`allow_private=False` refuses URLs that resolve to loopback, private or link-local addresses (servers)."""

    max_bytes: int = MAX_BYTES
    timeout: float = TIMEOUT_SECONDS
    max_redirects: int = MAX_REDIRECTS
    allow_private: bool = True

    def too_big(self, size: int) -> str:
        return f"larger than the {self.max_bytes / 1024 / 1024:g} MB size cap ({size / 1024 / 1024:.1f} MB)"
