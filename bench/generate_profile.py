"""`bench/generate.py --profile`: stage table, interleaved rounds, medians, the three ratios.

Every tool runs once per round, one after the other, on the same inputs, and each round
starts from nothing (cold): with the machine shared, interleaving spreads the load over
all tools alike, and the medians and ratios are what to read.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.generate import ROOT, SKIFTE, Measured, github_spec, measure, openapi_python_client
from bench.generate_stages import stage_table

_SOURCE_ROOTS = ("core", "generator", "diff", "contracts", "testenv")
_CLI = "import sys; from skifte.cli import main; sys.argv[0] = 'skifte'; sys.exit(main())"


def previous_generator(ref: str) -> tuple[list[str], dict[str, str]]:
    """The command and environment that run `skifte` as it was at git revision `ref`."""
    folder = Path(tempfile.mkdtemp(prefix=f"bench-previous-{ref}-"))
    archive = subprocess.run(
        ["git", "archive", ref, *_SOURCE_ROOTS], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(folder / root) for root in _SOURCE_ROOTS)
    return [sys.executable, "-c", _CLI], env


def _load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def profile(rounds: int, previous: str, check_formatting: bool) -> None:
    spec = github_spec()
    releases = sorted((ROOT / "specs").glob("*/*/openapi.yaml"))
    registry = ["--registry", str(ROOT / "specs")]
    opc = openapi_python_client()
    old, old_env = previous_generator(previous)
    codegen = Path(sys.executable).with_name("datamodel-codegen")
    print(f"load before: {_load()}", flush=True)

    def ours(args: list[str]) -> Callable[[Path], Measured]:
        return lambda out: measure([str(SKIFTE), "generate", "--out", str(out), *args])

    def theirs(args: list[str]) -> Callable[[Path], Measured]:
        return lambda out: measure([*old, "generate", "--out", str(out), *args], env=old_env)

    def opc_run(specs: list[Path]) -> Callable[[Path], Measured]:
        script = " && ".join(
            f"{opc} generate --path {s} --output-path {{out}}/{i} --overwrite >/dev/null 2>&1"
            for i, s in enumerate(specs)
        )
        return lambda out: measure(["bash", "-c", script.format(out=out)])

    def codegen_run(out: Path) -> Measured:
        return measure(
            [
                *(str(codegen), "--input", str(spec), "--input-file-type", "openapi"),
                *("--output-model-type", "pydantic_v2.BaseModel", "--no-formatters"),
                *("--output", str(out / "models.py")),
            ]
        )

    tools: dict[str, Callable[[Path], Measured]] = {
        "releases: skifte": ours(registry),
        f"releases: skifte@{previous}": theirs(registry),
        "releases: openapi-python-client": opc_run(releases),
        "GitHub: skifte": ours([str(spec)]),
        f"GitHub: skifte@{previous}": theirs([str(spec)]),
        "GitHub: openapi-python-client": opc_run([spec]),
        "GitHub: datamodel-codegen alone": codegen_run,
    }
    runs: dict[str, list[Measured]] = {name: [] for name in [*tools, "releases: skifte re-run"]}
    for number in range(1, rounds + 1):
        for name, tool in tools.items():
            out = Path(tempfile.mkdtemp(prefix="bench-profile-"))
            runs[name].append(tool(out))
            if name == "releases: skifte":
                runs["releases: skifte re-run"].append(tool(out))
            shutil.rmtree(out, ignore_errors=True)
        print(f"round {number} done; load: {_load()}", flush=True)
    medians = {name: _median(found) for name, found in runs.items()}
    lines = [
        "",
        "| run (cold unless said) | median | peak | all rounds ok |",
        "|---|---:|---:|---|",
    ]
    for name, median in medians.items():
        ok = all(m.ok for m in runs[name])
        lines.append(f"| {name} | {median.seconds:.2f} s | {median.peak_mb:.0f} MB | {ok} |")
    lines += ["", "| ratio (medians) | value |", "|---|---:|"]
    for label, ours_name, other in [
        (
            "releases: skifte / openapi-python-client",
            "releases: skifte",
            "releases: openapi-python-client",
        ),
        (
            f"releases: skifte / skifte@{previous}",
            "releases: skifte",
            f"releases: skifte@{previous}",
        ),
        (
            "GitHub: skifte / openapi-python-client",
            "GitHub: skifte",
            "GitHub: openapi-python-client",
        ),
        (
            "GitHub: skifte / datamodel-codegen alone",
            "GitHub: skifte",
            "GitHub: datamodel-codegen alone",
        ),
        (f"GitHub: skifte / skifte@{previous}", "GitHub: skifte", f"GitHub: skifte@{previous}"),
    ]:
        lines.append(f"| {label} | {medians[ours_name].seconds / medians[other].seconds:.2f}x |")
    peak = medians["GitHub: skifte"].peak_mb / medians[f"GitHub: skifte@{previous}"].peak_mb
    lines.append(f"| GitHub: peak memory, skifte / skifte@{previous} | {peak:.2f}x |")
    print("\n".join(lines), flush=True)
    print("\nStage table, GitHub REST API, one process:\n", flush=True)
    print("\n".join(stage_table(spec, compare_black=check_formatting)))
    print(f"\nload after: {_load()}")


def _median(found: list[Measured]) -> Measured:
    return Measured(
        statistics.median(m.seconds for m in found),
        statistics.median(m.peak_mb for m in found),
        all(m.ok for m in found),
    )
