"""What an interrupted import leaves behind, and how it is recognised and removed.

An import stages a release in `<root>/<api>/.import-<version>-*` and renames it into
place; a process killed before the rename leaves the staging folder, and, when it
was filing the API's first release, an API folder with no release in it. Readers
never see either: hidden names are skipped and an API folder counts only once it
holds a release. Removal is careful: it runs under the registry lock (so no import
is in flight), and touches only staging folders that hold nothing but the files an
import writes, and API folders that are then empty.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .release import RECORD_FILE, SPEC_FILE

STAGING_PREFIX = ".import-"
_STAGED_FILES = frozenset({SPEC_FILE, RECORD_FILE})


@dataclass(frozen=True)
class Incomplete:
    folder: Path
    what: str
    """`staging` (a half-written release) or `empty-api` (an API folder with no release)."""

    def describe(self) -> str:
        if self.what == "staging":
            return "a release an interrupted import did not finish filing"
        return "an API folder with no release in it, left by an interrupted import"


def is_release_folder(folder: Path) -> bool:
    """A visible folder that holds a record: what readers list."""
    return not folder.name.startswith(".") and (folder / RECORD_FILE).is_file()


def find_incomplete(root: Path) -> list[Incomplete]:
    if not root.is_dir():
        return []
    found = []
    for api_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        entries = list(api_dir.iterdir())
        staging = sorted(p for p in entries if p.is_dir() and p.name.startswith(STAGING_PREFIX))
        found += [Incomplete(p, "staging") for p in staging]
        if all(p.is_dir() and p.name.startswith(STAGING_PREFIX) for p in entries):
            found.append(Incomplete(api_dir, "empty-api"))
    return found


def remove_incomplete(entry: Incomplete) -> bool:
    """Remove one entry if it holds only what an import writes; the caller holds the lock."""
    folder = entry.folder
    if entry.what == "staging":
        contents = list(folder.iterdir())
        if any(not p.is_file() or p.name not in _STAGED_FILES for p in contents):
            return False
        shutil.rmtree(folder)
        return True
    if any(folder.iterdir()):
        return False
    folder.rmdir()
    return True
