"""Api til dødsbojournaler 1.3.0: typed models and clients.

    from skifteportal_doedsbo_v1_3_0 import Client, ClientCredentials, ClientCertificate

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

__version__ = "1.3.0"
API_TITLE = "Api til dødsbojournaler"
SPEC_SHA256 = "260effd36e46d0b679cf9cf760dd8074845a0847c10372b9dc0a95ac7826c815"

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
