"""Typed pydantic v2 models and sync/async httpx clients, one installable package per release.

Pipeline: spec document → model of the API (`skifte.api`) → `plan.PackagePlan`
→ models (datamodel-code-generator) and templates (jinja2) → black → files.
"""

from .batch import Job, Outcome, run
from .build import Target, build_files
from .output import MANIFEST, OutputError, generator_fingerprint

__all__ = [
    "MANIFEST",
    "Job",
    "Outcome",
    "OutputError",
    "Target",
    "build_files",
    "generator_fingerprint",
    "run",
]
