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


def finish_models(code: str) -> str:
    """datamodel-code-generator's code with the base class defined and aliases typed."""
    code = _split_aliases(code)
    import_line = f"from {BASE_MODULE} import {BASE_CLASS}\n"
    if import_line not in code:
        return code  # no object models at all
    code = code.replace(import_line, "")
    imports = [n for n in ast.parse(code).body if isinstance(n, ast.Import | ast.ImportFrom)]
    lines = code.splitlines(keepends=True)
    at = max((n.end_lineno or n.lineno for n in imports), default=0)
    return "".join(lines[:at]) + _BASE_SOURCE + "\n\n" + "".join(lines[at:])


def _split_aliases(code: str) -> str:
    """`Field(alias="x")` → `Field(validation_alias="x", serialization_alias="x")`."""
    raw = code.encode("utf-8")  # ast offsets count UTF-8 bytes
    starts = [0]
    for line in raw.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, bytes]] = []
    for node in ast.walk(ast.parse(code)):
        if not (isinstance(node, ast.Call) and _is_field(node.func)):
            continue
        for kw in node.keywords:
            if kw.arg != "alias" or kw.end_lineno is None or kw.end_col_offset is None:
                continue
            start = starts[kw.lineno - 1] + kw.col_offset
            end = starts[kw.end_lineno - 1] + kw.end_col_offset
            value = raw[start:end].split(b"=", 1)[1]
            edits.append(
                (start, end, b"validation_alias=%s, serialization_alias=%s" % (value, value))
            )
    for start, end, text in sorted(edits, reverse=True):
        raw = raw[:start] + text + raw[end:]
    return raw.decode("utf-8")


def _is_field(func: ast.expr) -> bool:
    return isinstance(func, ast.Name) and func.id == "Field"
