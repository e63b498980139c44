"""The rules table audited: every id is named, classified, described, worded and tested."""

from __future__ import annotations

import json
import re

from skifte.diff.messages import templates
from skifte.diff.rules import (
    RULES,
    composition,
    defaults,
    media_schemas,
    operations,
    parameters,
    renames,
    request_body,
    responses,
    security,
    servers,
)
from tests.diff.conftest import CORPUS

MODULES = (
    operations,
    parameters,
    defaults,
    request_body,
    media_schemas,
    composition,
    responses,
    security,
    servers,
    renames,
)


def _constants() -> set[str]:
    return {
        value
        for module in MODULES
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str) and re.fullmatch(r"[a-z]+(-[a-z]+)+", value)
    }


def test_every_id_constant_is_in_the_table_and_back() -> None:
    assert _constants() == set(RULES)


def test_ids_are_kebab_case_and_levels_valid() -> None:
    for rule in RULES.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", rule.id)
        assert rule.level in rule.allowed_levels
        assert set(rule.allowed_levels) <= {"breaking", "warning", "info"}


def test_every_id_has_a_message_and_a_description() -> None:
    messages = templates()
    for rule in RULES.values():
        assert rule.id in messages, rule.id
        assert rule.description.endswith("."), rule.id
        assert messages[rule.id].endswith("."), rule.id
    known = set(RULES) | {f"{rule}-description" for rule in RULES}
    assert set(messages) == known


def test_every_id_has_a_corpus_pair_that_reports_it() -> None:
    reported: dict[str, set[str]] = {}
    for expected in CORPUS.glob("*/expected.json"):
        for change in json.loads(expected.read_text(encoding="utf-8"))["changes"]:
            reported.setdefault(change["id"], set()).add(change["level"])
    folders = {p.name.split("--")[0] for p in CORPUS.iterdir()}
    for rule in RULES.values():
        assert rule.id in folders, f"no corpus/{rule.id}/"
        assert reported.get(rule.id), f"no corpus pair expects {rule.id}"
        assert reported[rule.id] <= set(rule.allowed_levels)


def test_varying_levels_are_all_exercised() -> None:
    levels = set()
    for expected in CORPUS.glob("*/expected.json"):
        levels |= {
            c["level"]
            for c in json.loads(expected.read_text(encoding="utf-8"))["changes"]
            if c["id"] == renames.PROPERTY_RENAMED
        }
    assert levels == set(RULES[renames.PROPERTY_RENAMED].allowed_levels)


def test_request_and_response_mirror_each_other() -> None:
    """What breaks one direction is harmless in the other (see the README's rule table)."""
    pairs = [
        ("request-enum-value-removed", "response-enum-value-removed"),
        ("request-enum-value-added", "response-enum-value-added"),
        ("request-property-became-not-nullable", "response-property-became-not-nullable"),
        ("request-property-became-nullable", "response-property-became-nullable"),
        ("request-required-property-added", "response-property-added"),
        ("request-property-removed", "response-required-property-removed"),
        ("request-alternative-removed", "response-alternative-removed"),
    ]
    for request, response in pairs:
        assert RULES[request].level != RULES[response].level, (request, response)
