"""Models of Api til dødsbojournaler 1.3.0. Generated: do not edit."""

from __future__ import annotations

from typing import Annotated
from pydantic import AwareDatetime, Field
from datetime import date
from uuid import UUID
from enum import StrEnum

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


class Afdoede(_Model):
    """
    Oplysninger om afdøde.
    """

    navn: Annotated[str, Field(examples=["Fiktiv Person"])]
    """
    Afdødes fulde navn.
    """
    cpr_nummer: Annotated[
        str,
        Field(
            validation_alias="cprNummer",
            serialization_alias="cprNummer",
            examples=["650321-4127"],
            pattern="^[0-9]{6}-?[0-9]{4}$",
        ),
    ]
    """
    Afdødes CPR-nummer.
    """
    doedsdato: Annotated[date, Field(examples=["2024-03-18"])]
    """
    Dødsdatoen.
    """
    adresse: Annotated[str | None, Field(examples=["Prøvevej 1, 9999 Testby"])] = None
    """
    Afdødes seneste adresse.
    """


class Bilag(_Model):
    """
    Metadata for et uploadet bilag.
    """

    bilag_id: Annotated[
        UUID,
        Field(
            validation_alias="bilagId",
            serialization_alias="bilagId",
            examples=["d0e5b0d1-0000-4000-8000-000000000501"],
        ),
    ]
    """
    Bilagets id.
    """
    filnavn: Annotated[str, Field(examples=["kontoudskrift-fiktiv.pdf"])]
    """
    Filnavnet ved upload.
    """
    stoerrelse: Annotated[int, Field(examples=[48213], ge=0)]
    """
    Filens størrelse i bytes.
    """
    mediatype: Annotated[str, Field(examples=["application/pdf"])]
    """
    Filens medietype.
    """
    beskrivelse: Annotated[str | None, Field(examples=["Fiktiv kontoudskrift"])] = None
    """
    Beskrivelse af dokumentet.
    """
    relation: Annotated[
        UUID | None, Field(examples=["d0e5b0d1-0000-4000-8000-000000000101"])
    ] = None
    """
    Id på det krav eller tilgodehavende, bilaget vedrører, eller `null`.
    """
    oprettet: Annotated[AwareDatetime, Field(examples=["2024-05-02T10:15:30Z"])]
    """
    Tidspunktet, hvor bilaget blev uploadet.
    """


class DoedsbojournalAendringer(_Model):
    """
    De dødsbojournaler, der skal undersøges for ændringer, og tidspunktet, der skal undersøges fra.
    """

    doedsbojournal_ids: Annotated[
        list[UUID],
        Field(
            validation_alias="doedsbojournalIds",
            serialization_alias="doedsbojournalIds",
            max_length=500,
            min_length=1,
        ),
    ]
    """
    Id'er på de dødsbojournaler, der skal undersøges.
    """
    tidspunkt: Annotated[AwareDatetime, Field(examples=["2024-05-01T00:00:00Z"])]
    """
    Returnér kun dødsbojournaler, der er ændret efter dette tidspunkt.
    """


class DoedsbojournalQuery(_Model):
    """
    Søgekriterier. Angiv enten `cprNummer` eller `navn` og `adresse`.
    """

    cpr_nummer: Annotated[
        str | None,
        Field(
            validation_alias="cprNummer",
            serialization_alias="cprNummer",
            examples=["650321-4127"],
            pattern="^[0-9]{6}-?[0-9]{4}$",
        ),
    ] = None
    """
    Afdødes CPR-nummer, med eller uden bindestreg.
    """
    navn: Annotated[str | None, Field(examples=["Fiktiv Person"])] = None
    """
    Afdødes fulde navn.
    """
    adresse: Annotated[str | None, Field(examples=["Prøvevej 1, 9999 Testby"])] = None
    """
    Afdødes seneste adresse.
    """


class DoedsbojournalSkifteform(StrEnum):
    """
    Den skifteform, boet behandles efter. Udeladt, indtil skifteformen er fastlagt.
    """

    BOUDLAEG = "BOUDLAEG"
    AEGTEFAELLEUDLAEG = "AEGTEFAELLEUDLAEG"
    UDLEVERING_TIL_USKIFTET_BO = "UDLEVERING_TIL_USKIFTET_BO"
    PRIVAT_SKIFTE = "PRIVAT_SKIFTE"
    FORENKLET_PRIVAT_SKIFTE = "FORENKLET_PRIVAT_SKIFTE"
    BOBESTYRERBO = "BOBESTYRERBO"


class DoedsbojournalStatus(StrEnum):
    """
    Boets status i skifteretten.
    """

    MODTAGET = "MODTAGET"
    UNDER_BEHANDLING = "UNDER_BEHANDLING"
    PROKLAMERET = "PROKLAMERET"
    AFSLUTTET = "AFSLUTTET"


class EffektKategori(StrEnum):
    """
    Effektens kategori.
    """

    FAST_EJENDOM = "FAST_EJENDOM"
    KOERETOEJ = "KOERETOEJ"
    INDBO = "INDBO"
    VAERDIPAPIRER = "VAERDIPAPIRER"
    ANDET = "ANDET"


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


class ForespoergselDataType(StrEnum):
    """
    Hvad forespørgslen drejer sig om.
    """

    KONTAKTPERSON = "KONTAKTPERSON"
    BOOPGOERELSE = "BOOPGOERELSE"
    ANDET = "ANDET"


class ForespoergselStatus(StrEnum):
    """
    Forespørgslens status.
    """

    AFSENDT = "AFSENDT"
    BESVARET = "BESVARET"
    AFVIST = "AFVIST"


class Kontaktoplysninger(_Model):
    """
    Kontaktoplysninger for den person, der repræsenterer boet.
    """

    navn: Annotated[str, Field(examples=["Testine Testesen"])]
    """
    Personens navn.
    """
    advokatfirma: Annotated[
        str | None, Field(examples=["Advokatfirmaet Fiktiv & Co."])
    ] = None
    """
    Eventuelt advokatfirma.
    """
    adresse: Annotated[str | None, Field(examples=["Prøvevej 3, 9999 Testby"])] = None
    """
    Postadresse.
    """
    email: Annotated[str | None, Field(examples=["testine.testesen@example.com"])] = (
        None
    )
    """
    E-mailadresse.
    """


class KravDataKravtype(StrEnum):
    """
    Kravets art.
    """

    FORSYNING = "FORSYNING"
    LAAN = "LAAN"
    KREDITKORT = "KREDITKORT"
    HUSLEJE = "HUSLEJE"
    OFFENTLIG_GAELD = "OFFENTLIG_GAELD"


class KravStatus(StrEnum):
    """
    Skifterettens behandling af kravet.
    """

    MODTAGET = "MODTAGET"
    UNDER_BEHANDLING = "UNDER_BEHANDLING"
    ANERKENDT = "ANERKENDT"
    AFVIST = "AFVIST"


class Kreditor(_Model):
    """
    Den kreditor, kravet anmeldes for. Inkassobureauer angiver den kreditor, de anmelder på vegne af.
    """

    navn: Annotated[str, Field(examples=["Fiktiv Forsyning A/S"])]
    """
    Kreditors navn.
    """
    cvr_nummer: Annotated[
        str | None,
        Field(
            validation_alias="cvrNummer",
            serialization_alias="cvrNummer",
            examples=["91234572"],
            pattern="^[0-9]{8}$",
        ),
    ] = None
    """
    Kreditors CVR-nummer.
    """
    reference: Annotated[str | None, Field(examples=["KUNDE-000123"])] = None
    """
    Kreditors egen reference, fx kundenummer.
    """


class TilgodehavendeDataTilgodehavendetype(StrEnum):
    """
    Tilgodehavendets art.
    """

    BANKINDESTAAENDE = "BANKINDESTAAENDE"
    FORSIKRING = "FORSIKRING"
    PENSION = "PENSION"
    TILBAGEBETALING = "TILBAGEBETALING"
    ANDET = "ANDET"


class Doedsbojournal(_Model):
    """
    En dødsbojournal, dvs. Skifteportalens registrering af ét dødsbo.
    """

    doedsbojournal_id: Annotated[
        UUID,
        Field(
            validation_alias="doedsbojournalId",
            serialization_alias="doedsbojournalId",
            examples=["d0e5b0d1-0000-4000-8000-000000000001"],
        ),
    ]
    """
    Dødsbojournalens id.
    """
    sagsnummer: Annotated[str | None, Field(examples=["BS-99999/2024"])] = None
    """
    Skifterettens sagsnummer.
    """
    afdoede: Afdoede
    skifteret: Annotated[str, Field(examples=["Retten i Testby"])]
    """
    Den skifteret, der behandler boet.
    """
    status: Annotated[DoedsbojournalStatus, Field(examples=["PROKLAMERET"])]
    """
    Boets status i skifteretten.
    """
    skifteform: Annotated[
        DoedsbojournalSkifteform | None, Field(examples=["BOBESTYRERBO"])
    ] = None
    """
    Den skifteform, boet behandles efter. Udeladt, indtil skifteformen er fastlagt.
    """
    bobestyrer: Kontaktoplysninger | None = None
    proklama_dato: Annotated[
        date | None,
        Field(
            validation_alias="proklamaDato",
            serialization_alias="proklamaDato",
            examples=["2024-04-02"],
        ),
    ] = None
    """
    Datoen for proklama i Statstidende. `null`, indtil der er udstedt proklama.
    """
    anmeldelsesfrist: Annotated[date | None, Field(examples=["2024-05-28"])] = None
    """
    Sidste dag for anmeldelse af krav (8 uger efter proklama). `null`, indtil der er udstedt proklama.
    """
    senest_aendret: Annotated[
        AwareDatetime,
        Field(
            validation_alias="senestAendret",
            serialization_alias="senestAendret",
            examples=["2024-05-02T10:15:30Z"],
        ),
    ]
    """
    Tidspunktet for den seneste ændring af dødsbojournalen.
    """


class Effekt(_Model):
    """
    Én genstand eller ét aktiv på en effektfortegnelse.
    """

    beskrivelse: Annotated[
        str, Field(examples=["Personbil, fiktivt mærke, årgang 2015"])
    ]
    """
    Beskrivelse af effekten.
    """
    kategori: Annotated[EffektKategori | None, Field(examples=["KOERETOEJ"])] = None
    """
    Effektens kategori.
    """
    anslaaet_vaerdi: Annotated[
        float,
        Field(
            validation_alias="anslaaetVaerdi",
            serialization_alias="anslaaetVaerdi",
            examples=[45000],
            ge=0.0,
        ),
    ]
    """
    Anslået værdi.
    """
    valuta: Annotated[str, Field(examples=["DKK"], pattern="^[A-Z]{3}$")] = "DKK"
    """
    Valutakode efter ISO 4217.
    """


class EffektfortegnelseData(_Model):
    """
    En fortegnelse over afdødes effekter og aktiver, som organisationen har i sin varetægt.
    """

    opgoerelsesdato: Annotated[date | None, Field(examples=["2024-03-18"])] = None
    """
    Datoen, fortegnelsen er opgjort pr.
    """
    genstande: Annotated[list[Effekt], Field(min_length=1)]
    """
    Effekterne på fortegnelsen.
    """
    bemaerkning: Annotated[
        str | None, Field(examples=["Fiktiv fortegnelse til test."], max_length=2000)
    ] = None
    """
    Bemærkning til fortegnelsen.
    """


class ForespoergselData(_Model):
    """
    En forespørgsel til skifteretten om dødsboet.
    """

    type: Annotated[ForespoergselDataType, Field(examples=["KONTAKTPERSON"])]
    """
    Hvad forespørgslen drejer sig om.
    """
    tekst: Annotated[
        str,
        Field(
            examples=["Hvem er boets kontaktperson? (fiktiv testforespørgsel)"],
            max_length=2000,
        ),
    ]
    """
    Forespørgslens tekst.
    """
    begrundelse: Annotated[
        str,
        Field(
            examples=["Organisationen har et tilgodehavende, som skal udbetales."],
            max_length=1000,
        ),
    ]
    """
    Organisationens interesse i boet, som begrunder forespørgslen.
    """


class ForespoergselSvar(_Model):
    """
    Skifterettens svar. `null`, indtil forespørgslen er besvaret.
    """

    besvaret: Annotated[
        AwareDatetime | None, Field(examples=["2024-05-03T09:00:00Z"])
    ] = None
    """
    Tidspunktet for svaret.
    """
    tekst: Annotated[
        str | None, Field(examples=["Boets kontaktperson fremgår nedenfor."])
    ] = None
    """
    Svarets tekst.
    """
    kontaktperson: Kontaktoplysninger | None = None


class KravData(_Model):
    """
    De oplysninger, der anmeldes for et krav.
    """

    kravtype: Annotated[KravDataKravtype, Field(examples=["FORSYNING"])]
    """
    Kravets art.
    """
    beloeb: Annotated[float, Field(examples=[4375.5], gt=0.0)]
    """
    Kravets størrelse.
    """
    valuta: Annotated[str, Field(examples=["DKK"], pattern="^[A-Z]{3}$")] = "DKK"
    """
    Valutakode efter ISO 4217.
    """
    kreditor: Kreditor
    stiftelsesdato: Annotated[date | None, Field(examples=["2024-01-31"])] = None
    """
    Datoen, hvor kravet blev stiftet.
    """
    forfaldsdato: Annotated[date | None, Field(examples=["2024-02-28"])] = None
    """
    Datoen, hvor kravet forfaldt til betaling.
    """
    beskrivelse: Annotated[
        str | None,
        Field(
            examples=["Fiktivt krav til test: forbrug af el og vand."], max_length=2000
        ),
    ] = None
    """
    Fritekst om kravet.
    """


class TilgodehavendeData(_Model):
    """
    De oplysninger, der registreres for et tilgodehavende.
    """

    tilgodehavendetype: Annotated[
        TilgodehavendeDataTilgodehavendetype, Field(examples=["BANKINDESTAAENDE"])
    ]
    """
    Tilgodehavendets art.
    """
    beloeb: Annotated[
        str, Field(examples=["12500.00"], pattern="^-?[0-9]{1,13}(\\.[0-9]{1,2})?$")
    ]
    """
    Beløbet som decimaltal med punktum og højst to decimaler, fx `12500.00`. Angives som tekst for at undgå afrundingsfejl.
    """
    valuta: Annotated[str, Field(examples=["DKK"], pattern="^[A-Z]{3}$")] = "DKK"
    """
    Valutakode efter ISO 4217.
    """
    opgoerelsesdato: Annotated[date | None, Field(examples=["2024-03-18"])] = None
    """
    Datoen, beløbet er opgjort pr.
    """
    kontoreference: Annotated[str | None, Field(examples=["KONTO-0000-TEST"])] = None
    """
    Organisationens reference til kontoen eller policen.
    """
    beskrivelse: Annotated[
        str | None,
        Field(
            examples=["Fiktivt indestående på lønkonto pr. dødsdagen."], max_length=2000
        ),
    ] = None
    """
    Fritekst om tilgodehavendet.
    """


class Effektfortegnelse(EffektfortegnelseData):
    """
    En indsendt effektfortegnelse.
    """

    effektfortegnelse_id: Annotated[
        UUID,
        Field(
            validation_alias="effektfortegnelseId",
            serialization_alias="effektfortegnelseId",
            examples=["d0e5b0d1-0000-4000-8000-000000000401"],
        ),
    ]
    """
    Effektfortegnelsens id.
    """
    samlet_vaerdi: Annotated[
        float,
        Field(
            validation_alias="samletVaerdi",
            serialization_alias="samletVaerdi",
            examples=[47000],
        ),
    ]
    """
    Summen af de anslåede værdier.
    """
    oprettet: Annotated[AwareDatetime, Field(examples=["2024-05-02T10:15:30Z"])]
    """
    Tidspunktet, hvor fortegnelsen blev modtaget.
    """
    opdateret: Annotated[
        AwareDatetime | None, Field(examples=["2024-05-02T10:15:30Z"])
    ] = None
    """
    Tidspunktet for seneste ændring. `null`, hvis fortegnelsen ikke er ændret.
    """


class Forespoergsel(ForespoergselData):
    """
    En forespørgsel med status og skifterettens eventuelle svar.
    """

    forespoergsel_id: Annotated[
        UUID,
        Field(
            validation_alias="forespoergselId",
            serialization_alias="forespoergselId",
            examples=["d0e5b0d1-0000-4000-8000-000000000301"],
        ),
    ]
    """
    Forespørgslens id.
    """
    status: Annotated[ForespoergselStatus, Field(examples=["BESVARET"])]
    """
    Forespørgslens status.
    """
    oprettet: Annotated[AwareDatetime, Field(examples=["2024-05-02T10:15:30Z"])]
    """
    Tidspunktet, hvor forespørgslen blev oprettet.
    """
    svar: ForespoergselSvar | None = None
    """
    Skifterettens svar. `null`, indtil forespørgslen er besvaret.
    """


class Krav(KravData):
    """
    Et anmeldt krav, som det er registreret i dødsbojournalen.
    """

    krav_id: Annotated[
        UUID,
        Field(
            validation_alias="kravId",
            serialization_alias="kravId",
            examples=["d0e5b0d1-0000-4000-8000-000000000101"],
        ),
    ]
    """
    Kravets id.
    """
    status: Annotated[KravStatus, Field(examples=["MODTAGET"])]
    """
    Skifterettens behandling af kravet.
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


class Tilgodehavende(TilgodehavendeData):
    """
    Et registreret tilgodehavende.
    """

    tilgodehavende_id: Annotated[
        UUID,
        Field(
            validation_alias="tilgodehavendeId",
            serialization_alias="tilgodehavendeId",
            examples=["d0e5b0d1-0000-4000-8000-000000000201"],
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
