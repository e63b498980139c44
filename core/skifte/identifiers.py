"""Danish CPR and CVR numbers: telling fictitious ones from ones that could be real.

The test environment must never receive a real person's data. A CPR number
whose first six digits are not a calendar date can never belong to anyone; the
modulus-11 check proves nothing (real numbers without it exist since 2007).
"""

from __future__ import annotations

import datetime as dt
import random
import re

_CPR = re.compile(r"(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})")
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def cpr_birth_date(value: str) -> dt.date | None:
    """The birth date a CPR-shaped value encodes, or None when it is no calendar date."""
    match = _CPR.fullmatch(value.strip())
    if match is None:
        return None
    day, month, year, century_digit = (int(g) for g in match.groups()[:4])
    try:
        return dt.date(_century(century_digit, year) + year, month, day)
    except ValueError:
        return None


def is_plausibly_real_cpr(value: str) -> bool:
    """True when the value could be a real person's CPR number (a valid birth date)."""
    return cpr_birth_date(value) is not None


def is_fictitious_cpr(value: str) -> bool:
    """CPR-shaped, but its date part is no calendar date: safe to send anywhere."""
    return _CPR.fullmatch(value.strip()) is not None and not is_plausibly_real_cpr(value)


# A CPR stands apart from letters and digits (a `%XX` or `\n`-style escape before it
# counts as apart): inside a UUID or a run id (`ab150590-4123-…`, `T200548-3250a0`)
# the same digits are no CPR, and redacting them would break the identifier shown.
_CPR_IN_TEXT = re.compile(
    r"(?:(?<=%[0-9A-Fa-f]{2})|(?<=\\[bfnrt])|(?<![0-9A-Za-z]))\d{6}-?\d{4}(?![0-9A-Za-z])"
)
REDACTED_CPR = "[CPR redacted]"


def redact_real_cprs(text: str) -> str:
    """`text` with every CPR-shaped value that could be a real person's replaced.

    Fictitious numbers stay: they can belong to nobody, and a report's reproduction
    needs them.
    """
    return _CPR_IN_TEXT.sub(
        lambda m: REDACTED_CPR if is_plausibly_real_cpr(m.group()) else m.group(), text
    )


def cvr_is_valid(value: str) -> bool:
    """Eight digits passing the modulus-11 check with weights 2,7,6,5,4,3,2,1."""
    digits = value.strip()
    if not re.fullmatch(r"\d{8}", digits):
        return False
    return sum(int(d) * w for d, w in zip(digits, _CVR_WEIGHTS, strict=True)) % 11 == 0


def is_fictitious_cvr(value: str) -> bool:
    """The test convention: valid, and starting with 9."""
    return cvr_is_valid(value) and value.strip().startswith("9")


def _century(digit: int, year: int) -> int:
    if digit <= 3:
        return 1900
    if digit in (4, 9):
        return 2000 if year <= 36 else 1900
    return 2000 if year <= 57 else 1800


def fictitious_cpr(rng: random.Random) -> str:
    """DDMMYY-SSSS with day 61–91: never a calendar date, so never a real person's."""
    day = rng.randint(61, 91)
    return f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}-{rng.randint(0, 9999):04d}"


def fictitious_cvr(rng: random.Random) -> str:
    """Eight digits starting with 9 that pass modulus 11: a test CVR number."""
    while True:
        digits = [9] + [rng.randint(0, 9) for _ in range(6)]
        weighted = sum(d * w for d, w in zip(digits, _CVR_WEIGHTS, strict=False))
        check = (11 - weighted % 11) % 11
        if check < 10:
            return "".join(map(str, [*digits, check]))
