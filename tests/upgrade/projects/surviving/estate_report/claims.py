"""The claims the organisation has filed in an estate, summed up."""

from skifteportal_doedsbo_v1_2_0 import Client
from skifteportal_doedsbo_v1_2_0.models import Krav


def outstanding(claims: list[Krav]) -> float:
    return sum(claim.beloeb for claim in claims)


def report(client: Client, estate: str) -> str:
    journal = client.get_bo(estate)
    claims = client.list_krav(estate)
    return f"{journal.skifteret}: {len(claims)} claims, {outstanding(claims):.2f} DKK"
