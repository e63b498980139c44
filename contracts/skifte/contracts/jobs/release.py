"""`skifte release`: a new release, end to end, in steps that each do their work once.

import (a file, or a URL through the fetch) → diff against the previous release
(`diff.md`, `diff.json`) → generate the release's package → run the previous
release's clients against the stand-in behaving as the new release (one matrix cell)
→ the release summary (`summary.md`, `summary.json`, `changelog-entry.md`), all in
`<report dir>/releases/<api>-<version>/`.

Each step looks before it works: what is already as it should be is left alone and
reported "already done", so a second run changes nothing, and a run stopped half-way
picks up where it stopped. The contract cell is the one slow step; its result is kept
in `contract.json` with what it was run on (both specs' hashes, the run settings) and
is rerun only when one of them changed.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skifte.diff import FORMATS, LEVELS, DiffResult, FailOn, diff_releases
from skifte.diff.change import at_or_above
from skifte.registry import Registry, Release

from ..credentials import Credentials
from ..files import write_texts
from ..matrix import Cell, judge
from ..matrix_plan import CellRef, Predictions
from ..release_summary import ReleaseFacts, summary_text
from .matrix import MATRIX_MAX_EXAMPLES, MATRIX_RUNS, matrix_options, run_cell

if TYPE_CHECKING:  # the generator (and black) load when a release is generated
    from skifte.generator import Target

Say = Callable[[str], None]
RELEASES = "releases"
"""The release folders go in this folder of the report folder."""
CONTRACT_FILE = "contract.json"
DONE, ALREADY_DONE, SKIPPED = "done", "already done", "skipped"


class ReleaseStepError(Exception):
    """A step could not do its work (generation failed); the steps before it stand."""


@dataclass(frozen=True)
class ReleaseOptions:
    registry: Path
    source: str
    """A spec file, or the URL it is published at."""
    api: str
    packages: Path
    """Where generated packages go (the project's generated/)."""
    report_dir: Path
    certs: Path
    credentials: Callable[[], Credentials]
    """Asked for only when the contract step runs: a release whose cell is done, or an
    API's first release, needs no stand-in credentials."""
    timeout: float = 30.0
    """For a URL: how long to wait for the server."""
    max_examples: int = MATRIX_MAX_EXAMPLES
    seed: int = 1
    progress_seconds: float = 5.0


@dataclass(frozen=True)
class Step:
    name: str
    """import, diff, generate, contract or summary."""
    status: str
    """done, already done or skipped."""
    detail: str


@dataclass
class ReleaseOutcome:
    release: Release
    previous: Release | None
    folder: Path
    diff: DiffResult | None = None
    cell: Cell | None = None
    steps: list[Step] = field(default_factory=list)

    def failures(self, threshold: FailOn) -> list[str]:
        """Why the release fails `--fail-on threshold`: a change at or above it, or a
        contract run that disagrees with the diff (a failure nothing predicted, or a run
        that could not test). Empty when it passes."""
        found = []
        if self.diff is not None and self.previous is not None and self.diff.fails(threshold):
            counts = ", ".join(
                f"{self.diff.count(level)} {level}"
                for level in LEVELS
                if at_or_above(level, threshold) and self.diff.count(level)
            )
            found.append(f"{counts} change(s) from {self.previous.ref} (--fail-on {threshold})")
        if self.cell is not None and self.cell.unexplained:
            drift = ", ".join(self.cell.unexplained)
            found.append(f"unexplained drift: failures no predicted change explains at {drift}")
        if self.cell is not None and self.cell.errors:
            found.append("the contract run could not test: " + "; ".join(self.cell.errors))
        return found


def release_job(options: ReleaseOptions, say: Say, progress: Say) -> ReleaseOutcome:
    """Run every step; `say` hears each step's outcome as it is known, `progress` how far
    a contract run got. Raises the import's errors (SpecError, RegistryError, FetchError,
    ReleaseConflict) before anything is written, ReleaseStepError when generation fails,
    and the contract jobs' UnusableInput and RunIncomplete."""
    registry = Registry(options.registry)
    release, step = _import(registry, options)
    previous = _previous(registry, release)
    folder = options.report_dir / RELEASES / f"{release.api}-{release.version}"
    outcome = ReleaseOutcome(release, previous, folder)

    def record(step: Step) -> None:
        outcome.steps.append(step)
        say(f"{step.name}: {step.status}: {step.detail}")

    record(step)
    if previous is None:
        record(Step("diff", SKIPPED, f"{release.ref} is the API's first release"))
    else:
        outcome.diff, step = _diff(previous, release, folder)
        record(step)
    record(_generate(release, options.packages))
    if previous is None:
        record(Step("contract", SKIPPED, "no previous release whose clients could be run"))
    else:
        outcome.cell, step = _contract(options, registry, previous, release, folder, progress)
        record(step)
    target = _target(release)
    facts = ReleaseFacts(
        release=release,
        previous=previous,
        package=target.package,
        distribution=target.distribution,
        diff=outcome.diff,
        cell=outcome.cell,
    )
    changed = _write_changed(folder, summary_text(facts))
    where = f"{folder / 'summary.md'} (.json, changelog-entry.md)"
    record(Step("summary", _status(changed), where))
    return outcome


_DIFF_FILES = {"diff.md": "markdown", "diff.json": "json"}


def _import(registry: Registry, options: ReleaseOptions) -> tuple[Release, Step]:
    from skifte.registry.fetch import fetch_release, is_url

    if is_url(options.source):
        fetched = fetch_release(registry, options.source, options.api, timeout=options.timeout)
        status = DONE if fetched.new else ALREADY_DONE
        detail = f"{fetched.release.ref} from {fetched.url}"
        if not fetched.new:
            detail += f" ({fetched.reason})"
        return fetched.release, Step("import", status, detail)
    imported = registry.import_spec(Path(options.source), options.api)
    status = DONE if imported.added else ALREADY_DONE
    detail = f"{imported.release.ref} → {imported.release.folder}"
    return imported.release, Step("import", status, detail)


def _diff(previous: Release, release: Release, folder: Path) -> tuple[DiffResult, Step]:
    """`diff.md` and `diff.json`, as `skifte diff` prints them."""
    result = diff_releases(previous, release)
    changed = _write_changed(
        folder, {name: FORMATS[kind](result) for name, kind in _DIFF_FILES.items()}
    )
    counts = ", ".join(f"{result.count(level)} {level}" for level in LEVELS)
    return result, Step("diff", _status(changed), f"{previous.ref} → {release.ref}: {counts}")


def _previous(registry: Registry, release: Release) -> Release | None:
    """The release just before this one in version order."""
    releases = registry.releases(release.api)
    index = [r.version for r in releases].index(release.version)
    return releases[index - 1] if index > 0 else None


def _target(release: Release) -> Target:
    """The package generation makes of the release (its import and folder names)."""
    from skifte.generator import Target

    return Target.for_release(release.api, release.version)


def _generate(release: Release, packages: Path) -> Step:
    from skifte.generator import Job, run

    job = Job(spec=release.spec_path, source=release.ref, api=release.api, version=release.version)
    (outcome,) = run([job], packages)
    if outcome.status == "failed":
        raise ReleaseStepError(
            "; ".join([f"generating the package of {release.ref} failed", *outcome.detail])
        )
    status = DONE if outcome.status == "written" else ALREADY_DONE
    return Step("generate", status, f"{release.ref} → {outcome.folder}")


def _contract(
    options: ReleaseOptions,
    registry: Registry,
    previous: Release,
    release: Release,
    folder: Path,
    progress: Say,
) -> tuple[Cell, Step]:
    """The cell client = previous, environment = release, run once per pair of specs and
    settings; its runs and evidence in `matrix/`, its judgement in `contract.json`."""
    key = {
        "client": previous.ref,
        "client_sha256": previous.record.content_sha256,
        "environment": release.ref,
        "environment_sha256": release.record.content_sha256,
        "max_examples": options.max_examples,
        "seed": options.seed,
    }
    what = f"{previous.ref} clients against the stand-in behaving as {release.ref}"
    kept = _kept_cell(folder / CONTRACT_FILE, key)
    if kept is not None:
        return kept, Step("contract", ALREADY_DONE, f"{what}: {_verdict(kept)}")
    # What a stopped run left is no evidence: the cell runs again from scratch.
    shutil.rmtree(folder / MATRIX_RUNS, ignore_errors=True)
    base = matrix_options(
        registry.root,
        previous,
        folder,
        options.certs,
        max_examples=options.max_examples,
        seed=options.seed,
        progress_seconds=options.progress_seconds,
    )
    predictions = Predictions(registry, release.api)
    ref = CellRef(previous.version, release.version)
    evidence = run_cell(
        registry.root,
        release.api,
        ref,
        base,
        options.credentials(),
        progress,
        predictions=predictions,
    )
    cell = judge(predictions, [evidence]).cell(ref.client, ref.environment)
    text = json.dumps({**key, "cell": asdict(cell)}, indent=2, ensure_ascii=False) + "\n"
    write_texts(folder, {CONTRACT_FILE: text})
    return cell, Step("contract", DONE, f"{what}: {_verdict(cell)}")


def _kept_cell(path: Path, key: dict[str, Any]) -> Cell | None:
    """The cell `contract.json` keeps, if it was run on exactly these inputs."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or {k: data.get(k) for k in key} != key:
        return None
    try:
        return Cell(**data["cell"])
    except (KeyError, TypeError):
        return None


def _verdict(cell: Cell) -> str:
    if cell.errors:
        return "the run could not test"
    if cell.passed:
        return "passed"
    drift = f", {len(cell.unexplained)} unexplained" if cell.unexplained else ""
    failing, explained = len(cell.failing_operations), len(cell.explained)
    return f"{failing} operation(s) failing, {explained} explained by the diff{drift}"


def _write_changed(folder: Path, texts: dict[str, str]) -> bool:
    """Write the files whose text differs from what is there; True when any did."""
    changed = {}
    for name, text in texts.items():
        path = folder / name
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except (OSError, UnicodeDecodeError):
            pass
        changed[name] = text
    if changed:
        write_texts(folder, changed)
    return bool(changed)


def _status(changed: bool) -> str:
    return DONE if changed else ALREADY_DONE
