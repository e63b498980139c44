"""Why a package could not be made: the step, the place in the document, the cause, one line.

Every step of generation catches what it raises and returns a `Failure` instead, so
a worker process never hands a traceback back to the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from skifte.spec import SpecError

_LONGEST = 400
"""Characters of a cause shown: a library's message can quote a whole schema."""


@dataclass(frozen=True)
class Failure:
    step: str
    """What was being done, e.g. "validation", "generating models.py", "writing"."""
    cause: str
    pointer: str | None = None
    """JSON pointer into the spec where the step failed, when the error knows it."""
    unusable: bool = False
    """The input itself cannot be used (not an OpenAPI document, invalid)."""
    more: tuple[str, ...] = ()
    """Further problems, one per line (a spec with several)."""

    def describe(self) -> str:
        where = f" at {self.pointer}" if self.pointer else ""
        return f"{self.step}{where}: {self.cause}"


def failure_of(step: str, exc: BaseException) -> Failure:
    """The error of a step as a Failure; errors the toolkit does not expect keep their type."""
    from .models_module import ModelsError  # loads datamodel-code-generator: only on failure

    if isinstance(exc, SpecError):
        problems = [p.describe() for p in exc.problems]
        if len(problems) == 1:
            return Failure(step, problems[0], unusable=True)
        return Failure(step, f"{len(problems)} problems", unusable=True, more=tuple(problems))
    pointer = getattr(exc, "pointer", None)
    text = one_line(str(exc)) or "(no message)"
    if isinstance(exc, OSError) and exc.strerror:
        text = one_line(f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror)
    elif not isinstance(exc, ModelsError):  # an error nobody planned for: keep its type
        text = f"{type(exc).__name__}: {text}"
    return Failure(step, text, pointer if isinstance(pointer, str) and pointer else None)


def one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _LONGEST else flat[: _LONGEST - 1] + "…"
