"""black on generated modules: one pass, and large modules in parts that format side by side.

black formats top-level definitions independently: what it does inside one does not
depend on the others, and between two it always puts two blank lines. So a module cut
just before top-level `class`/`def` lines, each part formatted alone and the parts joined
with two blank lines, is the module black would have made whole. We cut only where that
holds for sure: at a definition in column 0 after a blank line, not after a comment or
decorator (black ties those to what follows), and outside any multi-line string. A module
that steers black (`# fmt:` comments) is never cut.

`format_str` runs black a second time whenever the first pass changed something, to
settle trailing commas that the first pass added; on generated code the first pass is
already stable (the tests run the full `format_str` over single-pass output and find
nothing to change), so one pass is taken.
"""

from __future__ import annotations

import functools
import io
import itertools
import tokenize

import black
from black.mode import TargetVersion

from skifte.gc_pause import paused_gc

# Black's defaults, pinned: generated code must not depend on the user's configuration.
BLACK_MODE = black.Mode(target_versions={TargetVersion.PY311}, line_length=88)
PART_LINES = 4000
"""Modules longer than this are cut into parts of about this many lines."""
_DEFINITION_STARTS = ("class ", "def ", "async def ", "@")
_SEPARATOR = "\n\n"
"""Between two formatted parts (each ends with a newline): two blank lines."""


@functools.lru_cache(maxsize=16)
def format_python(code: str) -> str:
    """Black, once per text per process: the shared modules are the same in every package."""
    with paused_gc():
        return format_once(code)


def format_once(code: str) -> str:
    """One pass of black (see the module's note); black's own `format_str` if it has none."""
    single_pass = getattr(black, "_format_str_once", None)
    if single_pass is None:  # a black without it: the full format, same result, slower
        return black.format_str(code, mode=BLACK_MODE)
    return str(single_pass(code, mode=BLACK_MODE))


def split_module(code: str, part_lines: int = PART_LINES) -> list[str]:
    """The module cut at safe top-level definitions into parts of about `part_lines` lines;
    `[code]` when it is short or cannot be cut safely."""
    lines = code.splitlines(keepends=True)
    if len(lines) <= part_lines or "# fmt:" in code:
        return [code]
    cuts = _cut_points(code, lines, part_lines)
    if not cuts:
        return [code]
    bounds = [0, *cuts, len(lines)]
    return ["".join(lines[start:end]) for start, end in itertools.pairwise(bounds)]


def join_parts(formatted: list[str]) -> str:
    """Formatted parts of one module, in order → the formatted module."""
    return _SEPARATOR.join(formatted)


def _cut_points(code: str, lines: list[str], part_lines: int) -> list[int]:
    """0-based line indexes to cut before, about `part_lines` apart."""
    inside_strings = _lines_inside_strings(code)
    if inside_strings is None:
        return []
    cuts: list[int] = []
    last = 0
    for index in range(part_lines, len(lines)):
        if index - last < part_lines:
            continue
        if _safe_cut(lines, index) and index + 1 not in inside_strings:
            cuts.append(index)
            last = index
    return cuts


def _safe_cut(lines: list[str], index: int) -> bool:
    """A top-level definition starts here, after a blank line after ordinary code."""
    if not lines[index].startswith(_DEFINITION_STARTS) or lines[index - 1].strip():
        return False
    previous = index - 1
    while previous >= 0 and not lines[previous].strip():
        previous -= 1
    if previous < 0:
        return False
    before = lines[previous]
    # Not after a comment or decorator (they belong to the definition below), nor after a
    # line that continues (a backslash) or an indented line of a bracket left open.
    return not before.lstrip().startswith(("#", "@")) and not before.rstrip().endswith("\\")


def _lines_inside_strings(code: str) -> set[int] | None:
    """1-based numbers of lines that start inside a multi-line string or open bracket;
    None when the code does not tokenize (then it is formatted whole, black reports it)."""
    inside: set[int] = set()
    depth = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.STRING and token.end[0] > token.start[0]:
                inside.update(range(token.start[0] + 1, token.end[0] + 1))
            elif token.type == tokenize.OP and token.string in "([{":
                depth += 1
            elif token.type == tokenize.OP and token.string in ")]}":
                depth -= 1
            elif token.type == tokenize.NL and depth > 0:
                inside.add(token.start[0] + 1)
    except (tokenize.TokenError, SyntaxError):
        return None
    return inside
