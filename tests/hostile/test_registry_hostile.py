"""Hostile input and hostile timing against the registry: races, kills, bombs, long names."""

from __future__ import annotations

import json
import multiprocessing
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.registry import Registry, RegistryError
from skifte.spec import SpecError, read_spec
from skifte.testenv.environment import served_releases
from tests.conftest import PROJECT, minimal_spec, snapshot

HOSTILE = Path(__file__).parent / "registry"
WORKERS = 8
ROUNDS = 50
CLI_ROUNDS = 3
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


# -- an import race must never lose a filed release ---------------------------------------


def _race(root: str, spec: str, barrier: Any, results: Any) -> None:
    """One importer: every round, wait for the others, then file the same new API."""
    registry = Registry(Path(root))
    for round_ in range(ROUNDS):
        try:
            barrier.wait(timeout=600)
            imported = registry.import_spec(Path(spec), f"kapploeb-{round_}")
            results.put((round_, "imported" if imported.added else "no-op"))
        except Exception as exc:  # reported to the test, which fails on it
            results.put((round_, f"{type(exc).__name__}: {exc}"))


def test_concurrent_imports_of_a_new_api_file_it_exactly_once(
    tmp_path: Path, spec_file: Path
) -> None:
    root = tmp_path / "not-yet-a-registry"
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    workers = [
        context.Process(
            target=_race, args=(str(root), str(spec_file), barrier, results), daemon=True
        )
        for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    outcomes: dict[int, list[str]] = {}
    for _ in range(WORKERS * ROUNDS):
        round_, outcome = results.get(timeout=600)
        outcomes.setdefault(round_, []).append(outcome)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    registry = Registry(root)
    for round_ in range(ROUNDS):
        assert sorted(outcomes[round_]) == ["imported"] + ["no-op"] * (WORKERS - 1), round_
        release = registry.release(f"kapploeb-{round_}", "1.0.0")
        assert release.spec_path.read_bytes() == spec_file.read_bytes()
    verified = list(registry.verify())
    assert len(verified) == ROUNDS
    assert all(v.problems == [] and v.document is not None for v in verified)
    assert registry.incomplete() == []


def test_concurrent_imports_through_the_command_line(tmp_path: Path, spec_file: Path) -> None:
    """The same race through `skifte import`, each process started before the starting gun."""
    root, gate = tmp_path / "reg", tmp_path / "gate"
    gate.mkdir()
    script = textwrap.dedent("""
        import os, sys, time
        from skifte.cli import app
        gate, spec, root = sys.argv[1:4]
        open(os.path.join(gate, f"ready-{os.getpid()}"), "w").close()
        deadline = time.monotonic() + 600
        for round_ in range(int(sys.argv[4])):
            while not os.path.exists(os.path.join(gate, f"go-{round_}")):
                assert time.monotonic() < deadline, "no starting gun"
                time.sleep(0.002)
            code = app(
                ["import", spec, "--api", f"kommando-{round_}", "--registry", root],
                standalone_mode=False,
            )
            sys.stderr.write(f"\\nround {round_} exit {code or 0}\\n")
            sys.stderr.flush()
        """)
    command = [sys.executable, "-c", script, str(gate), str(spec_file), str(root), str(CLI_ROUNDS)]
    processes = [
        subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=PROJECT)
        for _ in range(WORKERS)
    ]
    try:
        while len(list(gate.glob("ready-*"))) < WORKERS:
            assert all(p.poll() is None for p in processes), "an importer died before the race"
            time.sleep(0.01)
        for round_ in range(CLI_ROUNDS):
            (gate / f"go-{round_}").touch()
        outputs = [p.communicate(timeout=600)[1] for p in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    assert [p.returncode for p in processes] == [0] * WORKERS, outputs
    for round_ in range(CLI_ROUNDS):
        told = [_round_of(output, round_) for output in outputs]
        assert sum("imported kommando" in text for text in told) == 1, told
        assert sum("nothing to do" in text for text in told) == WORKERS - 1, told
        assert all(f"round {round_} exit 0" in text for text in told)
    code, err = _run("verify", "--registry", str(root))
    assert code == 0, err
    assert [r.ref for r in Registry(root).releases()] == [
        f"kommando-{n}@1.0.0" for n in range(CLI_ROUNDS)
    ]


def _round_of(output: str, round_: int) -> str:
    """What one process printed in one round (each round ends with its `round N exit` line)."""
    start = output.find(f"round {round_ - 1} exit") if round_ else 0
    told = output[start : output.find(f"round {round_} exit") + len(f"round {round_} exit 0")]
    return " ".join(told.split())  # the console wraps long lines


# -- an interrupted import stays invisible, and verify clears it ------------------------


def test_debris_of_interrupted_imports_is_invisible_and_verify_removes_it(
    tmp_path: Path, spec_file: Path
) -> None:
    root = tmp_path / "reg"
    registry = Registry(root)
    registry.import_spec(spec_file, "proeve")
    content = spec_file.read_bytes()
    # What a SIGKILL leaves at each point of an import: an API folder made for the first
    # release and nothing in it; a staging folder half written; one next to a good release.
    (root / "tom").mkdir()
    (root / "halv" / ".import-1.0.0-k1ll3d").mkdir(parents=True)
    (root / "halv" / ".import-1.0.0-k1ll3d" / "openapi.yaml").write_bytes(content[:40])
    (root / "proeve" / ".import-2.0.0-abcd12").mkdir()
    (root / "proeve" / ".import-2.0.0-abcd12" / "openapi.yaml").write_bytes(content)

    assert registry.apis() == ["proeve"]
    assert [r.ref for r in registry.releases()] == ["proeve@1.0.0"]
    with pytest.raises(RegistryError, match="no releases of API 'tom'"):
        registry.releases("tom")
    # The stand-in chooses its releases from the listing: the debris must not stop it.
    assert [(p.ref, b.ref) for p, b in served_releases(registry, (), ())] == [
        ("proeve@1.0.0", "proeve@1.0.0")
    ]
    assert {v.folder.name for v in registry.verify() if v.problems} == {
        "tom",
        "halv",
        ".import-1.0.0-k1ll3d",
        ".import-2.0.0-abcd12",
    }

    code, err = _run("verify", "--registry", str(root))
    assert code == 0, err
    assert err.count("removed ") == 4
    assert sorted(p.name for p in root.iterdir()) == [".lock", "proeve"]
    assert sorted(p.name for p in (root / "proeve").iterdir()) == ["1.0.0"]


def test_verify_keeps_and_reports_a_staging_folder_holding_other_files(
    tmp_path: Path, spec_file: Path
) -> None:
    root = tmp_path / "reg"
    Registry(root).import_spec(spec_file, "proeve")
    foreign = root / "proeve" / ".import-9.9.9-notes"
    foreign.mkdir()
    (foreign / "noter.txt").write_text("ikke vores", encoding="utf-8")
    before = snapshot(root)
    code, err = _run("verify", "--registry", str(root))
    assert code == 1
    assert "kept" in err and "noter" not in err
    assert snapshot(root) == before


def test_an_import_killed_mid_write_leaves_nothing_a_reader_sees(
    tmp_path: Path, spec_file: Path
) -> None:
    """A real SIGKILL, at the worst moment: the first release's files are half staged."""
    root = tmp_path / "reg"
    script = textwrap.dedent("""
        import os, signal, sys
        from pathlib import Path
        from skifte.registry import Registry, store

        write = store._write_file

        def write_then_die(path, content):
            write(path, content[: len(content) // 2])
            os.kill(os.getpid(), signal.SIGKILL)

        store._write_file = write_then_die
        Registry(Path(sys.argv[1])).import_spec(Path(sys.argv[2]), "draebt")
        """)
    killed = subprocess.run(
        [sys.executable, "-c", script, str(root), str(spec_file)], cwd=PROJECT, timeout=300
    )
    assert killed.returncode == -signal.SIGKILL
    (staging,) = (root / "draebt").iterdir()
    assert staging.name.startswith(".import-1.0.0-")

    registry = Registry(root)
    assert registry.apis() == []
    assert registry.releases() == []
    # The lock died with its holder: the next import files the release.
    assert registry.import_spec(spec_file, "draebt").added
    code, err = _run("verify", "--registry", str(root))
    assert code == 0, err
    assert "removed" in err
    assert sorted(p.name for p in (root / "draebt").iterdir()) == ["1.0.0"]


# -- documents built to exhaust the reader ----------------------------------------------


def test_an_alias_bomb_is_refused_quickly_with_its_line(tmp_path: Path) -> None:
    bomb = HOSTILE / "billion-laughs.yaml"
    root = tmp_path / "reg"
    # In a child process: if the bound ever breaks, this fails instead of hanging the run.
    command = [sys.executable, "-m", "skifte.cli", "import", str(bomb), "--api", "lol"]
    result = subprocess.run(
        [*command, "--registry", str(root)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert str(bomb) in line and "alias" in line and "(line 10)" in line
    assert not root.exists()
    code, err = _run("diff", str(bomb), str(bomb))
    assert code == 2 and "alias" in err


@pytest.mark.parametrize("separator", [", ", ",", ",\n  "], ids=["spaced", "tight", "one-per-line"])
def test_an_alias_bomb_in_flow_style_is_refused(tmp_path: Path, separator: str) -> None:
    """Anchors right after `[` or `,` in JSON-like flow text are found too."""
    levels = ["&l0 [" + separator.join(['"lol"'] * 10) + "]"]
    levels += [f"&l{n} [" + separator.join([f"*l{n - 1}"] * 10) + "]" for n in range(1, 10)]
    text = '{"openapi": "3.0.3", "info": {"title": "Bombe", "version": "1.0.0"}, "paths": {},\n'
    bomb = tmp_path / "bombe.json"
    bomb.write_text(text + '"x-lol": [' + separator.join(levels) + "]}\n", encoding="utf-8")
    with pytest.raises(SpecError, match="YAML aliases expand this node to more than"):
        read_spec(bomb)


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match=r"alias refers to a node that contains it \(line 5\)"):
        read_spec(HOSTILE / "recursive-alias.yaml")


@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_a_100k_deep_document_is_refused_with_exit_2(tmp_path: Path, syntax: str) -> None:
    depth = 100_000
    if syntax == "json":
        body = '{"openapi": "3.0.3", "info": {"title": "Dyb", "version": "1.0.0"}, "paths": {},'
        text = body + '\n"x-dyb": ' + "[" * depth + "]" * depth + "}"
        says = "the document nests mappings and lists more than 128 levels deep (line 2)"
    else:
        text = "openapi: 3.0.3\ninfo: {title: Dyb, version: 1.0.0}\npaths: {}\n"
        text += "x-dyb: " + "[" * depth + "]" * depth + "\n"
        says = "not valid YAML: exceeded maximum nesting depth (line 4)"
    deep = tmp_path / f"dyb.{syntax}"
    deep.write_text(text, encoding="utf-8")
    code, err = _run("import", str(deep), "--api", "dyb", "--registry", str(tmp_path / "reg"))
    assert code == 2
    (line,) = err.strip().splitlines()
    assert line == f"error: {deep}: {says}"
    assert not (tmp_path / "reg").exists()


def test_nesting_beyond_the_bound_is_refused_where_it_starts(tmp_path: Path) -> None:
    """Deep enough for every later reader to recurse out of its stack, shallow for the parser."""
    spec = minimal_spec()
    node: dict[str, Any] = {"type": "string"}
    for _ in range(200):
        node = {"type": "object", "properties": {"indre": node}}
    spec["components"]["schemas"]["dyb"] = node
    path = tmp_path / "dyb.json"
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    with pytest.raises(
        SpecError,
        match=r"more than 128 levels deep \(line \d+, "
        r"#/components/schemas/dyb/properties/indre/properties/indre/properties/…\)",
    ):
        read_spec(path)
    # 60 levels are well inside the bound and read as usual.
    node = {"type": "string"}
    for _ in range(60):
        node = {"type": "object", "properties": {"indre": node}}
    spec["components"]["schemas"]["dyb"] = node
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    assert read_spec(path).version == "1.0.0"


# -- names that cannot be folders -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("a" * 300, "too long: at most 64 characters"),
        ("../udenfor", "lower case letters"),
        ("Doedsbo", "lower case letters"),
        ("doedsbo\n", "lower case letters"),
        ("", "lower case letters"),
    ],
)
def test_an_unusable_api_name_is_one_line_and_exit_2(
    tmp_path: Path, spec_file: Path, name: str, says: str
) -> None:
    root = tmp_path / "reg"
    Registry(root).import_spec(spec_file, "proeve")
    before = snapshot(root)
    for command in (
        ["import", str(spec_file), "--api", name],
        ["releases", "--api", name],
        ["changelog", "--api", name],
        ["export", f"{name}@1.0.0"],
        ["diff", f"{name}@1.0.0", "proeve@1.0.0"],
    ):
        code, err = _run(*command, "--registry", str(root))
        assert code == 2, (command, err)
        (line,) = err.strip().splitlines()
        assert len(line) < 200, line
        # A name with a slash is no release reference at all, which the diff says instead.
        assert says in line or (command[0] == "diff" and "/" in name), line
    assert snapshot(root) == before


def test_a_version_too_long_for_a_folder_is_an_unknown_release(
    tmp_path: Path, spec_file: Path
) -> None:
    root = tmp_path / "reg"
    Registry(root).import_spec(spec_file, "proeve")
    code, err = _run("export", "proeve@" + "1" * 300, "--registry", str(root))
    assert code == 2 and "no release proeve@" in err
