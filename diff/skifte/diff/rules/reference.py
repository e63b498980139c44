"""The reference checker's ids for each of our rules, its levels, and where we differ on purpose.

The reference is oasdiff (`oasdiff checks`; its rule table `checker/rules.go`), the most
used breaking-change checker. One of our rules may stand for several of its checks: the
body or a property (`request-body-…`/`request-property-…`), a limit first set or changed
(`…-set`/`…-decreased`). A `Ref` says in which case each applies, so every change carries
exactly the ids the reference would report for it (`Change.oasdiff`), and an ignore file
written for the reference keeps working.

Its levels map ERR → breaking, WARN → warning, INFO → info. Where ours is not the worst
of the ids a change carries, or a rule has no counterpart, `DIFFERENCES` says why;
`tests/diff` holds every corpus change to that.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..change import Level

B: Level = "breaking"
W: Level = "warning"
I: Level = "info"  # noqa: E741


@dataclass(frozen=True)
class Ref:
    id: str
    level: Level
    when: tuple[str, ...] = ()
    """Conditions, all of which must hold: body, property (where in the schema), set, changed,
    unset (the old or new value is none), kw=<keyword>, dir=request|response, level=<ours>."""

    def applies(self, fields: Mapping[str, str], pointer: str, level: Level) -> bool:
        return all(_holds(condition, fields, pointer, level) for condition in self.when)


def _holds(condition: str, fields: Mapping[str, str], pointer: str, level: Level) -> bool:
    if condition.startswith("level="):
        # Where the case is only known from the level we gave it (a rename's removal).
        return level == condition[6:]
    at_body = pointer.endswith("/schema")
    old, new = fields.get("old", ""), fields.get("new", "")
    if condition == "body":
        return at_body
    if condition == "property":
        return not at_body
    if condition == "set":
        return old == "none"
    if condition == "unset":
        return new == "none"
    if condition == "changed":
        return old != "none" and new != "none"
    if condition.startswith("dir="):
        return ("/requestBody/" in pointer) == (condition == "dir=request")
    if condition.startswith("kw="):
        return fields.get("keyword") == condition[3:]
    raise ValueError(f"unknown condition {condition!r}")


def _schema(side: str, stem: str, level: Level, *when: str) -> tuple[Ref, ...]:
    """`request-body-<stem>` at a body's root, `request-property-<stem>` below it."""
    return (
        Ref(f"{side}-body-{stem}", level, ("body", *when)),
        Ref(f"{side}-property-{stem}", level, ("property", *when)),
    )


def _limit(prefix: str, stem: str, keyword: str, set_level: Level | None) -> tuple[Ref, ...]:
    """A limit lowered (or raised), and, where the reference has one, the limit first set."""
    refs = [Ref(f"{prefix}-{stem}", B, ("changed", f"kw={keyword}"))]
    if set_level is not None:
        set_stem = stem.rsplit("-", 1)[0] + "-set"
        refs.append(Ref(f"{prefix}-{set_stem}", set_level, ("set", f"kw={keyword}")))
    return tuple(refs)


def _body_limit(stem: str, keyword: str, set_level: Level | None) -> tuple[Ref, ...]:
    return tuple(
        Ref(ref.id, ref.level, (where, *ref.when))
        for where, prefix in (("body", "request-body"), ("property", "request-property"))
        for ref in _limit(prefix, stem, keyword, set_level)
    )


def _relaxed(prefix: str, keyword: str, stem: str) -> Ref:
    return Ref(f"{prefix}-{stem}", I, (f"kw={keyword}",))


_PARAMETER_RELAXED = tuple(
    _relaxed("request-parameter", keyword, stem)
    for keyword, stem in (
        ("maximum", "max-increased"),
        ("minimum", "min-decreased"),
        ("maxLength", "max-length-increased"),
        ("minLength", "min-length-decreased"),
        ("maxItems", "max-items-increased"),
        ("minItems", "min-items-decreased"),
        ("pattern", "pattern-removed"),
    )
)
_REQUEST_RELAXED = (
    *(
        ref
        for keyword, stem in (
            ("maximum", "max-increased"),
            ("minimum", "min-decreased"),
            ("maxLength", "max-length-increased"),
            ("minLength", "min-length-decreased"),
        )
        for ref in _schema("request", stem, I, f"kw={keyword}")
    ),
    Ref("request-property-pattern-removed", I, ("kw=pattern",)),
)
_RESPONSE_RELAXED = (
    *(
        ref
        for keyword, stem in (
            ("maximum", "max-increased"),
            ("minimum", "min-decreased"),
            ("minLength", "min-length-decreased"),
            ("minItems", "min-items-decreased"),
        )
        for ref in _schema("response", stem, B, "changed", f"kw={keyword}")
    ),
    *_schema("response", "max-length-increased", B, "changed", "kw=maxLength"),
    *_schema("response", "max-length-unset", B, "unset", "kw=maxLength"),
    *_schema("response", "min-items-unset", B, "unset", "kw=minItems"),
    *_schema("response", "type-generalized", B, "kw=format"),
    Ref("response-property-pattern-changed", I, ("changed", "kw=pattern")),
    Ref("response-property-pattern-removed", I, ("unset", "kw=pattern")),
)

REFERENCE: dict[str, tuple[Ref, ...]] = {
    # operations
    "operation-added": (Ref("endpoint-added", I),),
    "operation-removed": (Ref("api-removed-with-deprecation", I),),
    "operation-removed-without-deprecation": (
        Ref("api-removed-without-deprecation", B),
        Ref("api-path-removed-without-deprecation", B),
    ),
    "operation-deprecated": (Ref("endpoint-deprecated", I),),
    "operation-reactivated": (Ref("endpoint-reactivated", I),),
    "operation-id-changed": (Ref("api-operation-id-removed", I), Ref("api-operation-id-added", I)),
    # parameters
    "parameter-added": (Ref("new-optional-request-parameter", I),),
    "required-parameter-added": (Ref("new-required-request-parameter", B),),
    "parameter-removed": (Ref("request-parameter-removed", W),),
    "parameter-became-required": (Ref("request-parameter-became-required", B),),
    "parameter-became-optional": (Ref("request-parameter-became-optional", I),),
    "parameter-location-changed": (
        Ref("request-parameter-removed", W),
        Ref("new-required-request-parameter", B),
    ),
    "parameter-style-changed": (),
    "parameter-type-changed": (Ref("request-parameter-type-changed", B),),
    "parameter-type-widened": (Ref("request-parameter-type-generalized", I),),
    "parameter-format-changed": (Ref("request-parameter-type-changed", B),),
    "parameter-pattern-added": (Ref("request-parameter-pattern-added", B),),
    "parameter-pattern-changed": (Ref("request-parameter-pattern-changed", W),),
    "parameter-enum-value-removed": (Ref("request-parameter-enum-value-removed", B),),
    "parameter-enum-value-added": (Ref("request-parameter-enum-value-added", I),),
    "parameter-became-enum": (Ref("request-parameter-became-enum", B),),
    "parameter-max-decreased": _limit("request-parameter", "max-decreased", "maximum", W),
    "parameter-min-increased": _limit("request-parameter", "min-increased", "minimum", W),
    "parameter-max-length-decreased": _limit(
        "request-parameter", "max-length-decreased", "maxLength", W
    ),
    "parameter-min-length-increased": _limit(
        "request-parameter", "min-length-increased", "minLength", None
    ),
    "parameter-max-items-decreased": _limit(
        "request-parameter", "max-items-decreased", "maxItems", None
    ),
    "parameter-min-items-increased": _limit(
        "request-parameter", "min-items-increased", "minItems", W
    ),
    "parameter-constraint-tightened": (),
    "parameter-constraint-relaxed": _PARAMETER_RELAXED,
    "parameter-default-changed": (
        Ref("request-parameter-default-value-changed", B, ("changed",)),
        Ref("request-parameter-default-value-added", B, ("set",)),
        Ref("request-parameter-default-value-removed", B, ("unset",)),
    ),
    # request bodies
    "request-body-added": (Ref("added-optional-request-body", I),),
    "required-request-body-added": (Ref("added-required-request-body", B),),
    "request-body-removed": (Ref("request-body-removed", B),),
    "request-body-became-required": (Ref("request-body-became-required", B),),
    "request-body-became-optional": (Ref("request-body-became-optional", I),),
    "request-media-type-removed": (Ref("request-body-media-type-removed", B),),
    "request-media-type-added": (Ref("request-body-media-type-added", I),),
    "request-media-type-schema-added": (Ref("request-body-media-type-schema-added", B),),
    "request-media-type-schema-removed": (Ref("request-body-media-type-schema-removed", I),),
    "request-property-added": (Ref("new-optional-request-property", I),),
    "request-required-property-added": (Ref("new-required-request-property", B),),
    "request-property-removed": (Ref("request-property-removed", W),),
    "request-property-became-required": (Ref("request-property-became-required", B),),
    "request-property-became-optional": (Ref("request-property-became-optional", I),),
    "request-property-type-changed": _schema("request", "type-changed", B),
    "request-property-type-widened": _schema("request", "type-generalized", I),
    "request-property-became-nullable": _schema("request", "became-nullable", I),
    "request-property-became-not-nullable": _schema("request", "became-not-nullable", B),
    "request-enum-value-removed": (Ref("request-property-enum-value-removed", B),),
    "request-enum-value-added": (Ref("request-property-enum-value-added", I),),
    "request-property-became-enum": (
        Ref("request-body-became-enum", B, ("body",)),
        Ref("request-property-became-enum", B, ("property",)),
    ),
    "request-property-format-changed": _schema("request", "type-changed", B),
    "request-property-pattern-added": (Ref("request-property-pattern-added", B),),
    "request-property-pattern-changed": (Ref("request-property-pattern-changed", W),),
    "request-property-max-decreased": _body_limit("max-decreased", "maximum", W),
    "request-property-min-increased": _body_limit("min-increased", "minimum", W),
    "request-property-max-length-decreased": _body_limit("max-length-decreased", "maxLength", W),
    "request-property-min-length-increased": _body_limit("min-length-increased", "minLength", None),
    "request-property-max-items-decreased": (),
    "request-property-min-items-increased": _body_limit("min-items-increased", "minItems", W),
    "request-property-constraint-tightened": (),
    "request-property-constraint-relaxed": _REQUEST_RELAXED,
    "request-additional-properties-closed": (),
    "request-alternative-removed": (
        *_schema("request", "one-of-removed", B, "kw=oneOf"),
        *_schema("request", "any-of-removed", B, "kw=anyOf"),
    ),
    "request-alternative-added": (
        *_schema("request", "one-of-added", I, "kw=oneOf"),
        *_schema("request", "any-of-added", I, "kw=anyOf"),
    ),
    "request-wrapped-in-one-of": (Ref("request-body-wrapped-in-one-of", B),),
    "request-all-of-member-added": _schema("request", "all-of-added", B),
    "request-all-of-member-removed": _schema("request", "all-of-removed", W),
    # responses
    "response-success-status-removed": (Ref("response-success-status-removed", B),),
    "response-success-status-added": (Ref("response-success-status-added", I),),
    "response-non-success-status-removed": (Ref("response-non-success-status-removed", I),),
    "response-non-success-status-added": (Ref("response-non-success-status-added", I),),
    "response-media-type-removed": (Ref("response-media-type-removed", B),),
    "response-media-type-schema-added": (Ref("response-body-media-type-schema-added", I),),
    "response-media-type-schema-removed": (Ref("response-body-media-type-schema-removed", B),),
    "response-header-removed": (Ref("optional-response-header-removed", W),),
    "response-required-header-removed": (Ref("required-response-header-removed", B),),
    "response-header-became-optional": (Ref("response-header-became-optional", B),),
    "response-property-added": (
        Ref("response-optional-property-added", I),
        Ref("response-required-property-added", I),
    ),
    "response-required-property-removed": (Ref("response-required-property-removed", B),),
    "response-optional-property-removed": (Ref("response-optional-property-removed", W),),
    "response-property-became-optional": (Ref("response-property-became-optional", B),),
    "response-property-became-required": (Ref("response-property-became-required", I),),
    "response-property-type-changed": _schema("response", "type-changed", B),
    "response-property-type-narrowed": _schema("response", "type-specialized", I),
    "response-property-became-nullable": _schema("response", "became-nullable", B),
    "response-property-became-not-nullable": _schema("response", "became-not-nullable", I),
    "response-enum-value-added": (Ref("response-property-enum-value-added", W),),
    "response-enum-value-removed": (Ref("response-property-enum-value-removed", I),),
    "response-property-format-changed": _schema("response", "type-changed", B),
    "response-property-constraint-tightened": (
        Ref("response-property-pattern-added", I, ("kw=pattern",)),
    ),
    "response-property-constraint-relaxed": _RESPONSE_RELAXED,
    "response-alternative-added": (
        *_schema("response", "one-of-added", B, "kw=oneOf"),
        *_schema("response", "any-of-added", I, "kw=anyOf"),
    ),
    "response-alternative-removed": (
        *_schema("response", "one-of-removed", I, "kw=oneOf"),
        *_schema("response", "any-of-removed", I, "kw=anyOf"),
    ),
    "response-all-of-member-added": _schema("response", "all-of-added", I),
    "response-all-of-member-removed": _schema("response", "all-of-removed", B),
    # schemas, security, servers
    "property-renamed": (
        Ref("response-required-property-removed", B, ("dir=response", "level=breaking")),
        Ref("response-optional-property-removed", W, ("dir=response", "level=warning")),
        Ref("response-optional-property-added", I, ("dir=response",)),
        Ref("request-property-removed", W, ("dir=request",)),
        Ref("new-required-request-property", B, ("dir=request", "level=breaking")),
        Ref("new-optional-request-property", I, ("dir=request", "level=info")),
    ),
    "security-scheme-added": (Ref("api-security-added", I),),
    "security-scope-added": (Ref("api-security-scope-added", I),),
    "security-scheme-removed": (Ref("api-security-removed", I),),
    "security-scope-removed": (Ref("api-security-scope-removed", I),),
    "server-added": (),
    "server-removed": (),
}
"""Every rule id → the reference's checks it stands for, in the cases each applies."""


def reference_ids(
    rule: str, fields: Mapping[str, str], pointer: str, level: Level
) -> tuple[str, ...]:
    """The reference's ids for one change of `rule`, in the order the table lists them."""
    return tuple(ref.id for ref in REFERENCE[rule] if ref.applies(fields, pointer, level))
