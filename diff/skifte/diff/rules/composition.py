"""Compositions changed: allOf members added or removed, a request body wrapped in oneOf.

An allOf member added to a request adds constraints every body must meet; removed from
a response, it takes away what readers were promised. Wrapping a request schema in
`oneOf` refuses a body that matches more than one member, and changes the type the
generated client takes. (oneOf/anyOf members added or removed are the request and
response rules' `*-alternative-*`.)
"""

from __future__ import annotations

from .facts import Kind, SchemaFact

REQUEST_WRAPPED_IN_ONE_OF = "request-wrapped-in-one-of"
REQUEST_ALL_OF_MEMBER_ADDED = "request-all-of-member-added"
REQUEST_ALL_OF_MEMBER_REMOVED = "request-all-of-member-removed"
RESPONSE_ALL_OF_MEMBER_ADDED = "response-all-of-member-added"
RESPONSE_ALL_OF_MEMBER_REMOVED = "response-all-of-member-removed"

_REQUEST = {
    Kind.WRAPPED_IN_ONE_OF: REQUEST_WRAPPED_IN_ONE_OF,
    Kind.ALL_OF_MEMBER_ADDED: REQUEST_ALL_OF_MEMBER_ADDED,
    Kind.ALL_OF_MEMBER_REMOVED: REQUEST_ALL_OF_MEMBER_REMOVED,
}
_RESPONSE = {
    Kind.ALL_OF_MEMBER_ADDED: RESPONSE_ALL_OF_MEMBER_ADDED,
    Kind.ALL_OF_MEMBER_REMOVED: RESPONSE_ALL_OF_MEMBER_REMOVED,
}
KINDS = frozenset(_REQUEST)


def request_rule(fact: SchemaFact) -> str:
    return _REQUEST[fact.kind]


def response_rule(fact: SchemaFact) -> str | None:
    """A response wrapped in oneOf is reported by its new members (`response-alternative-added`)."""
    return _RESPONSE.get(fact.kind)
