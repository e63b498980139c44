"""After an answer: the ledger, the records an answer shows or a delete removes, and
patience where the environment asks for it (Retry-After honoured by waiting; a 429 is
no failure)."""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import urlsplit

import schemathesis
from schemathesis import HookContext, Response

from ..guard import CPR_SHAPED, received
from .messages import Case, header, json_body
from .state import RunState

MAX_WAIT = 30.0
CPR_BYTES = re.compile(CPR_SHAPED.pattern.encode())
ID_KEY = re.compile(r"\w*[Ii]d")


def register(run: RunState) -> None:
    @schemathesis.hook
    def after_call(context: HookContext, case: Case, response: Response) -> None:
        track(run, case, response)

    @schemathesis.hook
    def filter_failure(context: HookContext, failure: Any, case: Case, response: Response) -> bool:
        return response is None or response.status_code != 429


def track(run: RunState, case: Case, response: Response) -> None:
    status = response.status_code
    url_path = urlsplit(str(response.request.url)).path
    run.ledger.write(
        "request",
        method=case.method.upper(),
        path=case.operation.path,
        url_path=url_path,
        operation=case.operation.label,
        status=status,
    )
    succeeded = 200 <= status < 300
    body = json_body(response) if succeeded else None
    if succeeded:
        # Most answers hold nothing CPR-shaped: one scan of the bytes spares the walk.
        cprs = received(body) if CPR_BYTES.search(response.content) else set()
        ids = _ids(body)
        with run.lock:
            run.seen_cprs.update(cprs)
            run.seen_ids.update(ids)
    location = header(response, "location") if status == 201 else None
    created = urlsplit(location).path if location else None
    if created:
        with run.lock:
            run.created.add(created.rstrip("/").rsplit("/", 1)[-1])
        run.ledger.write("created", location=created, operation=case.operation.label)
    run.records.note_answer(
        str(response.request.method),
        case.operation.path,
        url_path,
        status,
        body,
        created,
    )
    if status == 429:
        wait = _retry_after(response)
        run.ledger.write("throttled", operation=case.operation.label, wait=wait)
        time.sleep(wait)


def _ids(body: Any) -> set[str]:
    found: set[str] = set()
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                is_id = ID_KEY.fullmatch(str(key)) is not None
                if is_id and isinstance(value, str | int) and not isinstance(value, bool):
                    found.add(str(value))
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _retry_after(response: Response) -> float:
    try:
        return min(max(float(header(response, "retry-after") or 1), 0.0), MAX_WAIT)
    except ValueError:
        return 1.0
