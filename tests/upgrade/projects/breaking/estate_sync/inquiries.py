"""Inquiries to the probate court about an estate's contact person."""

from skifteportal_doedsbo_v1_2_0 import Client
from skifteportal_doedsbo_v1_2_0.models import ForespoergselData, ForespoergselDataType


def ask_for_contact(client: Client, estate: str) -> str:
    inquiry = ForespoergselData(  # breaks: request-required-property-added
        type=ForespoergselDataType.KONTAKTPERSON,
        tekst="Hvem er bobestyrer?",
    )
    created = client.create_forespoergsel(estate, inquiry)  # behaves: response-property-added
    return str(created.forespoergsel_id)


def from_queue(payload: dict[str, str]) -> ForespoergselData:
    return ForespoergselData.model_validate(payload)  # behaves: request-required-property-added
