"""The generated code a change hits, named as an integrator of the base release greps for it.

Symbols come from the base release's package (`skifteportal_doedsbo_v1_2_0`), since
that is the code an integrator has today: a changed field is `…models.Krav.beloeb`,
a changed call `…client.Client.get_krav`. Anything that exists only in the
revision is named by the nearest thing that exists in the base.
"""

from __future__ import annotations

from skifte.api import Api, Operation
from skifte.api.python_names import PythonNames, field_name

from .rules.facts import SchemaFact


class Symbols:
    def __init__(self, base: Api, package: str) -> None:
        self._names = PythonNames(base, package)
        self.package = package
        # By identity: hashing an operation hashes all of it, and this is asked per change.
        self._methods = {id(op): name for op, name in self._names.methods.items()}

    def method(self, operation: Operation | None) -> tuple[str, ...]:
        """The client method of a base operation (nothing for an operation new in the revision)."""
        if operation is None:
            return ()
        name = self._methods.get(id(operation))
        return () if name is None else (f"{self.package}.client.Client.{name}",)

    def model(self, component: str, fields: tuple[str, ...]) -> str | None:
        if component not in self._names.api.schemas:
            return None
        symbol = self._names.symbol(component, fields[0] if fields else None)
        return ".".join([symbol, *(field_name(f) for f in fields[1:])])

    def of_fact(self, fact: SchemaFact, operation: Operation | None) -> tuple[str, ...]:
        """The model field a schema change hits, else the client method that sends or returns it."""
        fields = fact.symbol[:-1] if fact.new_symbol else fact.symbol
        if fact.symbol_root is not None:
            symbol = self.model(fact.symbol_root, fields)
            if symbol is not None:
                return (symbol,)
        return self.method(operation)
