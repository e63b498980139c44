"""Api til dødsbojournaler 1.0.0: typed models and clients.

    from skifteportal_doedsbo_v1_0_0 import Client, ClientCredentials, ClientCertificate

Generated from the specification by skifte; do not edit.
"""

from . import models
from .auth import SCOPES, SERVERS, TOKEN_URL, ClientCertificate, ClientCredentials
from ._base_client import NOT_GIVEN, CallOptions
from ._response import AsyncPager, Pager, RawResponse
from .client import (
    AsyncClient,
    AsyncClientWithRawResponse,
    Client,
    ClientWithRawResponse,
)
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    BadRequestError,
    CertificateError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    RateLimitedError,
    ResponseFormatError,
    ServerError,
    TokenError,
    UnauthorizedError,
    DoedsboError,
)

__version__ = "1.0.0"
API_TITLE = "Api til dødsbojournaler"
SPEC_SHA256 = "22d88ffe32782c5c36f531b55597e391fae21efee01c8c668b5911f52bf334bd"

__all__ = [
    "API_TITLE",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AsyncClient",
    "AsyncClientWithRawResponse",
    "AsyncPager",
    "BadRequestError",
    "CallOptions",
    "CertificateError",
    "Client",
    "ClientCertificate",
    "ClientCredentials",
    "ClientWithRawResponse",
    "ConflictError",
    "DoedsboError",
    "ForbiddenError",
    "NOT_GIVEN",
    "NotFoundError",
    "Pager",
    "RateLimitedError",
    "RawResponse",
    "ResponseFormatError",
    "SCOPES",
    "SERVERS",
    "SPEC_SHA256",
    "ServerError",
    "TOKEN_URL",
    "TokenError",
    "UnauthorizedError",
    "models",
]
