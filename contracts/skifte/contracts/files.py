"""Writing report files: each whole or not at all, so a reader never sees half a report."""

from __future__ import annotations

from pathlib import Path


def write_texts(folder: Path, texts: dict[str, str]) -> dict[str, Path]:
    """File name → text, written beside its place and renamed into it."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, text in texts.items():
        path = folder / name
        partial = path.with_name(f".{name}.partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
        written[name] = path
    return written
