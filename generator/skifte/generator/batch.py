"""Generate (or check) many packages: skip what is current, build the rest in parallel."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from skifte.spec import SpecError, read_spec

from .build import Target, build_files
from .models_module import ModelsError
from .output import is_current, manifest_for, stale_files, write_package


@dataclass(frozen=True)
class Job:
    spec: Path
    source: str
    """How the package's manifest names its input, e.g. `doedsbo@1.3.0` or a file name."""
    name: str | None = None
    """For files outside the registry: --name, else info.title decides."""
    api: str | None = None
    version: str | None = None
    """For registry releases: the package is named after the API and version."""


@dataclass(frozen=True)
class Outcome:
    job: Job
    folder: Path | None
    status: str
    """written, unchanged, current, stale or failed."""
    detail: list[str] = field(default_factory=list)


def run(
    jobs: list[Job],
    out: Path,
    *,
    check: bool = False,
    force: bool = False,
    workers: int | None = None,
) -> Iterator[Outcome]:
    """Yield one outcome per job, in job order."""
    pending: list[tuple[Job, Target, Path, str]] = []
    for job in jobs:
        try:
            document = read_spec(job.spec, validate=job.api is None)
        except SpecError as exc:
            yield Outcome(job, None, "failed", [str(exc)])
            continue
        target = _target(job, document.title, document.version)
        folder = out / target.distribution
        if not check and not force and is_current(folder, document.content_sha256):
            yield Outcome(job, folder, "unchanged")
            continue
        pending.append((job, target, folder, document.content_sha256))
    for (job, _, folder, spec_sha), built in zip(
        pending, _build_all([(j.spec, t) for j, t, _, _ in pending], workers), strict=True
    ):
        if isinstance(built, str):
            yield Outcome(job, folder, "failed", [built])
        elif check:
            stale = stale_files(folder, built)
            yield Outcome(job, folder, "stale" if stale else "current", stale)
        else:
            write_package(folder, built, manifest_for(built, spec_sha, job.source))
            yield Outcome(job, folder, "written")


def _target(job: Job, title: str, version: str) -> Target:
    if job.api is not None:
        return Target.for_release(job.api, job.version or version)
    return Target.for_document_title(title, version, job.name)


def _build_all(
    items: list[tuple[Path, Target]], workers: int | None
) -> Iterator[dict[str, str] | str]:
    count = min(workers or os.cpu_count() or 1, len(items))
    if count <= 1:
        yield from map(_build_one, items)
        return
    with ProcessPoolExecutor(max_workers=count) as pool:
        yield from pool.map(_build_one, items)


def _build_one(item: tuple[Path, Target]) -> dict[str, str] | str:
    """Files, or the reason there are none (a string crosses process boundaries cleanly)."""
    spec, target = item
    try:
        return build_files(read_spec(spec, validate=False), target)
    except (SpecError, ModelsError) as exc:
        return str(exc)
