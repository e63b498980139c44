"""CPR and CVR rules from the domain: what may and may not be sent to a test environment."""

from __future__ import annotations

import datetime as dt

import pytest

from skifte.identifiers import (
    REDACTED_CPR,
    cpr_birth_date,
    cvr_is_valid,
    is_fictitious_cpr,
    is_fictitious_cvr,
    is_plausibly_real_cpr,
    redact_real_cprs,
)


@pytest.mark.parametrize(
    ("cpr", "born"),
    [
        ("010190-1234", dt.date(1990, 1, 1)),  # digit 7 in 0-3: 1900s
        ("0101304234", dt.date(2030, 1, 1)),  # 4 and YY <= 36: 2000s
        ("010140-4234", dt.date(1940, 1, 1)),  # 4 and YY > 36: 1900s
        ("010157-5234", dt.date(2057, 1, 1)),  # 5-8 and YY <= 57: 2000s
        ("010158-5234", dt.date(1858, 1, 1)),  # 5-8 and YY > 57: 1800s
        ("290200-4111", dt.date(2000, 2, 29)),  # leap day in 2000
    ],
)
def test_century_rule(cpr: str, born: dt.date) -> None:
    assert cpr_birth_date(cpr) == born
    assert is_plausibly_real_cpr(cpr)
    assert not is_fictitious_cpr(cpr)


@pytest.mark.parametrize("cpr", ["650321-4127", "320190-1234", "011390-1234", "290200-1111"])
def test_no_calendar_date_is_fictitious(cpr: str) -> None:
    # 290200 with digit 7 = 1 is 29 Feb 1900: no leap day.
    assert not is_plausibly_real_cpr(cpr)
    assert is_fictitious_cpr(cpr)


def test_modulus_11_proves_nothing_for_cpr() -> None:
    # 010107-1230 fails modulus 11 but is a valid date: it may belong to someone.
    assert is_plausibly_real_cpr("010107-1230")


def test_not_cpr_shaped_is_neither() -> None:
    for value in ("", "12345", "abcdef-ghij", "010190-12345"):
        assert not is_plausibly_real_cpr(value)
        assert not is_fictitious_cpr(value)


def test_cvr() -> None:
    assert cvr_is_valid("90000004")
    assert is_fictitious_cvr("90000004")
    assert not cvr_is_valid("90000005")
    assert cvr_is_valid("12345674") and not is_fictitious_cvr("12345674")
    assert not cvr_is_valid("9000000")


def test_reports_redact_cprs_that_could_be_real_and_keep_fictitious_ones() -> None:
    text = '{"cprNummer":"010107-1230","andet":"0101071230","fiktiv":"650321-4127"}'
    redacted = redact_real_cprs(text)
    assert "010107-1230" not in redacted and "0101071230" not in redacted
    assert redacted.count(REDACTED_CPR) == 2 and "650321-4127" in redacted
    # Longer digit runs (an id, an amount) are not CPR numbers.
    assert redact_real_cprs("ref 20101071230 x") == "ref 20101071230 x"


def test_identifiers_that_hold_date_shaped_digits_are_left_whole() -> None:
    # A record's UUID, a run id and a hex token: digits inside them are no CPR.
    uuid = "ab150590-4123-4abc-8def-0123456789ab"
    texts = [
        f"GET /doedsboer/{uuid}/krav",
        "X-Skifte-Run: run-20261129T200548-3250a058",
        "etag: W/0101901234abc",
    ]
    for text in texts:
        assert redact_real_cprs(text) == text


def test_cprs_beside_punctuation_and_url_escapes_are_still_redacted() -> None:
    for text in (
        "?cpr_nummer=010190-1234&x=1",
        '{"cpr": "0101901234"}',
        "/personer/010190-1234/",
        "cpr%3D0101901234",
        "cpr:010190-1234.",
        '{"note": "line\\n0101901234"}',
        "a\\t010190-1234",
    ):
        redacted = redact_real_cprs(text)
        assert REDACTED_CPR in redacted and "1234" not in redacted.replace("&x=1", ""), text
