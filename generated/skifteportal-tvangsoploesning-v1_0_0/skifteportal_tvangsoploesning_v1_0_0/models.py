"""Models of Api til tvangsopløsningssager 1.0.0. Generated: do not edit."""

from __future__ import annotations

from typing import Annotated
from pydantic import AwareDatetime, Field
from enum import StrEnum
from uuid import UUID
from datetime import date

from typing import Any as _Any
from typing import Literal as _Literal

from pydantic import BaseModel as _BaseModel
from pydantic import ConfigDict as _ConfigDict


class _Model(_BaseModel):
    """Base of the object models: strict about keywords, lenient about parsed data.

    Build a model by Python name or by wire name; both work, and type checkers see the
    Python names. A keyword that names no field raises a ValidationError, also inside
    nested dictionaries. `model_validate`/`model_validate_json` (and the client, for
    responses) ignore properties a newer release of the API may have added. Models
    serialise by wire name. `mypy --strict` needs no plugin to check keywords; with
    pydantic's plugin, set `init_typed` and `init_forbid_extra` to keep the checks.
    """

    model_config = _ConfigDict(
        validate_by_name=True, validate_by_alias=True, serialize_by_alias=True
    )

    def __init__(self, /, **data: _Any) -> None:
        allow = self.model_config.get("extra") == "allow"
        extra: _Literal["forbid"] | None = None if allow else "forbid"
        self.__pydantic_validator__.validate_python(
            data, self_instance=self, extra=extra
        )

    # Parsing validates without calling __init__, as it does for pydantic's own:
    setattr(__init__, "__pydantic_base_init__", True)


class Adresse(_Model):
    """
    En dansk postadresse.
    """

    vejnavn: Annotated[str | None, Field(examples=["Prøvevej"])] = None
    husnummer: Annotated[str | None, Field(examples=["1"])] = None
    postnummer: Annotated[
        str | None, Field(examples=["9999"], pattern="^[0-9]{4}$")
    ] = None
    bynavn: Annotated[str | None, Field(examples=["Testby"])] = None


class Fejl(_Model):
    """
    Fejlbeskrivelse, som returneres ved alle fejl.
    """

    fejlkode: Annotated[str, Field(examples=["KRAV_EFTER_ANMELDELSESFRIST"])]
    """
    Maskinlæsbar fejlkode.
    """
    besked: Annotated[str, Field(examples=["Feltet er ugyldigt."])]
    """
    Beskrivelse af fejlen på dansk.
    """
    felt: Annotated[str | None, Field(examples=["beloeb"])] = None
    """
    Det felt i forespørgslen, som fejlen vedrører.
    """
    request_id: Annotated[
        str | None,
        Field(
            validation_alias="requestId",
            serialization_alias="requestId",
            examples=["c0ffee00-0000-4000-8000-000000000042"],
        ),
    ] = None
    """
    Id på kaldet. Oplys det ved henvendelse til support.
    """
    tidspunkt: Annotated[
        AwareDatetime | None, Field(examples=["2024-05-02T10:15:30Z"])
    ] = None
    """
    Tidspunktet for fejlen.
    """


class KravDataKravtype(StrEnum):
    """
    Kravets art.
    """

    LEVERANDOERGAELD = "LEVERANDOERGAELD"
    LOEN = "LOEN"
    SKAT_OG_AFGIFTER = "SKAT_OG_AFGIFTER"
    LEJE = "LEJE"
    LAAN = "LAAN"
    ANDET = "ANDET"


class Kreditor(_Model):
    """
    Den kreditor, kravet anmeldes for.
    """

    navn: Annotated[str, Field(examples=["Fiktiv Grossist A/S"])]
    """
    Kreditors navn.
    """
    cvr_nummer: Annotated[
        str | None,
        Field(
            validation_alias="cvrNummer",
            serialization_alias="cvrNummer",
            examples=["94938279"],
            pattern="^[0-9]{8}$",
        ),
    ] = None
    """
    Kreditors CVR-nummer.
    """


class Likvidator(_Model):
    """
    Den likvidator, skifteretten har udpeget i sagen.
    """

    navn: Annotated[str, Field(examples=["Fiktiv Advokat"])]
    """
    Likvidators navn.
    """
    advokatfirma: Annotated[
        str | None, Field(examples=["Advokatfirmaet Prøve & Co."])
    ] = None
    """
    Likvidators advokatfirma.
    """
    email: Annotated[str | None, Field(examples=["fiktiv.advokat@example.com"])] = None
    """
    E-mailadresse.
    """


class StillingtagenDataStillingtagen(StrEnum):
    """
    Likvidators afgørelse.
    """

    ANERKENDT = "ANERKENDT"
    AFVIST = "AFVIST"
    DELVIST_ANERKENDT = "DELVIST_ANERKENDT"
    UDSAT = "UDSAT"


class TilgodehavendeDataTilgodehavendetype(StrEnum):
    """
    Tilgodehavendets art.
    """

    BANKINDESTAAENDE = "BANKINDESTAAENDE"
    DEPOSITUM = "DEPOSITUM"
    DEBITOR = "DEBITOR"
    ANDET = "ANDET"


class TvangsoploesningssagStatus(StrEnum):
    """
    Sagens status.
    """

    MODTAGET = "MODTAGET"
    UNDER_LIKVIDATION = "UNDER_LIKVIDATION"
    OPLOEST = "OPLOEST"
    HAEVET = "HAEVET"


class VirksomhedSelskabsform(StrEnum):
    """
    Selskabsform.
    """

    AP_S = "ApS"
    A_S = "A/S"
    IVS = "IVS"
    P_S = "P/S"
    K_S = "K/S"


class AnmeldtKrav(_Model):
    """
    Et krav, som en kreditor har anmeldt i sagen, set fra likvidators side.
    """

    krav_id: Annotated[
        UUID,
        Field(
            validation_alias="kravId",
            serialization_alias="kravId",
            examples=["7a0e5a90-0000-4000-8000-000000000101"],
        ),
    ]
    """
    Kravets id.
    """
    kreditor: Kreditor
    beloeb: Annotated[float, Field(examples=[18750.0])]
    """
    Det anmeldte beløb.
    """
    valuta: Annotated[str, Field(examples=["DKK"], pattern="^[A-Z]{3}$")] = "DKK"
    """
    Valutakode efter ISO 4217.
    """
    anmeldt: Annotated[AwareDatetime, Field(examples=["2024-05-02T10:15:30Z"])]
    """
    Tidspunktet, hvor kravet blev anmeldt.
    """
    har_stillingtagen: Annotated[
        bool,
        Field(
            validation_alias="harStillingtagen",
            serialization_alias="harStillingtagen",
            examples=[False],
        ),
    ]
    """
    Om likvidator har taget stilling til kravet.
    """


class KravData(_Model):
    """
    De oplysninger, der anmeldes for et krav.
    """

    kravtype: Annotated[KravDataKravtype, Field(examples=["LEVERANDOERGAELD"])]
    """
    Kravets art.
    """
    beloeb: Annotated[float, Field(examples=[18750.0], gt=0.0)]
    """
    Kravets størrelse.
    """
    valuta: Annotated[str, Field(examples=["DKK"], pattern="^[A-Z]{3}$")] = "DKK"
    """
    Valutakode efter ISO 4217.
    """
    kreditor: Kreditor
    forfaldsdato: Annotated[date | None, Field(examples=["2024-02-15"])] = None
    """
    Datoen, hvor kravet forfaldt til betaling.
    """
    beskrivelse: Annotated[
        str | None,
        Field(examples=["Fiktiv ubetalt faktura til test."], max_length=2000),
    ] = None
    """
    Fritekst om kravet.
    """


class StillingtagenData(_Model):
    """
    Likvidators stillingtagen til et anmeldt krav.
    """

    stillingtagen: Annotated[
        StillingtagenDataStillingtagen, Field(examples=["DELVIST_ANERKENDT"])
    ]
    """
    Likvidators afgørelse.
    """
    anerkendt_beloeb: Annotated[
        float | None,
        Field(
            validation_alias="anerkendtBeloeb",
            serialization_alias="anerkendtBeloeb",
            examples=[12000.0],
        ),
    ] = None
    """
    Det anerkendte beløb. Påkrævet ved DELVIST_ANERKENDT, ellers `null`.
    """
    begrundelse: Annotated[
        str | None,
        Field(
            examples=["Fiktiv begrundelse: en del af fakturaen er betalt."],
            max_length=2000,
        ),
    ] = None
    """
    Likvidators begrundelse.
    """


class TilgodehavendeData(_Model):
    """
    De oplysninger, der registreres for et tilgodehavende.
    """

    tilgodehavendetype: Annotated[
        TilgodehavendeDataTilgodehavendetype, Field(examples=["DEPOSITUM"])
    ]
    """
    Tilgodehavendets art.
    """
    beloeb: Annotated[float, Field(examples=[30000.0])]
    """
    Beløbet, som organisationen skylder selskabet.
    """
    valuta: Annotated[str, Field(examples=["DKK"], pattern="^[A-Z]{3}$")] = "DKK"
    """
    Valutakode efter ISO 4217.
    """
    beskrivelse: Annotated[
        str | None,
        Field(examples=["Fiktivt depositum for erhvervslejemål."], max_length=2000),
    ] = None
    """
    Fritekst om tilgodehavendet.
    """


class Virksomhed(_Model):
    """
    Selskabet under tvangsopløsning.
    """

    cvr_nummer: Annotated[
        str,
        Field(
            validation_alias="cvrNummer",
            serialization_alias="cvrNummer",
            examples=["93703707"],
            pattern="^[0-9]{8}$",
        ),
    ]
    """
    Selskabets CVR-nummer.
    """
    navn: Annotated[str, Field(examples=["Fiktivt Testselskab ApS"])]
    """
    Selskabets navn.
    """
    selskabsform: Annotated[VirksomhedSelskabsform, Field(examples=["ApS"])]
    """
    Selskabsform.
    """
    adresse: Adresse | None = None


class Krav(KravData):
    """
    Et anmeldt krav i sagen.
    """

    krav_id: Annotated[
        UUID,
        Field(
            validation_alias="kravId",
            serialization_alias="kravId",
            examples=["7a0e5a90-0000-4000-8000-000000000101"],
        ),
    ]
    """
    Kravets id.
    """
    oprettet: Annotated[AwareDatetime, Field(examples=["2024-05-02T10:15:30Z"])]
    """
    Tidspunktet, hvor kravet blev anmeldt.
    """
    opdateret: Annotated[
        AwareDatetime | None, Field(examples=["2024-05-02T10:15:30Z"])
    ] = None
    """
    Tidspunktet for seneste ændring. `null`, hvis kravet ikke er ændret.
    """


class Stillingtagen(StillingtagenData):
    """
    En registreret stillingtagen.
    """

    krav_id: Annotated[
        UUID,
        Field(
            validation_alias="kravId",
            serialization_alias="kravId",
            examples=["7a0e5a90-0000-4000-8000-000000000101"],
        ),
    ]
    """
    Id på det krav, stillingtagen vedrører.
    """
    registreret: Annotated[AwareDatetime, Field(examples=["2024-05-02T10:15:30Z"])]
    """
    Tidspunktet, hvor stillingtagen blev registreret.
    """
    registreret_af: Annotated[
        str | None,
        Field(
            validation_alias="registreretAf",
            serialization_alias="registreretAf",
            examples=["Fiktiv Advokat"],
        ),
    ] = None
    """
    Navnet på den likvidator, der tog stilling.
    """


class Tilgodehavende(TilgodehavendeData):
    """
    Et registreret tilgodehavende.
    """

    tilgodehavende_id: Annotated[
        UUID,
        Field(
            validation_alias="tilgodehavendeId",
            serialization_alias="tilgodehavendeId",
            examples=["7a0e5a90-0000-4000-8000-000000000201"],
        ),
    ]
    """
    Tilgodehavendets id.
    """
    oprettet: Annotated[AwareDatetime, Field(examples=["2024-05-02T10:15:30Z"])]
    """
    Tidspunktet, hvor tilgodehavendet blev registreret.
    """
    opdateret: Annotated[
        AwareDatetime | None, Field(examples=["2024-05-02T10:15:30Z"])
    ] = None
    """
    Tidspunktet for seneste ændring. `null`, hvis tilgodehavendet ikke er ændret.
    """


class Tvangsoploesningssag(_Model):
    """
    En sag om tvangsopløsning af et selskab.
    """

    sag_id: Annotated[
        UUID,
        Field(
            validation_alias="sagId",
            serialization_alias="sagId",
            examples=["7a0e5a90-0000-4000-8000-000000000001"],
        ),
    ]
    """
    Sagens id.
    """
    sagsnummer: Annotated[int, Field(examples=[99123])]
    """
    Skifterettens sagsnummer.
    """
    virksomhed: Virksomhed
    skifteret: Annotated[str, Field(examples=["Retten i Testby"])]
    """
    Den skifteret, der behandler sagen.
    """
    status: Annotated[TvangsoploesningssagStatus, Field(examples=["UNDER_LIKVIDATION"])]
    """
    Sagens status.
    """
    kendelsesdato: Annotated[date | None, Field(examples=["2024-03-04"])] = None
    """
    Datoen for skifterettens kendelse om tvangsopløsning.
    """
    anmeldelsesfrist: Annotated[date | None, Field(examples=["2024-05-07"])] = None
    """
    Sidste dag for anmeldelse af krav. `null`, indtil fristen er fastsat.
    """
    likvidator: Likvidator | None = None
