"""Contract violations the stand-in commits on purpose, to prove the contract tests catch them.

Each fault is an object that owns what it does, through two hooks the stand-in calls for
every operation it is aimed at: `before_handling` (after authentication, before the
request is validated) may hold the answer back or put an error in its place; `shape`
changes a JSON success answer on its way out. `--fault NAME` aims a fault at every
operation, `--fault NAME:operationId` at one: `ActiveFault.parse` reads that, once, at
the command line.
"""

from __future__ import annotations

import asyncio
import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from skifte.api import Schema

SLOW_SECONDS = 6.0
"""Longer than a contract run allows the local stand-in (5 s): a busy machine is no fault."""
UNDECLARED = "UDOKUMENTERET_VAERDI"
TOTAL_COUNT = "X-Total-Count"


@dataclass(frozen=True)
class Fault:
    """One named violation; a subclass overrides the hooks it needs."""

    name: str
    description: str
    check: str
    """The contract check expected to catch it: a schemathesis check, or the toolkit's own
    `total_count_header` (the specs declare X-Total-Count without `required: true`, so
    schemathesis alone would not miss it)."""

    async def before_handling(self) -> ErrorAnswer | None:
        """Called once the client is authenticated; an error here is the answer."""
        return None

    def shape(self, answer: Answer, schema: Schema | None) -> Answer:
        """`schema`: the one the release declares for the body."""
        return answer

    def listing(self) -> dict[str, str]:
        """What `testenv faults` shows of it."""
        return {"name": self.name, "description": self.description, "check": self.check}


@dataclass(frozen=True)
class BodyFault(Fault):
    """Changes a JSON body by what its schema declares."""

    change: Callable[[Any, Schema | None], Any]

    def shape(self, answer: Answer, schema: Schema | None) -> Answer:
        return answer._replace(body=self.change(answer.body, schema))


class WrongContentType(Fault):
    def shape(self, answer: Answer, schema: Schema | None) -> Answer:
        return answer._replace(media_type="text/plain")


class MissingTotalCount(Fault):
    def shape(self, answer: Answer, schema: Schema | None) -> Answer:
        headers = {k: v for k, v in answer.headers.items() if k.lower() != TOTAL_COUNT.lower()}
        return answer._replace(headers=headers)


class ServerError(Fault):
    async def before_handling(self) -> ErrorAnswer | None:
        return ErrorAnswer(500, "Simuleret serverfejl")


class SlowResponse(Fault):
    async def before_handling(self) -> ErrorAnswer | None:
        await asyncio.sleep(SLOW_SECONDS)
        return None


class Answer(NamedTuple):
    """A JSON success answer on its way out: what `Fault.shape` may change."""

    body: Any
    headers: dict[str, str]
    media_type: str = "application/json"


class ErrorAnswer(NamedTuple):
    """An error a fault answers with in place of the operation's own answer."""

    status: int
    message: str


class UnknownFault(ValueError):
    """A fault name the stand-in does not know; the message lists those it does."""


class UnknownOperation(UnknownFault):
    """A fault aimed at an operationId the served releases do not have: it would never fire."""


@dataclass(frozen=True)
class ActiveFault:
    """A fault aimed at every operation, or at one."""

    fault: Fault
    operation_id: str | None = None

    @classmethod
    def parse(cls, text: str) -> ActiveFault:
        """`NAME` or `NAME:operationId`, as `--fault` takes it."""
        name, _, target = text.partition(":")
        fault = next((f for f in FAULTS if f.name == name), None)
        if fault is None:
            known = ", ".join(f.name for f in FAULTS)
            raise UnknownFault(f"unknown fault {name!r}; known faults: {known}")
        return cls(fault, target or None)

    @property
    def name(self) -> str:
        return self.fault.name

    def applies(self, operation_id: str | None) -> bool:
        return self.operation_id is None or self.operation_id == operation_id

    def __str__(self) -> str:
        """As `--fault` takes it: what a report shows and a reproduction repeats."""
        return self.name + (f":{self.operation_id}" if self.operation_id else "")


def check_aims(active: Iterable[ActiveFault], served: Mapping[str, Iterable[str]]) -> None:
    """Every fault aimed at one operation is aimed at one the stand-in serves.

    `served`: per release whose behaviour is served (`api@version`), its operationIds.
    A mistyped id would otherwise never fire, and a run would seem to test a failure
    it never met: UnknownOperation names the id and the closest known ones.
    """
    known = {op for ids in served.values() for op in ids}
    for fault in active:
        target = fault.operation_id
        if target is None or target in known:
            continue
        where = " or ".join(served) or "the served releases"
        close = _closest(target, sorted(known))
        hint = (
            f"did you mean {' or '.join(close)}?"
            if close
            else f"known operationIds: {', '.join(sorted(known)) or '(none)'}"
        )
        raise UnknownOperation(
            f"--fault {fault}: no operation {target!r} in {where}, so the fault would never "
            f"fire; {hint}"
        )


def _closest(target: str, known: list[str]) -> list[str]:
    """The known ids a typo most likely meant: one that differs only in case first."""
    same = [op for op in known if op.lower() == target.lower()]
    similar = difflib.get_close_matches(target, known, n=3, cutoff=0.6)
    return [*same, *(op for op in similar if op not in same)][:3]


def aimed_at(active: Iterable[ActiveFault], operation_id: str | None) -> list[Fault]:
    """The faults aimed at an operation, each once, in the order their hooks run."""
    aimed = {a.fault for a in active if a.applies(operation_id)}
    return [fault for fault in FAULTS if fault in aimed]


def drop_required(body: Any, schema: Schema | None) -> Any:
    """Remove the first required property found (in an object, or every array item)."""
    if schema is None:
        return body
    if isinstance(body, list) and schema.items is not None:
        return [drop_required(item, schema.items) for item in body]
    if isinstance(body, dict):
        for prop in sorted(schema.merged_required()):
            if prop in body:
                return {k: v for k, v in body.items() if k != prop}
    return body


def undeclared_enum(body: Any, schema: Schema | None, depth: int = 0) -> Any:
    """Replace the first enum-typed value found with one the schema does not allow."""
    if schema is None or depth > 5:
        return body
    if isinstance(body, list) and schema.items is not None:
        return [undeclared_enum(item, schema.items, depth + 1) for item in body]
    if isinstance(body, dict):
        props = schema.merged_properties()
        for prop, sub in props.items():
            if prop in body and sub.enum and all(isinstance(v, str) for v in sub.enum):
                return {**body, prop: UNDECLARED}
        for prop, sub in props.items():
            if isinstance(body.get(prop), dict | list):
                changed = undeclared_enum(body[prop], sub, depth + 1)
                if changed != body[prop]:
                    return {**body, prop: changed}
    return body


FAULTS: tuple[Fault, ...] = (
    BodyFault(
        "drop-required-property",
        "drop a required property from JSON response bodies",
        "response_schema_conformance",
        drop_required,
    ),
    BodyFault(
        "undeclared-enum-value",
        "answer an enum value the specification does not declare",
        "response_schema_conformance",
        undeclared_enum,
    ),
    WrongContentType(
        "wrong-content-type", "send JSON response bodies as text/plain", "content_type_conformance"
    ),
    ServerError(
        "server-error", "answer 500 instead of the declared success response", "not_a_server_error"
    ),
    MissingTotalCount(
        "missing-total-count",
        "omit the X-Total-Count header from paged list responses",
        "total_count_header",
    ),
    SlowResponse(
        "slow-response", "answer every request after a delay of 6 seconds", "max_response_time"
    ),
)
"""Every fault, in the order their hooks run when several meet in one answer."""
