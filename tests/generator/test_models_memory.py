"""The models step holds only what datamodel-code-generator reads while it runs.

On a large spec the tool's run is generation's peak of memory; the spec's document and
the model of the API built from it (about 100 MB on GitHub's spec) must be gone by then,
also with the garbage collector paused as the worker pauses it.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import pytest

from skifte.api import build_api as real_build_api
from skifte.gc_pause import paused_gc
from skifte.generator import build, models_module
from skifte.generator.build import models_file
from skifte.generator.target import Target
from skifte.spec import read_spec

CORPUS = Path(__file__).parent / "corpus"


def test_the_document_and_the_model_of_the_api_are_gone_when_the_tool_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[weakref.ref[Any]] = []
    alive_then: list[bool] = []

    def build_api(document: Any) -> Any:
        api = real_build_api(document)
        built.append(weakref.ref(api))
        return api

    def tool_code(*args: Any) -> str:
        alive_then.extend(ref() is not None for ref in [*built, spec_document])
        return real_tool_code(*args)

    real_tool_code = models_module.tool_code
    monkeypatch.setattr(build, "build_api", build_api)
    monkeypatch.setattr(models_module, "tool_code", tool_code)
    given = [read_spec(CORPUS / "edge_cases.yaml", validate=False)]
    spec_document = weakref.ref(given[0])
    with paused_gc():
        # As the worker calls it: the only reference to the document is the argument.
        path, code = models_file(given.pop(), Target.for_document_title("Edge", "1"))
    assert path.endswith("/models.py")
    assert "class _Model(" in code  # the step still made the whole module
    assert alive_then == [False, False]
