"""One cell of the matrix run, and what its runs saw, kept as the cell's evidence file.

The evidence holds all a judge needs (matrix.py): the failed checks by operation, why
a run could not test, and the reads the lost-read check compares across a row (the
client's own cell found, the others' answered 404). It goes to `cell-<api>-<client>-
<environment>.json` beside the runs, so cells run apart (CI jobs) merge into the same
matrix as a serial run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from skifte.api import build_api
from skifte.api.paths import segments

from . import runner
from .credentials import Credentials
from .files import write_texts
from .lost_reads import found_reads, missing_reads
from .matrix_plan import CellRef, MatrixError, Predictions
from .report import RunReport

FORMAT = "skifte-matrix-cell/1"
Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True, kw_only=True)
class CellEvidence:
    api: str
    client: str
    environment: str
    """The release the stand-in behaved as."""
    run_ids: tuple[str, ...] = ()
    failures: Pairs = ()
    """(operation, check) of every failure the cell's runs saw."""
    runs_passed: bool = True
    errors: tuple[str, ...] = ()
    """Why a run could not test: such a cell proves nothing."""
    found_reads: Pairs = ()
    """The client's own cell: (operation, URL path) of reads that found a record."""
    missing_reads: Pairs = ()
    """Another release's cell: (operation, URL path) of reads answered 404."""

    @property
    def ref(self) -> CellRef:
        return CellRef(self.client, self.environment)

    @property
    def file_name(self) -> str:
        return f"cell-{self.api}-{self.client}-{self.environment}.json"

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **asdict(self)}, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, data: Any, source: Path) -> CellEvidence:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise MatrixError(f"{source}: not a matrix cell's evidence ({FORMAT})")
        try:
            return cls(
                api=str(data["api"]),
                client=str(data["client"]),
                environment=str(data["environment"]),
                run_ids=tuple(data["run_ids"]),
                failures=_pairs(data["failures"]),
                runs_passed=bool(data["runs_passed"]),
                errors=tuple(data["errors"]),
                found_reads=_pairs(data["found_reads"]),
                missing_reads=_pairs(data["missing_reads"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise MatrixError(f"{source}: a matrix cell's evidence, damaged ({exc})") from None


def _pairs(items: Iterable[Any]) -> Pairs:
    return tuple((str(a), str(b)) for a, b in items)


def run_cell(
    predictions: Predictions,
    cell: CellRef,
    base: runner.RunOptions,
    credentials: Credentials,
    say: Callable[[str], None],
) -> CellEvidence:
    """The cell's runs in `base.report_dir`, and its evidence file written there."""
    client = predictions.release(cell.client)
    environment = predictions.release(cell.environment)
    model = build_api(client.read())
    creates = {op.key for op in model.operations if op.response("201")}
    by_label = {op.key: str(op.operation_id) for op in model.operations}
    say(f"{client.version} against {environment.version} ...")
    # A broad run finds drift nobody predicted; a focused one, with every phase, the
    # creates that make records to read and the operations that find the records the
    # others work under, looks hard where a break is predicted. Against its own release
    # the client looks where any other release is predicted to break: what it finds
    # there, the others must find too (lost_reads.py).
    options = replace(base, release=client, behave_as=environment.ref)
    reports = [_run(options, credentials, say)]
    own = cell.client == cell.environment
    aims = (
        [op for v in predictions.versions for op in predictions.predicted(cell.client, v)]
        if own
        else predictions.predicted(cell.client, cell.environment)
    )
    focus = {op for op in aims if op in by_label}
    if focus:
        focus |= creates
        focus |= _finders(focus, by_label)
        focused = replace(
            options,
            operation_ids=tuple(sorted(by_label[op] for op in focus)),
            phases=runner.PHASES,
            max_examples=max(base.max_examples, 5),
        )
        reports.append(_run(focused, credentials, say))
    folders = [base.report_dir / report.run_id for report in reports]
    evidence = CellEvidence(
        api=predictions.api,
        client=cell.client,
        environment=cell.environment,
        run_ids=tuple(r.run_id for r in reports),
        failures=tuple(sorted({(f.operation, f.check) for r in reports for f in r.failures})),
        runs_passed=all(r.passed for r in reports),
        errors=tuple(e for r in reports for e in _errors(r)),
        found_reads=tuple(sorted(found_reads(folders))) if own else (),
        missing_reads=() if own else tuple(sorted(missing_reads(folders))),
    )
    write_texts(base.report_dir, {evidence.file_name: evidence.to_json()})
    return evidence


def read_evidence(api: str, places: Iterable[Path]) -> list[CellEvidence]:
    """Every cell evidence file of `api` in the folders (searched through) or files given.

    The same cell found twice with different evidence is refused: which is right?"""
    found: dict[CellRef, tuple[CellEvidence, Path]] = {}
    for place in places:
        if not place.exists():
            raise MatrixError(f"{place} does not exist")
        paths = [place] if place.is_file() else sorted(place.rglob(f"cell-{api}-*.json"))
        for path in paths:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise MatrixError(f"{path}: not readable as JSON ({exc})") from None
            evidence = CellEvidence.from_json(data, path)
            if evidence.api != api:
                continue
            earlier = found.setdefault(evidence.ref, (evidence, path))
            if earlier[0] != evidence:
                raise MatrixError(
                    f"cell {evidence.ref.name} twice, with different evidence: "
                    f"{earlier[1]} and {path}"
                )
    return [evidence for evidence, _ in found.values()]


def _path_segments(label: str) -> tuple[str, ...]:
    """`GET /a/{b}/c` → ("a", "{b}", "c")."""
    return tuple(segments(label.split(" ", 1)[1]))


def _finders(labels: set[str], operations: Iterable[str]) -> set[str]:
    """Operations on a path above one of `labels`' paths: they find (or show) the records
    the deeper operations need, e.g. the estate search before a claim under an estate."""
    paths = {_path_segments(label) for label in labels}
    found = set()
    for label in operations:
        path = _path_segments(label)
        if any(len(path) < len(deeper) and deeper[: len(path)] == path for deeper in paths):
            found.add(label)
    return found


def _errors(report: RunReport) -> list[str]:
    """Why a run tested nothing; an error on a few operations leaves the others' evidence."""
    if report.operations.get("tested", 0) > 0:
        return []
    return [f"{report.run_id}: no operation was tested", *report.errors]


def _run(
    options: runner.RunOptions, credentials: Credentials, say: Callable[[str], None]
) -> RunReport:
    # Of the run's own lines only its progress: the matrix names each cell itself.
    report = runner.run_contract(options, credentials, say=lambda text: None, progress=say).report
    assert report is not None, "only a dry run has no report"
    return report
