"""Where generation's time goes: each stage of one package, in this process, one after another.

Used by `bench/generate.py --profile`. The stages are those of the generator's pipeline,
called through its modules; black is timed per file as generation runs it (one pass, a
large module in parts, here one part after the other: CPU time, not wall time).
"""

from __future__ import annotations

import functools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skifte.api import build_api
from skifte.generator.build import package_plan
from skifte.generator.formatting import BLACK_MODE, format_once, join_parts, split_module
from skifte.generator.models_module import models_source
from skifte.generator.output import manifest_for, write_package
from skifte.generator.render import models_path, render_package
from skifte.generator.target import Target
from skifte.spec import read_spec
from skifte.spec._checks import check_schema


def _timed(rows: list[tuple[str, float]], label: str, work: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = work()
    rows.append((label, time.perf_counter() - start))
    return value


def stage_table(spec: Path, compare_black: bool = False) -> list[str]:
    """Markdown rows: stage, seconds. `compare_black` adds black's full two-pass
    `format_str` on whole files and proves the parts equal it (slow: minutes on GitHub)."""
    rows: list[tuple[str, float]] = []
    document = _timed(rows, "reading", lambda: read_spec(spec, validate=False))
    problems = _timed(rows, "validation", lambda: check_schema(document.data))
    api = _timed(rows, "model of the API", lambda: build_api(document))
    target = Target.for_document_title(document.title, document.version)
    plan = _timed(rows, "plan", lambda: package_plan(api, document, target))
    models = _timed(
        rows, "datamodel-code-generator", lambda: models_source(api, document.data, plan)
    )
    files = _timed(rows, "templates", lambda: render_package(plan))
    files[models_path(plan.package)] = models
    checks: list[str] = []
    for path, text in list(files.items()):
        if not path.endswith(".py"):
            continue
        parts = split_module(text)
        name = path.rsplit("/", 1)[-1]
        label = f"black {name}" + (f" ({len(parts)} parts)" if len(parts) > 1 else "")
        files[path] = _timed(rows, label, functools.partial(_black_parts, parts))
        if compare_black and len(text) > 100_000:
            checks.append(_compare_black(name, text, files[path]))
    with tempfile.TemporaryDirectory(prefix="bench-stages-") as out:
        manifest = manifest_for(files, document.content_sha256, spec.name)
        _timed(rows, "writing", lambda: write_package(Path(out) / "p", files, manifest))
    total = sum(seconds for _, seconds in rows)
    lines = ["| stage | seconds | share |", "|---|---:|---:|"]
    lines += [f"| {label} | {s:.2f} | {s / total:.0%} |" for label, s in rows]
    lines.append(f"| total, one process | {total:.2f} | |")
    lines.append(f"\nvalidation problems: {len(problems)}")
    return lines + checks


def _black_parts(parts: list[str]) -> str:
    return join_parts([format_once(part) for part in parts])


def _compare_black(name: str, raw: str, ours: str) -> str:
    import black

    start = time.perf_counter()
    whole = black.format_str(raw, mode=BLACK_MODE)
    seconds = time.perf_counter() - start
    stable = black.format_str(ours, mode=BLACK_MODE) == ours
    return (
        f"black {name}, whole file, full format_str: {seconds:.2f} s; "
        f"parts joined equal it: {ours == whole}; format_str finds nothing to change: {stable}"
    )
