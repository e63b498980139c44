"""Problems found in a spec document, and the error that carries them.

Problems are values: every check returns a list of them, so one broken schema
never hides the other twenty. Only the loader raises, once, with all of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document, located as precisely as we can."""

    message: str
    pointer: str | None = None  # JSON pointer into the document, e.g. "#/paths/~1a/get"
    line: int | None = None  # 1-based line in the file, when known

    def with_line(self, line: int | None) -> Problem:
        return Problem(self.message, self.pointer, line)

    def describe(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.pointer is not None:
            where.append(self.pointer)
        return f"{self.message} ({', '.join(where)})" if where else self.message


class SpecError(Exception):
    """A document that cannot be used, with every problem found in it."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        if len(self.problems) == 1:
            return f"{self.source}: {self.problems[0].describe()}"
        lines = [f"{self.source}: {len(self.problems)} problems"]
        lines += [f"  - {p.describe()}" for p in self.problems]
        return "\n".join(lines)
