"""Typed pydantic v2 models and sync/async httpx clients, one installable package per release.

Pipeline: spec document → model of the API (`skifte.api`) → `plan.PackagePlan`
→ models (datamodel-code-generator) and templates (jinja2) → black → files.
"""

from .batch import Job, Outcome, run
from .output import MANIFEST, OutputError, generator_fingerprint
from .target import Target

__all__ = [
    "MANIFEST",
    "Job",
    "Outcome",
    "OutputError",
    "Target",
    "generator_fingerprint",
    "run",
]
