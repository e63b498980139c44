"""One operation's plan: its method's arguments, body, result, paging and docstring.

Decided from the model of the API and its Python names (see `plan`, which plans the
package around the operations); templates only render it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from skifte.api import MediaType, Operation, Parameter
from skifte.api.naming import python_identifier, snake_case, unique
from skifte.api.python_names import RESERVED_ARGUMENT_NAMES, PythonNames

from .annotations import BYTES, NONE, Annotation, BodyKind, Named, ResultKind, list_item
from .literals import docstring
from .python_types import TypeNamer

_PARAMETER_ORDER = {"path": 0, "query": 1, "header": 2, "cookie": 3}
_FILE_CONTENT = Named("FileContent")
"""What a file part of a multipart body accepts (defined in the client's `_call.py`)."""


@dataclass(frozen=True)
class Argument:
    name: str
    wire: str
    location: str
    annotation: Annotation
    required: bool
    description: str = ""
    deprecated: bool = False
    fresh_key: bool = False
    """An `Idempotency-Key` header: the client fills in a new UUID unless one is passed."""


@dataclass(frozen=True)
class FormField:
    name: str
    wire: str
    annotation: Annotation
    required: bool
    is_file: bool
    content_type: str | None = None


@dataclass(frozen=True)
class Paging:
    item: Annotation
    page: str
    size: str
    first_page: int


@dataclass(frozen=True)
class OperationPlan:
    name: str
    operation_id: str | None
    http_method: str
    path: str
    summary: str
    description: str
    deprecated: bool
    arguments: tuple[Argument, ...]
    body_kind: BodyKind | None
    """None: the operation takes no body."""
    body_annotation: Annotation | None
    body_required: bool
    body_media_type: str | None
    form_fields: tuple[FormField, ...]
    returns: Annotation
    result_kind: ResultKind
    success_statuses: tuple[str, ...]
    paging: Paging | None
    scopes: tuple[str, ...]

    @property
    def required_arguments(self) -> tuple[Argument, ...]:
        return tuple(a for a in self.arguments if a.required)

    @property
    def optional_arguments(self) -> tuple[Argument, ...]:
        return tuple(a for a in self.arguments if not a.required)

    @property
    def streams(self) -> bool:
        return self.result_kind is ResultKind.BYTES

    def doc(self, note: str = "") -> str:
        """The method's docstring text: summary, description, the HTTP call, notes."""
        scopes = f" (scopes: {', '.join(self.scopes)})" if self.scopes else ""
        parts = [self.summary or self.name]
        parts += [_wrap(p) for p in self.description.split("\n\n") if p.strip()]
        parts.append(f"`{self.http_method} {self.path}`{scopes}")
        if self.deprecated:
            parts.append("Deprecated in the specification.")
        if note:
            parts.append(_wrap(note))
        return docstring("\n\n".join(parts)) + "\n"


def plan_operation(op: Operation, name: str, names: PythonNames, types: TypeNamer) -> OperationPlan:
    """One operation as its client method: arguments, body, result, paging, scopes."""
    arg_names = names.arguments(op)
    arguments = sorted(
        (
            Argument(
                name=arg_names[p],
                wire=p.name,
                location=p.location,
                annotation=types.annotation(p.schema, argument=True),
                required=(p.required or p.location == "path") and not _is_key(p),
                description=p.description,
                deprecated=p.deprecated,
                fresh_key=_is_key(p),
            )
            for p in op.parameters
        ),
        key=lambda a: (not a.required, _PARAMETER_ORDER.get(a.location, 9)),
    )
    body_kind, body_annotation, body_media, form = _body(op, types, {a.name for a in arguments})
    returns, result_kind, statuses = _result(op, types)
    return OperationPlan(
        name=name,
        operation_id=op.operation_id,
        http_method=op.method,
        path=op.path if op.path.startswith("/") else f"/{op.path}",  # never another host
        summary=op.summary,
        description=op.description,
        deprecated=op.deprecated,
        arguments=tuple(arguments),
        body_kind=body_kind,
        body_annotation=body_annotation,
        body_required=bool(op.request_body and op.request_body.required),
        body_media_type=body_media,
        form_fields=form,
        returns=returns,
        result_kind=result_kind,
        success_statuses=statuses,
        paging=_paging(op, arguments, returns),
        scopes=tuple(
            sorted({s for req in op.security for _, scopes in req.schemes for s in scopes})
        ),
    )


def _is_key(parameter: Parameter) -> bool:
    return parameter.location == "header" and parameter.name.lower() == "idempotency-key"


def _body(
    op: Operation, types: TypeNamer, taken: set[str]
) -> tuple[BodyKind | None, Annotation | None, str | None, tuple[FormField, ...]]:
    if op.request_body is None or not op.request_body.content:
        return None, None, None, ()
    json_media = next((m for m in op.request_body.content if m.is_json), None)
    if json_media is not None:
        return BodyKind.JSON, types.annotation(json_media.schema), json_media.name, ()
    multipart = next((m for m in op.request_body.content if m.name.startswith("multipart/")), None)
    if multipart is not None and multipart.schema is not None:
        return BodyKind.MULTIPART, None, multipart.name, _form_fields(multipart, types, taken)
    media = op.request_body.content[0]
    return BodyKind.RAW, BYTES, media.name, ()


def _form_fields(media: MediaType, types: TypeNamer, taken: set[str]) -> tuple[FormField, ...]:
    """The parts of a multipart body, as keyword arguments named like the parameters."""
    assert media.schema is not None
    encodings = dict(media.encoding)
    fields = []
    wires = list(media.schema.properties)
    names = unique(
        [
            python_identifier(snake_case(w), fallback="field", reserved=RESERVED_ARGUMENT_NAMES)
            for w in wires
        ],
        set(taken),
        sep="_",
    )
    for wire, name in zip(wires, names, strict=True):
        schema = media.schema.properties[wire]
        is_file = schema.format == "binary"
        fields.append(
            FormField(
                name=name,
                wire=wire,
                annotation=_FILE_CONTENT if is_file else types.annotation(schema, argument=True),
                required=wire in media.schema.required,
                is_file=is_file,
                content_type=encodings.get(wire),
            )
        )
    return tuple(sorted(fields, key=lambda f: not f.required))


def _result(op: Operation, types: TypeNamer) -> tuple[Annotation, ResultKind, tuple[str, ...]]:
    successes = op.success_responses
    statuses = tuple(r.status for r in successes)
    for response in successes:
        for media in response.content:
            if media.is_json:
                return types.annotation(media.schema), ResultKind.MODEL, statuses
        if response.content:
            return BYTES, ResultKind.BYTES, statuses
    return NONE, ResultKind.NONE, statuses


def _paging(op: Operation, arguments: list[Argument], returns: Annotation) -> Paging | None:
    by_wire = {a.wire: a for a in arguments if a.location == "query"}
    item = list_item(returns)
    if "page" not in by_wire or "size" not in by_wire or item is None:
        return None
    headers = {h.name.lower() for r in op.success_responses for h in r.headers}
    if "x-total-count" not in headers:
        return None
    page = next(p for p in op.parameters if p.location == "query" and p.name == "page")
    first = page.schema.keyword("default", page.schema.keyword("minimum", 0)) if page.schema else 0
    return Paging(
        item=item,
        page=by_wire["page"].name,
        size=by_wire["size"].name,
        first_page=first if isinstance(first, int) else 0,
    )


def _wrap(paragraph: str) -> str:
    return textwrap.fill(" ".join(paragraph.split()), width=72)
