"""The HTML pages of the contract reports: a run, the matrix, readiness.

Rendered from the same data as their JSON, by Jinja2 templates with HTML
autoescaping on (whatever a server answered is shown, never interpreted). Each
page is self-contained: inline styles, no scripts, nothing loaded from elsewhere.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from .matrix import Cell, Matrix
    from .report import RunReport
    from .results import Failure

_TEMPLATES = Path(__file__).parent / "templates"
STAND_IN_URL = "https://127.0.0.1:8443"
"""Where `skifte testenv serve --tls` listens by default: the reproduction's target."""


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def run_page(report: RunReport) -> str:
    reproduce = [reproduction(report, failure) for failure in report.failures]
    return _render("run.html.jinja", r=report, reproduce=reproduce)


def readiness_page(result: dict[str, Any]) -> str:
    from .readiness import verdict_tone

    return _render("readiness.html.jinja", r=result, tone=verdict_tone(result["verdict"]))


def matrix_page(matrix: Matrix) -> str:
    cells = {
        (client, environment): _grid_cell(matrix.find(client, environment))
        for client in matrix.versions
        for environment in matrix.versions
    }
    return _render("matrix.html.jinja", m=matrix, cells=cells)


def reproduction(report: RunReport, failure: Failure) -> str:
    """Commands that send the failing request again; credentials stay placeholders.

    Against the local stand-in: first the command that starts the same stand-in
    (release, behaviour, faults), then the request aimed at it.
    """
    if not failure.curl:
        return f"({failure.unrecorded or 'no request was recorded'})"
    if not report.local:
        note = "# CLIENT_CERT, CLIENT_KEY, CA: your certificate files; SKIFTE_TOKEN: a token"
        return f"{note}\n{failure.curl}"
    serve = ["skifte", "testenv", "serve", "--tls", "--api", report.release]
    if report.behaves_as:
        serve += ["--behave-as", report.behaves_as]
    for fault in report.faults:
        serve += ["--fault", fault]
    serve += ["--data", "$(mktemp -d)"]
    return "\n".join(
        [
            "# 1. the same stand-in (a fresh state folder, the same seeded records)",
            " ".join(serve),
            "# 2. the request; CLIENT_CERT, CLIENT_KEY, CA: files from .skifte/testenv/certs,",
            "#    SKIFTE_TOKEN: a token from its client-credentials grant",
            failure.curl.replace(report.target.rstrip("/"), STAND_IN_URL),
        ]
    )


def _grid_cell(cell: Cell | None) -> dict[str, Any]:
    if cell is None:
        return {"title": "not run", "css": "", "lines": ["not run"]}
    title = f"run {cell.run_id}"
    if cell.errors:
        return {"title": title, "css": "warn", "lines": ["error: the run could not test"]}
    if cell.passed:
        return {"title": title, "css": "pass", "lines": ["pass"]}
    if cell.unexplained:
        return {"title": title, "css": "fail", "lines": [*cell.failed_checks, "(unexplained)"]}
    return {"title": title, "css": "expected", "lines": cell.failed_checks}


def _render(template: str, **data: Any) -> str:
    return _environment().get_template(template).render(**data)
