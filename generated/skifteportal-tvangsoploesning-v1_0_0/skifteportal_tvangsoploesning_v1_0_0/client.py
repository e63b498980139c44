"""Clients for Api til tvangsopløsningssager 1.0.0: `Client` (sync) and `AsyncClient`.

One method per operation, named after its operationId. Arguments: path
parameters and the body positionally, everything else by keyword. Every method
also takes `timeout=`, `extra_headers=` and `max_retries=` for that call alone;
`client.with_raw_response.<method>(...)` answers the raw response instead.
Sending, retries, authentication and paging live in `_base_client.py`.
"""

from __future__ import annotations

from types import NoneType
from typing import Literal
from uuid import UUID, uuid4

from typing_extensions import Unpack


from ._base_client import AsyncAPIClient, CallOptions, SyncAPIClient
from ._call import Call, dump
from ._response import async_raw_response, AsyncPager, Pager, raw_response
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

__all__ = [
    "AsyncClient",
    "AsyncClientWithRawResponse",
    "Client",
    "ClientWithRawResponse",
]


class Client(SyncAPIClient):
    """Synchronous client. Use as a context manager, or call `close()`.

    `base_url` has no default on purpose: choose an environment
    (`auth.SERVERS`) or a local stand-in explicitly.
    """

    @property
    def with_raw_response(self) -> ClientWithRawResponse:
        """Every operation, answering a `RawResponse`: status, headers, request id, `.parse()`."""
        return ClientWithRawResponse(self)

    def create_krav(
        self,
        sag_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod selskabet under tvangsopløsning. Krav skal anmeldes
        inden anmeldelsesfristen; et krav, der anmeldes efter fristen, afvises
        med 409.

        `POST /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.skriv)
        """
        return self._request(
            _create_krav(sag_id, body, idempotency_key=idempotency_key), Krav, options
        )

    def create_tilgodehavende(
        self,
        sag_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som selskabet har hos organisationen, fx
        indestående på en konto.

        `POST /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.skriv)
        """
        return self._request(
            _create_tilgodehavende(sag_id, body, idempotency_key=idempotency_key),
            Tilgodehavende,
            options,
        )

    def delete_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som likvidator har taget
        stilling til, kan ikke slettes (409).

        `DELETE /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        self._request(_delete_krav(sag_id, krav_id), NoneType, options)

    def delete_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        self._request(
            _delete_tilgodehavende(sag_id, tilgodehavende_id), NoneType, options
        )

    def get_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.laes)
        """
        return self._request(_get_krav(sag_id, krav_id), Krav, options)

    def get_sag(
        self,
        sag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Tvangsoploesningssag:
        """Hent en tvangsopløsningssag

        Henter én tvangsopløsningssag med selskab, status og likvidator.

        `GET /tvangsoploesningssager/{sagId}` (scopes: tvangsoploesning.laes)
        """
        return self._request(_get_sag(sag_id), Tvangsoploesningssag, options)

    def get_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        *,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Stillingtagen:
        """Hent likvidators stillingtagen

        Henter likvidators stillingtagen til et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        return self._request(
            _get_stillingtagen(sag_id, krav_id, x_paa_vegne_af=x_paa_vegne_af),
            Stillingtagen,
            options,
        )

    def get_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.laes)
        """
        return self._request(
            _get_tilgodehavende(sag_id, tilgodehavende_id), Tilgodehavende, options
        )

    def list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> list[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)
        """
        return self._request(
            _list_anmeldte_krav(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                x_paa_vegne_af=x_paa_vegne_af,
            ),
            list[AnmeldtKrav],
            options,
        )

    def iter_list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_anmeldte_krav(
                sag_id,
                page=_page,
                size=size,
                sort=sort,
                direction=direction,
                x_paa_vegne_af=x_paa_vegne_af,
            ),
            AnmeldtKrav,
            0,
            options,
        )

    def list_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)
        """
        return self._request(
            _list_krav(sag_id, page=page, size=size, sort=sort, direction=direction),
            list[Krav],
            options,
        )

    def iter_list_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_krav(
                sag_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Krav,
            0,
            options,
        )

    def list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)
        """
        return self._request(
            _list_tilgodehavender(
                sag_id, page=page, size=size, sort=sort, direction=direction
            ),
            list[Tilgodehavende],
            options,
        )

    def iter_list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_tilgodehavender(
                sag_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Tilgodehavende,
            0,
            options,
        )

    def record_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: StillingtagenData,
        *,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Stillingtagen:
        """Registrer likvidators stillingtagen

        Registrerer eller erstatter likvidators stillingtagen til et anmeldt
        krav. Ved delvis anerkendelse angives det anerkendte beløb i
        `anerkendtBeloeb`.

        `PUT /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        return self._request(
            _record_stillingtagen(sag_id, krav_id, body, x_paa_vegne_af=x_paa_vegne_af),
            Stillingtagen,
            options,
        )

    def search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)
        """
        return self._request(
            _search_sager(
                cvr_nummer=cvr_nummer,
                navn=navn,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            ),
            list[Tvangsoploesningssag],
            options,
        )

    def iter_search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _search_sager(
                cvr_nummer=cvr_nummer,
                navn=navn,
                page=_page,
                size=size,
                sort=sort,
                direction=direction,
            ),
            Tvangsoploesningssag,
            0,
            options,
        )

    def update_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som likvidator har taget
        stilling til, kan ikke ændres (409).

        `PUT /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        return self._request(_update_krav(sag_id, krav_id, body), Krav, options)

    def update_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        return self._request(
            _update_tilgodehavende(sag_id, tilgodehavende_id, body),
            Tilgodehavende,
            options,
        )


class AsyncClient(AsyncAPIClient):
    """Asynchronous client. Use as an async context manager, or `await aclose()`.

    `base_url` has no default on purpose: choose an environment
    (`auth.SERVERS`) or a local stand-in explicitly.
    """

    @property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """Every operation, answering a `RawResponse`: status, headers, request id, `.parse()`."""
        return AsyncClientWithRawResponse(self)

    async def create_krav(
        self,
        sag_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod selskabet under tvangsopløsning. Krav skal anmeldes
        inden anmeldelsesfristen; et krav, der anmeldes efter fristen, afvises
        med 409.

        `POST /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.skriv)
        """
        return await self._request(
            _create_krav(sag_id, body, idempotency_key=idempotency_key), Krav, options
        )

    async def create_tilgodehavende(
        self,
        sag_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som selskabet har hos organisationen, fx
        indestående på en konto.

        `POST /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.skriv)
        """
        return await self._request(
            _create_tilgodehavende(sag_id, body, idempotency_key=idempotency_key),
            Tilgodehavende,
            options,
        )

    async def delete_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som likvidator har taget
        stilling til, kan ikke slettes (409).

        `DELETE /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        await self._request(_delete_krav(sag_id, krav_id), NoneType, options)

    async def delete_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        await self._request(
            _delete_tilgodehavende(sag_id, tilgodehavende_id), NoneType, options
        )

    async def get_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.laes)
        """
        return await self._request(_get_krav(sag_id, krav_id), Krav, options)

    async def get_sag(
        self,
        sag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Tvangsoploesningssag:
        """Hent en tvangsopløsningssag

        Henter én tvangsopløsningssag med selskab, status og likvidator.

        `GET /tvangsoploesningssager/{sagId}` (scopes: tvangsoploesning.laes)
        """
        return await self._request(_get_sag(sag_id), Tvangsoploesningssag, options)

    async def get_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        *,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Stillingtagen:
        """Hent likvidators stillingtagen

        Henter likvidators stillingtagen til et anmeldt krav.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        return await self._request(
            _get_stillingtagen(sag_id, krav_id, x_paa_vegne_af=x_paa_vegne_af),
            Stillingtagen,
            options,
        )

    async def get_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.laes)
        """
        return await self._request(
            _get_tilgodehavende(sag_id, tilgodehavende_id), Tilgodehavende, options
        )

    async def list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> list[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)
        """
        return await self._request(
            _list_anmeldte_krav(
                sag_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                x_paa_vegne_af=x_paa_vegne_af,
            ),
            list[AnmeldtKrav],
            options,
        )

    def iter_list_anmeldte_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[AnmeldtKrav]:
        """Hent anmeldte krav (likvidator)

        Henter alle krav, der er anmeldt i sagen, til brug for likvidators
        stillingtagen. Kaldes af en integration, der handler på vegne af sagens
        likvidator.

        `GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav` (scopes: tvangsoploesning.likvidator)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_anmeldte_krav(
                sag_id,
                page=_page,
                size=size,
                sort=sort,
                direction=direction,
                x_paa_vegne_af=x_paa_vegne_af,
            ),
            AnmeldtKrav,
            0,
            options,
        )

    async def list_krav(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)
        """
        return await self._request(
            _list_krav(sag_id, page=page, size=size, sort=sort, direction=direction),
            list[Krav],
            options,
        )

    def iter_list_krav(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i sagen.

        `GET /tvangsoploesningssager/{sagId}/krav` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_krav(
                sag_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Krav,
            0,
            options,
        )

    async def list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)
        """
        return await self._request(
            _list_tilgodehavender(
                sag_id, page=page, size=size, sort=sort, direction=direction
            ),
            list[Tilgodehavende],
            options,
        )

    def iter_list_tilgodehavender(
        self,
        sag_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret i sagen, dvs.
        beløb som organisationen skylder selskabet.

        `GET /tvangsoploesningssager/{sagId}/tilgodehavender` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_tilgodehavender(
                sag_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Tilgodehavende,
            0,
            options,
        )

    async def record_stillingtagen(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: StillingtagenData,
        *,
        x_paa_vegne_af: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Stillingtagen:
        """Registrer likvidators stillingtagen

        Registrerer eller erstatter likvidators stillingtagen til et anmeldt
        krav. Ved delvis anerkendelse angives det anerkendte beløb i
        `anerkendtBeloeb`.

        `PUT /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen` (scopes: tvangsoploesning.likvidator)
        """
        return await self._request(
            _record_stillingtagen(sag_id, krav_id, body, x_paa_vegne_af=x_paa_vegne_af),
            Stillingtagen,
            options,
        )

    async def search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)
        """
        return await self._request(
            _search_sager(
                cvr_nummer=cvr_nummer,
                navn=navn,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
            ),
            list[Tvangsoploesningssag],
            options,
        )

    def iter_search_sager(
        self,
        *,
        cvr_nummer: str | None = None,
        navn: str | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Tvangsoploesningssag]:
        """Søg tvangsopløsningssager

        Søger selskaber under tvangsopløsning ud fra CVR-nummer eller navn.
        Resultatet pagineres; det samlede antal fund står i headeren `X-Total-
        Count`.

        `GET /tvangsoploesningssager` (scopes: tvangsoploesning.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _search_sager(
                cvr_nummer=cvr_nummer,
                navn=navn,
                page=_page,
                size=size,
                sort=sort,
                direction=direction,
            ),
            Tvangsoploesningssag,
            0,
            options,
        )

    async def update_krav(
        self,
        sag_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som likvidator har taget
        stilling til, kan ikke ændres (409).

        `PUT /tvangsoploesningssager/{sagId}/krav/{kravId}` (scopes: tvangsoploesning.skriv)
        """
        return await self._request(_update_krav(sag_id, krav_id, body), Krav, options)

    async def update_tilgodehavende(
        self,
        sag_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /tvangsoploesningssager/{sagId}/tilgodehavender/{tilgodehavendeId}` (scopes: tvangsoploesning.skriv)
        """
        return await self._request(
            _update_tilgodehavende(sag_id, tilgodehavende_id, body),
            Tilgodehavende,
            options,
        )


class ClientWithRawResponse:
    """Every operation of `Client`, answering a `RawResponse`: status, headers, request id, `.parse()`."""

    def __init__(self, client: Client) -> None:
        self.create_krav = raw_response(client.create_krav)
        self.create_tilgodehavende = raw_response(client.create_tilgodehavende)
        self.delete_krav = raw_response(client.delete_krav)
        self.delete_tilgodehavende = raw_response(client.delete_tilgodehavende)
        self.get_krav = raw_response(client.get_krav)
        self.get_sag = raw_response(client.get_sag)
        self.get_stillingtagen = raw_response(client.get_stillingtagen)
        self.get_tilgodehavende = raw_response(client.get_tilgodehavende)
        self.list_anmeldte_krav = raw_response(client.list_anmeldte_krav)
        self.list_krav = raw_response(client.list_krav)
        self.list_tilgodehavender = raw_response(client.list_tilgodehavender)
        self.record_stillingtagen = raw_response(client.record_stillingtagen)
        self.search_sager = raw_response(client.search_sager)
        self.update_krav = raw_response(client.update_krav)
        self.update_tilgodehavende = raw_response(client.update_tilgodehavende)


class AsyncClientWithRawResponse:
    """Every operation of `AsyncClient`, answering a `RawResponse`: status, headers, request id, `.parse()`."""

    def __init__(self, client: AsyncClient) -> None:
        self.create_krav = async_raw_response(client.create_krav)
        self.create_tilgodehavende = async_raw_response(client.create_tilgodehavende)
        self.delete_krav = async_raw_response(client.delete_krav)
        self.delete_tilgodehavende = async_raw_response(client.delete_tilgodehavende)
        self.get_krav = async_raw_response(client.get_krav)
        self.get_sag = async_raw_response(client.get_sag)
        self.get_stillingtagen = async_raw_response(client.get_stillingtagen)
        self.get_tilgodehavende = async_raw_response(client.get_tilgodehavende)
        self.list_anmeldte_krav = async_raw_response(client.list_anmeldte_krav)
        self.list_krav = async_raw_response(client.list_krav)
        self.list_tilgodehavender = async_raw_response(client.list_tilgodehavender)
        self.record_stillingtagen = async_raw_response(client.record_stillingtagen)
        self.search_sager = async_raw_response(client.search_sager)
        self.update_krav = async_raw_response(client.update_krav)
        self.update_tilgodehavende = async_raw_response(client.update_tilgodehavende)


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
            "Idempotency-Key": (
                str(uuid4()) if idempotency_key is None else idempotency_key
            ),
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
            "Idempotency-Key": (
                str(uuid4()) if idempotency_key is None else idempotency_key
            ),
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
