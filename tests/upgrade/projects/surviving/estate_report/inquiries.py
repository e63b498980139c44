"""Which of the organisation's inquiries the probate court has answered."""

import skifteportal_doedsbo_v1_2_0 as skifte


def answered(client: skifte.Client, estate: str) -> list[str]:
    inquiries = client.list_forespoergsler(estate)  # behaves: response-property-added
    return [str(i.forespoergsel_id) for i in inquiries if i.svar is not None]
