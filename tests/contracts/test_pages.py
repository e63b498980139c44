"""The HTML reports as a person sees them: rendered by a real browser, read from its DOM."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from skifte.contracts.credentials import Credentials
from skifte.contracts.matrix import Cell, Matrix
from skifte.contracts.matrix_report import write_matrix
from skifte.contracts.pages import run_page
from skifte.contracts.readiness import read_needs, readiness, write_readiness
from skifte.contracts.report import RunReport
from skifte.testenv.faults import ActiveFault
from tests.conftest import PROJECT, PROJECT_REGISTRY
from tests.contracts.conftest import options, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no headless Chromium here: `bash scripts/setup.sh --test` installs Debian's "
    "chromium where apt-get can run",
)


VOID = frozenset({"meta", "br", "wbr", "link", "img", "input", "hr"})


class Dom(HTMLParser):
    """The rendered DOM: element counts, and the text inside elements of a class."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.by_class: dict[str, list[str]] = {}
        self._open: list[list[str]] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        self._open.append(classes)
        for name in classes:
            self.by_class.setdefault(name, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag not in VOID:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for classes in self._open:
            for name in classes:
                self.by_class[name][-1] += data

    def text(self, css_class: str) -> str:
        return "\n".join(self.by_class.get(css_class, []))


def rendered(page: Path) -> Dom:
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    return Dom(done.stdout)


@pytest.fixture(scope="module")
def failed_run(
    certs: Path, tmp_path_factory: pytest.TempPathFactory, credentials_module: Credentials
) -> RunReport:
    folder = tmp_path_factory.mktemp("failed-run")
    opts = options(
        certs,
        folder,
        "tvangsoploesning",
        max_examples=1,
        phases=("examples",),
        faults=(ActiveFault.parse("server-error:getSag"),),
    )
    report = run(opts, credentials_module).report
    assert report is not None and not report.passed
    return report


@pytest.fixture(scope="module")
def credentials_module(certs: Path) -> Credentials:
    from skifte.contracts.credentials import load_credentials

    return load_credentials(certs, "testklient-01")


def test_a_failed_runs_failure_carries_the_response(failed_run: RunReport) -> None:
    failure = next(f for f in failed_run.failures if f.check == "not_a_server_error")
    assert failure.response is not None and failure.response["status"] == 500
    assert "Simuleret serverfejl" in failure.response["body"]
    assert (
        failure.request["method"] == "GET" and "/tvangsoploesningssager/" in failure.request["uri"]
    )


@needs_browser
def test_a_failed_runs_page_shows_status_body_and_reproduction(
    failed_run: RunReport, tmp_path: Path
) -> None:
    page = tmp_path / "report.html"
    page.write_text(run_page(failed_run), encoding="utf-8")
    dom = rendered(page)
    assert dom.tags.get("table", 0) >= 3 and dom.tags.get("details", 0) >= 1
    assert "500" in dom.text("status")
    assert "Simuleret serverfejl" in dom.text("response-body")
    reproduce = dom.text("reproduce")
    assert "skifte testenv serve --tls --api tvangsoploesning@" in reproduce
    assert "--fault server-error:getSag" in reproduce and "https://127.0.0.1:8443/" in reproduce
    assert "$SKIFTE_TOKEN" in reproduce and "Bearer ey" not in reproduce


@needs_browser
def test_what_a_server_answers_is_shown_never_run(failed_run: RunReport, tmp_path: Path) -> None:
    hostile = "<script>document.title='owned'</script><img src=x onerror=alert(1)>"
    failure = failed_run.failures[0]
    assert failure.response is not None
    poisoned = dataclasses.replace(
        failure,
        title=hostile,
        response={**failure.response, "body": hostile, "headers": {"x-evil": hostile}},
    )
    report = dataclasses.replace(failed_run, failures=[poisoned])
    page = tmp_path / "report.html"
    page.write_text(run_page(report), encoding="utf-8")
    dom = rendered(page)
    assert dom.tags.get("script", 0) == 0 and dom.tags.get("img", 0) == 0
    assert hostile in dom.text("response-body")


@needs_browser
def test_readiness_page_has_real_tables_and_the_verdict(
    failed_run: RunReport, tmp_path: Path
) -> None:
    needs = [n for n in read_needs(PROJECT / "contracts" / "needs.example.toml")]
    needs = [n for n in needs if n.api == "tvangsoploesning"]
    result = readiness(needs, [failed_run], PROJECT_REGISTRY)
    # A fault run is no evidence of anything: no run counts, every need is "no run".
    assert result["verdict"] == "not ready"
    write_readiness(result, tmp_path)
    dom = rendered(tmp_path / "readiness.html")
    assert dom.tags.get("table", 0) >= 3 and dom.tags.get("pre", 0) == 0
    assert "Not ready" in dom.text("verdict")


@needs_browser
def test_matrix_page_draws_the_grid(tmp_path: Path) -> None:
    def cell(client: str, environment: str, **changes: object) -> Cell:
        base = Cell(
            client, environment, True, [], [], [], [], [], [], f"run-{client}-{environment}"
        )
        return dataclasses.replace(base, **changes)  # type: ignore[arg-type]

    matrix = Matrix(
        "doedsbo",
        ["1.0.0", "1.1.0"],
        [
            cell("1.0.0", "1.0.0"),
            cell(
                "1.0.0",
                "1.1.0",
                passed=False,
                failed_checks=["response_schema_conformance"],
                failing_operations=["GET /x"],
                predicted=["GET /x"],
                explained=["GET /x"],
            ),
            cell(
                "1.1.0",
                "1.0.0",
                passed=False,
                failed_checks=["status_code_conformance"],
                failing_operations=["GET /y"],
                unexplained=["GET /y"],
            ),
            cell("1.1.0", "1.1.0"),
        ],
    )
    written = write_matrix(matrix, tmp_path)
    assert set(written) == {"matrix-doedsbo.md", "matrix-doedsbo.json", "matrix-doedsbo.html"}
    dom = rendered(tmp_path / "matrix-doedsbo.html")
    assert dom.tags.get("table", 0) >= 2
    assert dom.text("pass").count("pass") >= 2
    assert "status_code_conformance(unexplained)" in dom.text("fail")
    assert "response_schema_conformance" in dom.text("expected")
    assert dom.tags.get("details", 0) == 1  # the one cell with unexplained drift
