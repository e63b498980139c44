"""Schema → Python type annotation, for the client's arguments, bodies and return values.

Models themselves are datamodel-code-generator's work; this only names types at
the client's edges, in terms of the classes models.py defines.
"""

from __future__ import annotations

from skifte.api import Schema

from .annotations import ANY, NONE, Annotation, Generic, LiteralOf, Named, Union, union

_STRING_FORMATS = {
    "date": "datetime.date",
    "date-time": "datetime.datetime",
    "uuid": "UUID",
    "binary": "bytes",
    "byte": "str",
}
_SIMPLE = {"integer": "int", "number": "float", "boolean": "bool", "string": "str"}
_ANY_OBJECT = Generic("dict", (Named("str"), ANY))
_UUID_ARGUMENT = Union((Named("str"), Named("UUID")))


class TypeNamer:
    """Names types for one package: components by class, inline objects by their hoisted name."""

    def __init__(self, classes: dict[str, str], hoisted: dict[int, str]) -> None:
        self._classes = classes
        self._hoisted = hoisted

    def annotation(self, schema: Schema | None, *, argument: bool = False) -> Annotation:
        """The annotation for a value of this schema.

        Arguments accept what converts cleanly (a UUID or its text); returned
        values are what pydantic parses.
        """
        if schema is None:
            return ANY
        base = self._base(schema, argument)
        if schema.nullable and not str(base).endswith("| None"):
            return Union((base, NONE))
        return base

    def _base(self, schema: Schema, argument: bool) -> Annotation:
        if schema.component is not None and schema.component in self._classes:
            return Named(self._classes[schema.component])
        if schema.key in self._hoisted:
            return Named(self._hoisted[schema.key])
        variants = schema.one_of or schema.any_of
        if variants:
            members = [self._base(v, argument) for v in variants if v.types != ("null",)]
            return union(members) if members else ANY
        if len(schema.all_of) == 1:
            return self._base(schema.all_of[0], argument)
        types = [t for t in schema.types if t != "null"]
        if len(types) != 1:
            return ANY
        kind = types[0]
        if kind == "array":
            return Generic("list", (self._base(schema.items, argument) if schema.items else ANY,))
        if kind == "object":
            return _ANY_OBJECT
        if kind == "string":
            if argument and schema.enum and all(isinstance(v, str) for v in schema.enum):
                return LiteralOf(schema.enum)
            named = _STRING_FORMATS.get(schema.format or "", "str")
            return _UUID_ARGUMENT if argument and named == "UUID" else Named(named)
        return Named(_SIMPLE.get(kind, "Any"))
