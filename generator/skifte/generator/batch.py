"""Generate (or check) many packages: skip what is current, build the rest in parallel.

A package is built in steps that run side by side in worker processes: the
models (datamodel-code-generator, the slow step), the other files (templates),
full validation of a spec file from outside the registry, and black on each
Python file as soon as its text exists.
"""

from __future__ import annotations

import hashlib
import importlib
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from skifte.gc_pause import frozen_for_fork, paused_gc
from skifte.spec import SpecDocument, read_spec

from .failure import Failure, failure_of
from .output import check_writable, is_current, manifest_for, stale_files, write_package
from .target import Target

T = TypeVar("T")

# The generating modules (datamodel-code-generator, black, jinja2) load only when a package
# is built: a run that finds every package current needs none of them.
_GENERATING = ("skifte.generator.build", "skifte.generator.formatting")


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
    """Stale: the stale files. Failed: one line (step, JSON pointer, cause), then any more."""
    unusable: bool = False
    """Failed because the input cannot be used, not because generation went wrong."""


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
    """Yield one outcome per job, in job order.

    Raises OutputError, before generating anything, when `out` cannot be written."""
    pending: list[_Pending] = []
    for job in jobs:
        folder = _current_release(job, out) if not (check or force) else None
        if folder is not None:
            yield Outcome(job, folder, "unchanged")
            continue
        try:
            document = read_spec(job.spec, validate=False)
            target = _target(job, document.title, document.version)
        except Exception as exc:  # reported as the job's failure
            yield _failed(job, None, failure_of("reading", exc))
            continue
        folder = out / target.distribution
        if not check and not force and is_current(folder, document.content_sha256):
            yield Outcome(job, folder, "unchanged")
            continue
        pending.append(_Pending(job, target, folder, document.content_sha256))
        del document  # workers fork from this process: keep it small
    if pending and not check:
        check_writable(out)
    for module in _GENERATING if pending else ():
        importlib.import_module(module)  # before the workers fork, so they share it
    count = min(workers or os.cpu_count() or 1, 2 * len(pending))
    built = _sequential(pending) if count <= 1 else _parallel(pending, count)
    for item, files in zip(pending, built, strict=True):
        if isinstance(files, Failure):
            yield _failed(item.job, item.folder, files)
        elif check:
            manifest = manifest_for(files, item.spec_sha256, item.job.source)
            stale = stale_files(item.folder, files, manifest)
            yield Outcome(item.job, item.folder, "stale" if stale else "current", stale)
        else:
            manifest = manifest_for(files, item.spec_sha256, item.job.source)
            try:
                write_package(item.folder, files, manifest)
            except OSError as exc:
                yield _failed(item.job, item.folder, failure_of("writing", exc))
                continue
            yield Outcome(item.job, item.folder, "written")


def _current_release(job: Job, out: Path) -> Path | None:
    """A registry release's package folder when it is current, judged without parsing the spec.

    The stored file is the normalised text whose hash the package's manifest records, so
    equal hashes of its bytes mean the same content; anything else takes the full path."""
    if job.api is None or job.version is None:
        return None
    folder = out / Target.for_release(job.api, job.version).distribution
    try:
        digest = hashlib.sha256(job.spec.read_bytes()).hexdigest()
    except OSError:
        return None  # reading it again below reports the problem
    return folder if is_current(folder, digest) else None


def _failed(job: Job, folder: Path | None, failure: Failure) -> Outcome:
    return Outcome(job, folder, "failed", [failure.describe(), *failure.more], failure.unusable)


def _target(job: Job, title: str, version: str) -> Target:
    if job.api is not None:
        return Target.for_release(job.api, job.version or version)
    return Target.for_document_title(title, version, job.name)


def _sequential(pending: list[_Pending]) -> Iterator[dict[str, str] | Failure]:
    for item in pending:
        problem = _validate(item.job.spec) if item.job.api is None else None
        yield problem if problem is not None else _build_one((item.job.spec, item.target))


def _build_one(item: tuple[Path, Target]) -> dict[str, str] | Failure:
    """The steps of one package, one after the other, in this process."""
    spec, target = item
    models = _models_step(spec, target)
    if isinstance(models, Failure):
        return models
    files = _files_step(spec, target)
    if isinstance(files, Failure):
        return files
    built = {}
    for path, text in [models, *files.items()]:
        formatted = _black_step(path, text) if path.endswith(".py") else text
        if isinstance(formatted, Failure):
            return formatted
        built[path] = formatted
    return built


def _parallel(pending: list[_Pending], count: int) -> list[dict[str, str] | Failure]:
    """Every step of every package in one pool; black starts on a file once its text exists,
    on a large module in parts (formatting.split_module) that the workers share."""
    from .formatting import join_parts, split_module

    results: list[dict[str, str] | Failure] = [{} for _ in pending]
    owner: dict[Future[object], tuple[int, str]] = {}
    parts: dict[tuple[int, str], list[str | None]] = {}
    """Formatted parts of a module cut in parts, None while a part is in the pool."""
    context = multiprocessing.get_context("fork")
    with frozen_for_fork(), ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:

        def submit(index: int, step: str, function: Callable[..., object], *args: object) -> None:
            try:
                owner[pool.submit(function, *args)] = (index, step)
            except BrokenProcessPool:
                results[index] = _WORKER_LOST

        def format_later(index: int, path: str, text: str) -> None:
            cut = split_module(text)
            if len(cut) > 1:
                parts[index, path] = [None] * len(cut)
            for number, part in enumerate(cut):
                step = f"black:{path}" if len(cut) == 1 else f"black:{path}#{number}"
                submit(index, step, _black_step, path, part)

        def formatted(index: int, step: str, text: str) -> tuple[str, str] | None:
            """(path, formatted module) once the module, or its last part, is formatted."""
            path, _, number = step.removeprefix("black:").partition("#")
            if not number:
                return path, text
            done = parts[index, path]
            done[int(number)] = text
            if any(part is None for part in done):
                return None
            del parts[index, path]
            return path, join_parts([part for part in done if part is not None])

        for index, item in enumerate(pending):  # the slow steps first
            submit(index, "models", _models_step, item.job.spec, item.target)
        for index, item in enumerate(pending):
            submit(index, "files", _files_step, item.job.spec, item.target)
            if item.job.api is None:
                submit(index, "valid", _validate, item.job.spec)
        while owner:
            done, _ = wait(set(owner), return_when=FIRST_COMPLETED)
            for future in done:
                index, step = owner.pop(future)
                value = _result(future, step)
                collected = results[index]
                invalid = isinstance(value, Failure) and value.unusable
                if isinstance(value, Failure) and (invalid or isinstance(collected, dict)):
                    results[index] = value  # an invalid spec explains any other failure
                elif isinstance(collected, Failure) or isinstance(value, Failure):
                    continue  # this package failed already
                elif step.startswith("black:"):
                    module = formatted(index, step, str(value))
                    if module is not None:
                        collected[module[0]] = module[1]
                else:
                    for path, text in _files_of(step, value):
                        if path.endswith(".py"):
                            format_later(index, path, text)
                        else:
                            collected[path] = text
    return results


_WORKER_LOST = Failure(
    "generation", "a worker process stopped unexpectedly (killed, or out of memory)"
)
_STEPS = {
    "models": "generating models.py",
    "files": "generating the client files",
    "valid": "validation",
}


def _step_name(step: str) -> str:
    if step.startswith("black:"):
        return f"formatting {step.removeprefix('black:').partition('#')[0]} with black"
    return _STEPS.get(step, step)


def _result(future: Future[object], step: str) -> object:
    """The step's value; a worker that died or a value that could not travel is its failure."""
    try:
        return future.result()
    except BrokenProcessPool:  # which step's worker died is unknown: every pending step fails
        return _WORKER_LOST
    except Exception as exc:  # reported as the package's failure
        return failure_of(_step_name(step), exc)


def _files_of(step: str, value: object) -> list[tuple[str, str]]:
    if step == "models" and isinstance(value, tuple):
        return [value]
    if step == "files" and isinstance(value, dict):
        return list(value.items())
    return []


# The steps below run in worker processes: each returns its failure instead of raising.


def _models_step(spec: Path, target: Target) -> tuple[str, str] | Failure:
    from .build import models_file

    return _from_spec("generating models.py", models_file, spec, target)


def _files_step(spec: Path, target: Target) -> dict[str, str] | Failure:
    from .build import package_files

    return _from_spec("generating the client files", package_files, spec, target)


def _from_spec(
    step: str, make: Callable[[SpecDocument, Target], T], spec: Path, target: Target
) -> T | Failure:
    """`make` applied to the spec file, read in this worker (documents do not travel)."""
    try:
        with paused_gc():
            return make(read_spec(spec, validate=False), target)
    except Exception as exc:
        return failure_of(step, exc)


def _black_step(path: str, text: str) -> str | Failure:
    from .formatting import format_python

    try:
        return format_python(text)
    except Exception as exc:
        return failure_of(f"formatting {path} with black", exc)


def _validate(spec: Path) -> Failure | None:
    """Full OpenAPI validation of a file from outside the registry (releases had theirs)."""
    try:
        with paused_gc():
            read_spec(spec, validate=True)
    except Exception as exc:
        return failure_of("validation", exc)
    return None
