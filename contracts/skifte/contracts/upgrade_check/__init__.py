"""Which places of an integrator's code break when it moves to a newer release.

`upgrade_check` finds every use of the old release's generated package in the code
(`uses.py`, from the syntax trees, with the package's own surface read from its
source in `surface.py`), type-checks the code once with mypy against the new
release's package under the old import name (`typecheck.py`), and joins both with
the release diff's changes through their `affects` (`places.py`). `formats.py` lays
the result out; `skifte upgrade-check` (`skifte.cli.upgrade_command`) is the command.
"""

from .check import UpgradeCheckError, locate_package, python_files, upgrade_check
from .formats import FORMATS
from .places import Explanation, Place, UpgradeCheck
from .typecheck import TypeCheckError, TypeProblem

__all__ = [
    "FORMATS",
    "Explanation",
    "Place",
    "TypeCheckError",
    "TypeProblem",
    "UpgradeCheck",
    "UpgradeCheckError",
    "locate_package",
    "python_files",
    "upgrade_check",
]
