"""The registry folder: reading releases, filing new ones atomically, verifying all."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from skifte.spec import Problem, SpecDocument, SpecError, read_spec

from .incomplete import (
    STAGING_PREFIX,
    Incomplete,
    find_incomplete,
    is_release_folder,
    remove_incomplete,
)
from .lock import registry_lock
from .release import (
    RECORD_FILE,
    SPEC_FILE,
    VERSION_NAME,
    Release,
    ReleaseRecord,
    api_name_problem,
    version_key,
)


class RegistryError(Exception):
    """The registry cannot do what was asked (unknown release, bad name); nothing was changed."""


class ReleaseConflict(RegistryError):
    """The version is already filed with other content; releases are immutable."""


@dataclass(frozen=True)
class Verified:
    """The outcome of re-checking one release folder."""

    folder: Path
    release: Release | None
    document: SpecDocument | None
    problems: list[str]


@dataclass(frozen=True)
class Imported:
    release: Release
    added: bool
    """False when the identical release was already filed (a no-op)."""


class Registry:
    def __init__(self, root: Path) -> None:
        self.root = root

    def releases(self, api: str | None = None) -> list[Release]:
        """Every release, by API then version (oldest first)."""
        if api is not None:
            _check_api_name(api)
        found = []
        for api_dir in self._api_dirs():
            if api is not None and api_dir.name != api:
                continue
            found += [self._load(folder) for folder in _release_folders(api_dir)]
        if api is not None and not found:
            raise RegistryError(
                f"no releases of API {api!r} in {self.root}"
                f" (known: {', '.join(self.apis()) or 'none'})"
            )
        return found

    def apis(self) -> list[str]:
        return [d.name for d in self._api_dirs()]

    def release(self, api: str, version: str) -> Release:
        _check_api_name(api)
        folder = self.root / api / version
        if not (VERSION_NAME.fullmatch(version) and is_release_folder(folder)):
            known = ", ".join(r.version for r in self.releases(api))
            raise RegistryError(f"no release {api}@{version} in {self.root} (known: {known})")
        return self._load(folder)

    def resolve(self, ref: str) -> Release:
        """`api@version`, or `api` / `api@latest` for the newest release."""
        api, _, version = ref.partition("@")
        if version in ("", "latest"):
            return self.releases(api)[-1]
        return self.release(api, version)

    def import_spec(self, path: Path, api: str, *, today: dt.date | None = None) -> Imported:
        """Validate a published spec and file it under its info.version.

        Raises SpecError for a bad document and RegistryError when the version is
        taken by different content; in both cases the registry is untouched.
        """
        _check_api_name(api)
        return self.file_document(read_spec(path), api, published_file=path.name, today=today)

    def file_document(
        self,
        document: SpecDocument,
        api: str,
        *,
        published_file: str,
        today: dt.date | None = None,
    ) -> Imported:
        """File a spec already read (and validated) as published, e.g. fetched from a URL:
        the same checks, lock and immutability as `import_spec`."""
        _check_api_name(api)
        version = document.version
        if not VERSION_NAME.fullmatch(version):
            raise SpecError(
                document.source,
                [
                    Problem(
                        f"info.version {version!r} cannot name a release "
                        "folder (letters, digits, '.', '+', '_', '-')",
                        pointer="#/info/version",
                    )
                ],
            )
        record = ReleaseRecord(
            api=api,
            version=version,
            title=document.title,
            openapi=document.openapi,
            sha256=document.raw_sha256,
            content_sha256=document.content_sha256,
            published_file=published_file,
            imported=(today or dt.date.today()).isoformat(),
        )
        # Deciding and filing under one lock: no other import acts between the two.
        with registry_lock(self.root):
            existing = self._existing(api, version)
            if existing is not None:
                return self._same_or_refuse(existing, document)
            self._write_atomically(record, document.content)
        return Imported(self._load(self.root / api / version), added=True)

    def incomplete(self) -> list[Incomplete]:
        """What interrupted imports left behind (invisible to every other method)."""
        return find_incomplete(self.root)

    def remove_incomplete(self) -> tuple[list[Incomplete], list[Incomplete]]:
        """Remove what interrupted imports left: (removed, kept because it holds other files)."""
        if not self.incomplete():
            return [], []
        removed: list[Incomplete] = []
        kept: list[Incomplete] = []
        with registry_lock(self.root):
            for entry in self.incomplete():
                (removed if remove_incomplete(entry) else kept).append(entry)
        return removed, kept

    def verify(self) -> Iterator[Verified]:
        """Re-check every release folder: its record, its hash and its spec, fully validated.

        Leftovers of interrupted imports are reported as problems too.
        """
        for entry in self.incomplete():
            yield Verified(entry.folder, None, None, [entry.describe()])
        for api_dir in self._api_dirs(with_empty=True):
            for folder in sorted(_visible_dirs(api_dir), key=lambda d: version_key(d.name)):
                try:
                    release = self._load(folder)
                except RegistryError as exc:
                    yield Verified(folder, None, None, [str(exc)])
                    continue
                yield _verify(release)

    def _existing(self, api: str, version: str) -> Release | None:
        folder = self.root / api / version
        return self._load(folder) if folder.exists() else None

    def _same_or_refuse(self, existing: Release, document: SpecDocument) -> Imported:
        stored = hashlib.sha256(existing.spec_path.read_bytes()).hexdigest()
        if stored == document.content_sha256:
            return Imported(existing, added=False)
        raise ReleaseConflict(
            f"{existing.ref} is already in the registry with different content, and a release "
            f"is immutable.\n  registry: sha256 {stored}\n  {document.source}: sha256 "
            f"{document.content_sha256}\nPublish the change under a new info.version."
        )

    def _write_atomically(self, record: ReleaseRecord, content: bytes) -> None:
        """Stage, then rename into place; the caller holds the registry lock."""
        api_dir = self.root / record.api
        try:
            api_dir.mkdir()
            created_api_dir = True
        except FileExistsError:
            created_api_dir = False
        staging: Path | None = None
        try:
            staging = Path(
                tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{record.version}-", dir=api_dir)
            )
            _write_file(staging / SPEC_FILE, content)
            _write_file(staging / RECORD_FILE, record.to_json().encode("utf-8"))
            # mkdtemp makes a private folder; a filed release is public like its siblings.
            staging.chmod(0o755)
            # A directory rename is atomic and fails if the target appeared meanwhile.
            staging.rename(api_dir / record.version)
            _sync_folder(api_dir)
        except BaseException:
            # Only what this call made: its staging folder, and the API folder if it is empty.
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            if created_api_dir:
                with contextlib.suppress(OSError):
                    api_dir.rmdir()
            raise

    def _api_dirs(self, *, with_empty: bool = False) -> list[Path]:
        """API folders holding a release; an interrupted first import's folder holds none."""
        if not self.root.is_dir():
            return []
        found = sorted(_visible_dirs(self.root))
        return found if with_empty else [d for d in found if any(_release_folders(d))]

    def _load(self, folder: Path) -> Release:
        try:
            record = ReleaseRecord.from_json((folder / RECORD_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RegistryError(f"{folder / RECORD_FILE}: {exc}") from None
        return Release(record, folder)


def _verify(release: Release) -> Verified:
    record, problems = release.record, []
    if (record.api, record.version) != (release.folder.parent.name, release.folder.name):
        problems.append(
            f"release.json names {release.ref}, the folder is "
            f"{release.folder.parent.name}/{release.folder.name}"
        )
    try:
        actual = hashlib.sha256(release.spec_path.read_bytes()).hexdigest()
    except OSError as exc:
        return Verified(release.folder, release, None, [*problems, f"{SPEC_FILE}: {exc.strerror}"])
    if actual != record.content_sha256:
        problems.append(
            f"{SPEC_FILE} was changed after import: sha256 {actual}, "
            f"release.json says {record.content_sha256}"
        )
    try:
        document = release.read(validate=True)
    except SpecError as exc:
        return Verified(release.folder, release, None, [*problems, str(exc)])
    if document.version != record.version:
        problems.append(f"info.version is {document.version!r}, the release is {record.version!r}")
    return Verified(release.folder, release, document, problems)


def _write_file(path: Path, content: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    path.chmod(0o644)


def _sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_api_name(api: str) -> None:
    problem = api_name_problem(api)
    if problem is not None:
        raise RegistryError(problem)


def _release_folders(api_dir: Path) -> list[Path]:
    """Complete releases only, oldest first."""
    found = [d for d in _visible_dirs(api_dir) if is_release_folder(d)]
    return sorted(found, key=lambda d: version_key(d.name))


def _visible_dirs(folder: Path) -> Iterator[Path]:
    return (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
