"""A property removed and a property of the same kind added in one object: one rename.

Reported as one change, at the level its removal would have had: in a response,
what breaks readers is losing the old name; in a request, writers keep sending
the old name, which only breaks them if the new one is required. The schema walk
(`schemas.py`) pairs them; the request and response rules pick the level.
"""

from __future__ import annotations

from collections import defaultdict

from skifte.api import Schema

from ..shape import Member, canonical

# Keywords that say nothing about accepted values: ignored when comparing shapes.
DOC_KEYWORDS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "externalDocs",
        "deprecated",
        "$comment",
        "xml",
        "discriminator",
    }
)

PROPERTY_RENAMED = "property-renamed"


def pair_renames(
    before: dict[str, Member], after: dict[str, Member], removed: list[str], added: list[str]
) -> dict[str, str]:
    """Removed → added property of the same kind, where that pairing is the only one possible."""
    if not removed or not added:
        return {}
    gone: dict[str, list[str]] = defaultdict(list)
    came: dict[str, list[str]] = defaultdict(list)
    for name in removed:
        gone[signature(before[name].schema)].append(name)
    for name in added:
        came[signature(after[name].schema)].append(name)
    return {
        names[0]: came[sig][0]
        for sig, names in gone.items()
        if len(names) == 1 and len(came.get(sig, ())) == 1
    }


def signature(schema: Schema) -> str:
    """Two properties with the same signature hold the same kind of value (used for renames)."""
    if schema.ref is not None:
        return f"ref:{schema.component or schema.ref}"
    return canonical(schema.written(without=DOC_KEYWORDS))
