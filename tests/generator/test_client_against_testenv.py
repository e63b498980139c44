"""Generated clients against the in-process stand-in: every operation, auth, paging, files."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from pydantic import BaseModel, TypeAdapter

from skifte.api import Api, build_api
from skifte.generator.annotations import ANY, Annotation, BodyKind, ResultKind, list_item
from skifte.generator.operation_plan import OperationPlan
from skifte.generator.plan import PackagePlan, plan_package
from skifte.registry import Registry
from skifte.testenv.app import TestEnvironment
from skifte.testenv.values import synthesize
from tests.conftest import PROJECT_REGISTRY
from tests.testenv.conftest import credentials
from tests.testenv.exercise import PDF, Exercise
from tests.testenv.transport import SyncASGITransport

RELEASE = Registry(PROJECT_REGISTRY).resolve("doedsbo")
PACKAGE = "skifteportal_doedsbo_v1_3_0"
BASE_URL = "http://testenv.local"


@pytest.fixture(scope="module")
def api() -> Api:
    return build_api(RELEASE.read())


@pytest.fixture(scope="module")
def plan(api: Api) -> PackagePlan:
    return plan_package(
        api, api_name="doedsbo", package=PACKAGE, distribution="", spec_sha256="", servers=()
    )


class Counting(httpx.BaseTransport):
    """Counts requests by path on the way to the stand-in."""

    def __init__(self, app: TestEnvironment) -> None:
        self.inner = SyncASGITransport(app)
        self.paths: list[str] = []
        self.statuses: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        response = self.inner.handle_request(request)
        self.statuses.append(response.status_code)
        return response

    def count(self, path: str) -> int:
        return sum(1 for p in self.paths if p == path)


def _client(sdk: ModuleType, certs: Path, transport: httpx.BaseTransport) -> Any:
    client_id, secret = credentials(certs)
    return sdk.Client(
        BASE_URL, credentials=sdk.ClientCredentials(client_id, secret), transport=transport
    )


class Caller:
    """Builds typed arguments for a generated method from the release's schemas."""

    def __init__(self, sdk: ModuleType, api: Api, plan: PackagePlan) -> None:
        self.sdk, self.api = sdk, api
        self.plans = {p.operation_id: p for p in plan.operations}
        self.exercise = Exercise(api)

    def arguments(self, op_id: str) -> tuple[list[Any], dict[str, Any]]:
        plan: OperationPlan = self.plans[op_id]
        op = self.api.operation(op_id)
        params = {p.name: p for p in op.parameters}
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        for argument in plan.arguments:
            param = params[argument.wire]
            known = self.exercise.known.get(argument.wire)
            if argument.location == "path":
                args.append(known or synthesize(param.schema, argument.wire, argument.wire))
            elif argument.required:
                value = synthesize(param.schema, argument.wire, argument.wire)
                kwargs[argument.name] = (
                    f"{op_id}-{id(kwargs)}" if argument.wire == "Idempotency-Key" else value
                )
        if plan.body_kind is BodyKind.JSON and op.request_body is not None:
            schema = op.request_body.content[0].schema
            body = synthesize(schema, f"body/{op_id}")
            if "{" not in op.path and isinstance(body, dict) and schema is not None:
                body = {k: v for k, v in body.items() if k in schema.required}  # search for all
            args.append(self._model(plan.body_annotation or ANY, body))
        for form in plan.form_fields:
            if form.is_file:
                kwargs[form.name] = ("bilag.pdf", PDF, "application/pdf")
        return args, kwargs

    def _model(self, annotation: Annotation, data: Any) -> Any:
        item = list_item(annotation)
        model: Any = getattr(self.sdk.models, str(item or annotation))
        if item is not None:
            return TypeAdapter(list[model]).validate_python(data)
        return model.model_validate(data)

    def learn(self, op_id: str, result: Any) -> None:
        op = self.api.operation(op_id)
        if (
            isinstance(result, list)
            and result
            and isinstance(result[0], BaseModel)
            and not self.exercise.known
        ):
            first = result[0].model_dump(by_alias=True, mode="json")
            self.exercise.known.update(
                {k: v for k, v in first.items() if k.endswith("Id") and isinstance(v, str)}
            )
        created = op.response("201")
        if created is not None and isinstance(result, BaseModel):
            body = result.model_dump(by_alias=True, mode="json")
            for link in created.links:
                for name, expression in link.parameters:
                    if expression.startswith("$response.body#/"):
                        self.exercise.known[name] = str(body[expression.split("#/", 1)[1]])


def _order(caller: Caller) -> list[str]:
    ops = caller.exercise.operations()
    searches = [o for o in ops if "{" not in o.path]
    return [str(o.operation_id) for o in [*searches, *(o for o in ops if o not in searches)]]


def test_every_operation_through_the_sync_client(
    sdk: ModuleType, api: Api, plan: PackagePlan, environment: TestEnvironment, certs: Path
) -> None:
    caller = Caller(sdk, api, plan)
    called = []
    with _client(sdk, certs, SyncASGITransport(environment)) as client:
        for op_id in _order(caller):
            args, kwargs = caller.arguments(op_id)
            result = getattr(client, caller.plans[op_id].name)(*args, **kwargs)
            _assert_typed(sdk, caller.plans[op_id], result)
            caller.learn(op_id, result)
            called.append(op_id)
    assert sorted(called) == sorted(str(o.operation_id) for o in api.operations)


def test_every_operation_through_the_async_client(
    sdk: ModuleType, api: Api, plan: PackagePlan, environment: TestEnvironment, certs: Path
) -> None:
    caller = Caller(sdk, api, plan)
    client_id, secret = credentials(certs)

    async def run() -> list[str]:
        called = []
        transport = httpx.ASGITransport(app=environment)
        async with sdk.AsyncClient(
            BASE_URL, credentials=sdk.ClientCredentials(client_id, secret), transport=transport
        ) as client:
            for op_id in _order(caller):
                args, kwargs = caller.arguments(op_id)
                result = await getattr(client, caller.plans[op_id].name)(*args, **kwargs)
                _assert_typed(sdk, caller.plans[op_id], result)
                caller.learn(op_id, result)
                called.append(op_id)
            pages = [
                k
                async for k in client.iter_list_krav(
                    caller.exercise.known["doedsbojournalId"], size=1
                )
            ]
            assert pages and all(isinstance(k, sdk.models.Krav) for k in pages)
        return called

    assert sorted(asyncio.run(run())) == sorted(str(o.operation_id) for o in api.operations)


def _assert_typed(sdk: ModuleType, plan: OperationPlan, result: Any) -> None:
    item = list_item(plan.returns)
    if plan.result_kind is ResultKind.BYTES:
        assert isinstance(result, bytes)
    elif plan.result_kind is ResultKind.NONE:
        assert result is None
    elif item is not None:
        cls = getattr(sdk.models, str(item))
        assert isinstance(result, list) and all(isinstance(i, cls) for i in result)
    else:
        assert isinstance(result, getattr(sdk.models, str(plan.returns))), plan.name


def _estate(client: Any, sdk: ModuleType) -> str:
    return str(client.search_bo(sdk.models.DoedsbojournalQuery())[0].doedsbojournal_id)


def test_token_is_fetched_once_and_cached(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    transport = Counting(environment)
    with _client(sdk, certs, transport) as client:
        estate = _estate(client, sdk)
        client.get_bo(estate)
        client.list_krav(estate)
    assert transport.count("/oauth2/token") == 1
    assert len(transport.paths) == 4


def test_token_is_renewed_before_it_expires(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    transport = Counting(environment)
    clock = [0.0]
    with _client(sdk, certs, transport) as client:
        client._tokens._clock = lambda: clock[0]
        estate = _estate(client, sdk)
        clock[0] += environment.security.token_lifetime - 10  # inside the refresh margin
        client.get_bo(estate)
    assert transport.count("/oauth2/token") == 2
    assert 401 not in transport.statuses  # renewed before the server could refuse it


def test_a_401_fetches_a_new_token_once(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    transport = Counting(environment)
    with _client(sdk, certs, transport) as client:
        estate = _estate(client, sdk)
        environment.security.expire_all()  # the server forgets every token (a restart)
        assert client.get_bo(estate).doedsbojournal_id is not None
    assert transport.count("/oauth2/token") == 2
    assert transport.count(f"/doedsbojournaler/{estate}") == 2
    assert transport.statuses.count(401) == 1  # refused once, then answered


def test_paging_across_three_pages(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    transport = Counting(environment)
    with _client(sdk, certs, transport) as client:
        estates = client.search_bo(sdk.models.DoedsbojournalQuery(), size=3)
        estate = str(estates[1].doedsbojournal_id)  # seeded without claims
        assert client.list_krav(estate) == []
        body = sdk.models.KravData.model_validate(
            synthesize(build_api(RELEASE.read()).schemas["kravData"], "k")
        )
        for n in range(5):
            client.create_krav(estate, body, idempotency_key=f"page-{n}")
        claims = list(client.iter_list_krav(estate, size=2))
    assert len(claims) == 5 and len({c.krav_id for c in claims}) == 5
    assert transport.count(f"/doedsbojournaler/{estate}/krav") == 1 + 5 + 3


def test_upload_and_download_a_pdf(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    with _client(sdk, certs, SyncASGITransport(environment)) as client:
        estate = _estate(client, sdk)
        bilag = client.upload_bilag(
            estate,
            fil=("skifte.pdf", PDF, "application/pdf"),
            beskrivelse="Fiktivt bilag",
            idempotency_key="pdf-1",
        )
        assert bilag.filnavn == "skifte.pdf" and bilag.stoerrelse == len(PDF)
        assert client.download_bilag(estate, bilag.bilag_id) == PDF
        with client.stream_download_bilag(estate, bilag.bilag_id) as response:
            assert b"".join(response.iter_bytes()) == PDF
            assert response.headers["content-type"] == "application/pdf"


def test_error_responses_raise_typed_errors_with_the_parsed_body(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    with _client(sdk, certs, SyncASGITransport(environment)) as client:
        estate = _estate(client, sdk)
        with pytest.raises(sdk.NotFoundError) as missing:
            client.get_krav(estate, "00000000-0000-4000-8000-000000000000")
        assert missing.value.status_code == 404
        assert isinstance(missing.value.error, sdk.models.Fejl)
        assert missing.value.error.fejlkode == "IKKE_FUNDET"
        assert missing.value.request_id
        with pytest.raises(sdk.BadRequestError) as invalid:
            client.list_krav(estate, size=500)
        assert invalid.value.error.felt == "size"
        assert isinstance(invalid.value, sdk.ApiError)


def test_secrets_never_in_repr_or_errors(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    client_id, secret = credentials(certs)
    wrong = sdk.ClientCredentials(client_id, secret + "x")
    assert secret not in repr(wrong) and secret not in repr(
        sdk.ClientCredentials(client_id, secret)
    )
    with (
        sdk.Client(BASE_URL, credentials=wrong, transport=SyncASGITransport(environment)) as client,
        pytest.raises(sdk.TokenError) as refused,
    ):
        client.search_bo(sdk.models.DoedsbojournalQuery())
    assert refused.value.error == "invalid_client"
    assert secret not in str(refused.value) and secret not in repr(refused.value)
    with _client(sdk, certs, SyncASGITransport(environment)) as client:
        estate = _estate(client, sdk)
        token = client._tokens.current()
        assert token and token not in repr(client._tokens._token)
        with pytest.raises(sdk.ApiError) as error:
            client.get_krav(estate, "00000000-0000-4000-8000-000000000000")
    assert token not in str(error.value) and secret not in str(error.value)
