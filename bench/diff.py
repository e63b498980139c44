"""Benchmark of `skifte diff` on a large real description, against a peer diff tool.

Base: the GitHub REST API description (npm package @octokit/openapi, the
api.github.com OpenAPI 3.0 JSON, ~13 MB). Revision: the same document with 52
scripted changes (properties removed, parameters made required, enums narrowed,
types changed, operations removed or deprecated, ...). Both tools run as separate
processes on the same pair of files; each is timed end to end (start, read both
files, diff, write JSON) with its peak resident memory; `skifte diff` best of three
runs, as the machine is shared.

    .venv/bin/python bench/diff.py               # the GitHub and linked-schemas cases
    .venv/bin/python bench/diff.py --linked      # only the linked-schemas case
    .venv/bin/python bench/diff.py --agreement   # only the corpus against the reference

A second case times documents whose n schemas are each an `anyOf` of the next two and
the first (n = 30, 40, 60): every way through them is another path, exponentially many,
so the figure shows whether the walk's cost stays linear in the schema pairs.

`--agreement` diffs every pair of tests/diff/corpus and compares each change's level
with the reference checker's verdict for the ids it carries (diff/RULES.md): the share
that agree, per change and per pair (breaking or not), and the rules that differ.

Downloads (via npm) are cached under ~/.cache/skifte-bench/. Not part of the tests.
"""

from __future__ import annotations

import copy
import json
import os
import random
import resource
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

CACHE = Path.home() / ".cache" / "skifte-bench"
OCTOKIT = "@octokit/openapi@23.0.2"
PEER = "api-smart-diff@1.0.6"
SPEC_IN_PACKAGE = "package/generated/api.github.com.json"
TARGET_SECONDS = 1.0
RUNS = 3
LINKED_SIZES = (30, 40, 60)

# `skifte diff BASE REVISION --format json`, exactly as the command line runs it.
OURS = """
import sys
import typer
from skifte.cli.diff_command import diff_command
app = typer.Typer()
app.command()(diff_command)
sys.argv[1:] = [sys.argv[1], sys.argv[2], "--format", "json", "--fail-on", "never"]
app()
"""

THEIRS = """
const fs = require("fs");
const { apiDiff } = require("api-smart-diff");
const before = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const after = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const diffs = apiDiff(before, after);
const breaking = diffs.filter((d) => d.type === "breaking").length;
fs.writeFileSync(process.argv[4], JSON.stringify({ changes: diffs.length, breaking }));
"""


def main() -> None:
    if "--agreement" in sys.argv[1:]:
        agreement_case()
        return
    if "--linked" not in sys.argv[1:]:
        github_case()
        print()
    linked_case()


def agreement_case() -> None:
    """Our levels against the reference's verdicts over the corpus (its published levels)."""
    from collections import Counter

    from skifte.diff import RULES, diff_documents
    from skifte.spec import read_spec

    severity = {"breaking": 0, "warning": 1, "info": 2}
    corpus = Path(__file__).resolve().parent.parent / "tests" / "diff" / "corpus"
    changes = agree = pairs = pairs_agree = 0
    differing: Counter[str] = Counter()
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        base, revision = (
            read_spec(folder / n, validate=False) for n in ("base.yaml", "revision.yaml")
        )
        ours_breaks = theirs_break = False
        for change in diff_documents(base, revision, package="pkg").changes:
            levels = {ref.id: ref.level for ref in RULES[change.id].reference}
            found = [levels[i] for i in change.oasdiff]
            verdict = min(found, key=severity.__getitem__) if found else "info"
            changes += 1
            agree += verdict == change.level
            if verdict != change.level:
                differing[change.id] += 1
            ours_breaks |= change.level == "breaking"
            theirs_break |= verdict == "breaking"
        pairs += 1
        pairs_agree += ours_breaks == theirs_break
    print(f"corpus: {pairs} pairs, {changes} changes")
    print(f"level agrees with the reference's verdict: {agree}/{changes} ({agree / changes:.1%})")
    print(
        f"pair verdict (breaking or not) agrees: {pairs_agree}/{pairs} ({pairs_agree / pairs:.1%})"
    )
    print("differing (all documented in diff/RULES.md):")
    for rule, count in differing.most_common():
        print(f"  {rule}: {count}")


def linked_case() -> None:
    """Schemas linked through `anyOf`s: wall time and schema pairs compared, per n."""
    from skifte.diff import diff_documents, engine
    from skifte.diff.rules.schemas import SchemaWalk
    from skifte.spec import parse_spec

    walks: list[SchemaWalk] = []

    class CountedWalk(SchemaWalk):
        def __init__(self) -> None:
            super().__init__()
            walks.append(self)

    setattr(engine, "SchemaWalk", CountedWalk)  # noqa: B010 - the diff builds its own walk
    print("schemas linked through anyOf (each: the next two and the first), one changed")
    print(f"{'n':>4}{'wall s':>9}{'pairs':>8}{'changes':>9}")
    for n in LINKED_SIZES:
        base, revision = (
            parse_spec(json.dumps(linked_any_of(n, changed)).encode(), name, validate=False)
            for name, changed in (("base", False), ("revision", True))
        )
        walks.clear()
        start = time.perf_counter()
        result = diff_documents(base, revision, package="kaeder")
        wall = time.perf_counter() - start
        print(f"{n:>4}{wall:>9.3f}{walks[0].pairs_walked:>8}{len(result.changes):>9}")


def linked_any_of(n: int, changed: bool) -> dict[str, Any]:
    def ref(i: int) -> dict[str, str]:
        return {"$ref": f"#/components/schemas/Led{i}"}

    schemas = {
        f"Led{i}": {
            "type": "object",
            "properties": {"vaerdi": {"type": "integer" if changed and i == n - 1 else "string"}},
            "anyOf": [ref(j) for j in (i + 1, i + 2) if j < n] + [ref(0)],
        }
        for i in range(n)
    }
    content = {"application/json": {"schema": ref(0)}}
    operation = {
        "requestBody": {"content": content},
        "responses": {"200": {"description": "OK", "content": content}},
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Kaeder", "version": "2" if changed else "1"},
        "paths": {"/kaeder": {"post": operation}},
        "components": {"schemas": schemas},
    }


def github_case() -> None:
    base = fetch_base()
    revision = CACHE / "api.github.com.revision.json"
    document = json.loads(base.read_text(encoding="utf-8"))
    mutated, applied = mutate(document)
    revision.write_text(json.dumps(mutated, indent=1), encoding="utf-8")
    print(f"base      {base} ({base.stat().st_size / 1e6:.1f} MB)")
    print(f"revision  {revision}: {len(applied)} scripted changes")
    ours_out, theirs_out = CACHE / "ours.json", CACHE / "theirs.json"
    ours = min(
        (
            run([sys.executable, "-c", OURS, str(base), str(revision)], stdout=ours_out)
            for _ in range(RUNS)
        ),
        key=lambda figures: figures[0],
    )
    startup = run([sys.executable, "-c", "import skifte.cli.diff_command"])
    report = json.loads(ours_out.read_text(encoding="utf-8"))
    peer_dir = install_peer()
    script = peer_dir / "diff.js"
    script.write_text(THEIRS, encoding="utf-8")
    theirs = run(["node", str(script), str(base), str(revision), str(theirs_out)], cwd=peer_dir)
    peer = json.loads(theirs_out.read_text(encoding="utf-8"))
    print()
    print(f"{'tool':<16}{'wall s':>8}{'peak MB':>10}{'changes':>9}{'breaking':>10}")
    print(
        f"{'skifte diff':<16}{ours[0]:>8.2f}{ours[1]:>10.0f}{len(report['changes']):>9}"
        f"{report['breaking']:>10}"
    )
    print(
        f"{'api-smart-diff':<16}{theirs[0]:>8.2f}{theirs[1]:>10.0f}{peer['changes']:>9}"
        f"{peer['breaking']:>10}"
    )
    print(
        f"\nof skifte diff's {ours[0]:.2f} s, {startup[0]:.2f} s is starting Python and importing"
        " the command line; the rest reads both files, diffs and writes the report"
    )
    print(f"ratio (api-smart-diff / skifte diff wall time): {theirs[0] / ours[0]:.1f}x")
    verdict = "within" if ours[0] < TARGET_SECONDS else "OVER"
    print(
        f"skifte diff: {ours[0]:.2f} s (best of {RUNS}),"
        f" {verdict} the {TARGET_SECONDS:.0f} s target"
    )


def run(
    command: list[str], cwd: Path | None = None, stdout: Path | None = None
) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process."""
    with open(stdout or os.devnull, "wb") as sink:  # noqa: PTH123 - a handle for the child
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=sink)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{command[0]} failed with status {child.returncode}")
    # ru_maxrss is in kilobytes on Linux.
    return wall, usage.ru_maxrss / 1024


def fetch_base() -> Path:
    spec = CACHE / "api.github.com.json"
    if spec.exists():
        return spec
    CACHE.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "pack", OCTOKIT, "--silent"], cwd=CACHE, check=True)
    tarball = next(CACHE.glob("octokit-openapi-*.tgz"))
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(SPEC_IN_PACKAGE)
        if member is None:
            sys.exit(f"{tarball} has no {SPEC_IN_PACKAGE}")
        spec.write_bytes(member.read())
    return spec


def install_peer() -> Path:
    folder = CACHE / "node"
    if not (folder / "node_modules" / "api-smart-diff").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", PEER],
            cwd=folder,
            check=True,
        )
    return folder


def mutate(document: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """52 changes of the kinds releases make, chosen reproducibly (seeded, sorted names)."""
    doc = copy.deepcopy(document)
    rng = random.Random(7)  # noqa: S311 - reproducible choice, not security
    applied: list[str] = []
    schemas: dict[str, Any] = doc["components"]["schemas"]
    names = sorted(schemas)

    def objects(count: int, test: Any) -> list[str]:
        found = [n for n in names if isinstance(schemas[n].get("properties"), dict) and test(n)]
        return rng.sample(found, count)

    for name in objects(10, lambda n: schemas[n].get("required")):
        prop = sorted(schemas[name]["required"])[0]
        schemas[name]["properties"].pop(prop, None)
        schemas[name]["required"] = [r for r in schemas[name]["required"] if r != prop]
        applied.append(f"remove required property {name}.{prop}")
    for name in objects(6, lambda n: _string_props(schemas[n])):
        prop = _string_props(schemas[name])[0]
        schemas[name]["properties"][prop] = {"type": "integer"}
        applied.append(f"type string -> integer: {name}.{prop}")
    for name in objects(8, lambda n: _enum_props(schemas[n])):
        prop = _enum_props(schemas[name])[0]
        schemas[name]["properties"][prop]["enum"] = schemas[name]["properties"][prop]["enum"][:-1]
        applied.append(f"enum narrowed: {name}.{prop}")
    for name in objects(5, lambda n: _string_props(schemas[n])):
        prop = _string_props(schemas[name])[-1]
        schemas[name]["properties"][prop]["maxLength"] = 3
        applied.append(f"maxLength 3: {name}.{prop}")
    parameters = doc["components"]["parameters"]
    optional = sorted(
        n for n, p in parameters.items() if p.get("in") == "query" and not p.get("required")
    )
    for name in rng.sample(optional, 8):
        parameters[name]["required"] = True
        applied.append(f"parameter required: {name}")
    operations = sorted(
        (path, method)
        for path, item in doc["paths"].items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch")
    )
    for path, method in rng.sample(operations, 5):
        del doc["paths"][path][method]
        applied.append(f"operation removed: {method.upper()} {path}")
    remaining = [(p, m) for p, m in operations if m in doc["paths"][p]]
    for path, method in rng.sample(remaining, 5):
        doc["paths"][path][method]["deprecated"] = True
        applied.append(f"operation deprecated: {method.upper()} {path}")
    bodies = [(p, m) for p, m in remaining if _inline_body(doc["paths"][p][m]) is not None]
    for path, method in rng.sample(bodies, 5):
        body = _inline_body(doc["paths"][path][method])
        assert body is not None
        body.setdefault("properties", {})["bench_marker"] = {"type": "string"}
        body["required"] = [*body.get("required", []), "bench_marker"]
        applied.append(f"required request property added: {method.upper()} {path}")
    return doc, applied


def _string_props(schema: dict[str, Any]) -> list[str]:
    props = schema.get("properties") or {}
    return sorted(n for n, p in props.items() if isinstance(p, dict) and p.get("type") == "string")


def _enum_props(schema: dict[str, Any]) -> list[str]:
    props = schema.get("properties") or {}
    return sorted(
        n for n, p in props.items() if isinstance(p, dict) and len(p.get("enum") or ()) >= 3
    )


def _inline_body(operation: dict[str, Any]) -> dict[str, Any] | None:
    body = operation.get("requestBody") or {}
    schema = (body.get("content") or {}).get("application/json", {}).get("schema")
    if isinstance(schema, dict) and "$ref" not in schema and schema.get("type") == "object":
        return schema
    return None


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
