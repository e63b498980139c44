"""Receivables the organisation registers in an estate, and their total."""

from decimal import Decimal

import skifteportal_doedsbo_v1_2_0 as skifte
from skifteportal_doedsbo_v1_2_0 import models as m


def register_balance(client: skifte.Client, estate: str, balance: float) -> str:
    data = m.TilgodehavendeData(
        tilgodehavendetype=m.TilgodehavendeDataTilgodehavendetype.BANKINDESTAAENDE,
        beloeb=balance,  # breaks: request-property-type-changed
    )
    created = client.create_tilgodehavende(estate, data)
    return str(created.tilgodehavende_id)


def total(client: skifte.Client, estate: str) -> Decimal:
    amount = 0.0
    for receivable in client.list_tilgodehavender(estate):
        value = receivable.beloeb  # behaves: response-property-type-changed
        amount = amount + value  # breaks: response-property-type-changed
    return Decimal(amount)


async def describe(client: skifte.AsyncClient, estate: str, receivable_id: str) -> str:
    receivable = await client.get_tilgodehavende(estate, receivable_id)
    return f"{receivable.beloeb} {receivable.valuta}"  # behaves: response-property-type-changed
