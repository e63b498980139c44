"""Checks that decide whether a parsed tree is a usable OpenAPI 3.0/3.1 document.

Our own checks run first because they give better messages than the schema
validator, and because the validator stops with a traceback on a dangling
`$ref`. Each check returns problems; none raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from ._syntax import MAX_NESTING, join_pointer, split_pointer, too_deep
from ._validator_speed import speed_up
from .problems import Problem

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MAX_VALIDATOR_PROBLEMS = 20
_POINTER_STEPS_SHOWN = 8


def check_kind(data: Any) -> list[Problem]:
    """Is this an OpenAPI 3.0/3.1 document with a version we can file it under?"""
    if not isinstance(data, dict):
        return [
            Problem(
                f"not an OpenAPI document: the top level is a {type(data).__name__}, "
                "not a mapping"
            )
        ]
    if "swagger" in data:
        return [
            Problem(
                f"Swagger {data['swagger']} documents are not supported: convert it to "
                "OpenAPI 3.0 or 3.1 first",
                pointer="#/swagger",
            )
        ]
    version = data.get("openapi")
    if version is None:
        return [Problem("not an OpenAPI document: the top-level 'openapi' field is missing")]
    if not (isinstance(version, str) and re.fullmatch(r"3\.[01]\.\d+(-.+)?", version)):
        return [
            Problem(
                f"unsupported OpenAPI version {version!r}: 3.0.x and 3.1.x are supported",
                pointer="#/openapi",
            )
        ]
    info = data.get("info")
    if not isinstance(info, dict):
        return [Problem("the 'info' object is missing", pointer="#/info")]
    release = info.get("version")
    if release is None or (isinstance(release, str) and not release.strip()):
        return [
            Problem(
                "info.version is missing: a release is filed under its info.version",
                pointer="#/info",
            )
        ]
    if not isinstance(release, str):
        return [
            Problem(
                f"info.version must be a string, found {release!r} " "(quote it in YAML)",
                pointer="#/info/version",
            )
        ]
    return []


def check_references(data: dict[str, Any]) -> list[Problem]:
    """Every `$ref` must point inside this document, at something that exists.

    The same walk bounds the nesting: every later reader may recurse through it.
    """
    problems = []
    for where, ref in _refs(data, []):
        if ref is None:
            # The first steps say where; all of them would fill the screen.
            shown = join_pointer(where[:_POINTER_STEPS_SHOWN]) + "/…"
            problems.append(too_deep(pointer=shown))
            continue
        pointer = join_pointer([*where, "$ref"])
        if not ref.startswith("#"):
            problems.append(
                Problem(
                    f"external reference {ref!r} is not supported: bundle the "
                    "document into one file first",
                    pointer=pointer,
                )
            )
        elif not _resolves(data, unquote(ref)):
            problems.append(
                Problem(f"$ref {ref!r} points to nothing in this document", pointer=pointer)
            )
    return problems


def check_operation_ids(data: dict[str, Any]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for path, method, operation in iter_operations(data):
        op_id = operation.get("operationId")
        if not isinstance(op_id, str):
            continue
        here = f"{method.upper()} {path}"
        if op_id in seen:
            problems.append(
                Problem(
                    f"duplicate operationId {op_id!r}: {seen[op_id]} has it too",
                    pointer=join_pointer(["paths", path, method, "operationId"]),
                )
            )
        else:
            seen[op_id] = here
    return problems


def check_schema(data: dict[str, Any]) -> list[Problem]:
    """The OpenAPI schema itself, through openapi-spec-validator."""
    # Imported here: it takes a noticeable part of a second, and most commands never validate.
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    validator_cls = (
        OpenAPIV31SpecValidator if data["openapi"].startswith("3.1") else OpenAPIV30SpecValidator
    )
    problems: list[Problem] = []
    try:
        validator = validator_cls(data)
        speed_up(validator)
        for error in validator.iter_errors():
            path = list(getattr(error, "absolute_path", []) or [])
            message = str(getattr(error, "message", None) or error).splitlines()[0]
            problems.append(
                Problem(_shorten(message), pointer=join_pointer(path) if path else None)
            )
            if len(problems) >= _MAX_VALIDATOR_PROBLEMS:
                break
    except Exception as exc:  # the validator's own failures must not escape as tracebacks
        problems.append(
            Problem(
                f"the OpenAPI validator could not read the document: "
                f"{_shorten(str(exc).splitlines()[0])}"
            )
        )
    return problems


def iter_operations(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    paths = data.get("paths") or {}
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield path, method, operation


def _refs(node: Any, where: list[str | int]) -> Iterator[tuple[list[str | int], str | None]]:
    """Every `$ref` string; None as the ref, once, where the nesting goes too deep."""
    # Iterative walk: a deep document must not hit the recursion limit.
    stack: list[tuple[Any, list[str | int]]] = [(node, where)]
    deep_reported = False
    while stack:
        current, at = stack.pop()
        if len(at) >= MAX_NESTING:
            if not deep_reported and isinstance(current, dict | list):
                deep_reported = True
                yield at, None
            continue
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                yield at, ref
            stack.extend((v, [*at, k]) for k, v in current.items() if isinstance(v, dict | list))
        elif isinstance(current, list):
            stack.extend((v, [*at, i]) for i, v in enumerate(current) if isinstance(v, dict | list))


def _resolves(data: Any, ref: str) -> bool:
    node = data
    for token in split_pointer(ref):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def _shorten(message: str, limit: int = 240) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
