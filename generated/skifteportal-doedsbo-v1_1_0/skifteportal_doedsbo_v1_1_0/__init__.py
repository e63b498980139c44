"""Api til dødsbojournaler 1.1.0: typed models and clients.

    from skifteportal_doedsbo_v1_1_0 import Client, ClientCredentials, ClientCertificate

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
API_TITLE = "Api til dødsbojournaler"
SPEC_SHA256 = "bfb04802c3df59b9ded758da24cbdc649e62909b9119aad9b3bcac692548337f"

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
