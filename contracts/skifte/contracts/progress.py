"""How far a running contract run has got, told from outside schemathesis's process.

The hooks' ledger says how many requests went out; schemathesis's own log says
which phases have finished. Both are read from where the last look stopped, so a
look costs what was written since.
"""

from __future__ import annotations

import re
from pathlib import Path

from .ledger import LEDGER_FILE

_REQUEST = b'"kind": "request"'
_PHASE_DONE = re.compile(r"^\s*\S+\s+(Examples|Coverage|Fuzzing|Stateful)\b.*\(in [\d.]+s\)", re.M)


class RunProgress:
    def __init__(self, work: Path, log: Path) -> None:
        self._ledger = work / LEDGER_FILE
        self._log = log
        self._ledger_offset = 0
        self._log_offset = 0
        self.requests = 0
        self.phases_done: list[str] = []

    def look(self) -> str:
        """One line: requests so far, and the phases schemathesis has finished."""
        written, self._ledger_offset = _lines_after(self._ledger, self._ledger_offset)
        self.requests += written.count(_REQUEST)
        logged, self._log_offset = _lines_after(self._log, self._log_offset)
        text = logged.decode("utf-8", errors="replace")
        self.phases_done += [p.lower() for p in _PHASE_DONE.findall(text)]
        done = ", ".join(self.phases_done) if self.phases_done else "none yet"
        return f"{self.requests} requests so far; phases finished: {done}"


def _lines_after(path: Path, offset: int) -> tuple[bytes, int]:
    """Whole lines written after `offset`, and where they end (a line still being written
    waits for the next look)."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            data = handle.read()
    except FileNotFoundError:
        return b"", offset
    whole = data[: data.rfind(b"\n") + 1]
    return whole, offset + len(whole)
