"""Path templates (`/doedsbojournaler/{doedsbojournalId}/krav`): their segments and parameters."""

from __future__ import annotations

from collections.abc import Iterable


def segments(path: str) -> list[str]:
    """`/a/{b}/c/` → ["a", "{b}", "c"]; the root → []."""
    stripped = path.strip("/")
    return stripped.split("/") if stripped else []


def join(parts: Iterable[str]) -> str:
    return "/" + "/".join(parts)


def is_parameter(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


def ends_in_parameter(path: str) -> bool:
    parts = segments(path)
    return bool(parts) and is_parameter(parts[-1])


def last_parameter(path: str) -> str | None:
    """The name of the parameter a path ends in, if it ends in one."""
    parts = segments(path)
    return parts[-1][1:-1] if parts and is_parameter(parts[-1]) else None


def matches(template: str, path: str) -> bool:
    """Whether a concrete path fills `template` (any value in place of a parameter)."""
    wanted, actual = segments(template), segments(path)
    return len(wanted) == len(actual) and all(
        is_parameter(w) or w == a for w, a in zip(wanted, actual, strict=True)
    )
