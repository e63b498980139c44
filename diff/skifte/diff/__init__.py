"""Release diff: every change between two releases, classified, with the client code it hits.

`diff_documents` compares two spec documents through the model of an API
(`skifte.api`); the rules in `rules/` find changes, the table in `rules/__init__.py`
classifies them, and `report/` lays them out. `skifte diff` and `skifte changelog`
(`skifte.cli.diff_command`) are the command line.
"""

from .change import LEVELS, Change, DiffResult, FailOn, Level
from .changelog import diff_releases, registry_changelog
from .engine import diff_apis, diff_documents
from .ignore import IgnoreFileError, IgnoreList, read_ignore_file
from .load import Side, diff_sides, load_side
from .report import FORMATS
from .rules import RULES, Rule

__all__ = [
    "FORMATS",
    "LEVELS",
    "RULES",
    "Change",
    "DiffResult",
    "FailOn",
    "IgnoreFileError",
    "IgnoreList",
    "Level",
    "Rule",
    "Side",
    "diff_apis",
    "diff_documents",
    "diff_releases",
    "diff_sides",
    "load_side",
    "read_ignore_file",
    "registry_changelog",
]
