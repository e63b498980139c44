"""What the schema walk finds at one place of a schema, before a direction gives it a rule id.

A fact is relative to the schema node it was found under. Lifting it into the
parent prepends the step (`properties/<name>`, `items`, ...) to its pointer and
to the names that say what changed: `target` (the changelogs' way, from the
component that declares the property) and `symbol` (the generated code's way,
from the component whose class has the field).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum


class Kind(Enum):
    TYPE = "type"
    NULLABLE_ADDED = "nullable-added"
    NULLABLE_REMOVED = "nullable-removed"
    ENUM_VALUE_ADDED = "enum-value-added"
    ENUM_VALUE_REMOVED = "enum-value-removed"
    ENUM_ADDED = "enum-added"
    ENUM_DROPPED = "enum-dropped"
    FORMAT = "format"
    PATTERN = "pattern"
    LIMIT = "limit"
    ADDITIONAL_CLOSED = "additional-closed"
    ADDITIONAL_OPENED = "additional-opened"
    PROPERTY_ADDED = "property-added"
    PROPERTY_REMOVED = "property-removed"
    PROPERTY_RENAMED = "property-renamed"
    BECAME_REQUIRED = "became-required"
    BECAME_OPTIONAL = "became-optional"
    ALTERNATIVE_ADDED = "alternative-added"
    ALTERNATIVE_REMOVED = "alternative-removed"
    WRAPPED_IN_ONE_OF = "wrapped-in-one-of"
    ALL_OF_MEMBER_ADDED = "all-of-member-added"
    ALL_OF_MEMBER_REMOVED = "all-of-member-removed"


ITEMS = "[]"
"""The target step for an array's items: `genstande[]`."""


@dataclass(frozen=True)
class SchemaFact:
    kind: Kind
    details: tuple[tuple[str, str], ...] = ()
    """Message values: old, new, value, keyword, name, ..."""
    tightened: bool = False
    """The revision rejects some value the base accepted."""
    loosened: bool = False
    """The revision accepts some value the base rejected."""
    was_required: bool = False
    is_required: bool = False
    path: tuple[str, ...] = ()
    target_root: str | None = None
    target: tuple[str, ...] = ()
    symbol_root: str | None = None
    symbol: tuple[str, ...] = ()
    new_symbol: bool = False
    """The last symbol step exists only in the revision (an added property)."""
    renamed_to: tuple[str, ...] = ()
    """For a rename: the new property's target, from the same root."""

    def detail(self, name: str) -> str:
        return dict(self.details).get(name, "")

    def under_property(self, name: str, declared_in: str | None) -> SchemaFact:
        target_root, target, renamed_to = self.target_root, self.target, self.renamed_to
        if target_root is None:
            target, target_root = (name, *target), declared_in
            renamed_to = (name, *renamed_to) if renamed_to else ()
        symbol = self.symbol if self.symbol_root else (name, *self.symbol)
        return replace(
            self,
            path=("properties", name, *self.path),
            target_root=target_root,
            target=target,
            renamed_to=renamed_to,
            symbol=symbol,
        )

    def under(self, *tokens: str, step: str | None = None) -> SchemaFact:
        """Lift through a step that is no property: items, oneOf/1, additionalProperties."""
        target, renamed_to = self.target, self.renamed_to
        if step is not None and self.target_root is None:
            target = (step, *target)
            renamed_to = (step, *renamed_to) if renamed_to else ()
        return replace(self, path=(*tokens, *self.path), target=target, renamed_to=renamed_to)

    def leaving(self, component: str | None) -> SchemaFact:
        """Facts found inside a component are named from it, unless already named from deeper."""
        if component is None or (self.target_root and self.symbol_root):
            return self
        return replace(
            self,
            target_root=self.target_root or component,
            symbol_root=self.symbol_root or component,
        )


def property_fact(
    kind: Kind,
    name: str,
    declared_in: str | None,
    *,
    was_required: bool = False,
    is_required: bool = False,
    renamed_to: str | None = None,
) -> SchemaFact:
    """A fact about one property of the object being compared (added, removed, renamed ...)."""
    details = (("name", name),) if renamed_to is None else (("old", name), ("new", renamed_to))
    fact = SchemaFact(kind, details, was_required=was_required, is_required=is_required)
    fact = fact.under_property(name, declared_in)
    return replace(fact, renamed_to=(renamed_to,)) if renamed_to else fact


def render_target(root: str | None, steps: tuple[str, ...], fallback: str = "body") -> str:
    parts = [root] if root else []
    text = ".".join([*parts, *steps]).replace("." + ITEMS, ITEMS)
    return text or fallback
