"""When a request is sent again, and how long the client waits before it does.

Only requests that are safe to repeat are retried: idempotent methods, and
writes that carry an `Idempotency-Key` (the server stores them once). They are
retried after a connection error, a timeout, 408, 429 and 5xx, waiting as the
server's `Retry-After` says or else with exponential backoff and jitter.
"""

from __future__ import annotations

import email.utils
import math
import random
from collections.abc import Callable

import httpx

DEFAULT_MAX_RETRIES = 2
INITIAL_DELAY = 0.5
"""Seconds before the first retry, doubled for each further one."""
MAX_DELAY = 8.0
"""The longest wait the backoff chooses on its own."""
MAX_RETRY_AFTER = 60.0
"""A longer `Retry-After` is not waited out: the error is raised with `retry_after` set."""
JITTER = 0.25
"""Each backoff delay is shortened by up to this fraction, so clients spread out."""

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
RETRY_STATUSES = frozenset({408, 429})
IDEMPOTENCY_HEADER = "idempotency-key"


def may_repeat(request: httpx.Request) -> bool:
    """Is sending this request twice harmless?"""
    return request.method in IDEMPOTENT_METHODS or IDEMPOTENCY_HEADER in request.headers


def backoff(attempt: int, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry number `attempt + 1`."""
    return min(INITIAL_DELAY * 2.0**attempt, MAX_DELAY) * (1 - JITTER * rand())


def retry_after(response: httpx.Response, now: Callable[[], float]) -> float | None:
    """The response's `Retry-After` in seconds (a number or an HTTP date), or None."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - now()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return max(0.0, seconds) if math.isfinite(seconds) else None


def retry_delay(
    response: httpx.Response, attempt: int, now: Callable[[], float]
) -> float | None:
    """Seconds to wait before sending again after this answer, or None: do not retry."""
    status = response.status_code
    if status not in RETRY_STATUSES and status < 500:
        return None
    after = retry_after(response, now)
    if after is None:
        return backoff(attempt)
    return after if after <= MAX_RETRY_AFTER else None
