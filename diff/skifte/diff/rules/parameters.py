"""Parameters: added, removed, required, moved, serialised differently, or narrowed.

A parameter's schema is input: whatever makes a value the base accepted fail now
breaks callers (a narrower type, a removed enum value, a lower maximum, a new
pattern); whatever accepts more is information.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from skifte.api import Parameter

from ..change import Finding, Level
from ..pairing import OperationPair, parameter_key
from .facts import Kind, SchemaFact
from .request_body import first_set_level

if TYPE_CHECKING:
    from ..context import DiffContext

PARAMETER_ADDED = "parameter-added"
REQUIRED_PARAMETER_ADDED = "required-parameter-added"
PARAMETER_REMOVED = "parameter-removed"
PARAMETER_BECAME_REQUIRED = "parameter-became-required"
PARAMETER_BECAME_OPTIONAL = "parameter-became-optional"
PARAMETER_LOCATION_CHANGED = "parameter-location-changed"
PARAMETER_STYLE_CHANGED = "parameter-style-changed"
PARAMETER_TYPE_CHANGED = "parameter-type-changed"
PARAMETER_TYPE_WIDENED = "parameter-type-widened"
PARAMETER_FORMAT_CHANGED = "parameter-format-changed"
PARAMETER_PATTERN_ADDED = "parameter-pattern-added"
PARAMETER_PATTERN_CHANGED = "parameter-pattern-changed"
PARAMETER_ENUM_VALUE_REMOVED = "parameter-enum-value-removed"
PARAMETER_ENUM_VALUE_ADDED = "parameter-enum-value-added"
PARAMETER_BECAME_ENUM = "parameter-became-enum"
PARAMETER_MAX_DECREASED = "parameter-max-decreased"
PARAMETER_MIN_INCREASED = "parameter-min-increased"
PARAMETER_MAX_LENGTH_DECREASED = "parameter-max-length-decreased"
PARAMETER_MIN_LENGTH_INCREASED = "parameter-min-length-increased"
PARAMETER_MAX_ITEMS_DECREASED = "parameter-max-items-decreased"
PARAMETER_MIN_ITEMS_INCREASED = "parameter-min-items-increased"
PARAMETER_CONSTRAINT_TIGHTENED = "parameter-constraint-tightened"
PARAMETER_CONSTRAINT_RELAXED = "parameter-constraint-relaxed"

_TIGHTER_LIMIT = {
    "maximum": PARAMETER_MAX_DECREASED,
    "minimum": PARAMETER_MIN_INCREASED,
    "maxLength": PARAMETER_MAX_LENGTH_DECREASED,
    "minLength": PARAMETER_MIN_LENGTH_INCREASED,
    "maxItems": PARAMETER_MAX_ITEMS_DECREASED,
    "minItems": PARAMETER_MIN_ITEMS_INCREASED,
}
_DEFAULT_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}


def check(ctx: DiffContext) -> Iterator[Finding]:
    for pair in ctx.pairs:
        yield from _operation(ctx, pair)


def _operation(ctx: DiffContext, pair: OperationPair) -> Iterator[Finding]:
    before = {parameter_key(p, pair.base): p for p in pair.base.parameters}
    after = {parameter_key(p, pair.revision): p for p in pair.revision.parameters}
    affects = ctx.symbols.method(pair.base)
    moved = _moved(before, after)
    for key, old in before.items():
        new = after.get(key)
        if new is not None:
            yield from _compare(ctx, pair, old, new)
        elif key in moved:
            new = after[moved[key]]
            fields = {"target": _label(old), "old": old.location, "new": new.location}
            yield Finding(
                PARAMETER_LOCATION_CHANGED, pair.revision, new.pointer, _label(new), fields, affects
            )
        else:
            target = _label(old)
            yield Finding(
                PARAMETER_REMOVED, pair.revision, old.pointer, target, {"target": target}, affects
            )
    for key in after.keys() - before.keys() - set(moved.values()):
        new = after[key]
        rule = REQUIRED_PARAMETER_ADDED if new.required else PARAMETER_ADDED
        target = _label(new)
        yield Finding(rule, pair.revision, new.pointer, target, {"target": target}, affects)


def _moved(
    before: dict[tuple[str, str], Parameter], after: dict[tuple[str, str], Parameter]
) -> dict[tuple[str, str], tuple[str, str]]:
    """A parameter that left one location and appeared under the same name in another."""
    gone = {p.name.lower(): key for key, p in before.items() if key not in after}
    came = {p.name.lower(): key for key, p in after.items() if key not in before}
    return {gone[name]: came[name] for name in gone.keys() & came.keys()}


def _compare(
    ctx: DiffContext, pair: OperationPair, old: Parameter, new: Parameter
) -> Iterator[Finding]:
    target = _label(new)
    affects = ctx.symbols.method(pair.base)
    if old.required != new.required:
        rule = PARAMETER_BECAME_REQUIRED if new.required else PARAMETER_BECAME_OPTIONAL
        yield Finding(rule, pair.revision, new.pointer, target, {"target": target}, affects)
    if _style(old) != _style(new):
        fields = {"target": target, "old": _show_style(old), "new": _show_style(new)}
        yield Finding(PARAMETER_STYLE_CHANGED, pair.revision, new.pointer, target, fields, affects)
    if old.schema is not None and new.schema is not None:
        facts = ctx.walk.compare(old.schema, new.schema, "request")
        yield from ctx.schema_findings(facts, rule_for, pair, f"{new.pointer}/schema", target)


def rule_for(fact: SchemaFact) -> tuple[str, Level | None] | None:
    """A parameter's value is input: what rejects values the base accepted breaks callers."""
    kind = fact.kind
    rule: str | None = None
    level: Level | None = None
    if kind is Kind.TYPE:
        rule = PARAMETER_TYPE_CHANGED if fact.tightened else PARAMETER_TYPE_WIDENED
    elif kind is Kind.ENUM_VALUE_REMOVED:
        rule = PARAMETER_ENUM_VALUE_REMOVED
    elif kind is Kind.ENUM_VALUE_ADDED:
        rule = PARAMETER_ENUM_VALUE_ADDED
    elif kind is Kind.ENUM_ADDED:
        rule = PARAMETER_BECAME_ENUM
    elif kind in (Kind.FORMAT, Kind.PATTERN, Kind.LIMIT, Kind.ENUM_DROPPED):
        rule = _constraint(fact) if fact.tightened else PARAMETER_CONSTRAINT_RELAXED
        level = first_set_level(fact) if fact.tightened else None
    elif kind in _MEMBERS:
        rule = PARAMETER_CONSTRAINT_TIGHTENED if fact.tightened else PARAMETER_CONSTRAINT_RELAXED
    # Properties and null have no place in a serialised parameter value: not compared.
    return None if rule is None else (rule, level)


_MEMBERS = (
    Kind.ALTERNATIVE_REMOVED,
    Kind.ALTERNATIVE_ADDED,
    Kind.ALL_OF_MEMBER_ADDED,
    Kind.ALL_OF_MEMBER_REMOVED,
)


def _constraint(fact: SchemaFact) -> str:
    if fact.kind is Kind.FORMAT:
        return PARAMETER_FORMAT_CHANGED
    if fact.kind is Kind.PATTERN:
        return (
            PARAMETER_PATTERN_ADDED if fact.detail("old") == "none" else PARAMETER_PATTERN_CHANGED
        )
    return _TIGHTER_LIMIT.get(fact.detail("keyword"), PARAMETER_CONSTRAINT_TIGHTENED)


def _label(parameter: Parameter) -> str:
    return f"{parameter.location}:{parameter.name}"


def _style(parameter: Parameter) -> tuple[str, bool]:
    style = parameter.style or _DEFAULT_STYLE.get(parameter.location, "simple")
    explode = parameter.explode if parameter.explode is not None else style == "form"
    return style, explode


def _show_style(parameter: Parameter) -> str:
    style, explode = _style(parameter)
    return f"{style}{', exploded' if explode else ''}"
