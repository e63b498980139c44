"""The text of each change, from a per-language file keyed by rule id (`messages/en.yaml`)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files

import yaml


@cache
def templates(language: str = "en") -> dict[str, str]:
    text = (files(__package__) / "messages" / f"{language}.yaml").read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    return {str(k): str(v) for k, v in loaded.items()}


def message(rule: str, fields: Mapping[str, str], language: str = "en") -> str:
    """The rule's template filled in. Each rule always gives the same fields, and the corpus
    tests reach every rule, so a missing field fails there (KeyError), never silently."""
    return templates(language)[rule].format_map(fields)
