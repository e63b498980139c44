"""The module `st run` imports (SCHEMATHESIS_HOOKS names it; schemathesis's only way in).

Importing it sets the hooks up for the run the environment names: the one import in the
toolkit that does work, and only schemathesis does it.
"""

from __future__ import annotations

import os

from ..settings import HookSettings
from . import set_up

set_up(HookSettings.from_environment(), os.environ)
