"""The package type an annotation in the integrator's code names: `Bilag`, `list[m.Krav] | None`."""

from __future__ import annotations

import ast
from collections.abc import Callable

from .values import CONTAINERS, Type, Value

WRAPPERS = frozenset({"Optional", "Annotated", "Final", "ClassVar"})


def annotation_type(node: ast.expr, evaluate: Callable[[ast.expr], Value | None]) -> Type | None:
    """Follow an annotation; `evaluate` resolves (and records) the names in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            parsed = ast.parse(node.value.strip(), mode="eval").body
        except SyntaxError:
            return None
        for child in ast.walk(parsed):  # a quoted annotation is used where it is written
            ast.copy_location(child, node)
        return annotation_type(parsed, evaluate)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = annotation_type(node.left, evaluate), annotation_type(node.right, evaluate)
        return left or right
    if isinstance(node, ast.Subscript):
        head = _plain_name(node.value)
        arguments = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        inner = [annotation_type(a, evaluate) for a in arguments]
        if head in WRAPPERS:
            return inner[0]
        if head in CONTAINERS:
            return Type(head, inner[0]) if inner[0] else None
        if head == "Union":
            return next((t for t in inner if t), None)
        held = evaluate(node.value)
        return Type(held.symbol, inner[0]) if held and held.kind == "class" else None
    if isinstance(node, ast.Name | ast.Attribute):
        held = evaluate(node)
        return Type(held.symbol) if held is not None and held.kind == "class" else None
    return None


def _plain_name(node: ast.expr) -> str | None:
    """`list`, `typing.Optional` → `Optional`: generic heads are known by their last name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None
