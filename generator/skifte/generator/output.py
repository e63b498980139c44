"""Packages on disk: written whole or not at all, skipped when current, checked for drift.

Each package folder holds `skifte-generated.json`: the spec's hash, the
generator's fingerprint and every file's hash. A package whose spec and
generator are unchanged, and whose files are as written, is left alone.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import skifte.api

MANIFEST = "skifte-generated.json"
_IGNORED = {"__pycache__", "build", "dist", ".mypy_cache"}


class OutputError(Exception):
    """The output folder cannot take a package: nothing was generated, nothing written."""


@dataclass(frozen=True)
class Manifest:
    spec_sha256: str
    generator: str
    source: str
    files: dict[str, str]

    def to_json(self) -> str:
        data = {
            "spec_sha256": self.spec_sha256,
            "generator": self.generator,
            "source": self.source,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def read(cls, folder: Path) -> Manifest | None:
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            return cls(data["spec_sha256"], data["generator"], data["source"], dict(data["files"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None


@cache
def generator_fingerprint() -> str:
    """Changes whenever the generated code could: our sources, templates, pinned tools."""
    digest = hashlib.sha256()
    for tool in ("datamodel-code-generator", "black", "Jinja2"):
        digest.update(f"{tool}=={version(tool)}\n".encode())
    for path in fingerprint_sources():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint_sources() -> list[Path]:
    """The generator's own files and the naming rules of the model it renders (another root)."""
    roots = [Path(__file__).parent, Path(skifte.api.__file__).parent]
    return [
        path
        for root in roots
        for path in sorted(root.rglob("*"))
        if path.suffix in (".py", ".jinja") and "__pycache__" not in path.parts
    ]


def manifest_for(files: dict[str, str], spec_sha256: str, source: str) -> Manifest:
    return Manifest(
        spec_sha256=spec_sha256,
        generator=generator_fingerprint(),
        source=source,
        files={path: _sha(text.encode("utf-8")) for path, text in files.items()},
    )


def is_current(folder: Path, spec_sha256: str) -> bool:
    """Same spec, same generator, and every file still as written."""
    manifest = Manifest.read(folder)
    if manifest is None or manifest.spec_sha256 != spec_sha256:
        return False
    if manifest.generator != generator_fingerprint():
        return False
    return _on_disk(folder) == manifest.files


def stale_files(folder: Path, files: dict[str, str], manifest: Manifest) -> list[str]:
    """Files that differ from what generation writes now: changed, missing or extra, and
    the manifest (a new generator fingerprint alone rewrites it)."""
    on_disk = _on_disk(folder)
    expected = {path: _sha(text.encode("utf-8")) for path, text in files.items()}
    stale = [p for p in on_disk.keys() | expected.keys() if on_disk.get(p) != expected.get(p)]
    written = Manifest.read(folder)
    # What is_current() compares, nothing more: a run rewrites the manifest just then.
    if written is None or (written.spec_sha256, written.generator) != (
        manifest.spec_sha256,
        manifest.generator,
    ):
        stale.append(MANIFEST)
    return sorted(stale)


def edited_files(folder: Path, manifest: Manifest) -> list[str]:
    """Files that are not as the manifest records them: changed, missing or extra."""
    on_disk = _on_disk(folder)
    return sorted(
        p for p in on_disk.keys() | manifest.files.keys() if on_disk.get(p) != manifest.files.get(p)
    )


def check_writable(out: Path) -> None:
    """Fail before the slow work when `out` (or the folder it would be made in) is unwritable.

    Tries what writing does, a temporary folder, rather than reading permission bits:
    root ignores those, a read-only file system does not."""
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot write to {out}: {existing} is a file, not a folder")
    try:
        Path(tempfile.mkdtemp(prefix=".tmp-probe-", dir=existing)).rmdir()
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc} ({existing})") from exc


def write_package(folder: Path, files: dict[str, str], manifest: Manifest) -> None:
    """Build the package beside `folder`, then swap it in: a failure leaves the old one intact."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".tmp-{folder.name}-", dir=folder.parent))
    retired: Path | None = None
    try:
        for relative, text in {**files, MANIFEST: manifest.to_json()}.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        staging.chmod(0o755)
        if folder.exists():
            retired = folder.with_name(f".old-{folder.name}-{staging.name[-8:]}")
            folder.rename(retired)
        staging.rename(folder)
    except BaseException:
        if retired is not None and not folder.exists():
            retired.rename(folder)
            retired = None
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)


def _on_disk(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    found = {}
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        skipped = _IGNORED & set(relative.parts) or relative.parts[0].endswith(".egg-info")
        if path.is_file() and not skipped and path.name != MANIFEST:
            found[relative.as_posix()] = _sha(path.read_bytes())
    return found


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
