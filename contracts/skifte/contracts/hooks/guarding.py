"""Before a request leaves: the budget, the client's own liquidator, fictitious data only,
and no change aimed at a record this run did not create.

Every request carries the run's id (X-Skifte-Run, set by `st -H`). A well-formed
X-Paa-Vegne-Af names the client's own liquidator; generated CPR/CVR-shaped values are made
fictitious; then the last guard: a plausibly real CPR still on board is refused; a change
aimed at a record this run did not create is re-aimed at an id no record has.
"""

from __future__ import annotations

import uuid
from typing import Any

import schemathesis
from schemathesis import HookContext
from schemathesis.core.parameters import ParameterLocation

from skifte.api.paths import last_parameter

from ..guard import make_fictitious, might_identify, real_cprs
from ..settings import RUN_HEADER
from .messages import Case, with_header
from .state import RunState

ON_BEHALF_HEADER = "X-Paa-Vegne-Af"


class RefusedRequest(Exception):
    """A request the guards would not let leave the process."""


def register(run: RunState) -> None:
    @schemathesis.hook
    def before_call(context: HookContext, case: Case, kwargs: dict[str, Any]) -> None:
        guard(run, case)


def guard(run: RunState, case: Case) -> None:
    if not run.spend_one():
        refuse(run, case, "request budget spent", 1, kind="over-budget")
    if run.settings.on_behalf_of:
        _act_for_own_liquidator(case, run.settings.on_behalf_of)
    allowed = run.seen_cprs  # only ever grows: a value added meanwhile is one more allowed
    outgoing = {
        "path": case.path_parameters,
        "query": case.query,
        "body": case.body,
        "headers": _user_headers(dict(case.headers or {})),
        "cookies": case.cookies,
    }
    # Most requests carry nothing CPR- or CVR-shaped: one scan of their text says so.
    if might_identify(outgoing):
        _make_data_fictitious(run, case, allowed)
        outgoing.update(path=case.path_parameters, query=case.query, body=case.body)
        found = real_cprs(outgoing, allowed)
        if found:
            reason = f"plausibly real CPR number in {', '.join(sorted(set(found)))}"
            refuse(run, case, reason, len(found))
    _aim_away_from_others(run, case)
    if case.method.upper() == "DELETE":
        # Forgotten before it is sent: another worker's 404 meanwhile is no lost record.
        run.records.forget(run.base_path + case.formatted_path)


def refuse(run: RunState, case: Case, reason: str, count: int, kind: str = "refused") -> None:
    run.ledger.write(kind, operation=case.operation.label, reason=reason, count=count)
    raise RefusedRequest(f"refused before sending: {reason} ({case.operation.label})")


def _aim_away_from_others(run: RunState, case: Case) -> None:
    """The record a path acts on is its last segment, when a parameter. A path ending in
    a literal (`…/anmeldte-krav/{kravId}/stillingtagen`) writes a record of its own
    under another one (the liquidator's position on a claim), so it is not re-aimed."""
    target = last_parameter(case.operation.path)
    record = str((case.path_parameters or {}).get(target)) if target else None
    with run.lock:
        foreign = record is not None and record in run.seen_ids and record not in run.created
    if foreign and case.method.upper() in ("PUT", "PATCH", "DELETE"):
        # Someone else's record (we have seen its id): aim the request at an id nobody
        # has instead. The check still runs; no one's data is touched.
        assert target is not None and case.path_parameters is not None
        case.path_parameters = {**case.path_parameters, target: str(uuid.uuid4())}
        run.ledger.write("redirected", operation=case.operation.label, method=case.method.upper())


def _make_data_fictitious(run: RunState, case: Case, allowed: set[str]) -> None:
    """Every phase's generated data (examples, coverage, fuzzing, stateful) passes here."""
    seed = f"{run.settings.run_id}/{case.operation.label}"
    for part in ("path_parameters", "query", "body"):
        value = getattr(case, part)
        if isinstance(value, dict | list | str | int) and value:
            fictitious = make_fictitious(value, seed, allowed)
            if fictitious != value:
                setattr(case, part, fictitious)
                run.ledger.write("made-fictitious", operation=case.operation.label, part=part)


def _act_for_own_liquidator(case: Case, liquidator: str) -> None:
    """An organisation acts only for a liquidator associated with it: X-Paa-Vegne-Af in
    headers generated as valid becomes that one. Headers generated to be refused (a test
    of what the environment rejects) and a header left out stay as generated."""
    headers: Any = case.headers or {}
    name = next((k for k in headers if k.lower() == ON_BEHALF_HEADER.lower()), None)
    if name is None or headers.get(name) == liquidator:
        return
    meta = case.meta
    component = meta.components.get(ParameterLocation.HEADER) if meta is not None else None
    if component is not None and component.mode.is_positive:
        case.headers = with_header(headers, name, liquidator)


def _user_headers(headers: dict[str, Any]) -> dict[str, Any]:
    """The headers a test put there: not the token, not our own run tag."""
    ours = {"authorization", RUN_HEADER.lower()}
    return {k: v for k, v in headers.items() if k.lower() not in ours}
