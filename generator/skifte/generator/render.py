"""PackagePlan → the package's files as text. Templates lay out; the plan decides."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jinja2

from . import literals
from .annotations import Annotation
from .plan import PackagePlan

_TEMPLATES = Path(__file__).parent / "templates"

PACKAGE_MODULES = (
    "__init__.py",
    "_base_client.py",
    "_call.py",
    "_response.py",
    "_retry.py",
    "auth.py",
    "client.py",
    "errors.py",
)


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # noqa: S701 - we render Python and Markdown, not HTML
        extensions=["jinja2.ext.do"],
    )
    env.filters["pyrepr"] = literals.py_literal
    env.filters["doc"] = literals.docstring
    env.filters["md"] = literals.markdown_text
    env.filters["mdcode"] = literals.markdown_code
    env.filters["mdblock"] = literals.markdown_block
    env.filters["optional"] = _optional
    env.filters["tomlstr"] = lambda text: json.dumps(text, ensure_ascii=False)
    return env


def render_package(plan: PackagePlan) -> dict[str, str]:
    """Relative path → text, Python not yet formatted; models.py is not among them."""
    files = {f"{plan.package}/{name}": _render(f"{name}.jinja", plan) for name in PACKAGE_MODULES}
    files[f"{plan.package}/py.typed"] = ""
    files["pyproject.toml"] = _render("pyproject.toml.jinja", plan)
    files["README.md"] = _render("README.md.jinja", plan)
    return files


def models_path(plan_package: str) -> str:
    return f"{plan_package}/models.py"


def _render(template: str, plan: PackagePlan) -> str:
    return _environment().get_template(template).render(plan=plan)


def _optional(annotation: Annotation, optional: bool) -> str:
    text = str(annotation)
    if not optional:
        return text
    if text.endswith("| None"):
        return f"{text} = None"
    return f"{text} | None = None"
