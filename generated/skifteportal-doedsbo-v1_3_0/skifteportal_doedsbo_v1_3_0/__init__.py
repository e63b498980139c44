"""Api til dødsbojournaler 1.3.0: typed models and clients.

    from skifteportal_doedsbo_v1_3_0 import Client, ClientCredentials, ClientCertificate

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

__version__ = "1.3.0"
API_TITLE = "Api til dødsbojournaler"
SPEC_SHA256 = "260effd36e46d0b679cf9cf760dd8074845a0847c10372b9dc0a95ac7826c815"

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
