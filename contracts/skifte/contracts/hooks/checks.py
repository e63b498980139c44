"""The toolkit's own checks, beside schemathesis's.

total_count_header      paged answers carry the X-Total-Count they declare
known_record_available  a record the environment showed this run, and the run has not
                        deleted, is found: a 404 there means a missing operation or a
                        lost record (records.py says which record a request needs); an
                        unknown item's 404 fails only where its collection's listing is
                        missing under a record that is there
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

import requests
import schemathesis
from schemathesis import CheckContext, Response

from ..records import KnownCollection, KnownRecord
from ..settings import RUN_HEADER
from .messages import Case
from .state import RunState


def register(run: RunState) -> None:
    @schemathesis.check
    def total_count_header(ctx: CheckContext, response: Response, case: Case) -> bool | None:
        """A paged answer must carry the X-Total-Count it declares: clients page by it."""
        return check_total_count(run, response, case)

    @schemathesis.check
    def known_record_available(ctx: CheckContext, response: Response, case: Case) -> bool | None:
        """A record the environment showed this run, and the run has not deleted, is found."""
        return check_known_record(run, response, case)


def check_total_count(run: RunState, response: Response, case: Case) -> bool | None:
    operation = case.operation
    if not run.records.index.counts(operation.method, operation.path, response.status_code):
        return None
    if "x-total-count" not in {k.lower() for k in response.headers}:
        raise AssertionError("X-Total-Count is declared for this response but missing")
    return True


def check_known_record(run: RunState, response: Response, case: Case) -> bool | None:
    """The 404 alone cannot tell a missing operation from a lost record; a look at the
    record itself (GET) can: found, the operation is missing; gone, the record was lost,
    which is a failure only for a record this run created (others may delete their own).
    An item the run was never shown is judged by its collection's listing instead.
    """
    method = str(response.request.method).upper()
    if response.status_code != 404 or method != case.operation.method.upper():
        return None
    url = urlsplit(str(response.request.url))
    records = run.records
    record = records.record_behind(method, case.operation.path, url.path)
    request = f"{method} {url.path}"
    if record is None:
        collection = records.collection_above(case.operation.path, url.path)
        if collection is not None:
            _judge_collection(run, collection, request, case, url.scheme, url.netloc)
        return None
    if record.template in records.index.readers and not (method == "GET" and record.is_target):
        looked = _look_at(run, record, case, url.scheme, url.netloc)
        if looked is not None and 200 <= looked < 300:
            raise AssertionError(
                f"{request} answered 404, yet GET {record.path} answers {looked}: the record "
                "is there, so the operation is missing"
            )
        if looked != 404:
            return None  # no look, or no clear answer: no verdict
    # The record itself is not found.
    if record.created:
        raise AssertionError(
            f"{request} answered 404 for {record.path}, which this run created and has not "
            "deleted: the record was lost (or the operation is missing)"
        )
    return None


def _judge_collection(
    run: RunState,
    collection: KnownCollection,
    request: str,
    case: Case,
    scheme: str,
    netloc: str,
) -> None:
    """An unknown item's 404 is honest, unless its collection is missing under a record
    that is there: then no item of it can be found."""
    listed = _look(run, collection.path, collection.template, case, scheme, netloc, remember=True)
    if listed != 404:
        return  # the collection is there (or no clear answer): the item is just unknown
    owner = collection.owner
    if owner.template not in run.records.index.readers:
        return  # no way to look at the record it hangs under: no verdict
    looked = _look_at(run, owner, case, scheme, netloc)
    if looked is not None and 200 <= looked < 300:
        raise AssertionError(
            f"{request} answered 404, and so does GET {collection.path}, yet GET "
            f"{owner.path} answers {looked}: the environment has no "
            f"{collection.template}, so the operation is missing"
        )


def _look_at(
    run: RunState, record: KnownRecord, case: Case, scheme: str, netloc: str
) -> int | None:
    """GET the record with the case's own credentials; None when that cannot be done."""
    # Remembered: a 404, a 429 (no verdict, and no asking again), and the run's own
    # records found (only the run deletes those); someone else's record may go any time.
    return _look(run, record.path, record.template, case, scheme, netloc, remember=record.created)


def _look(
    run: RunState,
    path: str,
    template: str,
    case: Case,
    scheme: str,
    netloc: str,
    *,
    remember: bool,
) -> int | None:
    """GET `path` with the case's own credentials; None when that cannot be done. A 404
    or 429 is remembered, a success only when `remember`: asking again tells nothing new."""
    with run.lock:
        if path in run.looked:
            return run.looked[path]
    token = next(
        (str(v) for k, v in dict(case.headers or {}).items() if k.lower() == "authorization"),
        None,
    )
    if token is None:
        return None
    if not run.spend_one():  # a look is a request like any other
        return None
    url = urlunsplit((scheme, netloc, quote(path), "", ""))
    headers = {"Authorization": token, RUN_HEADER: run.settings.run_id}
    try:
        answer = run.send("GET", url, headers=headers)
    except requests.RequestException:
        return None
    # Its own kind: a look is not the run exercising an operation (readiness, link counts).
    run.ledger.write(
        "probe",
        method="GET",
        path=template,
        url_path=urlsplit(url).path,
        status=answer.status_code,
    )
    status = answer.status_code
    if status in (404, 429) or (remember and 200 <= status < 300):
        with run.lock:
            run.looked[path] = status
    return status
