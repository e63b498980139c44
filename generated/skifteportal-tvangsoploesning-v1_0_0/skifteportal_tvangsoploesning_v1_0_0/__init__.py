"""Api til tvangsopløsningssager 1.0.0: typed models and clients.

    from skifteportal_tvangsoploesning_v1_0_0 import Client, ClientCredentials, ClientCertificate

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
API_TITLE = "Api til tvangsopløsningssager"
SPEC_SHA256 = "ed2250bce2dfbda79edce4aab13fcbd76a75e03b00a3f5d88d63023cad0631b4"

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
