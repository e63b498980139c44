"""Generated packages → wheel and sdist, ready for a package index; built offline.

The package is copied aside (with the version changed when asked), its sdist built
with the installed build backend (hatchling, no isolated environment, so no network),
and the wheel built from that sdist, as `python -m build` does: what the index gets
is what the sdist can rebuild. Files land in the output folder only when both exist.
"""

from __future__ import annotations

import shutil
import sys
import tarfile
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from packaging.version import InvalidVersion, Version

from .output import MANIFEST, Manifest, edited_files

_LEFT_OUT = shutil.ignore_patterns("__pycache__", "build", "dist", "*.egg-info", ".mypy_cache")


class DistributionError(Exception):
    """A package that cannot be built; `unusable` when the request itself is at fault."""

    def __init__(self, message: str, *, unusable: bool = False) -> None:
        super().__init__(message)
        self.unusable = unusable


@dataclass(frozen=True)
class GeneratedPackage:
    folder: Path
    name: str
    """The distribution name, as in its pyproject.toml."""
    version: str
    """The release it was generated from (pyproject.toml's version)."""
    source: str
    """What the manifest says it was made from: `api@version` or a spec file's name."""

    @property
    def api(self) -> str | None:
        api, at, _ = self.source.partition("@")
        return api if at else None


def generated_packages(folder: Path) -> list[GeneratedPackage]:
    """Every package `skifte generate` wrote into `folder`, by name."""
    if not folder.is_dir():
        raise DistributionError(f"{folder}: no such folder of generated packages", unusable=True)
    found = []
    for candidate in sorted(folder.iterdir()):
        manifest = Manifest.read(candidate)
        if manifest is None:
            continue
        try:
            project = tomllib.loads((candidate / "pyproject.toml").read_text(encoding="utf-8"))
            name, version = project["project"]["name"], project["project"]["version"]
        except (OSError, ValueError, KeyError) as exc:
            raise DistributionError(f"{candidate}: unreadable pyproject.toml ({exc})") from exc
        found.append(GeneratedPackage(candidate, name, version, manifest.source))
    return found


def distribution_version(package: GeneratedPackage, requested: str | None) -> str:
    """The release's version, or an override of the same release (`1.3.0.post1`), normalised."""
    if requested is None:
        return package.version
    try:
        version = Version(requested)
    except InvalidVersion as exc:
        raise DistributionError(
            f"--package-version {requested!r} is not a PEP 440 version", unusable=True
        ) from exc
    release = Version(package.version)
    if (version.epoch, version.release) != (release.epoch, release.release):
        raise DistributionError(
            f"--package-version {requested} is not a version of release {package.version}"
            f" of {package.name}: use e.g. {package.version}.post1",
            unusable=True,
        )
    return str(version)


def build_distributions(
    package: GeneratedPackage, out: Path, version: str | None = None
) -> list[Path]:
    """Sdist and wheel of `package` in `out`; `version` overrides the release's."""
    manifest = Manifest.read(package.folder)
    edited = edited_files(package.folder, manifest) if manifest else [MANIFEST]
    if edited:
        raise DistributionError(
            f"{package.folder}: not as generated ({', '.join(edited)}); regenerate it first:"
            " its metadata would name a generator that did not write these files"
        )
    wanted = distribution_version(package, version)
    with tempfile.TemporaryDirectory(prefix="skifte-build-") as scratch:
        source = Path(scratch) / "source" / package.folder.name
        shutil.copytree(package.folder, source, ignore=_LEFT_OUT)
        if wanted != package.version:
            _set_version(source / "pyproject.toml", package.version, wanted)
        built = Path(scratch) / "dist"
        sdist = _build(source, "sdist", built)
        with tarfile.open(sdist) as archive:
            archive.extractall(Path(scratch) / "sdist", filter="data")
        (unpacked,) = (Path(scratch) / "sdist").iterdir()
        wheel = _build(unpacked, "wheel", built)
        return _publish([sdist, wheel], out)


def _set_version(pyproject: Path, old: str, new: str) -> None:
    text = pyproject.read_text(encoding="utf-8")
    line = f'version = "{old}"\n'
    if text.count(line) != 1:
        raise DistributionError(f"{pyproject.parent.name}: cannot find its version line to change")
    pyproject.write_text(text.replace(line, f'version = "{new}"\n'), encoding="utf-8")


def _build(source: Path, kind: Literal["sdist", "wheel"], out: Path) -> Path:
    """One PEP 517 build with this interpreter's backend, its output captured."""
    import build
    import pyproject_hooks

    builder = build.ProjectBuilder(
        source, python_executable=sys.executable, runner=pyproject_hooks.quiet_subprocess_runner
    )
    missing = builder.check_dependencies(kind)
    if missing:
        needed = sorted({chain[0] for chain in missing})
        raise DistributionError(f"building needs {', '.join(needed)} installed beside skifte")
    try:
        return Path(builder.build(kind, out))
    except build.BuildBackendException as exc:
        raise DistributionError(
            f"{source.name}: the {kind} build failed: {_last_line(exc)}"
        ) from exc


def _last_line(exc: BaseException) -> str:
    """The backend's own last words (the captured output of the failed hook), else the error."""
    output = getattr(exc.exception, "output", None) if hasattr(exc, "exception") else None
    text = output.decode(errors="replace") if isinstance(output, bytes) else str(exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def _publish(files: list[Path], out: Path) -> list[Path]:
    """Copy beside the target, then rename into place: no half-written file in `out`."""
    staged: list[tuple[Path, Path]] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for path in files:
            staged.append((out / f".tmp-{path.name}", out / path.name))
            shutil.copyfile(path, staged[-1][0])
        for temporary, final in staged:
            temporary.replace(final)
    except OSError as exc:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        message = f"cannot write to {out}: {exc.strerror or exc}"
        raise DistributionError(message, unusable=True) from exc
    return [final for _, final in staged]
