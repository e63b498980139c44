"""GitHub Actions workflow commands: one annotation per change, on the revision's line.

`::error file=…,line=…,title=…::message` for a breaking change, `::warning` and `::notice`
for the others; GitHub shows them in the job summary and beside the spec file's lines
in a pull request. Data is escaped as the runner expects (`%`, CR and LF; in properties
also `:` and `,`).
"""

from __future__ import annotations

from pathlib import Path

from ..change import Change, DiffResult

_COMMAND = {"breaking": "error", "warning": "warning", "info": "notice"}


def render(result: DiffResult) -> str:
    lines = [_annotation(result, change) for change in result.changes]
    return "".join(f"{line}\n" for line in lines)


def _annotation(result: DiffResult, change: Change) -> str:
    file = _workspace_path(result.revision_file) if result.revision_file else None
    line = result.line_of(change.pointer) if file and result.line_of else None
    where = f"{change.operation}: " if change.operation else ""
    return annotation(
        change.level,
        where + change.message,
        file=file,
        line=line,
        title=f"{change.id} ({change.level})",
    )


def annotation(
    level: str, message: str, *, title: str, file: str | None = None, line: int | None = None
) -> str:
    """One workflow command (`::error file=…,line=…,title=…::message`) for a level of ours."""
    properties = [f"file={_property(file)}"] if file else []
    if line is not None:
        properties.append(f"line={line}")
    properties.append(f"title={_property(title)}")
    return f"::{_COMMAND[level]} {','.join(properties)}::{_data(message)}"


def _workspace_path(file: str) -> str:
    """GitHub places annotations by paths relative to the checkout: the working directory."""
    path = Path(file)
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        return path.relative_to(Path.cwd()).as_posix()
    return file


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
