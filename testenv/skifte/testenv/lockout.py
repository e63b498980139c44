"""Failed authentications at the token endpoint, counted per client id and per certificate.

Each failure costs the server a deliberately slow secret check (scrypt). Past
`max_failures` failures within `window` seconds under one key, that key is refused
with 429 and `Retry-After` until its oldest counted failure leaves the window, before
any secret is checked: a flood of wrong secrets cannot slow the other clients, and a
guesser gets a few tries a window. Keys are the client id as sent and, over TLS, the
client certificate's thumbprint (a guesser who changes ids still has one certificate).
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable, Iterable

MAX_KEYS = 10_000
"""Keys remembered at once: ids are chosen by the client, so the table is bounded."""


class FailedAttempts:
    def __init__(self, max_failures: int, window: float, clock: Callable[[], float]) -> None:
        self.max_failures = max_failures
        self.window = window
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, keys: Iterable[str]) -> int:
        """0 when these keys may try again now, else the whole seconds to wait."""
        if self.max_failures <= 0:
            return 0
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                times = self._recent(key, now)
                if len(times) >= self.max_failures:
                    wait = max(wait, times[0] + self.window - now)
        return math.ceil(wait) if wait > 0 else 0

    def record(self, keys: Iterable[str]) -> None:
        if self.max_failures <= 0:
            return
        now = self._clock()
        with self._lock:
            for key in keys:
                times = self._recent(key, now)
                times.append(now)
                while len(times) > self.max_failures:
                    times.popleft()
                self._failures[key] = times
            if len(self._failures) > MAX_KEYS:
                self._forget_expired(now)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def _forget_expired(self, now: float) -> None:
        for key in [k for k, t in self._failures.items() if not self._recent(k, now)]:
            del self._failures[key]
        while len(self._failures) > MAX_KEYS:  # all recent: the oldest entries go
            del self._failures[next(iter(self._failures))]


def attempt_keys(client_id: str | None, certificate: str | None) -> list[str]:
    keys = [f"client:{client_id}"] if client_id else []
    return keys + ([f"certificate:{certificate}"] if certificate else [])
