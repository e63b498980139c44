"""Reading OpenAPI 3.0/3.1 documents as published: sniffing, parsing, validating.

Every command reads specs through `read_spec`, so a document is understood one
way only. The model of the API (`skifte.api`) is built from a `SpecDocument`.
"""

from ._checks import HTTP_METHODS, iter_operations
from ._syntax import escape_token, join_pointer, split_pointer, unescape_token
from .document import MAX_SPEC_BYTES, SpecDocument, parse_spec, read_spec
from .problems import Problem, SpecError

__all__ = [
    "HTTP_METHODS",
    "MAX_SPEC_BYTES",
    "Problem",
    "SpecDocument",
    "SpecError",
    "escape_token",
    "iter_operations",
    "join_pointer",
    "parse_spec",
    "read_spec",
    "split_pointer",
    "unescape_token",
]
