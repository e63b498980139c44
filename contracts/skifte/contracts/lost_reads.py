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


WRITES = frozenset({"POST", "PUT", "PATCH"})


def found_reads(run_folders: Iterable[Path]) -> set[tuple[str, str]]:
    """(operation, URL path) of every GET the runs sent that was answered 2xx, at a record
    the environment held of itself: not one the runs wrote there (a liquidator's position
    a PUT made) or created (under a 201's Location). Those another run may not have made
    yet, and their 404 would say nothing about the release."""
    reads, written, created = set(), set(), set()
    for folder in run_folders:
        ledger = Ledger(folder)
        created |= {entry["location"].rstrip("/") for entry in ledger.entries("created")}
        for entry in ledger.entries("request"):
            succeeded = 200 <= entry["status"] < 300
            if entry["method"] == "GET" and succeeded:
                reads.add((entry["operation"], entry["url_path"]))
            elif entry["method"] in WRITES and succeeded:
                written.add(entry["url_path"].rstrip("/"))
    return {
        (operation, url)
        for operation, url in reads
        if url.rstrip("/") not in written
        and not any(url == c or url.startswith(c + "/") for c in created)
    }


def missing_reads(run_folders: Iterable[Path]) -> set[tuple[str, str]]:
    """(operation, URL path) of every GET the runs sent that was answered 404: a lost
    read where the client's own release found the same (`found_reads`)."""
    return {
        (entry["operation"], entry["url_path"])
        for folder in run_folders
        for entry in Ledger(folder).entries("request")
        if entry["method"] == "GET" and entry["status"] == 404
    }


def lost_reads(found: set[tuple[str, str]], missing: Iterable[tuple[str, str]]) -> set[str]:
    """Operations whose GET, at a URL in `found`, was answered 404 (`missing_reads`)."""
    return {operation for operation, url in missing if (operation, url) in found}
