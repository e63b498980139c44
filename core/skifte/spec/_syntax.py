"""Bytes of a published file → Unicode text (NFC) → a JSON-like tree.

The programme publishes YAML in `.txt` files; other sources hand out JSON. We
sniff the content, never the extension. YAML is read with YAML 1.2 rules where
YAML 1.1 would silently change an OpenAPI document: no timestamps (dates stay
strings, as JSON Schema expects), only true/false are booleans, mapping keys are
kept as written (`200:` is the status code "200") and must be unique.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from typing import Any

import yaml

from .problems import Problem

MAX_NESTING = 128
"""Levels of nested mappings and lists a document may have. Published descriptions use
about 25 (GitHub's REST API: 22); deeper ones exist only to exhaust a reader."""
ALIAS_BUDGET = 1_000_000
"""Nodes YAML aliases may add beyond the size of the text: enough for any sharing a
description does, far too few for an alias bomb ("billion laughs")."""

# An anchor is a token of its own (`&name`): "R&D" or "Fiktiv & Co." hold none.
_ANCHOR = re.compile(r"(?<!\w)&[^\s,\[\]{}]")

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_Base):  # type: ignore[misc,valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        self.flatten_mapping(node)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            key = key_node.value
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def decode(raw: bytes) -> str | Problem:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16, normalised to NFC."""
    if not raw.strip():
        return Problem("the file is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return Problem(
            f"not valid {encoding.removesuffix('-sig').upper()} text " f"(byte {exc.start})",
            line=line,
        )
    if "\x00" in text:
        return Problem(
            "the file is binary, not YAML or JSON text",
            line=text.count("\n", 0, text.index("\x00")) + 1,
        )
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def parse(text: str) -> Any | Problem:
    """Parse text as JSON when it looks like JSON, otherwise as YAML."""
    if text.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            json_problem = Problem(f"not valid JSON: {exc.msg}", line=exc.lineno)
        except RecursionError:
            return too_deep(line=_json_line_too_deep(text))
        # A YAML flow mapping also starts with "{": give YAML its chance.
        result = _parse_yaml(text)
        if isinstance(result, Problem) and not isinstance(result, _OverLimit):
            return json_problem
        return result
    return _parse_yaml(text)


class _OverLimit(Problem):
    """A document built to exhaust the reader: this, not a syntax error, is what to report."""


def too_deep(pointer: str | None = None, line: int | None = None) -> Problem:
    return _OverLimit(
        f"the document nests mappings and lists more than {MAX_NESTING} levels deep",
        pointer=pointer,
        line=line,
    )


def _parse_yaml(text: str) -> Any | Problem:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # Aliases need anchors: a text without one cannot expand.
        anchored = _ANCHOR.search(text) is not None
        problem = _alias_problem(node, budget=len(text) + ALIAS_BUDGET) if anchored else None
        return problem or loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "syntax error"
        return Problem(f"not valid YAML: {what}", line=mark.line + 1 if mark else None)
    except yaml.YAMLError as exc:
        return Problem(f"not valid YAML: {exc}")
    except RecursionError:  # the pure-Python composer, where libyaml is missing
        return too_deep()
    finally:
        loader.dispose()


def _alias_problem(root: yaml.Node, budget: int) -> Problem | None:
    """Refuse aliases that refer to themselves or expand the document beyond `budget` nodes.

    One pass over the composed nodes, each once however often it is aliased: the
    expanded size of a node is computed from its children's, bottom up.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            size = sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > budget:
                return _OverLimit(
                    f"YAML aliases expand this node to more than {budget:,} nodes "
                    "(an alias bomb?)",
                    line=node.start_mark.line + 1,
                )
        elif key in on_path:
            return _OverLimit(
                "a YAML alias refers to a node that contains it", line=node.start_mark.line + 1
            )
        elif key not in sizes:
            on_path.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _json_line_too_deep(text: str) -> int | None:
    """The line where JSON text first nests deeper than allowed (strings skipped)."""
    depth = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        bracket = token.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, token.start()) + 1
        elif bracket in ("]", "}"):
            depth -= 1
    return None


class Locator:
    """Finds the line of a JSON pointer in the text; composes the node tree once, on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._failed = False

    def line(self, pointer: str) -> int | None:
        """The 1-based line where the node at `pointer` starts, or its nearest parent's."""
        if self._root is None and not self._failed:
            try:
                self._root = yaml.compose(self._text, Loader=_Loader)
            except yaml.YAMLError:
                self._failed = True
        node, line = self._root, None
        for token in split_pointer(pointer):
            if isinstance(node, yaml.MappingNode):
                found = next(((k, v) for k, v in node.value if k.value == token), None)
                if found is None:
                    break
                line, node = found[0].start_mark.line + 1, found[1]
            elif (
                isinstance(node, yaml.SequenceNode)
                and token.isdigit()
                and int(token) < len(node.value)
            ):
                node = node.value[int(token)]
                line = node.start_mark.line + 1
            else:
                break
        return line


def escape_token(token: str) -> str:
    """One JSON pointer step: `~` and `/` escaped (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    """One JSON pointer step as the key it names."""
    return token.replace("~1", "/").replace("~0", "~")


def split_pointer(pointer: str) -> list[str]:
    body = pointer.removeprefix("#")
    if not body:
        return []
    return [unescape_token(part) for part in body.lstrip("/").split("/")]


def join_pointer(parts: list[str | int] | tuple[str | int, ...]) -> str:
    return "#/" + "/".join(escape_token(str(p)) for p in parts)
