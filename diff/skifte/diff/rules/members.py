"""Composition members compared: allOf members added or removed, oneOf/anyOf constraints.

The merged view (`shape.py`) already compares what an `allOf` accepts; these facts say
that the composition itself changed, which generated clients and the reference checker
both see. A node without `allOf` counts as its own single member, so wrapping a schema
in `allOf: [$ref]` is no change. `oneOf`/`anyOf` members that only list `required`
names constrain an object rather than offer alternatives: added where there were none,
they make those names required.
"""

from __future__ import annotations

from collections.abc import Callable

from skifte.api import Schema

from ..shape import Shape
from .alternatives import match_alternatives
from .facts import Kind, SchemaFact, property_fact

ShapeOf = Callable[[Schema], Shape]


def all_of_facts(
    base: Schema, revision: Schema, old: Shape, new: Shape, shape_of: ShapeOf
) -> list[SchemaFact]:
    if not old.all_of and not new.all_of:
        return []
    before, after = old.all_of or (base,), new.all_of or (revision,)
    pairs = match_alternatives(before, after, shape_of)
    gone = [i for i in range(len(before)) if i not in pairs]
    matched = set(pairs.values())
    came = [j for j in range(len(after)) if j not in matched]
    # As many members gone as came are members rewritten: the merged view reports what
    # changed in them. Only the surplus was added or removed.
    kept = min(len(gone), len(came))
    facts = [
        SchemaFact(Kind.ALL_OF_MEMBER_REMOVED, _named(before[i], i), loosened=True)
        for i in gone[kept:]
    ]
    facts += [
        SchemaFact(Kind.ALL_OF_MEMBER_ADDED, _named(after[j], j), tightened=True)
        for j in came[kept:]
    ]
    return facts


def constraints_only(members: tuple[Schema, ...], shape_of: ShapeOf) -> bool:
    """Members that name required properties and nothing else."""
    return bool(members) and all(_names_only(shape_of(m)) for m in members)


def required_by_members(with_members: Shape, without: Shape, added: bool) -> list[SchemaFact]:
    """Names a member requires that the plain side did not: became required (or optional)."""
    named: set[str] = set()
    for alternative in with_members.alternatives:
        named |= set(alternative.required)
    kind = Kind.BECAME_REQUIRED if added else Kind.BECAME_OPTIONAL
    facts = []
    for name in sorted(named - without.required):
        member = with_members.properties.get(name) or without.properties.get(name)
        declared_in = member.declared_in if member else None
        fact = property_fact(kind, name, declared_in, was_required=not added, is_required=added)
        facts.append(fact)
    return facts


def _names_only(shape: Shape) -> bool:
    return (
        bool(shape.required)
        and not shape.properties
        and not shape.alternatives
        and shape.items is None
        and shape.enum is None
    )


def _named(schema: Schema, index: int) -> tuple[tuple[str, str], ...]:
    return (("name", schema.component or f"#{index}"), ("keyword", "allOf"))
