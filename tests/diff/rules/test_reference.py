"""Every rule maps to the reference checker's ids, and every departure from its levels is
documented: over the whole corpus, a change's level is the reference's verdict (the worst
level of the ids it carries) unless `differences.py` says why not."""

from __future__ import annotations

from pathlib import Path

import pytest

from skifte.diff import RULES, diff_documents
from skifte.diff.rules.differences import DIFFERENCES
from skifte.diff.rules.reference import REFERENCE
from skifte.spec import read_spec
from tests.diff.conftest import CORPUS

SEVERITY = {"breaking": 0, "warning": 1, "info": 2}
FOLDERS = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def test_every_rule_has_a_reference_entry_and_back() -> None:
    assert set(REFERENCE) == set(RULES)


def test_differences_name_rules_and_give_reasons() -> None:
    assert set(DIFFERENCES) <= set(RULES)
    for rule, reason in DIFFERENCES.items():
        assert len(reason) > 40 and reason.endswith("."), rule


def test_a_rule_without_counterpart_is_information_or_documented() -> None:
    for rule in RULES.values():
        if not rule.reference and rule.allowed_levels != ("info",):
            assert rule.id in DIFFERENCES, f"{rule.id} has no reference id and no reason"


def test_reference_levels_are_ours() -> None:
    for refs in REFERENCE.values():
        for ref in refs:
            assert ref.level in SEVERITY
            assert ref.id == ref.id.lower() and " " not in ref.id


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_corpus_levels_agree_with_the_reference_or_are_documented(folder: Path) -> None:
    base = read_spec(folder / "base.yaml", validate=False)
    revision = read_spec(folder / "revision.yaml", validate=False)
    for change in diff_documents(base, revision, package="pkg").changes:
        refs = {ref.id: ref.level for ref in RULES[change.id].reference}
        assert set(change.oasdiff) <= set(refs), change
        if change.oasdiff:
            verdict = min((refs[i] for i in change.oasdiff), key=SEVERITY.__getitem__)
        else:
            verdict = "info"  # the reference reports nothing that fails a build
        if change.level != verdict:
            assert change.id in DIFFERENCES, (
                f"{change.id} is {change.level} where the reference says {verdict} "
                f"({', '.join(change.oasdiff) or 'no id'}): document why in differences.py"
            )
