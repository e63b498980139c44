"""Our hooks inside `st run`: auth, guards, the ledger, our own checks.

schemathesis imports `hooks.entry` (SCHEMATHESIS_HOOKS names it), which calls `set_up`
once: it opens the run's state (state.py) and registers every hook with it. Importing
this package, or any module in it but `entry`, does nothing else.

auth.py          OAuth2 client credentials over mutual TLS (the first token fetched
                 while schemathesis loads the spec), refreshed before expiry and after
                 a 401
guarding.py      before_call: the request budget, the client's own liquidator,
                 fictitious data only, changes aimed at the run's own records only
tracking.py      after_call: the ledger; the records an answer shows or a delete
                 removes; Retry-After honoured by waiting; filter_failure: a 429 is the
                 environment asking for patience, not a failure
checks.py        total_count_header, known_record_available
files            a file (`format: binary`) is a fictitious one-page PDF: the releases
                 take PDF documents only, and an environment reads what it is sent
outcomes         what every check said, collected from schemathesis's events (outcomes.py)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import schemathesis
from hypothesis import strategies as st

from ..outcomes import register as collect_outcomes
from ..settings import HookSettings
from . import auth, checks, guarding, tracking
from .state import RunState

FICTITIOUS_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def set_up(settings: HookSettings, environ: Mapping[str, str]) -> RunState:
    """The run's state, every hook registered with schemathesis to share it, and the first
    token on its way (last: everything it calls is in place)."""
    run = RunState.open(settings, environ)
    schemathesis.openapi.format("binary", st.just(FICTITIOUS_PDF))
    schemathesis.openapi.media_type("application/pdf", st.just(FICTITIOUS_PDF))
    collect_outcomes(Path(settings.ledger))
    for job in (auth, guarding, tracking, checks):
        job.register(run)
    run.early_token = auth.fetch_early(run)
    return run
