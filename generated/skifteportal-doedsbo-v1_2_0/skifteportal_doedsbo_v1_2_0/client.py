# The raw-response wrappers refer to deprecated methods by design; callers are warned.
# mypy: disable-error-code="deprecated"
"""Clients for Api til dødsbojournaler 1.2.0: `Client` (sync) and `AsyncClient`.

One method per operation, named after its operationId. Arguments: path
parameters and the body positionally, everything else by keyword. Every method
also takes `timeout=`, `extra_headers=` and `max_retries=` for that call alone;
`client.with_raw_response.<method>(...)` answers the raw response instead.
Sending, retries, authentication and paging live in `_base_client.py`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from types import NoneType
from typing import Literal
from uuid import UUID, uuid4

import httpx
from typing_extensions import Unpack, deprecated


from ._base_client import AsyncAPIClient, CallOptions, SyncAPIClient
from ._call import Call, FileContent, dump, file_part, form_value
from ._response import async_raw_response, AsyncPager, Pager, raw_response
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

    def create_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        body: EffektfortegnelseData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Effektfortegnelse:
        """Indsend en effektfortegnelse

        Indsender en fortegnelse over afdødes effekter og aktiver, som
        organisationen har i sin varetægt, med anslået værdi.

        `POST /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.skriv)
        """
        return self._request(
            _create_effektfortegnelse(
                doedsbojournal_id, body, idempotency_key=idempotency_key
            ),
            Effektfortegnelse,
            options,
        )

    def create_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        body: ForespoergselData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Forespoergsel:
        """Opret en forespørgsel

        Opretter en forespørgsel til skifteretten, fx om hvem der er boets
        kontaktperson. Skifteretten besvarer forespørgslen i feltet `svar`.

        `POST /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.skriv)
        """
        return self._request(
            _create_forespoergsel(
                doedsbojournal_id, body, idempotency_key=idempotency_key
            ),
            Forespoergsel,
            options,
        )

    def create_krav(
        self,
        doedsbojournal_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod dødsboet. Krav skal anmeldes inden
        anmeldelsesfristen, som udløber 8 uger efter proklama. Et krav, der
        anmeldes efter fristen, afvises med 409.

        `POST /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.skriv)
        """
        return self._request(
            _create_krav(doedsbojournal_id, body, idempotency_key=idempotency_key),
            Krav,
            options,
        )

    def create_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som boet har hos organisationen, fx
        indestående på en konto eller en forsikringssum.

        `POST /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.skriv)
        """
        return self._request(
            _create_tilgodehavende(
                doedsbojournal_id, body, idempotency_key=idempotency_key
            ),
            Tilgodehavende,
            options,
        )

    def delete_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et bilag

        Sletter et bilag, som organisationen har uploadet.

        `DELETE /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.skriv)
        """
        self._request(_delete_bilag(doedsbojournal_id, bilag_id), NoneType, options)

    def delete_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet en effektfortegnelse

        Sletter en effektfortegnelse, som organisationen har indsendt.

        `DELETE /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        self._request(
            _delete_effektfortegnelse(doedsbojournal_id, effektfortegnelse_id),
            NoneType,
            options,
        )

    def delete_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet en forespørgsel

        Trækker en forespørgsel tilbage. En besvaret forespørgsel kan ikke
        slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        self._request(
            _delete_forespoergsel(doedsbojournal_id, forespoergsel_id),
            NoneType,
            options,
        )

    def delete_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som skifteretten har taget
        stilling til, kan ikke slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        self._request(_delete_krav(doedsbojournal_id, krav_id), NoneType, options)

    def delete_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        self._request(
            _delete_tilgodehavende(doedsbojournal_id, tilgodehavende_id),
            NoneType,
            options,
        )

    def download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> bytes:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)
        """
        return self._request(
            _download_bilag(doedsbojournal_id, bilag_id), bytes, options
        )

    @contextmanager
    def stream_download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Iterator[httpx.Response]:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)

        Streams the body: read it with `response.iter_bytes()`.
        """
        with self._stream(
            _download_bilag(doedsbojournal_id, bilag_id), options
        ) as response:
            yield response

    def find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)
        """
        return self._request(
            _find_changed_since(body, page=page, size=size),
            list[Doedsbojournal],
            options,
        )

    def iter_find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _find_changed_since(body, page=_page, size=size),
            Doedsbojournal,
            0,
            options,
        )

    def get_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Bilag:
        """Hent metadata for et bilag

        Henter metadata for et bilag.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.laes)
        """
        return self._request(_get_bilag(doedsbojournal_id, bilag_id), Bilag, options)

    def get_bo(
        self,
        doedsbojournal_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Doedsbojournal:
        """Hent en dødsbojournal

        Henter én dødsbojournal ud fra dens id (opslag på dødsbo).

        `GET /doedsbojournaler/{doedsbojournalId}` (scopes: doedsbo.laes)
        """
        return self._request(_get_bo(doedsbojournal_id), Doedsbojournal, options)

    def get_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Effektfortegnelse:
        """Hent en effektfortegnelse

        Henter en effektfortegnelse.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.laes)
        """
        return self._request(
            _get_effektfortegnelse(doedsbojournal_id, effektfortegnelse_id),
            Effektfortegnelse,
            options,
        )

    def get_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Forespoergsel:
        """Hent en forespørgsel

        Henter en forespørgsel med eventuelt svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.laes)
        """
        return self._request(
            _get_forespoergsel(doedsbojournal_id, forespoergsel_id),
            Forespoergsel,
            options,
        )

    def get_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.laes)
        """
        return self._request(_get_krav(doedsbojournal_id, krav_id), Krav, options)

    def get_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.laes)
        """
        return self._request(
            _get_tilgodehavende(doedsbojournal_id, tilgodehavende_id),
            Tilgodehavende,
            options,
        )

    def list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)
        """
        return self._request(
            _list_bilag(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                relation=relation,
            ),
            list[Bilag],
            options,
        )

    def iter_list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_bilag(
                doedsbojournal_id,
                page=_page,
                size=size,
                sort=sort,
                direction=direction,
                relation=relation,
            ),
            Bilag,
            0,
            options,
        )

    def list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)
        """
        return self._request(
            _list_effektfortegnelser(doedsbojournal_id, page=page, size=size),
            list[Effektfortegnelse],
            options,
        )

    def iter_list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_effektfortegnelser(
                doedsbojournal_id, page=_page, size=size
            ),
            Effektfortegnelse,
            0,
            options,
        )

    def list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)
        """
        return self._request(
            _list_forespoergsler(doedsbojournal_id, page=page, size=size),
            list[Forespoergsel],
            options,
        )

    def iter_list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_forespoergsler(
                doedsbojournal_id, page=_page, size=size
            ),
            Forespoergsel,
            0,
            options,
        )

    def list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)
        """
        return self._request(
            _list_krav(
                doedsbojournal_id, page=page, size=size, sort=sort, direction=direction
            ),
            list[Krav],
            options,
        )

    def iter_list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_krav(
                doedsbojournal_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Krav,
            0,
            options,
        )

    @deprecated("`list_krav_bilag` is deprecated in the specification.")
    def list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.
        """
        return self._request(
            _list_krav_bilag(doedsbojournal_id, krav_id, page=page, size=size),
            list[Bilag],
            options,
        )

    @deprecated("`list_krav_bilag` is deprecated in the specification.")
    def iter_list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_krav_bilag(
                doedsbojournal_id, krav_id, page=_page, size=size
            ),
            Bilag,
            0,
            options,
        )

    def list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)
        """
        return self._request(
            _list_tilgodehavender(
                doedsbojournal_id, page=page, size=size, sort=sort, direction=direction
            ),
            list[Tilgodehavende],
            options,
        )

    def iter_list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_tilgodehavender(
                doedsbojournal_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Tilgodehavende,
            0,
            options,
        )

    def search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)
        """
        return self._request(
            _search_bo(body, page=page, size=size, sort=sort, direction=direction),
            list[Doedsbojournal],
            options,
        )

    def iter_search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> Pager[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _search_bo(
                body, page=_page, size=size, sort=sort, direction=direction
            ),
            Doedsbojournal,
            0,
            options,
        )

    def update_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        body: EffektfortegnelseData,
        **options: Unpack[CallOptions],
    ) -> Effektfortegnelse:
        """Opdater en effektfortegnelse

        Erstatter effektfortegnelsen med en ny udgave.

        `PUT /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        return self._request(
            _update_effektfortegnelse(doedsbojournal_id, effektfortegnelse_id, body),
            Effektfortegnelse,
            options,
        )

    def update_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        body: ForespoergselData,
        **options: Unpack[CallOptions],
    ) -> Forespoergsel:
        """Opdater en forespørgsel

        Ændrer en forespørgsel, som endnu ikke er besvaret. En besvaret
        forespørgsel kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        return self._request(
            _update_forespoergsel(doedsbojournal_id, forespoergsel_id, body),
            Forespoergsel,
            options,
        )

    def update_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som skifteretten har taget
        stilling til, kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        return self._request(
            _update_krav(doedsbojournal_id, krav_id, body), Krav, options
        )

    def update_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        return self._request(
            _update_tilgodehavende(doedsbojournal_id, tilgodehavende_id, body),
            Tilgodehavende,
            options,
        )

    def upload_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        fil: FileContent,
        beskrivelse: str | None = None,
        relation: str | UUID | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Bilag:
        """Upload et bilag

        Uploader dokumentation (PDF) til dødsboet, eventuelt knyttet til et krav
        eller et tilgodehavende via `relation`.

        `POST /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.skriv)
        """
        return self._request(
            _upload_bilag(
                doedsbojournal_id,
                fil=fil,
                beskrivelse=beskrivelse,
                relation=relation,
                idempotency_key=idempotency_key,
            ),
            Bilag,
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

    async def create_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        body: EffektfortegnelseData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Effektfortegnelse:
        """Indsend en effektfortegnelse

        Indsender en fortegnelse over afdødes effekter og aktiver, som
        organisationen har i sin varetægt, med anslået værdi.

        `POST /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _create_effektfortegnelse(
                doedsbojournal_id, body, idempotency_key=idempotency_key
            ),
            Effektfortegnelse,
            options,
        )

    async def create_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        body: ForespoergselData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Forespoergsel:
        """Opret en forespørgsel

        Opretter en forespørgsel til skifteretten, fx om hvem der er boets
        kontaktperson. Skifteretten besvarer forespørgslen i feltet `svar`.

        `POST /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _create_forespoergsel(
                doedsbojournal_id, body, idempotency_key=idempotency_key
            ),
            Forespoergsel,
            options,
        )

    async def create_krav(
        self,
        doedsbojournal_id: str | UUID,
        body: KravData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Anmeld et krav

        Anmelder et krav mod dødsboet. Krav skal anmeldes inden
        anmeldelsesfristen, som udløber 8 uger efter proklama. Et krav, der
        anmeldes efter fristen, afvises med 409.

        `POST /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _create_krav(doedsbojournal_id, body, idempotency_key=idempotency_key),
            Krav,
            options,
        )

    async def create_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        body: TilgodehavendeData,
        *,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Registrer et tilgodehavende

        Registrerer et tilgodehavende, som boet har hos organisationen, fx
        indestående på en konto eller en forsikringssum.

        `POST /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _create_tilgodehavende(
                doedsbojournal_id, body, idempotency_key=idempotency_key
            ),
            Tilgodehavende,
            options,
        )

    async def delete_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et bilag

        Sletter et bilag, som organisationen har uploadet.

        `DELETE /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.skriv)
        """
        await self._request(
            _delete_bilag(doedsbojournal_id, bilag_id), NoneType, options
        )

    async def delete_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet en effektfortegnelse

        Sletter en effektfortegnelse, som organisationen har indsendt.

        `DELETE /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        await self._request(
            _delete_effektfortegnelse(doedsbojournal_id, effektfortegnelse_id),
            NoneType,
            options,
        )

    async def delete_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet en forespørgsel

        Trækker en forespørgsel tilbage. En besvaret forespørgsel kan ikke
        slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        await self._request(
            _delete_forespoergsel(doedsbojournal_id, forespoergsel_id),
            NoneType,
            options,
        )

    async def delete_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et krav

        Trækker et anmeldt krav tilbage. Et krav, som skifteretten har taget
        stilling til, kan ikke slettes (409).

        `DELETE /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        await self._request(_delete_krav(doedsbojournal_id, krav_id), NoneType, options)

    async def delete_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> None:
        """Slet et tilgodehavende

        Sletter et tilgodehavende, som organisationen har registreret.

        `DELETE /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        await self._request(
            _delete_tilgodehavende(doedsbojournal_id, tilgodehavende_id),
            NoneType,
            options,
        )

    async def download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> bytes:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)
        """
        return await self._request(
            _download_bilag(doedsbojournal_id, bilag_id), bytes, options
        )

    @asynccontextmanager
    async def stream_download_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> AsyncIterator[httpx.Response]:
        """Hent et bilags indhold

        Henter selve dokumentet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}/indhold` (scopes: doedsbo.laes)

        Streams the body: read it with `response.iter_bytes()` (async).
        """
        async with self._stream(
            _download_bilag(doedsbojournal_id, bilag_id), options
        ) as response:
            yield response

    async def find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)
        """
        return await self._request(
            _find_changed_since(body, page=page, size=size),
            list[Doedsbojournal],
            options,
        )

    def iter_find_changed_since(
        self,
        body: DoedsbojournalAendringer,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Doedsbojournal]:
        """Find ændrede dødsbojournaler

        Returnerer de af de angivne dødsbojournaler, som er ændret efter det
        angivne tidspunkt. Bruges til at holde en lokal kopi opdateret uden at
        hente alle journaler igen.

        `POST /doedsbojournaler/aendringer` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _find_changed_since(body, page=_page, size=size),
            Doedsbojournal,
            0,
            options,
        )

    async def get_bilag(
        self,
        doedsbojournal_id: str | UUID,
        bilag_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Bilag:
        """Hent metadata for et bilag

        Henter metadata for et bilag.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}` (scopes: doedsbo.laes)
        """
        return await self._request(
            _get_bilag(doedsbojournal_id, bilag_id), Bilag, options
        )

    async def get_bo(
        self,
        doedsbojournal_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Doedsbojournal:
        """Hent en dødsbojournal

        Henter én dødsbojournal ud fra dens id (opslag på dødsbo).

        `GET /doedsbojournaler/{doedsbojournalId}` (scopes: doedsbo.laes)
        """
        return await self._request(_get_bo(doedsbojournal_id), Doedsbojournal, options)

    async def get_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Effektfortegnelse:
        """Hent en effektfortegnelse

        Henter en effektfortegnelse.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.laes)
        """
        return await self._request(
            _get_effektfortegnelse(doedsbojournal_id, effektfortegnelse_id),
            Effektfortegnelse,
            options,
        )

    async def get_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Forespoergsel:
        """Hent en forespørgsel

        Henter en forespørgsel med eventuelt svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.laes)
        """
        return await self._request(
            _get_forespoergsel(doedsbojournal_id, forespoergsel_id),
            Forespoergsel,
            options,
        )

    async def get_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Hent et krav

        Henter et anmeldt krav.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.laes)
        """
        return await self._request(_get_krav(doedsbojournal_id, krav_id), Krav, options)

    async def get_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Hent et tilgodehavende

        Henter et registreret tilgodehavende.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.laes)
        """
        return await self._request(
            _get_tilgodehavende(doedsbojournal_id, tilgodehavende_id),
            Tilgodehavende,
            options,
        )

    async def list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)
        """
        return await self._request(
            _list_bilag(
                doedsbojournal_id,
                page=page,
                size=size,
                sort=sort,
                direction=direction,
                relation=relation,
            ),
            list[Bilag],
            options,
        )

    def iter_list_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        relation: str | UUID | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Bilag]:
        """Hent bilag

        Henter metadata for de bilag, organisationen har uploadet til dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_bilag(
                doedsbojournal_id,
                page=_page,
                size=size,
                sort=sort,
                direction=direction,
                relation=relation,
            ),
            Bilag,
            0,
            options,
        )

    async def list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)
        """
        return await self._request(
            _list_effektfortegnelser(doedsbojournal_id, page=page, size=size),
            list[Effektfortegnelse],
            options,
        )

    def iter_list_effektfortegnelser(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Effektfortegnelse]:
        """Hent effektfortegnelser

        Henter de effektfortegnelser, organisationen har indsendt for dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_effektfortegnelser(
                doedsbojournal_id, page=_page, size=size
            ),
            Effektfortegnelse,
            0,
            options,
        )

    async def list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)
        """
        return await self._request(
            _list_forespoergsler(doedsbojournal_id, page=page, size=size),
            list[Forespoergsel],
            options,
        )

    def iter_list_forespoergsler(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Forespoergsel]:
        """Hent forespørgsler

        Henter organisationens forespørgsler til skifteretten om dødsboet og
        skifterettens eventuelle svar.

        `GET /doedsbojournaler/{doedsbojournalId}/forespoergsler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_forespoergsler(
                doedsbojournal_id, page=_page, size=size
            ),
            Forespoergsel,
            0,
            options,
        )

    async def list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)
        """
        return await self._request(
            _list_krav(
                doedsbojournal_id, page=page, size=size, sort=sort, direction=direction
            ),
            list[Krav],
            options,
        )

    def iter_list_krav(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Krav]:
        """Hent anmeldte krav

        Henter de krav, organisationen har anmeldt i dødsboet.

        `GET /doedsbojournaler/{doedsbojournalId}/krav` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_krav(
                doedsbojournal_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Krav,
            0,
            options,
        )

    @deprecated("`list_krav_bilag` is deprecated in the specification.")
    async def list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.
        """
        return await self._request(
            _list_krav_bilag(doedsbojournal_id, krav_id, page=page, size=size),
            list[Bilag],
            options,
        )

    @deprecated("`list_krav_bilag` is deprecated in the specification.")
    def iter_list_krav_bilag(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        *,
        size: int | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Bilag]:
        """Hent bilag til et krav

        Forældet fra version 1.2.0. Brug i stedet `listBilag` (GET
        /doedsbojournaler/{doedsbojournalId}/bilag) med query-parameteren
        `relation` sat til kravets id. Operationen fjernes i en senere version.

        `GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag` (scopes: doedsbo.laes)

        Deprecated in the specification.

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_krav_bilag(
                doedsbojournal_id, krav_id, page=_page, size=size
            ),
            Bilag,
            0,
            options,
        )

    async def list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)
        """
        return await self._request(
            _list_tilgodehavender(
                doedsbojournal_id, page=page, size=size, sort=sort, direction=direction
            ),
            list[Tilgodehavende],
            options,
        )

    def iter_list_tilgodehavender(
        self,
        doedsbojournal_id: str | UUID,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Tilgodehavende]:
        """Hent tilgodehavender

        Henter de tilgodehavender, organisationen har registreret for dødsboet,
        dvs. beløb som organisationen skylder boet.

        `GET /doedsbojournaler/{doedsbojournalId}/tilgodehavender` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _list_tilgodehavender(
                doedsbojournal_id, page=_page, size=size, sort=sort, direction=direction
            ),
            Tilgodehavende,
            0,
            options,
        )

    async def search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        page: int | None = None,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> list[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)
        """
        return await self._request(
            _search_bo(body, page=page, size=size, sort=sort, direction=direction),
            list[Doedsbojournal],
            options,
        )

    def iter_search_bo(
        self,
        body: DoedsbojournalQuery,
        *,
        size: int | None = None,
        sort: str | None = None,
        direction: Literal["ASC", "DESC"] | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncPager[Doedsbojournal]:
        """Søg dødsbojournaler

        Søger dødsbojournaler ud fra afdødes CPR-nummer eller ud fra afdødes
        navn og adresse. Resultatet pagineres; det samlede antal fund står i
        headeren `X-Total-Count`.

        `POST /doedsbojournaler` (scopes: doedsbo.laes)

        Yields every item, page after page, until `X-Total-Count` items are
        read; the pager's `total` is that count.
        """
        return self._pages(
            lambda _page: _search_bo(
                body, page=_page, size=size, sort=sort, direction=direction
            ),
            Doedsbojournal,
            0,
            options,
        )

    async def update_effektfortegnelse(
        self,
        doedsbojournal_id: str | UUID,
        effektfortegnelse_id: str | UUID,
        body: EffektfortegnelseData,
        **options: Unpack[CallOptions],
    ) -> Effektfortegnelse:
        """Opdater en effektfortegnelse

        Erstatter effektfortegnelsen med en ny udgave.

        `PUT /doedsbojournaler/{doedsbojournalId}/effektfortegnelser/{effektfortegnelseId}` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _update_effektfortegnelse(doedsbojournal_id, effektfortegnelse_id, body),
            Effektfortegnelse,
            options,
        )

    async def update_forespoergsel(
        self,
        doedsbojournal_id: str | UUID,
        forespoergsel_id: str | UUID,
        body: ForespoergselData,
        **options: Unpack[CallOptions],
    ) -> Forespoergsel:
        """Opdater en forespørgsel

        Ændrer en forespørgsel, som endnu ikke er besvaret. En besvaret
        forespørgsel kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _update_forespoergsel(doedsbojournal_id, forespoergsel_id, body),
            Forespoergsel,
            options,
        )

    async def update_krav(
        self,
        doedsbojournal_id: str | UUID,
        krav_id: str | UUID,
        body: KravData,
        **options: Unpack[CallOptions],
    ) -> Krav:
        """Opdater et krav

        Erstatter kravets oplysninger. Et krav, som skifteretten har taget
        stilling til, kan ikke ændres (409).

        `PUT /doedsbojournaler/{doedsbojournalId}/krav/{kravId}` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _update_krav(doedsbojournal_id, krav_id, body), Krav, options
        )

    async def update_tilgodehavende(
        self,
        doedsbojournal_id: str | UUID,
        tilgodehavende_id: str | UUID,
        body: TilgodehavendeData,
        **options: Unpack[CallOptions],
    ) -> Tilgodehavende:
        """Opdater et tilgodehavende

        Erstatter tilgodehavendets oplysninger.

        `PUT /doedsbojournaler/{doedsbojournalId}/tilgodehavender/{tilgodehavendeId}` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _update_tilgodehavende(doedsbojournal_id, tilgodehavende_id, body),
            Tilgodehavende,
            options,
        )

    async def upload_bilag(
        self,
        doedsbojournal_id: str | UUID,
        *,
        fil: FileContent,
        beskrivelse: str | None = None,
        relation: str | UUID | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[CallOptions],
    ) -> Bilag:
        """Upload et bilag

        Uploader dokumentation (PDF) til dødsboet, eventuelt knyttet til et krav
        eller et tilgodehavende via `relation`.

        `POST /doedsbojournaler/{doedsbojournalId}/bilag` (scopes: doedsbo.skriv)
        """
        return await self._request(
            _upload_bilag(
                doedsbojournal_id,
                fil=fil,
                beskrivelse=beskrivelse,
                relation=relation,
                idempotency_key=idempotency_key,
            ),
            Bilag,
            options,
        )


class ClientWithRawResponse:
    """Every operation of `Client`, answering a `RawResponse`: status, headers, request id, `.parse()`."""

    def __init__(self, client: Client) -> None:
        self.create_effektfortegnelse = raw_response(client.create_effektfortegnelse)
        self.create_forespoergsel = raw_response(client.create_forespoergsel)
        self.create_krav = raw_response(client.create_krav)
        self.create_tilgodehavende = raw_response(client.create_tilgodehavende)
        self.delete_bilag = raw_response(client.delete_bilag)
        self.delete_effektfortegnelse = raw_response(client.delete_effektfortegnelse)
        self.delete_forespoergsel = raw_response(client.delete_forespoergsel)
        self.delete_krav = raw_response(client.delete_krav)
        self.delete_tilgodehavende = raw_response(client.delete_tilgodehavende)
        self.download_bilag = raw_response(client.download_bilag)
        self.find_changed_since = raw_response(client.find_changed_since)
        self.get_bilag = raw_response(client.get_bilag)
        self.get_bo = raw_response(client.get_bo)
        self.get_effektfortegnelse = raw_response(client.get_effektfortegnelse)
        self.get_forespoergsel = raw_response(client.get_forespoergsel)
        self.get_krav = raw_response(client.get_krav)
        self.get_tilgodehavende = raw_response(client.get_tilgodehavende)
        self.list_bilag = raw_response(client.list_bilag)
        self.list_effektfortegnelser = raw_response(client.list_effektfortegnelser)
        self.list_forespoergsler = raw_response(client.list_forespoergsler)
        self.list_krav = raw_response(client.list_krav)
        self.list_krav_bilag = raw_response(client.list_krav_bilag)
        self.list_tilgodehavender = raw_response(client.list_tilgodehavender)
        self.search_bo = raw_response(client.search_bo)
        self.update_effektfortegnelse = raw_response(client.update_effektfortegnelse)
        self.update_forespoergsel = raw_response(client.update_forespoergsel)
        self.update_krav = raw_response(client.update_krav)
        self.update_tilgodehavende = raw_response(client.update_tilgodehavende)
        self.upload_bilag = raw_response(client.upload_bilag)


class AsyncClientWithRawResponse:
    """Every operation of `AsyncClient`, answering a `RawResponse`: status, headers, request id, `.parse()`."""

    def __init__(self, client: AsyncClient) -> None:
        self.create_effektfortegnelse = async_raw_response(
            client.create_effektfortegnelse
        )
        self.create_forespoergsel = async_raw_response(client.create_forespoergsel)
        self.create_krav = async_raw_response(client.create_krav)
        self.create_tilgodehavende = async_raw_response(client.create_tilgodehavende)
        self.delete_bilag = async_raw_response(client.delete_bilag)
        self.delete_effektfortegnelse = async_raw_response(
            client.delete_effektfortegnelse
        )
        self.delete_forespoergsel = async_raw_response(client.delete_forespoergsel)
        self.delete_krav = async_raw_response(client.delete_krav)
        self.delete_tilgodehavende = async_raw_response(client.delete_tilgodehavende)
        self.download_bilag = async_raw_response(client.download_bilag)
        self.find_changed_since = async_raw_response(client.find_changed_since)
        self.get_bilag = async_raw_response(client.get_bilag)
        self.get_bo = async_raw_response(client.get_bo)
        self.get_effektfortegnelse = async_raw_response(client.get_effektfortegnelse)
        self.get_forespoergsel = async_raw_response(client.get_forespoergsel)
        self.get_krav = async_raw_response(client.get_krav)
        self.get_tilgodehavende = async_raw_response(client.get_tilgodehavende)
        self.list_bilag = async_raw_response(client.list_bilag)
        self.list_effektfortegnelser = async_raw_response(
            client.list_effektfortegnelser
        )
        self.list_forespoergsler = async_raw_response(client.list_forespoergsler)
        self.list_krav = async_raw_response(client.list_krav)
        self.list_krav_bilag = async_raw_response(client.list_krav_bilag)
        self.list_tilgodehavender = async_raw_response(client.list_tilgodehavender)
        self.search_bo = async_raw_response(client.search_bo)
        self.update_effektfortegnelse = async_raw_response(
            client.update_effektfortegnelse
        )
        self.update_forespoergsel = async_raw_response(client.update_forespoergsel)
        self.update_krav = async_raw_response(client.update_krav)
        self.update_tilgodehavende = async_raw_response(client.update_tilgodehavende)
        self.upload_bilag = async_raw_response(client.upload_bilag)


# One builder per operation, shared by both clients: arguments → Call.


def _create_effektfortegnelse(
    doedsbojournal_id: str | UUID,
    body: EffektfortegnelseData,
    *,
    idempotency_key: str | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/effektfortegnelser",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": (
                str(uuid4()) if idempotency_key is None else idempotency_key
            ),
        },
        json=dump(EffektfortegnelseData, body),
    )


def _create_forespoergsel(
    doedsbojournal_id: str | UUID,
    body: ForespoergselData,
    *,
    idempotency_key: str | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/forespoergsler",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": (
                str(uuid4()) if idempotency_key is None else idempotency_key
            ),
        },
        json=dump(ForespoergselData, body),
    )


def _create_krav(
    doedsbojournal_id: str | UUID,
    body: KravData,
    *,
    idempotency_key: str | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/krav",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": (
                str(uuid4()) if idempotency_key is None else idempotency_key
            ),
        },
        json=dump(KravData, body),
    )


def _create_tilgodehavende(
    doedsbojournal_id: str | UUID,
    body: TilgodehavendeData,
    *,
    idempotency_key: str | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/tilgodehavender",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": (
                str(uuid4()) if idempotency_key is None else idempotency_key
            ),
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
    beskrivelse: str | None = None,
    relation: str | UUID | None = None,
    idempotency_key: str | None = None,
) -> Call:
    return Call(
        "POST",
        "/doedsbojournaler/{doedsbojournalId}/bilag",
        path_params={
            "doedsbojournalId": doedsbojournal_id,
        },
        headers={
            "Idempotency-Key": (
                str(uuid4()) if idempotency_key is None else idempotency_key
            ),
        },
        files={
            "fil": file_part(fil, "application/pdf"),
        },
        data={
            **({} if beskrivelse is None else {"beskrivelse": form_value(beskrivelse)}),
            **({} if relation is None else {"relation": form_value(relation)}),
        },
    )
