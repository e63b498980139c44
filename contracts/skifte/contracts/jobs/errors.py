"""How a job says it could not do its work, in two kinds the command line maps to exit 2 and 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..credentials import CredentialsError
from ..matrix_plan import MatrixError
from ..readiness import NeedsError
from ..target import TargetError


class UnusableInput(Exception):
    """The input cannot be used (credentials, a target, a needs file, a cell): nothing
    was run or written."""


class RunIncomplete(Exception):
    """A contract run started and could not finish (no schemathesis, a stand-in that
    would not start, ...)."""


@contextmanager
def unusable_input(prefix: str = "") -> Iterator[None]:
    """The lower parts' errors of unusable input, as `UnusableInput`."""
    try:
        yield
    except (CredentialsError, MatrixError, NeedsError, TargetError) as exc:
        raise UnusableInput(f"{prefix}{exc}") from exc
