"""The upgrade check as one job: diff, find the uses, type-check once, join."""

from __future__ import annotations

import ast
import importlib.machinery
from pathlib import Path

from skifte.diff import diff_sides, load_side
from skifte.registry import Registry

from .places import UpgradeCheck, join
from .recorder import Use
from .surface import read_surface
from .typecheck import default_cache, type_check
from .uses import find_uses

_SKIPPED_FOLDERS = frozenset({"__pycache__", "node_modules", "site-packages", "build", "dist"})


class UpgradeCheckError(Exception):
    """The check cannot run: the input is unusable (exit 2 on the command line)."""


def upgrade_check(
    code: Path,
    base: str,
    revision: str,
    registry: Registry,
    generated: Path,
    cache: Path | None = None,
) -> UpgradeCheck:
    """Which places of the code in `code`, written for release `base`, break on `revision`."""
    for reference, option in ((base, "--from"), (revision, "--to")):
        if "@" not in reference or "/" in reference:
            raise UpgradeCheckError(f"{option} {reference!r}: name a release as api@version")
    if base.split("@")[0] != revision.split("@")[0]:
        raise UpgradeCheckError(f"--from {base} and --to {revision} are releases of other APIs")
    if not code.is_dir():
        raise UpgradeCheckError(f"--code {code}: no such folder")
    old, new = load_side(base, registry), load_side(revision, registry)
    old_folder = locate_package(old.package, old.label, generated)
    new_folder = locate_package(new.package, new.label, generated)
    diff = diff_sides(old, new)
    root = code.resolve()
    files = python_files(root, skipped={old.package, new.package})
    if not files:
        raise UpgradeCheckError(f"--code {code}: no Python files in it")
    surface = read_surface(old_folder, old.package)
    uses: list[Use] = []
    for path in files:
        uses.extend(find_uses(_parsed(path, root), path.relative_to(root).as_posix(), surface))
    problems = type_check(root, files, old.package, new_folder, cache or default_cache())
    return join(diff, code.as_posix(), len(files), uses, problems)


def locate_package(package: str, label: str, generated: Path) -> Path:
    """The folder of the import package `package`: in `generated`, else where it is installed."""
    if generated.is_dir():
        for candidate in sorted(generated.iterdir()):
            if (candidate / package / "__init__.py").is_file():
                return candidate / package
    # Where it is installed, not what this process happens to have imported already.
    spec = importlib.machinery.PathFinder.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    raise UpgradeCheckError(
        f"{label}: its package {package} is neither in {generated} nor installed;"
        " run `skifte generate` first, or pass --generated DIR"
    )


def python_files(root: Path, skipped: set[str]) -> list[Path]:
    """The integrator's modules: not virtual environments, caches, or hidden folders."""
    found: list[Path] = []
    for path in sorted(root.rglob("*.py")):
        folders = path.relative_to(root).parts[:-1]
        if any(f.startswith(".") or f in _SKIPPED_FOLDERS or f in skipped for f in folders):
            continue
        if any(
            (root.joinpath(*folders[:n]) / "pyvenv.cfg").exists()
            for n in range(1, len(folders) + 1)
        ):
            continue
        found.append(path)
    return found


def _parsed(path: Path, root: Path) -> ast.Module:
    try:
        return ast.parse(path.read_bytes(), filename=str(path))
    except SyntaxError as exc:
        where = f"{path.relative_to(root).as_posix()}:{exc.lineno or 0}"
        raise UpgradeCheckError(f"{where}: {exc.msg}; the check needs code that parses") from exc
    except (OSError, ValueError) as exc:
        raise UpgradeCheckError(f"{path}: unreadable ({exc})") from exc
