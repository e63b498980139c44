"""Fictitious data only, own data only: what every outgoing request is checked against.

The test environment must never receive a real person's data. Generated values
that are CPR- or CVR-shaped are replaced by fictitious ones before sending
(`make_fictitious`); `refusal` is the last check before a request leaves the
process: a plausibly real CPR number (a valid calendar date with a valid
century digit) is refused unless the environment itself sent it.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from typing import Any

from skifte.identifiers import fictitious_cvr, is_fictitious_cvr, is_plausibly_real_cpr

CPR_SHAPED = re.compile(r"(?<!\d)(\d{6})(-?)(\d{4})(?!\d)")


def strings(value: Any) -> Iterator[tuple[str, str]]:
    """(key, text) for every string and number in a JSON-like value."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        key, item = stack.pop()
        if isinstance(item, dict):
            stack.extend((str(k), v) for k, v in item.items())
        elif isinstance(item, list | tuple):
            stack.extend((key, v) for v in item)
        elif isinstance(item, bytes):
            yield key, item.decode("latin-1")  # file parts: digits read the same in any case
        elif isinstance(item, str | int) and not isinstance(item, bool):
            yield key, str(item)


def might_identify(value: Any) -> bool:
    """A cheap first look: does anything in `value` look like a CPR or sit in a CVR field?"""
    text = json.dumps(value, default=_text, ensure_ascii=False)
    return CPR_SHAPED.search(text) is not None or "cvr" in text.lower()


def _text(value: Any) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def real_cprs(value: Any, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Where `value` holds a CPR number that could be a real person's and was not received.

    Returns the keys (field names) only: the numbers themselves are never repeated.
    """
    found = []
    for key, text in strings(value):
        for match in CPR_SHAPED.finditer(text):
            number = match.group(0)
            if is_plausibly_real_cpr(number) and _normal(number) not in allowed:
                found.append(key or "(value)")
    return found


def received(value: Any) -> set[str]:
    """CPR-shaped values in what the environment sent: the run may send them back."""
    return {_normal(m.group(0)) for _, text in strings(value) for m in CPR_SHAPED.finditer(text)}


def make_fictitious(value: Any, seed: str, allowed: set[str] | frozenset[str] = frozenset()) -> Any:
    """`value` with CPR-shaped numbers made no calendar date and CVR fields made test CVRs.

    Values the environment itself sent (`allowed`) are left as they are.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible on purpose, not a secret
    return _fictitious(value, rng, "", allowed)


def _fictitious(
    value: Any, rng: random.Random, key: str, allowed: set[str] | frozenset[str]
) -> Any:
    if isinstance(value, dict):
        return {k: _fictitious(v, rng, str(k), allowed) for k, v in value.items()}
    if isinstance(value, list):
        return [_fictitious(v, rng, key, allowed) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        # A number can carry a CPR too (2503891234): its digits get the same treatment.
        text = str(value)
        changed = _fictitious(text, rng, key, allowed)
        return int(changed) if changed != text else value
    if not isinstance(value, str):
        return value
    if "cvr" in key.lower() and re.fullmatch(r"\d{8}", value) and value not in allowed:
        return value if is_fictitious_cvr(value) else fictitious_cvr(rng)

    def replace(match: re.Match[str]) -> str:
        number = match.group(0)
        if not is_plausibly_real_cpr(number) or _normal(number) in allowed:
            return number
        return _fictitious_cpr(match)

    return CPR_SHAPED.sub(replace, value)


def _fictitious_cpr(match: re.Match[str]) -> str:
    """Keep the shape, move the day past 60: DDMMYY-SSSS can then never be a date."""
    digits = match.group(1)
    day = int(digits[:2]) % 31 + 61
    return f"{day:02d}{digits[2:]}{match.group(2)}{match.group(3)}"


def _normal(cpr: str) -> str:
    return cpr.replace("-", "")
