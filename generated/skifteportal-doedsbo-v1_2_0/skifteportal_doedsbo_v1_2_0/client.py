"""Clients for Api til dødsbojournaler 1.2.0: `Client` (sync) and `AsyncClient`.

One method per operation, named after its operationId. Arguments: path
parameters and the body positionally, everything else by keyword.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from types import TracebackType
from typing import Any, Literal
from uuid import UUID

import httpx

from ._call import Call, FileContent, dump, file_part, form_value, parse, total_count
from .auth import ClientCertificate, ClientCredentials, TokenCache, token_url_for
from .errors import error_for
from .models import (
    Bilag,
    Doedsbojournal,
    DoedsbojournalAendringer,
    DoedsbojournalQuery,
    Effektfortegnelse,
    EffektfortegnelseData,
    Forespoergsel,
    ForespoergselData,
    Krav,
    KravData,
    Tilgodehavende,
    TilgodehavendeData,
)

__all__ = ["AsyncClient", "Client"]

DEFAULT_TIMEOUT = 30.0
USER_AGENT = "skifteportal-doedsbo-v1_2_0/1.2.0"


def _http_options(
    base_url: str,
    certificate: ClientCertificate | None,
    timeout: float,
    headers: Mapping[str, str] | None,
) -> dict[str, Any]:
    options: dict[str, Any] = {
        "base_url": base_url,
        "timeout": timeout,
        "headers": {"User-Agent": USER_AGENT, **(headers or {})},
    }
    if certificate is not None:
        options["verify"] = certificate.ssl_context()
    return options


class Client:
    """Synchronous client. Use as a context manager, or call `close()`.

    `base_url` has no default on purpose: choose an environment
    (`auth.SERVERS`) or a local stand-in explicitly.
    """

    def __init__(
        self,
        base_url: str,
        *,
        credentials: ClientCredentials | None = None,
        certificate: ClientCertificate | None = None,
        token_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._http = httpx.Client(
            transport=transport,
            **_http_options(base_url, certificate, timeout, headers),
        )
        self._tokens = (
            TokenCache(credentials, token_url_for(base_url, token_url))
            if credentials
            else None
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def _token(self) -> str | None:
        if self._tokens is None:
            return None
        token = self._tokens.current()
        if token is None:
            token = self._tokens.store(
                self._http.send(self._tokens.request(self._http))
            )
        return token

    def _authorised(self, call: Call) -> tuple[httpx.Request, str | None]:
        request = call.request(self._http)
        token = self._token()
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token}"
        return request, token

    def _send(self, call: Call) -> httpx.Response:
        request, token = self._authorised(call)
        response = self._http.send(request)
        if (
            response.status_code == 401
            and self._tokens is not None
            and token is not None
        ):
            # Refused before it expired (revoked, server restarted): fetch a new one, once.
            self._tokens.invalidate(token)
            request, token = self._authorised(call)
            response = self._http.send(request)
        if response.is_error:
            raise error_for(response)
        return response

    @contextmanager
    def _stream(self, call: Call) -> Iterator[httpx.Response]:
        request, token = self._authorised(call)
        response = self._http.send(request, stream=True)
        try:
            if (
                response.status_code == 401
                and self._tokens is not None
                and token is not None
            ):
                response.close()
                self._tokens.invalidate(token)
                request, token = self._authorised(call)
                response = self._http.send(request, stream=True)
            if response.is_error:
                response.read()
                raise error_for(response)
            yield response
        finally:
            response.close()

    def create_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        body: EffektfortegnelseData,
        *,
        idempotency_key: str,
    ) -> Effektfortegnelse:
        """Indsend en effektfortegnelse

        Indsender en fortegnelse over afdødes effekter og aktiver, som
        organisationen har i sin varetægt, med anslået værdi.

        `POST /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _create_effektfortegnelse(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Effektfortegnelse, response)

    def create_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        body: ForespoergselData,
        *,
        idempotency_key: str,
    ) -> Forespoergsel:
        """Opret en forespørgsel

        Opretter en forespørgsel til skifteretten, fx om hvem der er boets
        kontaktperson. Skifteretten besvarer forespørgslen i feltet `svar`.

        `POST /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _create_forespoergsel(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Forespoergsel, response)

    def create_krav(
        self,
        doedsbojournal_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str,
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod dødsboet. Krav skal anmeldes inden
        anmeldelsesfristen, som udløber 8 uger efter proklama. Et krav, der
        anmeldes efter fristen, afvises med 409.

        `POST /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _create_krav(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Krav, response)

    def create_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str,
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som boet har hos organisationen, fx
        indestående på en konto eller en forsikringssum.

        `POST /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _create_tilgodehavende(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Tilgodehavende, response)

    def delete_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> None:
        """Slet et bilag

        Sletter et bilag, som organisationen har uploadet.

        `DELETE /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.skriv)
        """
        self._send(
            _delete_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        )

    def delete_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
    ) -> None:
        """Slet en effektfortegnelse

        Sletter en effektfortegnelse, som organisationen har indsendt.

        `DELETE /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        self._send(
            _delete_effektfortegnelse(
                doedsbojournal_id,
                effektfortegnelse_id,
            )
        )

    def delete_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
    ) -> None:
        """Slet en forespørgsel

        Trækker en forespørgsel tilbage. En besvaret forespørgsel kan ikke
        slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        self._send(
            _delete_forespoergsel(
                doedsbojournal_id,
                forespoergsel_id,
            )
        )

    def delete_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som skifteretten har taget
        stilling til, kan ikke slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        self._send(
            _delete_krav(
                doedsbojournal_id,
                krav_id,
            )
        )

    def delete_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        self._send(
            _delete_tilgodehavende(
                doedsbojournal_id,
                tilgodehavende_id,
            )
        )

    def download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> bytes:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)
        """
        response = self._send(
            _download_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        )
        return response.content

    @contextmanager
    def stream_download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> Iterator[httpx.Response]:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)

        Streams the body: read it with `response.iter_bytes()`.
        """
        with self._stream(
            _download_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        ) as response:
            yield response

    def find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)
        """
        response = self._send(
            _find_changed_since(
                body,
                page=page,
                size=size,
            )
        )
        return parse(list[Doedsbojournal], response)

    def iter_find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        size: int | None = None,
    ) -> Iterator[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _find_changed_since(
                    body,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Doedsbojournal], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def get_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> Bilag:
        """Hent metadata for et bilag

        Henter metadata for et bilag.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.laes)
        """
        response = self._send(
            _get_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        )
        return parse(Bilag, response)

    def get_bo(
        self,
        doedsbojournal_id: str | UUID,
    ) -> Doedsbojournal:
        """Hent en dødsbojournal

        Henter én dødsbojournal ud fra dens id (opslag på dødsbo).

        `GET /doedsbojournaler/{doedsbojournalId}` (scopes: doedsbo.laes)
        """
        response = self._send(
            _get_bo(
                doedsbojournal_id,
            )
        )
        return parse(Doedsbojournal, response)

    def get_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
    ) -> Effektfortegnelse:
        """Hent en effektfortegnelse

        Henter en effektfortegnelse.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.laes)
        """
        response = self._send(
            _get_effektfortegnelse(
                doedsbojournal_id,
                effektfortegnelse_id,
            )
        )
        return parse(Effektfortegnelse, response)

    def get_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
    ) -> Forespoergsel:
        """Hent en forespørgsel

        Henter en forespørgsel med eventuelt svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.laes)
        """
        response = self._send(
            _get_forespoergsel(
                doedsbojournal_id,
                forespoergsel_id,
            )
        )
        return parse(Forespoergsel, response)

    def get_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.laes)
        """
        response = self._send(
            _get_krav(
                doedsbojournal_id,
                krav_id,
            )
        )
        return parse(Krav, response)

    def get_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.laes)
        """
        response = self._send(
            _get_tilgodehavende(
                doedsbojournal_id,
                tilgodehavende_id,
            )
        )
        return parse(Tilgodehavende, response)

    def list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
    ) -> list[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)
        """
        response = self._send(
            _list_bilag(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                relation=relation,
            )
        )
        return parse(list[Bilag], response)

    def iter_list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
    ) -> Iterator[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_bilag(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                    relation=relation,
                )
            )
            items = parse(list[Bilag], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)
        """
        response = self._send(
            _list_effektfortegnelser(
                doedsbojournal_id,
                page=page,
                size=size,
            )
        )
        return parse(list[Effektfortegnelse], response)

    def iter_list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
    ) -> Iterator[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_effektfortegnelser(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Effektfortegnelse], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)
        """
        response = self._send(
            _list_forespoergsler(
                doedsbojournal_id,
                page=page,
                size=size,
            )
        )
        return parse(list[Forespoergsel], response)

    def iter_list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
    ) -> Iterator[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_forespoergsler(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Forespoergsel], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)
        """
        response = self._send(
            _list_krav(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Krav], response)

    def iter_list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> Iterator[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_krav(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Krav], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.
        """
        response = self._send(
            _list_krav_bilag(
                doedsbojournal_id,
                krav_id,
                page=page,
                size=size,
            )
        )
        return parse(list[Bilag], response)

    def iter_list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        size: int | None = None,
    ) -> Iterator[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_krav_bilag(
                    doedsbojournal_id,
                    krav_id,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Bilag], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)
        """
        response = self._send(
            _list_tilgodehavender(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Tilgodehavende], response)

    def iter_list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> Iterator[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_tilgodehavender(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Tilgodehavende], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)
        """
        response = self._send(
            _search_bo(
                body,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Doedsbojournal], response)

    def iter_search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> Iterator[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _search_bo(
                    body,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Doedsbojournal], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def update_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        body: EffektfortegnelseData,
    ) -> Effektfortegnelse:
        """Opdater en effektfortegnelse

        Erstatter effektfortegnelsen med en ny udgave.

        `PUT /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _update_effektfortegnelse(
                doedsbojournal_id,
                effektfortegnelse_id,
                body,
            )
        )
        return parse(Effektfortegnelse, response)

    def update_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        body: ForespoergselData,
    ) -> Forespoergsel:
        """Opdater en forespørgsel

        Ændrer en forespørgsel, som endnu ikke er besvaret. En besvaret
        forespørgsel kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _update_forespoergsel(
                doedsbojournal_id,
                forespoergsel_id,
                body,
            )
        )
        return parse(Forespoergsel, response)

    def update_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som skifteretten har taget
        stilling til, kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _update_krav(
                doedsbojournal_id,
                krav_id,
                body,
            )
        )
        return parse(Krav, response)

    def update_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _update_tilgodehavende(
                doedsbojournal_id,
                tilgodehavende_id,
                body,
            )
        )
        return parse(Tilgodehavende, response)

    def upload_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        fil: FileContent,
        idempotency_key: str,
        beskrivelse: str | None = None,
        relation: str | UUID | None = None,
    ) -> Bilag:
        """Upload et bilag

        Uploader dokumentation (PDF) til dødsboet, eventuelt knyttet til et krav
        eller et tilgodehavende via `relation`.

        `POST /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.skriv)
        """
        response = self._send(
            _upload_bilag(
                doedsbojournal_id,
                fil=fil,
                beskrivelse=beskrivelse,
                relation=relation,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Bilag, response)


class AsyncClient:
    """Asynchronous client. Use as an async context manager, or `await aclose()`.

    `base_url` has no default on purpose: choose an environment
    (`auth.SERVERS`) or a local stand-in explicitly.
    """

    def __init__(
        self,
        base_url: str,
        *,
        credentials: ClientCredentials | None = None,
        certificate: ClientCertificate | None = None,
        token_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._http = httpx.AsyncClient(
            transport=transport,
            **_http_options(base_url, certificate, timeout, headers),
        )
        self._tokens = (
            TokenCache(credentials, token_url_for(base_url, token_url))
            if credentials
            else None
        )

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _token(self) -> str | None:
        if self._tokens is None:
            return None
        token = self._tokens.current()
        if token is None:
            token = self._tokens.store(
                await self._http.send(self._tokens.request(self._http))
            )
        return token

    async def _authorised(self, call: Call) -> tuple[httpx.Request, str | None]:
        request = call.request(self._http)
        token = await self._token()
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token}"
        return request, token

    async def _send(self, call: Call) -> httpx.Response:
        request, token = await self._authorised(call)
        response = await self._http.send(request)
        if (
            response.status_code == 401
            and self._tokens is not None
            and token is not None
        ):
            # Refused before it expired (revoked, server restarted): fetch a new one, once.
            self._tokens.invalidate(token)
            request, token = await self._authorised(call)
            response = await self._http.send(request)
        if response.is_error:
            raise error_for(response)
        return response

    @asynccontextmanager
    async def _stream(self, call: Call) -> AsyncIterator[httpx.Response]:
        request, token = await self._authorised(call)
        response = await self._http.send(request, stream=True)
        try:
            if (
                response.status_code == 401
                and self._tokens is not None
                and token is not None
            ):
                await response.aclose()
                self._tokens.invalidate(token)
                request, token = await self._authorised(call)
                response = await self._http.send(request, stream=True)
            if response.is_error:
                await response.aread()
                raise error_for(response)
            yield response
        finally:
            await response.aclose()

    async def create_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        body: EffektfortegnelseData,
        *,
        idempotency_key: str,
    ) -> Effektfortegnelse:
        """Indsend en effektfortegnelse

        Indsender en fortegnelse over afdødes effekter og aktiver, som
        organisationen har i sin varetægt, med anslået værdi.

        `POST /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _create_effektfortegnelse(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Effektfortegnelse, response)

    async def create_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        body: ForespoergselData,
        *,
        idempotency_key: str,
    ) -> Forespoergsel:
        """Opret en forespørgsel

        Opretter en forespørgsel til skifteretten, fx om hvem der er boets
        kontaktperson. Skifteretten besvarer forespørgslen i feltet `svar`.

        `POST /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _create_forespoergsel(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Forespoergsel, response)

    async def create_krav(
        self,
        doedsbojournal_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str,
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod dødsboet. Krav skal anmeldes inden
        anmeldelsesfristen, som udløber 8 uger efter proklama. Et krav, der
        anmeldes efter fristen, afvises med 409.

        `POST /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _create_krav(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Krav, response)

    async def create_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str,
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som boet har hos organisationen, fx
        indestående på en konto eller en forsikringssum.

        `POST /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _create_tilgodehavende(
                doedsbojournal_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Tilgodehavende, response)

    async def delete_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> None:
        """Slet et bilag

        Sletter et bilag, som organisationen har uploadet.

        `DELETE /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.skriv)
        """
        await self._send(
            _delete_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        )

    async def delete_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
    ) -> None:
        """Slet en effektfortegnelse

        Sletter en effektfortegnelse, som organisationen har indsendt.

        `DELETE /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        await self._send(
            _delete_effektfortegnelse(
                doedsbojournal_id,
                effektfortegnelse_id,
            )
        )

    async def delete_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
    ) -> None:
        """Slet en forespørgsel

        Trækker en forespørgsel tilbage. En besvaret forespørgsel kan ikke
        slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        await self._send(
            _delete_forespoergsel(
                doedsbojournal_id,
                forespoergsel_id,
            )
        )

    async def delete_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som skifteretten har taget
        stilling til, kan ikke slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        await self._send(
            _delete_krav(
                doedsbojournal_id,
                krav_id,
            )
        )

    async def delete_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        await self._send(
            _delete_tilgodehavende(
                doedsbojournal_id,
                tilgodehavende_id,
            )
        )

    async def download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> bytes:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _download_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        )
        return response.content

    @asynccontextmanager
    async def stream_download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> AsyncIterator[httpx.Response]:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)

        Streams the body: read it with `response.iter_bytes()` (async).
        """
        async with self._stream(
            _download_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        ) as response:
            yield response

    async def find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _find_changed_since(
                body,
                page=page,
                size=size,
            )
        )
        return parse(list[Doedsbojournal], response)

    async def iter_find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        size: int | None = None,
    ) -> AsyncIterator[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _find_changed_since(
                    body,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Doedsbojournal], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def get_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
    ) -> Bilag:
        """Hent metadata for et bilag

        Henter metadata for et bilag.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _get_bilag(
                doedsbojournal_id,
                bilag_id,
            )
        )
        return parse(Bilag, response)

    async def get_bo(
        self,
        doedsbojournal_id: str | UUID,
    ) -> Doedsbojournal:
        """Hent en dødsbojournal

        Henter én dødsbojournal ud fra dens id (opslag på dødsbo).

        `GET /doedsbojournaler/{doedsbojournalId}` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _get_bo(
                doedsbojournal_id,
            )
        )
        return parse(Doedsbojournal, response)

    async def get_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
    ) -> Effektfortegnelse:
        """Hent en effektfortegnelse

        Henter en effektfortegnelse.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _get_effektfortegnelse(
                doedsbojournal_id,
                effektfortegnelse_id,
            )
        )
        return parse(Effektfortegnelse, response)

    async def get_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
    ) -> Forespoergsel:
        """Hent en forespørgsel

        Henter en forespørgsel med eventuelt svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _get_forespoergsel(
                doedsbojournal_id,
                forespoergsel_id,
            )
        )
        return parse(Forespoergsel, response)

    async def get_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _get_krav(
                doedsbojournal_id,
                krav_id,
            )
        )
        return parse(Krav, response)

    async def get_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _get_tilgodehavende(
                doedsbojournal_id,
                tilgodehavende_id,
            )
        )
        return parse(Tilgodehavende, response)

    async def list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
    ) -> list[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _list_bilag(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                relation=relation,
            )
        )
        return parse(list[Bilag], response)

    async def iter_list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
    ) -> AsyncIterator[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_bilag(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                    relation=relation,
                )
            )
            items = parse(list[Bilag], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _list_effektfortegnelser(
                doedsbojournal_id,
                page=page,
                size=size,
            )
        )
        return parse(list[Effektfortegnelse], response)

    async def iter_list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
    ) -> AsyncIterator[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_effektfortegnelser(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Effektfortegnelse], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _list_forespoergsler(
                doedsbojournal_id,
                page=page,
                size=size,
            )
        )
        return parse(list[Forespoergsel], response)

    async def iter_list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
    ) -> AsyncIterator[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_forespoergsler(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Forespoergsel], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _list_krav(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Krav], response)

    async def iter_list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> AsyncIterator[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_krav(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Krav], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
    ) -> list[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.
        """
        response = await self._send(
            _list_krav_bilag(
                doedsbojournal_id,
                krav_id,
                page=page,
                size=size,
            )
        )
        return parse(list[Bilag], response)

    async def iter_list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        size: int | None = None,
    ) -> AsyncIterator[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_krav_bilag(
                    doedsbojournal_id,
                    krav_id,
                    page=page,
                    size=size,
                )
            )
            items = parse(list[Bilag], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _list_tilgodehavender(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Tilgodehavende], response)

    async def iter_list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> AsyncIterator[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_tilgodehavender(
                    doedsbojournal_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Tilgodehavende], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)
        """
        response = await self._send(
            _search_bo(
                body,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Doedsbojournal], response)

    async def iter_search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> AsyncIterator[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _search_bo(
                    body,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Doedsbojournal], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def update_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        body: EffektfortegnelseData,
    ) -> Effektfortegnelse:
        """Opdater en effektfortegnelse

        Erstatter effektfortegnelsen med en ny udgave.

        `PUT /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _update_effektfortegnelse(
                doedsbojournal_id,
                effektfortegnelse_id,
                body,
            )
        )
        return parse(Effektfortegnelse, response)

    async def update_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        body: ForespoergselData,
    ) -> Forespoergsel:
        """Opdater en forespørgsel

        Ændrer en forespørgsel, som endnu ikke er besvaret. En besvaret
        forespørgsel kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _update_forespoergsel(
                doedsbojournal_id,
                forespoergsel_id,
                body,
            )
        )
        return parse(Forespoergsel, response)

    async def update_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som skifteretten har taget
        stilling til, kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _update_krav(
                doedsbojournal_id,
                krav_id,
                body,
            )
        )
        return parse(Krav, response)

    async def update_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _update_tilgodehavende(
                doedsbojournal_id,
                tilgodehavende_id,
                body,
            )
        )
        return parse(Tilgodehavende, response)

    async def upload_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        fil: FileContent,
        idempotency_key: str,
        beskrivelse: str | None = None,
        relation: str | UUID | None = None,
    ) -> Bilag:
        """Upload et bilag

        Uploader dokumentation (PDF) til dødsboet, eventuelt knyttet til et krav
        eller et tilgodehavende via `relation`.

        `POST /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.skriv)
        """
        response = await self._send(
            _upload_bilag(
                doedsbojournal_id,
                fil=fil,
                beskrivelse=beskrivelse,
                relation=relation,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Bilag, response)


# One builder per operation, shared by both clients: arguments → Call.


def _create_effektfortegnelse(
    doedsbojournal_id: str | UUID,
    body: EffektfortegnelseData,
    *,
    idempotency_key: str,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/effektfortegnelser",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": idempotency_key,
        },
        json=dump(EffektfortegnelseData, body),
    )


def _create_forespoergsel(
    doedsbojournal_id: str | UUID,
    body: ForespoergselData,
    *,
    idempotency_key: str,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/forespoergsler",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": idempotency_key,
        },
        json=dump(ForespoergselData, body),
    )


def _create_krav(
    doedsbojournal_id: str | UUID,
    body: KravData,
    *,
    idempotency_key: str,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/krav",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": idempotency_key,
        },
        json=dump(KravData, body),
    )


def _create_tilgodehavende(
    doedsbojournal_id: str | UUID,
    body: TilgodehavendeData,
    *,
    idempotency_key: str,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/tilgodehavender",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": idempotency_key,
        },
        json=dump(TilgodehavendeData, body),
    )


def _delete_bilag(
    doedsbojournal_id: str | UUID,
    bilag_id: str | UUID,
) -> Call:
    return Call(
        "DELETE",
        "/doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "bilagId": bilag_id,
        },
    )


def _delete_effektfortegnelse(
    doedsbojournal_id: str | UUID,
    effektfortegnelse_id: str | UUID,
) -> Call:
    return Call(
        "DELETE",
        "/doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "effektfortegnelseId": effektfortegnelse_id,
        },
    )


def _delete_forespoergsel(
    doedsbojournal_id: str | UUID,
    forespoergsel_id: str | UUID,
) -> Call:
    return Call(
        "DELETE",
        "/doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "forespoergselId": forespoergsel_id,
        },
    )


def _delete_krav(
    doedsbojournal_id: str | UUID,
    krav_id: str | UUID,
) -> Call:
    return Call(
        "DELETE",
        "/doedsbojournaler/{doedsbojournalId}/krav/{kravId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "kravId": krav_id,
        },
    )


def _delete_tilgodehavende(
    doedsbojournal_id: str | UUID,
    tilgodehavende_id: str | UUID,
) -> Call:
    return Call(
        "DELETE",
        "/doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "tilgodehavendeId": tilgodehavende_id,
        },
    )


def _download_bilag(
    doedsbojournal_id: str | UUID,
    bilag_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "bilagId": bilag_id,
        },
    )


def _find_changed_since(
    body: DoedsbojournalAendringer,
    *,
    page: int | None = None,
    size: int | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/aendringer",
        query={
            "page": page,
            "size": size,
        },
        json=dump(DoedsbojournalAendringer, body),
    )


def _get_bilag(
    doedsbojournal_id: str | UUID,
    bilag_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "bilagId": bilag_id,
        },
    )


def _get_bo(
    doedsbojournal_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
    )


def _get_effektfortegnelse(
    doedsbojournal_id: str | UUID,
    effektfortegnelse_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "effektfortegnelseId": effektfortegnelse_id,
        },
    )


def _get_forespoergsel(
    doedsbojournal_id: str | UUID,
    forespoergsel_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "forespoergselId": forespoergsel_id,
        },
    )


def _get_krav(
    doedsbojournal_id: str | UUID,
    krav_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/krav/{kravId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "kravId": krav_id,
        },
    )


def _get_tilgodehavende(
    doedsbojournal_id: str | UUID,
    tilgodehavende_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "tilgodehavendeId": tilgodehavende_id,
        },
    )


def _list_bilag(
    doedsbojournal_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
    relation: str | UUID | None = None,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/bilag",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        query={
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
            "relation": relation,
        },
    )


def _list_effektfortegnelser(
    doedsbojournal_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/effektfortegnelser",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        query={
            "page": page,
            "size": size,
        },
    )


def _list_forespoergsler(
    doedsbojournal_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/forespoergsler",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        query={
            "page": page,
            "size": size,
        },
    )


def _list_krav(
    doedsbojournal_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/krav",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        query={
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
        },
    )


def _list_krav_bilag(
    doedsbojournal_id: str | UUID,
    krav_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "kravId": krav_id,
        },
        query={
            "page": page,
            "size": size,
        },
    )


def _list_tilgodehavender(
    doedsbojournal_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
) -> Call:
    return Call(
        "GET",
        "/doedsbojournaler/{doedsbojournalId}/tilgodehavender",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        query={
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
        },
    )


def _search_bo(
    body: DoedsbojournalQuery,
    *,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler",
        query={
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
        },
        json=dump(DoedsbojournalQuery, body),
    )


def _update_effektfortegnelse(
    doedsbojournal_id: str | UUID,
    effektfortegnelse_id: str | UUID,
    body: EffektfortegnelseData,
) -> Call:
    return Call(
        "PUT",
        "/doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "effektfortegnelseId": effektfortegnelse_id,
        },
        json=dump(EffektfortegnelseData, body),
    )


def _update_forespoergsel(
    doedsbojournal_id: str | UUID,
    forespoergsel_id: str | UUID,
    body: ForespoergselData,
) -> Call:
    return Call(
        "PUT",
        "/doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "forespoergselId": forespoergsel_id,
        },
        json=dump(ForespoergselData, body),
    )


def _update_krav(
    doedsbojournal_id: str | UUID,
    krav_id: str | UUID,
    body: KravData,
) -> Call:
    return Call(
        "PUT",
        "/doedsbojournaler/{doedsbojournalId}/krav/{kravId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "kravId": krav_id,
        },
        json=dump(KravData, body),
    )


def _update_tilgodehavende(
    doedsbojournal_id: str | UUID,
    tilgodehavende_id: str | UUID,
    body: TilgodehavendeData,
) -> Call:
    return Call(
        "PUT",
        "/doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
            "tilgodehavendeId": tilgodehavende_id,
        },
        json=dump(TilgodehavendeData, body),
    )


def _upload_bilag(
    doedsbojournal_id: str | UUID,
    *,
    fil: FileContent,
    idempotency_key: str,
    beskrivelse: str | None = None,
    relation: str | UUID | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/bilag",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": idempotency_key,
        },
        files={
            "fil": file_part("fil", fil, "application/pdf"),
        },
        data={
            **({} if beskrivelse is None else {"beskrivelse": form_value(beskrivelse)}),
            **({} if relation is None else {"relation": form_value(relation)}),
        },
    )
