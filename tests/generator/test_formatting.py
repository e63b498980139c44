"""black in parts and in one pass gives exactly what black gives on the whole module.

Over the modules generated for every registry release and every corpus document, cut
much finer than generation cuts them, so that every kind of top-level definition meets a
cut. The GitHub REST API description (13 MB, not in the repository) gets the same check
in `bench/generate.py --check-formatting`.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import black
import pytest
from black.parsing import InvalidInput

from skifte.generator.build import models_file, package_files
from skifte.generator.formatting import BLACK_MODE, format_once, join_parts, split_module
from skifte.generator.target import Target
from skifte.registry import Registry
from skifte.spec import read_spec
from tests.conftest import PROJECT_REGISTRY

CORPUS = Path(__file__).parent / "corpus"
_FINE_CUT = 30
"""Lines per part in these tests: generation uses thousands."""


def _inputs() -> list[tuple[str, Path, Target]]:
    releases = [
        (r.ref, r.spec_path, Target.for_release(r.api, r.version))
        for r in Registry(PROJECT_REGISTRY).releases()
    ]
    corpus = []
    for spec in sorted(CORPUS.glob("*.yaml")):
        document = read_spec(spec, validate=False)
        corpus.append((spec.name, spec, Target.for_document_title(document.title, "1")))
    return releases + corpus


def _formatted_in_parts(code: str, part_lines: int) -> tuple[str, int]:
    parts = split_module(code, part_lines)
    return join_parts([format_once(part) for part in parts]), len(parts)


@pytest.mark.parametrize(("label", "spec", "target"), _inputs(), ids=lambda v: str(v))
def test_parts_and_single_pass_equal_black_on_the_whole_module(
    label: str, spec: Path, target: Target
) -> None:
    document = read_spec(spec, validate=False)
    files = dict([models_file(document, target)]) | package_files(document, target)
    cut_somewhere = False
    for path, code in files.items():
        if not path.endswith(".py"):
            continue
        single = format_once(code)
        # The guard for one pass: the full format_str (two passes when needed) finds
        # nothing to change in it, so it is also what format_str makes of the raw code.
        assert black.format_str(single, mode=BLACK_MODE) == single, f"{label}: {path}"
        joined, count = _formatted_in_parts(code, _FINE_CUT)
        assert joined == single, f"{label}: {path} in {count} parts"
        cut_somewhere = cut_somewhere or count > 1
    assert cut_somewhere, f"{label}: no module was cut, the comparison proved nothing"


HOSTILE = textwrap.dedent('''\
    """A module docstring."""
    from typing import Any
    X = 1
    class A:
        x: int=1
    TEXT = """
    not code:

    class Fake:
        pass
    """
    # a comment that belongs to B

    class B(A):
        def f(self)->None: return None


    @staticmethod
    def g(  a,
    b):
        return (a,

    b)
    def h(): ...
    def h2(): ...
    Y = [1,
    2]

    async def k(): pass
    class C: y: Any = \\
        2
    ''')


@pytest.mark.parametrize("part_lines", [1, 2, 3, 5, 8])
def test_cuts_keep_strings_comments_decorators_and_brackets_whole(part_lines: int) -> None:
    joined, count = _formatted_in_parts(HOSTILE, part_lines)
    assert count > 1
    assert joined == black.format_str(HOSTILE, mode=BLACK_MODE)


def test_the_string_that_looks_like_code_is_never_a_cut() -> None:
    parts = split_module(HOSTILE, 1)
    assert not any(part.startswith("class Fake") for part in parts)
    assert any(part.startswith("async def k") for part in parts)
    assert not any(part.startswith("class B") for part in parts)  # its comment is above


def test_a_module_that_steers_black_is_formatted_whole() -> None:
    steered = "# fmt: off\n" + HOSTILE
    assert split_module(steered, 1) == [steered]


def test_code_that_does_not_tokenize_is_formatted_whole_and_black_reports_it() -> None:
    broken = HOSTILE + '\nclass D:\n    s = """never closed\n'
    assert split_module(broken, 1) == [broken]
    with pytest.raises(InvalidInput):
        format_once(broken)
