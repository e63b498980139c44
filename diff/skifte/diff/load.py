"""BASE and REVISION as users name them: a spec file, or a registry release `api@version`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from skifte.api.python_names import document_package_name, package_name
from skifte.registry import Registry
from skifte.spec import Problem, SpecDocument, SpecError, read_spec

from .change import DiffResult
from .engine import diff_documents


@dataclass(frozen=True)
class Side:
    label: str
    """As the user gave it: the JSON report's `base`/`revision`."""
    document: SpecDocument
    package: str
    """The import name of this release's generated package."""


def diff_sides(old: Side, new: Side) -> DiffResult:
    """Every change from `old` to `new`, labelled as the user named them."""
    return diff_documents(
        old.document,
        new.document,
        package=old.package,
        base_label=old.label,
        revision_label=new.label,
    )


def load_side(argument: str, registry: Registry) -> Side:
    """A file when one exists at that path, else a registry reference `api@version`.

    Files are read without the full OpenAPI schema validation (`skifte import` does
    that): the diff needs a readable document with sound references, and validating
    a large description would cost more than the diff itself.
    """
    path = Path(argument)
    if _is_existing_path(path):
        document = read_spec(path, validate=False)
        return Side(argument, document, _file_package(document))
    if "@" in argument and "/" not in argument:
        release = registry.resolve(argument)
        return Side(argument, release.read(), package_name(release.api, release.version))
    raise SpecError(
        argument,
        [Problem("no such file, and not a registry release written as api@version")],
    )


def _is_existing_path(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the file system names no file
        return False


def _file_package(document: SpecDocument) -> str:
    """The package `skifte generate FILE` makes of this document, named from info.title."""
    return document_package_name(document.title, document.version)
