#!/usr/bin/env bash
# Create the project's virtual environment (.venv) and install the toolkit into it.
#   scripts/setup.sh          runtime dependencies
#   scripts/setup.sh --test   plus the test tools (pytest, ruff, mypy)
# Idempotent: re-running only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$python" --version 2>&1)); set PYTHON=..." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extras=""
if [ "${1:-}" = "--test" ]; then
  extras="[test]"
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet --editable ".${extras}"
echo "setup: ready ($(.venv/bin/python --version), $(.venv/bin/skifte --version 2>/dev/null || echo skifte))"
