"""The readiness report from the runs in a report folder: readiness.md, .html and .json."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import readiness
from ..report import RunReport
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


def load_run_reports(report_dir: Path) -> list[RunReport]:
    """Every run's report in `report_dir` (the matrix's cell runs apart), newest first."""
    paths = sorted(report_dir.glob("run-*/report.json"), reverse=True)
    return [RunReport.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in paths]


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
    reports = load_run_reports(report_dir)
    missing = sorted({n.api for n in needs} - {r.release.split("@")[0] for r in reports})
    if missing:
        raise NoRunsError(
            f"no contract run for {', '.join(missing)} in {report_dir}: run "
            f"`skifte contract run --api {missing[0]}` first"
        )
    result = readiness.readiness(
        needs,
        reports,
        registry,
        test_environments=test_environments,
        example=readiness.needs_are_example(needs_file),
    )
    return ReadinessOutcome(result, readiness.write_readiness(result, report_dir))
