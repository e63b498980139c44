"""`skifte generate`: one installable package per release, or per given spec file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from skifte.registry import Registry, Release

from ._common import (
    CHECKOUT,
    EXIT_FAILED,
    EXIT_UNUSABLE,
    RegistryOption,
    err,
    fail,
    open_registry,
    reported_errors,
)

if TYPE_CHECKING:  # the generator (and black) load only when a command generates
    from skifte.generator import Job, Outcome


def default_output() -> Path:
    """The project's generated/ when run from a checkout, else ./generated."""
    return CHECKOUT / "generated" if (CHECKOUT / "pyproject.toml").is_file() else Path("generated")


def generate_command(
    specs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[SPEC]...", help="Spec files outside the registry (any OpenAPI 3.0/3.1)."
        ),
    ] = None,
    api: Annotated[str | None, typer.Option("--api", metavar="NAME", help="Only this API.")] = None,
    version: Annotated[
        str | None, typer.Option("--version", metavar="V", help="Only this version.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 listing stale files.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help="Output folder (default: generated/)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Package name stem for a spec file (default: info.title)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Regenerate even what is current.")
    ] = False,
    registry: RegistryOption = None,
) -> None:
    """Generate typed models and sync/async clients, one package per release."""
    jobs = _jobs(specs or [], api, version, name, registry)
    outcomes = _run_with_progress(jobs, out or default_output(), check=check, force=force)
    _report(outcomes, check)


def generate_releases(registry: Registry, out: Path) -> None:
    """Every release of a registry: the pipeline's generation step."""
    jobs = [_release_job(r) for r in registry.releases()]
    _report(_run_with_progress(jobs, out, check=False, force=False), check=False)


def _jobs(
    specs: list[Path], api: str | None, version: str | None, name: str | None, registry: Path | None
) -> list[Job]:
    if specs:
        if api or version:
            fail("give either spec files or --api/--version, not both", EXIT_UNUSABLE)
        if name and len(specs) > 1:
            fail("--name names one package: give one spec file with it", EXIT_UNUSABLE)
        from skifte.generator import Job

        return [Job(spec=path, source=path.name, name=name) for path in specs]
    with reported_errors():
        store = open_registry(registry)
        releases = [store.release(api, version)] if api and version else store.releases(api)
        if version and not api:
            releases = [r for r in releases if r.version == version]
    if not releases:
        fail(f"no release matches in {store.root}", EXIT_UNUSABLE)
    return [_release_job(r) for r in releases]


def _release_job(release: Release) -> Job:
    from skifte.generator import Job

    return Job(spec=release.spec_path, source=release.ref, api=release.api, version=release.version)


def _run_with_progress(jobs: list[Job], out: Path, *, check: bool, force: bool) -> list[Outcome]:
    from rich.progress import (  # loaded by the commands that show progress only
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from skifte.generator import run

    outcomes = []
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("checking" if check else "generating", total=len(jobs))
        for outcome in run(jobs, out, check=check, force=force):
            outcomes.append(outcome)
            progress.advance(task)
    return outcomes


def _report(outcomes: list[Outcome], check: bool) -> None:
    failed = stale = 0
    for outcome in outcomes:
        where = escape(_shown(outcome.folder)) if outcome.folder else ""
        if outcome.status == "failed":
            failed += 1
            err.print(f"[bold red]failed[/]    {outcome.job.source}")
            for line in outcome.detail:
                err.print(f"  {escape(line)}", soft_wrap=True)
        elif outcome.status == "stale":
            stale += 1
            err.print(f"[yellow]stale[/]     {outcome.job.source} → {where}")
            for path in outcome.detail:
                err.print(f"  {escape(path)}")
        else:
            colour = "green" if outcome.status in ("written", "current") else "dim"
            err.print(f"[{colour}]{outcome.status:<9}[/] {outcome.job.source} → {where}")
    if failed or stale:
        what = f"{stale} stale" if check and stale else f"{failed} failed"
        err.print(f"[bold red]{what}[/]: run `skifte generate` to update generated/")
        raise typer.Exit(EXIT_FAILED)


def _shown(path: Path) -> str:
    """Relative to the working folder when inside it: shorter, and what the user typed."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
