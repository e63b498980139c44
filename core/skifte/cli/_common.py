"""What every command shares: the registry option, consoles, and how errors end a command."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from skifte.registry import Registry, RegistryError, Release, ReleaseConflict
from skifte.spec import SpecError

from .config import Config, ConfigError, load_config

if TYPE_CHECKING:  # the stand-in's faults load when a command is given one
    from skifte.testenv.faults import ActiveFault

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

EXIT_FAILED = 1
"""The command ran and found something wrong (a refused import, a failed check)."""
EXIT_UNUSABLE = 2
"""The input could not be used at all (a broken spec, an unknown release)."""

# core/skifte/cli/_common.py → the checkout's root, when running from one.
CHECKOUT = Path(__file__).resolve().parents[3]


def config() -> Config:
    """The project's [tool.skifte] settings (config.py); an unusable file ends the command."""
    try:
        return load_config()
    except ConfigError as exc:
        fail(str(exc), EXIT_UNUSABLE)


def default_registry() -> Path:
    """SKIFTE_REGISTRY, else [tool.skifte] registry, else the project's own specs/ (in a
    checkout), else ./specs."""
    if env := os.environ.get("SKIFTE_REGISTRY"):
        return Path(env)
    if configured := config().path("registry"):
        return configured
    own = CHECKOUT / "specs"
    return own if (CHECKOUT / "pyproject.toml").is_file() and own.is_dir() else Path("specs")


def default_report_dir() -> Path:
    return config().path("report-dir") or Path("reports")


def testenv_home() -> Path:
    """The stand-in's folder: `.skifte/testenv` in the checkout, else in the working folder."""
    base = CHECKOUT if (CHECKOUT / "pyproject.toml").is_file() else Path()
    return base / ".skifte" / "testenv"


def default_certs() -> Path:
    """Where `testenv init` output lives unless --certs (or [tool.skifte] certs) says otherwise."""
    return config().path("certs") or testenv_home() / "certs"


RegistryOption = Annotated[
    Path | None,
    typer.Option(
        "--registry", metavar="DIR", help="Registry folder (default: the project's specs/)."
    ),
]


ApiOption = Annotated[str, typer.Option("--api", metavar="NAME", help="API name, e.g. doedsbo.")]
ApiFilterOption = Annotated[
    str | None, typer.Option("--api", metavar="NAME", help="Only this API.")
]
ReleaseOption = Annotated[
    str | None,
    typer.Option("--release", metavar="V", help="A release of the API, e.g. 1.3.0."),
]
OldReleaseOption = Annotated[
    str | None,
    typer.Option("--version", metavar="V", hidden=True, help="Old spelling of --release."),
]


def release_filter(release: str | None, old_spelling: str | None) -> str | None:
    """--release, or its old spelling --version (easily read as the toolkit's own version)."""
    if old_spelling is not None:
        err.print("[yellow]note:[/] --version here is deprecated: say --release")
        if release is not None and release != old_spelling:
            fail(f"--release {release} and --version {old_spelling} disagree", EXIT_UNUSABLE)
    return release or old_spelling


def checked_faults(
    texts: Iterable[str] | None, served: Callable[[], Iterable[Release]] | None = None
) -> tuple[ActiveFault, ...]:
    """`--fault NAME[:operationId]` values read once, here. An unknown name ends the command
    with exit 2 and the list of known faults; so does an operationId that none of `served()`
    has (the releases whose behaviour the stand-in serves), with the closest known ids."""
    from skifte.testenv.faults import ActiveFault, UnknownFault, check_aims

    try:
        faults = tuple(ActiveFault.parse(text) for text in texts or ())
        if served is not None and any(fault.operation_id for fault in faults):
            with reported_errors():
                releases = list(served())
            check_aims(faults, {release.ref: _operation_ids(release) for release in releases})
    except UnknownFault as exc:
        fail(str(exc), EXIT_UNUSABLE)
    return faults


def stand_in_behaviours(
    registry: Path, apis: Iterable[str], behave_as: Iterable[str], only: str | None = None
) -> list[Release]:
    """The releases whose behaviour the stand-in serves, given `--api` and `--behave-as`
    (its own choice, `served_releases`); `only` this API's, when given."""
    from skifte.testenv.environment import served_releases

    pairs = served_releases(Registry(registry), tuple(apis), tuple(behave_as))
    return [behaving for _, behaving in pairs if only in (None, behaving.api)]


def _operation_ids(release: Release) -> list[str]:
    from skifte.api import build_api

    operations = build_api(release.read()).operations
    return [op.operation_id for op in operations if op.operation_id]


FaultOption = Annotated[
    list[str] | None,
    typer.Option(
        "--fault",
        metavar="NAME[:operationId]",
        help="A contract violation for the stand-in to commit (`skifte testenv faults`).",
    ),
]


CertsOption = Annotated[
    Path | None,
    typer.Option(
        "--certs",
        metavar="DIR",
        help="Certificates and credentials, as `testenv init` writes them.",
    ),
]
NeedsOption = Annotated[
    Path | None,
    typer.Option(
        "--needs",
        metavar="FILE",
        help="TOML: need → api and operations (default: [tool.skifte] needs).",
    ),
]
GeneratedOption = Annotated[
    Path | None,
    typer.Option("--generated", metavar="DIR", help="Generated packages (default: generated/)."),
]
PackagesOption = Annotated[
    Path | None,
    typer.Option("--out", metavar="DIR", help="Where packages go (default: generated/)."),
]
ReportOption = Annotated[
    Path | None,
    typer.Option("--report-dir", metavar="DIR", help="Where reports go (default: reports/)."),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress lines: only results and errors.")
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Progress every second instead of every 5 s.")
]


class FailOn(StrEnum):
    breaking = "breaking"
    warning = "warning"
    never = "never"


FailOnOption = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Exit 1 when a change of this level or worse is found."),
]


def progress(quiet: bool) -> Callable[[str], None]:
    """Where long work says how far it got: stderr, line by line (CI logs show each line
    as it comes), or nowhere with --quiet."""
    if quiet:
        return lambda text: None
    return lambda text: err.print(escape(text), style="dim", soft_wrap=True)


def progress_seconds(verbose: bool) -> float:
    return 1.0 if verbose else 5.0


def registry_root(path: Path | None, *, creating: bool = False) -> Path:
    """The registry folder to work on. One that does not exist, is a file, or (unless a
    release is being filed) holds no release ends the command with exit 2."""
    root = path if path is not None else default_registry()
    if path is not None:
        source = "--registry"
    elif os.environ.get("SKIFTE_REGISTRY"):
        source = "SKIFTE_REGISTRY"
    elif (settings := config()).path("registry"):
        source = f"registry in {settings.source}"
    else:
        source = "the default"
    if root.exists() and not root.is_dir():
        fail(f"the registry {root} ({source}) is a file, not a folder", EXIT_UNUSABLE)
    if creating:
        return root
    if not root.is_dir():
        fail(f"the registry {root} ({source}) does not exist", EXIT_UNUSABLE)
    if not Registry(root).apis():
        fail(
            f"the registry {root} ({source}) holds no release: file one with "
            "`skifte import FILE --api NAME`",
            EXIT_UNUSABLE,
        )
    return root


def open_registry(path: Path | None, *, creating: bool = False) -> Registry:
    return Registry(registry_root(path, creating=creating))


ErrorTypes = tuple[type[Exception], ...]


@contextmanager
def reported_errors(unusable: ErrorTypes = (), failed: ErrorTypes = ()) -> Iterator[None]:
    """Turn the toolkit's expected errors, and those the command names, into a message and
    an exit status, never a traceback: 2 for unusable input, 1 for a failed check."""
    try:
        yield
    except (*unusable, *failed) as exc:  # the command's own word comes first
        fail(str(exc), EXIT_UNUSABLE if isinstance(exc, unusable) else EXIT_FAILED)
    except ReleaseConflict as exc:
        fail(str(exc), EXIT_FAILED)
    except (SpecError, RegistryError) as exc:
        fail(str(exc), EXIT_UNUSABLE)


def fail(message: str, status: int) -> NoReturn:
    err.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(status)
