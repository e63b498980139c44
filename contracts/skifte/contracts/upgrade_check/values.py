"""What a name or an expression in the integrator's code holds, as far as the use finder knows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CONTAINERS = frozenset(
    {"list", "List", "Sequence", "Iterator", "AsyncIterator", "Iterable", "tuple", "set"}
)
"""Generic names whose one argument is what iterating or indexing them gives."""


@dataclass(frozen=True)
class Type:
    """A type as the use finder follows it: a package class, possibly inside a container.

    `name` is a canonical package symbol (`pkg.models.Bilag`) or a container's plain name
    (`list`); `argument` is what iterating, indexing or a generic method gives.
    """

    name: str
    argument: Type | None = None


Kind = Literal["module", "class", "method", "value"]


@dataclass(frozen=True)
class Value:
    kind: Kind
    symbol: str = ""
    """A module's or class's name; a bound method's symbol."""
    type: Type | None = None
    """For a value: its type; for a bound method: what it returns."""
    origin: str | None = None
    """For a value read from a field: the field (`pkg.models.Bilag.antal_sider`)."""
    read_at: int = 0
    """The line the field was read on."""


def module(symbol: str) -> Value:
    return Value("module", symbol)


def class_(symbol: str) -> Value:
    return Value("class", symbol)


def value(type_: Type | None, origin: str | None = None, read_at: int = 0) -> Value | None:
    return Value("value", type=type_, origin=origin, read_at=read_at) if type_ or origin else None


def specialised(returns: Type | None, owner: Type) -> Type | None:
    """A generic method's `T` is its owner's argument (`Pager[Bilag].__next__` → Bilag),
    and `Self` the class it is called on."""
    if returns is None:
        return None
    if returns.name == "T":
        return owner.argument
    if returns.name == "Self":
        return owner
    if returns.argument is not None and returns.argument.name == "T":
        return Type(returns.name, owner.argument) if owner.argument else None
    return returns


def element(held: Value | None) -> Value | None:
    """What iterating or indexing a held value gives."""
    if held is None or held.kind != "value" or held.type is None:
        return None
    return value(held.type.argument)
