"""Generation speed and completeness, next to openapi-python-client on the same inputs.

For our registry releases and for the GitHub REST API description (npm package
`@octokit/openapi`, the api.github.com 3.0 JSON, ~1,200 operations) it prints:
cold time, no-op re-run time and peak memory of `skifte generate`, the same for
`openapi-python-client generate` (installed into a cache folder on first use),
the ratios, and whether every operation and every schema made it into the output.

    .venv/bin/python bench/generate.py [--skip-github]
    .venv/bin/python bench/generate.py --profile [--rounds 3] [--previous REF] [--check-formatting]
    .venv/bin/python bench/generate.py --split [--spec SPEC]

`--profile` prints, in one invocation: the stage table of one GitHub package (each
stage in one process, one after another), then medians of `--rounds` interleaved rounds
of every tool on the same inputs, with the machine's load, and the ratios: against
openapi-python-client, against `datamodel-codegen` alone (formatting off) on the GitHub
document, and against the generator at git revision REF (default: the one before the
client work). `--check-formatting` also runs black's full `format_str` on the GitHub
package's whole models.py and client.py and says whether the parts, joined, equal it.
`--split` measures whether datamodel-code-generator, run on two `$ref`-closed halves of
the document side by side, gives the models of one run (bench/generate_split.py).

Downloads are cached under ~/.cache/skifte-bench/.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path.home() / ".cache" / "skifte-bench"
SKIFTE = Path(sys.executable).with_name("skifte")
PREVIOUS = "aef7907"
"""The generator before the client work: the reference the client work was measured against."""
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    ok: bool


def measure(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> Measured:
    """Wall time and peak resident memory of a command (GNU time's %M, children included)."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as report:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name, *command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        kilobytes = Path(report.name).read_text(encoding="utf-8").strip().splitlines()[-1]
    return Measured(seconds, int(kilobytes) / 1024, done.returncode == 0)


def github_spec() -> Path:
    folder = CACHE / "github"
    spec = folder / "package" / "generated" / "api.github.com.json"
    if not spec.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", "@octokit/openapi"], cwd=folder, check=True, capture_output=True
        )
        with tarfile.open(next(folder.glob("*.tgz"))) as archive:
            archive.extractall(folder, filter="data")
    return spec


def openapi_python_client() -> Path:
    venv = CACHE / "opc"
    binary = venv / "bin" / "openapi-python-client"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "openapi-python-client"], check=True
        )
    return binary


def skifte_runs(specs: list[Path], registry: bool) -> tuple[Measured, Measured, Path]:
    out = Path(tempfile.mkdtemp(prefix="bench-skifte-"))
    command = [str(SKIFTE), "generate", "--out", str(out)]
    command += ["--registry", str(ROOT / "specs")] if registry else [str(s) for s in specs]
    cold = measure(command)
    again = measure(command)
    return cold, again, out


def opc_runs(specs: list[Path]) -> tuple[Measured, Measured]:
    binary = openapi_python_client()
    out = Path(tempfile.mkdtemp(prefix="bench-opc-"))
    # openapi-python-client takes one spec per call: a release set is one call after another.
    script = " && ".join(
        f"{binary} generate --path {spec} --output-path {out / str(i)} --overwrite >/dev/null 2>&1"
        for i, spec in enumerate(specs)
    )
    cold = measure(["bash", "-c", script])
    again = measure(["bash", "-c", script])
    shutil.rmtree(out, ignore_errors=True)
    return cold, again


def completeness(spec: Path, package_folder: Path) -> dict[str, int]:
    """Operations and component schemas in the spec, and what the package defines for them."""
    data = json.loads(spec.read_text(encoding="utf-8"))
    operations = sum(1 for item in data["paths"].values() for m in item if m in METHODS)
    schemas = len((data.get("components") or {}).get("schemas") or {})
    package = next(p for p in package_folder.iterdir() if (p / "client.py").exists())
    client = ast.parse((package / "client.py").read_text(encoding="utf-8"))
    sync = next(n for n in client.body if isinstance(n, ast.ClassDef) and n.name == "Client")
    methods = [
        n.name
        for n in sync.body
        if isinstance(n, ast.FunctionDef)
        and not n.name.startswith(("_", "iter_", "stream_"))
        and n.name not in ("close", "with_options", "with_raw_response")
    ]
    sys.path.insert(0, str(ROOT / "core"))
    from skifte.api import build_api
    from skifte.api.python_names import PythonNames
    from skifte.spec import read_spec

    names = PythonNames(build_api(read_spec(spec, validate=False)), package.name)
    models = ast.parse((package / "models.py").read_text(encoding="utf-8"))
    defined = {n.name for n in models.body if isinstance(n, ast.ClassDef)}
    return {
        "operations": operations,
        "methods": len(methods),
        "schemas": schemas,
        "schema classes": sum(1 for c in names.classes.values() if c in defined),
    }


def opc_models(spec: Path) -> int:
    binary = openapi_python_client()
    out = Path(tempfile.mkdtemp(prefix="bench-opc-count-"))
    subprocess.run(
        [
            str(binary),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out / "c"),
        ],
        capture_output=True,
        check=False,
    )
    found = len(list(out.glob("c/*/models/*.py"))) - 1  # minus __init__.py
    shutil.rmtree(out, ignore_errors=True)
    return max(found, 0)


def row(label: str, ours: Measured, theirs: Measured) -> str:
    ratio = ours.seconds / theirs.seconds if theirs.seconds else float("nan")
    return (
        f"| {label} | {ours.seconds:.2f} s | {ours.peak_mb:.0f} MB | {theirs.seconds:.2f} s "
        f"| {theirs.peak_mb:.0f} MB | {ratio:.2f}x |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-github", action="store_true")
    parser.add_argument("--profile", action="store_true", help="stage table, rounds, ratios")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--previous", default=PREVIOUS, metavar="REF")
    parser.add_argument("--check-formatting", action="store_true")
    parser.add_argument("--split", action="store_true", help="models on two cores: same?")
    parser.add_argument("--spec", type=Path, help="for --split (default: GitHub's)")
    args = parser.parse_args()
    if args.split:
        sys.path.insert(0, str(ROOT))
        from bench.generate_split import split

        split(args.spec)
        return
    if args.profile:
        sys.path.insert(0, str(ROOT))
        from bench.generate_profile import profile

        profile(args.rounds, args.previous, args.check_formatting)
        return
    releases = sorted((ROOT / "specs").glob("*/*/openapi.yaml"))
    lines = [
        "| input | skifte | skifte peak | openapi-python-client | its peak | ratio |",
        "|---|---|---|---|---|---|",
    ]
    cold, again, _ = skifte_runs(releases, registry=True)
    opc_cold, opc_again = opc_runs(releases)
    lines.append(row(f"our {len(releases)} releases, cold", cold, opc_cold))
    lines.append(row(f"our {len(releases)} releases, re-run", again, opc_again))
    if not args.skip_github:
        spec = github_spec()
        cold, again, out = skifte_runs([spec], registry=False)
        opc_cold, opc_again = opc_runs([spec])
        lines.append(row("GitHub REST API, cold", cold, opc_cold))
        lines.append(row("GitHub REST API, re-run", again, opc_again))
        counts = completeness(spec, next(out.iterdir()))
        lines += [
            "",
            "GitHub REST API: "
            + ", ".join(f"{k} {v}" for k, v in counts.items())
            + f"; openapi-python-client model modules: {opc_models(spec)}",
        ]
        dropped = (
            counts["operations"] - counts["methods"],
            counts["schemas"] - counts["schema classes"],
        )
        lines.append(f"dropped by skifte: {dropped[0]} operations, {dropped[1]} schemas")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
