"""A plausibly real CPR number never leaves the process, whatever put it in the request."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import yaml

from skifte.contracts.credentials import Credentials
from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY
from tests.contracts.conftest import options, run

REAL_LOOKING = "010190-1234"  # a calendar date with a valid century digit


def test_a_real_looking_cpr_in_a_header_is_refused(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # A release whose spec carries a real-looking CPR as a header example: the examples
    # phase sends spec examples as they are, past every generation strategy.
    source = Registry(PROJECT_REGISTRY).resolve("tvangsoploesning")
    spec = yaml.safe_load(source.spec_path.read_text(encoding="utf-8"))
    spec["info"]["version"] = "9.9.9"
    spec["paths"]["/tvangsoploesningssager"]["get"]["parameters"].append(
        {
            "name": "X-Sagsbehandler-Cpr",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "example": REAL_LOOKING,
        }
    )
    published = tmp_path / "published.txt"
    published.write_text(
        yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    registry = Registry(Path(shutil.copytree(PROJECT_REGISTRY, tmp_path / "specs")))
    release = registry.import_spec(published, "tvangsoploesning").release
    opts = replace(
        options(certs, tmp_path, "tvangsoploesning", max_examples=1, phases=("examples",)),
        registry=registry.root,
        release=release,
    )
    report = run(opts, credentials).report
    assert report is not None and not report.passed
    assert report.data["refused_requests"] >= 1
    assert all("X-Sagsbehandler-Cpr" in r["reason"] for r in report.data["refusals"])
    sent = [r for r in report.by_operation if r == "GET /tvangsoploesningssager"]
    assert sent == [], "the request went out"
    folder = tmp_path / "reports" / report.run_id
    for name in ("report.json", "summary.md", "report.html", "junit.xml"):
        assert REAL_LOOKING not in (folder / name).read_text(encoding="utf-8"), name
