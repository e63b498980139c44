"""A use of the old package, as the use finder records it."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from .surface import Surface
from .values import Value


@dataclass(frozen=True, order=True)
class Use:
    path: str
    """Relative to the checked folder, with `/`."""
    line: int
    column: int
    symbol: str
    kind: str
    """import, annotation, construct, keyword, read, call, name."""
    statement: tuple[int, int] = (0, 0)
    """The first and last line of the statement it is in."""
    also: tuple[str, ...] = ()
    """Other names of the same thing (the declaring base class's member)."""
    value_class: str | None = None
    """The package class a call or construction answers, if any."""
    via: int = 0
    """For a read through a variable: the line the field was read into it."""


@dataclass
class Recorder:
    """The uses found in one module, each with the statement it is in."""

    path: str
    surface: Surface
    uses: set[Use] = field(default_factory=set)
    statement: tuple[int, int] = (0, 0)

    def add(
        self,
        node: ast.AST,
        symbol: str,
        kind: str,
        also: tuple[str, ...] = (),
        answers: Value | None = None,
        via: int = 0,
    ) -> None:
        held = answers.type if answers is not None and answers.kind == "value" else None
        answered = None
        while held is not None:  # list[Bilag], Pager[Bilag]: Bilags
            if held.name in self.surface.classes:
                answered = held.name
            held = held.argument
        line, column = getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
        self.uses.add(
            Use(
                self.path,
                line,
                column,
                symbol,
                kind,
                self.statement,
                also,
                answered,
                via,
            )
        )
