"""What the programme hands an approved applicant, made locally: CA, certificates, credentials.

`init_certs` writes, into one folder:
    ca.pem, ca-key.pem                the test CA standing in for the OCES3 test CA
    server.pem, server-key.pem        the stand-in's certificate (localhost, 127.0.0.1, ::1)
    <client-id>.pem, <client-id>-key.pem   one certificate per registered client
    <client-id>.env                   SKIFTE_CLIENT_ID and SKIFTE_CLIENT_SECRET (mode 0600)
    clients.json                      what the server keeps: ids, hashed secrets, certificate
                                      fingerprints; never a secret
Private keys and credential files are created with mode 0600.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from .clients import ClientRecord, hash_secret, save_clients, thumbprint

CA_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
SERVER_CERT_FILE = "server.pem"
SERVER_KEY_FILE = "server-key.pem"
CLIENTS_FILE = "clients.json"
_VALIDITY = dt.timedelta(days=365)


@dataclass(frozen=True)
class ClientFiles:
    client_id: str
    cert: Path
    key: Path
    env: Path


def client_files(folder: Path, client_id: str) -> ClientFiles:
    return ClientFiles(
        client_id,
        folder / f"{client_id}.pem",
        folder / f"{client_id}-key.pem",
        folder / f"{client_id}.env",
    )


def client_ids(count: int) -> list[str]:
    return [f"testklient-{n:02d}" for n in range(1, count + 1)]


def certs_exist(folder: Path) -> bool:
    needed = (CA_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE, CLIENTS_FILE)
    return all((folder / name).is_file() for name in needed)


def ensure_certs(folder: Path, clients: int = 2) -> Path:
    """The folder's certificates, made on first use: the one place they are created when
    missing. A folder of other files is never overwritten (`init_certs` refuses it)."""
    if not certs_exist(folder):
        init_certs(folder, clients)
    return folder


def init_certs(folder: Path, clients: int = 2, *, now: dt.datetime | None = None) -> list[str]:
    """Create the folder's content; refuse to overwrite an existing one. Returns the client ids."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty: keep its certificates or remove it first")
    if clients < 1:
        raise ValueError("at least one client is needed")
    now = now or dt.datetime.now(dt.UTC)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        ids = _write_all(staging, clients, now)
        if folder.exists():
            folder.rmdir()
        staging.chmod(0o700)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ids


def _write_all(folder: Path, clients: int, now: dt.datetime) -> list[str]:
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("Skifte lokal test-CA (OCES3-stand-in)")
    ca_cert = (
        _builder(ca_name, ca_name, ca_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    _write_pem(folder / CA_FILE, ca_cert.public_bytes(serialization.Encoding.PEM))
    _write_secret(folder / CA_KEY_FILE, _key_pem(ca_key))

    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        _builder(_name("localhost"), ca_name, server_key.public_key(), now)
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                    x509.IPAddress(ipaddress.ip_address("::1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    _write_pem(folder / SERVER_CERT_FILE, server_cert.public_bytes(serialization.Encoding.PEM))
    _write_secret(folder / SERVER_KEY_FILE, _key_pem(server_key))

    records = []
    for client_id in client_ids(clients):
        files = client_files(folder, client_id)
        key = ec.generate_private_key(ec.SECP256R1())
        cert = (
            _builder(_name(client_id), ca_name, key.public_key(), now)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        _write_pem(files.cert, cert.public_bytes(serialization.Encoding.PEM))
        _write_secret(files.key, _key_pem(key))
        secret = secrets.token_urlsafe(32)
        _write_secret(
            files.env, f"SKIFTE_CLIENT_ID={client_id}\nSKIFTE_CLIENT_SECRET={secret}\n".encode()
        )
        records.append(
            ClientRecord(
                client_id=client_id,
                secret_hash=hash_secret(secret),
                cert_sha256=thumbprint(cert.public_bytes(serialization.Encoding.DER)),
            )
        )
    save_clients(folder / CLIENTS_FILE, records)
    return [r.client_id for r in records]


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DK"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Skifte test (fiktiv)"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _builder(
    subject: x509.Name, issuer: x509.Name, key: ec.EllipticCurvePublicKey, now: dt.datetime
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + _VALIDITY)
    )


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _write_pem(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    path.chmod(0o644)


def _write_secret(path: Path, content: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
