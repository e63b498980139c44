"""Which oneOf/anyOf member of the revision is which member of the base.

Members pair when they are the same component, then when their text is the same,
then when they are alike enough: objects sharing at least half of their property
names, other schemas of the same type. Unpaired members were removed or added. A
looser pairing (by position, or any two objects) would compare unrelated members
and report their differences as changes that never happened.
"""

from __future__ import annotations

from collections.abc import Callable

from skifte.api import Schema

from ..shape import Shape
from .renames import signature

SIMILAR = 0.5
"""Share of property names two object members need in common to be the same member."""


def match_alternatives(
    old: tuple[Schema, ...], new: tuple[Schema, ...], shape_of: Callable[[Schema], Shape]
) -> dict[int, int]:
    """Base member index → revision member index."""
    pairs: dict[int, int] = {}
    _pair_equal(old, new, pairs, lambda s: s.component)
    _pair_equal(old, new, pairs, signature)
    _pair_similar(old, new, pairs, shape_of)
    return pairs


def _pair_equal(
    old: tuple[Schema, ...],
    new: tuple[Schema, ...],
    pairs: dict[int, int],
    key: Callable[[Schema], str | None],
) -> None:
    taken = set(pairs.values())
    for i, schema in enumerate(old):
        wanted = None if i in pairs else key(schema)
        if wanted is None:
            continue
        j = next((j for j, s in enumerate(new) if j not in taken and key(s) == wanted), None)
        if j is not None:
            pairs[i] = j
            taken.add(j)


def _pair_similar(
    old: tuple[Schema, ...],
    new: tuple[Schema, ...],
    pairs: dict[int, int],
    shape_of: Callable[[Schema], Shape],
) -> None:
    taken = set(pairs.values())
    candidates = []
    for i, before in enumerate(old):
        if i in pairs:
            continue
        for j, after in enumerate(new):
            if j not in taken:
                score = _likeness(shape_of(before), shape_of(after))
                if score >= SIMILAR:
                    candidates.append((-score, i, j))
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)


def _likeness(before: Shape, after: Shape) -> float:
    if before.types != after.types:
        return 0.0
    names, other = set(before.properties), set(after.properties)
    if not names and not other:
        return 1.0
    return len(names & other) / len(names | other)
