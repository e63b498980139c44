"""The `skifte …` command lines a CI file runs, read out of its shell scripts."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_COMMAND = re.compile(r"(?<![\w./@=\"'-])skifte(?=\s)")
"""`skifte` as a command word: not `skifte/release-…`, `"skifte@host"` or `user.name=skifte`."""
_ENDS = frozenset("|;&<>)")


@dataclass(frozen=True)
class Invocation:
    file: str
    line: str
    """The script line, as written."""
    words: tuple[str, ...]
    """What follows `skifte`, up to the end of the command."""


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def invocations(path: Path) -> list[Invocation]:
    """Every `skifte` command in the strings of a YAML file (comments are not read)."""
    found = []
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    for text in _strings(document):
        for line in text.replace("\\\n", " ").splitlines():
            for match in _COMMAND.finditer(line):
                words = tuple(shlex.split(_command_at(line, match.start())))[1:]
                if words and not words[0].startswith("-"):
                    found.append(Invocation(path.name, line.strip(), words))
    return found


def _command_at(line: str, start: int) -> str:
    """From `start` to the end of that command: the first operator outside quotes."""
    quote = None
    for at in range(start, len(line)):
        char = line[at]
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in _ENDS:
            return line[start:at]
    if quote:
        raise ValueError(f"unbalanced quotes in a skifte command: {line!r}")
    return line[start:]
