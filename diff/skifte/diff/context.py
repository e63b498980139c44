"""Everything a rule may read: both models, the operation pairs, the schema walk, the symbols."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from skifte.api import Api, MediaType
from skifte.spec import escape_token, split_pointer

from .affects import Symbols
from .change import Finding, Level
from .pairing import OperationPair, Pairing
from .rules.facts import Kind, SchemaFact, render_target
from .rules.schemas import Direction, SchemaWalk

FactRule = Callable[[SchemaFact], tuple[str, Level | None] | None]
"""Which rule (and, for rules whose level varies, which level) a schema fact is, if any."""


@dataclass(frozen=True)
class DiffContext:
    base: Api
    revision: Api
    pairing: Pairing
    walk: SchemaWalk
    symbols: Symbols

    @property
    def pairs(self) -> tuple[OperationPair, ...]:
        return self.pairing.pairs

    def schema_findings(
        self,
        facts: tuple[SchemaFact, ...],
        rule_for: FactRule,
        pair: OperationPair,
        pointer: str,
        root: str | None = None,
    ) -> Iterator[Finding]:
        """Findings for the facts of one schema of an operation; `root` names it (a parameter)."""
        for fact in facts:
            chosen = rule_for(fact)
            if chosen is None:
                continue
            rule, level = chosen
            target = fact_target(fact, root)
            yield Finding(
                rule=rule,
                operation=pair.revision,
                pointer=extend(pointer, *fact.path),
                target=target,
                fields={"target": target.partition("=")[0], **dict(fact.details)},
                affects=self.symbols.of_fact(fact, pair.base),
                level=level,
            )

    def content_findings(
        self,
        before: tuple[MediaType, ...],
        after: tuple[MediaType, ...],
        direction: Direction,
        rule_for: FactRule,
        pair: OperationPair,
        pointer: str,
    ) -> Iterator[Finding]:
        """Findings for the schema of each media type a body or response keeps; `pointer`
        is where its `content` is."""
        old = {m.name: m for m in before}
        for media_type in after:
            previous = old.get(media_type.name)
            if previous is None or previous.schema is None or media_type.schema is None:
                continue
            facts = self.walk.compare(previous.schema, media_type.schema, direction)
            where = extend(pointer, "content", media_type.name, "schema")
            yield from self.schema_findings(facts, rule_for, pair, where)


def fact_target(fact: SchemaFact, root: str | None = None) -> str:
    """`kravData.beloeb`, `krav.status=UNDER_BEHANDLING`, `a.x -> a.y`, `query:direction=ASC`."""
    if root is not None:
        text = render_target(root, fact.target if fact.target_root is None else ())
    else:
        text = render_target(fact.target_root, fact.target)
    if fact.kind is Kind.PROPERTY_RENAMED:
        return f"{text} -> {render_target(fact.target_root, fact.renamed_to)}"
    value = fact.detail("value")
    return f"{text}={value}" if value else text


def extend(pointer: str, *tokens: str) -> str:
    """A JSON pointer with more steps, each escaped."""
    escaped = (escape_token(t) for t in tokens)
    return "/".join([pointer, *escaped]) if tokens else pointer


def unescape(pointer: str) -> str:
    """The pointer's steps joined with '/', for people and for searching in tests."""
    return "/".join(split_pointer(pointer))
