"""The model of an API: what every command reads instead of the raw document."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from skifte.api import Api, Resolver, build_api
from skifte.spec import read_spec

SPEC = """
openapi: 3.0.3
info: {title: Api til prøver, version: 2.0.0}
servers: [{url: 'https://api.test-minskiftesag.net'}]
security: [{oauth2: [laes]}]
paths:
  /sager/{sagId}/krav:
    parameters:
      - {name: sagId, in: path, required: true, schema: {type: string}}
      - {name: side, in: query, schema: {type: integer}}
    get:
      operationId: listKrav
      parameters:
        - {name: side, in: query, required: true, schema: {type: integer, minimum: 0}}
      responses:
        '200':
          description: ok
          headers: {X-Total-Count: {$ref: '#/components/headers/total'}}
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/krav'}}
        default: {$ref: '#/components/responses/fejl'}
    post:
      operationId: createKrav
      security: [{oauth2: [skriv]}]
      requestBody:
        required: true
        content:
          application/json: {schema: {$ref: '#/components/schemas/kravData'}}
      responses:
        '201':
          description: oprettet
          content:
            application/json: {schema: {$ref: '#/components/schemas/krav'}}
          links:
            hent:
              operationId: listKrav
              parameters: {sagId: '$request.path.sagId'}
  /offentlig:
    get:
      security: []
      responses: {'204': {description: tom}}
components:
  headers:
    total: {schema: {type: integer}, required: true}
  responses:
    fejl:
      description: fejl
      content: {application/json: {schema: {$ref: '#/components/schemas/fejl'}}}
  securitySchemes:
    oauth2:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://api.test-minskiftesag.net/oauth2/token
          scopes: {laes: læs, skriv: skriv}
  schemas:
    fejl: {type: object, required: [besked], properties: {besked: {type: string}}}
    kravData:
      type: object
      required: [beløb]
      properties:
        beløb: {type: number}
        status: {type: string, enum: [ÅBEN, LUKKET], nullable: true}
    krav:
      allOf:
        - $ref: '#/components/schemas/kravData'
        - type: object
          properties:
            kravId: {type: string}
            forrige: {$ref: '#/components/schemas/krav'}
"""


def _api(tmp_path: Path) -> Api:
    path = tmp_path / "spec.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return build_api(read_spec(path))


def test_operations_parameters_and_security(tmp_path: Path) -> None:
    api = _api(tmp_path)
    assert [o.key for o in api.operations] == [
        "GET /sager/{sagId}/krav",
        "POST /sager/{sagId}/krav",
        "GET /offentlig",
    ]
    listing = api.operation("listKrav")
    params = {(p.location, p.name): p for p in listing.parameters}
    assert set(params) == {("path", "sagId"), ("query", "side")}
    assert params[("query", "side")].required  # the operation's declaration wins
    assert params[("query", "side")].schema is not None
    assert params[("query", "side")].schema.keyword("minimum") == 0
    assert listing.security[0].schemes == (("oauth2", ("laes",)),)
    assert api.operation("createKrav").security[0].schemes == (("oauth2", ("skriv",)),)
    assert api.operations[2].security == ()  # `security: []` means no auth
    (scheme,) = api.security_schemes
    assert scheme.token_url == "https://api.test-minskiftesag.net/oauth2/token"
    assert scheme.scopes == ("laes", "skriv")


def test_responses_headers_links_and_bodies(tmp_path: Path) -> None:
    api = _api(tmp_path)
    listing = api.operation("listKrav")
    ok = listing.response("200")
    assert ok is not None
    assert [(h.name, h.required) for h in ok.headers] == [("X-Total-Count", True)]
    body = ok.content[0].schema
    assert body is not None and body.items is not None and body.items.component == "krav"
    default = listing.response("default")
    assert default is not None and default.content[0].schema is not None
    assert default.content[0].schema.component == "fejl"
    create = api.operation("createKrav")
    assert create.request_body is not None and create.request_body.required
    (link,) = create.responses[0].links
    assert (link.operation_id, link.parameters) == ("listKrav", (("sagId", "$request.path.sagId"),))


def test_schema_views_follow_refs_and_survive_recursion(tmp_path: Path) -> None:
    api = _api(tmp_path)
    krav = api.schemas["krav"]
    base, extra = krav.all_of
    assert base.component == "kravData"
    assert base.required == {"beløb"}
    status = base.properties["status"]
    assert status.enum == ("ÅBEN", "LUKKET") and status.nullable
    previous = extra.properties["forrige"]
    assert previous.component == "krav"
    assert previous.all_of[1].properties["forrige"].component == "krav"


def test_additional_properties_written_or_left_to_the_default() -> None:
    resolver = Resolver({"components": {"schemas": {"tekst": {"type": "string"}}}})
    default = resolver.schema({"type": "object", "properties": {"navn": {"type": "string"}}})
    opened = resolver.schema({"type": "object", "additionalProperties": True})
    closed = resolver.schema({"type": "object", "additionalProperties": False})
    typed = resolver.schema({"additionalProperties": {"$ref": "#/components/schemas/tekst"}})
    assert default.additional_properties is True and not default.declares_additional_properties
    assert opened.additional_properties is True and opened.declares_additional_properties
    assert closed.additional_properties is False and closed.declares_additional_properties
    extra = typed.additional_properties
    assert typed.declares_additional_properties and not isinstance(extra, bool)
    assert extra.component == "tekst"


def test_the_same_document_as_json_gives_the_same_model(tmp_path: Path) -> None:
    api = _api(tmp_path)
    again = tmp_path / "again.txt"
    again.write_text(json.dumps(yaml.safe_load(SPEC)), encoding="utf-8")
    assert [o.key for o in build_api(read_spec(again)).operations] == [
        o.key for o in api.operations
    ]


FORM_SPEC = """
openapi: 3.0.3
info: {title: Upload, version: 1.0.0}
paths:
  /bilag:
    post:
      operationId: uploadBilag
      requestBody:
        content:
          multipart/form-data:
            schema: {$ref: '#/components/schemas/Upload'}
      responses:
        '201':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Kvittering'}
components:
  schemas:
    Upload:
      type: object
      properties:
        fil: {type: string, format: binary}
        meta: {type: object, properties: {navn: {type: string}}}
    Kvittering:
      type: object
      properties:
        meta: {$ref: '#/components/schemas/Upload/properties/meta'}
"""


def test_a_form_body_component_referred_to_deeper_is_no_form_only_component(
    tmp_path: Path,
) -> None:
    from skifte.api.form_bodies import form_only_components

    path = tmp_path / "spec.yaml"
    path.write_text(FORM_SPEC, encoding="utf-8")
    api = build_api(read_spec(path))
    # Kvittering reaches into Upload: Upload's class is needed for that property's type.
    assert "Upload" not in form_only_components(api)
    path.write_text(FORM_SPEC.replace("/Upload/properties/meta", "/Upload"), encoding="utf-8")
    assert "Upload" not in form_only_components(build_api(read_spec(path)))
    path.write_text(
        FORM_SPEC.replace("meta: {$ref: '#/components/schemas/Upload/properties/meta'}", "n: {}"),
        encoding="utf-8",
    )
    assert "Upload" in form_only_components(build_api(read_spec(path)))
