"""Python names: transliterated, valid, unique, and stable."""

from __future__ import annotations

import keyword

import pytest

from skifte.api.naming import pascal_case, snake_case, transliterate, unique
from skifte.api.python_names import class_name, enum_member_name, field_name, package_name


@pytest.mark.parametrize(
    ("wire", "snake", "pascal"),
    [
        ("doedsbojournalId", "doedsbojournal_id", "DoedsbojournalId"),
        ("beløb", "beloeb", "Beloeb"),
        ("Køretøj", "koeretoej", "Koeretoej"),
        ("ÆRØ", "aeroe", "AEROE"),
        ("Ærø", "aeroe", "Aeroe"),
        ("X-Total-Count", "x_total_count", "XTotalCount"),
        ("kravV2Data", "krav_v2_data", "KravV2Data"),
    ],
)
def test_case_conversion(wire: str, snake: str, pascal: str) -> None:
    assert snake_case(wire) == snake
    assert pascal_case(wire) == pascal


def test_nfd_input_is_normalised_first() -> None:
    assert transliterate("bela\u030ab") == "belaab"  # a + combining ring = å


def test_nothing_is_dropped() -> None:
    assert transliterate("naïve") == "naive"
    assert snake_case("日本") == "u65e5_u672c"


def test_keywords_builtins_and_model_attributes() -> None:
    assert class_name("class") == "Class"
    assert class_name("str") == "Str"
    assert class_name("BaseModel") == "BaseModelModel"
    assert class_name("2fa") == "Schema2Fa"
    assert field_name("class") == "class_"
    assert field_name("schema") == "schema_"
    assert field_name("model_type") == "field_model_type"
    assert not keyword.iskeyword(field_name("from"))
    assert enum_member_name("på vej") == "PAA_VEJ"
    assert (field_name("+1"), field_name("-1"), field_name("@type")) == (
        "plus_1",
        "minus_1",
        "at_type",
    )


def test_unique_is_deterministic() -> None:
    assert unique(["Krav", "Krav", "Krav"]) == ["Krav", "Krav2", "Krav3"]
    assert unique(["a", "a"], sep="_") == ["a", "a_2"]


def test_package_name() -> None:
    assert package_name("doedsbo", "1.3.0") == "skifteportal_doedsbo_v1_3_0"
    assert package_name("tvangsoploesning", "1.1.0") == "skifteportal_tvangsoploesning_v1_1_0"
