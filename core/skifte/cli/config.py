"""A project's own defaults: `[tool.skifte]` in pyproject.toml, or a skifte.toml.

Found from the working folder upwards (the first folder holding either file; a
skifte.toml there wins). Paths in it are relative to the file's folder. What a
command is told on its command line overrides the file; the file overrides the
toolkit's built-in defaults.

    [tool.skifte]
    registry = "specs"
    report-dir = "reports"
    certs = "certs/oces3-test"
    client = "min-klient"
    rate-limit = "5/s"
    target = "https://api.test-minskiftesag.net"
    needs = "needs.toml"
    test-environments = ["https://api.test-minskiftesag.net"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_FILE = "skifte.toml"
PATH_KEYS = {"registry", "report-dir", "certs", "needs"}
TEXT_KEYS = {"client", "rate-limit", "target"}
LIST_KEYS = {"test-environments"}


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    source: Path | None = None
    """The file the settings came from; None when there is none."""
    paths: dict[str, Path] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def path(self, key: str) -> Path | None:
        return self.paths.get(key)

    def text(self, key: str) -> str | None:
        return self.texts.get(key)

    def strings(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())


def load_config(start: Path | None = None) -> Config:
    """The nearest project configuration above `start` (default: the working folder).

    Read afresh each time: a few small files, and never a stale answer."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return _parse(own, _read(own))
        project = candidate / "pyproject.toml"
        if project.is_file():
            table = _read(project).get("tool", {}).get("skifte")
            if table is not None:
                return _parse(project, table)
    return Config()


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None


def _parse(path: Path, table: Any) -> Config:
    where = f"{path} [tool.skifte]" if path.name == "pyproject.toml" else str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: not a table of settings")
    known = PATH_KEYS | TEXT_KEYS | LIST_KEYS
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    config = Config(source=path)
    for key, value in table.items():
        if key in LIST_KEYS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise ConfigError(f"{where}: {key} must be a list of strings")
            config.lists[key] = tuple(value)
        elif not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: {key} must be a non-empty string")
        elif key in PATH_KEYS:
            config.paths[key] = path.parent / Path(value).expanduser()
        else:
            config.texts[key] = value
    return config
