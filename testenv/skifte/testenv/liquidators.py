"""Who may act on whose behalf: liquidators, their organisations and their cases.

The release says of `X-Paa-Vegne-Af`: the id of the liquidator the integration acts
for, who must be associated with the organisation and appointed in the case (and,
where the header may be left out, the case's liquidator is meant). In the stand-in
every registered client is associated with one liquidator, `LIK-<client-id>`, and
each seeded case has one appointed liquidator, kept in the state beside the case.
"""

from __future__ import annotations

from . import domain
from .store import Store


def liquidator_of(client_id: str) -> str:
    """The liquidator the stand-in associates with a registered client."""
    return domain.LIQUIDATOR_PREFIX + client_id


def appointment_key(case_id: str) -> str:
    return f"likvidator/{case_id}"


def appoint(store: Store, case_id: str, liquidator: str) -> None:
    store.set_meta(appointment_key(case_id), liquidator)


def appointed(store: Store, case_id: str) -> str | None:
    return store.meta(appointment_key(case_id))


def refusal(store: Store, case_id: str, client_id: str, named: str | None) -> str | None:
    """Why `client_id` may not act for `named` (None: the case's liquidator) in the case;
    None when it may."""
    in_case = appointed(store, case_id)
    liquidator = named if named is not None else in_case
    if liquidator is None:
        return "Der er ikke udpeget en likvidator i sagen"
    if liquidator != liquidator_of(client_id):
        return f"Likvidator {liquidator} er ikke tilknyttet organisationen"
    if liquidator != in_case:
        return f"Likvidator {liquidator} er ikke udpeget i sagen"
    return None
