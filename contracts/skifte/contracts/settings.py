"""What the schemathesis process needs to know of a run, handed over in one JSON file.

The run writes it; `hooks.py`, loaded inside schemathesis, reads it. Secrets are
never in it: the client id and secret travel only in the environment.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

SETTINGS_ENV = "SKIFTE_CONTRACT_SETTINGS"
RUN_HEADER = "X-Skifte-Run"
"""Every request of a run carries the run's id here (schemathesis sets it, `-H`)."""


@dataclass(frozen=True)
class HookSettings:
    run_id: str
    base_url: str
    token_url: str
    scopes: tuple[str, ...]
    cert: str | None
    key: str | None
    ca: str | None
    ledger: str
    """The run's folder: the hooks append what they saw (ledger.ndjson, for reports and
    clean-up) and write what the checks said (checks.json, outcomes.py) there."""
    paths: str
    """The release's path index (records.py `PathIndex`, JSON): which records a request needs."""
    token_refresh: int = 240
    max_requests: int | None = None
    """The run's request budget: requests past it are not sent."""

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")

    @classmethod
    def from_environment(cls) -> HookSettings:
        path = os.environ.get(SETTINGS_ENV)
        if not path:
            raise RuntimeError(
                f"{SETTINGS_ENV} is not set: the hooks run inside `skifte contract run`"
            )
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        data["scopes"] = tuple(data.get("scopes") or ())
        return cls(**data)
