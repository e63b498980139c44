"""One release in the registry: `<api>/<version>/openapi.yaml` and its `release.json`."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from skifte.spec import SpecDocument, read_spec

SPEC_FILE = "openapi.yaml"
RECORD_FILE = "release.json"
API_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_API_NAME = 64
"""An API name is a folder name and part of Python package names: short enough for both."""
VERSION_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}")


def api_name_problem(api: str) -> str | None:
    """Why `api` cannot name an API in the registry, in one line; None when it can."""
    shown = repr(api) if len(api) <= 40 else f"{api[:40]!r}… ({len(api)} characters)"
    if len(api) > MAX_API_NAME:
        return f"API name {shown} is too long: at most {MAX_API_NAME} characters"
    if not API_NAME.fullmatch(api):
        return (
            f"API name {shown} must be lower case letters, digits and single dashes, "
            "starting with a letter"
        )
    return None


@dataclass(frozen=True)
class ReleaseRecord:
    """What `release.json` says of a release."""

    api: str
    version: str
    title: str
    openapi: str
    sha256: str
    """Of the file as published (its bytes before normalisation)."""
    content_sha256: str
    """Of the stored `openapi.yaml` (NFC text, UTF-8)."""
    published_file: str
    imported: str
    """ISO date of the import."""

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ReleaseRecord:
        raw: Any = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("release.json must hold an object")
        missing = [name for name in cls.__dataclass_fields__ if not isinstance(raw.get(name), str)]
        if missing:
            raise ValueError(f"release.json lacks {', '.join(missing)}")
        return cls(**{name: raw[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Release:
    record: ReleaseRecord
    folder: Path

    @property
    def api(self) -> str:
        return self.record.api

    @property
    def version(self) -> str:
        return self.record.version

    @property
    def ref(self) -> str:
        """`api@version`, the way commands name a release."""
        return f"{self.api}@{self.version}"

    @property
    def spec_path(self) -> Path:
        return self.folder / SPEC_FILE

    def read(self, *, validate: bool = False) -> SpecDocument:
        """The stored spec; it was validated on import, so by default only parsed and checked."""
        return read_spec(self.spec_path, validate=validate)


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Order versions as people do: 1.10.0 after 1.9.0, numbers before words."""
    parts = re.findall(r"\d+|[A-Za-z]+", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)
