"""An integrator's app for the estate API (doedsbo 1.3.0), sync and async.

It does what a creditor's system does: finds estates page by page and reads how many
there are, files a claim (once letting the client choose the idempotency key, once
choosing it), uploads a PDF under its own name and reads it back, and handles a 404
and a refused connection through the package's one base exception.

    pip install generated/skifteportal-doedsbo-v1_3_0
    SKIFTE_CLIENT_ID=… SKIFTE_CLIENT_SECRET=… python examples/doedsbo_app.py \\
        https://localhost:8443 client.pem client-key.pem ca.pem bilag.pdf

All data it sends is fictitious (the CVR number is a test number).
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from skifteportal_doedsbo_v1_3_0 import (
    AsyncClient,
    Client,
    ClientCertificate,
    ClientCredentials,
    DoedsboError,
    NotFoundError,
    models,
)

NO_SUCH_CLAIM = uuid.UUID("00000000-0000-4000-8000-000000000000")
CLAIM = {
    "kravtype": "FORSYNING",
    "beloeb": 4375.5,
    "valuta": "DKK",
    "kreditor": {"navn": "Fiktiv Forsyning A/S", "cvrNummer": "91234572"},
    "beskrivelse": "Fiktivt krav: forbrug af el og vand.",
}


@dataclass
class Report:
    """What one run did, for the operator (and the tests)."""

    total_estates: int | None = None
    estates_read: int = 0
    claims: list[str] = field(default_factory=list)
    uploaded_name: str = ""
    read_back: bool = False
    handled: list[str] = field(default_factory=list)


def claim(amount: float) -> models.KravData:
    return models.KravData.model_validate({**CLAIM, "beloeb": amount})


def query() -> models.DoedsbojournalQuery:
    return models.DoedsbojournalQuery.model_validate({})


def run(
    base_url: str, credentials: ClientCredentials, certificate: ClientCertificate, pdf: Path
) -> Report:
    report = Report()
    with Client(base_url, credentials=credentials, certificate=certificate) as client:
        pages = client.iter_search_bo(query(), size=2)
        estates = [estate for estate, _ in zip(pages, range(5), strict=False)]
        report.total_estates, report.estates_read = pages.total, len(estates)
        estate = estates[0].doedsbojournal_id
        first = client.create_krav(estate, claim(1200.0))  # the client picks the key
        again = client.create_krav(estate, claim(800.0), idempotency_key=str(uuid.uuid4()))
        report.claims = [str(first.krav_id), str(again.krav_id)]
        bilag = client.upload_bilag(estate, fil=pdf, beskrivelse="Opgørelse (fiktiv)")
        report.uploaded_name = bilag.filnavn
        report.read_back = client.download_bilag(estate, bilag.bilag_id) == pdf.read_bytes()
        try:
            client.get_krav(estate, NO_SUCH_CLAIM)
        except DoedsboError as error:
            report.handled.append(_describe(error))
    with Client(_refusing(base_url), certificate=certificate, max_retries=0) as offline:
        try:
            offline.get_bo(estate)
        except DoedsboError as error:
            report.handled.append(_describe(error))
    return report


async def run_async(
    base_url: str, credentials: ClientCredentials, certificate: ClientCertificate, pdf: Path
) -> Report:
    report = Report()
    async with AsyncClient(base_url, credentials=credentials, certificate=certificate) as client:
        pages = client.iter_search_bo(query(), size=2)
        async for _found in pages:
            report.estates_read += 1
            if report.estates_read == 5:
                break
        report.total_estates = pages.total
        raw = await client.with_raw_response.search_bo(query(), size=1)
        estate = raw.parse()[0].doedsbojournal_id
        first = await client.create_krav(estate, claim(1200.0))
        again = await client.create_krav(estate, claim(800.0), idempotency_key=str(uuid.uuid4()))
        report.claims = [str(first.krav_id), str(again.krav_id)]
        bilag = await client.upload_bilag(estate, fil=pdf, beskrivelse="Opgørelse (fiktiv)")
        report.uploaded_name = bilag.filnavn
        content = await client.download_bilag(estate, bilag.bilag_id)
        report.read_back = content == pdf.read_bytes()
        try:
            await client.get_krav(estate, NO_SUCH_CLAIM)
        except DoedsboError as error:
            report.handled.append(_describe(error))
    async with AsyncClient(_refusing(base_url), certificate=certificate, max_retries=0) as offline:
        try:
            await offline.get_bo(estate)
        except DoedsboError as error:
            report.handled.append(_describe(error))
    return report


def _describe(error: DoedsboError) -> str:
    if isinstance(error, NotFoundError):
        return f"not found (request id {error.request_id})"
    return type(error).__name__


def _refusing(base_url: str) -> str:
    """The same host on port 9 (discard): nothing listens there, so it refuses."""
    scheme, _, rest = base_url.partition("://")
    host = rest.split("/", 1)[0].rsplit(":", 1)[0]
    return f"{scheme}://{host}:9"


def main(argv: list[str]) -> int:
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    base_url, cert, key, ca, pdf = argv
    certificate = ClientCertificate(Path(cert), Path(key), Path(ca))
    credentials = ClientCredentials.from_env()
    for report in (
        run(base_url, credentials, certificate, Path(pdf)),
        asyncio.run(run_async(base_url, credentials, certificate, Path(pdf))),
    ):
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
