"""How deep the diff follows schemas, and the error when a document goes deeper.

The schema walk, the shape merge and the unchanged check recurse along properties,
items, alternatives, `allOf` and `$ref` chains. Such chains can be deep without the
document's text being deep (a chain of components), so the reader's nesting bound
does not cover them: each recursion stops here instead, with one clear error.
"""

from __future__ import annotations

from skifte.spec import Problem, SpecError, escape_token

MAX_DEPTH = 64
"""Schema levels the diff follows; published descriptions use a few dozen at most."""

COMPONENT_SCHEMAS = "#/components/schemas/"


class TooDeep(Exception):
    """Schemas nest deeper than MAX_DEPTH; `component` is where the diff was, if in one."""

    def __init__(self, component: str | None) -> None:
        self.component = component
        super().__init__(component)

    def problem(self) -> Problem:
        pointer = None
        if self.component is not None:
            pointer = COMPONENT_SCHEMAS + escape_token(self.component)
        return Problem(
            f"schemas nest more than {MAX_DEPTH} levels deep (through properties, items, "
            "alternatives and $refs): too deep to compare",
            pointer=pointer,
        )

    def error(self, source: str, line: int | None = None) -> SpecError:
        return SpecError(source, [self.problem().with_line(line)])
