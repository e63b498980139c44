"""The matrix's reports: matrix-<api>.md, .json and .html, from the same matrix."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from .files import write_texts
from .matrix import Matrix


def matrix_markdown(matrix: Matrix) -> str:
    header = "| client \\ environment | " + " | ".join(matrix.versions) + " |"
    lines = [
        f"# Compatibility matrix: {matrix.api}",
        "",
        header,
        "|---|" + "---|" * len(matrix.versions),
    ]
    for client in matrix.versions:
        row = [client]
        for environment in matrix.versions:
            cell = matrix.find(client, environment)
            if cell is None:
                row.append("not run")
            elif cell.errors:
                row.append("⚠ error: the run could not test")
            elif cell.passed:
                row.append("pass")
            else:
                mark = " ⚠ unexplained" if cell.unexplained else ""
                row.append(", ".join(cell.failed_checks) + mark)
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "Predicted by `skifte diff` (breaking) and seen by the contract run:", ""]
    for cell in matrix.cells:
        if cell.errors:
            lines.append(f"- {cell.client} → {cell.environment}: ⚠ {'; '.join(cell.errors)}")
            continue
        if cell.client == cell.environment:
            continue
        which = f" ({', '.join(cell.unexplained)})" if cell.unexplained else ""
        observed = len(cell.predicted) - len(cell.not_observed)
        lines.append(
            f"- {cell.client} → {cell.environment}: {len(cell.predicted)} operation(s) "
            f"predicted to break, {observed} of them failing, {len(cell.not_observed)} not "
            f"observed; {len(cell.failing_operations)} failing in all, "
            f"{len(cell.unexplained)} unexplained{which}"
        )
    return "\n".join(lines) + "\n"


def write_matrix(matrix: Matrix, report_dir: Path) -> dict[str, Path]:
    """matrix-<api>.md, .json and .html, from the same matrix."""
    from .pages import matrix_page

    data = asdict(matrix) | {"agrees": matrix.agrees}
    return write_texts(
        report_dir,
        {
            f"matrix-{matrix.api}.md": matrix_markdown(matrix),
            f"matrix-{matrix.api}.json": json.dumps(data, indent=2, ensure_ascii=False) + "\n",
            f"matrix-{matrix.api}.html": matrix_page(matrix),
        },
    )
