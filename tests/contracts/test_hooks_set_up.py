"""The contract hooks do nothing when imported: only `set_up`, called by the module
schemathesis imports, opens a run's state and registers them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from skifte.contracts.settings import HOOKS_MODULE, SETTINGS_ENV

LOOK = """
import importlib, json, os, pkgutil, threading
import skifte.contracts.hooks as hooks
modules = sorted(m.name for m in pkgutil.iter_modules(hooks.__path__) if m.name != "entry")
for name in modules:
    importlib.import_module(f"skifte.contracts.hooks.{name}")
from schemathesis.auths import GLOBAL_AUTH_STORAGE
from schemathesis.checks import CHECKS
from schemathesis.cli.ext.handlers import CUSTOM_HANDLERS
from schemathesis.hooks import GLOBAL_HOOK_DISPATCHER
from schemathesis.specs.openapi.formats import STRING_FORMATS
print(json.dumps({
    "modules": modules,
    "threads": [t.name for t in threading.enumerate()],
    "hooks": sorted(name for name, found in GLOBAL_HOOK_DISPATCHER.get_all().items() if found),
    "auth": len(GLOBAL_AUTH_STORAGE.providers),
    "checks": [n for n in ("total_count_header", "known_record_available")
               if n in CHECKS.get_all_names()],
    "formats": "binary" in STRING_FORMATS,
    "handlers": len(CUSTOM_HANDLERS),
    "files": os.listdir("."),
}))
"""


def _python(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """`code` run by a new interpreter in `folder`, with no run named in its environment."""
    bare = {k: v for k, v in os.environ.items() if not k.startswith(("SKIFTE_", "SCHEMATHESIS_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=folder,
        env=bare,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_importing_the_hooks_does_nothing(tmp_path: Path) -> None:
    finished = _python(LOOK, tmp_path)
    assert finished.returncode == 0, finished.stderr
    seen = json.loads(finished.stdout)
    assert {"auth", "checks", "guarding", "state", "tracking"} <= set(seen["modules"])
    assert seen["threads"] == ["MainThread"]
    assert seen["hooks"] == [] and seen["auth"] == 0 and seen["checks"] == []
    assert not seen["formats"] and seen["handlers"] == 0
    assert seen["files"] == []


def test_the_module_schemathesis_imports_needs_a_run(tmp_path: Path) -> None:
    finished = _python(f"import {HOOKS_MODULE}", tmp_path)
    assert finished.returncode != 0
    assert f"{SETTINGS_ENV} is not set: the hooks run inside `skifte contract run`" in (
        finished.stderr
    )
    assert list(tmp_path.iterdir()) == []
