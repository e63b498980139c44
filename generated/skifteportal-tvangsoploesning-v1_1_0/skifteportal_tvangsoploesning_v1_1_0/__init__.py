"""Api til tvangsopløsningssager 1.1.0: typed models and clients.

    from skifteportal_tvangsoploesning_v1_1_0 import Client, ClientCredentials, ClientCertificate

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

__version__ = "1.1.0"
API_TITLE = "Api til tvangsopløsningssager"
SPEC_SHA256 = "7945101a54895d052a2d53f82e5a8444a7cdeac9732cdcd82b5f843917f66004"

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
