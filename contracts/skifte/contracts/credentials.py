"""Whose run it is: client id and secret, certificate, key and CA.

The id and secret come from the environment (SKIFTE_CLIENT_ID, SKIFTE_CLIENT_SECRET) or
from a credentials file as `skifte testenv init` writes it; never from the command line,
where other users of the machine could read them. The liquidator the organisation acts
for (sent in X-Paa-Vegne-Af) comes the same way, from SKIFTE_PAA_VEGNE_AF.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

ID_VARIABLE = "SKIFTE_CLIENT_ID"
SECRET_VARIABLE = "SKIFTE_CLIENT_SECRET"  # noqa: S105 - the name, not a secret
ON_BEHALF_VARIABLE = "SKIFTE_PAA_VEGNE_AF"


class CredentialsError(Exception):
    pass


@dataclass(frozen=True)
class Credentials:
    client_id: str
    secret: str = field(repr=False)
    cert: Path | None = None
    key: Path | None = None
    ca: Path | None = None
    on_behalf_of: str | None = None
    """The liquidator the organisation is associated with, if any."""

    def __repr__(self) -> str:
        return f"Credentials(client_id={self.client_id!r}, secret='***', cert={self.cert})"

    def environment(self) -> dict[str, str]:
        """For the schemathesis process: the secret travels here, never in arguments."""
        return {ID_VARIABLE: self.client_id, SECRET_VARIABLE: self.secret}


def load_credentials(
    certs: Path | None,
    client: str | None = None,
    *,
    cert: Path | None = None,
    key: Path | None = None,
    ca: Path | None = None,
) -> Credentials:
    """From the environment, else from `<certs>/<client>.env` (the first client without one)."""
    client_id, secret = os.environ.get(ID_VARIABLE), os.environ.get(SECRET_VARIABLE)
    on_behalf_of = os.environ.get(ON_BEHALF_VARIABLE)
    if not (client_id and secret):
        env_file = _env_file(certs, client)
        values = _read_env_file(env_file)
        client_id, secret = values.get(ID_VARIABLE), values.get(SECRET_VARIABLE)
        on_behalf_of = values.get(ON_BEHALF_VARIABLE)
        if not (client_id and secret):
            raise CredentialsError(f"{env_file} lacks {ID_VARIABLE} or {SECRET_VARIABLE}")
    if certs is not None:
        cert = cert or certs / f"{client_id}.pem"
        key = key or certs / f"{client_id}-key.pem"
        ca = ca or certs / "ca.pem"
    for path in (cert, key, ca):
        if path is not None and not path.is_file():
            raise CredentialsError(f"{path} does not exist")
    return Credentials(client_id, secret, cert, key, ca, on_behalf_of or None)


def _env_file(certs: Path | None, client: str | None) -> Path:
    if certs is None:
        raise CredentialsError(
            f"no credentials: set {ID_VARIABLE} and {SECRET_VARIABLE}, or pass --certs DIR"
        )
    if client is not None:
        return certs / f"{client}.env"
    found = sorted(certs.glob("*.env"))
    if not found:
        raise CredentialsError(f"no <client-id>.env in {certs}")
    return found[0]


def _read_env_file(path: Path) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CredentialsError(f"{path}: {exc.strerror}") from None
    values = {}
    for line in lines:
        name, sep, value = line.partition("=")
        if sep and not name.lstrip().startswith("#"):
            values[name.strip()] = value.strip().strip("'\"")
    return values
