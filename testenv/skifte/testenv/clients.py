"""Registered clients as the server keeps them: ids, hashed secrets, certificate fingerprints."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True)
class ClientRecord:
    client_id: str
    secret_hash: str
    """scrypt$<salt>$<hash>, both base64."""
    cert_sha256: str
    """The registered certificate's thumbprint (RFC 8705 x5t#S256 form)."""


def hash_secret(secret: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def secret_matches(secret: str, stored: str) -> bool:
    try:
        scheme, salt, _ = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    return hmac.compare_digest(hash_secret(secret, base64.b64decode(salt)), stored)


def thumbprint(der: bytes) -> str:
    """base64url(SHA-256(DER)) without padding: the `x5t#S256` of RFC 8705."""
    return base64.urlsafe_b64encode(hashlib.sha256(der).digest()).rstrip(b"=").decode()


def save_clients(path: Path, records: list[ClientRecord]) -> None:
    text = json.dumps([asdict(r) for r in records], indent=2) + "\n"
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    temporary.replace(path)


def load_clients(path: Path) -> dict[str, ClientRecord]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        records = [ClientRecord(**item) for item in raw]
    except (OSError, ValueError, TypeError) as exc:
        raise ValueError(f"{path}: not a clients file ({exc})") from None
    return {r.client_id: r for r in records}
