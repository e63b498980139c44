"""Shared fixtures: small specs written on the fly, and registry snapshots."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[1]
PROJECT_REGISTRY = PROJECT / "specs"

MINIMAL: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Api til prøver", "version": "1.0.0"},
    "paths": {
        "/ting/{tingId}": {
            "get": {
                "operationId": "getTing",
                "parameters": [{"$ref": "#/components/parameters/tingId"}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/ting"}}
                        },
                    }
                },
            }
        }
    },
    "components": {
        "parameters": {
            "tingId": {
                "name": "tingId",
                "in": "path",
                "required": True,
                "schema": {"type": "string"},
            }
        },
        "schemas": {"ting": {"type": "object", "properties": {"navn": {"type": "string"}}}},
    },
}


def minimal_spec(**info: str) -> dict[str, Any]:
    """A small valid OpenAPI 3.0 document; `info` fields override the defaults."""
    spec = copy.deepcopy(MINIMAL)
    spec["info"].update(info)
    return spec


def write_yaml(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file and folder under `folder`, with content: to prove nothing changed."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<dir>")
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "published.txt", minimal_spec())


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `skifte testenv init` hands an applicant, once per session: CA, 3 clients."""
    from skifte.testenv.certs import init_certs

    folder = tmp_path_factory.mktemp("testenv") / "certs"
    init_certs(folder, clients=3)
    return folder
