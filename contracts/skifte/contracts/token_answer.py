"""A token endpoint's answer read as a client-credentials grant's (RFC 6749 §5.1, §5.2).

The hooks inside schemathesis and the clean-up (whose first token is the check that a
URL can be used) read every token through it. What is wrong with an answer
is said by what can be shown safely: the status, the content type, the OAuth error code,
the field that is missing or of the wrong type. Never the body or a field's value: either
may hold a token.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

TOKEN_FIELD = "access_token"  # noqa: S105 - the field's name, not a secret
# RFC 6749's error codes and field names are short words; anything else is not repeated.
_SHOWN_WORD = re.compile(r"[A-Za-z0-9_.-]{1,40}")
_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}


class TokenAnswerError(Exception):
    """The token endpoint gave no usable token; the message says what it answered."""


@dataclass(frozen=True)
class TokenAnswer:
    token: str = field(repr=False)
    expires_in: float | None
    """Seconds the token is good for, when the endpoint says."""


def read_token_answer(
    url: str, status: int, reason: str, content_type: str, body: bytes
) -> TokenAnswer:
    """The token in an answer, or TokenAnswerError naming what the endpoint answered."""
    media_type = content_type.split(";")[0].strip().lower() or "no content type"
    answered = f"the token endpoint {url} answered {status} {reason}".rstrip()
    data = _json(body)  # whatever the content type says: some endpoints mislabel JSON
    if not 200 <= status < 300:
        error = data.get("error") if isinstance(data, dict) else None
        code = f", error {error}" if isinstance(error, str) and _SHOWN_WORD.fullmatch(error) else ""
        refused = (
            " (the client credentials or scopes were refused)" if status in (400, 401, 403) else ""
        )
        raise TokenAnswerError(f"{answered} ({media_type}{code}) instead of a token{refused}")
    if data is _NOT_JSON:
        shown = f"{media_type} that does not parse" if _is_json(media_type) else media_type
        raise TokenAnswerError(f"{answered} with {shown}, not a JSON token answer")
    if not isinstance(data, dict):
        raise TokenAnswerError(f"{answered} with JSON that is {_kind(data)}, not an object")
    if TOKEN_FIELD not in data:
        fields = sorted(name for name in data if _SHOWN_WORD.fullmatch(name))[:10]
        present = f" (its fields: {', '.join(fields)})" if fields else " (an empty object)"
        raise TokenAnswerError(f"{answered} with JSON without {TOKEN_FIELD}{present}")
    token = data[TOKEN_FIELD]
    if not isinstance(token, str):
        raise TokenAnswerError(
            f"{answered} with an {TOKEN_FIELD} that is {_kind(token)}, not a string"
        )
    if not token.strip():
        raise TokenAnswerError(f"{answered} with an empty {TOKEN_FIELD}")
    return TokenAnswer(token, _seconds(data.get("expires_in"), answered))


_NOT_JSON = object()


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _json(body: bytes) -> object:
    try:
        return json.loads(body)
    except ValueError:  # JSONDecodeError, or bytes that are no text
        return _NOT_JSON


def _seconds(value: object, answered: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value.strip()):
        return float(value)  # "300": a number in quotes, as some endpoints send it
    raise TokenAnswerError(f"{answered} with an expires_in that is {_kind(value)}, not a number")


def _kind(value: object) -> str:
    """A JSON value's type, in words (never the value)."""
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return _JSON_TYPES.get(type(value), type(value).__name__)
