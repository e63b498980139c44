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
# The report tests read the HTML reports through a real browser: Debian's headless
# Chromium, installed where this may run apt-get (the tests say why they skip otherwise).
if [ -n "$extras" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing chromium for the report tests"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1; then
      echo "setup: chromium could not be installed; the browser tests will skip" >&2
    fi
  else
    echo "setup: no chromium (install Debian's 'chromium' for the browser tests)" >&2
  fi
fi
echo "setup: ready ($(.venv/bin/python --version), $(.venv/bin/skifte --version 2>/dev/null || echo skifte))"
