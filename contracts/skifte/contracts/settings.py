"""What the schemathesis process needs to know of a run, handed over in one JSON file.

The run writes it; the hooks, loaded inside schemathesis, read it. Secrets are
never in it: the client id and secret travel only in the environment.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the hooks read settings without loading the model
    from skifte.api import Api

SETTINGS_ENV = "SKIFTE_CONTRACT_SETTINGS"
HOOKS_MODULE = "skifte.contracts.hooks.entry"
"""What schemathesis imports (SCHEMATHESIS_HOOKS) to set the hooks up."""
RUN_HEADER = "X-Skifte-Run"
"""Every request of a run carries the run's id here: schemathesis sets it (`-H`) on the
run's own, the hooks on their looks, the clean-up on its deletes."""


def api_scopes(api: Api) -> tuple[str, ...]:
    """Every scope the release's security schemes name: a run may call every operation."""
    return tuple(s for scheme in api.security_schemes for s in scheme.scopes)


def token_request(scopes: tuple[str, ...]) -> dict[str, str]:
    """The client-credentials grant's form, one for the hooks and the clean-up."""
    data = {"grant_type": "client_credentials"}
    if scopes:
        data["scope"] = " ".join(scopes)
    return data


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
    on_behalf_of: str | None = None
    """The liquidator the client acts for: sent in X-Paa-Vegne-Af where a case sends one."""

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
