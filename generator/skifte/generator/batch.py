"""Generate (or check) many packages: skip what is current, build the rest in parallel.

A package is built in steps that run side by side in worker processes: the
models (datamodel-code-generator, the slow step), the other files (templates),
full validation of a spec file from outside the registry, and black on each
Python file as soon as its text exists.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from skifte.gc_pause import paused_gc
from skifte.spec import SpecError, read_spec

from .build import Target, build_files, models_file, package_files
from .models_module import ModelsError
from .output import is_current, manifest_for, stale_files, write_package
from .render import format_python


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


@dataclass
class _Pending:
    job: Job
    target: Target
    folder: Path
    spec_sha256: str


def run(
    jobs: list[Job],
    out: Path,
    *,
    check: bool = False,
    force: bool = False,
    workers: int | None = None,
) -> Iterator[Outcome]:
    """Yield one outcome per job, in job order."""
    pending: list[_Pending] = []
    for job in jobs:
        try:
            document = read_spec(job.spec, validate=False)
        except SpecError as exc:
            yield Outcome(job, None, "failed", [str(exc)])
            continue
        target = _target(job, document.title, document.version)
        folder = out / target.distribution
        if not check and not force and is_current(folder, document.content_sha256):
            yield Outcome(job, folder, "unchanged")
            continue
        pending.append(_Pending(job, target, folder, document.content_sha256))
        del document  # workers fork from this process: keep it small
    count = min(workers or os.cpu_count() or 1, 2 * len(pending))
    built = _sequential(pending) if count <= 1 else _parallel(pending, count)
    for item, files in zip(pending, built, strict=True):
        if isinstance(files, str):
            yield Outcome(item.job, item.folder, "failed", [files])
        elif check:
            manifest = manifest_for(files, item.spec_sha256, item.job.source)
            stale = stale_files(item.folder, files, manifest)
            yield Outcome(item.job, item.folder, "stale" if stale else "current", stale)
        else:
            write_package(
                item.folder, files, manifest_for(files, item.spec_sha256, item.job.source)
            )
            yield Outcome(item.job, item.folder, "written")


def _target(job: Job, title: str, version: str) -> Target:
    if job.api is not None:
        return Target.for_release(job.api, job.version or version)
    return Target.for_document_title(title, version, job.name)


def _sequential(pending: list[_Pending]) -> Iterator[dict[str, str] | str]:
    for item in pending:
        problem = _validate(item.job.spec) if item.job.api is None else None
        yield problem if problem is not None else _build_one((item.job.spec, item.target))


def _build_one(item: tuple[Path, Target]) -> dict[str, str] | str:
    """Files, or the reason there are none (a string crosses process boundaries cleanly)."""
    spec, target = item
    try:
        return build_files(read_spec(spec, validate=False), target)
    except (SpecError, ModelsError) as exc:
        return str(exc)


def _parallel(pending: list[_Pending], count: int) -> list[dict[str, str] | str]:
    """Every step of every package in one pool; black starts on a file once its text exists."""
    results: list[dict[str, str] | str] = [{} for _ in pending]
    owner: dict[Future[object], tuple[int, str]] = {}
    # Forked workers start from this small process, not from one grown by earlier work.
    context = multiprocessing.get_context("fork")
    gc.collect()
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        for index, item in enumerate(pending):  # the slow steps first
            owner[pool.submit(_models_step, item.job.spec, item.target)] = (index, "models")
        for index, item in enumerate(pending):
            owner[pool.submit(_files_step, item.job.spec, item.target)] = (index, "files")
            if item.job.api is None:
                owner[pool.submit(_validate, item.job.spec)] = (index, "valid")
        waiting = set(owner)
        while waiting:
            done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            for future in done:
                index, step = owner[future]
                value = future.result()
                collected = results[index]
                if isinstance(collected, str):
                    continue  # this package failed already
                if step.startswith("black:"):
                    collected[step.removeprefix("black:")] = str(value)
                elif isinstance(value, str):
                    results[index] = value  # the step's failure
                else:
                    for path, text in _files_of(step, value):
                        if path.endswith(".py"):
                            follow: Future[object] = pool.submit(format_python, text)
                            owner[follow] = (index, f"black:{path}")
                            waiting.add(follow)
                        else:
                            collected[path] = text
    return results


def _files_of(step: str, value: object) -> list[tuple[str, str]]:
    if step == "models" and isinstance(value, tuple):
        return [value]
    if step == "files" and isinstance(value, dict):
        return list(value.items())
    return []


def _models_step(spec: Path, target: Target) -> tuple[str, str] | str:
    try:
        with paused_gc():
            return models_file(read_spec(spec, validate=False), target)
    except (SpecError, ModelsError) as exc:
        return str(exc)


def _files_step(spec: Path, target: Target) -> dict[str, str] | str:
    try:
        with paused_gc():
            return package_files(read_spec(spec, validate=False), target)
    except SpecError as exc:
        return str(exc)


def _validate(spec: Path) -> str | None:
    """Full OpenAPI validation of a file from outside the registry (releases had theirs)."""
    try:
        with paused_gc():
            read_spec(spec, validate=True)
    except SpecError as exc:
        return str(exc)
    return None
