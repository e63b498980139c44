"""Text from a spec, made safe for the place it lands in generated files.

One function per context. A spec is input like any other: a title, a path or a
parameter name may hold quotes, backslashes or line breaks, and none of them may
end a string or a docstring early, run code on import, or break the build.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Characters a docstring or a Markdown line must not carry raw: control characters
# (NUL cannot even be compiled), lone surrogates (cannot be written as UTF-8) and
# Unicode line and paragraph separators (tools split lines on them).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
_QUOTE_RUN = re.compile(r'"(?=")|"$')


def py_literal(value: Any) -> str:
    """A Python literal for a string, number, tuple, list or dict of them: `repr()`.

    `repr()` always gives a literal that evaluates to the same value, whatever
    quotes, backslashes or control characters the text holds.
    """
    return repr(value)


def docstring(text: str) -> str:
    """Text for the inside of a triple-quoted docstring, showing as written.

    Backslashes are doubled (so `\\N{`, `\\x` and a final backslash stay text),
    a quote next to another quote or at the end is escaped (so no run of three
    ends the docstring), and unsafe characters become escapes.
    """
    text = text.replace("\\", "\\\\")
    text = _QUOTE_RUN.sub('\\\\"', text)
    return "".join(_escape(c) if _unsafe(c) else c for c in text)


def comment(text: str) -> str:
    """One line of text for after a `#`: line breaks and unsafe characters flattened."""
    return " ".join(_visible(text).split())


def markdown_text(text: str) -> str:
    """One line of Markdown text: no line break can start a heading or a code fence."""
    return " ".join(_visible(text).split())


def markdown_code(text: str) -> str:
    """An inline code span: backticks cannot close it, line breaks cannot split it."""
    flat = " ".join(_visible(text).split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def markdown_block(text: str) -> str:
    """Markdown from the spec, kept as Markdown: a code fence it leaves open is closed."""
    visible = _visible(text).rstrip()
    fences = sum(1 for line in visible.splitlines() if line.lstrip().startswith(("```", "~~~")))
    return visible + "\n```" if fences % 2 else visible


def _unsafe(char: str) -> bool:
    return char not in "\n\t" and unicodedata.category(char) in _UNSAFE_CATEGORIES


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _visible(text: str) -> str:
    return "".join(_escape(c) if _unsafe(c) and c not in "\n\t\r" else c for c in text)
