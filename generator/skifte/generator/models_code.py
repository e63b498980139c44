"""What models.py adds to datamodel-code-generator's code: one base class, typed names.

Every object model derives from `_Model` (defined at the top of models.py):

- by Python name and by wire name: `Kreditor(cvr_nummer=...)` and
  `Kreditor(cvrNummer=...)` both set the field; serialising uses wire names;
- a keyword that is no field is an error, at every level of nesting (a typo must
  never become a silent `None` in a court filing);
- parsing (`model_validate`, `model_validate_json`, the client reading responses)
  ignores names it does not know, so a server on a newer release does not break it;
- schemas that admit additional properties keep them (`extra="allow"`).

Fields carry `validation_alias`/`serialization_alias` rather than `alias`, so a type
checker (which reads a model's `__init__` from pydantic's dataclass transform, where
`alias` would rename the parameter) sees the Python names that work.
"""

from __future__ import annotations

import ast

# datamodel-code-generator imports the base class from this module; the import is
# replaced by the definition below.
BASE_MODULE = "_skifte_models_base"
BASE_CLASS = "_Model"

_BASE_SOURCE = '''
from typing import Any as _Any
from typing import Literal as _Literal

from pydantic import BaseModel as _BaseModel
from pydantic import ConfigDict as _ConfigDict


class _Model(_BaseModel):
    """Base of the object models: strict about keywords, lenient about parsed data.

    Build a model by Python name or by wire name; both work, and type checkers see the
    Python names. A keyword that names no field raises a ValidationError, also inside
    nested dictionaries. `model_validate`/`model_validate_json` (and the client, for
    responses) ignore properties a newer release of the API may have added. Models
    serialise by wire name. `mypy --strict` needs no plugin to check keywords; with
    pydantic's plugin, set `init_typed` and `init_forbid_extra` to keep the checks.
    """

    model_config = _ConfigDict(
        validate_by_name=True, validate_by_alias=True, serialize_by_alias=True
    )

    def __init__(self, /, **data: _Any) -> None:
        allow = self.model_config.get("extra") == "allow"
        extra: _Literal["forbid"] | None = None if allow else "forbid"
        self.__pydantic_validator__.validate_python(data, self_instance=self, extra=extra)

    # Parsing validates without calling __init__, as it does for pydantic's own:
    setattr(__init__, "__pydantic_base_init__", True)
'''


def finish_models(code: str) -> tuple[str, list[str]]:
    """datamodel-code-generator's code with the base class defined and aliases typed, and the
    names of the classes it defines. The module is parsed once: on a large spec (GitHub's,
    100,000 lines) each parse costs about a second and 100 MB."""
    tree = ast.parse(code)
    classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
    raw = _split_aliases(code.encode("utf-8"), tree)  # edits within lines: numbers hold
    base = [n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == BASE_MODULE]
    if not base:
        return raw.decode("utf-8"), classes  # no object models at all
    lines = raw.splitlines(keepends=True)  # as ast counts lines (str.splitlines does not)
    dropped = base[0].lineno - 1
    if lines[dropped].decode("utf-8") != f"from {BASE_MODULE} import {BASE_CLASS}\n":
        raise ValueError(f"unexpected import of the base class: {lines[dropped]!r}")
    ends = [
        n.end_lineno or n.lineno
        for n in tree.body
        if isinstance(n, ast.Import | ast.ImportFrom) and n is not base[0]
    ]
    at = max(ends, default=0)
    at -= at > dropped  # the base class import above it is gone
    del lines[dropped]
    head, tail = b"".join(lines[:at]), b"".join(lines[at:])
    return head.decode("utf-8") + _BASE_SOURCE + "\n\n" + tail.decode("utf-8"), classes


def _split_aliases(raw: bytes, tree: ast.Module) -> bytes:
    """`Field(alias="x")` → `Field(validation_alias="x", serialization_alias="x")`."""
    starts = [0]  # ast offsets count UTF-8 bytes
    for line in raw.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _is_field(node.func)):
            continue
        for kw in node.keywords:
            if kw.arg != "alias" or kw.end_lineno is None or kw.end_col_offset is None:
                continue
            edits.append(
                (
                    starts[kw.lineno - 1] + kw.col_offset,
                    starts[kw.end_lineno - 1] + kw.end_col_offset,
                )
            )
    pieces, done = [], 0
    for start, end in sorted(edits):
        value = raw[start:end].split(b"=", 1)[1]
        pieces += [raw[done:start], b"validation_alias=%s, serialization_alias=%s" % (value, value)]
        done = end
    return b"".join([*pieces, raw[done:]])


def _is_field(func: ast.expr) -> bool:
    return isinstance(func, ast.Name) and func.id == "Field"
