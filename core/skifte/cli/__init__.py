"""The `skifte` command line. Each module holds the commands of one part of the toolkit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from . import contract_commands, testenv_commands
from .build_command import build_command
from .diff_command import changelog_command, diff_command
from .generate_command import generate_command
from .pipeline import pipeline_command
from .registry_commands import export_command, import_command, releases_command, verify_command
from .release_commands import fetch_command, release_command
from .upgrade_command import upgrade_check_command

app = typer.Typer(
    name="skifte",
    help="Toolkit for the Skifteportalen API: registry, code generation, diff, test environment.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version  # only here: it costs a fifth of startup

        print(f"skifte {version('skifte')}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            is_eager=True,
            callback=_print_version,
            help="Print the toolkit's version and exit.",
        ),
    ] = False,
) -> None:
    """Toolkit for the Skifteportalen API: registry, code generation, diff, test environment."""


_COMMANDS: dict[str, Callable[..., None]] = {
    "pipeline": pipeline_command,
    "import": import_command,
    "fetch": fetch_command,
    "release": release_command,
    "releases": releases_command,
    "export": export_command,
    "verify": verify_command,
    "generate": generate_command,
    "build": build_command,
    "diff": diff_command,
    "changelog": changelog_command,
    "upgrade-check": upgrade_check_command,
}
for _name, _command in _COMMANDS.items():
    app.command(_name)(_command)
app.add_typer(testenv_commands.app, name="testenv")
app.add_typer(contract_commands.app, name="contract")
app.command("readiness")(contract_commands.readiness_command)


def main() -> None:
    app()


__all__ = ["app", "main"]
