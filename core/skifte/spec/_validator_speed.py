"""openapi-spec-validator with set-backed "seen" registries: same problems, linear → constant.

openapi-spec-validator 0.8 remembers the schemas it has visited (and meta-checked) and
the operation ids it has met in lists, and asks `x in list` for each new one: quadratic
in the size of the document (26 s → 10 s of validation on the GitHub REST API). The
validator only ever appends to these lists and asks for membership, so a list that also
keeps a set answers the same, at once. Applied only to the versions whose code we read
(see docs/upstream/openapi-spec-validator-visited-sets.md for the proposed fix); any
other version runs as it comes.
"""

from __future__ import annotations

import functools
from contextlib import suppress
from importlib.metadata import version
from typing import Any

ADAPTED_VERSIONS = ("0.8.",)
"""Version prefixes whose registries are the lists described above."""


class SeenList(list[Any]):
    """A list whose `in` is a set lookup; unhashable items fall back to the list's scan."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[Any] = set()

    def append(self, item: Any) -> None:
        super().append(item)
        with suppress(TypeError):  # unhashable (a malformed operationId): the list has it
            self._members.add(item)

    def __contains__(self, item: object) -> bool:
        try:
            return item in self._members
        except TypeError:  # an unhashable item equals no hashable one: scan for its kind
            return list.__contains__(self, item)


@functools.cache
def adapted() -> bool:
    """Does the installed validator get the set-backed registries?"""
    return version("openapi-spec-validator").startswith(ADAPTED_VERSIONS)


def speed_up(validator: Any) -> None:
    """Swap the validator's empty lists for SeenLists, where they are what we expect."""
    if not adapted():
        return
    registry = validator.keyword_validators_registry
    for keyword, attributes in (
        ("schema", ("visited_schema_ids", "meta_checked_schema_ids")),
        ("operation", ("operation_ids_registry",)),
    ):
        keyword_validator = registry[keyword]
        for attribute in attributes:
            if getattr(keyword_validator, attribute, None) == []:
                setattr(keyword_validator, attribute, SeenList())
