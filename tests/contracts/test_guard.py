"""The data guard: fictitious values only, and a plausibly real CPR never leaves unnoticed."""

from __future__ import annotations

from skifte.contracts.guard import make_fictitious, real_cprs, received
from skifte.identifiers import is_fictitious_cpr, is_fictitious_cvr, is_plausibly_real_cpr


def test_real_looking_cprs_are_found_by_field_not_value() -> None:
    body = {"afdoede": {"cprNummer": "010190-1234"}, "note": "ring 2503891234", "ok": "650321-4127"}
    found = real_cprs(body)
    assert sorted(found) == ["cprNummer", "note"]
    assert "010190" not in " ".join(found)


def test_values_the_environment_sent_may_be_sent_back() -> None:
    sent_by_environment = received([{"cpr": "010190-1234"}])
    assert real_cprs({"cpr": "0101901234"}, sent_by_environment) == []


def test_generated_values_are_made_fictitious() -> None:
    body = {
        "cprNummer": "010190-1234",
        "n": 2503891234,
        "kreditor": {"cvrNummer": "12345674"},
        "fine": "650321-4127",
        "text": "ingen numre",
    }
    fixed = make_fictitious(body, "seed")
    assert is_fictitious_cpr(fixed["cprNummer"]) and not is_plausibly_real_cpr(str(fixed["n"]))
    assert is_fictitious_cvr(fixed["kreditor"]["cvrNummer"])
    assert fixed["fine"] == "650321-4127" and fixed["text"] == "ingen numre"
    assert real_cprs(fixed) == []
    assert make_fictitious(body, "seed") == fixed  # deterministic


def test_allowed_values_are_left_alone() -> None:
    allowed = received({"cpr": "010190-1234"})
    assert make_fictitious({"cpr": "010190-1234"}, "s", allowed) == {"cpr": "010190-1234"}


def test_the_quick_look_misses_nothing_the_full_check_would_find() -> None:
    from skifte.contracts.guard import might_identify

    assert might_identify({"a": [{"b": 2503891234}]}) and might_identify({"x": "010190-1234"})
    assert might_identify({"kreditor": {"cvrNummer": "12345678"}})
    assert not might_identify({"navn": "Fiktiv", "beloeb": 12.5, "id": "5f0c3a4e-9a4b"})


def test_file_parts_are_read_too() -> None:
    from skifte.contracts.guard import might_identify

    assert real_cprs({"fil": b"%PDF-1.4 cpr 0101901234"}) == ["fil"]
    assert might_identify({"fil": b"0101901234"})


def test_reproduce_commands_quote_everything_but_the_placeholders() -> None:
    import shlex

    from skifte.contracts.results import curl

    request = {
        "method": "POST",
        "uri": "https://x/a",
        "headers": {"Authorization": ["x"]},
        "body": {"string": '{"navn": "$(touch /tmp/pwned)"}'},
    }
    command = curl(request)
    words = shlex.split(command)
    assert '{"navn": "$(touch /tmp/pwned)"}' in words  # one literal word, nothing to expand
    assert command.split("--data-binary ")[1].startswith("'")
    assert '"Authorization: Bearer $SKIFTE_TOKEN"' in command
