"""Clients for Api til tvangsopløsningssager 1.0.0: `Client` (sync) and `AsyncClient`.

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

from ._call import Call, dump, parse, total_count
from .auth import ClientCertificate, ClientCredentials, TokenCache, token_url_for
from .errors import error_for
from .models import (
    AnmeldtKrav,
    Krav,
    KravData,
    Stillingtagen,
    StillingtagenData,
    Tilgodehavende,
    TilgodehavendeData,
    Tvangsoploesningssag,
)

__all__ = ["AsyncClient", "Client"]

DEFAULT_TIMEOUT = 30.0
USER_AGENT = "skifteportal-tvangsoploesning-v1_0_0/1.0.0"


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

    def create_krav(
        self,
        sag_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str | None = None,
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod selskabet under tvangsopløsning. Krav skal anmeldes
        inden anmeldelsesfristen; et krav, der anmeldes efter fristen, afvises
        med 409.

        `POST /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.skriv)
        """
        response = self._send(
            _create_krav(
                sag_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Krav, response)

    def create_tilgodehavende(
        self,
        sag_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str | None = None,
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som selskabet har hos organisationen, fx
        indestående på en konto.

        `POST /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.skriv)
        """
        response = self._send(
            _create_tilgodehavende(
                sag_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Tilgodehavende, response)

    def delete_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som likvidator har taget
        stilling til, kan ikke slettes (409).

        `DELETE /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        self._send(
            _delete_krav(
                sag_id,
                krav_id,
            )
        )

    def delete_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        self._send(
            _delete_tilgodehavende(
                sag_id,
                tilgodehavende_id,
            )
        )

    def get_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.laes)
        """
        response = self._send(
            _get_krav(
                sag_id,
                krav_id,
            )
        )
        return parse(Krav, response)

    def get_sag(
        self,
        sag_id: str | UUID,
    ) -> Tvangsoploesningssag:
        """Hent en tvangsopløsningssag

        Henter én tvangsopløsningssag med selskab, status og likvidator.

        `GET /tvangsoploesningssager/{sagId}` (scopes: tvangsoploesning.laes)
        """
        response = self._send(
            _get_sag(
                sag_id,
            )
        )
        return parse(Tvangsoploesningssag, response)

    def get_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        *,
        x_paa_vegne_af: str | None = None,
    ) -> Stillingtagen:
        """Hent likvidators stillingtagen

        Henter likvidators stillingtagen til et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        response = self._send(
            _get_stillingtagen(
                sag_id,
                krav_id,
                x_paa_vegne_af=x_paa_vegne_af,
            )
        )
        return parse(Stillingtagen, response)

    def get_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.laes)
        """
        response = self._send(
            _get_tilgodehavende(
                sag_id,
                tilgodehavende_id,
            )
        )
        return parse(Tilgodehavende, response)

    def list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
    ) -> list[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)
        """
        response = self._send(
            _list_anmeldte_krav(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                x_paa_vegne_af=x_paa_vegne_af,
            )
        )
        return parse(list[AnmeldtKrav], response)

    def iter_list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
    ) -> Iterator[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_anmeldte_krav(
                    sag_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                    x_paa_vegne_af=x_paa_vegne_af,
                )
            )
            items = parse(list[AnmeldtKrav], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def list_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)
        """
        response = self._send(
            _list_krav(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Krav], response)

    def iter_list_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> Iterator[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_krav(
                    sag_id,
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

    def list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)
        """
        response = self._send(
            _list_tilgodehavender(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Tilgodehavende], response)

    def iter_list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> Iterator[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _list_tilgodehavender(
                    sag_id,
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

    def record_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: StillingtagenData,
        *,
        x_paa_vegne_af: str | None = None,
    ) -> Stillingtagen:
        """Registrer likvidators stillingtagen

        Registrerer eller erstatter likvidators stillingtagen til et anmeldt
        krav. Ved delvis anerkendelse angives det anerkendte beløb i
        `anerkendtBeloeb`.

        `PUT /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        response = self._send(
            _record_stillingtagen(
                sag_id,
                krav_id,
                body,
                x_paa_vegne_af=x_paa_vegne_af,
            )
        )
        return parse(Stillingtagen, response)

    def search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)
        """
        response = self._send(
            _search_sager(
                cvr_nummer=cvr_nummer,
                navn=navn,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Tvangsoploesningssag], response)

    def iter_search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> Iterator[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = self._send(
                _search_sager(
                    cvr_nummer=cvr_nummer,
                    navn=navn,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Tvangsoploesningssag], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    def update_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som likvidator har taget
        stilling til, kan ikke ændres (409).

        `PUT /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        response = self._send(
            _update_krav(
                sag_id,
                krav_id,
                body,
            )
        )
        return parse(Krav, response)

    def update_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        response = self._send(
            _update_tilgodehavende(
                sag_id,
                tilgodehavende_id,
                body,
            )
        )
        return parse(Tilgodehavende, response)


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

    async def create_krav(
        self,
        sag_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str | None = None,
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod selskabet under tvangsopløsning. Krav skal anmeldes
        inden anmeldelsesfristen; et krav, der anmeldes efter fristen, afvises
        med 409.

        `POST /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.skriv)
        """
        response = await self._send(
            _create_krav(
                sag_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Krav, response)

    async def create_tilgodehavende(
        self,
        sag_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str | None = None,
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som selskabet har hos organisationen, fx
        indestående på en konto.

        `POST /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.skriv)
        """
        response = await self._send(
            _create_tilgodehavende(
                sag_id,
                body,
                idempotency_key=idempotency_key,
            )
        )
        return parse(Tilgodehavende, response)

    async def delete_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som likvidator har taget
        stilling til, kan ikke slettes (409).

        `DELETE /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        await self._send(
            _delete_krav(
                sag_id,
                krav_id,
            )
        )

    async def delete_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        await self._send(
            _delete_tilgodehavende(
                sag_id,
                tilgodehavende_id,
            )
        )

    async def get_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.laes)
        """
        response = await self._send(
            _get_krav(
                sag_id,
                krav_id,
            )
        )
        return parse(Krav, response)

    async def get_sag(
        self,
        sag_id: str | UUID,
    ) -> Tvangsoploesningssag:
        """Hent en tvangsopløsningssag

        Henter én tvangsopløsningssag med selskab, status og likvidator.

        `GET /tvangsoploesningssager/{sagId}` (scopes: tvangsoploesning.laes)
        """
        response = await self._send(
            _get_sag(
                sag_id,
            )
        )
        return parse(Tvangsoploesningssag, response)

    async def get_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        *,
        x_paa_vegne_af: str | None = None,
    ) -> Stillingtagen:
        """Hent likvidators stillingtagen

        Henter likvidators stillingtagen til et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        response = await self._send(
            _get_stillingtagen(
                sag_id,
                krav_id,
                x_paa_vegne_af=x_paa_vegne_af,
            )
        )
        return parse(Stillingtagen, response)

    async def get_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.laes)
        """
        response = await self._send(
            _get_tilgodehavende(
                sag_id,
                tilgodehavende_id,
            )
        )
        return parse(Tilgodehavende, response)

    async def list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
    ) -> list[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)
        """
        response = await self._send(
            _list_anmeldte_krav(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                x_paa_vegne_af=x_paa_vegne_af,
            )
        )
        return parse(list[AnmeldtKrav], response)

    async def iter_list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
    ) -> AsyncIterator[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_anmeldte_krav(
                    sag_id,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                    x_paa_vegne_af=x_paa_vegne_af,
                )
            )
            items = parse(list[AnmeldtKrav], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def list_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)
        """
        response = await self._send(
            _list_krav(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Krav], response)

    async def iter_list_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> AsyncIterator[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_krav(
                    sag_id,
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

    async def list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)
        """
        response = await self._send(
            _list_tilgodehavender(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Tilgodehavende], response)

    async def iter_list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> AsyncIterator[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _list_tilgodehavender(
                    sag_id,
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

    async def record_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: StillingtagenData,
        *,
        x_paa_vegne_af: str | None = None,
    ) -> Stillingtagen:
        """Registrer likvidators stillingtagen

        Registrerer eller erstatter likvidators stillingtagen til et anmeldt
        krav. Ved delvis anerkendelse angives det anerkendte beløb i
        `anerkendtBeloeb`.

        `PUT /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        response = await self._send(
            _record_stillingtagen(
                sag_id,
                krav_id,
                body,
                x_paa_vegne_af=x_paa_vegne_af,
            )
        )
        return parse(Stillingtagen, response)

    async def search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> list[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)
        """
        response = await self._send(
            _search_sager(
                cvr_nummer=cvr_nummer,
                navn=navn,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            )
        )
        return parse(list[Tvangsoploesningssag], response)

    async def iter_search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
    ) -> AsyncIterator[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are read.
        """
        page, seen = 0, 0
        while True:
            response = await self._send(
                _search_sager(
                    cvr_nummer=cvr_nummer,
                    navn=navn,
                    page=page,
                    size=size,
                    sort=sort,
                    direction=direction,
                )
            )
            items = parse(list[Tvangsoploesningssag], response)
            for item in items:
                yield item
            seen += len(items)
            total = total_count(response)
            if not items or (total is not None and seen >= total):
                return
            page += 1

    async def update_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som likvidator har taget
        stilling til, kan ikke ændres (409).

        `PUT /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        response = await self._send(
            _update_krav(
                sag_id,
                krav_id,
                body,
            )
        )
        return parse(Krav, response)

    async def update_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        response = await self._send(
            _update_tilgodehavende(
                sag_id,
                tilgodehavende_id,
                body,
            )
        )
        return parse(Tilgodehavende, response)


# One builder per operation, shared by both clients: arguments → Call.


def _create_krav(
    sag_id: str | UUID,
    body: KravData,
    *,
    idempotency_key: str | None = None,
) -> Call:
    return Call(
        "POST",
        "/tvangsoploesningssager/{sagId}/krav",
        path_params={
            "sagId": sag_id,
        },
        headers={
            "Idempotency-Key": idempotency_key,
        },
        json=dump(KravData, body),
    )


def _create_tilgodehavende(
    sag_id: str | UUID,
    body: TilgodehavendeData,
    *,
    idempotency_key: str | None = None,
) -> Call:
    return Call(
        "POST",
        "/tvangsoploesningssager/{sagId}/tilgodehavender",
        path_params={
            "sagId": sag_id,
        },
        headers={
            "Idempotency-Key": idempotency_key,
        },
        json=dump(TilgodehavendeData, body),
    )


def _delete_krav(
    sag_id: str | UUID,
    krav_id: str | UUID,
) -> Call:
    return Call(
        "DELETE",
        "/tvangsoploesningssager/{sagId}/krav/{kravId}",
        path_params={
            "sagId": sag_id,
            "kravId": krav_id,
        },
    )


def _delete_tilgodehavende(
    sag_id: str | UUID,
    tilgodehavende_id: str | UUID,
) -> Call:
    return Call(
        "DELETE",
        "/tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}",
        path_params={
            "sagId": sag_id,
            "tilgodehavendeId": tilgodehavende_id,
        },
    )


def _get_krav(
    sag_id: str | UUID,
    krav_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager/{sagId}/krav/{kravId}",
        path_params={
            "sagId": sag_id,
            "kravId": krav_id,
        },
    )


def _get_sag(
    sag_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager/{sagId}",
        path_params={
            "sagId": sag_id,
        },
    )


def _get_stillingtagen(
    sag_id: str | UUID,
    krav_id: str | UUID,
    *,
    x_paa_vegne_af: str | None = None,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen",
        path_params={
            "sagId": sag_id,
            "kravId": krav_id,
        },
        headers={
            "X-Paa-Vegne-Af": x_paa_vegne_af,
        },
    )


def _get_tilgodehavende(
    sag_id: str | UUID,
    tilgodehavende_id: str | UUID,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}",
        path_params={
            "sagId": sag_id,
            "tilgodehavendeId": tilgodehavende_id,
        },
    )


def _list_anmeldte_krav(
    sag_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
    x_paa_vegne_af: str | None = None,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav",
        path_params={
            "sagId": sag_id,
        },
        query={
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
        },
        headers={
            "X-Paa-Vegne-Af": x_paa_vegne_af,
        },
    )


def _list_krav(
    sag_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager/{sagId}/krav",
        path_params={
            "sagId": sag_id,
        },
        query={
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
        },
    )


def _list_tilgodehavender(
    sag_id: str | UUID,
    *,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager/{sagId}/tilgodehavender",
        path_params={
            "sagId": sag_id,
        },
        query={
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
        },
    )


def _record_stillingtagen(
    sag_id: str | UUID,
    krav_id: str | UUID,
    body: StillingtagenData,
    *,
    x_paa_vegne_af: str | None = None,
) -> Call:
    return Call(
        "PUT",
        "/tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen",
        path_params={
            "sagId": sag_id,
            "kravId": krav_id,
        },
        headers={
            "X-Paa-Vegne-Af": x_paa_vegne_af,
        },
        json=dump(StillingtagenData, body),
    )


def _search_sager(
    *,
    cvr_nummer: str | None = None,
    navn: str | None = None,
    page: int | None = None,
    size: int | None = None,
    sort: str | None = None,
    direction: Literal["ASC", "DESC"] | None = None,
) -> Call:
    return Call(
        "GET",
        "/tvangsoploesningssager",
        query={
            "cvrNummer": cvr_nummer,
            "navn": navn,
            "page": page,
            "size": size,
            "sort": sort,
            "direction": direction,
        },
    )


def _update_krav(
    sag_id: str | UUID,
    krav_id: str | UUID,
    body: KravData,
) -> Call:
    return Call(
        "PUT",
        "/tvangsoploesningssager/{sagId}/krav/{kravId}",
        path_params={
            "sagId": sag_id,
            "kravId": krav_id,
        },
        json=dump(KravData, body),
    )


def _update_tilgodehavende(
    sag_id: str | UUID,
    tilgodehavende_id: str | UUID,
    body: TilgodehavendeData,
) -> Call:
    return Call(
        "PUT",
        "/tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}",
        path_params={
            "sagId": sag_id,
            "tilgodehavendeId": tilgodehavende_id,
        },
        json=dump(TilgodehavendeData, body),
    )
