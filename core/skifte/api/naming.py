"""Python names for things named in a spec: one set of rules for the generator and the diff.

Danish letters are transliterated the Danish way (æ→ae, ø→oe, å→aa), other
accents are stripped, and anything still not ASCII is spelled out as its code
point, so no character is ever silently dropped.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

_DANISH = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
# A spelled-out code point (see transliterate), then acronyms, words and numbers;
# digits stay with the word before them (kravV2 → krav_v2).
_WORD = re.compile(
    r"(?<![A-Za-z0-9])u[0-9a-f]{4,6}(?![A-Za-z0-9])"
    r"|[A-Z]+\d*(?=[A-Z][a-z]|\b)|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+"
)


def transliterate(text: str) -> str:
    """ASCII spelling of a name: NFC first, Danish letters as Danes write them without them."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for i, char in enumerate(text):
        if char in _DANISH:
            # In an all-caps word Æ is AE (ÆRØ → AEROE); elsewhere Ae (Ærø → Aeroe).
            before, after = text[i - 1 : i], text[i + 1 : i + 2]
            shout = char.isupper() and (
                after.isupper() or (before.isupper() and not after.islower())
            )
            out.append(_DANISH[char].upper() if shout else _DANISH[char])
        elif char.isascii():
            out.append(char)
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii())
            out.append(base if base else f"_u{ord(char):04x}_")
    return "".join(out)


def words(text: str) -> list[str]:
    """Split `doedsbojournalId`, `X-Total-Count`, `krav_id` or `HTTPStatus` into words."""
    return _WORD.findall(transliterate(text).replace("_", " "))


def snake_case(text: str) -> str:
    return "_".join(w.lower() for w in words(text))


def pascal_case(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words(text))


def upper_snake_case(text: str) -> str:
    return snake_case(text).upper()


def python_identifier(name: str, *, fallback: str, reserved: frozenset[str] = frozenset()) -> str:
    """Make `name` a usable identifier: not empty, not starting with a digit, no keyword."""
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}" if fallback.islower() else f"{fallback}{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        name += "_"
    return name


BUILTIN_NAMES = frozenset(dir(builtins))
"""Field and argument names that would shadow a builtin get a trailing underscore only
where that breaks code (method arguments); model fields keep them, as pydantic allows."""


def unique(names: list[str], taken: set[str] | None = None, sep: str = "") -> list[str]:
    """Suffix repeats deterministically: the first keeps its name, then 2, 3, ..."""
    used = set(taken or ())
    result = []
    for name in names:
        candidate, n = name, 1
        while candidate in used:
            n += 1
            candidate = f"{name}{sep}{n}"
        used.add(candidate)
        result.append(candidate)
    return result
