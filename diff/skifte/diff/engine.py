"""Base and revision in, classified changes out: pair the operations, run every check.

Both documents are read into the model once (`skifte.api`); checks read only the
model. A change inside a schema that an operation reaches several ways (two
statuses, two media types) is reported once for that operation.
"""

from __future__ import annotations

from dataclasses import replace

from skifte.api import Api, build_api
from skifte.spec import SpecDocument

from .affects import Symbols
from .change import Change, DiffResult, Finding
from .context import DiffContext
from .messages import message
from .nesting import TooDeep
from .pairing import pair_operations
from .rules import CHECKS, RULES
from .rules.reference import reference_ids
from .rules.schemas import SchemaWalk


def diff_documents(
    base: SpecDocument,
    revision: SpecDocument,
    *,
    package: str,
    base_label: str | None = None,
    revision_label: str | None = None,
) -> DiffResult:
    """`package` is the base release's generated package, for the `affects` symbols.

    Raises SpecError for schemas nested too deep to compare, located in the revision.
    """
    revision_label = revision_label or revision.source
    try:
        result = _diff(
            build_api(base),
            build_api(revision),
            package=package,
            base_label=base_label or base.source,
            revision_label=revision_label,
        )
        return replace(result, revision_file=revision.source, line_of=revision.line_finder())
    except TooDeep as exc:
        pointer = exc.problem().pointer
        raise exc.error(revision_label, revision.line_of(pointer) if pointer else None) from None


def diff_apis(
    base: Api, revision: Api, *, package: str, base_label: str, revision_label: str
) -> DiffResult:
    """Raises SpecError for schemas nested too deep to compare."""
    try:
        return _diff(
            base, revision, package=package, base_label=base_label, revision_label=revision_label
        )
    except TooDeep as exc:
        raise exc.error(revision_label) from None


def _diff(
    base: Api, revision: Api, *, package: str, base_label: str, revision_label: str
) -> DiffResult:
    ctx = DiffContext(
        base=base,
        revision=revision,
        pairing=pair_operations(base, revision),
        walk=SchemaWalk(),
        symbols=Symbols(base, package),
    )
    changes: dict[tuple[str | None, str, str, str], Change] = {}
    for check in CHECKS:
        for finding in check(ctx):
            change = to_change(finding)
            key = (change.operation, change.id, change.target, change.message)
            known = changes.get(key)
            if known is None or change.pointer < known.pointer:
                changes[key] = change
    ordered = sorted(changes.values(), key=lambda c: c.sort_key)
    return DiffResult(base_label, revision_label, tuple(ordered))


def to_change(finding: Finding) -> Change:
    rule = RULES[finding.rule]
    level = finding.level or rule.level
    if level not in rule.allowed_levels:
        raise ValueError(
            f"{finding.rule} cannot be {level}: the rules table allows {rule.allowed_levels}"
        )
    operation = finding.operation
    return Change(
        id=finding.rule,
        level=level,
        operation=operation.key if operation else None,
        operation_id=operation.operation_id if operation else None,
        pointer=finding.pointer,
        message=message(finding.rule, finding.fields),
        target=finding.target,
        affects=finding.affects,
        oasdiff=reference_ids(finding.rule, finding.fields, finding.pointer, level),
    )
