"""After a run: delete exactly the records it created, and nothing else."""

from __future__ import annotations

import ssl
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

from skifte.api import Api
from skifte.api.paths import matches

from .credentials import Credentials
from .ledger import Ledger


@dataclass
class Cleanup:
    deleted: list[str] = field(default_factory=list)
    already_gone: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Created records the API offers no way to delete."""
    failed: list[str] = field(default_factory=list)


def clean_up(
    ledger: Ledger,
    api: Api,
    base_url: str,
    token_url: str,
    credentials: Credentials,
    *,
    parallel: int = 1,
) -> Cleanup:
    """`parallel` deletes at a time: more than one only where no one else is served."""
    outcome = Cleanup()
    created = [e["location"] for e in ledger.entries("created")]
    if not created:
        return outcome
    deleted_during_run = {
        e["url_path"]
        for e in ledger.entries("request")
        if e["method"] == "DELETE" and e["status"] < 300
    }
    deletable = [op.path for op in api.operations if op.method == "DELETE"]
    to_delete = []
    for location in dict.fromkeys(created):
        if location in deleted_during_run:
            outcome.already_gone.append(location)
        elif not any(matches(template, location) for template in deletable):
            outcome.kept.append(location)
        else:
            to_delete.append(location)
    if not to_delete:
        return outcome
    scopes = " ".join(s for scheme in api.security_schemes for s in scheme.scopes)
    with httpx.Client(base_url=base_url, verify=_tls(credentials), timeout=30) as http:
        try:
            token = _token(http, token_url, credentials, scopes)
        except httpx.HTTPError:
            outcome.failed.extend(to_delete)  # cannot authenticate: all remain
            return outcome

        def delete(location: str) -> int | None:
            try:
                response = http.delete(location, headers={"Authorization": f"Bearer {token}"})
            except httpx.HTTPError:
                return None
            return response.status_code

        with ThreadPoolExecutor(max_workers=max(parallel, 1)) as pool:
            statuses = list(pool.map(delete, to_delete))
    for location, status in zip(to_delete, statuses, strict=True):
        bucket = {204: outcome.deleted, 200: outcome.deleted, 404: outcome.already_gone}
        bucket.get(status or 0, outcome.failed).append(location)
    return outcome


def _token(http: httpx.Client, token_url: str, credentials: Credentials, scopes: str) -> str:
    """The same grant the run's hooks use, with the same scopes."""
    data = {"grant_type": "client_credentials"}
    if scopes:
        data["scope"] = scopes
    response = http.post(token_url, data=data, auth=(credentials.client_id, credentials.secret))
    response.raise_for_status()
    return str(response.json()["access_token"])


def _tls(credentials: Credentials) -> Any:
    if credentials.ca is None and credentials.cert is None:
        return True
    context = ssl.create_default_context(cafile=str(credentials.ca) if credentials.ca else None)
    if credentials.cert is not None:
        context.load_cert_chain(
            str(credentials.cert), str(credentials.key) if credentials.key else None
        )
    return context
