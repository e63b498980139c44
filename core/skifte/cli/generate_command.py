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
    ApiFilterOption,
    OldReleaseOption,
    RegistryOption,
    ReleaseOption,
    err,
    fail,
    open_registry,
    release_filter,
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
    api: ApiFilterOption = None,
    release: ReleaseOption = None,
    version: OldReleaseOption = None,
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
    jobs = _jobs(specs or [], api, release_filter(release, version), name, registry)
    target = out or default_output()
    outcomes = _run_with_progress(jobs, target, check=check, force=force)
    _report(outcomes, check, shown_out=None if out is None else target)


def generate_releases(registry: Registry, out: Path) -> None:
    """Every release of a registry: the pipeline's generation step."""
    jobs = [_release_job(r) for r in registry.releases()]
    _report(_run_with_progress(jobs, out, check=False, force=False), check=False, shown_out=None)


def _jobs(
    specs: list[Path], api: str | None, version: str | None, name: str | None, registry: Path | None
) -> list[Job]:
    if specs:
        if api or version:
            fail("give either spec files or --api/--release, not both", EXIT_UNUSABLE)
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

    from skifte.generator import OutputError, run

    outcomes = []
    if not err.is_terminal:
        # No bar to draw (CI, a pipe): each package's line as soon as it is done.
        try:
            for outcome in run(jobs, out, check=check, force=force):
                outcomes.append(outcome)
                _print_outcome(outcome)
        except OutputError as exc:
            fail(str(exc), EXIT_UNUSABLE)
        return outcomes
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("checking" if check else "generating", total=len(jobs))
        try:
            for outcome in run(jobs, out, check=check, force=force):
                outcomes.append(outcome)
                progress.advance(task)
        except OutputError as exc:
            progress.stop()
            fail(str(exc), EXIT_UNUSABLE)
    for outcome in outcomes:
        _print_outcome(outcome)
    return outcomes


def _print_outcome(outcome: Outcome) -> None:
    """One line per package; a failure names its file, the step and where in the spec."""
    source = escape(outcome.job.source)
    where = escape(_shown(outcome.folder)) if outcome.folder else ""
    if outcome.status == "failed":
        first, *more = outcome.detail or ["(no detail)"]
        err.print(f"[bold red]failed[/]    {source}: {escape(first)}", soft_wrap=True)
        for line in more:
            err.print(f"  - {escape(line)}", soft_wrap=True)
    elif outcome.status == "stale":
        err.print(f"[yellow]stale[/]     {source} → {where}", soft_wrap=True)
        for path in outcome.detail:
            err.print(f"  {escape(path)}")
    else:
        colour = "green" if outcome.status in ("written", "current") else "dim"
        err.print(f"[{colour}]{outcome.status:<9}[/] {source} → {where}", soft_wrap=True)


def _report(outcomes: list[Outcome], check: bool, shown_out: Path | None) -> None:
    """The verdict over the packages (each has had its line): advice and exit status."""
    failed = [o for o in outcomes if o.status == "failed"]
    stale = [o for o in outcomes if o.status == "stale"]
    if stale and check:
        advice = escape(_update_advice(stale, shown_out))
        err.print(f"[bold red]{len(stale)} stale[/]: {advice}", soft_wrap=True)
    if failed and len(outcomes) > 1:
        err.print(f"[bold red]{len(failed)} of {len(outcomes)} failed[/]")
    if failed or stale:
        unusable = any(o.unusable for o in failed)
        raise typer.Exit(EXIT_UNUSABLE if unusable else EXIT_FAILED)


def _update_advice(stale: list[Outcome], shown_out: Path | None) -> str:
    """Registry releases update with `skifte generate`; a spec file needs its own command."""
    if any(o.job.api is None for o in stale):
        return "run the same command without --check to update them"
    if shown_out is None:
        return "run `skifte generate` to update generated/"
    return f"run `skifte generate --out {shown_out}` to update them"


def _shown(path: Path) -> str:
    """Relative to the working folder when inside it: shorter, and what the user typed."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
