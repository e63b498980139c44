#!/usr/bin/env bash
# The whole test suite: formatting, lint, strict typing, then the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
"$bin/black" --check --quiet core generator diff testenv contracts tests bench
"$bin/ruff" check --quiet
"$bin/mypy"
"$bin/pytest" "$@"
