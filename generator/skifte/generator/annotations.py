"""Python type annotations as values: the plan builds them, the templates write them.

`str()` gives the text the client's code holds; `names()` what it refers to, which
decides the client's imports.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Named:
    """A class, a builtin or a module's type: `int`, `datetime.date`, `KravData`."""

    name: str

    def __str__(self) -> str:
        return self.name

    def names(self) -> Iterator[str]:
        yield self.name


@dataclass(frozen=True)
class Generic:
    """`list[...]`, `dict[str, Any]`."""

    origin: str
    args: tuple[Annotation, ...]

    def __str__(self) -> str:
        return f"{self.origin}[{', '.join(str(a) for a in self.args)}]"

    def names(self) -> Iterator[str]:
        yield self.origin
        for arg in self.args:
            yield from arg.names()


@dataclass(frozen=True)
class LiteralOf:
    """`Literal['a', 'b']`: the values an enum argument accepts."""

    values: tuple[object, ...]

    def __str__(self) -> str:
        return f"Literal[{', '.join(repr(v) for v in self.values)}]"

    def names(self) -> Iterator[str]:
        yield "Literal"


@dataclass(frozen=True)
class Union:
    """`A | B`, members in order, none repeated."""

    members: tuple[Annotation, ...]

    def __str__(self) -> str:
        return " | ".join(str(m) for m in self.members)

    def names(self) -> Iterator[str]:
        for member in self.members:
            yield from member.names()


Annotation = Named | Generic | LiteralOf | Union

ANY = Named("Any")
NONE = Named("None")
BYTES = Named("bytes")


def union(members: list[Annotation]) -> Annotation:
    """One member stays itself; the same text twice is written once."""
    unique = tuple({str(m): m for m in members}.values())
    return unique[0] if len(unique) == 1 else Union(unique)


def list_item(annotation: Annotation) -> Annotation | None:
    """What a `list[...]` holds; None for anything else."""
    if isinstance(annotation, Generic) and annotation.origin == "list":
        return annotation.args[0]
    return None


class BodyKind(StrEnum):
    """How an operation sends its request body."""

    JSON = "json"
    """A model (or any JSON value) dumped with the body's annotation."""
    MULTIPART = "multipart"
    """The parts are keyword arguments (`OperationPlan.form_fields`)."""
    RAW = "raw"
    """Bytes sent as they are, with the body's media type."""


class ResultKind(StrEnum):
    """What an operation's method returns."""

    MODEL = "model"
    """JSON parsed into `OperationPlan.returns`."""
    BYTES = "bytes"
    """The response body as it came (streams are offered too)."""
    NONE = "none"
