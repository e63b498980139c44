"""Formatters of a diff result: one module per format, each `render(result) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from ..change import DiffResult
from . import githubactions, json, junit, markdown, text

FORMATS: dict[str, Callable[[DiffResult], str]] = {
    "text": text.render,
    "markdown": markdown.render,
    "json": json.render,
    "junit": junit.render,
    "githubactions": githubactions.render,
}

__all__ = ["FORMATS"]
