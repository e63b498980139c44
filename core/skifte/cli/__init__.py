"""The `skifte` command line. Each module holds the commands of one part of the toolkit."""

from __future__ import annotations

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


app.command("pipeline")(pipeline_command)
app.command("import")(import_command)
app.command("fetch")(fetch_command)
app.command("release")(release_command)
app.command("releases")(releases_command)
app.command("export")(export_command)
app.command("verify")(verify_command)
app.command("generate")(generate_command)
app.command("build")(build_command)
app.command("diff")(diff_command)
app.command("changelog")(changelog_command)
app.command("upgrade-check")(upgrade_check_command)
app.add_typer(testenv_commands.app, name="testenv")
app.add_typer(contract_commands.app, name="contract")
app.command("readiness")(contract_commands.readiness_command)


def main() -> None:
    app()


__all__ = ["app", "main"]
