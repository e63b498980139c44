"""Schema → Python type annotation, for the client's arguments, bodies and return values.

Models themselves are datamodel-code-generator's work; this only names types at
the client's edges, in terms of the classes models.py defines.
"""

from __future__ import annotations

from skifte.api import Schema

_STRING_FORMATS = {
    "date": "datetime.date",
    "date-time": "datetime.datetime",
    "uuid": "UUID",
    "binary": "bytes",
    "byte": "str",
}
_SIMPLE = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}


class TypeNamer:
    """Names types for one package: components by class, inline objects by their hoisted name."""

    def __init__(self, classes: dict[str, str], hoisted: dict[int, str]) -> None:
        self._classes = classes
        self._hoisted = hoisted

    def annotation(self, schema: Schema | None, *, argument: bool = False) -> str:
        """The annotation for a value of this schema.

        Arguments accept what converts cleanly (a UUID or its text); returned
        values are what pydantic parses.
        """
        if schema is None:
            return "Any"
        base = self._base(schema, argument)
        return f"{base} | None" if schema.nullable and not base.endswith("| None") else base

    def _base(self, schema: Schema, argument: bool) -> str:
        if schema.component is not None and schema.component in self._classes:
            return self._classes[schema.component]
        if schema.key in self._hoisted:
            return self._hoisted[schema.key]
        variants = schema.one_of or schema.any_of
        if variants:
            members = dict.fromkeys(
                self._base(v, argument) for v in variants if v.types != ("null",)
            )
            return " | ".join(members) or "Any"
        if len(schema.all_of) == 1:
            return self._base(schema.all_of[0], argument)
        types = [t for t in schema.types if t != "null"]
        if len(types) != 1:
            return "Any"
        kind = types[0]
        if kind == "array":
            return f"list[{self._base(schema.items, argument) if schema.items else 'Any'}]"
        if kind == "object":
            return "dict[str, Any]"
        if kind == "string":
            if argument and schema.enum and all(isinstance(v, str) for v in schema.enum):
                return f"Literal[{', '.join(repr(v) for v in schema.enum)}]"
            named = _STRING_FORMATS.get(schema.format or "", "str")
            return "str | UUID" if argument and named == "UUID" else named
        return _SIMPLE.get(kind, "Any")
