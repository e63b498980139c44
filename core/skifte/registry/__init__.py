"""The versioned registry of published specs: `<root>/<api>/<version>/`."""

from .changelog import CHANGELOG_FILE, ChangelogEntry, ChangelogError, read_changelog
from .incomplete import Incomplete
from .release import Release, ReleaseRecord, version_key
from .store import Imported, Registry, RegistryError, ReleaseConflict, Verified

__all__ = [
    "CHANGELOG_FILE",
    "ChangelogEntry",
    "ChangelogError",
    "Imported",
    "Incomplete",
    "Registry",
    "RegistryError",
    "Release",
    "ReleaseConflict",
    "ReleaseRecord",
    "Verified",
    "read_changelog",
    "version_key",
]
