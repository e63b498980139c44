"""Reads that found a record in the client's own release, and 404 in another release.

Every cell of the matrix runs against the stand-in with the same seeded records (it
keeps its records from release to release). A GET that found a record in the
environment of the client's own release, and is answered 404 at the same URL by the
environment of another release, shows that release lost the client's way to that
record: an operation removed, or data lost. One run alone cannot always see this: a
404 for a singleton (a liquidator's accounts of a case) is honest where the singleton
does not exist yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .ledger import Ledger

CHECK = "found_in_own_release"


def found_reads(run_folders: Iterable[Path]) -> set[tuple[str, str]]:
    """(operation, URL path) of every GET the runs sent that was answered 2xx."""
    return {
        (entry["operation"], entry["url_path"])
        for folder in run_folders
        for entry in Ledger(folder).entries("request")
        if entry["method"] == "GET" and 200 <= entry["status"] < 300
    }


def lost_reads(found: set[tuple[str, str]], run_folders: Iterable[Path]) -> set[str]:
    """Operations whose GET, at a URL in `found`, the runs saw answered 404."""
    return {
        entry["operation"]
        for folder in run_folders
        for entry in Ledger(folder).entries("request")
        if entry["method"] == "GET"
        and entry["status"] == 404
        and (entry["operation"], entry["url_path"]) in found
    }
