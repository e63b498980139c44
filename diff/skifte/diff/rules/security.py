"""Security requirements: can a client that authenticated as the base asked still get in?

An operation accepts any one of its requirements, and a requirement needs all of
its schemes with all their scopes. A base requirement a client may have met breaks
when no revision requirement is met by the same credentials; the schemes and
scopes the nearest revision requirement adds are what the client now lacks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from skifte.api import Operation

from ..change import Finding
from ..pairing import OperationPair

if TYPE_CHECKING:
    from ..context import DiffContext

SECURITY_SCHEME_ADDED = "security-scheme-added"
SECURITY_SCOPE_ADDED = "security-scope-added"
SECURITY_SCHEME_REMOVED = "security-scheme-removed"
SECURITY_SCOPE_REMOVED = "security-scope-removed"

Requirement = dict[str, frozenset[str]]


def check(ctx: DiffContext) -> Iterator[Finding]:
    for pair in ctx.pairs:
        yield from _operation(ctx, pair)


def _operation(ctx: DiffContext, pair: OperationPair) -> Iterator[Finding]:
    before, after = _requirements(pair.base), _requirements(pair.revision)
    lacking: set[tuple[str, str]] = set()
    for held in before:
        if not any(_met(held, needed) for needed in after):
            nearest = min(after, key=lambda needed: (_cost(held, needed), sorted(needed)))
            for scheme, scopes in nearest.items():
                if scheme not in held:
                    lacking.add((scheme, ""))
                else:
                    lacking |= {(scheme, scope) for scope in scopes - held[scheme]}
    where = pair.pointer("security")
    affects = ctx.symbols.method(pair.base)
    for scheme, scope in sorted(lacking):
        rule = SECURITY_SCOPE_ADDED if scope else SECURITY_SCHEME_ADDED
        target = f"{scheme}[{scope}]" if scope else scheme
        fields = {"target": target, "scheme": scheme, "scope": scope}
        yield Finding(rule, pair.revision, where, target, fields, affects)
    old_scopes, new_scopes = _scopes(before), _scopes(after)
    for scheme in sorted(old_scopes):
        if scheme not in new_scopes:
            fields = {"target": scheme, "scheme": scheme}
            yield Finding(SECURITY_SCHEME_REMOVED, pair.revision, where, scheme, fields, affects)
            continue
        for scope in sorted(old_scopes[scheme] - new_scopes[scheme]):
            target = f"{scheme}[{scope}]"
            fields = {"target": target, "scheme": scheme, "scope": scope}
            yield Finding(SECURITY_SCOPE_REMOVED, pair.revision, where, target, fields, affects)


def _requirements(operation: Operation) -> list[Requirement]:
    """No requirement at all means anyone may call: one empty requirement."""
    found = [
        {name: frozenset(scopes) for name, scopes in requirement.schemes}
        for requirement in operation.security
    ]
    return found or [{}]


def _met(held: Requirement, needed: Requirement) -> bool:
    return all(name in held and scopes <= held[name] for name, scopes in needed.items())


def _cost(held: Requirement, needed: Requirement) -> int:
    return sum(
        1 + len(scopes) if name not in held else len(scopes - held[name])
        for name, scopes in needed.items()
    )


def _scopes(requirements: list[Requirement]) -> dict[str, frozenset[str]]:
    union: dict[str, frozenset[str]] = {}
    for requirement in requirements:
        for name, scopes in requirement.items():
            union[name] = union.get(name, frozenset()) | scopes
    return union
