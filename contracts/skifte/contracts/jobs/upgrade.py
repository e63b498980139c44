"""`skifte upgrade-check`: the places of an integrator's code that break on a newer release.

The command line reaches the contracts layer only through its jobs; the check itself
lives in `skifte.contracts.upgrade_check`.
"""

from __future__ import annotations

from ..upgrade_check import FORMATS, TypeCheckError, UpgradeCheckError, upgrade_check

__all__ = ["FORMATS", "TypeCheckError", "UpgradeCheckError", "upgrade_check"]
