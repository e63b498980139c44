"""The values one schema node accepts, base against revision: type, null, enum, format, limits.

Each fact says whether the revision rejects values the base accepted (tightened)
or accepts values the base rejected (loosened); the direction decides which of
the two breaks someone. When the type itself changed, the keywords that qualify
the old type (format, pattern, limits, enum) are not compared: they would only
repeat the type change.
"""

from __future__ import annotations

from ..shape import LOWER_LIMITS, UPPER_LIMITS, Bound, Shape, canonical
from .facts import Kind, SchemaFact

# Formats whose values are a subset of another's: (narrower, wider).
_WIDER_FORMAT = {("int32", "int64"), ("float", "double")}


def compare_values(base: Shape, revision: Shape) -> list[SchemaFact]:
    facts = []
    if base.nullable != revision.nullable:
        kind = Kind.NULLABLE_ADDED if revision.nullable else Kind.NULLABLE_REMOVED
        facts.append(SchemaFact(kind, tightened=not revision.nullable, loosened=revision.nullable))
    if base.types != revision.types:
        facts.append(
            SchemaFact(
                Kind.TYPE,
                (("old", _types(base.types)), ("new", _types(revision.types))),
                tightened=not accepts(revision.types, base.types),
                loosened=not accepts(base.types, revision.types),
            )
        )
        return facts
    facts += _enum(base, revision)
    if base.format != revision.format:
        tightened, loosened = _format_relation(base.format, revision.format)
        facts.append(
            _changed(Kind.FORMAT, "format", base.format, revision.format, tightened, loosened)
        )
    if base.pattern != revision.pattern:
        facts.append(
            _changed(
                Kind.PATTERN,
                "pattern",
                base.pattern,
                revision.pattern,
                revision.pattern is not None,
                base.pattern is not None,
            )
        )
    facts += _bounds(base, revision)
    facts += _limits(base, revision)
    return facts


def accepts(wider: frozenset[str] | None, narrower: frozenset[str] | None) -> bool:
    """Does a value of any type in `narrower` pass a schema allowing `wider`? None is any type."""
    if wider is None:
        return True
    if narrower is None:
        return False
    return all(t in wider or (t == "integer" and "number" in wider) for t in narrower)


def _enum(base: Shape, revision: Shape) -> list[SchemaFact]:
    if base.enum is None:
        if revision.enum is None:
            return []
        shown = ", ".join(_show(v) for _, v in sorted(revision.enum.items()))
        return [SchemaFact(Kind.ENUM_ADDED, (("values", shown),), tightened=True)]
    if revision.enum is None:
        return [SchemaFact(Kind.ENUM_DROPPED, (), loosened=True)]
    facts = [
        SchemaFact(Kind.ENUM_VALUE_REMOVED, (("value", _show(base.enum[key])),), tightened=True)
        for key in sorted(base.enum.keys() - revision.enum.keys())
    ]
    facts += [
        SchemaFact(Kind.ENUM_VALUE_ADDED, (("value", _show(revision.enum[key])),), loosened=True)
        for key in sorted(revision.enum.keys() - base.enum.keys())
    ]
    return facts


def _format_relation(old: str | None, new: str | None) -> tuple[bool, bool]:
    if old is None:
        return True, False
    if new is None or (old, new) in _WIDER_FORMAT:
        return False, True
    if (new, old) in _WIDER_FORMAT:
        return True, False
    return True, True


def _bounds(base: Shape, revision: Shape) -> list[SchemaFact]:
    facts = []
    for keyword, old, new, upper in (
        ("maximum", base.maximum, revision.maximum, True),
        ("minimum", base.minimum, revision.minimum, False),
    ):
        if old == new:
            continue
        tightened = new is not None and new.tighter_than(old, upper=upper)
        loosened = old is not None and old.tighter_than(new, upper=upper)
        facts.append(_changed(Kind.LIMIT, keyword, _bound(old), _bound(new), tightened, loosened))
    return facts


def _limits(base: Shape, revision: Shape) -> list[SchemaFact]:
    facts = []
    for keyword in sorted(base.limits.keys() | revision.limits.keys()):
        old, new = base.limits.get(keyword), revision.limits.get(keyword)
        if old == new:
            continue
        if keyword in UPPER_LIMITS:
            tightened = new is not None and (old is None or new < old)
        elif keyword in LOWER_LIMITS:
            tightened = new is not None and (old is None or new > old)
        elif keyword == "multipleOf":
            tightened = new is not None and (old is None or old % new != 0)
        else:  # uniqueItems
            tightened = new is not None
        if keyword == "multipleOf":
            loosened = old is not None and (new is None or new % old != 0)
        else:
            loosened = not tightened
        facts.append(_changed(Kind.LIMIT, keyword, _number(old), _number(new), tightened, loosened))
    return facts


def _changed(
    kind: Kind, keyword: str, old: str | None, new: str | None, tightened: bool, loosened: bool
) -> SchemaFact:
    details = (("keyword", keyword), ("old", old or "none"), ("new", new or "none"))
    return SchemaFact(kind, details, tightened=tightened, loosened=loosened)


def _types(types: frozenset[str] | None) -> str:
    if types is None:
        return "any"
    return " or ".join(sorted(types)) or "null"


def _bound(bound: Bound | None) -> str | None:
    if bound is None:
        return None
    return f"{_number(bound.value)}{' (exclusive)' if bound.exclusive else ''}"


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if value == int(value) else str(value)


def _show(value: object) -> str:
    return value if isinstance(value, str) else canonical(value)
