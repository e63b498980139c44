"""The readiness report from the runs in a report folder: readiness.md, .html and .json."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skifte.registry import Registry

from .. import readiness
from ..report import RunReport
from ..run_evidence import read_run_reports
from .errors import UnusableInput, unusable_input


class NoRunsError(UnusableInput):
    """An API the needs name has no contract run to judge it by."""


@dataclass(frozen=True)
class ReadinessOutcome:
    result: dict[str, Any]
    files: list[Path]

    @property
    def verdict(self) -> str:
        return str(self.result["verdict"])


def load_run_reports(report_dir: Path, registry: Path) -> list[RunReport]:
    """Every usable run's report in `report_dir` (the matrix's cell runs apart), newest
    first (run_evidence.py: those that cannot be read are left out)."""
    return read_run_reports(report_dir, Registry(registry))[0]


def write_readiness(
    needs_file: Path,
    report_dir: Path,
    registry: Path,
    *,
    test_environments: Iterable[str] = (),
) -> ReadinessOutcome:
    """The readiness report over every run in `report_dir`.

    Raises UnusableInput for an unusable needs file, NoRunsError when a needed API has no run.
    """
    with unusable_input():
        needs = readiness.read_needs(needs_file)
    reports, unusable = read_run_reports(report_dir, Registry(registry))
    missing = sorted({n.api for n in needs} - {r.release.split("@")[0] for r in reports})
    if missing:
        # A report that cannot be read is no run: said here, since no readiness is written.
        unread = "".join(f"; not counted, {report}" for report in unusable)
        raise NoRunsError(
            f"no {'usable ' if unusable else ''}contract run for {', '.join(missing)} in "
            f"{report_dir}: run `skifte contract run --api {missing[0]}` first{unread}"
        )
    result = readiness.readiness(
        needs,
        reports,
        registry,
        test_environments=test_environments,
        example=readiness.needs_are_example(needs_file),
        unusable=unusable,
    )
    return ReadinessOutcome(result, readiness.write_readiness(result, report_dir))
