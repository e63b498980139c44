"""One spec document → the files of its package (in memory)."""

from __future__ import annotations

from dataclasses import dataclass

from skifte.api import Api, build_api
from skifte.api.naming import snake_case
from skifte.api.python_names import document_package_name, package_name, version_suffix
from skifte.spec import SpecDocument

from .formatting import format_python
from .models_module import models_source
from .plan import PackagePlan, plan_package
from .render import models_path, render_package


@dataclass(frozen=True)
class Target:
    """Which package a document becomes."""

    package: str
    """Import name, e.g. skifteportal_doedsbo_v1_3_0."""
    distribution: str
    """Folder and distribution name, e.g. skifteportal-doedsbo-v1_3_0."""
    api_name: str

    @classmethod
    def for_release(cls, api: str, version: str) -> Target:
        distribution = (
            f"skifteportal-{snake_case(api).replace('_', '-')}-v{version_suffix(version)}"
        )
        return cls(package_name(api, version), distribution, api)

    @classmethod
    def for_document_title(cls, title: str, version: str, name: str | None = None) -> Target:
        """Outside the registry: from --name, else from info.title and info.version."""
        package = document_package_name(title, version, name)
        return cls(package, package.replace("_", "-"), snake_case(name or title) or "api")


def build_files(document: SpecDocument, target: Target) -> dict[str, str]:
    """Every file of the package, formatted: the steps below, one after the other."""
    api = build_api(document)
    plan = package_plan(api, document, target)
    files = render_package(plan)
    files[models_path(plan.package)] = models_source(api, document.data, plan)
    return {
        path: format_python(text) if path.endswith(".py") else text for path, text in files.items()
    }


def package_plan(api: Api, document: SpecDocument, target: Target) -> PackagePlan:
    return plan_package(
        api,
        api_name=target.api_name,
        package=target.package,
        distribution=target.distribution,
        spec_sha256=document.content_sha256,
        servers=tuple((s.description or s.url, s.url) for s in api.servers),
    )


def package_files(document: SpecDocument, target: Target) -> dict[str, str]:
    """Every file but models.py, Python unformatted: the quick step."""
    return render_package(package_plan(build_api(document), document, target))


def models_file(document: SpecDocument, target: Target) -> tuple[str, str]:
    """(path, unformatted code) of models.py: the slow step, run on its own."""
    api = build_api(document)
    plan = package_plan(api, document, target)
    return models_path(plan.package), models_source(api, document.data, plan)
