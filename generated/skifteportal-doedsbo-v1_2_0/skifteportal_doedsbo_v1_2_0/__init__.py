"""Api til dødsbojournaler 1.2.0: typed models and clients.

    from skifteportal_doedsbo_v1_2_0 import Client, ClientCredentials, ClientCertificate

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

__version__ = "1.2.0"
API_TITLE = "Api til dødsbojournaler"
SPEC_SHA256 = "8757cd6a286af52f3f1485226b0ff36a2bd7841b134c234e1972795f729988ac"

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
