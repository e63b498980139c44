"""The model of an API, built once from a validated spec document and read by every command."""

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
    "build_api",
]
