"""The versioned registry of published specs: `<root>/<api>/<version>/`."""

from .release import Release, ReleaseRecord, version_key
from .store import Imported, Registry, RegistryError, ReleaseConflict, Verified

__all__ = [
    "Imported",
    "Registry",
    "RegistryError",
    "Release",
    "ReleaseConflict",
    "ReleaseRecord",
    "Verified",
    "version_key",
]
