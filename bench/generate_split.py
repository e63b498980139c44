"""Would datamodel-code-generator on two cores give the models of one run? Measured on a spec.

    .venv/bin/python bench/generate.py --split [--spec SPEC]   # default: the GitHub REST API

It prepares the document datamodel-code-generator reads (`models_document`: only
component schemas, every inline enum and object already named), builds the graph of
those schemas (every `$ref` string anywhere in a schema and every discriminator mapping
value: more edges than the tool follows, never fewer), and prints:

- the connected components of that graph (groups that share nothing: the provably safe
  split) and the largest one's share of the document;
- two bins packed from the `$ref` closures of the schemas nothing refers to (each bin
  closed under `$ref`, balanced by JSON length, shared schemas in both), run side by
  side in two processes, against one run of the whole document: wall time, each
  process's peak, and whether the class names and each class's text are those of the
  single run.
"""

from __future__ import annotations

import ast
import json
import multiprocessing
import resource
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.generate import github_spec

from skifte.api import build_api
from skifte.generator.build import package_plan
from skifte.generator.models_code import BASE_CLASS, finish_models
from skifte.generator.models_document import SCHEMAS
from skifte.generator.models_module import ModelsInput, models_input, tool_code
from skifte.generator.target import Target
from skifte.spec import read_spec

_MODELS: ModelsInput | None = None
"""The prepared document and the tool's options, set before the workers fork from here."""


def _targets(node: Any) -> Iterator[str]:
    """Every schema name a `$ref` or discriminator mapping anywhere below `node` names."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(SCHEMAS):
                yield value[len(SCHEMAS) :].split("/")[0]
            elif key == "mapping" and isinstance(value, dict):
                for target in value.values():
                    if isinstance(target, str) and target.startswith(SCHEMAS):
                        yield target[len(SCHEMAS) :].split("/")[0]
            yield from _targets(value)
    elif isinstance(node, list):
        for value in node:
            yield from _targets(value)


def _closure(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen, stack = {start}, [start]
    while stack:
        for target in edges[stack.pop()] - seen:
            seen.add(target)
            stack.append(target)
    return seen


def _components(edges: dict[str, set[str]]) -> list[set[str]]:
    both: dict[str, set[str]] = {name: set(targets) for name, targets in edges.items()}
    for name, targets in edges.items():
        for target in targets:
            both[target].add(name)
    left, groups = set(edges), []
    while left:
        group = _closure(min(left), both)
        groups.append(group)
        left -= group
    return groups


def _two_bins(edges: dict[str, set[str]], size: dict[str, int]) -> list[set[str]]:
    """Greedy: the largest closures first (of the schemas nothing refers to, then of any
    cycle they do not reach), each into the bin it leaves smaller."""
    referenced = {target for targets in edges.values() for target in targets}
    closures = [_closure(root, edges) for root in sorted(set(edges) - referenced)]
    for name in sorted(set(edges) - set().union(*closures)):  # cycles nothing else reaches
        if not any(name in closure for closure in closures):
            closures.append(_closure(name, edges))
    closures.sort(key=lambda c: -sum(size[n] for n in c))
    bins: list[set[str]] = [set(), set()]
    for closure in closures:
        grown = [sum(size[n] for n in closure - b) + sum(size[n] for n in b) for b in bins]
        bins[grown.index(min(grown))] |= closure
    return bins


def _run(names: list[str] | None) -> tuple[dict[str, str], list[str], float, float]:
    """(class → its text, classes in order, seconds, peak MB of this process)."""
    assert _MODELS is not None
    prepared = _MODELS.prepared
    if names is not None:
        schemas = prepared["components"]["schemas"]
        components = prepared["components"] | {"schemas": {n: schemas[n] for n in names}}
        prepared = prepared | {"components": components}
    start = time.perf_counter()
    code, _ = finish_models(tool_code(prepared, _MODELS.header, _MODELS.aliases))
    seconds = time.perf_counter() - start
    lines = code.rstrip("\n").split("\n")  # as ast counts lines; the last class is no other
    classes = [n for n in ast.parse(code).body if isinstance(n, ast.ClassDef)]
    texts = {c.name: "\n".join(lines[c.lineno - 1 : c.end_lineno]) for c in classes}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return texts, [c.name for c in classes], seconds, peak


def split(spec: Path | None) -> None:
    global _MODELS
    spec = spec or github_spec()
    document = read_spec(spec, validate=False)
    api = build_api(document)
    plan = package_plan(api, document, Target.for_document_title(document.title, "1"))
    _MODELS = models_input(api, document.data, plan)
    prepared = _MODELS.prepared
    schemas: dict[str, Any] = prepared["components"]["schemas"]
    edges = {name: set(_targets(schema)) & set(schemas) for name, schema in schemas.items()}
    size = {name: len(json.dumps(schema)) for name, schema in schemas.items()}
    total = sum(size.values())
    groups = sorted(_components(edges), key=len, reverse=True)
    largest = groups[0]
    print(f"{spec.name}: {len(schemas)} schemas to datamodel-code-generator, {total:,} JSON chars")
    print(
        f"connected components: {len(groups)}; the largest holds {len(largest)} schemas, "
        f"{sum(size[n] for n in largest) / total:.0%} of the JSON"
    )
    bins = _two_bins(edges, size)
    shared = bins[0] & bins[1]
    print(
        "two bins of $ref closures: "
        + ", ".join(f"{len(b)} schemas {sum(size[n] for n in b) / total:.0%}" for b in bins)
        + f"; in both: {len(shared)} schemas, {sum(size[n] for n in shared) / total:.0%}"
    )
    component_bins = _pack(groups, size)
    print(
        "two bins of connected components: "
        + ", ".join(
            f"{len(b)} schemas {sum(size[n] for n in b) / total:.0%}" for b in component_bins
        )
    )
    context = multiprocessing.get_context("fork")
    print(_load(), flush=True)
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        start = time.perf_counter()
        single, order, seconds, peak = pool.submit(_run, None).result()
    print(
        f"one run: {time.perf_counter() - start:.1f} s wall ({seconds:.1f} s in the tool), "
        f"peak {peak:.0f} MB, {len(single)} classes"
    )
    named = {*schemas, BASE_CLASS}
    invented = [name for name in order if name not in named]
    print(f"classes the tool named itself: {len(invented)}, e.g. {', '.join(invented[:6])}")
    for label, split_bins in [("$ref closures", bins), ("connected components", component_bins)]:
        if not all(split_bins):
            print(f"\n{label}: one bin would be empty, nothing to split")
            continue
        with ProcessPoolExecutor(2, mp_context=context) as pool:
            start = time.perf_counter()
            futures = [pool.submit(_run, [n for n in schemas if n in b]) for b in split_bins]
            parts = [future.result() for future in futures]
        print(
            f"\n{label}, two bins side by side: {time.perf_counter() - start:.1f} s wall ("
            + ", ".join(f"{p[2]:.1f} s, peak {p[3]:.0f} MB" for p in parts)
            + ")"
        )
        _compare(single, [p[0] for p in parts])
    print(_load())


def _load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def _pack(groups: list[set[str]], size: dict[str, int]) -> list[set[str]]:
    """Groups that share nothing into two bins, the largest first into the smaller bin."""
    bins: list[set[str]] = [set(), set()]
    for group in sorted(groups, key=lambda g: (-sum(size[n] for n in g), min(g))):
        weights = [sum(size[n] for n in b) for b in bins]
        bins[weights.index(min(weights))] |= group
    return bins


def _compare(single: dict[str, str], parts: list[dict[str, str]]) -> None:
    found = {name for part in parts for name in part}
    missing = sorted(set(single) - found)
    extra = sorted(found - set(single))
    changed = sorted(
        {name for part in parts for name, text in part.items() if single.get(name, text) != text}
    )
    print(f"in the single run, not in the bins: {len(missing)} {missing[:10]}")
    print(f"in the bins, not in the single run: {len(extra)} {extra[:10]}")
    print(f"same name, other text than the single run: {len(changed)} {changed[:10]}")
    print(f"same names and texts: {not (missing or extra or changed)}")
