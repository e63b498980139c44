"""Reading published spec files: formats are sniffed, bad input is named precisely."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import yaml

from skifte.spec import SpecError, read_spec
from tests.conftest import minimal_spec, write_yaml


def _error(path: Path) -> SpecError:
    with pytest.raises(SpecError) as caught:
        read_spec(path)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_yaml_in_a_txt_file_is_read(spec_file: Path) -> None:
    document = read_spec(spec_file)
    assert document.version == "1.0.0"
    assert document.title == "Api til prøver"


def test_json_is_sniffed_whatever_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(json.dumps(minimal_spec(version="2.0.0")), encoding="utf-8")
    assert read_spec(path).version == "2.0.0"


def test_yaml_status_codes_stay_strings_and_dates_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "spec.txt"
    text = yaml.safe_dump(minimal_spec()).replace("'200':", "200:")
    text += "x-published: 2024-05-01\nx-flag: on\n"
    path.write_text(text, encoding="utf-8")
    document = read_spec(path)
    assert "200" in document.data["paths"]["/ting/{tingId}"]["get"]["responses"]
    assert document.data["x-published"] == "2024-05-01"
    assert document.data["x-flag"] == "on"


def test_nfd_text_is_normalised_to_nfc_and_the_raw_hash_kept(tmp_path: Path) -> None:
    path = tmp_path / "spec.txt"
    nfd = unicodedata.normalize(
        "NFD", yaml.safe_dump(minimal_spec(title="Dødsbo på Ærø"), allow_unicode=True)
    )
    path.write_bytes(nfd.encode("utf-8"))
    document = read_spec(path)
    assert document.title == "Dødsbo på Ærø"
    assert unicodedata.is_normalized("NFC", document.text)
    assert document.raw_sha256 != document.content_sha256


def test_openapi_31_is_accepted(tmp_path: Path) -> None:
    spec = minimal_spec()
    spec["openapi"] = "3.1.0"
    assert read_spec(write_yaml(tmp_path / "s.txt", spec)).openapi == "3.1.0"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    assert "the file is empty" in str(_error(path))


def test_text_that_is_not_yaml_or_json(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("openapi: 3.0.3\ninfo: [unclosed\n  title: x\n", encoding="utf-8")
    error = _error(path)
    assert "not valid YAML" in str(error)
    assert error.problems[0].line is not None


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text('{\n  "openapi": "3.0.3",\n  "info": {,\n}', encoding="utf-8")
    error = _error(path)
    assert "not valid JSON" in str(error)
    assert error.problems[0].line == 3


def test_prose_is_not_an_openapi_document(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("Dette er en tekst om dødsboer.\n", encoding="utf-8")
    assert "not an OpenAPI document" in str(_error(path))


def test_binary_and_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "spec.txt"
    path.write_bytes(b"openapi: 3.0.3\ninfo:\n  title: \xff\xfe\xfa\n")
    error = _error(path)
    assert "not valid UTF-8" in str(error)
    assert error.problems[0].line == 3


def test_swagger_2_is_refused(tmp_path: Path) -> None:
    path = write_yaml(
        tmp_path / "swagger.txt",
        {"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {}},
    )
    error = _error(path)
    assert "Swagger 2.0 documents are not supported" in str(error)
    assert error.problems[0].pointer == "#/swagger"


def test_unsupported_openapi_version(tmp_path: Path) -> None:
    spec = minimal_spec()
    spec["openapi"] = "4.0.0"
    assert "unsupported OpenAPI version '4.0.0'" in str(
        _error(write_yaml(tmp_path / "s.txt", spec))
    )


def test_missing_info_version(tmp_path: Path) -> None:
    spec = minimal_spec()
    del spec["info"]["version"]
    error = _error(write_yaml(tmp_path / "s.txt", spec))
    assert "info.version is missing" in str(error)
    assert error.problems[0].pointer == "#/info"
    assert error.problems[0].line == 2


def test_unquoted_numeric_version_is_named(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(
        yaml.safe_dump(minimal_spec()).replace("version: 1.0.0", "version: 1.0"), encoding="utf-8"
    )
    assert "info.version must be a string" in str(_error(path))


def test_dangling_ref_names_pointer_and_line(tmp_path: Path) -> None:
    spec = minimal_spec()
    spec["components"]["schemas"]["ting"]["properties"]["ejer"] = {
        "$ref": "#/components/schemas/ejer"
    }
    path = write_yaml(tmp_path / "s.txt", spec)
    error = _error(path)
    problem = error.problems[0]
    assert "'#/components/schemas/ejer' points to nothing" in problem.message
    assert problem.pointer == "#/components/schemas/ting/properties/ejer/$ref"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert (
        problem.line is not None and "$ref: '#/components/schemas/ejer'" in lines[problem.line - 1]
    )


def test_external_ref_is_refused(tmp_path: Path) -> None:
    spec = minimal_spec()
    spec["components"]["schemas"]["ting"] = {"$ref": "other.yaml#/ting"}
    assert "external reference 'other.yaml#/ting'" in str(
        _error(write_yaml(tmp_path / "s.txt", spec))
    )


def test_duplicate_operation_id_names_both(tmp_path: Path) -> None:
    spec = minimal_spec()
    spec["paths"]["/andre"] = {
        "get": {"operationId": "getTing", "responses": {"200": {"description": "ok"}}}
    }
    error = _error(write_yaml(tmp_path / "s.txt", spec))
    problem = error.problems[0]
    assert "duplicate operationId 'getTing': GET /ting/{tingId} has it too" in problem.message
    assert problem.pointer == "#/paths/~1andre/get/operationId"
    assert problem.line is not None


def test_duplicate_yaml_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(
        "openapi: 3.0.3\ninfo:\n  title: a\n  title: b\n  version: '1'\npaths: {}\n",
        encoding="utf-8",
    )
    error = _error(path)
    assert "duplicate key 'title'" in str(error)
    assert error.problems[0].line == 4


def test_schema_violation_names_pointer_and_line(tmp_path: Path) -> None:
    spec = minimal_spec()
    del spec["paths"]["/ting/{tingId}"]["get"]["responses"]["200"]["description"]
    error = _error(write_yaml(tmp_path / "s.txt", spec))
    assert error.problems[0].pointer == "#/paths/~1ting~1{tingId}/get/responses/200"
    assert error.problems[0].line is not None


def test_a_file_of_50_mb_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert "52,428,800 bytes, over the limit" in str(_error(path))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "cannot read the file" in str(_error(tmp_path / "nope.txt"))
    assert "not a file" in str(_error(tmp_path))
