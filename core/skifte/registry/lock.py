"""One writer at a time: an advisory lock file per registry.

Every change to the registry (filing a release, removing what an interrupted import
left behind) decides and acts while holding `<root>/.lock`, so no process acts on
what it saw before another process changed it. The lock belongs to the open file:
it is released when the holder closes it or dies, so a killed import never blocks
the next one.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"


@contextmanager
def registry_lock(root: Path) -> Iterator[None]:
    """Hold the registry's write lock (creating the registry folder if needed)."""
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
