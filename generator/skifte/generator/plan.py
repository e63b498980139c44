"""The generator's view of one release: what the templates lay out, decided here.

Templates only render a `PackagePlan`; every name, annotation and choice is
made here, from the model of the API and its Python names, and in `operation_plan`
for each operation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from skifte.api import Api, Schema
from skifte.api.form_bodies import form_only_components
from skifte.api.naming import pascal_case
from skifte.api.python_names import PythonNames, field_name

from .annotations import BodyKind, ResultKind
from .operation_plan import OperationPlan, plan_operation
from .python_types import TypeNamer


@dataclass(frozen=True)
class Hoisted:
    """An inline body schema given a name so models.py defines a class for it."""

    name: str
    schema: Schema


@dataclass(frozen=True)
class PackagePlan:
    package: str
    distribution: str
    api_name: str
    title: str
    version: str
    description: str
    servers: tuple[tuple[str, str], ...]
    token_url: str | None
    token_follows_base_url: bool
    """`skifte.api.TokenEndpoint`'s rule, worked out here: the client only applies it."""
    scopes: tuple[str, ...]
    security_description: str
    operations: tuple[OperationPlan, ...]
    error_model: str | None
    hoisted: tuple[Hoisted, ...]
    classes: dict[str, str]
    field_aliases: dict[str, str]
    spec_sha256: str

    def names_used(self) -> set[str]:
        """Every name the client's annotations refer to."""
        used: set[str] = set()
        for op in self.operations:
            annotations = [op.returns, *(a.annotation for a in op.arguments)]
            annotations += [f.annotation for f in op.form_fields]
            annotations += [op.body_annotation] if op.body_annotation is not None else []
            for annotation in annotations:
                used.update(annotation.names())
        return used

    def uses(self, name: str) -> bool:
        """Does any annotation of the client refer to `name` (`module.`: to any of its names)?"""
        used = self.names_used()
        return name in used or (name.endswith(".") and any(n.startswith(name) for n in used))

    @property
    def typing_imports(self) -> list[str]:
        used = self.names_used()
        return [name for name in ("Any", "Literal") if name in used]

    @property
    def call_imports(self) -> list[str]:
        """What client.py takes from _call.py."""
        names = {"Call"}
        ops = self.operations
        if any(op.body_kind is BodyKind.JSON for op in ops):
            names.add("dump")
        if any(f.is_file for op in ops for f in op.form_fields):
            names |= {"FileContent", "file_part"}
        if any(not f.is_file for op in ops for f in op.form_fields):
            names.add("form_value")
        if any(a.deprecated for op in ops for a in op.arguments):
            names.add("warn_deprecated")
        return sorted(names)

    @property
    def response_imports(self) -> list[str]:
        """What client.py takes from _response.py."""
        names = {"async_raw_response", "raw_response"}
        if any(op.paging for op in self.operations):
            names |= {"AsyncPager", "Pager"}
        return sorted(names, key=str.lower)

    @property
    def streams(self) -> bool:
        return any(op.streams for op in self.operations)

    @property
    def fresh_keys(self) -> bool:
        return any(a.fresh_key for op in self.operations for a in op.arguments)

    @property
    def deprecations(self) -> bool:
        return any(op.deprecated for op in self.operations)

    @property
    def base_error(self) -> str:
        """The package's base exception: `DoedsboError` for the API `doedsbo`."""
        stem = pascal_case(self.api_name) or "Api"
        name = f"{stem}Error" if stem[0].isalpha() else f"Api{stem}Error"
        taken = {"ApiError", self.error_model or ""} | set(self.classes.values())
        return f"{stem}BaseError" if name in taken else name

    @property
    def title_version(self) -> str:
        return f"{self.title} {self.version}"

    @property
    def user_agent(self) -> str:
        """`distribution/version`, printable ASCII only: it goes into a header."""
        return "".join(c if "!" <= c <= "~" else "_" for c in f"{self.distribution}/{self.version}")

    @property
    def servers_dict(self) -> dict[str, str]:
        return {description: url for description, url in self.servers}

    @property
    def example_operation(self) -> OperationPlan | None:
        """A read for the README: a GET with a JSON answer and few arguments."""
        reads = [
            op
            for op in self.operations
            if op.http_method == "GET" and op.result_kind is ResultKind.MODEL and not op.deprecated
        ]
        return min(reads, key=lambda o: (len(o.required_arguments), o.name), default=None)

    def example_arguments(self, op: OperationPlan) -> str:
        parts = [repr(f"<{a.wire}>") for a in op.required_arguments if a.location == "path"]
        parts += [
            f"{a.name}={f'<{a.wire}>'!r}" for a in op.required_arguments if a.location != "path"
        ]
        return ", ".join(parts)

    @property
    def model_imports(self) -> list[str]:
        """Every models.py class the client's annotations use."""
        known = set(self.classes.values()) | {h.name for h in self.hoisted}
        return sorted(self.names_used() & known)


def plan_package(
    api: Api,
    *,
    api_name: str,
    package: str,
    distribution: str,
    spec_sha256: str,
    servers: tuple[tuple[str, str], ...],
) -> PackagePlan:
    names = PythonNames(api, package)
    # A schema that is only ever a whole multipart body gets no class: its parts are the
    # upload method's arguments. Its name stays taken, so no other name moves.
    form_only = form_only_components(api)
    classes = {c: name for c, name in names.classes.items() if c not in form_only}
    # Inline body classes avoid the names of the components' inline classes too.
    taken = {*names.classes.values(), *(c.name for c in names.inline_classes)}
    hoisted = _hoist(api, names, taken)
    types = TypeNamer(classes, {h.schema.key: h.name for h in hoisted})
    scheme = next((s for s in api.security_schemes if s.type == "oauth2" and s.token_url), None)
    endpoint = api.token_endpoint()
    return PackagePlan(
        package=package,
        distribution=distribution,
        api_name=api_name,
        title=api.title,
        version=api.version,
        description=api.description,
        servers=servers,
        token_url=endpoint.url if endpoint else None,
        token_follows_base_url=endpoint.follows_base_url if endpoint else False,
        scopes=scheme.scopes if scheme else (),
        security_description=scheme.description if scheme else "",
        operations=tuple(
            plan_operation(op, names.methods[op], names, types)
            for op in sorted(api.operations, key=lambda o: names.methods[o])
        ),
        error_model=_error_model(api, classes),
        hoisted=tuple(hoisted),
        classes=classes,
        field_aliases=_field_aliases([*api.schemas.values(), *(h.schema for h in hoisted)])
        | _scoped_aliases(names),
        spec_sha256=spec_sha256,
    )


def _hoist(api: Api, names: PythonNames, taken: set[str]) -> list[Hoisted]:
    """Inline object schemas of bodies and responses get a class named after the operation."""
    hoisted: list[Hoisted] = []
    seen: set[int] = set()
    for op in sorted(api.operations, key=lambda o: names.methods[o]):
        stem = "".join(w.capitalize() for w in names.methods[op].split("_"))
        candidates: list[tuple[str, Schema | None]] = []
        if op.request_body:
            candidates += [("Request", m.schema) for m in op.request_body.content if m.is_json]
        for response in op.success_responses:
            candidates += [("Response", m.schema) for m in response.content if m.is_json]
        for suffix, schema in candidates:
            target = schema.items if schema is not None and schema.items is not None else schema
            if target is None or target.component is not None or target.key in seen:
                continue
            if not (target.properties or target.all_of or target.one_of or target.any_of):
                continue
            name, n = f"{stem}{suffix}", 1
            while name in taken:
                n += 1
                name = f"{stem}{suffix}{n}"
            taken.add(name)
            seen.add(target.key)
            hoisted.append(Hoisted(name, target))
    return hoisted


def _error_model(api: Api, classes: dict[str, str]) -> str | None:
    """The schema most non-success responses use: the API's error body."""
    counts: Counter[str] = Counter()
    for op in api.operations:
        for response in op.responses:
            if response.is_success:
                continue
            for media in response.content:
                if media.is_json and media.schema is not None and media.schema.component:
                    counts[media.schema.component] += 1
    if not counts:
        return None
    component = max(sorted(counts), key=lambda c: counts[c])
    return classes.get(component)


def _field_aliases(roots: list[Schema]) -> dict[str, str]:
    """Every property name anywhere in the schemas → its field name (a pure function of it)."""
    aliases: dict[str, str] = {}
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        schema = stack.pop()
        if schema.key in seen:
            continue
        seen.add(schema.key)
        for wire, child in schema.properties.items():
            if field_name(wire) != wire:
                aliases.setdefault(wire, field_name(wire))
            stack.append(child)
        stack += [*schema.all_of, *schema.one_of, *schema.any_of]
        if schema.items is not None:
            stack.append(schema.items)
        extra = schema.additional_properties
        if not isinstance(extra, bool):
            stack.append(extra)
    return dict(sorted(aliases.items()))


def _scoped_aliases(names: PythonNames) -> dict[str, str]:
    """`Class.wire` for the properties of a component whose names collide once made Python."""
    scoped = {}
    for component, class_name in names.classes.items():
        for wire, name in names.fields(component).items():
            if name != field_name(wire):
                scoped[f"{class_name}.{wire}"] = name
    return dict(sorted(scoped.items()))
