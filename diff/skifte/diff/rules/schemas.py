"""The property-level walk of a base schema against its revision, for one direction.

Direction matters only for what a side can see: a `readOnly` property is no part
of a request, a `writeOnly` one no part of a response. Which facts break whom is
decided by the request, response and parameter rules that read the facts.

The walk is cycle-safe and memoised, so it costs one visit per pair of nodes
(base, revision) however many ways lead to a pair. A pair already on the walk's
stack is not entered again: its changes are reported where the walk first met
it. A pair whose walk was not cut at a pair further up has all its facts, which
every later walk reuses. One that was cut lacks what lies behind the cut, which
the pair it was cut at reports; so within one walk it is reused as it is, and
the next walk, from another root, visits it again.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from typing import Literal

from skifte.api import Schema
from skifte.spec import escape_token

from ..nesting import MAX_DEPTH, TooDeep
from ..shape import Member, Shape, build_shape
from .alternatives import match_alternatives
from .constraints import compare_values
from .facts import ITEMS, Kind, SchemaFact, property_fact
from .members import all_of_facts, constraints_only, required_by_members
from .renames import pair_renames
from .unchanged import Unchanged

Direction = Literal["request", "response"]
_NOT_CUT = sys.maxsize
Walked = tuple[tuple[SchemaFact, ...], int]
"""Facts, and the stack depth of the highest pair a cycle stopped at (or _NOT_CUT)."""
PairKey = tuple[int, int, str]


class SchemaWalk:
    def __init__(self) -> None:
        # Views are kept alive with their shapes so no `id()` is reused during a diff.
        self._shapes: dict[int, tuple[Schema, Shape]] = {}
        self._memo: dict[PairKey, tuple[SchemaFact, ...]] = {}
        self._cut: dict[PairKey, tuple[tuple[SchemaFact, ...], PairKey]] = {}
        """This walk's pairs that were cut, with the pair they were cut at."""
        self._open: dict[PairKey, int] = {}
        self._stack: list[PairKey] = []
        self._unchanged = Unchanged()
        self.pairs_walked = 0
        """Pairs whose nodes were compared: what a diff's cost grows with."""

    def shape(self, schema: Schema) -> Shape:
        known = self._shapes.get(schema.key)
        if known is None:
            known = self._shapes[schema.key] = (schema, build_shape(schema))
        return known[1]

    def compare(
        self, base: Schema, revision: Schema, direction: Direction
    ) -> tuple[SchemaFact, ...]:
        """Raises TooDeep for schemas nested deeper than MAX_DEPTH."""
        try:
            return self._compare(base, revision, direction)[0]
        finally:
            self._cut.clear()

    def _compare(self, base: Schema, revision: Schema, direction: Direction) -> Walked:
        key = (base.key, revision.key, direction)
        known = self._memo.get(key)
        if known is not None:
            return known, _NOT_CUT
        depth = self._open.get(key)
        if depth is not None:
            return (), depth
        cut_before = self._cut.get(key)
        if cut_before is not None:
            facts, at = cut_before
            # Still open: cut there, as before. Closed: only this walk's root is whole.
            return facts, self._open.get(at, 0)
        if self._unchanged.pair(base, revision):
            self._memo[key] = ()
            return (), _NOT_CUT
        depth = len(self._stack)
        if depth >= MAX_DEPTH:
            raise TooDeep(base.component or revision.component)
        self._open[key] = depth
        self._stack.append(key)
        try:
            facts, cut = self._node(base, revision, direction)
        finally:
            del self._open[key]
            self._stack.pop()
        if cut < depth:
            self._cut[key] = (facts, self._stack[cut])
            return facts, cut
        self._memo[key] = facts
        return facts, _NOT_CUT

    def _node(self, base: Schema, revision: Schema, direction: Direction) -> Walked:
        self.pairs_walked += 1
        old, new = self.shape(base), self.shape(revision)
        facts = compare_values(old, new) + all_of_facts(base, revision, old, new, self.shape)
        cut = _NOT_CUT
        if _both_allow(old, new, "object") and not _wrapped(old, new):
            more, cut = self._object(old, new, direction)
            facts += more
        if _both_allow(old, new, "array") and old.items is not None and new.items is not None:
            child, below = self._compare(old.items, new.items, direction)
            facts += [f.under("items", step=ITEMS) for f in child]
            cut = min(cut, below)
        if old.alternatives or new.alternatives:
            more, below = self._alternatives(base, revision, old, new, direction)
            facts += more
            cut = min(cut, below)
        component = old.component or new.component
        return _one_way_each(f.leaving(component) for f in facts), cut

    def _object(self, old: Shape, new: Shape, direction: Direction) -> tuple[list[SchemaFact], int]:
        before, after = _visible(old, direction), _visible(new, direction)
        removed = [name for name in before if name not in after]
        added = [name for name in after if name not in before]
        renames = pair_renames(before, after, removed, added)
        facts = [
            property_fact(
                Kind.PROPERTY_RENAMED,
                gone,
                before[gone].declared_in,
                was_required=gone in old.required,
                is_required=came in new.required,
                renamed_to=came,
            )
            for gone, came in renames.items()
        ]
        facts += [
            property_fact(
                Kind.PROPERTY_REMOVED,
                name,
                before[name].declared_in,
                was_required=name in old.required,
            )
            for name in removed
            if name not in renames
        ]
        renamed_into = set(renames.values())
        for name in added:
            if name not in renamed_into:
                fact = property_fact(
                    Kind.PROPERTY_ADDED,
                    name,
                    after[name].declared_in,
                    is_required=name in new.required,
                )
                facts.append(replace(fact, new_symbol=True))
        cut = _NOT_CUT
        for name, member in after.items():
            if name not in before:
                continue
            declared_in = member.declared_in or before[name].declared_in
            was, now = name in old.required, name in new.required
            if was != now:
                kind = Kind.BECAME_REQUIRED if now else Kind.BECAME_OPTIONAL
                facts.append(
                    property_fact(kind, name, declared_in, was_required=was, is_required=now)
                )
            child, below = self._compare(before[name].schema, member.schema, direction)
            facts += [f.under_property(name, declared_in) for f in child]
            cut = min(cut, below)
        more, below = self._additional(old, new, direction)
        return facts + more, min(cut, below)

    def _additional(
        self, old: Shape, new: Shape, direction: Direction
    ) -> tuple[list[SchemaFact], int]:
        before, after = old.additional, new.additional
        if isinstance(before, Schema) and isinstance(after, Schema):
            child, cut = self._compare(before, after, direction)
            return [f.under("additionalProperties", step="*") for f in child], cut
        if before is not False and after is False:
            return [SchemaFact(Kind.ADDITIONAL_CLOSED, tightened=True)], _NOT_CUT
        if before is False and after is not False:
            return [SchemaFact(Kind.ADDITIONAL_OPENED, loosened=True)], _NOT_CUT
        return [], _NOT_CUT

    def _alternatives(
        self, base: Schema, revision: Schema, old: Shape, new: Shape, direction: Direction
    ) -> tuple[list[SchemaFact], int]:
        """Members paired; a side without members counts as its own single member."""
        keyword = (new if new.alternatives else old).alternative_keyword
        for plain, composed, added in ((old, new, True), (new, old, False)):
            if not plain.alternatives and constraints_only(composed.alternatives, self.shape):
                return required_by_members(composed, plain, added), _NOT_CUT
        before, after = old.alternatives or (base,), new.alternatives or (revision,)
        facts, cut = [], _NOT_CUT
        if not old.alternatives and keyword == "oneOf":
            # A oneOf accepts a body matching exactly one member, and the clients' type changes.
            facts.append(
                SchemaFact(Kind.WRAPPED_IN_ONE_OF, (("keyword", keyword),), tightened=True)
            )
        pairs = match_alternatives(before, after, self.shape)
        for i, schema in enumerate(before):
            if i not in pairs:
                name = (("name", _alternative_name(schema, i)), ("keyword", keyword))
                facts.append(SchemaFact(Kind.ALTERNATIVE_REMOVED, name, tightened=True))
        matched = set(pairs.values())
        for j, schema in enumerate(after):
            if j not in matched:
                name = (("name", _alternative_name(schema, j)), ("keyword", keyword))
                facts.append(SchemaFact(Kind.ALTERNATIVE_ADDED, name, loosened=True))
        for i, j in sorted(pairs.items()):
            child, below = self._compare(before[i], after[j], direction)
            facts += [f.under(keyword, str(j)) if new.alternatives else f for f in child]
            cut = min(cut, below)
        return facts, cut


def _one_way_each(facts: Iterable[SchemaFact]) -> tuple[SchemaFact, ...]:
    """One fact per change: where several ways reach it, the one with the least pointer.

    The diff reports a change once, at its least pointer; the steps above this pair
    prefix every way alike, so keeping the least here keeps the same one, while the
    ways through linked schemas can be exponentially many.
    """
    least: dict[SchemaFact, SchemaFact] = {}
    for fact in facts:
        same = replace(fact, path=())
        known = least.get(same)
        if known is None or _pointer_suffix(fact) < _pointer_suffix(known):
            least[same] = fact
    return tuple(least.values())


def _pointer_suffix(fact: SchemaFact) -> str:
    """What the fact's path adds to a pointer (as `context.extend` writes it)."""
    return "".join("/" + escape_token(t) for t in fact.path)


def _wrapped(old: Shape, new: Shape) -> bool:
    """One side's object lives in oneOf/anyOf members, the other's in the node itself:
    the members are compared, not the empty property list of the composed side."""
    if bool(old.alternatives) == bool(new.alternatives):
        return False
    composed = old if old.alternatives else new
    return not composed.properties


def _both_allow(old: Shape, new: Shape, kind: str) -> bool:
    return all(s.types is None or kind in s.types for s in (old, new))


def _visible(shape: Shape, direction: Direction) -> dict[str, Member]:
    if direction == "request":
        return {name: m for name, m in shape.properties.items() if not m.read_only}
    return {name: m for name, m in shape.properties.items() if not m.write_only}


def _alternative_name(schema: Schema, index: int) -> str:
    return schema.component or f"#{index}"
