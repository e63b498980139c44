"""The model of an API, built once from a validated spec document and read by every command.

The names below load on first use: `skifte.api.paths`, which the contract hooks read
inside schemathesis, then costs no YAML reader and no model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .build import build_api
    from .model import (
        Api,
        Header,
        Link,
        MediaType,
        Operation,
        Parameter,
        RequestBody,
        Response,
        SecurityRequirement,
        SecurityScheme,
        Server,
        TokenEndpoint,
    )
    from .schema import Resolver, Schema

__all__ = [
    "Api",
    "Header",
    "Link",
    "MediaType",
    "Operation",
    "Parameter",
    "RequestBody",
    "Resolver",
    "Response",
    "Schema",
    "SecurityRequirement",
    "SecurityScheme",
    "Server",
    "TokenEndpoint",
    "build_api",
]

_MODULE_OF = {
    **dict.fromkeys(["build_api"], "build"),
    **dict.fromkeys(["Resolver", "Schema"], "schema"),
}


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{_MODULE_OF.get(name, 'model')}", __name__)
    value = getattr(module, name)
    globals()[name] = value  # the next lookup finds it directly
    return value
