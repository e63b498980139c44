"""Compositions changed: allOf members added or removed, a request body wrapped in oneOf.

An allOf member added to a request adds constraints every body must meet; removed from
a response, it takes away what readers were promised. Wrapping a request schema in
`oneOf` refuses a body that matches more than one member, and changes the type the
generated client takes. (oneOf/anyOf members added or removed are the request and
response rules' `*-alternative-*`.) Which schema fact is which of these rules is in the
request and response rules' tables.
"""

from __future__ import annotations

REQUEST_WRAPPED_IN_ONE_OF = "request-wrapped-in-one-of"
REQUEST_ALL_OF_MEMBER_ADDED = "request-all-of-member-added"
REQUEST_ALL_OF_MEMBER_REMOVED = "request-all-of-member-removed"
RESPONSE_ALL_OF_MEMBER_ADDED = "response-all-of-member-added"
RESPONSE_ALL_OF_MEMBER_REMOVED = "response-all-of-member-removed"
