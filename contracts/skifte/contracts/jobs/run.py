"""One contract run: its credentials (the stand-in's certificates made on first use),
the run, and its reports (runner.py writes them into the run's folder)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .. import runner
from ..credentials import Credentials, load_credentials
from .errors import RunIncomplete, UnusableInput, unusable_input

Say = Callable[[str], None]


def ensure_certificates(folder: Path) -> Path:
    """The stand-in's test CA and client certificates, made on first use."""
    from skifte.testenv.certs import ensure_certs

    try:
        return ensure_certs(folder)
    except FileExistsError as exc:  # a folder of other files: never overwritten
        raise UnusableInput(f"no certificates for the stand-in: {exc}") from None


def contract_credentials(certs: Path | None, client: str | None, *, local: bool) -> Credentials:
    """Whose run it is (credentials.py). Against the local stand-in (`local`), `certs` is
    its certificates folder, made here when it does not exist yet."""
    if local and certs is not None:
        ensure_certificates(certs)
    with unusable_input():
        return load_credentials(certs, client)


def run_contract(
    options: runner.RunOptions,
    credentials: Credentials,
    say: Say,
    progress: Say | None = None,
) -> runner.RunOutcome:
    """A contract run and its reports (none for a dry run); `say` hears what the run
    does, `progress` (default: `say`) how far it got."""
    with unusable_input(f"cannot test {options.target_url}: "):  # nothing was sent or written
        try:
            return runner.run_contract(options, credentials, say=say, progress=progress)
        except (OSError, RuntimeError) as exc:
            raise RunIncomplete(f"the contract run could not complete: {exc}") from exc
