"""No model a user cannot meet: every class in models.py is used by the client or another model.

A schema that is only ever a whole multipart body (doedsbo's `bilagUpload`) is no
class: the upload method takes its parts, the file with its name among them.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

import pytest

from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY

_RELEASES = [(r.api, r.version) for r in Registry(PROJECT_REGISTRY).releases()]


def _names_in(node: ast.AST) -> set[str]:
    """Identifiers a node uses, string annotations (forward references) included."""
    found = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    found |= {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)}
    for constant in ast.walk(node):
        if isinstance(constant, ast.Constant) and isinstance(constant.value, str):
            try:
                tokens = tokenize.generate_tokens(io.StringIO(constant.value).readline)
                found |= {t.string for t in tokens if t.type == tokenize.NAME}
            except (tokenize.TokenError, SyntaxError):
                continue
    return found


def _package(generated: Path, api: str, version: str) -> Path:
    folder = generated / f"skifteportal-{api.replace('_', '-')}-v{version.replace('.', '_')}"
    return next(p for p in folder.iterdir() if (p / "models.py").is_file())


def unused_models(package: Path) -> list[str]:
    models = ast.parse((package / "models.py").read_text(encoding="utf-8"))
    classes = {n.name: n for n in models.body if isinstance(n, ast.ClassDef)}
    used: set[str] = set()
    for name, node in classes.items():
        used |= _names_in(node) - {name}
    for module in package.glob("*.py"):
        if module.name != "models.py":
            used |= _names_in(ast.parse(module.read_text(encoding="utf-8")))
    return sorted(set(classes) - used)


@pytest.mark.parametrize(("api", "version"), _RELEASES, ids=lambda v: str(v))
def test_every_model_is_used_by_the_client_or_another_model(
    generated: Path, api: str, version: str
) -> None:
    assert unused_models(_package(generated, api, version)) == []


def test_the_check_finds_a_model_nobody_uses(generated_copy: Path) -> None:
    api, version = _RELEASES[0]
    package = _package(generated_copy, api, version)
    models = package / "models.py"
    models.write_text(
        models.read_text(encoding="utf-8") + "\n\nclass Forladt(_Model):\n    x: int\n",
        encoding="utf-8",
    )
    assert unused_models(package) == ["Forladt"]


def test_a_multipart_only_schema_is_no_model_and_upload_takes_its_parts(
    generated: Path,
) -> None:
    package = _package(generated, "doedsbo", "1.3.0")
    models = ast.parse((package / "models.py").read_text(encoding="utf-8"))
    classes = {n.name for n in models.body if isinstance(n, ast.ClassDef)}
    assert "Bilag" in classes
    assert "BilagUpload" not in classes
    client = ast.parse((package / "client.py").read_text(encoding="utf-8"))
    uploads = [
        n
        for n in ast.walk(client)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == "upload_bilag"
    ]
    assert len(uploads) >= 2  # sync and async
    for upload in uploads:
        keywords = {
            a.arg: ast.unparse(a.annotation) for a in upload.args.kwonlyargs if a.annotation
        }
        assert keywords["fil"] == "FileContent"  # bytes, a path, or (file name, bytes)
        assert "beskrivelse" in keywords
