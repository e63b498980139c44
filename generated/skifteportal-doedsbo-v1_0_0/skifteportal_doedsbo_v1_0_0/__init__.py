"""Api til dødsbojournaler 1.0.0: typed models and clients.

    from skifteportal_doedsbo_v1_0_0 import Client, ClientCredentials, ClientCertificate

Generated from the specification by skifte; do not edit.
"""

from . import models
from .auth import SCOPES, SERVERS, TOKEN_URL, ClientCertificate, ClientCredentials
from .client import AsyncClient, Client
from .errors import (
    ApiError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    ResponseFormatError,
    ServerError,
    TokenError,
    UnauthorizedError,
)

__version__ = "1.0.0"
API_TITLE = "Api til dødsbojournaler"
SPEC_SHA256 = "22d88ffe32782c5c36f531b55597e391fae21efee01c8c668b5911f52bf334bd"

__all__ = [
    "API_TITLE",
    "SCOPES",
    "SERVERS",
    "SPEC_SHA256",
    "TOKEN_URL",
    "ApiError",
    "AsyncClient",
    "BadRequestError",
    "Client",
    "ClientCertificate",
    "ClientCredentials",
    "ConflictError",
    "ForbiddenError",
    "NotFoundError",
    "RateLimitedError",
    "ResponseFormatError",
    "ServerError",
    "TokenError",
    "UnauthorizedError",
    "models",
]
