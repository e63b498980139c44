"""A spec document as read from a file: its text, its tree, and where it came from."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import _checks, _syntax
from .problems import Problem, SpecError

MAX_SPEC_BYTES = 32 * 1024 * 1024
"""Larger files are refused before they are read: the largest public descriptions
(GitHub's REST API, ~12 MB as JSON) fit with room to spare."""


@dataclass(frozen=True)
class SpecDocument:
    source: str
    """The file name (or label) used in messages."""
    raw_sha256: str
    """sha256 of the bytes as given, before any normalisation."""
    text: str
    """The document as NFC-normalised Unicode text."""
    data: dict[str, Any] = field(repr=False)

    @property
    def openapi(self) -> str:
        return str(self.data["openapi"])

    @property
    def title(self) -> str:
        return str(self.data["info"].get("title", ""))

    @property
    def version(self) -> str:
        return str(self.data["info"]["version"])

    @property
    def content(self) -> bytes:
        """The bytes we store: the NFC text in UTF-8."""
        return self.text.encode("utf-8")

    @property
    def content_sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    def line_of(self, pointer: str) -> int | None:
        return _syntax.Locator(self.text).line(pointer)

    def line_finder(self) -> Callable[[str], int | None]:
        """`line_of` for many pointers, which may run through `$ref`s (as the diff's do):
        each `$ref` on the way is followed to where the node is written. The node tree is
        composed once, on first use."""
        locator = _syntax.Locator(self.text)
        return lambda pointer: locator.line(self._written_at(pointer))

    def _written_at(self, pointer: str) -> str:
        """`…/schema/properties/navn` through `$ref: '#/components/schemas/ting'` becomes
        `#/components/schemas/ting/properties/navn`; stops where a step is missing."""
        node: Any = self.data
        place = "#"
        for token in _syntax.split_pointer(pointer):
            seen: set[str] = set()
            while isinstance(node, dict) and isinstance(node.get("$ref"), str):
                ref = node["$ref"]
                if not ref.startswith("#") or ref in seen or token in node:
                    break
                seen.add(ref)
                place, node = ref, self._at(ref)
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                break
            place = f"{place}/{_syntax.escape_token(token)}"
        return place

    def _at(self, ref: str) -> Any:
        node: Any = self.data
        for token in _syntax.split_pointer(ref):
            if isinstance(node, dict):
                node = node.get(token)
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node


def read_spec(
    path: Path, *, validate: bool = True, max_bytes: int = MAX_SPEC_BYTES
) -> SpecDocument:
    """Read and validate a spec file; raise SpecError naming every problem.

    `validate=False` skips only the (slow) OpenAPI schema validation, for documents
    already validated, such as registry releases.
    """
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SpecError(source, [Problem(f"cannot read the file: {exc.strerror}")]) from None
    if not path.is_file():
        raise SpecError(source, [Problem("not a file")])
    if size > max_bytes:
        raise SpecError(
            source,
            [
                Problem(
                    f"the file is {size:,} bytes, over the limit of "
                    f"{max_bytes:,} bytes for a spec"
                )
            ],
        )
    return parse_spec(path.read_bytes(), source, validate=validate)


def parse_spec(raw: bytes, source: str, *, validate: bool = True) -> SpecDocument:
    """Decode, parse and validate spec bytes; raise SpecError naming every problem."""
    text = _syntax.decode(raw)
    if isinstance(text, Problem):
        raise SpecError(source, [text])
    data = _syntax.parse(text)
    if isinstance(data, Problem):
        raise SpecError(source, [data])
    problems = _checks.check_kind(data)
    if not problems:
        problems = _checks.check_references(data) + _checks.check_operation_ids(data)
    if not problems and validate:
        problems = _checks.check_schema(data)
    if problems:
        raise SpecError(source, _with_lines(text, problems))
    return SpecDocument(source, hashlib.sha256(raw).hexdigest(), text, data)


def _with_lines(text: str, problems: list[Problem]) -> list[Problem]:
    locator = _syntax.Locator(text)
    return [
        p.with_line(locator.line(p.pointer)) if p.line is None and p.pointer else p
        for p in problems
    ]
