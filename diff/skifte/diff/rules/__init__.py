"""The rules table: every change the diff can report, with its level, direction and family.

Rules find changes (`Finding`s) and never decide how bad they are: the level comes
from this table, so the table is the one place to read or change a classification.
A few rules take their level from the case (`levels`): a rename is as bad as the
removal it replaces. Messages and descriptions live in `messages/en.yaml`, keyed
by the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..change import Level
from ..messages import templates
from . import composition as co
from . import defaults as de
from . import media_schemas as ms
from . import operations as op
from . import parameters as pa
from . import request_body as rq
from . import responses as rs
from . import security as se
from . import servers as sv
from .differences import DIFFERENCES
from .reference import REFERENCE, Ref
from .renames import PROPERTY_RENAMED

Direction = Literal["request", "response", "both", "none"]
Family = Literal[
    "operations",
    "parameters",
    "defaults",
    "request-body",
    "media-types",
    "composition",
    "responses",
    "schemas",
    "security",
    "servers",
]


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    """The level of every change of this rule, or the worst one when `levels` has more."""
    direction: Direction
    family: Family
    levels: tuple[Level, ...] = ()
    """Every level a change of this rule can have, when it depends on the case."""

    @property
    def allowed_levels(self) -> tuple[Level, ...]:
        return self.levels or (self.level,)

    @property
    def reference(self) -> tuple[Ref, ...]:
        """The reference checker's ids this rule stands for (`reference.py`)."""
        return REFERENCE[self.id]

    @property
    def difference(self) -> str | None:
        """Why this rule's level departs from the reference's, if it does (`differences.py`)."""
        return DIFFERENCES.get(self.id)

    @property
    def description(self) -> str:
        """What the rule reports, in general terms (`<id>-description` in the messages)."""
        return templates()[f"{self.id}-description"]


B: Level = "breaking"
W: Level = "warning"
I: Level = "info"  # noqa: E741

_TABLE = [
    Rule(op.OPERATION_ADDED, I, "none", "operations"),
    Rule(op.OPERATION_REMOVED, B, "none", "operations"),
    Rule(op.OPERATION_REMOVED_WITHOUT_DEPRECATION, B, "none", "operations"),
    Rule(op.OPERATION_DEPRECATED, W, "none", "operations"),
    Rule(op.OPERATION_REACTIVATED, I, "none", "operations"),
    Rule(op.OPERATION_ID_CHANGED, W, "none", "operations"),
    Rule(pa.PARAMETER_ADDED, I, "request", "parameters"),
    Rule(pa.REQUIRED_PARAMETER_ADDED, B, "request", "parameters"),
    Rule(pa.PARAMETER_REMOVED, W, "request", "parameters"),
    Rule(pa.PARAMETER_BECAME_REQUIRED, B, "request", "parameters"),
    Rule(pa.PARAMETER_BECAME_OPTIONAL, I, "request", "parameters"),
    Rule(pa.PARAMETER_LOCATION_CHANGED, B, "request", "parameters"),
    Rule(pa.PARAMETER_STYLE_CHANGED, B, "request", "parameters"),
    Rule(pa.PARAMETER_TYPE_CHANGED, B, "request", "parameters"),
    Rule(pa.PARAMETER_TYPE_WIDENED, I, "request", "parameters"),
    Rule(pa.PARAMETER_FORMAT_CHANGED, B, "request", "parameters"),
    Rule(pa.PARAMETER_PATTERN_ADDED, B, "request", "parameters"),
    Rule(pa.PARAMETER_PATTERN_CHANGED, W, "request", "parameters"),
    Rule(pa.PARAMETER_ENUM_VALUE_REMOVED, B, "request", "parameters"),
    Rule(pa.PARAMETER_ENUM_VALUE_ADDED, I, "request", "parameters"),
    Rule(pa.PARAMETER_BECAME_ENUM, B, "request", "parameters"),
    Rule(pa.PARAMETER_MAX_DECREASED, B, "request", "parameters"),
    Rule(pa.PARAMETER_MIN_INCREASED, B, "request", "parameters"),
    Rule(pa.PARAMETER_MAX_LENGTH_DECREASED, B, "request", "parameters", levels=(B, W)),
    Rule(pa.PARAMETER_MIN_LENGTH_INCREASED, B, "request", "parameters"),
    Rule(pa.PARAMETER_MAX_ITEMS_DECREASED, B, "request", "parameters"),
    Rule(pa.PARAMETER_MIN_ITEMS_INCREASED, B, "request", "parameters", levels=(B, W)),
    Rule(pa.PARAMETER_CONSTRAINT_TIGHTENED, B, "request", "parameters"),
    Rule(pa.PARAMETER_CONSTRAINT_RELAXED, I, "request", "parameters"),
    Rule(de.PARAMETER_DEFAULT_CHANGED, B, "request", "defaults"),
    Rule(rq.REQUEST_BODY_ADDED, I, "request", "request-body"),
    Rule(rq.REQUIRED_REQUEST_BODY_ADDED, B, "request", "request-body"),
    Rule(rq.REQUEST_BODY_REMOVED, B, "request", "request-body"),
    Rule(rq.REQUEST_BODY_BECAME_REQUIRED, B, "request", "request-body"),
    Rule(rq.REQUEST_BODY_BECAME_OPTIONAL, I, "request", "request-body"),
    Rule(rq.REQUEST_MEDIA_TYPE_REMOVED, B, "request", "request-body"),
    Rule(rq.REQUEST_MEDIA_TYPE_ADDED, I, "request", "request-body"),
    Rule(ms.REQUEST_MEDIA_TYPE_SCHEMA_ADDED, B, "request", "media-types"),
    Rule(ms.REQUEST_MEDIA_TYPE_SCHEMA_REMOVED, I, "request", "media-types"),
    Rule(rq.REQUEST_PROPERTY_ADDED, I, "request", "request-body"),
    Rule(rq.REQUEST_REQUIRED_PROPERTY_ADDED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_REMOVED, W, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_BECAME_REQUIRED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_BECAME_OPTIONAL, I, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_TYPE_CHANGED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_TYPE_WIDENED, I, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_BECAME_NULLABLE, I, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_BECAME_NOT_NULLABLE, B, "request", "request-body"),
    Rule(rq.REQUEST_ENUM_VALUE_REMOVED, B, "request", "request-body"),
    Rule(rq.REQUEST_ENUM_VALUE_ADDED, I, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_BECAME_ENUM, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_FORMAT_CHANGED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_PATTERN_ADDED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_PATTERN_CHANGED, W, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_MAX_DECREASED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_MIN_INCREASED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_MAX_LENGTH_DECREASED, B, "request", "request-body", levels=(B, W)),
    Rule(rq.REQUEST_PROPERTY_MIN_LENGTH_INCREASED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_MAX_ITEMS_DECREASED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_MIN_ITEMS_INCREASED, B, "request", "request-body", levels=(B, W)),
    Rule(rq.REQUEST_PROPERTY_CONSTRAINT_TIGHTENED, B, "request", "request-body"),
    Rule(rq.REQUEST_PROPERTY_CONSTRAINT_RELAXED, I, "request", "request-body"),
    Rule(rq.REQUEST_ADDITIONAL_PROPERTIES_CLOSED, B, "request", "request-body"),
    Rule(rq.REQUEST_ALTERNATIVE_REMOVED, B, "request", "request-body"),
    Rule(rq.REQUEST_ALTERNATIVE_ADDED, I, "request", "request-body"),
    Rule(co.REQUEST_WRAPPED_IN_ONE_OF, B, "request", "composition"),
    Rule(co.REQUEST_ALL_OF_MEMBER_ADDED, B, "request", "composition"),
    Rule(co.REQUEST_ALL_OF_MEMBER_REMOVED, W, "request", "composition"),
    Rule(co.RESPONSE_ALL_OF_MEMBER_ADDED, I, "response", "composition"),
    Rule(co.RESPONSE_ALL_OF_MEMBER_REMOVED, B, "response", "composition"),
    Rule(rs.RESPONSE_SUCCESS_STATUS_REMOVED, B, "response", "responses"),
    Rule(rs.RESPONSE_SUCCESS_STATUS_ADDED, I, "response", "responses"),
    Rule(rs.RESPONSE_NON_SUCCESS_STATUS_REMOVED, I, "response", "responses"),
    Rule(rs.RESPONSE_NON_SUCCESS_STATUS_ADDED, I, "response", "responses"),
    Rule(rs.RESPONSE_MEDIA_TYPE_REMOVED, B, "response", "responses"),
    Rule(ms.RESPONSE_MEDIA_TYPE_SCHEMA_ADDED, I, "response", "media-types"),
    Rule(ms.RESPONSE_MEDIA_TYPE_SCHEMA_REMOVED, B, "response", "media-types"),
    Rule(rs.RESPONSE_HEADER_REMOVED, W, "response", "responses"),
    Rule(rs.RESPONSE_REQUIRED_HEADER_REMOVED, B, "response", "responses"),
    Rule(rs.RESPONSE_HEADER_BECAME_OPTIONAL, B, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_ADDED, I, "response", "responses"),
    Rule(rs.RESPONSE_REQUIRED_PROPERTY_REMOVED, B, "response", "responses"),
    Rule(rs.RESPONSE_OPTIONAL_PROPERTY_REMOVED, W, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_BECAME_OPTIONAL, B, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_BECAME_REQUIRED, I, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_TYPE_CHANGED, B, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_TYPE_NARROWED, I, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_BECAME_NULLABLE, B, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_BECAME_NOT_NULLABLE, I, "response", "responses"),
    Rule(rs.RESPONSE_ENUM_VALUE_ADDED, W, "response", "responses"),
    Rule(rs.RESPONSE_ENUM_VALUE_REMOVED, I, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_FORMAT_CHANGED, B, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_CONSTRAINT_TIGHTENED, I, "response", "responses"),
    Rule(rs.RESPONSE_PROPERTY_CONSTRAINT_RELAXED, B, "response", "responses", levels=(B, W)),
    Rule(rs.RESPONSE_ALTERNATIVE_ADDED, B, "response", "responses", levels=(B, W)),
    Rule(rs.RESPONSE_ALTERNATIVE_REMOVED, I, "response", "responses"),
    Rule(PROPERTY_RENAMED, B, "both", "schemas", levels=(B, W, I)),
    Rule(se.SECURITY_SCHEME_ADDED, B, "request", "security"),
    Rule(se.SECURITY_SCOPE_ADDED, B, "request", "security"),
    Rule(se.SECURITY_SCHEME_REMOVED, I, "request", "security"),
    Rule(se.SECURITY_SCOPE_REMOVED, I, "request", "security"),
    Rule(sv.SERVER_REMOVED, W, "none", "servers"),
    Rule(sv.SERVER_ADDED, I, "none", "servers"),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _TABLE}

CHECKS = (op.check, pa.check, de.check, rq.check, ms.check, rs.check, se.check, sv.check)
"""Every check, each with the same signature: `check(ctx) -> Iterable[Finding]`."""

__all__ = ["CHECKS", "RULES", "Direction", "Family", "Rule"]
