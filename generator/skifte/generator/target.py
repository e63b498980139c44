"""Which package a document becomes: its import name, folder and API name.

Light on purpose: deciding that a package is current needs this, not the generator.
"""

from __future__ import annotations

from dataclasses import dataclass

from skifte.api.naming import snake_case
from skifte.api.python_names import document_package_name, package_name, version_suffix


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
