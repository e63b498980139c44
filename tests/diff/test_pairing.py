"""Operations and parameters pair across releases by what they are on the wire."""

from __future__ import annotations

from skifte.api import Operation, Parameter
from skifte.diff.pairing import parameter_key, path_shape


def test_path_shape_ignores_parameter_names() -> None:
    assert path_shape("/a/{aId}/b/{bId}") == path_shape("/a/{x}/b/{y}") == "/a/{}/b/{}"
    assert path_shape("/a/{id}") != path_shape("/a/{id}/b")


def test_path_parameters_pair_by_position_and_headers_ignore_case() -> None:
    old = Operation("GET", "/a/{aId}", "getA")
    new = Operation("GET", "/a/{id}", "getA")
    assert parameter_key(Parameter("aId", "path", True, None), old) == parameter_key(
        Parameter("id", "path", True, None), new
    )
    assert parameter_key(Parameter("X-Key", "header", False, None), old) == parameter_key(
        Parameter("x-key", "header", False, None), new
    )
    assert parameter_key(Parameter("q", "query", False, None), old) != parameter_key(
        Parameter("Q", "query", False, None), new
    )
