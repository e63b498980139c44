"""Loaded inside `st run` (SCHEMATHESIS_HOOKS): auth, guards, the ledger, our own checks.

auth             OAuth2 client credentials over mutual TLS (the first token fetched
                 while schemathesis loads the spec), refreshed before
                 expiry and after a 401
before_call      (every request carries the run's id, X-Skifte-Run, set by `st -H`)
                 a well-formed X-Paa-Vegne-Af names the client's own liquidator;
                 generated CPR/CVR-shaped values made fictitious; then the last guard: a
                 plausibly real CPR still on board is refused; a change aimed
                 at a record this run did not create is re-aimed at an id no
                 record has
after_call       the ledger; the records an answer shows or a delete removes;
                 Retry-After honoured by waiting
filter_failure   a 429 is the environment asking for patience, not a failure
files            a file (`format: binary`) is a fictitious one-page PDF: the releases
                 take PDF documents only, and an environment reads what it is sent
total_count_header      paged answers carry the X-Total-Count they declare
known_record_available  a record the environment showed this run, and the run has not
                        deleted, is found: a 404 there means a missing operation or a
                        lost record (records.py says which record a request needs); an
                        unknown item's 404 fails only where its collection's listing is
                        missing under a record that is there
outcomes         what every check said, collected from schemathesis's events (outcomes.py)
"""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from concurrent.futures import Future
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis import Case as GenericCase
from schemathesis import CheckContext, HookContext, Response
from schemathesis.core.parameters import ParameterLocation

from skifte.api.paths import last_parameter

from .guard import CPR_SHAPED, make_fictitious, might_identify, real_cprs, received
from .ledger import Ledger
from .outcomes import register as collect_outcomes
from .records import KnownCollection, KnownRecord, KnownRecords, PathIndex
from .settings import RUN_HEADER, HookSettings, token_request

SETTINGS = HookSettings.from_environment()
LEDGER = Ledger(Path(SETTINGS.ledger))
collect_outcomes(Path(SETTINGS.ledger))
RECORDS = KnownRecords(PathIndex.read(Path(SETTINGS.paths)))
MAX_WAIT = 30.0
ON_BEHALF_HEADER = "X-Paa-Vegne-Af"
_seen_cprs: set[str] = set()
_created: set[str] = set()
_seen_ids: set[str] = set()
_sent = [0]
_lock = threading.Lock()
_CPR_BYTES = re.compile(CPR_SHAPED.pattern.encode())
_ID_KEY = re.compile(r"\w*[Ii]d")
_BASE_PATH = urlsplit(SETTINGS.base_url).path.rstrip("/")
_sessions = threading.local()
_looked: dict[str, int] = {}
"""Record path → the status a look at it got, where asking again would tell nothing new."""


Case = GenericCase[Any]

FICTITIOUS_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
schemathesis.openapi.format("binary", st.just(FICTITIOUS_PDF))
schemathesis.openapi.media_type("application/pdf", st.just(FICTITIOUS_PDF))


class RefusedRequest(Exception):
    """A request the guards would not let leave the process."""


def _fetch_token() -> str:
    client_id = os.environ["SKIFTE_CLIENT_ID"]
    secret = os.environ["SKIFTE_CLIENT_SECRET"]
    data = token_request(SETTINGS.scopes)
    response = _send("POST", SETTINGS.token_url, data=data, auth=(client_id, secret))
    if response.status_code != 200:
        error = (
            response.json().get("error")
            if response.headers.get("content-type", "").startswith("application/json")
            else None
        )
        raise RuntimeError(
            f"the token endpoint refused the client: {response.status_code} {error or ''}"
        )
    return str(response.json()["access_token"])


def _fetch_early() -> Future[str]:
    """The first token, fetched while schemathesis loads the spec; kept in memory only."""
    future: Future[str] = Future()

    def fetch() -> None:
        try:
            future.set_result(_fetch_token())
        except Exception as exc:  # handed to the first get(), which raises it there
            future.set_exception(exc)

    threading.Thread(target=fetch, name="skifte-token", daemon=True).start()
    return future


@schemathesis.auth(refresh_interval=SETTINGS.token_refresh, retry_on=[401])
class ClientCredentialsAuth:
    """The client-credentials grant over the same mutual TLS the API calls use."""

    def get(self, case: Case, context: Any) -> str:
        with _lock:
            early = _early_token.pop() if _early_token else None
        return early.result() if early is not None else _fetch_token()

    def set(self, case: Case, data: str, context: Any) -> None:
        case.headers = _with_header(case.headers, "Authorization", f"Bearer {data}")


@schemathesis.hook
def before_call(context: HookContext, case: Case, kwargs: dict[str, Any]) -> None:
    if not _spend_one():
        _refuse(case, "request budget spent", 1, kind="over-budget")
    if SETTINGS.on_behalf_of:
        _act_for_own_liquidator(case, SETTINGS.on_behalf_of)
    allowed = _seen_cprs  # only ever grows: a value added meanwhile is one more allowed
    outgoing = {
        "path": case.path_parameters,
        "query": case.query,
        "body": case.body,
        "headers": _user_headers(dict(case.headers or {})),
        "cookies": case.cookies,
    }
    # Most requests carry nothing CPR- or CVR-shaped: one scan of their text says so.
    if might_identify(outgoing):
        _make_data_fictitious(case, allowed)
        outgoing.update(path=case.path_parameters, query=case.query, body=case.body)
        found = real_cprs(outgoing, allowed)
        if found:
            reason = f"plausibly real CPR number in {', '.join(sorted(set(found)))}"
            _refuse(case, reason, len(found))
    # The record a path acts on is its last segment, when a parameter. A path ending in
    # a literal (`…/anmeldte-krav/{kravId}/stillingtagen`) writes a record of its own
    # under another one (the liquidator's position on a claim), so it is not re-aimed.
    target = last_parameter(case.operation.path)
    record = str((case.path_parameters or {}).get(target)) if target else None
    with _lock:
        foreign = record is not None and record in _seen_ids and record not in _created
    if foreign and case.method.upper() in ("PUT", "PATCH", "DELETE"):
        # Someone else's record (we have seen its id): aim the request at an id nobody
        # has instead. The check still runs; no one's data is touched.
        assert target is not None and case.path_parameters is not None
        case.path_parameters = {**case.path_parameters, target: str(uuid.uuid4())}
        LEDGER.write("redirected", operation=case.operation.label, method=case.method.upper())
    if case.method.upper() == "DELETE":
        # Forgotten before it is sent: another worker's 404 meanwhile is no lost record.
        RECORDS.forget(_BASE_PATH + case.formatted_path)


@schemathesis.hook
def after_call(context: HookContext, case: Case, response: Response) -> None:
    status = response.status_code
    url_path = urlsplit(str(response.request.url)).path
    LEDGER.write(
        "request",
        method=case.method.upper(),
        path=case.operation.path,
        url_path=url_path,
        operation=case.operation.label,
        status=status,
    )
    succeeded = 200 <= status < 300
    body = _json(response) if succeeded else None
    if succeeded:
        # Most answers hold nothing CPR-shaped: one scan of the bytes spares the walk.
        cprs = received(body) if _CPR_BYTES.search(response.content) else set()
        ids = _ids(body)
        with _lock:
            _seen_cprs.update(cprs)
            _seen_ids.update(ids)
    location = _header(response, "location") if status == 201 else None
    created = urlsplit(location).path if location else None
    if created:
        with _lock:
            _created.add(created.rstrip("/").rsplit("/", 1)[-1])
        LEDGER.write("created", location=created, operation=case.operation.label)
    RECORDS.note_answer(
        str(response.request.method),
        case.operation.path,
        url_path,
        status,
        body,
        created,
    )
    if status == 429:
        wait = _retry_after(response)
        LEDGER.write("throttled", operation=case.operation.label, wait=wait)
        time.sleep(wait)


@schemathesis.hook
def filter_failure(context: HookContext, failure: Any, case: Case, response: Response) -> bool:
    return response is None or response.status_code != 429


@schemathesis.check
def total_count_header(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    """A paged answer must carry the X-Total-Count it declares: clients page by it."""
    definition = case.operation.definition.raw
    declared = (definition.get("responses") or {}).get(str(response.status_code)) or {}
    headers = _resolve(case, declared).get("headers") or {}
    if not any(name.lower() == "x-total-count" for name in headers):
        return None
    if "x-total-count" not in {k.lower() for k in response.headers}:
        raise AssertionError("X-Total-Count is declared for this response but missing")
    return True


@schemathesis.check
def known_record_available(ctx: CheckContext, response: Response, case: Case) -> bool | None:
    """A record the environment showed this run, and the run has not deleted, is found.

    The 404 alone cannot tell a missing operation from a lost record; a look at the
    record itself (GET) can: found, the operation is missing; gone, the record was lost,
    which is a failure only for a record this run created (others may delete their own).
    An item the run was never shown is judged by its collection's listing instead.
    """
    method = str(response.request.method).upper()
    if response.status_code != 404 or method != case.operation.method.upper():
        return None
    url = urlsplit(str(response.request.url))
    record = RECORDS.record_behind(method, case.operation.path, url.path)
    request = f"{method} {url.path}"
    if record is None:
        collection = RECORDS.collection_above(case.operation.path, url.path)
        if collection is not None:
            _judge_collection(collection, request, case, url.scheme, url.netloc)
        return None
    if record.template in RECORDS.index.readers and not (method == "GET" and record.is_target):
        looked = _look_at(record, case, url.scheme, url.netloc)
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
    collection: KnownCollection, request: str, case: Case, scheme: str, netloc: str
) -> None:
    """An unknown item's 404 is honest, unless its collection is missing under a record
    that is there: then no item of it can be found."""
    listed = _look(collection.path, collection.template, case, scheme, netloc, remember=True)
    if listed != 404:
        return  # the collection is there (or no clear answer): the item is just unknown
    owner = collection.owner
    if owner.template not in RECORDS.index.readers:
        return  # no way to look at the record it hangs under: no verdict
    looked = _look_at(owner, case, scheme, netloc)
    if looked is not None and 200 <= looked < 300:
        raise AssertionError(
            f"{request} answered 404, and so does GET {collection.path}, yet GET "
            f"{owner.path} answers {looked}: the environment has no "
            f"{collection.template}, so the operation is missing"
        )


def _look_at(record: KnownRecord, case: Case, scheme: str, netloc: str) -> int | None:
    """GET the record with the case's own credentials; None when that cannot be done."""
    # Remembered: a 404, a 429 (no verdict, and no asking again), and the run's own
    # records found (only the run deletes those); someone else's record may go any time.
    return _look(
        record.path,
        record.template,
        case,
        scheme,
        netloc,
        remember=record.created,
    )


def _look(
    path: str, template: str, case: Case, scheme: str, netloc: str, *, remember: bool
) -> int | None:
    """GET `path` with the case's own credentials; None when that cannot be done. A 404
    or 429 is remembered, a success only when `remember`: asking again tells nothing new."""
    with _lock:
        if path in _looked:
            return _looked[path]
    token = next(
        (str(v) for k, v in dict(case.headers or {}).items() if k.lower() == "authorization"),
        None,
    )
    if token is None:
        return None
    if not _spend_one():  # a look is a request like any other
        return None
    url = urlunsplit((scheme, netloc, quote(path), "", ""))
    try:
        answer = _send("GET", url, headers={"Authorization": token, RUN_HEADER: SETTINGS.run_id})
    except requests.RequestException:
        return None
    # Its own kind: a look is not the run exercising an operation (readiness, link counts).
    LEDGER.write(
        "probe",
        method="GET",
        path=template,
        url_path=urlsplit(url).path,
        status=answer.status_code,
    )
    status = answer.status_code
    if status in (404, 429) or (remember and 200 <= status < 300):
        with _lock:
            _looked[path] = status
    return status


def _spend_one() -> bool:
    """One request of the run's budget; False once it is spent."""
    with _lock:
        _sent[0] += 1
        return SETTINGS.max_requests is None or _sent[0] <= SETTINGS.max_requests


def _send(method: str, url: str, **options: Any) -> requests.Response:
    """The hooks' own calls (token, a look at a record), over the run's TLS.

    requests, not httpx: schemathesis sends with requests, so its process loads no
    second HTTP library for the few calls the hooks make themselves. One session per
    thread keeps its connection open (a look costs no new TLS handshake) and keeps no
    cookie; TLS settings go with every call (a session's `verify` loses to
    REQUESTS_CA_BUNDLE).
    """
    cert = (SETTINGS.cert, SETTINGS.key) if SETTINGS.cert and SETTINGS.key else SETTINGS.cert
    return _session().request(
        method, url, verify=SETTINGS.ca or True, cert=cert, timeout=30, **options
    )


def _session() -> requests.Session:
    session: requests.Session | None = getattr(_sessions, "session", None)
    if session is None:
        session = requests.Session()
        session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # none kept
        _sessions.session = session
    return session


def _make_data_fictitious(case: Case, allowed: set[str]) -> None:
    """Every phase's generated data (examples, coverage, fuzzing, stateful) passes here."""
    seed = f"{SETTINGS.run_id}/{case.operation.label}"
    for part in ("path_parameters", "query", "body"):
        value = getattr(case, part)
        if isinstance(value, dict | list | str | int) and value:
            fictitious = make_fictitious(value, seed, allowed)
            if fictitious != value:
                setattr(case, part, fictitious)
                LEDGER.write("made-fictitious", operation=case.operation.label, part=part)


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
        case.headers = _with_header(headers, name, liquidator)


def _refuse(case: Case, reason: str, count: int, kind: str = "refused") -> None:
    LEDGER.write(kind, operation=case.operation.label, reason=reason, count=count)
    raise RefusedRequest(f"refused before sending: {reason} ({case.operation.label})")


def _user_headers(headers: dict[str, Any]) -> dict[str, Any]:
    """The headers a test put there: not the token, not our own run tag."""
    ours = {"authorization", RUN_HEADER.lower()}
    return {k: v for k, v in headers.items() if k.lower() not in ours}


def _json(response: Response) -> Any:
    try:
        return response.json()
    except Exception:
        return None


def _ids(body: Any) -> set[str]:
    found: set[str] = set()
    stack = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                is_id = _ID_KEY.fullmatch(str(key)) is not None
                if is_id and isinstance(value, str | int) and not isinstance(value, bool):
                    found.add(str(value))
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _retry_after(response: Response) -> float:
    try:
        return min(max(float(_header(response, "retry-after") or 1), 0.0), MAX_WAIT)
    except ValueError:
        return 1.0


def _header(response: Response, name: str) -> str | None:
    for key, values in response.headers.items():
        if key.lower() == name:
            return str(values[0] if isinstance(values, list) else values)
    return None


def _with_header(headers: Any, name: str, value: str) -> Any:
    """The case's headers plus one; the mapping type schemathesis uses is kept."""
    updated = headers.copy() if headers is not None else {}
    updated[name] = value
    return updated


def _resolve(case: Case, node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return node
    target: Any = case.operation.schema.raw_schema
    for part in ref.removeprefix("#/").split("/"):
        target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
    return target if isinstance(target, dict) else {}


# Started last, once everything it calls is defined.
_early_token: list[Future[str]] = [_fetch_early()]
