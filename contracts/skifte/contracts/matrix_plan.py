"""The matrix's cells, and what `skifte diff` predicts for each, before anything runs.

A cell is one client release against the stand-in behaving as one release; every
cell can run on its own (a CI job each), and the predictions come from the registry
alone, so whoever merges the cells' evidence judges it the same way.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from skifte.api.python_names import package_name
from skifte.diff import Change, diff_documents
from skifte.registry import Registry, Release


class MatrixError(Exception):
    """A cell or a cell's evidence that cannot be used: nothing was run or written."""


class CellRef(NamedTuple):
    """Which cell: the client's release and the release the environment behaves as."""

    client: str
    environment: str

    @property
    def name(self) -> str:
        return f"{self.client}:{self.environment}"

    @classmethod
    def parse(cls, text: str) -> CellRef:
        client, sep, environment = text.strip().partition(":")
        if not (sep and client and environment) or ":" in environment:
            raise MatrixError(f"a cell is CLIENT:ENVIRONMENT, e.g. 1.2.0:1.3.0, not {text!r}")
        return cls(client, environment)


class Predictions:
    """One API's releases and the diff between every two of them, each diffed once."""

    def __init__(self, registry: Registry, api: str) -> None:
        self.api = api
        self.releases: list[Release] = registry.releases(api)
        self._changes: dict[tuple[str, str], list[Change]] = {}

    @property
    def versions(self) -> list[str]:
        return [release.version for release in self.releases]

    def release(self, version: str) -> Release:
        for release in self.releases:
            if release.version == version:
                return release
        raise MatrixError(
            f"{self.api} has no release {version} (releases: {', '.join(self.versions)})"
        )

    def cells(self) -> list[CellRef]:
        """Every client release × every environment behaviour, row by row."""
        return [CellRef(client, env) for client in self.versions for env in self.versions]

    def check(self, cell: CellRef) -> CellRef:
        self.release(cell.client), self.release(cell.environment)
        return cell

    def changes(self, client: str, environment: str) -> list[Change]:
        """What changes from the client's release to the environment's."""
        key = (client, environment)
        if key not in self._changes:
            old, new = self.release(client), self.release(environment)
            package = package_name(self.api, old.version)
            found = diff_documents(old.read(), new.read(), package=package).changes
            self._changes[key] = list(found)
        return self._changes[key]

    def predicted(self, client: str, environment: str) -> list[str]:
        """Operations with a breaking change: a client of `client` should fail there."""
        found = self.changes(client, environment)
        return sorted({c.operation for c in found if c.level == "breaking" and c.operation})


def ci_plan(api: str, cells: list[CellRef]) -> dict[str, Any]:
    """The cells as a CI matrix strategy takes them: GitHub Actions'
    `strategy.matrix: ${{ fromJSON(...) }}`, one job per entry of `include`."""
    return {
        "include": [
            {"api": api, "cell": c.name, "client": c.client, "environment": c.environment}
            for c in cells
        ]
    }
