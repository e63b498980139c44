"""Where our level differs from the reference checker's on purpose, and why.

A rule is listed when, in some case, its level is not the worst level of the reference
ids its change carries (`reference.py`), or when it reports something the reference
has no check for and is not mere information. `tests/diff` fails on an undocumented
difference; `diff/RULES.md` prints this list.
"""

from __future__ import annotations

DIFFERENCES: dict[str, str] = {
    "operation-removed": (
        "Breaking, where the reference grades removing a deprecated operation as info: the "
        "programme publishes no sunset dates, so an integrator still calling the deprecated "
        "operation is broken by its removal all the same."
    ),
    "operation-deprecated": (
        "Warning, where the reference has info: deprecation announces a removal that we "
        "grade breaking (see operation-removed), so integrators should act on it now."
    ),
    "operation-id-changed": (
        "Warning, where the reference has info: the generated clients name their methods "
        "after the operationId, so every caller's code must be renamed."
    ),
    "parameter-style-changed": (
        "No counterpart: a parameter serialised differently (style, explode) reaches the "
        "server as a value it parses differently."
    ),
    "parameter-max-decreased": (
        "A maximum set where there was none is breaking, where the reference warns "
        "(`request-parameter-max-set`): in a court API numbers are amounts and counts of "
        "claims, and a newly capped amount refuses a creditor's filed claim."
    ),
    "parameter-min-increased": (
        "A minimum set where there was none is breaking, where the reference warns "
        "(`request-parameter-min-set`), for the same reason as a new maximum."
    ),
    "parameter-constraint-tightened": (
        "No counterpart: a stricter multipleOf, uniqueItems, maxProperties or a removed "
        "alternative rejects values callers sent."
    ),
    "request-property-max-decreased": (
        "A maximum set where there was none is breaking, where the reference warns "
        "(`request-property-max-set`): a new cap on a claim's amount (`beloeb`) refuses "
        "claims the court accepted before, and a refused claim can miss its deadline."
    ),
    "request-property-min-increased": (
        "A minimum set where there was none is breaking, where the reference warns "
        "(`request-property-min-set`), for the same reason as a new maximum."
    ),
    "request-property-max-items-decreased": (
        "No counterpart for request bodies (the reference checks maxItems on parameters "
        "only): fewer items allowed rejects lists that were accepted."
    ),
    "request-property-constraint-tightened": (
        "No counterpart: a stricter multipleOf, uniqueItems or maxProperties rejects "
        "bodies that were accepted."
    ),
    "request-additional-properties-closed": (
        "No counterpart: an object that stops accepting unlisted properties rejects bodies "
        "that carried them."
    ),
    "request-property-type-changed": (
        "Also under XML media types, which the reference treats as compatible: the "
        "stand-in and the generated clients validate XML bodies against the same schema."
    ),
    "request-property-removed": (
        "Also when a property only became readOnly (the reference: "
        "`request-…-property-became-read-only`, info); writers that still send it are "
        "refused by a server that rejects read-only input, so it stays a warning."
    ),
    "response-required-property-removed": (
        "Also when a required property became writeOnly (the reference: "
        "`response-required-property-became-write-only`, info): readers no longer receive "
        "a field they were promised."
    ),
    "response-property-constraint-relaxed": (
        "A pattern changed or removed, or an enum dropped, in a response is a warning "
        "where the reference has info: the generated models validate patterns and enums, "
        "so a value outside the old ones fails to parse in the base's clients."
    ),
    "response-alternative-added": (
        "An anyOf member added to a response is a warning where the reference has info: "
        "readers meet a shape their generated union does not know (a new oneOf member is "
        "breaking in both)."
    ),
    "property-renamed": (
        "No counterpart: the reference reports a removal and an addition; we pair them "
        "and grade the pair as its removal, so a request rename to an optional name is "
        "info rather than the removal's warning."
    ),
    "security-scheme-added": (
        "Breaking, where the reference has info for every added requirement: we compare "
        "requirements as alternatives and report only a scheme the base's callers may "
        "lack; a new alternative is no change."
    ),
    "security-scope-added": (
        "Breaking, where the reference has info: a token without the new scope is "
        "refused (the stand-in enforces scopes as the test environment does)."
    ),
    "server-removed": ("No counterpart: a base URL integrators configured is gone."),
}
"""Rule id → why its level departs from the reference's, in the cases where it does."""

NOT_COVERED: dict[str, str] = {
    "request-parameter-became-not-nullable": (
        "A query, path or header value has no null to send: parameters are compared by "
        "the values they can carry."
    ),
    "new-required-request-header-property": (
        "Object-valued header parameters (and their `required`/`enum`, "
        "`request-header-property-became-*`) are compared as values, not objects; the "
        "programme's descriptions have none."
    ),
    "request-body-const-added": (
        "`const` is an enum of one value: reported as `request-property-became-enum` (and "
        "a changed const as an enum value removed)."
    ),
    "response-header-type-changed": (
        "Response header schemas are not compared; a removed or optional header is."
    ),
    "response-media-type-name-generalized": (
        "Media types pair by exact name; a renamed one is reported as removed and added."
    ),
    "request-parameter-schema-became-false": (
        "OpenAPI 3.1 boolean schemas (`false`) are read as schemas without constraints."
    ),
    "api-sunset-deleted": (
        "Sunset, stability and extensible-enum checks (`api-*-sunset-*`, "
        "`*-stability-decreased`, `*-x-extensible-enum-*`) read extensions the "
        "programme's descriptions do not use."
    ),
}
"""Error-level reference checks with no rule here, and why."""
