"""Runs' `report.json` files read back as evidence for readiness.

Each file is checked for everything readiness reads of it before it counts: a truncated,
foreign or hand-edited file is named with its reason and counts as no run, never as a
crash, and never as evidence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from skifte.registry import Registry, RegistryError

from .report import RunReport
from .results import Failure

REPORT_FILE = "report.json"
_NUMBER = (int, float)
_TYPES: dict[str, type | tuple[type, ...]] = {
    "run_id": str,
    "release": str,
    "behaves_as": (str, type(None)),
    "target": str,
    "local": bool,
    "duration": _NUMBER,
    "rate_limit": str,
    "passed": bool,
    "started": str,
    "failures": list,
    "errors": list,
    "faults": list,
    "by_operation": dict,
    "data": dict,
    "cleanup": dict,
    "requests": dict,
}
"""The fields readiness reads, and what each must be."""
_PARTS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "data": {"refused_requests": int, "made_fictitious": int, "created": int},
    "cleanup": {"deleted": list, "already_gone": list, "failed": list},
    "requests": {"sent": int, "peak_per_second": _NUMBER, "throttled_429": int},
}
_RATE = re.compile(r"\s*\d+(\.\d+)?\s*(/\s*[smh]\w*)?\s*")
_REQUIRED = [
    f.name for f in fields(RunReport) if f.default is MISSING and f.default_factory is MISSING
]
_FAILURE_FIELDS = {f.name for f in fields(Failure)}
_FAILURE_REQUIRED = {
    f.name for f in fields(Failure) if f.default is MISSING and f.default_factory is MISSING
}
_KINDS = {
    dict: "an object",
    list: "a list",
    str: "a string",
    bool: "true/false",
    type(None): "null",
}


@dataclass(frozen=True)
class UnusableReport:
    """A run's report that cannot be read as evidence, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class _Unusable(Exception):
    pass


def read_run_reports(
    report_dir: Path, registry: Registry
) -> tuple[list[RunReport], list[UnusableReport]]:
    """Every run's report in `report_dir` (the matrix's cell runs apart), newest first,
    and those that cannot be used, with their reasons."""
    reports: list[RunReport] = []
    unusable: list[UnusableReport] = []
    for path in sorted(report_dir.glob(f"run-*/{REPORT_FILE}"), reverse=True):
        try:
            reports.append(_read(path, registry))
        except _Unusable as exc:
            unusable.append(UnusableReport(path, str(exc)))
    return reports, unusable


def _read(path: Path, registry: Registry) -> RunReport:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _Unusable("not text (not UTF-8)") from None
    except OSError as exc:
        raise _Unusable(f"cannot be read: {exc.strerror or exc}") from None
    if not text.strip():
        raise _Unusable("empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # A file cut short ends inside a string, or before its brackets close.
        cut = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        what = "cut short (truncated)" if cut else "not JSON"
        raise _Unusable(f"{what}: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    problem = _shape_problem(data)
    if problem is not None:
        raise _Unusable(f"not a run report as `skifte contract run` writes it: {problem}")
    try:
        registry.resolve(data["release"])
    except RegistryError:
        raise _Unusable(f"its release {data['release']} is not in the registry") from None
    return RunReport.from_dict(data)


def _shape_problem(data: Any) -> str | None:
    """What makes `data` no run report readiness can read, or None."""
    if not isinstance(data, dict):
        return f"it holds {_kind(data)}, not an object"
    missing = [name for name in _REQUIRED if name not in data]
    if missing:
        return f"it lacks {', '.join(missing)}"
    problem = _wrong_type(data, _TYPES, "")
    for part, expected in _PARTS.items():
        problem = problem or _wrong_type(data[part], expected, f"{part}.", required=True)
    if problem:
        return problem
    if "@" not in data["release"]:
        return f"release {data['release']!r} is not api@version"
    if not _RATE.fullmatch(data["rate_limit"]):
        return f"rate_limit {data['rate_limit']!r} is not a rate such as 10/s"
    for index, failure in enumerate(data["failures"]):
        if not (
            isinstance(failure, dict)
            and _FAILURE_REQUIRED <= failure.keys() <= _FAILURE_FIELDS
            and isinstance(failure["operation"], str)
        ):
            return f"failures[{index}] is not a failure (check, operation, title, ...)"
    for operation, counts in data["by_operation"].items():
        counted = {"requests": int, "succeeded": int}
        problem = (
            _wrong_type(counts, counted, f"by_operation[{operation!r}].")
            if isinstance(counts, dict)
            else f"by_operation[{operation!r}] is {_kind(counts)}, not an object"
        )
        if problem:
            return problem
    return None


def _wrong_type(
    data: dict[str, Any],
    expected: Mapping[str, type | tuple[type, ...]],
    prefix: str,
    *,
    required: bool = False,
) -> str | None:
    for name, types in expected.items():
        if name not in data:
            if required:
                return f"{prefix}{name} is missing"
            continue
        value = data[name]
        # JSON's true and false are no numbers, whatever Python's bool says.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
            wanted = " or ".join(dict.fromkeys(_KINDS.get(t, "a number") for t in _tuple(types)))
            return f"{prefix}{name} is {_kind(value)}, not {wanted}"
    return None


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _kind(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, _NUMBER):
        return _KINDS.get(type(value), type(value).__name__)
    return "a number"
