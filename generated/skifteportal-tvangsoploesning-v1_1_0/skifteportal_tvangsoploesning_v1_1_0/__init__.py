"""Api til tvangsopløsningssager 1.1.0: typed models and clients.

    from skifteportal_tvangsoploesning_v1_1_0 import Client, ClientCredentials, ClientCertificate

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
    TvangsoploesningError,
)

__version__ = "1.1.0"
API_TITLE = "Api til tvangsopløsningssager"
SPEC_SHA256 = "7945101a54895d052a2d53f82e5a8444a7cdeac9732cdcd82b5f843917f66004"

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
    "TvangsoploesningError",
    "UnauthorizedError",
    "models",
]
