"""The integrator's code type-checked against the new package, under the old package's name.

The new release's package is copied under the old one's import name into a folder on
mypy's search path (the generated modules import each other relatively, so the copy
works as it is); the integrator's files are checked where they are, unchanged, so
every line number is theirs. Both the copy and mypy's cache stay in a folder of the
system's temporary directory: the copy named from the packages' contents, the cache
shared by every pair, so a second check reuses them and mypy only rereads what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

_LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache")


class TypeCheckError(Exception):
    """mypy could not check the code at all (a blocking error), or is not installed."""


@dataclass(frozen=True)
class TypeProblem:
    path: str
    """Relative to the checked folder, with `/`."""
    line: int
    column: int
    message: str
    code: str | None


def default_cache() -> Path:
    return Path(tempfile.gettempdir()) / f"skifte-upgrade-check-{_user()}"


def type_check(
    code: Path, files: list[Path], alias: str, package: Path, cache: Path
) -> list[TypeProblem]:
    """mypy's errors in `files` (under `code`) with `package` importable as `alias`."""
    try:
        from mypy import api as mypy_api
    except ImportError as exc:  # pragma: no cover - mypy is a dependency of the toolkit
        raise TypeCheckError("the upgrade check needs mypy: pip install mypy") from exc
    home = _prepared(cache, alias, package)
    config = home / "mypy.ini"
    stdout, stderr, status = mypy_api.run(
        [
            "--config-file",
            str(config),
            "--output",
            "json",
            "--no-error-summary",
            *(str(f) for f in files),
        ]
    )
    problems, unreadable = [], []
    for line in stdout.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            unreadable.append(line)
            continue
        if entry.get("severity") != "error":
            continue
        path = Path(entry["file"]).resolve()
        if not path.is_relative_to(code):
            continue
        problems.append(
            TypeProblem(
                path.relative_to(code).as_posix(),
                int(entry["line"]),
                int(entry.get("column") or 0),
                str(entry["message"]),
                entry.get("code"),
            )
        )
    if status == 2 or (status != 0 and not problems and unreadable):
        detail = "\n".join([*unreadable, *stderr.splitlines()]).strip()
        raise TypeCheckError(f"mypy could not check {code}: {detail or 'no reason given'}")
    return problems


def _prepared(cache: Path, alias: str, package: Path) -> Path:
    """The folder with `alias` (a copy of `package`) and mypy's configuration, made once."""
    home = cache / f"{alias}-is-{package.name}-{_digest(package)}"
    if (home / "mypy.ini").is_file():
        return home
    cache.mkdir(mode=0o700, parents=True, exist_ok=True)
    getuid = getattr(os, "getuid", None)
    if getuid is not None and cache.stat().st_uid != getuid():
        raise TypeCheckError(f"{cache} belongs to another user: choose another cache folder")
    scratch = Path(tempfile.mkdtemp(prefix=".prepare-", dir=cache))
    try:
        shutil.copytree(package, scratch / "path" / alias, ignore=_LEFT_OUT)
        (scratch / "mypy.ini").write_text(_config(home), encoding="utf-8")
        try:
            scratch.rename(home)
        except OSError:  # another check made it first: theirs is the same
            if not (home / "mypy.ini").is_file():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return home


def _config(home: Path) -> str:
    # Untyped functions are checked too: integrator code is often unannotated, and a
    # removed field read there breaks as surely. Other libraries the code imports may
    # not be installed here; they are not what this check is about. One mypy cache serves
    # every pair of releases: the standard library, pydantic and httpx are read once.
    return "\n".join(
        [
            "[mypy]",
            f"mypy_path = {home / 'path'}",
            f"cache_dir = {home.parent / 'mypy-cache'}",
            "check_untyped_defs = True",
            "ignore_missing_imports = True",
            "follow_imports = silent",
            "show_error_codes = True",
            "namespace_packages = True",
            "",
        ]
    )


def _digest(package: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _user() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid else os.environ.get("USERNAME", "user")
