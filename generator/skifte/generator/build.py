"""One spec document → the files of its package (in memory)."""

from __future__ import annotations

from dataclasses import dataclass

from skifte.api import build_api
from skifte.api.naming import snake_case
from skifte.api.python_names import package_name
from skifte.spec import SpecDocument

from .models_module import models_source
from .plan import plan_package
from .render import render_package


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
        distribution = f"skifteportal-{snake_case(api).replace('_', '-')}-v{_version(version)}"
        return cls(package_name(api, version), distribution, api)

    @classmethod
    def for_document_title(cls, title: str, version: str, name: str | None = None) -> Target:
        """Outside the registry: from --name, else from info.title and info.version."""
        stem = snake_case(name or title) or "api"
        package = f"{stem}_v{_version(version)}"
        if package[0].isdigit():
            package = f"api_{package}"
        return cls(package, package.replace("_", "-"), stem)


def build_files(document: SpecDocument, target: Target) -> dict[str, str]:
    api = build_api(document)
    servers = tuple((s.description or s.url, s.url) for s in api.servers)
    plan = plan_package(
        api,
        api_name=target.api_name,
        package=target.package,
        distribution=target.distribution,
        spec_sha256=document.content_sha256,
        servers=servers,
    )
    return render_package(plan, models_source(api, document.data, plan))


def _version(version: str) -> str:
    return snake_case(version.replace(".", "_"))
